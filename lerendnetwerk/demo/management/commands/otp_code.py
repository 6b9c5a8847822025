from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from lerendnetwerk.accounts.models import User
from lerendnetwerk.demo.second_factor import DEMO_TOTP_KEY


class Command(BaseCommand):
    help = (
        "Print the current second-factor code of a person's TOTP app: for the demo and for "
        "development (DEBUG) only."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email")

    def handle(self, *args: Any, **options: Any) -> None:
        email = User.objects.normalize_email(options["email"])
        device = TOTPDevice.objects.filter(user__email=email, confirmed=True).first()
        if device is None:
            raise CommandError(f"{email} has no TOTP app set up.")
        # In production a code from the server would make the second factor worthless; the
        # demo's key is public anyway.
        if not settings.DEBUG and device.key != DEMO_TOTP_KEY:
            raise CommandError("Only with DEBUG=1 or for the demo coordinator.")
        code = totp(device.bin_key, t0=device.t0, step=device.step, digits=device.digits)
        self.stdout.write(f"{code:0{device.digits}d}")
