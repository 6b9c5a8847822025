from pathlib import Path

import pytest
from pytest_django import Settings


@pytest.fixture(autouse=True)
def media(settings: Settings, tmp_path: Path) -> Path:
    """This test's own folder for uploaded files."""
    settings.MEDIA_ROOT = tmp_path
    return tmp_path
