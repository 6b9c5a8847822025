"""Forms of the knowledge exchange. They do not query: each view hands its form the choices from
the selectors."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from lerendnetwerk.core.forms import Form
from lerendnetwerk.core.text import NOTES_MAX, SHORT_TEXT_MAX

from .models import KnowledgeOffer
from .services import CONTACT_MESSAGE_MAX, TITLE_MAX

Choices = list[tuple[Any, Any]]


class OfferFilterForm(Form):
    """The public list's filters, read from the query string (no JavaScript needed)."""

    wijk = forms.TypedChoiceField(label=_("District"), coerce=int, empty_value=None, required=False)
    thema = forms.TypedChoiceField(
        label=_("Focus area"), coerce=int, empty_value=None, required=False
    )

    def __init__(self, *args: Any, districts: Choices, focus_areas: Choices, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["wijk"].choices = [("", _("All districts")), *districts]
        self.fields["thema"].choices = [("", _("All focus areas")), *focus_areas]

    def chosen(self) -> dict[str, int | None]:
        data = self.cleaned_data if self.is_valid() else {}
        return {"district_id": data.get("wijk"), "focus_area_id": data.get("thema")}


class ExpertFilterForm(Form):
    thema = forms.TypedChoiceField(
        label=_("Focus area"), coerce=int, empty_value=None, required=False
    )

    def __init__(self, *args: Any, focus_areas: Choices, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["thema"].choices = [("", _("All focus areas")), *focus_areas]

    def chosen(self) -> int | None:
        return self.cleaned_data.get("thema") if self.is_valid() else None


class ContactForm(Form):
    name = forms.CharField(label=_("Your name"), max_length=150)
    email = forms.EmailField(label=_("Your e-mail address"))
    message = forms.CharField(
        label=_("Your message"),
        max_length=CONTACT_MESSAGE_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
    )


def _flat(grouped: Choices) -> Choices:
    """Checkboxes are listed without their chapter: one list of focus areas."""
    return [choice for _group, choices in grouped for choice in choices]


class OfferForm(Form):
    organisation = forms.TypedChoiceField(label=_("Organisation"), coerce=int)
    title = forms.CharField(
        label=_("Title"),
        max_length=TITLE_MAX,
        help_text=_("In a few words: what can colleagues learn from your organisation?"),
    )
    description = forms.CharField(
        label=_("What we can share"),
        max_length=NOTES_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "For example a way of working, a training your staff followed, or a visit to see "
            "how you do it."
        ),
    )
    focus_areas = forms.TypedMultipleChoiceField(
        label=_("Focus areas from the UKK"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    contact_name = forms.CharField(label=_("Contact person"), max_length=150)
    contact_role = forms.CharField(
        label=_("Role of the contact person"),
        max_length=150,
        required=False,
        help_text=_("For example: intern begeleider, pedagogisch coach."),
    )
    contact_email = forms.EmailField(
        label=_("E-mail address of the contact person"),
        help_text=_(
            "Visitors write through a form that sends their message to this address; they "
            "do not see it."
        ),
    )
    show_contact_email = forms.BooleanField(
        label=_("The contact person agreed to show this address on the public page"),
        required=False,
    )
    status = forms.ChoiceField(
        label=_("Show the offer publicly?"),
        choices=KnowledgeOffer.Status.choices,
        widget=forms.RadioSelect,
        initial=KnowledgeOffer.Status.DRAFT,
    )

    def __init__(
        self, *args: Any, organisations: Choices | None, focus_areas: Choices, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        if organisations is None:  # an existing offer keeps its organisation
            del self.fields["organisation"]
        else:
            self.fields["organisation"].choices = organisations
            if len(organisations) == 1:
                self.fields["organisation"].initial = organisations[0][0]
        self.fields["focus_areas"].choices = _flat(focus_areas)


class ExpertProfileForm(Form):
    expertise = forms.CharField(
        label=_("Your expertise"),
        max_length=NOTES_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What you know about and what you can bring to a network's meeting."),
    )
    institute = forms.CharField(
        label=_("Institute or employer"),
        max_length=200,
        required=False,
        help_text=_("Leave it empty to show the organisation of your account."),
    )
    focus_areas = forms.TypedMultipleChoiceField(
        label=_("Focus areas from the UKK"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    regions = forms.TypedMultipleChoiceField(
        label=_("Where facilitators can ask you"),
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
    )
    availability = forms.CharField(
        label=_("Availability"),
        max_length=SHORT_TEXT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("For example: Tuesday and Thursday afternoons, not in school holidays."),
    )
    how_to_ask = forms.CharField(
        label=_("How to ask you"),
        max_length=SHORT_TEXT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("What a facilitator should tell you, and how long in advance."),
    )
    is_public = forms.BooleanField(
        label=_("Show my profile in the public experts directory"),
        required=False,
        help_text=_(
            "Visitors then see your name, expertise, focus areas, availability and how to ask "
            "you, and can write to you through a form; your e-mail address stays hidden. "
            "Facilitators in your regions can ask you either way."
        ),
    )

    def __init__(self, *args: Any, regions: Choices, focus_areas: Choices, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["regions"].choices = regions
        self.fields["focus_areas"].choices = _flat(focus_areas)


class ExpertRequestForm(Form):
    expert = forms.TypedChoiceField(
        label=_("Which expert do you ask?"), coerce=int, widget=forms.RadioSelect
    )
    message = forms.CharField(
        label=_("Your message to the expert"),
        max_length=NOTES_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "What the group wants to learn, and how the expert can help the members work on "
            "it themselves."
        ),
    )

    def __init__(self, *args: Any, experts: Choices, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["expert"].choices = experts


class AnswerForm(Form):
    answer = forms.ChoiceField(
        label=_("Your answer"),
        choices=[("accept", _("Yes, I will lead this item")), ("decline", _("No, I decline"))],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note for the facilitator"),
        max_length=NOTES_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
