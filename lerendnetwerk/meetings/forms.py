from datetime import datetime
from typing import TYPE_CHECKING, Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lerendnetwerk.core.forms import DateInput, Form
from lerendnetwerk.core.text import NOTES_MAX

from .models import AgendaItem, Rsvp

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from lerendnetwerk.accounts.models import User
    from lerendnetwerk.catalogue.models import Entry
    from lerendnetwerk.regions.models import Organisation

    from .models import Meeting
    from .selectors import AgendaEntries


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self) -> None:
        super().__init__(format="%H:%M")


class MeetingForm(Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    purpose = forms.CharField(
        max_length=NOTES_MAX,
        label=_("Purpose"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What should the participants take home from this meeting?"),
    )
    date = forms.DateField(label=_("Date"), widget=DateInput())
    start_time = forms.TimeField(label=_("Start time"), widget=TimeInput())
    end_time = forms.TimeField(label=_("End time"), widget=TimeInput())
    host: "forms.ModelChoiceField[Organisation]" = forms.ModelChoiceField(
        label=_("At a member organisation"),
        queryset=None,
        required=False,
        empty_label=_("Somewhere else (give the address)"),
        help_text=_("Visit each other: meet at one of the members' workplaces."),
    )
    address = forms.CharField(
        label=_("Address"),
        max_length=300,
        required=False,
        help_text=_("Street, number and place; or the room at the organisation."),
    )

    def __init__(self, *args: Any, hosts: "QuerySet[Organisation]", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["host"].queryset = hosts

    @staticmethod
    def initial_for(meeting: "Meeting") -> dict[str, Any]:
        starts, ends = timezone.localtime(meeting.starts_at), timezone.localtime(meeting.ends_at)
        return {
            "title": meeting.title,
            "purpose": meeting.purpose,
            "date": starts.date(),
            "start_time": starts.time(),
            "end_time": ends.time(),
            "host": meeting.host,
            "address": meeting.address,
        }

    def times(self) -> tuple[datetime, datetime]:
        """Start and end as aware datetimes in the site's time zone (Europe/Amsterdam)."""
        data = self.cleaned_data
        zone = timezone.get_current_timezone()
        starts = datetime.combine(data["date"], data["start_time"], tzinfo=zone)
        ends = datetime.combine(data["date"], data["end_time"], tzinfo=zone)
        return starts, ends

    def service_arguments(self) -> dict[str, Any]:
        starts_at, ends_at = self.times()
        data = self.cleaned_data
        return {
            "title": data["title"],
            "purpose": data["purpose"],
            "starts_at": starts_at,
            "ends_at": ends_at,
            "host": data["host"],
            "address": data["address"],
        }


class AgendaItemForm(Form):
    entry = forms.TypedChoiceField(
        label=_("Work form from the Handbook"),
        required=False,
        coerce=int,
        empty_value=None,
        help_text=_("The work forms of the current phase come first."),
    )
    title = forms.CharField(
        label=_("Or a free item"),
        max_length=200,
        required=False,
        help_text=_("Leave empty to use the work form's name."),
    )
    duration_minutes = forms.IntegerField(label=_("Minutes"), min_value=1, max_value=600)
    lead = forms.ChoiceField(
        label=_("Led by"), choices=AgendaItem.Lead.choices, widget=forms.RadioSelect
    )
    lead_user: "forms.ModelChoiceField[User]" = forms.ModelChoiceField(
        label=_("Member who leads"), queryset=None, required=False
    )
    lead_name = forms.CharField(label=_("Name of the expert"), max_length=200, required=False)

    def __init__(
        self,
        *args: Any,
        entries: "AgendaEntries",
        members: "QuerySet[User]",
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.entries = entries.by_pk
        self.fields["entry"].choices = [("", _("– a free item –")), *entries.choices]
        self.fields["lead_user"].queryset = members
        self.fields["lead"].initial = AgendaItem.Lead.FACILITATOR

    def clean_entry(self) -> "Entry | None":
        # The field accepts only the pks in `choices`, so the entry is among `entries`.
        pk = self.cleaned_data["entry"]
        return self.entries.get(pk) if pk else None


class RsvpForm(Form):
    answer = forms.ChoiceField(
        label=_("Are you coming?"),
        choices=[
            (Rsvp.Answer.ACCEPTED.value, _("Yes, I am coming")),
            (Rsvp.Answer.DECLINED.value, _("No, I cannot come")),
        ],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason (if you cannot come)"),
        max_length=300,
        required=False,
        help_text=_("Only the facilitator sees this."),
        error_messages={
            "max_length": _(
                "The reason can be at most %(limit_value)d characters; you typed "
                "%(show_value)d. Please shorten it."
            )
        },
    )


class AttendanceForm(Form):
    present: "forms.ModelMultipleChoiceField[User]" = forms.ModelMultipleChoiceField(
        label=_("Who was there?"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    notes_done = forms.CharField(
        max_length=NOTES_MAX,
        label=_("What we did"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    notes_agreements = forms.CharField(
        max_length=NOTES_MAX,
        label=_("Agreements"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    notes_next = forms.CharField(
        max_length=NOTES_MAX,
        label=_("What comes next"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, invited: "QuerySet[User]", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["present"].queryset = invited


class PreparersForm(Form):
    preparers: "forms.ModelMultipleChoiceField[User]" = forms.ModelMultipleChoiceField(
        label=_("Preparation group"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "A few participants who prepare the meeting with you; they can edit the agenda."
        ),
    )

    def __init__(self, *args: Any, members: "QuerySet[User]", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["preparers"].queryset = members
