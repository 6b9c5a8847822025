from typing import Any

from django import forms
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from lerendnetwerk.catalogue.phase import Phase
from lerendnetwerk.core.forms import Form

from .selectors.region import PREPARING, SORTS


class RegionFilterForm(Form):
    """The region dashboard's filters, read from the query string (no JavaScript needed)."""

    wijk = forms.TypedChoiceField(label=_("District"), coerce=int, empty_value=None, required=False)
    fase = forms.ChoiceField(label=_("Phase"), required=False)
    signaal = forms.ChoiceField(label=_("Signal"), required=False)
    sort = forms.ChoiceField(
        choices=[(s, s) for s in SORTS], required=False, widget=forms.HiddenInput
    )

    def __init__(
        self,
        *args: Any,
        districts: list[tuple[int, str]],
        rules: list[tuple[str, str | Promise]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        everything = [("", _("All"))]
        self.fields["wijk"].choices = everything + districts
        self.fields["fase"].choices = [
            *everything,
            (PREPARING, _("Preparing (prerequisites)")),
            *Phase.choices,
        ]
        self.fields["signaal"].choices = everything + rules


class DigestSettingsForm(Form):
    weekly = forms.BooleanField(
        label=_("Send me the weekly overview of new and worse signals"),
        required=False,
        help_text=_(
            "Every week, an e-mail with the signals that are new or got worse in the networks "
            "of your region: counts and titles, no names."
        ),
    )


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
