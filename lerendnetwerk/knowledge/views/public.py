"""The public side of the knowledge exchange: the region's knowledge offers and experts, with
filters, a page each and a contact form that never shows an address nobody agreed to show. No
login."""

from typing import TYPE_CHECKING

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from lerendnetwerk.core import pagecache
from lerendnetwerk.core.forms_errors import add_validation_error
from lerendnetwerk.core.pagination import paginate
from lerendnetwerk.regions.views import region_choice

from .. import selectors, services
from ..contact import contact_refusal
from ..forms import ContactForm, ExpertFilterForm, OfferFilterForm

if TYPE_CHECKING:
    from lerendnetwerk.regions.models import Region

PER_PAGE = 20


def offers_home(request: HttpRequest) -> HttpResponse:
    return region_choice(
        request,
        url_name="knowledge:offers",
        title=_("Knowledge offer of the organisations"),
        lead=_("Each municipality keeps its own. Choose one."),
    )


def experts_home(request: HttpRequest) -> HttpResponse:
    return region_choice(
        request,
        url_name="knowledge:experts",
        title=_("Experts"),
        lead=_("Each municipality keeps its own. Choose one."),
    )


def _region(slug: str) -> "Region":
    region = selectors.region_find(slug=slug)
    if region is None:
        raise Http404
    return region


def offer_list(request: HttpRequest, region_slug: str) -> HttpResponse:
    region = _region(region_slug)

    def page() -> HttpResponse:
        form = OfferFilterForm(
            request.GET or None,
            districts=selectors.district_choices(region=region),
            focus_areas=selectors.focus_area_choices(regions=[region]),
        )
        chosen = form.chosen()
        found = paginate(request, selectors.offers_filtered(region=region, **chosen), PER_PAGE)
        return render(
            request,
            "knowledge/offer_list.html",
            {
                "region": region,
                "form": form,
                "page": found,
                "filtered": any(value is not None for value in chosen.values()),
            },
        )

    # Offers and experts bump `shared` (scopes.py), the region's framework its region.
    return pagecache.cached(request, [pagecache.region(region.pk)], page)


def offer_detail(request: HttpRequest, region_slug: str, pk: int) -> HttpResponse:
    region = _region(region_slug)
    offer = selectors.offer_public(region=region, pk=pk)
    if offer is None:
        raise Http404
    return render(request, "knowledge/offer_detail.html", {"region": region, "offer": offer})


def offer_contact(request: HttpRequest, region_slug: str, pk: int) -> HttpResponse:
    """A message to the offer's contact person, by e-mail, without publishing their address."""
    region = _region(region_slug)
    offer = selectors.offer_public(region=region, pk=pk)
    if offer is None:
        raise Http404
    form = ContactForm(request.POST or None)
    context = {"region": region, "offer": offer, "form": form}
    if request.method == "POST" and form.is_valid():
        refusal = contact_refusal(request, f"offer:{offer.pk}")
        if refusal:
            form.add_error(None, refusal)
            return render(request, "knowledge/offer_contact.html", context, status=429)
        try:
            services.offer_contact_send(offer=offer, **form.cleaned_data)
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(
                request,
                _("Your message has been sent to %(name)s.") % {"name": offer.contact_name},
            )
            return redirect("knowledge:offer", region_slug=region.slug, pk=offer.pk)
    return render(request, "knowledge/offer_contact.html", context)


def expert_list(request: HttpRequest, region_slug: str) -> HttpResponse:
    region = _region(region_slug)

    def page() -> HttpResponse:
        form = ExpertFilterForm(
            request.GET or None, focus_areas=selectors.focus_area_choices(regions=[region])
        )
        focus_area_id = form.chosen()
        experts = selectors.experts_filtered(region=region, focus_area_id=focus_area_id)
        return render(
            request,
            "knowledge/expert_list.html",
            {
                "region": region,
                "form": form,
                "page": paginate(request, experts, PER_PAGE),
                "filtered": focus_area_id is not None,
            },
        )

    return pagecache.cached(request, [pagecache.region(region.pk)], page)


def expert_detail(request: HttpRequest, region_slug: str, pk: int) -> HttpResponse:
    region = _region(region_slug)
    profile = selectors.expert_public(region=region, pk=pk)
    if profile is None:
        raise Http404
    return render(request, "knowledge/expert_detail.html", {"region": region, "profile": profile})


def expert_contact(request: HttpRequest, region_slug: str, pk: int) -> HttpResponse:
    """A message to an expert of the public directory, by e-mail, without her address."""
    region = _region(region_slug)
    profile = selectors.expert_public(region=region, pk=pk)
    if profile is None:
        raise Http404
    form = ContactForm(request.POST or None)
    context = {"region": region, "profile": profile, "form": form}
    if request.method == "POST" and form.is_valid():
        refusal = contact_refusal(request, f"expert:{profile.user_id}")
        if refusal:
            form.add_error(None, refusal)
            return render(request, "knowledge/expert_contact.html", context, status=429)
        try:
            services.expert_contact_send(profile=profile, **form.cleaned_data)
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(
                request,
                _("Your message has been sent to %(name)s.") % {"name": profile.user.name},
            )
            return redirect("knowledge:expert", region_slug=region.slug, pk=profile.pk)
    return render(request, "knowledge/expert_contact.html", context)
