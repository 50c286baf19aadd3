"""Search answers residents well, the same way in both modes: the relevance set
(fixtures/sok_relevans.yaml) finds an expected page in the top 3, the browser and the
server agree on the top result, and every crisis phrase (with the variants the tests make)
puts the emergency block and the right guide page first."""

import pytest
from conftest import KOMMUN
from flask import g
from samverkanstrappan.index import fraga, whoosh_index
from samverkanstrappan.render import create_app, sok
from samverkanstrappan.routes import Router
from sok_helpers import (
    browser_answers,
    browser_readings,
    by_reading,
    crisis_phrases,
    relevance_set,
    server_answer,
    server_readings,
    target_url,
    variants,
)

TOP3_GOAL = 0.95
AGREEMENT_GOAL = 0.90
SAME_TOP3_FLOOR = 0.80


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """Server mode with its Whoosh index, as `build.py serve` builds it."""
    app = create_app(KOMMUN, serve=True, search_index=tmp_path_factory.mktemp("sokindex") / KOMMUN)
    whoosh_index.build(app.extensions["content"], app.config["SEARCH_INDEX"], app.extensions["router"])
    return app


def cases(store) -> list[tuple[dict, set[str]]]:
    """Each query of the set in a language the municipality publishes, with the URLs expected."""
    router = Router()
    return [
        (entry, {target_url(store, router, entry["sprak"], target) for target in entry["vantat"]})
        for entry in relevance_set()
        if entry["sprak"] in store.languages
    ]


def misses(found: dict[str, list[str]], expected: list[tuple[dict, set[str]]]) -> list[str]:
    return [
        f"{e['sprak']}: {e['fraga']} -> {found[e['fraga']][:3]}"
        for e, urls in expected
        if not urls & set(found[e["fraga"]][:3])
    ]


def test_the_relevance_set_is_large_and_in_every_language():
    entries = relevance_set()
    per_language = {lang: sum(1 for e in entries if e["sprak"] == lang) for lang in ("sv", "en", "ar", "fi", "uk")}
    assert len(entries) >= 60 and per_language["sv"] >= 20 and min(per_language.values()) >= 10


def test_server_mode_finds_an_expected_page_in_the_top_three(server):
    expected = cases(server.extensions["content"])
    found = {e["fraga"]: [r.url for r in server_answer(server, e["sprak"], e["fraga"]).results] for e, _ in expected}
    missed = misses(found, expected)
    assert len(missed) <= (1 - TOP3_GOAL) * len(expected), "\n".join(missed)


# A girl of 16 whose mother drinks found the adults' answer and the answer for a child who drinks
# herself; the answer for a child who is harmed at home (socialjouren, Bris, the quick exit) was not
# in the top five (a persona, session 45). An adult whose parent drinks needs the adults' answer.
PARENT_DRINKS = {
    "sv": "jag är 14 och mamma dricker",
    "en": "my mum drinks",
    "ar": "أمي تشرب",
    "fi": "isä juo",
    "uk": "мама п’є",
}


@pytest.mark.parametrize("lang", PARENT_DRINKS)
def test_a_parent_who_drinks_finds_the_childs_answer_and_the_adults_in_the_top_three(server, lang):
    store, router = server.extensions["content"], Router()
    top = [r.url for r in server_answer(server, lang, PARENT_DRINKS[lang]).results[:3]]
    for outcome in ("barn-i-fara", "beroende"):
        assert target_url(store, router, lang, f"utfall:{outcome}") in top, (outcome, top)


def server_crisis_misses(server, asked) -> dict:
    """Each query (the phrases with their variants) read by server mode's pipeline: its first
    crisis kind must be the phrase's. The whole search runs for the first and the last query
    of each different reading (sok_helpers.by_reading): the block's kinds are the reading, and
    the first result is the first kind's page."""
    store, router, wrong = server.extensions["content"], Router(), {}
    for lang in dict.fromkeys(lang for lang, _, _ in asked):
        queries = [(kind, query) for code, kind, phrase in asked if code == lang for query in variants(phrase, lang)]
        readings = server_readings(server, lang, [query for _, query in queries])
        for (kind, query), kinds in zip(queries, readings):
            if kinds[:1] != [kind]:
                wrong[f"{lang}: {query}"] = (kind, kinds)
        for kinds, query in by_reading([query for _, query in queries], readings):
            answer = server_answer(server, lang, query)
            first = target_url(store, router, lang, f"utfall:{kinds[0]}")
            if tuple(answer.kris) != kinds or [r.url for r in answer.results[:1]] != [first]:
                wrong[f"{lang}: {query}"] = (kinds, answer.kris, answer.results[0].url if answer.results else None)
    return wrong


def test_server_mode_shows_the_crisis_block_and_page_first_for_a_phrase_of_each_kind(server):
    """The fast loop: the first phrase of each kind in each language, with its variants."""
    firsts = {}
    for lang, kind, phrase in crisis_phrases(server.extensions["content"]):
        firsts.setdefault((lang, kind), (lang, kind, phrase))
    assert server_crisis_misses(server, list(firsts.values())) == {}


def test_a_swedish_phrase_shows_the_block_and_page_on_every_language_s_page(server):
    """Staff type Swedish on a caller's page: the first Swedish phrase of each kind, with its
    variants, on each other language's search page."""
    store = server.extensions["content"]
    swedish = {}
    for _, kind, phrase in (entry for entry in crisis_phrases(store) if entry[0] == "sv"):
        swedish.setdefault(kind, phrase)
    asked = [(lang, kind, phrase) for lang in store.languages if lang != "sv" for kind, phrase in swedish.items()]
    assert len(asked) >= 20
    assert server_crisis_misses(server, asked) == {}


@pytest.mark.browser  # the end-to-end tier: every phrase, in the whole suite only (decisions.md)
def test_server_mode_shows_the_crisis_block_and_page_first_for_every_phrase(server):
    assert server_crisis_misses(server, crisis_phrases(server.extensions["content"])) == {}


def test_server_mode_renders_the_crisis_block_before_the_results(server):
    client = server.test_client()
    html = client.get("/sv/sok/", query_string={"q": "jag vill inte leva"}).text
    block, results = html.index('class="akut-forst sok-kris"'), html.index('class="traffar"')
    numbers = html[block:results]
    assert block < results
    assert all(f'data-nummer="{number}"' in numbers for number in ("sjalvmordslinjen", "akut", "vardguiden"))


def test_the_browser_agrees_with_the_server_and_finds_expected_pages(browser, site_url, built_site):
    server = create_app(built_site.name, serve=True)
    store = server.extensions["content"]
    expected = cases(store)
    browser_found, agree, same_three, total = {}, 0, 0, 0
    for lang in store.languages:
        queries = [e["fraga"] for e, _ in expected if e["sprak"] == lang]
        for query, answer in zip(queries, browser_answers(browser, site_url, lang, queries)):
            browser_found[query] = answer["urls"]
            on_server = [r.url for r in server_answer(server, lang, query).results[:3]]
            agree += answer["urls"][:1] == on_server[:1]
            same_three += answer["urls"][:3] == on_server
            total += 1
    missed = misses(browser_found, expected)
    assert len(missed) <= (1 - TOP3_GOAL) * len(expected), "\n".join(missed)
    assert agree >= AGREEMENT_GOAL * total, f"the modes agree on {agree} of {total} top results"
    # The whole top 3 is the same for 85-86 % (measured); below the first place the full-text
    # engines, which rank differently, fill in. This keeps the two from drifting further apart.
    assert same_three >= SAME_TOP3_FLOOR * total, f"the modes give the same top 3 for {same_three} of {total}"


def test_the_browser_shows_the_crisis_block_and_page_first_for_every_phrase(browser, site_url, built_site):
    """Every phrase and variant is read by the page's own pipeline, on the data the site
    serves: its first crisis kind is the phrase's, and its kinds are the ones server mode
    finds, in the same order. Then the search form runs for the first and the last query of
    each different reading (sok_helpers.by_reading): the block comes first, with the numbers
    server mode shows for those kinds, in its order (the frozen page holds them all once, and
    which each kind shows: sok.js picks them), and the first kind's page."""
    app = create_app(built_site.name)
    store = app.extensions["content"]
    router = Router()
    wrong = {}
    for lang in store.languages:
        asked = [
            (kind, query)
            for code, kind, phrase in crisis_phrases(store)
            if code == lang
            for query in variants(phrase, lang)
        ]
        queries = [query for _, query in asked]
        readings = browser_readings(browser, site_url, lang, queries)
        samples = by_reading(queries, readings)
        with app.test_request_context(f"/{lang}/sok/"):
            g.lang = lang
            shown = [list(sok.crisis_numbers(list(kinds))) for kinds, _ in samples]
        for (kind, query), kinds, server_kinds in zip(asked, readings, server_readings(app, lang, queries)):
            if kinds[:1] != [kind] or kinds != server_kinds:
                wrong[f"{lang}: {query}"] = (kind, kinds, server_kinds)
        answers = browser_answers(browser, site_url, lang, [query for _, query in samples])
        for (kinds, query), answer, numbers in zip(samples, answers, shown):
            first = target_url(store, router, lang, f"utfall:{kinds[0]}")
            if not answer["crisis_first"] or answer["urls"][:1] != [first] or answer["numbers"] != numbers:
                wrong[f"{lang}: {query}"] = (kinds, answer, numbers)
    assert wrong == {}


def test_multi_word_synonyms_work_in_the_browser(browser, site_url, built_site):
    """The words of a two-word synonym ("inget boende") widen the query to the whole group and
    are not all required at once: the housing pages come first."""
    store = create_app(built_site.name).extensions["content"]
    router = Router()
    housing = {
        target_url(store, router, "sv", t) for t in ("utfall:boende", "utfall:hemlos-i-natt", "utfall:boende-i-natt")
    }
    psykisk = target_url(store, router, "sv", "utfall:psykisk-ohalsa")
    inget_boende, mar_daligt = browser_answers(browser, site_url, "sv", ["inget boende", "mår dåligt"])
    assert housing & set(inget_boende["urls"][:3])
    assert psykisk in mar_daligt["urls"][:3]


def answers_differ(server, asked: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The queries whose answer production (keeping what it works out: index/index_memo.py,
    fraga._matches) gives otherwise than the preview, asked the first time and again."""
    from flask import g
    from samverkanstrappan.index import sokning
    from samverkanstrappan.render import sok

    memos: dict = {}
    folder = server.config["SEARCH_INDEX"]
    whoosh_index.prepare_memos(folder, server.extensions["content"].languages, memos)
    assert {lang for _, lang in memos} == set(server.extensions["content"].languages)
    previews, differ = {}, []
    with server.test_request_context("/sv/sok/"):
        for lang, query in asked * 2:  # the second time, production answers from what it kept
            g.lang = lang
            data = sok.search_data(lang)
            if (lang, query) not in previews:
                previews[lang, query] = sokning.answer(folder, data, query, words=dict(sok.known_words(lang)))
            if sokning.answer(folder, data, query, memos) != previews[lang, query]:
                differ.append((lang, query))
    return differ


def test_production_answers_the_relevance_set_as_the_preview_does(server):
    assert answers_differ(server, [(e["sprak"], e["fraga"]) for e, _ in cases(server.extensions["content"])]) == []


def test_production_makes_each_languages_search_data_and_words_before_its_workers_fork(server):
    """sok.prepare: no reader's first search in a language waits for its data and words, and
    the data is what a request in that language makes (its places named in its words)."""
    folder = server.config["SEARCH_INDEX"]
    production = create_app(KOMMUN, serve=True, live=False, search_index=folder)
    sok.prepare(production)
    asked = create_app(KOMMUN, serve=True, live=False, search_index=folder)
    for lang in production.extensions["content"].languages:
        words = production.extensions["sokminnen"][("fraga", lang)]
        assert set(words) == {fraga.DOCUMENTS_KEY, fraga.LEXICON_KEY}, lang
        assert asked.test_client().get(f"/{lang}/sok/?q=stöd").status_code == 200
        assert production.extensions["sokdata"][lang][1] == asked.extensions["sokdata"][lang][1], lang


@pytest.mark.browser  # the end-to-end tier: every phrase takes half a minute (decisions.md)
def test_production_answers_every_crisis_phrase_as_the_preview_does(server):
    asked = [(lang, phrase) for lang, _, phrase in crisis_phrases(server.extensions["content"])]
    assert answers_differ(server, asked) == []


def test_the_memos_expansions_are_whooshs(server):
    """A seeded sample of each index's words: the memo's near misses and longer forms are the
    ones Whoosh's automaton and prefix give, in the same order."""
    import random

    from samverkanstrappan.index.index_memo import IndexMemo
    from whoosh import index as whoosh

    for lang in server.extensions["content"].languages:
        with whoosh.open_dir(str(server.config["SEARCH_INDEX"] / lang)).searcher() as searcher:
            reader, memo = searcher.reader(), IndexMemo()
            for field in ("title", "text"):
                words = sorted(word for word in reader.field_terms(field) if len(word) >= 5)  # as searched
                for word in random.Random(lang + field).sample(words, min(40, len(words))):
                    for maxdist in (1, 2):
                        assert memo.within(reader, field, word, maxdist, 2) == list(
                            reader.terms_within(field, word, maxdist, prefix=2)
                        ), (lang, field, word)
                    assert memo.prefixed(reader, field, word) == list(reader.expand_prefix(field, word))
