"""For the tests, the benchmarks and the scripts: a built site on a plain local web server,
and Debian's Chromium. One place, so that all of them serve and browse the same way.

    with static_site(folder) as url, sync_playwright() as playwright:
        browser = launch_chromium(playwright)

Standard library only (Playwright is handed in by the caller), and no Flask.
"""

import functools
import http.server
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# Debian's Chromium (apt-get install chromium). Tools that download a browser of their own
# do not work on these machines, so nothing here ever does.
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]


def launch_chromium(playwright, **options):
    """Debian's Chromium, headless, through Playwright. A missing Chromium raises: a browser
    check must fail on a machine without it, never pass or skip."""
    if not CHROMIUM.is_file():
        raise FileNotFoundError(f"Chromium saknas ({CHROMIUM}): apt-get install chromium")
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, **options)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files as a plain static host does, without a log line per request."""

    def log_message(self, *args):
        pass

    def end_headers(self):
        # LinkChecker slows to 10 requests a second per host unless the host
        # sends this header (its documented opt-in); nothing else reads it.
        self.send_header("LinkChecker", "ok")
        super().end_headers()


@contextmanager
def static_site(folder: Path) -> Iterator[str]:
    """Serve `folder` over HTTP on a free local port; yield the base URL (no trailing slash).

    The server runs in a child process, not a thread: a process with a thread must not fork
    (Python 3.12 warns), and the build forks its workers. So a test, benchmark or script that
    serves one site and then builds another stays single-threaded."""
    site = str(Path(__file__).resolve().parents[1])  # the folder the package is in
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [site, os.environ.get("PYTHONPATH")]))}
    server = subprocess.Popen(
        [sys.executable, "-m", __spec__.name, str(folder)], stdout=subprocess.PIPE, text=True, env=environment
    )
    try:
        port = server.stdout.readline().strip()
        if not port.isdigit():
            raise RuntimeError(f"the local web server did not start (exit code {server.wait(timeout=10)})")
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=10)
        server.stdout.close()


@contextmanager
def production_server(
    kommun: str, content: Path, search_index: Path, log: Path, workers: int = 2, built: Path | None = None
) -> Iterator[str]:
    """Server mode as the README runs it, gunicorn with `samverkanstrappan.wsgi:app`, on a free
    local port; yield the base URL. Its log is written to `log`. `built`: the site the same
    build wrote, whose files it answers the pages from (None: it renders every page)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    site = str(Path(__file__).resolve().parents[1])
    environment = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [site, os.environ.get("PYTHONPATH")])),
        "SAMVERKANSTRAPPAN_KOMMUN": kommun,
        "SAMVERKANSTRAPPAN_INNEHALL": str(content),
        "SAMVERKANSTRAPPAN_SOKINDEX": str(search_index),
        "SAMVERKANSTRAPPAN_SIDOR": str(built or ""),
        "SAMVERKANSTRAPPAN_ADRESS": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": str(workers),
    }
    command = [sys.executable, "-m", "gunicorn", "-c", "python:samverkanstrappan.gunicorn_conf"]
    with open(log, "w", encoding="utf-8") as written:
        server = subprocess.Popen(
            [*command, "samverkanstrappan.wsgi:app"], stdout=written, stderr=subprocess.STDOUT, env=environment
        )
        try:
            url = f"http://127.0.0.1:{port}"
            deadline = time.monotonic() + 60
            while True:  # until a worker answers: gunicorn listens before its workers have loaded the app
                try:
                    with urllib.request.urlopen(url + "/sv/", timeout=5):
                        break
                except OSError:
                    if server.poll() is not None or time.monotonic() > deadline:
                        printed = log.read_text(encoding="utf-8")[-2000:]
                        raise RuntimeError(f"gunicorn did not start: {printed}") from None
                    time.sleep(0.2)
            yield url
        finally:
            server.send_signal(signal.SIGQUIT)  # gunicorn's quick shutdown (TERM waits for workers)
            server.wait(timeout=30)


def _serve(folder: str) -> None:
    """The child process: print the port once it listens, then serve until terminated."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=folder))
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    _serve(sys.argv[1])
