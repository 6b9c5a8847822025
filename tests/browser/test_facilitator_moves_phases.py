"""The facilitator records the four prerequisites, starts Exploration, sees its questions and
what is still open, moves on to Development with a reason and steps back with a reason; the phase
tracker follows every move."""

import re

import pytest
from playwright.sync_api import Page, expect

from lerendnetwerk.networks.models import ManagerCommitment, Prerequisite
from tests.browser.helpers import assert_catalogue_loaded, follow, log_in, visit

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def current_step(page: Page):
    return page.locator("ol.ln-phases li[aria-current=step]")


def expect_phase(page: Page, number: int | None) -> None:
    """The tracker marks phase `number` (1-5) as the current step, or none before the start."""
    if number is None:
        expect(current_step(page)).to_have_count(0)
    else:
        expect(current_step(page)).to_have_count(1)
        expect(current_step(page)).to_contain_text(re.compile(rf"^\s*{number}\."))
        expect(page.locator("ol.ln-phases li.ln-phases__step--done")).to_have_count(number - 1)


def save(page: Page) -> None:
    follow(page, page.locator("main form[method=post] button[type=submit]"))


def test_facilitator_records_prerequisites_and_moves_through_phases(
    page, network, facilitator, manager
):
    assert_catalogue_loaded()
    base = f"/netwerken/{network.slug}/"
    phase_link = f"main a[href='{base}fase/']"
    back_link = f"main a[href='{base}fase/?richting=terug']"

    log_in(page, facilitator.email)
    expect(page).to_have_url(re.compile(r"/mijn-pagina/$"))
    follow(page, page.locator(f"main a[href='{base}']"))
    expect(page).to_have_url(re.compile(re.escape(base) + "$"))

    # Before the prerequisites: no phase yet, no button, and the page says what is missing.
    expect_phase(page, None)
    expect(page.locator(phase_link)).to_have_count(0)
    missing = page.locator("main .utrecht-alert--info li")
    expect(missing).to_have_count(4)

    # Going to the phase page anyway shows the same list, and no button to move.
    visit(page, f"{base}fase/")
    expect(page.locator("main .utrecht-alert--warning li")).to_have_count(4)
    expect(page.locator("main form[method=post] button[type=submit]")).to_have_count(0)
    network.current_cycle.refresh_from_db()
    assert network.current_cycle.phase == ""

    # The prerequisites page, through the network's menu.
    follow(page, page.locator("main a[href$='/randvoorwaarden/']").first)
    expect(page).to_have_url(re.compile(re.escape(base) + "randvoorwaarden/$"))
    prerequisites_url = page.url

    # 1. Management commitment: first the manager and their role, then the evidence.
    follow(page, page.locator(f"main a[href='{base}randvoorwaarden/management/']"))
    follow(page, page.locator(f"main a[href='{base}randvoorwaarden/management/toevoegen/']"))
    expect(page).to_have_url(re.compile(r"/randvoorwaarden/management/toevoegen/$"))
    page.locator("select[name=manager]").select_option(value=str(manager.pk))
    page.locator("select[name=role]").select_option(value="sounding_board")
    page.locator("textarea[name=note]").fill("Denkt mee in de klankbordgroep, vier keer per jaar.")
    save(page)
    expect(page).to_have_url(re.compile(re.escape(base) + "randvoorwaarden/management/$"))
    expect(page.locator("main section.ln-card")).to_contain_text(manager.name)
    assert ManagerCommitment.objects.get(network=network).role == "sounding_board"
    page.locator("textarea[name=evidence]").fill(
        "De directeuren bespraken het plan op 3 maart en vormen de klankbordgroep."
    )
    save(page)
    expect(page).to_have_url(prerequisites_url)
    expect(page.locator(".utrecht-alert--ok[role=status]")).to_be_visible()

    # 2. Motivation of the participants.
    follow(page, page.locator(f"main a[href='{base}randvoorwaarden/motivatie/']"))
    page.locator("textarea[name=evidence]").fill("Intakegesprekken met alle zes deelnemers.")
    save(page)
    expect(page).to_have_url(prerequisites_url)

    # 3. Time: without the hours the form says so and keeps the evidence.
    follow(page, page.locator(f"main a[href='{base}randvoorwaarden/tijd/']"))
    time_evidence = "Afgesproken met de directeuren: twee uur per maand, in werktijd."
    page.locator("textarea[name=evidence]").fill(time_evidence)
    save(page)
    expect(page).to_have_url(re.compile(r"/randvoorwaarden/tijd/$"))
    hours = page.locator("input[name=hours_per_month]")
    expect(hours).to_have_attribute("aria-invalid", "true")
    expect(page.locator(f"#{hours.get_attribute('id')}_error")).to_contain_text(
        re.compile(r"hours|uur", re.IGNORECASE)
    )
    expect(page.locator("textarea[name=evidence]")).to_have_value(time_evidence)
    assert not Prerequisite.objects.filter(network=network, kind="time").exists()
    hours.fill("2")
    save(page)
    expect(page).to_have_url(prerequisites_url)

    # 4. Budget and expert: without the expert, the same.
    follow(page, page.locator(f"main a[href='{base}randvoorwaarden/budget-en-expert/']"))
    budget_evidence = "Budget voor een expert en twee werkbezoeken; akkoord van het bestuur."
    page.locator("textarea[name=evidence]").fill(budget_evidence)
    page.locator("input[name=budget_euros]").fill("2500")
    save(page)
    expect(page).to_have_url(re.compile(r"/randvoorwaarden/budget-en-expert/$"))
    expert = page.locator("input[name=expert_name]")
    expect(expert).to_have_attribute("aria-invalid", "true")
    expect(page.locator(f"#{expert.get_attribute('id')}_error")).to_contain_text(
        re.compile(r"expert|deskundige", re.IGNORECASE)
    )
    expect(page.locator("textarea[name=evidence]")).to_have_value(budget_evidence)
    expect(page.locator("input[name=budget_euros]")).to_have_value("2500")
    expert.fill("Eva Expert, taalontwikkeling")
    save(page)
    expect(page).to_have_url(prerequisites_url)
    assert Prerequisite.objects.filter(network=network).count() == 4

    # Everything recorded: the network can start with Exploration.
    follow(page, page.locator(f"main a[href='{base}']").first)
    expect(page).to_have_url(re.compile(re.escape(base) + "$"))
    expect(page.locator("main .utrecht-alert--info li")).to_have_count(0)
    expect_phase(page, None)
    follow(page, page.locator(phase_link))
    save(page)
    expect(page).to_have_url(re.compile(re.escape(base) + "$"))
    expect(page.locator(".utrecht-alert--ok[role=status]")).to_be_visible()
    expect_phase(page, 1)
    expect(page.locator(back_link)).to_have_count(0)

    # The home page shows Exploration's questions, none done yet, each with the Handbook's
    # work forms to try.
    questions = page.locator("#questions-heading + p + .ln-guidance > article")
    expect(questions).to_have_count(3)
    expect(page.locator("main .ln-state--open")).to_have_count(3)
    expect(questions.first).to_contain_text("Kennismaken")
    expect(questions.first.locator("a[href*='/handreiking/']").first).to_be_visible()

    # On to Development: the readiness summary lists what is still open, and moving on
    # anyway asks for a reason (refused without one, nothing moves), which the move keeps.
    follow(page, page.locator(phase_link))
    readiness = page.locator("main section.utrecht-alert--warning")
    expect(readiness.locator("li")).to_have_count(3)
    expect(readiness).to_contain_text("Give and take")
    save(page)
    expect(page).to_have_url(re.compile(re.escape(base) + "fase/$"))
    reason = page.locator("textarea[name=reason]")
    expect(reason).to_have_attribute("aria-invalid", "true")
    expect(page.locator(f"#{reason.get_attribute('id')}_error")).to_contain_text(
        re.compile(r"open", re.IGNORECASE)
    )
    network.current_cycle.refresh_from_db()
    assert network.current_cycle.phase == "exploration"
    onward = "We kennen elkaar al uit het vorige netwerk; het thema kiezen we nu samen."
    reason.fill(onward)
    save(page)
    expect(page).to_have_url(re.compile(re.escape(base) + "$"))
    expect_phase(page, 2)
    expect(page.locator("main table")).to_contain_text(onward)
    assert network.current_cycle.transitions.latest("moved_at").open_questions == [
        "Kennismaken",
        "Gezamenlijk thema's verkennen",
        "Give and take",
    ]
    # Exploration's questions are folded away under the earlier phases.
    expect(page.locator("main details summary")).to_contain_text("Verkenning")

    # Back to Exploration: first without a reason (refused, nothing moves), then with one.
    follow(page, page.locator(back_link))
    save(page)
    expect(page).to_have_url(re.compile(r"/fase/\?richting=terug$"))
    reason = page.locator("textarea[name=reason]")
    expect(reason).to_have_attribute("aria-invalid", "true")
    expect(page.locator(f"#{reason.get_attribute('id')}_error")).to_contain_text(
        re.compile(r"why|waarom", re.IGNORECASE)
    )
    network.current_cycle.refresh_from_db()
    assert network.current_cycle.phase == "development"
    visit(page, base)
    expect_phase(page, 2)

    follow(page, page.locator(back_link))
    reason_text = "De groep wil eerst de leervragen scherper krijgen."
    page.locator("textarea[name=reason]").fill(reason_text)
    save(page)
    expect(page).to_have_url(re.compile(re.escape(base) + "$"))
    expect_phase(page, 1)
    expect(page.locator("main table")).to_contain_text(reason_text)
    network.current_cycle.refresh_from_db()
    assert network.current_cycle.phase == "exploration"
