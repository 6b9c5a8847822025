"""Reads for the signal pages and the rules: stored signals, phase guidance and the facts the
rules read. This app sits above the feature apps (and beside the diary, which it never reads)."""

from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date

from django.db.models import QuerySet

from lerendnetwerk.accounts.models import User
from lerendnetwerk.catalogue.models import Entry
from lerendnetwerk.networks import selectors as network_selectors
from lerendnetwerk.networks.models import Membership, Network

from ..models import Severity, Signal
from ..rulebook import RULES


@dataclass
class ShownSignal:
    """A stored signal as a person reads it: its title, the sentence with the numbers, the
    pitfall's tip and the work forms that help."""

    signal: Signal
    title: str
    evidence: str
    severity: str
    since: date
    tip: str = ""
    entry: Entry | None = None
    suggested: list[Entry] = field(default_factory=list)
    # Who declined repeatedly, by name: only filled for the facilitator.
    private_names: list[str] = field(default_factory=list)

    @property
    def work_forms(self) -> list[Entry]:
        return [e for e in self.suggested if e.kind == Entry.Kind.ACTIVITY]


def _suggested(signals: list[Signal]) -> dict[str, Entry]:
    slugs = {slug for s in signals if s.rule in RULES for slug in RULES[s.rule].suggested}
    return {e.slug: e for e in Entry.objects.filter(slug__in=slugs).select_related("topic")}


def _shown(s: Signal, suggested: dict[str, Entry], *, facilitator: bool) -> ShownSignal | None:
    rule = RULES.get(s.rule)
    if rule is None:
        return None  # a rule that no longer exists
    return ShownSignal(
        signal=s,
        title=s.entry.title if s.entry else str(rule.name),
        evidence=rule.evidence(s.facts),
        severity=Severity(s.severity).key,
        since=s.since,
        tip=s.entry.summary if s.entry else "",
        entry=s.entry,
        suggested=[suggested[slug] for slug in rule.suggested if slug in suggested],
        private_names=list(s.private.get("repeated_declines", [])) if facilitator else [],
    )


def shown(signals: list[Signal], *, facilitator: bool) -> list[ShownSignal]:
    """The signals written out for a reader; one query for all their suggestions."""
    suggested = _suggested(signals)
    return [
        one for s in signals if (one := _shown(s, suggested, facilitator=facilitator)) is not None
    ]


def signals_current(*, network: Network) -> QuerySet[Signal]:
    """The network's current signals, most severe and newest first, with their pitfall."""
    return (
        Signal.objects.current()
        .filter(network=network)
        .select_related("entry__topic", "acknowledged_by")
        .order_by("-severity", "-since", "rule")
    )


def signal_get(*, network: Network, pk: int) -> Signal:
    """Raises Signal.DoesNotExist for another network's signal or a cleared one."""
    return signals_current(network=network).get(pk=pk)


def signals_top(*, network: Network, limit: int = 3) -> list[ShownSignal]:
    """The most severe and newest current signals nobody acknowledged yet, without their
    suggestions and names: the health panel on the network's home page (one query)."""
    signals = signals_current(network=network).filter(acknowledged_at__isnull=True)[:limit]
    return [one for s in signals if (one := _shown(s, {}, facilitator=False)) is not None]


@dataclass
class NetworkHealth:
    """A network's open signals in brief: how many of each severity and the worst one."""

    network_id: int
    counts: dict[str, int] = field(default_factory=dict)
    worst: ShownSignal | None = None

    @property
    def by_severity(self) -> list[tuple[str, str, int]]:
        """(key, label, count) from the most severe down, only the severities that occur."""
        return [
            (s.key, str(s.label), self.counts[s.key])
            for s in sorted(Severity, reverse=True)
            if self.counts.get(s.key)
        ]


def signals_health(*, user: User) -> dict[int, NetworkHealth]:
    """The health of every network the person facilitates, by network id, in two queries
    whatever the number of networks (one when they facilitate none)."""
    facilitated = list(
        network_selectors.memberships_active(user=user)
        .filter(role=Membership.Role.FACILITATOR)
        .values_list("network_id", flat=True)
    )
    return health_of(network_ids=facilitated)


def health_of(*, network_ids: Collection[int]) -> dict[int, NetworkHealth]:
    """The health of these networks, by network id: one query (none for no networks). Who
    may see it is the caller's question (the networks the person facilitates)."""
    facilitated = list(network_ids)
    if not facilitated:
        return {}
    health = {pk: NetworkHealth(network_id=pk) for pk in facilitated}
    counts: dict[int, Counter[str]] = {pk: Counter() for pk in facilitated}
    signals = (
        Signal.objects.current()
        .filter(network_id__in=facilitated, acknowledged_at__isnull=True)
        .select_related("entry")
        .order_by("network_id", "-severity", "-since", "rule")
    )
    for s in signals:
        one = _shown(s, {}, facilitator=False)
        if one is None:
            continue
        counts[s.network_id][one.severity] += 1
        if health[s.network_id].worst is None:
            health[s.network_id].worst = one
    for pk, counted in counts.items():
        health[pk].counts = dict(counted)
    return health
