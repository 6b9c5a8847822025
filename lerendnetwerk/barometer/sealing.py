"""Sealing one member's answers while their round is open (see the docstring of models.py).

The key is derived from BAROMETER_SEAL_KEY, or else SECRET_KEY, with HKDF, so that the
barometer never uses SECRET_KEY itself; SECRET_KEY_FALLBACKS keep answers sealed before a
rotation readable. A sealed answer is padded to a length fixed per questionnaire and carries no
time: neither its length nor its token says whose answer it is.
"""

import base64
import json
from collections.abc import Iterable
from functools import cache

from cryptography.fernet import Fernet, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings

from .models import OPEN_TEXT_MAX

# (question id, value, text) per answer.
Sealed = list[tuple[int, int | None, str]]

_INFO = b"lerendnetwerk.barometer.seal.v1"
# Room for one answer in the padded payload: the id, the value and JSON's punctuation. An open
# answer adds its text, each character at most 6 bytes in JSON ("\u001f").
_PER_ANSWER = 48
_PER_CHARACTER = 6


def _fernet_key(secret: str) -> bytes:
    derived = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_INFO).derive(
        secret.encode()
    )
    return base64.urlsafe_b64encode(derived)


@cache
def _fernet(secrets: tuple[str, ...]) -> MultiFernet:
    return MultiFernet([Fernet(_fernet_key(secret)) for secret in secrets])


def _keys() -> MultiFernet:
    first = getattr(settings, "BAROMETER_SEAL_KEY", "") or settings.SECRET_KEY
    return _fernet((first, *getattr(settings, "SECRET_KEY_FALLBACKS", ())))


def padded_length(*, open_questions: int, questions: int) -> int:
    """The plaintext length of every sealed answer to a questionnaire."""
    return 2 + questions * _PER_ANSWER + open_questions * OPEN_TEXT_MAX * _PER_CHARACTER


def seal(answers: Iterable[tuple[int, int | None, str]], *, length: int) -> str:
    plain = json.dumps([list(answer) for answer in answers], ensure_ascii=False).encode()
    if len(plain) > length:  # pragma: no cover - the validation in services keeps texts short
        raise ValueError("A sealed answer is longer than its questionnaire allows.")
    # Trailing spaces are valid JSON; the time in a Fernet token is left at 0 (see above).
    token = _keys().encrypt_at_time(plain.ljust(length), current_time=0)
    return token.decode("ascii")


def unseal(payload: str) -> Sealed:
    plain = _keys().decrypt(payload.encode("ascii"))
    return [(int(question), value, str(text)) for question, value, text in json.loads(plain)]
