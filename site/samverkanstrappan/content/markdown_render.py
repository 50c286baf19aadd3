"""Markdown to safe HTML: Python-Markdown renders, nh3 sanitizes.

Python-Markdown passes raw HTML through untouched, so every page goes through
nh3 (the Rust `ammonia` sanitizer: maintained, fast, and strict by default)
instead of a hand-written filter. nh3 strips `id` by default; heading anchors
need it, so it is allowed on headings.
"""

import re
from dataclasses import dataclass
from html.parser import HTMLParser

import nh3

from .textlankar import isolate_latin, link_addresses

_HEADINGS = {"h2", "h3", "h4", "h5", "h6"}
TAGS = {
    "p",
    "a",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "b",
    "i",
    "br",
    "hr",
    "blockquote",
    "code",
    "pre",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "dl",
    "dt",
    "dd",
    "abbr",
    "bdi",
    *_HEADINGS,
}
ATTRIBUTES = {
    "a": {"href", "hreflang", "lang"},
    "abbr": {"title"},
    "th": {"scope"},
    **{tag: {"id"} for tag in _HEADINGS},
    "*": {"lang", "dir"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


@dataclass(frozen=True)
class Rendered:
    html: str
    headings: tuple[tuple[int, str, str], ...]  # (level, id, text)
    links: tuple[str, ...]  # every href, in order
    text: str  # the visible text, one block per line (for LIX and search)


def _renderer():
    """A Markdown converter of its own for each page: one shared would mix two pages that the
    preview's request threads read at once, and a new one costs 0.4 ms. Python-Markdown and its
    extensions are imported on first use (0.12 s): a build whose pages were all parsed before
    (content/parse_cache.py) never needs them."""
    import markdown

    return markdown.Markdown(
        extensions=["toc", "tables", "sane_lists", "attr_list"],
        extension_configs={"toc": {"permalink": False}},
        output_format="html",
    )


def render(source: str, latin_apart: bool = False) -> Rendered:
    """Render an editor's Markdown to sanitized HTML with its headings and links; bare web
    addresses become links, and in a language not written in Latin letters (Arabic,
    Ukrainian) the Swedish names are set apart (isolate_latin)."""
    raw = _renderer().convert(source)
    clean = nh3.clean(
        raw,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )
    clean = link_addresses(_isolate_numbers(clean))
    if latin_apart:
        clean = isolate_latin(clean)
    reader = _Reader()
    reader.feed(clean)
    return Rendered(clean, tuple(reader.headings), tuple(reader.links), reader.text())


# A number in groups ("010-123 45 67", "2026-11-22") is reordered group by group inside
# right-to-left text; <bdi> keeps it in one piece. Only text between tags is touched.
_GROUPED_NUMBER = re.compile(r"(?<![\w-])\+?\d+(?:[ \u00a0-]\d+)+(?![\w-])")
_TEXT_NODE = re.compile(r">([^<]+)<")


def _isolate_numbers(html: str) -> str:
    return _TEXT_NODE.sub(lambda m: ">" + _GROUPED_NUMBER.sub(r"<bdi>\g<0></bdi>", m.group(1)) + "<", html)


_BLOCKS = {"p", "li", "dt", "dd", "td", "th", "blockquote", "pre", *_HEADINGS}


class _Reader(HTMLParser):
    """Collects headings, link targets and block text from sanitized HTML."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.headings: list[tuple[int, str, str]] = []
        self.links: list[str] = []
        self._blocks: list[str] = []
        self._heading: tuple[int, str] | None = None
        self._heading_text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag in _BLOCKS:
            self._blocks.append("\n")
        if tag in _HEADINGS:
            self._heading = (int(tag[1]), attrs.get("id", ""))
            self._heading_text = []

    def handle_endtag(self, tag):
        if tag in _HEADINGS and self._heading:
            self.headings.append((*self._heading, "".join(self._heading_text).strip()))
            self._heading = None
        if tag in _BLOCKS:
            self._blocks.append("\n")

    def handle_data(self, data):
        self._blocks.append(data)
        if self._heading:
            self._heading_text.append(data)

    def text(self) -> str:
        return re.sub(r"\n\s*\n+", "\n", "".join(self._blocks)).strip()
