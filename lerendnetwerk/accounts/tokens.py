"""The one-time link in an invitation, which lives longer than a password-reset link."""

from datetime import timedelta

from django.contrib.auth.tokens import PasswordResetTokenGenerator
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
