"""The Python side of SQLite's equivalent: folding, stemming, reading a query."""

from lerendnetwerk.search import text


def test_folding_drops_case_and_diacritics():
    assert text.fold("Crèche Reflectie Geïnteresseerd") == "creche reflectie geinteresseerd"


def test_stems_are_whole_words_without_stop_words():
    assert text.stems_padded("De netwerken en de ouders") == " netwerk ouder "
    assert text.stems_padded("") == " "


def test_a_query_has_wanted_and_unwanted_words():
    terms = text.terms('Netwerken -ouders "de crèche" or kind-ouder')
    assert terms.wanted == ("netwerk", "creche", "kind", "ouder")
    assert terms.unwanted == ("ouder",)


def test_a_query_of_stop_words_wants_nothing():
    assert text.terms("de het een").wanted == ()


def test_a_query_needs_a_word_of_two_letters():
    assert text.has_word("ab")
    assert not text.has_word("a !")


def test_matched_words_are_marked_and_the_rest_escaped():
    from lerendnetwerk.search.templatetags.highlighting import highlight

    marked = highlight("<b>Netwerken</b> van de Ouders & kinderen", "netwerk ouder")
    assert marked == (
        "&lt;b&gt;<mark>Netwerken</mark>&lt;/b&gt; van de <mark>Ouders</mark> &amp; kinderen"
    )
    assert highlight("<i>x</i>", "") == "&lt;i&gt;x&lt;/i&gt;"
