"""Issue 13, beyond the anchors: one search box for materials, pages, glossary terms and sources; the menu and the
glossary come from the same page and term tables the search reads."""

from __future__ import annotations

from crmradar.web.site_search import Entry, fold, query_words, rank, search

ENTRIES = [
    Entry("material", "Kobalt", "/material/cobalt/", keywords="cobalt Cobalt kobalt Co"),
    Entry("material", "Koper", "/material/copper/", keywords="copper Copper koper Cu"),
    Entry("page", "Recycling", "/recycling/", "Wanneer afgedankte accu's genoeg grondstof leveren"),
    Entry("source", "Mineral Commodity Summaries 2026", "/sources/#source-usgs", "U.S. Geological Survey · 2026",
          keywords="usgs_mcs_2026"),
]


def test_fold_and_words_ignore_case_accents_and_extra_space():
    assert fold("Ruthénium ÉÉN") == "ruthenium een"
    assert query_words("  Kobalt   ACCU's ") == ["kobalt", "accu's"]
    assert query_words("x" * 500) == ["x" * 100]  # at most 100 characters are read


def test_rank_orders_exact_then_prefix_then_title_then_elsewhere():
    kobalt, koper, recycling, usgs = ENTRIES
    assert rank(kobalt, ["kobalt"]) == 0
    assert rank(kobalt, ["co"]) == 0  # the chemical symbol as a whole keyword
    assert rank(koper, ["ko"]) == 1
    assert rank(usgs, ["summaries", "mineral"]) == 2
    assert rank(recycling, ["accu's"]) == 3
    assert rank(usgs, ["usgs", "lithium"]) is None  # every word must occur
    assert rank(kobalt, []) is None


def test_search_groups_by_kind_best_first_with_a_limit():
    hits = search("ko", ENTRIES)
    assert [e.title for e in hits["material"]] == ["Kobalt", "Koper"]  # both rank 1, then alphabetical
    assert "page" not in hits
    # the symbol Co ranks cobalt first; copper matches "co" only inside its English name
    assert [e.title for e in search("co", ENTRIES)["material"]] == ["Kobalt", "Koper"]
    assert search("", ENTRIES) == {}
    many = [Entry("source", f"Bron {i}", f"/s/{i}") for i in range(40)]
    assert len(search("bron", many, limit=25)["source"]) == 25


def test_search_page_finds_materials_pages_terms_and_sources_in_dutch(client):
    page = client.get("/search/?q=kobalt").content.decode()
    assert 'href="/material/cobalt/"' in page and "Grondstoffen (" in page
    header_box = page.split('id="site-search-q"')[1].split(">")[0]
    assert 'value="kobalt"' in header_box  # the header's search box keeps the query
    assert 'value=""' in client.get("/").content.decode().split('id="site-search-q"')[1].split(">")[0]
    html = client.get("/search/?q=leveringsrisico").content.decode()
    assert 'href="/glossary/#sr"' in html  # the glossary term "SR — leveringsrisico"
    assert "Begrippen (" in html
    usgs = client.get("/search/?q=mineral+commodity+summaries").content.decode()
    assert "/sources/#source-usgs" in usgs and "Bronnen (" in usgs
    recycling = client.get("/search/?q=recycling").content.decode()
    assert 'href="/recycling/"' in recycling and "Pagina&#x27;s (" in recycling
    nothing = client.get("/search/?q=qqqzzz").content.decode()
    assert "Niets gevonden" in nothing and "0 resultaten" in nothing
    english = client.get("/en/search/?q=cobalt").content.decode()
    assert 'href="/en/material/cobalt/"' in english and "Materials (" in english


def test_search_input_is_escaped_and_bounded(client):
    response = client.get("/search/", {"q": "<script>alert(1)</script>" + "a" * 500})
    html = response.content.decode().split('<main id="main"')[1]
    assert response.status_code == 200
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "a" * 101 not in html


def test_menu_and_glossary_come_from_the_page_and_term_tables(client):
    from django.urls import reverse

    from crmradar.web.site_pages import GLOSSARY, PAGES

    html = client.get("/").content.decode()
    for page in PAGES:
        assert f'href="{reverse(page.url_name)}"' in html, page.url_name
    assert 'aria-current="page"' in client.get("/sources/").content.decode()
    glossary = client.get("/glossary/").content.decode()
    assert all(f'id="{t.anchor}"' in glossary for t in GLOSSARY)
    assert "Leveringsrisico" in glossary or "leveringsrisico" in glossary


def test_sources_page_shows_licence_notes_in_the_page_language(client):
    dutch = client.get("/sources/").content.decode()
    assert "feiten geciteerd; tekst niet overgenomen" in dutch and "Facts cited; text not reproduced" not in dutch
    assert "Facts cited; text not reproduced" in client.get("/en/sources/").content.decode()


def test_filter_boxes_carry_the_translated_count_template(client):
    assert 'data-template="%(shown)s van %(total)s bronnen getoond"' in client.get("/sources/").content.decode()
    assert 'data-template="%(shown)s van %(total)s tabellen getoond"' in client.get("/data/").content.decode()
    assert 'data-template="Showing %(shown)s of %(total)s materials"' in client.get("/en/materials/").content.decode()
