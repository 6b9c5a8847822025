"""Recompute a network's signals when the data its rules read changes, as other apps'
invalidation.py bump a cache when theirs does.

Every save or delete of a model the rules read queues one background task per network, once per
transaction and only after it commits (so a rolled-back change queues nothing, and a page that
saves twenty answers queues one task).
"""

from typing import Any

from django.db import transaction
from django.db.models import Model
from django.db.models.signals import post_delete, post_save


def _network_id(instance: Model) -> int | None:
    """The network a changed row belongs to, by the paths the rules' models have."""
    for path in (
        "network_id",
        "cycle.network_id",
        "meeting.network_id",
        "dot_vote.cycle.network_id",
    ):
        value: Any = instance
        try:
            for part in path.split("."):
                value = getattr(value, part)
        except AttributeError:
            continue
        if isinstance(value, int):
            return value
    return None


class _Refresh:
    """The on-commit callback for one network; recognisable, so it is queued once."""

    def __init__(self, network_id: int) -> None:
        self.network_id = network_id

    def __call__(self) -> None:
        from .tasks import signals_refresh

        signals_refresh.enqueue(network_id=self.network_id)


def _queue(network_id: int) -> None:
    # A rolled-back transaction drops its callbacks, so looking at the pending ones is exact.
    pending = transaction.get_connection().run_on_commit
    if any(isinstance(f, _Refresh) and f.network_id == network_id for _s, f, _r in pending):
        return
    transaction.on_commit(_Refresh(network_id))


def _changed(sender: type[Model], instance: Model, **kwargs: Any) -> None:
    if kwargs.get("raw"):
        return  # fixtures and loaddata
    network_id = _network_id(instance)
    if network_id is not None:
        _queue(network_id)


def connect() -> None:
    from lerendnetwerk.barometer.models import BarometerRound
    from lerendnetwerk.meetings.models import AgendaItem, Meeting, Rsvp
    from lerendnetwerk.networks.models import Cycle, Membership, PhaseTransition, Prerequisite
    from lerendnetwerk.themes.models import (
        DotVote,
        Idea,
        LearningGoal,
        LearningQuestion,
        ThemeProposal,
    )

    for model in (
        Meeting,
        AgendaItem,
        Rsvp,
        Membership,
        Cycle,
        PhaseTransition,
        Prerequisite,
        Idea,
        ThemeProposal,
        LearningQuestion,
        LearningGoal,
        DotVote,
        BarometerRound,
    ):
        uid = f"signals:{model._meta.label}"
        post_save.connect(_changed, sender=model, dispatch_uid=f"{uid}:save")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"{uid}:delete")
