"""Give the demo data's people one known password and list who plays which role in the load test.

Run inside the load database only (`run.py` does): it overwrites every password.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/lerendnetwerk_load \
        uv run python bench/load/prepare.py bench/load/people.json
"""

import json
import os
import sys
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django.setup()

from django.contrib.auth.hashers import make_password  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from lerendnetwerk.accounts.models import User  # noqa: E402
from lerendnetwerk.demo.second_factor import DEMO_TOTP_KEY, demo_totp_device  # noqa: E402
from lerendnetwerk.meetings.models import Meeting  # noqa: E402
from lerendnetwerk.networks.models import Membership, Network  # noqa: E402

PASSWORD = "load-wachtwoord"  # noqa: S105 - the load database's throw-away logins
# A TOTP code is accepted once per account, so each simulated coordinator needs its own account.
COORDINATORS = 3


def main(out: Path) -> None:
    User.objects.update(password=make_password(PASSWORD))
    upcoming: dict[int, list[str]] = {}
    for meeting_id, network_id in Meeting.objects.filter(
        starts_at__gt=timezone.now(), status=Meeting.Status.SCHEDULED
    ).values_list("pk", "network_id"):
        upcoming.setdefault(network_id, []).append(reverse("meetings:detail", args=[meeting_id]))
    networks = {
        pk: (slug, region)
        for pk, slug, region in Network.objects.values_list("pk", "slug", "district__region__slug")
    }
    people: dict[str, list[dict[str, object]]] = {"participant": [], "facilitator": []}
    for email, network_id, role in Membership.objects.active().values_list(
        "user__email", "network_id", "role"
    ):
        slug, _region = networks[network_id]
        people[role].append(
            {
                "email": email,
                "network": reverse("pages:network", args=[slug]),
                "meetings_list": reverse("meetings:network", args=[slug]),
                "signals": reverse("signals:network", args=[slug]),
                "meetings": upcoming.get(network_id, []),
            }
        )
    demo = User.objects.filter(coordinator_of__isnull=False).first()
    assert demo is not None, "the demo data has a coordinator"
    regions = list(demo.coordinator_of.all())
    coordinators = [demo]
    for number in range(1, COORDINATORS):
        extra, _created = User.objects.get_or_create(
            email=f"coordinator-{number}@load.example.org",
            defaults={"name": f"Coordinator {number}", "password": make_password(PASSWORD)},
        )
        extra.coordinator_of.set(regions)
        coordinators.append(extra)
    for coordinator in coordinators:
        demo_totp_device(coordinator)
    people["coordinator"] = [
        {"email": coordinator.email, "totp_key": DEMO_TOTP_KEY} for coordinator in coordinators
    ]
    people["visitor"] = [
        {
            "region": reverse("public:region", args=[region]),
            "public": reverse("public:network", args=[region, slug]),
        }
        for slug, region in networks.values()
    ]
    out.write_text(json.dumps({"password": PASSWORD, "people": people}, indent=1))
    print({role: len(rows) for role, rows in people.items()})


if __name__ == "__main__":
    main(Path(sys.argv[1]))
