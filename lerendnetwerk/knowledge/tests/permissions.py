"""Permission-matrix rows for the knowledge pages (see core/tests/permissions.py)."""

from datetime import timedelta
from typing import Any

from django.utils import timezone

from lerendnetwerk.core.tests.permissions import ALL_OK, REDIRECT, ROLES, Row, only
from lerendnetwerk.knowledge import services
from lerendnetwerk.meetings import services as meeting_services
from lerendnetwerk.regions.models import Region

# The matrix's manager leads a preschool in the network's district; the coordinator coordinates
# Utrecht. Both look after that preschool's offer.
OFFER_KEEPERS = ("manager", "coordinator")


def build(w: Any) -> None:
    utrecht = Region.objects.get(slug="utrecht")
    manager, expert = w.people["manager"], w.people["expert"]
    w.offer = services.offer_create(
        organisation=manager.organisation,
        created_by=manager,
        title="Interactief voorlezen",
        description="Onze pedagogisch medewerkers laten zien hoe zij voorlezen.",
        focus_areas=[],
        contact_name="Petra Peuter",
        contact_role="Pedagogisch coach",
        contact_email="petra@example.org",
        show_contact_email=False,
        status="published",
    )
    w.expert_profile = services.expert_profile_save(
        user=expert,
        expertise="Taalontwikkeling",
        institute="Hogeschool Utrecht",
        focus_areas=[],
        regions=[utrecht],
        availability="",
        how_to_ask="",
        is_public=True,
    )
    starts = timezone.now() + timedelta(days=10)
    meeting = meeting_services.meeting_schedule(
        network=w.network,
        title="Voorlezen",
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        address="Utrecht",
        created_by=w.people["facilitator"],
    )
    asked = meeting_services.agenda_item_add(
        meeting=meeting, title="Input over voorlezen", duration_minutes=30, lead="facilitator"
    )
    w.open_item = meeting_services.agenda_item_add(
        meeting=meeting,
        title="Oefenen in tweetallen",
        duration_minutes=30,
        lead="member",
        lead_user=w.people["participant"],
    )
    w.expert_request = services.expert_request_create(
        item=asked, expert=expert, requested_by=w.people["facilitator"], message=""
    )


def public(attribute: str = "") -> Any:
    def kwargs(w: Any) -> dict[str, Any]:
        found: dict[str, Any] = {"region_slug": "utrecht"}
        if attribute:
            found["pk"] = getattr(w, attribute).pk
        return found

    return kwargs


def offer(w: Any) -> dict[str, Any]:
    return {"pk": w.offer.pk}


def expert_request(w: Any) -> dict[str, Any]:
    return {"pk": w.expert_request.pk}


def open_item(w: Any) -> dict[str, Any]:
    return {"pk": w.open_item.meeting_id, "item_id": w.open_item.pk}


ROWS: dict[str, Row] = {
    # With one region, these are its lists (the catalogue links here).
    "knowledge:offers_home": ("get", None, dict.fromkeys(ROLES, REDIRECT)),
    "knowledge:experts_home": ("get", None, dict.fromkeys(ROLES, REDIRECT)),
    "knowledge:offers": ("get", public(), ALL_OK),
    "knowledge:offer": ("get", public("offer"), ALL_OK),
    "knowledge:offer_contact": ("get", public("offer"), ALL_OK),
    "knowledge:experts": ("get", public(), ALL_OK),
    "knowledge:expert": ("get", public("expert_profile"), ALL_OK),
    "knowledge:expert_contact": ("get", public("expert_profile"), ALL_OK),
    "knowledge:offers_manage": ("get", None, only(*OFFER_KEEPERS)),
    "knowledge:offer_create": ("get", None, only(*OFFER_KEEPERS)),
    "knowledge:offer_edit": ("get", offer, only(*OFFER_KEEPERS)),
    "knowledge:offer_delete": ("get", offer, only(*OFFER_KEEPERS)),
    # Only the expert herself; a facilitator asks, nobody else reads her requests.
    "knowledge:expert_home": ("get", None, only("expert")),
    "knowledge:expert_profile": ("get", None, only("expert")),
    "knowledge:request_answer": ("get", expert_request, only("expert")),
    "knowledge:request_create": ("get", open_item, only("facilitator")),
    "knowledge:request_withdraw": ("post", expert_request, only("facilitator", granted=REDIRECT)),
}
