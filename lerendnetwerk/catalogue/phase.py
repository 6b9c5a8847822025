"""The five fixed phases as values, apart from the catalogue's tables.

Every app works with phases (a network's cycle, a meeting, a transition), while only the
catalogue's own code reads its tables; so the enum lives in a module of its own.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Phase(models.TextChoices):
    """The five fixed phases of a learning network (Mertens 2012), in order."""

    EXPLORATION = "exploration", _("Exploration")
    DEVELOPMENT = "development", _("Development")
    DEEPENING = "deepening", _("Deepening")
    EMBEDDING = "embedding", _("Embedding")
    ANCHORING = "anchoring", _("Anchoring")

    @classmethod
    def ordered(cls) -> list["Phase"]:
        return list(cls)

    @property
    def number(self) -> int:
        return list(Phase).index(self) + 1


# The catalogue groups entries by stage; the prerequisites come before the first phase.
PREREQUISITES = "prerequisites"
STAGE_CHOICES = [(PREREQUISITES, _("Prerequisites")), *Phase.choices]
