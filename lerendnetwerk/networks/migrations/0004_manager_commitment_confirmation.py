"""What a manager commits (time, budget), their confirmation, and one commitment per cycle.

Existing commitments belong to their network's current cycle and stay *proposed*: they were
recorded by the facilitator alone, so the manager is asked to confirm them. Recorded
prerequisites count as confirmed for the current cycle.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def current_cycle(apps, schema_editor):
    ManagerCommitment = apps.get_model("networks", "ManagerCommitment")
    Prerequisite = apps.get_model("networks", "Prerequisite")
    Cycle = apps.get_model("networks", "Cycle")
    for model in (ManagerCommitment, Prerequisite):
        for row in model.objects.select_related("network"):
            cycle_id = row.network.current_cycle_id or (
                Cycle.objects.filter(network_id=row.network_id)
                .order_by("-number")
                .values_list("pk", flat=True)
                .first()
            )
            field = "cycle_id" if model is ManagerCommitment else "confirmed_for_cycle_id"
            model.objects.filter(pk=row.pk).update(**{field: cycle_id})


class Migration(migrations.Migration):
    dependencies = [
        ("networks", "0003_membership_invitation"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="ManagerReminder",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "last_reminded_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="last reminded at"),
                ),
                (
                    "last_count",
                    models.PositiveIntegerField(
                        default=0, verbose_name="waiting at the last reminder"
                    ),
                ),
            ],
            options={
                "verbose_name": "manager reminder",
                "verbose_name_plural": "manager reminders",
            },
        ),
        migrations.RemoveConstraint(
            model_name="managercommitment",
            name="commitment_once",
        ),
        migrations.AddField(
            model_name="managercommitment",
            name="budget_euros",
            field=models.PositiveIntegerField(blank=True, null=True, verbose_name="budget (euro)"),
        ),
        migrations.AddField(
            model_name="managercommitment",
            name="confirmed_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="confirmed at"),
        ),
        migrations.AddField(
            model_name="managercommitment",
            name="confirmed_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="confirmed by",
            ),
        ),
        migrations.AddField(
            model_name="managercommitment",
            name="cycle",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="manager_commitments",
                to="networks.cycle",
                verbose_name="cycle",
            ),
        ),
        migrations.AddField(
            model_name="managercommitment",
            name="hours_per_month",
            field=models.DecimalField(
                blank=True,
                decimal_places=1,
                max_digits=5,
                null=True,
                verbose_name="hours per month for their staff",
            ),
        ),
        migrations.AddField(
            model_name="managercommitment",
            name="proposed_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="proposed by",
            ),
        ),
        migrations.AddField(
            model_name="prerequisite",
            name="confirmed_for_cycle",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="networks.cycle",
                verbose_name="confirmed for cycle",
            ),
        ),
        migrations.RunPython(current_cycle, migrations.RunPython.noop, elidable=True),
        migrations.AlterField(
            model_name="managercommitment",
            name="cycle",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="manager_commitments",
                to="networks.cycle",
                verbose_name="cycle",
            ),
        ),
        migrations.AddConstraint(
            model_name="managercommitment",
            constraint=models.UniqueConstraint(
                fields=("cycle", "manager"), name="commitment_once_per_cycle"
            ),
        ),
        migrations.AddField(
            model_name="managerreminder",
            name="manager",
            field=models.OneToOneField(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="manager_reminder",
                to=settings.AUTH_USER_MODEL,
                verbose_name="manager",
            ),
        ),
    ]
