from django import forms
from django.core.exceptions import ValidationError


def add_validation_error(form: forms.Form, error: ValidationError) -> None:
    """Show a service's refusal on the form: on its field when the form has it, else on top."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)
