"""Permission-matrix rows for answering an invitation to a network: only the invited person."""

from typing import Any

from lerendnetwerk.core.tests.permissions import LOGIN, REDIRECT, ROLES, Row
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
    "networks:invitation_answer": (
        "post",
        invitation,
        {
            role: REDIRECT if role == "outsider" else (LOGIN if role == "anonymous" else NOT_FOUND)
            for role in ROLES
        },
    ),
}
