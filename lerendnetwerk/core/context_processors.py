from typing import Any

from django.conf import settings
from django.http import HttpRequest


def site(request: HttpRequest) -> dict[str, Any]:
    return {
        "THEME": settings.THEME,
        "THEME_CLASS": settings.THEME_CLASS,
        "SITE_URL": settings.SITE_URL,
    }
