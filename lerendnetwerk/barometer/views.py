"""Netwerkbarometer pages. Every view checks one named permission from rules.py first."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from lerendnetwerk.accounts.http import AuthenticatedHttpRequest
from lerendnetwerk.accounts.roles import coordinator_region_ids
from lerendnetwerk.core import fragments, pagecache
from lerendnetwerk.core.forms_errors import add_validation_error
from lerendnetwerk.networks import selectors as network_selectors
from lerendnetwerk.networks.access import network_for

from . import selectors, services
from .forms import AnswerForm, RoundOpenForm
from .invalidation import BAROMETER
from .models import BarometerRound, Dimension, min_answers_for, scale_labels
from .page_charts import region_trend_chart, round_charts
from .results import round_results, round_summary
from .selectors.region import RegionOverview, region_overview


def _round_for(request: HttpRequest, slug: str, pk: int, permission: str) -> BarometerRound:
    try:
        barometer_round = selectors.round_get(slug=slug, pk=pk)
    except BarometerRound.DoesNotExist:
        raise Http404 from None
    if not request.user.has_perm(permission, barometer_round):
        raise PermissionDenied
    return barometer_round


@login_required
def network_barometer(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    network = network_for(request, slug, "barometer.view_barometer")
    rounds = selectors.network_rounds(network=network, user=request.user)
    open_round = next((r for r in rounds if r.is_open), None)
    return render(
        request,
        "barometer/network.html",
        {
            "network": network,
            "rounds": rounds,
            "open_round": open_round,
            "members": network_selectors.member_count(network=network),
            "min_answers": min_answers_for(network.district.region),
            "may_open": open_round is None
            and request.user.has_perm("barometer.open_round", network),
            "may_close": open_round is not None
            and request.user.has_perm("barometer.close_round", open_round),
            "may_answer": open_round is not None
            and request.user.has_perm("barometer.answer_round", open_round),
        },
    )


@login_required
def round_open(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    network = network_for(request, slug, "barometer.open_round")
    form = RoundOpenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.round_open(
                network=network, closes_on=form.cleaned_data["closes_on"], opened_by=request.user
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(
                request, _("The round is open and the members have been invited by e-mail.")
            )
            return redirect("barometer:network", slug=network.slug)
    return render(
        request,
        "barometer/open.html",
        {
            "network": network,
            "form": form,
            "members": network_selectors.member_count(network=network),
            "min_answers": min_answers_for(network.district.region),
        },
    )


@login_required
def round_close(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    barometer_round = _round_for(request, slug, pk, "barometer.close_round")
    if request.method == "POST":
        try:
            services.round_close(barometer_round=barometer_round)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The round is closed."))
        return redirect("barometer:network", slug=slug)
    return render(
        request,
        "barometer/close.html",
        {
            "network": barometer_round.network,
            "round": barometer_round,
            "answered": selectors.answer_count(barometer_round=barometer_round),
            "counted": selectors.counted_count(barometer_round=barometer_round),
            "min_answers": min_answers_for(barometer_round.network.district.region),
        },
    )


def _add_service_error(form: AnswerForm, error: ValidationError) -> None:
    """The service names questions by key; the form names its fields after them."""
    if hasattr(error, "error_dict"):
        error = ValidationError(
            {AnswerForm.field_name_for_key(key): errors for key, errors in error.error_dict.items()}
        )
    add_validation_error(form, error)


@login_required
def round_answer(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    barometer_round = _round_for(request, slug, pk, "barometer.answer_round")
    context = {"network": barometer_round.network, "round": barometer_round}
    already = selectors.has_answered(barometer_round=barometer_round, user=request.user)
    if barometer_round.is_closed or already:
        return render(request, "barometer/answer.html", {**context, "already": already})
    form = AnswerForm(
        request.POST or None, questions=selectors.round_questions(barometer_round=barometer_round)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.round_answer(
                barometer_round=barometer_round, user=request.user, **form.service_arguments()
            )
        except ValidationError as error:
            _add_service_error(form, error)
        else:
            messages.success(request, _("Thank you! Your answers have been saved anonymously."))
            return redirect("barometer:network", slug=slug)
    return render(request, "barometer/answer.html", {**context, "form": form})


def _results_page(request: HttpRequest, slug: str, pk: int, template: str) -> HttpResponse:
    barometer_round = _round_for(request, slug, pk, "barometer.view_results")

    def page() -> HttpResponse:
        results = fragments.lazy(lambda: round_results(barometer_round=barometer_round))
        return render(
            request,
            template,
            {
                "network": barometer_round.network,
                "round": barometer_round,
                "summary": round_summary(barometer_round=barometer_round),
                # Shown results are the same for every member who may see them: a cached
                # fragment (see the template), computed only when it has to be made.
                "results": results,
                "charts": fragments.lazy(lambda: round_charts(results)),
                **_fragment_key(),
                "scale": scale_labels(),
                "dimension_labels": [dimension.label for dimension in Dimension],
            },
        )

    return pagecache.cached(
        request, [pagecache.network(barometer_round.network_id), BAROMETER], page
    )


def _fragment_key() -> dict[str, object]:
    """Cached results change with the barometer's data, and each day: a round closes by date."""
    return {**fragments.context(BAROMETER), "today": timezone.localdate().isoformat()}


@login_required
def round_results_page(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    return _results_page(request, slug, pk, "barometer/results.html")


@login_required
def round_print(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    return _results_page(request, slug, pk, "barometer/print.html")


@login_required
def my_barometer(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(
        request, "barometer/mine.html", {"mine": selectors.rounds_for_user(user=request.user)}
    )


@login_required
def region_barometer(request: AuthenticatedHttpRequest) -> HttpResponse:
    if not request.user.has_perm("barometer.view_region"):
        raise PermissionDenied
    region_ids = coordinator_region_ids(request.user)
    # The region's networks answer and close rounds: each bumps its region's scope.
    scopes = [*(pagecache.region(pk) for pk in region_ids), BAROMETER]

    def overviews() -> list[tuple[RegionOverview, object]]:
        regions = selectors.regions_by_ids(region_ids=region_ids)
        return [
            (overview, region_trend_chart(overview.trend))
            for overview in (region_overview(region=region) for region in regions)
        ]

    return pagecache.cached(
        request,
        scopes,
        lambda: render(
            request,
            "barometer/region.html",
            {
                # The same for every coordinator of these regions: a cached fragment.
                "overviews": fragments.lazy(overviews),
                "regions_key": "-".join(str(pk) for pk in sorted(region_ids)),
                **_fragment_key(),
                "dimension_labels": [dimension.label for dimension in Dimension],
            },
        ),
    )
