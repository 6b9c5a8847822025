from django.db import migrations


def load(apps, schema_editor):
    from types import SimpleNamespace

    from lerendnetwerk.catalogue.invalidation import CATALOGUE
    from lerendnetwerk.catalogue.loader import load_catalogue
    from lerendnetwerk.core import fragments

    load_catalogue(
        SimpleNamespace(
            Source=apps.get_model("catalogue", "Source"),
            Topic=apps.get_model("catalogue", "Topic"),
            Entry=apps.get_model("catalogue", "Entry"),
            SourceReference=apps.get_model("catalogue", "SourceReference"),
        )
    )
    # Historical models send no signal that the cached catalogue pages listen to.
    fragments.bump(CATALOGUE)


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0003_entry_how_to")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
