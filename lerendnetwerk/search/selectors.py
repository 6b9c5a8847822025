"""The search: per kind one query for the rows of a page, their rank and the number found.

PostgreSQL matches with its Dutch dictionary (`to_tsvector('dutch', …)`, the visitor's words
read as `websearch_to_tsquery`) and ranks with `ts_rank` over the kind's weighted fields.
SQLite has no Dutch dictionary: the equivalent is the function `ln_stems` (the Snowball Dutch
stemmer in Python, registered on every SQLite connection in `apps.py`) with `LIKE` on whole
stems, every word wanted, "-word" unwanted, ranked by the same weights. On both the text and
the query are folded first (lower case, no diacritics: "creche" finds "crèche").

Nothing is indexed beforehand: a kind's rows are its app's public selector, so only what a
visitor may see is ever searched, and a change is found the moment it is saved. At the data
sizes of a region (hundreds of rows per kind) that is fast enough; see docs/architecture.md.
"""

import operator
from dataclasses import dataclass
from functools import reduce
from typing import Any

from django.db import connection
from django.db.models import (
    Case,
    Count,
    Expression,
    F,
    FloatField,
    Func,
    Q,
    QuerySet,
    TextField,
    Value,
    When,
    Window,
)
from django.db.models.functions import Coalesce, Concat, Lower

from lerendnetwerk.regions import selectors as region_selectors
from lerendnetwerk.regions.models import Region

from . import text
from .kinds import Kind, Result

WEIGHTS = {"A": 1.0, "B": 0.4, "C": 0.2}  # PostgreSQL's defaults for ts_rank
# Diacritics PostgreSQL folds without the unaccent extension (which needs a superuser).
_ACCENTED = "àáâãäåèéêëìíîïòóôõöùúûüýÿçñ"
_PLAIN = "aaaaaaeeeeiiiiooooouuuuyycn"


@dataclass(frozen=True)
class Found:
    kind: Kind
    results: list[Result]
    count: int


def region_find(*, slug: str) -> Region | None:
    return region_selectors.region_find(slug=slug)


def _joined(fields: tuple[str, ...]) -> Expression:
    parts: list[Expression] = [
        Coalesce(F(field), Value(""), output_field=TextField()) for field in fields
    ]
    if len(parts) == 1:
        return parts[0]
    spaced = [part for field in parts for part in (field, Value(" "))][:-1]
    return Concat(*spaced, output_field=TextField())


class _Fold(Func):
    """PostgreSQL: lower case without diacritics, like `text.fold`."""

    function = "translate"
    output_field = TextField()

    def __init__(self, expression: Expression) -> None:
        super().__init__(Lower(expression), Value(_ACCENTED), Value(_PLAIN))


class _Stems(Func):
    """SQLite: the stems between spaces (`text.stems_padded`)."""

    function = "ln_stems"
    output_field = TextField()


def _matching_postgresql(rows: QuerySet[Any], kind: Kind, query: str) -> QuerySet[Any]:
    from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

    vector = reduce(
        operator.add,
        (
            SearchVector(_Fold(_joined(fields)), config="dutch", weight=weight)
            for weight, fields in kind.weights.items()
        ),
    )
    search = SearchQuery(text.fold(query), config="dutch", search_type="websearch")
    matched: QuerySet[Any] = (
        rows.alias(search_vector=vector)
        .filter(search_vector=search)
        .annotate(rank=SearchRank(F("search_vector"), search))
    )
    return matched


def _matching_sqlite(rows: QuerySet[Any], kind: Kind, query: str) -> QuerySet[Any]:
    terms = text.terms(query)
    rows = rows.alias(
        **{f"stems_{weight}": _Stems(_joined(fields)) for weight, fields in kind.weights.items()}
    )

    def found(stem: str, weight: str) -> Q:
        return Q(**{f"stems_{weight}__contains": f" {stem} "})

    def anywhere(stem: str) -> Q:
        return reduce(operator.or_, (found(stem, weight) for weight in kind.weights))

    for stem in terms.wanted:
        rows = rows.filter(anywhere(stem))
    for stem in terms.unwanted:
        rows = rows.exclude(anywhere(stem))
    rank = reduce(
        operator.add,
        (
            Case(
                *(When(found(stem, w), then=Value(WEIGHTS[w])) for w in kind.weights),
                default=Value(0.0),
                output_field=FloatField(),
            )
            for stem in terms.wanted
        ),
    )
    ranked: QuerySet[Any] = rows.annotate(rank=rank)
    return ranked


def matching(*, kind: Kind, region: Region, query: str) -> QuerySet[Any]:
    """The kind's rows a visitor of `region` may see that match `query`, best first."""
    rows = kind.rows(region)
    if not text.terms(query).wanted:
        # Only stop words or unwanted words: nothing (PostgreSQL would find all but those).
        nothing: QuerySet[Any] = rows.annotate(rank=Value(0.0)).none()
        return nothing
    if connection.vendor == "postgresql":
        rows = _matching_postgresql(rows, kind, query)
    else:
        rows = _matching_sqlite(rows, kind, query)
    return rows.order_by("-rank", *kind.order, "pk")


def search(*, kind: Kind, region: Region, query: str, offset: int = 0, limit: int = 5) -> Found:
    """The found rows `offset` to `offset + limit` and how many were found: one query (the
    count is a window over the same rows). Past the last row the count is 0."""
    rows = list(
        matching(kind=kind, region=region, query=query).annotate(found_count=Window(Count("pk")))[
            offset : offset + limit
        ]
    )
    return Found(
        kind=kind,
        results=[kind.result(row, region) for row in rows],
        count=rows[0].found_count if rows else 0,
    )


def count(*, kind: Kind, region: Region, query: str) -> int:
    return matching(kind=kind, region=region, query=query).count()
