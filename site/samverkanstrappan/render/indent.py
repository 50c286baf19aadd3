"""Templates lose their indentation as Jinja reads them: it is for the people who edit them, not
for the visitor, and it was about 380 bytes of a Ukrainian combined answer (session 52)."""

import hashlib
import re
from pathlib import Path

from jinja2.ext import Extension

# A line's leading spaces and tabs, with what ends the line before it. The line break stays, so
# words and tags keep a space between them. But Jinja drops the line break after a block or a
# comment (trim_blocks): there the indentation was the only space, and one space stays. A line
# inside <pre> keeps its indentation: there it shows.
INDENT = re.compile(r"(%\}|#\}|)(\n)[ \t]+")
PRE = re.compile(r"(<pre\b.*?</pre>)", re.DOTALL)


def _drop(match: re.Match) -> str:
    return match[1] + match[2] + (" " if match[1] else "")


class DropIndent(Extension):
    """Removes each template line's leading spaces and tabs, but inside <pre>."""

    # Jinja keeps compiled templates by their source (render/app.py, KeptTemplates), which is
    # what this module is given, not what it makes: the kept templates' folder is named by this.
    version = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        return "".join(part if part.startswith("<pre") else INDENT.sub(_drop, part) for part in PRE.split(source))
