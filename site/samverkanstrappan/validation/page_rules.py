"""Rules for Markdown pages. Each yields Problem(file, line, code, message), the message in Swedish."""

import html
import re
from urllib.parse import unquote, urlsplit

from ..content.lix import lix, words
from ..content.pages import LATTLAST, START
from ..content.problems import Problem
from ..content.sprak import SOURCE
from .registry import codes, each_page

# Readability limits (LIX): the brief's plain-language bar, lower for lättläst.
LIX_DEFAULT = 40
LIX_LIMITS = {"be-om-sip": 35}
LIX_LATTLAST = 30
# LIX is an average over sentences and words, so a short text says nothing: "Välkommen." alone
# is 101, "Välkommen till träffpunkterna." 70 (an editor's walk, session 44). Under this many
# words a page is not judged; the shortest bundled Swedish page has 169.
LIX_MIN_WORDS = 40

_SAFE_TAGS = {"br", "abbr", "strong", "em", "b", "i", "p", "ul", "ol", "li", "code"}
_RAW_TAG = re.compile(r"<\s*(/?)\s*([a-zA-Z][\w-]*)([^>]*)>")
_EVENT_ATTR = re.compile(r"\bon[a-z]+\s*=", re.IGNORECASE)


def lix_limit(key: str) -> int:
    if key.startswith(LATTLAST):
        return LIX_LATTLAST
    return LIX_LIMITS.get(key, LIX_DEFAULT)


def site_pages(store):
    """The pages (not the vägvisare's texts nor the municipality's additions)."""
    return sorted(store.pages.values(), key=lambda page: page.file)


def markdown_pages(store):
    """Pages, the vägvisare's texts and local additions: everything an editor writes in Markdown."""
    return sorted([*store.pages.values(), *store.texts.values(), *store.additions.values()], key=lambda page: page.file)


@codes(
    SV210="HTML-taggen är inte tillåten i en sida. Skriv texten i Markdown.",
    SV211="HTML med on...= eller style= är inte tillåtet.",
    SV212="Länkar med javascript: är inte tillåtna.",
)
@each_page(markdown_pages)
def unsafe_html(page):
    """Raw HTML that could run code or break the page is refused, not just cleaned. A tag is
    read over several lines, as a browser reads it."""
    for match in _RAW_TAG.finditer(page.body):
        closing, tag, attrs = match.groups()
        number = page.body_line + page.body.count("\n", 0, match.start())
        if closing:
            continue
        if tag.lower() == "img":
            message = "HTML-taggen <img> är inte tillåten: sidorna kan inte visa bilder. Skriv det bilden visar."
            yield Problem(page.file, number, "SV210", message)
        elif tag.lower() not in _SAFE_TAGS:
            yield Problem(
                page.file,
                number,
                "SV210",
                f"HTML-taggen <{tag.lower()}> är inte tillåten. Skriv texten i Markdown i stället.",
            )
        elif _EVENT_ATTR.search(attrs) or "style" in attrs.lower():
            yield Problem(page.file, number, "SV211", "HTML med on...= eller style= är inte tillåtet.")
    for number, line in enumerate(page.body.splitlines(), start=page.body_line):
        if re.search(r"javascript\s*:", _decoded(line), re.IGNORECASE):
            yield Problem(page.file, number, "SV212", "Länkar med javascript: är inte tillåtna.")


# Where a Markdown page names an address: [text](address), ![bild](address), a reference
# definition [id]: address, <address>, href= and src=.
_TARGET = re.compile(
    r"(?P<bang>!?)\[[^\]]*\]\(\s*<?(?P<inline>[^)\s>]+)"
    r"|^\s*\[(?P<ref>[^\]]+)\]:\s*<?(?P<defined>\S+?)>?\s*$"
    r"|<(?P<auto>[a-zA-Z][\w+.-]*:[^>\s]*)>"
    r"|(?P<attr>href|src)\s*=\s*[\"']?(?P<value>[^\"'\s>]+)",
    re.IGNORECASE,
)
# ![text][id], ![id][] and ![id]: the ids whose definitions are images.
_IMAGE_REF = re.compile(r"!\[([^\]]*)\](?:\[([^\]]*)\])?")


def _decoded(text: str) -> str:
    """The text as a browser reads an address in it: entities and %-escapes decoded, and the
    blanks and control characters that browsers skip inside a scheme taken out."""
    return re.sub(r"[\x00-\x20\x7f]+", "", unquote(html.unescape(text)))


@codes(
    SV213="En bild, video eller karta hämtas från en annan webbplats.",
    SV214="En länk använder http:// i stället för https://.",
    SV215="En länk eller bild använder data:, vbscript: eller file:.",
    SV216="En sida har en bild, men sidorna kan inte visa bilder.",
)
@each_page(markdown_pages)
def unsafe_addresses(page):
    """Images from other sites (a third-party request for every reader), unencrypted links and
    addresses that carry their own content are refused with their line; nh3 stays behind as
    the safety net that would otherwise strip them without a word. Pages show no images at
    all (docs/decisions.md, Content), so any other image is refused too: it vanished."""
    image_ids = {(found[1] or found[0]).strip().lower() for found in _IMAGE_REF.findall(page.body)}
    for number, line in enumerate(page.body.splitlines(), start=page.body_line):
        for match in _TARGET.finditer(line):
            parts = match.groupdict()
            markdown_image = parts["bang"] == "!" or (parts["ref"] or "").strip().lower() in image_ids
            image = markdown_image or (parts["attr"] or "").lower() == "src"
            written = parts["inline"] or parts["defined"] or parts["auto"] or parts["value"]
            address = _decoded(written).lower()
            scheme = address.split(":", 1)[0] if re.match(r"[a-z][\w+.-]*:", address) else ""
            if scheme in ("data", "vbscript", "file"):
                yield Problem(
                    page.file,
                    number,
                    "SV215",
                    f"Adresser med {scheme}: är inte tillåtna. Länka till en vanlig webbsida.",
                )
            elif image and (scheme or address.startswith("//")):
                yield Problem(
                    page.file,
                    number,
                    "SV213",
                    ("Bilden" if markdown_image else "Det som bäddas in här (en bild, en video eller en karta)")
                    + " hämtas från en annan webbplats, och då ser den webbplatsen varje läsare. Sidorna kan "
                    "inte heller visa sådant: ta bort det, och skriv med ord det visar, eller länka dit.",
                )
            elif markdown_image and not scheme:  # an <img> tag is SV210 already
                yield Problem(
                    page.file,
                    number,
                    "SV216",
                    f"Sidorna kan inte visa bilder, så '{written[:60]}' skulle inte synas. Skriv med ord det "
                    "bilden visar (en adress i stället för en karta), eller länka till en sida där bilden finns.",
                )
            elif scheme == "http":
                yield Problem(
                    page.file,
                    number,
                    "SV214",
                    f"Länken '{address[:60]}' använder http://. Skriv https:// (de flesta webbplatser har det).",
                )


@codes(SV205="En sida har samma namn som en av webbplatsens egna sidor (till exempel sok eller verksamheter).")
@each_page(site_pages)
def name_not_taken(page):
    """A page whose address one of the site's own pages answers would be listed on A–Ö and
    never shown (or, for lattlast, stop the build): the names are the route table's."""
    from ..routes import reserved  # the route table reads the store, which this package checks

    url = reserved.taken(page.lang, page.key)
    if url:
        shown = ", ".join(f"{name} (och allt i {name}/)" if below else name for name, below in reserved.names())
        yield Problem(
            page.file,
            1,
            "SV205",
            f"Sidan kan inte heta '{page.key}': adressen {url} är redan en av webbplatsens egna sidor, "
            f"så den här sidan skulle aldrig visas. Ge filen ett annat namn. Namn som är upptagna: {shown}.",
        )


def _link_line(page, href: str) -> int:
    """The line where the link to `href` is written: [text](href), a reference definition
    `[id]: href`, <href> or raw HTML's href=. (Only the first was looked for, so a link in
    raw HTML was reported on the line where the text starts, often a blank one.)"""
    needles = (f"({href}", f"]: {href}", f"<{href}>", f'="{href}"', f"='{href}'", f"={href}")
    for number, line in enumerate(page.body.splitlines(), start=page.body_line):
        if any(needle in line for needle in needles):
            return number
    return page.body_line


@codes(
    SV220="En länk inom webbplatsen börjar inte med /.",
    SV221="En länk leder till en sida som inte finns.",
    SV222="En länk pekar på en rubrik (#) som inte finns på sidan.",
)
def links_resolve(store, site_urls):
    """Every link inside the site leads to a page (and heading) that exists."""
    from ..routes import Router, reserved  # the route table reads the store, which this package checks

    router = store.shared("router", Router)  # it remembers the URLs it built
    # Not a page named like one of the site's own (SV205 says it is never shown): a link to
    # /sv/verksamheter/#bup is to the directory, and one mistake is one line.
    anchors = {
        router.page_url(lang, key): {h[1] for h in page.rendered.headings}
        for (lang, key), page in store.pages.items()
        if not reserved.taken(lang, key)
    }
    flow_usable = store.flow is not None and store.flow.node(store.flow.start) is not None
    # A page whose file cannot be read (said where it is) has no address yet: a link to it is fine.
    unread = {router.page_url(lang, key) for _, key in store.unread_pages for lang in store.languages}
    for page in markdown_pages(store):
        for href in page.rendered.links:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc:
                continue
            if not flow_usable and "/vagvisare/" in parts.path:
                continue  # the vägvisare's pages are unknown until flode.yaml can be read (SV101–SV106, SV301)
            line = _link_line(page, href)
            if not parts.path.startswith("/"):
                yield Problem(page.file, line, "SV220", f"Länken '{href}' ska börja med / , till exempel /sv/om/.")
            elif parts.path not in site_urls and parts.path not in unread:
                hint = " Adresser slutar med /." if parts.path + "/" in site_urls else ""
                yield Problem(page.file, line, "SV221", f"Länken '{href}' leder till en sida som inte finns.{hint}")
            elif parts.fragment and parts.path in anchors and parts.fragment not in anchors[parts.path]:
                message = f"Länken '{href}' pekar på en rubrik (#{parts.fragment}) som inte finns på sidan."
                yield Problem(page.file, line, "SV222", message)


@codes(
    SV230="En rubrik hoppar över en nivå (till exempel ### direkt efter titeln).",
    SV231="En rubrik har bara en #. Sidans huvudrubrik kommer från titel.",
)
@each_page(markdown_pages)
def headings_in_order(page):
    """The title is the page's only h1; headings go down one level at a time."""
    level = 1
    for heading_level, _, text in page.rendered.headings:
        if heading_level > level + 1:
            yield Problem(
                page.file,
                page.line_of(text),
                "SV230",
                f"Rubriken '{text}' hoppar över en nivå. Använd {'#' * (level + 1)} här.",
            )
        level = heading_level
    for number, line in enumerate(page.body.splitlines(), start=page.body_line):
        if re.match(r"#\s", line):
            message = "Använd ## för rubriker. Sidans huvudrubrik kommer från 'titel'."
            yield Problem(page.file, number, "SV231", message)


@codes(SV240="En svensk sida säger inte vilket trappsteg den hör till.")
def trappsteg_given(store, site_urls):
    """Every Swedish page but the start page says where it sits (translations follow it)."""
    for page in site_pages(store):
        if page.lang == SOURCE and page.key not in (START, LATTLAST + START) and "trappsteg" not in page.front_matter:
            yield Problem(
                page.file,
                page.front_matter.line,
                "SV240",
                "Nyckeln 'trappsteg' saknas. Skriv vilket steg i trappan sidan hör till.",
            )


@codes(SV250="En svensk sida är för svår att läsa (LIX över gränsen).")
@each_page(site_pages)
def readable(page):
    """Swedish pages are easy to read: LIX at most 40 (lower for lättläst)."""
    if page.lang != SOURCE:
        return
    if len(words(page.rendered.text)) < LIX_MIN_WORDS:
        return
    value = lix(page.rendered.text)
    if value > lix_limit(page.key):
        yield Problem(
            page.file,
            page.text_line,
            "SV250",
            f"Texten är för svår att läsa: LIX {value:.0f}, högst "
            f"{lix_limit(page.key)} är tillåtet. Skriv kortare "
            "meningar och kortare ord.",
        )


RULES = (unsafe_html, unsafe_addresses, name_not_taken, links_resolve, headings_in_order, trappsteg_given, readable)
