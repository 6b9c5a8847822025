"""Permission-matrix rows for buddies and rotating groups, mentors and peer consultation."""

from datetime import timedelta
from typing import Any

from django.utils import timezone

from lerendnetwerk.core.tests.factories import make_facilitator
from lerendnetwerk.core.tests.permissions import LOGIN, REDIRECT, ROLES, Row, network, only
from lerendnetwerk.groups import services

READERS = ("participant", "facilitator", "coordinator")
NOT_FOUND = 404


def build(w: Any) -> None:
    w.rotation = services.rotation_plan(
        network=w.network,
        name="Tafels",
        group_size=2,
        rounds=1,
        created_by=w.people["facilitator"],
    )
    # The matrix's facilitator mentors a new facilitator of Utrecht, and they plan a peer
    # consultation about the mentor's case.
    newcomer = make_facilitator(w.network)
    w.mentorship = services.mentorship_start(
        region=w.network.district.region,
        mentor=w.people["facilitator"],
        mentee=newcomer,
        paired_by=w.people["coordinator"],
    )
    w.consultation = services.consultation_plan(
        planned_by=w.people["facilitator"],
        others=[newcomer],
        starts_at=timezone.now() + timedelta(days=7),
        place="Utrecht",
        case_title="Een stil netwerk",
        case_description="Niemand zegt iets in de bijeenkomst.",
    )


def mentorship(w: Any) -> dict[str, Any]:
    return {"pk": w.mentorship.pk}


def consultation(w: Any) -> dict[str, Any]:
    return {"pk": w.consultation.pk}


# A consultation is its participants' alone (here the matrix's facilitator and the newcomer):
# to anyone else it does not exist.
PARTICIPANT_ONLY = {
    role: 200 if role == "facilitator" else (LOGIN if role == "anonymous" else NOT_FOUND)
    for role in ROLES
}


def rotation(w: Any) -> dict[str, Any]:
    return {"slug": w.network.slug, "pk": w.rotation.pk}


ROWS: dict[str, Row] = {
    "groups:overview": ("get", network, only(*READERS)),
    "groups:buddies": ("get", network, only("facilitator")),
    "groups:rotation_create": ("get", network, only("facilitator")),
    "groups:rotation": ("get", rotation, only(*READERS)),
    "groups:cards": ("get", rotation, only(*READERS)),
    "groups:rotation_replan": ("post", rotation, only("facilitator", granted=REDIRECT)),
    # For facilitators (and those in a pairing or the facilitators' network) and coordinators;
    # the coordinator leads Utrecht's facilitators' network (networks/tests/permissions.py).
    "groups:mentoring": ("get", None, only("facilitator", "coordinator")),
    "groups:mentorship_create": ("get", None, only("coordinator")),
    "groups:mentorship_end": ("post", mentorship, only("coordinator", granted=REDIRECT)),
    "groups:consultation_plan": ("get", None, only("facilitator", "coordinator")),
    "groups:consultation": ("get", consultation, PARTICIPANT_ONLY),
    # The facilitator brought the case in: they may change it.
    "groups:consultation_case": ("get", consultation, PARTICIPANT_ONLY),
    "groups:consultation_afterwards": ("get", consultation, PARTICIPANT_ONLY),
    "groups:consultation_cancel": (
        "post",
        consultation,
        {**PARTICIPANT_ONLY, "facilitator": REDIRECT},
    ),
}
