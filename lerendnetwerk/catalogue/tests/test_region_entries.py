"""A region's own work forms, instruments and tips: its coordinators add, change and delete
them on the catalogue's pages; the shared Handbook stays read-only there; the region's networks
find them beside the Handbook's, and the public pages mark them as the region's."""

import io
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from lerendnetwerk.accounts.models import User
from lerendnetwerk.catalogue import selectors, services
from lerendnetwerk.catalogue.models import Entry, Topic
from lerendnetwerk.core.models import AuditEntry
from lerendnetwerk.core.tests.factories import (
    DistrictFactory,
    NetworkFactory,
    RegionFactory,
    UserFactory,
    login,
)
from lerendnetwerk.meetings import selectors as meeting_selectors
from lerendnetwerk.meetings.models import AgendaItem, Meeting
from lerendnetwerk.regions.models import Region
from lerendnetwerk.transfer import selectors as transfer_selectors

pytestmark = pytest.mark.django_db


@pytest.fixture
def amersfoort() -> Region:
    return RegionFactory.create(name="Amersfoort", slug="amersfoort")


@pytest.fixture
def other_coordinator(amersfoort: Region) -> User:
    user = UserFactory.create(name="Olga Elders", is_staff=True)
    user.coordinator_of.add(amersfoort)
    return user


@pytest.fixture
def kennismaken() -> Topic:
    return Topic.objects.get(slug="kennismaken")


def _add(region: Region, topic: Topic, title: str = "Wijkwandeling") -> Entry:
    return services.region_entry_add(
        region=region,
        topic=topic,
        kind=Entry.Kind.ACTIVITY,
        title=title,
        summary="Samen door de wijk lopen en vertellen wat je ziet.",
    )


def _form(topic: Topic, **changes: str) -> dict[str, object]:
    return {
        "kind": "activity",
        "topic": topic.pk,
        "title": "Wijkwandeling",
        "summary": "Samen door de wijk lopen.",
        **changes,
    }


def test_a_coordinator_adds_a_work_form_that_the_public_catalogue_marks_as_the_regions(
    coordinator, utrecht, kennismaken, client
):
    http = login(coordinator)
    response = http.post(
        reverse("catalogue:region_entry_add", args=["utrecht"]), _form(kennismaken)
    )
    assert response.status_code == 302
    entry = Entry.objects.get(region=utrecht)
    assert (entry.title, entry.topic, entry.kind) == ("Wijkwandeling", kennismaken, "activity")
    assert entry.slug == "utrecht-wijkwandeling"
    listed = http.get(reverse("catalogue:region_entries", args=["utrecht"]))
    assert "Wijkwandeling" in listed.content.decode()
    # The audit log has it, as it has admin changes.
    audit = AuditEntry.objects.get(model="catalogue.entry", object_id=str(entry.pk))
    assert (audit.user, audit.action) == (coordinator, "add")

    stage = client.get(reverse("catalogue:stage", args=["verkenning"])).content.decode()
    assert "Wijkwandeling" in stage and "Van de gemeente Utrecht" in stage
    page = client.get(reverse("catalogue:entry", args=["verkenning", entry.slug]))
    assert "Niet uit de Handreiking" in page.content.decode()


def test_the_form_keeps_what_was_typed_when_something_is_missing(coordinator, kennismaken):
    response = login(coordinator).post(
        reverse("catalogue:region_entry_add", args=["utrecht"]),
        _form(kennismaken, title="", summary="Mijn beschrijving blijft staan."),
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "Mijn beschrijving blijft staan." in content
    assert 'id="id_title_error"' in content or "Geef het onderdeel een titel" in content
    assert not Entry.objects.filter(region__isnull=False).exists()


def test_pitfalls_and_prerequisites_stay_the_handbooks(utrecht, kennismaken):
    with pytest.raises(ValidationError) as refusal:
        services.region_entry_add(
            region=utrecht, topic=kennismaken, kind="pitfall", title="X", summary="Y"
        )
    assert "kind" in refusal.value.error_dict


def test_a_coordinator_changes_and_deletes_an_entry_of_their_region(
    coordinator, utrecht, kennismaken, network
):
    entry = _add(utrecht, kennismaken)
    starts = timezone.now() + timedelta(days=3)
    meeting = Meeting.objects.create(
        network=network,
        cycle=network.current_cycle,
        title="Bijeenkomst",
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
    )
    item = AgendaItem.objects.create(
        meeting=meeting, entry=entry, title=entry.title, duration_minutes=20, lead="facilitator"
    )
    http = login(coordinator)
    edit = reverse("catalogue:region_entry_edit", args=["utrecht", entry.pk])
    assert http.get(edit).context["form"]["title"].value() == "Wijkwandeling"
    assert http.post(edit, _form(kennismaken, title="Buurtwandeling")).status_code == 302
    entry.refresh_from_db()
    assert (entry.title, entry.slug) == ("Buurtwandeling", "utrecht-wijkwandeling")

    delete = reverse("catalogue:region_entry_delete", args=["utrecht", entry.pk])
    assert http.get(delete).status_code == 200
    assert http.post(delete).status_code == 302
    assert not Entry.objects.filter(pk=entry.pk).exists()
    item.refresh_from_db()
    assert (item.entry, item.title) == (None, "Wijkwandeling")
    actions = set(
        AuditEntry.objects.filter(object_id=str(entry.pk)).values_list("action", flat=True)
    )
    assert actions == {"change", "delete"}


def test_the_shared_handbook_is_read_only_on_these_pages(coordinator, utrecht):
    shared = Entry.objects.filter(region__isnull=True).first()
    assert shared is not None
    http = login(coordinator)
    for name in ("catalogue:region_entry_edit", "catalogue:region_entry_delete"):
        url = reverse(name, args=["utrecht", shared.pk])
        assert http.get(url).status_code == 404
        assert http.post(url, {"title": "Anders"}).status_code == 404
    with pytest.raises(ValidationError):
        services.region_entry_delete(entry=shared)
    with pytest.raises(ValidationError):
        services.region_entry_update(
            entry=shared, topic=shared.topic, kind="activity", title="Anders", summary="Anders"
        )
    shared.refresh_from_db()
    assert shared.title != "Anders"


def test_another_regions_coordinator_cannot_reach_utrechts_entries(
    other_coordinator, utrecht, amersfoort, kennismaken, participant
):
    entry = _add(utrecht, kennismaken)
    http = login(other_coordinator)
    assert http.get(reverse("catalogue:region_entries", args=["utrecht"])).status_code == 403
    add = reverse("catalogue:region_entry_add", args=["utrecht"])
    assert http.post(add, _form(kennismaken)).status_code == 403
    # Under their own region's address, Utrecht's entry does not exist.
    for name in ("catalogue:region_entry_edit", "catalogue:region_entry_delete"):
        assert http.post(reverse(name, args=["amersfoort", entry.pk])).status_code == 404
        assert http.post(reverse(name, args=["utrecht", entry.pk])).status_code == 403
    assert Entry.objects.filter(pk=entry.pk, title="Wijkwandeling").exists()
    assert (
        login(participant).get(reverse("catalogue:region_entries", args=["utrecht"])).status_code
        == 403
    )
    assert http.get(reverse("catalogue:region_entries", args=["nergens"])).status_code == 404


def test_a_regions_networks_plan_with_its_own_entries_and_no_other_regions(
    utrecht, amersfoort, kennismaken, network
):
    own = _add(utrecht, kennismaken)
    theirs = _add(amersfoort, kennismaken, title="Stadswandeling")
    agenda = meeting_selectors.agenda_entries(phase="exploration", region_id=utrecht.pk)
    assert own.pk in agenda.by_pk and theirs.pk not in agenda.by_pk
    assert len(agenda.by_pk) > 1  # the shared Handbook's are there too
    transfer = transfer_selectors.work_form_choices(phase="exploration", region_id=utrecht.pk)
    offered = {pk for _label, options in transfer for pk, _title in options}
    assert own.pk in offered and theirs.pk not in offered
    assert transfer_selectors.work_forms_by_pk(pks=[theirs.pk], region_id=utrecht.pk) == []
    # The phase guidance suggests them too (per region, cached).
    topics = selectors.topics_of_stages(stages=["exploration"], region_id=utrecht.pk)
    suggested = {e.pk for topic in topics for e in topic.entries.all()}
    assert own.pk in suggested and theirs.pk not in suggested
    elsewhere = NetworkFactory.create(district=DistrictFactory.create(region=amersfoort))
    topics = selectors.topics_of_stages(
        stages=["exploration"], region_id=elsewhere.district.region_id
    )
    suggested = {e.pk for topic in topics for e in topic.entries.all()}
    assert theirs.pk in suggested and own.pk not in suggested


def test_the_agenda_form_offers_the_regions_work_form(facilitator, network, utrecht, kennismaken):
    own = _add(utrecht, kennismaken)
    starts = timezone.now() + timedelta(days=3)
    meeting = Meeting.objects.create(
        network=network,
        cycle=network.current_cycle,
        title="Bijeenkomst",
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
    )
    page = login(facilitator).get(reverse("meetings:agenda", args=[meeting.pk]))
    assert page.status_code == 200
    assert own.title in page.content.decode()


def test_loading_the_data_file_leaves_the_regions_entries_alone(utrecht, kennismaken):
    entry = _add(utrecht, kennismaken)
    shared = Entry.objects.filter(region__isnull=True).count()
    call_command("load_catalogue", stdout=io.StringIO())
    entry.refresh_from_db()
    assert (entry.region, entry.title, entry.topic) == (utrecht, "Wijkwandeling", kennismaken)
    assert Entry.objects.filter(region__isnull=True).count() == shared


def test_the_same_title_twice_gets_two_addresses(utrecht, amersfoort, kennismaken):
    first, second = _add(utrecht, kennismaken), _add(utrecht, kennismaken)
    third = _add(amersfoort, kennismaken)
    assert [first.slug, second.slug, third.slug] == [
        "utrecht-wijkwandeling",
        "utrecht-wijkwandeling-2",
        "amersfoort-wijkwandeling",
    ]
    last_shared = max(
        Entry.objects.filter(topic=kennismaken, region__isnull=True).values_list("order", flat=True)
    )
    assert first.order > last_shared
