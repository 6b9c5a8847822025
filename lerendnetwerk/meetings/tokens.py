"""Signed links that let a person answer one invitation without logging in."""

from django.core import signing

SALT = "lerendnetwerk.meetings.rsvp"


def rsvp_token(*, meeting_id: int, user_id: int) -> str:
    return signing.dumps([meeting_id, user_id], salt=SALT, compress=True)


def rsvp_token_read(token: str) -> tuple[int, int] | None:
    """The (meeting, person) a token was made for, or None when it was tampered with.

    The token itself does not expire; the view refuses it once the meeting has ended.
    """
    try:
        meeting_id, user_id = signing.loads(token, salt=SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    return int(meeting_id), int(user_id)
