import io
from collections.abc import Iterator
from typing import Any

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django_otp.plugins.otp_totp.models import TOTPDevice

from lerendnetwerk.accounts.models import User
from lerendnetwerk.knowledge.models import ExpertProfile, KnowledgeOffer
from lerendnetwerk.networks.models import ManagerCommitment, Network
from lerendnetwerk.networks.selectors import network_missing_prerequisites
from lerendnetwerk.regions.models import Organisation, Region

pytestmark = pytest.mark.django_db

PASSWORD = "x-demo-123"
DEMO_EMAILS = [
    "coordinator@example.org",
    "kartrekker@example.org",
    "deelnemer@example.org",
    "manager@example.org",
    "expert@example.org",
]


def seed() -> str:
    out = io.StringIO()
    call_command("seed_demo", password=PASSWORD, stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def seeded(django_db_setup: None, django_db_blocker: Any) -> Iterator[str]:
    """Utrecht's demo seeded once for the tests that only read it (some 8 s each time): inside
    a transaction that is rolled back after the module, each test in a savepoint of its own."""
    # The tests' fast password hasher (conftest.py) is a per-test setting: set here as well.
    fast = override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])
    with django_db_blocker.unblock(), transaction.atomic(), fast:
        yield seed()
        transaction.set_rollback(True)


def networks_of(email: str) -> set[int]:
    return set(
        Network.objects.filter(
            memberships__user__email=email, memberships__left_at__isnull=True
        ).values_list("pk", flat=True)
    )


def test_each_role_can_log_in_with_the_given_password(seeded: str):
    output = seeded

    for email in DEMO_EMAILS:
        assert User.objects.get(email=email).check_password(PASSWORD)
        assert f"{email} / {PASSWORD}" in output
    coordinator = User.objects.get(email="coordinator@example.org")
    assert coordinator.is_staff
    assert coordinator.coordinator_of.filter(slug="utrecht").exists()
    # The second step with the demo's known key, and how to get the code.
    assert TOTPDevice.objects.filter(user=coordinator, confirmed=True).exists()
    assert "otp_code coordinator@example.org" in output
    expert = User.objects.get(email="expert@example.org")
    assert expert.expertise
    # The knowledge exchange: the demo expert is in the public directory, with a request to
    # answer and an agenda item she leads; several organisations offer knowledge.
    assert expert.expert_profile.is_public
    assert sorted(expert.expert_requests.values_list("status", flat=True)) == ["accepted", "open"]
    assert expert.expert_agenda_items.count() == 1
    assert ExpertProfile.objects.filter(is_public=True).count() >= 3
    published = KnowledgeOffer.objects.filter(status="published")
    assert published.values("organisation__district").distinct().count() >= 5
    manager = User.objects.get(email="manager@example.org")
    assert KnowledgeOffer.objects.filter(organisation=manager.organisation, status="draft")


def test_utrecht_gets_organisations_people_and_networks_in_every_district(seeded: str):

    utrecht = Region.objects.get(slug="utrecht")
    assert 20 <= Network.objects.count() <= 26
    assert Organisation.objects.count() >= 150
    assert User.objects.count() >= 250
    for district in utrecht.districts.all():
        assert district.networks.exists(), district.name


def test_networks_are_in_different_phases_and_started_ones_meet_the_prerequisites(seeded: str):

    networks = list(Network.objects.select_related("current_cycle"))
    cycles = {n: n.current_cycle for n in networks}
    assert None not in cycles.values()
    phases = {c.phase for c in cycles.values() if c and c.phase}
    assert len(phases) >= 4
    not_started = [n for n, c in cycles.items() if c and not c.phase and n.cycles.count() == 1]
    assert not_started
    for network in networks:
        if network not in not_started:
            assert network_missing_prerequisites(network=network) == [], network.name
    assert Network.objects.filter(cycles__number=2).exists()


def test_kartrekker_deelnemer_and_manager_meet_in_one_network(seeded: str):

    facilitated = Network.objects.get(
        memberships__user__email="kartrekker@example.org",
        memberships__role="facilitator",
        district__slug="overvecht",
    )
    assert facilitated.current_cycle is not None
    assert facilitated.current_cycle.phase in {"exploration", "development"}
    assert facilitated.pk in networks_of("deelnemer@example.org")
    assert len(networks_of("deelnemer@example.org")) >= 2
    assert facilitated.manager_commitments.filter(
        manager__email="manager@example.org", role=ManagerCommitment.Role.SOUNDING_BOARD
    ).exists()


def test_running_twice_adds_nothing_and_no_email_is_sent(django_capture_on_commit_callbacks):
    # E-mail is queued on commit; run those callbacks so that a queued message would show.
    with django_capture_on_commit_callbacks(execute=True):
        seed()
    counts = (Network.objects.count(), User.objects.count(), Organisation.objects.count())

    output = seed()

    assert "Demo data already present" in output
    assert (Network.objects.count(), User.objects.count(), Organisation.objects.count()) == counts
    assert User.objects.get(email="kartrekker@example.org").check_password(PASSWORD)
    assert mail.outbox == []


def test_the_demo_participant_finds_barometer_results_and_an_open_round(seeded: str):
    from lerendnetwerk.barometer.models import BarometerRound, Participation
    from lerendnetwerk.barometer.results import round_results

    rounds = list(
        BarometerRound.objects.filter(
            network__memberships__user__email="deelnemer@example.org"
        ).with_answered()
    )
    still_open = [r for r in rounds if r.is_open]
    assert len(still_open) == 1
    # A closed round in the same network (the deelnemer's second network, in embedding, has
    # its own closed round too).
    closed = [r for r in rounds if r.is_closed and r.network_id == still_open[0].network_id]
    assert len(closed) == 1
    results = round_results(barometer_round=closed[0])
    assert results.visible and results.comparison is not None and results.comparison.available
    assert not Participation.objects.filter(
        round=still_open[0], user__email="deelnemer@example.org"
    ).exists()
    assert still_open[0].network_id == closed[0].network_id


def test_the_demo_network_shows_how_it_chose_its_theme(seeded: str):
    from django.urls import reverse

    from lerendnetwerk.core.tests.factories import login
    from lerendnetwerk.themes.models import Agreement, DotVote, Theme

    network = Network.objects.get(
        memberships__user__email="kartrekker@example.org",
        memberships__role="facilitator",
        district__slug="overvecht",
    )
    cycle = network.current_cycle
    assert cycle is not None
    theme = Theme.objects.get(cycle=cycle)
    assert theme.title == cycle.theme
    dot_vote = DotVote.objects.get(cycle=cycle)
    assert not dot_vote.is_open
    members = network.memberships.filter(left_at__isnull=True).count()
    voters = dot_vote.stickers.values("member").distinct().count()
    assert voters == members
    agreement = Agreement.objects.get(network=network)
    assert 0 < agreement.acknowledgements.count() < members
    client = login(User.objects.get(email="deelnemer@example.org"))
    for name in ("overview", "idea_wall", "goals", "agenda", "agreement"):
        assert client.get(reverse(f"themes:{name}", args=[network.slug])).status_code == 200


def test_a_few_networks_are_in_trouble_and_show_it_the_others_are_mostly_quiet(seeded: str):
    from lerendnetwerk.demo.utrecht import TROUBLES
    from lerendnetwerk.signals.models import Severity, Signal

    current = Signal.objects.current()
    for rule in TROUBLES:
        assert current.filter(rule=rule, severity__gte=Severity.WARNING).count() == 1, rule
    troubled = set(current.filter(rule__in=TROUBLES).values_list("network_id", flat=True))
    assert len(troubled) == len(TROUBLES)
    others = set(
        current.filter(severity__gte=Severity.WARNING)
        .exclude(network_id__in=troubled)
        .values_list("network_id", flat=True)
    )
    assert len(others) <= 2, "most networks show no signal, or only information"


def test_the_demo_manager_has_a_commitment_waiting_and_networks_in_embedding_and_anchoring(
    seeded: str,
):
    from lerendnetwerk.networks import manager_panels

    manager = User.objects.get(email="manager@example.org")
    commitments = ManagerCommitment.objects.current().filter(manager=manager)
    waiting = commitments.get(confirmed_at__isnull=True)
    assert waiting.network.memberships.filter(
        user__email="kartrekker@example.org", role="facilitator"
    ).exists()
    assert manager.organisation in waiting.network.organisations.all()
    confirmed_phases = {
        c.network.current_cycle.phase
        for c in commitments.filter(confirmed_at__isnull=False)
        if c.network.current_cycle
    }
    assert {"embedding", "anchoring"} <= confirmed_phases
    assert manager_panels.waiting_count(manager) >= 1


def test_the_facilitators_meet_in_their_own_network_with_a_mentor_and_a_case(seeded: str):
    from django.urls import reverse

    from lerendnetwerk.core.tests.factories import login
    from lerendnetwerk.demo.facilitators import CASE_TITLE
    from lerendnetwerk.groups.models import Mentorship, PeerConsultation

    network = Network.objects.get(kind=Network.Kind.FACILITATORS)
    kartrekker = User.objects.get(email="kartrekker@example.org")
    assert network.facilitators_region == Region.objects.get(slug="utrecht")
    assert network.memberships.filter(user__email="coordinator@example.org", role="facilitator")
    assert network.memberships.filter(user=kartrekker).exists()
    assert network.meetings.filter(agenda_items__entry__slug="casusbesprekingen").exists()
    pairing = Mentorship.objects.get(mentee=kartrekker)
    assert pairing.is_current and pairing.mentor != kartrekker
    consultation = PeerConsultation.objects.get()
    assert set(consultation.participants.all()) == {kartrekker, pairing.mentor}
    page = login(kartrekker).get(reverse("groups:mentoring")).content.decode()
    assert pairing.mentor.name in page and CASE_TITLE in page
    # Not a learning network for the public.
    overview = login(kartrekker).get(reverse("public:region", args=["utrecht"]))
    assert network.name not in overview.content.decode()


def test_the_demo_participant_page_shows_everything_that_can_wait_for_them(seeded: str):
    from django.urls import reverse

    from lerendnetwerk.core.tests.factories import login

    deelnemer = User.objects.get(email="deelnemer@example.org")

    response = login(deelnemer).get(reverse("pages:dashboard"))

    page = response.context["page"]
    demo_meeting = next(m for m in page.next_meetings if m.table is not None)
    assert demo_meeting.table.mates and demo_meeting.buddies and demo_meeting.questions
    assert [r for r in page.rounds if not r.answered_by_me]
    assert [v for v in page.votes if not v.voted]
    assert page.agreements
    assert any(row.challenge for row in page.networks)
    assert page.activity
