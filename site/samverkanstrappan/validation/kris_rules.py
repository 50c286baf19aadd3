"""Checks on the crisis lexicon (data/kris.<språk>.yaml and a municipality's own)."""

from pathlib import Path

from ..content import kris, yamltext
from ..content.problems import Problem
from ..content.scan import shown_path
from ..index import fraga
from .registry import codes


@codes(
    SV620="Ett id i en fil med krisord är inget utfall i vägvisaren.",
    SV621="Under ett utfall i en fil med krisord står inte en lista med fraser.",
)
def crisis_kinds(store, site_urls):
    outcomes = store.flow.outcomes if store.flow else {}
    for file, _lang, data in store.kris.sources:
        for kind, entries in data.items():
            line = data.line_of(kind)
            if store.flow and kind not in outcomes:
                yield Problem(
                    file,
                    line,
                    "SV620",
                    f"'{kind}' är inget utfall i vagvisare/flode.yaml. Skriv id:t för den sida som ska visas först, "
                    "till exempel sjalvmordstankar.",
                )
            if not isinstance(entries, yamltext.YamlList):
                yield Problem(
                    file, line, "SV621", f"Under '{kind}:' ska det stå en lista, till exempel - vill inte leva."
                )
                continue
            for entry, entry_line in zip(entries, entries.lines):
                if not isinstance(entry, str) or not entry.strip():
                    yield Problem(
                        file, entry_line, "SV621", "Varje rad i listan ska vara en fras, till exempel - ta mitt liv."
                    )


@codes(SV622="En fras med krisord är så kort eller vanlig att den skulle visa nödnumren vid vanliga sökningar.")
def crisis_phrases_specific(store, site_urls):
    for lang, kinds in store.kris.phrases.items():
        for phrases in kinds.values():
            for phrase in phrases:
                found = fraga.words(phrase.text, lang)
                if not found or (len(found) == 1 and len(found[0]) < 3):
                    yield Problem(
                        phrase.file,
                        phrase.line,
                        "SV622",
                        f"Frasen '{phrase.text}' är för kort för att säga att någon är i fara. Skriv ett ord med "
                        "minst tre bokstäver eller flera ord, till exempel 'vill dö'.",
                    )


@codes(SV623="Ett språk som webbplatsen publicerar har inga krisord.")
def crisis_lexicon_per_language(store, site_urls):
    unreadable = {Path(problem.file).resolve() for problem in store.problems}  # they say so themselves
    for lang in store.languages:
        path = store.content_dir / "data" / kris.file_name(lang)
        if not store.kris.kinds(lang) and path.resolve() not in unreadable:
            yield Problem(
                shown_path(path),
                1,
                "SV623",
                f"Sökningen på språket '{lang}' kan inte känna igen någon i kris. Skriv filen {path.name} med "
                "fraser under utfallen, som i data/kris.sv.yaml.",
            )


RULES = (crisis_kinds, crisis_phrases_specific, crisis_lexicon_per_language)
