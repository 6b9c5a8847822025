"""The sections of a network's pages, as registered by the apps that own them.

The network's sub-navigation lists the sections in order. `networks` sits below the feature
apps and cannot know them, so each app registers its own section when Django starts (in its
`AppConfig.ready`): the dependency stays pointing down, and a new app adds a tab without
touching this one.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.functional import Promise

from .models import Network


@dataclass(frozen=True)
class Section:
    key: str  # what a page passes as `active` to mark itself in the navigation
    label: str | Promise
    url_name: str  # takes the network's slug
    order: int
    permission: str = "networks.view_network"  # who sees the tab
    # Shown in a facilitators' network too; the learning process's tabs (prerequisites, themes,
    # Netwerkbarometer, reports, ...) are not.
    in_facilitators_network: bool = False


_sections: dict[str, Section] = {}


def register(section: Section) -> None:
    """Add a section (again on a reload: the key decides, so registering twice is harmless)."""
    _sections[section.key] = section


def sections() -> list[Section]:
    return sorted(_sections.values(), key=lambda s: (s.order, s.key))


def visible_sections(user: object, network: Network) -> Iterable[Section]:
    has_perm = getattr(user, "has_perm", None)
    return [
        s
        for s in sections()
        if (s.in_facilitators_network or not network.is_facilitators_network)
        and has_perm is not None
        and has_perm(s.permission, network)
    ]
