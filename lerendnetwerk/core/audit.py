"""The admin site's audit log: every look by staff at personal data is written down.

`AuditedAdminSite.register` mixes `AuditMixin` into every ModelAdmin registered on it, so an
admin added later is audited without anyone remembering to (`core/tests/test_audit.py` walks
the registry). A model holds personal data when it is the user model, refers to it, or keeps an
e-mail address, a username or a client address; a ModelAdmin may say otherwise with
`audit_personal_data`.
"""

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib import admin
from django.contrib.admin import helpers
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import models
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from .models import AuditEntry

if TYPE_CHECKING:
    from collections.abc import Iterable

    from django.http import HttpRequest, HttpResponse, HttpResponseBase


# Fields that identify a person even without a link to the user model (django-axes' login
# attempts keep the typed e-mail address and the client's address).
PERSONAL_FIELD_NAMES = frozenset({"email", "username", "ip_address", "user_agent"})


def holds_personal_data(model: type[models.Model]) -> bool:
    if model._meta.label == settings.AUTH_USER_MODEL:
        return True
    for field in model._meta.get_fields():
        if field.auto_created and not field.concrete:
            continue  # a reverse relation: the other model holds the reference
        related = getattr(field, "related_model", None)
        if related is not None and related._meta.label == settings.AUTH_USER_MODEL:
            return True
        if isinstance(field, models.EmailField) or field.name in PERSONAL_FIELD_NAMES:
            return True
    return False


def audit_record(
    *,
    request: "HttpRequest",
    action: str,
    model: type[models.Model],
    object_id: str = "",
    detail: str = "",
) -> AuditEntry:
    user = request.user
    return AuditEntry.objects.create(
        user=user if user.is_authenticated else None,
        email=getattr(user, "email", "") or "",
        action=action,
        detail=detail[:200],
        model=model._meta.label_lower,
        object_id=object_id[:500],
        path=request.get_full_path()[:2000],
    )


class AuditMixin[M: models.Model](admin.ModelAdmin[M]):
    """Write an AuditEntry for each page of this admin that shows or changes its objects."""

    # None: decide from the model's fields (holds_personal_data).
    audit_personal_data: bool | None = None

    def audited(self) -> bool:
        if self.audit_personal_data is not None:
            return self.audit_personal_data
        return holds_personal_data(self.model)

    def _audit(
        self,
        request: "HttpRequest",
        response: "HttpResponseBase",
        action: str,
        object_id: str = "",
        detail: str = "",
    ) -> None:
        # Only what was actually shown or done: a refused or missing page showed nothing.
        if self.audited() and response.status_code < 400:
            audit_record(
                request=request,
                action=action,
                model=self.model,
                object_id=object_id,
                detail=detail,
            )

    def changelist_view(
        self, request: "HttpRequest", extra_context: dict[str, Any] | None = None
    ) -> "HttpResponse":
        response = super().changelist_view(request, extra_context)
        if request.method == "POST" and request.POST.get("action"):
            selected = request.POST.getlist(helpers.ACTION_CHECKBOX_NAME)
            self._audit(
                request,
                response,
                AuditEntry.Action.ACTION,
                ",".join(selected),
                detail=request.POST["action"],
            )
        else:
            self._audit(request, response, AuditEntry.Action.LIST)
        return response

    def changeform_view(
        self,
        request: "HttpRequest",
        object_id: str | None = None,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> "HttpResponse":
        response = super().changeform_view(request, object_id, form_url, extra_context)
        if object_id is None:
            if request.method == "POST":
                self._audit(request, response, AuditEntry.Action.ADD)
        else:
            action = (
                AuditEntry.Action.CHANGE if request.method == "POST" else AuditEntry.Action.VIEW
            )
            self._audit(request, response, action, str(object_id))
        return response

    def delete_view(
        self, request: "HttpRequest", object_id: str, extra_context: dict[str, Any] | None = None
    ) -> "HttpResponse":
        response = super().delete_view(request, object_id, extra_context)
        action = AuditEntry.Action.DELETE if request.method == "POST" else AuditEntry.Action.VIEW
        self._audit(request, response, action, str(object_id), detail="delete")
        return response

    def history_view(
        self, request: "HttpRequest", object_id: str, extra_context: dict[str, Any] | None = None
    ) -> "HttpResponse":
        response = super().history_view(request, object_id, extra_context)
        self._audit(request, response, AuditEntry.Action.HISTORY, str(object_id))
        return response


def audited_admin_class(admin_class: type[admin.ModelAdmin[Any]]) -> type[AuditMixin[Any]]:
    if issubclass(admin_class, AuditMixin):
        return admin_class
    return type(
        admin_class.__name__,
        (AuditMixin, admin_class),
        {"__module__": admin_class.__module__, "__doc__": admin_class.__doc__},
    )


class AuditedAdminSite(admin.AdminSite):
    def login(
        self, request: "HttpRequest", extra_context: dict[str, Any] | None = None
    ) -> "HttpResponse":
        """One login page for the whole platform, the one with the second step."""
        next_url = request.GET.get(REDIRECT_FIELD_NAME, "")
        if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
            next_url = reverse("admin:index", current_app=self.name)
        if request.user.is_authenticated:
            if self.has_permission(request):
                return redirect(next_url)
            # Logged in without admin rights: the login page would send them straight back.
            raise PermissionDenied
        return redirect_to_login(next_url)

    def register(
        self,
        model_or_iterable: "type[models.Model] | Iterable[type[models.Model]]",
        admin_class: type[admin.ModelAdmin[Any]] | None = None,
        **options: Any,
    ) -> None:
        super().register(
            model_or_iterable, audited_admin_class(admin_class or admin.ModelAdmin), **options
        )
