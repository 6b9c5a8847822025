"""Reads for the signal pages and the rules: stored signals, phase guidance and the facts the
rules read. This app sits above the feature apps (and beside the diary, which it never reads)."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import QuerySet

from lerendnetwerk.catalogue.models import Entry
from lerendnetwerk.networks.models import Network

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


def shown(signals: list[Signal], *, facilitator: bool) -> list[ShownSignal]:
    """The signals written out for a reader; one query for all their suggestions."""
    suggested = _suggested(signals)
    result = []
    for s in signals:
        rule = RULES.get(s.rule)
        if rule is None:
            continue  # a rule that no longer exists
        result.append(
            ShownSignal(
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
        )
    return result


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
