"""The pages the benchmark drives (`lerendnetwerk.demo.main_pages`), with their query counts.

Run by run.py against the loaded database; prints one tab-separated line per page:
name, login e-mail ('' for the public), path, SQL queries as most visits find the page (shared
fragments cached) and with an empty cache.
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django

django.setup()

from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django_otp import DEVICE_ID_SESSION_KEY  # noqa: E402
from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: E402

from lerendnetwerk.accounts.models import User  # noqa: E402
from lerendnetwerk.accounts.roles import needs_second_factor  # noqa: E402
from lerendnetwerk.demo.main_pages import main_pages  # noqa: E402


def count_queries(client: Client, path: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return len(queries)


def client_for(email: str) -> Client:
    """A client logged in as `email` ('' for the public)."""
    client = Client()
    if email:
        user = User.objects.get(email=email)
        client.force_login(user)
        if needs_second_factor(user):
            # As after the second step (the generator gave the coordinator a TOTP device).
            session = client.session
            device = TOTPDevice.objects.get(user=user, confirmed=True)
            session[DEVICE_ID_SESSION_KEY] = device.persistent_id
            session.save()
    return client


def queries(email: str, path: str) -> tuple[int, int]:
    """(warm, cold): after a first visit, as most visits find it; then with an empty cache."""
    client = client_for(email)
    client.get(path)
    warm = count_queries(client, path)
    cache.clear()
    return warm, count_queries(client, path)


if __name__ == "__main__":
    for page in main_pages():
        warm, cold = queries(page.login, page.path)
        print(f"{page.name}\t{page.login}\t{page.path}\t{warm} ({cold})")
