"""Permission-matrix rows for the Netwerkbarometer pages (see core/tests/permissions.py)."""

from datetime import timedelta
from typing import Any

from django.utils import timezone

from lerendnetwerk.barometer import services
from lerendnetwerk.barometer.models import BarometerRound
from lerendnetwerk.barometer.selectors import questionnaire_current
from lerendnetwerk.core.tests.permissions import (
    LOGGED_IN,
    NETWORK_READERS,
    REDIRECT,
    Row,
    network,
    only,
)


def build(w: Any) -> None:
    # Made directly: the service would refuse a network with fewer members than k, and the
    # shared world should not grow members for one app's sake.
    questionnaire = questionnaire_current(region=w.network.district.region)
    assert questionnaire is not None
    w.barometer_round = BarometerRound.objects.create(
        network=w.network,
        questionnaire=questionnaire,
        closes_on=timezone.localdate() + timedelta(days=7),
        opened_by=w.people["facilitator"],
    )
    # The region's draft of a new version, for its coordinators' pages.
    w.questionnaire_draft = services.questionnaire_new_version(region=w.network.district.region)
    w.draft_question = w.questionnaire_draft.questions.first()


def barometer_round(w: Any) -> dict[str, Any]:
    return {"slug": w.network.slug, "pk": w.barometer_round.pk}


def region(w: Any) -> dict[str, Any]:
    return {"region_slug": w.network.district.region.slug}


def draft(w: Any) -> dict[str, Any]:
    return {**region(w), "pk": w.questionnaire_draft.pk}


def draft_question(w: Any) -> dict[str, Any]:
    return {**draft(w), "question_id": w.draft_question.pk}


COORDINATOR_POSTS = only("coordinator", granted=REDIRECT)

ROWS: dict[str, Row] = {
    "barometer:network": ("get", network, only(*NETWORK_READERS)),
    "barometer:open": ("get", network, only("facilitator")),
    "barometer:answer": ("get", barometer_round, only("participant", "facilitator")),
    "barometer:close": ("get", barometer_round, only("facilitator")),
    "barometer:results": ("get", barometer_round, only(*NETWORK_READERS)),
    "barometer:print": ("get", barometer_round, only(*NETWORK_READERS)),
    "barometer:mine": ("get", None, LOGGED_IN),
    "barometer:region": ("get", None, only("coordinator")),
    # The region's questionnaire (another region's coordinator: test_questionnaire_pages.py).
    "barometer:questionnaires": ("get", region, only("coordinator")),
    "barometer:questionnaire_new": ("post", region, COORDINATOR_POSTS),
    "barometer:questionnaire": ("get", draft, only("coordinator")),
    "barometer:questionnaire_edit": ("get", draft, only("coordinator")),
    "barometer:questionnaire_publish": ("get", draft, only("coordinator")),
    "barometer:questionnaire_discard": ("get", draft, only("coordinator")),
    "barometer:question_add": ("get", draft, only("coordinator")),
    "barometer:question_restore": ("post", draft, COORDINATOR_POSTS),
    "barometer:question_edit": ("get", draft_question, only("coordinator")),
    "barometer:question_move": ("post", draft_question, COORDINATOR_POSTS),
    "barometer:question_remove": ("post", draft_question, COORDINATOR_POSTS),
}
