"""National-scale data for benchmarks: every municipality of the Netherlands, in bulk.

At factor 1: about 340 regions, 5,000 networks, 60,000 people, 250,000 meetings with answers
and attendance, 1,000,000 diary entries and 300,000 Netwerkbarometer answers. Deterministic for a
seed; bulk inserts in batches, so factor 1 takes minutes on two cores. Everything but the
benchmark logins gets an unusable password and nobody gets e-mail.

A namespace prefixes every slug and e-mail address, so that two data sets of different sizes can
live in one database (the query-budget tests compare a page's queries on both).
"""

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from django.contrib.auth.hashers import make_password
from django.db import models
from django.utils import timezone

from lerendnetwerk.accounts.models import User
from lerendnetwerk.barometer.models import (
    Answer,
    BarometerRound,
    Participation,
    Questionnaire,
    Response,
)
from lerendnetwerk.catalogue.models import Entry, Phase
from lerendnetwerk.demo.knowledge import scale_knowledge
from lerendnetwerk.demo.resources import scale_resources
from lerendnetwerk.demo.second_factor import demo_totp_device
from lerendnetwerk.groups.models import Buddy, GroupRotation, RotationGroup, RotationRound
from lerendnetwerk.journal.models import JournalEntry
from lerendnetwerk.meetings.models import AgendaItem, Meeting, Rsvp
from lerendnetwerk.networks.models import (
    Cycle,
    Membership,
    Network,
    PhaseTransition,
    Prerequisite,
)
from lerendnetwerk.regions.models import District, Organisation, Region
from lerendnetwerk.showcases.models import Showcase
from lerendnetwerk.themes.models import (
    Agreement,
    DotVote,
    FocusArea,
    LearningQuestion,
    Theme,
    ThemeProposal,
)

BATCH = 5000
DISTRICTS_PER_REGION = 10
ORGANISATIONS_PER_NETWORK = 9
# A cycle (a school year or so) has about ten meetings; a network's earlier ones are anchored.
MEETINGS_PER_CYCLE = 10
DIARY_TEXT = "Wat ik vandaag leerde over samenwerken met ouders en de overgang naar school."
KINDS = ["daycare", "preschool", "primary_school", "primary_school", "other"]
# Of the members of a network with a barometer round, this share answers it: enough to show results.
RESPONDENTS = 8


@dataclass(frozen=True)
class Size:
    """How much to generate. `at(1)` is the national scale; meetings per network and members per
    network stay realistic at every factor, the number of everything else scales."""

    regions: int = 340
    networks: int = 5000
    people: int = 60_000
    meetings_per_network: int = 50
    journal_entries: int = 1_000_000
    barometer_answers: int = 300_000

    @classmethod
    def at(cls, factor: float) -> "Size":
        full = cls()
        scaled = {
            name: max(1, round(getattr(full, name) * factor))
            for name in ("regions", "networks", "people", "journal_entries", "barometer_answers")
        }
        return replace(full, **scaled)


def _batched[M: models.Model](model: type[M], rows: Iterator[M] | list[M]) -> list[M]:
    created: list[M] = []
    batch: list[M] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= BATCH:
            created += model._default_manager.bulk_create(batch)
            batch = []
    if batch:
        created += model._default_manager.bulk_create(batch)
    return created


def generate(
    *,
    size: Size,
    seed: int,
    log: Callable[[str], None],
    password: str,
    namespace: str = "",
) -> dict[str, int]:
    rng = random.Random(seed)
    districts = _regions(size.regions, namespace)
    log(f"{len(districts)} districts")
    organisations = _organisations(rng, districts, size.networks * ORGANISATIONS_PER_NETWORK)
    people = _people(rng, organisations, size.people, namespace)
    log(f"{len(organisations)} organisations, {len(people)} people")
    networks, cycles = _networks(
        rng,
        districts,
        size.networks,
        -(-size.meetings_per_network // MEETINGS_PER_CYCLE),
        namespace,
    )
    members = _memberships(rng, networks, people)
    _process(rng, networks)
    # Its own random numbers: the data before it stays as it was for a seed.
    _themes_and_results(random.Random(seed + 1), cycles, members)
    log(f"{len(networks)} networks with {sum(len(m) for m in members.values())} memberships")
    meetings = _meetings(rng, networks, cycles, members, size.meetings_per_network, log)
    journal = _journal(rng, networks, members, size.journal_entries)
    log(f"{meetings} meetings, {journal} diary entries")
    answers = _barometer(rng, networks, members, size.barometer_answers)
    log(f"{answers} Netwerkbarometer answers")
    # Its own random numbers, so that the knowledge exchange changes nothing else.
    scale_knowledge(random.Random(seed + 1), organisations, people)
    scale_resources(random.Random(seed + 2), networks)
    _bench_logins(networks[0], members[networks[0].pk], password, namespace)
    _bench_personal(networks[0], members[networks[0].pk])
    return {"networks": len(networks), "people": len(people), "meetings": meetings}


def _regions(n: int, namespace: str) -> list[District]:
    regions = _batched(
        Region,
        (
            Region(name=f"Gemeente {namespace}{i:03}", slug=f"{namespace}gemeente-{i:03}")
            for i in range(1, n + 1)
        ),
    )
    return _batched(
        District,
        (
            District(region=region, name=f"Wijk {d}", slug=f"wijk-{d}")
            for region in regions
            for d in range(1, DISTRICTS_PER_REGION + 1)
        ),
    )


def _organisations(rng: random.Random, districts: list[District], n: int) -> list[Organisation]:
    return _batched(
        Organisation,
        (
            Organisation(
                name=f"Organisatie {i}", kind=rng.choice(KINDS), district=rng.choice(districts)
            )
            for i in range(n)
        ),
    )


def _people(
    rng: random.Random, organisations: list[Organisation], n: int, namespace: str
) -> list[User]:
    return _batched(
        User,
        (
            User(
                email=f"{namespace}persoon{i}@schaal.example",
                name=f"Persoon {i}",
                organisation=rng.choice(organisations),
                password="!",  # noqa: S106 - unusable: only the benchmark logins can log in
                is_manager=i % 40 == 0,
            )
            for i in range(n)
        ),
    )


def _networks(
    rng: random.Random, districts: list[District], n: int, cycles_per_network: int, namespace: str
) -> tuple[list[Network], dict[int, list[Cycle]]]:
    networks = _batched(
        Network,
        (
            Network(
                name=f"Lerend Netwerk {namespace}{i}",
                slug=f"{namespace}ln-{i}",
                district=rng.choice(districts),
            )
            for i in range(n)
        ),
    )
    phases = ["", *Phase.values]
    # Earlier cycles went through every phase; the current one is anywhere.
    cycles = _batched(
        Cycle,
        (
            Cycle(
                network=network,
                number=number,
                phase=rng.choice(phases) if number == cycles_per_network else Phase.ANCHORING,
            )
            for network in networks
            for number in range(1, cycles_per_network + 1)
        ),
    )
    for network, cycle in zip(
        networks, cycles[cycles_per_network - 1 :: cycles_per_network], strict=True
    ):
        network.current_cycle = cycle
    Network.objects.bulk_update(networks, ["current_cycle"], batch_size=BATCH)
    return networks, {
        network.pk: cycles[i * cycles_per_network : (i + 1) * cycles_per_network]
        for i, network in enumerate(networks)
    }


def _memberships(
    rng: random.Random, networks: list[Network], people: list[User]
) -> dict[int, list[Membership]]:
    per_network = max(2, min(16, len(people) // len(networks)))
    rows: dict[int, list[Membership]] = {}
    for network in networks:
        chosen = rng.sample(people, per_network)
        rows[network.pk] = [
            Membership(network=network, user=user, role="facilitator" if i == 0 else "participant")
            for i, user in enumerate(chosen)
        ]
    _batched(Membership, (m for ms in rows.values() for m in ms))
    return rows


def _process(rng: random.Random, networks: list[Network]) -> None:
    started = [n for n in networks if n.current_cycle and n.current_cycle.phase]
    _batched(
        Prerequisite,
        (
            Prerequisite(
                network=network,
                kind=kind,
                evidence="Vastgelegd.",
                hours_per_month=4,
                budget_euros=1000,
                expert_name="Expert",
            )
            for network in started
            for kind in Prerequisite.Kind.values
        ),
    )
    _batched(
        PhaseTransition,
        (
            PhaseTransition(cycle=cycle, from_phase=previous, to_phase=phase)
            for network in started
            if (cycle := network.current_cycle) is not None
            for previous, phase in _moves(cycle.phase)
        ),
    )


def _themes_and_results(
    rng: random.Random, cycles: dict[int, list[Cycle]], members: dict[int, list[Membership]]
) -> None:
    """A theme for every cycle past its exploration, mostly on a UKK focus area, and per such
    cycle a few results, two of three published: what the public site groups, filters and
    shows."""
    focus_areas = list(FocusArea.objects.filter(chapter__framework__is_active=True))
    chosen: list[tuple[Cycle, FocusArea | None]] = []
    for network_cycles in cycles.values():
        for cycle in network_cycles:
            if cycle.phase in ("", Phase.EXPLORATION):
                continue
            area = rng.choice(focus_areas) if rng.random() < 0.85 else None
            cycle.theme = area.title if area else "Een eigen thema"
            chosen.append((cycle, area))
    Cycle.objects.bulk_update([cycle for cycle, _area in chosen], ["theme"], batch_size=BATCH)
    _batched(
        Theme,
        (Theme(cycle=cycle, title=cycle.theme, focus_area=area) for cycle, area in chosen),
    )
    now = timezone.now()
    _batched(
        Showcase,
        (
            Showcase(
                network_id=cycle.network_id,
                cycle=cycle,
                title=f"Wat we maakten in cyclus {cycle.number} ({n + 1})",
                description=DIARY_TEXT,
                kind="text",
                link="https://www.example.org/resultaat",
                uploaded_by_id=members[cycle.network_id][-1].user_id,
                published_at=now - timedelta(days=rng.randrange(700)) if n < 2 else None,
            )
            for cycle, _area in chosen
            for n in range(3)
        ),
    )


def _moves(phase: str) -> list[tuple[str, str]]:
    order = ["", *Phase.values]
    return [(order[i], order[i + 1]) for i in range(order.index(phase))]


def _meetings(
    rng: random.Random,
    networks: list[Network],
    cycles: dict[int, list[Cycle]],
    members: dict[int, list[Membership]],
    per_network: int,
    log: Callable[[str], None],
) -> int:
    now = timezone.now()
    entries = list(Entry.objects.filter(kind=Entry.Kind.ACTIVITY))
    total = 0
    # Meetings in slices of networks, so answers and agendas never pile up in memory.
    for start in range(0, len(networks), 200):
        chunk = networks[start : start + 200]
        meetings = _batched(
            Meeting,
            (
                _meeting(
                    cycles[network.pk][k // MEETINGS_PER_CYCLE],
                    k % MEETINGS_PER_CYCLE,
                    now + timedelta(days=14 * (k - per_network + 4)),
                )
                for network in chunk
                for k in range(per_network)
            ),
        )
        _batched(Rsvp, _rsvps(rng, meetings, members, now))
        _batched(AgendaItem, _agenda(rng, meetings, entries))
        total += len(meetings)
        if start % 1000 == 0:
            log(f"  meetings: {total}")
    return total


def _meeting(cycle: Cycle, k: int, starts: datetime) -> Meeting:
    """The k-th meeting of a cycle: an earlier cycle's went through the phases in order."""
    current = cycle.network.current_cycle_id == cycle.pk
    return Meeting(
        network=cycle.network,
        cycle=cycle,
        phase=cycle.phase if current else Phase.values[min(k // 2, len(Phase.values) - 1)],
        title="Bijeenkomst",
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        address="Wijkcentrum",
        attendance_recorded_at=starts if starts < timezone.now() else None,
        invitations_sent_at=starts - timedelta(weeks=3),
    )


def _rsvps(
    rng: random.Random, meetings: list[Meeting], members: dict[int, list[Membership]], now: datetime
) -> Iterator[Rsvp]:
    for meeting in meetings:
        past = meeting.starts_at < now
        for membership in members[meeting.network_id]:
            answer = "accepted" if rng.random() < 0.8 else "declined"
            yield Rsvp(
                meeting=meeting,
                user_id=membership.user_id,
                answer=answer,
                attended=(answer == "accepted") if past else None,
            )


def _agenda(
    rng: random.Random, meetings: list[Meeting], entries: list[Entry]
) -> Iterator[AgendaItem]:
    for meeting in meetings:
        for order, entry in enumerate(rng.sample(entries, 2), start=1):
            yield AgendaItem(
                meeting=meeting,
                order=order,
                entry=entry,
                title=entry.title,
                duration_minutes=30,
                lead="facilitator",
            )


def _journal(
    rng: random.Random, networks: list[Network], members: dict[int, list[Membership]], n: int
) -> int:
    authors = [(network, m.user_id) for network in networks for m in members[network.pk]]
    visibilities = ["private"] * 7 + ["buddy", "network", "network"]
    today = timezone.localdate()

    def rows() -> Iterator[JournalEntry]:
        for i in range(n):
            network, author_id = authors[i % len(authors)]
            yield JournalEntry(
                author_id=author_id,
                network=network,
                written_on=today - timedelta(days=rng.randrange(700)),
                text=DIARY_TEXT,
                visibility=rng.choice(visibilities),
            )

    return len(_batched(JournalEntry, rows()))


def _barometer(
    rng: random.Random, networks: list[Network], members: dict[int, list[Membership]], n: int
) -> int:
    """About n answers: one closed round in enough networks (the first ones, so the benchmark's
    network has one), each answered by RESPONDENTS members, with every question answered."""
    questionnaire = Questionnaire.objects.filter(region=None, is_published=True).latest("version")
    questions = list(questionnaire.questions.all())
    per_round = len(questions) * RESPONDENTS
    with_round = networks[: max(1, min(len(networks), round(n / per_round)))]
    today = timezone.localdate()
    rounds = _batched(
        BarometerRound,
        (
            BarometerRound(
                network=network,
                questionnaire=questionnaire,
                opened_at=timezone.now() - timedelta(days=60),
                closes_on=today - timedelta(days=30),
                # Written as released responses directly: nothing is sealed for these rounds.
                released=True,
            )
            for network in with_round
        ),
    )
    respondents = {
        barometer_round.pk: members[barometer_round.network_id][:RESPONDENTS]
        for barometer_round in rounds
    }
    _batched(
        Participation,
        (
            Participation(round=barometer_round, user_id=membership.user_id)
            for barometer_round in rounds
            for membership in respondents[barometer_round.pk]
        ),
    )
    responses = _batched(
        Response,
        (
            Response(round=barometer_round)
            for barometer_round in rounds
            for _ in respondents[barometer_round.pk]
        ),
    )

    def answers() -> Iterator[Answer]:
        for response in responses:
            for question in questions:
                if question.is_scale:
                    yield Answer(response=response, question=question, value=rng.randint(2, 5))
                else:
                    yield Answer(response=response, question=question, text=DIARY_TEXT)

    return len(_batched(Answer, answers()))


def _bench_logins(
    network: Network, members: list[Membership], password: str, namespace: str
) -> None:
    """Known logins for the benchmark: the first network's facilitator and a participant, and a
    coordinator of that network's region."""
    hashed = make_password(password)
    facilitator = next(m for m in members if m.role == "facilitator").user_id
    participant = next(m for m in members if m.role == "participant").user_id
    # Plain roles, so that every run measures the same page (a manager's dashboard has more).
    User.objects.filter(pk=facilitator).update(
        email=login(namespace, FACILITATOR), password=hashed, is_manager=False
    )
    User.objects.filter(pk=participant).update(
        email=login(namespace, PARTICIPANT), password=hashed, is_manager=False
    )
    coordinator = User.objects.create(
        email=login(namespace, COORDINATOR), name="Bench Coördinator", password=hashed
    )
    coordinator.coordinator_of.add(network.district.region_id)
    # The benchmark logs in over HTTP, second step included (bench/scale/run.py).
    demo_totp_device(coordinator)


def _bench_personal(network: Network, members: list[Membership]) -> None:
    """What the benchmark's participant and facilitator find on their own pages in the first
    network: a buddy, a table at the next meeting with a learning question to prepare, an open
    dot vote, an open Netwerkbarometer round and a contract to agree to."""
    cycle = network.current_cycle
    meeting = (
        Meeting.objects.filter(network=network, starts_at__gt=timezone.now())
        .order_by("starts_at")
        .first()
    )
    if cycle is None or meeting is None:
        return
    people = [m.user_id for m in members]
    buddy = Buddy.objects.create(network=network, cycle=cycle)
    buddy.members.set(people[:2])  # the facilitator and the participant (see _bench_logins)
    rotation = GroupRotation.objects.create(
        network=network, cycle=cycle, name="Tafels", group_size=4
    )
    round_ = RotationRound.objects.create(rotation=rotation, number=1, meeting=meeting)
    for number, start in enumerate(range(0, len(people), 4), start=1):
        group = RotationGroup.objects.create(round=round_, number=number)
        group.members.set(people[start : start + 4])
    LearningQuestion.objects.create(
        cycle=cycle, text="Hoe sluiten onze dagritmes op elkaar aan?"
    ).worked_on_in.add(meeting)
    proposals = [
        ThemeProposal.objects.create(cycle=cycle, title=title, why=DIARY_TEXT)
        for title in ("Buiten spelen", "Samen met ouders")
    ]
    DotVote.objects.create(cycle=cycle).proposals.set(proposals)
    Agreement.objects.create(network=network, version=1, text="We beginnen op tijd.")
    BarometerRound.objects.create(
        network=network,
        questionnaire=Questionnaire.objects.filter(region=None, is_published=True).latest(
            "version"
        ),
        closes_on=timezone.localdate() + timedelta(days=14),
    )


FACILITATOR = "bench-kartrekker@schaal.example"
PARTICIPANT = "bench-deelnemer@schaal.example"
COORDINATOR = "bench-coordinator@schaal.example"


def login(namespace: str, email: str) -> str:
    return f"{namespace}{email}"


def counts() -> dict[str, Any]:
    return {
        model.__name__: model.objects.count()
        for model in (Region, Network, User, Meeting, Rsvp, JournalEntry, Answer)
    }
