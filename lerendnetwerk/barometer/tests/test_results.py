"""Results: only after closing and from k answers, with accessible charts and the same numbers
in tables; the network's trend and the region's comparison."""

import re
from statistics import fmean

import pytest
from django.urls import reverse

from lerendnetwerk.accounts.models import User
from lerendnetwerk.barometer.models import BarometerRound, Question, SealedResponse
from lerendnetwerk.barometer.results import round_results
from lerendnetwerk.core.tests.factories import login
from lerendnetwerk.networks.models import Network
from lerendnetwerk.regions.models import District

from .conftest import answer, close, count_queries, make_round, network_with_round

pytestmark = pytest.mark.django_db


def _results_url(barometer_round: BarometerRound, name: str = "results") -> str:
    return reverse(f"barometer:{name}", args=[barometer_round.network.slug, barometer_round.pk])


def _answer_all(barometer_round: BarometerRound, members: list[User], texts: bool = True) -> None:
    for i, person in enumerate(members):
        answer(
            barometer_round,
            person,
            value=i % 5 + 1,
            texts={"open_gaat_goed": f"Antwoord van nummer {i}"} if texts else None,
        )


def test_results_stay_hidden_while_the_round_is_open(barometer_round, members, facilitator):
    _answer_all(barometer_round, members)
    page = login(facilitator).get(_results_url(barometer_round))
    assert page.status_code == 200
    results = page.context["results"]
    assert not results.visible and results.answered == 6
    assert results.dimensions == [] and results.open_answers == []
    html = page.content.decode()
    assert 'id="not-shown"' in html
    # No chart in the page's main part (the header has the platform's mark).
    assert "<svg" not in html[html.index("<main") :] and "Antwoord van nummer" not in html


def test_results_and_open_answers_appear_after_closing(barometer_round, members, participant):
    _answer_all(barometer_round, members)
    close(barometer_round)
    page = login(participant).get(_results_url(barometer_round))
    results = page.context["results"]
    assert results.visible
    texts = results.open_answers[0].texts
    assert sorted(texts) == sorted(f"Antwoord van nummer {i}" for i in range(6))
    html = page.content.decode()
    assert all(text in html for text in texts)
    # Random, not the order of answering, yet the same on every view (screen and paper).
    again = round_results(barometer_round=barometer_round).open_answers[0].texts
    assert again == texts


def test_too_few_answers_says_how_many_and_how_many_are_needed(
    barometer_round, members, facilitator
):
    _answer_all(barometer_round, members[:4])
    close(barometer_round)
    page = login(facilitator).get(_results_url(barometer_round))
    results = page.context["results"]
    assert not results.visible
    assert (results.answered, results.min_answers) == (4, 5)
    html = page.content.decode()
    not_shown = html[html.index('id="not-shown"') :]
    assert re.search(r"\b4\b", not_shown) and re.search(r"\b5\b", not_shown)
    assert "Antwoord van nummer" not in html and "<svg" not in html[html.index("<main") :]


def test_averages_and_distributions_per_statement_and_dimension(
    barometer_round, members, facilitator
):
    values = [1, 2, 4, 4, 5, 5]
    for person, value in zip(members, values, strict=True):
        answer(barometer_round, person, value=3, values={"band_veilig": value})
    close(barometer_round)
    results = login(facilitator).get(_results_url(barometer_round)).context["results"]
    cohesion = next(d for d in results.dimensions if d.dimension == "cohesion")
    statement = next(s for s in cohesion.statements if s.question.key == "band_veilig")
    assert statement.tally.counts == (1, 1, 0, 2, 2)
    assert statement.tally.average == pytest.approx(fmean(values))
    others = len(cohesion.statements) - 1
    assert cohesion.tally.average == pytest.approx(fmean(values + [3] * 6 * others))
    subject = next(d for d in results.dimensions if d.dimension == "subject")
    assert subject.tally.average == 3 and subject.tally.counts == (0, 0, 24, 0, 0)


def test_charts_are_images_with_title_description_and_a_table(
    barometer_round, members, facilitator
):
    _answer_all(barometer_round, members)
    close(barometer_round)
    html = login(facilitator).get(_results_url(barometer_round)).content.decode()
    charts = re.findall(r"<svg class=\"ln-chart__svg\".*?</svg>", html, flags=re.S)
    assert len(charts) == 5  # the overview and one per dimension
    for svg in charts:
        labelled_by = re.search(r'aria-labelledby="([^"]+)-title"', svg)
        assert labelled_by is not None
        chart_id = labelled_by.group(1)
        assert 'role="img"' in svg
        assert f'<title id="{chart_id}-title">' in svg
        assert f'<desc id="{chart_id}-desc">' in svg
        assert "style=" not in svg and "<script" not in svg
    # The numbers are in tables too, inside the accessible wrapper.
    assert html.count('<div class="ln-table-wrapper" tabindex="0" role="region"') >= 6
    statement = Question.objects.get(questionnaire=barometer_round.questionnaire, key="band_veilig")
    row = html[html.index(f'scope="row">{statement.text}') :].split("</tr>")[0]
    cells = re.findall(r'<td class="utrecht-table__cell">([^<]*)</td>', row)
    assert cells == ["2,7", "2", "1", "1", "1", "1"]
    assert "2,7" in html[html.index('<desc id="chart-overview-desc">') :].split("</desc>")[0]
    assert 'href="/static/barometer/charts.css"' in html


def test_the_print_view_shows_the_same_results(barometer_round, members, participant):
    _answer_all(barometer_round, members)
    close(barometer_round)
    page = login(participant).get(_results_url(barometer_round, "print"))
    assert page.status_code == 200
    html = page.content.decode()
    assert html.count("<h1") == 1
    assert 'role="img"' in html and "Antwoord van nummer 3" in html
    assert "ln-print-notes" in html


def test_the_trend_compares_rounds_with_enough_answers(
    barometer_round, members, network, facilitator
):
    _answer_all(barometer_round, members)
    close(barometer_round)
    second = make_round(network)
    for person in members:
        answer(second, person, value=5)
    close(second)
    too_few = make_round(network)
    answer(too_few, members[0])
    close(too_few)
    BarometerRound.objects.filter(pk=too_few.pk).update(closed_at=None)
    page = login(facilitator).get(_results_url(second))
    trend = page.context["results"].trend
    assert [p.barometer_round.pk for p in trend.points] == [barometer_round.pk, second.pk]
    assert trend.left_out == 1
    assert trend.points[1].averages == dict.fromkeys(trend.points[1].averages, 5.0)
    assert 'id="chart-trend-title"' in page.content.decode()


def test_the_region_comparison_needs_three_networks_with_enough_answers(
    barometer_round, members, district, facilitator
):
    _answer_all(barometer_round, members, texts=False)
    close(barometer_round)
    network_with_round(district, answers=5, value=2)
    network_with_round(district, answers=4, value=1)  # too few answers: does not count
    url = _results_url(barometer_round)
    comparison = login(facilitator).get(url).context["results"].comparison
    assert comparison.networks == 2 and not comparison.available
    network_with_round(district, answers=5, value=4)
    page = login(facilitator).get(url)
    comparison = page.context["results"].comparison
    assert comparison.networks == 3 and comparison.available
    own = fmean([1, 2, 3, 4, 5, 1])
    assert comparison.averages["subject"] == pytest.approx(fmean([own, 2, 4]))
    assert 'id="no-comparison"' not in page.content.decode()


def _more_rounds_and_networks(
    network: Network, members: list[User], district: District, count: int
) -> None:
    for _ in range(count):
        later = make_round(network)
        for person in members:
            answer(later, person)
        close(later)
        network_with_round(district, answers=5)


def test_the_results_page_runs_a_fixed_number_of_queries(
    barometer_round, members, network, district, facilitator
):
    """Two sizes with the same page parts (a trend, a comparison): the same queries."""
    _answer_all(barometer_round, members)
    close(barometer_round)
    _more_rounds_and_networks(network, members, district, 3)
    client = login(facilitator)
    url = _results_url(barometer_round)
    count_queries(client, url)  # warm up: the session, the translation catalogue
    small = count_queries(client, url)
    _more_rounds_and_networks(network, members, district, 4)
    large = count_queries(client, url)
    assert small == large
    assert large <= 16
    # Shown results are the same for every member: a second visit reads them from the cache.
    assert count_queries(client, url, cached=True) < large


def test_a_round_past_its_date_is_released_by_the_results_page(
    barometer_round, members, participant
):
    """Before the daily release has run, the page releases the answers itself."""
    _answer_all(barometer_round, members)
    close(barometer_round, release=False)
    assert not barometer_round.released
    page = login(participant).get(_results_url(barometer_round))
    assert page.context["results"].visible
    assert "Antwoord van nummer 3" in page.content.decode()
    barometer_round.refresh_from_db()
    assert barometer_round.released
    assert not barometer_round.sealed_responses.exists()


def test_other_networks_rounds_are_released_for_the_comparison(district):
    """The comparison reads other networks' rounds: those are released first, too."""
    rounds = [network_with_round(district, answers=5, value=2, release=False)[1] for _ in range(3)]
    results = round_results(barometer_round=rounds[0])
    assert results.comparison is not None and results.comparison.available
    assert results.comparison.averages["subject"] == 2
    assert not SealedResponse.objects.filter(round__in=rounds).exists()
