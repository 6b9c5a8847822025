from django.db import migrations


def load(apps, schema_editor):
    from types import SimpleNamespace

    from lerendnetwerk.catalogue.loader import load_catalogue

    load_catalogue(
        SimpleNamespace(
            Source=apps.get_model("catalogue", "Source"),
            Topic=apps.get_model("catalogue", "Topic"),
            Entry=apps.get_model("catalogue", "Entry"),
            SourceReference=apps.get_model("catalogue", "SourceReference"),
        )
    )


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
