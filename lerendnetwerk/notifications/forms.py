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
        for kind in kinds.kinds():
            self.fields[kind.key] = forms.ChoiceField(
                label=kind.label,
                help_text=kind.description,
                choices=Frequency.choices,
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose how you want to hear about this.")},
            )
