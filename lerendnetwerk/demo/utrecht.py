"""Realistic demo data for Utrecht, with one login per role (`manage.py seed_demo`).

Organisations and people are bulk-created; networks go through the networks services, so their
prerequisites, commitments and phase history look like the real thing. Nothing sends e-mail.
"""

import random
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from django.contrib.auth.hashers import make_password
from django.db.models import F
from django.utils import timezone

from lerendnetwerk.accounts.models import User
from lerendnetwerk.catalogue.phase import Phase
from lerendnetwerk.demo import names
from lerendnetwerk.demo.barometer import seed_barometer
from lerendnetwerk.demo.content import seed_region_content
from lerendnetwerk.demo.evaluation import seed_evaluation
from lerendnetwerk.demo.facilitators import seed_facilitators
from lerendnetwerk.demo.knowledge import seed_knowledge
from lerendnetwerk.demo.meetings import (
    CANCELLATIONS,
    DROP_OUTS,
    LECTURES,
    activities_by_phase,
    seed_meetings,
)
from lerendnetwerk.demo.personal import seed_participant_choices, seed_participant_groups
from lerendnetwerk.demo.resources import seed_resources
from lerendnetwerk.demo.second_factor import demo_totp_device
from lerendnetwerk.demo.showcases import seed_showcases
from lerendnetwerk.demo.themes import seed_contributions, seed_theme_choice, seed_themes
from lerendnetwerk.demo.transfer import seed_transfer
from lerendnetwerk.networks import phases, services
from lerendnetwerk.networks.models import (
    Cycle,
    ManagerCommitment,
    Membership,
    Network,
    PhaseTransition,
    Prerequisite,
)
from lerendnetwerk.notifications.services import no_email
from lerendnetwerk.regions.models import District, Organisation, Region
from lerendnetwerk.signals.services import signals_compute

Kind = Organisation.Kind
PrerequisiteKind = Prerequisite.Kind

# The five logins, in the order they are printed: (e-mail, role as the Handreiking says it).
DEMO_LOGINS = [(f"{key}@example.org", role) for key, (_, _, role) in names.DEMO_PEOPLE.items()]
COORDINATOR_EMAIL = "coordinator@example.org"

ORGANISATIONS_PER_DISTRICT = {"daycare": 7, "preschool": 5, "primary_school": 7, "other": 1}
# Schools send more people to networks than a small daycare location does.
STAFF_WEIGHT = {"daycare": 1.0, "preschool": 1.0, "primary_school": 1.5, "other": 0.5}
STAFF_COUNT = 264
MANAGER_COUNT = 24  # plus the demo manager
# Where the networks end up: (cycle number, phase); "" is not started yet. 23 networks.
STAGES: list[tuple[int, str]] = (
    [(1, phases.NOT_STARTED)] * 3
    + [(1, Phase.EXPLORATION)] * 4
    + [(1, Phase.DEVELOPMENT)] * 5
    + [(1, Phase.DEEPENING)] * 4
    + [(1, Phase.EMBEDDING)] * 3
    + [(1, Phase.ANCHORING)] * 2
    + [(2, Phase.EXPLORATION), (2, Phase.DEVELOPMENT)]
)


@dataclass
class Plan:
    """One network to build; the demo accounts are placed into two of them."""

    district: District
    place: str
    topic: names.Topic
    cycles: int
    phase: str
    step_back: bool = False
    facilitators: list[User] = field(default_factory=list)
    participants: list[User] = field(default_factory=list)
    managers: list[User] = field(default_factory=list)
    expert: User | None = None

    @property
    def started(self) -> bool:
        return self.cycles > 1 or self.phase != phases.NOT_STARTED


@dataclass
class People:
    staff: dict[int, list[User]]  # by district id
    managers: dict[int, list[User]]  # by district id
    experts: list[User]


# The services the demo calls notify the members (a dot vote, the contract, results): the
# notifications are listed on the platform, but nobody is e-mailed.
@no_email()
def seed_demo(*, password: str, seed: int) -> str:
    rng = random.Random(seed)
    utrecht = Region.objects.get(slug="utrecht")
    districts = list(utrecht.districts.order_by("name"))
    organisations, institutes = _create_organisations(rng, districts)
    plans = _plan_networks(rng, districts)
    demo_plan = next((p for p in plans if p.district.slug == "overvecht"), plans[0])
    accounts = _create_accounts(
        make_password(password), utrecht, organisations[demo_plan.district.pk], institutes[0]
    )
    people = _create_people(rng, organisations, institutes)
    _place_demo_accounts(plans, demo_plan, accounts, people)
    now = timezone.now()
    entries = activities_by_phase()
    # Their own random numbers, so that these parts do not change the rest of the demo.
    barometer_rng, themes_rng = random.Random(seed + 1), random.Random(seed + 2)
    evaluation_rng = random.Random(seed + 3)
    troubles = _troubles(plans, demo_plan)
    demo_network: Network | None = None
    for plan in plans:
        network = _build_network(rng, plan, people, created_by=accounts["coordinator"])
        if plan is demo_plan:
            demo_network = network
        _backdate(rng, network, now)
        waiting = accounts["manager"] if plan is demo_plan else None
        _confirm_commitments(network, waiting, when=now - timedelta(days=rng.randint(3, 30)))
        network.refresh_from_db()
        held = seed_meetings(rng, network, entries, troubles.get(id(plan), ""))
        # The open round the deelnemer has yet to answer is in the kartrekker's network only.
        deelnemer = accounts["deelnemer"] if plan is demo_plan else None
        seed_barometer(barometer_rng, network, demo_participant=deelnemer)
        if plan is demo_plan:
            seed_themes(themes_rng, network)
            seed_participant_groups(
                network=network,
                kartrekker=accounts["kartrekker"],
                participant=accounts["deelnemer"],
            )
        else:
            seed_contributions(themes_rng, network, held)
            seed_theme_choice(network)
            if accounts["deelnemer"] in plan.participants:
                # The deelnemer's second network: a vote and a contract wait for them there.
                seed_participant_choices(network=network, participant=accounts["deelnemer"])
        seed_evaluation(
            evaluation_rng,
            network,
            held,
            is_demo=plan is demo_plan,
            manager=accounts["manager"],
        )
        # Results of networks in Inbedding and Verankering, and of the demo logins' network.
        seed_showcases(network, always=plan is demo_plan)
        if troubles.get(id(plan)) == DROP_OUTS:
            # The demo kartrekker co-leads one troubled network, so that their page and the
            # network's health panel show what a signal looks like.
            services.membership_add(
                network=network, user=accounts["kartrekker"], role=Membership.Role.FACILITATOR
            )
    seed_transfer(manager=accounts["manager"], kartrekker=accounts["kartrekker"])
    # After the rounds and themes: they keep the shared questionnaire and framework.
    seed_region_content(utrecht)
    seed_facilitators(coordinator=accounts["coordinator"], kartrekker=accounts["kartrekker"])
    # After the region's own framework exists: the resources carry its focus areas.
    seed_resources(
        region=utrecht, coordinator=accounts["coordinator"], kartrekker=accounts["kartrekker"]
    )
    assert demo_network is not None
    seed_knowledge(
        random.Random(seed + 4),
        region=utrecht,
        organisations=organisations,
        experts=people.experts,
        demo_expert=accounts["expert"],
        manager=accounts["manager"],
        kartrekker=accounts["kartrekker"],
        network=demo_network,
    )
    computed = signals_compute()
    return (
        f"Demo data created; the database now holds {Organisation.objects.count()} organisations, "
        f"{User.objects.count()} people and {Network.objects.count()} networks, with "
        f"{computed.current} signals."
    )


# A few networks in recognisable trouble (meetings.py), so that the signals have something to
# show: by the phase a network is in, outside the demo logins' own district (the kartrekker
# co-leads the one with drop-outs).
TROUBLES = {
    DROP_OUTS: (1, Phase.DEEPENING),
    LECTURES: (1, Phase.EMBEDDING),
    CANCELLATIONS: (1, Phase.DEVELOPMENT),
}


def _troubles(plans: list[Plan], demo_plan: Plan) -> dict[int, str]:
    found: dict[int, str] = {}
    for trouble, stage in TROUBLES.items():
        plan = next(
            p
            for p in plans
            if (p.cycles, p.phase) == stage
            and p.district != demo_plan.district
            and id(p) not in found
        )
        found[id(plan)] = trouble
    return found


# Organisations and people


def _create_organisations(
    rng: random.Random, districts: list[District]
) -> tuple[dict[int, list[Organisation]], list[Organisation]]:
    taken: set[str] = set()
    by_district: dict[int, list[Organisation]] = {}
    for district in districts:
        by_district[district.pk] = [
            _organisation(rng, district, kind, taken)
            for kind, count in ORGANISATIONS_PER_DISTRICT.items()
            for _ in range(count)
        ]
    by_slug = {district.slug: district for district in districts}
    institutes = [
        Organisation(name=name, kind=Kind.OTHER, district=by_slug[slug], address=address)
        for name, slug, address in names.INSTITUTES
    ]
    everything = [org for orgs in by_district.values() for org in orgs] + institutes
    Organisation.objects.bulk_create(everything)
    return by_district, institutes


def _organisation(
    rng: random.Random, district: District, kind: str, taken: set[str]
) -> Organisation:
    place = rng.choice(names.NEIGHBOURHOODS[district.slug])
    prefix = rng.choice(names.ORGANISATION_PREFIXES[kind])
    stems = names.ORGANISATION_STEMS[kind]
    stems = rng.sample(stems, len(stems))
    options = [f"{prefix} {stem}" for stem in stems]
    # Public schools are often named after their neighbourhood; chains add it to the location.
    if (prefix == "OBS" and rng.random() < 0.5) or not options:
        options.insert(0, f"{prefix} {place}")
    elif rng.random() < 0.15:
        options.insert(0, f"{options[0]} {place}")
    name = next((o for o in options if o not in taken), f"{options[0]} {place}")
    taken.add(name)
    street = rng.choice(names.STREETS[district.slug])
    return Organisation(
        name=name, kind=kind, district=district, address=f"{street} {rng.randint(1, 180)}"
    )


def _create_accounts(
    hashed_password: str, region: Region, organisations: list[Organisation], institute: Organisation
) -> dict[str, User]:
    """The five demo logins; all but the coordinator work in the demo network's district."""

    def first(kind: str) -> Organisation:
        return next(org for org in organisations if org.kind == kind)

    accounts = {
        key: User(email=f"{key}@example.org", name=name, job_title=title, password=hashed_password)
        for key, (name, title, _role) in names.DEMO_PEOPLE.items()
    }
    accounts["coordinator"].is_staff = True
    accounts["kartrekker"].organisation = first(Kind.PRIMARY_SCHOOL)
    accounts["deelnemer"].organisation = first(Kind.PRESCHOOL)
    accounts["manager"].organisation = first(Kind.DAYCARE)
    accounts["manager"].is_manager = True
    accounts["expert"].organisation = institute
    accounts["expert"].is_expert = True
    accounts["expert"].expertise = names.DEMO_EXPERTISE
    User.objects.bulk_create(accounts.values())
    accounts["coordinator"].coordinator_of.add(region)
    demo_totp_device(accounts["coordinator"])
    return accounts


def _create_people(
    rng: random.Random,
    organisations: dict[int, list[Organisation]],
    institutes: list[Organisation],
) -> People:
    taken: set[str] = set()
    workplaces = [org for orgs in organisations.values() for org in orgs]
    weights = [STAFF_WEIGHT[org.kind] for org in workplaces]
    staff = [
        _person(rng, org, rng.choice(names.JOB_TITLES[org.kind]), taken)
        for org in rng.choices(workplaces, weights=weights, k=STAFF_COUNT)
    ]
    district_ids = list(organisations)
    led = [
        rng.sample([o for o in organisations[d] if o.kind != Kind.OTHER], 3) for d in district_ids
    ]
    managers = [
        _person(rng, org, rng.choice(names.MANAGER_TITLES[org.kind]), taken, is_manager=True)
        for org in (led[i % len(led)][i // len(led)] for i in range(MANAGER_COUNT))
    ]
    experts = [
        _person(rng, rng.choice(institutes), rng.choice(names.EXPERT_TITLES), taken, is_expert=True)
        for _ in names.EXPERTISE[1:]
    ]
    for expert, text in zip(experts, names.EXPERTISE[1:], strict=True):
        expert.expertise = f"{text}. {names.EXPERT_OFFER}"
    User.objects.bulk_create(staff + managers + experts)
    return People(staff=_by_district(staff), managers=_by_district(managers), experts=experts)


def _person(
    rng: random.Random, organisation: Organisation, job_title: str, taken: set[str], **extra: Any
) -> User:
    women = rng.random() < 0.85
    first = rng.choice(names.FIRST_NAMES_WOMEN if women else names.FIRST_NAMES_MEN)
    name = f"{first} {rng.choice(names.LAST_NAMES)}"
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    given, *family = plain.split()
    local, n = f"{given}.{''.join(family)}", 2
    email = f"{local}@example.org"
    while email in taken:
        email, n = f"{local}{n}@example.org", n + 1
    taken.add(email)
    return User(
        email=email,
        name=name,
        organisation=organisation,
        job_title=job_title,
        # Only the five demo logins can log in; the others would need an invitation.
        password=make_password(None),
        **extra,
    )


def _by_district(users: list[User]) -> dict[int, list[User]]:
    grouped: dict[int, list[User]] = defaultdict(list)
    for user in users:
        assert user.organisation is not None
        grouped[user.organisation.district_id].append(user)
    return grouped


# Networks


def _plan_networks(rng: random.Random, districts: list[District]) -> list[Plan]:
    stages = rng.sample(STAGES, len(STAGES))
    crowded = {d.pk for d in rng.sample(districts, len(STAGES) - 2 * len(districts))}
    plans = []
    for district in districts:
        places = rng.sample(names.NEIGHBOURHOODS[district.slug], 3)
        topics = rng.sample(names.TOPICS, 3)
        for i in range(3 if district.pk in crowded else 2):
            cycles, phase = stages.pop()
            plans.append(Plan(district, places[i], topics[i], cycles, phase))
    # One network went back a phase once, so the history shows a step back with its reason.
    deep = (Phase.DEEPENING, Phase.EMBEDDING)
    next(p for p in plans if p.cycles == 1 and p.phase in deep).step_back = True
    return plans


def _place_demo_accounts(
    plans: list[Plan], demo_plan: Plan, accounts: dict[str, User], people: People
) -> None:
    """The kartrekker's network is in development; the deelnemer is also in a second one."""
    developing = next(p for p in plans if (p.cycles, p.phase) == (1, Phase.DEVELOPMENT))
    developing.cycles, developing.phase = demo_plan.cycles, demo_plan.phase
    developing.step_back, demo_plan.step_back = demo_plan.step_back, False
    demo_plan.cycles, demo_plan.phase = 1, Phase.DEVELOPMENT
    demo_plan.facilitators = [accounts["kartrekker"]]
    demo_plan.participants = [accounts["deelnemer"]]
    demo_plan.managers = [accounts["manager"], *people.managers[demo_plan.district.pk][:1]]
    demo_plan.expert = accounts["expert"]
    people.experts.append(accounts["expert"])
    neighbours = [p for p in plans if p.district == demo_plan.district and p is not demo_plan]
    second = next((p for p in neighbours if p.started), neighbours[0])
    second.participants = [accounts["deelnemer"]]
    # The second half of the Handreiking needs a home: the deelnemer's second network is in
    # embedding, and a third network (in the district if it has one) in anchoring. The demo
    # manager's organisation takes part in both with a confirmed commitment, and in the
    # kartrekker's network with one still waiting for the manager.
    third = next((p for p in neighbours if p is not second), None)
    anchoring = third or next(
        p
        for p in plans
        if (p.cycles, p.phase) == (1, Phase.ANCHORING) and p.district != demo_plan.district
    )
    _swap_stage(plans, second, (1, Phase.EMBEDDING), avoid=demo_plan.district)
    _swap_stage(plans, anchoring, (1, Phase.ANCHORING), avoid=demo_plan.district)
    manager = accounts["manager"]
    staff = _staff_of(manager, people.staff[demo_plan.district.pk], at_least=4)
    demo_plan.participants += staff[:2]
    second.participants += staff[1:3]
    anchoring.participants += staff[2:4]
    for plan in (second, anchoring):
        plan.managers = [manager, *people.managers[plan.district.pk][:1]]


def _swap_stage(plans: list[Plan], plan: Plan, stage: tuple[int, str], avoid: District) -> None:
    """Give `plan` this stage, and its own stage to a network elsewhere that had it."""
    if (plan.cycles, plan.phase) == stage:
        return
    other = next(p for p in plans if (p.cycles, p.phase) == stage and p.district != avoid)
    other.cycles, other.phase, plan.cycles, plan.phase = plan.cycles, plan.phase, *stage
    other.step_back, plan.step_back = plan.step_back, other.step_back


def _staff_of(manager: User, staff: list[User], at_least: int) -> list[User]:
    """People who work at the manager's organisation; a few colleagues move there if needed."""
    own = [u for u in staff if u.organisation_id == manager.organisation_id]
    movers = [u for u in staff if u not in own][: max(0, at_least - len(own))]
    for user in movers:
        user.organisation = manager.organisation
    User.objects.filter(pk__in=[u.pk for u in movers]).update(organisation=manager.organisation)
    return own + movers


def _build_network(rng: random.Random, plan: Plan, people: People, created_by: User) -> Network:
    facilitators, participants = _pick_members(rng, plan, people.staff[plan.district.pk])
    network = services.network_create(
        name=_network_name(rng, plan),
        district=plan.district,
        created_by=created_by,
        description=f"{plan.topic.description} {names.DESCRIPTION_TAIL.format(place=plan.place)}",
        facilitators=facilitators,
    )
    for user in participants:
        services.membership_add(network=network, user=user, role=Membership.Role.PARTICIPANT)
    # A network that has not started yet is still gathering its prerequisites.
    count = len(PrerequisiteKind.values) if plan.started else rng.randint(1, 3)
    for kind in PrerequisiteKind.values[:count]:
        if kind == PrerequisiteKind.MANAGEMENT_COMMITMENT:
            _commit_managers(rng, network, plan, people, facilitators[0])
        services.prerequisite_record(
            network=network,
            kind=kind,
            recorded_by=facilitators[0],
            **_evidence(rng, network, kind, plan.expert or rng.choice(people.experts)),
        )
    _move_through_cycles(rng, network, plan, facilitators[0])
    return network


def _network_name(rng: random.Random, plan: Plan) -> str:
    if plan.cycles > 1:
        # After a doorstart the first theme no longer fits the name.
        return f"Lerend Netwerk {plan.place}"
    pattern = rng.choice(["LN {district} {topic}", "LN {place} {topic}", "Lerend Netwerk {place}"])
    return pattern.format(district=plan.district.name, place=plan.place, topic=plan.topic.short)


def _pick_members(
    rng: random.Random, plan: Plan, staff: list[User]
) -> tuple[list[User], list[User]]:
    """Facilitators and 8-16 participants, about half from childcare and half from schools."""
    own = 0 if plan.facilitators else 2 if rng.random() < 0.25 else 1
    size = rng.randint(8, 16) - len(plan.participants) + own
    pool = [u for u in staff if u not in plan.facilitators and u not in plan.participants]
    childcare = [u for u in pool if u.organisation and u.organisation.is_childcare]
    others = [u for u in pool if u not in childcare]
    chosen = rng.sample(childcare, min(size // 2, len(childcare)))
    chosen += rng.sample(others, min(size - len(chosen), len(others)))
    rest = [u for u in pool if u not in chosen]
    chosen += rng.sample(rest, min(size - len(chosen), len(rest)))
    rng.shuffle(chosen)
    return plan.facilitators or chosen[:own], plan.participants + chosen[own:]


def _commit_managers(
    rng: random.Random, network: Network, plan: Plan, people: People, facilitator: User
) -> None:
    district_managers = people.managers[plan.district.pk]
    managers = plan.managers or rng.sample(district_managers, min(2, len(district_managers)))
    for i, manager in enumerate(managers):
        role = ManagerCommitment.Role.SOUNDING_BOARD
        if i > 0:
            role = rng.choice([ManagerCommitment.Role.SPONSOR, ManagerCommitment.Role.OTHER])
        services.manager_commitment_record(
            network=network,
            manager=manager,
            role=role,
            note=rng.choice(names.COMMITMENT_NOTES),
            hours_per_month=Decimal(rng.choice([4, 6, 8, 12])),
            budget_euros=rng.choice([None, 500, 1000, 1500]),
            proposed_by=facilitator,
            notify=False,
        )


def _confirm_commitments(network: Network, waiting: User | None, when: datetime) -> None:
    """The managers confirmed what the facilitator recorded; `waiting` has not yet."""
    commitments = ManagerCommitment.objects.filter(network=network)
    if waiting is not None:
        commitments = commitments.exclude(manager=waiting, cycle=network.current_cycle)
    commitments.update(confirmed_at=when, confirmed_by=F("manager"))


def _evidence(rng: random.Random, network: Network, kind: str, expert: User) -> dict[str, Any]:
    text = names.PREREQUISITE_EVIDENCE[kind]
    if kind == PrerequisiteKind.MANAGEMENT_COMMITMENT:
        committed = network.manager_commitments.select_related("manager__organisation")
        organisations = [str(c.manager.organisation) for c in committed]
        return {"evidence": text.format(organisations=" en ".join(organisations))}
    if kind == PrerequisiteKind.TIME:
        hours = rng.choice([Decimal(2), Decimal("2.5"), Decimal(3), Decimal(4)])
        return {
            "evidence": text.format(hours=str(hours).replace(".", ",")),
            "hours_per_month": hours,
        }
    if kind == PrerequisiteKind.BUDGET_AND_EXPERT:
        expert_name = f"{expert.name} ({expert.organisation})"
        return {
            "evidence": text.format(expert=expert.name),
            "budget_euros": rng.choice([1500, 2500, 3000, 4000, 5000]),
            "expert_name": expert_name,
        }
    return {"evidence": text}


def _move_through_cycles(rng: random.Random, network: Network, plan: Plan, lead: User) -> None:
    """Move forward phase by phase, setting the theme when exploration ends."""
    for number in range(1, plan.cycles + 1):
        if number > 1:
            theme = rng.choice([t for t in names.TOPICS if t != plan.topic]).theme
            services.network_start_cycle(
                network=network,
                theme=theme,
                started_by=lead,
                still_true=PrerequisiteKind.values,
                notify=False,
            )
        target = plan.phase if number == plan.cycles else Phase.ANCHORING
        for phase in phases.ORDER[1 : phases.ORDER.index(target) + 1]:
            cycle = network.cycles.get(number=number)
            if phase == Phase.DEVELOPMENT and not cycle.theme:
                services.cycle_set_theme(cycle=cycle, theme=plan.topic.theme)
            services.network_move_phase(network=network, to_phase=phase, moved_by=lead)
            if plan.step_back and phase == Phase.DEEPENING:
                services.network_move_phase(
                    network=network,
                    to_phase=Phase.DEVELOPMENT,
                    moved_by=lead,
                    reason=names.STEP_BACK_REASON,
                )
                services.network_move_phase(network=network, to_phase=phase, moved_by=lead)


# Backdating: the services stamp everything "now"; spread it over the past months instead.


def _backdate(rng: random.Random, network: Network, now: datetime) -> None:
    moves = list(PhaseTransition.objects.filter(cycle__network=network).order_by("pk"))
    last_change = now - timedelta(days=rng.randint(1, 40), hours=rng.randint(0, 9))
    gap = timedelta(days=rng.randint(45, 90))
    first_move = last_change - gap * max(len(moves) - 1, 0)
    created = first_move - timedelta(days=rng.randint(45, 75))
    for i, move in enumerate(moves):
        move.moved_at = first_move + gap * i
    PhaseTransition.objects.bulk_update(moves, ["moved_at"])
    recorded = list(network.prerequisites.order_by("pk"))
    end = first_move - timedelta(days=3) if moves else last_change
    for i, prerequisite in enumerate(recorded, start=1):
        prerequisite.recorded_at = created + (end - created) * i / len(recorded)
    Prerequisite.objects.bulk_update(recorded, ["recorded_at"])
    _backdate_cycles(network, moves, created)
    Membership.objects.filter(network=network).update(joined_at=created.date())
    ManagerCommitment.objects.filter(network=network).update(
        committed_at=(created + timedelta(days=7)).date()
    )
    Network.objects.filter(pk=network.pk).update(created_at=created, updated_at=last_change)


def _backdate_cycles(network: Network, moves: list[PhaseTransition], created: datetime) -> None:
    cycles = list(network.cycles.order_by("number"))
    started = created
    for cycle, following in zip(cycles, [*cycles[1:], None], strict=True):
        cycle.started_at = started
        if following is not None:
            first = next((m.moved_at for m in moves if m.cycle_id == following.pk), started)
            started = cycle.ended_at = first - timedelta(days=14)
    Cycle.objects.bulk_update(cycles, ["started_at", "ended_at"])


def login_lines(password: str) -> str:
    """The demo logins as `make run` prints them (after seeding and again once serving)."""
    lines = [f"{email} / {password}  ({role})" for email, role in DEMO_LOGINS]
    lines.append(
        f"{COORDINATOR_EMAIL} also asks for a code from an authenticator app: "
        f"`python manage.py otp_code {COORDINATOR_EMAIL}` prints the current one."
    )
    return "\n".join(lines)
