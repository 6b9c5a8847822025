"""The UKK as data: the first version ships with the platform, coordinators keep it current."""

import pytest
from django.urls import reverse

from lerendnetwerk.core.tests.factories import login
from lerendnetwerk.themes.models import Chapter, FocusArea, QualityFramework

pytestmark = pytest.mark.django_db


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
def test_coordinators_edit_the_framework_in_the_admin(coordinator, participant, model):
    url = reverse(f"admin:themes_{model}_changelist")
    assert login(coordinator).get(url).status_code == 200
    assert login(participant).get(url).status_code == 302  # not staff: to the admin login


def test_a_coordinator_adds_a_focus_area(coordinator):
    chapter = Chapter.objects.get(number=3)
    response = login(coordinator).post(
        reverse("admin:themes_focusarea_add"),
        {"chapter": chapter.pk, "title": "Voorlezen met ouders", "description": "", "order": 9},
    )
    assert response.status_code == 302
    assert chapter.focus_areas.filter(title="Voorlezen met ouders").exists()
