import pytest
from django.urls import reverse

from lerendnetwerk.accounts.models import User
from lerendnetwerk.core.tests.factories import UserFactory, login

pytestmark = pytest.mark.django_db


def test_a_superuser_adds_a_person_in_the_admin():
    admin = UserFactory.create(is_staff=True, is_superuser=True)
    client = login(admin)
    assert client.get(reverse("admin:accounts_user_add")).status_code == 200
    response = client.post(
        reverse("admin:accounts_user_add"),
        {
            "email": "Nieuw@Example.org",
            "name": "Nieuwe Beheerder",
            "usable_password": "true",
            "password1": "Lerend-Netwerk-2026",
            "password2": "Lerend-Netwerk-2026",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    # Stored in lower case, like every address, so that it logs in however it is typed.
    user = User.objects.get(email="nieuw@example.org")
    assert user.check_password("Lerend-Netwerk-2026")
    change = client.get(reverse("admin:accounts_user_change", args=[user.pk]))
    assert change.status_code == 200
