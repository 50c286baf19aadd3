"""QR codes, made at build time with segno (pure Python): an SVG in the page itself, so
showing one asks nothing of any other site."""

import re

import segno
from markupsafe import Markup, escape


def qr_svg(text: str, label: str) -> Markup:
    """`text` as a QR code: an SVG image with `label` as its accessible name."""
    svg = segno.make(text, error="m").svg_inline(scale=3, border=4, dark="#000", light="#fff")
    svg = re.sub(r"^<svg ", f'<svg role="img" aria-label="{escape(label)}" ', svg, count=1)
    return Markup(svg)
