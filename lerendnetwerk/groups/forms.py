from typing import TYPE_CHECKING, Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from lerendnetwerk.core.forms import Form

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from lerendnetwerk.accounts.models import User
    from lerendnetwerk.meetings.models import Meeting

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
