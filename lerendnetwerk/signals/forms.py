from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from lerendnetwerk.core.forms import Form


class AcknowledgeForm(Form):
    # Not required here: the service says what is missing, in the words of the page.
    note = forms.CharField(
        label=_("What do you do about it?"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("The signal stays quiet until the numbers get worse."),
    )


class WorkFormChoiceForm(Form):
    """Which of the signal's suggested work forms goes on the next agenda (a hidden field)."""

    entry = forms.TypedChoiceField(coerce=int, widget=forms.HiddenInput)

    def __init__(self, *args: Any, choices: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["entry"].choices = choices
