"""Passing the learning on in a demo network that is embedding or anchoring what it learned: the
demo manager's organisation presented to its own team, noted the network on the team agenda and
in the newsletter, ran two steps of the relay (leerestafette), and has one anchoring agreement
confirmed and one waiting for the demo manager (`manager@example.org`).

Plans and relay steps go through the services; the agreements are written directly, because
proposing one through the service e-mails the managers and the demo sends no e-mail.
"""

from datetime import timedelta

from django.utils import timezone

from lerendnetwerk.accounts.models import User
from lerendnetwerk.catalogue.models import Entry
from lerendnetwerk.catalogue.phase import Phase
from lerendnetwerk.networks import services as network_services
from lerendnetwerk.networks.models import Membership, Network
from lerendnetwerk.transfer import services
from lerendnetwerk.transfer.models import AnchoringAgreement, TransferItem

WORK_FORMS = ["leerestafette", "casusbesprekingen"]


def _network(manager: User, kartrekker: User) -> Network:
    """A network in embedding or anchoring, in the manager's district if there is one; else the
    demo kartrekker's network."""
    later = Network.objects.filter(
        current_cycle__phase__in=[Phase.EMBEDDING, Phase.ANCHORING]
    ).order_by("pk")
    assert manager.organisation is not None
    nearby = later.filter(district_id=manager.organisation.district_id).first()
    chosen = nearby or later.first()
    if chosen is None:
        chosen = Network.objects.filter(
            memberships__user=kartrekker, memberships__left_at__isnull=True
        ).first()
    assert chosen is not None
    return chosen


def _member_from(network: Network, manager: User) -> User:
    """A member of the network who works at the manager's organisation (one joins if none)."""
    members = User.objects.filter(
        memberships__network=network,
        memberships__left_at__isnull=True,
        organisation=manager.organisation,
    )
    member = members.order_by("pk").first()
    if member is None:
        member = (
            User.objects.filter(organisation=manager.organisation, is_manager=False)
            .order_by("pk")
            .first()
        )
        assert member is not None, "the demo manager's organisation has no staff"
        network_services.membership_add(
            network=network, user=member, role=Membership.Role.PARTICIPANT
        )
    return member


def seed_transfer(*, manager: User, kartrekker: User) -> Network:
    network = _network(manager, kartrekker)
    assert manager.organisation is not None
    organisation = manager.organisation
    network.organisations.add(organisation)
    cycle = network.current_cycle
    assert cycle is not None
    member = _member_from(network, manager)
    facilitator = (
        User.objects.filter(
            memberships__network=network,
            memberships__role=Membership.Role.FACILITATOR,
            memberships__left_at__isnull=True,
        )
        .order_by("pk")
        .first()
    ) or member
    today = timezone.localdate()
    services.transfer_plan_save(
        cycle=cycle,
        organisation=organisation,
        by=member,
        presentation_on=today - timedelta(days=24),
        presentation_held=True,
        work_forms=Entry.objects.filter(slug__in=WORK_FORMS),
        expected_reactions="Nieuwsgierigheid naar hoe de school het doet, en herkenning bij "
        "de overdracht naar groep 1.",
        expected_resistance="'Weer iets erbij.' We laten zien dat het om een paar minuten per "
        "dag gaat, en oefenen het gesprek eerst in een rollenspel in het netwerk.",
        presentation_outcome="Goed ontvangen: twee collega's willen meteen meedoen met de "
        "leerestafette. De vraag over tijd komt terug in de volgende bijeenkomst.",
    )
    for kind, days, text in [
        (TransferItem.Kind.TEAM_AGENDA, 20, "Tien minuten terugblik op de netwerkbijeenkomst"),
        (TransferItem.Kind.NEWSLETTER, 12, "Stukje over de kijkwijzer voor de overdracht"),
    ]:
        services.transfer_item_add(
            cycle=cycle,
            organisation=organisation,
            by=member,
            kind=kind,
            on=today - timedelta(days=days),
            text=text,
        )
    for given_by, colleague, days, what, outcome in [
        (
            member,
            "Anouk Visser",
            18,
            "De kijkwijzer voor de overdracht en hoe we die in het netwerk gebruiken.",
            "Anouk gebruikte de kijkwijzer bij twee kinderen die naar groep 1 gaan.",
        ),
        (
            None,
            "Ruben Bakker",
            6,
            "De kijkwijzer, met Anouks ervaringen uit haar groep.",
            "",
        ),
    ]:
        services.relay_step_add(
            cycle=cycle,
            organisation=organisation,
            by=member,
            given_by_member=given_by,
            received_by_name=colleague,
            on=today - timedelta(days=days),
            handed_on=what,
            outcome=outcome,
        )
    now = timezone.now()
    AnchoringAgreement.objects.create(
        cycle=cycle,
        organisation=organisation,
        practice="Bij elke overdracht naar de basisschool gebruiken we de gezamenlijke "
        "kijkwijzer uit het netwerk.",
        owner="Pedagogisch coach",
        due_on=today + timedelta(days=60),
        in_professionalisation_plan=AnchoringAgreement.InPlan.YES,
        state=AnchoringAgreement.State.CONFIRMED,
        proposed_by=facilitator,
        proposed_at=now - timedelta(days=16),
        answered_by=manager,
        answered_at=now - timedelta(days=14),
        answer_note="Goed plan; neem het mee in het jaarplan.",
    )
    AnchoringAgreement.objects.create(
        cycle=cycle,
        organisation=organisation,
        practice="Het netwerk staat elke maand als vast punt op de teamagenda.",
        owner="Locatiemanager",
        due_on=today + timedelta(days=90),
        in_professionalisation_plan=AnchoringAgreement.InPlan.PLANNED,
        proposed_by=facilitator,
        proposed_at=now - timedelta(days=2),
    )
    return network
