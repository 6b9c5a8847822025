"""Demo meetings: a few held meetings with agendas, answers, attendance and notes, and the next
one or two planned. Created directly (not through the services) so that no e-mail goes out and
meetings can lie in the past."""

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


def seed_meetings(rng: random.Random, network: Network, entries: dict[str, list[Entry]]) -> None:
    cycle = network.current_cycle
    if cycle is None or not cycle.phase:
        return
    members = list(network_selectors.memberships_active(network=network).select_related("user"))
    hosts = list(network.organisations.all())
    facilitator = next(m.user for m in members if m.role == Membership.Role.FACILITATOR)
    phases_so_far = Phase.values[: Phase.values.index(cycle.phase) + 1]
    today = timezone.localdate()
    meetings = []
    for weeks_ago in sorted(
        rng.sample(range(2, 30), k=min(len(phases_so_far) + 2, 6)), reverse=True
    ):
        phase = phases_so_far[
            min(len(phases_so_far) - 1, (30 - weeks_ago) * len(phases_so_far) // 30)
        ]
        meetings.append(
            _meeting(rng, network, phase, today - timedelta(weeks=weeks_ago), hosts, facilitator)
        )
    for weeks_ahead in (2, 6)[: rng.randint(1, 2)]:
        meetings.append(
            _meeting(
                rng, network, cycle.phase, today + timedelta(weeks=weeks_ahead), hosts, facilitator
            )
        )
    Meeting.objects.bulk_create(meetings)
    _answers(rng, meetings, members)
    _agendas(rng, meetings, members, entries)


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
    past = starts < timezone.now()
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
    )


def _answers(rng: random.Random, meetings: list[Meeting], members: list[Membership]) -> None:
    rsvps = []
    for meeting in meetings:
        past = meeting.starts_at < timezone.now()
        for membership in members:
            answer = rng.choices(["accepted", "declined", "pending"], [75, 15, 10])[0]
            rsvps.append(
                Rsvp(
                    meeting=meeting,
                    user=membership.user,
                    answer=answer,
                    reason="Oudergesprekken" if answer == "declined" and rng.random() < 0.5 else "",
                    answered_at=meeting.created_at if answer != "pending" else None,
                    attended=(answer == "accepted" and rng.random() < 0.9) if past else None,
                )
            )
    Rsvp.objects.bulk_create(rsvps)


def _agendas(
    rng: random.Random,
    meetings: list[Meeting],
    members: list[Membership],
    entries: dict[str, list[Entry]],
) -> None:
    items = []
    for meeting in meetings:
        choices = entries.get(meeting.phase) or entries["exploration"]
        for order, entry in enumerate(rng.sample(choices, k=min(3, len(choices))), start=1):
            led_by_member = rng.random() < 0.4
            items.append(
                AgendaItem(
                    meeting=meeting,
                    order=order,
                    entry=entry,
                    title=entry.title,
                    duration_minutes=rng.choice([20, 30, 40]),
                    lead="member" if led_by_member else "facilitator",
                    lead_user=rng.choice(members).user if led_by_member else None,
                )
            )
        preparers = rng.sample([m.user for m in members], k=min(2, len(members)))
        meeting.preparers.set(preparers)
    AgendaItem.objects.bulk_create(items)


def activities_by_phase() -> dict[str, list[Entry]]:
    found: dict[str, list[Entry]] = {}
    for entry in Entry.objects.filter(kind=Entry.Kind.ACTIVITY).select_related("topic"):
        found.setdefault(entry.topic.stage, []).append(entry)
    return found
