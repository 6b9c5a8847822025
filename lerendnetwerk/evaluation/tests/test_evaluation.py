from datetime import timedelta
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from lerendnetwerk.core.tests.factories import UserFactory, add_member, login
from lerendnetwerk.evaluation import report, selectors, services
from lerendnetwerk.evaluation.models import LearningGain, LookAhead, MeetingEvaluation
from lerendnetwerk.meetings import services as meeting_services
from lerendnetwerk.meetings.models import Meeting
from lerendnetwerk.networks import manager_panels
from lerendnetwerk.networks import services as network_services
from lerendnetwerk.networks.models import Cycle, Prerequisite
from lerendnetwerk.themes import selectors as theme_selectors
from lerendnetwerk.themes import services as theme_services

pytestmark = pytest.mark.django_db


def held_meeting(
    network: Any, facilitator: Any, present: Any, *, days_ago: int = 1, title: str = "Terugblik"
) -> Meeting:
    starts = timezone.now() + timedelta(days=3)
    meeting = meeting_services.meeting_schedule(
        network=network,
        title=title,
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        address="Utrecht",
        created_by=facilitator,
    )
    ended = timezone.now() - timedelta(days=days_ago)
    Meeting.objects.filter(pk=meeting.pk).update(
        starts_at=ended - timedelta(hours=2), ends_at=ended
    )
    meeting.refresh_from_db()
    meeting_services.attendance_record(meeting=meeting, present=present)
    return meeting


def evaluate(meeting: Meeting, user: Any, rating: int = 4, **extra: Any) -> MeetingEvaluation:
    return services.meeting_evaluation_save(meeting=meeting, author=user, rating=rating, **extra)


# --- Meeting evaluations


def test_only_attendees_evaluate_once_and_can_change_it(network, facilitator, participant):
    absent = add_member(network)
    meeting = held_meeting(network, facilitator, [participant])
    evaluate(meeting, participant, rating=3, what_worked="Het kijkje in de klas")
    evaluate(meeting, participant, rating=5)
    assert MeetingEvaluation.objects.get(meeting=meeting, author=participant).rating == 5
    with pytest.raises(ValidationError, match="Alleen wie bij de bijeenkomst was"):
        evaluate(meeting, absent)


def test_the_evaluation_closes_after_fourteen_days(network, facilitator, participant):
    meeting = held_meeting(network, facilitator, [participant], days_ago=15)
    with pytest.raises(ValidationError, match="voorbij"):
        evaluate(meeting, participant)


def test_results_are_shown_from_three_evaluations_and_anonymous_quotes_have_no_name(
    network, facilitator, participant
):
    others = [add_member(network, UserFactory.create(name=f"Lid {i}")) for i in range(2)]
    meeting = held_meeting(network, facilitator, [participant, *others])
    evaluate(meeting, participant, rating=5, what_worked="Geheim citaat", is_anonymous=True)
    evaluate(meeting, others[0], rating=3, what_to_change="Korter")
    client = login(participant)
    page = client.get(reverse("evaluation:meeting", args=[meeting.pk])).content.decode()
    assert "Nog niet genoeg antwoorden" in page
    assert "Geheim citaat" not in page and "Korter" not in page

    evaluate(meeting, others[1], rating=4)
    results = selectors.meeting_results(meeting=meeting)
    assert results.visible and results.average == 4.0
    assert [(v, n) for v, n, _pct in results.distribution] == [
        (5, 1),
        (4, 1),
        (3, 1),
        (2, 0),
        (1, 0),
    ]
    page = client.get(reverse("evaluation:meeting", args=[meeting.pk])).content.decode()
    assert "Geheim citaat" in page and "Korter" in page
    quotes = {q.what_worked or q.what_to_change: q.name for q in results.quotes}
    assert quotes == {"Geheim citaat": None, "Korter": "Lid 0"}
    assert participant.name not in page.split("Geheim citaat")[1].split("</li>")[0]


def test_the_facilitator_tells_attendees_by_email_once(
    network, facilitator, participant, mailoutbox, django_capture_on_commit_callbacks
):
    meeting = held_meeting(network, facilitator, [participant, facilitator])
    evaluate(meeting, facilitator)
    with django_capture_on_commit_callbacks(execute=True):
        response = login(facilitator).post(reverse("evaluation:meeting_request", args=[meeting.pk]))
    assert response.status_code == 302
    assert [m.to for m in mailoutbox] == [[participant.email]]
    assert reverse("evaluation:meeting_evaluate", args=[meeting.pk]) in mailoutbox[0].body
    with pytest.raises(ValidationError):
        services.evaluation_request_send(meeting=meeting, sent_by=facilitator)


def test_evaluating_through_the_page_keeps_what_was_typed_on_bad_input(
    network, facilitator, participant
):
    meeting = held_meeting(network, facilitator, [participant])
    client = login(participant)
    url = reverse("evaluation:meeting_evaluate", args=[meeting.pk])
    response = client.post(url, {"what_worked": "Samen oefenen"})
    assert response.status_code == 200
    assert "Samen oefenen" in response.content.decode()
    response = client.post(url, {"rating": "4", "what_worked": "Samen oefenen"})
    assert response.status_code == 302
    assert MeetingEvaluation.objects.get().what_worked == "Samen oefenen"


# --- Critical reflection


def test_a_reflection_records_the_groups_answers_and_agreed_changes(
    network, facilitator, participant
):
    meeting = held_meeting(network, facilitator, [participant])
    reflection = services.reflection_open(network=network, opened_by=facilitator, meeting=meeting)
    assert services.reflection_open(network=network, opened_by=facilitator, meeting=meeting) == (
        reflection
    )
    url = reverse("evaluation:reflection", args=[network.slug, reflection.pk])
    response = login(participant).post(
        url, {"yield": "Meer rust bij de overdracht", "agreed_changes": "Vaker observeren"}
    )
    assert response.status_code == 302
    answers = {key: text for key, _q, text in selectors.reflection_answers(reflection=reflection)}
    assert answers["yield"] == "Meer rust bij de overdracht" and answers["talk"] == ""
    reflection.refresh_from_db()
    assert reflection.agreed_changes == "Vaker observeren"


def test_the_meeting_page_links_to_the_reflection_for_its_agenda_item(
    network, facilitator, participant
):
    from lerendnetwerk.catalogue.models import Entry

    entry = Entry.objects.get(slug="kritische-reflectie")
    meeting = held_meeting(network, facilitator, [participant])
    meeting_services.agenda_item_add(
        meeting=meeting, title=entry.title, duration_minutes=30, lead="facilitator", entry=entry
    )
    page = login(facilitator).get(reverse("meetings:detail", args=[meeting.pk])).content.decode()
    assert (
        f"{reverse('evaluation:reflection_start', args=[network.slug])}?meeting={meeting.pk}"
        in (page)
    )
    assert reverse("evaluation:meeting", args=[meeting.pk]) in page


# --- The cycle: goal, challenges, look-ahead


def test_members_see_only_shared_challenges_and_can_share_their_outcome(
    network, facilitator, participant
):
    cycle = network.current_cycle
    private = add_member(network, UserFactory.create(name="Stille Sanne"))
    theme_services.personal_challenge_save(
        cycle=cycle, member=private, learning_goal="Geheim doel", question="Geheime vraag"
    )
    theme_services.personal_challenge_save(
        cycle=cycle, member=participant, learning_goal="Doorvragen", question="Hoe vraag ik door?"
    )
    client = login(participant)
    response = client.post(
        reverse("evaluation:my_outcome", args=[network.slug]),
        {"outcome": "Ik stel nu open vragen", "is_shared": "on"},
    )
    assert response.status_code == 302
    plan = theme_selectors.member_plan(cycle=cycle, member=participant)
    assert plan.challenge is not None and plan.goal is not None
    assert plan.challenge.outcome == "Ik stel nu open vragen" and plan.challenge.is_shared
    assert plan.goal.text == "Doorvragen"
    page = login(facilitator).get(reverse("evaluation:cycle", args=[network.slug]))
    text = page.content.decode()
    assert "Ik stel nu open vragen" in text
    assert "Geheime vraag" not in text and "Geheim doel" not in text


def test_the_goal_outcome_is_recorded_by_the_facilitator(network, facilitator, participant):
    response = login(facilitator).post(
        reverse("evaluation:goal_outcome", args=[network.slug]),
        {"goal_outcome": "partly", "why": "Te weinig tijd"},
    )
    assert response.status_code == 302
    page = login(participant).get(reverse("evaluation:cycle", args=[network.slug]))
    assert "Gedeeltelijk bereikt" in page.content.decode()


def move_to_anchoring(network: Any, facilitator: Any) -> None:
    Cycle.objects.filter(pk=network.current_cycle_id).update(phase="anchoring")
    network.refresh_from_db()


def test_look_ahead_wishes_become_theme_proposals_for_the_new_cycle(
    network, facilitator, participant
):
    cycle = network.current_cycle
    other = add_member(network)
    services.look_ahead_save(
        cycle=cycle, member=participant, go_on="yes", composition="same", subject="Rekenen"
    )
    services.look_ahead_save(
        cycle=cycle, member=other, go_on="maybe", composition="extended", subject="rekenen"
    )
    services.look_ahead_save(cycle=cycle, member=facilitator, go_on="no", composition="unsure")
    summary = selectors.look_ahead_summary(cycle=cycle)
    assert summary.answered == 3 and dict(summary.go_on) == {"Ja": 1, "Misschien": 1, "Nee": 1}
    with pytest.raises(ValidationError, match="nieuwe cyclus"):
        services.look_ahead_to_proposals(cycle=cycle, proposed_by=facilitator)

    move_to_anchoring(network, facilitator)
    new = network_services.network_start_cycle(
        network=network,
        theme="",
        started_by=facilitator,
        # A new cycle reconfirms every prerequisite (the managers' branch made that a rule).
        still_true=[kind.value for kind in Prerequisite.Kind],
    )
    client = login(facilitator)
    page = client.get(reverse("evaluation:cycle", args=[network.slug])).content.decode()
    assert reverse("evaluation:look_ahead_proposals", args=[network.slug]) in page
    response = client.post(reverse("evaluation:look_ahead_proposals", args=[network.slug]))
    assert response.status_code == 302
    proposals = theme_selectors.cycle_proposals(cycle=new)
    assert [(p.title, p.proposed_by) for p in proposals] == [("Rekenen", participant)]
    assert not LookAhead.objects.filter(proposed_at__isnull=True).exclude(subject="").exists()
    with pytest.raises(ValidationError):
        services.look_ahead_to_proposals(cycle=cycle, proposed_by=facilitator)


# --- Learning gains, the manager's panel and the report part


@pytest.fixture
def colleague_of_manager(network: Any, manager: Any) -> Any:
    return add_member(
        network, UserFactory.create(name="Collega Cora", organisation=manager.organisation)
    )


def test_a_learning_gain_is_private_and_only_its_author_changes_it(
    network, participant, facilitator
):
    gain = services.learning_gain_save(
        cycle=network.current_cycle, author=participant, level="team", text="Team leest voor"
    )
    assert login(facilitator).get(reverse("evaluation:gain_edit", args=[gain.pk])).status_code == (
        404
    )
    page = login(participant).get(reverse("evaluation:mine")).content.decode()
    assert "Team leest voor" in page
    with pytest.raises(ValidationError, match="niveau"):
        services.learning_gain_save(
            cycle=network.current_cycle, author=participant, level="team", text="Nog een"
        )


def test_nothing_unshared_reaches_the_manager_panel(
    network, manager, colleague_of_manager, participant, rf
):
    cycle = network.current_cycle
    services.learning_gain_save(
        cycle=cycle, author=colleague_of_manager, level="individual", text="Alleen voor mij"
    )
    services.learning_gain_save(
        cycle=cycle,
        author=colleague_of_manager,
        level="team",
        text="Voor rapportage",
        share_for_reporting=True,
    )
    # Shared with a manager, but another organisation's.
    services.learning_gain_save(
        cycle=cycle,
        author=participant,
        level="individual",
        text="Van een ander",
        share_with_manager=True,
    )
    request = rf.get("/")
    request.user = manager
    assert manager_panels.render_panels(request) == [] or all(
        "Alleen voor mij" not in html for html in manager_panels.render_panels(request)
    )
    assert selectors.gains_shared_with_manager(manager=manager) == []

    services.learning_gain_save(
        cycle=cycle,
        author=colleague_of_manager,
        level="organisation",
        text="Gedeeld met jou",
        share_with_manager=True,
    )
    html = "".join(manager_panels.render_panels(request))
    assert "Gedeeld met jou" in html and "Collega Cora" in html
    assert "Alleen voor mij" not in html
    assert "Voor rapportage" not in html and "Van een ander" not in html
    assert manager_panels.waiting_count(manager) == 0
    # A former manager reads nothing any more.
    manager.is_manager = False
    assert selectors.gains_shared_with_manager(manager=manager) == []


def test_nothing_unshared_or_named_reaches_the_report_part(
    network, facilitator, participant, colleague_of_manager
):
    cycle = network.current_cycle
    services.learning_gain_save(
        cycle=cycle, author=participant, level="individual", text="Privé leerwinst"
    )
    services.learning_gain_save(
        cycle=cycle,
        author=participant,
        level="team",
        text="Alleen voor de manager",
        share_with_manager=True,
    )
    services.learning_gain_save(
        cycle=cycle,
        author=colleague_of_manager,
        level="organisation",
        text="Voor het verslag",
        share_for_reporting=True,
    )
    few = held_meeting(network, facilitator, [participant, colleague_of_manager])
    evaluate(few, participant, rating=1, what_worked="Naam-citaat")
    services.look_ahead_save(
        cycle=cycle, member=participant, go_on="yes", composition="same", subject="Wens Daan"
    )
    services.cycle_goal_outcome_save(
        cycle=cycle, goal_outcome="reached", why="Samen geoefend", recorded_by=facilitator
    )
    html = report.cycle_html(cycle)
    assert "Voor het verslag" in html and "Samen geoefend" in html
    for private in (
        "Privé leerwinst",
        "Alleen voor de manager",
        participant.name,
        colleague_of_manager.name,
        "Naam-citaat",
        "Wens Daan",
    ):
        assert private not in html
    figures = report.cycle_figures(cycle)
    assert ("all", "shared_goal_outcome", "reached") in figures
    assert ("organisation", "learning_gains_shared_for_reporting", 1) in figures
    assert ("individual", "learning_gains_shared_for_reporting", 0) in figures
    assert not [f for f in figures if f[1] == "average_rating"]  # one evaluation is below k
    year = timezone.now().year
    region_html = report.region_html(network.district.region, year)
    assert participant.name not in region_html and "Privé" not in region_html
    by_measure = {
        (about, measure): value
        for about, measure, value in report.region_figures(network.district.region, year)
    }
    district = network.district.name
    assert by_measure[(district, "cycles")] == 1
    assert by_measure[(district, "shared_goal_reached")] == 1
    assert by_measure[(district, "learning_gains_organisation")] == 1
    assert by_measure[(district, "learning_gains_individual")] == 0
    assert by_measure[(district, "meetings_rated")] == 0
    assert by_measure[(district, "look_ahead_yes")] == 1


# --- Constant queries


def _fill(network: Any, facilitator: Any, n: int) -> list[Any]:
    people = [add_member(network) for _ in range(n)]
    cycle = network.current_cycle
    for i in range(n):
        meeting = held_meeting(network, facilitator, people, title=f"Bijeenkomst {i}")
        for person in people:
            evaluate(meeting, person, rating=1 + i % 5, what_worked="Goed")
    for person in people:
        services.look_ahead_save(
            cycle=cycle, member=person, go_on="yes", composition="same", subject="Taal"
        )
        services.learning_gain_save(
            cycle=cycle,
            author=person,
            level="individual",
            text="Geleerd",
            share_with_manager=True,
            share_for_reporting=True,
        )
        theme_services.personal_challenge_save(
            cycle=cycle, member=person, learning_goal="Doel", question="Vraag", is_shared=True
        )
    services.reflection_open(network=network, opened_by=facilitator)
    return people


@pytest.mark.parametrize("size", [2, 10])
def test_the_pages_read_in_a_constant_number_of_queries(
    network, facilitator, participant, size, django_assert_max_num_queries
):
    people = _fill(network, facilitator, size)
    meeting = Meeting.objects.filter(network=network).first()
    assert meeting is not None
    facilitator_client, member_client = login(facilitator), login(people[0])
    pages = [
        (facilitator_client, reverse("evaluation:cycle", args=[network.slug])),
        (member_client, reverse("evaluation:cycle", args=[network.slug])),
        (member_client, reverse("evaluation:meeting", args=[meeting.pk])),
        (member_client, reverse("evaluation:mine")),
    ]
    for client, url in pages:
        with django_assert_max_num_queries(45):
            assert client.get(url).status_code == 200
    cycle = network.current_cycle
    with django_assert_max_num_queries(12):
        report.cycle_html(cycle)
    with django_assert_max_num_queries(8):
        report.region_html(network.district.region, timezone.now().year)


def test_the_cycle_page_does_not_grow_with_the_data(network, facilitator, participant):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count(size: int) -> int:
        _fill(network, facilitator, size)
        client = login(facilitator)
        with CaptureQueriesContext(connection) as queries:
            client.get(reverse("evaluation:cycle", args=[network.slug]))
        return len(queries)

    small = count(2)
    assert count(6) == small
    assert LearningGain.objects.count() == 8
