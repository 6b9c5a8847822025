"""The search page: what a visitor types is kept, every refusal and empty result is said in
words, results come grouped by kind or one kind in pages, and the page reads in a fixed number
of queries whatever there is to find."""

import pytest
from django.test import Client
from django.urls import reverse

from lerendnetwerk.accounts.models import User
from lerendnetwerk.networks.models import Network

from .conftest import SECRET, Findable, offer, showcase

pytestmark = pytest.mark.django_db
URL = reverse("search:results", args=["utrecht"])


def page(client: Client, **query: str) -> str:
    response = client.get(URL, query)
    assert response.status_code == 200
    return response.content.decode()


def test_without_a_query_the_page_asks_for_words(client: Client, findable: Findable):
    html = page(client)
    assert 'name="q"' in html
    assert "Typ een of meer woorden" not in html  # nothing typed yet: no error
    assert "Typ een of meer woorden" in page(client, q="")


def test_a_too_short_query_is_refused_and_kept(client: Client, findable: Findable):
    html = page(client, q="a", soort="experts")
    assert "Typ een woord van minstens twee letters." in html
    assert 'value="a"' in html
    assert '<option value="experts" selected>' in html


def test_results_are_grouped_by_kind_with_their_counts(client: Client, findable: Findable):
    html = page(client, q="netwerken")
    for heading in ("De Handreiking (", "Kennisaanbod (1)", "Experts (1)", "Goede praktijk (1)"):
        assert heading in html
    # The words found are marked.
    assert "Een <mark>netwerk</mark> van voorleescoaches" in html
    assert reverse("knowledge:offer", args=["utrecht", findable.offer.pk]) in html
    assert reverse("knowledge:expert", args=["utrecht", findable.expert.pk]) in html
    assert f"#resultaat-{findable.showcase.pk}" in html
    assert SECRET not in html


def test_nothing_found_says_so_and_keeps_the_query(client: Client, findable: Findable):
    html = page(client, q="xylofoonorkest")
    assert "Niets gevonden voor “xylofoonorkest”." in html
    assert 'value="xylofoonorkest"' in html


def test_the_query_is_escaped(client: Client, findable: Findable):
    html = page(client, q="<script>alert(1)</script> netwerk")
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)" in html


def test_a_found_text_is_escaped_too(client: Client, findable: Findable, manager: User):
    offer(manager, "<script>netwerk</script>", "<img src=x> netwerk")
    html = page(client, q="netwerk")
    assert "&lt;script&gt;<mark>netwerk</mark>&lt;/script&gt;" in html
    assert "<img src=x>" not in html


def test_one_kind_in_pages(
    client: Client, findable: Findable, manager: User, network: Network, facilitator: User
):
    for n in range(22):
        offer(manager, f"Netwerkaanbod {n}", "Over netwerken.")
    first = page(client, q="netwerken", soort="kennisaanbod")
    assert "Kennisaanbod: 23 gevonden" in first
    assert first.count('<li class="ln-card">') == 20
    assert "pagina=2" in first
    assert 'aria-current="page">Kennisaanbod (23)' in first
    assert "Experts (1)" in first  # the other kinds' counts, to choose from
    second = page(client, q="netwerken", soort="kennisaanbod", pagina="2")
    assert second.count('<li class="ln-card">') == 3
    nothing = page(client, q="xylofoon", soort="experts")
    assert "Niets gevonden in Experts voor “xylofoon”." in nothing


def test_an_unknown_region_is_not_found(client: Client, findable: Findable):
    assert (
        client.get(reverse("search:results", args=["nergens"]), {"q": "netwerk"}).status_code == 404
    )


def test_the_public_region_page_has_a_search_form(client: Client, findable: Findable):
    html = client.get(reverse("public:region", args=["utrecht"])).content.decode()
    assert f'action="{URL}"' in html


@pytest.mark.parametrize(
    ("query", "budget"),
    [
        # The region, then one query per kind: its best five and the count of all.
        ({"q": "netwerken ouders"}, 6),
        # The region, the kind's count and page, the four other kinds' counts.
        ({"q": "netwerken", "soort": "goede-praktijk"}, 7),
    ],
)
def test_queries_do_not_grow_with_what_is_found(
    client: Client,
    findable: Findable,
    manager: User,
    network: Network,
    facilitator: User,
    django_assert_max_num_queries,
    query: dict[str, str],
    budget: int,
):
    counts: list[int] = []
    for size in (3, 12):
        for n in range(size - len(counts) * 3):
            offer(manager, f"Netwerk van ouders {size}-{n}", "Ouders in het netwerk.")
            showcase(network, facilitator, f"Netwerken met ouders {size}-{n}", "Ouders.")
        client.get(URL, query)  # the session and the translations, as on any later visit
        with django_assert_max_num_queries(budget) as queries:
            html = page(client, **query)
        assert "Netwerk" in html
        counts.append(len(queries))
    assert counts[0] == counts[1]
