"""A problem found in an editor's file, reported as `fil:rad: KOD meddelande`.

Every problem has a stable code (SV101 ...) so that editors can look it up with
`python build.py regler` and tests can check what was found without matching words.
"""

import re
from dataclasses import dataclass

ERROR = "fel"
WARNING = "varning"

_CODE = re.compile(r"SV\d{3}")


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    code: str
    message: str
    level: str = ERROR

    def __post_init__(self):
        # A message given where the code belongs would print as nonsense: fail at once instead.
        if not _CODE.fullmatch(self.code):
            raise ValueError(f"not a problem code: {self.code!r}")

    def __str__(self) -> str:
        prefix = "varning: " if self.level == WARNING else ""
        return f"{self.file}:{self.line}: {self.code} {prefix}{self.message}"


def summary(problems: list[Problem]) -> str:
    """One closing line in Swedish that counts errors and warnings."""
    errors = sum(1 for p in problems if p.level == ERROR)
    warnings = len(problems) - errors
    if not problems:
        return "Inga fel hittades."
    parts = [f"{errors} fel"]
    if warnings:
        parts.append(f"{warnings} {'varning' if warnings == 1 else 'varningar'}")
    return " och ".join(parts) + " hittades."


def report(problems: list[Problem]) -> str:
    """All problems, sorted by file and line, then the count."""
    unique = sorted(set(problems))
    return "\n".join([*(str(p) for p in unique), summary(unique)])


def has_errors(problems: list[Problem]) -> bool:
    return any(p.level == ERROR for p in problems)
