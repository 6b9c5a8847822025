"""The contract: versions, suggestions and acknowledgements."""

import pytest
from django.core.exceptions import ValidationError

from lerendnetwerk.themes import selectors, services
from lerendnetwerk.themes.models import Agreement, AgreementSuggestion

pytestmark = pytest.mark.django_db


def test_versions_count_up_and_keep_the_full_text(network, facilitator):
    first = services.agreement_publish(
        network=network, text="We luisteren.", published_by=facilitator
    )
    second = services.agreement_publish(
        network=network, text="We luisteren.\nWe zijn op tijd.", published_by=facilitator
    )
    assert (first.version, second.version) == (1, 2)
    assert Agreement.objects.get(version=1).text == "We luisteren."


@pytest.mark.parametrize("text", ["", "   ", "We luisteren."])
def test_an_empty_or_unchanged_version_is_refused(network, facilitator, text):
    services.agreement_publish(network=network, text="We luisteren.", published_by=facilitator)
    with pytest.raises(ValidationError) as refusal:
        services.agreement_publish(network=network, text=text, published_by=facilitator)
    assert "text" in refusal.value.error_dict
    assert Agreement.objects.count() == 1


def test_a_new_version_asks_everyone_again(network, facilitator, participant):
    first = services.agreement_publish(network=network, text="Regel 1", published_by=facilitator)
    services.agreement_acknowledge(agreement=first, member=participant)
    services.agreement_acknowledge(agreement=first, member=participant)  # twice changes nothing
    page = selectors.agreement_page(network=network, user=participant)
    assert page.acknowledged_by_me and page.not_yet_acknowledged == [facilitator]
    second = services.agreement_publish(
        network=network, text="Regel 1\nRegel 2", published_by=facilitator
    )
    page = selectors.agreement_page(network=network, user=participant)
    assert not page.acknowledged_by_me
    assert set(page.not_yet_acknowledged) == {facilitator, participant}
    with pytest.raises(ValidationError, match="newer version"):
        services.agreement_acknowledge(agreement=first, member=participant)
    services.agreement_acknowledge(agreement=second, member=participant)


def test_only_members_acknowledge_and_suggest(network, facilitator, outsider):
    agreement = services.agreement_publish(network=network, text="Regel", published_by=facilitator)
    with pytest.raises(ValidationError):
        services.agreement_acknowledge(agreement=agreement, member=outsider)
    with pytest.raises(ValidationError):
        services.agreement_suggest(network=network, author=outsider, text="Regel")


def test_suggestions_are_weighed_in_the_next_version(network, facilitator, participant):
    services.agreement_suggest(network=network, author=participant, text="Telefoons weg")
    with pytest.raises(ValidationError):
        services.agreement_suggest(network=network, author=participant, text="x" * 501)
    assert len(selectors.agreement_page(network=network, user=participant).open_suggestions) == 1
    version = services.agreement_publish(
        network=network, text="Telefoons weg", published_by=facilitator
    )
    assert AgreementSuggestion.objects.get().taken_into == version
    assert selectors.agreement_page(network=network, user=participant).open_suggestions == []
