"""Cheap gates on the built pages: emergency block, CSP, no inline code, weight, language
attributes, readability, Swedish text. Each test covers every page (of the combined answers,
one template filled 455 times per language, a seeded tenth: conftest.gated_pages; the weight
every page) and lists every page that fails."""

import re
from functools import cache
from pathlib import Path

import pytest
from conftest import gated_pages, html_pages, url_of
from html_facts import facts_of_file
from samverkanstrappan.content.lix import lix
from samverkanstrappan.content.sprak import SPRAK
from samverkanstrappan.validation.page_rules import lix_limit

MAX_WEIGHT = 50 * 1024  # bytes of HTML + CSS + JS for one page, uncompressed
EMERGENCY = ["112", "1177", "90101"]


@cache
def _facts(path: Path):
    return facts_of_file(path)


@pytest.fixture(scope="module")
def pages(built_site):
    found = gated_pages(built_site)
    assert len(found) >= 11
    return [(url_of(built_site, path), _facts(path), path) for path in found]


def _footer_emergency(path) -> list[str]:
    """The numbers the footer's line for emergency help calls."""
    footer = path.read_text(encoding="utf-8").rsplit('<footer class="sidfot">', 1)[1]
    line = footer.split("data-akut-sidfot", 1)[1].split("</p>", 1)[0] if "data-akut-sidfot" in footer else ""
    return re.findall(r'href="tel:([^"]+)"', line)


def test_emergency_block_is_first_on_every_page(pages):
    wrong = []
    for url, facts, path in pages:
        first = [tag for tag in facts.body_order if tag[0] != "a"][:1]  # after the skip link
        if first != [("aside", "nodlage")] or facts.tel_links[:3] != EMERGENCY:
            wrong.append(url)
        # And again at the foot of the page, after the scrolling (a persona, session 37).
        elif _footer_emergency(path) != EMERGENCY:
            wrong.append((url, "sidfot"))
    assert wrong == []


def test_every_page_has_a_strict_content_security_policy(pages):
    wrong = [
        url
        for url, facts, _ in pages
        if not facts.csp
        or "'unsafe-inline'" in facts.csp
        or "'unsafe-eval'" in facts.csp
        or "default-src 'none'" not in facts.csp
        or "script-src 'self'" not in facts.csp
    ]
    assert wrong == []
    # Pagefind compiles WebAssembly: only the search page may allow that, nothing else.
    wasm = {url for url, facts, _ in pages if "'wasm-unsafe-eval'" in facts.csp}
    assert wasm == {url for url, _, _ in pages if url.endswith("/sok/")}


def test_no_inline_script_style_or_event_handler(pages):
    wrong = [
        (url, facts.inline_scripts, facts.style_elements, facts.style_attributes, facts.event_attributes)
        for url, facts, _ in pages
        if facts.inline_scripts or facts.style_elements or facts.style_attributes or facts.event_attributes
    ]
    assert wrong == []


ASSET = re.compile(r'(?:<link rel="stylesheet" href="|<script src=")([^"?]+)(?:\?v=[0-9a-f]{10})?"')


def test_every_page_weighs_at_most_50_kb(built_site):
    # Every page, the combined answers too: the weight needs no parsing, only the linked files.
    heavy = []
    for path in html_pages(built_site):
        html = path.read_text(encoding="utf-8")
        assets = [built_site / ref.lstrip("/") for ref in ASSET.findall(html)]
        weight = len(html.encode()) + sum(asset.stat().st_size for asset in assets)
        if weight > MAX_WEIGHT:
            heavy.append((url_of(built_site, path), weight))
    assert heavy == []


def test_lang_and_dir_match_the_url(pages):
    wrong = []
    for url, facts, _ in pages:
        prefix = url.strip("/").split("/")[0]
        lang = prefix if prefix in SPRAK else "sv"
        expected = {"lang": lang, "dir": SPRAK[lang].dir}
        if {key: facts.html_attrs.get(key) for key in expected} != expected:
            wrong.append((url, facts.html_attrs))
    assert wrong == []


def test_swedish_pages_are_easy_to_read(pages, capsys):
    report, hard = [], []
    for url, facts, _ in pages:
        if not url.startswith("/sv/") or not facts.main_text:
            continue
        key = url.strip("/").split("/", 1)[1] if url.count("/") > 2 else "start"
        value = lix(facts.main_text)
        report.append(f"LIX {value:4.1f} (högst {lix_limit(key)})  {url}")
        if value > lix_limit(key):
            hard.append((url, round(value, 1)))
    with capsys.disabled():
        print("\n" + "\n".join(sorted(report)))
    assert len(report) >= 9
    assert hard == []


def test_internal_links_and_anchors_resolve(pages, built_site):
    """LinkChecker checks the links; its anchor plugin is unreliable, so anchors are checked here."""
    broken = []
    for url, facts, _ in pages:
        for href in facts.links:
            if re.match(r"[a-z]+:", href):
                continue
            path, _, fragment = href.partition("#")
            target = built_site / (path or url).lstrip("/")
            page = target / "index.html" if (path or url).endswith("/") else target
            if (
                not page.is_file() or fragment and (page.suffix != ".html" or fragment not in _facts(page).ids)
            ):  # a page, or a file such as the open data
                broken.append((url, href))
    assert broken == []


# Small words that only Swedish sentences have among the published languages: three different
# ones in one sentence is Swedish, whatever the page's language says.
SWEDISH_WORDS = {
    "och", "att", "det", "som", "för", "är", "inte", "med", "till", "dig", "kan", "har", "på", "om",
    "vill", "ska", "eller", "när", "hur", "vad", "din", "ditt", "dina", "jag", "vi", "ett", "av", "du",
    "också", "hos", "så", "här", "där", "finns", "får", "behöver", "mig", "sig", "från", "vid",
}  # fmt: skip


def swedish_sentences(text: str) -> list[str]:
    sentences = re.split(r"(?<=[.!?:])\s+|\n", text)
    return [s.strip() for s in sentences if len(SWEDISH_WORDS & set(re.findall(r"\w+", s.lower()))) >= 3]


def test_swedish_sentences_are_marked_swedish_on_pages_in_other_languages(pages):
    # A reader's screen reader and translator need lang="sv" on any Swedish the page shows.
    wrong = {}
    for url, facts, _ in pages:
        if facts.html_attrs.get("lang") != "sv":
            found = swedish_sentences(" ".join(facts.own_language_text))
            if found:
                wrong[url] = found[:2]
    assert wrong == {}


def test_swedish_sentences_are_found():
    assert swedish_sentences("Ring och be om en tid. Du kan också söka vård via 1177.se.") != []
    assert swedish_sentences("Call and ask for an appointment. You can also seek care via 1177.se.") == []


# In a contact card only names are Swedish: the service's, its organisation's, the address, and
# a name inside translated text (the service's, the address and a name in a text each isolated
# in a <bdi>, as "(stadshuset)" inside Arabic).
CARD_NAMES = {"kort__org", "bdi"}


def test_contact_cards_in_other_languages_hold_no_swedish_text(pages):
    wrong = {}
    for url, facts, _ in pages:
        if facts.html_attrs.get("lang") != "sv":
            texts = [classes for classes in facts.card_swedish if not CARD_NAMES & set(classes.split())]
            if texts:
                wrong[url] = sorted(set(texts))
    assert wrong == {}


MENU = re.compile(r'<nav class="bredd huvudmeny".*?</nav>', re.S)
MENU_LINK = re.compile(r'<a href="([^"]*)"( aria-current="(page|true)")?>')


def test_the_menu_marks_the_page_it_is_on(pages):
    """A link to the page itself says so (aria-current="page", drawn thicker); on the guide's
    questions and answers, the guide's link says it is within it."""
    wrong, marked = [], set()
    for url, _, path in pages:
        links = MENU_LINK.findall(MENU.search(path.read_text(encoding="utf-8")).group())
        guide = links[-1][0]
        expected = [
            (href, "page" if href == url else "true" if href == guide and url.startswith(guide) else "")
            for href, _, _ in links
        ]
        if [(href, current) for href, _, current in links] != expected:
            wrong.append(url)
        marked |= {current for _, _, current in links}
    assert wrong == []
    assert marked == {"", "page", "true"}
