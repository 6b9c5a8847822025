"""Writes on a person's data: asking for erasure, cancelling it, erasing, and the retention purge.

Erasure follows `policy.POLICY` per field; see `docs/processing-register.md` for why each
choice was made.
"""

import datetime
from typing import TYPE_CHECKING, Any

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import UniqueConstraint
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from lerendnetwerk.core import pagecache
from lerendnetwerk.core.email import email_enqueue
from lerendnetwerk.networks import selectors as network_selectors
from lerendnetwerk.networks import services as network_services

from .policy import POLICY, Erase
from .walk import Reference, references

if TYPE_CHECKING:
    from lerendnetwerk.accounts.models import User

_CANCEL_SALT = "lerendnetwerk.privacy.erasure_cancel"
# Placeholders are accounts nobody can log in to, told apart by this reserved domain.
PLACEHOLDER_DOMAIN = "former-participant.invalid"


def grace_period() -> datetime.timedelta:
    return datetime.timedelta(days=settings.ERASURE_GRACE_DAYS)


def erasure_cancel_token(*, user: "User") -> str:
    assert user.erasure_requested_at is not None
    return signing.dumps(
        {"user": user.pk, "at": user.erasure_requested_at.isoformat()}, salt=_CANCEL_SALT
    )


@transaction.atomic
def erasure_request(*, user: "User") -> "User":
    """Deactivate the account at once and erase it after the grace period.

    From now on the person cannot log in, and they leave every network (their buddy pairs and
    answers to meetings still to come end with it, see `networks.leaving`), which takes them off
    every member list. An e-mail confirms it with a link that cancels the erasure during the
    grace period. Also the last facilitator of a network may go: the coordinator assigns another.
    """
    if user.erasure_requested_at is not None:
        raise ValidationError(_("You already asked to delete your account."))
    user.is_active = False
    user.erasure_requested_at = timezone.now()
    user.save(update_fields=["is_active", "erasure_requested_at"])
    for membership in network_selectors.memberships_of(user=user):
        network_services.membership_end(membership=membership)
    with translation.override(user.language):
        path = reverse("privacy:erasure_cancel", kwargs={"token": erasure_cancel_token(user=user)})
    erase_on = timezone.localdate(user.erasure_requested_at + grace_period())
    email_enqueue(
        to=user.email,
        template="privacy/email/erasure_requested",
        context={"name": user.name, "erase_on": erase_on, "link": f"{settings.SITE_URL}{path}"},
        language=user.language,
    )
    return user


@transaction.atomic
def erasure_cancel(*, token: str) -> "User":
    """Undo a request for erasure: the account is active again (the networks it left are not
    rejoined; a facilitator adds the person again). Refuses a link that is altered, older than
    the grace period, or for a request that was already cancelled or carried out."""
    refusal = ValidationError(
        _(
            "This link no longer works: the account was already erased, the erasure was "
            "cancelled before, or the link is too old."
        )
    )
    try:
        data = signing.loads(token, salt=_CANCEL_SALT, max_age=grace_period())
    except signing.BadSignature:
        raise refusal from None
    user_model = get_user_model()
    user = user_model.objects.select_for_update().filter(pk=data["user"]).first()
    if (
        user is None
        or user.erasure_requested_at is None
        or user.erasure_requested_at.isoformat() != data["at"]
    ):
        raise refusal
    user.is_active = True
    user.erasure_requested_at = None
    user.save(update_fields=["is_active", "erasure_requested_at"])
    return user


# --- Erasure ---------------------------------------------------------------------------------


def _placeholders() -> list["User"]:
    return list(
        get_user_model().objects.filter(email__endswith=f"@{PLACEHOLDER_DOMAIN}").order_by("pk")
    )


def _placeholder_create(number: int) -> "User":
    with translation.override(settings.LANGUAGE_CODE):
        name = _("Former participant")
    user = get_user_model()(email=f"{number}@{PLACEHOLDER_DOMAIN}", name=name, is_active=False)
    user.set_unusable_password()
    user.save()
    return user


def _unique_partners(reference: Reference) -> list[list[str]]:
    """For each uniqueness rule that includes the reference: the other columns in it."""
    meta = reference.model._meta
    sets = [list(c.fields) for c in meta.constraints if isinstance(c, UniqueConstraint)]
    sets += [list(fields) for fields in meta.unique_together]
    return [
        [meta.get_field(name).attname for name in names if name != reference.field.name]  # type: ignore[union-attr]
        for names in sets
        if reference.field.name in names
    ]


def _move_to_placeholders(reference: Reference, user: "User") -> None:
    """Hand the person's rows to "former participant" accounts, so that they still count.

    One placeholder serves everyone erased, except where a row would then break a uniqueness
    rule (two erased people answered the same meeting): the next placeholder takes it. The
    placeholders hold rows of many people, so they tie nothing together.
    """
    manager = reference.model._base_manager
    column = reference.field.attname
    rows = list(manager.filter(**{reference.field.name: user}))
    if not rows:
        return
    partners = _unique_partners(reference)
    placeholders = _placeholders()
    taken: set[tuple[int, int, tuple[Any, ...]]] = set()
    for existing in manager.filter(**{f"{column}__in": [p.pk for p in placeholders]}):
        for i, names in enumerate(partners):
            key = tuple(getattr(existing, name) for name in names)
            taken.add((getattr(existing, column), i, key))
    moves: dict[int, list[Any]] = {}
    for row in rows:
        keys = [
            (i, tuple(getattr(row, name) for name in names)) for i, names in enumerate(partners)
        ]
        target = next(
            (p for p in placeholders if all((p.pk, i, key) not in taken for i, key in keys)),
            None,
        )
        if target is None:
            target = _placeholder_create(len(placeholders) + 1)
            placeholders.append(target)
        taken.update((target.pk, i, key) for i, key in keys)
        moves.setdefault(target.pk, []).append(row.pk)
    for placeholder_pk, pks in moves.items():
        manager.filter(pk__in=pks).update(**{column: placeholder_pk})
    # Their rows may show anywhere: every cached page is made afresh.
    pagecache.bump(pagecache.SHARED)


_ORDER = {Erase.DELETE: 0, Erase.UNLINK: 1, Erase.PLACEHOLDER: 2}


@transaction.atomic
def account_erase(*, user: "User") -> None:
    """Erase a person: per reference to them, what `policy.POLICY` says, then the account.

    Afterwards no row refers to them; what the group made keeps its counts (meeting
    attendance, dot votes, feasibility marks, Netwerkbarometer results).
    """
    todo = [r for r in references() if POLICY[r.key].erase in _ORDER]
    for reference in sorted(todo, key=lambda r: _ORDER[POLICY[r.key].erase]):
        erase = POLICY[reference.key].erase
        rows = reference.model._base_manager.filter(**{reference.field.name: user})
        if erase == Erase.DELETE:
            rows.delete()
        elif erase == Erase.UNLINK:
            rows.update(**{reference.field.attname: None})
            pagecache.bump(pagecache.SHARED)
        else:
            _move_to_placeholders(reference, user)
    user.delete()


def accounts_erase_due(*, now: datetime.datetime | None = None) -> int:
    """Erase every account whose grace period has passed; each in its own transaction, so one
    failure does not hold back the others. Returns how many were erased."""
    cutoff = (now or timezone.now()) - grace_period()
    due = get_user_model().objects.filter(
        erasure_requested_at__isnull=False, erasure_requested_at__lte=cutoff, is_active=False
    )
    erased = 0
    for user in due:
        account_erase(user=user)
        erased += 1
    return erased


# --- Retention -------------------------------------------------------------------------------


def _older_than(days: int, now: datetime.datetime) -> datetime.datetime:
    return now - datetime.timedelta(days=days)


@transaction.atomic
def personal_data_purge(*, now: datetime.datetime | None = None) -> dict[str, int]:
    """Delete what is kept for a while only (periods in settings, see the processing register):
    finished background tasks (they hold e-mail bodies and links), login attempts and logs
    (IP addresses), expired sessions, invitations that were used or have expired, and
    notifications read long ago.
    Returns how many rows went, per kind."""
    now = now or timezone.now()
    task_result: type[models.Model] = apps.get_model("django_tasks_database", "DBTaskResult")
    finished = task_result._base_manager.filter(
        finished_at__isnull=False,
        finished_at__lt=_older_than(settings.RETENTION_TASK_RESULT_DAYS, now),
    )
    login_cutoff = _older_than(settings.RETENTION_LOGIN_RECORD_DAYS, now)
    counts = {"task results": finished.delete()[0]}
    for name in ("AccessAttempt", "AccessLog", "AccessFailureLog"):
        model = apps.get_model("axes", name)
        counts[f"axes {name}"] = model._base_manager.filter(attempt_time__lt=login_cutoff).delete()[
            0
        ]
    counts["sessions"] = Session.objects.filter(expire_date__lt=now).delete()[0]
    invitation = apps.get_model("accounts", "Invitation")
    invitation_cutoff = _older_than(settings.RETENTION_INVITATION_DAYS, now)
    counts["invitations"] = invitation._base_manager.filter(
        models.Q(accepted_at__lt=invitation_cutoff)
        | models.Q(accepted_at__isnull=True, sent_at__lt=invitation_cutoff)
    ).delete()[0]
    # Invitations to existing accounts, answered or expired: nothing waits on them any more.
    for label in ("accounts.RoleInvitation", "networks.MembershipInvitation"):
        model = apps.get_model(label)
        counts[label] = model._base_manager.filter(
            models.Q(accepted_at__lt=invitation_cutoff)
            | models.Q(declined_at__lt=invitation_cutoff)
            | models.Q(expires_at__lt=invitation_cutoff)
        ).delete()[0]
    audit = apps.get_model("core", "AuditEntry")
    counts["audit entries"] = audit._base_manager.filter(
        at__lt=_older_than(settings.RETENTION_AUDIT_DAYS, now)
    ).delete()[0]
    # Notifications are a pointer to something that happened; once read they have done their
    # work. Unread ones stay: the person has not seen them yet.
    notification = apps.get_model("notifications", "Notification")
    counts["read notifications"] = notification._base_manager.filter(
        read_at__lt=_older_than(settings.RETENTION_NOTIFICATION_DAYS, now)
    ).delete()[0]
    # Idempotency keys only matter while a task may still be retried.
    sent = apps.get_model("core", "SentEmail")
    counts["sent e-mail keys"] = sent._base_manager.filter(
        sent_at__lt=_older_than(settings.RETENTION_TASK_RESULT_DAYS, now)
    ).delete()[0]
    return counts
