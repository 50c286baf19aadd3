"""Shared fixtures: the app, a copy of the content to break, and the frozen site
served over HTTP the way a plain web host serves it."""

import functools
import http.server
import io
import shutil
import threading
from pathlib import Path

import pytest
from samverkanstrappan import paths
from samverkanstrappan.publish import builder
from samverkanstrappan.render import create_app

FIXTURES = Path(__file__).parent / "fixtures"
KOMMUN = paths.DEFAULT_KOMMUN


@pytest.fixture
def app():
    return create_app(KOMMUN)


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def content(tmp_path):
    """A private copy of the real content folder, for tests that break it."""
    copy = tmp_path / "content"
    shutil.copytree(paths.CONTENT, copy)
    return copy


def run_build(
    content_dir: Path, output: Path, kommun: str = KOMMUN, workers: int = 1, search_index: Path | None = None
) -> tuple[int, str]:
    """Build like `python build.py` does; return (exit code, what it printed)."""
    out = io.StringIO()
    code = builder.build(kommun, output, content_dir, workers=workers, out=out, search_index=search_index)
    return code, out.getvalue()


KOMMUNER = sorted(path.name for path in (paths.CONTENT / "kommuner").iterdir() if path.is_dir())


@pytest.fixture(scope="session", params=KOMMUNER)
def built_site(request, tmp_path_factory) -> Path:
    """Each bundled example municipality, built once for the whole run: every test that
    uses the frozen site (all the gates) runs on each of them."""
    output = tmp_path_factory.mktemp("bygge") / request.param
    out = io.StringIO()
    code = builder.build(request.param, output, out=out)
    assert code == 0, f"the bundled content must build:\n{out.getvalue()}"
    return output


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def end_headers(self):
        # LinkChecker slows to 10 requests a second per host unless the host
        # sends this header (its documented opt-in); nothing else reads it.
        self.send_header("LinkChecker", "ok")
        super().end_headers()


@pytest.fixture(scope="session")
def site_url(built_site) -> str:
    """The frozen site on a plain static file server, as any web host would serve it."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


CHROMIUM = "/usr/bin/chromium"  # Debian's Chromium; nothing downloads its own browser
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole run. Missing Chromium is a failure, not a skip."""
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).is_file(), "Chromium is missing: apt-get install chromium"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def url_of(site: Path, page: Path) -> str:
    """The URL path a host serves `page` at (`sv/om/index.html` → `/sv/om/`)."""
    relative = page.relative_to(site).as_posix()
    return "/" + (relative[: -len("index.html")] if relative.endswith("index.html") else relative)
