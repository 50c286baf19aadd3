"""The incremental build (publish/incremental.py): after an edit, `python build.py` writes again
only what depends on it, and its output is byte for byte what a full build writes."""

import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import KOMMUN, files
from samverkanstrappan import paths, swap
from samverkanstrappan.index import sokning
from samverkanstrappan.publish import builder


@pytest.fixture
def own_cache(tmp_path, monkeypatch):
    """A build cache of the test's own, so two tests never share what a build keeps."""
    monkeypatch.setattr(paths, "CACHE", tmp_path / "cache")


def build(content: Path, output: Path, index: Path, full: bool = False) -> tuple[int, str]:
    out = io.StringIO()
    code = builder.build(KOMMUN, output, content, workers=2, out=out, search_index=index, full=full)
    return code, out.getvalue()


def written(printed: str) -> tuple[int, int] | None:
    """(written, all) from an incremental build's last line; None after a full build."""
    found = re.search(r"Klart: (\d+) av (\d+) adresser skrevs om", printed)
    return (int(found[1]), int(found[2])) if found else None


def leftovers(folder: Path) -> list[str]:
    """What a build left beside its output: half-built or replaced folders (`.ut.ny`, `.ut.gammal`)."""
    return sorted(path.name for path in folder.iterdir() if path.name.startswith("."))


def search_answers(content: Path, index: Path) -> dict:
    """Every query of the relevance set, as server mode answers it from `index`."""
    from flask import g
    from samverkanstrappan.render import create_app, sok
    from sok_helpers import relevance_set

    app = create_app(KOMMUN, content, serve=True, live=False, search_index=index)
    found = {}
    with app.test_request_context("/sv/sok/"):
        for case in relevance_set():
            lang, query = case["sprak"], case["fraga"]
            if lang in app.extensions["content"].languages:
                g.lang = lang
                found[lang, query] = sokning.answer(
                    index, sok.search_data(lang), query, words=dict(sok.known_words(lang))
                )
    return found


def page_edit(content: Path) -> None:
    page = content / "sidor" / "sv" / "om.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nEtt nytt stycke om zebrafinkar.\n", encoding="utf-8")


def review_date_edit(content: Path) -> None:
    """A date that no search document holds: the page shows it, the A–Ö lists do not."""
    page = content / "sidor" / "sv" / "om.md"
    text = re.sub(r"granskad: \S+", "granskad: 2026-12-03", page.read_text(encoding="utf-8"), count=1)
    page.write_text(text, encoding="utf-8")


def translated_page_edit(content: Path) -> None:
    """A page of one language: only that language's search indexes are written again."""
    page = content / "sidor" / "en" / "steg" / "information.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nA new paragraph about zebra finches.\n", encoding="utf-8")


def title_edit(content: Path) -> None:
    """A step's title shows in the staircase of every page."""
    page = content / "sidor" / "sv" / "steg" / "information.md"
    text = page.read_text(encoding="utf-8").replace("titel: Information", "titel: Hitta information", 1)
    page.write_text(text, encoding="utf-8")


def step_summary_edit(content: Path) -> None:
    """The step of every combined answer: its summary shows at the end of each."""
    page = content / "sidor" / "sv" / "steg" / "samordningsplan.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(
        re.sub(r"beskrivning: (.*)", r"beskrivning: \1 Nu med en mening till.", text, count=1), encoding="utf-8"
    )


def new_page(content: Path) -> None:
    shutil.copy(content / "sidor" / "sv" / "om.md", content / "sidor" / "sv" / "om-oss.md")


def removed_page(content: Path) -> None:
    (content / "sidor" / "sv" / "om-oss.md").unlink()


def phone_edit(content: Path) -> None:
    directory = content / "kommuner" / KOMMUN / "verksamheter.yaml"
    text = directory.read_text(encoding="utf-8").replace("0100-10 00 00", "0100-10 00 99", 1)
    directory.write_text(text, encoding="utf-8")


def guide_edit(content: Path) -> None:
    words = content / "vagvisare" / "sv" / "barn-skola.md"
    text = words.read_text(encoding="utf-8").replace(
        "Hej. Jag ringer om mitt barn.", "Hej! Jag ringer om mitt barn.", 1
    )
    words.write_text(text, encoding="utf-8")


def earlier_answer_title_edit(content: Path) -> None:
    """An answer that a combined answer keeps a part for (behov.also) shows its title there,
    and on the staff's card: the part of vald's combined answers for a child in danger."""
    words = content / "vagvisare" / "sv" / "barn-i-fara.md"
    text = words.read_text(encoding="utf-8")
    words.write_text(re.sub(r"^titel: (.*)$", r"titel: \1 nu", text, count=1, flags=re.M), encoding="utf-8")


def lattlast_summary_edit(content: Path) -> None:
    """A lättläst page's summary: lättläst's search page shows it for the ordinary page's result."""
    page = content / "sidor" / "sv" / "lattlast" / "steg" / "samordningsplan.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(re.sub(r"beskrivning: (.*)", r"beskrivning: \1 En mening till.", text, count=1), encoding="utf-8")


def lattlast_answer_title_edit(content: Path) -> None:
    """A vägvisare answer's lättläst title: lättläst's search page shows it too."""
    words = content / "vagvisare" / "sv" / "lattlast" / "beroende.md"
    text = words.read_text(encoding="utf-8")
    words.write_text(re.sub(r"titel: (.*)", r"titel: \1 i dag", text, count=1), encoding="utf-8")


def translated_directory_edit(content: Path) -> None:
    """A contact card shows the directory's words in the reader's language."""
    words = content / "kommuner" / KOMMUN / "verksamheter.en.yaml"
    text = words.read_text(encoding="utf-8").replace("Answers questions", "Answers all questions", 1)
    words.write_text(text, encoding="utf-8")


def logo_edit(content: Path) -> None:
    logo = content / "kommuner" / KOMMUN / "logotyp.svg"
    logo.write_text(logo.read_text(encoding="utf-8").replace("</svg>", "<!-- ny --></svg>", 1), encoding="utf-8")


def own_lattlast_page(content: Path) -> None:
    """A municipality's own lättläst twin: every page that links to it learns it exists."""
    folder = content / "kommuner" / KOMMUN / "sidor" / "sv" / "lattlast" / "steg"
    folder.mkdir(parents=True)
    shutil.copy(content / "sidor" / "sv" / "lattlast" / "steg" / "information.md", folder / "information.md")


def language_dropped(content: Path) -> None:
    """A language the municipality no longer publishes, and an edit in another: nothing of it stays."""
    settings = content / "kommuner" / KOMMUN / "kommun.yaml"
    text = settings.read_text(encoding="utf-8").replace("sprak: [sv, en, ar, fi, uk]", "sprak: [sv, en, fi, uk]")
    settings.write_text(text, encoding="utf-8")
    translated_page_edit(content)


def synonym_edit(content: Path) -> None:
    """Only the browser's search data holds the synonyms."""
    words = content / "data" / "synonymer.yaml"
    text = words.read_text(encoding="utf-8").replace("[anhörig, närstående,", "[anhörig, närstående, nära,", 1)
    words.write_text(text, encoding="utf-8")


def crisis_words_edit(content: Path) -> None:
    """The crisis lexicon: the search page's crisis block and the browser's search data."""
    words = content / "data" / "kris.en.yaml"
    text = words.read_text(encoding="utf-8").replace("  - suicidal\n", "  - suicidal\n  - end it all\n", 1)
    words.write_text(text, encoding="utf-8")


def flow_order_edit(content: Path) -> None:
    """The same outcomes in another order: the same URLs, listed (the sitemap) in a new order."""
    flow = content / "vagvisare" / "flode.yaml"
    block = "  akut-fara:\n    nummer: [akut]\n    trappsteg: vagvisare\n    kanslig: ja\n"
    text = flow.read_text(encoding="utf-8").replace(block, "", 1)
    flow.write_text(text.replace("  vald-vuxen:\n", block + "  vald-vuxen:\n", 1), encoding="utf-8")


def lattlast_start_removed(content: Path) -> None:
    """Without a lättläst start page, no page may link to it."""
    (content / "sidor" / "sv" / "lattlast" / "start.md").unlink()


EDITS = [
    page_edit,
    review_date_edit,
    translated_page_edit,
    title_edit,
    step_summary_edit,
    new_page,
    removed_page,
    phone_edit,
    guide_edit,
    earlier_answer_title_edit,
    lattlast_summary_edit,
    lattlast_answer_title_edit,
    translated_directory_edit,
    synonym_edit,
    crisis_words_edit,
    flow_order_edit,
    page_edit,  # after a new order: what the last build kept of the URL lists must be the new one
    logo_edit,
    own_lattlast_page,
    lattlast_start_removed,
    language_dropped,
]


def _content_files(content: Path) -> dict[str, bytes]:
    return {path.relative_to(content).as_posix(): path.read_bytes() for path in content.rglob("*") if path.is_file()}


@pytest.mark.browser  # the end-to-end tier: twenty edits, each compared with a full build (decisions.md)
def test_after_each_kind_of_edit_the_output_is_a_full_builds(content, tmp_path, own_cache):
    output, index = tmp_path / "ut", tmp_path / "index"
    assert build(content, output, index)[0] == 0
    for edit in EDITS:
        before = _content_files(content)
        edit(content)
        assert _content_files(content) != before, edit.__name__  # an edit whose text was not found
        code, printed = build(content, output, index)
        assert code == 0, (edit.__name__, printed[-500:])  # a file added or removed: a full build
        reference = tmp_path / f"hel-{edit.__name__}"
        assert build(content, reference, tmp_path / f"index-{edit.__name__}", full=True)[0] == 0
        ours, theirs = files(output), files(reference)
        assert sorted(ours) == sorted(theirs), edit.__name__
        assert [name for name in ours if ours[name] != theirs[name]] == [], edit.__name__


def test_an_edit_writes_again_only_what_depends_on_it(content, tmp_path, own_cache):
    output, index = tmp_path / "ut", tmp_path / "index"
    code, printed = build(content, output, index)
    assert code == 0 and written(printed) is None  # the first build is a full one
    before = files(output)
    page_edit(content)
    code, printed = build(content, output, index)
    done, every = written(printed)
    assert (
        code == 0
        and 0 < done <= 40
        and every == len(before) - len([n for n in before if n.startswith(("pagefind/", "granskning/"))])
    )
    after = files(output)
    reference = tmp_path / "hel"
    assert build(content, reference, tmp_path / "index-hel", full=True)[0] == 0
    assert after == files(reference)
    assert "zebrafinkar" in after["sv/om/index.html"].decode()
    # Its search index answers as a full build's: a language with a change is written whole.
    assert search_answers(content, index) == search_answers(content, tmp_path / "index-hel")
    assert sorted(name for name in after if after[name] != before.get(name) and not name.startswith("pagefind/")) != []
    # Whoosh's index was updated, not rebuilt, and finds the new words.
    from samverkanstrappan.render import create_app, sok

    app = create_app(KOMMUN, content, serve=True, live=False, search_index=index)
    with app.test_request_context("/sv/sok/"):
        from flask import g

        g.lang = "sv"
        assert "/sv/om/" in [r.url for r in sokning.answer(index, sok.search_data("sv"), "zebrafinkar").results]
    # Nothing changed: nothing is written, and --hel writes everything.
    assert written(build(content, output, index)[1])[0] == 0
    assert written(build(content, output, index, full=True)[1]) is None


def test_a_change_no_search_document_holds_writes_neither_index_nor_the_a_to_o_lists(content, tmp_path, own_cache):
    output, index = tmp_path / "ut", tmp_path / "index"
    assert build(content, output, index)[0] == 0
    kept = tmp_path / "kept"  # the published files, linked: a file written again is a new one
    shutil.copytree(output, kept, copy_function=os.link)
    review_date_edit(content)
    code, printed = build(content, output, index)
    assert code == 0 and written(printed), printed
    again = {
        name for name in files(output) if not (kept / name).exists() or not os.path.samefile(output / name, kept / name)
    }
    assert "sv/om/index.html" in again
    assert not [name for name in again if name.startswith(("pagefind/", "sok/")) or "/a-o/" in name]
    reference = tmp_path / "hel"
    assert build(content, reference, tmp_path / "index-hel", full=True)[0] == 0
    assert files(output) == files(reference)


def test_an_edit_in_one_language_indexes_only_that_language_and_never_writes_into_the_published_files(
    content, tmp_path, own_cache
):
    output, index = tmp_path / "ut", tmp_path / "index"
    assert build(content, output, index)[0] == 0
    before = files(output)
    # Hard links to every published file: a build that wrote into one would change these too.
    kept = tmp_path / "kept"
    shutil.copytree(output, kept, copy_function=os.link)
    translated_page_edit(content)
    code, printed = build(content, output, index)
    assert code == 0 and written(printed)
    assert files(kept) == before
    after = files(output)
    changed = {name for name in after if after[name] != before.get(name)} | (before.keys() - after.keys())
    pagefind = [name for name in changed if name.startswith("pagefind/")]
    english = [name for name in pagefind if re.search(r"[/.]en_", name)]
    assert english and sorted(set(pagefind) - set(english)) == ["pagefind/pagefind-entry.json"]
    unchanged = [name for name in after if name.startswith("pagefind/") and "sv_" in name]
    assert unchanged and all(os.path.samefile(output / name, kept / name) for name in unchanged)
    reference = tmp_path / "hel"
    assert build(content, reference, tmp_path / "index-hel", full=True)[0] == 0
    assert after == files(reference)


def test_a_mistake_stops_an_incremental_build_and_the_output_stays(content, tmp_path, own_cache):
    output, index = tmp_path / "ut", tmp_path / "index"
    assert build(content, output, index)[0] == 0
    before, index_before = files(output), files(index)
    page = content / "sidor" / "sv" / "om.md"
    good = page.read_text(encoding="utf-8")
    page.write_text(good.replace("titel:", "\ttitel:", 1), encoding="utf-8")
    code, printed = build(content, output, index)
    assert code == 1 and re.search(r"sidor/sv/om\.md:\d+: SV101 ", printed)
    assert files(output) == before and files(index) == index_before
    assert leftovers(tmp_path) == []  # nor the last output's linked copy, made beside the build
    page.write_text(good + "\nRättat.\n", encoding="utf-8")
    code, printed = build(content, output, index)
    assert (
        code == 0
        and written(printed)
        and "Rättat." in (output / "sv" / "om" / "index.html").read_text(encoding="utf-8")
    )
    assert leftovers(tmp_path) == []  # the replaced folders, removed beside the build, are gone


def test_a_linked_copy_made_beside_the_build_is_the_same_files(tmp_path):
    # The program that swap.in_background() starts, as the build starts it.
    output, fresh = tmp_path / "ut", tmp_path / ".ut.ny"
    (output / "sv" / "om").mkdir(parents=True)
    (output / "sv" / "om" / "index.html").write_text("<p>Om</p>", encoding="utf-8")
    (output / "sv" / "tom").mkdir()
    (output / "sv" / "genvag").symlink_to("om")
    (fresh / "sv").mkdir(parents=True)
    (fresh / "sv" / "kvar.html").write_text("från ett bygge som stoppades", encoding="utf-8")
    assert swap.done(swap.in_background("linked_copy", output, fresh))
    assert sorted(path.relative_to(fresh).as_posix() for path in fresh.rglob("*")) == [
        "sv",
        "sv/genvag",
        "sv/om",
        "sv/om/index.html",
        "sv/tom",
    ]
    assert os.path.samefile(fresh / "sv" / "om" / "index.html", output / "sv" / "om" / "index.html")
    assert os.readlink(fresh / "sv" / "genvag") == "om"
    assert swap.done(swap.in_background("remove", fresh)) and not fresh.exists() and output.is_dir()
    assert not swap.done(swap.in_background("linked_copy", tmp_path / "saknas", fresh))


def test_when_the_linked_copy_beside_the_build_fails_the_build_makes_it_itself(
    content, tmp_path, own_cache, monkeypatch
):
    output, index = tmp_path / "ut", tmp_path / "index"
    assert build(content, output, index)[0] == 0
    background, asked = swap.in_background, []

    def linking_fails(command, *folders):
        asked.append(command)
        if command != "linked_copy":
            return background(command, *folders)
        if len(asked) == 1:  # the first build: the process fails
            return subprocess.Popen([sys.executable, "-c", "raise SystemExit(1)"])
        return None  # the second: none could be started, as in_background() says then

    monkeypatch.setattr(swap, "in_background", linking_fails)
    page_edit(content)
    code, printed = build(content, output, index)
    assert code == 0 and written(printed) and asked == ["linked_copy", "remove"], printed
    translated_page_edit(content)
    code, printed = build(content, output, index)
    assert code == 0 and written(printed) and asked == ["linked_copy", "remove"] * 2, printed
    monkeypatch.undo()
    reference = tmp_path / "hel"
    assert build(content, reference, tmp_path / "index-hel", full=True)[0] == 0
    assert files(output) == files(reference)
    assert leftovers(tmp_path) == []


def test_a_process_that_cannot_start_is_none_and_the_builder_removes_the_old_folders_itself(tmp_path, monkeypatch):
    from samverkanstrappan.publish import changes

    old = tmp_path / ".ut.gammal"
    (old / "sv").mkdir(parents=True)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "ingen-python"))
    assert swap.in_background("remove", old) is None
    assert changes.remove_old([old]) is None and not old.exists()


def test_search_documents_in_another_order_are_a_change():
    # Where two titles sort the same, the A–Ö list (and each index) keeps the documents' order.
    from samverkanstrappan.publish import incremental

    sources = {"/sv/a-o/": ["dokument:sv"], "/sv/om/": ["sidor/sv/om.md"]}
    earlier = {"documents": {"sv": {"/sv/a/": "1", "/sv/b/": "2"}}, "files": {}, "urls": sources}
    now = incremental.Made({}, sources, {"sv": []}, {"sv": {"/sv/b/": "2", "/sv/a/": "1"}}, shape="")
    plan = incremental.plan(now, earlier)
    assert plan.changed_languages == ["sv"] and plan.render == ["/sv/a-o/"]


@pytest.mark.browser  # the end-to-end tier: five builds of the same site, on one Python (decisions.md)
def test_a_new_version_of_the_code_or_an_output_replaced_by_hand_means_a_full_build(
    content, tmp_path, own_cache, monkeypatch
):
    from samverkanstrappan.publish import incremental

    output, index = tmp_path / "ut", tmp_path / "index"
    assert build(content, output, index)[0] == 0
    monkeypatch.setattr(incremental, "VERSION", incremental.VERSION + 1)  # as if the code had changed
    assert written(build(content, output, index)[1]) is None
    monkeypatch.undo()
    monkeypatch.setattr(paths, "CACHE", tmp_path / "cache")
    assert build(content, output, index)[0] == 0  # a manifest again
    copy = tmp_path / "kopia"
    shutil.copytree(output, copy)
    shutil.rmtree(output)
    copy.rename(output)  # the same files, but not the folder the last build published
    assert written(build(content, output, index)[1]) is None
    manifest = incremental.folder(KOMMUN, output, index) / incremental.MANIFEST
    manifest.write_bytes(b"inte ett manifest")  # a cache that cannot be read: a full build, no traceback
    code, printed = build(content, output, index)
    assert code == 0 and written(printed) is None and "Traceback" not in printed


def test_when_what_was_made_cannot_be_worked_out_the_site_is_still_published(content, tmp_path, own_cache, monkeypatch):
    # It is worked out while the workers render, before the site is published: a failure there
    # must cost only the next build's shortcut, never this build.
    from samverkanstrappan.publish import incremental

    output, index = tmp_path / "ut", tmp_path / "index"

    def unreadable(*arguments):
        raise PermissionError("en fil gick inte att läsa")

    monkeypatch.setattr(incremental, "made", unreadable)
    code, printed = build(content, output, index)
    assert code == 0 and (output / "sv" / "om" / "index.html").is_file(), printed
    monkeypatch.undo()
    monkeypatch.setattr(paths, "CACHE", tmp_path / "cache")
    page_edit(content)
    assert written(build(content, output, index)[1]) is None  # nothing to start from: a full build


def test_the_site_s_shape_changes_with_its_files_flow_and_settings_but_not_a_page_s_text():
    """When the shape is the same, the last build's URLs and their sources are used again
    (Router.known): no address and no source depends on a page's text."""
    from types import SimpleNamespace

    from samverkanstrappan.publish import incremental

    store = SimpleNamespace(kommun_slug=KOMMUN)
    files = {
        "sidor/sv/om.md": [1, 10, "a"],
        "vagvisare/flode.yaml": [1, 10, "b"],
        f"kommuner/{KOMMUN}/kommun.yaml": [1, 10, "c"],
    }
    shape = incremental.shape(store, files)
    assert incremental.shape(store, {**files, "sidor/sv/om.md": [2, 11, "z"]}) == shape
    assert incremental.shape(store, {**files, "vagvisare/flode.yaml": [2, 11, "z"]}) != shape
    assert incremental.shape(store, {**files, f"kommuner/{KOMMUN}/kommun.yaml": [2, 11, "z"]}) != shape
    assert incremental.shape(store, {**files, "sidor/sv/ny.md": [1, 1, "n"]}) != shape


@pytest.mark.browser  # the end-to-end tier: three builds and two indexes searched, on one Python
def test_a_full_build_from_the_last_build_s_cache_indexes_as_one_from_nothing(content, tmp_path, own_cache):
    """With its output deleted, a build is a full one that starts from the kept parse and
    Whoosh's kept analysis (publish/builder.py); its index answers as --hel's does."""
    output, index = tmp_path / "ut", tmp_path / "index"
    assert build(content, output, index)[0] == 0
    page_edit(content)  # so that one text is analysed again and the others are taken as kept
    shutil.rmtree(output)
    code, printed = build(content, output, index)
    assert code == 0 and written(printed) is None  # a full build
    assert build(content, tmp_path / "hel", tmp_path / "index-hel", full=True)[0] == 0
    assert search_answers(content, index) == search_answers(content, tmp_path / "index-hel")


def test_the_same_urls_in_a_new_order_are_kept_in_their_new_order(tmp_path):
    """Dicts compare equal in any order: the URLs and their lists (the sitemap's) that the next
    build takes again (reuse_addresses) must be this build's, in this build's order."""
    from types import SimpleNamespace

    from samverkanstrappan.publish import incremental

    store = SimpleNamespace(parsed=dict)
    output, index = tmp_path / "ut", tmp_path / "index"
    output.mkdir(), index.mkdir()

    def save_and_read(urls: dict, shape: str, earlier=None):
        now = incremental.Made({}, urls, {}, {}, shape)
        incremental.save(tmp_path, "recept", store, now, output, index, earlier, lists={("sida",): list(urls)})
        return incremental.previous(tmp_path, "recept", output, index)

    first = save_and_read({"/sv/a/": ["x"], "/sv/b/": ["y"]}, "form-1")
    again = save_and_read({"/sv/b/": ["y"], "/sv/a/": ["x"]}, "form-2", first)
    assert list(again.manifest["urls"]) == ["/sv/b/", "/sv/a/"]
    assert again.manifest["lists"] == {("sida",): ["/sv/b/", "/sv/a/"]}
