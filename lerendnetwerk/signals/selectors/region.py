"""Reads for the region's health: every network of a coordinator's regions with its phase, its
current signals counted per severity and its attendance trend, in a fixed number of queries.

Only counts and rule titles: the names behind a signal (`Signal.private`) are the
facilitator's, and nothing here reads them.
"""

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, TypedDict

from django.db.models import (
    Case,
    F,
    Func,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils.functional import Promise

from lerendnetwerk.accounts.models import User
from lerendnetwerk.catalogue.models import Entry
from lerendnetwerk.catalogue.phase import Phase
from lerendnetwerk.meetings.selectors import AttendancePoint, attendance_trends
from lerendnetwerk.networks.models import Network

from ..models import DigestPreference, Severity, Signal
from ..rulebook import RULES

if TYPE_CHECKING:
    from collections.abc import Iterable

    from django_stubs_ext import WithAnnotations


class SignalCounts(TypedDict):
    """What `region_networks` counts on each network."""

    alerts: int
    warnings: int
    infos: int
    worst: int
    top_rule: str | None
    top_entry_title: str | None


if TYPE_CHECKING:
    RegionNetwork = WithAnnotations[Network, SignalCounts]

# The values of `?sort=`; the first is the default.
SORTS = ("severity", "name", "phase")
# `?fase=` for a network whose first cycle has not begun.
PREPARING = "preparing"


def rule_title(rule: str, entry_title: str | None) -> str | Promise:
    """What a person calls a signal: its pitfall's title, or a platform signal's own name."""
    if entry_title:
        return entry_title
    return (RULES[rule].name if rule in RULES else "") or rule


def _count(signals: QuerySet[Signal]) -> Coalesce:
    return Coalesce(
        Subquery(signals.order_by().annotate(n=Func("pk", function="COUNT")).values("n")[:1]),
        0,
    )


def region_networks(
    *, user: User, district_id: int | None = None, phase: str = "", rule: str = "", sort: str = ""
) -> "QuerySet[RegionNetwork]":
    """The networks of the user's regions, filtered and sorted, each with `alerts`, `warnings`,
    `infos`, `worst` (the highest severity, 0 for none) and the most severe signal's `top_rule`
    and `top_entry_title`. Counting is left to the database, so a page of them is one query."""
    current = Signal.objects.current().filter(network=OuterRef("pk"))
    top = current.order_by("-severity", "-since", "rule")
    networks = (
        Network.objects.filter(district__region__coordinators=user, kind=Network.Kind.LEARNING)
        .select_related("district", "current_cycle")
        .annotate(
            alerts=_count(current.filter(severity=Severity.ALERT)),
            warnings=_count(current.filter(severity=Severity.WARNING)),
            infos=_count(current.filter(severity=Severity.INFO)),
            worst=Coalesce(Subquery(top.values("severity")[:1]), 0),
            top_rule=Subquery(top.values("rule")[:1]),
            top_entry_title=Subquery(top.values("entry__title")[:1]),
        )
    )
    if district_id is not None:
        networks = networks.filter(district_id=district_id)
    if phase == PREPARING:
        networks = networks.filter(Q(current_cycle__isnull=True) | Q(current_cycle__phase=""))
    elif phase:
        networks = networks.filter(current_cycle__phase=phase)
    if rule:
        networks = networks.filter(
            pk__in=Signal.objects.current().filter(rule=rule).values("network_id")
        )
    if sort == "name":
        return networks.order_by("name", "pk")
    if sort == "phase":
        order = Case(
            *(When(current_cycle__phase=p.value, then=Value(p.number)) for p in Phase),
            default=Value(0),
            output_field=IntegerField(),
        )
        return networks.order_by(order, "name", "pk")
    return networks.order_by(F("worst").desc(), F("alerts").desc(), F("warnings").desc(), "name")


@dataclass
class Trend:
    """The attendance of a network's last recorded meetings, for a sparkline."""

    points: list[AttendancePoint] = field(default_factory=list)

    @property
    def last(self) -> int | None:
        return self.points[-1].percentage if self.points else None


def region_trends(*, networks: "Iterable[Network]") -> dict[int, Trend]:
    """The attendance trend of each of these networks (one query for all of them)."""
    ids = [n.pk for n in networks]
    found = attendance_trends(network_ids=ids)
    return {pk: Trend(found.get(pk, [])) for pk in ids}


def region_rule_choices() -> list[tuple[str, str | Promise]]:
    """Every rule as (key, title) for the filter, in the rulebook's order (one query for the
    pitfalls' titles)."""
    titles = dict(
        Entry.objects.filter(slug__in=[r.pitfall for r in RULES.values() if r.pitfall]).values_list(
            "slug", "title"
        )
    )
    return [(key, titles.get(rule.pitfall) or rule.name or key) for key, rule in RULES.items()]


# --- The weekly digest ------------------------------------------------------------------------


@dataclass
class DigestNetwork:
    name: str
    new: int = 0
    worse: int = 0
    titles: list[str | Promise] = field(default_factory=list)


def digest_wanted(*, user: User) -> bool:
    return not DigestPreference.objects.filter(user=user, weekly=False).exists()


def digest_recipients() -> QuerySet[User]:
    """Active coordinators who did not switch the digest off, with their regions."""
    return (
        User.objects.filter(is_active=True, coordinator_of__isnull=False)
        .exclude(signal_digest__weekly=False)
        .prefetch_related("coordinator_of")
        .distinct()
        .order_by("pk")
    )


def digest_signals(*, since: datetime) -> dict[int, list[Signal]]:
    """Current signals raised or made worse since `since`, per region id (one query)."""
    signals = (
        Signal.objects.current()
        .filter(Q(raised_at__gte=since) | Q(worsened_at__gte=since))
        .select_related("network__district", "entry")
        .only(
            "rule",
            "severity",
            "raised_at",
            "worsened_at",
            "entry__title",
            "network__name",
            "network__district__region_id",
        )
        .order_by("network__name", "network_id", "-severity", "rule")
    )
    per_region: dict[int, list[Signal]] = {}
    for signal in signals:
        per_region.setdefault(signal.network.district.region_id, []).append(signal)
    return per_region


def digest_networks(*, signals: list[Signal], since: datetime) -> list[DigestNetwork]:
    """The signals counted per network as new or worse, with their titles; no evidence, no
    names."""
    networks: dict[int, DigestNetwork] = {}
    for signal in signals:
        row = networks.setdefault(signal.network_id, DigestNetwork(signal.network.name))
        if signal.raised_at >= since:
            row.new += 1
        else:
            row.worse += 1
        row.titles.append(rule_title(signal.rule, signal.entry.title if signal.entry else None))
    return list(networks.values())


def networks_to_look_at(*, user: User) -> int:
    """How many learning networks of the coordinator's regions have a current warning or alert
    that nobody acknowledged yet: what waits for them on the region's page (one query)."""
    return (
        Signal.objects.current()
        .filter(
            network__district__region__coordinators=user,
            network__kind=Network.Kind.LEARNING,
            severity__gte=Severity.WARNING,
            acknowledged_at__isnull=True,
        )
        .values("network_id")
        .distinct()
        .count()
    )
