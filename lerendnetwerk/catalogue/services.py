"""Writes to the catalogue: a region's own entries, kept by its coordinators.

The shared Handbook (entries without a region) is loaded from `data/handreiking.yaml` and
changed by platform editors in the admin site; nothing here touches it. Each service runs in
one transaction and refuses with a ValidationError that says what to do.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils.text import slugify
from django.utils.translation import gettext as _

from lerendnetwerk.regions.models import Region

from .models import Entry, Topic

# What a region adds to the Handbook: its own work forms, instruments and tips. Pitfalls and
# the four prerequisites are the Handbook's own.
REGION_KINDS = (Entry.Kind.ACTIVITY, Entry.Kind.INSTRUMENT, Entry.Kind.TIP)
TITLE_MAX = 200
SUMMARY_MAX = 4000
_SLUG_TRIES = 50


def _validated(*, kind: str, title: str, summary: str) -> tuple[str, str]:
    title, summary = title.strip(), summary.strip()
    errors: dict[str, str] = {}
    if kind not in REGION_KINDS:
        errors["kind"] = _("Choose a work form, an instrument or a tip.")
    if not title:
        errors["title"] = _("Give the entry a title.")
    elif len(title) > TITLE_MAX:
        errors["title"] = _("Keep the title to %(max)d characters.") % {"max": TITLE_MAX}
    if not summary:
        errors["summary"] = _("Describe in a few sentences what it is and how it works.")
    elif len(summary) > SUMMARY_MAX:
        errors["summary"] = _("Keep the description to %(max)d characters.") % {"max": SUMMARY_MAX}
    if errors:
        raise ValidationError(errors)
    return title, summary


def _refuse_shared(entry: Entry) -> None:
    if entry.region_id is None:
        raise ValidationError(
            _("This entry belongs to the shared Handbook; only platform editors change it.")
        )


@transaction.atomic
def region_entry_add(*, region: Region, topic: Topic, kind: str, title: str, summary: str) -> Entry:
    """Add a work form, instrument or tip of the region's own under one of the Handbook's
    questions, after the shared entries there. Its address starts with the region's slug, so
    it never takes one the shared Handbook uses; two entries with the same title get their
    own addresses, also when they are added at the same moment."""
    title, summary = _validated(kind=kind, title=title, summary=summary)
    last = Entry.objects.filter(topic=topic).aggregate(last=Max("order"))["last"] or 0
    base = slugify(f"{region.slug} {title}")[: 200 - 4] or region.slug
    for attempt in range(1, _SLUG_TRIES + 1):
        slug = base if attempt == 1 else f"{base}-{attempt}"
        if Entry.objects.filter(slug=slug).exists():
            continue
        try:
            with transaction.atomic():
                return Entry.objects.create(
                    region=region,
                    topic=topic,
                    kind=kind,
                    title=title,
                    summary=summary,
                    slug=slug,
                    order=last + 1,
                )
        except IntegrityError:
            continue  # taken by someone adding the same title at this moment: try the next
    raise ValidationError({"title": _("Choose another title; this one is used too often.")})


@transaction.atomic
def region_entry_update(
    *, entry: Entry, topic: Topic, kind: str, title: str, summary: str
) -> Entry:
    """Change a region's own entry; its address stays, so links to it keep working. Refused
    for an entry of the shared Handbook."""
    _refuse_shared(entry)
    title, summary = _validated(kind=kind, title=title, summary=summary)
    if topic.pk != entry.topic_id:
        last = Entry.objects.filter(topic=topic).aggregate(last=Max("order"))["last"] or 0
        entry.order = last + 1
    entry.topic, entry.kind, entry.title, entry.summary = topic, kind, title, summary
    entry.save(update_fields=["topic", "kind", "title", "summary", "order"])
    return entry


@transaction.atomic
def region_entry_delete(*, entry: Entry) -> None:
    """Delete a region's own entry. Agenda items that used it keep their title. Refused for
    an entry of the shared Handbook."""
    _refuse_shared(entry)
    entry.delete()
