"""What a build keeps of the parsed content for the next build (the incremental build,
publish/incremental.py): every file's parse and what was worked out per page, so the next
build reads and checks again only the files that changed since.

Kept as one pickle in the build cache (paths.CACHE), only ever read by the same code: its
name holds the recipe (a hash of the code and the libraries), so a change to either starts
afresh. A cache that cannot be read is no error: the build parses everything.
"""

import pickle
from pathlib import Path

from .. import swap


def load(path: Path) -> dict | None:
    """The kept parse from `path`, re-keyed for this process, or None."""
    try:
        with open(path, "rb") as file:
            kept = pickle.load(file)
    except Exception:  # missing, cut short, or from other code: parse everything instead
        return None
    # What was worked out per page is kept by the page object's id, and ids are new in this
    # process: the same page objects come back (pickle keeps shared references), so re-key them.
    return {
        (key[0], key[1], id(value[0]), *key[3:]) if key[0] == "per_page" else key: value for key, value in kept.items()
    }


def save(path: Path, parsed: dict) -> None:
    """Keep `parsed` (ContentStore.parsed) at `path`, written beside it and renamed."""
    swap.write_whole(path, pickle.dumps(parsed, protocol=pickle.HIGHEST_PROTOCOL))
