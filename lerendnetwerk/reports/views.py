"""The reports as pages, PDFs and CSV files. Each view checks one permission from rules.py."""

from typing import TYPE_CHECKING, Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.text import slugify

from lerendnetwerk.accounts.http import AuthenticatedHttpRequest
from lerendnetwerk.networks.access import network_for

from . import report, selectors

if TYPE_CHECKING:
    from lerendnetwerk.networks.models import Cycle
    from lerendnetwerk.regions.models import Region

CYCLE_PERMISSION = "reports.view_cycle_report"
REGION_PERMISSION = "reports.view_region_report"


@login_required
def network_reports(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    network = network_for(request, slug, CYCLE_PERMISSION)
    return render(
        request,
        "reports/network.html",
        {
            "network": network,
            "cycles": selectors.network_cycles(network=network),
            "may_view_network": request.user.has_perm("networks.view_network", network),
        },
    )


def _cycle(request: AuthenticatedHttpRequest, slug: str, number: int) -> "Cycle":
    network = network_for(request, slug, CYCLE_PERMISSION)
    try:
        return selectors.cycle_for_report(network=network, number=number)
    except ObjectDoesNotExist:
        raise Http404 from None


def _cycle_context(request: AuthenticatedHttpRequest, cycle: "Cycle") -> dict[str, Any]:
    return {
        "network": cycle.network,
        "cycle": cycle,
        "header": report.cycle_header(cycle),
        "sections": report.cycle_sections(cycle),
        "may_view_network": request.user.has_perm("networks.view_network", cycle.network),
    }


def _cycle_filename(cycle: "Cycle", extension: str) -> str:
    return f"rapportage-{cycle.network.slug}-cyclus-{cycle.number}.{extension}"


@login_required
def cycle_report(request: AuthenticatedHttpRequest, slug: str, number: int) -> HttpResponse:
    cycle = _cycle(request, slug, number)
    return render(request, "reports/cycle.html", _cycle_context(request, cycle))


@login_required
def cycle_pdf(request: AuthenticatedHttpRequest, slug: str, number: int) -> HttpResponse:
    cycle = _cycle(request, slug, number)
    body = report.pdf_bytes("reports/cycle_pdf.html", _cycle_context(request, cycle))
    return _download(body, "application/pdf", _cycle_filename(cycle, "pdf"))


@login_required
def cycle_csv(request: AuthenticatedHttpRequest, slug: str, number: int) -> HttpResponse:
    cycle = _cycle(request, slug, number)
    body = report.csv_bytes(report.cycle_rows(cycle))
    return _download(body, "text/csv; charset=utf-8", _cycle_filename(cycle, "csv"))


@login_required
def region_index(request: AuthenticatedHttpRequest) -> HttpResponse:
    if not request.user.has_perm("reports.view_region_reports"):
        raise PermissionDenied
    regions = [
        (region, selectors.report_years(region=region))
        for region in selectors.regions_of_coordinator(user=request.user)
    ]
    return render(request, "reports/index.html", {"regions": regions})


def _region(request: AuthenticatedHttpRequest, region_slug: str, year: int) -> "Region":
    try:
        region = selectors.region_get(slug=region_slug)
    except ObjectDoesNotExist:
        raise Http404 from None
    if not request.user.has_perm(REGION_PERMISSION, region):
        raise PermissionDenied
    if year not in selectors.report_years(region=region):
        raise Http404
    return region


def _region_context(region: "Region", year: int) -> dict[str, Any]:
    return {
        "region": region,
        "year": year,
        "networks": selectors.region_networks(region=region, year=year),
        "trends": report.region_trends(region, year),
        "sections": report.region_sections(region, year),
    }


def _region_filename(region: "Region", year: int, extension: str) -> str:
    return f"jaarrapportage-{slugify(region.name)}-{year}.{extension}"


@login_required
def region_report(request: AuthenticatedHttpRequest, region_slug: str, year: int) -> HttpResponse:
    region = _region(request, region_slug, year)
    return render(request, "reports/region.html", _region_context(region, year))


@login_required
def region_pdf(request: AuthenticatedHttpRequest, region_slug: str, year: int) -> HttpResponse:
    region = _region(request, region_slug, year)
    body = report.pdf_bytes("reports/region_pdf.html", _region_context(region, year))
    return _download(body, "application/pdf", _region_filename(region, year, "pdf"))


@login_required
def region_csv(request: AuthenticatedHttpRequest, region_slug: str, year: int) -> HttpResponse:
    region = _region(request, region_slug, year)
    body = report.csv_bytes(report.region_rows(region, year))
    return _download(body, "text/csv; charset=utf-8", _region_filename(region, year, "csv"))


def _download(body: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
