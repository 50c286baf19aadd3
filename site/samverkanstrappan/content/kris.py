"""The crisis lexicon: words and phrases that mean someone may be in danger now.

One file per language, data/kris.<språk>.yaml; a municipality adds phrases of its own in
kommuner/<kommun>/kris.<språk>.yaml. Each key is the id of a vägvisare outcome (the guide
page a search puts first, with its numbers above all results), and under it a list of
phrases. Under the one key GENERAL the same shape holds the phrases of general distress ("känner
mig hopplös"): they show the numbers too, but any other phrase the query matches decides which
page comes first. The rules (validation/kris_rules.py) say what could not be used and why.
"""

from dataclasses import dataclass, field
from pathlib import Path

from . import yamltext
from .problems import Problem
from .sprak import SOURCE as SWEDISH  # the language staff write in

# Not an outcome id: the phrases under it say that someone is in distress, not which danger.
GENERAL = "allman-oro"


def file_name(lang: str) -> str:
    return f"kris.{lang}.yaml"


@dataclass(frozen=True)
class Phrase:
    text: str
    file: str
    line: int
    general: bool = False  # written under GENERAL


@dataclass
class Lexicon:
    """Phrases by language and outcome id, in file order (national first); `sources` keeps
    each file as written, (shown name, language, data), for the rules."""

    phrases: dict[str, dict[str, list[Phrase]]] = field(default_factory=dict)
    sources: list[tuple[str, str, yamltext.YamlMap]] = field(default_factory=list)

    def kinds(self, lang: str) -> dict[str, list[Phrase]]:
        """The phrases written for `lang`."""
        return self.phrases.get(lang, {})

    def for_search(self, lang: str) -> dict[str, list[Phrase]]:
        """What a search on a `lang` page matches: its own phrases, then the Swedish ones.
        Staff type Swedish on a caller's page, and so do residents who read another language
        but write Swedish, so a Swedish phrase shows the block on every page. Each kind's
        general phrases come after its others (fraga.crisis reads them so)."""
        found = {kind: list(phrases) for kind, phrases in self.kinds(lang).items()}
        if lang != SWEDISH:
            for kind, phrases in self.kinds(SWEDISH).items():
                own = {phrase.text for phrase in found.get(kind, [])}
                found.setdefault(kind, []).extend(phrase for phrase in phrases if phrase.text not in own)
        return {kind: sorted(phrases, key=lambda phrase: phrase.general) for kind, phrases in found.items()}


def load(files: list[tuple[Path, str, str]]) -> tuple[Lexicon, list[Problem]]:
    """The lexicon from each (path, shown name, language) that exists."""
    lexicon = Lexicon()
    problems: list[Problem] = []
    for path, file, lang in files:
        data, found = yamltext.load_optional_map(
            path,
            file,
            "Filen ska ha ett utfalls id per rad (till exempel sjalvmordstankar:) med en lista med fraser under.",
        )
        problems += found
        if data is None:
            continue
        lexicon.sources.append((file, lang, data))
        kinds = lexicon.phrases.setdefault(lang, {})
        for kind, entries, general in by_kind(data):
            for entry, line in zip(entries, entries.lines):
                if isinstance(entry, str) and entry.strip():
                    kinds.setdefault(kind, []).append(Phrase(entry, file, line, general))
    return lexicon, problems


def by_kind(data: yamltext.YamlMap):
    """(outcome id, its list, whether under GENERAL) for each list in a file, in file order;
    what is not a list (or GENERAL not a map) is left to the rules."""
    for kind, entries in data.items():
        if kind == GENERAL and isinstance(entries, yamltext.YamlMap):
            for general_kind, general_entries in entries.items():
                if isinstance(general_entries, yamltext.YamlList):
                    yield str(general_kind), general_entries, True
        elif isinstance(entries, yamltext.YamlList):
            yield str(kind), entries, False
