"""What the quality gates need to know about one built HTML page."""

import re
from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

# An earlier answer on a combined answer's handover card (partials/kort_ocksa.html): with its
# contacts (a list), or with none to add (aldre-minne), its name alone. Group 1 is its id.
CARD_EARLIER = re.compile(
    r'<li id="ocksa-([a-z0-9-]+)" class="overlamningskort__ocksa"(?:[^<]|<(?!/?li\b|ul\b))*(?:<ul>.*?</ul>)?</li>', re.S
)


@dataclass
class Facts:
    html_attrs: dict = field(default_factory=dict)
    csp: str | None = None
    inline_scripts: int = 0
    style_elements: int = 0
    style_attributes: list = field(default_factory=list)
    event_attributes: list = field(default_factory=list)
    stylesheets: list = field(default_factory=list)
    scripts: list = field(default_factory=list)
    links: list = field(default_factory=list)  # every href
    ids: set = field(default_factory=set)
    body_order: list = field(default_factory=list)  # (tag, class) of body's first elements
    tel_links: list = field(default_factory=list)
    main_text: str = ""
    classes_with_lang: dict = field(default_factory=dict)  # lang -> classes of elements marked with it
    switcher_links: list = field(default_factory=list)  # hrefs in the language switcher
    switcher_names: dict = field(default_factory=dict)  # lang -> the language's name as shown
    # Text whose nearest lang= is the page's own, in <body> (scripts and styles excluded)
    own_language_text: list = field(default_factory=list)
    # The classes of each element inside a contact card (article.kort) marked lang="sv"
    card_swedish: list = field(default_factory=list)


class _Parser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.facts = Facts()
        self._depth_in_body = None
        self._in_main = 0
        self._in_sidtext = 0
        self._text: list[str] = []
        self._stack: list[str] = []
        self._in_switcher = 0
        self._switcher_lang = None
        self._langs: list[tuple[str, str | None, bool]] = []  # (tag, lang in effect, inside a card)

    def handle_starttag(self, tag, attrs):
        facts, attrs = self.facts, dict(attrs)
        if tag not in _VOID:
            outer_lang, outer_card = (self._langs[-1][1], self._langs[-1][2]) if self._langs else (None, False)
            classes = (attrs.get("class") or "").split()
            in_card = outer_card or (tag == "article" and "kort" in classes)
            if in_card and attrs.get("lang") == "sv":
                facts.card_swedish.append(" ".join(classes) or tag)  # "bdi": an isolated name
            self._langs.append((tag, attrs.get("lang") or outer_lang, in_card))
        if tag == "html":
            facts.html_attrs = attrs
        if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "content-security-policy":
            facts.csp = attrs.get("content")
        if tag == "script" and attrs.get("src"):
            facts.scripts.append(attrs["src"])
        elif tag == "script":
            facts.inline_scripts += 1
        if tag == "style":
            facts.style_elements += 1
        if "style" in attrs:
            facts.style_attributes.append(tag)
        facts.event_attributes += [name for name in attrs if name.startswith("on")]
        if tag == "link" and "stylesheet" in (attrs.get("rel") or ""):
            facts.stylesheets.append(attrs["href"])
        if attrs.get("href") is not None and tag in ("a", "area"):
            facts.links.append(attrs["href"])
            if attrs["href"].startswith("tel:"):
                facts.tel_links.append(attrs["href"][4:])
        if attrs.get("id"):
            facts.ids.add(attrs["id"])
        if attrs.get("lang") and tag != "html":
            facts.classes_with_lang.setdefault(attrs["lang"], set()).update((attrs.get("class") or "").split())
        if tag == "nav" and "sprakval" in (attrs.get("class") or "").split():
            self._in_switcher = len(self._stack) + 1
        if self._in_switcher and tag == "a":
            facts.switcher_links.append(attrs.get("href"))
            self._switcher_lang = attrs.get("lang")
        if self._stack == ["html", "body"]:
            facts.body_order.append((tag, attrs.get("class", "")))
        if tag == "body":
            self._stack = ["html", "body"]
            return
        if self._stack[:2] == ["html", "body"] and tag not in _VOID:
            self._stack.append(tag)
        if tag == "div" and "sidtext" in (attrs.get("class") or "").split():
            self._in_sidtext = len(self._stack)
        if tag in _BLOCKS and self._in_sidtext:
            self._text.append("\n")

    def handle_endtag(self, tag):
        if self._langs and self._langs[-1][0] == tag:
            self._langs.pop()
        if tag == "a":
            self._switcher_lang = None
        if self._stack and self._stack[-1] == tag and len(self._stack) > 2:
            if self._in_sidtext == len(self._stack):
                self._in_sidtext = 0
            if self._in_switcher == len(self._stack):
                self._in_switcher = 0
            self._stack.pop()
        if tag in _BLOCKS and self._in_sidtext:
            self._text.append("\n")

    def handle_data(self, data):
        inside = self._langs[-1] if self._langs and self._stack[:2] == ["html", "body"] else None
        own = inside and inside[0] not in ("script", "style") and inside[1] == self.facts.html_attrs.get("lang")
        if own and data.strip():
            self.facts.own_language_text.append(data)
        if self._switcher_lang:
            self.facts.switcher_names[self._switcher_lang] = (
                self.facts.switcher_names.get(self._switcher_lang, "") + data
            )
        if self._in_sidtext:
            self._text.append(data)


_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd", "blockquote", "pre"}


def facts_of(html: str) -> Facts:
    parser = _Parser()
    parser.feed(html)
    parser.facts.main_text = "".join(parser._text).strip()
    return parser.facts


@cache
def facts_of_file(path: Path) -> Facts:
    """facts_of() a built page, read once per run: several gates read every page of the site."""
    return facts_of(path.read_text(encoding="utf-8"))
