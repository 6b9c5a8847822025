"""A facilitator asks an expert for an agenda item; she answers on her own page; the agenda
names her account when she accepts. She never gets the network's own pages by this."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone

from lerendnetwerk.core.tests.factories import UserFactory, login
from lerendnetwerk.knowledge import selectors, services
from lerendnetwerk.knowledge.models import ExpertRequest
from lerendnetwerk.meetings import services as meeting_services
from lerendnetwerk.meetings.models import AgendaItem
from lerendnetwerk.regions.models import Region

from .conftest import profile_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def asked(item, expert, profile, facilitator):
    return services.expert_request_create(
        item=item, expert=expert, requested_by=facilitator, message="Wil je ons helpen?"
    )


def _ask_url(item: AgendaItem) -> str:
    return reverse("knowledge:request_create", args=[item.meeting_id, item.pk])


def test_the_meeting_page_links_the_facilitator_to_asking_an_expert(facilitator, participant, item):
    url = reverse("meetings:detail", args=[item.meeting_id])
    assert _ask_url(item) in login(facilitator).get(url).content.decode()
    assert _ask_url(item) not in login(participant).get(url).content.decode()


def test_the_request_form_warns_for_expert_dependence_with_its_source(facilitator, item, profile):
    page = login(facilitator).get(_ask_url(item)).content.decode()
    assert "Te grote afhankelijkheid van een Expert" in page
    assert "Toolkit Netwerkleren" in page and "informatiekaart Rood" in page
    # The experts of the region, with their expertise.
    assert "Eva Expert (Hogeschool Utrecht): Taalontwikkeling" in page


def test_the_facilitator_asks_and_the_expert_gets_an_email_in_her_language(
    facilitator, expert, item, profile, django_capture_on_commit_callbacks
):
    expert.language = "en"
    expert.save()
    with django_capture_on_commit_callbacks(execute=True):
        response = login(facilitator).post(
            _ask_url(item), {"expert": expert.pk, "message": "Een inleiding van 20 minuten?"}
        )
    assert response["Location"] == reverse("meetings:detail", args=[item.meeting_id])
    asked = ExpertRequest.objects.get()
    assert (asked.expert, asked.requested_by, asked.status) == (expert, facilitator, "open")
    [message] = mail.outbox
    assert message.to == [expert.email]
    assert message.subject == "Request from LN Overvecht: “Input over interactief voorlezen”"
    assert "Fatima Kartrekker, facilitator of LN Overvecht" in message.body
    assert "Een inleiding van 20 minuten?" in message.body
    assert "Wijkcentrum De Dreef" in message.body
    assert f"/en/mijn-expertise/verzoeken/{asked.pk}/" in message.body
    # No link into the network.
    assert f"/bijeenkomsten/{item.meeting_id}/" not in message.body
    assert selectors.open_request_count(expert=expert) == 1
    dashboard = login(expert).get(reverse("pages:dashboard")).content.decode()
    assert "1 verzoek wacht op je antwoord" in dashboard


def test_the_expert_accepts_and_the_agenda_names_her(
    facilitator, participant, expert, item, asked, django_capture_on_commit_callbacks
):
    client = login(expert)
    answer = reverse("knowledge:request_answer", args=[asked.pk])
    page = client.get(answer).content.decode()
    assert "Input over interactief voorlezen" in page and "Wijkcentrum De Dreef" in page
    assert "Wil je ons helpen?" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(answer, {"answer": "accept", "note": "Ik neem boeken mee."})
    assert response["Location"] == answer
    item.refresh_from_db()
    assert (item.expert, item.lead, item.lead_name) == (expert, "expert", "")
    asked.refresh_from_db()
    assert asked.status == "accepted" and asked.answer_note == "Ik neem boeken mee."
    [message] = mail.outbox
    assert message.to == [facilitator.email]
    assert "Eva Expert" in message.subject
    assert "Ik neem boeken mee." in message.body
    assert expert.email in message.body  # to arrange the details
    # Once she accepted, she sees how to reach the facilitator.
    assert facilitator.email in client.get(answer).content.decode()

    # The members see her name on the agenda.
    meeting_page = login(participant).get(reverse("meetings:detail", args=[item.meeting_id]))
    assert "Eva Expert (expert)" in meeting_page.content.decode()
    # Her page lists the meeting: date, place, network, item.
    home = client.get(reverse("knowledge:expert_home")).content.decode()
    assert "LN Overvecht" in home and "Wijkcentrum De Dreef" in home
    assert "Input over interactief voorlezen" in home
    # And nothing of the network's own pages.
    assert client.get(reverse("meetings:detail", args=[item.meeting_id])).status_code == 403
    assert client.get(reverse("pages:network", args=[item.meeting.network.slug])).status_code == 403


def test_the_expert_declines_with_a_note(
    facilitator, expert, item, asked, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        login(expert).post(
            reverse("knowledge:request_answer", args=[asked.pk]),
            {"answer": "decline", "note": "Dan geef ik les."},
        )
    item.refresh_from_db()
    assert item.expert is None and item.lead == "facilitator"
    [message] = mail.outbox
    assert message.subject == "Eva Expert zegt af: “Input over interactief voorlezen”"
    assert "Dan geef ik les." in message.body
    assert expert.email not in message.body
    # The facilitator may ask someone else now.
    assert selectors.live_request(item=item) is None


def test_accepting_twice_changes_nothing_the_second_time(expert, item, asked):
    services.expert_request_answer(request=asked, expert=expert, accept=True)
    with pytest.raises(ValidationError, match="al beantwoord"):
        services.expert_request_answer(request=asked, expert=expert, accept=False)
    item.refresh_from_db()
    assert item.expert == expert


def test_an_item_has_one_request_waiting_at_a_time(facilitator, expert, item, asked, utrecht):
    other = UserFactory.create(name="Olga Onderzoeker", is_expert=True)
    profile_for(other, utrecht)
    with pytest.raises(ValidationError, match="nog niet geantwoord"):
        services.expert_request_create(
            item=item, expert=other, requested_by=facilitator, message=""
        )
    # The database holds to it too.
    with pytest.raises(IntegrityError):
        ExpertRequest.objects.create(agenda_item=item, expert=other, requested_by=facilitator)


def test_an_item_with_an_expert_is_not_asked_again_until_withdrawn(
    facilitator, expert, item, asked, utrecht, django_capture_on_commit_callbacks
):
    services.expert_request_answer(request=asked, expert=expert, accept=True)
    other = UserFactory.create(name="Olga Onderzoeker", is_expert=True)
    profile_for(other, utrecht)
    with pytest.raises(ValidationError):
        services.expert_request_create(
            item=item, expert=other, requested_by=facilitator, message=""
        )
    with django_capture_on_commit_callbacks(execute=True):
        response = login(facilitator).post(reverse("knowledge:request_withdraw", args=[asked.pk]))
    assert response["Location"] == _ask_url(item)
    item.refresh_from_db()
    assert item.expert is None and item.lead == "facilitator"
    [message] = mail.outbox
    assert message.to == [expert.email]
    assert "je verzorgt dit agendapunt niet meer" in message.body
    services.expert_request_create(item=item, expert=other, requested_by=facilitator, message="")


def test_another_expert_on_the_item_blocks_accepting(expert, item, asked, utrecht):
    other = UserFactory.create(is_expert=True)
    meeting_services.agenda_item_set_expert(item=item, expert=other)
    with pytest.raises(ValidationError, match=r"verzorgt .* al"):
        services.expert_request_answer(request=asked, expert=expert, accept=True)
    asked.refresh_from_db()
    assert asked.status == "open"


def test_only_the_asked_expert_answers_not_even_a_superuser(asked, utrecht):
    url = reverse("knowledge:request_answer", args=[asked.pk])
    other = UserFactory.create(is_expert=True)
    assert login(other).get(url).status_code == 403
    admin = UserFactory.create(is_superuser=True, is_staff=True, is_expert=True)
    assert login(admin).get(url).status_code == 403


def test_an_expert_of_another_region_cannot_be_asked(facilitator, item):
    elsewhere = Region.objects.create(name="Amersfoort", slug="amersfoort")
    outsider = UserFactory.create(is_expert=True)
    profile_for(outsider, elsewhere)
    with pytest.raises(ValidationError):
        services.expert_request_create(
            item=item, expert=outsider, requested_by=facilitator, message=""
        )


def test_a_meeting_that_has_taken_place_is_not_asked_for_or_accepted(expert, item, asked):
    meeting = item.meeting
    meeting.starts_at = timezone.now() - timedelta(days=2)
    meeting.ends_at = meeting.starts_at + timedelta(hours=2)
    meeting.save()
    with pytest.raises(ValidationError, match="al plaatsgevonden"):
        services.expert_request_answer(request=asked, expert=expert, accept=True)
    # Declining still closes it.
    services.expert_request_answer(request=asked, expert=expert, accept=False)


def test_the_answer_goes_to_the_networks_facilitators_when_the_asker_is_gone(
    network, facilitator, expert, item, asked, django_capture_on_commit_callbacks
):
    from lerendnetwerk.core.tests.factories import make_facilitator

    second = make_facilitator(network)
    facilitator.is_active = False
    facilitator.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.expert_request_answer(request=asked, expert=expert, accept=False)
    assert [m.to for m in mail.outbox] == [[second.email]]


def test_a_second_answer_through_the_page_says_why_nothing_changed(expert, item, asked):
    client = login(expert)
    url = reverse("knowledge:request_answer", args=[asked.pk])
    client.post(url, {"answer": "accept"})
    page = client.post(url, {"answer": "decline"}, follow=True).content.decode()
    assert "Je hebt dit verzoek al beantwoord" in page
    asked.refresh_from_db()
    assert asked.status == "accepted"
