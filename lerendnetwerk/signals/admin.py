"""Coordinators tune their region's signal thresholds in the admin site; signals themselves are
computed, never edited by hand."""

from typing import Any

from django import forms
from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _

from lerendnetwerk.accounts.roles import coordinator_region_ids
from lerendnetwerk.regions.models import Region

from .models import RegionThresholds
from .thresholds import DEFAULTS


class RegionThresholdsForm(forms.ModelForm[RegionThresholds]):
    class Meta:
        model = RegionThresholds
        fields = ["region", "values"]

    def clean_values(self) -> dict[str, dict[str, float]]:
        values = self.cleaned_data["values"] or {}
        if not isinstance(values, dict):
            raise forms.ValidationError(_("Give the thresholds per rule, as in the defaults."))
        for rule, settings in values.items():
            if rule not in DEFAULTS:
                raise forms.ValidationError(
                    _("There is no rule %(rule)s. Rules: %(rules)s.")
                    % {"rule": rule, "rules": ", ".join(DEFAULTS)}
                )
            if not isinstance(settings, dict):
                raise forms.ValidationError(
                    _("Give the thresholds of %(rule)s by name.") % {"rule": rule}
                )
            for key, value in settings.items():
                if key not in DEFAULTS[rule]:
                    raise forms.ValidationError(
                        _("The rule %(rule)s has no threshold %(key)s. It has: %(keys)s.")
                        % {"rule": rule, "key": key, "keys": ", ".join(DEFAULTS[rule])}
                    )
                if not isinstance(value, int | float) or isinstance(value, bool) or value < 0:
                    raise forms.ValidationError(
                        _("The threshold %(rule)s.%(key)s must be a number of 0 or more.")
                        % {"rule": rule, "key": key}
                    )
        return values


@admin.register(RegionThresholds)
class RegionThresholdsAdmin(admin.ModelAdmin[RegionThresholds]):
    form = RegionThresholdsForm
    list_display = ["region"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[RegionThresholds]:
        queryset = super().get_queryset(request).select_related("region")
        if request.user.is_superuser:
            return queryset
        return queryset.filter(region__in=coordinator_region_ids(request.user))

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.name == "region" and not request.user.is_superuser:
            kwargs["queryset"] = Region.objects.filter(pk__in=coordinator_region_ids(request.user))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_form(
        self,
        request: HttpRequest,
        obj: RegionThresholds | None = None,
        change: bool = False,
        **kwargs: Any,
    ) -> type[forms.ModelForm[RegionThresholds]]:
        form = super().get_form(request, obj, change, **kwargs)
        form.base_fields["values"].help_text = _(
            "Only what differs from the defaults, e.g. %(example)s. The defaults: %(defaults)s"
        ) % {"example": '{"drop_outs": {"fall": 0.3}}', "defaults": DEFAULTS}
        return form
