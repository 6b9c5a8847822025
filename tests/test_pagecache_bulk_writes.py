"""Bulk writes send no signals, so the page cache (core/pagecache.py) hears of them only when the
code says so. Every function that calls `bulk_create`, `bulk_update` or a queryset's `update`
must also call `pagecache.changed` or `pagecache.bump`, or say in a `# pagecache:` comment
why no cached page shows what it writes."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "lerendnetwerk"
BULK = {"bulk_create", "bulk_update"}
# Not the platform's pages: tests, migrations, the demo and benchmark data written in bulk
# before anyone looks, and the cache itself.
SKIPPED = {"tests", "migrations", "demo"}


def _is_bulk_write(node: ast.AST) -> bool:
    if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
        return False
    if node.func.attr in BULK:
        return True
    # A queryset's update takes only keyword arguments; a dict's or a set's takes a positional
    # one (the platform's code updates dicts with `|=`).
    return node.func.attr == "update" and not node.args and bool(node.keywords)


def _tells_the_cache(function: ast.FunctionDef, source: list[str]) -> bool:
    for node in ast.walk(function):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "pagecache"
        ):
            return True
    end = function.end_lineno or function.lineno
    return any("# pagecache:" in line for line in source[function.lineno - 1 : end])


def _offenders() -> list[str]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if SKIPPED & set(path.relative_to(PACKAGE).parts) or path.name == "pagecache.py":
            continue
        text = path.read_text()
        tree = ast.parse(text)
        lines = text.splitlines()
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef):
                continue
            if any(_is_bulk_write(node) for node in ast.walk(function)) and not _tells_the_cache(
                function, lines
            ):
                found.append(f"{path.relative_to(ROOT)}:{function.lineno} {function.name}")
    return found


def test_every_bulk_write_tells_the_page_cache():
    assert _offenders() == []


def test_the_check_sees_a_bulk_write():
    tree = ast.parse("def f():\n    Model.objects.filter(pk=1).update(name='x')\n")
    assert any(_is_bulk_write(node) for node in ast.walk(tree))
    tree = ast.parse("def f(d):\n    d.update({'a': 1})\n")
    assert not any(_is_bulk_write(node) for node in ast.walk(tree))
