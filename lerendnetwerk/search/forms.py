from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from lerendnetwerk.core.forms import Form

from . import text
from .kinds import KINDS

MAX_LENGTH = 200


class SearchForm(Form):
    q = forms.CharField(
        label=_("Search for"),
        max_length=MAX_LENGTH,
        widget=forms.SearchInput(attrs={"autocomplete": "off"}),
        help_text=_(
            'For example "netwerken" or "ouders betrekken". Add -word to leave a word out.'
        ),
        error_messages={
            "required": _("Type one or more words to search for."),
            "max_length": _("Type at most %(limit_value)d characters."),
        },
    )
    soort = forms.ChoiceField(
        label=_("Search in"),
        required=False,
        choices=[("", _("Everything")), *((kind.key, kind.label) for kind in KINDS)],
    )

    def clean_q(self) -> str:
        query: str = self.cleaned_data["q"]
        if not text.has_word(query):
            raise ValidationError(_("Type a word of at least two letters."), code="too_short")
        return query
