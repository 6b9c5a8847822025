"""The region's Netwerkbarometer questionnaire, for its coordinators: the versions, a draft
copied from the version in use, its questions reworded, added, removed and put in order, and
publishing it for the region's new rounds (earlier rounds keep their version). The rules that
keep results comparable and answers anonymous are the services'. Every change is written to the
audit log, as changes in the admin site are."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lerendnetwerk.core.audit import audit_record
from lerendnetwerk.core.forms_errors import add_validation_error
from lerendnetwerk.regions import selectors as region_selectors

from . import selectors, services
from .forms import QuestionAddForm, QuestionnaireForm, QuestionTextForm
from .models import CENTRAL_QUESTIONS, Dimension, Question, Questionnaire

if TYPE_CHECKING:
    from lerendnetwerk.accounts.http import AuthenticatedHttpRequest
    from lerendnetwerk.regions.models import Region


@dataclass
class QuestionGroup:
    """The statements of one dimension, or the open questions: as members see them."""

    label: str
    question: str
    questions: list[Question]


def question_groups(questions: list[Question]) -> list[QuestionGroup]:
    groups = [
        QuestionGroup(
            str(dimension.label),
            str(CENTRAL_QUESTIONS[dimension]),
            [q for q in questions if q.is_scale and q.dimension == dimension],
        )
        for dimension in Dimension
    ]
    groups.append(
        QuestionGroup(str(_("In your own words")), "", [q for q in questions if not q.is_scale])
    )
    return groups


def _region_for(request: HttpRequest, region_slug: str) -> "Region":
    """The region; 404 if unknown, 403 unless the person coordinates it."""
    region = region_selectors.region_find(slug=region_slug)
    if region is None:
        raise Http404
    if not request.user.has_perm("barometer.edit_region_questionnaire", region):
        raise PermissionDenied
    return region


def _version_for(request: HttpRequest, region_slug: str, pk: int) -> tuple["Region", Questionnaire]:
    """A version of the region's own or the default; 404 for another region's."""
    region = _region_for(request, region_slug)
    questionnaire = selectors.region_questionnaire_find(region=region, pk=pk)
    if questionnaire is None:
        raise Http404
    return region, questionnaire


def _question_for(
    request: HttpRequest, region_slug: str, pk: int, question_id: int
) -> tuple["Region", Questionnaire, Question]:
    region, questionnaire = _version_for(request, region_slug, pk)
    question = selectors.question_find(questionnaire=questionnaire, pk=question_id)
    if question is None:
        raise Http404
    return region, questionnaire, question


def _audit(request: HttpRequest, action: str, obj: Questionnaire | Question, detail: str) -> None:
    audit_record(
        request=request, action=action, model=type(obj), object_id=str(obj.pk), detail=detail
    )


def _to_version(region: "Region", questionnaire: Questionnaire) -> HttpResponse:
    return redirect("barometer:questionnaire", region_slug=region.slug, pk=questionnaire.pk)


def _editable(questionnaire: Questionnaire) -> bool:
    return (
        questionnaire.region_id is not None
        and not questionnaire.is_published
        and not selectors.questionnaire_in_use(questionnaire=questionnaire)
    )


@login_required
def questionnaires(request: "AuthenticatedHttpRequest", region_slug: str) -> HttpResponse:
    region = _region_for(request, region_slug)
    versions = selectors.region_questionnaires(region=region)
    current = selectors.questionnaire_current(region=region)
    return render(
        request,
        "barometer/questionnaires.html",
        {
            "region": region,
            "versions": versions,
            "current": current,
            "draft": next((v for v in versions if v.region_id and not v.is_published), None),
        },
    )


@require_POST
@login_required
def questionnaire_new(request: "AuthenticatedHttpRequest", region_slug: str) -> HttpResponse:
    region = _region_for(request, region_slug)
    try:
        draft = services.questionnaire_new_version(region=region)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("barometer:questionnaires", region_slug=region.slug)
    _audit(request, "add", draft, f"version {draft.version}")
    messages.success(
        request,
        _("A draft of version %(version)d is ready: a copy of the version in use.")
        % {"version": draft.version},
    )
    return _to_version(region, draft)


@login_required
def questionnaire(request: "AuthenticatedHttpRequest", region_slug: str, pk: int) -> HttpResponse:
    region, questionnaire = _version_for(request, region_slug, pk)
    editable = _editable(questionnaire)
    questions = selectors.questionnaire_questions(questionnaire=questionnaire)
    return render(
        request,
        "barometer/questionnaire.html",
        {
            "region": region,
            "questionnaire": questionnaire,
            "groups": question_groups(questions),
            "editable": editable,
            "to_restore": selectors.questions_to_restore(draft=questionnaire) if editable else [],
            "in_use": selectors.questionnaire_current(region=region) == questionnaire,
        },
    )


def _draft_only(questionnaire: Questionnaire) -> None:
    """Forms exist for drafts only: a published version never changes."""
    if not _editable(questionnaire):
        raise PermissionDenied


@login_required
def questionnaire_edit(
    request: "AuthenticatedHttpRequest", region_slug: str, pk: int
) -> HttpResponse:
    region, questionnaire = _version_for(request, region_slug, pk)
    _draft_only(questionnaire)
    form = QuestionnaireForm(
        request.POST or None,
        initial={"title": questionnaire.title, "introduction": questionnaire.introduction},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.questionnaire_draft_update(questionnaire=questionnaire, **form.cleaned_data)
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            _audit(request, "change", questionnaire, "title")
            messages.success(request, _("The title and introduction are saved."))
            return _to_version(region, questionnaire)
    return render(
        request,
        "barometer/questionnaire_form.html",
        {"region": region, "questionnaire": questionnaire, "form": form},
    )


@login_required
def question_add(request: "AuthenticatedHttpRequest", region_slug: str, pk: int) -> HttpResponse:
    region, questionnaire = _version_for(request, region_slug, pk)
    _draft_only(questionnaire)
    form = QuestionAddForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            question = services.question_add(questionnaire=questionnaire, **form.cleaned_data)
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            _audit(request, "add", question, question.key)
            messages.success(request, _("The question is added at the end of its group."))
            return _to_version(region, questionnaire)
    return render(
        request,
        "barometer/question_form.html",
        {"region": region, "questionnaire": questionnaire, "form": form, "question": None},
    )


@login_required
def question_edit(
    request: "AuthenticatedHttpRequest", region_slug: str, pk: int, question_id: int
) -> HttpResponse:
    region, questionnaire, question = _question_for(request, region_slug, pk, question_id)
    _draft_only(questionnaire)
    form = QuestionTextForm(request.POST or None, initial={"text": question.text})
    if request.method == "POST" and form.is_valid():
        try:
            services.question_reword(question=question, text=form.cleaned_data["text"])
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            _audit(request, "change", question, question.key)
            messages.success(request, _("The new wording is saved."))
            return _to_version(region, questionnaire)
    return render(
        request,
        "barometer/question_form.html",
        {"region": region, "questionnaire": questionnaire, "form": form, "question": question},
    )


def _one_button(
    request: HttpRequest,
    region: "Region",
    questionnaire: Questionnaire,
    action: Callable[[], object],
    audit: tuple[str, Questionnaire | Question, str],
    done: str,
) -> HttpResponse:
    """A button's action on a draft: done, or the service's refusal at the top of the page."""
    try:
        action()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        _audit(request, *audit)
        if done:
            messages.success(request, done)
    return _to_version(region, questionnaire)


@require_POST
@login_required
def question_move(
    request: "AuthenticatedHttpRequest", region_slug: str, pk: int, question_id: int
) -> HttpResponse:
    region, questionnaire, question = _question_for(request, region_slug, pk, question_id)
    up = request.POST.get("direction") == "up"
    return _one_button(
        request,
        region,
        questionnaire,
        lambda: services.question_move(question=question, up=up),
        ("change", question, "up" if up else "down"),
        "",
    )


@require_POST
@login_required
def question_remove(
    request: "AuthenticatedHttpRequest", region_slug: str, pk: int, question_id: int
) -> HttpResponse:
    region, questionnaire, question = _question_for(request, region_slug, pk, question_id)
    return _one_button(
        request,
        region,
        questionnaire,
        lambda: services.question_remove(question=question),
        ("delete", question, question.key),
        _("The question is removed from the draft."),
    )


@require_POST
@login_required
def question_restore(
    request: "AuthenticatedHttpRequest", region_slug: str, pk: int
) -> HttpResponse:
    region, questionnaire = _version_for(request, region_slug, pk)
    key = request.POST.get("key", "")
    return _one_button(
        request,
        region,
        questionnaire,
        lambda: services.question_restore(questionnaire=questionnaire, key=key),
        ("add", questionnaire, f"restore {key}"),
        _("The question is back, with its earlier answers' trend."),
    )


@login_required
def questionnaire_publish(
    request: "AuthenticatedHttpRequest", region_slug: str, pk: int
) -> HttpResponse:
    region, questionnaire = _version_for(request, region_slug, pk)
    _draft_only(questionnaire)
    if request.method == "POST":
        try:
            services.questionnaire_publish(questionnaire=questionnaire)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            _audit(request, "action", questionnaire, "publish")
            messages.success(
                request,
                _("Version %(version)d is published: new rounds in your region use it.")
                % {"version": questionnaire.version},
            )
            return redirect("barometer:questionnaires", region_slug=region.slug)
        return _to_version(region, questionnaire)
    return render(
        request,
        "barometer/questionnaire_publish.html",
        {"region": region, "questionnaire": questionnaire},
    )


@login_required
def questionnaire_discard(
    request: "AuthenticatedHttpRequest", region_slug: str, pk: int
) -> HttpResponse:
    region, questionnaire = _version_for(request, region_slug, pk)
    _draft_only(questionnaire)
    if request.method == "POST":
        version = questionnaire.version
        try:
            services.questionnaire_discard(questionnaire=questionnaire)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return _to_version(region, questionnaire)
        audit_record(
            request=request,
            action="delete",
            model=Questionnaire,
            object_id=str(pk),
            detail=f"version {version}",
        )
        messages.success(request, _("The draft is thrown away."))
        return redirect("barometer:questionnaires", region_slug=region.slug)
    return render(
        request,
        "barometer/questionnaire_discard.html",
        {"region": region, "questionnaire": questionnaire},
    )
