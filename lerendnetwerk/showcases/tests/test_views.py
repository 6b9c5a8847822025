"""The results pages: who may download what, the public page, the upload form and its refusals."""

import io
import zipfile
from typing import Any

import pytest
from django.urls import reverse
from PIL import Image

from lerendnetwerk.accounts.models import User
from lerendnetwerk.core.tests.factories import UserFactory, add_member, login
from lerendnetwerk.networks.models import Network
from lerendnetwerk.privacy.services import account_erase
from lerendnetwerk.showcases import services
from lerendnetwerk.showcases.models import Showcase

from .files import EXE, MINIMAL_PDF, SVG_WITH_SCRIPT, jpeg_with_gps, png_bytes, upload

pytestmark = pytest.mark.django_db


def add(
    network: Network,
    person: User,
    name: str = "verslag.pdf",
    data: bytes = MINIMAL_PDF,
    kind: str = "document",
    **extra: Any,
) -> Showcase:
    return services.showcase_create(
        network=network,
        uploaded_by=person,
        title=extra.pop("title", "Verslag van de voorleesochtend"),
        description=extra.pop("description", ""),
        kind=kind,
        upload=upload(name, data),
        **extra,
    )


def download_url(showcase: Showcase) -> str:
    return reverse("showcases:download", args=[showcase.network.slug, showcase.pk])


def public_url(network: Network) -> str:
    return reverse("showcases:public", args=["utrecht", network.slug])


def content(response: Any) -> bytes:
    return b"".join(response.streaming_content)


# --- Downloads


def test_anonymous_cannot_download_an_unpublished_file(client, network, participant):
    showcase = add(network, participant)
    assert client.get(download_url(showcase)).status_code == 404


def test_a_member_downloads_an_unpublished_file_as_an_attachment(network, participant):
    showcase = add(network, participant)
    response = login(participant).get(download_url(showcase))
    assert response.status_code == 200
    assert content(response) == MINIMAL_PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert 'filename="verslag.pdf"' in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert "no-store" in response["Cache-Control"]


def test_others_get_not_found_before_publication(network, participant, outsider, manager):
    showcase = add(network, participant)
    for person in (outsider, manager, UserFactory.create()):
        assert login(person).get(download_url(showcase)).status_code == 404


def test_everyone_downloads_a_published_file(client, network, participant, facilitator):
    showcase = add(network, participant, "poster.png", png_bytes(), kind="text")
    services.showcase_publish(showcase=showcase, published_by=facilitator)
    response = client.get(download_url(showcase))
    assert response.status_code == 200
    # An image is shown in the page (the type found at upload, not the name's).
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].startswith("inline;")
    assert response["X-Content-Type-Options"] == "nosniff"
    with Image.open(io.BytesIO(content(response))) as image:
        assert image.format == "PNG"


def test_a_download_must_belong_to_the_network_in_its_address(
    client, network, participant, facilitator, outsider
):
    showcase = add(network, participant)
    services.showcase_publish(showcase=showcase, published_by=facilitator)
    other = outsider.memberships.get().network
    url = reverse("showcases:download", args=[other.slug, showcase.pk])
    assert client.get(url).status_code == 404


def test_the_file_is_not_under_a_public_path(client, network, participant, media, settings):
    name = add(network, participant).file.name or ""
    assert (media / name).exists()
    assert client.get(settings.MEDIA_URL + name).status_code == 404
    assert client.get("/media/" + name).status_code == 404


# --- The public page


def test_the_public_page_shows_only_published_results(client, network, participant, facilitator):
    shown = add(network, participant, title="Woordenrijke kring")
    add(network, participant, title="Concept nog niet klaar")
    services.showcase_publish(showcase=shown, published_by=facilitator)
    page = client.get(public_url(network)).content.decode()
    assert "Woordenrijke kring" in page
    assert "Concept nog niet klaar" not in page
    assert download_url(shown) in page
    # The network's public page links to it.
    network_page = client.get(reverse("public:network", args=["utrecht", network.slug]))
    assert public_url(network) in network_page.content.decode()


def test_a_film_is_a_plain_link_never_embedded(client, network, participant, facilitator):
    film = services.showcase_create(
        network=network,
        uploaded_by=participant,
        title="Een ochtend in groep 1",
        description="",
        kind="film",
        link="https://video.example.org/ochtend",
        consent=True,
    )
    services.showcase_publish(showcase=film, published_by=facilitator)
    page = client.get(public_url(network)).content.decode()
    assert 'href="https://video.example.org/ochtend"' in page
    assert "noopener" in page
    assert "<iframe" not in page
    assert "<video" not in page
    assert "video.example.org" not in page.split('href="https://video.example.org/ochtend"')[0]


def test_an_unknown_network_has_no_public_results_page(client):
    assert client.get(reverse("showcases:public", args=["utrecht", "nergens"])).status_code == 404


# --- Adding through the form


def form_data(**extra: Any) -> dict[str, Any]:
    return {
        "title": "Onze aanpak",
        "kind": "document",
        "description": "Wat we samen hebben uitgeprobeerd.",
        "link": "",
        **extra,
    }


def test_a_member_adds_a_photo_with_consent(network, participant):
    response = login(participant).post(
        reverse("showcases:create", args=[network.slug]),
        form_data(kind="photo", consent="on", file=upload("kring.jpg", jpeg_with_gps())),
    )
    assert response.status_code == 302
    photo = Showcase.objects.get()
    assert photo.content_type == "image/jpeg"
    assert photo.consent_confirmed_by == participant
    assert not photo.is_published


def test_a_refused_file_keeps_what_was_typed(network, participant):
    response = login(participant).post(
        reverse("showcases:create", args=[network.slug]),
        form_data(file=upload("handleiding.pdf", EXE)),
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Dit soort bestand kan niet worden toegevoegd" in page
    assert 'value="Onze aanpak"' in page
    assert "Wat we samen hebben uitgeprobeerd." in page
    assert not Showcase.objects.exists()


def test_an_svg_through_the_form_is_refused(network, participant):
    response = login(participant).post(
        reverse("showcases:create", args=[network.slug]),
        form_data(file=upload("logo.svg", SVG_WITH_SCRIPT, "image/svg+xml")),
    )
    assert "kunnen scripts bevatten" in response.content.decode()
    assert not Showcase.objects.exists()


def test_a_file_over_the_limit_is_skipped_while_it_streams_in(
    network, participant, settings, media
):
    settings.SHOWCASE_MAX_UPLOAD_MB = 0.001  # about 1 kB
    response = login(participant).post(
        reverse("showcases:create", args=[network.slug]),
        form_data(file=upload("groot.pdf", MINIMAL_PDF + b" " * 5000)),
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Dit bestand is groter dan 0.001 MB" in page
    assert 'value="Onze aanpak"' in page
    assert not Showcase.objects.exists()
    assert [p for p in media.rglob("*") if p.is_file()] == []


def test_a_photo_without_consent_is_refused_in_the_form(network, participant):
    response = login(participant).post(
        reverse("showcases:create", args=[network.slug]),
        form_data(kind="interview", link="https://video.example.org/interview"),
    )
    assert response.status_code == 200
    assert "toestemming" in response.content.decode()
    assert not Showcase.objects.exists()


def test_the_form_works_without_javascript_markup(network, participant):
    page = login(participant).get(reverse("showcases:create", args=[network.slug]))
    html = page.content.decode()
    assert 'enctype="multipart/form-data"' in html
    assert 'type="file"' in html


# --- Changing, deleting, publishing


def test_another_participant_may_not_change_or_delete_it(network, participant):
    showcase = add(network, participant)
    other = login(add_member(network))
    assert other.get(reverse("showcases:edit", args=[network.slug, showcase.pk])).status_code == 403
    assert (
        other.post(reverse("showcases:delete", args=[network.slug, showcase.pk])).status_code == 403
    )


def test_the_facilitator_deletes_a_result(network, participant, facilitator):
    showcase = add(network, participant)
    response = login(facilitator).post(
        reverse("showcases:delete", args=[network.slug, showcase.pk])
    )
    assert response.status_code == 302
    assert not Showcase.objects.exists()


def test_the_facilitator_publishes_and_unpublishes(client, network, participant, facilitator):
    showcase = add(network, participant, title="Ouderavond")
    http = login(facilitator)
    http.post(reverse("showcases:publish", args=[network.slug, showcase.pk]))
    assert "Ouderavond" in client.get(public_url(network)).content.decode()
    http.post(reverse("showcases:unpublish", args=[network.slug, showcase.pk]))
    assert "Ouderavond" not in client.get(public_url(network)).content.decode()


def test_publishing_a_photo_without_consent_says_why(network, facilitator):
    photo = Showcase.objects.create(
        network=network, title="Kring", kind="photo", link="https://foto.example.org/1"
    )
    http = login(facilitator)
    response = http.post(reverse("showcases:publish", args=[network.slug, photo.pk]), follow=True)
    assert "toestemming" in response.content.decode()
    photo.refresh_from_db()
    assert not photo.is_published


def test_a_participant_cannot_publish(network, participant):
    showcase = add(network, participant)
    response = login(participant).post(
        reverse("showcases:publish", args=[network.slug, showcase.pk])
    )
    assert response.status_code == 403


# --- Privacy


def test_erasure_keeps_the_result_without_its_author(network, participant, facilitator):
    photo = add(network, participant, "kring.png", png_bytes(), kind="photo", consent=True)
    services.showcase_publish(showcase=photo, published_by=facilitator)
    account_erase(user=participant)
    photo.refresh_from_db()
    assert photo.uploaded_by is None
    assert photo.consent_confirmed_by is None
    # The consent was given and confirmed; the date keeps it on record.
    assert photo.consent_confirmed_at is not None
    assert photo.is_published


# --- A fixed number of queries, however many results


@pytest.mark.parametrize("count", [2, 10])
def test_pages_read_in_a_fixed_number_of_queries(
    count, client, network, participant, facilitator, django_assert_max_num_queries
):
    for n in range(count):
        showcase = add(network, participant, title=f"Resultaat {n}")
        services.showcase_publish(showcase=showcase, published_by=facilitator)
    http = login(facilitator)
    with django_assert_max_num_queries(10):
        assert http.get(reverse("showcases:list", args=[network.slug])).status_code == 200
    with django_assert_max_num_queries(8):
        assert client.get(public_url(network)).status_code == 200


def test_the_export_of_a_person_with_an_upload_lists_it(network, participant):
    from lerendnetwerk.privacy.export import export_zip

    add(network, participant, title="Ons overdrachtsformulier")
    archive = zipfile.ZipFile(io.BytesIO(export_zip(user=participant)))
    data = archive.read("gegevens.json").decode()
    assert "Ons overdrachtsformulier" in data
    # The storage's random name is of no use to the person and is left out.
    assert "showcases/" not in data
