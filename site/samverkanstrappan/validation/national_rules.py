"""Checks on the national data: the help numbers (data/nodnummer.yaml) and the synonyms."""

from ..content import yamltext
from ..content.helplines import ALWAYS_SHOWN, LABELS
from ..content.problems import Problem
from ..content.scan import shown_path
from ..content.sprak import SPRAK
from ..content.synonymer import is_group
from .registry import codes


def helpline_file(store) -> str:
    return shown_path(store.content_dir / "data" / "nodnummer.yaml")


@codes(SV601="Ett nummer som nödblocket på varje sida visar saknas i nodnummer.yaml.")
def emergency_numbers_present(store, site_urls):
    for needed in ALWAYS_SHOWN:
        if needed not in store.helplines:
            yield Problem(
                helpline_file(store),
                store.helplines.line,
                "SV601",
                f"Numret med id '{needed}' saknas. Nödblocket på varje sida behöver det.",
            )


@codes(SV602="Ett nummer i nodnummer.yaml har ett id som webbplatsen inte har någon text för.")
def helplines_have_words(store, site_urls):
    """The site says what each number is for in words of its own (and their translations):
    an id without them would stop the build when a page shows the number."""
    for helpline in store.helplines.values():
        if helpline.id not in LABELS:
            yield Problem(
                helpline_file(store),
                helpline.line,
                "SV602",
                f"Webbplatsen har ingen text om vad numret '{helpline.id}' är till för. Använd ett av "
                f"{', '.join(LABELS)}, eller be den som sköter webbplatsens kod att lägga till texten.",
            )


@codes(
    SV610="Ett språk i en fil med synonymer finns inte bland webbplatsens språk.",
    SV611="En grupp synonymer är inte en lista med minst två ord.",
)
def synonym_groups(store, site_urls):
    for file, data in getattr(store.synonyms, "sources", ()):
        for lang, entries in data.items():
            if lang not in SPRAK:
                yield Problem(
                    file, data.line_of(lang), "SV610", f"Språket '{lang}' finns inte. Välj bland {', '.join(SPRAK)}."
                )
            elif not isinstance(entries, yamltext.YamlList):
                yield Problem(
                    file,
                    data.line_of(lang),
                    "SV611",
                    f"Under '{lang}:' ska det stå en lista med grupper, till exempel - [demens, minnessjukdom].",
                )
            else:
                for entry, line in zip(entries, entries.lines):
                    if not is_group([entry] if isinstance(entry, str) else entry):
                        yield Problem(
                            file, line, "SV611", "En grupp ska ha minst två ord, till exempel - [missbruk, beroende]."
                        )


RULES = (emergency_numbers_present, helplines_have_words, synonym_groups)
