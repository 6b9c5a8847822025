from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone
from icalendar import Calendar

from lerendnetwerk.accounts.models import User
from lerendnetwerk.catalogue.models import Entry
from lerendnetwerk.core.tests.factories import add_member
from lerendnetwerk.meetings import services
from lerendnetwerk.meetings.models import Meeting, Rsvp
from lerendnetwerk.meetings.tests.conftest import agenda_ready_and_invited
from lerendnetwerk.networks.models import Network
from lerendnetwerk.notifications.models import Notification

pytestmark = pytest.mark.django_db
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def ics_of(message) -> Calendar:
    [(filename, content, mimetype)] = message.attachments
    assert filename.endswith(".ics")
    assert mimetype.startswith("text/calendar")
    return Calendar.from_ical(content)


def event_of(calendar: Calendar):
    [event] = calendar.walk("VEVENT")
    return event


def _plan(network: Network, facilitator: User, starts: datetime | None = None) -> Meeting:
    starts = starts or timezone.now() + timedelta(days=7)
    return services.meeting_schedule(
        network=network,
        title="Nog zonder agenda",
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        address="Utrecht",
        created_by=facilitator,
    )


def test_planning_invites_the_members_but_e_mails_nobody_until_the_facilitator_sends(
    network, facilitator, participant, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        meeting = _plan(network, facilitator)
    assert {r.user for r in meeting.rsvps.all()} == {facilitator, participant}
    assert mail.outbox == [] and not Notification.objects.exists()
    # Without an agenda there is nothing to invite to yet.
    with pytest.raises(ValidationError, match="agenda"):
        services.meeting_send_invitations(meeting=meeting)
    # A change before the invitations went out tells nobody.
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_update(
            meeting=meeting,
            title=meeting.title,
            starts_at=meeting.starts_at + timedelta(hours=1),
            ends_at=meeting.ends_at + timedelta(hours=1),
            address="Elders",
        )
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        meeting = agenda_ready_and_invited(meeting)
    assert meeting.invitations_sent_at is not None
    assert sorted(m.to[0] for m in mail.outbox) == sorted([facilitator.email, participant.email])
    assert set(Notification.objects.values_list("kind", flat=True)) == {"meetings.invitation"}
    with pytest.raises(ValidationError, match="al verstuurd"):
        services.meeting_send_invitations(meeting=meeting)


def test_cancelling_before_the_invitations_went_out_e_mails_nobody(
    network, facilitator, participant, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        meeting = _plan(network, facilitator)
        services.meeting_cancel(meeting=meeting)
    assert mail.outbox == []


def test_sending_the_invitations_e_mails_every_member_a_personal_ics(
    meeting, facilitator, participant
):
    assert {r.user for r in meeting.rsvps.all()} == {facilitator, participant}
    assert all(r.answer == Rsvp.Answer.PENDING for r in meeting.rsvps.all())
    assert len(mail.outbox) == 2
    message = next(m for m in mail.outbox if m.to == [participant.email])
    assert meeting.title in message.subject
    assert facilitator.email not in message.body  # no list of who else is invited
    calendar = ics_of(message)
    assert calendar["METHOD"] == "REQUEST"
    event = event_of(calendar)
    assert str(event["UID"]).startswith(str(meeting.uid))
    assert event["SEQUENCE"] == 0
    assert event.decoded("DTSTART") == meeting.starts_at
    assert event.decoded("DTEND") == meeting.ends_at
    assert str(event["ORGANIZER"]) == f"mailto:{facilitator.email}"
    attendees = event["ATTENDEE"]
    attendees = attendees if isinstance(attendees, list) else [attendees]
    assert [str(a) for a in attendees] == [f"mailto:{participant.email}"]
    assert str(event["LOCATION"]) == "Wijkcentrum De Dreef, Utrecht"
    assert calendar.walk("VTIMEZONE"), "the time zone travels with the invitation"
    assert "/bijeenkomsten/antwoord/" in message.body


def test_moving_a_meeting_raises_the_sequence_and_tells_everyone(
    meeting, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_update(
            meeting=meeting,
            title=meeting.title,
            starts_at=meeting.starts_at + timedelta(days=1),
            ends_at=meeting.ends_at + timedelta(days=1),
            address=meeting.address,
        )
    assert meeting.sequence == 1
    assert len(mail.outbox) == 2
    event = event_of(ics_of(mail.outbox[0]))
    assert event["SEQUENCE"] == 1
    assert str(event["UID"]).startswith(str(meeting.uid))


def test_a_new_title_alone_does_not_send_mail(meeting, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_update(
            meeting=meeting,
            title="Nieuwe titel",
            starts_at=meeting.starts_at,
            ends_at=meeting.ends_at,
            address=meeting.address,
        )
    assert meeting.sequence == 0
    assert mail.outbox == []


def test_cancelling_sends_method_cancel(meeting, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_cancel(meeting=meeting)
    assert meeting.status == Meeting.Status.CANCELLED
    calendar = ics_of(mail.outbox[0])
    assert calendar["METHOD"] == "CANCEL"
    assert event_of(calendar)["STATUS"] == "CANCELLED"
    assert event_of(calendar)["SEQUENCE"] == 1
    with pytest.raises(ValidationError):
        services.meeting_cancel(meeting=meeting)


@pytest.mark.parametrize(
    ("starts", "ends", "field"),
    [
        (timedelta(days=3, hours=2), timedelta(days=3, hours=1), "end_time"),
        (timedelta(days=-1), timedelta(days=-1, hours=2), "date"),
    ],
)
def test_bad_times_are_refused(network, facilitator, starts, ends, field):
    now = timezone.now()
    with pytest.raises(ValidationError) as refusal:
        services.meeting_schedule(
            network=network,
            title="X",
            starts_at=now + starts,
            ends_at=now + ends,
            address="Ergens",
            created_by=facilitator,
        )
    assert field in refusal.value.error_dict
    assert not Meeting.objects.exists()


def test_a_meeting_needs_a_place(network, facilitator):
    now = timezone.now()
    with pytest.raises(ValidationError) as refusal:
        services.meeting_schedule(
            network=network,
            title="X",
            starts_at=now + timedelta(days=1),
            ends_at=now + timedelta(days=1, hours=1),
            created_by=facilitator,
        )
    assert "address" in refusal.value.error_dict


def test_times_are_right_across_the_daylight_saving_change(
    network, facilitator, participant, django_capture_on_commit_callbacks, settings
):
    # 29 March 2027 is the Monday after clocks go forward (CET -> CEST). Plan it from a day when
    # the clocks are still on winter time and check page, e-mail and .ics all say 19:30.
    starts = datetime(2027, 3, 29, 19, 30, tzinfo=AMSTERDAM)
    with django_capture_on_commit_callbacks(execute=True):
        meeting = services.meeting_schedule(
            network=network,
            title="Na de klokwissel",
            starts_at=starts,
            ends_at=starts + timedelta(hours=2),
            address="Utrecht",
            created_by=facilitator,
        )
        meeting = agenda_ready_and_invited(meeting)
    assert meeting.starts_at.astimezone(AMSTERDAM).utcoffset() == timedelta(hours=2)
    message = next(m for m in mail.outbox if m.to == [participant.email])
    assert "19:30" in message.body and "21:30" in message.body
    event = event_of(ics_of(message))
    start = event.decoded("DTSTART")
    assert (start.hour, start.minute) == (19, 30)
    assert str(start.tzinfo) == "Europe/Amsterdam"
    assert start == meeting.starts_at
    from lerendnetwerk.core.tests.factories import login

    page = login(participant).get(f"/bijeenkomsten/{meeting.pk}/").content.decode()
    assert "19:30–21:30" in page


def test_answers_accept_decline_with_a_reason(meeting, participant):
    services.rsvp_answer(meeting=meeting, user=participant, answer="declined", reason="Ziek")
    rsvp = meeting.rsvps.get(user=participant)
    assert (rsvp.answer, rsvp.reason) == ("declined", "Ziek")
    services.rsvp_answer(meeting=meeting, user=participant, answer="accepted", reason="x")
    rsvp.refresh_from_db()
    assert (rsvp.answer, rsvp.reason) == ("accepted", "")


def test_a_member_who_joined_later_can_answer_and_an_outsider_cannot(meeting, network, outsider):
    newcomer = add_member(network)
    services.rsvp_answer(meeting=meeting, user=newcomer, answer="accepted")
    assert meeting.rsvps.filter(user=newcomer, answer="accepted").exists()
    with pytest.raises(ValidationError):
        services.rsvp_answer(meeting=meeting, user=outsider, answer="accepted")


def test_answers_close_when_the_meeting_is_cancelled(meeting, participant):
    services.meeting_cancel(meeting=meeting)
    with pytest.raises(ValidationError):
        services.rsvp_answer(meeting=meeting, user=participant, answer="accepted")


def test_attendance_is_recorded_only_after_the_start(meeting, participant, facilitator):
    with pytest.raises(ValidationError):
        services.attendance_record(meeting=meeting, present=[participant])
    Meeting.objects.filter(pk=meeting.pk).update(
        starts_at=timezone.now() - timedelta(hours=3), ends_at=timezone.now() - timedelta(hours=1)
    )
    meeting.refresh_from_db()
    services.attendance_record(
        meeting=meeting, present=[participant], notes_done="Levend domino gedaan."
    )
    attended = dict(meeting.rsvps.values_list("user_id", "attended"))
    assert attended == {participant.pk: True, facilitator.pk: False}
    assert meeting.notes_done == "Levend domino gedaan."


def test_agenda_items_from_the_catalogue_and_free_items(meeting, participant):
    meeting.agenda_items.all().delete()  # the fixture's welcome item
    domino = Entry.objects.get(slug="levend-domino")
    first = services.agenda_item_add(
        meeting=meeting, entry=domino, duration_minutes=20, lead="facilitator"
    )
    assert first.title == domino.title
    second = services.agenda_item_add(
        meeting=meeting, title="Koffie", duration_minutes=15, lead="member", lead_user=participant
    )
    third = services.agenda_item_add(
        meeting=meeting, title="Lezing", duration_minutes=30, lead="expert", lead_name="Dr. Taal"
    )
    assert [i.order for i in (first, second, third)] == [1, 2, 3]
    services.agenda_item_move(item=third, up=True)
    assert list(meeting.agenda_items.values_list("title", flat=True)) == [
        domino.title,
        "Lezing",
        "Koffie",
    ]
    services.agenda_item_remove(item=first)
    assert list(meeting.agenda_items.values_list("order", flat=True)) == [1, 2]


@pytest.mark.parametrize(
    ("fields", "error"),
    [
        ({"duration_minutes": 10, "lead": "facilitator"}, "title"),
        ({"title": "X", "duration_minutes": 10, "lead": "member"}, "lead_user"),
        ({"title": "X", "duration_minutes": 10, "lead": "expert"}, "lead_name"),
    ],
)
def test_agenda_items_explain_what_is_missing(meeting, fields, error):
    with pytest.raises(ValidationError) as refusal:
        services.agenda_item_add(meeting=meeting, **fields)
    assert error in refusal.value.error_dict


def test_only_members_can_prepare(meeting, participant, outsider):
    services.preparers_set(meeting=meeting, users=[participant])
    assert list(meeting.preparers.all()) == [participant]
    with pytest.raises(ValidationError):
        services.preparers_set(meeting=meeting, users=[outsider])
