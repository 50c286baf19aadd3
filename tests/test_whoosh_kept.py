"""What Whoosh's analyzer made of each text, kept between builds (index/whoosh_kept.py): an
index made with it holds exactly what one made without it holds, it is what the analyzer
gave (a kept analysis is used, not made again), and only a build of the same recipe uses it."""

from pathlib import Path

from samverkanstrappan.index import whoosh_index as index
from samverkanstrappan.index import whoosh_kept
from samverkanstrappan.index.dokument import Dokument
from whoosh import index as whoosh_index
from whoosh.query import Term

DOCUMENTS = [
    Dokument("/sv/om/", "Om webbplatsen", "Här finns hjälp när flera behöver samverka.", "om sidan", "sida", "sv"),
    Dokument("/sv/sip/", "Be om en SIP", "En samordnad individuell plan skrivs tillsammans.", "sip plan", "sida", "sv"),
    Dokument("/sv/tom/", "Tom", "", "", "sida", "sv"),
]


def contents(folder: Path) -> list:
    """Every term of every field with its postings (documents and values), the fields'
    lengths (in all and in each document, which the scores use) and the stored fields: what an
    index holds, without its random segment names."""
    with whoosh_index.open_dir(str(folder)).searcher() as searcher:
        reader = searcher.reader()
        postings = [(field, term, list(reader.postings(field, term).all_items())) for field, term in reader.all_terms()]
        numbers = range(reader.doc_count_all())
        lengths = [reader.field_length(field) for field in index.FIELDS]
        lengths += [reader.doc_field_length(number, field) for number in numbers for field in index.FIELDS]
        return [postings, lengths, [searcher.stored_fields(number) for number in numbers]]


def built(root: Path, documents: list[Dokument], kept=None, reuse=False) -> Path:
    root.mkdir()
    assert index.build_language(root, "sv", documents, kept, reuse) == len(documents)
    return root / "sv"


def test_an_index_made_with_the_kept_analysis_is_the_one_made_without(tmp_path):
    kept = whoosh_kept.file(tmp_path / "cache", "recept-1", "sv")
    built(tmp_path / "forst", DOCUMENTS, kept)
    assert whoosh_kept.load(kept)  # what the build kept
    edited = Dokument("/sv/sip/", "Be om en SIP", "Planen skrivs om när något ändras.", "sip plan", "sida", "sv")
    changed = [DOCUMENTS[0], edited, DOCUMENTS[2]]
    assert contents(built(tmp_path / "sedan", changed, kept, reuse=True)) == contents(built(tmp_path / "utan", changed))
    again = built(tmp_path / "igen", DOCUMENTS, kept, reuse=True)
    assert contents(again) == contents(tmp_path / "forst" / "sv")
    schema = whoosh_index.open_dir(str(again)).schema  # as the index keeps it: the fields' own
    assert all("index" not in vars(schema[name]) for name in index.FIELDS)


def test_the_kept_analysis_is_used_and_only_from_the_same_recipe(tmp_path):
    kept = whoosh_kept.file(tmp_path / "cache", "recept-1", "sv")
    built(tmp_path / "forst", DOCUMENTS, kept)
    made = whoosh_kept.load(kept)
    # What the analyzer would never give: found after a build that reuses it, so it was used.
    for key in made:
        if key[0] == "text" and made[key]:
            made[key] = [(b"zebrafink", 1, 1.0, made[key][0][3])]
    whoosh_kept.save(kept, made)
    with whoosh_index.open_dir(str(built(tmp_path / "sedan", DOCUMENTS, kept, reuse=True))).searcher() as searcher:
        assert len(searcher.search(Term("text", "zebrafink"))) == 2
    other = whoosh_kept.file(tmp_path / "cache", "recept-2", "sv")  # the code changed since
    assert whoosh_kept.load(other) == {}
    with whoosh_index.open_dir(str(built(tmp_path / "annan", DOCUMENTS, other, reuse=True))).searcher() as searcher:
        assert len(searcher.search(Term("text", "zebrafink"))) == 0


def test_a_kept_analysis_that_cannot_be_written_leaves_the_index_as_it_is(tmp_path):
    cache = tmp_path / "cache"
    cache.write_text("en fil där mappen skulle vara")  # so nothing can be written below it
    kept = whoosh_kept.file(cache, "recept-1", "sv")
    assert contents(built(tmp_path / "med", DOCUMENTS, kept, reuse=True)) == contents(
        built(tmp_path / "utan", DOCUMENTS)
    )


def test_a_kept_analysis_that_cannot_be_read_is_none(tmp_path):
    kept = whoosh_kept.file(tmp_path, "recept-1", "sv")
    assert whoosh_kept.load(kept) == {}  # none kept yet
    kept.path.write_bytes(b"inte en pickle")
    assert whoosh_kept.load(kept) == {}
    built(tmp_path / "ny", DOCUMENTS, kept, reuse=True)
    assert whoosh_kept.load(kept)  # written again, whole
