"""Store every e-mail address in lower case, as login, password reset and invitations look it up.

An address whose lower-case form already belongs to another account is left alone (it would
break the unique constraint); an administrator merges such a pair by hand.
"""

from typing import Any

from django.db import migrations


def lowercase_addresses(apps: Any, schema_editor: Any) -> None:
    User = apps.get_model("accounts", "User")
    taken = set(User.objects.values_list("email", flat=True))
    for user in User.objects.exclude(email="").only("email").iterator():
        lower = user.email.strip().lower()
        if lower != user.email and lower not in taken:
            taken.add(lower)
            user.email = lower
            user.save(update_fields=["email"])


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial")]

    operations = [migrations.RunPython(lowercase_addresses, migrations.RunPython.noop)]
