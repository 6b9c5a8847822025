"""Reads for the results pages, the public page, the downloads and the reports."""

from typing import TYPE_CHECKING, Any

from django.db.models import Count, Q, QuerySet

from lerendnetwerk.networks import selectors as network_selectors
from lerendnetwerk.networks.models import Network
from lerendnetwerk.networks.rules import is_member, is_network_coordinator
from lerendnetwerk.regions import selectors as region_selectors

from .models import Showcase

if TYPE_CHECKING:
    from collections.abc import Collection
    from datetime import datetime

    from lerendnetwerk.networks.models import Cycle
    from lerendnetwerk.regions.models import Region


def showcases_of(*, network: "Network") -> list[Showcase]:
    """Every result of the network, newest first, with who added, confirmed and published it."""
    showcases = list(
        Showcase.objects.filter(network=network).select_related(
            "uploaded_by", "consent_confirmed_by", "published_by", "cycle"
        )
    )
    for showcase in showcases:
        # The permission checks per result ask for its network: this one, no query each.
        showcase.network = network
    return showcases


def showcases_published(*, network: "Network") -> list[Showcase]:
    """What the public page shows: published results only, newest publication first."""
    return list(
        Showcase.objects.filter(network=network, published_at__isnull=False)
        .select_related("cycle")
        .order_by("-published_at", "-pk")
    )


def showcases_public(*, region: "Region") -> QuerySet[Showcase]:
    """The region's results a visitor may see, with their networks: published ones of learning
    networks (the facilitators' own network is never public), as the public site shows them."""
    return Showcase.objects.filter(
        published_at__isnull=False,
        network__kind=Network.Kind.LEARNING,
        network__district__region=region,
    ).select_related("network")


def showcase_get(*, network: "Network", pk: int) -> Showcase | None:
    return (
        Showcase.objects.filter(network=network, pk=pk)
        .select_related("network__district__region", "uploaded_by")
        .first()
    )


def showcase_for_download(*, network_slug: str, pk: int) -> Showcase | None:
    return (
        Showcase.objects.filter(network__slug=network_slug, pk=pk)
        .select_related("network__district")
        .first()
    )


def showcase_readable(*, user: Any, showcase: Showcase) -> bool:
    """A published result is everyone's; before that, its network's members and its region's
    coordinator read it (a committed manager sees what is published, as the public does)."""
    if showcase.is_published:
        return True
    return bool(is_member(user, showcase.network) or is_network_coordinator(user, showcase.network))


def network_public(*, region_slug: str, slug: str) -> Network | None:
    """The network as its public page shows it, or None."""
    region = region_selectors.region_find(slug=region_slug)
    if region is None:
        return None
    try:
        return network_selectors.network_get_public(region=region, slug=slug)
    except Network.DoesNotExist:
        return None


# --- For the reports (networks.report_parts): published results only, never who added them.


def cycle_published(*, cycle: "Cycle") -> list[Showcase]:
    return list(
        Showcase.objects.filter(cycle=cycle, published_at__isnull=False)
        .select_related("network__district__region")
        .order_by("published_at", "pk")
    )


def cycle_counts_by_kind(*, cycle: "Cycle") -> dict[str, tuple[int, int]]:
    """Per kind: (results, of which published)."""
    rows = (
        Showcase.objects.filter(cycle=cycle)
        .values("kind")
        .annotate(total=Count("pk"), published=Count("pk", filter=Q(published_at__isnull=False)))
        .order_by()
    )
    return {row["kind"]: (row["total"], row["published"]) for row in rows}


def region_counts_by_district(*, region: "Region", year: int) -> list[tuple[str, int, int]]:
    """Every district of the region, in name order: (district, results added in the year, of
    which published so far)."""
    rows = (
        Showcase.objects.filter(
            network__district__region=region,
            network__kind=Network.Kind.LEARNING,
            created_at__year=year,
        )
        .values("network__district_id")
        .annotate(total=Count("pk"), published=Count("pk", filter=Q(published_at__isnull=False)))
        .order_by()
    )
    counts = {row["network__district_id"]: (row["total"], row["published"]) for row in rows}
    return [
        (district.name, *counts.get(district.pk, (0, 0)))
        for district in region.districts.order_by("name")
    ]


def published_since(
    *, network_ids: "Collection[int]", since: "datetime", limit: int
) -> list[Showcase]:
    """Results these networks published since `since`, newest first, with their network (the
    recent activity on a person's page; one query)."""
    return list(
        Showcase.objects.filter(
            network__in=list(network_ids), published_at__isnull=False, published_at__gte=since
        )
        .select_related("network")
        .order_by("-published_at", "-pk")[:limit]
    )
