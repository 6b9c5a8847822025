from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lerendnetwerk.core.forms import EMPTY_LABEL, WIDGET_CLASSES, DateInput, Form
from lerendnetwerk.core.text import NOTES_MAX

from .models import CENTRAL_QUESTIONS, OPEN_TEXT_MAX, Dimension, Question, scale_labels

DEFAULT_ROUND_DAYS = 14


@dataclass
class FieldGroup:
    label: str
    question: str
    fields: list[forms.BoundField]
    is_open: bool = False


class RoundOpenForm(Form):
    closes_on = forms.DateField(
        label=_("Closing date"),
        widget=DateInput(),
        help_text=_("Members can answer up to and including this day."),
        error_messages={
            "required": _("Choose the last day members can answer."),
            "invalid": _("Give a date, for example 31-03-2026."),
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["closes_on"].initial = timezone.localdate() + timedelta(days=DEFAULT_ROUND_DAYS)


class AnswerForm(Form):
    """One required 1-5 choice per statement (a fieldset of five radio buttons) and an optional
    text per open question. A missing statement keeps every other answer on the page."""

    def __init__(self, *args: Any, questions: list[Question], **kwargs: Any) -> None:
        self.questions = questions
        super().__init__(*args, **kwargs)
        for question in questions:
            self.fields[self.field_name(question)] = (
                self._scale_field(question) if question.is_scale else self._open_field(question)
            )
        self._restyle()

    @staticmethod
    def field_name_for_key(key: str) -> str:
        return f"q_{key}"

    @classmethod
    def field_name(cls, question: Question) -> str:
        return cls.field_name_for_key(question.key)

    @staticmethod
    def _scale_field(question: Question) -> forms.Field:
        return forms.TypedChoiceField(
            label=question.text,
            choices=[(str(value), f"{value} – {label}") for value, label in scale_labels()],
            coerce=int,
            widget=forms.RadioSelect,
            error_messages={
                "required": _("Choose how much you agree with this statement."),
                "invalid_choice": _("Choose one of the five answers."),
            },
        )

    @staticmethod
    def _open_field(question: Question) -> forms.Field:
        return forms.CharField(
            label=question.text,
            required=False,
            max_length=OPEN_TEXT_MAX,
            widget=forms.Textarea(attrs={"rows": 4}),
            error_messages={
                "max_length": _("Please keep your answer under 2000 characters."),
            },
        )

    def _restyle(self) -> None:
        # Fields are added after the mixin styled the (then empty) form: style them now.
        for field in self.fields.values():
            for widget_class, css in WIDGET_CLASSES:
                if isinstance(field.widget, widget_class):
                    field.widget.attrs["class"] = css
                    break

    def groups(self) -> list[FieldGroup]:
        """The statements per dimension in the dimensions' order, then the open questions."""
        groups = []
        for dimension in Dimension:
            fields = [
                self[self.field_name(q)]
                for q in self.questions
                if q.is_scale and q.dimension == dimension
            ]
            if fields:
                groups.append(
                    FieldGroup(str(dimension.label), str(CENTRAL_QUESTIONS[dimension]), fields)
                )
        open_fields = [self[self.field_name(q)] for q in self.questions if not q.is_scale]
        if open_fields:
            groups.append(FieldGroup(str(_("In your own words")), "", open_fields, is_open=True))
        return groups

    def service_arguments(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "values": {q.key: data[self.field_name(q)] for q in self.questions if q.is_scale},
            "texts": {q.key: data[self.field_name(q)] for q in self.questions if not q.is_scale},
        }


# --- The region's questionnaire ----------------------------------------------------------------


class QuestionnaireForm(Form):
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        error_messages={"required": _("Give the questionnaire a title.")},
    )
    introduction = forms.CharField(
        label=_("Introduction"),
        required=False,
        max_length=NOTES_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Shown above the questions; say that the answers are anonymous."),
    )


class QuestionAddForm(Form):
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=Question.Kind.choices,
        widget=forms.RadioSelect,
        initial=Question.Kind.SCALE,
        error_messages={"required": _("Choose a statement or an open question.")},
    )
    dimension = forms.ChoiceField(
        label=_("Dimension"),
        required=False,
        choices=[("", EMPTY_LABEL), *Dimension.choices],
        help_text=_("For a statement: what it measures. An open question has none."),
    )
    text = forms.CharField(
        label=_("Question or statement"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Ask nothing that tells who answered, such as a name, an organisation or a role."
        ),
        error_messages={"required": _("Write the question or statement.")},
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind") == Question.Kind.SCALE and not data.get("dimension"):
            self.add_error("dimension", _("Choose the dimension this statement measures."))
        if data.get("kind") == Question.Kind.OPEN and data.get("dimension"):
            self.add_error("dimension", _("An open question has no dimension."))
        return data


class QuestionTextForm(Form):
    text = forms.CharField(
        label=_("Wording"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Reword only: the answers stay comparable with earlier rounds. If the meaning "
            "changes, remove it and add a new question, which starts a trend of its own."
        ),
        error_messages={"required": _("Write the question or statement.")},
    )
