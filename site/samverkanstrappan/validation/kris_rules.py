"""Checks on the crisis lexicon (data/kris.<språk>.yaml and a municipality's own)."""

from pathlib import Path

from ..content import kris, yamltext
from ..content.problems import WARNING, Problem
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
            if kind != kris.GENERAL:
                yield from _kind_problems(file, data, kind, outcomes, store.flow)
            elif isinstance(entries, yamltext.YamlMap):
                for general_kind in entries:
                    yield from _kind_problems(file, entries, general_kind, outcomes, store.flow)
            else:
                yield Problem(
                    file,
                    data.line_of(kind),
                    "SV621",
                    f"Under '{kris.GENERAL}:' ska det stå ett utfall, indraget, med fraserna i en lista under "
                    "sig, till exempel 'psykiatrisk-akut:' och på raden under '- känner mig hopplös'.",
                )


def _kind_problems(file, data, kind, outcomes, flow):
    entries = data[kind]
    line = data.line_of(kind)
    if flow and kind not in outcomes:
        yield Problem(
            file,
            line,
            "SV620",
            f"'{kind}' är inget utfall i vagvisare/flode.yaml. Skriv id:t för den sida som ska visas först, "
            "till exempel sjalvmordstankar.",
        )
    if not isinstance(entries, yamltext.YamlList):
        yield Problem(file, line, "SV621", f"Under '{kind}:' ska det stå en lista, till exempel - vill inte leva.")
        return
    for entry, entry_line in zip(entries, entries.lines):
        if not isinstance(entry, str) or not entry.strip():
            yield Problem(file, entry_line, "SV621", "Varje rad i listan ska vara en fras, till exempel - ta mitt liv.")


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


# A phrase found in at least this many of the site's own search words, on pages that are not
# a crisis answer, would put the crisis answer first for everyday searches.
EVERYDAY_HITS = 2


@codes(SV624="En fras med krisord finns i vanliga sökord på andra sidor och visar krishjälpen först för dem (varning).")
def crisis_phrases_not_everyday(store, site_urls):
    """ "hjälp" or "ont" as a crisis phrase passed SV622 and would have shown the emergency
    numbers first for "hjälp hemma" and "ont om pengar" (an editor's walk, session 44). The
    site's own search words of every other page are what people type in each language the
    site has, so no list of everyday words is kept for five languages."""
    crisis_kinds = {kind for kinds in store.kris.phrases.values() for kind in kinds}
    kept = store.shared("kris_vanliga_sokord", dict)  # the last answer per language, by what it read
    for lang, kinds in store.kris.phrases.items():
        searches = tuple(
            (key, said)
            for (page_lang, key), page in (*store.texts.items(), *store.pages.items())
            if page_lang == lang and key.rsplit("/", 1)[-1] not in crisis_kinds
            if isinstance(page.meta.get("sokord"), list)  # written wrong, SV114 says so
            for said in page.meta["sokord"]
            if isinstance(said, str)
        )
        read = (tuple((kind, tuple(phrase.text for phrase in phrases)) for kind, phrases in kinds.items()), searches)
        if kept.get(lang, (None,))[0] != read:
            kept[lang] = (read, _everyday_hits(lang, kinds, searches))
        for phrase, hits in kept[lang][1]:
            examples = ", ".join(f"'{said}' ({key}.md)" for key, said in hits[:3])
            yield Problem(
                phrase.file,
                phrase.line,
                "SV624",
                f"Frasen '{phrase.text}' finns i {len(hits)} vanliga sökord på andra sidor, till exempel "
                f"{examples}. Den som söker så får krishjälpen först. Skriv en fras som bara säger att "
                "någon är i fara, till exempel 'ont i bröstet' i stället för 'ont', eller ta bort den.",
                WARNING,
            )


def _everyday_hits(lang, kinds, searches) -> list:
    """Each phrase of `kinds` that EVERYDAY_HITS or more of `searches` match, with them."""
    words = {kind: [fraga.words(p.text, lang) for p in phrases] for kind, phrases in kinds.items()}
    lexicon = [{"id": kind, "fraser": found} for kind, found in words.items()]
    memo: dict = {}
    matched: dict[tuple, list] = {}
    for key, said in searches:
        for kind, phrase in fraga.matched_phrases(fraga.query_words(said, lang), lexicon, memo, typos=False):
            matched.setdefault((kind, tuple(phrase)), []).append((key, said))
    return [
        (phrase, hits)
        for kind, phrases in kinds.items()
        for phrase, found in zip(phrases, words[kind])
        if len(hits := matched.get((kind, tuple(found)), [])) >= EVERYDAY_HITS
    ]


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


RULES = (crisis_kinds, crisis_phrases_specific, crisis_phrases_not_everyday, crisis_lexicon_per_language)
