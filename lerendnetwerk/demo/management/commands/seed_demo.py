from typing import Any

from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction

from lerendnetwerk.accounts.models import User
from lerendnetwerk.demo.second_factor import demo_totp_device
from lerendnetwerk.demo.utrecht import COORDINATOR_EMAIL, DEMO_LOGINS, login_lines, seed_demo


class Command(BaseCommand):
    help = "Create demo organisations, people and networks in Utrecht, and five demo logins."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--password", required=True, help="Password of the five logins.")
        parser.add_argument("--seed", type=int, default=1, help="Seed for the random choices.")

    def handle(self, *args: Any, **options: Any) -> None:
        password: str = options["password"]
        with transaction.atomic():
            if User.objects.filter(email=COORDINATOR_EMAIL).exists():
                emails = [email for email, _role in DEMO_LOGINS]
                User.objects.filter(email__in=emails).update(password=make_password(password))
                demo_totp_device(User.objects.get(email=COORDINATOR_EMAIL))
                self.stdout.write("Demo data already present; the demo passwords were reset.")
            else:
                self.stdout.write(seed_demo(password=password, seed=options["seed"]))
        self.stdout.write(login_lines(password))
