"""Writes for choosing a theme together. Each service runs in one transaction, validates,
saves and returns the object; refusals are `ValidationError`s with a message a person can act on.

Other apps call these through `lerendnetwerk.themes.services`.
"""

from .agreement import agreement_acknowledge, agreement_publish, agreement_suggest
from .framework import (
    chapter_add,
    chapter_delete,
    chapter_move,
    chapter_update,
    focus_area_add,
    focus_area_delete,
    focus_area_move,
    focus_area_retire,
    focus_area_update,
    framework_copy_for_region,
)
from .learning import (
    goal_comment_add,
    learning_question_move,
    learning_question_propose,
    learning_question_remove,
    learning_questions_mark_worked_on,
    personal_challenge_save,
    shared_goal_save,
)
from .proposals import (
    idea_comment_add,
    idea_group,
    idea_group_rename,
    idea_mark,
    idea_post,
    idea_to_proposal,
    theme_adopt,
    theme_proposal_create,
)
from .voting import dot_vote_close, dot_vote_open, dot_vote_place

__all__ = [
    "agreement_acknowledge",
    "agreement_publish",
    "agreement_suggest",
    "chapter_add",
    "chapter_delete",
    "chapter_move",
    "chapter_update",
    "dot_vote_close",
    "dot_vote_open",
    "dot_vote_place",
    "focus_area_add",
    "focus_area_delete",
    "focus_area_move",
    "focus_area_retire",
    "focus_area_update",
    "framework_copy_for_region",
    "goal_comment_add",
    "idea_comment_add",
    "idea_group",
    "idea_group_rename",
    "idea_mark",
    "idea_post",
    "idea_to_proposal",
    "learning_question_move",
    "learning_question_propose",
    "learning_question_remove",
    "learning_questions_mark_worked_on",
    "personal_challenge_save",
    "shared_goal_save",
    "theme_adopt",
    "theme_proposal_create",
]
