"""Where the project's folders are. Absolute, because Flask-Babel and Frozen-Flask
resolve relative paths against the package folder, not the working directory."""

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CONTENT = REPO / "content"
TRANSLATIONS = REPO / "translations"
SEARCH_INDEX = REPO / "search_index"
BUILD = REPO / "build"
# What builds keep between runs (extracted strings, QR codes); safe to delete. A benchmark
# points it elsewhere to time a build on a fresh clone.
CACHE = Path(os.environ.get("SAMVERKANSTRAPPAN_CACHE") or REPO / ".cache").resolve()
DEFAULT_KOMMUN = "exempelstad"


def search_index(kommun: str, given: Path | None = None) -> Path:
    """The folder of a municipality's Whoosh index: `given`, or search_index/<kommun>."""
    return Path(given or SEARCH_INDEX / kommun).resolve()
