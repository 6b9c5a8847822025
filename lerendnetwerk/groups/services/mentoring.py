"""A mentor for a new facilitator, and peer consultation (intervisie) among facilitators.

The Handreiking asks that a new facilitator has an experienced one as mentor, and that
facilitators keep learning through exchange and intervisie with each other. The coordinator
pairs them; the pair (or members of the region's facilitators' network) plan consultations
about a case one of them brings in. A case and each participant's own notes are personal: only
the consultation's participants read the case, and only its writer their notes.
"""

from collections.abc import Sequence
from datetime import date, datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lerendnetwerk.accounts.models import User
from lerendnetwerk.accounts.roles import coordinator_region_ids
from lerendnetwerk.core import pagecache
from lerendnetwerk.core.email import email_enqueue
from lerendnetwerk.core.text import LONG_TEXT_MAX, NOTES_MAX, refuse_too_long
from lerendnetwerk.meetings.models import Meeting
from lerendnetwerk.networks.selectors import regions_facilitated_by
from lerendnetwerk.regions.models import Region

from ..models import ConsultationCase, ConsultationParticipant, Mentorship, PeerConsultation
from ..selectors import consultation_meetings, consultation_peers

CASE_NEEDS_BOTH = gettext_lazy(
    "A case needs a title and a description: what is it about, and what is your question?"
)
# Intervisie works in a small group: the one who plans it and at most this many colleagues.
CONSULTATION_MAX_OTHERS = 7


def _mentoring_link() -> str:
    return settings.SITE_URL + reverse("groups:mentoring")


@transaction.atomic
def mentorship_start(
    *,
    region: Region,
    mentor: User,
    mentee: User,
    paired_by: User,
    started_on: date | None = None,
    note: str = "",
    notify: bool = True,
) -> Mentorship:
    """The coordinator pairs a new facilitator with an experienced one; both are e-mailed.

    Refuses a coordinator of another region, pairing someone with themselves, anyone who does not
    facilitate a learning network of the region, and a new facilitator who has a mentor already
    (also when two coordinators pair them at the same moment: the database allows one current
    mentor per person). `notify=False` (the demo data) e-mails nobody.
    """
    if region.pk not in coordinator_region_ids(paired_by):
        raise ValidationError(
            _("Only a coordinator of %(region)s can pair its facilitators.")
            % {"region": region.name}
        )
    if mentor.pk == mentee.pk:
        raise ValidationError(
            {"mentor": _("Choose someone else as mentor: a mentor is another facilitator.")}
        )
    errors = {
        field: _("%(name)s does not facilitate a learning network in %(region)s.")
        % {"name": person.name, "region": region.name}
        for field, person in (("mentee", mentee), ("mentor", mentor))
        if region.pk not in regions_facilitated_by(user=person)
    }
    if errors:
        raise ValidationError(errors)
    note = note.strip()
    refuse_too_long({"note": (note, NOTES_MAX)})
    has_mentor = ValidationError(
        {
            "mentee": _("%(name)s has a mentor already. End that pairing first.")
            % {"name": mentee.name}
        }
    )
    if Mentorship.objects.filter(mentee=mentee, ended_on__isnull=True).exists():
        raise has_mentor
    try:
        with transaction.atomic():
            mentorship = Mentorship.objects.create(
                region=region,
                mentor=mentor,
                mentee=mentee,
                started_on=started_on or timezone.localdate(),
                note=note,
                paired_by=paired_by,
            )
    except IntegrityError:
        raise has_mentor from None
    if notify:
        _mentorship_emails(mentorship)
    return mentorship


def _mentorship_emails(mentorship: Mentorship) -> None:
    """Both are told, each in their own language, with the other's address."""
    pairs = (
        (mentorship.mentor, mentorship.mentee, True),
        (mentorship.mentee, mentorship.mentor, False),
    )
    for person, other, as_mentor in pairs:
        email_enqueue(
            to=person.email,
            template="groups/email/mentorship_started",
            context={
                "name": person.name,
                "other": other.name,
                "other_email": other.email,
                "as_mentor": as_mentor,
                "started_on": mentorship.started_on,
                "note": mentorship.note,
                "coordinator": mentorship.paired_by.name if mentorship.paired_by else "",
                "link": _mentoring_link(),
            },
            language=person.language,
        )


@transaction.atomic
def mentorship_end(*, mentorship: Mentorship, ended_by: User) -> Mentorship:
    """End a pairing today; it stays as history. Only the region's coordinator ends it."""
    if mentorship.region_id not in coordinator_region_ids(ended_by):
        raise ValidationError(_("Only a coordinator of the region can end this pairing."))
    locked = Mentorship.objects.select_for_update().get(pk=mentorship.pk)
    if locked.ended_on is not None:
        raise ValidationError(_("This pairing has already ended."))
    locked.ended_on = max(timezone.localdate(), locked.started_on)
    locked.save(update_fields=["ended_on"])
    return locked


def _refuse_case(title: str, description: str) -> None:
    if bool(title) != bool(description):
        field = "case_description" if title else "case_title"
        raise ValidationError({field: str(CASE_NEEDS_BOTH)})
    refuse_too_long({"case_description": (description, LONG_TEXT_MAX)})


@transaction.atomic
def consultation_plan(
    *,
    planned_by: User,
    others: Sequence[User],
    starts_at: datetime | None = None,
    place: str = "",
    meeting: Meeting | None = None,
    case_title: str = "",
    case_description: str = "",
    notify: bool = True,
) -> PeerConsultation:
    """Plan a peer consultation with colleagues: at a time and place, or during a meeting of the
    facilitators' network. The one who plans it may bring in the case at once; otherwise any
    participant brings it in later. The others are e-mailed.

    Refuses colleagues who are not the planner's mentor, mentee or fellow member of a
    facilitators' network, more than a small group, a time in the past, and a meeting the
    planner cannot choose. `notify=False` (the demo data) e-mails nobody.
    """
    peers = {user.pk for user in consultation_peers(user=planned_by)}
    others = list({user.pk: user for user in others if user.pk != planned_by.pk}.values())
    if not others:
        raise ValidationError({"others": _("Choose at least one colleague to consult with.")})
    if len(others) > CONSULTATION_MAX_OTHERS:
        raise ValidationError(
            {
                "others": _("Intervisie works in a small group: choose at most %(max)d colleagues.")
                % {"max": CONSULTATION_MAX_OTHERS}
            }
        )
    if any(user.pk not in peers for user in others):
        raise ValidationError(
            {
                "others": _(
                    "Choose your mentor, your mentees or members of your facilitators' network."
                )
            }
        )
    case_title, case_description = case_title.strip(), case_description.strip()
    _refuse_case(case_title, case_description)
    place = place.strip()
    if meeting is not None:
        if not consultation_meetings(user=planned_by).filter(pk=meeting.pk).exists():
            raise ValidationError(
                {
                    "meeting": _(
                        "Choose a meeting of your facilitators' network that is still to come."
                    )
                }
            )
        starts_at, place = meeting.starts_at, ""
    else:
        errors = {}
        if starts_at is None:
            errors["date"] = _("Choose a date and time, or a meeting of the facilitators' network.")
        elif starts_at < timezone.now():
            errors["date"] = _(
                "A consultation cannot be planned in the past. Choose a date from today on."
            )
        if not place:
            errors["place"] = _("Say where you meet (an address, or online).")
        if errors:
            raise ValidationError(errors)
    assert starts_at is not None
    consultation = PeerConsultation.objects.create(
        starts_at=starts_at, place=place, meeting=meeting, planned_by=planned_by
    )
    pagecache.changed(
        *ConsultationParticipant.objects.bulk_create(
            ConsultationParticipant(consultation=consultation, user=user)
            for user in [planned_by, *others]
        )
    )
    if case_title:
        ConsultationCase.objects.create(
            consultation=consultation,
            owner=planned_by,
            title=case_title,
            description=case_description,
        )
    link = settings.SITE_URL + reverse("groups:consultation", args=[consultation.pk])
    for user in others if notify else ():
        email_enqueue(
            to=user.email,
            template="groups/email/consultation_planned",
            context={
                "name": user.name,
                "planner": planned_by.name,
                "starts_at": timezone.localtime(starts_at),
                "place": place,
                "meeting": meeting.title if meeting else "",
                "case": case_title,
                "link": link,
            },
            language=user.language,
        )
    return consultation


def _participation(consultation: PeerConsultation, user: User) -> ConsultationParticipant:
    participation = (
        ConsultationParticipant.objects.select_for_update()
        .filter(consultation=consultation, user=user)
        .first()
    )
    if participation is None:
        raise ValidationError(_("Only the participants of this peer consultation can do this."))
    return participation


@transaction.atomic
def consultation_case_bring(
    *, consultation: PeerConsultation, owner: User, title: str, description: str
) -> ConsultationCase:
    """A participant brings in the consultation's case, or changes their own. A consultation
    has one case: another participant's is refused (also when two write one at the same time)."""
    _participation(consultation, owner)
    title, description = title.strip(), description.strip()
    if not title or not description:
        raise ValidationError(str(CASE_NEEDS_BOTH))
    refuse_too_long({"description": (description, LONG_TEXT_MAX)})
    # Locking the consultation makes a second participant wait, then find the first one's case.
    PeerConsultation.objects.select_for_update().get(pk=consultation.pk)
    case = ConsultationCase.objects.filter(consultation=consultation).first()
    if case is not None and case.owner_id != owner.pk:
        raise ValidationError(
            _("%(name)s already brings in the case for this consultation.")
            % {"name": case.owner.name}
        )
    if case is None:
        return ConsultationCase.objects.create(
            consultation=consultation, owner=owner, title=title, description=description
        )
    case.title, case.description, case.updated_at = title, description, timezone.now()
    case.save(update_fields=["title", "description", "updated_at"])
    return case


@transaction.atomic
def consultation_afterwards_save(
    *, consultation: PeerConsultation, user: User, takeaways: str, summary: str
) -> ConsultationParticipant:
    """What a participant takes away (theirs alone) and, if they write one, the summary the
    participants share. The summary is changed only when its text changed, so that saving one's
    own notes does not overwrite what someone else wrote in the meantime."""
    participation = _participation(consultation, user)
    takeaways, summary = takeaways.strip(), summary.strip()
    refuse_too_long({"takeaways": (takeaways, NOTES_MAX), "summary": (summary, NOTES_MAX)})
    if takeaways != participation.takeaways:
        participation.takeaways, participation.takeaways_at = takeaways, timezone.now()
        participation.save(update_fields=["takeaways", "takeaways_at"])
    locked = PeerConsultation.objects.select_for_update().get(pk=consultation.pk)
    if summary != locked.summary:
        locked.summary, locked.summary_by, locked.summary_at = summary, user, timezone.now()
        locked.save(update_fields=["summary", "summary_by", "summary_at"])
    return participation


@transaction.atomic
def consultation_cancel(*, consultation: PeerConsultation, user: User) -> None:
    """The one who planned it calls a consultation off before it starts: it goes, with its case
    and notes. The other participants are e-mailed."""
    if consultation.planned_by_id != user.pk:
        raise ValidationError(_("Only the one who planned this consultation can call it off."))
    if consultation.starts_at <= timezone.now():
        raise ValidationError(_("This consultation has started already; it stays as it is."))
    others = list(
        User.objects.filter(consultation_participations__consultation=consultation).exclude(
            pk=user.pk
        )
    )
    starts_at = timezone.localtime(consultation.starts_at)
    consultation.delete()
    for other in others:
        email_enqueue(
            to=other.email,
            template="groups/email/consultation_cancelled",
            context={"name": other.name, "planner": user.name, "starts_at": starts_at},
            language=other.language,
        )
