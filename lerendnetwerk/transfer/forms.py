from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

from lerendnetwerk.core.forms import DateInput, Form
from lerendnetwerk.core.text import NOTES_MAX

from .models import AnchoringAgreement, TransferItem

if TYPE_CHECKING:
    from lerendnetwerk.accounts.models import User


def _text(label: Any, help_text: Any = "", required: bool = False) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=NOTES_MAX,
        required=required,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class TransferPlanForm(Form):
    presentation_on = forms.DateField(
        label=_("Date of the presentation to your own team"), required=False, widget=DateInput()
    )
    work_forms = forms.TypedMultipleChoiceField(
        label=_("Work forms you use with your team"),
        required=False,
        coerce=int,
        help_text=_("From the Handreiking's catalogue; hold Ctrl (or Cmd) to choose several."),
    )
    expected_reactions = _text(_("Which reactions do you expect?"))
    expected_resistance = _text(
        _("Which resistance do you expect, and how will you meet it?"),
        _("Practise the team meeting in a role play in the network first."),
    )
    presentation_held = forms.BooleanField(label=_("The presentation was held"), required=False)
    presentation_outcome = _text(
        _("How did it go?"), _("Bring the experiences back to the next network meeting.")
    )

    def __init__(
        self, *args: Any, work_forms: list[tuple[str, list[tuple[int, str]]]], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["work_forms"].choices = work_forms
        self.fields["work_forms"].widget.attrs["size"] = 8


class TransferItemForm(Form):
    kind = forms.ChoiceField(label=_("Where"), choices=TransferItem.Kind.choices)
    on = forms.DateField(label=_("Date"), widget=DateInput())
    text = forms.CharField(
        label=_("What"),
        max_length=200,
        help_text=_("For example: ten minutes in the team meeting about the relay."),
    )


class RelayStepForm(Form):
    given_by = forms.ChoiceField(label=_("Given by"))
    received_by_name = forms.CharField(
        label=_("Received by (the colleague's name)"),
        max_length=150,
        help_text=_("A colleague outside the network; they need no account."),
    )
    on = forms.DateField(label=_("Date"), widget=DateInput())
    handed_on = _text(_("What was handed on"), required=True)
    outcome = _text(_("Outcome"), _("What did the colleague do with it?"))

    PREVIOUS = "previous"

    def __init__(
        self, *args: Any, members: "list[User]", previous_name: str | None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.members = {str(m.pk): m for m in members}
        choices: list[tuple[str, str]] = []
        if previous_name:
            choices.append(
                (
                    self.PREVIOUS,
                    _("%(name)s (received the previous step)") % {"name": previous_name},
                )
            )
        choices += [(pk, m.name) for pk, m in self.members.items()]
        self.fields["given_by"].choices = choices

    def given_by_member(self) -> "User | None":
        return self.members.get(self.cleaned_data["given_by"])


class RelayStepEditForm(Form):
    received_by_name = RelayStepForm.base_fields["received_by_name"]
    on = RelayStepForm.base_fields["on"]
    handed_on = RelayStepForm.base_fields["handed_on"]
    outcome = RelayStepForm.base_fields["outcome"]


class AgreementForm(Form):
    practice = _text(_("What becomes standard practice?"), required=True)
    owner = forms.CharField(
        label=_("Who owns it?"),
        max_length=200,
        help_text=_("A name or a role, for example: the intern supervisor."),
    )
    due_on = forms.DateField(label=_("By when?"), widget=DateInput())
    in_professionalisation_plan = forms.ChoiceField(
        label=_("Is the network part of the organisation's professionalisation plan?"),
        choices=AnchoringAgreement.InPlan.choices,
        widget=forms.RadioSelect,
        initial=AnchoringAgreement.InPlan.NO,
    )


class AnswerForm(Form):
    decision = forms.ChoiceField(
        choices=[("confirm", _("Confirm")), ("send_back", _("Send back"))],
        widget=forms.HiddenInput,
    )
    note = forms.CharField(
        label=_("Note (needed when you send it back)"),
        max_length=NOTES_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
