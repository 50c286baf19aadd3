"""The languages the product can publish. A municipality picks among them."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Sprak:
    code: str  # URL prefix, `lang` attribute and gettext locale
    name: str  # the language named in itself, for the language switcher
    dir: str = "ltr"
    comma: str = ", "  # between the items of a list written in the language
    latin: bool = True  # written in Latin letters, as Swedish is


SOURCE = "sv"  # every page is written in Swedish first; others fall back to it

SPRAK = {
    sprak.code: sprak
    for sprak in (
        Sprak("sv", "svenska"),
        Sprak("en", "English"),
        Sprak("ar", "العربية", "rtl", "، ", latin=False),
        Sprak("fi", "suomi"),
        Sprak("uk", "українська", latin=False),
    )
}
