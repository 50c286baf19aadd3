"""Interface words for things that are named in data files by id: the national
helplines and the kinds of verksamhet. They go through gettext like every label."""

from flask_babel import lazy_gettext as _l

from ..content.verksamhetstyper import TYPER

# id in data/nodnummer.yaml → (what the number is for, one line about it)
HELPLINES = {
    "akut": (_l("Akut fara för liv eller hälsa"), _l("SOS Alarm. Ambulans, polis och räddningstjänst. Dygnet runt.")),
    "vardguiden": (
        _l("Sjukvårdsrådgivning"),
        _l("1177 Vårdguiden. En sjuksköterska ger råd och säger vart du ska vända dig. Dygnet runt."),
    ),
    "sjalvmordslinjen": (
        _l("Självmordslinjen"),
        _l(
            "För dig som har tankar på att ta ditt liv, och för dig som är orolig för någon. Dygnet runt. Du kan vara anonym."  # noqa: E501
        ),
    ),
    "bris": (_l("Bris, för barn och unga"), _l("För dig under 18 år. Gratis, anonymt och dygnet runt.")),
    "kvinnofridslinjen": (
        _l("Kvinnofridslinjen"),
        _l(
            "För dig som utsätts för våld eller hot, och för närstående. Gratis, syns inte på telefonräkningen. Dygnet runt."  # noqa: E501
        ),
    ),
    "polisen": (_l("Polisen, när det inte är akut"), _l("Anmäl ett brott som inte pågår. Dygnet runt.")),
}


def kind_label(kind: str) -> str:
    """The translated name of a kind of verksamhet."""
    return _l(TYPER[kind])
