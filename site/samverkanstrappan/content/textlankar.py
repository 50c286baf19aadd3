"""Small fixes to text a reader sees: web addresses become links, and Swedish names inside
right-to-left text are isolated so that Arabic reads in the right order.

Both work on HTML that is already sanitized and escaped, and touch only the text between
tags (never an attribute, an entity or what is already a link), so they are safe to run on
an editor's rendered Markdown and on a plain escaped string alike."""

import re

# A bare web address as people write it in a sentence: "1177.se", "www.informationsverige.se",
# "forsakringskassan.se/sjuk". The top-level domains are the ones Swedish public services use.
_ADDRESS = re.compile(
    r"(?<![\w@/.:-])((?:www\.)?[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:se|nu|eu|org|com|net|fi)"
    r"(?:/[^\s<>\"')]*[^\s<>\"').,:;!?])?)(?![\w@-])",
    re.IGNORECASE,
)
_LATIN = "A-Za-z0-9À-ÖØ-öø-ÿ"
# A run of Latin-script words (a Swedish name such as "Försäkringskassan", "1177 Vårdguiden" or
# "1177.se") inside Arabic. It must hold a letter: numbers alone are isolated where they are made.
_LETTER = "A-Za-zÀ-ÖØ-öø-ÿ"
_LATIN_RUN = re.compile(
    rf"(?<![{_LATIN}.\-–/'])(?=[{_LATIN}.\-–/']*[{_LETTER}])[{_LATIN}][{_LATIN}.\-–/']*"
    rf"(?:[ \u00a0]+[{_LATIN}][{_LATIN}.\-–/']*)*"
)
_PIECES = re.compile(r"(<[^>]*>|&#?\w+;)")
_SKIP = {"bdi", "code", "pre", "script", "style"}


def _text_pieces(html: str, skip: set[str], change) -> str:
    """Apply `change` to each piece of text outside tags, entities and the elements in `skip`."""
    out, depth = [], 0
    for piece in _PIECES.split(html):
        if piece.startswith("<"):
            name = piece.strip("</>").split()[0].lower() if piece.strip("</>") else ""
            if name in skip and not piece.endswith("/>"):
                depth += -1 if piece.startswith("</") else 1
            out.append(piece)
        elif piece.startswith("&") or depth > 0 or not piece:
            out.append(piece)
        else:
            out.append(change(piece))
    return "".join(out)


def _link(match: re.Match) -> str:
    address = match.group(1)
    return f'<a href="https://{address}">{address}</a>'


def link_addresses(html: str) -> str:
    """Turn each bare web address in the text of `html` into a link (https)."""
    return _text_pieces(html, {"a", "code", "pre", "script", "style"}, lambda text: _ADDRESS.sub(_link, text))


def _isolate(match: re.Match) -> str:
    run = match.group(0)
    trimmed = run.rstrip(".:-–/'")  # the sentence's own full stop stays in the sentence
    return f'<bdi lang="sv">{trimmed}</bdi>{run[len(trimmed) :]}'


def isolate_latin(html: str) -> str:
    """Wrap each run of Latin-script words in `<bdi lang="sv">`: inside right-to-left text
    the brackets and full stops around a Swedish name are otherwise put on the wrong side, and
    a screen reader reading Arabic or Ukrainian says a name marked Swedish with Swedish sounds
    (WCAG 3.1.2, the language of parts)."""
    return _text_pieces(html, _SKIP, lambda text: _LATIN_RUN.sub(_isolate, text))
