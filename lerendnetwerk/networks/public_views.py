"""The public contact form of a network (its page is the public site's, `public:network`). No
login; the sender never learns a facilitator's address."""

from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from lerendnetwerk.core import throttle
from lerendnetwerk.core.clientaddress import client_address
from lerendnetwerk.regions import selectors as region_selectors

from . import selectors, services
from .forms import ContactForm
from .models import Network

if TYPE_CHECKING:
    from lerendnetwerk.regions.models import Region

HOUR = 3600


def contact_refusal(request: HttpRequest, network: Network) -> str:
    """Why this message may not go out now ("" when it may): a public form that mails a person
    needs brakes.

    A sender gets a few messages per network and some more in all per hour. The network's own
    cap is higher and only counts messages that passed the sender's limits, so that one sender's
    flood never closes the form for anyone else; it takes many senders to reach it.
    """
    sender = client_address(request)
    if not throttle.hit(
        f"contact-from:{sender}:{network.pk}",
        limit=settings.CONTACT_LIMIT_PER_SENDER_PER_NETWORK,
        window=HOUR,
    ) or not throttle.hit(
        f"contact-from:{sender}", limit=settings.CONTACT_LIMIT_PER_SENDER, window=HOUR
    ):
        return _("You sent several messages just now. Please try again in an hour.")
    if not throttle.hit(
        f"contact-to:{network.pk}", limit=settings.CONTACT_LIMIT_PER_NETWORK, window=HOUR
    ):
        return _("This network received many messages just now. Please try again in an hour.")
    return ""


def _region(slug: str) -> "Region":
    region = region_selectors.region_find(slug=slug)
    if region is None:
        raise Http404
    return region


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
        refusal = contact_refusal(request, network)
        if refusal:
            form.add_error(None, refusal)
            return render(
                request,
                "networks/contact.html",
                {"region": region, "network": network, "form": form, "facilitators": facilitators},
                status=429,
            )
        services.network_contact_send(network=network, **form.cleaned_data)
        messages.success(request, _("Your message has been sent to the facilitator."))
        return redirect("public:network", region_slug=region.slug, slug=network.slug)
    return render(
        request,
        "networks/contact.html",
        {"region": region, "network": network, "form": form, "facilitators": facilitators},
    )
