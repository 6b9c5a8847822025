"""Choosing a theme together (phase 2 of the Handreiking), and what the group learns about it.

- framework: the UKK as data (QualityFramework, Chapter, FocusArea), kept by coordinators.
- choosing: ThemeProposal, the IdeaWall (Idea, IdeaMark, IdeaComment), the DotVote round with its
  stickers, and the adopted Theme of a cycle.
- learning: LearningGoal (shared and individual), PersonalChallenge, the LearningAgenda's
  LearningQuestions, and the Agreement (contract) in versions.
"""

from .choosing import (
    DotVote,
    DotVoteSticker,
    Idea,
    IdeaComment,
    IdeaMark,
    Theme,
    ThemeProposal,
)
from .framework import Chapter, FocusArea, QualityFramework
from .learning import (
    Agreement,
    AgreementAcknowledgement,
    AgreementSuggestion,
    LearningGoal,
    LearningGoalComment,
    LearningQuestion,
    PersonalChallenge,
)

__all__ = [
    "Agreement",
    "AgreementAcknowledgement",
    "AgreementSuggestion",
    "Chapter",
    "DotVote",
    "DotVoteSticker",
    "FocusArea",
    "Idea",
    "IdeaComment",
    "IdeaMark",
    "LearningGoal",
    "LearningGoalComment",
    "LearningQuestion",
    "PersonalChallenge",
    "QualityFramework",
    "Theme",
    "ThemeProposal",
]
