"""Shared fixtures: the app, a copy of the content to break, and the frozen site
served over HTTP the way a plain web host serves it.

Tests that need Chromium are marked `browser` here, by the fixture they ask for, so
`pytest -m "not browser"` is the fast loop and no browser test can be left unmarked.

The suite runs in two processes (pytest-xdist, `--dist loadgroup`): every test of one built
municipality goes to the same process, so each site is built and parsed once."""

import io
import os
import random
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from samverkanstrappan import devtools, paths
from samverkanstrappan.publish import builder
from samverkanstrappan.render import create_app

FIXTURES = Path(__file__).parent / "fixtures"
KOMMUN = paths.DEFAULT_KOMMUN

# The browser gates visit every page type in every language plus a random sample of the rest;
# the seed is fixed so that a run can be repeated, and printed in the header of every run.
SAMPLE_SEED = int(os.environ.get("SAMPLE_SEED", "18"))
SAMPLE_SIZE = int(os.environ.get("SAMPLE_SIZE", "40"))


def files(root: Path) -> dict[str, bytes]:
    """Every file below `root` by its path relative to it, with its bytes: two outputs compared."""
    return {path.relative_to(root).as_posix(): path.read_bytes() for path in root.rglob("*") if path.is_file()}


def pytest_report_header(config):
    return f"browser gates: every page type × language, plus {SAMPLE_SIZE} pages drawn with SAMPLE_SEED={SAMPLE_SEED}"


@pytest.hookimpl(tryfirst=True)  # before xdist's own hook reads the groups
def pytest_collection_modifyitems(items):
    for item in items:
        fixtures = getattr(item, "fixturenames", ())
        if "browser" in fixtures:
            item.add_marker(pytest.mark.browser)
        if "built_site" in fixtures:
            item.add_marker(pytest.mark.xdist_group(f"bygge-{item.callspec.params['built_site']}"))
        elif "small_builds" in fixtures:
            item.add_marker(pytest.mark.xdist_group("sma-byggen"))


@pytest.fixture(scope="session", autouse=True)
def own_search_indexes(tmp_path_factory):
    """Builds and apps that are given no search index keep theirs in this run's temporary folder,
    never in the repository's search_index/, which two runs or two workers would share. What
    builds keep for the next one (publish/incremental.py) goes there too, also for the builds
    that tests run as programs."""
    cache = tmp_path_factory.mktemp("cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(paths, "SEARCH_INDEX", tmp_path_factory.mktemp("sokindex"))
        patch.setattr(paths, "CACHE", cache)
        patch.setenv("SAMVERKANSTRAPPAN_CACHE", str(cache))
        yield


@pytest.fixture(scope="session")
def app():
    """The example municipality's app, made once: for tests that only read it and request pages."""
    return create_app(KOMMUN)


@pytest.fixture
def fresh_app():
    """An app of its own, for a test about what an app remembers between requests."""
    return create_app(KOMMUN)


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def content(tmp_path, small_content):
    """A private copy of the content folder, for tests that break or build it. It keeps three
    of the needs that combine (behov: in flode.yaml): 4 combined answers instead of 455, so a
    build takes seconds. Tests of the combined answers use the real content."""
    copy = tmp_path / "content"
    shutil.copytree(small_content, copy)
    return copy


@pytest.fixture(scope="session")
def small_content(tmp_path_factory) -> Path:
    """A copy of the content with three combining needs, shared by the tests that only build it:
    they must not change it (tests that change content use `content`)."""
    copy = tmp_path_factory.mktemp("sma") / "content"
    shutil.copytree(paths.CONTENT, copy)
    keep_needs(copy, 3)
    return copy


@dataclass(frozen=True)
class SmallBuild:
    output: Path
    search_index: Path


@pytest.fixture(scope="session")
def small_builds(small_content, tmp_path_factory) -> dict[str, SmallBuild]:
    """Every bundled municipality built once from `small_content` with two workers, as
    `python build.py` builds it: for tests that compare a build with another or read one."""
    root, builds = tmp_path_factory.mktemp("sma-byggen"), {}
    for slug in KOMMUNER:
        build = SmallBuild(root / "ut" / slug, root / "sokindex" / slug)
        code, printed = run_build(small_content, build.output, slug, workers=2, search_index=build.search_index)
        assert code == 0, printed
        builds[slug] = build
    return builds


def keep_needs(content_dir: Path, count: int) -> None:
    """Keep the first `count` needs under behov: in the copy's flode.yaml, and none of
    tillsammans: (which names needs that may be gone)."""
    flow = content_dir / "vagvisare" / "flode.yaml"
    lines, kept, inside, together = flow.read_text(encoding="utf-8").splitlines(keepends=True), [], False, False
    for line in lines:
        if line.startswith("tillsammans:") or (together and (line.startswith(" ") or not line.strip())):
            together = True
            continue
        together = False
        if line.startswith("behov:"):
            inside, left = True, count
        elif inside and line.startswith("  ") and not line.lstrip().startswith("#"):
            if left == 0:
                continue
            left -= 1
        elif inside and line.strip() and not line.startswith(" "):
            inside = False
        kept.append(line)
    flow.write_text("".join(kept), encoding="utf-8")


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


@pytest.fixture(scope="session")
def site_url(built_site) -> str:
    """The frozen site on a plain static file server, as any web host would serve it."""
    with devtools.static_site(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole run. Missing Chromium is a failure, not a skip."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = devtools.launch_chromium(playwright)
        yield chromium
        chromium.close()


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def gated_pages(site: Path) -> list[Path]:
    """Every page, but of the combined answers (455 per language, one template filled with the
    parts' contacts) one in ten, drawn with the run's seed: for the gates that parse or check
    each page, whose time would otherwise grow with every need added to the guide."""
    pages = html_pages(site)
    combined = [page for page in pages if "/flera/" in url_of(site, page)]
    skipped = set(combined) - set(random.Random(SAMPLE_SEED).sample(combined, len(combined) // 10))
    return [page for page in pages if page not in skipped]


def url_of(site: Path, page: Path) -> str:
    """The URL path a host serves `page` at (`sv/om/index.html` → `/sv/om/`)."""
    relative = page.relative_to(site).as_posix()
    return "/" + (relative[: -len("index.html")] if relative.endswith("index.html") else relative)
