from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm
from django.utils.translation import gettext_lazy as _

from .models import Invitation, User


class UserCreationForm(AdminUserCreationForm[User]):
    class Meta:
        model = User
        fields = ("email", "name")


@admin.register(User)
class UserAdmin(DjangoUserAdmin[User]):
    add_form = UserCreationForm
    ordering = ["name"]
    list_display = ["name", "email", "organisation", "is_manager", "is_expert", "is_staff"]
    list_filter = ["is_manager", "is_expert", "is_staff", "is_active"]
    search_fields = ["name", "email"]
    list_select_related = ["organisation"]
    autocomplete_fields = ["organisation"]
    filter_horizontal = ["coordinator_of", "groups", "user_permissions"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (
            _("Person"),
            {
                "fields": [
                    "name",
                    "organisation",
                    "job_title",
                    "language",
                    "show_email_publicly",
                ]
            },
        ),
        (_("Roles"), {"fields": ["is_manager", "is_expert", "expertise", "coordinator_of"]}),
        (
            _("Access"),
            {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]},
        ),
    ]
    add_fieldsets = [
        (
            None,
            {
                "classes": ["wide"],
                "fields": ["email", "name", "usable_password", "password1", "password2"],
            },
        )
    ]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin[Invitation]):
    list_display = ["user", "invited_by", "sent_at", "accepted_at"]
    list_select_related = ["user", "invited_by"]
