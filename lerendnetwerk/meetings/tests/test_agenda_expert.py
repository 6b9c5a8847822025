"""The agenda item names an expert's account (set by the app where experts answer requests):
one expert per item, her name on the meeting page, and taken off again."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from lerendnetwerk.core.tests.factories import UserFactory, login
from lerendnetwerk.meetings import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def item(meeting, participant):
    return services.agenda_item_add(
        meeting=meeting, title="Casus", duration_minutes=30, lead="expert", lead_name="Dr. Taal"
    )


def test_naming_an_expert_makes_her_the_lead_and_the_page_shows_her(
    meeting, item, participant, expert
):
    services.agenda_item_set_expert(item=item, expert=expert)
    item.refresh_from_db()
    assert (item.expert, item.lead, item.lead_name, item.lead_user) == (expert, "expert", "", None)
    page = login(participant).get(reverse("meetings:detail", args=[meeting.pk])).content.decode()
    assert "Eva Expert (expert)" in page and "Dr. Taal" not in page


def test_an_item_has_one_expert(item, expert):
    services.agenda_item_set_expert(item=item, expert=expert)
    # Naming her again is harmless; another expert is refused.
    services.agenda_item_set_expert(item=item, expert=expert)
    with pytest.raises(ValidationError):
        services.agenda_item_set_expert(item=item, expert=UserFactory.create(is_expert=True))
    item.refresh_from_db()
    assert item.expert == expert


def test_taking_her_off_gives_the_item_back_to_the_facilitator(item, expert):
    services.agenda_item_set_expert(item=item, expert=expert)
    services.agenda_item_set_expert(item=item, expert=None)
    item.refresh_from_db()
    assert (item.expert, item.lead) == (None, "facilitator")
