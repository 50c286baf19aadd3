"""Rules for how much a page holds: what a phone must download, and what a reader can finish.

The site's pages weigh at most 50 kB with the header, menu and style sheets (about 25 kB
of that). A page's own text is checked here, before anything is built, so the editor hears
which file is too long instead of the build's gates failing on a built page.
"""

from ..content.problems import WARNING, Problem
from .page_rules import markdown_pages, site_pages
from .registry import codes, each_page

# The longest page today is about 900 words (Be om en SIP in English); 2,000 is ten minutes
# of reading in a second language, on a phone.
MAX_WORDS = 2000
# The page's own HTML; with the rest of the page (about 25 kB) it must stay under 50 kB.
MAX_BODY_BYTES = 24 * 1024


@codes(
    SV270="En sida har mer text än någon hinner läsa (över 2 000 ord).",
    SV271="En sidas text gör sidan för tung att hämta på en telefon (över 50 kB med resten av sidan).",
)
@each_page(markdown_pages)
def pages_fit(page):
    """Each page's text is short enough to be read, and light enough to load on a phone."""
    words, weight = len(page.rendered.text.split()), len(page.rendered.html.encode())
    found = [
        (
            words > MAX_WORDS,
            "SV270",
            f"Sidan har {words} ord; högst {MAX_WORDS} går att läsa på en gång. "
            "Korta texten eller dela den på flera sidor.",
        ),
        (
            weight > MAX_BODY_BYTES,
            "SV271",
            f"Sidans text blir {weight // 1024} kB HTML; högst {MAX_BODY_BYTES // 1024} kB får plats i en sida "
            "på 50 kB. Korta texten, ta bort inklistrad HTML eller dela sidan.",
        ),
    ]
    for too_much, code, message in found:
        if too_much:
            yield Problem(page.file, page.body_line, code, message)


# The longest bundled page title is 38 characters; a title names the page in the browser's tab,
# in search results and in the menu's breadcrumb, where a sentence of 500 characters was taken.
MAX_TITLE = 80


@codes(SV272="En sidas titel är längre än 80 tecken (varning).")
@each_page(site_pages)  # the vägvisare's outcome titles are sentences
def title_short(page):
    """A page's title is a name, not a paragraph: a 520-character titel passed (an editor's walk,
    session 44). The vägvisare's outcomes are sentences and are not pages here."""
    title = page.meta.get("titel", "")
    if len(title) > MAX_TITLE:
        yield Problem(
            page.file,
            page.front_matter.line_of("titel"),
            "SV272",
            f"Titeln är {len(title)} tecken; högst {MAX_TITLE} syns hel i webbläsarens flik och i "
            "sökträffar. Skriv resten i beskrivning: eller i texten.",
            WARNING,
        )


RULES = (pages_fit, title_short)
