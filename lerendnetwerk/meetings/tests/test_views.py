from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from lerendnetwerk.catalogue.models import Entry
from lerendnetwerk.core.tests.factories import login
from lerendnetwerk.meetings import services
from lerendnetwerk.meetings.models import Meeting
from lerendnetwerk.meetings.tokens import rsvp_token

pytestmark = pytest.mark.django_db


def test_planning_a_meeting_through_the_form(network, facilitator, participant, district):
    from lerendnetwerk.core.tests.factories import OrganisationFactory

    school = OrganisationFactory.create(district=district, name="OBS De Kameleon")
    network.organisations.add(school)
    day = (timezone.localdate() + timedelta(days=10)).isoformat()
    response = login(facilitator).post(
        reverse("meetings:schedule", args=[network.slug]),
        {
            "title": "Op bezoek",
            "date": day,
            "start_time": "15:30",
            "end_time": "17:00",
            "host": school.pk,
            "address": "Lokaal 3",
        },
    )
    meeting = Meeting.objects.get()
    assert response["Location"] == reverse("meetings:agenda", args=[meeting.pk])
    local = timezone.localtime(meeting.starts_at)
    assert (local.hour, local.minute) == (15, 30)
    assert meeting.place == "OBS De Kameleon, Lokaal 3"
    assert meeting.phase == network.current_cycle.phase


def test_a_bad_meeting_form_keeps_everything_typed(network, facilitator):
    yesterday = (timezone.localdate() - timedelta(days=1)).isoformat()
    response = login(facilitator).post(
        reverse("meetings:schedule", args=[network.slug]),
        {
            "title": "Terugblik",
            "date": yesterday,
            "start_time": "17:00",
            "end_time": "16:00",
            "address": "Buurthuis",
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert 'value="Terugblik"' in page and 'value="Buurthuis"' in page
    assert f'value="{yesterday}"' in page
    assert "end_time_error" in page
    assert not Meeting.objects.exists()


def test_the_agenda_offers_the_current_phase_first_and_warns_when_too_long(
    meeting, facilitator, network
):
    network.current_cycle.phase = "deepening"
    network.current_cycle.save()
    Meeting.objects.filter(pk=meeting.pk).update(phase="deepening")
    client = login(facilitator)
    page = client.get(reverse("meetings:agenda", args=[meeting.pk]))
    groups = [label for label, _ in page.context["form"].fields["entry"].choices[1:]]
    assert groups[0] == "Verdieping"
    world_cafe = Entry.objects.get(slug="worldcafe")
    response = client.post(
        reverse("meetings:agenda", args=[meeting.pk]),
        {"entry": world_cafe.pk, "duration_minutes": 150, "lead": "facilitator"},
    )
    assert response.status_code == 302
    page = client.get(reverse("meetings:agenda", args=[meeting.pk]))
    assert page.context["too_long"] is True
    assert "utrecht-alert--warning" in page.content.decode()


def test_a_preparer_may_edit_the_agenda(meeting, participant):
    client = login(participant)
    assert client.get(reverse("meetings:agenda", args=[meeting.pk])).status_code == 403
    services.preparers_set(meeting=meeting, users=[participant])
    assert client.get(reverse("meetings:agenda", args=[meeting.pk])).status_code == 200


def test_answering_from_the_signed_link_without_logging_in(client, meeting, participant):
    url = reverse(
        "meetings:answer_by_link", args=[rsvp_token(meeting_id=meeting.pk, user_id=participant.pk)]
    )
    assert client.get(url).status_code == 200
    response = client.post(url, {"answer": "declined", "reason": "Studiedag"})
    assert response.status_code == 302
    rsvp = meeting.rsvps.get(user=participant)
    assert (rsvp.answer, rsvp.reason) == ("declined", "Studiedag")


def test_a_tampered_or_expired_link_is_refused(client, meeting, participant):
    token = rsvp_token(meeting_id=meeting.pk, user_id=participant.pk)
    assert (
        client.get(reverse("meetings:answer_by_link", args=[token[:-2] + "xx"])).status_code == 404
    )
    Meeting.objects.filter(pk=meeting.pk).update(
        starts_at=timezone.now() - timedelta(hours=3), ends_at=timezone.now() - timedelta(hours=1)
    )
    assert client.get(reverse("meetings:answer_by_link", args=[token])).status_code == 410


def test_attendance_is_prefilled_from_the_answers(meeting, facilitator, participant):
    services.rsvp_answer(meeting=meeting, user=participant, answer="accepted")
    Meeting.objects.filter(pk=meeting.pk).update(
        starts_at=timezone.now() - timedelta(hours=3), ends_at=timezone.now() - timedelta(hours=1)
    )
    client = login(facilitator)
    page = client.get(reverse("meetings:attendance", args=[meeting.pk]))
    assert [u.pk for u in page.context["form"].initial["present"]] == [participant.pk]
    client.post(
        reverse("meetings:attendance", args=[meeting.pk]),
        {"present": [participant.pk], "notes_done": "Casus besproken", "notes_next": "Bezoek"},
    )
    detail = login(participant).get(reverse("meetings:detail", args=[meeting.pk])).content.decode()
    assert "Casus besproken" in detail and "Bezoek" in detail


def test_only_the_facilitator_sees_who_declined_and_why(meeting, facilitator, participant, network):
    from lerendnetwerk.core.tests.factories import add_member

    colleague = add_member(network)
    services.rsvp_answer(meeting=meeting, user=colleague, answer="declined", reason="Oudergesprek")
    assert (
        "Oudergesprek"
        in login(facilitator).get(reverse("meetings:detail", args=[meeting.pk])).content.decode()
    )
    assert (
        "Oudergesprek"
        not in login(participant)
        .get(reverse("meetings:detail", args=[meeting.pk]))
        .content.decode()
    )
    figures = login(participant).get(reverse("meetings:network", args=[meeting.network.slug]))
    assert figures.context["may_see_declines"] is False


def test_the_network_figures(meeting, network, facilitator, participant):
    services.preparers_set(meeting=meeting, users=[participant])
    services.agenda_item_add(
        meeting=meeting, title="Casus", duration_minutes=30, lead="member", lead_user=participant
    )
    services.rsvp_answer(meeting=meeting, user=participant, answer="declined")
    page = login(facilitator).get(reverse("meetings:network", args=[network.slug]))
    figures = page.context["figures"]
    per_phase = {p.value: n for p, n in figures.meetings_per_phase}
    assert per_phase[meeting.phase or "exploration"] in (0, 1)
    row = next(r for r in figures.members if r.user == participant)
    assert (row.prepared, row.led, row.declined) == (1, 1, 1)


def test_the_calendar_feed_holds_my_meetings_and_can_be_renewed(client, meeting, participant):
    feed = services.calendar_feed_renew(user=participant)
    response = client.get(reverse("meetings:feed", args=[feed.token]))
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    assert calendar["METHOD"] == "PUBLISH"
    [event] = calendar.walk("VEVENT")
    assert event.decoded("DTSTART") == meeting.starts_at
    login(participant).post(reverse("meetings:calendar"), {"action": "renew"})
    assert client.get(reverse("meetings:feed", args=[feed.token])).status_code == 404


def test_my_meetings_lists_upcoming_with_my_answer(meeting, participant):
    services.rsvp_answer(meeting=meeting, user=participant, answer="accepted")
    page = login(participant).get(reverse("meetings:mine"))
    [upcoming] = page.context["upcoming"]
    assert upcoming == meeting and upcoming.my_rsvps[0].answer == "accepted"


def test_cancelling_from_the_page_tells_everyone(
    meeting, facilitator, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        login(facilitator).post(reverse("meetings:cancel", args=[meeting.pk]))
    meeting.refresh_from_db()
    assert meeting.is_cancelled
    assert len(mail.outbox) == 2


def test_the_meeting_page_uses_a_fixed_number_of_queries(
    meeting, participant, django_assert_max_num_queries
):
    for n in range(5):
        services.agenda_item_add(
            meeting=meeting, title=f"Item {n}", duration_minutes=5, lead="facilitator"
        )
    client = login(participant)
    with django_assert_max_num_queries(14):
        assert client.get(reverse("meetings:detail", args=[meeting.pk])).status_code == 200


def test_earlier_meetings_come_ten_to_a_page_after_the_upcoming_ones(meeting, network, facilitator):
    held = timezone.now().replace(microsecond=0) - timedelta(days=400)
    for week in range(12):
        Meeting.objects.create(
            network=network,
            cycle=network.current_cycle,
            title=f"Eerder {week:02}",
            starts_at=held + timedelta(weeks=week),
            ends_at=held + timedelta(weeks=week, hours=2),
        )
    client = login(facilitator)
    first = client.get(reverse("meetings:network", args=[network.slug]))
    assert [m.title for m in first.context["upcoming"]] == [meeting.title]
    titles = [m.title for m in first.context["earlier"].object_list]
    assert titles == [f"Eerder {week:02}" for week in range(11, 1, -1)]
    assert 'href="?pagina=2"' in first.content.decode()

    second = client.get(reverse("meetings:network", args=[network.slug]), {"pagina": "2"})
    assert [m.title for m in second.context["earlier"].object_list] == ["Eerder 01", "Eerder 00"]
    assert 'rel="prev"' in second.content.decode()
    # The figures still cover the whole cycle, not one page of it.
    assert len(second.context["figures"].attendance) == 13
    # A page number that makes no sense shows the first page.
    assert (
        client.get(reverse("meetings:network", args=[network.slug]), {"pagina": "x"}).status_code
        == 200
    )


def test_too_long_notes_are_refused_in_dutch_and_keep_what_was_typed(meeting, facilitator):
    Meeting.objects.filter(pk=meeting.pk).update(
        starts_at=timezone.now() - timedelta(hours=3), ends_at=timezone.now() - timedelta(hours=1)
    )
    typed = "Casus besproken. " * 5883  # 100,011 characters
    response = login(facilitator).post(
        reverse("meetings:attendance", args=[meeting.pk]), {"notes_done": typed}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "niet meer dan 2000 tekens" in page
    assert typed.strip() in page
    meeting.refresh_from_db()
    assert meeting.notes_done == ""
    with pytest.raises(ValidationError) as refused:
        services.attendance_record(meeting=meeting, present=[], notes_next=typed)
    assert set(refused.value.message_dict) == {"notes_next"}


TOO_LONG = "Op die dag heb ik een studiedag over taalontwikkeling. " * 6  # over 300 characters


def test_a_too_long_reason_on_the_meeting_page_is_kept_with_a_clear_message(meeting, participant):
    response = login(participant).post(
        reverse("meetings:answer", args=[meeting.pk]), {"answer": "declined", "reason": TOO_LONG}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert TOO_LONG.strip() in page
    assert "De reden mag hoogstens 300 tekens hebben" in page
    assert meeting.rsvps.get(user=participant).answer == "pending"


def test_a_too_long_reason_by_the_signed_link_is_kept_with_a_clear_message(
    client, meeting, participant
):
    url = reverse(
        "meetings:answer_by_link", args=[rsvp_token(meeting_id=meeting.pk, user_id=participant.pk)]
    )
    response = client.post(url, {"answer": "declined", "reason": TOO_LONG})
    assert response.status_code == 200
    page = response.content.decode()
    assert TOO_LONG.strip() in page
    assert "De reden mag hoogstens 300 tekens hebben" in page
    assert meeting.rsvps.get(user=participant).answer == "pending"


def test_the_facilitator_sends_the_invitations_from_the_meeting_page(
    network, facilitator, participant, django_capture_on_commit_callbacks
):
    starts = timezone.now() + timedelta(days=10)
    with django_capture_on_commit_callbacks(execute=True):
        planned = services.meeting_schedule(
            network=network,
            title="Nog uit te nodigen",
            starts_at=starts,
            ends_at=starts + timedelta(hours=2),
            address="Utrecht",
            created_by=facilitator,
        )
    assert mail.outbox == []
    client = login(facilitator)
    page = client.get(reverse("meetings:detail", args=[planned.pk])).content.decode()
    assert "Zet eerst onderdelen op de agenda" in page
    services.agenda_item_add(
        meeting=planned, title="Welkom", duration_minutes=10, lead="facilitator"
    )
    page = client.get(reverse("meetings:detail", args=[planned.pk])).content.decode()
    assert "Uitnodigingen versturen" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("meetings:send_invitations", args=[planned.pk]))
    assert response.status_code == 302
    assert sorted(m.to[0] for m in mail.outbox) == sorted([facilitator.email, participant.email])
    page = client.get(reverse("meetings:detail", args=[planned.pk])).content.decode()
    assert "De uitnodigingen zijn verstuurd op" in page
    # A participant cannot send them.
    assert (
        login(participant).post(reverse("meetings:send_invitations", args=[planned.pk])).status_code
        == 403
    )
