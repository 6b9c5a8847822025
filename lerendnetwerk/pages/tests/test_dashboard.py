"""The person's own page: what waits for a participant (their answer, table, buddy, a vote, a
Netwerkbarometer round, a contract, a question to prepare, their challenge, recent activity),
what needs a facilitator, friendly empty states, and the same number of queries for one network
or five."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from lerendnetwerk.accounts.models import User
from lerendnetwerk.barometer.models import BarometerRound, Participation, Questionnaire
from lerendnetwerk.catalogue.phase import Phase
from lerendnetwerk.core.tests.factories import (
    NetworkFactory,
    UserFactory,
    add_member,
    login,
)
from lerendnetwerk.groups import selectors as group_selectors
from lerendnetwerk.groups import services as group_services
from lerendnetwerk.groups.models import GroupRotation, RotationGroup, RotationRound
from lerendnetwerk.meetings import services as meeting_services
from lerendnetwerk.meetings.models import Meeting, Rsvp
from lerendnetwerk.networks.models import Cycle, Network
from lerendnetwerk.pages import selectors
from lerendnetwerk.regions.models import District
from lerendnetwerk.themes import selectors as theme_selectors
from lerendnetwerk.themes import services as theme_services

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("pages:dashboard")


def _meeting(network: Network, by: User, title: str, in_days: int = 7) -> Meeting:
    starts = timezone.now().replace(microsecond=0) + timedelta(days=max(in_days, 1))
    meeting = meeting_services.meeting_schedule(
        network=network,
        title=title,
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        address="Wijkcentrum De Dreef",
        created_by=by,
    )
    if in_days < 0:
        moved = timezone.now().replace(microsecond=0) + timedelta(days=in_days)
        Meeting.objects.filter(pk=meeting.pk).update(
            starts_at=moved, ends_at=moved + timedelta(hours=2)
        )
        meeting.refresh_from_db()
    return meeting


def _start(network: Network) -> Cycle:
    """The network's cycle in Development (what the participant's tasks belong to)."""
    cycle = network.current_cycle
    assert cycle is not None
    Cycle.objects.filter(pk=cycle.pk).update(phase=Phase.DEVELOPMENT)
    network.refresh_from_db()
    assert network.current_cycle is not None
    return network.current_cycle


def _table(meeting: Meeting, *groups: list[User]) -> GroupRotation:
    """A rotation with one round at `meeting`, tables numbered in order."""
    cycle = meeting.network.current_cycle
    assert cycle is not None
    rotation = GroupRotation.objects.create(
        network=meeting.network, cycle=cycle, name="Tafels", group_size=3
    )
    round_ = RotationRound.objects.create(rotation=rotation, number=1, meeting=meeting)
    for number, people in enumerate(groups, start=1):
        RotationGroup.objects.create(round=round_, number=number).members.set(people)
    return rotation


def _round(network: Network, *, closes_in: int = 7) -> BarometerRound:
    return BarometerRound.objects.create(
        network=network,
        questionnaire=Questionnaire.objects.filter(region=None, is_published=True).latest(
            "version"
        ),
        closes_on=timezone.localdate() + timedelta(days=closes_in),
    )


def _vote(network: Network, by: User, members: list[User]) -> object:
    cycle = network.current_cycle
    assert cycle is not None
    proposals = [
        theme_services.theme_proposal_create(
            cycle=cycle, title=title, why="Omdat het ertoe doet.", proposed_by=member
        )
        for title, member in zip(("Buiten spelen", "Taal"), members, strict=False)
    ]
    return theme_services.dot_vote_open(cycle=cycle, opened_by=by, proposals=proposals)


@pytest.fixture
def team(network: Network, facilitator: User, participant: User) -> list[User]:
    """Three more members of the participant's network, by name."""
    return [
        add_member(network, UserFactory.create(name=name))
        for name in ("Anna Tafelgenoot", "Bram Maatje", "Cees Anderetafel")
    ]


def test_a_participant_sees_what_waits_for_them(
    network: Network, facilitator: User, participant: User, team: list[User], outsider: User
) -> None:
    anna, bram, cees = team
    cycle = _start(network)
    meeting = _meeting(network, facilitator, "Praktijkvragen")
    _table(meeting, [participant, anna], [cees, bram, facilitator])
    group_services.buddies_set(network=network, pairs=[[participant, bram], [anna, cees]])
    question = theme_services.learning_question_propose(
        cycle=cycle, text="Hoe vertellen we ouders over de overstap?", proposed_by=anna
    )
    theme_services.learning_questions_mark_worked_on(meeting=meeting, questions=[question])
    vote = _vote(network, facilitator, [anna, bram])
    _round(network)
    theme_services.agreement_publish(
        network=network, text="We beginnen op tijd.", published_by=facilitator
    )

    response = login(participant).get(DASHBOARD)

    assert response.status_code == 200
    page = response.context["page"]
    [next_meeting] = page.next_meetings
    assert next_meeting.meeting == meeting and next_meeting.unanswered
    assert next_meeting.table.number == 1 and next_meeting.table.mates == [anna]
    assert next_meeting.buddies == [bram]
    assert next_meeting.questions == [question]
    assert [v.pk for v in page.votes] == [vote.pk]  # type: ignore[attr-defined]
    assert page.waiting == 4  # the answer, the vote, the round, the contract
    html = response.content.decode()
    assert "Hoe vertellen we ouders over de overstap?" in html
    assert reverse("themes:vote", args=[network.slug, vote.pk]) in html  # type: ignore[attr-defined]
    assert reverse("themes:agreement", args=[network.slug]) in html
    assert reverse("themes:my_challenge", args=[network.slug]) in html
    assert f'action="{reverse("meetings:answer", args=[meeting.pk])}"' in html
    # Only their own table: not who sits at the other one.
    assert "Anna Tafelgenoot" in html and "Cees Anderetafel" not in html
    # Recent activity: the meeting planned and the contract published.
    assert [a.kind for a in page.activity] == ["agreement", "meeting"]
    assert not page.facilitated

    # Another member of another network sees none of it.
    other = login(outsider).get(DASHBOARD)
    other_page = other.context["page"]
    assert other_page.next_meetings == [] and other_page.votes == []
    assert other_page.rounds == [] and other_page.agreements == []
    for private in ("Praktijkvragen", "Bram Maatje", "Anna Tafelgenoot", "Buiten spelen"):
        assert private not in other.content.decode()


def test_what_the_participant_did_no_longer_waits(
    network: Network, facilitator: User, participant: User, team: list[User]
) -> None:
    _start(network)
    meeting = _meeting(network, facilitator, "Praktijkvragen")
    vote = _vote(network, facilitator, team[:2])
    barometer_round = _round(network)
    agreement = theme_services.agreement_publish(
        network=network, text="We beginnen op tijd.", published_by=facilitator
    )
    meeting_services.rsvp_answer(meeting=meeting, user=participant, answer="accepted")
    theme_services.dot_vote_place(
        dot_vote=vote,  # type: ignore[arg-type]
        member=participant,
        stickers={vote.proposals.first().pk: 1},  # type: ignore[attr-defined]
    )
    Participation.objects.create(round=barometer_round, user=participant)
    theme_services.agreement_acknowledge(agreement=agreement, member=participant)

    response = login(participant).get(DASHBOARD)

    page = response.context["page"]
    assert page.waiting == 0
    assert page.next_meetings[0].answer_label == "Aangemeld"
    html = response.content.decode()
    assert "Er wacht nu niets op een antwoord van je." in html
    assert "je hebt meegedaan" in html.lower()
    # A newer contract version waits again.
    theme_services.agreement_publish(
        network=network, text="We beginnen en eindigen op tijd.", published_by=facilitator
    )
    [waiting] = theme_selectors.agreements_to_acknowledge(
        user=participant, network_ids=[network.pk]
    )
    assert waiting.version == 2


def test_the_participant_answers_from_their_page_and_comes_back_to_it(
    network: Network, facilitator: User, participant: User
) -> None:
    meeting = _meeting(network, facilitator, "Praktijkvragen")
    client = login(participant)
    answer = reverse("meetings:answer", args=[meeting.pk])

    response = client.post(answer, {"answer": "declined", "next": DASHBOARD})

    assert response.status_code == 302 and response["Location"] == DASHBOARD
    assert Rsvp.objects.get(meeting=meeting, user=participant).answer == "declined"
    # Another site is never where an answer leads.
    response = client.post(answer, {"answer": "accepted", "next": "https://elders.example/"})
    assert response["Location"] == reverse("meetings:detail", args=[meeting.pk])


def test_a_facilitator_sees_what_needs_them_per_network(
    network: Network, facilitator: User, participant: User, team: list[User]
) -> None:
    _start(network)
    held = _meeting(network, facilitator, "Kennismaken", in_days=-7)
    upcoming = _meeting(network, facilitator, "Praktijkvragen")
    meeting_services.rsvp_answer(meeting=upcoming, user=team[0], answer="accepted")
    barometer_round = _round(network)
    Participation.objects.create(round=barometer_round, user=participant)
    quiet = NetworkFactory.create(name="LN Rustig", district=network.district)
    add_member(quiet, facilitator, role="facilitator")

    response = login(facilitator).get(DASHBOARD)

    rows = response.context["page"].facilitated
    assert [r.network for r in rows] == [network, quiet]  # what needs them first
    busy, calm = rows
    assert busy.next_meeting == upcoming and busy.pending == 4  # all but the one who answered
    assert busy.to_record == [held]
    assert busy.open_round == barometer_round and busy.needs_you
    assert not calm.needs_you and calm.next_meeting is None
    html = response.content.decode()
    assert "4 leden hebben nog niet geantwoord" in html
    assert reverse("meetings:attendance", args=[held.pk]) in html
    assert reverse("meetings:schedule", args=[quiet.slug]) in html
    # The facilitator is no participant with a challenge to write.
    assert reverse("themes:my_challenge", args=[network.slug]) not in html


def test_a_person_without_networks_is_told_what_to_do(db: None) -> None:
    person = UserFactory.create(name="Nieuw Iemand")

    response = login(person).get(DASHBOARD)

    html = response.content.decode()
    assert "Er wacht nu niets op een antwoord van je." in html
    assert "Je bent nog geen lid van een netwerk." in html


def test_tables_and_buddies_show_only_current_members_and_the_newest_rotation(
    network: Network, facilitator: User, participant: User, team: list[User]
) -> None:
    anna, bram, cees = team
    meeting = _meeting(network, facilitator, "Praktijkvragen")
    _table(meeting, [participant, anna])
    newest = _table(meeting, [participant, bram, cees])
    GroupRotation.objects.filter(pk=newest.pk).update(
        created_at=timezone.now() + timedelta(minutes=1)
    )
    group_services.buddies_set(network=network, pairs=[[participant, cees], [anna, bram]])
    # Left some other way than `membership_end`, which also ends the pair: still not shown.
    network.memberships.filter(user=cees).update(left_at=timezone.localdate())

    tables = group_selectors.tables_for(user=participant, meeting_ids=[meeting.pk])

    assert tables[meeting.pk].mates == [bram]
    assert group_selectors.buddies_for(user=participant, network_ids=[network.pk]) == {}
    assert group_selectors.buddies_for(user=anna, network_ids=[network.pk]) == {network.pk: [bram]}


def _person_in(networks: list[Network], facilitator: User) -> User:
    """A participant of these networks, each with a meeting, a table, a buddy, a vote, a round
    and a contract waiting, and recent activity."""
    person = UserFactory.create(name="Veel Netwerken")
    for network in networks:
        add_member(network, person)
        add_member(network, facilitator, role="facilitator")
        mates = [add_member(network, UserFactory.create()) for _ in range(3)]
        _start(network)
        meeting = _meeting(network, facilitator, f"Bijeenkomst {network.name}")
        _table(meeting, [person, mates[0]], mates[1:])
        group_services.buddies_set(network=network, pairs=[[person, mates[1]]])
        _vote(network, facilitator, mates)
        _round(network)
        theme_services.agreement_publish(
            network=network, text="Afspraken.", published_by=facilitator
        )
        _meeting(network, facilitator, "Kennismaken", in_days=-7)
    return person


def _queries(user: User) -> int:
    client = login(user)
    client.get(DASHBOARD)  # the session and the translations
    cache.clear()  # the page itself, not the copy kept of it (core/pagecache.py)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(DASHBOARD).status_code == 200
    return len(queries)


def test_the_page_reads_the_same_for_one_network_or_five(district: District) -> None:
    facilitator = UserFactory.create(name="Fatima Kartrekker")
    one = _person_in([NetworkFactory.create(district=district)], facilitator)
    five = _person_in([NetworkFactory.create(district=district) for _ in range(5)], facilitator)

    assert len(selectors.personal_page(user=five).next_meetings) == 5
    # With an empty cache: the session, the user with their regions and roles, the header's
    # unread notifications, the invitations, the mentoring, the memberships; then one query
    # each for buddies, challenges, next meetings, tables, questions, rounds, votes, contracts,
    # and four for the recent activity.
    assert _queries(one) == _queries(five) == 20
    # The facilitator of one network and of six: the same again.
    lone = UserFactory.create(name="Lone Kartrekker")
    _person_in([NetworkFactory.create(district=district)], lone)
    # ... and the signals and the attendance to record of the networks they lead.
    assert _queries(lone) == _queries(facilitator) == 22


def test_a_coordinator_sees_the_networks_to_look_at_first(
    network: Network, coordinator: User, outsider: User
) -> None:
    from lerendnetwerk.signals.models import Severity, Signal
    from lerendnetwerk.signals.rulebook import RULES

    first, second, *_rest = RULES
    for rule, severity in ((first, Severity.ALERT), (second, Severity.WARNING)):
        Signal.objects.create(
            network=network, rule=rule, severity=severity, since=timezone.localdate()
        )
    Signal.objects.create(
        network=NetworkFactory.create(district=network.district),
        rule=first,
        severity=Severity.INFO,
        since=timezone.localdate(),
    )

    response = login(coordinator).get(DASHBOARD)

    assert response.context["coordinator_waiting"] == 1
    assert "1 netwerk in je regio heeft een waarschuwing of alarm" in response.content.decode()
    assert login(outsider).get(DASHBOARD).context["coordinator_waiting"] == 0


def test_a_coordinator_sees_the_librarys_suggestions_waiting_for_review(
    network: Network, coordinator: User, facilitator: User
) -> None:
    from lerendnetwerk.resources.models import Resource

    region = network.district.region
    for status in (Resource.Status.SUGGESTED, Resource.Status.SUGGESTED, Resource.Status.PUBLISHED):
        Resource.objects.create(
            region=region,
            kind=Resource.Kind.WEBSITE,
            title=f"Bron {status}",
            url="https://example.org/",
            status=status,
            suggested_by=facilitator,
        )

    html = login(coordinator).get(DASHBOARD).content.decode()

    assert f"2 voorstellen voor de bibliotheek van {region.name} wachten op je beoordeling" in html
    assert f'href="{reverse("resources:manage", args=[region.slug])}"' in html
    # Reviewing is the coordinators' work: the facilitator who suggested them is not asked.
    assert "wachten op je beoordeling" not in login(facilitator).get(DASHBOARD).content.decode()
