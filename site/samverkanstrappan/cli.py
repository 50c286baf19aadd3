"""The command line of build.py, in Swedish: its help, argparse's own words and its mistakes.

Editors run `python build.py`, so it speaks as the build does. argparse words its help and
its errors through gettext, so they are translated where argparse asks for them (`swedish()`),
and a mistake is one line that says where the help is, as the build's own messages are. The
commands have Swedish names; the English ones that the README, the Makefile and scripts use
work as before.
"""

import argparse
import contextlib
import difflib
import re
from pathlib import Path

# Each command's Swedish name (shown), its English one (kept) and what it does.
COMMANDS = {
    "bygg": ("build", "bygg webbplatsen i build/<kommun>/ (utan kommando är det bygg)"),
    "kontroll": ("check", "kontrollera bara innehållet och skriv ut alla fel på en gång"),
    "visa": ("serve", "förhandsvisa webbplatsen medan du skriver, på http://127.0.0.1:8000/sv/"),
    "regler": ("regler", "lista alla felkoder (SV101 ...) med vad var och en betyder"),
}
BY_NAME = {name: english for swedish, (english, _) in COMMANDS.items() for name in (swedish, english)}

# argparse's words that a person running build.py can meet (Python 3.11–3.13), in Swedish.
# The rest are messages to whoever writes the parser, never shown to an editor.
SWEDISH = {
    "usage: ": "användning: ",
    "positional arguments": "kommandon",
    "options": "flaggor",
    "show this help message and exit": "visa den här hjälpen och avsluta",
    "%(prog)s: error: %(message)s\n": "%(prog)s: %(message)s\n",
    "%(prog)s: warning: %(message)s\n": "%(prog)s: varning: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "unrecognized arguments: %s": "okända flaggor: %s",
    "the following arguments are required: %s": "det här saknas: %s",
    "expected one argument": "ett värde behövs efter flaggan",
    "expected at most one argument": "högst ett värde får stå efter flaggan",
    "expected at least one argument": "minst ett värde behövs efter flaggan",
    "expected %s argument": "%s värde behövs efter flaggan",
    "expected %s arguments": "%s värden behövs efter flaggan",
    "ignored explicit argument %r": "flaggan tar inget värde, men fick %r",
    "ambiguous option: %(option)s could match %(matches)s": "%(option)s kan vara flera flaggor: %(matches)s",
    "invalid choice: %(value)r (choose from %(choices)s)": "%(value)r går inte att välja (välj bland %(choices)s)",
    "invalid %(type)s value: %(value)r": "%(value)r går inte att läsa (%(type)s)",
    "not allowed with argument %s": "går inte att använda tillsammans med %s",
    "one of the arguments %s is required": "ett av de här behövs: %s",
    "can't open '%(filename)s': %(error)s": "filen '%(filename)s' går inte att öppna: %(error)s",
}


def _gettext(message: str) -> str:
    return SWEDISH.get(message, message)


def _ngettext(singular: str, plural: str, count: int) -> str:
    return _gettext(singular if count == 1 else plural)


@contextlib.contextmanager
def swedish():
    """argparse in Swedish while the parser is made and reads the command line. argparse looks
    its words up through its module's own `_` and `ngettext` (from gettext) when it needs them."""
    saved = argparse._, argparse.ngettext
    argparse._, argparse.ngettext = _gettext, _ngettext
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved


class Parser(argparse.ArgumentParser):
    def error(self, message: str):
        """One line, as the build's own messages are: argparse would print its usage first. A
        flag it does not know is given the closest one it does (--komun: --kommun)."""
        known = [flag for flag in self._option_string_actions if flag.startswith("--")]
        named = message.split(":", 1)[1] if message.startswith("okända flaggor:") else ""  # not a value's words
        unknown = [word for word in re.findall(r"--[\w-]+", named) if word not in known]
        close = [found for word in unknown for found in difflib.get_close_matches(word, known, n=1)]
        hint = f" Menade du {', '.join(close)}?" if close else ""
        self.exit(2, f"{self.prog}: {message}.{hint} Skriv python {self.prog} --help för att se alla val.\n")


def _whole_number(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' är inget heltal") from None


def _folder(text: str) -> Path:
    """A folder that is there: a mistyped --innehall was "stopped by the computer", to be tried again."""
    if not Path(text).is_dir():
        raise argparse.ArgumentTypeError(f"mappen '{text}' finns inte")
    return Path(text)


def parser(kommun: str, build: Path, content: Path, search_index: Path) -> Parser:
    """build.py's parser; call it and parse_args() within `swedish()`."""
    listing = "\n".join(
        f"  {name:<10}{does}" + (f" (också: {english})" if english != name else "")
        for name, (english, does) in COMMANDS.items()
    )
    made = Parser(
        prog="build.py",
        usage="%(prog)s [kommando] [flaggor]",
        description=f"Bygg eller visa webbplatsen Samverkanstrappan.\n\nkommandon:\n{listing}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    # Named in the description above, which keeps their lines as written.
    made.add_argument("command", nargs="?", default="bygg", help=argparse.SUPPRESS)
    made.add_argument("--kommun", default=kommun, help=f"kommunens mapp i content/kommuner/ (standard: {kommun})")
    made.add_argument("--alla", action="store_true", help="bygg alla kommuner, var och en i sin mapp")
    made.add_argument("--ut", type=Path, default=build, help=f"mappen som byggena hamnar i (standard: {build.name}/)")
    made.add_argument("--innehall", type=_folder, default=content, help="innehållsmappen (standard: content/)")
    made.add_argument("--sokindex", type=Path, default=search_index, help="mappen som sökindexen hamnar i")
    port = "porten som förhandsvisningen (visa) svarar på (standard: 8000)"
    made.add_argument("--port", type=_whole_number, default=8000, help=port)
    workers = "hur många processer bygget använder (standard: alla kärnor)"
    made.add_argument("--processer", type=_whole_number, default=None, help=workers)
    made.add_argument("--hel", action="store_true", help="bygg allt, inte bara det som ändrats sedan förra bygget")
    return made


def command(name: str) -> str | None:
    """The English name the build goes by for command `name` (Swedish or English), or None."""
    return BY_NAME.get(name)


def unknown(name: str, content: Path) -> str:
    """One line for a command that does not exist, naming those that do."""
    names = ", ".join(COMMANDS)
    english = ", ".join(english for english, _ in COMMANDS.values() if english not in COMMANDS)
    hint = f" En kommun väljs med --kommun {name}." if (Path(content) / "kommuner" / name).is_dir() else ""
    return f"build.py: '{name}' är inget kommando. Välj bland {names} (eller {english}).{hint}"
