"""Writes on signals: compute and store them, and a facilitator's acknowledgement."""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from lerendnetwerk.accounts.models import User
from lerendnetwerk.catalogue.models import Entry
from lerendnetwerk.core import pagecache
from lerendnetwerk.core.email import email_enqueue
from lerendnetwerk.meetings import services as meeting_services
from lerendnetwerk.meetings.models import AgendaItem, Meeting
from lerendnetwerk.networks.models import Network

from .models import DigestPreference, Severity, Signal
from .rulebook import RULES, Finding, evaluate
from .selectors.facts import network_facts
from .selectors.region import digest_networks, digest_recipients, digest_signals

BATCH = 500
# How long a work form put on the agenda from a signal takes, until the facilitator changes it.
WORK_FORM_MINUTES = 30


@dataclass
class Computed:
    networks: int = 0
    raised: int = 0
    cleared: int = 0
    current: int = 0


def _batches(ids: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), BATCH):
        yield ids[start : start + BATCH]


def signals_compute(*, network_ids: Iterable[int] | None = None) -> Computed:
    """Read every (or these) network's facts, run the rules and store the outcome.

    A finding that is new raises a signal from the day the rule says it began; one that lasts
    keeps its start and gets the new numbers; a signal whose rule fell quiet is cleared and kept
    as history. An acknowledged signal that got worse (a higher severity or score) loses its
    acknowledgement, so it shows again.
    """
    # Signals are a learning network's pitfalls; a facilitators' network has no phases to slide in.
    networks = Network.objects.filter(kind=Network.Kind.LEARNING)
    if network_ids is not None:
        networks = networks.filter(pk__in=list(network_ids))
    ids = sorted(networks.values_list("pk", flat=True))
    entry_ids = dict(
        Entry.objects.filter(slug__in=[r.pitfall for r in RULES.values() if r.pitfall]).values_list(
            "slug", "pk"
        )
    )
    result = Computed()
    for batch in _batches(ids):
        found = {pk: evaluate(f) for pk, f in network_facts(network_ids=batch).items()}
        with transaction.atomic():
            _store(batch, found, entry_ids, result)
        result.networks += len(batch)
    return result


def _store(
    batch: list[int],
    found: dict[int, dict[str, Finding]],
    entry_ids: dict[str, int],
    result: Computed,
) -> None:
    now = timezone.now()
    current = {
        (s.network_id, s.rule): s
        for s in Signal.objects.select_for_update().filter(network_id__in=batch).current()
    }
    new, changed, cleared = [], [], []
    for network_id in batch:
        for key, finding in found.get(network_id, {}).items():
            signal = current.pop((network_id, key), None)
            if signal is None:
                rule = RULES[key]
                new.append(
                    Signal(
                        network_id=network_id,
                        rule=key,
                        entry_id=entry_ids.get(rule.pitfall),
                        severity=finding.severity,
                        facts=finding.facts,
                        private=finding.private,
                        score=finding.score,
                        since=finding.since,
                        computed_at=now,
                        raised_at=now,
                    )
                )
                continue
            worse = finding.severity > signal.severity or (
                signal.acknowledged_score is not None and finding.score > signal.acknowledged_score
            )
            if signal.is_acknowledged and worse:
                signal.acknowledged_at = None
                signal.acknowledged_by = None
                signal.acknowledged_score = None
            if finding.severity > signal.severity:
                signal.worsened_at = now
            signal.severity = finding.severity
            signal.facts, signal.private, signal.score = (
                finding.facts,
                finding.private,
                finding.score,
            )
            signal.computed_at = now
            changed.append(signal)
    for signal in current.values():
        signal.cleared_at = now
        cleared.append(signal)
    Signal.objects.bulk_create(new)
    Signal.objects.bulk_update(
        changed,
        [
            "severity",
            "facts",
            "private",
            "score",
            "computed_at",
            "acknowledged_at",
            "acknowledged_by",
            "acknowledged_score",
            "worsened_at",
        ],
    )
    Signal.objects.bulk_update(cleared, ["cleared_at"])
    pagecache.changed(*new, *changed, *cleared)
    result.raised += len(new)
    result.cleared += len(cleared)
    result.current += len(new) + len(changed)


@transaction.atomic
def signal_acknowledge(*, signal: Signal, user: User, note: str) -> Signal:
    """The facilitator saw the signal and says what they do about it; it stays quiet until
    the numbers get worse."""
    note = note.strip()
    if not note:
        raise ValidationError({"note": _("Say in a few words what you do about it.")})
    if signal.cleared_at is not None:
        raise ValidationError(_("This signal has already cleared."))
    signal.acknowledged_at = timezone.now()
    signal.acknowledged_by = user
    signal.acknowledged_note = note[:1000]
    signal.acknowledged_score = signal.score
    signal.save(
        update_fields=[
            "acknowledged_at",
            "acknowledged_by",
            "acknowledged_note",
            "acknowledged_score",
        ]
    )
    return signal


@transaction.atomic
def digest_preference_set(*, user: User, weekly: bool) -> DigestPreference:
    """Switch the coordinator's weekly digest on or off."""
    preference, _created = DigestPreference.objects.update_or_create(
        user=user, defaults={"weekly": weekly}
    )
    return preference


DIGEST_DAYS = 7


def signal_digests_send(*, now: datetime | None = None) -> int:
    """E-mail every coordinator who wants it the signals that are new or got worse in their
    regions' networks in the last seven days: counts per network and rule titles, no evidence
    and no names, in the recipient's language. Nobody gets an empty digest. Returns how many
    were queued."""
    since = (now or timezone.now()) - timedelta(days=DIGEST_DAYS)
    per_region = digest_signals(since=since)
    sent = 0
    for user in digest_recipients():
        signals = [s for region in user.coordinator_of.all() for s in per_region.get(region.pk, [])]
        if not signals:
            continue
        with translation.override(user.language):
            path = reverse("signals:region")
            settings_path = reverse("signals:digest_settings")
        email_enqueue(
            to=user.email,
            template="signals/email/digest",
            context={
                "networks": digest_networks(signals=signals, since=since),
                "since": timezone.localdate(since),
                "url": settings.SITE_URL + path,
                "settings_url": settings.SITE_URL + settings_path,
            },
            language=user.language,
        )
        sent += 1
    return sent


def signal_work_form_schedule(*, signal: Signal, entry: Entry, meeting: Meeting) -> AgendaItem:
    """Put a work form the signal suggests on a planned meeting of the signal's network, led by
    the facilitator, and recompute the network's signals so that every page shows the new
    agenda. Refuses an entry that is not one of the signal's work forms, and a meeting of
    another network, cancelled or over."""
    rule = RULES.get(signal.rule)
    if rule is None or entry.slug not in rule.suggested or entry.kind != Entry.Kind.ACTIVITY:
        raise ValidationError(_("This work form is not one this signal suggests."))
    if (
        meeting.network_id != signal.network_id
        or meeting.status != Meeting.Status.SCHEDULED
        or meeting.ends_at <= timezone.now()
    ):
        raise ValidationError(_("Choose a planned meeting of this network."))
    item = meeting_services.agenda_item_add(
        meeting=meeting,
        entry=entry,
        duration_minutes=WORK_FORM_MINUTES,
        lead=AgendaItem.Lead.FACILITATOR,
    )
    signals_compute(network_ids=[signal.network_id])
    return item


def severity_key(value: int) -> str:
    return Severity(value).key
