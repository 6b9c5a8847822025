"""Permission-matrix rows of networks that are about the person themselves: leaving a network
(only a member), answering an invitation to one (only the invited person), a manager's
commitment (only the manager) and inviting a manager (the facilitator, the coordinator)."""

from typing import Any

from lerendnetwerk.core.tests.permissions import LOGIN, REDIRECT, ROLES, Row, network, only
from lerendnetwerk.networks.models import MembershipInvitation

NOT_FOUND = 404


def build(w: Any) -> None:
    # The outsider (a member of another network) is invited to the matrix's network.
    w.network_invitation = MembershipInvitation.objects.create(
        network=w.network, email=w.people["outsider"].email, role="participant"
    )


def invitation(w: Any) -> dict[str, Any]:
    return {"pk": w.network_invitation.pk}


ROWS: dict[str, Row] = {
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
