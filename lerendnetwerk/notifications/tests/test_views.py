"""The notification list, marking read, the preferences form and the header's count."""

import pytest
from django.urls import reverse

from lerendnetwerk.accounts.models import User
from lerendnetwerk.core.tests.factories import login
from lerendnetwerk.networks.models import Network
from lerendnetwerk.notifications import selectors, services
from lerendnetwerk.notifications.models import Notification
from lerendnetwerk.themes.notifications import DOT_VOTE_CLOSED, DOT_VOTE_OPENED

pytestmark = pytest.mark.django_db


def _notify(user: User, network: Network, count: int = 1) -> None:
    for _ in range(count):
        services.notify(
            users=[user],
            kind=DOT_VOTE_OPENED,
            params={"network": network.name},
            url_name="themes:vote",
            url_args=[network.slug, 1],
        )


def test_the_list_shows_the_newest_first_with_unread_marked_and_the_header_counts(
    network, participant, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _notify(participant, network, count=2)
    client = login(participant)
    page = client.get(reverse("notifications:list")).content.decode()
    assert page.count("Er is een stemronde geopend in LN Overvecht") == 2
    assert page.count("Nieuw:") == 2
    first = Notification.objects.filter(user=participant).latest("pk")
    assert f'href="{reverse("notifications:open", args=[first.pk])}"' in page
    assert "Meldingen (2" in page  # the header
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("notifications:mark_read"))
    assert response.status_code == 302
    page = client.get(reverse("notifications:list")).content.decode()
    assert "Nieuw:" not in page
    assert "Meldingen (" not in page
    assert not Notification.objects.unread().exists()


def test_the_list_is_the_persons_own_and_paged(network, participant, facilitator):
    _notify(participant, network, count=30)
    _notify(facilitator, network)
    client = login(participant)
    first = client.get(reverse("notifications:list"))
    assert len(first.context["page"].object_list) == 25
    second = client.get(reverse("notifications:list"), {"pagina": 2})
    assert len(second.context["page"].object_list) == 5
    assert all(n.user_id == participant.pk for n in second.context["page"].object_list)


@pytest.mark.parametrize("count", [3, 12])
def test_the_list_reads_in_a_fixed_number_of_queries(
    network, participant, count, django_assert_max_num_queries
):
    _notify(participant, network, count=count)
    client = login(participant)
    client.get(reverse("notifications:list"))
    # Session, user, the menu's coordinator check, the count and the page of notifications,
    # the header's unread count.
    with django_assert_max_num_queries(6):
        assert client.get(reverse("notifications:list")).status_code == 200


def test_the_preferences_show_every_kind_as_a_radio_group_and_save(participant):
    client = login(participant)
    page = client.get(reverse("notifications:preferences")).content.decode()
    assert "Een stemronde begint" in page and "Een nieuwe versie van het contract" in page
    assert "In een dagelijks overzicht" in page and "Geen e-mail" in page
    assert f'name="{DOT_VOTE_OPENED}" value="immediately"' in page
    data = dict(selectors.preferences_of(user=participant))
    data[DOT_VOTE_OPENED] = "daily"
    response = client.post(reverse("notifications:preferences"), data)
    assert response.status_code == 302
    assert selectors.preferences_of(user=participant)[DOT_VOTE_OPENED] == "daily"


def test_a_bad_choice_gives_a_dutch_message_and_keeps_what_was_chosen(participant):
    client = login(participant)
    data = dict(selectors.preferences_of(user=participant))
    data[DOT_VOTE_OPENED] = "hourly"
    data[DOT_VOTE_CLOSED] = "weekly"
    response = client.post(reverse("notifications:preferences"), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Selecteer een geldige keuze" in page
    assert f'name="{DOT_VOTE_CLOSED}" value="weekly" class' in page or (
        response.context["form"][DOT_VOTE_CLOSED].value() == "weekly"
    )
    assert selectors.preferences_of(user=participant)[DOT_VOTE_CLOSED] == "daily"


def test_the_profile_links_the_notifications(participant):
    page = login(participant).get(reverse("accounts:profile")).content.decode()
    assert reverse("notifications:preferences") in page
    assert reverse("notifications:list") in page


def test_a_visitor_sees_no_count(client):
    page = client.get(reverse("public:overview")).content.decode()
    assert "Meldingen" not in page


def test_following_a_notification_marks_it_read_and_leads_to_its_page(network, participant):
    _notify(participant, network, count=2)
    first, second = Notification.objects.filter(user=participant).order_by("pk")
    client = login(participant)

    response = client.get(reverse("notifications:open", args=[first.pk]))

    assert response.status_code == 302
    assert response["Location"] == f"/netwerken/{network.slug}/thema/stemronde/1/"
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.read_at is not None and second.read_at is None
    read_at = first.read_at
    client.get(reverse("notifications:open", args=[first.pk]))
    first.refresh_from_db()
    assert first.read_at == read_at  # the first reading counts


def test_another_persons_notification_does_not_exist_for_you(network, participant, facilitator):
    _notify(participant, network)
    notification = Notification.objects.get(user=participant)

    response = login(facilitator).get(reverse("notifications:open", args=[notification.pk]))

    assert response.status_code == 404
    notification.refresh_from_db()
    assert notification.read_at is None
