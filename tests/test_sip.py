"""Be om en SIP in Chromium: prints cleanly without JavaScript; with JavaScript it
is filled in and printed by keyboard alone, and nothing is sent or stored."""

import re

from babel import Locale

SIP = "/sv/be-om-sip/"
FIELDS = ["sip-namn", "sip-ombud", "sip-annan", "sip-hjalp", "sip-med", "sip-tolk"]


def test_sip_pages_are_linked_where_they_should_be(client):
    assert 'href="/sv/be-om-sip/"' in client.get("/sv/").text
    step_five = client.get("/sv/steg/samordningsplan/").text
    assert 'href="/sv/be-om-sip/"' in step_five.split('class="sidtext"', 1)[1]
    assert 'href="/sv/lattlast/be-om-sip/"' in client.get(SIP).text
    assert client.get("/sv/lattlast/be-om-sip/").status_code == 200


def test_someone_with_no_contact_yet_gets_a_number_to_call(app, client):
    """ "Fråga någon du redan har kontakt med" left Maria's son, who has no contact, with no one
    to ask: every SIP page, in every language and lättläst, ends with the contact center's card."""
    store = app.extensions["content"]
    urls = [f"/{lang}/be-om-sip/" for lang in store.languages] + ["/sv/lattlast/be-om-sip/"]
    for url in urls:
        html = client.get(url).text
        box = html[html.index("data-forsta-kontakt") : html.index("</section>", html.index("data-forsta-kontakt"))]
        assert re.findall(r'data-typ="([^"]*)"', box) == ["kontaktcenter"] * len(store.services("kontaktcenter")), url
        assert 'href="tel:' in box, url
        # On a phone the box is nine screens down: a link above the text leads there.
        main = html[html.index("<h1") :]
        assert main.index('href="#forsta-kontakt"') < main.index('class="sidtext"'), url
        assert 'id="forsta-kontakt"' in box, url
        # and to the form itself, six thousand pixels down on a phone (a persona)
        assert main.index('href="#begaran"') < main.index('class="sidtext"') and 'id="begaran"' in html, url


def test_request_has_no_form_to_submit(client):
    html = client.get(SIP).text
    assert "<form" not in html
    for field in FIELDS:
        assert re.search(rf'<label for="{field}">', html), field


def test_prints_without_javascript_as_one_clean_a4_in_every_language(browser, site_url, built_site):
    """In every language and in lättläst. In another language each field's name has its Swedish
    too, for the staff, and the paper took two pages (an Arabic father, session 32)."""
    languages = sorted(path.name for path in built_site.iterdir() if (path / "be-om-sip" / "index.html").is_file())
    urls = [f"/{lang}/be-om-sip/" for lang in languages] + ["/sv/lattlast/be-om-sip/"]
    assert len(urls) > 2
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    pages = {}
    for url in urls:
        page.goto(site_url + url)
        page.emulate_media(media="print")
        visible = page.evaluate("""() => [...document.querySelectorAll('main > *, body > *')]
            .filter(e => e.offsetParent !== null || getComputedStyle(e).display !== 'none')
            .filter(e => getComputedStyle(e).display !== 'none').map(e => e.className || e.tagName)""")
        assert "begaran" in visible, url
        assert not {"nodlage", "sidhuvud", "sidtext", "sidfot"} & set(visible), url
        pages[url] = len(re.findall(rb"/Type\s*/Page[^s]", page.pdf(format="A4")))
    context.close()
    assert pages == dict.fromkeys(urls, 1)


def test_without_javascript_no_button_shows_that_does_nothing(browser, site_url):
    """Print and Copy showed without JavaScript, and did nothing (a persona): a class's display
    had beaten the hidden attribute. The page says how to print instead."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + SIP)
    shown = page.evaluate("""() => [...document.querySelectorAll('.begaran button, .forhandsvisning')]
        .filter(e => e.getClientRects().length > 0).length""")
    instead = page.locator(".begaran__utan-js").is_visible()
    context.close()
    assert shown == 0 and instead


def test_long_text_prints_whole_with_a_way_to_reach_the_person_and_no_outline(browser, site_url):
    page = browser.new_page()
    page.goto(site_url + SIP, wait_until="load")
    assert page.locator("#sip-nas").count() == 1  # how to reach the person who asks
    page.fill("#sip-hjalp", "Jag behöver hjälp med mycket. " * 24)  # about 700 characters
    page.focus("#sip-hjalp")
    page.emulate_media(media="print")
    printed = page.evaluate("""() => { const t = document.querySelector('#sip-hjalp'); const s = getComputedStyle(t);
        return {cut: t.scrollHeight > t.clientHeight + 1, outline: s.outlineStyle, shadow: s.boxShadow,
                buttons: [...document.querySelectorAll('.begaran button')].filter(b => b.offsetParent).length}; }""")
    page.close()
    assert printed == {"cut": False, "outline": "none", "shadow": "none", "buttons": 0}


def test_fill_in_and_print_by_keyboard_with_nothing_sent_or_stored(browser, site_url):
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script("window.__printed = 0; window.print = () => { window.__printed += 1; };")
    page.goto(site_url + SIP, wait_until="load")
    requests = []
    page.on("request", lambda request: requests.append((request.method, request.url)))
    page.focus("#sip-namn")  # then only the keyboard
    page.keyboard.type("Anna Andersson")
    typed = {"sip-namn": "Anna Andersson"}
    for field, text in [
        ("sip-ombud", "Eva, mamma"),  # a mother who asks for her daughter (a receptionist's walk)
        ("sip-annan", "Kuratorn"),
        ("sip-hjalp", "Boende och vård"),
        ("sip-med", "Min syster"),
        ("sip-tolk", "arabiska"),
    ]:
        for _ in range(30):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.id") == field:
                break
        assert page.evaluate("document.activeElement.id") == field
        page.keyboard.type(text)
        typed[field] = text
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.hasAttribute('data-skriv-ut')"):
            break
    page.keyboard.press("Enter")
    assert page.evaluate("window.__printed") == 1
    preview = page.text_content("[data-forhandsvisning]")
    assert all(text in preview for text in typed.values())
    # Only the page's own static files (the favicon may load late), asked for by their version;
    # no other query, no body, no typed text.
    assert all(
        method == "GET" and re.fullmatch(re.escape(site_url) + r"/static/[a-z]+\.[a-z]+\?v=[0-9a-f]{10}", url)
        for method, url in requests
    ), requests
    assert context.cookies() == []
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0
    assert page.url == site_url + SIP
    context.close()


def test_a_phone_number_typed_on_the_arabic_page_reads_left_to_right(browser, site_url, built_site):
    """In a right-to-left field and preview, "070-123 45 67" showed as "67 45 070-123", which
    staff would dial. Each field takes the direction of what is typed in it, and the preview
    isolates each answer in a <bdi> (no invisible marks, which a hand-made copy would carry); the
    copied text stays plain. (A municipality without Arabic: its Swedish page, left to right.)"""
    lang = "ar" if (built_site / "ar").is_dir() else "sv"
    # On a phone too, where the number wraps: it came out as "45 070-123", then "67" (a persona).
    page = browser.new_page(viewport={"width": 375, "height": 740})
    page.goto(f"{site_url}/{lang}/be-om-sip/", wait_until="load")
    page.fill("#sip-nas", "070-123 45 67")
    page.fill("#sip-namn", "يوسف")
    found = page.evaluate("""() => {
        const field = document.querySelector('#sip-nas');
        const preview = document.querySelector('[data-forhandsvisning]');
        const answer = [...preview.querySelectorAll('bdi')].find(bdi => bdi.textContent === '070-123 45 67');
        const text = answer.firstChild;
        const box = (word) => {
            const range = document.createRange(), at = text.data.indexOf(word);
            range.setStart(text, at); range.setEnd(text, at + word.length);
            return range.getBoundingClientRect();
        };
        const left = (word) => box(word).left;
        const oneLine = box('070-123').top === box('67').top && answer.dir === 'ltr';
        return {field: getComputedStyle(field).direction, page: getComputedStyle(document.body).direction,
                inOrder: left('070-123') < left('45') && left('45') < left('67') && oneLine,
                // The answers' lines (a translated opening sentence may isolate a Swedish term).
                marks: /[\u2066-\u2069\u200e\u200f]/.test(preview.textContent.split('\\n').slice(1).join(''))};
    }""")
    # Only a short line is kept whole: three lines of numbers scrolled the page sideways (a review).
    page.fill("#sip-med", "070-111 11 11\n070-222 22 22\n070-333 33 33 070-444 44 44 070-555 55 55")
    wide = page.evaluate("document.documentElement.scrollWidth")
    page.close()
    assert found == {"field": "ltr", "page": "rtl" if lang == "ar" else "ltr", "inOrder": True, "marks": False}
    assert wide <= 375


def test_a_request_made_in_another_language_is_also_in_swedish_for_the_staff(browser, site_url, built_site):
    """Samira filled in the request in Arabic to show the staff, who read Swedish: the preview
    (and so the copied text) ends with the same request in Swedish, with the places ticked named
    in Swedish, and the printed form names every field in Swedish too. A Swedish page is as it
    was. (A municipality without Arabic: its English page; one with Swedish only: nothing.)"""
    other = next((lang for lang in ("ar", "en", "fi", "uk") if (built_site / lang).is_dir()), None)
    page = browser.new_page()
    for lang in filter(None, (other, "sv")):
        page.goto(f"{site_url}/{lang}/be-om-sip/", wait_until="load")
        page.fill("#sip-hjalp", "Skolan 10 år")
        page.check("#sip-kontakt-vardcentral")
        found = page.evaluate("""() => {
            const preview = document.querySelector('[data-forhandsvisning]');
            const swedish = preview.querySelector('[lang=sv]');
            return {swedish: swedish ? swedish.textContent : null, text: preview.textContent};
        }""")
        page.emulate_media(media="print")
        # Every field's label, and the sentence above them, has a Swedish line that prints.
        printed = page.evaluate("""() => [...document.querySelectorAll(`.begaran label, .begaran legend,
            .begaran__mening`)].filter(e => !e.closest('.val')).map(e => {
                const sv = e.querySelector('.pa-svenska');
                return sv ? getComputedStyle(sv).display !== 'none' && sv.lang === 'sv' : false; })""")
        page.emulate_media(media="screen")
        if lang == "sv":
            assert found["swedish"] is None and found["text"].count("Skolan 10 år") == 1
            assert not any(printed)
        else:
            assert found["text"].count("Skolan 10 år") == 2  # as typed, in both
            assert found["swedish"].startswith("På svenska:")
            assert "Jag vill ha en SIP" in found["swedish"] and "Vårdcentralen" in found["swedish"]
            assert len(printed) == 9 and all(printed), printed
    page.close()


def test_the_swedish_half_says_in_which_language_the_person_wrote(browser, site_url, built_site):
    """A Ukrainian mother's own words stood under "På svenska:" with nothing to tell the staff
    that they were Ukrainian (session 33). When the person has written something of their own,
    the Swedish half ends by naming the page's language in Swedish; when not, it does not."""
    page = browser.new_page()
    checked = 0
    for lang in (code for code in ("uk", "ar", "en", "fi") if (built_site / code).is_dir()):
        page.goto(f"{site_url}/{lang}/be-om-sip/", wait_until="load")
        note = page.get_attribute("[data-forhandsvisning]", "data-sv-eget")
        assert Locale.parse("sv").languages[lang] in note
        swedish = "() => document.querySelector('[data-forhandsvisning] [lang=sv]').textContent"
        page.check("#sip-kontakt-vardcentral")
        assert note not in page.evaluate(swedish)  # nothing of their own written yet
        page.fill("#sip-hjalp", "Син не ходить до школи")
        assert page.evaluate(swedish).rstrip().endswith(note)
        checked += 1
    assert checked
    page.close()


def test_the_places_ticked_are_each_isolated_and_parted_by_the_pages_comma(browser, site_url, built_site):
    """A father ticked places and typed BUP on the Arabic page: the preview's one run of mixed
    text came out "BUP ,(Arbetsförmedlingen)" (a persona). Each place is its own <bdi>, parted
    by the Arabic comma in the Arabic block and by a Swedish one in the Swedish block."""
    lang = "ar" if (built_site / "ar").is_dir() else "sv"
    page = browser.new_page()
    page.goto(f"{site_url}/{lang}/be-om-sip/", wait_until="load")
    page.check("#sip-kontakt-skola")
    page.check("#sip-kontakt-arbetsformedlingen")
    page.fill("#sip-annan", "BUP")
    found = page.evaluate("""() => {
        const preview = document.querySelector('[data-forhandsvisning]');
        const swedish = preview.querySelector('[lang=sv]');
        return {own: [...preview.childNodes].filter(n => n.nodeName === 'BDI').map(b => b.textContent),
                between: [...preview.childNodes].filter(n => n.nodeType === 3).map(n => n.data),
                swedish: swedish && [...swedish.childNodes].filter(n => n.nodeType === 3).map(n => n.data)};
    }""")
    page.close()
    comma = "، " if lang == "ar" else ", "
    assert found["own"][-3:][-1] == "BUP" and len(found["own"]) >= 3
    assert found["between"].count(comma) == 2, found
    if lang == "ar":
        assert found["swedish"].count(", ") == 2, found


def test_an_interpreters_language_chosen_from_the_list_is_named_in_swedish_for_the_staff(browser, site_url, built_site):
    """A father typed "العربية" for the interpreter, and the Swedish half for the staff said
    "Jag behöver tolk på: العربية" (a persona). The field suggests languages in the page's
    language; one chosen from them is in Swedish in the Swedish half. Typed freely, it stays."""
    lang = next(code for code in ("ar", "uk", "fi", "en") if (built_site / code).is_dir())
    page = browser.new_page()
    page.goto(f"{site_url}/{lang}/be-om-sip/", wait_until="load")
    arabic = page.eval_on_selector("#sip-sprak option[data-sv=arabiska]", "o => o.value")
    page.fill("#sip-tolk", arabic)
    swedish = page.text_content("[data-forhandsvisning] [lang=sv]")
    # On paper, where the form itself is printed, the field says it in Swedish too (a persona,
    # session 35: the preview said "arabiska", the paper only "العربية").
    page.emulate_media(media="print")
    printed = page.locator("[data-tolk-svenska]")
    on_paper = (printed.text_content(), printed.is_visible())
    page.emulate_media(media="screen")
    on_screen = printed.is_visible()
    page.fill("#sip-tolk", "pashto och dari")
    typed = page.text_content("[data-forhandsvisning] [lang=sv]")
    typed_on_paper = printed.text_content()
    page.close()
    assert "Jag behöver tolk på: arabiska" in swedish and arabic not in swedish
    assert on_paper == ("arabiska", True) and not on_screen
    assert "Jag behöver tolk på: pashto och dari" in typed and typed_on_paper == ""
