"""Writes on meetings. Each service runs in one transaction and refuses with a ValidationError."""

from collections.abc import Iterable
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from lerendnetwerk.accounts.models import User
from lerendnetwerk.catalogue.models import Entry
from lerendnetwerk.core import pagecache
from lerendnetwerk.core.text import NOTES_MAX, refuse_too_long
from lerendnetwerk.networks import selectors as network_selectors
from lerendnetwerk.networks.models import Membership, Network
from lerendnetwerk.regions.models import Organisation

from .models import AgendaItem, CalendarFeed, Meeting, Rsvp
from .notifications import meeting_invite, meeting_notify
from .tasks import meeting_remind


def _validate_times(starts_at: datetime, ends_at: datetime, *, is_new: bool) -> None:
    errors = {}
    if ends_at <= starts_at:
        errors["end_time"] = _("The meeting has to end after it starts.")
    if is_new and starts_at < timezone.now():
        errors["date"] = _("A new meeting cannot be in the past. Choose a date from today on.")
    if errors:
        raise ValidationError(errors)


def _validate_place(host: Organisation | None, address: str) -> None:
    if host is None and not address.strip():
        raise ValidationError(
            {"address": _("Choose one of the organisations or give another address.")}
        )


def _schedule_reminder(meeting: Meeting) -> None:
    """Queue the reminder to run two days before (REMINDER_BEFORE); a change queues a new one.

    The task checks the meeting's sequence when it runs, so reminders for an old time are skipped.
    """
    run_at = meeting.starts_at - timedelta(hours=settings.MEETING_REMINDER_HOURS)
    if run_at <= timezone.now() or not meeting_remind.get_backend().supports_defer:
        return
    sequence, meeting_id = meeting.sequence, meeting.pk
    transaction.on_commit(
        lambda: meeting_remind.using(run_after=run_at).enqueue(
            meeting_id=meeting_id, sequence=sequence
        )
    )


@transaction.atomic
def meeting_schedule(
    *,
    network: Network,
    title: str,
    starts_at: datetime,
    ends_at: datetime,
    created_by: User,
    purpose: str = "",
    host: Organisation | None = None,
    address: str = "",
) -> Meeting:
    """Plan a meeting in the network's current cycle and phase with every member invited.

    Nobody is e-mailed yet: the facilitator sends the invitations once the agenda is ready
    (`meeting_send_invitations`)."""
    refuse_too_long({"purpose": (purpose, NOTES_MAX)})
    _validate_times(starts_at, ends_at, is_new=True)
    _validate_place(host, address)
    cycle = network.current_cycle
    if cycle is None:
        raise ValidationError(_("This network has no cycle."))
    meeting = Meeting.objects.create(
        network=network,
        cycle=cycle,
        phase=cycle.phase,
        title=title.strip(),
        purpose=purpose.strip(),
        starts_at=starts_at,
        ends_at=ends_at,
        host=host,
        address=address.strip(),
        created_by=created_by,
    )
    members = list(network_selectors.members(network=network))
    Rsvp.objects.bulk_create(Rsvp(meeting=meeting, user=user) for user in members)
    pagecache.changed(meeting)
    _schedule_reminder(meeting)
    return meeting


def _invited(meeting: Meeting) -> list[User]:
    return [rsvp.user for rsvp in meeting.rsvps.select_related("user")]


@transaction.atomic
def meeting_send_invitations(*, meeting: Meeting) -> Meeting:
    """Send the invitations: a notification to everyone invited, by e-mail with the .ics file
    at once unless they chose a digest or no e-mail. Once per meeting; later changes and a
    cancellation are e-mailed to the invited from then on. Refused for a cancelled or past
    meeting, one without agenda items, and when they have been sent already."""
    meeting = (
        Meeting.objects.select_for_update(of=("self",))
        .select_related("network", "host", "created_by")
        .get(pk=meeting.pk)
    )
    if meeting.is_cancelled:
        raise ValidationError(_("A cancelled meeting cannot be changed."))
    if meeting.is_past:
        raise ValidationError(_("This meeting has taken place; there is nobody to invite."))
    if meeting.invitations_sent_at is not None:
        raise ValidationError(_("The invitations for this meeting have been sent already."))
    if not meeting.agenda_items.exists():
        raise ValidationError(_("Put at least one item on the agenda before inviting."))
    meeting.invitations_sent_at = timezone.now()
    meeting.save(update_fields=["invitations_sent_at"])
    meeting_invite(meeting=meeting, recipients=_invited(meeting))
    return meeting


@transaction.atomic
def meeting_update(
    *,
    meeting: Meeting,
    title: str,
    starts_at: datetime,
    ends_at: datetime,
    purpose: str = "",
    host: Organisation | None = None,
    address: str = "",
) -> Meeting:
    """Change a meeting. A new time or place raises the SEQUENCE and tells everyone invited,
    once the invitations went out."""
    if meeting.is_cancelled:
        raise ValidationError(_("A cancelled meeting cannot be changed."))
    refuse_too_long({"purpose": (purpose, NOTES_MAX)})
    _validate_times(starts_at, ends_at, is_new=starts_at != meeting.starts_at)
    _validate_place(host, address)
    moved = (starts_at, ends_at, host, address.strip()) != (
        meeting.starts_at,
        meeting.ends_at,
        meeting.host,
        meeting.address,
    )
    meeting.title, meeting.purpose = title.strip(), purpose.strip()
    meeting.starts_at, meeting.ends_at = starts_at, ends_at
    meeting.host, meeting.address = host, address.strip()
    if moved:
        meeting.sequence += 1
    meeting.save()
    if moved:
        if meeting.invitations_sent_at is not None:
            meeting_notify(meeting=meeting, kind="changed", recipients=_invited(meeting))
        _schedule_reminder(meeting)
    return meeting


@transaction.atomic
def meeting_cancel(*, meeting: Meeting) -> Meeting:
    if meeting.is_cancelled:
        raise ValidationError(_("This meeting has already been cancelled."))
    if meeting.is_past:
        raise ValidationError(_("A meeting that has taken place cannot be cancelled."))
    meeting.status = Meeting.Status.CANCELLED
    meeting.sequence += 1
    meeting.save(update_fields=["status", "sequence"])
    if meeting.invitations_sent_at is not None:
        meeting_notify(meeting=meeting, kind="cancelled", recipients=_invited(meeting))
    return meeting


@transaction.atomic
def rsvp_answer(*, meeting: Meeting, user: User, answer: str, reason: str = "") -> Rsvp:
    """Accept or decline. Refused for a cancelled or finished meeting, or someone not invited:
    an answer needs a current member, also when an invitation (Rsvp) is already there."""
    if answer not in (Rsvp.Answer.ACCEPTED, Rsvp.Answer.DECLINED):
        raise ValidationError(_("Choose whether you come or not."))
    if meeting.is_cancelled:
        raise ValidationError(_("This meeting has been cancelled."))
    if meeting.is_past:
        raise ValidationError(_("This meeting is over; answers are closed."))
    if not network_selectors.is_member(network=meeting.network_id, user=user):
        raise ValidationError(_("You are not invited to this meeting."))
    rsvp = Rsvp.objects.select_for_update().filter(meeting=meeting, user=user).first()
    if rsvp is None:
        rsvp = Rsvp(meeting=meeting, user=user)
    rsvp.answer = answer
    rsvp.reason = reason.strip() if answer == Rsvp.Answer.DECLINED else ""
    rsvp.answered_at = timezone.now()
    rsvp.save()
    return rsvp


@transaction.atomic
def rsvps_leave(*, membership: Membership) -> None:
    """Someone who left the network is no longer invited to its meetings still to come.

    Called by `networks.services.membership_end` (registered in `MeetingsConfig.ready`). Their
    answers to meetings that have not started are deleted, so no page, count or figure shows
    them and no reminder or change reaches them; answers and attendance of meetings that have
    started stay as the network's history.
    """
    Rsvp.objects.filter(
        user_id=membership.user_id,
        meeting__network_id=membership.network_id,
        meeting__starts_at__gt=timezone.now(),
    ).delete()


@transaction.atomic
def attendance_record(
    *,
    meeting: Meeting,
    present: Iterable[User],
    notes_done: str = "",
    notes_agreements: str = "",
    notes_next: str = "",
) -> Meeting:
    """Who came, and the short notes. Only once the meeting has started."""
    if meeting.starts_at > timezone.now():
        raise ValidationError(_("Attendance can be recorded once the meeting has started."))
    if meeting.is_cancelled:
        raise ValidationError(_("This meeting has been cancelled."))
    refuse_too_long(
        {
            "notes_done": (notes_done, NOTES_MAX),
            "notes_agreements": (notes_agreements, NOTES_MAX),
            "notes_next": (notes_next, NOTES_MAX),
        }
    )
    present_ids = {user.pk for user in present}
    rsvps = list(meeting.rsvps.all())
    for rsvp in rsvps:
        rsvp.attended = rsvp.user_id in present_ids
    Rsvp.objects.bulk_update(rsvps, ["attended"])
    pagecache.changed(meeting)
    meeting.notes_done = notes_done.strip()
    meeting.notes_agreements = notes_agreements.strip()
    meeting.notes_next = notes_next.strip()
    meeting.attendance_recorded_at = timezone.now()
    meeting.save(
        update_fields=["notes_done", "notes_agreements", "notes_next", "attendance_recorded_at"]
    )
    return meeting


@transaction.atomic
def preparers_set(*, meeting: Meeting, users: Iterable[User]) -> Meeting:
    users = list(users)
    member_ids = network_selectors.member_ids(network=meeting.network_id)
    if any(user.pk not in member_ids for user in users):
        raise ValidationError(_("Only members of the network can prepare a meeting."))
    meeting.preparers.set(users)
    return meeting


@transaction.atomic
def agenda_item_add(
    *,
    meeting: Meeting,
    duration_minutes: int,
    lead: str,
    entry: Entry | None = None,
    title: str = "",
    lead_user: User | None = None,
    lead_name: str = "",
) -> AgendaItem:
    """Add an item from the Handbook (its title is copied) or a free item with its own title."""
    title = title.strip() or (entry.title if entry else "")
    errors = {}
    if not title:
        errors["title"] = _("Choose a work form from the Handbook or give the item a title.")
    if duration_minutes <= 0:
        errors["duration_minutes"] = _("Give the item a duration in minutes.")
    if lead == AgendaItem.Lead.MEMBER and lead_user is None:
        errors["lead_user"] = _("Choose the member who leads this item.")
    if lead == AgendaItem.Lead.EXPERT and not lead_name.strip():
        errors["lead_name"] = _("Give the name of the expert who leads this item.")
    if errors:
        raise ValidationError(errors)
    last = meeting.agenda_items.aggregate(last=Max("order"))["last"] or 0
    return AgendaItem.objects.create(
        meeting=meeting,
        order=last + 1,
        entry=entry,
        title=title,
        duration_minutes=duration_minutes,
        lead=lead,
        lead_user=lead_user if lead == AgendaItem.Lead.MEMBER else None,
        lead_name=lead_name.strip() if lead == AgendaItem.Lead.EXPERT else "",
    )


@transaction.atomic
def agenda_item_remove(*, item: AgendaItem) -> None:
    meeting = item.meeting
    item.delete()
    meeting.agenda_items.filter(order__gt=item.order).update(order=F("order") - 1)
    pagecache.changed(meeting)


@transaction.atomic
def agenda_item_move(*, item: AgendaItem, up: bool) -> AgendaItem:
    """Swap the item with its neighbour above or below."""
    items = list(item.meeting.agenda_items.select_for_update().order_by("order", "pk"))
    index = next(i for i, other in enumerate(items) if other.pk == item.pk)
    target = index - 1 if up else index + 1
    if 0 <= target < len(items):
        items[index], items[target] = items[target], items[index]
    for order, other in enumerate(items, start=1):
        other.order = order
    AgendaItem.objects.bulk_update(items, ["order"])
    pagecache.changed(item.meeting)
    return items[target] if 0 <= target < len(items) else item


@transaction.atomic
def agenda_item_set_expert(*, item: AgendaItem, expert: User | None) -> AgendaItem:
    """Name the expert's account as the lead of the item, or (None) take her off it again.

    Called by the app where experts answer a facilitator's request; the item is locked, so
    that two answers at once cannot put two experts on it. Naming an expert makes her the
    item's lead (the expert-dependence signal counts these minutes) and clears a typed name;
    taking her off gives the item back to the facilitator. Refuses an item that another
    expert's account leads already.
    """
    item = AgendaItem.objects.select_for_update().get(pk=item.pk)
    if expert is None:
        if item.expert_id is None:
            return item
        item.expert, item.lead = None, AgendaItem.Lead.FACILITATOR
    else:
        if item.expert_id not in (None, expert.pk):
            raise ValidationError(
                _("Another expert already leads “%(title)s”.") % {"title": item.title}
            )
        item.expert, item.lead = expert, AgendaItem.Lead.EXPERT
    item.lead_user, item.lead_name = None, ""
    item.save(update_fields=["expert", "lead", "lead_user", "lead_name"])
    return item


@transaction.atomic
def calendar_feed_renew(*, user: User) -> CalendarFeed:
    """A new secret address for the person's calendar feed; the old one stops working."""
    CalendarFeed.objects.filter(user=user).delete()
    return CalendarFeed.objects.create(user=user)


@transaction.atomic
def calendar_feed_revoke(*, user: User) -> None:
    CalendarFeed.objects.filter(user=user).delete()
