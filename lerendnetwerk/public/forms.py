"""The public site's filters, read from the query string (a GET form: no JavaScript needed).

The field names are the query parameters people see, so they are Dutch like the paths. The view
hands the choices over from the selectors; the forms do not query.
"""

from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from lerendnetwerk.catalogue.phase import Phase
from lerendnetwerk.core.forms import Form

from .selectors import OTHER_THEME, PREPARING, Filters

if TYPE_CHECKING:
    from .selectors import FilterChoices

Choices = list[tuple[str, str | Promise]]


class NetworkFilterForm(Form):
    """The district overview's filters: theme, phase, kind of member organisation, district."""

    thema = forms.ChoiceField(label=_("Theme"), required=False)
    fase = forms.ChoiceField(label=_("Phase"), required=False)
    organisatie = forms.ChoiceField(label=_("Kind of organisation"), required=False)
    wijk = forms.ChoiceField(label=_("District"), required=False)

    def __init__(self, *args: Any, choices: "FilterChoices", kinds: Choices, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.choices, self.kinds = choices, kinds
        everything: Choices = [("", _("All"))]
        by_chapter: dict[str, list[tuple[str, str]]] = {}
        for area in choices.focus_areas:
            chapter = f"{area.chapter.number}. {area.chapter.title}"
            by_chapter.setdefault(chapter, []).append((str(area.pk), area.title))
        self.fields["thema"].choices = [
            *everything,
            *by_chapter.items(),
            (OTHER_THEME, _("A theme of its own (outside the UKK)")),
        ]
        self.fields["fase"].choices = [
            *everything,
            (PREPARING, _("Preparing (prerequisites)")),
            *Phase.choices,
        ]
        self.fields["organisatie"].choices = [*everything, *kinds]
        self.fields["wijk"].choices = [
            *everything,
            *((district.slug, district.name) for district in choices.districts),
        ]

    def filters(self) -> Filters:
        """The valid choices; a value that is not among them is left out (it filters nothing)."""
        self.is_valid()
        chosen = getattr(self, "cleaned_data", {})
        return Filters(
            theme=chosen.get("thema", ""),
            phase=chosen.get("fase", ""),
            kind=chosen.get("organisatie", ""),
            district=chosen.get("wijk", ""),
        )

    def shown(self) -> "NetworkFilterForm":
        """The form as the page shows it: the valid choices selected, no error for a value
        that was left out. The same for every visitor with these filters, so it is cached with
        the results."""
        filters = self.filters()
        values = {
            "thema": filters.theme,
            "fase": filters.phase,
            "organisatie": filters.kind,
            "wijk": filters.district,
        }
        return type(self)(
            initial={name: value for name, value in values.items() if name in self.fields},
            choices=self.choices,
            kinds=self.kinds,
        )


class GoodPracticeFilterForm(NetworkFilterForm):
    """The good-practice overview's filters: the theme and phase of the cycle a result was made
    in, and the district of its network."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["organisatie"]
