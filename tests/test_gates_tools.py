"""Gates run by real tools on the frozen site: the Nu HTML Checker (vnu.jar) and
LinkChecker crawling the site over HTTP."""

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sysconfig
from pathlib import Path

import pytest
from conftest import gated_pages, html_pages, url_of
from samverkanstrappan import paths

# Outside tools (Java, a crawler over HTTP) on the built pages: slow, and nothing in them
# depends on the Python version, so they run with the browser gates (docs/decisions.md).
pytestmark = pytest.mark.browser

VNU = paths.REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
LINKCHECKER_CONFIG = Path(__file__).parent / "linkcheckerrc"
# The pages linkcheckerrc tells LinkChecker to check but not to parse (its nofollow).
NOT_FOLLOWED = re.compile(
    next(line.strip() for line in LINKCHECKER_CONFIG.read_text(encoding="utf-8").splitlines() if "/flera/" in line)
)


def test_nu_html_checker_finds_no_errors(built_site):
    assert shutil.which("java"), "Java is needed for the Nu HTML Checker: apt-get install default-jre-headless"
    assert VNU.is_file(), "vnu.jar is missing: run npm ci"
    pages = [str(page) for page in gated_pages(built_site)]
    assert len(pages) > 600
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *pages],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [(m.get("url", "").split(str(built_site))[-1], m.get("lastLine"), m["message"]) for m in messages]
    assert errors == []
    assert result.returncode == 0


def test_linkchecker_finds_no_broken_links_and_reaches_every_page(site_url, built_site):
    # pip puts its command beside the Python that runs the suite; that folder is on PATH only
    # where a virtualenv is active (a pyenv shim appears only after `pyenv rehash`).
    folders = [sysconfig.get_path("scripts"), os.environ.get("PATH", os.defpath)]
    linkchecker = shutil.which("linkchecker", path=os.pathsep.join(folders))
    assert linkchecker, "LinkChecker is missing: pip install -e '.[test]'"
    result = subprocess.run(
        [
            linkchecker,
            "--config",
            str(LINKCHECKER_CONFIG),
            "--no-status",
            "--verbose",
            "--output",
            "csv",
            f"{site_url}/",
            f"{site_url}/404.html",
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    rows = list(
        csv.DictReader(
            io.StringIO("\n".join(line for line in result.stdout.splitlines() if not line.startswith("#"))),
            delimiter=";",
        )
    )
    broken = [(row["parentname"], row["urlname"], row["result"]) for row in rows if row["valid"] != "True"]
    assert broken == []
    assert result.returncode == 0, result.stderr[-2000:]
    reached = {row["url"].split("#")[0].removeprefix(site_url) for row in rows}
    reached |= links_on_unparsed_pages(built_site, reached)
    orphans = [url for url in (url_of(built_site, page) for page in html_pages(built_site)) if url not in reached]
    assert orphans == [], "pages no link leads to"


def links_on_unparsed_pages(site: Path, reached: set[str]) -> set[str]:
    """The pages linked from the reached pages LinkChecker does not parse (linkcheckerrc's
    nofollow: the three-need combined answers), read with a plain pattern. The handover card
    of such an answer is linked from that answer only; it is reached through it."""
    unparsed = [page for page in html_pages(site) if NOT_FOLLOWED.search(url_of(site, page))]
    assert unparsed, "linkcheckerrc's nofollow pattern matches no page: update NOT_FOLLOWED"
    return {
        href
        for page in unparsed
        if url_of(site, page) in reached
        for href in re.findall(r'href="(/[^"#]*)', page.read_text(encoding="utf-8"))
    }
