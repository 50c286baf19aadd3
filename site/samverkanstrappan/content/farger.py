"""A municipality's colours and the contrast they must keep (WCAG 2.x, 4.5:1 for text)."""

MIN_CONTRAST = 4.5
WHITE = "#ffffff"
TEXT = "#1b1b1b"  # the body text colour of site.css

# Used when a municipality gives no colours of its own.
DEFAULTS = {"primar": "#1d4e89", "primar_text": "#ffffff", "yta": "#f3f5f8"}

# (foreground, background, where the pair is seen): every pair the stylesheet uses.
PAIRS = (
    ("primar_text", "primar", "text i sidhuvudet och på trappstegens siffror"),
    ("primar", "vit", "länkar på vit bakgrund"),
    ("primar", "yta", "länkar i trappan och i rutor"),
    ("text", "yta", "brödtext i trappan och i rutor"),
)


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    """Relative luminance of `#rrggbb` as WCAG defines it."""
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(first: str, second: str) -> float:
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def low_contrast(colours: dict) -> list[tuple[str, str, str, float]]:
    """(foreground, background, where, ratio) for each pair below 4.5:1."""
    named = {**DEFAULTS, **colours, "vit": WHITE, "text": TEXT}
    found = []
    for fore, back, where in PAIRS:
        ratio = contrast(named[fore], named[back])
        if ratio < MIN_CONTRAST:
            found.append((fore, back, where, ratio))
    return found


def css(colours: dict) -> str:
    """Custom properties that site.css reads, so no colour is ever written inline."""
    named = {**DEFAULTS, **colours}
    return (
        ":root {\n"
        + "".join(f"  --farg-{key.replace('_', '-')}: {value};\n" for key, value in sorted(named.items()))
        + "}\n"
    )
