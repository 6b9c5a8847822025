from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lerendnetwerk.core.forms import EMPTY_LABEL, DateInput, Form
from lerendnetwerk.core.text import LONG_TEXT_MAX, NOTES_MAX
from lerendnetwerk.meetings.forms import TimeInput

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from lerendnetwerk.accounts.models import User
    from lerendnetwerk.meetings.models import Meeting
    from lerendnetwerk.regions.models import Region

WISH_ROWS = 3


class BuddyPairsForm(Form):
    """Every member gets a pair number; members with the same number are buddies."""

    def __init__(self, *args: Any, members: list["User"], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.members = members
        count = max(1, len(members) // 2)
        choices = [("", _("no buddy"))] + [
            (str(n), _("Pair %(number)s") % {"number": n}) for n in range(1, count + 1)
        ]
        for user in members:
            self.fields[f"member_{user.pk}"] = forms.TypedChoiceField(
                label=user.name, choices=choices, coerce=int, empty_value=None, required=False
            )

    def pairs(self) -> list[list["User"]]:
        by_number: dict[int, list[User]] = {}
        for user in self.members:
            number = self.cleaned_data.get(f"member_{user.pk}")
            if number:
                by_number.setdefault(number, []).append(user)
        return [by_number[n] for n in sorted(by_number)]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for pair in self.pairs():
            if len(pair) not in (2, 3):
                names = ", ".join(user.name for user in pair)
                raise ValidationError(
                    _("Each pair needs two people (three once, for an odd number): %(names)s")
                    % {"names": names}
                )
        return data


class RotationForm(Form):
    name = forms.CharField(label=_("Name"), max_length=150, initial=_("Groups"))
    group_size = forms.IntegerField(
        label=_("People per group"), min_value=2, max_value=50, initial=4
    )
    rounds = forms.IntegerField(
        label=_("Number of meetings"),
        min_value=1,
        max_value=20,
        initial=4,
        help_text=_("Planned meetings you tick below come first, in date order."),
    )
    meetings: "forms.ModelMultipleChoiceField[Meeting]" = forms.ModelMultipleChoiceField(
        label=_("Meetings"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(
        self, *args: Any, members: list["User"], meetings: "QuerySet[Meeting]", **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["meetings"].queryset = meetings
        self.fields["meetings"].label_from_instance = lambda m: (
            f"{m.title} ({m.starts_at:%d-%m-%Y})"
        )
        choices = [("", "–")] + [(str(u.pk), u.name) for u in members]
        for wish, label in (("apart", _("Keep apart")), ("together", _("Keep together"))):
            for row in range(1, WISH_ROWS + 1):
                for side in ("a", "b"):
                    self.fields[f"{wish}_{row}_{side}"] = forms.TypedChoiceField(
                        label=_("%(wish)s %(row)s: person %(side)s")
                        % {"wish": label, "row": row, "side": side.upper()},
                        choices=choices,
                        coerce=int,
                        empty_value=None,
                        required=False,
                    )

    def wishes(self, wish: str) -> list[list[int]]:
        pairs = []
        for row in range(1, WISH_ROWS + 1):
            a, b = (self.cleaned_data.get(f"{wish}_{row}_{s}") for s in ("a", "b"))
            if a and b:
                pairs.append([a, b])
        return pairs

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for wish in ("apart", "together"):
            for row in range(1, WISH_ROWS + 1):
                a, b = (data.get(f"{wish}_{row}_{s}") for s in ("a", "b"))
                if (a is None) != (b is None) or (a is not None and a == b):
                    self.add_error(
                        f"{wish}_{row}_b", _("Choose two different people, or leave both empty.")
                    )
        meetings, rounds = data.get("meetings"), data.get("rounds")
        if meetings and rounds and len(meetings) > rounds:
            self.add_error("meetings", _("Tick at most as many meetings as you plan for."))
        return data


# --- Mentors and peer consultation ---------------------------------------------------------------


def _person_label(user: "User") -> str:
    return f"{user.name} ({user.organisation})" if user.organisation_id else user.name


class MentorshipForm(Form):
    """The coordinator pairs a new facilitator with a mentor (the view hands the choices); with
    more than one region, in which region."""

    field_order = ["region", "mentee", "mentor", "started_on", "note"]

    mentee = forms.TypedChoiceField(label=_("New facilitator"), coerce=int)
    mentor = forms.TypedChoiceField(
        label=_("Mentor"),
        coerce=int,
        help_text=_("An experienced facilitator who knows the UKK and the Handbook."),
    )
    started_on = forms.DateField(label=_("From"), widget=DateInput())
    note = forms.CharField(
        max_length=NOTES_MAX,
        label=_("Note for both"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What the pairing is for; both read it in their e-mail and on their page."),
    )

    region = forms.TypedChoiceField(label=_("Region"), coerce=int)

    def __init__(
        self,
        *args: Any,
        facilitators: "Sequence[User]",
        regions: "Sequence[Region]",
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.people = {user.pk: user for user in facilitators}
        self.regions = {region.pk: region for region in regions}
        choices = [("", EMPTY_LABEL)] + [(u.pk, _person_label(u)) for u in facilitators]
        self.fields["mentee"].choices = choices
        self.fields["mentor"].choices = choices
        if len(regions) > 1:
            self.fields["region"].choices = [("", EMPTY_LABEL)] + [(r.pk, r.name) for r in regions]
        else:
            del self.fields["region"]

    def chosen_region(self) -> "Region":
        """The region chosen, or the coordinator's only one."""
        if "region" in self.fields:
            return self.regions[self.cleaned_data["region"]]
        return next(iter(self.regions.values()))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("mentor") and data.get("mentor") == data.get("mentee"):
            self.add_error(
                "mentor", _("Choose someone else as mentor: a mentor is another facilitator.")
            )
        return data

    def person(self, field: str) -> "User":
        return self.people[self.cleaned_data[field]]


class ConsultationForm(Form):
    """Plan a peer consultation: with whom, when and where (or during a meeting), and perhaps
    one's own case."""

    others = forms.TypedMultipleChoiceField(
        label=_("With"),
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Your mentor, the new facilitators you mentor, and members of your facilitators' "
            "network."
        ),
    )
    meeting = forms.TypedChoiceField(
        label=_("During a meeting of the facilitators' network"),
        coerce=int,
        empty_value=None,
        required=False,
        help_text=_("Or leave this empty and give a date, time and place of your own."),
    )
    date = forms.DateField(label=_("Date"), widget=DateInput(), required=False)
    start_time = forms.TimeField(label=_("Time"), widget=TimeInput(), required=False)
    place = forms.CharField(label=_("Where"), max_length=300, required=False)
    case_title = forms.CharField(
        label=_("Your case (optional)"),
        max_length=200,
        required=False,
        help_text=_(
            "A situation from your own work as a facilitator that you want to think through "
            "together. Only the participants read it."
        ),
    )
    case_description = forms.CharField(
        max_length=LONG_TEXT_MAX,
        label=_("Describe the case and your question"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    def __init__(
        self,
        *args: Any,
        peers: "Sequence[User]",
        meetings: "Sequence[Meeting]",
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.people = {user.pk: user for user in peers}
        self.meetings = {meeting.pk: meeting for meeting in meetings}
        self.fields["others"].choices = [(u.pk, _person_label(u)) for u in peers]
        if meetings:
            self.fields["meeting"].choices = [("", _("No, at a time of our own"))] + [
                (m.pk, f"{m.title} ({timezone.localtime(m.starts_at):%d-%m-%Y %H:%M})")
                for m in meetings
            ]
        else:
            del self.fields["meeting"]

    def service_arguments(self) -> dict[str, Any]:
        data = self.cleaned_data
        starts_at = None
        if data.get("date") and data.get("start_time"):
            zone = timezone.get_current_timezone()
            starts_at = datetime.combine(data["date"], data["start_time"], tzinfo=zone)
        meeting_id = data.get("meeting")
        return {
            "others": [self.people[pk] for pk in data["others"]],
            "meeting": self.meetings.get(meeting_id) if meeting_id else None,
            "starts_at": starts_at,
            "place": data["place"],
            "case_title": data["case_title"],
            "case_description": data["case_description"],
        }


class CaseForm(Form):
    title = forms.CharField(label=_("Case"), max_length=200)
    description = forms.CharField(
        max_length=LONG_TEXT_MAX,
        label=_("Describe the case and your question"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "What happened, what you did, and what you want to think through together. Only the "
            "participants read it."
        ),
    )


class AfterwardsForm(Form):
    takeaways = forms.CharField(
        max_length=NOTES_MAX,
        label=_("What I take away"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Only you read this."),
    )
    summary = forms.CharField(
        max_length=NOTES_MAX,
        label=_("Shared summary"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("If you choose to write one: every participant reads and can change it."),
    )
