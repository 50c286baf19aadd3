"""The lines of a gettext catalog (messages.po), read as a translator writes them.

Babel reads a broken line with an English warning and goes on, and polib says only
"Syntax error". So each line is checked here first: a comment, a keyword with its text in
quotes, or a text in quotes that goes on from the line above. What is wrong is said in
Swedish, on the line where it is.
"""

import io
import re

from ..content.problems import Problem

SYNTAX = "SV711"
_QUOTED = r'"(?:[^"\\]|\\.)*"'
_LINE = re.compile(rf"^\s*(?:#.*|(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+{_QUOTED}\s*|{_QUOTED}\s*)?$")
_KEYWORD = re.compile(r"^\s*(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\b\s*(.*)$")


def _why(text: str) -> str:
    """What is wrong with one line that is not a comment, keyword or quoted text."""
    found = _KEYWORD.match(text)
    rest = found[2] if found else text.strip()
    if rest.startswith('"'):
        return 'citattecknet (") i början av texten stängs aldrig. Sätt ett " sist på raden.'
    if found:
        return f'texten efter {found[1]} ska stå inom citattecken, till exempel {found[1]} "Meny".'
    return (
        "raden är varken en kommentar (#), msgid, msgstr eller en text inom citattecken. "
        "Ta bort den eller sätt texten inom citattecken."
    )


def problems(text: str, file: str) -> list[Problem]:
    """One problem per broken line; when every line is whole, what Babel still cannot read
    (a msgid without msgstr), the way it will be compiled."""
    found = [
        Problem(file, number, SYNTAX, f"Filen går inte att läsa: {_why(line)}")
        for number, line in enumerate(text.splitlines(), 1)
        if not _LINE.match(line)
    ]
    if found:
        return found
    # Here, not at the top: a build whose catalogs were read before (their parse is kept)
    # never needs Babel's reader, which took 0.04 s to import.
    from babel.messages.pofile import PoFileError, read_po

    try:
        read_po(io.StringIO(text), abort_invalid=True)
    except PoFileError as error:
        line = error.lineno + 1  # Babel counts from 0
        return [Problem(file, line, SYNTAX, "Filen går inte att läsa: varje msgid ska följas av en msgstr.")]
    except ValueError:  # the header's Plural-Forms or charset cannot be read
        return [
            Problem(
                file,
                1,
                SYNTAX,
                'Filens huvud (msgid "" överst) går inte att läsa: kontrollera Plural-Forms och charset.',
            )
        ]
    return []
