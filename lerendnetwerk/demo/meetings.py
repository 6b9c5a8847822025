"""Demo meetings: a few held meetings with agendas, answers, attendance and notes, and the next
one or two planned. Created directly (not through the services) so that no e-mail goes out and
meetings can lie in the past. The invitations of the next meeting went out three weeks before it;
one six weeks ahead waits for its facilitator to send them."""

import random
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from lerendnetwerk.accounts.models import User
from lerendnetwerk.catalogue.models import Entry, Phase
from lerendnetwerk.meetings.models import AgendaItem, Meeting, Rsvp
from lerendnetwerk.networks import selectors as network_selectors
from lerendnetwerk.networks.models import Membership, Network
from lerendnetwerk.regions.models import Organisation

TITLES = {
    "exploration": ["Kennismaken", "Wat speelt er in onze wijk?", "Halen en brengen"],
    "development": ["Ons thema kiezen", "Een veilige sfeer", "Leervragen scherp krijgen"],
    "deepening": ["Op bezoek bij elkaar", "Worldcafé over ons thema", "Casusbespreking"],
    "embedding": [
        "Wat levert het op?",
        "Terugkijken en vooruitkijken",
        "Netwerkbarometer bespreken",
    ],
    "anchoring": ["Onze opbrengst delen", "Hoe gaan we verder?", "Presentatie aan de directies"],
}
NOTES = [
    "We deden de werkvorm in kleine groepjes en wisselden daarna plenair uit.",
    "Iedereen nam een voorbeeld uit de eigen praktijk mee.",
]


# The troubles a few demo networks are in, each a pitfall of the Handreiking that its signals
# show: fewer come each time, many send apologies, an invited expert lectures every meeting.
DROP_OUTS, CANCELLATIONS, LECTURES = "drop_outs", "cancellations", "expert_dependence"
# How long before a meeting its facilitator sent the invitations.
INVITED_BEFORE = timedelta(weeks=3)


def seed_meetings(
    rng: random.Random, network: Network, entries: dict[str, list[Entry]], trouble: str = ""
) -> list[Meeting]:
    """Held meetings every three to five weeks and the next one or two; returns the held ones."""
    cycle = network.current_cycle
    if cycle is None or not cycle.phase:
        return []
    members = list(network_selectors.memberships_active(network=network).select_related("user"))
    hosts = list(network.organisations.all())
    facilitator = next(m.user for m in members if m.role == Membership.Role.FACILITATOR)
    phases_so_far = Phase.values[: Phase.values.index(cycle.phase) + 1]
    today = timezone.localdate()
    count = min(len(phases_so_far) + 2, 6)
    weeks_ago = [rng.randint(1, 3)]
    while len(weeks_ago) < count:
        weeks_ago.append(weeks_ago[-1] + rng.randint(3, 5))
    meetings = []
    for weeks in sorted(weeks_ago, reverse=True):
        phase = phases_so_far[min(len(phases_so_far) - 1, (30 - weeks) * len(phases_so_far) // 30)]
        meetings.append(
            _meeting(rng, network, phase, today - timedelta(weeks=weeks), hosts, facilitator)
        )
    if cycle.phase != Phase.ANCHORING or rng.random() < 0.5:
        for weeks_ahead in (2, 6)[: rng.randint(1, 2)]:
            meetings.append(
                _meeting(
                    rng,
                    network,
                    cycle.phase,
                    today + timedelta(weeks=weeks_ahead),
                    hosts,
                    facilitator,
                )
            )
    Meeting.objects.bulk_create(meetings)
    _answers(rng, meetings, members, trouble)
    _agendas(rng, meetings, members, entries, trouble)
    return [m for m in meetings if m.starts_at < timezone.now()]


def _meeting(
    rng: random.Random,
    network: Network,
    phase: str,
    day: date,
    hosts: list[Organisation],
    facilitator: User,
) -> Meeting:
    zone = timezone.get_current_timezone()
    starts = datetime.combine(day, time(rng.choice([15, 15, 16])), tzinfo=zone)
    now = timezone.now()
    past = starts < now
    host = rng.choice(hosts) if hosts else None
    return Meeting(
        network=network,
        cycle=network.current_cycle,
        phase=phase,
        title=rng.choice(TITLES[phase]),
        purpose="Samen leren aan de hand van een werkvorm uit de Handreiking.",
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        host=host,
        address="" if host else "Wijkcentrum",
        created_by=facilitator,
        notes_done=rng.choice(NOTES) if past else "",
        notes_agreements="Volgende keer neemt iedereen een foto uit de eigen groep mee."
        if past
        else "",
        attendance_recorded_at=starts + timedelta(hours=3) if past else None,
        invitations_sent_at=starts - INVITED_BEFORE if starts - INVITED_BEFORE < now else None,
    )


def _answers(
    rng: random.Random, meetings: list[Meeting], members: list[Membership], trouble: str
) -> None:
    """A steady group: the same one or two send apologies now and then, one more at most stays
    away. In trouble: more decline each time, or more stop answering and stay away."""
    rsvps = []
    held = [m for m in meetings if m.starts_at < timezone.now()]
    others = [m for m in members if m.role != Membership.Role.FACILITATOR]
    base = 1 if len(members) < 12 else 2
    for meeting in meetings:
        past = meeting.starts_at < timezone.now()
        from_end = len(held) - held.index(meeting) if past else 0  # 1 for the last held
        shuffled = rng.sample(others, len(others))
        declining, away = base, rng.choice([0, 0, 1])
        if trouble == CANCELLATIONS:
            declining = round(len(members) * 0.4)
        if trouble == DROP_OUTS and past and from_end <= 3:
            away = round(len(members) * {3: 0.1, 2: 0.3, 1: 0.5}[from_end])
        for i, membership in enumerate(members):
            answer, attended = "accepted", True
            if membership in shuffled[:declining]:
                answer, attended = "declined", False
            elif membership in shuffled[declining : declining + away]:
                answer, attended = rng.choice([("pending", False), ("accepted", False)])
                if trouble == DROP_OUTS:
                    answer = "pending"  # they stop answering, then stop coming
            rsvps.append(
                Rsvp(
                    meeting=meeting,
                    user=membership.user,
                    answer=answer,
                    reason="Oudergesprekken" if answer == "declined" and i % 2 else "",
                    answered_at=meeting.created_at if answer != "pending" else None,
                    attended=attended if past else None,
                )
            )
    Rsvp.objects.bulk_create(rsvps)


def _agendas(
    rng: random.Random,
    meetings: list[Meeting],
    members: list[Membership],
    entries: dict[str, list[Entry]],
    trouble: str,
) -> None:
    """Members lead most work forms; the facilitator opens and closes. A network run as expert
    lectures has an hour of input by the expert and one short work form."""
    items = []
    leaders = [m.user for m in members if m.role != Membership.Role.FACILITATOR]
    for meeting in meetings:
        choices = entries.get(meeting.phase) or entries["exploration"]
        chosen = rng.sample(choices, k=min(3 if trouble != LECTURES else 1, len(choices)))
        order = 1
        if trouble == LECTURES:
            items.append(
                AgendaItem(
                    meeting=meeting,
                    order=order,
                    title=rng.choice(LECTURE_TITLES),
                    duration_minutes=60,
                    lead="expert",
                    lead_name="Drs. Anouk Verbeek (Hogeschool Utrecht)",
                )
            )
            order += 1
        for entry in chosen:
            led_by_member = rng.random() < 0.7
            items.append(
                AgendaItem(
                    meeting=meeting,
                    order=order,
                    entry=entry,
                    title=entry.title,
                    duration_minutes=rng.choice([20, 30, 30] if trouble != LECTURES else [30]),
                    lead="member" if led_by_member else "facilitator",
                    lead_user=rng.choice(leaders) if led_by_member else None,
                )
            )
            order += 1
        preparers = rng.sample([m.user for m in members], k=min(2, len(members)))
        meeting.preparers.set(preparers)
    AgendaItem.objects.bulk_create(items)


LECTURE_TITLES = [
    "Lezing: wat zegt onderzoek over de overgang naar groep 1?",
    "Presentatie: taalontwikkeling bij jonge kinderen",
    "Lezing: ouderbetrokkenheid in de doorgaande lijn",
]


def activities_by_phase() -> dict[str, list[Entry]]:
    found: dict[str, list[Entry]] = {}
    for entry in Entry.objects.filter(kind=Entry.Kind.ACTIVITY).select_related("topic"):
        found.setdefault(entry.topic.stage, []).append(entry)
    return found
