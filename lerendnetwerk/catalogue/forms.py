from django import forms
from django.utils.translation import gettext_lazy as _

from lerendnetwerk.core.forms import Form

from .models import STAGE_CHOICES, Entry


class SearchForm(Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    fase = forms.ChoiceField(
        label=_("Phase"), required=False, choices=[("", _("All phases")), *STAGE_CHOICES]
    )
    soort = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds")), *Entry.Kind.choices]
    )
