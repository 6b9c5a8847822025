"""What higher apps have next to a catalogue entry or a phase, registered by those apps.

The catalogue sits below the apps that own films, articles and other material, so it cannot ask
them. An app registers a provider in its `AppConfig.ready`; the entry page and the phase page
show every provider's items under the provider's heading. A provider reads with one query for a
whole page section (never one per entry), caches what is the same for everyone (the phase page
is otherwise served from the cache without a query), and returns a short list.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils.functional import Promise

if TYPE_CHECKING:
    from .models import Entry


@dataclass(frozen=True)
class RelatedItem:
    title: str
    url: str
    kind: str  # a short label: "Film", "Artikel"
    note: str = ""  # e.g. the region it belongs to, when there are several


@dataclass(frozen=True)
class Provider:
    key: str
    heading: str | Promise
    for_entry: Callable[["Entry"], Sequence[RelatedItem]]
    # Takes a stage of `phase.STAGE_CHOICES` (a phase's value, or "prerequisites").
    for_stage: Callable[[str], Sequence[RelatedItem]]
    order: int = 50


@dataclass(frozen=True)
class RelatedSection:
    key: str
    heading: str
    items: Sequence[RelatedItem]


_providers: dict[str, Provider] = {}


def register(provider: Provider) -> None:
    """Add a provider (again on a reload: the key decides, so registering twice is harmless)."""
    _providers[provider.key] = provider


def _providers_in_order() -> list[Provider]:
    return sorted(_providers.values(), key=lambda p: (p.order, p.key))


def related_to_entry(entry: "Entry") -> list[RelatedSection]:
    """The sections with items for this entry, in order; those without items are left out."""
    sections = [
        RelatedSection(p.key, str(p.heading), list(p.for_entry(entry)))
        for p in _providers_in_order()
    ]
    return [section for section in sections if section.items]


def related_to_stage(stage: str) -> list[RelatedSection]:
    sections = [
        RelatedSection(p.key, str(p.heading), list(p.for_stage(stage)))
        for p in _providers_in_order()
    ]
    return [section for section in sections if section.items]
