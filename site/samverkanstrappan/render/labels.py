"""Interface words for things that are named in data files by id: the national
helplines and the kinds of verksamhet. They go through gettext like every label.

The ids and their Swedish words live in content/ (Flask-free), so that validation
can check that every id in the data has words here."""

from flask_babel import lazy_gettext as _l

from ..content.helplines import LABELS
from ..content.verksamhetstyper import TYPER

# id in data/nodnummer.yaml → (what the number is for, one line about it)
HELPLINES = {key: (_l(name), _l(about)) for key, (name, about) in LABELS.items()}


def kind_label(kind: str) -> str:
    """The translated name of a kind of verksamhet."""
    return _l(TYPER[kind])


def named_as_kind(service) -> bool:
    """Whether the service's organisation has its kind's Swedish name (Försäkringskassan): a
    card then names it once, not "Försäkringskassan · Försäkringskassan"."""
    return service.organisation.namn == TYPER.get(service.typ)
