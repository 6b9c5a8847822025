"""The region's health for its coordinators: every network with its phase, its signals counted
per severity and its attendance trend; and the coordinator's weekly digest setting.

Counts and rule titles only: who declined is for the facilitator (`signals.view_names`).
"""

from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from lerendnetwerk.accounts.roles import coordinator_region_ids
from lerendnetwerk.core import pagecache
from lerendnetwerk.core.pagination import paginate
from lerendnetwerk.regions import selectors as region_selectors

from .. import services
from ..charts import attendance_sparkline
from ..forms import DigestSettingsForm, RegionFilterForm
from ..selectors import region as selectors

if TYPE_CHECKING:
    from lerendnetwerk.accounts.http import AuthenticatedHttpRequest

    from ..selectors.region import RegionNetwork

PER_PAGE = 25


def _coordinator_only(request: "AuthenticatedHttpRequest") -> None:
    if not request.user.has_perm("networks.coordinate"):
        raise PermissionDenied


def _rows(networks: "list[RegionNetwork]") -> list[tuple[Any, ...]]:
    """Each network of the page with its most severe signal's title and its attendance trend
    (one query for the page's trends)."""
    trends = selectors.region_trends(networks=networks)
    return [
        (
            network,
            selectors.rule_title(network.top_rule, network.top_entry_title)
            if network.top_rule
            else "",
            attendance_sparkline(chart_id=f"trend-{network.pk}", points=trends[network.pk].points),
            trends[network.pk].last,
        )
        for network in networks
    ]


@login_required
def region(request: "AuthenticatedHttpRequest") -> HttpResponse:
    _coordinator_only(request)
    # What the region's networks do bumps the region's scope.
    scopes = [pagecache.region(pk) for pk in coordinator_region_ids(request.user)]
    return pagecache.cached(request, scopes, lambda: _region_page(request))


def _region_page(request: "AuthenticatedHttpRequest") -> HttpResponse:
    districts = region_selectors.districts_coordinated_by(user_id=request.user.pk)
    form = RegionFilterForm(
        request.GET,
        districts=[(d.pk, d.name) for d in districts],
        rules=selectors.region_rule_choices(),
    )
    chosen = form.cleaned_data if form.is_valid() else {}
    sort = chosen.get("sort") or selectors.SORTS[0]
    page = paginate(
        request,
        selectors.region_networks(
            user=request.user,
            district_id=chosen.get("wijk"),
            phase=chosen.get("fase", ""),
            rule=chosen.get("signaal", ""),
            sort=sort,
        ),
        PER_PAGE,
    )
    rows = _rows(list(page.object_list))
    return render(
        request,
        "signals/region.html",
        {
            "form": form,
            "page": page,
            "rows": rows,
            "sort": sort,
            "filtered": any(chosen.get(f) for f in ("wijk", "fase", "signaal")),
        },
    )


@login_required
def digest_settings(request: "AuthenticatedHttpRequest") -> HttpResponse:
    _coordinator_only(request)
    # An unticked box sends nothing, so an empty POST is still an answer.
    form = DigestSettingsForm(
        request.POST if request.method == "POST" else None,
        initial={"weekly": selectors.digest_wanted(user=request.user)},
    )
    if request.method == "POST" and form.is_valid():
        services.digest_preference_set(user=request.user, weekly=form.cleaned_data["weekly"])
        messages.success(request, _("Your choice has been saved."))
        return redirect("signals:digest_settings")
    return render(request, "signals/region_digest_settings.html", {"form": form})
