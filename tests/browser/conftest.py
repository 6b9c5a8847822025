"""Browser journeys: Debian's Chromium driven by Playwright against pytest-django's live server.

Every journey runs twice: on a desktop (1280 px) and on a small phone (360 px). Each runs in a
transactional test with serialized rollback, so the catalogue and the Utrecht districts that the
data migrations create are back for every test.

`BROWSER_SCREENS` (comma-separated screen names) narrows the screens: `make test` runs the
journeys on the phone with SQLite and on the desktop with PostgreSQL, so every journey meets both
databases and both widths while the browser half of the suite runs once, not twice.
"""

import os
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connections
from playwright.sync_api import BrowserContext, Page

from tests.browser.helpers import NO_JS_CONTEXTS

# Playwright's sync API runs an event loop in this thread; the ORM calls in the test bodies are
# still synchronous and safe.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENS = {
    "desktop": {"width": 1280, "height": 800},
    "phone": {"width": 360, "height": 740},
}


def pytest_configure(config: pytest.Config) -> None:
    # pytest-playwright's own base_url fixture trips a pytest 9 deprecation; not ours to fix.
    config.addinivalue_line(
        "filterwarnings",
        "ignore:Session-scoped fixtures defined as instance methods"
        ":pytest.PytestRemovedIn10Warning",
    )


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any], live_server: Any) -> dict[str, Any]:
    """Every context talks to the live server, so `page.goto("/path/")` works."""
    return {**browser_context_args, "base_url": live_server.url, "locale": "nl-NL"}


def _screens() -> list[str]:
    chosen = [name for name in os.environ.get("BROWSER_SCREENS", "").split(",") if name]
    unknown = set(chosen) - set(SCREENS)
    if unknown:
        raise ValueError(f"BROWSER_SCREENS names unknown screens: {sorted(unknown)}")
    return chosen or list(SCREENS)


@pytest.fixture(params=_screens())
def screen(request: pytest.FixtureRequest) -> str:
    """The screen every page of the test is shown (and checked) on."""
    screen: str = request.param
    return screen


@pytest.fixture
def fresh_page(new_context: Callable[..., BrowserContext], screen: str) -> Callable[..., Page]:
    """Make a page in a new context (own cookies): another person, or JavaScript switched off.

    Keyword arguments go to the new context (e.g. `java_script_enabled=False`); the viewport is
    the test's screen. pytest-playwright closes the contexts after the test.
    """

    def make(**kwargs: Any) -> Page:
        context = new_context(**{"viewport": SCREENS[screen], **kwargs})
        if kwargs.get("java_script_enabled") is False:
            NO_JS_CONTEXTS.add(context)
        return context.new_page()

    return make


@pytest.fixture
def page(fresh_page: Callable[..., Page]) -> Page:
    """The main person's page, on the test's screen."""
    return fresh_page()


@pytest.fixture(scope="session")
def _migrated_data_snapshot(django_db_setup: None, django_db_blocker: Any) -> str | None:
    """The database as the migrations left it, serialized at set-up (taken before Playwright
    starts its event loop, while this thread still has its first connection object)."""
    with django_db_blocker.unblock():
        return getattr(connections["default"], "_test_serialized_contents", None)


@pytest.fixture(autouse=True)
def _migrated_data_in_the_browsers_context(
    _django_db_helper: None, _migrated_data_snapshot: str | None
) -> None:
    """Give every browser test the migrated data (catalogue, Utrecht, questionnaires).

    Django keeps connections in an asgiref Local, and Playwright's event loop gives the test a
    connection object of its own. That object lacks the serialized snapshot, so on PostgreSQL
    `serialized_rollback` restores nothing and the data migrations' rows vanish after the first
    flush. Here the snapshot is handed to that connection and loaded once, for this test.
    """
    connection = connections["default"]
    if _migrated_data_snapshot and not hasattr(connection, "_test_serialized_contents"):
        connection._test_serialized_contents = _migrated_data_snapshot  # type: ignore[attr-defined]
        connection.creation.deserialize_db_from_string(_migrated_data_snapshot)
