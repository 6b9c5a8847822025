"""The learning diary. Reading goes through journal/rules.py via `rules.has_perm`, which (unlike
`user.has_perm`) grants a superuser nothing: a diary is its author's."""

from typing import TYPE_CHECKING

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from lerendnetwerk.core import pagecache
from lerendnetwerk.core.forms_errors import add_validation_error
from lerendnetwerk.core.pagination import paginate
from lerendnetwerk.meetings import selectors as meeting_selectors
from lerendnetwerk.networks import scopes as network_scopes

from . import selectors, services
from .export import diary_markdown, diary_pdf
from .forms import JournalEntryForm, SearchForm
from .models import JournalEntry

if TYPE_CHECKING:
    from lerendnetwerk.accounts.http import AuthenticatedHttpRequest

# Diary entries per page of "my diary": a year of entries fits on a few pages.
PER_PAGE = 20


def _entry_for(request: HttpRequest, pk: int, permission: str) -> JournalEntry:
    try:
        entry = selectors.entry_get(pk=pk)
    except JournalEntry.DoesNotExist:
        raise Http404 from None
    # Not found rather than forbidden: others should not even learn that an entry exists.
    if not rules.has_perm(permission, request.user, entry):
        raise Http404
    return entry


@login_required
def journal_index(request: "AuthenticatedHttpRequest") -> HttpResponse:
    def page() -> HttpResponse:
        form = SearchForm(request.GET or None)
        query = form.cleaned_data["q"] if form.is_valid() else ""
        return render(
            request,
            "journal/index.html",
            {
                "form": form,
                "query": query,
                "entries": paginate(
                    request, selectors.my_entries(user=request.user, query=query), PER_PAGE
                ),
                "shared_count": selectors.entries_shared_with(user=request.user).count(),
            },
        )

    # Their own entries (their scope) and what others share with them in their networks.
    return pagecache.cached(request, network_scopes.of_person(request.user), page)


def _entry_form_page(
    request: "AuthenticatedHttpRequest", form: JournalEntryForm, entry: JournalEntry | None
) -> HttpResponse:
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.journal_entry_write(
                author=request.user,
                entry=entry,
                **form.cleaned_data,
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("Your diary entry has been saved."))
            return redirect("journal:detail", pk=saved.pk)
    return render(request, "journal/form.html", {"form": form, "entry": entry})


@login_required
def journal_create(request: "AuthenticatedHttpRequest") -> HttpResponse:
    initial: dict[str, object] = {}
    meeting_id = request.GET.get("bijeenkomst", "")
    if meeting_id.isdigit():
        meeting = meeting_selectors.meeting_find(pk=int(meeting_id))
        if meeting is not None:
            initial = {"meeting": meeting, "network": meeting.network}
    initial.setdefault("written_on", timezone.localdate())
    form = JournalEntryForm(
        request.POST or None,
        choices=selectors.entry_choices(author=request.user),
        initial=initial,
    )
    return _entry_form_page(request, form, None)


@login_required
def journal_edit(request: "AuthenticatedHttpRequest", pk: int) -> HttpResponse:
    entry = _entry_for(request, pk, "journal.change_entry")
    form = JournalEntryForm(
        request.POST or None,
        choices=selectors.entry_choices(author=request.user),
        initial={
            field: getattr(entry, field)
            for field in ("written_on", "text", "think", "feel", "want", "visibility")
        }
        | {"network": entry.network, "meeting": entry.meeting},
    )
    return _entry_form_page(request, form, entry)


@login_required
def journal_detail(request: "AuthenticatedHttpRequest", pk: int) -> HttpResponse:
    entry = _entry_for(request, pk, "journal.view_entry")
    return render(
        request,
        "journal/detail.html",
        {"entry": entry, "is_mine": entry.author_id == request.user.pk},
    )


@login_required
def journal_delete(request: "AuthenticatedHttpRequest", pk: int) -> HttpResponse:
    entry = _entry_for(request, pk, "journal.change_entry")
    if request.method == "POST":
        services.journal_entry_delete(author=request.user, entry=entry)
        messages.success(request, _("The diary entry has been deleted."))
        return redirect("journal:index")
    return render(request, "journal/delete.html", {"entry": entry})


@login_required
def journal_shared(request: "AuthenticatedHttpRequest") -> HttpResponse:
    return render(
        request,
        "journal/shared.html",
        {"entries": selectors.entries_shared_with_newest(user=request.user)},
    )


@login_required
def journal_export_markdown(request: "AuthenticatedHttpRequest") -> HttpResponse:
    body = diary_markdown(
        author=request.user, entries=selectors.my_entries(user=request.user).reverse()
    )
    response = HttpResponse(body, content_type="text/markdown; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="leerdagboek.md"'
    return response


@login_required
def journal_export_pdf(request: "AuthenticatedHttpRequest") -> HttpResponse:
    body = diary_pdf(author=request.user, entries=selectors.my_entries(user=request.user).reverse())
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="leerdagboek.pdf"'
    return response
