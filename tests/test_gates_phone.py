"""What a reader on a phone sees first, measured in Chromium at 375×812 CSS px: the header
is short, an outcome's first number and the guide's first answer are on the first screen,
headings never break inside a word, no phone number breaks over two lines, the links that
change an answer are big enough for a thumb, search is in the menu's first view, and the quick
exit stays in view.

Every single-need outcome page is measured. The combined answers share one template and
differ only in how much text comes before their first number, so the ones with the most
(the worst case) are measured in every language."""

import re
from pathlib import Path

import pytest
from conftest import html_pages, url_of
from playwright.sync_api import TimeoutError as PlaywrightTimeout

PHONE = {"width": 375, "height": 812}
HEADER_MAX = 200  # px: everything above <main>
WORST_COMBINED = 5  # combined answers per language, those with the most text before the first number

GEOMETRY = """() => {
  const main = document.querySelector("main");
  // The first number a reader sees: a combined answer's part for an earlier answer is hidden
  // unless the address names it (.ocksa), and a hidden link's box is at the top.
  const tel = [...main.querySelectorAll('a[href^="tel:"]')].find((link) => link.getClientRects().length > 0);
  const answer = main.querySelector(".svar a");
  const box = (element) => element ? element.getBoundingClientRect() : null;
  const broken = [];
  for (const heading of document.querySelectorAll("h1, h2, h3")) {
    if (heading.clientWidth <= 1) continue;  // hidden, or kept for screen readers only
    if (heading.scrollWidth > heading.clientWidth + 1) broken.push("overflow: " + heading.textContent.trim());
    const walker = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const word of node.data.matchAll(/[^\\s\\-‐–]+/g)) {  // a break at a hyphen is fine
        const range = document.createRange();
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (tops.size > 1) broken.push(word[0]);
      }
    }
  }
  const lines = (element) => new Set([...element.getClientRects()].map((r) => Math.round(r.top))).size;
  const split = [...document.querySelectorAll("bdi.nummer")].filter((n) => lines(n) > 1).map((n) => n.textContent);
  const footer = document.querySelector("[data-akut-sidfot] span");  // the emergency numbers, together
  if (!footer || lines(footer) > 1) split.push("sidfot: " + (footer ? footer.textContent : "saknas"));
  const small = [...document.querySelectorAll(".dina-svar li a, .dina-behov li a")]
    .map((link) => link.getBoundingClientRect()).filter((r) => r.height < 44 || r.width < 44)
    .map((r) => [Math.round(r.width), Math.round(r.height)]);
  return {main: box(main).top, tel: box(tel) && [box(tel).top, box(tel).bottom],
          answer: box(answer) && [box(answer).top, box(answer).bottom], broken, split, small};
}"""

QUICK_EXIT = """() => {
  const link = document.querySelector(".lamna-snabbt a");
  if (!link) return null;
  const r = link.getBoundingClientRect();
  return r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth && r.width > 0;
}"""


# The element reached with Tab: where it is in the page, its start, and its area under the quick exit.
UNDER_QUICK_EXIT = """() => {
  const focused = document.activeElement, exit = document.querySelector(".lamna-snabbt a");
  if (!focused || focused === document.body || focused === exit) return null;
  const r = focused.getBoundingClientRect(), s = exit.getBoundingClientRect();
  const width = Math.min(r.right, s.right) - Math.max(r.left, s.left);
  const height = Math.min(r.bottom, s.bottom) - Math.max(r.top, s.top);
  const place = [...document.querySelectorAll("*")].indexOf(focused);
  return [place, focused.outerHTML.slice(0, 60), width > 0 && height > 0 ? Math.round(width * height) : 0];
}"""


def site_languages(site: Path) -> list[str]:
    """The languages a built site publishes: its folders named by a two-letter code."""
    return sorted(path.name for path in site.iterdir() if len(path.name) == 2)


def _text_before_first_number(html: str) -> int:
    main = re.sub(r'<section class="ocksa".*?</section>', "", html[html.index("<main") :], flags=re.S)
    before = main[: main.index('href="tel:')] if 'href="tel:' in main else main
    return len(re.sub(r"<[^>]+>", "", before))


def outcome_pages(site: Path) -> list[str]:
    """Every single-need outcome page, and the combined answers with the most before their first number."""
    single, combined = [], {}
    for path in html_pages(site):
        html = path.read_text(encoding="utf-8")
        if 'data-nodtyp="utfall"' in html:
            single.append(url_of(site, path))
        elif 'data-nodtyp="flera"' in html:
            lang = url_of(site, path).split("/")[1]
            combined.setdefault(lang, []).append((_text_before_first_number(html), url_of(site, path)))
    worst = [url for pages in combined.values() for _, url in sorted(pages, reverse=True)[:WORST_COMBINED]]
    return single + worst


@pytest.fixture(scope="module")
def phone(browser):
    page = browser.new_page(viewport=PHONE)
    yield page
    page.close()


@pytest.fixture(scope="module")
def outcomes(built_site, site_url, phone) -> dict:
    """The geometry of every outcome page measured, by URL."""
    found = {}
    for url in outcome_pages(built_site):
        phone.goto(site_url + url)
        found[url] = phone.evaluate(GEOMETRY)
    return found


def test_outcome_pages_are_measured_in_every_language(built_site, outcomes):
    languages = set(site_languages(built_site))
    assert {url.split("/")[1] for url in outcomes} == languages
    assert any("/flera/" in url for url in outcomes) and len(outcomes) > 50


def test_the_header_is_short_and_the_first_number_on_the_first_screen(outcomes):
    tall = {url: round(g["main"]) for url, g in outcomes.items() if g["main"] > HEADER_MAX}
    assert tall == {}
    below = {url: g["tel"] for url, g in outcomes.items() if not g["tel"] or g["tel"][0] < 0 or g["tel"][1] > 812}
    assert below == {}


def test_the_start_page_shows_the_guides_first_answer_on_the_first_screen(built_site, site_url, phone):
    found = {}
    for lang in site_languages(built_site):
        phone.goto(f"{site_url}/{lang}/")
        geometry = phone.evaluate(GEOMETRY)
        found[lang] = geometry["main"] <= HEADER_MAX and bool(geometry["answer"]) and geometry["answer"][1] <= 812
    assert found and all(found.values()), found


MENU = """() => [...document.querySelectorAll(".huvudmeny a")].map((link) => {
  const r = link.getBoundingClientRect();
  return [new URL(link.href).pathname.split("/")[2], r.left >= 0 && r.right <= innerWidth, r.height >= 24];
})"""


def test_search_is_in_the_menu_s_first_view_and_every_item_big_enough_to_tap(built_site, site_url, phone):
    """ "Sök" was off the screen in a row that scrolled sideways, with nothing to say so. The
    others may be scrolled to (a label cut at the edge shows there is more)."""
    wrong = {}
    for lang in site_languages(built_site):
        phone.goto(f"{site_url}/{lang}/")
        items = {target: (in_view, tall) for target, in_view, tall in phone.evaluate(MENU)}
        assert set(items) == {"vagvisare", "be-om-sip", "verksamheter", "sok"}, items
        small = [target for target, (_, tall) in items.items() if not tall]
        if not items["sok"][0] or small:
            wrong[lang] = (items["sok"][0], small)
    assert wrong == {}


def test_a_menu_that_goes_on_past_the_screen_says_so(built_site, site_url, phone):
    """In Arabic the fourth item was wholly off the screen, with no label cut at the edge: the
    row fades out at its end edge while more of it is to come, and at its end the fade sits
    past the last item, which is then whole on the screen."""
    wrong = {}
    for lang in site_languages(built_site):
        phone.goto(f"{site_url}/{lang}/")
        seen = phone.evaluate("""() => {
            const nav = document.querySelector('.huvudmeny'), row = nav.querySelector('ul');
            const fade = getComputedStyle(row, '::after');
            const faded = fade.position === 'sticky' && fade.backgroundImage.includes('gradient');
            const more = nav.scrollWidth > nav.clientWidth;
            nav.scrollLeft = getComputedStyle(nav).direction === 'rtl' ? -nav.scrollWidth : nav.scrollWidth;
            const last = [...row.querySelectorAll('a')].pop().getBoundingClientRect();
            return {more, faded, lastWhole: last.left >= 0 && last.right <= innerWidth};
        }""")
        if seen["more"] and not (seen["faded"] and seen["lastWhole"]):
            wrong[lang] = seen
    assert wrong == {}


def test_headings_never_break_inside_a_word(outcomes, built_site, site_url, phone):
    broken = {url: g["broken"] for url, g in outcomes.items() if g["broken"]}
    for lang in site_languages(built_site):
        for url in (f"/{lang}/", f"/{lang}/sok/", f"/{lang}/verksamheter/"):
            phone.goto(site_url + url)
            if words := phone.evaluate(GEOMETRY)["broken"]:
                broken[url] = words
    assert broken == {}


def test_a_phone_number_is_never_split_over_two_lines(outcomes):
    """Someone reads it off to dial it: "0100-10" on one line and "00 00" on the next misleads.
    The footer's emergency numbers stay together: "90101" alone on a line read as something else."""
    assert {url: g["split"] for url, g in outcomes.items() if g["split"]} == {}


def test_the_links_that_change_an_answer_are_big_enough_for_a_thumb(outcomes):
    """The links "Ändra" and "Ta bort" stand alone beside an answer: 44 × 44 px, as WCAG 2.5.5 asks."""
    assert any("/flera/" in url for url in outcomes)  # a combined answer's "Ta bort" is measured too
    assert {url: g["small"] for url, g in outcomes.items() if g["small"]} == {}


def sensitive_pages(site: Path) -> list[str]:
    """Pages that put emergency help first (violence, suicide, a child in danger), and search."""
    found = [url_of(site, p) for p in html_pages(site) if 'class="akut-forst"' in p.read_text(encoding="utf-8")]
    return found + [url_of(site, p) for p in site.glob("*/sok/index.html")]


def test_every_sensitive_page_has_the_quick_exit(built_site):
    missing = [
        url
        for url in sensitive_pages(built_site)
        if "data-lamna" not in (built_site / url.strip("/") / "index.html").read_text(encoding="utf-8")
    ]
    assert missing == []


def sensitive_kinds(site: Path) -> dict[tuple[str, str], str]:
    """One sensitive page of each kind (question, outcome, combined answer, search) in every language."""
    kinds = {}
    for url in sensitive_pages(site):
        html = (site / url.strip("/") / "index.html").read_text(encoding="utf-8")
        kind = re.search(r'data-nodtyp="(\w+)"', html)
        kinds.setdefault((url.split("/")[1], kind[1] if kind else "sok"), url)
    assert {kind for _, kind in kinds} >= {"fraga", "utfall", "flera", "sok"}
    return kinds


def test_the_quick_exit_is_on_the_first_screen_and_after_scrolling_to_the_bottom(built_site, site_url, phone):
    kinds = sensitive_kinds(built_site)
    hidden = []
    for url in kinds.values():
        phone.goto(site_url + url)
        on_load = phone.evaluate(QUICK_EXIT)
        phone.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        at_bottom = phone.evaluate(QUICK_EXIT)
        if not (on_load and at_bottom):
            hidden.append(url)
    assert hidden == []


def test_nothing_reached_with_tab_is_under_the_quick_exit(built_site, site_url, phone):
    """WCAG 2.4.11: a keyboard user sees what has focus. The fixed button covered two thirds of
    an answer link on a phone until the page kept it clear (scroll-padding)."""
    under = []
    for (lang, _), url in sensitive_kinds(built_site).items():
        if lang not in ("sv", "ar"):  # left to right and right to left; the others are laid out as one of them
            continue
        phone.goto(site_url + url)
        seen = set()
        for _ in range(200):  # until the focus comes round again
            phone.keyboard.press("Tab")
            found = phone.evaluate(UNDER_QUICK_EXIT)
            if found is None:
                continue
            if found[0] in seen:
                break
            seen.add(found[0])
            if found[2]:
                under.append((url, *found[1:]))
        assert len(seen) > 5, url
    assert under == []


LARGE_TEXT = """() => {
  const out = (element) => {
    const r = element.getBoundingClientRect();
    return r.left < -1 || r.right > innerWidth + 1;
  };
  const title = document.querySelector(".webbplatsnamn__titel");
  const lines = new Set([...title.getClientRects()].map((r) => Math.round(r.top))).size;
  const words = title.textContent.trim().split(/\\s+/).length;
  const size = (element) => parseFloat(getComputedStyle(element).fontSize);
  const body = size(document.body);
  // The words of a text node drawn on more than one line though a line of the facts' whole
  // width would hold them (a word wider than the card has to break somewhere).
  const split = (node) => {
    let at = 0;
    return node.data.split(" ").filter((word) => {
      const range = document.createRange();
      range.setStart(node, at); range.setEnd(node, at + word.length); at += word.length + 1;
      const rects = [...range.getClientRects()];
      const width = rects.reduce((sum, r) => sum + r.width, 0);
      const line = node.parentElement.closest(".kort__fakta").clientWidth;
      return new Set(rects.map((r) => Math.round(r.top))).size > 1 && width <= line;
    });
  };
  return {sideways: document.documentElement.scrollWidth > innerWidth,
          small: [...document.querySelectorAll("bdi.nummer")].filter((n) => size(n) < body).length,
          splitAddress: [...document.querySelectorAll(".kort__adress bdi")].flatMap((name) => split(name.firstChild)),
          numbers: [...document.querySelectorAll(".nodlage a")].filter(out).map((a) => a.textContent.trim()),
          titleBroken: lines > words};
}"""


@pytest.mark.parametrize("font_size", [24, 32])  # px: the browser's "large" and "very large" text
def test_large_text_scrolls_nothing_sideways_and_keeps_every_emergency_number_in_view(
    built_site, site_url, browser, font_size
):
    """With the phone's text at 150 % or 200 %, the site's name broke one letter a line, 90101 and
    the guide's answers ran off the right edge, and the page scrolled sideways. Nothing may; no
    phone number may be smaller than the text around it (one was kept in by shrinking it), and
    no word of an address may be split ("Parkv-ägen", in a label column of 40 %)."""
    urls = [f"/{lang}/{path}" for lang in site_languages(built_site) for path in ("", "verksamheter/", "be-om-sip/")]
    urls += [url for url in outcome_pages(built_site) if "/flera/" in url][:: WORST_COMBINED * 2]
    urls.append("/sv/lattlast/")
    wrong = {}
    page = browser.new_page(viewport=PHONE)
    try:
        page.context.new_cdp_session(page).send("Page.setFontSizes", {"fontSizes": {"standard": font_size}})
        for url in urls:
            page.goto(site_url + url)
            found = page.evaluate(LARGE_TEXT)
            if any(found.values()):
                wrong[url] = found
    finally:
        page.close()
    assert len(urls) >= 15 and wrong == {}


def test_escape_leaves_the_page_but_not_while_typing_or_closing_a_menu(browser, site_url):
    """Escape sent someone who cleared the word "våld" from the search box to the weather, and
    someone closing the language list too (a keyboard walk). Escape still leaves from the page
    itself, and Shift three times leaves from anywhere, a text field too (GOV.UK's pattern)."""
    context = browser.new_context()
    context.route("https://www.smhi.se/**", lambda route: route.fulfill(body="SMHI", content_type="text/plain"))
    page = context.new_page()

    def left() -> bool:
        # Waited for, not looked at after 300 ms: on a busy CI host the way out took longer, and
        # the test failed although the page left (session 45). Staying is looked at after 300 ms.
        try:
            page.wait_for_url("https://www.smhi.se/**", timeout=5000)
        except PlaywrightTimeout:
            return False
        return True

    def stayed() -> bool:
        page.wait_for_timeout(300)
        return not page.url.startswith("https://www.smhi.se/")

    page.goto(site_url + "/sv/sok/")
    page.fill("#sok-fraga", "våld")
    page.focus("#sok-fraga")
    page.keyboard.press("Escape")
    assert stayed()
    for letter in "BUP":  # capitals typed with Shift sent a reader away (a persona)
        page.keyboard.press(f"Shift+{letter}")
    assert stayed()
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    assert left()
    page.goto(site_url + "/sv/vagvisare/vald/jag/")
    page.click(".sprakval-val summary")
    page.keyboard.press("Escape")
    assert stayed() and page.evaluate("document.querySelector('.sprakval-val').open") is False
    page.keyboard.press("Escape")
    assert left()
    context.close()
