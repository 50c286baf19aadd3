"""What Whoosh's analyzer made of each text, kept between builds: the incremental build
writes a changed language's index whole (publish/changes.py), and at 2,000 extra pages
analysing its 2,000 texts again took 2.8 of the 4.6 s that the index took. With what the
last build kept, only the texts that changed are analysed; the index is the same, since
Whoosh is handed the very terms, counts and weights its analyzer gave.

One file per language in the build's cache folder (publish/incremental.py), written by the
process that writes that language's index, with the recipe (the code and library versions)
that made it. A build that starts from the last build's cache reads it (an incremental build,
or a full one after the output was deleted), and only what the same recipe made; `--hel`
writes it and reads none.
"""

import hashlib
import pickle
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from .. import swap


@dataclass(frozen=True)
class Kept:
    """Where a language's analysis is kept, and the recipe of the build that keeps it."""

    path: Path
    recipe: str


def file(cache: Path, recipe: str, lang: str) -> Kept:
    """Where the build cache folder `cache` keeps `lang`'s analysis, made by `recipe`."""
    return Kept(cache / f"whoosh-{lang}.pickle", recipe)


def load(kept: Kept) -> dict:
    """What a build of the same recipe kept, or nothing (no file, one of another recipe, or
    one that cannot be read: a build that failed may have left one of a newer code's)."""
    try:
        with open(kept.path, "rb") as opened:
            recipe, made = pickle.load(opened)
    except Exception:  # a cache only: every text is analysed again
        return {}
    return made if recipe == kept.recipe and isinstance(made, dict) else {}


def save(kept: Kept, made: dict) -> None:
    """Keep what this build's analyzer made, for the next build (nothing when it cannot)."""
    try:
        swap.write_whole(kept.path, pickle.dumps((kept.recipe, made), protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:  # a cache only (a full disk, a folder that cannot be written): the build goes on
        with suppress(OSError):
            kept.path.unlink(missing_ok=True)


@contextmanager
def analysed(schema, names: tuple[str, ...], kept: dict, made: dict):
    """While documents are added, each field of `names` takes a text's analysis from `kept`
    when it has it; every analysis used goes into `made`. The writer's own schema objects
    are given an `index` of their own, which is taken away again before the commit pickles
    the schema into the index."""
    try:
        for name in names:
            field = schema[name]
            field.index = partial(_index, name, field.index, kept, made)
        yield
    finally:
        for name in names:
            vars(schema[name]).pop("index", None)


def _index(name: str, analyse, kept: dict, made: dict, value, **options):
    if options or not isinstance(value, str):  # not how a writer adds a document's text
        return analyse(value, **options)
    key = (name, hashlib.blake2b(value.encode("utf-8", "surrogatepass"), digest_size=16).digest())
    items = kept.get(key)
    if items is None:
        items = list(analyse(value))
    made[key] = items
    return items
