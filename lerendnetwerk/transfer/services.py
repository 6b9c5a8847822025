"""Writes for transfer plans, the relay and anchoring agreements.

Each service is one transaction and refuses, with a message a person can act on, what would make
the plan or an agreement untrue: a presentation held in the future, a relay step before the one
it follows, an agreement answered twice or by someone who does not lead that organisation.
"""

from collections.abc import Iterable
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from lerendnetwerk.accounts.models import User
from lerendnetwerk.catalogue.models import Entry
from lerendnetwerk.core import pagecache
from lerendnetwerk.core.email import email_enqueue
from lerendnetwerk.core.text import NOTES_MAX, refuse_too_long
from lerendnetwerk.networks.models import Cycle
from lerendnetwerk.regions.models import Organisation

from . import selectors
from .models import AnchoringAgreement, RelayStep, TransferItem, TransferPlan


def _refuse_foreign(cycle: Cycle, organisation: Organisation) -> None:
    if not selectors.is_member_organisation(network=cycle.network, organisation_id=organisation.pk):
        raise ValidationError(
            _("%(organisation)s is not a member organisation of this network.")
            % {"organisation": organisation.name}
        )


def _plan(cycle: Cycle, organisation: Organisation) -> TransferPlan:
    _refuse_foreign(cycle, organisation)
    plan, _created = TransferPlan.objects.select_for_update().get_or_create(
        cycle=cycle, organisation=organisation
    )
    return plan


@transaction.atomic
def transfer_plan_save(
    *,
    cycle: Cycle,
    organisation: Organisation,
    by: User,
    presentation_on: date | None,
    presentation_held: bool,
    work_forms: Iterable[Entry],
    expected_reactions: str,
    expected_resistance: str,
    presentation_outcome: str,
) -> TransferPlan:
    """Write the organisation's plan for the presentation to its own team (made on first save).

    Refuses a presentation marked as held without a date, or on a date still to come."""
    refuse_too_long(
        {
            "expected_reactions": (expected_reactions, NOTES_MAX),
            "expected_resistance": (expected_resistance, NOTES_MAX),
            "presentation_outcome": (presentation_outcome, NOTES_MAX),
        }
    )
    if presentation_held and presentation_on is None:
        raise ValidationError(
            {"presentation_on": _("Give the date on which the presentation was held.")}
        )
    if presentation_held and presentation_on and presentation_on > timezone.localdate():
        raise ValidationError(
            {
                "presentation_held": _(
                    "The presentation is still to come; mark it as held once it has been."
                )
            }
        )
    plan = _plan(cycle, organisation)
    plan.presentation_on = presentation_on
    plan.presentation_held = presentation_held
    plan.expected_reactions = expected_reactions.strip()
    plan.expected_resistance = expected_resistance.strip()
    plan.presentation_outcome = presentation_outcome.strip()
    plan.updated_at, plan.updated_by = timezone.now(), by
    plan.save()
    plan.work_forms.set([e for e in work_forms if e.kind == Entry.Kind.ACTIVITY])
    return plan


@transaction.atomic
def transfer_item_add(
    *, cycle: Cycle, organisation: Organisation, by: User, kind: str, on: date, text: str
) -> TransferItem:
    """Note that the network came back on the team agenda or in the newsletter."""
    if not text.strip():
        raise ValidationError({"text": _("Say in a few words what was on it.")})
    plan = _plan(cycle, organisation)
    plan.updated_at, plan.updated_by = timezone.now(), by
    plan.save(update_fields=["updated_at", "updated_by"])
    return TransferItem.objects.create(plan=plan, kind=kind, on=on, text=text.strip())


@transaction.atomic
def transfer_item_remove(*, item: TransferItem) -> None:
    item.delete()


@transaction.atomic
def relay_step_add(
    *,
    cycle: Cycle,
    organisation: Organisation,
    by: User,
    given_by_member: User | None,
    received_by_name: str,
    on: date,
    handed_on: str,
    outcome: str,
) -> RelayStep:
    """Add the next hand-over of the relay.

    The first step starts with a member of the network who works at the organisation; every
    later step is given by the colleague who received the step before (or by such a member
    again, when the chain starts anew). Refuses a step dated before the one it follows."""
    received_by_name = received_by_name.strip()
    if not received_by_name:
        raise ValidationError({"received_by_name": _("Give the colleague's name.")})
    if not handed_on.strip():
        raise ValidationError({"handed_on": _("Say what was handed on.")})
    refuse_too_long({"handed_on": (handed_on, NOTES_MAX), "outcome": (outcome, NOTES_MAX)})
    plan = _plan(cycle, organisation)
    previous = plan.relay_steps.order_by("-position").first()
    if given_by_member is not None:
        members = selectors.organisation_members(network=cycle.network, organisation=organisation)
        if given_by_member not in members:
            raise ValidationError(
                {
                    "given_by": _(
                        "Only a member of the network who works at %(organisation)s can start "
                        "the relay."
                    )
                    % {"organisation": organisation.name}
                }
            )
    elif previous is None:
        raise ValidationError(
            {"given_by": _("The first step starts with a member of the network.")}
        )
    if previous is not None and on < previous.on:
        raise ValidationError(
            {
                "on": _("This step follows the one of %(date)s; give that date or a later one.")
                % {"date": date_format(previous.on, "j F Y")}
            }
        )
    plan.updated_at, plan.updated_by = timezone.now(), by
    plan.save(update_fields=["updated_at", "updated_by"])
    return RelayStep.objects.create(
        plan=plan,
        position=(plan.relay_steps.aggregate(m=Max("position"))["m"] or 0) + 1,
        given_by_member=given_by_member,
        given_by_name="" if given_by_member else previous.received_by_name if previous else "",
        received_by_name=received_by_name,
        on=on,
        handed_on=handed_on.strip(),
        outcome=outcome.strip(),
    )


@transaction.atomic
def relay_step_update(
    *, step: RelayStep, by: User, received_by_name: str, on: date, handed_on: str, outcome: str
) -> RelayStep:
    """Correct a step or record its outcome; who gave it stays as it was."""
    if not received_by_name.strip():
        raise ValidationError({"received_by_name": _("Give the colleague's name.")})
    if not handed_on.strip():
        raise ValidationError({"handed_on": _("Say what was handed on.")})
    refuse_too_long({"handed_on": (handed_on, NOTES_MAX), "outcome": (outcome, NOTES_MAX)})
    step.received_by_name = received_by_name.strip()
    step.on, step.handed_on, step.outcome = on, handed_on.strip(), outcome.strip()
    step.save()
    # The next step was given by this colleague: it follows the corrected name.
    RelayStep.objects.filter(
        plan=step.plan, position=step.position + 1, given_by_member__isnull=True
    ).update(given_by_name=step.received_by_name)
    TransferPlan.objects.filter(pk=step.plan_id).update(updated_at=timezone.now(), updated_by=by)
    pagecache.changed(step)
    return step


def _tell_managers(agreement: AnchoringAgreement) -> int:
    """E-mail each manager of the organisation, in their language, that an agreement waits."""
    managers = selectors.organisation_managers(organisation=agreement.organisation)
    network = agreement.cycle.network
    for manager in managers:
        with translation.override(manager.language):
            link = settings.SITE_URL + reverse(
                "transfer:organisation",
                kwargs={"slug": network.slug, "organisation_id": agreement.organisation_id},
            )
        email_enqueue(
            to=manager.email,
            template="transfer/email/agreement_proposed",
            context={
                "name": manager.name,
                "network": network.name,
                "organisation": agreement.organisation.name,
                "practice": agreement.practice,
                "owner": agreement.owner,
                "due_on": agreement.due_on,
                "link": link,
            },
            language=manager.language,
        )
    return len(managers)


def _refuse_agreement(practice: str, owner: str, due_on: date | None) -> None:
    errors = {}
    if not practice.strip():
        errors["practice"] = _("Say what becomes standard practice.")
    if not owner.strip():
        errors["owner"] = _("Say who owns it: a name or a role.")
    if due_on is None:
        errors["due_on"] = _("Give a date by which it is standard practice.")
    if errors:
        raise ValidationError(errors)
    refuse_too_long({"practice": (practice, NOTES_MAX)})


@transaction.atomic
def agreement_propose(
    *,
    cycle: Cycle,
    organisation: Organisation,
    proposed_by: User,
    practice: str,
    owner: str,
    due_on: date,
    in_professionalisation_plan: str,
) -> AnchoringAgreement:
    """Propose an anchoring agreement; the organisation's managers get an e-mail to confirm it."""
    _refuse_agreement(practice, owner, due_on)
    _refuse_foreign(cycle, organisation)
    agreement = AnchoringAgreement.objects.create(
        cycle=cycle,
        organisation=organisation,
        practice=practice.strip(),
        owner=owner.strip(),
        due_on=due_on,
        in_professionalisation_plan=in_professionalisation_plan,
        proposed_by=proposed_by,
    )
    _tell_managers(agreement)
    return agreement


@transaction.atomic
def agreement_update(
    *,
    agreement: AnchoringAgreement,
    by: User,
    practice: str,
    owner: str,
    due_on: date,
    in_professionalisation_plan: str,
) -> AnchoringAgreement:
    """Change a proposed or sent-back agreement: it is proposed again and the managers are told.

    Refuses a confirmed agreement: what the manager confirmed stays as it is."""
    agreement = AnchoringAgreement.objects.select_for_update().get(pk=agreement.pk)
    if agreement.state == AnchoringAgreement.State.CONFIRMED:
        raise ValidationError(
            _("This agreement has been confirmed and stays as it is; propose a new one instead.")
        )
    _refuse_agreement(practice, owner, due_on)
    agreement.practice, agreement.owner = practice.strip(), owner.strip()
    agreement.due_on = due_on
    agreement.in_professionalisation_plan = in_professionalisation_plan
    agreement.state = AnchoringAgreement.State.PROPOSED
    agreement.proposed_by, agreement.proposed_at = by, timezone.now()
    agreement.answered_by, agreement.answered_at, agreement.answer_note = None, None, ""
    agreement.save()
    _tell_managers(agreement)
    return agreement


@transaction.atomic
def agreement_answer(
    *, agreement: AnchoringAgreement, manager: User, confirm: bool, note: str
) -> AnchoringAgreement:
    """A manager of the agreement's organisation confirms it, or sends it back with a note.

    Refuses anyone else (a manager of another organisation, too), an answer to an agreement
    already answered, and sending back without saying why."""
    agreement = (
        AnchoringAgreement.objects.select_for_update()
        .select_related("cycle__network", "organisation")
        .get(pk=agreement.pk)
    )
    if not (
        manager.is_manager
        and manager.is_active
        and manager.organisation_id == agreement.organisation_id
    ):
        raise ValidationError(
            _("Only a manager of %(organisation)s can answer this agreement.")
            % {"organisation": agreement.organisation.name}
        )
    if agreement.state != AnchoringAgreement.State.PROPOSED:
        raise ValidationError(
            _("This agreement has already been answered (%(state)s).")
            % {"state": agreement.get_state_display().lower()}
        )
    note = note.strip()
    refuse_too_long({"note": (note, NOTES_MAX)})
    if not confirm and not note:
        raise ValidationError(
            {"note": _("Say why you send it back, so the network knows what to change.")}
        )
    agreement.state = (
        AnchoringAgreement.State.CONFIRMED if confirm else AnchoringAgreement.State.SENT_BACK
    )
    agreement.answered_by, agreement.answered_at = manager, timezone.now()
    agreement.answer_note = note
    agreement.save()
    return agreement
