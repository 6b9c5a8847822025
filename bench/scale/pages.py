"""The pages the benchmark drives, with the role that sees them and their query count.

Run by run.py against the loaded database; prints one tab-separated line per page:
name, login e-mail ('' for the public), path, number of SQL queries.
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from lerendnetwerk.accounts.models import User  # noqa: E402
from lerendnetwerk.meetings.models import Meeting  # noqa: E402
from lerendnetwerk.networks.models import Network  # noqa: E402

FACILITATOR = "bench-kartrekker@schaal.example"
PARTICIPANT = "bench-deelnemer@schaal.example"
COORDINATOR = "bench-coordinator@schaal.example"


def pages() -> list[tuple[str, str, str]]:
    network = Network.objects.select_related("district__region").get(slug="ln-0")
    region = network.district.region
    meeting = Meeting.objects.filter(network=network, starts_at__gt=timezone.now()).first()
    assert meeting is not None
    return [
        ("floor (status)", "", "/status/"),
        ("district overview", "", f"/wijkoverzicht/{region.slug}/"),
        ("catalogue", "", "/handreiking/verkenning/"),
        ("network page", FACILITATOR, f"/netwerken/{network.slug}/"),
        ("meeting page", PARTICIPANT, f"/bijeenkomsten/{meeting.pk}/"),
        ("network meetings", FACILITATOR, f"/netwerken/{network.slug}/bijeenkomsten/"),
        ("coordinator overview", COORDINATOR, "/coordinatie/"),
        ("member dashboard", PARTICIPANT, "/mijn-pagina/"),
        ("my diary", PARTICIPANT, "/mijn-leerdagboek/"),
    ]


def count_queries(email: str, path: str) -> int:
    client = Client()
    if email:
        client.force_login(User.objects.get(email=email))
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return len(queries)


if __name__ == "__main__":
    for name, email, path in pages():
        print(f"{name}\t{email}\t{path}\t{count_queries(email, path)}")
