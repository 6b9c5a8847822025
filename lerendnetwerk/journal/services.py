"""Writes on the learning diary. Only the author writes; sharing needs a network of theirs."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lerendnetwerk.accounts.models import User
from lerendnetwerk.core.text import LONG_TEXT_MAX, NOTES_MAX, refuse_too_long
from lerendnetwerk.meetings.models import Meeting
from lerendnetwerk.networks.models import Network
from lerendnetwerk.networks.selectors import network_ids_of

from .models import JournalEntry


def _validate(
    *, author: User, text: str, visibility: str, network: Network | None, meeting: Meeting | None
) -> None:
    errors = {}
    if not text.strip():
        errors["text"] = _("Write something in your diary entry.")
    if visibility != JournalEntry.Visibility.PRIVATE and network is None:
        errors["network"] = _("Choose the network you share this entry in.")
    member_of = set(network_ids_of(user=author))
    if network is not None and network.pk not in member_of:
        errors["network"] = _("You can only share in a network you are a member of.")
    if meeting is not None and meeting.network_id not in member_of:
        errors["meeting"] = _("Choose a meeting of one of your networks.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def journal_entry_write(
    *,
    author: User,
    text: str,
    written_on: date | None = None,
    think: str = "",
    feel: str = "",
    want: str = "",
    visibility: str = JournalEntry.Visibility.PRIVATE,
    network: Network | None = None,
    meeting: Meeting | None = None,
    entry: JournalEntry | None = None,
) -> JournalEntry:
    """Create an entry, or change `entry` (which must be the author's own)."""
    if meeting is not None and network is None:
        network = meeting.network
    _validate(author=author, text=text, visibility=visibility, network=network, meeting=meeting)
    refuse_too_long(
        {
            "text": (text, LONG_TEXT_MAX),
            "think": (think, NOTES_MAX),
            "feel": (feel, NOTES_MAX),
            "want": (want, NOTES_MAX),
        }
    )
    if entry is not None and entry.author_id != author.pk:
        raise ValidationError(_("You can only change your own diary."))
    entry = entry or JournalEntry(author=author)
    entry.text, entry.think, entry.feel, entry.want = (
        text.strip(),
        think.strip(),
        feel.strip(),
        want.strip(),
    )
    entry.written_on = written_on or timezone.localdate()
    entry.visibility, entry.network, entry.meeting = visibility, network, meeting
    entry.updated_at = timezone.now()
    entry.save()
    return entry


@transaction.atomic
def journal_entry_delete(*, author: User, entry: JournalEntry) -> None:
    if entry.author_id != author.pk:
        raise ValidationError(_("You can only change your own diary."))
    entry.delete()
