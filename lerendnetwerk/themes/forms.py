from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from lerendnetwerk.core.forms import Form
from lerendnetwerk.core.text import LONG_TEXT_MAX, NOTES_MAX

from .models import Chapter, FocusArea, LearningQuestion, ThemeProposal
from .models.choosing import MAX_STICKERS


def focus_area_choices(chapters: list[Chapter]) -> list[Any]:
    """Focus areas grouped by chapter, for a <select> with optgroups."""
    return [
        (str(chapter), [(area.pk, area.title) for area in chapter.focus_areas.all()])
        for chapter in chapters
        if chapter.focus_areas.all()
    ]


class ThemeProposalForm(Form):
    title = forms.CharField(label=_("Theme"), max_length=200)
    why = forms.CharField(
        max_length=NOTES_MAX,
        label=_("Why does it matter for your daily work?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Describe a situation from your own practice with children or parents."),
    )
    focus_area = forms.TypedChoiceField(
        label=_("Focus area from the UKK"),
        required=False,
        coerce=int,
        empty_value=None,
        help_text=_("The focus area of the Utrecht quality framework this theme belongs to."),
    )

    def __init__(self, *args: Any, chapters: list[Chapter], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["focus_area"].choices = [
            ("", _("– no focus area yet –")),
            *focus_area_choices(chapters),
        ]

    def clean_focus_area(self) -> FocusArea | None:
        pk = self.cleaned_data["focus_area"]
        return FocusArea.objects.select_related("chapter__framework").filter(pk=pk).first()


class IdeaForm(Form):
    text = forms.CharField(
        label=_("Your idea"),
        max_length=280,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Short and concrete; the others test it for feasibility."),
    )


class CommentForm(Form):
    text = forms.CharField(
        label=_("Your comment"), max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )


class IdeaMarkForm(Form):
    feasible = forms.TypedChoiceField(
        choices=[("yes", _("Feasible")), ("no", _("Not feasible"))],
        coerce=lambda value: value == "yes",
    )


class IdeaMoveForm(Form):
    """Move one idea to another column of the wall (the same form the drag and drop posts)."""

    label = forms.ChoiceField(label=_("Move to"), required=False)

    def __init__(self, *args: Any, groups: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["label"].choices = [("", _("Not in a group"))] + [(g, g) for g in groups]


class IdeaGroupNewForm(Form):
    """Start a group by putting a first idea in it."""

    label = forms.CharField(label=_("Name of the new group"), max_length=80)
    idea = forms.TypedChoiceField(label=_("First idea in it"), coerce=int)

    def __init__(self, *args: Any, ideas: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["idea"].choices = [(i.pk, str(i)[:80]) for i in ideas]


class IdeaGroupRenameForm(Form):
    old = forms.CharField(widget=forms.HiddenInput, max_length=80)
    label = forms.CharField(label=_("New name"), max_length=80)


class DotVoteOpenForm(Form):
    proposals = forms.ModelMultipleChoiceField(
        label=_("Proposals on the ballot"),
        queryset=ThemeProposal.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    stickers_per_member = forms.IntegerField(
        label=_("Stickers per member"), min_value=1, max_value=MAX_STICKERS, initial=3
    )
    show_results_while_open = forms.BooleanField(
        label=_("Show the results while the round is open"),
        required=False,
        help_text=_("Usually not: people then follow the crowd instead of their own view."),
    )

    def __init__(self, *args: Any, proposals: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["proposals"].queryset = proposals
        self.fields["proposals"].initial = list(proposals)


class StickerForm(Form):
    """One number per proposal on the ballot: how many of my stickers go there."""

    def __init__(
        self, *args: Any, proposals: list[ThemeProposal], limit: int, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        for proposal in proposals:
            self.fields[f"proposal_{proposal.pk}"] = forms.IntegerField(
                label=_("Stickers on “%(title)s”") % {"title": proposal.title},
                min_value=0,
                max_value=limit,
                initial=0,
                widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
            )
        # The renderer styles fields at construction; these were added afterwards.
        for field in self.fields.values():
            field.widget.attrs.setdefault("class", "utrecht-textbox utrecht-textbox--html-input")

    def stickers(self) -> dict[int, int]:
        return {
            int(name.removeprefix("proposal_")): value or 0
            for name, value in self.cleaned_data.items()
        }


class SharedGoalForm(Form):
    text = forms.CharField(
        max_length=NOTES_MAX,
        label=_("Our shared learning goal"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What do we as a network want to have learned at the end of this cycle?"),
    )


class PersonalChallengeForm(Form):
    learning_goal = forms.CharField(
        max_length=NOTES_MAX,
        label=_("My learning goal"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What do you want to be able to do differently in your own work?"),
    )
    question = forms.CharField(
        max_length=NOTES_MAX,
        label=_("My learning question within the theme"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Your personal challenge: a question you will work on in practice."),
    )
    outcome = forms.CharField(
        max_length=NOTES_MAX,
        label=_("What came of it"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Fill this in later: what did you try, and what did you learn?"),
    )
    is_shared = forms.BooleanField(
        label=_("Share my learning goal and challenge with the network"),
        required=False,
        help_text=_("Otherwise only you and the facilitator see them."),
    )


class LearningQuestionForm(Form):
    text = forms.CharField(label=_("Learning question"), max_length=300)


class WorkedOnForm(Form):
    questions = forms.ModelMultipleChoiceField(
        label=_("Learning questions this meeting worked on"),
        queryset=LearningQuestion.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, questions: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["questions"].queryset = questions


class AgreementForm(Form):
    text = forms.CharField(
        max_length=LONG_TEXT_MAX,
        label=_("Our agreements"),
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_("One rule per line: how we treat each other and what we expect of each other."),
    )


class SuggestionForm(Form):
    text = forms.CharField(label=_("A rule you propose"), max_length=500)


# --- A region's quality framework ---------------------------------------------------------------


class ChapterForm(Form):
    title = forms.CharField(
        label=_("Chapter title"),
        max_length=200,
        error_messages={"required": _("Give it a title.")},
    )


class FocusAreaForm(Form):
    title = forms.CharField(
        label=_("Focus area"),
        max_length=200,
        error_messages={"required": _("Give it a title.")},
    )
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What it is about, in a sentence or two; networks read it when they choose."),
    )
