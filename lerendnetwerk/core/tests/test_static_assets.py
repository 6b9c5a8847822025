"""Every file our style sheets refer to is shipped: a missing font or image would make the browser
fall back silently (or, with hashed file names, break collectstatic)."""

import re
from pathlib import Path

from django.contrib.staticfiles import finders

CSS = Path(__file__).resolve().parents[2] / "static" / "css"
URL = re.compile(r"""url\(\s*["']?([^"')]+)["']?\s*\)""")


def test_every_url_in_our_style_sheets_points_at_a_shipped_file():
    checked = 0
    for sheet in CSS.glob("*.css"):
        for target in URL.findall(sheet.read_text()):
            if target.startswith("data:"):
                continue
            elsewhere = re.match(r"^[a-z]+://|^//", target)
            assert not elsewhere, f"{sheet.name} loads {target} from elsewhere"
            normal = str(Path("/static/css", target).resolve()).removeprefix("/static/")
            assert finders.find(normal), f"{sheet.name}: {target} is not shipped"
            checked += 1
    assert checked >= 6, "the font faces are declared"
