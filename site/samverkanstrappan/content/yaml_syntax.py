"""What is wrong with YAML that cannot be read, in Swedish, at the line where it is.

The YAML libraries' messages are English and technical, and libyaml words them otherwise
than pure-Python PyYAML. So the cause is read from the text where it can be (a tab, an open
quote), and from the message of either library where it cannot.
"""

import re

import yaml

_MESSAGES = {
    "mapping values are not allowed": "ett kolon (:) står där det inte får stå. "
    'Sätt texten inom citattecken om den innehåller ": ", till exempel: beskrivning: "Öppet: 8–17"',
    "could not find expected ':'": "ett kolon (:) saknas efter nyckeln",
    "found undefined alias": "texten börjar med * eller &. Sätt den inom citattecken",
    "found character that cannot start any token": "texten börjar med ett tecken som inte får stå först "
    "(till exempel @ eller `). Sätt den inom citattecken",
    "did not find expected key": "indraget stämmer inte med raderna ovanför",
    "expected <block end>, but found": "indraget stämmer inte med raderna ovanför",
    "did not find expected '-' indicator": "indraget stämmer inte med listan ovanför (raderna med -)",
    "found unknown escape character": "ett omvänt snedstreck (\\) inom dubbla citattecken. "
    "Använd enkla citattecken ('...') runt texten",
}


# A value that opens a quote: `key: "...`, `- '...` (the rest of the line is in group 2).
_QUOTED_VALUE = re.compile(r"""^\s*(?:-\s+)?(?:[^\s:#"'][^:#]*:\s+)?(["'])(.*)$""")


def _open_quote(lines: list[str], upto: int) -> tuple[int, str] | None:
    """(line, quote) of the first value up to line `upto` whose quote the line does not close.
    A quoted text may go on over several lines in YAML, but editors' never do; the library
    only notices lines later, where the next quote closes it, and blames that line."""
    for number, text in enumerate(lines[:upto], 1):
        found = _QUOTED_VALUE.match(text)
        if not found:
            continue
        quote, rest = found[1], found[2]
        rest = rest.replace("\\\\", "").replace('\\"', "") if quote == '"' else rest.replace("''", "")
        if quote not in rest:
            return number, quote
    return None


def _indented_with_tab(text: str) -> bool:
    """Whether a line has a tab where its indentation is (YAML allows none there)."""
    return "\t" in text[: len(text) - len(text.lstrip(" \t"))]


TAB = "Filen går inte att läsa: raden har en tabb. Använd mellanslag i stället."
# A file indented with tabs throughout is this many lines and a count, not one line each.
TABS_SHOWN = 10


def _tabs(lines: list[str], first: int, offset: int) -> list[tuple[int, str]]:
    """(line, message) for the tab at line `first` and every line indented with a tab: the
    library stops at the first, and an editor who removed it heard of the next in the next build."""
    numbers = sorted({first} | {number for number, text in enumerate(lines, 1) if _indented_with_tab(text)})
    found = [(offset + number, TAB) for number in numbers[:TABS_SHOWN]]
    if len(numbers) > TABS_SHOWN:
        more = len(numbers) - TABS_SHOWN
        found[-1] = (found[-1][0], f"{TAB} {more} rader till längre ner har också tabbar i indraget.")
    return found


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _words(text: str) -> tuple[str, str]:
    """(a list item's dash, the words) of a line: ("- ", "namn b") or ("", "region Region Exempel")."""
    dash, words = re.match(r"\s*(-\s+)?(.*)", text).groups()
    return dash or "", words.strip()


def _key_without_colon(lines: list[str], line: int) -> int | None:
    """The line above `line`, as far in as it, that has no colon: a key whose colon was left out
    (its words run on into the next key in YAML, where the library stops). Not a line that goes
    on with the value of a key above it (`beskrivning: Lång text` and, further in, `som fortsätter`)."""
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    written = [n for n in range(line - 1, 0, -1) if lines[n - 1].strip() and not lines[n - 1].lstrip().startswith("#")]
    if not written:
        return None
    number = written[0]
    above = lines[number - 1]
    if _indent(above) != _indent(text) or ":" in above or not _words(above)[1]:
        return None
    before = lines[written[1] - 1] if len(written) > 1 else None
    if before is not None and _indent(before) < _indent(above) and not before.rstrip().endswith(":"):
        return None  # the value of the key above, on a line of its own
    return number


def _no_colon(text: str) -> str | None:
    """The message for a key without its colon, with the line as it should be; None for a line
    with no words (a lone dash), which other messages explain."""
    dash, words = _words(text)
    if not words:
        return None
    key, value = [*words.split(None, 1), ""][:2]
    example = f"{dash}{key}: {value.strip()}".rstrip()
    return f"Filen går inte att läsa: ett kolon (:) saknas efter nyckeln '{key}'. Skriv raden så här: {example}"


def _indented_key(lines: list[str], line: int) -> str | None:
    """The message for a key indented further than the key with a value above it (" granskad:
    2026-12-06" under "titel: Om oss"): YAML reads it as more of that value, and then its colon
    is the mistake it names (an editor's walk, session 44). None for any other line."""
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    # A key is one word (granskad, sag_sa_har): "  behöver hjälp: ring oss" is wrapped text.
    key = re.match(r"(\s+)([\w-]+):(\s|$)", text)
    written = [n for n in range(line - 1, 0, -1) if lines[n - 1].strip() and not lines[n - 1].lstrip().startswith("#")]
    if not key or not written:
        return None
    above = lines[written[0] - 1]
    if (
        _indent(text) <= _indent(above)
        or above.rstrip().endswith(":")
        or not re.match(r"\s*[^\s:#-][^:#]*:\s+\S", above)
    ):
        return None
    return (
        f"Filen går inte att läsa: raden med '{key[2].strip()}' är indragen längre än raden ovanför. "
        "Ta bort mellanslagen först på raden, så att nyckeln står lika långt in som de andra."
    )


def diagnosis(error: yaml.YAMLError, lines: list[str], offset: int) -> list[tuple[int, str]]:
    """(line, Swedish message) for a YAML syntax error, whichever library found it (for a tab,
    one for every line with a tab)."""
    problem = str(getattr(error, "problem", "") or error)
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line = mark.line + 1 if mark else 1
    start = getattr(error, "context_mark", None)
    first = start.line + 1 if start else line
    for number in range(min(first, line), line + 1):  # a tab where indentation or a value begins
        text = lines[number - 1] if 0 < number <= len(lines) else ""
        if _indented_with_tab(text) or ":\t" in text:
            return _tabs(lines, number, offset)
    if problem.startswith("could not find expected ':'") and start and 0 < first <= len(lines):
        # The library names the line where it gave up, the next one (or one past the file's end).
        message = _no_colon(lines[first - 1])
        if message:
            return [(offset + first, message)]
    if problem.startswith("mapping values are not allowed"):
        above = _key_without_colon(lines, line)
        if above:  # "titel Öppet hus" went on into the next line's "ingress:", which was blamed
            return [(offset + above, _no_colon(lines[above - 1]))]
        indented = _indented_key(lines, line)
        if indented:
            return [(offset + line, indented)]
    opened = _open_quote(lines, line)
    if opened:
        number, quote = opened
        message = f"citattecknet ({quote}) på raden stängs aldrig. Sätt ett {quote} efter texten"
        return [(offset + number, f"Filen går inte att läsa: {message}.")]
    for english, swedish in _MESSAGES.items():
        if problem.startswith(english):
            return [(offset + line, f"Filen går inte att läsa: {swedish}.")]
    return [(offset + line, "Filen går inte att läsa. Kontrollera indrag, kolon och citattecken på raden.")]
