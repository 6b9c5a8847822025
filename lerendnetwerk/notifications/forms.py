from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from lerendnetwerk.core.forms import StyledFormMixin

from . import kinds
from .kinds import Frequency


class PreferencesForm(StyledFormMixin, forms.Form):
    """Per kind of notification a radio group: immediately, daily, weekly or never."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Made per request, so the labels are in the reader's language already.
        for kind in kinds.kinds():
            self.fields[kind.key] = forms.ChoiceField(
                label=str(kind.label),
                help_text=str(kind.description),
                choices=Frequency.choices,
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose how you want to hear about this.")},
            )
