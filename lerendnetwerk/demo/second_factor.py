"""The demo's and the benchmark's second factor: a TOTP key everyone knows.

Public on purpose: these logins are for trying out and measuring, and `manage.py otp_code`
prints the current code (base32 JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP in an authenticator app).
"""

from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from lerendnetwerk.accounts.models import User

DEMO_TOTP_KEY = "48656c6c6f21deadbeef48656c6c6f21deadbeef"


def demo_totp_device(user: User) -> TOTPDevice:
    device, _created = TOTPDevice.objects.update_or_create(
        user=user, name="Demo", defaults={"key": DEMO_TOTP_KEY, "confirmed": True}
    )
    return device


def demo_code(drift: int = 0) -> str:
    """The demo key's code now (drift 1: the next one)."""
    return f"{totp(bytes.fromhex(DEMO_TOTP_KEY), drift=drift):06d}"
