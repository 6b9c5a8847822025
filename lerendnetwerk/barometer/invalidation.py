"""Which saves change cached barometer results (see core/fragments.py). A round that closes by
date saves nothing; the cached results carry the day in their key for that."""

from typing import Any

from django.db.models.signals import post_delete, post_save

from lerendnetwerk.core import fragments
from lerendnetwerk.networks.models import Network
from lerendnetwerk.regions.models import District, Region

from .models import BarometerRound, Question, Questionnaire, Response

BAROMETER = "barometer"


def _changed(**kwargs: Any) -> None:
    fragments.bump(BAROMETER)


def connect() -> None:
    # Regions set the minimum of answers; networks and districts name the region's rows.
    for model in (BarometerRound, Response, Questionnaire, Question, Region, District, Network):
        post_save.connect(_changed, sender=model, dispatch_uid=f"barometer-save-{model.__name__}")
        post_delete.connect(
            _changed, sender=model, dispatch_uid=f"barometer-delete-{model.__name__}"
        )
