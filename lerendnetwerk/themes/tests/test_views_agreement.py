"""The contract with plain forms: propose rules, publish versions, agree."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from lerendnetwerk.core.tests.factories import login
from lerendnetwerk.networks.models import Network
from lerendnetwerk.themes import services
from lerendnetwerk.themes.models import Agreement, AgreementAcknowledgement

pytestmark = pytest.mark.django_db


def contract(network: Network) -> str:
    return reverse("themes:agreement", args=[network.slug])


def test_members_propose_rules_and_the_facilitator_publishes(network, participant, facilitator):
    client = login(participant)
    client.post(reverse("themes:agreement_suggest", args=[network.slug]), {"text": "Telefoons weg"})
    publish = reverse("themes:agreement_publish", args=[network.slug])
    assert client.get(publish).status_code == 403
    page = login(facilitator).get(publish).content.decode()
    assert "Telefoons weg" in page
    response = login(facilitator).post(publish, {"text": "We leggen telefoons weg."})
    assert response["Location"] == contract(network)
    assert Agreement.objects.get().version == 1


def test_an_unchanged_version_keeps_the_text_with_an_error(network, facilitator):
    services.agreement_publish(network=network, text="Regel", published_by=facilitator)
    response = login(facilitator).post(
        reverse("themes:agreement_publish", args=[network.slug]), {"text": "Regel"}
    )
    assert response.status_code == 200
    assert "id_text_error" in response.content.decode()
    assert "Regel</textarea>" in response.content.decode()


def test_members_agree_and_only_the_facilitator_sees_who_has_not(
    network, facilitator, participant, colleague
):
    services.agreement_publish(network=network, text="Regel", published_by=facilitator)
    client = login(participant)
    response = client.post(
        reverse("themes:agreement_acknowledge", args=[network.slug]), {"version": "1"}
    )
    assert response["Location"] == contract(network)
    assert AgreementAcknowledgement.objects.get().member == participant
    member_page = login(colleague).get(contract(network))
    assert "pending-heading" not in member_page.content.decode()
    lead_page = login(facilitator).get(contract(network))
    missing = lead_page.context["page"].not_yet_acknowledged
    assert set(missing) == {facilitator, colleague}
    assert colleague.name in lead_page.content.decode()


@pytest.mark.parametrize("version", ["", "abc", "7"])
def test_agreeing_to_a_version_that_is_not_there_is_refused_kindly(
    network, facilitator, participant, version
):
    services.agreement_publish(network=network, text="Regel", published_by=facilitator)
    response = login(participant).post(
        reverse("themes:agreement_acknowledge", args=[network.slug]),
        {"version": version},
        follow=True,
    )
    assert "utrecht-alert--error" in response.content.decode()
    assert not AgreementAcknowledgement.objects.exists()


def test_an_empty_rule_keeps_the_page_with_its_error(network, participant):
    response = login(participant).post(
        reverse("themes:agreement_suggest", args=[network.slug]), {"text": ""}
    )
    assert response.status_code == 200
    assert "id_text_error" in response.content.decode()


def test_a_too_long_contract_is_refused_and_keeps_what_was_typed(network, facilitator):
    typed = "x" * 100_000
    response = login(facilitator).post(
        reverse("themes:agreement_publish", args=[network.slug]), {"text": typed}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "at most 5000 characters" in page
    assert typed in page
    assert not Agreement.objects.exists()
    with pytest.raises(ValidationError, match="5000"):
        services.agreement_publish(network=network, text=typed, published_by=facilitator)
