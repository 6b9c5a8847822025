"""Opening a round invites the members; a round closes by its date or by the facilitator."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from lerendnetwerk.barometer import services
from lerendnetwerk.barometer.models import BarometerRound, Response, SealedResponse
from lerendnetwerk.core.tests.factories import login

from .conftest import answer, close

pytestmark = pytest.mark.django_db


def test_opening_a_round_invites_every_member_by_email(
    network, members, facilitator, django_capture_on_commit_callbacks
):
    closes_on = timezone.localdate() + timedelta(days=10)
    with django_capture_on_commit_callbacks(execute=True):
        response = login(facilitator).post(
            reverse("barometer:open", args=[network.slug]), {"closes_on": closes_on.isoformat()}
        )
    assert response.status_code == 302
    barometer_round = BarometerRound.objects.get()
    assert barometer_round.closes_on == closes_on and barometer_round.is_open
    assert sorted(m.to[0] for m in mail.outbox) == sorted(u.email for u in members)
    url = reverse("barometer:answer", args=[network.slug, barometer_round.pk])
    for message in mail.outbox:
        assert network.name in message.subject
        assert url in message.body
        assert isinstance(message, EmailMultiAlternatives)
        assert url in str(message.alternatives[0][0])


def test_a_bad_closing_date_keeps_the_form_and_opens_nothing(network, members, facilitator):
    yesterday = (timezone.localdate() - timedelta(days=1)).isoformat()
    response = login(facilitator).post(
        reverse("barometer:open", args=[network.slug]), {"closes_on": yesterday}
    )
    assert response.status_code == 200
    assert "closes_on" in response.context["form"].errors
    assert f'value="{yesterday}"' in response.content.decode()
    assert not BarometerRound.objects.exists()
    response = login(facilitator).post(
        reverse("barometer:open", args=[network.slug]), {"closes_on": "morgen"}
    )
    assert response.status_code == 200 and "closes_on" in response.context["form"].errors


def test_only_one_open_round_at_a_time(barometer_round, network, facilitator):
    with pytest.raises(ValidationError):
        services.round_open(
            network=network,
            closes_on=timezone.localdate() + timedelta(days=3),
            opened_by=facilitator,
        )
    close(barometer_round)
    services.round_open(
        network=network, closes_on=timezone.localdate() + timedelta(days=3), opened_by=facilitator
    )
    assert BarometerRound.objects.count() == 2


def test_a_network_smaller_than_k_cannot_open_a_round(network, facilitator, participant):
    with pytest.raises(ValidationError) as error:
        services.round_open(network=network, closes_on=timezone.localdate(), opened_by=facilitator)
    assert "5" in error.value.messages[0]
    assert not BarometerRound.objects.exists()


def test_a_round_is_open_through_its_closing_date_and_closed_after(barometer_round):
    BarometerRound.objects.filter(pk=barometer_round.pk).update(closes_on=timezone.localdate())
    barometer_round.refresh_from_db()
    assert barometer_round.is_open
    assert list(BarometerRound.objects.open()) == [barometer_round]
    close(barometer_round)
    assert barometer_round.is_closed
    assert list(BarometerRound.objects.closed()) == [barometer_round]
    assert not BarometerRound.objects.open().exists()


def test_the_facilitator_closes_a_round_early(barometer_round, network, facilitator, participant):
    answer(barometer_round, participant)
    url = reverse("barometer:close", args=[network.slug, barometer_round.pk])
    page = login(facilitator).get(url)
    assert page.context["answered"] == 1
    response = login(facilitator).post(url)
    assert response.status_code == 302
    barometer_round.refresh_from_db()
    assert barometer_round.is_closed and barometer_round.closed_on == timezone.localdate()
    with pytest.raises(ValidationError):
        services.round_close(barometer_round=barometer_round)
    # Closing twice through the page is a message, not an error page.
    assert login(facilitator).post(url).status_code == 302


def test_a_participant_may_not_close_or_open(barometer_round, network, participant):
    close_url = reverse("barometer:close", args=[network.slug, barometer_round.pk])
    assert login(participant).post(close_url).status_code == 403
    assert login(participant).get(reverse("barometer:open", args=[network.slug])).status_code == 403
    barometer_round.refresh_from_db()
    assert barometer_round.is_open


def test_a_round_only_answers_under_its_own_network(barometer_round, outsider):
    other = outsider.memberships.get().network
    url = reverse("barometer:results", args=[other.slug, barometer_round.pk])
    assert login(outsider).get(url).status_code == 404


def test_members_see_the_open_round_on_the_network_page_and_their_own_page(
    barometer_round, network, participant, members
):
    client = login(participant)
    page = client.get(reverse("barometer:network", args=[network.slug]))
    assert page.context["open_round"] == barometer_round
    assert page.context["may_answer"] and not page.context["may_open"]
    answer_url = reverse("barometer:answer", args=[network.slug, barometer_round.pk])
    assert answer_url in page.content.decode()
    mine = client.get(reverse("barometer:mine"))
    assert [r.pk for r in mine.context["mine"].open] == [barometer_round.pk]
    assert answer_url in mine.content.decode()
    answer(barometer_round, participant)
    mine = client.get(reverse("barometer:mine"))
    assert mine.context["mine"].open[0].answered_by_me
    assert answer_url not in mine.content.decode()
    network_page = client.get(reverse("barometer:network", args=[network.slug]))
    assert network_page.context["open_round"].answered == 1


def test_my_page_lists_only_my_networks(barometer_round, outsider):
    mine = login(outsider).get(reverse("barometer:mine")).context["mine"]
    assert mine.open == [] and mine.closed == []


def test_the_daily_command_releases_rounds_past_their_date(barometer_round, members):
    for person in members[:3]:
        answer(barometer_round, person)
    close(barometer_round, release=False)
    call_command("release_barometer_rounds")
    assert Response.objects.filter(round=barometer_round).count() == 3
    assert not SealedResponse.objects.exists()
    barometer_round.refresh_from_db()
    assert barometer_round.released
    # Run again: nothing more to do.
    call_command("release_barometer_rounds")
    assert Response.objects.filter(round=barometer_round).count() == 3


def test_an_open_round_is_not_released(barometer_round, participant):
    answer(barometer_round, participant)
    with pytest.raises(ValidationError):
        services.round_release(barometer_round=barometer_round)
