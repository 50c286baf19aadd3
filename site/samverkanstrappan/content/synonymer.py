"""Words people use about the same thing: data/synonymer.yaml, extended by a
municipality's own kommuner/<kommun>/synonymer.yaml. Per language, a list of groups."""

from pathlib import Path

from ..content import yamltext
from ..content.problems import Problem
from ..content.sprak import SPRAK


def load(paths: list[tuple[Path, str]]) -> tuple[dict[str, list[list[str]]], list[Problem]]:
    """Every group of synonyms by language, from each (path, shown name) that exists."""
    groups: dict[str, list[list[str]]] = {}
    problems: list[Problem] = []
    for path, file in paths:
        if not path.is_file():
            continue
        data, found = yamltext.load(path.read_text(encoding="utf-8"), file)
        problems += found
        if not isinstance(data, yamltext.YamlMap):
            if data is not None:
                problems.append(
                    Problem(
                        file, 1, "Filen ska ha ett språk per rad (sv:, en: ...) med en lista med grupper av ord under."
                    )
                )
            continue
        for lang, entries in data.items():
            if lang not in SPRAK:
                problems.append(
                    Problem(file, data.line_of(lang), f"Språket '{lang}' finns inte. Välj bland {', '.join(SPRAK)}.")
                )
                continue
            if not isinstance(entries, yamltext.YamlList):
                problems.append(
                    Problem(
                        file,
                        data.line_of(lang),
                        f"Under '{lang}:' ska det stå en lista med grupper, till exempel - [demens, minnessjukdom].",
                    )
                )
                continue
            for entry, line in zip(entries, entries.lines):
                words = [entry] if isinstance(entry, str) else entry
                if not isinstance(words, list) or len(words) < 2 or not all(isinstance(w, str) and w for w in words):
                    problems.append(
                        Problem(file, line, "En grupp ska ha minst två ord, till exempel - [missbruk, beroende].")
                    )
                    continue
                groups.setdefault(lang, []).append([word.casefold() for word in words])
    return groups, problems
