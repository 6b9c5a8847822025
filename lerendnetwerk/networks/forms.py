from typing import TYPE_CHECKING, Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from lerendnetwerk.core.forms import Form
from lerendnetwerk.core.text import NOTES_MAX, SHORT_TEXT_MAX

from .models import ManagerCommitment, Membership, Prerequisite

if TYPE_CHECKING:
    from django.utils.functional import _StrOrPromise as StrOrPromise

    from lerendnetwerk.accounts.models import User
    from lerendnetwerk.regions.models import District, Organisation


class NetworkForm(Form):
    name = forms.CharField(label=_("Name"), max_length=150)
    district: "forms.ModelChoiceField[District]" = forms.ModelChoiceField(
        label=_("District"), queryset=None
    )
    description = forms.CharField(
        max_length=NOTES_MAX,
        label=_("Description"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What the network is about; shown on the public district overview."),
    )

    def __init__(self, *args: Any, districts: "QuerySet[District]", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["district"].queryset = districts


class FacilitatorsNetworkForm(Form):
    name = forms.CharField(label=_("Name"), max_length=150)
    district: "forms.ModelChoiceField[District]" = forms.ModelChoiceField(
        label=_("Where it usually meets"),
        queryset=None,
        help_text=_(
            "The district where the facilitators usually meet. The network belongs to the "
            "district's region; it is not listed in the district overview."
        ),
    )
    description = forms.CharField(
        max_length=NOTES_MAX,
        label=_("Description"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What the facilitators do together; only members see it."),
    )

    def __init__(self, *args: Any, districts: "QuerySet[District]", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["district"].queryset = districts
        self.fields["district"].label_from_instance = lambda d: f"{d.name} ({d.region.name})"


class NetworkEditForm(Form):
    name = forms.CharField(label=_("Name"), max_length=150)
    description = forms.CharField(
        max_length=NOTES_MAX,
        label=_("Description"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What the network is about; shown on the public district overview."),
    )
    organisations: "forms.ModelMultipleChoiceField[Organisation]" = forms.ModelMultipleChoiceField(
        label=_("Member organisations"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(
        self,
        *args: Any,
        organisations: "QuerySet[Organisation]",
        facilitators_network: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisations"].queryset = organisations
        if facilitators_network:
            # No member organisations, and no public page to show the description on.
            del self.fields["organisations"]
            self.fields["description"].help_text = FacilitatorsNetworkForm.base_fields[
                "description"
            ].help_text


class InviteMemberForm(Form):
    name = forms.CharField(label=_("Name"), max_length=150)
    email = forms.EmailField(label=_("E-mail address"))
    organisation: "forms.ModelChoiceField[Organisation]" = forms.ModelChoiceField(
        label=_("Organisation"), queryset=None, required=False
    )
    role = forms.ChoiceField(
        label=_("Role in the network"), choices=Membership.Role.choices, widget=forms.RadioSelect
    )
    message = forms.CharField(
        max_length=SHORT_TEXT_MAX,
        label=_("Personal message"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(
        self,
        *args: Any,
        organisations: "QuerySet[Organisation]",
        may_assign_facilitator: bool,
        **kwargs: Any,
    ):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["role"].initial = Membership.Role.PARTICIPANT
        if not may_assign_facilitator:
            self.fields["role"].choices = [
                (Membership.Role.PARTICIPANT.value, Membership.Role.PARTICIPANT.label)
            ]


class PrerequisiteForm(Form):
    evidence = forms.CharField(
        max_length=NOTES_MAX, label=_("Evidence"), widget=forms.Textarea(attrs={"rows": 4})
    )
    hours_per_month = forms.DecimalField(
        label=_("Hours per participant per month"),
        min_value=0.5,
        max_value=200,
        decimal_places=1,
        required=False,
    )
    budget_euros = forms.IntegerField(
        label=_("Budget (euro)"), min_value=0, max_value=10_000_000, required=False
    )
    expert_name = forms.CharField(label=_("Expert"), max_length=200, required=False)

    HELP = {
        Prerequisite.Kind.MANAGEMENT_COMMITMENT: _(
            "How did the managers commit, and what did they agree to? E.g. 'the directors "
            "discussed the plan on 3 March and form the sounding board'."
        ),
        Prerequisite.Kind.PARTICIPANT_MOTIVATION: _(
            "How did you check that participants want to take part? E.g. an intake talk, "
            "a questionnaire, a first meeting."
        ),
        Prerequisite.Kind.TIME: _("What was agreed about time, and with whom?"),
        Prerequisite.Kind.BUDGET_AND_EXPERT: _(
            "What is the budget for (an expert, visits to each other's workplaces) and who agreed?"
        ),
    }

    def __init__(
        self, *args: Any, kind: str, recorded: Prerequisite | None = None, **kwargs: Any
    ) -> None:
        if recorded is not None:
            # Recording again edits what was recorded: start from it.
            kwargs.setdefault(
                "initial",
                {
                    "evidence": recorded.evidence,
                    "hours_per_month": recorded.hours_per_month,
                    "budget_euros": recorded.budget_euros,
                    "expert_name": recorded.expert_name,
                },
            )
        super().__init__(*args, **kwargs)
        self.fields["evidence"].help_text = self.HELP[Prerequisite.Kind(kind)]
        if kind != Prerequisite.Kind.TIME:
            del self.fields["hours_per_month"]
        if kind != Prerequisite.Kind.BUDGET_AND_EXPERT:
            del self.fields["budget_euros"]
            del self.fields["expert_name"]


class CommitmentFields(Form):
    """What a manager commits: a role, time and budget for their staff, and a note."""

    role = forms.ChoiceField(label=_("Role"), choices=ManagerCommitment.Role.choices)
    hours_per_month = forms.DecimalField(
        label=_("Hours per month for their staff"),
        min_value=0,
        max_value=2000,
        decimal_places=1,
        required=False,
        help_text=_("Together, for everyone of the organisation who takes part."),
    )
    budget_euros = forms.IntegerField(
        label=_("Budget (euro)"), min_value=0, max_value=10_000_000, required=False
    )
    note = forms.CharField(
        label=_("What they committed to"),
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ManagerCommitmentForm(CommitmentFields):
    manager: "forms.ModelChoiceField[User]" = forms.ModelChoiceField(
        label=_("Manager"), queryset=None
    )
    field_order = ["manager", "role", "hours_per_month", "budget_euros", "note"]

    def __init__(self, *args: Any, managers: "QuerySet[User]", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["manager"].queryset = managers
        self.fields["manager"].label_from_instance = lambda user: (
            f"{user.name} ({user.organisation})" if user.organisation else user.name
        )
        self.fields["note"].help_text = _(
            "E-mail the manager first; record here what you agreed. The manager is asked to "
            "confirm it."
        )


class CommitmentConfirmForm(CommitmentFields):
    """The manager's own form: saving it confirms the commitment, changed or not."""

    def __init__(self, *args: Any, commitment: ManagerCommitment | None = None, **kwargs: Any):
        if commitment is not None:
            kwargs.setdefault(
                "initial",
                {
                    "role": commitment.role,
                    "hours_per_month": commitment.hours_per_month,
                    "budget_euros": commitment.budget_euros,
                    "note": commitment.note,
                },
            )
        super().__init__(*args, **kwargs)
        self.fields["hours_per_month"].label = _("Hours per month for my staff")
        self.fields["note"].label = _("What I commit to")


class InviteManagerForm(Form):
    organisation: "forms.ModelChoiceField[Organisation]" = forms.ModelChoiceField(
        label=_("Organisation"), queryset=None
    )
    name = forms.CharField(label=_("Name"), max_length=150)
    email = forms.EmailField(label=_("E-mail address"))
    message = forms.CharField(
        max_length=SHORT_TEXT_MAX,
        label=_("Personal message"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, organisations: "QuerySet[Organisation]", **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["organisation"].help_text = _(
            "A member organisation of the network; the manager leads it."
        )


class PhaseMoveForm(Form):
    to_phase = forms.CharField(widget=forms.HiddenInput)
    reason = forms.CharField(
        max_length=NOTES_MAX,
        label=_("Reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Needed when going back a phase, or when moving on with questions still open."),
    )

    def __init__(
        self, *args: Any, reason_required: "StrOrPromise | None" = None, **kwargs: Any
    ) -> None:
        """`reason_required`: the message when this move needs a reason (the service's words)."""
        super().__init__(*args, **kwargs)
        if reason_required:
            self.fields["reason"].required = True
            self.fields["reason"].error_messages["required"] = reason_required


class NewCycleForm(Form):
    """The doorstart: the new theme, each prerequisite again, and who does not continue."""

    theme = forms.CharField(
        label=_("Theme of the new cycle"),
        max_length=200,
        required=False,
        help_text=_("You may leave it open and choose it together in the first meetings."),
    )
    ending: "forms.ModelMultipleChoiceField[Membership]" = forms.ModelMultipleChoiceField(
        label=_("Members who do not continue"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Their membership ends when the new cycle starts; what they did stays in the "
            "network's history."
        ),
    )

    def __init__(
        self,
        *args: Any,
        prerequisites: "list[tuple[str, StrOrPromise, Prerequisite | None]]",
        memberships: "QuerySet[Membership]",
        **kwargs: Any,
    ) -> None:
        """`prerequisites`: (kind, label, what is recorded) for each of the four."""
        super().__init__(*args, **kwargs)
        ending = self.fields.pop("ending")
        for kind, label, recorded in prerequisites:
            self.fields[f"still_{kind}"] = forms.BooleanField(
                label=_("Still true: %(prerequisite)s") % {"prerequisite": label},
                required=False,
                help_text=recorded.evidence if recorded else _("Not recorded yet."),
            )
            self.fields[f"evidence_{kind}"] = forms.CharField(
                label=_("Or the new evidence: %(prerequisite)s") % {"prerequisite": label},
                max_length=NOTES_MAX,
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
        ending.queryset = memberships
        ending.label_from_instance = lambda m: f"{m.user.name} ({m.get_role_display()})"
        self.fields["ending"] = ending
        self.kinds = [kind for kind, _label, _recorded in prerequisites]

    def still_true(self) -> list[str]:
        return [kind for kind in self.kinds if self.cleaned_data.get(f"still_{kind}")]

    def new_evidence(self) -> dict[str, str]:
        return {
            kind: text
            for kind in self.kinds
            if (text := self.cleaned_data.get(f"evidence_{kind}", "").strip())
        }


class ContactForm(Form):
    name = forms.CharField(label=_("Your name"), max_length=150)
    email = forms.EmailField(label=_("Your e-mail address"))
    message = forms.CharField(
        label=_("Your message"), max_length=3000, widget=forms.Textarea(attrs={"rows": 6})
    )
