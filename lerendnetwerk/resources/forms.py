"""Forms of the resource library. They do not query: each view hands its form the choices from
the selectors."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from lerendnetwerk.catalogue.phase import Phase
from lerendnetwerk.core.forms import Form
from lerendnetwerk.core.text import NOTES_MAX

from .models import Resource
from .services import (
    DESCRIPTION_MAX,
    EXTENT_MAX,
    LICENCE_MAX,
    SOURCE_MAX,
    TITLE_MAX,
    ResourceData,
)

Choices = list[tuple[Any, Any]]
# Only a hint for the browser's file picker: the server decides by the file's content.
ACCEPT = ".mp4,.webm,.pdf"


class FilterForm(Form):
    """The public list's filters, read from the query string (no JavaScript needed)."""

    fase = forms.ChoiceField(label=_("Phase"), required=False)
    soort = forms.ChoiceField(label=_("Kind"), required=False)
    thema = forms.TypedChoiceField(
        label=_("Focus area"), coerce=int, empty_value=None, required=False
    )

    def __init__(self, *args: Any, focus_areas: Choices, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["fase"].choices = [("", _("All phases")), *Phase.choices]
        self.fields["soort"].choices = [("", _("All kinds")), *Resource.Kind.choices]
        self.fields["thema"].choices = [("", _("All focus areas")), *focus_areas]

    def chosen(self) -> dict[str, Any]:
        data = self.cleaned_data if self.is_valid() else {}
        return {
            "phase": data.get("fase") or None,
            "kind": data.get("soort") or None,
            "focus_area_id": data.get("thema"),
        }


class ResourceForm(Form):
    title = forms.CharField(label=_("Title"), max_length=TITLE_MAX)
    kind = forms.ChoiceField(
        label=_("What kind of resource is it?"),
        choices=Resource.Kind.choices,
        widget=forms.RadioSelect,
    )
    description = forms.CharField(
        label=_("Description"),
        max_length=DESCRIPTION_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("In your own words: what is it about, and what can a network do with it?"),
    )
    url = forms.URLField(
        label=_("Web address"),
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text=_(
            "Where it is: a page, a PDF, or a film on YouTube or Vimeo. A film there is only "
            "played on this platform once the visitor agrees."
        ),
    )
    file = forms.FileField(
        label=_("Or a file"),
        required=False,
        widget=forms.FileInput(attrs={"accept": ACCEPT}),
    )
    captions = forms.FileField(
        label=_("Captions for the film (WebVTT)"),
        required=False,
        widget=forms.FileInput(attrs={"accept": ".vtt"}),
        help_text=_("A .vtt file, so that viewers who cannot hear the film can read along."),
    )
    language = forms.ChoiceField(
        label=_("Language"), choices=Resource.Language.choices, initial=Resource.Language.DUTCH
    )
    minutes = forms.IntegerField(
        label=_("Length of a film in minutes"), required=False, min_value=1, max_value=1440
    )
    extent = forms.CharField(
        label=_("Extent of a text"),
        max_length=EXTENT_MAX,
        required=False,
        help_text=_("For example: 12 pages, or chapter 3 (pages 45–60)."),
    )
    source = forms.CharField(
        label=_("Source"),
        max_length=SOURCE_MAX,
        required=False,
        help_text=_("Who made it, and where it appeared: author, year, publisher or maker."),
    )
    licence = forms.CharField(
        label=_("Licence"),
        max_length=LICENCE_MAX,
        required=False,
        help_text=_("For example: CC BY 4.0, or: all rights reserved, linked with permission."),
    )
    phases = forms.MultipleChoiceField(
        label=_("Phases it helps with"),
        choices=Phase.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    entries = forms.TypedMultipleChoiceField(
        label=_("Work forms, instruments and tips of the Handbook"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    focus_areas = forms.TypedMultipleChoiceField(
        label=_("Focus areas from the UKK"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(
        self,
        *args: Any,
        entries: Choices,
        focus_areas: Choices,
        max_mb: float,
        has_file: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["entries"].choices = entries
        self.fields["focus_areas"].choices = focus_areas
        hints = [
            str(_("A film as MP4 or WebM, a text as PDF.")),
            str(_("At most %(mb)s MB.") % {"mb": f"{max_mb:g}"}),
        ]
        if has_file:
            hints.append(str(_("Leave it empty to keep the current file.")))
        self.fields["file"].help_text = " ".join(hints)

    def data_typed(self, *, entries: list[Any], focus_areas: list[Any]) -> ResourceData:
        data = self.cleaned_data
        return ResourceData(
            kind=data["kind"],
            title=data["title"],
            description=data["description"],
            language=data["language"],
            minutes=data["minutes"],
            extent=data["extent"],
            source=data["source"],
            licence=data["licence"],
            url=data["url"],
            phases=list(data["phases"]),
            entries=entries,
            focus_areas=focus_areas,
        )


class ReviewForm(Form):
    decision = forms.ChoiceField(
        label=_("Your decision"),
        choices=[("publish", _("Publish it in the library")), ("reject", _("Do not add it"))],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note for whoever suggested it"),
        max_length=NOTES_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Why it is not added, for example. They read it on their page of suggestions."),
    )
