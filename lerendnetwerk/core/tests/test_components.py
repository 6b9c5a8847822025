"""The template components render the NL Design System markup that pages used to repeat."""

from django.template import Context, Template
from django.utils import translation


def render(source: str, **context: object) -> str:
    with translation.override("nl"):
        return Template("{% load i18n components %}" + source).render(Context(context))


def test_breadcrumbs_link_url_names_and_plain_addresses_in_order() -> None:
    html = render(
        '{% breadcrumbs %}{% crumb "networks:list" %}Mijn netwerken{% endcrumb %}'
        '{% crumb "pages:network" slug %}LN Overvecht{% endcrumb %}'
        '{% crumb href="/handreiking/" fragment="tips" %}Tips{% endcrumb %}{% endbreadcrumbs %}',
        slug="ln-overvecht",
    )
    assert 'aria-label="Kruimelpad"' in html
    links = [part.split('"')[0] for part in html.split('href="')[1:]]
    assert links == ["/netwerken/", "/netwerken/ln-overvecht/", "/handreiking/#tips"]
    assert html.index("Mijn netwerken") < html.index("LN Overvecht") < html.index("Tips")


def test_a_table_scrolls_in_a_named_focusable_region() -> None:
    by_heading = render('{% table labelledby="leden" %}<tbody></tbody>{% endtable %}')
    by_caption = render(
        '{% table caption="Leden" classes="ln-wide" %}<tbody></tbody>{% endtable %}'
    )

    assert 'role="region"' in by_heading and 'tabindex="0"' in by_heading
    assert 'aria-labelledby="leden"' in by_heading
    assert 'aria-label="Leden"' in by_caption
    assert '<caption class="utrecht-table__caption">Leden</caption>' in by_caption
    assert 'class="utrecht-table ln-wide"' in by_caption


def test_a_stacked_table_says_so_in_its_class() -> None:
    html = render('{% table label="Bijeenkomsten" stacked=True %}<tbody></tbody>{% endtable %}')
    plain = render('{% table label="Bijeenkomsten" %}<tbody></tbody>{% endtable %}')

    assert 'class="utrecht-table ln-table--stacked"' in html
    assert "ln-table--stacked" not in plain


def test_a_data_list_pairs_each_key_with_its_value() -> None:
    html = render('{% datalist %}{% dataitem "Wijk" %}Overvecht{% enddataitem %}{% enddatalist %}')

    assert '<dl class="utrecht-data-list"' in html
    key, value = html.index("Wijk"), html.index("Overvecht")
    assert "utrecht-data-list__item-key" in html[:key] and key < value
    assert "utrecht-data-list__item-value" in html[key:value]


def test_form_actions_submit_and_offer_a_way_back() -> None:
    html = render('{% formactions cancel_url="/terug/" %}Opslaan{% endformactions %}')
    without_link = render('{% formactions variant="secondary-action" %}Verder{% endformactions %}')

    assert 'type="submit"' in html and "Opslaan" in html
    assert 'href="/terug/"' in html and "Annuleren" in html
    assert "utrecht-button--secondary-action" in without_link and "href=" not in without_link
