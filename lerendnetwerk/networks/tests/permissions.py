"""Permission-matrix rows of networks that are about the person themselves: leaving a network
(only a member), answering an invitation to one (only the invited person), a manager's
commitment (only the manager) and inviting a manager (the facilitator, the coordinator); and the
region's facilitators' network, which the coordinator starts and leads."""

from typing import Any

from lerendnetwerk.core.tests.permissions import LOGIN, REDIRECT, ROLES, Row, network, only
from lerendnetwerk.networks import services
from lerendnetwerk.networks.models import MembershipInvitation

NOT_FOUND = 404


def build(w: Any) -> None:
    # The outsider (a member of another network) is invited to the matrix's network.
    w.network_invitation = MembershipInvitation.objects.create(
        network=w.network, email=w.people["outsider"].email, role="participant"
    )
    # Utrecht's facilitators' network, led by the coordinator (so starting another redirects).
    w.facilitators_network = services.facilitators_network_create(
        district=w.network.district, created_by=w.people["coordinator"], name="Kartrekkers"
    )


def facilitators_network(w: Any) -> dict[str, Any]:
    return {"slug": w.facilitators_network.slug}


def invitation(w: Any) -> dict[str, Any]:
    return {"pk": w.network_invitation.pk}


ROWS: dict[str, Row] = {
    # Utrecht has its facilitators' network already: the coordinator is sent to the overview.
    "networks:facilitators_create": ("get", None, only("coordinator", granted=REDIRECT)),
    # The matrix's facilitator leads another network and is not (yet) in this one.
    "networks:facilitators_invite": ("get", facilitators_network, only("coordinator")),
    # The matrix's manager has a commitment to the network (the world fixture records it).
    "networks:commitment_confirm": ("get", network, only("manager")),
    "networks:manager_invite": ("get", network, only("facilitator", "coordinator")),
    # Only a member can leave; the coordinator and a committed manager are no members.
    "networks:leave": ("get", network, only("participant", "facilitator")),
    "networks:invitation_answer": (
        "post",
        invitation,
        {
            role: REDIRECT if role == "outsider" else (LOGIN if role == "anonymous" else NOT_FOUND)
            for role in ROLES
        },
    ),
}
