"""The catalogue is shared by every region: platform editors (superusers) change it, coordinators
of any region read it in the admin site but cannot change it."""

import pytest
from django.urls import reverse

from lerendnetwerk.accounts.models import User
from lerendnetwerk.catalogue.models import Entry, Source, SourceReference, Topic
from lerendnetwerk.core.tests.factories import RegionFactory, UserFactory, login

pytestmark = pytest.mark.django_db
REFERENCES = SourceReference._meta.get_field("entry").related_query_name()


@pytest.fixture
def other_coordinator() -> User:
    user = UserFactory.create(name="Olga Elders", is_staff=True)
    user.coordinator_of.add(RegionFactory.create(name="Amersfoort"))
    return user


@pytest.fixture
def editor() -> User:
    return UserFactory.create(name="Pim Platform", is_staff=True, is_superuser=True)


def _entry_form(entry: Entry, title: str) -> dict[str, object]:
    return {
        "title": title,
        "slug": entry.slug,
        "kind": entry.kind,
        "topic": entry.topic_id,
        "summary": entry.summary,
        "order": entry.order,
        f"{REFERENCES}-TOTAL_FORMS": 0,
        f"{REFERENCES}-INITIAL_FORMS": 0,
    }


def test_a_coordinator_reads_but_cannot_change_the_shared_catalogue(other_coordinator):
    entry = Entry.objects.first()
    assert entry is not None
    http = login(other_coordinator)
    url = reverse("admin:catalogue_entry_change", args=[entry.pk])
    assert http.get(url).status_code == 200
    assert http.post(url, _entry_form(entry, "Overgenomen")).status_code == 403
    entry.refresh_from_db()
    assert entry.title != "Overgenomen"
    assert http.get(reverse("admin:catalogue_entry_add")).status_code == 403
    assert http.post(reverse("admin:catalogue_entry_delete", args=[entry.pk])).status_code == 403
    assert Entry.objects.filter(pk=entry.pk).exists()


@pytest.mark.parametrize(("model", "admin_name"), [(Topic, "topic"), (Source, "source")])
def test_a_coordinator_cannot_change_topics_or_sources(other_coordinator, model, admin_name):
    obj = model.objects.first()
    url = reverse(f"admin:catalogue_{admin_name}_change", args=[obj.pk])
    http = login(other_coordinator)
    assert http.get(url).status_code == 200
    assert http.post(url, {"title": "Overgenomen"}).status_code == 403
    obj.refresh_from_db()
    assert obj.title != "Overgenomen"


def test_a_platform_editor_changes_the_catalogue(editor):
    entry = Entry.objects.first()
    assert entry is not None
    url = reverse("admin:catalogue_entry_change", args=[entry.pk])
    response = login(editor).post(url, _entry_form(entry, "Nieuwe titel"))
    assert response.status_code == 302, response.content
    entry.refresh_from_db()
    assert entry.title == "Nieuwe titel"
