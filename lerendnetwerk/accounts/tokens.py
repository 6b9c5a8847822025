"""Links sent by e-mail: the one-time link in an invitation, which lives longer than a
password-reset link, and the link that confirms a new e-mail address."""

from datetime import timedelta

from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core import signing
from django.utils.crypto import constant_time_compare
from django.utils.http import base36_to_int

from .models import User

# An invitation is often read a week later (holidays, a full inbox); the mail says two weeks.
INVITATION_TIMEOUT = timedelta(days=14)


class InvitationTokenGenerator(PasswordResetTokenGenerator):
    """Like a password-reset token (void once a password is set), but valid for two weeks.

    Its own salt keeps the two apart: a reset token is no invitation token, nor the other way.
    Django checks a token's age against `PASSWORD_RESET_TIMEOUT` only, hence `check_token`.
    """

    key_salt = "lerendnetwerk.accounts.tokens.InvitationTokenGenerator"

    def check_token(self, user: User | None, token: str | None) -> bool:
        if not (user and token):
            return False
        timestamp, _, _ = token.partition("-")
        try:
            made_at = base36_to_int(timestamp)
        except ValueError:
            return False
        if self._num_seconds(self._now()) - made_at > INVITATION_TIMEOUT.total_seconds():
            return False
        return any(
            constant_time_compare(self._make_token_with_timestamp(user, made_at, secret), token)
            for secret in [self.secret, *self.secret_fallbacks]
        )


invitation_token_generator = InvitationTokenGenerator()


# --- Changing one's e-mail address -------------------------------------------------------------

EMAIL_CHANGE_TIMEOUT = timedelta(days=3)
_EMAIL_CHANGE_SALT = "lerendnetwerk.accounts.email_change"


def email_change_token(*, user: User, new_email: str) -> str:
    """A signed token for the link sent to the new address: who, from which address, to which.

    Carrying the old address makes the link single-use: once the address has changed (by this
    link or another), the token no longer matches the account.
    """
    return signing.dumps(
        {"user": user.pk, "old": user.email, "new": new_email}, salt=_EMAIL_CHANGE_SALT
    )


def email_change_read(token: str) -> tuple[int, str, str] | None:
    """The user id, old and new address of a valid, unexpired token; None otherwise."""
    try:
        data = signing.loads(token, salt=_EMAIL_CHANGE_SALT, max_age=EMAIL_CHANGE_TIMEOUT)
    except signing.BadSignature:  # also SignatureExpired
        return None
    return int(data["user"]), str(data["old"]), str(data["new"])
