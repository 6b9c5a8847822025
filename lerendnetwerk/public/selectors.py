"""Reads for the public site, each in a fixed number of queries.

What a visitor may see of the results has one definition here: `_published()`. A network's theme
is its current cycle's adopted theme; its UKK focus area is what the site groups and filters by
("theme" on the site). A result belongs to the theme and phase of the cycle it was made in.
"""

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.core.cache import cache
from django.db.models import (
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce

from lerendnetwerk.core import fragments
from lerendnetwerk.networks import selectors as network_selectors
from lerendnetwerk.networks.models import Membership, Network
from lerendnetwerk.regions.models import District, Region
from lerendnetwerk.showcases.models import Showcase
from lerendnetwerk.themes.models import Chapter, FocusArea

from .invalidation import PUBLIC_SITE

if TYPE_CHECKING:
    from django.db.models import Model

# Filter values that are not a focus area's id or a phase.
OTHER_THEME = "other"  # a theme of the network's own, outside the UKK
PREPARING = "preparing"  # gathering the prerequisites, no phase yet
# Newest results per theme on the themes page, and on a network's page.
THEME_SHOWCASES = 3
NETWORK_SHOWCASES = 6


@dataclass(frozen=True)
class Filters:
    """What a visitor filters by; "" is everything. `theme` is a focus area's id or OTHER_THEME,
    `district` a district's slug."""

    theme: str = ""
    phase: str = ""
    kind: str = ""
    district: str = ""

    @property
    def active(self) -> bool:
        return any((self.theme, self.phase, self.kind, self.district))

    @property
    def key(self) -> str:
        """For cache keys: every combination its own fragment."""
        return f"{self.theme}|{self.phase}|{self.kind}|{self.district}"


@dataclass(frozen=True)
class FilterChoices:
    """The region's districts (with their outlines, for the map) and the focus areas its networks
    and results are about, by chapter."""

    districts: list[District]
    focus_areas: list[FocusArea]


def _published() -> QuerySet[Showcase]:
    """The results a visitor may see: published ones. Every public read starts here."""
    # The facilitators' own network is no learning network of a district: never public.
    return Showcase.objects.filter(published_at__isnull=False, network__kind=Network.Kind.LEARNING)


def _count(rows: "QuerySet[Model]", column: str) -> Coalesce:
    """How many of `rows` point at the outer row through `column`, as a subquery."""
    counted = rows.filter(**{column: OuterRef("pk")}).order_by().values(column)
    return Coalesce(
        Subquery(counted.annotate(n=Count("pk")).values("n")[:1], output_field=IntegerField()),
        Value(0),
    )


def _theme_q(prefix: str, theme: str) -> Q:
    """Rows whose cycle (reached through `prefix`) has this theme."""
    if not theme:
        return Q()
    if theme == OTHER_THEME:
        return (
            Q(**{f"{prefix}__isnull": False})
            & ~Q(**{f"{prefix}__theme": ""})
            & Q(**{f"{prefix}__adopted_theme__focus_area__isnull": True})
        )
    return Q(**{f"{prefix}__adopted_theme__focus_area": int(theme)})


def _phase_q(prefix: str, phase: str) -> Q:
    if not phase:
        return Q()
    if phase == PREPARING:
        return Q(**{f"{prefix}__isnull": True}) | Q(**{f"{prefix}__phase": ""})
    return Q(**{f"{prefix}__phase": phase})


def filter_choices(*, region: Region) -> FilterChoices:
    """Read once per change of the site's data (two queries), then from the cache."""
    key = f"public:choices:{region.pk}:{fragments.version(PUBLIC_SITE)}"
    found = cache.get(key)
    if isinstance(found, FilterChoices):
        return found
    found = FilterChoices(
        districts=list(region.districts.order_by("name")),
        focus_areas=list(
            FocusArea.objects.filter(
                themes__cycle__network__district__region=region,
                themes__cycle__network__kind=Network.Kind.LEARNING,
            )
            .select_related("chapter")
            .distinct()
            .order_by("chapter__number", "order", "title")
        ),
    )
    cache.set(key, found, fragments.TIMEOUT)
    return found


# --- The district overview ------------------------------------------------------------------


def _networks(region: Region) -> QuerySet[Network]:
    """The region's networks as the public sees them: district, current cycle, the cycle's focus
    area (`focus_area_id`, `focus_area_title`), member organisations and published results
    counted (`organisation_count`, `published_count`)."""
    return (
        Network.objects.filter(district__region=region, kind=Network.Kind.LEARNING)
        .select_related("district", "current_cycle")
        .annotate(
            focus_area_id=F("current_cycle__adopted_theme__focus_area_id"),
            focus_area_title=F("current_cycle__adopted_theme__focus_area__title"),
            organisation_count=_count(Network.organisations.through.objects.all(), "network"),
            published_count=_count(_published(), "network"),
        )
    )


@dataclass
class DistrictNetworks:
    district: District
    networks: list[Network] = field(default_factory=list)


@dataclass
class DistrictOverview:
    """Every district with the networks that match the filters (the map's counts), and the
    districts the list shows: the chosen one, or all with a network (all when not filtering)."""

    districts: list[DistrictNetworks]
    shown: list[DistrictNetworks]
    without: list[District]  # districts without a matching network, when filtering

    @property
    def count(self) -> int:
        return sum(len(item.networks) for item in self.shown)


def district_overview(
    *, region: Region, filters: Filters, districts: list[District]
) -> DistrictOverview:
    """One query: the region's networks that match the theme, phase and organisation filters,
    grouped by district. The district filter picks what the list shows, not the counts."""
    networks = _networks(region).filter(
        _theme_q("current_cycle", filters.theme), _phase_q("current_cycle", filters.phase)
    )
    if filters.kind:
        networks = networks.filter(
            Exists(
                Network.organisations.through.objects.filter(
                    network=OuterRef("pk"), organisation__kind=filters.kind
                )
            )
        )
    items = {district.pk: DistrictNetworks(district) for district in districts}
    for network in networks.order_by("name", "pk"):
        if network.district_id in items:
            items[network.district_id].networks.append(network)
    every = list(items.values())
    if filters.district:
        shown = [item for item in every if item.district.slug == filters.district]
    elif filters.active:
        shown = [item for item in every if item.networks]
    else:
        shown = every
    without = (
        []
        if filters.district or not filters.active
        else [item.district for item in every if not item.networks]
    )
    return DistrictOverview(districts=every, shown=shown, without=without)


# --- A network's public page ----------------------------------------------------------------


def network_public(*, region: Region, slug: str) -> Network | None:
    """The network with its district, theme, member organisations and facilitators (three
    queries), or None."""
    facilitators = Prefetch(
        "memberships",
        queryset=network_selectors.memberships_active()
        .filter(role=Membership.Role.FACILITATOR)
        .select_related("user")
        .order_by("user__name", "pk"),
        to_attr="facilitator_memberships",
    )
    return (
        _networks(region).prefetch_related("organisations", facilitators).filter(slug=slug).first()
    )


def network_good_practice(*, network: Network) -> list[Showcase]:
    """The network's newest published results, with the focus area of the cycle each was made
    in (`focus_area_title`); one query."""
    rows: list[Showcase] = list(
        _published()
        .filter(network=network)
        .select_related("cycle")
        .annotate(focus_area_title=F("cycle__adopted_theme__focus_area__title"))
        .order_by("-published_at", "-pk")[:NETWORK_SHOWCASES]
    )
    for showcase in rows:
        showcase.network = network
    return rows


# --- The themes page ------------------------------------------------------------------------


@dataclass
class ThemeGroup:
    """A focus area (None: themes of the networks' own) with the networks that work on it now
    and the newest results made on it, from any cycle."""

    focus_area: FocusArea | None
    networks: list[Network] = field(default_factory=list)
    showcases: list[Showcase] = field(default_factory=list)
    showcase_count: int = 0

    @property
    def anchor(self) -> str:
        return f"thema-{self.focus_area.pk}" if self.focus_area else f"thema-{OTHER_THEME}"

    @property
    def filter_value(self) -> str:
        return str(self.focus_area.pk) if self.focus_area else OTHER_THEME


@dataclass
class ChapterGroup:
    chapter: Chapter
    themes: list[ThemeGroup]


@dataclass
class ThemesOverview:
    chapters: list[ChapterGroup]
    other: ThemeGroup | None

    @property
    def groups(self) -> list[ThemeGroup]:
        return [group for chapter in self.chapters for group in chapter.themes] + (
            [self.other] if self.other else []
        )


def themes_overview(*, region: Region, focus_areas: list[FocusArea]) -> ThemesOverview:
    """The focus areas the region's networks work on or made results on, by UKK chapter, then
    the themes of their own (two queries; `focus_areas` from `filter_choices`)."""
    groups: dict[int | None, ThemeGroup] = {area.pk: ThemeGroup(area) for area in focus_areas}
    networks = (
        _networks(region)
        .filter(Q(focus_area_id__isnull=False) | ~Q(current_cycle__theme=""))
        .filter(current_cycle__isnull=False)
        .order_by("name", "pk")
    )
    for network in networks:
        group = groups.setdefault(network.focus_area_id, ThemeGroup(None))  # type: ignore[attr-defined]
        group.networks.append(network)
    showcases = (
        _published()
        .filter(network__district__region=region, cycle__isnull=False)
        .filter(Q(cycle__adopted_theme__focus_area__isnull=False) | _theme_q("cycle", OTHER_THEME))
        .select_related("network")
        .annotate(focus_area_id=F("cycle__adopted_theme__focus_area_id"))
        .order_by("-published_at", "-pk")
    )
    for showcase in showcases:
        group = groups.setdefault(showcase.focus_area_id, ThemeGroup(None))
        group.showcase_count += 1
        if len(group.showcases) < THEME_SHOWCASES:
            group.showcases.append(showcase)
    chapters: dict[int, ChapterGroup] = {}
    for area in focus_areas:
        group = groups[area.pk]
        if group.networks or group.showcases:
            chapters.setdefault(area.chapter_id, ChapterGroup(area.chapter, [])).themes.append(
                group
            )
    other = groups.get(None)
    return ThemesOverview(chapters=list(chapters.values()), other=other)


# --- The good-practice overview -------------------------------------------------------------


def good_practice(*, region: Region, filters: Filters) -> QuerySet[Showcase]:
    """The region's published results, newest first, by the theme and phase of the cycle they
    were made in and by district; with network, district and focus area (`focus_area_title`)."""
    showcases = (
        _published()
        .filter(network__district__region=region)
        .filter(_theme_q("cycle", filters.theme), _phase_q("cycle", filters.phase))
        .select_related("network__district", "cycle")
        .annotate(focus_area_title=F("cycle__adopted_theme__focus_area__title"))
        .order_by("-published_at", "-pk")
    )
    if filters.district:
        showcases = showcases.filter(network__district__slug=filters.district)
    return showcases
