"""Who may do what with the Netwerkbarometer; builds on the network predicates.

Deny by default. Whether results are shown at all (the round is closed and at least k members
answered) is not a permission but a property of the data: see `results.round_results`.
"""

from typing import Any

import rules

from lerendnetwerk.accounts.roles import coordinator_region_ids, is_coordinator
from lerendnetwerk.networks.rules import (
    is_any_coordinator,
    is_committed_manager,
    is_facilitator,
    is_member,
    is_network_coordinator,
)

from .models import BarometerRound, Question, Questionnaire


def _network(barometer_round: BarometerRound | None) -> Any:
    return barometer_round.network if barometer_round is not None else None


@rules.predicate
def round_member(user: Any, barometer_round: BarometerRound) -> bool:
    return bool(is_member(user, _network(barometer_round)))


@rules.predicate
def round_facilitator(user: Any, barometer_round: BarometerRound) -> bool:
    return bool(is_facilitator(user, _network(barometer_round)))


@rules.predicate
def round_reader(user: Any, barometer_round: BarometerRound) -> bool:
    network = _network(barometer_round)
    return bool(
        is_member(user, network)
        or is_network_coordinator(user, network)
        or is_committed_manager(user, network)
    )


# --- The questionnaire in the admin site ----------------------------------------------------


def _questionnaire_of(obj: Questionnaire | Question | None) -> Questionnaire | None:
    return obj.questionnaire if isinstance(obj, Question) else obj


@rules.predicate
def questionnaire_reader(user: Any, obj: Questionnaire | Question | None = None) -> bool:
    """Coordinators see the default questionnaire and their own regions' versions."""
    questionnaire = _questionnaire_of(obj)
    if questionnaire is None or questionnaire.region_id is None:
        return is_coordinator(user)
    return questionnaire.region_id in coordinator_region_ids(user)


@rules.predicate
def questionnaire_editor(user: Any, obj: Questionnaire | Question | None = None) -> bool:
    """Their own regions' drafts: a published version never changes (rounds may use it at any
    moment, and answered questions never change); a change needs a new version
    (services.questionnaire_new_version)."""
    questionnaire = _questionnaire_of(obj)
    if questionnaire is None:
        return is_coordinator(user)
    if questionnaire.region_id not in coordinator_region_ids(user):
        return False
    return not questionnaire.is_published and not questionnaire.rounds.exists()


@rules.predicate
def region_coordinator(user: Any, region: Any) -> bool:
    """The person coordinates this region (a `Region`)."""
    return region is not None and region.pk in coordinator_region_ids(user)


# On a network.
rules.add_perm(
    "barometer.view_barometer", is_member | is_network_coordinator | is_committed_manager
)
rules.add_perm("barometer.open_round", is_facilitator)
# On a round.
rules.add_perm("barometer.answer_round", round_member)
rules.add_perm("barometer.close_round", round_facilitator)
rules.add_perm("barometer.view_results", round_reader)
# The region's overview.
rules.add_perm("barometer.view_region", is_any_coordinator)
# On a region: its questionnaire's versions, on the barometer's own pages.
rules.add_perm("barometer.edit_region_questionnaire", region_coordinator)
# The admin site: coordinators keep their region's questionnaire (like the catalogue).
rules.add_perm("barometer", rules.predicate(is_coordinator))
rules.add_perm("barometer.view_questionnaire", questionnaire_reader)
rules.add_perm("barometer.change_questionnaire", questionnaire_editor)
rules.add_perm("barometer.delete_questionnaire", questionnaire_editor)
for _action in ("view", "add", "change", "delete"):
    rules.add_perm(
        f"barometer.{_action}_question",
        questionnaire_reader if _action == "view" else questionnaire_editor,
    )
