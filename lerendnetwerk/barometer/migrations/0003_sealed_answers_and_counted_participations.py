"""Sealed answers while a round is open, and only non-facilitators count towards k.

Existing data: closed rounds count as released; every round's existing responses and answers
are written anew in random order with new keys (in this one transaction), so that their
physical order and transaction ids no longer follow the order of answering; participations of
a network's facilitators (and of whoever opened the round) stop counting towards k.
"""

import random
import uuid

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone


def forwards(apps, schema_editor):  # type: ignore[no-untyped-def]
    BarometerRound = apps.get_model("barometer", "BarometerRound")
    Response = apps.get_model("barometer", "Response")
    Answer = apps.get_model("barometer", "Answer")
    Participation = apps.get_model("barometer", "Participation")
    Membership = apps.get_model("networks", "Membership")
    BarometerRound.objects.filter(
        Q(closed_at__isnull=False) | Q(closes_on__lt=timezone.localdate())
    ).update(released=True)
    shuffle = random.SystemRandom().shuffle
    for round_id in Response.objects.values_list("round_id", flat=True).distinct():
        answers: dict[object, list[tuple[int, int | None, str]]] = {}
        for response_id, question_id, value, text in Answer.objects.filter(
            response__round_id=round_id
        ).values_list("response_id", "question_id", "value", "text"):
            answers.setdefault(response_id, []).append((question_id, value, text))
        contents = [
            answers.get(pk, [])
            for pk in Response.objects.filter(round_id=round_id).values_list("pk", flat=True)
        ]
        Response.objects.filter(round_id=round_id).delete()
        shuffle(contents)
        responses = [Response(id=uuid.uuid4(), round_id=round_id) for _ in contents]
        rows = [
            Answer(id=uuid.uuid4(), response=response, question_id=q, value=v, text=t)
            for response, content in zip(responses, contents, strict=True)
            for q, v, t in content
        ]
        shuffle(rows)
        Response.objects.bulk_create(responses)
        Answer.objects.bulk_create(rows)
    facilitator = Membership.objects.filter(
        network_id=OuterRef("round__network_id"),
        user_id=OuterRef("user_id"),
        left_at__isnull=True,
        role="facilitator",
    )
    Participation.objects.filter(
        Exists(facilitator) | Q(user_id=models.F("round__opened_by_id"))
    ).update(counts=False)


class Migration(migrations.Migration):
    dependencies = [
        ("barometer", "0002_default_questionnaire"),
        ("networks", "0002_phase_transition_open_questions"),
    ]

    operations = [
        migrations.RemoveField(
            model_name="response",
            name="submitted_on",
        ),
        migrations.AddField(
            model_name="barometerround",
            name="memberships_until",
            field=models.PositiveBigIntegerField(
                blank=True, editable=False, null=True, verbose_name="memberships until"
            ),
        ),
        migrations.AddField(
            model_name="barometerround",
            name="released",
            field=models.BooleanField(
                default=False, editable=False, verbose_name="answers released"
            ),
        ),
        migrations.AddField(
            model_name="participation",
            name="counts",
            field=models.BooleanField(default=True, verbose_name="counts towards the minimum"),
        ),
        migrations.CreateModel(
            name="SealedResponse",
            fields=[
                (
                    "id",
                    models.UUIDField(
                        default=uuid.uuid4, editable=False, primary_key=True, serialize=False
                    ),
                ),
                ("payload", models.TextField(editable=False, verbose_name="sealed answers")),
                (
                    "round",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="sealed_responses",
                        to="barometer.barometerround",
                        verbose_name="round",
                    ),
                ),
            ],
            options={
                "verbose_name": "sealed response",
                "verbose_name_plural": "sealed responses",
                "ordering": ["id"],
            },
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
