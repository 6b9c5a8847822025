"""Which saves change cached barometer results (see core/fragments.py). A round that closes by
date saves nothing; the cached results carry the day in their key for that."""

from lerendnetwerk.core import fragments
from lerendnetwerk.networks.models import Network
from lerendnetwerk.regions.models import District, Region

from .models import BarometerRound, Question, Questionnaire, Response

BAROMETER = "barometer"


def connect() -> None:
    # Regions set the minimum of answers; networks and districts name the region's rows.
    fragments.bump_on_change(
        BAROMETER, BarometerRound, Response, Questionnaire, Question, Region, District, Network
    )
