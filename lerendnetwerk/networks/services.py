"""Writes on networks: create, people, prerequisites, phases and cycles.

Each service runs in one transaction, validates, saves and returns the object. Refusals raise
`django.core.exceptions.ValidationError` with a message the person can act on.
"""

from collections.abc import Collection, Iterable, Mapping, Sequence
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lerendnetwerk.accounts import selectors as account_selectors
from lerendnetwerk.accounts import services as account_services
from lerendnetwerk.accounts.models import User
from lerendnetwerk.accounts.roles import coordinator_region_ids
from lerendnetwerk.catalogue.phase import Phase
from lerendnetwerk.core import pagecache
from lerendnetwerk.core.email import email_enqueue
from lerendnetwerk.core.text import NOTES_MAX, SHORT_TEXT_MAX, refuse_too_long
from lerendnetwerk.regions.models import District, Organisation

from . import leaving, manager_panels, phases
from .models import (
    Cycle,
    ManagerCommitment,
    ManagerReminder,
    Membership,
    MembershipInvitation,
    Network,
    PhaseTransition,
    Prerequisite,
)
from .selectors import (
    facilitators_not_yet_members,
    invited_emails,
    network_missing_prerequisites,
)


def _unique_slug(name: str) -> str:
    base = slugify(name)[:140] or "netwerk"
    slug, n = base, 2
    while Network.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _current_cycle_locked(network: Network) -> Cycle:
    # Locked so that two clicks at once cannot both move the same cycle.
    if network.current_cycle_id is None:
        raise ValidationError(_("This network has no cycle."))
    return Cycle.objects.select_for_update().get(network=network, pk=network.current_cycle_id)


def _touch(network: Network) -> None:
    Network.objects.filter(pk=network.pk).update(updated_at=timezone.now())
    pagecache.bump(pagecache.network(network.pk))


@transaction.atomic
def network_create(
    *,
    name: str,
    district: District,
    created_by: User | None,
    description: str = "",
    organisations: Iterable[Organisation] = (),
    facilitators: Iterable[User] = (),
) -> Network:
    """Start a network with its first cycle (not yet in a phase) and its facilitators."""
    refuse_too_long({"description": (description, NOTES_MAX)})
    network = Network.objects.create(
        name=name,
        slug=_unique_slug(name),
        district=district,
        description=description,
        created_by=created_by,
    )
    network.organisations.set(organisations)
    cycle = Cycle.objects.create(network=network, number=1)
    network.current_cycle = cycle
    network.save(update_fields=["current_cycle"])
    for user in facilitators:
        membership_add(network=network, user=user, role=Membership.Role.FACILITATOR)
    return network


@transaction.atomic
def facilitators_network_create(
    *, district: District, created_by: User, name: str, description: str = ""
) -> Network:
    """Start the region's facilitators' network, led by the coordinator who starts it.

    It meets in `district` (the region is the district's) and works like a learning network
    with meetings, the diary and buddies, but has no phases to move through and is left out of
    the public overview and the region's figures. Refuses someone who does not coordinate the
    region, and a second facilitators' network in a region (also when two coordinators start
    one at the same moment: the database allows one per region).
    """
    region = district.region
    if region.pk not in coordinator_region_ids(created_by):
        raise ValidationError(
            _("Only a coordinator of %(region)s can start its facilitators' network.")
            % {"region": region.name}
        )
    refusal = ValidationError(
        _("%(region)s already has a facilitators' network.") % {"region": region.name}
    )
    if Network.objects.filter(facilitators_region=region).exists():
        raise refusal
    try:
        with transaction.atomic():
            refuse_too_long({"description": (description, NOTES_MAX)})
            network = Network.objects.create(
                name=name.strip(),
                slug=_unique_slug(name),
                district=district,
                kind=Network.Kind.FACILITATORS,
                facilitators_region=region,
                description=description.strip(),
                created_by=created_by,
            )
            # A cycle without a phase: meetings belong to a cycle, and this one never moves.
            network.current_cycle = Cycle.objects.create(network=network, number=1)
            network.save(update_fields=["current_cycle"])
            membership_add(network=network, user=created_by, role=Membership.Role.FACILITATOR)
    except IntegrityError:
        raise refusal from None
    return network


@transaction.atomic
def facilitators_invite(*, network: Network, invited_by: User) -> int:
    """Invite every facilitator of the region who is not yet a member of its facilitators'
    network, as a participant; each one accepts or declines (as any invitation to an existing
    account). Someone with an open invitation is not asked twice. Returns how many were invited.
    """
    if not network.is_facilitators_network:
        raise ValidationError(_("Only a facilitators' network invites the region's facilitators."))
    waiting = invited_emails(network=network)
    invited = 0
    for facilitator in facilitators_not_yet_members(network=network):
        if facilitator.email in waiting:
            continue
        member_invite(
            network=network,
            invited_by=invited_by,
            email=facilitator.email,
            name=facilitator.name,
            organisation=facilitator.organisation,
            role=Membership.Role.PARTICIPANT,
        )
        invited += 1
    return invited


@transaction.atomic
def member_invite(
    *,
    network: Network,
    invited_by: User,
    email: str,
    name: str,
    organisation: Organisation | None,
    role: str,
    message: str = "",
) -> Membership | MembershipInvitation:
    """Invite a person to the network.

    Someone new gets an account and the membership together (choosing their password is their
    yes), so a failure leaves neither an e-mailed account without a membership nor the other way
    round. Someone who already uses an account is asked: a `MembershipInvitation` they accept or
    decline after logging in; until then they are no member. The inviter is told nothing about
    the account either way (the view confirms only the address typed); only a current member of
    this network, whom the inviter sees on the members page anyway, is refused as such.
    The e-mail goes out only when the transaction commits.
    """
    refuse_too_long({"message": (message, SHORT_TEXT_MAX)})
    account = account_selectors.account_by_email(email=email)
    if (
        account is not None
        and Membership.objects.active().filter(network=network, user=account).exists()
    ):
        raise ValidationError(
            {
                "email": _(
                    "%(email)s is already a member of this network. Change a member's role on "
                    "the members page."
                )
                % {"email": email.strip()}
            }
        )
    if account is None or not account.has_usable_password():
        user = account_services.user_invite(
            email=email,
            name=name,
            organisation=organisation,
            invited_by=invited_by,
            context=network.name,
            message=message,
        )
        return membership_add(network=network, user=user, role=role)
    return _membership_invitation_send(
        network=network, account=account, invited_by=invited_by, role=role, message=message.strip()
    )


def _membership_invitation_send(
    *, network: Network, account: User, invited_by: User, role: str, message: str
) -> MembershipInvitation:
    # A second invitation replaces an open one: one question, with the latest role and message.
    MembershipInvitation.objects.open().filter(network=network, email=account.email).delete()
    invitation = MembershipInvitation.objects.create(
        network=network, email=account.email, role=role, invited_by=invited_by, message=message
    )
    email_enqueue(
        to=account.email,
        template="networks/email/membership_invitation",
        context={
            "name": account.name,
            "inviter": invited_by.name,
            "network": network.name,
            # Lazy: rendered in the recipient's language.
            "role": Membership.Role(role).label,
            "message": message,
            "link": settings.SITE_URL + reverse("pages:invitations"),
            "expires": invitation.expires_at,
        },
        language=account.language,
    )
    return invitation


def _invitation_open_for(invitation: MembershipInvitation, user: User) -> MembershipInvitation:
    locked = MembershipInvitation.objects.select_for_update().get(pk=invitation.pk)
    if locked.email != User.objects.normalize_email(user.email):
        raise ValidationError(_("This invitation is not addressed to you."))
    if locked.accepted_at or locked.declined_at:
        raise ValidationError(_("You have already answered this invitation."))
    if locked.is_expired:
        raise ValidationError(
            _("This invitation has expired. Ask whoever invited you to invite you again.")
        )
    return locked


@transaction.atomic
def membership_invitation_accept(*, invitation: MembershipInvitation, user: User) -> Membership:
    """The invited person says yes: now they are a member, in the role they were invited to."""
    invitation = _invitation_open_for(invitation, user)
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    return membership_add(network=invitation.network, user=user, role=invitation.role)


@transaction.atomic
def membership_invitation_decline(
    *, invitation: MembershipInvitation, user: User
) -> MembershipInvitation:
    invitation = _invitation_open_for(invitation, user)
    invitation.declined_at = timezone.now()
    invitation.save(update_fields=["declined_at"])
    return invitation


@transaction.atomic
def membership_add(*, network: Network, user: User, role: str) -> Membership:
    """Add a person to a network, or change their role if they are already a member."""
    membership = Membership.objects.active().filter(network=network, user=user).first()
    if membership is None:
        membership = Membership.objects.create(network=network, user=user, role=role)
    elif membership.role != role:
        membership.role = role
        membership.save(update_fields=["role"])
    if (
        user.organisation_id
        and not network.is_facilitators_network
        and not network.organisations.filter(pk=user.organisation_id).exists()
    ):
        network.organisations.add(user.organisation_id)
    _touch(network)
    return membership


@transaction.atomic
def membership_end(*, membership: Membership) -> Membership:
    """A member leaves; the row stays as history.

    The feature apps undo in the same transaction what they keep for a current member (see
    `leaving`): their buddy pair ends, their answers to meetings still to come go.
    """
    if membership.left_at is not None:
        raise ValidationError(_("This person has already left the network."))
    membership.left_at = timezone.localdate()
    membership.save(update_fields=["left_at"])
    leaving.membership_left(membership=membership)
    _touch(membership.network)
    return membership


@transaction.atomic
def membership_leave(*, network: Network, user: User) -> Membership:
    """A member leaves a network themselves (see `membership_end` for what follows).

    Refuses the last facilitator: a network without one has nobody to lead it, so another
    member must become facilitator first (the coordinator assigns one).
    """
    membership = (
        Membership.objects.active().select_for_update().filter(network=network, user=user).first()
    )
    if membership is None:
        raise ValidationError(_("You are not a member of this network."))
    if membership.role == Membership.Role.FACILITATOR:
        facilitators = (
            Membership.objects.active()
            .select_for_update()
            .filter(network=network, role=Membership.Role.FACILITATOR)
        )
        if len(facilitators) <= 1:
            raise ValidationError(
                _(
                    "You are the last facilitator of %(network)s, so you cannot leave it yet. "
                    "Ask the coordinator to make another member facilitator first."
                )
                % {"network": network.name}
            )
    return membership_end(membership=membership)


def _refuse_commitment(
    hours_per_month: Decimal | None, budget_euros: int | None, note: str
) -> None:
    refuse_too_long({"note": (note, 300)})
    if hours_per_month is not None and hours_per_month < 0:
        raise ValidationError({"hours_per_month": _("Enter the hours as a positive number.")})
    if budget_euros is not None and budget_euros < 0:
        raise ValidationError({"budget_euros": _("Enter the budget as a positive number.")})


def _commitment_email(commitment: ManagerCommitment, *, proposed_by: User | None) -> None:
    manager = commitment.manager
    email_enqueue(
        to=manager.email,
        template="networks/email/commitment_proposed",
        context={
            "name": manager.name,
            "proposer": proposed_by.name if proposed_by else "",
            "network": commitment.network.name,
            # Lazy: rendered in the recipient's language.
            "role": ManagerCommitment.Role(commitment.role).label,
            "hours": commitment.hours_per_month,
            "budget": commitment.budget_euros,
            "note": commitment.note,
            "link": settings.SITE_URL + reverse("pages:manager"),
        },
        language=manager.language,
    )


@transaction.atomic
def manager_commitment_record(
    *,
    network: Network,
    manager: User,
    role: str,
    note: str = "",
    hours_per_month: Decimal | None = None,
    budget_euros: int | None = None,
    proposed_by: User | None = None,
    notify: bool = True,
) -> ManagerCommitment:
    """The facilitator records what a manager committed for the current cycle: a proposal.

    The manager is e-mailed and confirms it (or changes it) on their page. Changing a confirmed
    commitment makes it a proposal again: the manager confirms what the network relies on.
    `notify=False` (the demo data) e-mails nobody.
    """
    if not manager.is_manager:
        raise ValidationError(
            _("%(name)s is not registered as a manager.") % {"name": manager.name}
        )
    note = note.strip()
    _refuse_commitment(hours_per_month, budget_euros, note)
    cycle = _current_cycle_locked(network)
    values = {
        "role": role,
        "note": note,
        "hours_per_month": hours_per_month,
        "budget_euros": budget_euros,
    }
    commitment = (
        ManagerCommitment.objects.select_for_update().filter(cycle=cycle, manager=manager).first()
    )
    if commitment is None:
        commitment = ManagerCommitment.objects.create(
            network=network, cycle=cycle, manager=manager, proposed_by=proposed_by, **values
        )
    elif any(getattr(commitment, field) != value for field, value in values.items()):
        for field, value in values.items():
            setattr(commitment, field, value)
        commitment.proposed_by = proposed_by
        commitment.confirmed_at = None
        commitment.confirmed_by = None
        commitment.save()
    else:
        _touch(network)
        return commitment  # nothing changed: no new question to the manager
    if notify:
        _commitment_email(commitment, proposed_by=proposed_by)
    _touch(network)
    return commitment


@transaction.atomic
def manager_commitment_confirm(
    *,
    network: Network,
    manager: User,
    role: str,
    note: str = "",
    hours_per_month: Decimal | None = None,
    budget_euros: int | None = None,
) -> ManagerCommitment:
    """The manager confirms their commitment for the current cycle, as it stands or changed.

    What the manager saves is what they commit to: a change by them is a confirmation. A
    manager whose organisation takes part may also commit without a proposal.
    """
    if not manager.is_manager:
        raise ValidationError(_("Only a manager can confirm a commitment."))
    note = note.strip()
    _refuse_commitment(hours_per_month, budget_euros, note)
    cycle = _current_cycle_locked(network)
    commitment, _created = ManagerCommitment.objects.update_or_create(
        cycle=cycle,
        manager=manager,
        defaults={
            "network": network,
            "role": role,
            "note": note,
            "hours_per_month": hours_per_month,
            "budget_euros": budget_euros,
            "confirmed_at": timezone.now(),
            "confirmed_by": manager,
        },
    )
    _touch(network)
    return commitment


@transaction.atomic
def manager_invite(
    *,
    network: Network,
    invited_by: User,
    email: str,
    name: str,
    organisation: Organisation,
    message: str = "",
) -> User:
    """Invite the manager of one of the network's member organisations.

    The accounts' role invitation does the rest: a new person gets a manager account with the
    organisation (choosing a password is their yes); an existing account is asked to accept the
    manager role on their invitations page. The inviter learns nothing about the account.
    """
    if not network.organisations.filter(pk=organisation.pk).exists():
        raise ValidationError(
            {"organisation": _("Choose one of the network's member organisations.")}
        )
    return account_services.user_invite(
        email=email,
        name=name,
        organisation=organisation,
        is_manager=True,
        invited_by=invited_by,
        context=network.name,
        message=message,
    )


def manager_reminders_send() -> int:
    """E-mail each manager whose page has more waiting for them than at their last reminder.

    Daily (`send_manager_reminders`). Counts what the registered manager panels say waits
    (`manager_panels.waiting_count`). When less waits than before (the manager acted), only
    the count is kept, so that something new later is reminded again. Returns how many mails.
    """
    sent = 0
    managers = User.objects.filter(
        is_manager=True, is_active=True, organisation__isnull=False
    ).select_related("manager_reminder")
    for manager in managers:
        count = manager_panels.waiting_count(manager)
        sent += _manager_remind(manager=manager, count=count)
    return sent


@transaction.atomic
def _manager_remind(*, manager: User, count: int) -> int:
    reminder, _created = ManagerReminder.objects.select_for_update().get_or_create(manager=manager)
    if count <= reminder.last_count:
        if count < reminder.last_count:
            reminder.last_count = count
            reminder.save(update_fields=["last_count"])
        return 0
    reminder.last_count = count
    reminder.last_reminded_at = timezone.now()
    reminder.save(update_fields=["last_count", "last_reminded_at"])
    email_enqueue(
        to=manager.email,
        template="networks/email/manager_reminder",
        context={
            "name": manager.name,
            "count": count,
            "link": settings.SITE_URL + reverse("pages:manager"),
        },
        language=manager.language,
    )
    return 1


@transaction.atomic
def prerequisite_record(
    *,
    network: Network,
    kind: str,
    evidence: str,
    recorded_by: User,
    hours_per_month: Decimal | None = None,
    budget_euros: int | None = None,
    expert_name: str = "",
) -> Prerequisite:
    """Record (or update) one prerequisite with its evidence.

    Refuses management commitment without a committed manager, time without hours, and budget
    and expert without both a budget and an expert: the Handreiking asks for each of them.
    """
    kinds = Prerequisite.Kind
    evidence = evidence.strip()
    if not evidence:
        raise ValidationError({"evidence": _("Describe the evidence for this prerequisite.")})
    refuse_too_long({"evidence": (evidence, NOTES_MAX)})
    if (
        kind == kinds.MANAGEMENT_COMMITMENT
        and not ManagerCommitment.objects.current().filter(network=network).exists()
    ):
        raise ValidationError(
            _("Add at least one manager and their role before recording their commitment.")
        )
    if kind == kinds.TIME and not hours_per_month:
        raise ValidationError(
            {"hours_per_month": _("Enter the hours per month each participant gets.")}
        )
    if kind == kinds.BUDGET_AND_EXPERT:
        errors = {}
        if budget_euros is None:
            errors["budget_euros"] = _("Enter the budget, or 0 if there is none.")
        if not expert_name.strip():
            errors["expert_name"] = _("Name the expert the network can call on.")
        if errors:
            raise ValidationError(errors)
    prerequisite, _created = Prerequisite.objects.update_or_create(
        network=network,
        kind=kind,
        defaults={
            "evidence": evidence,
            "hours_per_month": hours_per_month if kind == kinds.TIME else None,
            "budget_euros": budget_euros if kind == kinds.BUDGET_AND_EXPERT else None,
            "expert_name": expert_name.strip() if kind == kinds.BUDGET_AND_EXPERT else "",
            "recorded_by": recorded_by,
            "recorded_at": timezone.now(),
            "confirmed_for_cycle_id": network.current_cycle_id,
        },
    )
    _touch(network)
    return prerequisite


# Why a phase move needs a reason; the phase form asks with the same words.
REASON_FOR_STEP_BACK = gettext_lazy("Say why the network goes back a phase; the group will see it.")
REASON_FOR_OPEN_QUESTIONS = gettext_lazy(
    "Some questions of this phase are still open. Say why the network moves on anyway; the "
    "group and the coordinator will see it."
)


@transaction.atomic
def network_move_phase(
    *,
    network: Network,
    to_phase: str,
    moved_by: User,
    reason: str = "",
    open_questions: Sequence[str] = (),
) -> PhaseTransition:
    """Move the network's current cycle to `to_phase`.

    Allowed: one phase forward, or one phase back with a reason. Entering the first phase
    requires all four prerequisites. Moving forward while questions of the phase are still
    open (`open_questions`, the readiness summary) needs a reason too; both are kept on the
    transition. Refuses anything else with a message that says why.
    """
    cycle = _current_cycle_locked(network)
    current = cycle.phase
    if (current, to_phase) not in phases.ALLOWED_TRANSITIONS:
        raise ValidationError(_transition_refusal(current, to_phase))
    needs_reason = phases.ALLOWED_TRANSITIONS[(current, to_phase)]
    reason = reason.strip()
    refuse_too_long({"reason": (reason, NOTES_MAX)})
    if needs_reason and not reason:
        raise ValidationError({"reason": str(REASON_FOR_STEP_BACK)})
    open_questions = [] if needs_reason else [title for title in open_questions if title]
    if open_questions and not reason:
        raise ValidationError({"reason": str(REASON_FOR_OPEN_QUESTIONS)})
    if current == phases.NOT_STARTED:
        missing = network_missing_prerequisites(network=network)
        if missing:
            labels = ", ".join(str(Prerequisite.Kind(kind).label).lower() for kind in missing)
            raise ValidationError(
                _("The network cannot start yet. Still missing: %(missing)s.") % {"missing": labels}
            )
    transition = PhaseTransition.objects.create(
        cycle=cycle,
        from_phase=current,
        to_phase=to_phase,
        reason=reason,
        open_questions=list(open_questions),
        moved_by=moved_by,
    )
    cycle.phase = to_phase
    cycle.save(update_fields=["phase"])
    _touch(network)
    return transition


def _transition_refusal(current: str, to_phase: str) -> str:
    if to_phase not in Phase.values:
        return _("That is not one of the five phases.")
    if current == to_phase:
        return _("The network is already in this phase.")
    target = Phase(to_phase)
    if current == phases.NOT_STARTED:
        return _("A network starts in %(first)s; it cannot start in %(target)s.") % {
            "first": Phase.EXPLORATION.label,
            "target": target.label,
        }
    if target.number > Phase(current).number:
        return _("The phases follow each other: from %(current)s the next phase is %(next)s.") % {
            "current": Phase(current).label,
            "next": Phase(phases.next_phase(current) or current).label,
        }
    return _("A network can only go back one phase at a time, to %(previous)s.") % {
        "previous": Phase(phases.previous_phase(current) or current).label
    }


@transaction.atomic
def network_start_cycle(
    *,
    network: Network,
    theme: str,
    started_by: User,
    still_true: Collection[str] = (),
    new_evidence: Mapping[str, str] | None = None,
    ending: Iterable[Membership] = (),
    notify: bool = True,
) -> Cycle:
    """A new cycle (doorstart) after anchoring, with a new theme, back at the beginning.

    It starts from the evaluation of the one before: every prerequisite is either still true
    (`still_true`, its kinds) or recorded anew (`new_evidence`: kind -> evidence); the managers'
    commitments are copied to the new cycle as proposals, and each manager is e-mailed to
    confirm theirs again (the earlier cycle's stay as history); the members in `ending` do not
    continue (their membership ends as `membership_end` ends it, history kept).
    `notify=False` (the demo data) e-mails nobody.
    """
    current = _current_cycle_locked(network)
    if current.phase != Phase.ANCHORING:
        raise ValidationError(
            _("A new cycle can start once the current one has reached %(phase)s.")
            % {"phase": Phase.ANCHORING.label}
        )
    new_evidence = {kind: text.strip() for kind, text in (new_evidence or {}).items()}
    refuse_too_long({f"evidence_{k}": (text, NOTES_MAX) for k, text in new_evidence.items()})
    unanswered = [
        kind
        for kind in Prerequisite.Kind.values
        if kind not in still_true and not new_evidence.get(kind)
    ]
    if unanswered:
        labels = ", ".join(str(Prerequisite.Kind(kind).label).lower() for kind in unanswered)
        raise ValidationError(
            _(
                "Confirm each prerequisite for the new cycle: tick it as still true or describe "
                "the new evidence. Still open: %(open)s."
            )
            % {"open": labels}
        )
    ending = list(ending)
    if any(m.network_id != network.pk or m.left_at is not None for m in ending):
        raise ValidationError(_("Only current members of this network can be ended."))
    if any(m.user_id == started_by.pk for m in ending):
        raise ValidationError(_("You cannot end your own membership here."))
    now = timezone.now()
    current.ended_at = now
    current.save(update_fields=["ended_at"])
    cycle = Cycle.objects.create(
        network=network, number=current.number + 1, theme=theme.strip(), started_at=now
    )
    network.current_cycle = cycle
    network.updated_at = now
    network.save(update_fields=["current_cycle", "updated_at"])
    _prerequisites_reconfirm(
        network=network, cycle=cycle, by=started_by, still_true=still_true, new=new_evidence
    )
    earlier = list(
        ManagerCommitment.objects.filter(cycle=current, manager__is_manager=True).select_related(
            "manager", "network"
        )
    )
    for old in earlier:
        commitment = ManagerCommitment.objects.create(
            network=network,
            cycle=cycle,
            manager=old.manager,
            role=old.role,
            note=old.note,
            hours_per_month=old.hours_per_month,
            budget_euros=old.budget_euros,
            proposed_by=started_by,
        )
        if notify:
            _commitment_email(commitment, proposed_by=started_by)
    for membership in ending:
        membership_end(membership=membership)
    return cycle


def _prerequisites_reconfirm(
    *,
    network: Network,
    cycle: Cycle,
    by: User,
    still_true: Collection[str],
    new: Mapping[str, str],
) -> None:
    now = timezone.now()
    for kind in Prerequisite.Kind.values:
        evidence = new.get(kind)
        if evidence:
            # The facts (hours, budget, expert) stay; the words say what is true now.
            Prerequisite.objects.update_or_create(
                network=network,
                kind=kind,
                defaults={
                    "evidence": evidence,
                    "recorded_by": by,
                    "recorded_at": now,
                    "confirmed_for_cycle": cycle,
                },
            )
        elif kind in still_true:
            Prerequisite.objects.filter(network=network, kind=kind).update(
                confirmed_for_cycle=cycle
            )
            pagecache.changed(network)


@transaction.atomic
def network_update(
    *, network: Network, name: str, description: str, organisations: Iterable[Organisation]
) -> Network:
    refuse_too_long({"description": (description, NOTES_MAX)})
    network.name = name
    network.description = description
    network.updated_at = timezone.now()
    network.save(update_fields=["name", "description", "updated_at"])
    network.organisations.set(organisations)
    return network


@transaction.atomic
def cycle_set_theme(*, cycle: Cycle, theme: str) -> Cycle:
    cycle.theme = theme.strip()
    cycle.save(update_fields=["theme"])
    _touch(cycle.network)
    return cycle


def network_contact_send(*, network: Network, name: str, email: str, message: str) -> int:
    """Queue the public contact form's message to each facilitator, in their language; the
    sender never learns their addresses. Returns how many facilitators it went to."""
    facilitators = list(
        User.objects.filter(
            pk__in=Membership.objects.active()
            .filter(network=network, role=Membership.Role.FACILITATOR)
            .values("user_id")
        )
    )
    for facilitator in facilitators:
        email_enqueue(
            to=facilitator.email,
            template="networks/email/contact",
            context={"network": network.name, "name": name, "email": email, "message": message},
            language=facilitator.language,
        )
    return len(facilitators)
