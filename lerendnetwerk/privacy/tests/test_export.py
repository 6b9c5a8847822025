import io
import json
import zipfile

import pytest
from django.urls import reverse

from lerendnetwerk.barometer.models import Participation
from lerendnetwerk.core.tests.factories import UserFactory, login
from lerendnetwerk.journal.models import JournalEntry
from lerendnetwerk.meetings.models import CalendarFeed
from lerendnetwerk.privacy.policy import POLICY
from lerendnetwerk.privacy.selectors import person_data_json
from lerendnetwerk.privacy.walk import references

from .builder import make

pytestmark = pytest.mark.django_db


def test_the_export_holds_every_exported_model_and_no_secret():
    person = UserFactory.create()
    for reference in references():
        make(reference.model, **{reference.field.name: person})
    feed = CalendarFeed.objects.get(user=person)

    data = person_data_json(user=person)["data"]

    exported = {r.model._meta.label for r in references() if POLICY[r.key].export}
    assert exported | {"accounts.User"} == set(data)
    text = json.dumps(data, default=str)
    assert feed.token not in text
    assert "password" not in data["accounts.User"]["rows"][0]
    assert data["accounts.User"]["rows"][0]["email"] == person.email


def test_the_export_is_only_about_the_person():
    person, other = UserFactory.create(), UserFactory.create()
    make(JournalEntry, author=person, text="mijn eigen regel")
    make(JournalEntry, author=other, text="van iemand anders")
    data = person_data_json(user=person)["data"]
    texts = [row["text"] for row in data["journal.JournalEntry"]["rows"]]
    assert texts == ["mijn eigen regel"]


def test_the_barometer_shows_participation_only():
    person = UserFactory.create()
    participation = make(Participation, user=person)
    rows = person_data_json(user=person)["data"]["barometer.Participation"]["rows"]
    assert rows == [
        {
            "id": participation.pk,
            "round": str(participation.round),
            "user": str(person),
            "counts": participation.counts,
        }
    ]


def test_the_download_is_a_zip_with_json_html_and_pdf():
    person = UserFactory.create(name="Fatima de Vries")
    make(JournalEntry, author=person, text="Wat ik vandaag leerde")
    response = login(person).get(reverse("privacy:export_download"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert sorted(archive.namelist()) == ["gegevens.html", "gegevens.json", "gegevens.pdf"]
    document = json.loads(archive.read("gegevens.json"))
    assert document["person"] == person.email
    assert "Wat ik vandaag leerde" in archive.read("gegevens.html").decode()
    assert archive.read("gegevens.pdf").startswith(b"%PDF")


def test_the_export_page_shows_the_data(client):
    person = UserFactory.create()
    make(JournalEntry, author=person, text="Zichtbaar op de pagina")
    response = login(person).get(reverse("privacy:export"))
    assert response.status_code == 200
    assert "Zichtbaar op de pagina" in response.content.decode()
