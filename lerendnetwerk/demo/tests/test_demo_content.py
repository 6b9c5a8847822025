"""Utrecht's own content in the demo: what the demo coordinator finds on the content pages."""

import pytest
from django.urls import reverse

from lerendnetwerk.barometer.models import Questionnaire
from lerendnetwerk.catalogue.models import Entry
from lerendnetwerk.core.tests.factories import login
from lerendnetwerk.demo.content import seed_region_content
from lerendnetwerk.themes.models import FocusArea, QualityFramework

pytestmark = pytest.mark.django_db


def test_utrecht_keeps_entries_a_draft_questionnaire_and_a_framework_of_its_own(
    utrecht, coordinator
):
    seed_region_content(utrecht)
    assert Entry.objects.filter(region=utrecht).count() == 3
    draft = Questionnaire.objects.get(region=utrecht, is_published=False)
    assert draft.questions.filter(text__contains="in onze wijk").exists()
    framework = QualityFramework.objects.get(region=utrecht)
    assert FocusArea.objects.filter(chapter__framework=framework, is_retired=True).count() == 1
    http = login(coordinator)
    for url in (
        reverse("catalogue:region_entries", args=["utrecht"]),
        reverse("barometer:questionnaire", args=["utrecht", draft.pk]),
        reverse("themes:framework", args=["utrecht"]),
    ):
        assert http.get(url).status_code == 200, url
