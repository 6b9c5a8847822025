from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from lerendnetwerk.core.forms import Form
from lerendnetwerk.core.text import NOTES_MAX

from .models import Showcase
from .services import TITLE_MAX

# Only a hint for the browser's file picker: the server decides by the file's content.
ACCEPT = ".pdf,.png,.jpg,.jpeg,.webp,.docx,.xlsx,.pptx,.txt"


class ShowcaseForm(Form):
    title = forms.CharField(label=_("Title"), max_length=TITLE_MAX)
    kind = forms.ChoiceField(
        label=_("What kind of result is it?"),
        choices=Showcase.Kind.choices,
        widget=forms.RadioSelect,
    )
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=NOTES_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What does it show, and what can others in the district learn from it?"),
    )
    file = forms.FileField(
        label=_("File"),
        required=False,
        widget=forms.FileInput(attrs={"accept": ACCEPT}),
        help_text=_(
            "PDF, photo (PNG, JPEG, WebP), Word, Excel, PowerPoint or plain text. Photos are "
            "saved without their hidden data (such as the place they were taken)."
        ),
    )
    link = forms.URLField(
        label=_("Or a link"),
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text=_(
            "For a film: the address on a video platform. The platform shows only the link; "
            "nothing of the other site is loaded."
        ),
    )
    consent = forms.BooleanField(
        label=_("The people who can be seen or heard agreed to publication"),
        required=False,
        help_text=_(
            "Needed for photos, films and interviews. Your name and the date are kept with the "
            "result."
        ),
    )

    def __init__(self, *args: Any, max_mb: float, has_file: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        hints = [
            str(self.fields["file"].help_text),
            _("At most %(mb)s MB.") % {"mb": f"{max_mb:g}"},
        ]
        if has_file:
            hints.append(str(_("Leave it empty to keep the current file.")))
        self.fields["file"].help_text = " ".join(hints)
