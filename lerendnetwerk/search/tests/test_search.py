"""The search on the database the tests run on: SQLite by default, PostgreSQL with
DATABASE_URL. The same expectations hold on both: Dutch stemming, folding, ranking, and only
what a visitor may see."""

import pytest
from django.db import connection

from lerendnetwerk.accounts.models import User
from lerendnetwerk.catalogue.models import Entry
from lerendnetwerk.core.tests.factories import RegionFactory
from lerendnetwerk.networks import services as network_services
from lerendnetwerk.search import selectors
from lerendnetwerk.search.kinds import BY_KEY, KINDS

from .conftest import SECRET, Findable, showcase

pytestmark = pytest.mark.django_db


def titles(findable: Findable, kind: str, query: str) -> list[str]:
    found = selectors.search(kind=BY_KEY[kind], region=findable.utrecht, query=query, limit=50)
    assert found.count == len(found.results)
    return [result.title for result in found.results]


def test_dutch_stemming_finds_netwerk_for_netwerken(findable: Findable):
    assert titles(findable, "kennisaanbod", "netwerken") == ["Een netwerk van voorleescoaches"]
    assert titles(findable, "experts", "netwerk") == ["Eva Expert"]
    assert titles(findable, "goede-praktijk", "netwerken") == ["Ons spel in de wijk"]
    # The Handbook, from its data migration.
    assert "Filmpjes van andere netwerken tonen" in titles(findable, "handreiking", "netwerk")


def test_plural_ouders_finds_ouder_and_back(findable: Findable):
    assert titles(findable, "kennisaanbod", "ouder") == ["Een netwerk van voorleescoaches"]
    assert titles(findable, "goede-praktijk", "Ouders") == ["Ons spel in de wijk"]


def test_case_and_diacritics_are_folded(findable: Findable):
    assert titles(findable, "kennisaanbod", "CRECHE") == ["Een netwerk van voorleescoaches"]
    assert "Kritische reflectie" in titles(findable, "handreiking", "Réflectie")


def test_every_word_must_occur_and_a_minus_leaves_one_out(findable: Findable):
    assert titles(findable, "kennisaanbod", "netwerk ouders") == ["Een netwerk van voorleescoaches"]
    assert titles(findable, "kennisaanbod", "netwerk kleuters") == []
    assert titles(findable, "kennisaanbod", "netwerk -ouders") == []


def test_stop_words_or_unwanted_words_alone_find_nothing(findable: Findable):
    assert titles(findable, "kennisaanbod", "de het een") == []
    assert titles(findable, "kennisaanbod", "-ouders") == []


def test_the_facilitators_network_has_no_public_good_practice(
    findable: Findable, coordinator: User
):
    district = findable.utrecht.districts.get(slug="zuid")
    own = network_services.facilitators_network_create(
        district=district, created_by=coordinator, name="Kartrekkers Utrecht"
    )
    made = showcase(own, coordinator, "Intervisie in het netwerk", "Hoe wij netwerken.")
    made.refresh_from_db()
    assert made.published_at is not None
    assert titles(findable, "goede-praktijk", "intervisie") == []


def test_a_match_in_the_title_ranks_above_one_in_the_text(findable: Findable):
    found = titles(findable, "handreiking", "reflectie")
    assert found[0] == "Kritische reflectie"
    in_title = [title for title in found if "reflectie" in title.lower()]
    assert found[: len(in_title)] == in_title


def test_a_region_finds_its_own_entries_but_not_another_regions(findable: Findable):
    shared = Entry.objects.filter(region__isnull=True).select_related("topic").first()
    assert shared is not None
    elsewhere = Entry.objects.create(
        topic=shared.topic,
        kind="tip",
        title=f"Amersfoortse {SECRET} tip",
        slug="amersfoortse-tip",
        summary="Elders.",
        region=RegionFactory.create(name="Zeist"),
    )
    own = Entry.objects.create(
        topic=shared.topic,
        kind="tip",
        title="Utrechtse geheimzinnige tip",
        slug="utrechtse-tip",
        summary="Hier.",
        region=findable.utrecht,
    )
    assert titles(findable, "handreiking", "tip geheimzinnig") == [own.title]
    assert elsewhere.title not in titles(findable, "handreiking", "amersfoortse")


def test_only_what_a_visitor_may_see_is_ever_found(findable: Findable):
    for kind in KINDS:
        for query in (SECRET, f"{SECRET} netwerk", "concept"):
            found = selectors.search(kind=kind, region=findable.utrecht, query=query, limit=50)
            assert all(SECRET not in r.title.lower() for r in found.results), (kind.key, query)
            assert all(SECRET not in r.summary.lower() for r in found.results), (kind.key, query)
    assert titles(findable, "kennisaanbod", SECRET) == []
    assert titles(findable, "experts", SECRET) == []
    assert titles(findable, "goede-praktijk", SECRET) == []
    assert titles(findable, "bronnen", SECRET) == []


def test_a_published_film_is_found_by_its_description(findable: Findable):
    assert titles(findable, "bronnen", "netwerk leerkracht") == [findable.resource.title]


def test_a_page_and_the_count_are_one_query(findable: Findable, django_assert_num_queries):
    with django_assert_num_queries(1):
        found = selectors.search(
            kind=BY_KEY["handreiking"], region=findable.utrecht, query="netwerken", limit=3
        )
    assert len(found.results) == 3
    assert found.count > 3
    later = selectors.search(
        kind=BY_KEY["handreiking"],
        region=findable.utrecht,
        query="netwerken",
        offset=3,
        limit=3,
    )
    assert not {r.title for r in later.results} & {r.title for r in found.results}
    assert later.count == found.count


def test_postgresql_uses_its_dutch_dictionary():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")
    with connection.cursor() as cursor:
        cursor.execute("select to_tsvector('dutch', 'netwerken ouders')::text")
        assert cursor.fetchone()[0] == "'netwerk':1 'ouder':2"
