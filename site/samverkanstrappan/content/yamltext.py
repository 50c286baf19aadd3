"""Load YAML written by editors as text: every value a string, every key with its line.

PyYAML's normal loaders guess types (0771112233 becomes an octal int, 8:30 becomes
510, `no` becomes False) and let a duplicate key silently win. Composing the node
tree with BaseLoader keeps every scalar as the text the editor wrote, and walking
the nodes ourselves gives line numbers and catches duplicate keys.
"""

import os
import re
from pathlib import Path

import yaml

from . import filer, yaml_syntax
from .problems import WARNING, Problem

# Problems found while reading any editor file. The rules in validation/ have the other codes.
SYNTAX = "SV101"
KEY_NOT_WORD = "SV102"
DUPLICATE_KEY = "SV103"
NOT_UTF8 = "SV104"
SHAPE = "SV105"
FILE_MISSING = "SV106"
NO_SUCH_KOMMUN = "SV107"
BOM = "SV108"
HASH_VALUE = "SV109"
CURLY_QUOTES = "SV115"
EMPTY = "SV117"
CODES = {
    SYNTAX: "YAML-texten går inte att läsa: ett kolon, ett indrag eller ett citattecken är fel.",
    KEY_NOT_WORD: "En nyckel är inte ett enkelt ord.",
    DUPLICATE_KEY: "Samma nyckel finns två gånger.",
    NOT_UTF8: "Filen är inte sparad som UTF-8.",
    SHAPE: "Filen eller en post har fel form, till exempel en lista där det ska stå nyckel: värde.",
    FILE_MISSING: "En fil som webbplatsen behöver saknas (kommun.yaml, flode.yaml, nodnummer.yaml).",
    NO_SUCH_KOMMUN: "Kommunen finns inte: det finns ingen mapp för den i kommuner/ (ofta ett stavfel i --kommun).",
    BOM: "Filen börjar med ett osynligt BOM-tecken (varning; tecknet hoppas över).",
    HASH_VALUE: "Ett värde börjar med # och blir därför en kommentar, inte ett värde.",
    CURLY_QUOTES: "Ett värde står inom typografiska citattecken (” ” eller « »), som YAML läser som en del av texten.",
    EMPTY: "Filen är tom, eller har bara kommentarer.",
}
# The quotes Word and other programs put in place of " and ' (Swedish ”…”, English “…”,
# German „…“, « », ’…’, ‚…‘, ‹ ›). YAML reads only the straight ones as quotes.
CURLY = "”“„«»’‘‚‹›"


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
    if os.path.islink(path):  # never followed: it may lead out of the content (content/filer.py)
        return None, [filer.link(file)]
    try:
        data = path.read_bytes()
    except FileNotFoundError:  # gone since it was listed: the preview then looks at every file again
        raise
    except OSError as error:
        return None, [filer.unreadable(file, error)]
    if data.startswith(b"\xef\xbb\xbf"):  # Notepad's mark: invisible, harmless once skipped
        text, problems = read_text_of(data[3:], file)
        bom = Problem(
            file,
            1,
            BOM,
            "Filen börjar med ett osynligt BOM-tecken, som vissa program sätter först. Det hoppades över; "
            "spara gärna filen som UTF-8 utan BOM.",
            WARNING,
        )
        return text, [bom, *problems]
    return read_text_of(data, file)


# Notepad's "Unicode" and Word's "Unicode text" are UTF-16: its mark comes first, or, without
# one, every other byte of Swedish text is a zero byte.
UTF16_MARKS = (b"\xff\xfe", b"\xfe\xff")


def _utf16(data: bytes) -> bool:
    return data.startswith(UTF16_MARKS) or (len(data) >= 4 and data[:200].count(0) * 3 >= len(data[:200]))


def read_text_of(data: bytes, file: str) -> tuple[str | None, list[Problem]]:
    """`data` as text, or a problem naming the line of its first byte that is not UTF-8."""
    if _utf16(data):  # read as UTF-8 it failed on line 1 and blamed Latin-1 (an editor's walk, session 44)
        message = (
            "Filen är sparad som UTF-16 (i Anteckningar heter det Unicode). Öppna den och spara om den "
            "som UTF-8: i Anteckningar under Spara som, Kodning."
        )
        return None, [Problem(file, 1, NOT_UTF8, message)]
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


def load_file(path: Path, file: str, optional: bool = False):
    """Return (data, problems) for a whole YAML file. An empty file (or one of comments only) is a
    problem, but for an `optional` one, which is then as if it were not there."""
    text, problems = read_text(path, file)
    if text is None:
        return None, problems
    if not any(line.strip() and not line.lstrip().startswith("#") for line in text.splitlines()):
        # Read as an empty map, it was every key missing: 38 lines for an empty verksamheter.yaml.
        empty = Problem(file, 1, EMPTY, "Filen är tom. Skriv in uppgifterna: content/README.md säger vilka.")
        return None, problems if optional else [*problems, empty]
    data, found = load(text, file)
    return data, problems + found


def load_optional_map(path: Path, file: str, shape: str) -> tuple["YamlMap | None", list[Problem]]:
    """An optional file of key: value lines: None (and no problem) when it is not there, None
    with a SHAPE problem saying `shape` when it is something else."""
    if not os.path.isfile(path):
        return None, []
    data, problems = load_file(path, file, optional=True)
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
        found = yaml_syntax.diagnosis(error, text.splitlines(), offset)
        return None, [Problem(file, line, SYNTAX, message) for line, message in found]
    problems: list[Problem] = []
    if node is None:
        return YamlMap(first_line), problems
    return _walk(node, file, offset, problems, text.splitlines()), problems


# `primar: #1d4e89` is a key with an empty value and a comment: what the editor meant follows
# `#`. A comment written as one (`telefon:  # fylls i senare`, a space after #) stays a comment.
_COMMENT_VALUE = re.compile(r":[ \t]+(#\S.*?)\s*$")


def _commented_out(node, file: str, offset: int, problems: list[Problem], lines: list[str]) -> str | None:
    """The text after `#` when an empty plain value is a comment on its key's line, reported once."""
    if node.value or node.style or node.start_mark.line >= len(lines):  # plain: None, or "" in libyaml
        return None
    found = _COMMENT_VALUE.search(lines[node.start_mark.line])
    if not found:
        return None
    text = found[1]
    problems.append(
        Problem(
            file,
            offset + node.start_mark.line + 1,
            HASH_VALUE,
            f'Värdet {text} börjar med # och läses därför som en kommentar. Sätt det inom citattecken: "{text}".',
        )
    )
    return text


def _wrapped(value: str) -> bool:
    """Whether `value` is one text between curly quotes (not two quoted words)."""
    return len(value) > 1 and value[0] in CURLY and value[-1] in CURLY and not any(q in CURLY for q in value[1:-1])


def _plain(text: str) -> bool:
    """Whether `key: text` reads back as `text`, without quotes."""
    try:
        node = yaml.compose(f"v: {text}", Loader=_LOADER)
    except yaml.YAMLError:
        return False
    return isinstance(node, yaml.MappingNode) and node.value[0][1].value == text


def _unquoted(node, file: str, offset: int, problems: list[Problem]) -> str:
    """A plain value's text; one wrapped in curly quotes is reported once and read without them,
    so that no rule adds that ”1265” is no kommunkod. Quotes within a text (`Ring ”1177”
    eller ”Vårdguiden”`) are text."""
    value = node.value.strip()
    if node.style or not _wrapped(value):
        return value
    inner = value[1:-1].strip()
    # Without quotes only when YAML reads it back as the same text (not #7a1f2b, a comment).
    bare = f", eller inga: {inner}" if _plain(inner) else ""
    problems.append(
        Problem(
            file,
            offset + node.start_mark.line + 1,
            CURLY_QUOTES,
            f"Värdet {value} står inom typografiska citattecken ({value[0]} {value[-1]}), som ordbehandlare sätter. "
            f'YAML läser dem som en del av värdet, så de skulle synas på sidan. Skriv raka citattecken: "{inner}"'
            f"{bare}.",
        )
    )
    return inner


def _walk(node, file: str, offset: int, problems: list[Problem], lines: list[str]):
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
            meant = isinstance(value_node, yaml.ScalarNode) and _commented_out(
                value_node, file, offset, problems, lines
            )
            # The value the editor meant, so that no rule adds a line saying it is empty.
            result[key] = meant or _walk(value_node, file, offset, problems, lines)
            result.lines[key] = key_line
        return result
    if isinstance(node, yaml.SequenceNode):
        result = YamlList(line)
        for item in node.value:
            result.append(_walk(item, file, offset, problems, lines))
            result.lines.append(offset + item.start_mark.line + 1)
        return result
    return _unquoted(node, file, offset, problems)
