"""Fifty people at once, over the roles, reading and writing (issue 14's load scenario).

Participants and facilitators log in, open their pages, answer meetings and write in their
diary; the coordinator follows the region; visitors browse the public pages. Each simulated
person takes the next account from `people.json` (written by `prepare.py`), so writes spread
over many accounts and networks as they would in a real district.

    uv run --group bench locust -f bench/load/locustfile.py --headless -u 50 -r 5 -t 5m \
        --host http://127.0.0.1:8112

`run.py` does all of it (database, demo data, gunicorn) and prints the table.
"""

import itertools
import json
import os
import random
import re
from datetime import date
from pathlib import Path
from typing import Any

from django_otp.oath import totp
from locust import HttpUser, between, task

DATA = json.loads(
    Path(os.environ.get("LOAD_PEOPLE", Path(__file__).with_name("people.json"))).read_text()
)
PASSWORD = DATA["password"]
NEXT = {role: itertools.cycle(rows) for role, rows in DATA["people"].items()}
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class Person(HttpUser):
    abstract = True
    # People read a page before they click on: a few seconds, not a hammering loop.
    wait_time = between(1, 4)
    role = ""

    def on_start(self) -> None:
        self.me: dict[str, Any] = next(NEXT[self.role])
        if "email" in self.me:
            self.post_form(
                "/account/inloggen/",
                {"username": self.me["email"], "password": PASSWORD},
                name="login",
            )
        if "totp_key" in self.me:
            # Coordinators give the code from their app; the load data's key is known.
            code = totp(bytes.fromhex(self.me["totp_key"]))
            self.post_form("/account/tweede-stap/", {"code": f"{code:06d}"}, name="second step")

    def post_form(self, path: str, data: dict[str, str], *, name: str, form_path: str = "") -> None:
        """GET the form for its CSRF token, then POST it like a browser (with a Referer)."""
        page = self.client.get(form_path or path, name=f"{name} (form)")
        token = CSRF.search(page.text)
        if token is None:
            page.failure("no CSRF token on the form")
            return
        with self.client.post(
            path,
            {**data, "csrfmiddlewaretoken": token.group(1)},
            headers={"Referer": self.host + (form_path or path)},
            name=name,
            catch_response=True,
        ) as response:
            # A successful form redirects; a 200 means the form came back with errors.
            if response.history and response.history[0].status_code == 302:
                response.success()
            else:
                response.failure(f"form not accepted ({response.status_code})")


class Member(Person):
    abstract = True

    @task(4)
    def dashboard(self) -> None:
        self.client.get("/mijn-pagina/", name="member dashboard")

    @task(3)
    def network(self) -> None:
        self.client.get(self.me["network"], name="network page")

    @task(3)
    def meeting(self) -> None:
        if self.me["meetings"]:
            self.client.get(random.choice(self.me["meetings"]), name="meeting page")

    @task(2)
    def answer_meeting(self) -> None:
        if not self.me["meetings"]:
            return
        meeting = random.choice(self.me["meetings"])
        coming = random.random() < 0.8
        self.post_form(
            meeting + "antwoord/",
            {"answer": "accepted" if coming else "declined", "reason": "" if coming else "Ziek"},
            name="answer a meeting",
            form_path=meeting,
        )

    @task(2)
    def diary(self) -> None:
        self.client.get("/mijn-leerdagboek/", name="my diary")

    @task(1)
    def write_diary(self) -> None:
        self.post_form(
            "/mijn-leerdagboek/nieuw/",
            {
                "written_on": date.today().isoformat(),
                "text": "Vandaag geoefend met de doorgaande lijn in de kring.",
                "visibility": "private",
            },
            name="write a diary entry",
        )

    @task(1)
    def catalogue(self) -> None:
        self.client.get("/handreiking/verkenning/", name="catalogue")


class Participant(Member):
    weight = 34
    role = "participant"


class Facilitator(Member):
    weight = 10
    role = "facilitator"

    @task(3)
    def meetings(self) -> None:
        self.client.get(self.me["meetings_list"], name="network meetings")

    @task(2)
    def signals(self) -> None:
        self.client.get(self.me["signals"], name="network signals")


class Coordinator(Person):
    weight = 3
    role = "coordinator"

    @task(3)
    def overview(self) -> None:
        self.client.get("/coordinatie/", name="coordinator overview")

    @task(2)
    def signals(self) -> None:
        self.client.get("/coordinatie/signalen/", name="signals per region")

    @task(1)
    def barometer(self) -> None:
        self.client.get("/coordinatie/netwerkbarometer/", name="barometer per region")


class Visitor(Person):
    weight = 3
    role = "visitor"

    @task(2)
    def region(self) -> None:
        self.client.get(self.me["region"], name="district overview")

    @task(2)
    def public_network(self) -> None:
        self.client.get(self.me["public"], name="public network page")

    @task(1)
    def catalogue(self) -> None:
        self.client.get("/handreiking/verkenning/", name="catalogue")
