"""Forms rendered with NL Design System (Utrecht) classes.

Every form of the platform derives from `StyledFormMixin`: widgets get the component classes, and
the renderer lays fields out as `utrecht-form-field` with the label, description and error message
wired to the input (Django adds `aria-describedby` and `aria-invalid`).
"""

from typing import Any

from django import forms
from django.db.models import Model
from django.db.models.fields import BLANK_CHOICE_LABEL
from django.forms.renderers import TemplatesSetting
from django.utils.translation import gettext_lazy as _

WIDGET_CLASSES: list[tuple[type[forms.Widget], str]] = [
    (forms.CheckboxSelectMultiple, "utrecht-checkbox utrecht-checkbox--html-input"),
    (forms.RadioSelect, "utrecht-radio-button utrecht-radio-button--html-input"),
    (forms.CheckboxInput, "utrecht-checkbox utrecht-checkbox--html-input"),
    (forms.Textarea, "utrecht-textarea utrecht-textarea--html-textarea"),
    (forms.Select, "utrecht-select utrecht-select--html-select"),
    (forms.widgets.Input, "utrecht-textbox utrecht-textbox--html-input"),
]


EMPTY_LABEL = _("– choose –")


class FormRenderer(TemplatesSetting):
    form_template_name = "core/forms/form.html"
    field_template_name = "core/forms/field.html"


class StyledFormMixin:
    fields: dict[str, Any]  # typed loosely: forms set querysets and choices per request
    # No HTML `required`: browsers would style every empty required field as invalid before
    # anyone typed. The server validates; `aria-required` still tells assistive technology.
    use_required_attribute = False

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            # aria-required is not allowed on a single radio button or checkbox.
            choice = (forms.RadioSelect, forms.CheckboxSelectMultiple, forms.CheckboxInput)
            if field.required and not isinstance(field.widget, choice):
                field.widget.attrs.setdefault("aria-required", "true")
            # Django's own empty choice is not translated into Dutch yet.
            if isinstance(field, forms.ModelChoiceField) and str(field.empty_label) == str(
                BLANK_CHOICE_LABEL
            ):
                field.empty_label = EMPTY_LABEL
            for widget_class, css in WIDGET_CLASSES:
                if isinstance(field.widget, widget_class):
                    existing = field.widget.attrs.get("class", "")
                    field.widget.attrs["class"] = f"{existing} {css}".strip()
                    break


class Form(StyledFormMixin, forms.Form):
    pass


class ModelForm[M: Model](StyledFormMixin, forms.ModelForm[M]):
    pass


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")
