"""The editor's preview (`build.py serve`): while an editor saves and readers reload every
response is whole, the search always answers and the last save shows; open tabs are told to
reload; a mistake is listed on every page while the last good version is served."""

import re
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from html import unescape
from urllib.error import HTTPError, URLError

from conftest import KOMMUN
from samverkanstrappan import paths
from samverkanstrappan.content.store import ContentStore
from samverkanstrappan.render import create_app, live_reload
from samverkanstrappan.render import live as live_preview
from samverkanstrappan.routes import Router

CLIENTS = 10
SAVES = 12


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode("utf-8")
    except HTTPError as error:
        return error.code, ""


def test_reloads_while_a_file_is_saved_never_fail_and_search_always_answers(content, tmp_path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, str(paths.REPO / "build.py"), "serve", "--innehall", str(content)]
    command += ["--port", str(port), "--sokindex", str(tmp_path / "sokindex")]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if get(base + "/sv/")[0] == 200:
                    break
            except URLError:
                assert server.poll() is None and time.monotonic() < deadline, "build.py serve did not start"
                time.sleep(0.2)
        page = content / "sidor" / "sv" / "om.md"
        text = page.read_text(encoding="utf-8")
        failed, stop = [], threading.Event()

        def reader():
            while not stop.is_set():
                for path, whole in (("/sv/om/", "</html>"), ("/sv/sok/?q=boende", 'class="traffar"')):
                    try:
                        status, body = get(base + path)
                    except OSError as error:
                        failed.append((path, str(error)))
                        continue
                    if status != 200 or whole not in body:
                        failed.append((path, status))

        readers = [threading.Thread(target=reader) for _ in range(CLIENTS)]
        for thread in readers:
            thread.start()
        try:
            for number in range(SAVES):
                page.write_text(text + f"\nVersion {number} av sidan.\n", encoding="utf-8")
                time.sleep(0.5)
        finally:
            stop.set()
            for thread in readers:
                thread.join()
        assert failed == []
        deadline = time.monotonic() + 10  # the watcher reads the last save a moment after it
        while f"Version {SAVES - 1} av sidan." not in get(base + "/sv/om/")[1]:
            assert time.monotonic() < deadline, "the last save never showed"
            time.sleep(0.05)
    finally:
        server.terminate()
        server.wait(timeout=30)
        server.stderr.close()


PROBLEM_LINE = re.compile(r"^(?P<file>\S+):(?P<line>\d+): (?P<code>SV\d{3}) ", re.MULTILINE)


def preview_problems(html: str) -> list[tuple[str, str, str]]:
    """(file, line, code) of each problem the preview lists at the top of a page."""
    panel = re.search(r'<section class="forhandsvisning-fel[^"]*"[^>]*>.*?<pre>(.*?)</pre>', html, re.S)
    return [(m["file"], m["line"], m["code"]) for m in PROBLEM_LINE.finditer(unescape(panel[1]))] if panel else []


def test_a_mistake_is_listed_on_every_page_while_the_last_good_version_is_served(content, tmp_path):
    app = create_app(KOMMUN, content, serve=True, search_index=tmp_path / "index")
    client = app.test_client()
    page = content / "sidor" / "sv" / "om.md"
    good = page.read_text(encoding="utf-8")
    page.write_text(good + "\nFörsta versionen.\n", encoding="utf-8")
    assert "Första versionen." in client.get("/sv/om/").text
    lines = good.splitlines()
    lines[1] = "\t" + lines[1]  # a tab in the front matter: SV101 on line 2
    page.write_text("\n".join(lines) + "\nAndra versionen.\n", encoding="utf-8")
    for url in ("/sv/om/", "/ar/"):  # every page, in every language
        html = client.get(url).text
        assert [(line, code) for file, line, code in preview_problems(html) if file.endswith("sv/om.md")] == [
            ("2", "SV101")
        ], url
        assert 'lang="sv"' in html.split('class="forhandsvisning-fel', 1)[1].split(">", 1)[0]
    html = client.get("/sv/om/").text
    assert "Första versionen." in html and "Andra versionen." not in html  # the last good version
    assert 'class="traffar"' in client.get("/sv/sok/?q=boende").text
    page.write_text(good + "\nTredje versionen.\n", encoding="utf-8")
    html = client.get("/sv/om/").text
    assert "Tredje versionen." in html and preview_problems(html) == [] and "forhandsvisning-fel" not in html


def test_the_problems_a_save_brings_or_mends_are_told_once_each(content, tmp_path):
    """build.py serve printed the problems it started with and then nothing: a mistake saved
    later showed only in the browser (an editor's walk, session 44)."""
    app = create_app(KOMMUN, content, serve=True, search_index=tmp_path / "index")
    client, told = app.test_client(), []
    live_preview.preview(app).on_problems = told.append
    page = content / "sidor" / "sv" / "om.md"
    good = page.read_text(encoding="utf-8")
    lines = good.splitlines()
    lines[1] = "\t" + lines[1]
    for text in ("\n".join(lines) + "\nFel.\n", "\n".join(lines) + "\nFel igen.\n", good + "\nRätt.\n"):
        page.write_text(text, encoding="utf-8")
        client.get("/sv/om/")
    assert [[(problem.line, problem.code) for problem in problems] for problems in told] == [[(2, "SV101")], []]


def test_open_tabs_are_told_to_reload_when_a_saved_file_is_read(content, tmp_path):
    app = create_app(KOMMUN, content, serve=True, search_index=tmp_path / "index")
    stop = live_reload.watch(app)
    try:
        client = app.test_client()
        html = client.get("/sv/om/").text
        shown = re.search(r'<script src="/_forhandsvisning/ladda-om.js" data-version="(\d+)" defer>', html)[1]
        script = client.get("/_forhandsvisning/ladda-om.js")
        assert script.mimetype == "text/javascript" and "EventSource" in script.text
        events = client.get("/_forhandsvisning/andringar", buffered=False)
        assert events.mimetype == "text/event-stream"
        stream = iter(events.response)
        assert next(stream) == f"data: {shown}\n\n".encode()
        page = content / "sidor" / "sv" / "om.md"
        page.write_text(page.read_text(encoding="utf-8") + "\nSparat nyss.\n", encoding="utf-8")
        started = time.monotonic()
        message = next(stream)
        while message == b": \n\n":  # kept alive while nothing changed
            message = next(stream)
        assert message.startswith(b"data: ") and message != f"data: {shown}\n\n".encode()
        assert time.monotonic() - started < 5
        assert "Sparat nyss." in client.get("/sv/om/").text  # what the reloaded tab shows
        events.close()
    finally:
        stop.set()
        live_preview.preview(app).close()


def test_the_built_site_has_nothing_of_the_preview(small_builds):
    output = small_builds[KOMMUN].output
    found = [path for path in output.rglob("*") if path.is_file() and b"_forhandsvisning" in path.read_bytes()]
    assert found == [] and not (output / "_forhandsvisning").exists()


def test_a_long_editing_session_keeps_only_what_the_current_version_needs(content, tmp_path):
    """Each version keeps the parse and the per-page work of its own files only: after many
    saves the preview holds no more than after the first few."""
    app = create_app(KOMMUN, content, serve=True, search_index=tmp_path / "index")
    client = app.test_client()
    page = content / "sidor" / "sv" / "om.md"
    text, sizes = page.read_text(encoding="utf-8"), []
    for number in range(8):
        page.write_text(text + f"\nVersion {number}.\n", encoding="utf-8")
        assert f"Version {number}." in client.get("/sv/om/").text
        assert client.get("/sv/sok/?q=boende").status_code == 200
        sizes.append(len(app.extensions["content"]._cache))  # what the current version keeps
    assert sizes[-1] <= sizes[2] + 2, sizes


def test_a_save_that_cannot_be_read_does_not_stop_the_watcher(content, tmp_path, monkeypatch):
    app = create_app(KOMMUN, content, serve=True, search_index=tmp_path / "index")
    state = live_preview.preview(app)
    real, refused = state.read, []

    def read(*args, **kwargs):
        if len(refused) < 2:  # the save's own reading, and the look at every file after it
            refused.append(args)
            raise PermissionError("no right to read")
        return real(*args, **kwargs)

    monkeypatch.setattr(state, "read", read)
    stop = live_reload.watch(app)
    try:
        page = content / "sidor" / "sv" / "om.md"
        text = page.read_text(encoding="utf-8")
        page.write_text(text + "\nFörsta sparningen.\n", encoding="utf-8")
        deadline = time.monotonic() + 10
        while len(refused) < 2:
            assert time.monotonic() < deadline, "the watcher never read the save"
            time.sleep(0.02)
        time.sleep(0.2)
        page.write_text(text + "\nAndra sparningen.\n", encoding="utf-8")
        client = app.test_client()
        while "Andra sparningen." not in client.get("/sv/om/").text:
            assert time.monotonic() < deadline + 10, "the watcher stopped after a save it could not read"
            time.sleep(0.05)
        assert state.watching
        # Once the editor pauses, the watcher prunes what the last reading left.
        while state.unpruned is not None:
            assert time.monotonic() < deadline + 15, "the watcher never pruned after a pause"
            time.sleep(0.1)
    finally:
        stop.set()
        state.close()


def test_after_a_save_only_the_saved_file_is_read_again(content):
    """What the watcher hands the preview (ContentStore.changed): the saved file is read again,
    and the settings, flow and word lists that were not saved stay the objects they were,
    so the URLs worked out from them are kept too (Router.urls)."""
    store, router = ContentStore(content, KOMMUN), Router()
    urls = router.urls(store)
    built = []  # each URL the router builds: none when it keeps the URLs it worked out
    build_url = router.url
    router.url = lambda *args, **values: built.append(args) or build_url(*args, **values)
    page = content / "sidor" / "sv" / "om.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nEtt nytt stycke.\n", encoding="utf-8")
    saved = store.changed({page}, listed=False)
    assert "Ett nytt stycke" in saved.pages["sv", "om"].rendered.text
    unsaved = ("kommun", "flow", "verksamheter", "synonyms", "kris", "directory_translations")
    assert [name for name in unsaved if getattr(saved, name) is not getattr(store, name)] == ["directory_translations"]
    assert saved.directory_translations == store.directory_translations
    assert router.urls(saved) == urls and built == []
    folder = content / "kommuner" / KOMMUN
    settings = folder / "kommun.yaml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("sprak: [sv, en, ar, fi, uk]", "sprak: [sv, en]"))
    fewer = saved.changed({settings}, listed=False)
    assert fewer.languages == ("sv", "en") and fewer.flow is saved.flow
    assert {url.split("/")[1] for url in router.urls(fewer)} & {"ar", "fi", "uk"} == set()
    directory = folder / "verksamheter.yaml"
    directory.write_text(directory.read_text(encoding="utf-8").replace("0100-10 00 00", "0100-10 00 99", 1))
    english = folder / "verksamheter.en.yaml"
    english.write_text(english.read_text(encoding="utf-8").replace("Answers questions", "Answers all questions", 1))
    both = fewer.changed({directory, english}, listed=False)
    assert "0100-10 00 99" in repr(both.verksamheter) and "0100-10 00 99" not in repr(fewer.verksamheter)
    assert "Answers all questions" in repr(both.directory_translations["en"])
    assert both.kommun is fewer.kommun and both.flow is fewer.flow
    flow = content / "vagvisare" / "flode.yaml"
    flow.write_text(flow.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    built.clear()
    flowed = both.changed({flow}, listed=False)
    assert flowed.flow is not both.flow and router.urls(flowed) == router.urls(both) and built != []


def test_a_settings_file_saved_in_a_linked_folder_is_read_again(content, tmp_path):
    """The municipality's folder may be a link to one kept elsewhere; the watcher names its
    files by the link, the file system by where they are."""
    folder = content / "kommuner" / KOMMUN
    kept = tmp_path / "kept"
    folder.rename(kept)
    folder.symlink_to(kept, target_is_directory=True)
    store = ContentStore(content, KOMMUN)
    settings = folder / "kommun.yaml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("sprak: [sv, en, ar, fi, uk]", "sprak: [sv, en]"))
    assert store.changed({settings}, listed=False).languages == ("sv", "en")
