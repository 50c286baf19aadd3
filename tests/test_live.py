"""The editor's preview (`build.py serve`) while an editor saves and readers reload: every
response is whole, the search always answers, and the last save shows."""

import socket
import subprocess
import sys
import threading
import time
import urllib.request
from urllib.error import HTTPError, URLError

from samverkanstrappan import paths

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
