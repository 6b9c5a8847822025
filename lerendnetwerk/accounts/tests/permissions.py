"""Permission-matrix rows for a person's own profile (everyone logged in has one) and for
answering a role invitation (only the invited person)."""

from typing import Any

from lerendnetwerk.accounts.models import RoleInvitation
from lerendnetwerk.core.tests.permissions import ALL_OK, LOGGED_IN, LOGIN, REDIRECT, ROLES, Row

NOT_FOUND = 404


def build(w: Any) -> None:
    w.role_invitation = RoleInvitation.objects.create(
        user=w.people["outsider"], role=RoleInvitation.Role.EXPERT
    )


def invitation(w: Any) -> dict[str, Any]:
    return {"pk": w.role_invitation.pk}


ROWS: dict[str, Row] = {
    "accounts:profile": ("get", None, LOGGED_IN),
    # A POST without an address: the profile comes back with the error.
    "accounts:email_change": ("post", None, LOGGED_IN),
    # The link from the e-mail is the proof; a bad one shows the page, and refuses on POST.
    "accounts:email_confirm": ("get", lambda w: {"token": "bad-token"}, ALL_OK),
    "accounts:password_change": ("get", None, LOGGED_IN),
    "accounts:role_invitation_answer": (
        "post",
        invitation,
        {
            role: REDIRECT if role == "outsider" else (LOGIN if role == "anonymous" else NOT_FOUND)
            for role in ROLES
        },
    ),
}
