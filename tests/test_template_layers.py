"""Templates follow the same direction as imports: an app's template may include or extend
templates of its own app and of the layers below it (pyproject's import-linter layers), never of
an app above it nor of a sibling in its own layer. The project-wide templates (base.html, ...)
are the bottom."""

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "lerendnetwerk"
REFERENCE = re.compile(r"{%\s*(?:include|extends)\s+[\"']([^\"']+)[\"']")


def _layer_of_app() -> dict[str, int]:
    """App name -> its layer, 0 at the bottom, from the import-linter contract."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    contracts = config["tool"]["importlinter"]["contracts"]
    layers = next(c["layers"] for c in contracts if c["type"] == "layers")
    order: dict[str, int] = {}
    for height, layer in enumerate(reversed(layers)):
        for module in layer.split("|"):
            order[module.strip().removeprefix("lerendnetwerk.")] = height
    return order


def _template_app(name: str, layers: dict[str, int]) -> str:
    top = name.split("/", 1)[0]
    return top if top in layers and "/" in name else ""  # "" is the project-wide folder


def test_templates_include_and_extend_only_their_own_app_or_lower_layers() -> None:
    layers = _layer_of_app()
    upward = []
    for path in sorted(PACKAGE.glob("*/templates/**/*.html")):
        app = path.relative_to(PACKAGE).parts[0]
        for referenced in REFERENCE.findall(path.read_text()):
            target = _template_app(referenced, layers)
            # Apps of one layer (meetings | barometer) do not reach each other either.
            if target and target != app and layers[target] >= layers[app]:
                upward.append(f"{path.relative_to(ROOT)} -> {referenced}")
    assert not upward, "templates reaching up a layer:\n" + "\n".join(upward)


def test_the_check_sees_the_layers_and_the_references() -> None:
    layers = _layer_of_app()
    assert layers["core"] == 0 and layers["pages"] > layers["meetings"] > layers["networks"]
    page = (PACKAGE / "pages/templates/pages/network.html").read_text()
    assert "meetings/_when.html" in REFERENCE.findall(page)
