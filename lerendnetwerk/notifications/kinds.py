"""The kinds of notification, as registered by the apps that send them.

`notifications` sits just above `accounts`, below every feature app, so it cannot know what a
dot vote or a Netwerkbarometer round is. Each app registers its kinds in its `AppConfig.ready`
(like `networks.sections`): a key, the label and description a person sees on the preferences
page, the frequency for someone who chose nothing, and the one-line message with named
parameters (`%(network)s`) that the list and the e-mails show, translated for the reader.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class Frequency(models.TextChoices):
    IMMEDIATELY = "immediately", _("Immediately")
    DAILY = "daily", _("In a daily overview")
    WEEKLY = "weekly", _("In a weekly overview (on Monday)")
    NEVER = "never", _("No e-mail")


@dataclass(frozen=True)
class Kind:
    key: str
    label: str | Promise
    default_frequency: Frequency
    description: str | Promise
    # One line with named parameters, filled with a notification's params when shown.
    message: str | Promise
    order: int = 100


_kinds: dict[str, Kind] = {}


def register(
    key: str,
    label: str | Promise,
    default_frequency: Frequency,
    description: str | Promise,
    *,
    message: str | Promise,
    order: int = 100,
) -> Kind:
    """Add a kind (again on a reload: the key decides, so registering twice is harmless)."""
    kind = Kind(key, label, default_frequency, description, message, order)
    _kinds[key] = kind
    return kind


def get(key: str) -> Kind | None:
    return _kinds.get(key)


def kinds() -> list[Kind]:
    return sorted(_kinds.values(), key=lambda kind: (kind.order, kind.key))


def render(key: str, params: dict[str, str]) -> str:
    """The message of a notification in the active language; a kind no longer registered
    shows its key, so that an old row never breaks the list."""
    kind = _kinds.get(key)
    if kind is None:
        return key
    try:
        return str(kind.message) % params
    except (KeyError, TypeError, ValueError):
        return str(kind.label)
