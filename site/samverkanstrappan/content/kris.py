"""The crisis lexicon: words and phrases that mean someone may be in danger now.

One file per language, data/kris.<språk>.yaml; a municipality adds phrases of its own in
kommuner/<kommun>/kris.<språk>.yaml. Each key is the id of a vägvisare outcome (the guide
page a search puts first, with its numbers above all results), and under it a list of
phrases. The rules (validation/kris_rules.py) say what could not be used and why.
"""

from dataclasses import dataclass, field
from pathlib import Path

from . import yamltext
from .problems import Problem
from .sprak import SOURCE as SWEDISH  # the language staff write in


def file_name(lang: str) -> str:
    return f"kris.{lang}.yaml"


@dataclass(frozen=True)
class Phrase:
    text: str
    file: str
    line: int


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
        but write Swedish, so a Swedish phrase shows the block on every page."""
        found = {kind: list(phrases) for kind, phrases in self.kinds(lang).items()}
        if lang != SWEDISH:
            for kind, phrases in self.kinds(SWEDISH).items():
                own = {phrase.text for phrase in found.get(kind, [])}
                found.setdefault(kind, []).extend(phrase for phrase in phrases if phrase.text not in own)
        return found


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
        for kind, entries in data.items():
            if not isinstance(entries, yamltext.YamlList):
                continue
            for entry, line in zip(entries, entries.lines):
                if isinstance(entry, str) and entry.strip():
                    lexicon.phrases.setdefault(lang, {}).setdefault(str(kind), []).append(Phrase(entry, file, line))
    return lexicon, problems
