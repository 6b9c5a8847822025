"""The public search page of a region: every kind's best matches with their counts, or one
kind's matches in pages. No login."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from lerendnetwerk.core import pagecache
from lerendnetwerk.core.pagination import paginate

from . import selectors
from .forms import SearchForm
from .kinds import BY_KEY, KINDS

FIRST = 5  # per kind when searching everything
PER_PAGE = 20  # when searching one kind


def _scopes(request: HttpRequest, region_slug: str) -> list[str]:
    """What is searched changes with the region's own data and with what is shared: the
    Handbook, the knowledge offer and the experts (knowledge/scopes.py), the libraries."""
    region = selectors.region_find(slug=region_slug)
    if region is None:
        raise Http404
    return [pagecache.region(region.pk)]


@pagecache.kept(_scopes)
def results(request: HttpRequest, region_slug: str) -> HttpResponse:
    region = selectors.region_find(slug=region_slug)
    if region is None:
        raise Http404
    form = SearchForm(request.GET or None)
    context: dict[str, object] = {"region": region, "form": form}
    if form.is_valid():
        query = form.cleaned_data["q"]
        kind = BY_KEY.get(form.cleaned_data["soort"])
        context["query"] = query
        if kind is None:
            found = [
                selectors.search(kind=each, region=region, query=query, limit=FIRST)
                for each in KINDS
            ]
            context |= {"found": found, "total": sum(each.count for each in found)}
        else:
            # The kind's count and page, and the other kinds' counts to choose from.
            page = paginate(
                request, selectors.matching(kind=kind, region=region, query=query), PER_PAGE
            )
            counts = [
                (
                    each,
                    page.paginator.count
                    if each is kind
                    else selectors.count(kind=each, region=region, query=query),
                )
                for each in KINDS
            ]
            context |= {
                "kind": kind,
                "page": page,
                "results": [kind.result(row, region) for row in page.object_list],
                "counts": counts,
                "total": sum(count for _each, count in counts),
            }
    return render(request, "search/results.html", context)
