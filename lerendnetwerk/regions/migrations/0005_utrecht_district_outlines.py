"""A schematic map of Utrecht's ten districts for the public district overview.

Hand-drawn and simplified on purpose (there is no real geometry on the platform): each district
is a polygon in roughly its place, with shared borders, large enough to carry its name. It is
labelled on the site as a schematic map, not to scale. West of the A2 lie Vleuten-De Meern and
Leidsche Rijn; Overvecht is in the north, Zuid and Zuidwest in the south, Oost in the east, the
Binnenstad in the middle.
"""

from django.db import migrations

OUTLINES = {
    "vleuten-de-meern": "M 10 100 L 95 84 L 102 282 L 20 298 L 5 200 Z",
    "leidsche-rijn": "M 95 84 L 178 70 L 180 140 L 182 222 L 184 270 L 102 282 Z",
    "noordwest": "M 178 70 L 228 30 L 258 86 L 262 140 L 226 146 L 180 140 Z",
    "overvecht": "M 228 30 L 290 8 L 356 26 L 348 92 L 258 86 Z",
    "noordoost": "M 258 86 L 348 92 L 360 150 L 306 158 L 262 140 Z",
    "binnenstad": "M 226 146 L 262 140 L 306 158 L 308 206 L 274 218 L 230 212 Z",
    "west": "M 180 140 L 226 146 L 230 212 L 182 222 Z",
    "oost": "M 306 158 L 360 150 L 396 164 L 390 250 L 336 244 L 308 206 Z",
    "zuidwest": "M 182 222 L 230 212 L 274 218 L 278 300 L 214 314 L 184 270 Z",
    "zuid": "M 274 218 L 308 206 L 336 244 L 390 250 L 352 296 L 300 318 L 278 300 Z",
}


def draw(apps, schema_editor):
    District = apps.get_model("regions", "District")
    for slug, outline in OUTLINES.items():
        # Only where nobody drew one yet: an outline changed in the admin site stays.
        District.objects.filter(region__slug="utrecht", slug=slug, outline="").update(
            outline=outline
        )


def erase(apps, schema_editor):
    District = apps.get_model("regions", "District")
    for slug, outline in OUTLINES.items():
        District.objects.filter(region__slug="utrecht", slug=slug, outline=outline).update(
            outline=""
        )


class Migration(migrations.Migration):
    dependencies = [("regions", "0004_district_outline")]
    operations = [migrations.RunPython(draw, erase)]
