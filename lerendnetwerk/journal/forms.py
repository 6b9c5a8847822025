from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

from lerendnetwerk.core.forms import DateInput, Form
from lerendnetwerk.core.text import LONG_TEXT_MAX, NOTES_MAX

from .models import JournalEntry

if TYPE_CHECKING:
    from lerendnetwerk.meetings.models import Meeting
    from lerendnetwerk.networks.models import Network

    from .selectors import EntryChoices


class JournalEntryForm(Form):
    written_on = forms.DateField(label=_("Date"), widget=DateInput())
    text = forms.CharField(
        max_length=LONG_TEXT_MAX,
        label=_("What happened, what did I learn?"),
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    think = forms.CharField(
        max_length=NOTES_MAX,
        label=_("What do I think?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    feel = forms.CharField(
        max_length=NOTES_MAX,
        label=_("What do I feel?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    want = forms.CharField(
        max_length=NOTES_MAX,
        label=_("What do I want to do?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    meeting: "forms.ModelChoiceField[Meeting]" = forms.ModelChoiceField(
        label=_("About the meeting"), queryset=None, required=False
    )
    visibility = forms.ChoiceField(
        label=_("Who may read it?"),
        choices=JournalEntry.Visibility.choices,
        widget=forms.RadioSelect,
        help_text=_("Your diary is private unless you share an entry. Nobody else can read it."),
    )
    network: "forms.ModelChoiceField[Network]" = forms.ModelChoiceField(
        label=_("Share in the network"),
        queryset=None,
        required=False,
        help_text=_("Choose the network when you share with your buddy or your network."),
    )

    def __init__(self, *args: Any, choices: "EntryChoices", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        networks = choices.networks
        self.fields["network"].queryset = networks
        self.fields["meeting"].queryset = choices.meetings
        self.fields["meeting"].label_from_instance = lambda m: (
            f"{m.title} ({m.network.name}, {m.starts_at:%d-%m-%Y})"
        )
        if networks.count() == 1 and not self.initial.get("network"):
            self.fields["network"].initial = networks.first()
        self.fields["visibility"].initial = JournalEntry.Visibility.PRIVATE


class SearchForm(Form):
    q = forms.CharField(label=_("Search my diary"), required=False, max_length=100)
