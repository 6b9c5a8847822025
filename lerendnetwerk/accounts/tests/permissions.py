"""Permission-matrix rows for answering a role invitation: only the invited person."""

from typing import Any

from lerendnetwerk.accounts.models import RoleInvitation
from lerendnetwerk.core.tests.permissions import LOGIN, REDIRECT, ROLES, Row

NOT_FOUND = 404


def build(w: Any) -> None:
    w.role_invitation = RoleInvitation.objects.create(
        user=w.people["outsider"], role=RoleInvitation.Role.EXPERT
    )


def invitation(w: Any) -> dict[str, Any]:
    return {"pk": w.role_invitation.pk}


ROWS: dict[str, Row] = {
    "accounts:role_invitation_answer": (
        "post",
        invitation,
        {
            role: REDIRECT if role == "outsider" else (LOGIN if role == "anonymous" else NOT_FOUND)
            for role in ROLES
        },
    ),
}
