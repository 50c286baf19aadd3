"""Time a full build and print pages, seconds, pages per second, peak memory and
the largest page's weight.

    python benchmarks/build_speed.py              the bundled example, as it is
    python benchmarks/build_speed.py --sidor 2000  plus that many copies of a long
                                                   trappsteg page, to measure at scale
    python benchmarks/build_speed.py --sidor 2000 --enkla
                                                   plus that many simple pages (a heading,
                                                   two short paragraphs and a link): the
                                                   kind of page Hugo's figure is for
"""

import argparse
import io
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "site"))

from samverkanstrappan import paths  # noqa: E402
from samverkanstrappan.publish import builder  # noqa: E402

SIMPLE_PAGE = """---
titel: Sida
beskrivning: En enkel sida för att mäta bygget.
trappsteg: information
granskad: 2026-11-22
---

Det här är en enkel sida. Den har en rubrik och två korta stycken.

## Mer hjälp

Läs om [stafettpinnen](/sv/steg/stafettpinne/) om du vill veta mer.
"""


def add_generated_pages(content: Path, count: int, simple: bool) -> None:
    """Swedish pages under new names: copies of a long trappsteg page, or simple pages."""
    source = (
        SIMPLE_PAGE if simple else (content / "sidor" / "sv" / "steg" / "stafettpinne.md").read_text(encoding="utf-8")
    )
    folder = content / "sidor" / "sv" / "matning"
    folder.mkdir(parents=True)
    for number in range(count):
        (folder / f"sida-{number}.md").write_text(source.replace("titel: ", f"titel: {number} "), encoding="utf-8")


def print_table(rows: list[tuple[str, str]]) -> None:
    """The benchmarks' output: one name and value a line, the values in a column."""
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sidor", type=int, default=0, help="generated pages to add")
    parser.add_argument("--enkla", action="store_true", help="generate simple pages, not long ones")
    parser.add_argument("--kommun", default=paths.DEFAULT_KOMMUN)
    parser.add_argument("--processer", type=int, default=None)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        content = Path(tmp) / "content"
        shutil.copytree(paths.CONTENT, content)
        if args.sidor:
            add_generated_pages(content, args.sidor, args.enkla)
        output = Path(tmp) / "ut"
        started = time.perf_counter()
        timings = {}
        code = builder.build(args.kommun, output, content, args.processer, out=io.StringIO(), timings=timings)
        seconds = time.perf_counter() - started
        if code:
            sys.exit(f"bygget misslyckades ({code})")
        pages = {page.relative_to(output): page.stat().st_size for page in output.rglob("*.html")}
        largest = max(pages, key=pages.get)
        # Pagefind ships UI stylesheets the site never links; count only the site's own.
        css = sum(path.stat().st_size for path in output.rglob("*.css") if "pagefind" not in path.parts)
    # ru_maxrss is in kB on Linux; children are the forked workers and Pagefind.
    peak_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    peak_child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    rows = [
        ("sidor", f"{len(pages)}"),
        ("sekunder", f"{seconds:.2f}"),
        ("sidor per sekund", f"{len(pages) / seconds:.0f}"),
        ("  varav läsa och kontrollera (s)", f"{timings['kontroll']:.2f}  (Whoosh börjar under tiden)"),
        (
            "  varav sidor och sökindex (s)",
            f"{timings['skrivning']:.2f}  (Frozen-Flask, resten av Whoosh och Pagefind samtidigt)",
        ),
        ("högsta minne (MB)", f"{max(peak_self, peak_child):.0f}"),
        ("största sida (kB, HTML)", f"{pages[largest] / 1024:.1f}  {largest}"),
        ("CSS varje sida laddar (kB)", f"{css / 1024:.1f}"),
    ]
    print_table(rows)


if __name__ == "__main__":
    main()
