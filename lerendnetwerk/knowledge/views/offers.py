"""Knowledge offers for those who look after them: an organisation's managers and the coordinators
of its region."""

from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from lerendnetwerk.core.forms_errors import add_validation_error
from lerendnetwerk.core.pagination import paginate

from .. import selectors, services
from ..forms import OfferForm

if TYPE_CHECKING:
    from lerendnetwerk.accounts.http import AuthenticatedHttpRequest
    from lerendnetwerk.regions.models import Region

    from ..models import KnowledgeOffer

FIELDS = (
    "title",
    "description",
    "contact_name",
    "contact_role",
    "contact_email",
    "show_contact_email",
    "status",
)


def _offer(request: "AuthenticatedHttpRequest", pk: int) -> "KnowledgeOffer":
    offer = selectors.offer_get(pk=pk)
    if offer is None:
        raise Http404
    if not request.user.has_perm("knowledge.change_offer", offer):
        raise PermissionDenied
    return offer


def _typed(form: OfferForm, regions: "list[Region]") -> dict[str, Any]:
    areas = selectors.focus_areas_offered(pks=form.cleaned_data["focus_areas"], regions=regions)
    return {**{field: form.cleaned_data[field] for field in FIELDS}, "focus_areas": areas}


@login_required
def offer_manage(request: "AuthenticatedHttpRequest") -> HttpResponse:
    if not request.user.has_perm("knowledge.manage_offers"):
        raise PermissionDenied
    offers = selectors.offers_editable_by(user=request.user)
    return render(
        request,
        "knowledge/offer_manage.html",
        {"page": paginate(request, offers, 30), "regions": selectors.regions_all()},
    )


@login_required
def offer_create(request: "AuthenticatedHttpRequest") -> HttpResponse:
    organisations = [
        organisation
        for organisation in selectors.organisations_for(user=request.user)
        if request.user.has_perm("knowledge.add_offer", organisation)
    ]
    if not organisations:
        raise PermissionDenied
    # The focus areas of the regions the person adds for (one, nearly always).
    regions = selectors.regions_of(ids={o.district.region_id for o in organisations})
    form = OfferForm(
        request.POST or None,
        organisations=[(o.pk, f"{o.name} ({o.district.name})") for o in organisations],
        focus_areas=selectors.focus_area_choices(regions=regions),
    )
    if request.method == "POST" and form.is_valid():
        organisation = next(o for o in organisations if o.pk == form.cleaned_data["organisation"])
        own = [r for r in regions if r.pk == organisation.district.region_id]
        try:
            offer = services.offer_create(
                organisation=organisation, created_by=request.user, **_typed(form, own)
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("“%(title)s” has been saved.") % {"title": offer.title})
            return redirect("knowledge:offers_manage")
    return render(request, "knowledge/offer_form.html", {"form": form})


@login_required
def offer_edit(request: "AuthenticatedHttpRequest", pk: int) -> HttpResponse:
    offer = _offer(request, pk)
    regions = [offer.organisation.district.region]
    form = OfferForm(
        request.POST or None,
        organisations=None,
        focus_areas=selectors.focus_area_choices(regions=regions),
        initial={
            **{field: getattr(offer, field) for field in FIELDS},
            "focus_areas": [area.pk for area in offer.focus_areas.all()],
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.offer_update(
                offer=offer, changed_by=request.user, **_typed(form, regions)
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("“%(title)s” has been saved.") % {"title": saved.title})
            return redirect("knowledge:offers_manage")
    return render(request, "knowledge/offer_form.html", {"form": form, "offer": offer})


@login_required
def offer_delete(request: "AuthenticatedHttpRequest", pk: int) -> HttpResponse:
    offer = _offer(request, pk)
    if request.method == "POST":
        services.offer_delete(offer=offer)
        messages.success(request, _("“%(title)s” has been deleted.") % {"title": offer.title})
        return redirect("knowledge:offers_manage")
    return render(request, "knowledge/offer_delete.html", {"offer": offer})
