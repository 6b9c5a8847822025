"""A network's home page: its phase and what comes next, composed from the feature apps."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from lerendnetwerk.core import pagecache
from lerendnetwerk.networks.access import network_for

from .. import selectors


@login_required
def network_home(request: HttpRequest, slug: str) -> HttpResponse:
    network = network_for(request, slug, "networks.view_network")

    def page() -> HttpResponse:
        home = selectors.network_home(
            network=network, with_signals=request.user.has_perm("signals.view_signals", network)
        )
        return render(
            request,
            "pages/network.html",
            {"network": network, "cycle": network.current_cycle, "home": home},
        )

    return pagecache.cached(request, [pagecache.network(network.pk)], page)
