"""What a build keeps of the parsed content for the next build (the incremental build,
publish/incremental.py): every file's parse and what was worked out per page, so the next
build reads and checks again only the files that changed since.

Kept in the build cache (paths.CACHE), only ever read by the same code (the manifest beside
it holds the recipe: a hash of the code and the libraries). A cache that cannot be read is
no error: the build parses everything.

Two files. innehall.pickle holds everything a build had. After an edit, only what is new
goes to innehall-nytt.pickle, which names the objects it shares with the first file (an
unchanged page whose search document was worked out again) by their place there: at 2,000
extra pages the whole parse is 24 MB and took 0.25 s to write, after every edit. When what
is new grows past a tenth of the whole, the first file is written again and the second goes.
"""

import io
import pickle
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from .. import swap

WHOLE, NEW = "innehall.pickle", "innehall-nytt.pickle"
REWRITE_FROM = 10  # what is new makes more than 1/10 of the entries: write everything again


@dataclass
class Kept:
    """The parse an earlier build kept: `entries`, re-keyed for this process (hand them to the
    ContentStore), and what save() needs to write only what changed."""

    entries: dict
    token: str = ""  # names the whole file, so that a new-file is only read beside its own
    whole: dict = field(default_factory=dict)  # the entries of the whole file, re-keyed
    values: list = field(default_factory=list)  # its values in file order: what a new-file names


def _rekeyed(kept: dict) -> dict:
    # What was worked out per page is kept by the page object's id, and ids are new in this
    # process: the same page objects come back (pickle keeps shared references), so re-key them.
    return {
        (key[0], key[1], id(value[0]), *key[3:]) if key[0] == "per_page" else key: value for key, value in kept.items()
    }


class _Unpickler(pickle.Unpickler):
    """Reads a new-file: what it names by place comes back as the whole file's object."""

    def __init__(self, file, values: list):
        super().__init__(file)
        self.values = values

    # A method, not an attribute set on the instance: Python 3.13 made that one read-only.
    def persistent_load(self, place):
        return self.values[place][0]


def load(folder: Path) -> Kept | None:
    """The parse kept in `folder`, or None."""
    try:
        with open(folder / WHOLE, "rb") as file:
            token, raw = pickle.load(file)
        values = list(raw.values())
        whole = _rekeyed(raw)
    except Exception:  # missing, cut short, or from other code: parse everything instead
        return None
    entries = dict(whole)
    try:
        with open(folder / NEW, "rb") as file:
            of, new = _Unpickler(file, values).load()
        if of == token:  # else it was written beside another whole file: not ours
            entries.update(_rekeyed(new))
    except FileNotFoundError:
        pass
    except Exception:  # cut short or from other code: the whole file still holds a parse
        return Kept(whole, token, whole, values)
    return Kept(entries, token, whole, values)


def save(folder: Path, parsed: dict, kept: Kept | None = None) -> None:
    """Keep `parsed` (ContentStore.parsed) in `folder`: only what is not in the whole file of
    `kept` (what this build loaded), unless that has grown too large; each file is written
    beside itself and renamed."""
    new = {key: value for key, value in parsed.items() if kept is None or kept.whole.get(key) is not value}
    if kept is None or not kept.token or len(new) * REWRITE_FROM > len(parsed):
        token = secrets.token_hex(8)
        swap.write_whole(folder / WHOLE, pickle.dumps((token, parsed), protocol=pickle.HIGHEST_PROTOCOL))
        (folder / NEW).unlink(missing_ok=True)
        return
    # What a new entry may share with the whole file and must get back as the same object: the
    # first part of an entry, a page or a search document (what the entries of the page are
    # kept by). Named by the place of its entry there. Only these: mapping every object of
    # 45,000 entries took longer than writing them all.
    values = kept.values
    places = {id(value[0]): place for place, value in enumerate(values) if type(value) is tuple and value}

    class Pickler(pickle.Pickler):
        def persistent_id(self, obj):
            place = places.get(id(obj))
            return place if place is not None and values[place][0] is obj else None

    buffer = io.BytesIO()
    Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump((kept.token, new))
    swap.write_whole(folder / NEW, buffer.getvalue())
