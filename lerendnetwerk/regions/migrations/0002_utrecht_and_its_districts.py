from django.db import migrations

UTRECHT_DISTRICTS = [
    "Binnenstad",
    "Leidsche Rijn",
    "Noordoost",
    "Noordwest",
    "Oost",
    "Overvecht",
    "Vleuten-De Meern",
    "West",
    "Zuid",
    "Zuidwest",
]


def create_utrecht(apps, schema_editor):
    from django.utils.text import slugify

    Region = apps.get_model("regions", "Region")
    District = apps.get_model("regions", "District")
    utrecht, _ = Region.objects.get_or_create(slug="utrecht", defaults={"name": "Utrecht"})
    for name in UTRECHT_DISTRICTS:
        District.objects.get_or_create(region=utrecht, slug=slugify(name), defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("regions", "0001_initial")]
    operations = [migrations.RunPython(create_utrecht, migrations.RunPython.noop)]
