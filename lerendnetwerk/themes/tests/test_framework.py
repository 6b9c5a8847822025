"""The UKK as data: the first version ships with the platform. It is shared by every region, so
platform editors (superusers) keep it current; coordinators read it in the admin site."""

import pytest
from django.urls import reverse

from lerendnetwerk.accounts.models import User
from lerendnetwerk.core.tests.factories import RegionFactory, UserFactory, login
from lerendnetwerk.themes.models import Chapter, FocusArea, QualityFramework

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_coordinator() -> User:
    user = UserFactory.create(name="Olga Elders", is_staff=True)
    user.coordinator_of.add(RegionFactory.create(name="Amersfoort"))
    return user


@pytest.fixture
def editor() -> User:
    return UserFactory.create(name="Pim Platform", is_staff=True, is_superuser=True)


def test_the_first_version_has_the_chapters_the_handreiking_refers_to():
    framework = QualityFramework.objects.get(is_active=True)
    chapters = list(framework.chapters.order_by("number"))
    assert [c.number for c in chapters] == [1, 2, 3, 4]
    assert "ouders" in chapters[2].title.lower()
    assert "doorgaande lijn" in chapters[3].title.lower()
    for chapter in chapters:
        assert 3 <= chapter.focus_areas.count() <= 5


def test_focus_areas_come_in_chapter_order():
    titles = [str(area.chapter.number) for area in FocusArea.objects.all()]
    assert titles == sorted(titles)


@pytest.mark.parametrize("model", ["qualityframework", "chapter", "focusarea"])
def test_coordinators_read_the_framework_in_the_admin(coordinator, participant, model):
    url = reverse(f"admin:themes_{model}_changelist")
    assert login(coordinator).get(url).status_code == 200
    assert login(participant).get(url).status_code == 302  # not staff: to the admin login


def _focus_area_form(area: FocusArea, title: str) -> dict[str, object]:
    return {
        "chapter": area.chapter_id,
        "title": title,
        "description": area.description,
        "order": area.order,
    }


def test_a_coordinator_cannot_change_the_shared_framework(other_coordinator):
    area = FocusArea.objects.first()
    assert area is not None
    http = login(other_coordinator)
    url = reverse("admin:themes_focusarea_change", args=[area.pk])
    assert http.get(url).status_code == 200
    assert http.post(url, _focus_area_form(area, "Overgenomen")).status_code == 403
    area.refresh_from_db()
    assert area.title != "Overgenomen"
    framework = QualityFramework.objects.get(is_active=True)
    framework_url = reverse("admin:themes_qualityframework_change", args=[framework.pk])
    assert http.post(framework_url, {"version": "Overgenomen"}).status_code == 403
    assert http.get(reverse("admin:themes_focusarea_add")).status_code == 403
    delete_url = reverse("admin:themes_chapter_delete", args=[area.chapter_id])
    assert http.post(delete_url, {"post": "yes"}).status_code == 403
    assert Chapter.objects.filter(pk=area.chapter_id).exists()


def test_a_platform_editor_adds_a_focus_area(editor):
    chapter = Chapter.objects.get(number=3)
    response = login(editor).post(
        reverse("admin:themes_focusarea_add"),
        {"chapter": chapter.pk, "title": "Voorlezen met ouders", "description": "", "order": 9},
    )
    assert response.status_code == 302
    assert chapter.focus_areas.filter(title="Voorlezen met ouders").exists()
