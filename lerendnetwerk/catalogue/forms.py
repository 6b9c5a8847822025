from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from lerendnetwerk.core.forms import EMPTY_LABEL, Form

from .models import STAGE_CHOICES, Entry


class SearchForm(Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    fase = forms.ChoiceField(
        label=_("Phase"), required=False, choices=[("", _("All phases")), *STAGE_CHOICES]
    )
    soort = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds")), *Entry.Kind.choices]
    )


class RegionEntryForm(Form):
    """A region's own work form, instrument or tip; the view hands it the questions to choose
    from (grouped by phase)."""

    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[
            (Entry.Kind.ACTIVITY.value, Entry.Kind.ACTIVITY.label),
            (Entry.Kind.INSTRUMENT.value, Entry.Kind.INSTRUMENT.label),
            (Entry.Kind.TIP.value, Entry.Kind.TIP.label),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a work form, an instrument or a tip.")},
    )
    topic = forms.TypedChoiceField(
        label=_("Phase and question"),
        coerce=int,
        help_text=_("Networks find it under this question of the phase, beside the Handbook's."),
        error_messages={"required": _("Choose the question it helps with.")},
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        error_messages={"required": _("Give the entry a title.")},
    )
    summary = forms.CharField(
        label=_("Description"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What it is, how it works and when it helps: a few sentences."),
        error_messages={"required": _("Describe in a few sentences what it is and how it works.")},
    )

    def __init__(
        self, *args: Any, topics: list[tuple[str, list[tuple[int, str]]]], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["topic"].choices = [("", EMPTY_LABEL), *topics]
