from typing import TYPE_CHECKING

from django.contrib import admin

from .models import AuditEntry

if TYPE_CHECKING:
    from django.http import HttpRequest


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin[AuditEntry]):
    """The audit log: read by superusers only, changed by nobody."""

    list_display = ["at", "email", "action", "model", "object_id", "detail"]
    list_filter = ["action", "model"]
    search_fields = ["email", "object_id", "path"]
    date_hierarchy = "at"
    readonly_fields = ["at", "user", "email", "action", "detail", "model", "object_id", "path"]

    def has_module_permission(self, request: "HttpRequest") -> bool:
        return bool(request.user.is_active and request.user.is_superuser)

    def has_view_permission(self, request: "HttpRequest", obj: AuditEntry | None = None) -> bool:
        return bool(request.user.is_active and request.user.is_superuser)

    def has_add_permission(self, request: "HttpRequest") -> bool:
        return False

    def has_change_permission(self, request: "HttpRequest", obj: AuditEntry | None = None) -> bool:
        return False

    def has_delete_permission(self, request: "HttpRequest", obj: AuditEntry | None = None) -> bool:
        return False
