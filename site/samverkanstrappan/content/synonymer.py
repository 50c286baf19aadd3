"""Words people use about the same thing: data/synonymer.yaml, extended by a
municipality's own kommuner/<kommun>/synonymer.yaml. Per language, a list of groups."""

from pathlib import Path

from ..content import yamltext
from ..content.problems import Problem
from ..content.sprak import SPRAK


class Synonyms(dict):
    """Usable groups of words by language; `sources` keeps each file as written,
    (shown name, data), so that the rules can say what could not be used and why."""

    def __init__(self):
        super().__init__()
        self.sources: list[tuple[str, yamltext.YamlMap]] = []


def is_group(words) -> bool:
    """A group is a list of at least two words."""
    return isinstance(words, list) and len(words) >= 2 and all(isinstance(w, str) and w for w in words)


def load(paths: list[tuple[Path, str]]) -> tuple[Synonyms, list[Problem]]:
    """Every group of synonyms by language, from each (path, shown name) that exists."""
    groups = Synonyms()
    problems: list[Problem] = []
    for path, file in paths:
        data, found = yamltext.load_optional_map(
            path, file, "Filen ska ha ett språk per rad (sv:, en: ...) med en lista med grupper av ord under."
        )
        problems += found
        if data is None:
            continue
        groups.sources.append((file, data))
        for lang, entries in data.items():
            if lang not in SPRAK or not isinstance(entries, yamltext.YamlList):
                continue
            for entry in entries:
                words = [entry] if isinstance(entry, str) else entry
                if is_group(words):
                    groups.setdefault(lang, []).append([word.casefold() for word in words])
    return groups, problems
