"""The public site: the district overview with its filters and map, a network's public page, the
themes networks work on and the good practice they published. No login; only published results.

The lists are the same for everyone with the same filters, so they are cached fragments keyed by
the site's data version (public/invalidation.py) and the filters. A query string with anything
but valid filters is answered without storing its fragment, so that no visitor can put their
parameters into the links that others get.
"""

from typing import TYPE_CHECKING, Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from lerendnetwerk.catalogue.phase import Phase
from lerendnetwerk.core import fragments, pagecache
from lerendnetwerk.core.pagination import PARAMETER, paginate
from lerendnetwerk.regions import selectors as region_selectors
from lerendnetwerk.regions.views import region_choice

from . import selectors
from .forms import GoodPracticeFilterForm, NetworkFilterForm
from .invalidation import PUBLIC_SITE
from .map import district_map

if TYPE_CHECKING:
    from lerendnetwerk.regions.models import Region

    from .selectors import DistrictOverview, Filters

GOOD_PRACTICE_PER_PAGE = 12


def _region(slug: str) -> "Region":
    region = region_selectors.region_find(slug=slug)
    if region is None:
        raise Http404
    return region


def _fragment_context(
    request: HttpRequest, form: NetworkFilterForm, filters: "Filters"
) -> dict[str, Any]:
    """The fragment's version and timeout; a timeout of 0 keeps an odd query string's fragment
    out of the cache (other parameters, or values that are not among the choices)."""
    known = set(form.fields) | {PARAMETER}
    canonical = set(request.GET) <= known and not form.errors
    return {
        **fragments.context(PUBLIC_SITE),
        "fragment_timeout": fragments.TIMEOUT if canonical else 0,
        "filters": filters,
    }


def overview(request: HttpRequest) -> HttpResponse:
    return region_choice(
        request,
        url_name="public:region",
        title=_("District overview"),
        lead=_("Choose a municipality to see its learning networks per district."),
    )


def _scopes(request: HttpRequest, region_slug: str, **kwargs: object) -> list[str]:
    """A region's public pages change with its networks and with the public site's data."""
    return [pagecache.region(_region(region_slug).pk), PUBLIC_SITE]


@pagecache.kept(_scopes)
def region(request: HttpRequest, region_slug: str) -> HttpResponse:
    region = _region(region_slug)
    choices = selectors.filter_choices(region=region)
    form = NetworkFilterForm(
        request.GET, choices=choices, kinds=region_selectors.organisation_kinds()
    )
    filters = form.filters()

    def read() -> "DistrictOverview":
        return selectors.district_overview(
            region=region, filters=filters, districts=choices.districts
        )

    overview = fragments.lazy(read)
    return render(
        request,
        "public/region.html",
        {
            "region": region,
            "form": fragments.lazy(form.shown),
            "overview": overview,
            "map": fragments.lazy(
                lambda: district_map(
                    [(item.district, len(item.networks)) for item in overview.districts],
                    current=filters.district,
                )
            ),
            "chosen_district": next(
                (d for d in choices.districts if d.slug == filters.district), None
            ),
            **_fragment_context(request, form, filters),
        },
    )


@pagecache.kept(_scopes)
def network(request: HttpRequest, region_slug: str, slug: str) -> HttpResponse:
    region = _region(region_slug)
    found = selectors.network_public(region=region, slug=slug)
    if found is None:
        raise Http404
    return render(
        request,
        "public/network.html",
        {
            "region": region,
            "network": found,
            "phases": list(Phase),
            "showcases": selectors.network_good_practice(network=found),
        },
    )


@pagecache.kept(_scopes)
def themes(request: HttpRequest, region_slug: str) -> HttpResponse:
    region = _region(region_slug)
    choices = selectors.filter_choices(region=region)
    return render(
        request,
        "public/themes.html",
        {
            "region": region,
            "themes": fragments.lazy(
                lambda: selectors.themes_overview(region=region, focus_areas=choices.focus_areas)
            ),
            **fragments.context(PUBLIC_SITE),
        },
    )


@pagecache.kept(_scopes)
def good_practice(request: HttpRequest, region_slug: str) -> HttpResponse:
    region = _region(region_slug)
    choices = selectors.filter_choices(region=region)
    form = GoodPracticeFilterForm(request.GET, choices=choices, kinds=[])
    filters = form.filters()
    page_number = request.GET.get(PARAMETER, "1")
    return render(
        request,
        "public/good_practice.html",
        {
            "region": region,
            "form": fragments.lazy(form.shown),
            "page": fragments.lazy(
                lambda: paginate(
                    request,
                    selectors.good_practice(region=region, filters=filters),
                    GOOD_PRACTICE_PER_PAGE,
                )
            ),
            "page_key": page_number if page_number.isdigit() else "1",
            **_fragment_context(request, form, filters),
        },
    )
