"""Load YAML written by editors as text: every value a string, every key with its line.

PyYAML's normal loaders guess types (0771112233 becomes an octal int, 8:30 becomes
510, `no` becomes False) and let a duplicate key silently win. Composing the node
tree with BaseLoader keeps every scalar as the text the editor wrote, and walking
the nodes ourselves gives line numbers and catches duplicate keys.
"""

from pathlib import Path

import yaml

from .problems import Problem

# Problems found while reading any editor file. The rules in validation/ have the other codes.
SYNTAX = "SV101"
KEY_NOT_WORD = "SV102"
DUPLICATE_KEY = "SV103"
NOT_UTF8 = "SV104"
SHAPE = "SV105"
FILE_MISSING = "SV106"
NO_SUCH_KOMMUN = "SV107"
CODES = {
    SYNTAX: "YAML-texten går inte att läsa: ett kolon, ett indrag eller ett citattecken är fel.",
    KEY_NOT_WORD: "En nyckel är inte ett enkelt ord.",
    DUPLICATE_KEY: "Samma nyckel finns två gånger.",
    NOT_UTF8: "Filen är inte sparad som UTF-8.",
    SHAPE: "Filen eller en post har fel form, till exempel en lista där det ska stå nyckel: värde.",
    FILE_MISSING: "En fil som webbplatsen behöver saknas (kommun.yaml, flode.yaml, nodnummer.yaml).",
    NO_SUCH_KOMMUN: "Kommunen finns inte: det finns ingen mapp för den i kommuner/ (ofta ett stavfel i --kommun).",
}


class YamlMap(dict):
    """A mapping that remembers the line of each key (1-based, in the file)."""

    def __init__(self, line: int):
        super().__init__()
        self.line = line
        self.lines: dict[str, int] = {}

    def line_of(self, key: str) -> int:
        return self.lines.get(key, self.line)


class YamlList(list):
    """A list that remembers the line of each item."""

    def __init__(self, line: int):
        super().__init__()
        self.line = line
        self.lines: list[int] = []


# PyYAML's messages are English and technical; editors get these instead.
_MESSAGES = {
    "mapping values are not allowed here": "ett kolon (:) står där det inte får stå. "
    "Sätt texten inom citattecken om den innehåller ': '",
    "found character '\\t' that cannot start any token": "raden har en tabb. Använd mellanslag för indrag",
    "could not find expected ':'": "ett kolon (:) saknas efter nyckeln",
    "found unexpected end of stream": "ett citattecken stängs aldrig",
    "found undefined alias": "texten innehåller * eller & i början. Sätt den inom citattecken",
    "did not find expected key": "indraget stämmer inte med raderna ovanför",
    "expected <block end>, but found": "indraget stämmer inte med raderna ovanför",
}


def _swedish(error: yaml.YAMLError) -> str:
    problem = str(getattr(error, "problem", "") or error)
    for english, swedish in _MESSAGES.items():
        if problem.startswith(english):
            return f"Filen går inte att läsa: {swedish}."
    return "Filen går inte att läsa. Kontrollera indrag, kolon och citattecken på raden."


# libyaml's composer is many times faster and gives the same nodes and marks.
_LOADER = getattr(yaml, "CBaseLoader", yaml.BaseLoader)


def missing(file: str) -> Problem:
    """The problem for a required file that is not there (or is a folder, or a broken link)."""
    return Problem(
        file,
        1,
        FILE_MISSING,
        f"Filen {Path(file).name} saknas, och webbplatsen kan inte byggas utan den. Lägg tillbaka den.",
    )


def read_text(path: Path, file: str) -> tuple[str | None, list[Problem]]:
    """The file's text, or a problem when it is not UTF-8 (an editor may save it as Latin-1)."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1  # where the first character that is not UTF-8 is
        return None, [
            Problem(
                file,
                line,
                NOT_UTF8,
                "Filen är inte sparad som UTF-8 (ett program sparade den kanske som Latin-1 eller Windows-1252). "
                "Öppna den och spara om den som UTF-8; kontrollera å, ä och ö på raden.",
            )
        ]


def load_file(path: Path, file: str):
    """Return (data, problems) for a whole YAML file."""
    text, problems = read_text(path, file)
    if text is None:
        return None, problems
    return load(text, file)


def load_optional_map(path: Path, file: str, shape: str) -> tuple["YamlMap | None", list[Problem]]:
    """An optional file of key: value lines: None (and no problem) when it is not there, None
    with a SHAPE problem saying `shape` when it is something else."""
    if not path.is_file():
        return None, []
    data, problems = load_file(path, file)
    if isinstance(data, YamlMap):
        return data, problems
    if data is not None:
        problems.append(Problem(file, 1, SHAPE, shape))
    return None, problems


def load(text: str, file: str, first_line: int = 1):
    """Return (data, problems). `first_line` is the file line where `text` starts."""
    offset = first_line - 1
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line = offset + (mark.line + 1 if mark else 1)
        return None, [Problem(file, line, SYNTAX, _swedish(error))]
    problems: list[Problem] = []
    if node is None:
        return YamlMap(first_line), problems
    return _walk(node, file, offset, problems), problems


def _walk(node, file: str, offset: int, problems: list[Problem]):
    line = offset + node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result = YamlMap(line)
        for key_node, value_node in node.value:
            key_line = offset + key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode):
                problems.append(Problem(file, key_line, KEY_NOT_WORD, "En nyckel måste vara ett enkelt ord."))
                continue
            key = key_node.value
            if key in result:
                problems.append(
                    Problem(
                        file,
                        key_line,
                        DUPLICATE_KEY,
                        f"Nyckeln '{key}' finns två gånger (också på rad {result.lines[key]}). Ta bort den ena.",
                    )
                )
                continue
            result[key] = _walk(value_node, file, offset, problems)
            result.lines[key] = key_line
        return result
    if isinstance(node, yaml.SequenceNode):
        result = YamlList(line)
        for item in node.value:
            result.append(_walk(item, file, offset, problems))
            result.lines.append(offset + item.start_mark.line + 1)
        return result
    return node.value.strip()
