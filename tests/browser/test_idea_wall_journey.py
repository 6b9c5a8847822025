"""The facilitator groups the idea wall: drags a card to another column (with JavaScript) and moves
one back with the card's own form (without). Every page is checked with axe and for reflow."""

import pytest
from playwright.sync_api import expect

from lerendnetwerk.themes import services
from lerendnetwerk.themes.models import Idea
from tests.browser.helpers import check_page, follow, log_in, visit

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_the_facilitator_groups_ideas_by_dragging_and_by_form(
    page, fresh_page, network, facilitator, participant
):
    grouped = services.idea_post(network=network, author=participant, text="Ouderavond")
    services.idea_group(idea=grouped, label="Ouders")
    idea = services.idea_post(network=network, author=participant, text="Samen voorlezen")
    wall = f"/netwerken/{network.slug}/thema/ideeenmuur/"

    # With JavaScript: drag the card by its title onto the column of the group. On a phone the
    # columns stack and touch offers no drag and drop: there the card's form is the way (below).
    log_in(page, facilitator.email)
    visit(page, wall)
    viewport = page.viewport_size
    assert viewport is not None
    if viewport["width"] >= 768:
        column = page.locator('main section[data-group="Ouders"]')
        page.locator(f"#idea-{idea.pk} strong").first.drag_to(column.locator("h3"))
        expect(page.locator("#wall-status")).to_contain_text(
            "“Samen voorlezen” staat nu in: Ouders"
        )
        expect(column.locator(f"#idea-{idea.pk}")).to_be_visible()
        expect(column.locator(".ln-wall__count")).to_have_text("(2)")
        expect(page.locator('main section[data-group=""] .ln-wall__empty')).to_be_visible()
        idea.refresh_from_db()
        assert idea.group_label == "Ouders"
        check_page(page)
    else:
        services.idea_group(idea=idea, label="Ouders")

    # Without JavaScript: the card's form moves it back; its button names the idea.
    plain = fresh_page(java_script_enabled=False)
    log_in(plain, facilitator.email)
    visit(plain, wall)
    form = plain.locator(f"#idea-{idea.pk} form.ln-idea__move")
    form.locator("select").select_option("")
    button = form.locator("button[type=submit]")
    expect(button).to_have_text("Verplaats: Samen voorlezen")
    follow(plain, button)
    expect(plain.locator('main section[data-group=""]')).to_contain_text("Samen voorlezen")
    idea.refresh_from_db()
    assert idea.group_label == ""
    assert Idea.objects.get(pk=grouped.pk).group_label == "Ouders"
