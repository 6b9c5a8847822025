from typing import Any

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from lerendnetwerk.core.forms import Form
from lerendnetwerk.core.text import NOTES_MAX

from .models import GoalOutcome, LearningGain, LookAhead
from .reflection import QUESTIONS
from .services import SHORT_MAX, SUBJECT_MAX

RATINGS = [
    (5, _("5 – very good")),
    (4, _("4 – good")),
    (3, _("3 – all right")),
    (2, _("2 – meagre")),
    (1, _("1 – poor")),
]


class MeetingEvaluationForm(Form):
    rating = forms.TypedChoiceField(
        label=_("How would you rate this meeting?"),
        choices=RATINGS,
        coerce=int,
        widget=forms.RadioSelect,
    )
    what_worked = forms.CharField(
        label=_("What worked?"),
        max_length=SHORT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    what_to_change = forms.CharField(
        label=_("What should change next time?"),
        max_length=SHORT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    is_anonymous = forms.BooleanField(
        label=_("Show my answers without my name"),
        required=False,
        help_text=_("The others see your words, not who wrote them."),
    )


class GoalOutcomeForm(Form):
    goal_outcome = forms.ChoiceField(
        label=_("Did we reach the shared learning goal?"),
        choices=GoalOutcome.choices,
        widget=forms.RadioSelect,
    )
    why = forms.CharField(
        label=_("Why? What helped, what stood in the way?"),
        max_length=NOTES_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class ChallengeOutcomeForm(Form):
    outcome = forms.CharField(
        label=_("What came of your personal challenge?"),
        max_length=NOTES_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    is_shared = forms.BooleanField(
        label=_("Share my learning goal, challenge and outcome with the network"),
        required=False,
    )


class LookAheadForm(Form):
    go_on = forms.ChoiceField(
        label=_("Do you want to go on with the network?"),
        choices=LookAhead.Continue.choices,
        widget=forms.RadioSelect,
    )
    composition = forms.ChoiceField(
        label=_("In which composition?"),
        choices=LookAhead.Composition.choices,
        widget=forms.RadioSelect,
    )
    subject = forms.CharField(
        label=_("On which subject?"),
        max_length=SUBJECT_MAX,
        required=False,
        help_text=_("A subject you would like the next cycle to be about (optional)."),
    )


class LearningGainForm(Form):
    level = forms.ChoiceField(
        label=_("At which level?"), choices=LearningGain.Level.choices, widget=forms.RadioSelect
    )
    text = forms.CharField(
        label=_("What did it bring?"),
        max_length=NOTES_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Concrete: what you do differently now, what your team or organisation took up."
        ),
    )
    share_with_manager = forms.BooleanField(
        label=_("Share with my own manager(s)"),
        required=False,
        help_text=_("Managers of your organisation see this learning gain with your name."),
    )
    share_for_reporting = forms.BooleanField(
        label=_("Share for reporting"),
        required=False,
        help_text=_("Reports show this learning gain without your name."),
    )


class ReflectionStartForm(Form):
    meeting = forms.TypedChoiceField(
        label=_("For which meeting?"), coerce=int, empty_value=None, required=False
    )

    def __init__(self, *args: Any, meetings: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["meeting"].choices = [
            ("", _("– the cycle as a whole –")),
            *[
                (m.pk, f"{m.title} ({date_format(timezone.localtime(m.starts_at), 'j F Y')})")
                for m in meetings
            ],
        ]


class ReflectionForm(Form):
    agreed_changes = forms.CharField(
        label=_("What do we agree to change?"),
        max_length=NOTES_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def answers(self) -> dict[str, str]:
        return {key: self.cleaned_data.get(key, "") for key, _text in QUESTIONS}


# The questions come first, in their fixed order, then the agreed changes.
ReflectionForm.base_fields = {
    **{
        key: forms.CharField(
            label=text,
            max_length=NOTES_MAX,
            required=False,
            widget=forms.Textarea(attrs={"rows": 3}),
        )
        for key, text in QUESTIONS
    },
    **ReflectionForm.base_fields,
}
