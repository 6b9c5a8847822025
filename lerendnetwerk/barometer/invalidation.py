"""Which saves change cached barometer results (see core/fragments.py). A round that closes by
date saves nothing; the cached results carry the day in their key for that. Releasing a round's
answers saves the round (the responses themselves are bulk-inserted, without signals)."""

from lerendnetwerk.core import fragments
from lerendnetwerk.networks.models import Network
from lerendnetwerk.regions.models import District, Region

from .models import BarometerRound, Participation, Question, Questionnaire

BAROMETER = "barometer"


def connect() -> None:
    # Regions set the minimum of answers; networks and districts name the region's rows.
    fragments.bump_on_change(
        BAROMETER,
        BarometerRound,
        Participation,
        Questionnaire,
        Question,
        Region,
        District,
        Network,
    )
