"""The network's home page composes the feature apps: phase, meetings, attendance and the open
Netwerkbarometer round; its tabs come from the sections the apps register."""

from datetime import timedelta

import pytest
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from pytest_django import DjangoCaptureOnCommitCallbacks

from lerendnetwerk.accounts.models import User
from lerendnetwerk.barometer.tests.conftest import make_round
from lerendnetwerk.catalogue.models import Entry
from lerendnetwerk.core.tests.factories import UserFactory, add_member, login
from lerendnetwerk.meetings import services as meeting_services
from lerendnetwerk.meetings.models import Meeting
from lerendnetwerk.networks import sections
from lerendnetwerk.networks import services as network_services
from lerendnetwerk.networks.models import Network
from lerendnetwerk.networks.tests.test_services_phases import record_all_prerequisites

pytestmark = pytest.mark.django_db


def _meeting(network: Network, facilitator: User, title: str, in_days: int) -> Meeting:
    starts = timezone.now().replace(microsecond=0) + timedelta(days=7)
    meeting = meeting_services.meeting_schedule(
        network=network,
        title=title,
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        address="Wijkcentrum De Dreef",
        created_by=facilitator,
    )
    if in_days < 0:
        # Planning refuses the past, so a held meeting is moved back after the fact.
        moved = timezone.now().replace(microsecond=0) + timedelta(days=in_days)
        Meeting.objects.filter(pk=meeting.pk).update(
            starts_at=moved, ends_at=moved + timedelta(hours=2)
        )
        meeting.refresh_from_db()
    return meeting


@pytest.fixture
def started(network: Network, facilitator: User, manager: User) -> Network:
    record_all_prerequisites(network, facilitator, manager)
    network_services.network_move_phase(
        network=network, to_phase="exploration", moved_by=facilitator
    )
    network.refresh_from_db()
    return network


def test_the_home_page_shows_the_next_meeting_attendance_and_the_open_round(
    started: Network,
    facilitator: User,
    participant: User,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    third = add_member(started, UserFactory.create(name="Ellen Extra"))
    with django_capture_on_commit_callbacks(execute=True):
        held = _meeting(started, facilitator, "Kennismaken", in_days=-14)
        meeting_services.attendance_record(meeting=held, present=[facilitator, participant])
        upcoming = _meeting(started, facilitator, "Praktijkvragen verzamelen", in_days=7)
        meeting_services.rsvp_answer(meeting=upcoming, user=third, answer="accepted")
    make_round(started)

    page = login(participant).get(reverse("pages:network", args=[started.slug]))

    assert page.status_code == 200
    home = page.context["home"]
    assert home.next_meeting.pk == upcoming.pk
    assert home.meetings_held == 1 and home.meetings_planned == 1
    assert [(a.attended, a.invited, a.percentage) for a in home.recent_attendance] == [(2, 3, 67)]
    assert home.open_round is not None and home.open_round.answered == 0
    content = page.content.decode()
    assert "Praktijkvragen verzamelen" in content
    assert "2 van de 3 (67%)" in content
    assert reverse("barometer:network", args=[started.slug]) in content


def test_before_the_first_phase_the_home_page_lists_the_missing_prerequisites(
    network: Network, participant: User
) -> None:
    page = login(participant).get(reverse("pages:network", args=[network.slug]))

    home = page.context["home"]
    assert home.current_phase is None and len(home.missing_prerequisites) == 4
    assert home.next_meeting is None and home.open_round is None


def test_the_tabs_are_the_registered_sections_each_shown_only_to_who_may_open_it(
    network: Network, participant: User, manager: User
) -> None:
    network_services.manager_commitment_record(
        network=network, manager=manager, role="sounding_board"
    )
    groups = reverse("groups:overview", args=[network.slug])

    as_member = login(participant).get(reverse("pages:network", args=[network.slug]))
    as_manager = login(manager).get(reverse("pages:network", args=[network.slug]))

    assert groups in as_member.content.decode()
    # A committed manager follows the network but not its buddies and groups.
    assert as_manager.status_code == 200
    assert groups not in as_manager.content.decode()
    for section in sections.sections():
        path = reverse(section.url_name, args=[network.slug])
        # The signals are for the facilitator and the coordinator, not for every member.
        shown = participant.has_perm(section.permission, network)
        assert shown == (section.key != "signals"), section.key
        assert (path in as_member.content.decode()) == shown, section.key
        assert login(participant).get(path).status_code == (200 if shown else 403), section.key


def test_every_section_names_a_page_of_one_network() -> None:
    keys = [section.key for section in sections.sections()]
    assert len(keys) == len(set(keys)) >= 7
    for section in sections.sections():
        try:
            reverse(section.url_name, args=["een-netwerk"])
        except NoReverseMatch:  # pragma: no cover - the assertion says which
            pytest.fail(f"{section.key}: {section.url_name} does not take a network's slug")


def test_the_home_page_shows_each_question_of_the_phase_with_its_state_and_evidence(
    started: Network, facilitator: User, participant: User
) -> None:
    held = _meeting(started, facilitator, "Kennismaken", in_days=7)
    meeting_services.agenda_item_add(
        meeting=held,
        entry=Entry.objects.get(slug="kennismakingsoefening"),
        duration_minutes=30,
        lead="facilitator",
    )
    Meeting.objects.filter(pk=held.pk).update(
        starts_at=timezone.now() - timedelta(days=3), ends_at=timezone.now() - timedelta(days=3)
    )
    network_services.network_move_phase(
        network=started, to_phase="development", moved_by=facilitator, reason="Door"
    )

    page = login(participant).get(reverse("pages:network", args=[started.slug]))

    home = page.context["home"]
    assert home.guidance.phase == "development"
    assert [g.phase for g in home.earlier_guidance] == ["exploration"]
    content = page.content.decode()
    assert 'class="ln-state ln-state--open">Open</span>' in content
    assert 'class="ln-state ln-state--done">Klaar</span>' in content  # Kennismaken, earlier
    assert "Kennismakingsoefening in de bijeenkomst “Kennismaken”" in content
    assert "<details" in content and "Verkenning: 1 van de 3 klaar" in content
    assert reverse("catalogue:entry", args=["ontwikkeling", "maak-een-contract"]) in content
