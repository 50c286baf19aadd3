"""Which keys an editor file may have, what each means, and how its text is read.

One `Field` per key. The Swedish `help` text is the documentation: the editors'
guide lists it, and a test fails when a key is missing from the guide.
"""

import datetime
import difflib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from . import yamltext
from .problems import Problem
from .yamltext import YamlList, YamlMap

UNKNOWN_KEY = "SV110"
MISSING_KEY = "SV111"
BAD_VALUE = "SV112"
NOT_A_CHOICE = "SV113"
NO_BRACKETS = "SV114"
CODES = {
    UNKNOWN_KEY: "En nyckel finns inte för den här sortens fil eller post (ofta ett stavfel).",
    MISSING_KEY: "En nyckel som måste finnas saknas.",
    BAD_VALUE: "Ett värde går inte att läsa: fel sort, till exempel inget datum, telefonnummer eller ingen webbadress.",
    NOT_A_CHOICE: "Ett värde är inte ett av dem som är tillåtna för nyckeln.",
    NO_BRACKETS: "En lista är skriven med kommatecken men utan hakparenteser: skriv [a, b, c].",
}


@dataclass(frozen=True)
class Field:
    name: str
    kind: str
    help: str
    required: bool = False
    choices: tuple[str, ...] = ()

    def __hash__(self) -> int:
        # By name only: each parsed file is cached under its fields, and the preview looks up
        # every page's after each save (42,000 hashes of the whole field at 2,000 extra pages).
        return hash(self.name)


def _text(value):
    if not isinstance(value, str):
        return None, "ska vara en text på en rad"
    if not value:
        return None, "är tom"
    return value, None


def _date(value):
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return None, "ska vara ett datum som 2026-11-22 (år-månad-dag)"
    try:
        return datetime.date.fromisoformat(value), None
    except ValueError:
        return None, f"'{value}' är inget riktigt datum"


def _integer(value):
    if not isinstance(value, str) or not re.fullmatch(r"-?\d+", value):
        return None, "ska vara ett heltal"
    return int(value), None


def _yesno(value):
    if value in ("ja", "nej"):
        return value == "ja", None
    return None, "ska vara ja eller nej"


def _without_brackets(value) -> bool:
    """Whether a list of words was written as `a, b, c`: YAML reads that as one text, which
    would be one search phrase needing all three words, or one language named "a, b, c"."""
    return isinstance(value, str) and "," in value


def _text_list(value):
    if _without_brackets(value):
        words = [word.strip() for word in value.split(",") if word.strip()]
        return None, f"ska vara en lista inom hakparenteser: skriv [{', '.join(words)}]"
    return _lines(value)


def _lines(value):
    """A list of sentences (the accessibility statement's known problems): one sentence alone
    is a list of one, commas and all."""
    if isinstance(value, str):  # a single word is a list of one
        value = [value] if value else []
    if not isinstance(value, list) or not all(isinstance(item, str) and item for item in value):
        return None, "ska vara en lista med ord, till exempel [ett, två]"
    return list(value), None


_PHONE = re.compile(r"\+?[\d][\d \-()]*")
# Word and many keyboards make the hyphen a dash (0200–10 00 00), which no reader tells apart.
_DASHES = str.maketrans(dict.fromkeys("‐‑‒–—−", "-"))


def _phone(value):
    """A Swedish phone number: 0… or +46… with 7–10 digits after the prefix, or a short number."""
    text, error = _text(value)
    if error:
        return None, error
    text = text.translate(_DASHES)
    digits = re.sub(r"\D", "", text)
    swedish = (
        (text.startswith("+46") and 9 <= len(digits) <= 12)
        or (text.startswith("0") and not text.startswith("00") and 8 <= len(digits) <= 11)
        or (len(digits) <= 6 and text[0] in "19" and text.replace(" ", "").isdigit())
    )
    if not _PHONE.fullmatch(text) or not swedish:
        words = " Skriv bara numret här, utan ord." if re.search(r"[^\W\d_]", text) else ""
        return None, f"'{text}' är inget svenskt telefonnummer.{words} Skriv till exempel 010-123 45 67"
    return text, None


def tel(nummer: str) -> str:
    """A phone number as a tel: link wants it: +46 and digits for a Swedish number (0…), + and
    digits for an international one, digits for a short number (112, 1177, 90101)."""
    digits = "".join(ch for ch in nummer if ch.isdigit())
    if nummer.strip().startswith("+"):
        return "+" + digits
    return "+46" + digits[1:] if digits.startswith("0") else digits


def _url(value):
    text, error = _text(value)
    if error:
        return None, error
    if not re.fullmatch(r"https://[a-z0-9.-]+\.[a-z]{2,}(/[^\s]*)?", text, re.IGNORECASE):
        return None, f"'{text}' är ingen webbadress. Den ska börja med https://"
    return text, None


def _email(value):
    text, error = _text(value)
    if error:
        return None, error
    if not re.fullmatch(r"[^@\s]+@[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}", text, re.IGNORECASE):
        return None, f"'{text}' är ingen e-postadress"
    return text, None


def _colour(value):
    text, error = _text(value)
    if error:
        return None, error
    if not re.fullmatch(r"#[0-9a-fA-F]{6}", text):
        curly = "".join(dict.fromkeys(ch for ch in text if ch in yamltext.CURLY))
        if curly:  # Word's quotes: the editor did write it within quotes, but not the straight ones
            colour = text.strip(yamltext.CURLY + "\"'")
            which = "ett typografiskt" if len(curly) == 1 else "typografiska"
            return None, (
                f"'{text}' är ingen färg: {curly} är {which} citattecken, som YAML läser som en del av värdet. "
                f'Skriv färgen inom raka citattecken: "{colour}"'
            )
        return None, (
            f"'{text}' är ingen färg. Skriv den som #1d4e89 (# och sex tecken 0–9, a–f) inom raka citattecken: "
            '"#1d4e89"'
        )
    return text.lower(), None


def _kommunkod(value):
    """SCB's code for a municipality: always four digits (0114 Upplands Väsby ... 2584 Kiruna).
    Kept as text, since a code may begin with 0."""
    text, error = _text(value)
    if error:
        return None, error
    if not re.fullmatch(r"\d{4}", text):
        return None, f"'{text}' är ingen kommunkod. Den är fyra siffror från SCB, till exempel \"1265\""
    return text, None


def _block(value):
    if isinstance(value, (YamlMap, YamlList)):
        return value, None
    return None, "ska ha egna rader under sig (indragna)"


def _map(value):
    """A block of named rows (`id: ...`): a list there was read as nothing at all."""
    if isinstance(value, YamlMap):
        return value, None
    if isinstance(value, YamlList):
        return None, "ska ha rader med ett namn och kolon under sig (id: ...), inte rader som börjar med -"
    return None, "ska ha egna rader under sig (indragna)"


READERS: dict[str, Callable] = {
    "phone": _phone,
    "url": _url,
    "email": _email,
    "block": _block,
    "map": _map,
    "colour": _colour,
    "kommunkod": _kommunkod,
    "text": _text,
    "date": _date,
    "integer": _integer,
    "yesno": _yesno,
    "list": _text_list,
    "lines": _lines,
    "choice": _text,  # the choices are checked by check_mapping
}


def check_mapping(data: YamlMap, fields: tuple[Field, ...], file: str) -> Iterator[Problem]:
    """Yield a problem for every unknown, missing or unreadable key."""
    by_name = {field.name: field for field in fields}
    for key in data:
        if key not in by_name:
            hint = difflib.get_close_matches(key, by_name, n=1)
            tip = f" Menade du '{hint[0]}'?" if hint else f" Tillåtna nycklar: {', '.join(by_name)}."
            yield Problem(file, data.line_of(key), UNKNOWN_KEY, f"Okänd nyckel '{key}'.{tip}")
    for field in fields:
        if field.name not in data:
            if field.required:
                yield Problem(file, data.line, MISSING_KEY, f"Nyckeln '{field.name}' saknas. Den behövs: {field.help}")
            continue
        value, error = READERS[field.kind](data[field.name])
        if error is None and field.choices and value not in field.choices:
            choices = ", ".join(field.choices)
            message = f"'{field.name}' ska vara ett av: {choices} (inte '{value}')."
            yield Problem(file, data.line_of(field.name), NOT_A_CHOICE, message)
        elif error:
            yield Problem(
                file, data.line_of(field.name), error_code(field, data[field.name]), f"'{field.name}' {error}."
            )


def error_code(field: Field, value) -> str:
    """The code for a value of `field` that cannot be read: a list without brackets has its own."""
    if field.kind == "map" and isinstance(value, YamlList):
        return yamltext.SHAPE  # a list where named rows should be
    return NO_BRACKETS if field.kind == "list" and _without_brackets(value) else BAD_VALUE


def read(field: Field, value):
    """Return (value in its Python type, None) or (None, what is wrong in Swedish)."""
    result, error = READERS[field.kind](value)
    if error is None and field.choices and result not in field.choices:
        return None, f"ska vara ett av: {', '.join(field.choices)} (inte '{result}')"
    return result, error


def values(data: YamlMap, fields: tuple[Field, ...]) -> dict:
    """The readable values of `data`, typed; unreadable or missing keys are left out."""
    result = {}
    for field in fields:
        if field.name in data:
            value, error = read(field, data[field.name])
            if error is None:
                result[field.name] = value
    return result
