"""Gates in Debian's Chromium on the frozen site served over HTTP: axe-core finds
no WCAG 2.x A/AA violation and leaves no colour contrast undecided, no request leaves
the local server, no cookie is set, pages reflow at 320 CSS px without horizontal
scrolling, and no text is cut off when a reader widens its spacing (WCAG 1.4.12).

axe costs about a quarter of a second a page, so the browser does not visit every page: it
visits one page of every page type in every language, and a seeded random sample of
the rest (conftest.py: SAMPLE_SEED, SAMPLE_SIZE). The cheap gates in test_gates_pages.py
read every page."""

import random
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import SAMPLE_SEED, SAMPLE_SIZE, html_pages, url_of
from samverkanstrappan import paths

AXE = paths.REPO / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# resultTypes: axe still reports every violation and every undecided node, and of the rules that
# passed or did not apply only the first node (axe's API.md, "Performance"): it then skips
# working out a selector for each of them, a fifth of its time here.
AXE_RUN = "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations', 'incomplete']})"

# WCAG 1.4.12 (Text Spacing): nothing is lost when a reader's own style sets these. People with
# low vision or dyslexia do it with a bookmarklet or an extension; axe does not test it.
TEXT_SPACING = (
    "* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }"
    " p { margin-bottom: 2em !important; }"
)
# Text that a box cuts off: overflow hidden or clip with more inside than shows. A box that
# scrolls (the menu's row) loses nothing, and a box of a pixel is text kept for screen readers.
CLIPPED_TEXT = """() => {
  const cuts = (value) => value === "hidden" || value === "clip";
  const found = [];
  for (const element of document.querySelectorAll("body *")) {
    const style = getComputedStyle(element);
    if (!cuts(style.overflowX) && !cuts(style.overflowY)) continue;
    if (element.clientWidth <= 1 || element.clientHeight <= 1 || !element.textContent.trim()) continue;
    if ((cuts(style.overflowX) && element.scrollWidth > element.clientWidth + 1)
        || (cuts(style.overflowY) && element.scrollHeight > element.clientHeight + 1)) {
      found.push(element.tagName.toLowerCase() + [...element.classList].map((name) => "." + name).join(""));
    }
  }
  return found;
}"""

# Each is a template of its own (or a kind of page made from one); the browser must see them all.
PAGE_TYPES = {
    "root",
    "404",
    "start",
    "trappsteg",
    "sida",
    "be-om-sip",
    "vagvisare-fraga",
    "vagvisare-utfall",
    "vagvisare-flera",
    "overlamning",
    "overlamning-flera",
    "manus",
    "verksamheter",
    "tillganglighet",
    "sok",
    "a-o",
    "lattlast-start",
    "lattlast-trappsteg",
    "lattlast-be-om-sip",
    "lattlast-vagvisare-fraga",
    "lattlast-vagvisare-utfall",
    "lattlast-vagvisare-flera",
    "lattlast-sok",
    "lattlast-verksamheter",
}
OWN_TEMPLATES = {"be-om-sip", "verksamheter", "tillganglighet", "sok", "a-o"}


def page_type(url: str, html: str) -> tuple[str, str | None]:
    """(page type, language) of a built page, read from its URL path. Only a vägvisare page
    reached by answers needs its HTML: the URL cannot tell a question from an outcome."""
    if url in ("/", "/404.html"):
        return url.strip("/").removesuffix(".html") or "root", None
    lang, _, rest = url.strip("/").partition("/")
    lattlast = rest == "lattlast" or rest.startswith("lattlast/")
    rest = rest.removeprefix("lattlast").strip("/")
    if rest == "":
        kind = "start"
    elif rest.startswith("vagvisare/utfall/flera/"):
        kind = "overlamning-flera"
    elif rest.startswith("vagvisare/utfall/"):
        kind = "overlamning"
    elif rest == "vagvisare/manus":
        kind = "manus"
    elif rest == "vagvisare" or rest.startswith("vagvisare/"):
        found = re.search(r'data-nodtyp="(\w+)"', html)
        kind = f"vagvisare-{found[1] if found else 'okand'}"
    elif rest.startswith("steg/"):
        kind = "trappsteg"
    elif rest in OWN_TEMPLATES:
        kind = rest
    else:
        kind = "sida"
    return ("lattlast-" if lattlast else "") + kind, lang


def choose(site: Path, seed: int = SAMPLE_SEED, size: int = SAMPLE_SIZE) -> tuple[dict, list[str]]:
    """One page of each (page type, language), drawn with `seed`, and `size` more drawn from the rest."""
    rng = random.Random(seed)
    groups: dict[tuple[str, str | None], list[str]] = {}
    for path in html_pages(site):
        url = url_of(site, path)
        groups.setdefault(page_type(url, path.read_text(encoding="utf-8")), []).append(url)
    chosen = {group: rng.choice(urls) for group, urls in sorted(groups.items(), key=str)}
    rest = sorted(url for urls in groups.values() for url in urls if url not in chosen.values())
    return chosen, sorted(rng.sample(rest, min(size, len(rest))))


def run_axe(page) -> dict:
    """axe's results for the page; axe is added first unless the context's init script did."""
    if not page.evaluate("typeof window.axe?.run === 'function'"):
        page.add_script_tag(path=str(AXE))
    return page.evaluate(AXE_RUN, AXE_TAGS)


def undecided_contrast(axe: dict) -> list[str]:
    """Colour contrast that axe files under 'incomplete' (needs review), such as text in its
    background's own colour (1:1): the brief counts these as failures. Each is told as the
    element's selector without attributes or positions (the same link on every page reads the same),
    why axe could not decide, and the colours."""
    found = []
    for result in axe["incomplete"]:
        if result["id"] != "color-contrast":
            continue
        for node in result["nodes"]:
            data = next((check.get("data") or {} for check in node["any"] if check.get("data")), {})
            selector = re.sub(r"\[[^\]]*\]|:nth-child\(\d+\)", "", " ".join(node["target"]))
            colours = (
                f" {data['fgColor']} på {data['bgColor']} ({data.get('contrastRatio')}:1)" if "fgColor" in data else ""
            )
            found.append(f"{selector}: {data.get('messageKey', '?')}{colours}")
    return found


@pytest.fixture(scope="module")
def visits(browser, built_site, site_url):
    """Visit the chosen pages once at desktop width and once at 320 px; keep what was seen."""
    assert AXE.is_file(), "axe-core is missing: run npm ci"
    chosen, sample = choose(built_site)
    # bypass_csp lets axe be injected; the pages' own CSP forbids inline script.
    context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900})
    # Loaded with each page as it opens: adding its 650 kB after the page had loaded took 0.2 s a page.
    context.add_init_script(path=str(AXE))
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    results = {}
    for url in sorted({*chosen.values(), *sample}):
        requested.clear()
        page.set_viewport_size({"width": 1280, "height": 900})
        page.goto(site_url + url, wait_until="load")
        if url == "/":  # the root only redirects (meta refresh) to the Swedish start page
            page.wait_for_url(site_url + "/sv/")
            page.wait_for_load_state("load")
        axe = run_axe(page)
        page.set_viewport_size({"width": 320, "height": 640})
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        # At 320 px, the narrowest the pages are made for, where wider spacing is hardest to fit.
        page.add_style_tag(content=TEXT_SPACING)
        clipped = page.evaluate(CLIPPED_TEXT)
        assert axe["passes"], f"axe ran no rule on {url}"
        results[url] = {
            "violations": [(v["id"], [node["target"] for node in v["nodes"]][:3]) for v in axe["violations"]],
            "undecided_contrast": undecided_contrast(axe),
            "hosts": sorted({urlsplit(r).netloc for r in requested if not r.startswith(site_url + "/")}),
            "overflow": overflow,
            "clipped_with_text_spacing": clipped,
            "cookies": context.cookies(),
            "final_url": page.url,
        }
    context.close()
    return {"chosen": chosen, "sample": sample, "pages": results}


def failing(visits, key: str, bad=bool) -> dict:
    return {url: seen[key] for url, seen in visits["pages"].items() if bad(seen[key])}


def test_every_page_type_in_every_language_is_visited(visits, built_site):
    seen_types = {kind for kind, _ in visits["chosen"]}
    assert seen_types == PAGE_TYPES  # a type missing here goes unseen; one too many, page_type() does not know
    languages = {path.name for path in built_site.iterdir() if (path / "index.html").is_file()}
    visited = {lang for _, lang in visits["chosen"]}
    assert languages <= visited
    for kind in ("start", "trappsteg", "vagvisare-fraga", "vagvisare-utfall", "overlamning", "sok", "a-o"):
        assert {lang for k, lang in visits["chosen"] if k == kind} == languages, kind
    assert len(visits["sample"]) == min(SAMPLE_SIZE, len(html_pages(built_site)) - len(visits["chosen"]))
    assert set(visits["pages"]) == {*visits["chosen"].values(), *visits["sample"]}


def test_axe_finds_no_violations(visits):
    assert failing(visits, "violations") == {}, f"SAMPLE_SEED={SAMPLE_SEED}"


def test_axe_leaves_no_colour_contrast_undecided(visits):
    pages_by_finding: dict[str, list[str]] = {}  # the same element fails on many pages: list it once
    for url, found in failing(visits, "undecided_contrast").items():
        for finding in found:
            pages_by_finding.setdefault(finding, []).append(url)
    if pages_by_finding:  # told in full: pytest would cut a long comparison short
        told = [
            f"{finding}\n    {len(set(urls))} sidor, t.ex. {sorted(set(urls))[:4]}"
            for finding, urls in pages_by_finding.items()
        ]
        pytest.fail(f"SAMPLE_SEED={SAMPLE_SEED}\n" + "\n".join(sorted(told)), pytrace=False)


def test_no_request_goes_anywhere_but_the_site(visits):
    assert failing(visits, "hosts") == {}, f"SAMPLE_SEED={SAMPLE_SEED}"


def test_no_cookies(visits):
    assert failing(visits, "cookies") == {}, f"SAMPLE_SEED={SAMPLE_SEED}"


def test_reflow_at_320_px_without_horizontal_scroll(visits):
    assert failing(visits, "overflow", lambda overflow: overflow > 0) == {}, f"SAMPLE_SEED={SAMPLE_SEED}"


def test_wider_text_spacing_cuts_off_no_text(visits):
    assert failing(visits, "clipped_with_text_spacing") == {}, f"SAMPLE_SEED={SAMPLE_SEED}"


def test_root_redirects_in_the_browser(visits, site_url):
    assert visits["pages"]["/"]["final_url"] == site_url + "/sv/"


def test_the_sample_follows_the_seed(built_site):
    assert choose(built_site, seed=1) == choose(built_site, seed=1)
    assert choose(built_site, seed=1)[1] != choose(built_site, seed=2)[1]


@pytest.mark.parametrize(
    "url, html, expected",
    [
        ("/", "", ("root", None)),
        ("/404.html", "", ("404", None)),
        ("/ar/", "", ("start", "ar")),
        ("/sv/lattlast/", "", ("lattlast-start", "sv")),
        ("/sv/steg/upptackt/", "", ("trappsteg", "sv")),
        ("/sv/lattlast/steg/upptackt/", "", ("lattlast-trappsteg", "sv")),
        ("/en/om/", "", ("sida", "en")),
        ("/fi/be-om-sip/", "", ("be-om-sip", "fi")),
        ("/sv/vagvisare/", '<h1 data-nod="start" data-nodtyp="fraga">', ("vagvisare-fraga", "sv")),
        ("/sv/vagvisare/aldre/minnet/", '<h1 data-nodtyp="utfall">', ("vagvisare-utfall", "sv")),
        ("/sv/lattlast/vagvisare/aldre/", '<h1 data-nodtyp="fraga">', ("lattlast-vagvisare-fraga", "sv")),
        ("/uk/vagvisare/utfall/anhorig/", "", ("overlamning", "uk")),
        ("/ar/vagvisare/flera/aldre/boende/", '<h1 data-nodtyp="flera">', ("vagvisare-flera", "ar")),
        ("/sv/vagvisare/utfall/flera/aldre/boende/", "", ("overlamning-flera", "sv")),
        ("/sv/lattlast/vagvisare/flera/aldre/boende/", '<h1 data-nodtyp="flera">', ("lattlast-vagvisare-flera", "sv")),
        ("/sv/vagvisare/manus/", "", ("manus", "sv")),
        ("/sv/a-o/", "", ("a-o", "sv")),
    ],
)
def test_page_type_is_read_from_the_url(url, html, expected):
    assert page_type(url, html) == expected


def test_axe_gate_catches_a_known_violation(browser):
    """The gate itself works: a page with an unlabeled field and poor contrast fails."""
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    page.set_content(
        '<html lang="sv"><title>t</title><main><input type="text">'
        '<p style="color:#bbb;background:#fff">svag kontrast</p></main></html>'
    )
    axe = run_axe(page)
    context.close()
    assert {"label", "color-contrast"} <= {v["id"] for v in axe["violations"]}


def test_contrast_gate_catches_a_link_in_its_backgrounds_own_colour(browser):
    """axe calls 1:1 text 'incomplete', not a violation; the gate must still see it."""
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    page.set_content(
        '<html lang="sv"><title>t</title><body><header style="background:#1a4d7a;color:#fff">'
        '<a href="#" style="color:#1a4d7a">Lättläst</a></header><main><p>Text</p></main></body></html>'
    )
    axe = run_axe(page)
    context.close()
    found = undecided_contrast(axe)
    assert len(found) == 1 and "equalRatio #1a4d7a på #1a4d7a" in found[0], found


def test_text_spacing_gate_catches_a_box_that_cuts_off_text(browser):
    """The gate itself works: a label of fixed height that hides what does not fit is cut off
    once the spacing widens, and a box that scrolls instead is not counted."""
    context = browser.new_context(bypass_csp=True, viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.set_content(
        '<html lang="sv"><title>t</title><body><main>'
        '<p class="knapp" style="height:1.3em;line-height:1.2;overflow:hidden">Ring socialjouren</p>'
        '<nav class="rad" style="white-space:nowrap;overflow-x:auto">Sök · Be om en SIP · Verksamheter · '
        "Vad behöver du hjälp med?</nav></main></body></html>"
    )
    before = page.evaluate(CLIPPED_TEXT)
    page.add_style_tag(content=TEXT_SPACING)
    after = page.evaluate(CLIPPED_TEXT)
    context.close()
    assert (before, after) == ([], ["p.knapp"])


def test_the_language_list_opens_under_its_button_on_a_wide_screen(browser, site_url, built_site):
    """At 1366 px it opened at the window's edge, a hand's width from the button (a
    receptionist's walk): now its end edge is the button's, in both directions of text."""
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    apart = {}
    for lang in [path.name for path in sorted(built_site.iterdir()) if path.is_dir() and len(path.name) == 2]:
        page.goto(f"{site_url}/{lang}/")
        page.click(".sprakval-val summary")
        button, panel = page.evaluate("""() => [document.querySelector('.sprakval-val summary'),
            document.querySelector('.sprakval')].map(e => e.getBoundingClientRect().toJSON())""")
        rtl = page.evaluate("getComputedStyle(document.body).direction") == "rtl"
        gap = abs(panel["left"] - button["left"]) if rtl else abs(panel["right"] - button["right"])
        if gap > 2 or panel["top"] < button["bottom"]:
            apart[lang] = (button, panel)
    page.close()
    assert apart == {}
