"""Reception staff: one entry (/sv/for-personal/), the phone script with a jump list, staff mode
of every outcome and combined answer (what to do, SIP, the safety prompt), and a handover card
that prints as one A4 page with a QR code of the answer's public page. By node id, never wording."""

import json
import random
import re
import shutil
import subprocess
from urllib.parse import unquote

import pytest
from conftest import SAMPLE_SEED, html_pages, url_of
from html_facts import CARD_EARLIER, facts_of
from samverkanstrappan import paths
from samverkanstrappan.content import behov
from samverkanstrappan.content.store import ContentStore
from samverkanstrappan.index import fraga
from samverkanstrappan.render import create_app

SECTION = re.compile(r'<section><h3 id="utfall-([^"]+)"(.*?)</section>', re.S)


def staff_pages(site):
    """(URL, outcome ids, HTML) of every staff view: one per outcome and language, one per combined answer."""
    for path in html_pages(site):
        url = url_of(site, path)
        if "/vagvisare/utfall/" in url:
            html = path.read_text(encoding="utf-8")
            nodes = re.search(r'data-nod="([^"]+)" data-nodtyp="personal', html)
            yield url, nodes.group(1).split() if nodes else [], html


def test_for_personal_leads_to_everything_staff_need(client):
    links = set(facts_of(client.get("/sv/for-personal/").text).links)
    assert {"/sv/vagvisare/", "/sv/vagvisare/manus/", "/sv/verksamheter/", "/sv/be-om-sip/"} <= links


def test_a_staff_card_links_to_its_twin_in_the_other_voice(client, app):
    """A receptionist sent a grandfather the card that says "Jag ska snart hem från sjukhuset",
    in Arabic too: the card in a närstående's words was only linked from the public guide (a
    persona, session 53). Each staff page with a twin for a närstående links to it, and back."""
    content = app.extensions["content"]
    twins = [
        node_id
        for node_id in content.flow.first_narstaende_paths()
        if "sag_sa_har_narstaende" in content.text("sv", node_id).meta
    ]
    assert "hem-fran-sjukhus-yngre" in twins
    for lang in ("sv", "ar"):
        for node_id in twins:
            own, theirs = f"/{lang}/vagvisare/utfall/{node_id}/", f"/{lang}/vagvisare/utfall/{node_id}/narstaende/"
            assert re.search(rf'data-annan-rost[^>]*><a href="{theirs}"', client.get(own).text), own
            assert re.search(rf'data-annan-rost[^>]*><a href="{own}"', client.get(theirs).text), theirs
    assert "data-annan-rost" not in client.get("/sv/vagvisare/utfall/akut-fara/").text


def test_every_page_links_to_the_staff_entry_in_its_footer(client):
    for url in ("/sv/", "/ar/steg/stafettpinne/", "/en/vagvisare/aldre/minnet/", "/sv/vagvisare/flera/aldre/boende/"):
        footer = client.get(url).text.split('<footer class="sidfot">', 1)[1]
        assert re.search(r'href="/\w\w/for-personal/"', footer), url


def test_the_phone_script_jumps_to_every_outcome_and_prompts_for_safety(client, app):
    flow = app.extensions["content"].flow
    html = client.get("/sv/vagvisare/manus/").text
    head = html.split('id="fragor"', 1)[0]
    # Staff actions, the safety prompt and the duty to report a child at risk, up top.
    assert "data-personal" in head and "data-sakerhet" in head and "data-orosanmalan" in head
    # The safety prompt before everything else but the introduction (a receptionist, session 49).
    assert html.index("data-sakerhet") < html.index('class="hoppa-till"') < html.index("data-personal")
    # With the psychiatric emergency's number, which a receptionist on a call about suicide had
    # to look for (a persona, session 53), as on every staff card.
    safety = html[html.index("data-sakerhet") : html.index('class="hoppa-till"')]
    for service in app.extensions["content"].services("psykiatrisk-akut"):
        assert all(f'href="tel:{phone.tel}"' in safety for phone in service.telefon)
    assert app.extensions["content"].services("psykiatrisk-akut")
    # The jump list is made in the browser from the outcomes' headings (the browser test below);
    # without JavaScript, links lead to the questions and to the outcomes.
    assert 'href="#fragor"' in head and 'href="#utfall"' in head and 'id="utfall"' in html
    sections = dict(SECTION.findall(html))
    assert set(sections) == set(flow.outcomes)
    for node_id, section in sections.items():
        assert ('href="#sakerhet"' in section) == flow.outcomes[node_id].hopplos, node_id
        assert ('href="#orosanmalan"' in section) == flow.outcomes[node_id].orosanmalan, node_id
        assert f'href="/sv/vagvisare/utfall/{node_id}/"' in section
    assert {"anhorig", "psykisk-ohalsa", "sjalvmordstankar"} <= {o.id for o in flow.outcomes.values() if o.hopplos}
    assert {"barn-i-fara", "vald-vuxen"} <= {o.id for o in flow.outcomes.values() if o.orosanmalan}


def test_staff_told_of_a_child_at_risk_are_reminded_that_they_must_report_it(client):
    """A school counsellor called for a 15-year-old whose father hits her mother: the staff's
    views said only what the public page says, that one may report a concern anonymously,
    which is not so for someone who works with children (a persona, session 43). The reminder
    is in Swedish on every language's staff view; the public answer does not have it."""
    for url in (
        "/sv/vagvisare/utfall/barn-i-fara/",
        "/ar/vagvisare/utfall/vald-vuxen/",
        "/sv/vagvisare/utfall/flera/vald/barn/",
    ):
        html = client.get(url).text
        assert re.search(r'<h2 id="orosanmalan" lang="sv"|<h2 id="orosanmalan">', html), url
    for url in ("/sv/vagvisare/utfall/flera/aldre/utan-arbete/", "/sv/vagvisare/vald/ett-barn/"):
        assert "data-orosanmalan" not in client.get(url).text, url


def test_the_phone_script_is_in_a_to_o(client):
    assert 'href="/sv/vagvisare/manus/"' in client.get("/sv/a-o/").text


def test_staff_mode_shows_what_to_do_sip_and_the_safety_prompt(built_site):
    store = ContentStore(paths.CONTENT, built_site.name)
    flow, base = store.flow, store.kommun.webbadress.rstrip("/")
    asked_for_others = flow.first_narstaende_paths()
    pages = list(staff_pages(built_site))
    combined = sum(1 for _ in behov.all_combinations(flow))
    outcomes_for_others = sum(1 for node in flow.outcomes if node in asked_for_others)
    assert len(pages) == (len(flow.outcomes) + outcomes_for_others) * len(store.languages) + combined
    wrong = []
    for url, nodes, html in pages:
        outcomes = [flow.outcomes[node] for node in nodes]
        owners = {s.organisation.huvudman for o in outcomes for k in o.verksamheter for s in store.services(k)}
        lang, for_other = url.split("/")[1], url.endswith("/narstaende/")
        if "/flera/" in url:
            public = f"/{lang}/vagvisare/flera/{'/'.join(url.strip('/').split('/')[4:])}/"
        else:
            path = asked_for_others[nodes[0]] if for_other else flow.first_path(nodes[0])
            public = f"/{lang}/vagvisare/{'/'.join(path)}/"
        card = html.split("data-kort", 1)[-1]
        hopeless = any(o.hopplos for o in outcomes)
        checks = {
            "personal": "data-personal" in html,
            # A combined answer may show it for an outcome it does not list (see the next test).
            "sakerhet": ("data-sakerhet" in html) == hopeless or ("/flera/" in url and "data-sakerhet" in html),
            "orosanmalan": ("data-orosanmalan" in html) == any(o.orosanmalan for o in outcomes),
            "sip": ("data-personal-sip" in html) == (len(owners) > 1 or len(outcomes) > 1),
            "sms": f'href="sms:?&amp;body={base + public}"' in unquote(html),
            # Advice to staff: Swedish on every language's page (a persona, session 37).
            "fraga-forst": (
                ("data-fraga-forst" in html) == any(o.lamna_snabbt for o in outcomes)
                and (lang == "sv" or "data-fraga-forst" not in html or 'data-fraga-forst lang="sv"' in html)
            ),
            "kort": "data-kort" in html and f'aria-label="QR-kod: {base + public}"' in html,
            "manus": f'data-manus="sag_sa_har{"_narstaende" if for_other else ""}"' in card,
            "anhorigstod": not for_other or 'data-typ="anhorigstod"' in card,
        }
        if not all(checks.values()):
            wrong.append((url, [name for name, ok in checks.items() if not ok]))
    assert wrong == []


def test_the_answer_a_narstaende_reached_is_handed_over_as_theirs(client, app):
    """A relative's answer led to the card of the person's own (first person, no support for the
    relative, a link to the person's own answer): a receptionist's walk."""
    flow = app.extensions["content"].flow
    path = flow.first_narstaende_paths()["beroende-och-psykisk-ohalsa"]
    answer = client.get(f"/sv/vagvisare/{'/'.join(path)}/").text
    assert 'href="/sv/vagvisare/utfall/beroende-och-psykisk-ohalsa/narstaende/"' in answer
    own = client.get(f"/sv/vagvisare/{'/'.join(flow.first_path('beroende-och-psykisk-ohalsa'))}/").text
    assert 'href="/sv/vagvisare/utfall/beroende-och-psykisk-ohalsa/"' in own


def test_a_combined_answer_keeps_the_safety_prompt_of_the_outcome_reached(client):
    """A worn-out carer ("orkar inte som anhörig", under äldre) who also needs money: the combined
    answer shows äldre's usual outcome, and its staff view lost the prompt."""
    assert "data-sakerhet" in client.get("/sv/vagvisare/utfall/flera/aldre/utan-arbete/").text
    assert "data-sakerhet" not in client.get("/sv/vagvisare/utfall/flera/sjukskriven/utan-arbete/").text


def test_a_caller_turned_down_before_gets_the_first_contact_made_for_them(client):
    # The words are the editors' (vagvisare/sv/personal.md); the staff view always shows them.
    html = client.get("/sv/vagvisare/utfall/flera-inblandade/").text
    assert "data-personal" in html and "data-personal-sip" in html and "data-sakerhet" in html


def test_the_handover_card_gives_the_hours_in_the_callers_language(client):
    """The contacts' names stay Swedish, as on their signs, each isolated in a list that keeps
    the page's language and direction; when to call is for the caller to read. Marked Swedish,
    an Arabic card's list read from the left and its national numbers from the right."""
    html = client.get("/ar/vagvisare/utfall/utan-arbete/").text
    card = html.split('<ul class="overlamningskort__kontakter">', 1)[1].split("</ul>", 1)[0]
    assert card.count('<strong><bdi lang="sv">') == card.count("data-typ=") > 0
    assert set(re.findall(r'lang="([^"]+)"', card)) == {"sv"} and "dir=" not in card
    hours = re.findall(r"</a> <span>\((.*?)\)</span>", card)
    assert len(hours) == card.count('href="tel:') - card.count("data-nummer=")  # every contact's phone
    assert hours and not [text for text in hours if re.search(r"[A-Za-zÅÄÖåäö]{3}", text)]


@pytest.mark.browser
def test_the_staff_card_has_a_print_button_that_prints(browser, site_url):
    """A receptionist looked for one; without JavaScript it stays hidden (Ctrl+P)."""
    page = browser.new_page()
    page.goto(site_url + "/sv/vagvisare/utfall/anhorig/")
    page.evaluate("() => { window.printed = 0; window.print = () => { window.printed += 1; }; }")
    page.locator("[data-skriv-ut]").click()
    assert page.evaluate("window.printed") == 1
    page.close()
    context = browser.new_context(java_script_enabled=False)
    still = context.new_page()
    still.goto(site_url + "/sv/vagvisare/utfall/anhorig/")
    assert still.locator("[data-skriv-ut]").is_hidden()
    context.close()


@pytest.mark.browser
def test_the_phone_scripts_list_finds_an_outcome_by_the_answers_on_the_way_and_says_when_none(
    browser, site_url, built_site
):
    """The jump list has every outcome, in order, with its title; a receptionist types "jobb":
    the outcome of "Jag har förlorat jobbet …" is found, though its title does not say "jobb";
    a word nothing has says so, and is heard."""
    flow = create_app(built_site.name).extensions["content"].flow
    page = browser.new_page()
    try:
        page.goto(f"{site_url}/sv/vagvisare/manus/")
        shown = 'links => links.filter((a) => a.offsetParent).map((a) => a.getAttribute("href"))'
        every = page.eval_on_selector_all(".hoppa-till__lista a", shown)
        assert sorted(every) == sorted(f"#utfall-{node_id}" for node_id in flow.outcomes)
        titles = page.eval_on_selector_all(".hoppa-till__lista a", "links => links.map((a) => a.textContent)")
        headings = page.eval_on_selector_all("h3[id^='utfall-']", "hs => hs.map((h) => h.textContent)")
        assert titles == headings and all(titles)
        page.fill("#manus-filter", "jobb")
        found = page.eval_on_selector_all(".hoppa-till__lista a", shown)
        assert "#utfall-utan-arbete" in found and "#utfall-akut-fara" not in found
        assert page.inner_text("#manus-inga") == ""
        # A caller's own word, in the outcome's search words only (session 29: "demens" and
        # "kronofogden" found nothing, though the site's search finds their pages). They come
        # from the search data, fetched at the first word typed.
        # A word in another form than the search words' loses its ending when it fits nothing
        # as typed: "utskriven" for "utskrivning" (a receptionist persona, session 36).
        for word, outcome in [
            ("demens", "aldre-minne"),
            ("kronofogden", "pengar-racker-inte"),
            ("utskriven", "hem-fran-sjukhus"),
            ("hotar", "vald-vuxen"),  # a caller's word for violence (a persona, session 37)
        ]:
            page.fill("#manus-filter", word)
            link = f'.hoppa-till__lista a[href="#utfall-{outcome}"]'
            # A locator, not wait_for_function: its string is eval'd at each poll in the page,
            # which the site's CSP (no 'unsafe-eval') refuses once the first check says no.
            page.locator(link).wait_for(state="visible", timeout=5000)
            assert page.inner_text("#manus-inga") == ""
        # Two needs in two words: no outcome has both, so those with either are shown, and
        # the status says so (a receptionist persona, session 36).
        page.fill("#manus-filter", "demens jobb")
        found = page.eval_on_selector_all(".hoppa-till__lista a", shown)
        assert {"#utfall-aldre-minne", "#utfall-utan-arbete"} <= set(found) and "#utfall-akut-fara" not in found
        assert page.inner_text("#manus-inga") == page.get_attribute("#manus-inga", "data-nagot")
        # A caller's whole sentence: the answer with the most of its words first, not the page's
        # order (the debts' answer was 14th), and a comma is no part of a word ("jobb,"; a
        # receptionist persona, session 53).
        page.fill("#manus-filter", "jag har skulder hos kronofogden, dricker för mycket och har inget jobb")
        assert page.eval_on_selector_all(".hoppa-till__lista a", shown)[0] == "#utfall-pengar-racker-inte"
        page.fill("#manus-filter", "xyzzyqq")
        assert page.eval_on_selector_all(".hoppa-till__lista a", shown) == []
        # Said once the search words are in (manus.js says nothing while they are on their way;
        # under load they came after this line, and the test failed one run in six).
        page.wait_for_selector("#manus-inga:not(:empty)", state="attached", timeout=5000)
        assert page.get_attribute("#manus-inga", "role") == "status"
        page.fill("#manus-filter", "")
        assert page.inner_text("#manus-inga") == ""
    finally:
        page.close()


@pytest.mark.browser
def test_the_phone_scripts_list_puts_the_crisis_answers_first_for_a_callers_words_for_danger(
    browser, site_url, built_site
):
    """A receptionist typed her caller's "orkar inte mer": the list showed the carers' answer,
    not the crisis (a persona, session 49). The words the site's search reads as danger put
    those answers first, in the search's order (fraga.crisis, the server's reading of the
    same data), whatever else fits; an everyday word keeps the page's order."""
    data = json.loads((built_site / "sok/sv.json").read_text(encoding="utf-8"))
    shown = 'links => links.filter((a) => a.offsetParent).map((a) => a.getAttribute("href"))'
    page = browser.new_page()
    try:
        page.goto(f"{site_url}/sv/vagvisare/manus/")
        every = page.eval_on_selector_all(".hoppa-till__lista a", shown)
        for words in ("orkar inte mer", "pappa slår mig", "sover ute inatt", "min mamma hotar mig"):
            kinds = fraga.analyse(words, data)["kris"]
            assert kinds, words
            page.fill("#manus-filter", words)
            first = f'.hoppa-till__lista li:first-child a[href="#utfall-{kinds[0]}"]'
            page.locator(first).wait_for(state="visible", timeout=5000)
            found = page.eval_on_selector_all(".hoppa-till__lista a", shown)
            assert found[: len(kinds)] == [f"#utfall-{kind}" for kind in kinds], words
            assert page.inner_text("#manus-inga") == ""
        page.fill("#manus-filter", "jobb")
        found = page.eval_on_selector_all(".hoppa-till__lista a", shown)
        assert not fraga.analyse("jobb", data)["kris"] and found == [href for href in every if href in found]
    finally:
        page.close()


@pytest.mark.browser
def test_the_phone_scripts_list_reads_a_short_word_as_a_word(browser, site_url):
    """A caller's "min son dricker": "son" fitted every "person" and "min" every "minne", and the
    list showed only the adults' answer on drinking, without the child's (a receptionist
    persona, session 52). A short word fits a word's beginning, and the search's stop words
    are no words to find."""
    shown = 'links => links.filter((a) => a.offsetParent).map((a) => a.getAttribute("href"))'
    page = browser.new_page()
    held = []
    try:
        page.goto(f"{site_url}/sv/vagvisare/manus/")
        data = page.get_attribute("#manus-filter", "data-sokdata")
        page.route(f"**/{data.rsplit('/', 1)[-1]}", lambda route: held.append(route))
        page.fill("#manus-filter", "min son dricker")
        page.wait_for_timeout(300)
        # Until the search data (and its stop words) is in, "min" fits nothing: the list says
        # nothing then, not that only some words fit (it did, for a moment, in session 52).
        assert held and page.text_content("#manus-inga") == ""
        held[0].continue_()
        # Locators, not wait_for_function: the site's CSP refuses the latter's polling.
        page.locator('.hoppa-till__lista a[href="#utfall-barn-beroende"]').wait_for(state="visible", timeout=5000)
        assert page.text_content("#manus-inga") == ""
        page.fill("#manus-filter", "son")
        assert "#utfall-psykisk-ohalsa-samordning" not in page.eval_on_selector_all(".hoppa-till__lista a", shown)
    finally:
        page.close()


@pytest.fixture(scope="module")
def print_page(browser, site_url):
    context = browser.new_context(viewport={"width": 900, "height": 1200})
    page = context.new_page()
    page.emulate_media(media="print")
    yield page
    context.close()


A4_CONTENT_HEIGHT = (297 - 2 * 15) / 25.4 * 96  # CSS px inside the 15 mm margins of @page
A4_CONTENT_WIDTH = (210 - 2 * 15) / 25.4 * 96


def card_sizes(url: str, html: str) -> dict[str, int]:
    """How much a card holds, its text and its lines, at its address and at each address that
    names an earlier answer (#ocksa-<id>, shown in the card then). The fullest are the tallest."""
    card = html.split("data-kort", 1)[1]
    variants = {url: CARD_EARLIER.sub("", card)}
    for match in CARD_EARLIER.finditer(card):
        variants[f"{url}#ocksa-{match.group(1)}"] = variants[url] + match.group(0)
    return {
        address: len(re.sub(r"<svg.*?</svg>|<[^>]+>", "", shown, flags=re.S)) + 80 * shown.count("<li")
        for address, shown in variants.items()
    }


@pytest.mark.browser
def test_every_handover_card_prints_on_one_a4_page(print_page, built_site, site_url):
    """Laid out for print at the A4 page's width, a card is at most one page tall. A card's height
    grows with what it holds (card_sizes), so the test measures the 40 fullest cards of the site,
    every outcome's card in Swedish, and a seeded sample of the rest; a few are printed to PDF
    to check that the measure tells the truth. A combined answer's card is measured also with
    each earlier answer it can show (#ocksa-<id>)."""
    print_page.set_viewport_size({"width": round(A4_CONTENT_WIDTH), "height": round(A4_CONTENT_HEIGHT)})
    sizes = {
        address: size for url, _, html in staff_pages(built_site) for address, size in card_sizes(url, html).items()
    }
    fullest = sorted(sizes, key=lambda url: -sizes[url])
    swedish = [url for url in sizes if url.startswith("/sv/") and "/flera/" not in url]
    rest = [url for url in fullest[40:] if url not in swedish]
    chosen = list(dict.fromkeys(fullest[:40] + swedish + random.Random(SAMPLE_SEED).sample(rest, min(30, len(rest)))))
    too_tall = []
    for url in chosen:
        print_page.goto("about:blank")  # an address that differs only by its #part would not load the page again
        print_page.goto(site_url + url, wait_until="load")
        height = print_page.evaluate("document.documentElement.scrollHeight")
        if height > A4_CONTENT_HEIGHT:
            too_tall.append((url, height))
    assert too_tall == []
    for url in fullest[:3] + swedish[:2]:
        print_page.goto("about:blank")
        print_page.goto(site_url + url, wait_until="load")
        pdf = print_page.pdf(format="A4", prefer_css_page_size=True)
        assert len(re.findall(rb"/Type\s*/Page\b", pdf)) == 1, url


@pytest.mark.browser
def test_the_qr_code_opens_the_answers_public_page(print_page, built_site, site_url, tmp_path):
    zbarimg = shutil.which("zbarimg")
    assert zbarimg, "zbarimg is missing: apt-get install zbar-tools"
    store = ContentStore(paths.CONTENT, built_site.name)
    base, last = store.kommun.webbadress.rstrip("/"), store.languages[-1]
    for url, expected in (
        ("/sv/vagvisare/utfall/anhorig/", "/sv/vagvisare/aldre/orkar-inte-som-anhorig/"),
        (f"/{last}/vagvisare/utfall/akut-fara/", f"/{last}/vagvisare/fara-nu/"),
        ("/sv/vagvisare/utfall/flera/aldre/beroende/", "/sv/vagvisare/flera/aldre/beroende/"),
    ):
        print_page.goto(site_url + url, wait_until="load")
        image = tmp_path / "qr.png"
        print_page.locator(".overlamningskort__qr svg").screenshot(path=str(image))
        decoded = subprocess.run([zbarimg, "--quiet", "--raw", str(image)], capture_output=True, text=True)
        assert decoded.stdout.strip() == base + expected, (url, decoded.stdout, decoded.stderr)
        assert not decoded.stdout.strip().endswith(url)  # the public page, never the card's own


def test_the_swedish_staff_page_offers_the_same_answer_in_the_callers_language(app, client):
    """A receptionist sent a Finnish-speaking daughter the Swedish link, not knowing there was
    a Finnish one (a persona). The Swedish staff pages link to it; the others need not."""
    others = [code for code in app.extensions["content"].languages if code != "sv"]
    pages = {
        "/sv/vagvisare/utfall/aldre-minne/narstaende/": "/{}/vagvisare/utfall/aldre-minne/narstaende/",
        "/sv/vagvisare/utfall/flera/aldre/beroende/": "/{}/vagvisare/flera/aldre/beroende/",
    }
    for page, pattern in pages.items():
        html = client.get(page).text
        offered = re.search(r"<p[^>]*data-andra-sprak.*?</p>", html, re.S).group(0)
        wanted = [pattern.format(code) for code in others]
        assert re.findall(r'href="([^"]+)"', offered) == wanted, page
        assert all(client.get(url).status_code == 200 for url in wanted)
    assert "data-andra-sprak" not in client.get("/fi/vagvisare/utfall/aldre-minne/").text


def print_links(html: str) -> tuple[bool, list[str]]:
    """Whether a page offers to print itself, and where its link for staff leads."""
    links = re.search(r'<p class="utskrift-lank[^"]*">.*?</p>', html, re.S).group(0)
    printed = "data-skriv-ut" in links and "kopiera.js" in html
    return printed, re.findall(r'<a href="([^"]+)"[^>]*data-lank="personal"', links)


def test_an_answer_prints_itself_and_names_the_staffs_page(app, client):
    """An Arabic-speaking father (session 32) and a widow after a stroke (session 33) took
    "print for handover" and landed on a page for staff that opens with a question about
    suicide. Every answer prints itself, in every language, the staff's page is a second link,
    and the staff's page of a combined answer leads first to the answer in each language."""
    behov = "barn/psykisk-ohalsa/utan-arbete"
    for lang in ("ar", "sv"):
        html = client.get(f"/{lang}/vagvisare/flera/{behov}/").text
        assert print_links(html) == (True, [f"/sv/vagvisare/utfall/flera/{behov}/"]), lang
        html = client.get(f"/{lang}/vagvisare/for-nagon-annan/boende/").text
        assert print_links(html) == (True, [f"/{lang}/vagvisare/utfall/boende/narstaende/"]), lang
    lattlast = client.get("/sv/lattlast/vagvisare/tankar-pa-att-do/").text
    assert print_links(lattlast) == (True, [])
    staff = client.get(f"/sv/vagvisare/utfall/flera/{behov}/").text
    first = re.search(r"<p[^>]*data-till-ditt-sprak>.*?</p>", staff, re.S)
    others = [code for code in app.extensions["content"].languages if code != "sv"]
    assert first and staff.index("data-till-ditt-sprak") < staff.index("<h1")
    assert re.findall(r'href="([^"]+)"', first.group(0)) == [f"/{code}/vagvisare/flera/{behov}/" for code in others]


def test_a_receptionist_jumps_from_the_top_of_a_staff_page_to_the_card(client):
    """The card with the numbers began 2.4 screens down on a desk's screen, below the same help
    text on every staff page (a receptionist persona, session 36)."""
    for url in ("/sv/vagvisare/utfall/funktion-barn/", "/sv/vagvisare/utfall/flera/barn/utan-arbete/"):
        html = client.get(url).text
        jump = html.index("data-genvag-kort")
        assert 'href="#kort-rubrik"' in html[jump : jump + 100] and 'id="kort-rubrik"' in html
        assert jump < html.index('id="personal"'), url  # above the help text, and the safety prompt
        assert "data-sakerhet" not in html or jump < html.index("data-sakerhet"), url
    assert "data-genvag-kort" not in client.get("/uk/vagvisare/utfall/funktion-barn/").text


def test_a_reader_on_a_staff_page_in_their_language_is_told_where_their_card_is(client):
    html = client.get("/uk/vagvisare/utfall/funktion-barn/").text
    told = html.index("data-till-kortet")
    assert told < html.index('id="personal"') and 'href="#kort-rubrik"' in html[told : told + 200]
    assert 'id="kort-rubrik"' in html
    assert "data-till-kortet" not in client.get("/sv/vagvisare/utfall/funktion-barn/").text


def test_a_combined_card_says_which_contact_is_for_which_need(built_site):
    """A caller with three needs and eight numbers on paper asked which one was for her son
    (sessions 33 and 35). The card names the needs once, numbered in the page's order, and
    each contact says by those numbers which needs it is there for (behov.needs_of_kind)."""
    flow = ContentStore(paths.CONTENT, built_site.name).flow
    combined = [(url, html) for url, _, html in staff_pages(built_site) if "/utfall/flera/" in url]
    assert combined
    for url, html in combined:
        chosen = tuple(url.split("/utfall/flera/", 1)[1].strip("/").split("/"))
        card = html.split("data-kort", 1)[1]
        assert re.findall(r'data-behov="([^"]+)"', card) == list(chosen), url
        # An earlier answer's contacts (shown only when the address names it) are for its need.
        for earlier in CARD_EARLIER.finditer(card):
            need = re.search(r'data-for-behov="([^"]+)"', earlier.group(0)).group(1)
            said = re.search(r'class="overlamningskort__for">[^<]*?(\d+)</span>', earlier.group(0)).group(1)
            assert int(said) == chosen.index(need) + 1, (url, earlier.group(1))
        card = CARD_EARLIER.sub("", card)
        kinds = behov.needs_of_kind(flow, chosen)
        contacts = re.findall(r'<li data-typ="([^"]+)"(?: data-for-behov="([^"]+)")?>(.*?)</li>', card, re.S)
        assert contacts, url
        for kind, needs, text in contacts:
            assert needs.split() == list(kinds[kind]), (url, kind)
            numbers = re.search(r'class="overlamningskort__for">[^<]*?([\d, ]+)</span>', text).group(1)
            assert [int(n) for n in numbers.split(",")] == [chosen.index(n) + 1 for n in needs.split()], (url, kind)
    single = next(html for url, _, html in staff_pages(built_site) if "/utfall/flera/" not in url)
    assert "data-for-behov" not in single and "overlamningskort__behov" not in single


def test_a_card_in_another_language_says_one_may_ask_for_an_interpreter(app, client):
    """A Finnish card named first a service whose staff speak Swedish, Arabic and Somali, and
    said nothing of an interpreter (a receptionist persona, session 37). A card says it when one
    of its services does not speak the card's language; a Swedish card never."""
    from samverkanstrappan.render.kort import needs_interpreter

    store = app.extensions["content"]
    kinds = store.flow.outcomes["vald-vuxen"].verksamheter
    services = [service for kind in kinds for service in store.services(kind)]
    for lang in store.languages:
        card = client.get(f"/{lang}/vagvisare/utfall/vald-vuxen/").text.split("data-kort", 1)[1]
        expected = any(needs_interpreter(service, lang) for service in services)
        assert ("data-tolk" in card) == expected, lang
        # Never in Swedish; in Finnish, the persona's card (socialtjänsten speaks no Finnish here).
        assert expected == (lang != "sv") if lang in ("sv", "fi") else True, lang
