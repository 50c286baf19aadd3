"""Where the project's folders are. Absolute, because Flask-Babel and Frozen-Flask
resolve relative paths against the package folder, not the working directory."""

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CONTENT = REPO / "content"
TRANSLATIONS = REPO / "translations"
SEARCH_INDEX = REPO / "search_index"
BUILD = REPO / "build"
CACHE = REPO / ".cache"  # what builds keep between runs (extracted strings); safe to delete
DEFAULT_KOMMUN = "exempelstad"


def search_index(kommun: str, given: Path | None = None) -> Path:
    """The folder of a municipality's Whoosh index: `given`, or search_index/<kommun>."""
    return Path(given or SEARCH_INDEX / kommun).resolve()
