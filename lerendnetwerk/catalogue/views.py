from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from lerendnetwerk.core import fragments, pagecache

from . import related, selectors
from .forms import SearchForm
from .invalidation import CATALOGUE
from .models import Entry


def catalogue_index(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    results = None
    if form.is_valid() and any(form.cleaned_data.values()):
        results = list(
            selectors.entries_search(
                query=form.cleaned_data["q"],
                stage=form.cleaned_data["fase"],
                kind=form.cleaned_data["soort"],
            )
        )
    return render(
        request,
        "catalogue/index.html",
        {
            "form": form,
            "results": results,
            "stages": selectors.stage_summaries(),
            "stage_slugs": selectors.STAGE_SLUGS,
        },
    )


def catalogue_stage(request: HttpRequest, stage_slug: str) -> HttpResponse:
    stage = selectors.STAGE_BY_SLUG.get(stage_slug)
    if stage is None:
        raise Http404
    # The whole page is kept until something shared changes: the catalogue, or the material of
    # the higher apps beside it (a region's library, which bumps `shared` too).
    return pagecache.cached(
        request,
        [CATALOGUE],
        lambda: render(
            request,
            "catalogue/stage.html",
            {
                "stage": stage,
                "stage_slug": stage_slug,
                "stage_label": selectors.STAGE_LABELS[stage],
                "topics": fragments.lazy(lambda: selectors.topics_for_stage(stage=stage)),
                "stages": fragments.lazy(selectors.stage_summaries),
                # Outside the cached fragment: the higher apps' material changes on its own.
                "related": related.related_to_stage(stage),
                **fragments.context(CATALOGUE),
            },
        ),
    )


def catalogue_entry(request: HttpRequest, stage_slug: str, entry_slug: str) -> HttpResponse:
    entry = get_object_or_404(selectors.entries_all(), slug=entry_slug)
    if selectors.STAGE_SLUGS[entry.topic.stage] != stage_slug:
        raise Http404
    return render(
        request,
        "catalogue/entry.html",
        {
            "entry": entry,
            "stage_slug": stage_slug,
            "stage_label": selectors.STAGE_LABELS[entry.topic.stage],
            "kinds": Entry.Kind,
            "related": related.related_to_entry(entry),
        },
    )
