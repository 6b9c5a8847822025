from django.contrib.admin.apps import AdminConfig as DjangoAdminConfig


class AdminConfig(DjangoAdminConfig):
    """Django's admin site, with every ModelAdmin audited (core/audit.py)."""

    default_site = "lerendnetwerk.core.audit.AuditedAdminSite"
