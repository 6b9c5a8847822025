import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[3]


def test_deploy_checks_pass_with_production_settings():
    # The browser tests set DJANGO_ALLOW_ASYNC_UNSAFE for Playwright; production never does.
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "SECRET_KEY": "x" * 60 + "-production-secret-for-the-check",
        "ALLOWED_HOSTS": "lerendnetwerk.example",
        "HTTPS": "1",
        "EMAIL_HOST": "smtp.example",
        "CACHE_URL": "redis://cache.example:6379/0",
        "DEBUG": "0",
    }
    result = deploy_check(env)
    assert result.returncode == 0, result.stdout + result.stderr
    # Without a shared cache, more than one process would disagree about sessions and pages.
    without = deploy_check({k: v for k, v in env.items() if k != "CACHE_URL"})
    assert without.returncode != 0 and "lerendnetwerk.W001" in without.stderr


def deploy_check(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.django_db
def test_database_connections_are_persistent(settings):
    assert settings.DATABASES["default"]["CONN_MAX_AGE"] >= 60
    assert connection.settings_dict["CONN_HEALTH_CHECKS"] is True


@pytest.mark.django_db
def test_every_response_carries_a_strict_csp_and_security_headers(client):
    response = client.get("/")
    csp = response.headers["Content-Security-Policy"]
    # Scripts only from our own origin (plus a per-response nonce where a page needs one).
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "same-origin"


@pytest.mark.django_db
def test_errors_get_the_sites_own_pages(client, settings):
    settings.DEBUG = False
    page = client.get("/bestaat-niet/")
    assert page.status_code == 404
    assert "utrecht-page-layout" in page.content.decode()
    from django.template.loader import render_to_string

    assert "utrecht-heading-1" in render_to_string("500.html")
