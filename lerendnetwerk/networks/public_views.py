"""The public side of networks: the district overview, a network's public page and its
contact form. No login; nothing here shows an address a facilitator did not agree to show."""

from typing import TYPE_CHECKING

from django.contrib import messages
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from lerendnetwerk.catalogue.phase import Phase
from lerendnetwerk.core import fragments
from lerendnetwerk.regions import selectors as region_selectors

from . import selectors, services
from .forms import ContactForm
from .invalidation import DISTRICT_OVERVIEW
from .models import Network

if TYPE_CHECKING:
    from lerendnetwerk.regions.models import Region

CONTACT_LIMIT_PER_HOUR = 5


def contact_allowed(network: Network) -> bool:
    """A public form that mails a person needs a brake: a few messages per network per hour."""
    key = f"contact:{network.pk}"
    cache.add(key, 0, timeout=3600)
    return cache.incr(key) <= CONTACT_LIMIT_PER_HOUR


def _region(slug: str) -> "Region":
    region = region_selectors.region_find(slug=slug)
    if region is None:
        raise Http404
    return region


def overview(request: HttpRequest) -> HttpResponse:
    regions = list(region_selectors.regions_all())
    if len(regions) == 1:
        return redirect("networks:region", region_slug=regions[0].slug)
    return render(request, "networks/overview.html", {"regions": regions})


def region_overview(request: HttpRequest, region_slug: str) -> HttpResponse:
    region = _region(region_slug)
    return render(
        request,
        "networks/region_overview.html",
        {
            "region": region,
            "districts": fragments.lazy(lambda: selectors.district_overview(region=region)),
            **fragments.context(DISTRICT_OVERVIEW),
        },
    )


def network_public(request: HttpRequest, region_slug: str, slug: str) -> HttpResponse:
    region = _region(region_slug)
    try:
        network = selectors.network_get_public(region=region, slug=slug)
    except Network.DoesNotExist:
        raise Http404 from None
    return render(
        request,
        "networks/public.html",
        {"region": region, "network": network, "phases": list(Phase)},
    )


def network_contact(request: HttpRequest, region_slug: str, slug: str) -> HttpResponse:
    """A message to the facilitators without publishing their address."""
    region = _region(region_slug)
    try:
        network = selectors.network_get_public(region=region, slug=slug)
    except Network.DoesNotExist:
        raise Http404 from None
    facilitators = [m.user for m in network.facilitator_memberships]  # type: ignore[attr-defined]
    form = ContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and facilitators:
        if not contact_allowed(network):
            form.add_error(
                None,
                _("This network received many messages just now. Please try again in an hour."),
            )
            return render(
                request,
                "networks/contact.html",
                {"region": region, "network": network, "form": form, "facilitators": facilitators},
                status=429,
            )
        services.network_contact_send(network=network, **form.cleaned_data)
        messages.success(request, _("Your message has been sent to the facilitator."))
        return redirect("networks:public", region_slug=region.slug, slug=network.slug)
    return render(
        request,
        "networks/contact.html",
        {"region": region, "network": network, "form": form, "facilitators": facilitators},
    )
