"""What every journey does on every page: check accessibility and reflow, and log in."""

import re
import weakref

from axe_playwright_python.sync_playwright import Axe
from django_otp.oath import TOTP, totp
from playwright.sync_api import BrowserContext, Locator, Page, expect

from lerendnetwerk.accounts.models import User
from lerendnetwerk.accounts.roles import needs_second_factor
from lerendnetwerk.catalogue.models import Entry
from lerendnetwerk.core.tests.factories import PASSWORD, totp_device
from lerendnetwerk.regions.models import Region

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    "resultTypes": ["violations"],
}
_axe = Axe()

# Django's bare error pages (no 404.html/500.html yet; 403 for a CSRF failure): something
# went wrong before the page we wanted.
_ERROR_TITLES = re.compile(
    r"\b(403|404|500)\b|Server Error|Serverfout|Forbidden|Verboden|Not Found|Niet gevonden",
    re.IGNORECASE,
)


# Contexts made with java_script_enabled=False: axe cannot run in them (its promise waits on
# timers that never fire), so their pages are checked in a JavaScript twin, see below.
NO_JS_CONTEXTS: "weakref.WeakSet[BrowserContext]" = weakref.WeakSet()


def assert_accessible(page: Page) -> None:
    """Run axe-core (WCAG 2.2 A and AA: the 2.0, 2.1 and 2.2 rules) on the page; fail with
    every violation listed."""
    if page.context in NO_JS_CONTEXTS:
        _assert_accessible_in_js_twin(page)
        return
    # axe is injected with page.evaluate: the Content Security Policy blocks add_script_tag.
    results = _axe.run(page, options=AXE_OPTIONS)
    violations = results.response["violations"]
    if violations:
        lines = [f"{len(violations)} axe violation(s) on {page.url}:"]
        for violation in violations:
            lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
            for node in violation["nodes"]:
                lines.append(f"    {', '.join(map(str, node['target']))}: {node['html'][:200]}")
                summary = node.get("failureSummary")
                if summary:
                    lines.append("      " + summary.replace("\n", " ")[:300])
        raise AssertionError("\n".join(lines))


def _assert_accessible_in_js_twin(page: Page) -> None:
    """The same URL (a GET), with the same cookies and viewport, in a context with JavaScript."""
    browser = page.context.browser
    assert browser is not None
    twin = browser.new_context(
        storage_state=page.context.storage_state(), viewport=page.viewport_size
    )
    try:
        twin_page = twin.new_page()
        twin_page.goto(page.url)
        assert_accessible(twin_page)
    finally:
        twin.close()


_WIDEST = """(width) => [...document.querySelectorAll('body *')]
    .filter(el => el.getBoundingClientRect().right > width + 0.5)
    .filter(el => !el.parentElement.closest('.ln-table-wrapper'))
    .slice(-8)
    .map(el => el.tagName.toLowerCase()
        + (el.id ? '#' + el.id : '')
        + (typeof el.className === 'string' && el.className.trim()
            ? '.' + el.className.trim().split(/\\s+/).join('.') : '')
        + ' right=' + Math.round(el.getBoundingClientRect().right))"""


def assert_fits_width(page: Page, width: int = 360) -> None:
    """The page does not scroll sideways at `width` CSS pixels (WCAG 1.4.10 Reflow)."""
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    if scroll_width > width:
        wide = page.evaluate(_WIDEST, width)
        raise AssertionError(
            f"{page.url} scrolls sideways at {width} px: scrollWidth={scroll_width}. "
            f"Elements sticking out (innermost last): {wide}"
        )


# Words in table cells and headings that the browser broke over two lines (a word may still
# break at a hyphen, a dash or a slash): a squeezed cell or a heading split mid-word.
_BROKEN_WORDS = """() => {
    const broken = [];
    for (const el of document.querySelectorAll('td, th, h1, h2, h3, h4')) {
        if (!el.getClientRects().length) continue;
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (node.parentElement.closest('.ln-visually-hidden')) continue;
            for (const word of node.textContent.matchAll(/[^\\s\\-\\/–—]{2,}/g)) {
                const range = document.createRange();
                range.setStart(node, word.index);
                range.setEnd(node, word.index + word[0].length);
                const lines = new Set([...range.getClientRects()]
                    .filter(r => r.width > 0).map(r => Math.round(r.bottom)));
                if (lines.size > 1) broken.push(el.tagName.toLowerCase() + ': ' + word[0]);
            }
        }
    }
    return broken.slice(0, 10);
}"""


def assert_words_whole(page: Page) -> None:
    """No table cell is narrower than its longest word and no heading splits a word."""
    broken = page.evaluate(_BROKEN_WORDS)
    if broken:
        raise AssertionError(f"{page.url} breaks words over two lines: {broken}")


def check_page(page: Page) -> None:
    """The checks for every page a journey visits: no error page, axe, no sideways scrolling,
    no word broken in a table cell or heading."""
    expect(page).not_to_have_title(_ERROR_TITLES)
    assert_accessible(page)
    viewport = page.viewport_size
    assert viewport is not None
    assert_fits_width(page, viewport["width"])
    assert_words_whole(page)


def visit(page: Page, path: str) -> None:
    """Open `path` on the live server (the context's base_url) and check the page."""
    response = page.goto(path)
    assert response is not None
    assert response.ok, f"{path} answered {response.status}"
    check_page(page)


def follow(page: Page, target: Locator) -> None:
    """Click a link or a submit button, wait until the next page has loaded, and check it.

    Waiting for the navigation matters when a form comes back with errors at the same URL:
    without it the checks could run on the page that is being left.
    """
    with page.expect_navigation():
        target.click()
    check_page(page)


def main_menu(page: Page) -> Locator:
    """The site's main menu in the header, opened first where it folds away behind the "Menu"
    button (on a phone)."""
    button = page.locator("header details.ln-menu > summary")
    if button.is_visible() and not page.locator("header details.ln-menu[open]").count():
        button.click()
    return page.locator("header nav.ln-nav")


def log_in(page: Page, email: str, password: str = PASSWORD) -> None:
    """Log in through the real form, with e-mail address and password, and for a coordinator
    or staff member the code from their TOTP app (set up beforehand; the set-up itself is
    tests/browser/test_second_factor_journey.py)."""
    user = prepare_second_factor(email)
    visit(page, "/account/inloggen/")
    page.locator("input[name=username]").fill(email)
    page.locator("input[name=password]").fill(password)
    follow(page, page.locator("main form:has(input[name=password]) button[type=submit]"))
    if user is not None:
        give_code(page, user, check=True)


def prepare_second_factor(email: str) -> User | None:
    """The person, with a TOTP app, if they need a second factor; None otherwise."""
    user = User.objects.get(email=email)
    if not needs_second_factor(user):
        return None
    totp_device(user)
    return user


def unused_code(user: User) -> str:
    """The app's code now, or the next one if now's was used already (the device accepts one
    step either side)."""
    device = totp_device(user)
    now = TOTP(device.bin_key, device.step, device.t0, device.digits).t()
    drift = 1 if device.last_t >= now else 0
    code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=drift)
    return f"{code:06d}"


def give_code(page: Page, user: User, *, check: bool) -> None:
    """Type the current code on the second-factor page (a code not used before: each is
    accepted once, so a second login within 30 seconds takes the next one)."""
    page.locator("input[name=code]").fill(unused_code(user))
    submit = page.locator("main form:has(input[name=code]) button[type=submit]")
    if check:
        follow(page, submit)
    else:
        with page.expect_navigation():
            submit.click()


def assert_catalogue_loaded() -> None:
    """The data migrations' rows survived the transactional tests that ran before this one."""
    assert Entry.objects.filter(slug__isnull=False).exists(), "catalogue entries are missing"
    assert Region.objects.filter(slug="utrecht", districts__slug="overvecht").exists(), (
        "the Utrecht districts are missing"
    )


def path_of(page: Page) -> str:
    """The current path (without host, query or fragment)."""
    return re.sub(r"^https?://[^/]+", "", page.url).split("?")[0].split("#")[0]
