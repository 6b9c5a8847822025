"""How long a person's free text may be, in one place for forms and services alike.

A text field in the database has no limit, so the form and the service that writes it set one:
enough for what the field is for, short of what would make a page or an export unreadable.

- `LONG_TEXT_MAX` (5,000): the diary entry's main text and the network's contract.
- `NOTES_MAX` (2,000): meeting notes and purpose, the diary's reflections (think, feel, want),
  descriptions, learning goals and questions, a proposal's why, evidence and reasons.
- `SHORT_TEXT_MAX` (1,000): personal messages in invitations.

Shorter limits that fit one thing live with it (an idea, a comment, a proposed rule).
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

LONG_TEXT_MAX = 5000
NOTES_MAX = 2000
SHORT_TEXT_MAX = 1000


def too_long_message(*, max_length: int, length: int) -> str:
    return _("Keep it to %(max)d characters; now it is %(length)d.") % {
        "max": max_length,
        "length": length,
    }


def refuse_too_long(texts: dict[str, tuple[str, int]]) -> None:
    """Refuse, per field, a text (stripped) longer than its limit: field -> (text, limit)."""
    errors = {
        field: too_long_message(max_length=limit, length=len(text.strip()))
        for field, (text, limit) in texts.items()
        if len((text or "").strip()) > limit
    }
    if errors:
        raise ValidationError(errors)
