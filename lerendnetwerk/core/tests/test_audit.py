"""Every look by staff at personal data in the admin site lands in the audit log."""

import pytest
from django.contrib import admin
from django.urls import reverse

from lerendnetwerk.core.audit import AuditMixin, holds_personal_data
from lerendnetwerk.core.models import AuditEntry
from lerendnetwerk.core.tests.factories import UserFactory, login

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser():
    return UserFactory.create(name="Sam Superuser", is_staff=True, is_superuser=True)


def test_every_registered_model_admin_is_audited():
    unaudited = [
        model._meta.label
        for model, model_admin in admin.site._registry.items()
        if not isinstance(model_admin, AuditMixin)
    ]
    assert unaudited == [], "register these admins on the audited site"
    personal = {
        model._meta.label
        for model, model_admin in admin.site._registry.items()
        if isinstance(model_admin, AuditMixin) and model_admin.audited()
    }
    assert {
        "accounts.User",
        "accounts.Invitation",
        "core.AuditEntry",
        "axes.AccessAttempt",
        "otp_totp.TOTPDevice",
    } <= personal


def test_a_model_without_people_is_not_personal_data():
    from lerendnetwerk.regions.models import Region

    assert not holds_personal_data(Region)


def test_list_view_change_and_action_are_written_down(superuser):
    person = UserFactory.create(email="lid@example.org")
    client = login(superuser)
    client.get(reverse("admin:accounts_user_changelist"))
    client.get(reverse("admin:accounts_user_change", args=[person.pk]))
    client.post(
        reverse("admin:accounts_user_changelist"),
        {"action": "delete_selected", "_selected_action": [person.pk]},
    )
    entries = list(AuditEntry.objects.order_by("pk").values_list("action", "model", "object_id"))
    assert entries == [
        ("list", "accounts.user", ""),
        ("view", "accounts.user", str(person.pk)),
        ("action", "accounts.user", str(person.pk)),
    ]
    entry = AuditEntry.objects.get(action="view")
    assert entry.user == superuser and entry.email == superuser.email
    assert entry.path == reverse("admin:accounts_user_change", args=[person.pk])


def test_a_refused_page_is_not_logged_as_seen(coordinator):
    response = login(coordinator).get(reverse("admin:accounts_user_changelist"))
    assert response.status_code == 403
    assert not AuditEntry.objects.exists()


def test_the_log_outlives_the_account_and_is_read_only_for_superusers(superuser, coordinator):
    client = login(superuser)
    client.get(reverse("admin:accounts_user_changelist"))
    entry = AuditEntry.objects.get()
    log = reverse("admin:core_auditentry_changelist")
    assert client.get(log).status_code == 200
    assert client.get(reverse("admin:core_auditentry_change", args=[entry.pk])).status_code == 200
    assert client.get(reverse("admin:core_auditentry_add")).status_code == 403
    assert client.post(reverse("admin:core_auditentry_delete", args=[entry.pk])).status_code == 403
    assert login(coordinator).get(log).status_code == 403

    superuser.delete()
    entry.refresh_from_db()
    assert entry.user is None
    assert entry.email.startswith("persoon")
