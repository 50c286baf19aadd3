"""QR codes, made at build time with segno (pure Python): an SVG in the page itself, so
showing one asks nothing of any other site.

segno tries all eight masks to pick the most readable one, about 9 ms a code and a third
of a cold build's work (580 staff cards in the bundled example). The codes are kept in the
build cache (paths.CACHE/qr), named by what decides them, so a later build reads the very
same SVG instead of making it again."""

import contextlib
import hashlib
import re
from pathlib import Path

import segno
from markupsafe import Markup, escape

from .. import swap

# Everything besides the text that decides the SVG: segno's version, the error level, the look.
_MAKE = {"error": "m"}
_LOOK = {"scale": 3, "border": 4, "dark": "#000", "light": "#fff"}
_RECIPE = f"segno {segno.__version__} {sorted(_MAKE.items())} {sorted(_LOOK.items())}"


def _made(text: str) -> str:
    return segno.make(text, **_MAKE).svg_inline(**_LOOK)


def _cached(text: str, cache: Path) -> str:
    """The SVG of `text` from the cache, made and kept there if it is not yet."""
    path = cache / (hashlib.sha256(f"{_RECIPE}\n{text}".encode()).hexdigest() + ".svg")
    try:
        return path.read_text(encoding="utf-8")
    except OSError:  # not made yet (or the cache cannot be read): make it
        pass
    svg = _made(text)
    with contextlib.suppress(OSError):  # a cache that cannot be written costs time, never the build
        swap.write_whole(path, svg.encode("utf-8"))
    return svg


def qr_svg(text: str, label: str, cache: Path | None = None) -> Markup:
    """`text` as a QR code: an SVG image with `label` as its accessible name; kept in `cache`
    (a folder) when given."""
    svg = _made(text) if cache is None else _cached(text, cache)
    svg = re.sub(r"^<svg ", f'<svg role="img" aria-label="{escape(label)}" ', svg, count=1)
    return Markup(svg)
