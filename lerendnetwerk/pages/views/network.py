"""A network's home page: its phase and what comes next, composed from the feature apps."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from lerendnetwerk.catalogue.invalidation import CATALOGUE
from lerendnetwerk.catalogue.selectors import topics_for_stage
from lerendnetwerk.core import fragments
from lerendnetwerk.networks.access import network_for

from .. import selectors


@login_required
def network_home(request: HttpRequest, slug: str) -> HttpResponse:
    network = network_for(request, slug, "networks.view_network")
    home = selectors.network_home(
        network=network, with_signals=request.user.has_perm("signals.view_signals", network)
    )
    stage = home.current_phase.value if home.current_phase else ""
    return render(
        request,
        "pages/network.html",
        {
            "network": network,
            "cycle": network.current_cycle,
            "home": home,
            # The phase's questions are the catalogue's, the same in every network: a cached
            # fragment (see the template).
            "topics": fragments.lazy(lambda: topics_for_stage(stage=stage, with_sources=False)),
            **fragments.context(CATALOGUE),
        },
    )
