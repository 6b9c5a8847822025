from datetime import timedelta
from itertools import combinations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from lerendnetwerk.accounts.models import User
from lerendnetwerk.core.tests.factories import OrganisationFactory, UserFactory, add_member, login
from lerendnetwerk.groups import selectors, services
from lerendnetwerk.groups.models import GroupRotation, RotationGroup
from lerendnetwerk.groups.services import common
from lerendnetwerk.meetings import services as meeting_services
from lerendnetwerk.meetings.models import Meeting
from lerendnetwerk.networks.models import Network
from lerendnetwerk.regions.models import District

pytestmark = pytest.mark.django_db
# Where the rotation services look the search up.
SOLVE = "lerendnetwerk.groups.services.rotations.solve"


@pytest.fixture
def crowd(network: Network, district: District, facilitator: User, participant: User) -> list[User]:
    for n in range(10):
        kind = ["daycare", "preschool", "primary_school"][n % 3]
        add_member(
            network,
            UserFactory.create(
                name=f"Lid {n:02}",
                organisation=OrganisationFactory.create(district=district, kind=kind),
            ),
        )
    return selectors.planning_members(network=network)


def groups_of(rotation: GroupRotation) -> list[list[list[int]]]:
    return [
        [sorted(u.pk for u in g.members.all()) for g in r.groups.all()]
        for r in rotation.rounds.prefetch_related("groups__members")
    ]


def test_a_plan_puts_everyone_once_per_meeting_without_repeats(network, crowd, facilitator):
    # 12 people in groups of 3 for 4 meetings: a schedule without repeats exists.
    rotation = services.rotation_plan(
        network=network, name="Tafels", group_size=3, rounds=4, created_by=facilitator
    )
    everyone = sorted(u.pk for u in crowd)
    pairs = []
    for groups in groups_of(rotation):
        assert sorted(pk for g in groups for pk in g) == everyone
        assert sorted(len(g) for g in groups) == [3, 3, 3, 3]
        pairs += [frozenset(p) for g in groups for p in combinations(g, 2)]
    assert len(pairs) == len(set(pairs)) and rotation.repeats == 0


def test_wishes_are_kept(network, crowd, facilitator):
    a, b, c, d = crowd[:4]
    rotation = services.rotation_plan(
        network=network,
        name="Met wensen",
        group_size=3,
        rounds=3,
        created_by=facilitator,
        apart=[[a.pk, b.pk]],
        together=[[c.pk, d.pk]],
    )
    for groups in groups_of(rotation):
        assert not any(a.pk in g and b.pk in g for g in groups)
        assert any(c.pk in g and d.pk in g for g in groups)


def test_an_impossible_group_size_is_explained(network, crowd, facilitator):
    with pytest.raises(ValidationError) as refusal:
        services.rotation_plan(
            network=network, name="X", group_size=99, rounds=2, created_by=facilitator
        )
    assert "group_size" in refusal.value.error_dict


def test_replanning_leaves_out_who_declined_and_avoids_who_met(network, crowd, facilitator):
    now = timezone.now()
    held = Meeting.objects.create(
        network=network,
        cycle=network.current_cycle,
        title="Geweest",
        address="x",
        starts_at=now - timedelta(days=7),
        ends_at=now - timedelta(days=7, hours=-2),
    )
    coming = meeting_services.meeting_schedule(
        network=network,
        title="Straks",
        address="x",
        created_by=facilitator,
        starts_at=now + timedelta(days=7),
        ends_at=now + timedelta(days=7, hours=2),
    )
    rotation = services.rotation_plan(
        network=network,
        name="Tafels",
        group_size=3,
        rounds=2,
        meetings=[held, coming],
        created_by=facilitator,
    )
    first_round = rotation.rounds.get(number=1)
    for user in crowd:
        held.rsvps.create(user=user, attended=True)
    held.attendance_recorded_at = now
    held.save()
    absent = crowd[0]
    meeting_services.rsvp_answer(meeting=coming, user=absent, answer="declined")
    services.rotation_replan(rotation=rotation)
    met = {
        frozenset(p)
        for g in RotationGroup.objects.filter(round=first_round).prefetch_related("members")
        for p in combinations([u.pk for u in g.members.all()], 2)
    }
    second = [
        sorted(u.pk for u in g.members.all()) for g in rotation.rounds.get(number=2).groups.all()
    ]
    assert absent.pk not in {pk for g in second for pk in g}
    assert sum(len(g) for g in second) == len(crowd) - 1
    assert not met & {frozenset(p) for g in second for p in combinations(g, 2)}


def test_the_facilitator_plans_through_the_form_and_prints_cards(
    network, crowd, facilitator, participant
):
    client = login(facilitator)
    response = client.post(
        reverse("groups:rotation_create", args=[network.slug]),
        {
            "name": "Tafelgroepen",
            "group_size": "4",
            "rounds": "4",
            "apart_1_a": str(crowd[0].pk),
            "apart_1_b": str(crowd[1].pk),
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    cards = login(participant).get(response["Location"] + "kaarten/")
    assert cards.status_code == 200
    content = cards.content.decode()
    assert content.count('class="ln-cards__card"') == 4 * 3
    assert "cards.css" in content


def test_a_bad_wish_keeps_the_form(network, crowd, facilitator):
    response = login(facilitator).post(
        reverse("groups:rotation_create", args=[network.slug]),
        {"name": "Tafelgroepen", "group_size": "4", "rounds": "2", "apart_1_a": str(crowd[0].pk)},
    )
    assert response.status_code == 200
    assert 'value="Tafelgroepen"' in response.content.decode()


def test_a_member_who_joins_while_the_planner_searches_is_planned_in(
    network, crowd, facilitator, district, monkeypatch
):
    """The search runs outside the write transaction; storing checks the members again."""
    real_solve, searches = common.solve, []

    def solve_while_someone_joins(problem):
        searches.append(problem.people)
        if len(searches) == 1:
            add_member(network, UserFactory.create(name="Lid laat"))
        return real_solve(problem)

    monkeypatch.setattr(SOLVE, solve_while_someone_joins)
    rotation = services.rotation_plan(
        network=network, name="Tafels", group_size=3, rounds=2, created_by=facilitator
    )
    assert searches == [12, 13]
    for groups in groups_of(rotation):
        assert sum(len(g) for g in groups) == 13


def test_when_the_members_keep_changing_the_plan_is_refused_and_nothing_stored(
    network, crowd, facilitator, monkeypatch
):
    real_solve = common.solve

    def solve_while_someone_joins(problem):
        add_member(network, UserFactory.create())
        return real_solve(problem)

    monkeypatch.setattr(SOLVE, solve_while_someone_joins)
    with pytest.raises(ValidationError) as refusal:
        services.rotation_plan(
            network=network, name="Tafels", group_size=3, rounds=2, created_by=facilitator
        )
    assert "veranderd" in " ".join(refusal.value.messages)
    assert not GroupRotation.objects.filter(network=network).exists()


def test_a_replan_stores_nothing_when_attendance_changes_during_both_searches(
    network, crowd, facilitator, monkeypatch
):
    rotation = services.rotation_plan(
        network=network, name="Tafels", group_size=3, rounds=2, created_by=facilitator
    )
    before = groups_of(rotation)
    real_solve = common.solve

    def solve_while_someone_joins(problem):
        add_member(network, UserFactory.create())
        return real_solve(problem)

    monkeypatch.setattr(SOLVE, solve_while_someone_joins)
    with pytest.raises(ValidationError):
        services.rotation_replan(rotation=rotation)
    rotation.refresh_from_db()
    assert rotation.replanned_at is None
    assert groups_of(rotation) == before
