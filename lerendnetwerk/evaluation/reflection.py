"""The critical questions of a critical reflection (kritische reflectie).

The Handreiking asks the network to look critically at what it really yields, besides talking
and sharing experiences, and to practise asking critical questions (Permanent leren als team,
p. 191). These are the platform's own questions for that; the keys are stored with the group's
answers, so a question's wording may improve without losing what was recorded.
"""

from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise

SOURCE = "Permanent leren als team, p. 191"
CATALOGUE_SLUG = "kritische-reflectie"

QUESTIONS: "list[tuple[str, StrPromise]]" = [
    ("yield", _("What has it really yielded so far, for the children and for us?")),
    ("practice", _("What did we change in our daily practice because of it?")),
    ("talk", _("What do we keep talking about without acting on it?")),
    ("evidence", _("How do we know? What did we see or hear that shows it?")),
    ("avoid", _("Which question or subject do we avoid, and why?")),
    ("next", _("What would we do differently if we started again tomorrow?")),
]

QUESTION_KEYS = [key for key, _text in QUESTIONS]
