"""Writes of the knowledge exchange: knowledge offers, expert profiles, the public contact forms
and the expert requests for agenda items.

An agenda item belongs to meetings: the expert who accepts is put on it through
`meetings.services.agenda_item_set_expert`, in the same transaction as her answer. Locks are
taken in one order everywhere (the agenda item, then the request), and an item has at most one
open or accepted request (a unique constraint), so two clicks at once never leave two experts.
"""

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lerendnetwerk.accounts import services as account_services
from lerendnetwerk.core.text import NOTES_MAX, SHORT_TEXT_MAX, refuse_too_long
from lerendnetwerk.meetings import services as meeting_services
from lerendnetwerk.meetings.models import AgendaItem

from . import notifications, selectors
from .models import ExpertProfile, ExpertRequest, KnowledgeOffer

if TYPE_CHECKING:
    from lerendnetwerk.accounts.models import User
    from lerendnetwerk.regions.models import Organisation, Region
    from lerendnetwerk.themes.models import FocusArea

TITLE_MAX = 200
CONTACT_MESSAGE_MAX = 3000


# --- Knowledge offers


def _refuse_invalid_offer(
    *, title: str, description: str, contact_name: str, contact_email: str, status: str
) -> None:
    errors: dict[str, str] = {}
    if not title.strip():
        errors["title"] = _("Give the offer a title: what can colleagues learn from you?")
    elif len(title.strip()) > TITLE_MAX:
        errors["title"] = _("Keep it to %(max)d characters.") % {"max": TITLE_MAX}
    if not description.strip():
        errors["description"] = _("Describe what your organisation can share.")
    if not contact_name.strip():
        errors["contact_name"] = _("Name the person colleagues can talk to.")
    if not contact_email.strip():
        errors["contact_email"] = _(
            "Give the contact person's e-mail address: the contact form sends messages there."
        )
    if status not in KnowledgeOffer.Status.values:
        errors["status"] = _("Choose whether the offer is a draft or published.")
    if errors:
        raise ValidationError(errors)
    refuse_too_long({"description": (description, NOTES_MAX)})


def _refuse_foreign_areas(areas: list["FocusArea"], regions: list["Region"]) -> None:
    """Focus areas come from the framework the region's networks choose from (its own copy of
    the UKK, or the shared one), retired ones no longer."""
    if not areas:
        return
    offered = selectors.focus_areas_offered(pks=[area.pk for area in areas], regions=regions)
    if len(offered) != len({area.pk for area in areas}):
        raise ValidationError(
            {"focus_areas": _("Choose focus areas of your region's quality framework.")}
        )


@transaction.atomic
def offer_create(
    *,
    organisation: "Organisation",
    created_by: "User",
    title: str,
    description: str,
    focus_areas: Iterable["FocusArea"],
    contact_name: str,
    contact_role: str,
    contact_email: str,
    show_contact_email: bool,
    status: str,
) -> KnowledgeOffer:
    """Add an offer of the organisation. Refuses one without title, description or contact."""
    _refuse_invalid_offer(
        title=title,
        description=description,
        contact_name=contact_name,
        contact_email=contact_email,
        status=status,
    )
    focus_areas = list(focus_areas)
    _refuse_foreign_areas(focus_areas, [organisation.district.region])
    now = timezone.now()
    offer = KnowledgeOffer.objects.create(
        organisation=organisation,
        title=title.strip(),
        description=description.strip(),
        contact_name=contact_name.strip(),
        contact_role=contact_role.strip(),
        contact_email=contact_email.strip().lower(),
        show_contact_email=show_contact_email,
        status=status,
        created_by=created_by,
        updated_by=created_by,
        created_at=now,
        updated_at=now,
    )
    offer.focus_areas.set(focus_areas)
    return offer


@transaction.atomic
def offer_update(
    *,
    offer: KnowledgeOffer,
    changed_by: "User",
    title: str,
    description: str,
    focus_areas: Iterable["FocusArea"],
    contact_name: str,
    contact_role: str,
    contact_email: str,
    show_contact_email: bool,
    status: str,
) -> KnowledgeOffer:
    """Change the offer (its organisation stays). A new contact address is never shown until
    the box that the contact person agreed is ticked again."""
    _refuse_invalid_offer(
        title=title,
        description=description,
        contact_name=contact_name,
        contact_email=contact_email,
        status=status,
    )
    focus_areas = list(focus_areas)
    _refuse_foreign_areas(focus_areas, [offer.organisation.district.region])
    offer = KnowledgeOffer.objects.select_for_update().get(pk=offer.pk)
    contact_email = contact_email.strip().lower()
    offer.title, offer.description = title.strip(), description.strip()
    offer.contact_name, offer.contact_role = contact_name.strip(), contact_role.strip()
    offer.contact_email, offer.show_contact_email = contact_email, show_contact_email
    offer.status, offer.updated_by, offer.updated_at = status, changed_by, timezone.now()
    offer.save()
    offer.focus_areas.set(focus_areas)
    return offer


@transaction.atomic
def offer_delete(*, offer: KnowledgeOffer) -> None:
    offer.delete()


def offer_contact_send(*, offer: KnowledgeOffer, name: str, email: str, message: str) -> None:
    """Queue a visitor's message to the offer's contact person; the visitor never learns the
    address (unless the offer shows it). Refuses a draft."""
    if not offer.is_published:
        raise ValidationError(_("This offer is not published."))
    _refuse_invalid_message(name=name, email=email, message=message)
    notifications.send_offer_contact(
        offer, name=name.strip(), email=email.strip(), message=message.strip()
    )


def _refuse_invalid_message(*, name: str, email: str, message: str) -> None:
    errors: dict[str, str] = {}
    if not name.strip():
        errors["name"] = _("Give your name.")
    if not email.strip():
        errors["email"] = _("Give your e-mail address, so that you can be answered.")
    if not message.strip():
        errors["message"] = _("Write your message.")
    if errors:
        raise ValidationError(errors)
    refuse_too_long({"message": (message, CONTACT_MESSAGE_MAX)})


# --- Expert profiles


@transaction.atomic
def expert_profile_save(
    *,
    user: "User",
    expertise: str,
    institute: str,
    focus_areas: Iterable["FocusArea"],
    regions: Iterable["Region"],
    availability: str,
    how_to_ask: str,
    is_public: bool,
) -> ExpertProfile:
    """Create or change the expert's profile; her expertise is kept on her account.

    Refuses someone who is not an expert, a profile without a region, and a public profile
    that does not say what the expertise is.
    """
    if not user.is_expert:
        raise ValidationError(_("Only an expert has an expert profile."))
    regions = list(regions)
    errors: dict[str, str] = {}
    if not regions:
        errors["regions"] = _("Choose at least one region where facilitators can ask you.")
    if is_public and not expertise.strip():
        errors["expertise"] = _("Describe your expertise before you show your profile publicly.")
    if errors:
        raise ValidationError(errors)
    focus_areas = list(focus_areas)
    _refuse_foreign_areas(focus_areas, regions)
    refuse_too_long(
        {
            "expertise": (expertise, NOTES_MAX),
            "availability": (availability, SHORT_TEXT_MAX),
            "how_to_ask": (how_to_ask, SHORT_TEXT_MAX),
        }
    )
    account_services.expertise_update(user=user, expertise=expertise)
    profile, _created = ExpertProfile.objects.select_for_update().get_or_create(user=user)
    profile.institute = institute.strip()
    profile.availability, profile.how_to_ask = availability.strip(), how_to_ask.strip()
    profile.is_public, profile.updated_at = is_public, timezone.now()
    profile.save()
    profile.focus_areas.set(focus_areas)
    profile.regions.set(regions)
    return profile


def expert_contact_send(*, profile: ExpertProfile, name: str, email: str, message: str) -> None:
    """Queue a visitor's message to an expert of the public directory, without her address."""
    if not (profile.is_public and profile.user.is_expert and profile.user.is_active):
        raise ValidationError(_("This expert is not in the public directory."))
    _refuse_invalid_message(name=name, email=email, message=message)
    notifications.send_expert_contact(
        profile, name=name.strip(), email=email.strip(), message=message.strip()
    )


# --- Expert requests


def _refuse_unless_ahead(item: AgendaItem) -> None:
    meeting = item.meeting
    if meeting.is_cancelled:
        raise ValidationError(_("The meeting has been cancelled."))
    if meeting.is_past:
        raise ValidationError(_("The meeting has already taken place."))


@transaction.atomic
def expert_request_create(
    *, item: AgendaItem, expert: "User", requested_by: "User", message: str
) -> ExpertRequest:
    """Ask the expert to lead the agenda item, and e-mail her the request in her language.

    Refuses a meeting that was cancelled or has taken place, an expert who does not work in
    the network's region, an item that an expert's account leads already, and an item with a
    request still waiting for an answer.
    """
    item = (
        AgendaItem.objects.select_for_update(of=("self",))
        .select_related("meeting__network__district")
        .get(pk=item.pk)
    )
    _refuse_unless_ahead(item)
    region_id = item.meeting.network.district.region_id
    if selectors.expert_to_ask(region=region_id, user_id=expert.pk) is None:
        raise ValidationError({"expert": _("Choose one of the experts of your region.")})
    if item.expert_id is not None:
        raise ValidationError(
            _("%(name)s already leads this item. Withdraw that first to ask someone else.")
            % {"name": item.expert.name if item.expert else ""}
        )
    live = selectors.live_request(item=item)
    if live is not None:
        raise ValidationError(
            _(
                "%(name)s has not answered yet. Wait for the answer, or withdraw the request "
                "to ask someone else."
            )
            % {"name": live.expert.name}
        )
    refuse_too_long({"message": (message, NOTES_MAX)})
    try:
        with transaction.atomic():
            request = ExpertRequest.objects.create(
                agenda_item=item, expert=expert, requested_by=requested_by, message=message.strip()
            )
    except IntegrityError:
        # Another facilitator's request for this item got in first (the unique constraint).
        raise ValidationError(
            _("Someone else just asked an expert for this item. Reload the page.")
        ) from None
    notifications.tell_expert_asked(request)
    return request


def _locked(request: ExpertRequest) -> ExpertRequest:
    """The request with its agenda item locked first, then the request itself (one lock order
    for every service here), re-read inside the transaction."""
    AgendaItem.objects.select_for_update().filter(pk=request.agenda_item_id).first()
    return selectors.request_locked(pk=request.pk)


@transaction.atomic
def expert_request_answer(
    *, request: ExpertRequest, expert: "User", accept: bool, note: str = ""
) -> ExpertRequest:
    """The expert accepts (the agenda item then names her account) or declines, with an
    optional note; the facilitator is told by e-mail in their language.

    Refuses an answer by anyone but the expert, a request answered or withdrawn already (a
    second click changes nothing) and accepting for a meeting that was cancelled or is over.
    """
    request = _locked(request)
    if request.expert_id != expert.pk:
        raise ValidationError(_("Only the expert who was asked can answer this request."))
    if request.status == ExpertRequest.Status.WITHDRAWN:
        raise ValidationError(_("The facilitator withdrew this request."))
    if not request.is_open:
        raise ValidationError(
            _("You already answered this request: %(answer)s.")
            % {"answer": request.get_status_display().lower()}
        )
    refuse_too_long({"note": (note, NOTES_MAX)})
    if accept:
        _refuse_unless_ahead(request.agenda_item)
        request.agenda_item = meeting_services.agenda_item_set_expert(
            item=request.agenda_item, expert=expert
        )
    request.status = ExpertRequest.Status.ACCEPTED if accept else ExpertRequest.Status.DECLINED
    request.answer_note, request.answered_at = note.strip(), timezone.now()
    request.save(update_fields=["status", "answer_note", "answered_at"])
    notifications.tell_facilitators_answered(
        request, selectors.facilitators_to_tell(request=request)
    )
    return request


@transaction.atomic
def expert_request_withdraw(*, request: ExpertRequest) -> ExpertRequest:
    """Withdraw an open or accepted request; an expert who had accepted is taken off the item.
    The expert is told by e-mail. Refuses a request that was declined or withdrawn already."""
    request = _locked(request)
    if request.status not in ExpertRequest.LIVE:
        raise ValidationError(_("This request is no longer open."))
    was_accepted = request.status == ExpertRequest.Status.ACCEPTED
    if was_accepted and request.agenda_item.expert_id == request.expert_id:
        request.agenda_item = meeting_services.agenda_item_set_expert(
            item=request.agenda_item, expert=None
        )
    request.status, request.answered_at = ExpertRequest.Status.WITHDRAWN, timezone.now()
    request.save(update_fields=["status", "answered_at"])
    notifications.tell_expert_withdrawn(request, was_accepted)
    return request
