"""The parse a build keeps for the next one (content/parse_cache.py): after a small edit only
what is new is written, and what it shares with the whole file comes back as the same objects."""

from types import SimpleNamespace

from samverkanstrappan.content import parse_cache


def _parsed(count: int) -> dict:
    """Entries shaped as ContentStore.parsed() gives them: each file's parse, and something
    worked out per page (kept by the page object's id)."""
    entries = {}
    for number in range(count):
        page = SimpleNamespace(key=f"sida-{number}", text="ord " * 50)
        entries[(f"/innehall/sida-{number}.md", 1, 100, "parse", ())] = (page, [])
        entries[("per_page", "lix", id(page), ())] = (page, 30.0 + number)
    return entries


def _pages(entries: dict) -> dict:
    return {value[0].key: value[0] for key, value in entries.items() if key[0] != "per_page"}


def _same_objects(entries: dict) -> bool:
    """Each per-page entry is keyed by its page's id, and its page is a file's page, not a copy."""
    pages = {id(value[0]) for key, value in entries.items() if key[0] != "per_page"}
    return all(key[2] == id(value[0]) in pages for key, value in entries.items() if key[0] == "per_page")


def test_a_small_edit_writes_only_what_is_new_and_keeps_shared_objects(tmp_path):
    parse_cache.save(tmp_path, _parsed(50))
    whole = (tmp_path / parse_cache.WHOLE).read_bytes()
    kept = parse_cache.load(tmp_path)
    assert len(kept.entries) == 100 and _same_objects(kept.entries)

    # One file read again (a new time, a new page), and something new worked out for an
    # unchanged page: what the next build's store would hand over.
    parsed = dict(kept.entries)
    old = next(key for key in parsed if key[0] == "/innehall/sida-3.md")
    del parsed[old], parsed[("per_page", "lix", id(kept.entries[old][0]), ())]
    edited = SimpleNamespace(key="sida-3", text="nytt")
    parsed[("/innehall/sida-3.md", 2, 104, "parse", ())] = (edited, [])
    parsed[("per_page", "lix", id(edited), ())] = (edited, 12.0)
    unchanged = _pages(kept.entries)["sida-7"]
    parsed[("per_page", "dokument", id(unchanged), ("sv",))] = (unchanged, "ett sökdokument")
    parse_cache.save(tmp_path, parsed, kept)

    assert (tmp_path / parse_cache.WHOLE).read_bytes() == whole  # not written again
    assert (tmp_path / parse_cache.NEW).stat().st_size < len(whole) / 10
    again = parse_cache.load(tmp_path)
    assert _same_objects(again.entries)
    found = [value for key, value in again.entries.items() if key[:2] == ("per_page", "dokument")]
    assert [(page.key, result) for page, result in found] == [("sida-7", "ett sökdokument")]
    assert again.entries[("/innehall/sida-3.md", 2, 104, "parse", ())][0].text == "nytt"


def test_when_much_is_new_everything_is_written_again(tmp_path):
    parse_cache.save(tmp_path, _parsed(50))
    kept = parse_cache.load(tmp_path)
    parse_cache.save(tmp_path, _parsed(50), kept)  # every page a new object: all of it is new
    assert not (tmp_path / parse_cache.NEW).exists()
    assert len(parse_cache.load(tmp_path).entries) == 100


def test_a_new_file_of_another_whole_file_or_cut_short_is_left_out(tmp_path):
    parse_cache.save(tmp_path, _parsed(50))
    kept = parse_cache.load(tmp_path)
    parsed = dict(kept.entries)
    page = SimpleNamespace(key="ny", text="ny sida")
    parsed[("/innehall/ny.md", 1, 7, "parse", ())] = (page, [])
    parse_cache.save(tmp_path, parsed, kept)
    new = (tmp_path / parse_cache.NEW).read_bytes()
    assert len(parse_cache.load(tmp_path).entries) == 101

    (tmp_path / parse_cache.NEW).write_bytes(new[: len(new) // 2])
    assert len(parse_cache.load(tmp_path).entries) == 100  # the whole file still holds a parse

    parse_cache.save(tmp_path, _parsed(50))  # another whole file; the new file left over from before
    (tmp_path / parse_cache.NEW).write_bytes(new)
    assert len(parse_cache.load(tmp_path).entries) == 100
