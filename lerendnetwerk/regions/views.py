"""A page that belongs to a region, reached without one (the catalogue and the menu link there):
the only region's page, or a choice of regions. Shared by every app with pages per region."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.functional import Promise

from . import selectors


def region_choice(
    request: HttpRequest, *, url_name: str, title: str | Promise, lead: str | Promise
) -> HttpResponse:
    """Redirect to `url_name` of the only region, or list the regions to choose from."""
    regions = list(selectors.regions_all())
    if len(regions) == 1:
        return redirect(url_name, region_slug=regions[0].slug)
    return render(
        request,
        "regions/choose.html",
        {"regions": regions, "url_name": url_name, "title": title, "lead": lead},
    )
