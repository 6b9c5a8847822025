"""A visitor finds a film for the current phase from the Handbook's phase page and sees no
third-party player until she agrees, with and without JavaScript; a facilitator suggests a
resource, the coordinator publishes it, and the facilitator sees that it is (issue 15)."""

import pytest
from django.core import mail
from playwright.sync_api import Page, Route, expect

from lerendnetwerk.resources import services
from lerendnetwerk.resources.services import ResourceData
from tests.browser.helpers import assert_catalogue_loaded, follow, log_in, visit

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

FILM = "Een ochtend in de kring"
SUGGESTION = "Warme overdracht in vijf stappen"
PLAYER = "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"


def no_internet(page: Page) -> None:
    """Nothing is fetched from the internet: the player's frame gets a page of our own."""

    def stand_in(route: Route) -> None:
        route.fulfill(
            content_type="text/html",
            body='<!DOCTYPE html><html lang="nl"><title>Speler</title><p>Speler</p></html>',
        )

    page.route("https://www.youtube-nocookie.com/**", stand_in)


def test_a_visitor_finds_a_film_for_the_phase_and_a_suggestion_gets_published(
    page, fresh_page, facilitator, coordinator, utrecht
):
    assert_catalogue_loaded()
    services.resource_create(
        region=utrecht,
        added_by=coordinator,
        data=ResourceData(
            kind="film",
            title=FILM,
            description="Pedagogisch medewerkers en leerkrachten kijken samen naar een kring.",
            url="https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            minutes=12,
            source="Gemeente Utrecht",
            phases=["exploration"],
        ),
        publish=True,
    )

    # The visitor: from the Handbook's Exploration page to the film; no player yet.
    visitor = fresh_page()
    no_internet(visitor)
    visit(visitor, "/handreiking/verkenning/")
    related = visitor.locator("main section", has_text="Films en bronnen")
    follow(visitor, related.get_by_role("link", name=FILM))
    expect(visitor.locator("iframe")).to_have_count(0)
    expect(visitor.get_by_role("link", name="Bekijk hem op YouTube")).to_be_visible()
    follow(visitor, visitor.get_by_role("button", name="Speel de film hier af (laadt YouTube)"))
    expect(visitor.locator("iframe")).to_have_attribute("src", PLAYER)

    # Without JavaScript the button is a form like any other.
    plain = fresh_page(java_script_enabled=False)
    no_internet(plain)
    visit(plain, visitor.url.split("#")[0])
    expect(plain.locator("iframe")).to_have_count(0)
    follow(plain, plain.get_by_role("button", name="Speel de film hier af (laadt YouTube)"))
    expect(plain.locator("iframe")).to_have_attribute("src", PLAYER)

    # A facilitator suggests a resource for the library.
    log_in(page, facilitator.email)
    visit(page, "/bibliotheek/utrecht/")
    follow(page, page.get_by_role("link", name="Bron voorstellen"))
    form = page.locator("main form[method=post]")
    form.locator("input[name=title]").fill(SUGGESTION)
    form.locator("input[name=kind][value=method]").check()
    form.locator("input[name=url]").fill("https://example.org/warme-overdracht.pdf")
    form.locator("input[name=phases][value=exploration]").check()
    follow(page, form.get_by_role("button", name="Voorstel versturen"))
    expect(page.locator("main table")).to_contain_text("Voorgesteld, wacht op een coördinator")
    assert [message.to for message in mail.outbox] == [[coordinator.email]]

    # The coordinator publishes it.
    own = fresh_page()
    log_in(own, coordinator.email)
    visit(own, "/bibliotheek/utrecht/beheer/")
    expect(own.locator("main")).to_contain_text("Eén voorstel wacht op je besluit.")
    follow(own, own.get_by_role("link", name=f"“{SUGGESTION}” publiceren of afwijzen"))
    own.locator("input[name=decision][value=publish]").check()
    follow(own, own.get_by_role("button", name="Besluit opslaan"))
    expect(own.locator(".utrecht-alert--ok[role=status]")).to_contain_text("openbare bibliotheek")

    # Now in the public library, and the facilitator sees it was published.
    visit(visitor, "/bibliotheek/utrecht/?fase=exploration")
    expect(visitor.get_by_role("link", name=SUGGESTION)).to_be_visible()
    visit(page, "/bibliotheek/mijn-voorstellen/")
    expect(page.locator("main table")).to_contain_text("Gepubliceerd")
