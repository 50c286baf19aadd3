"""Time a full build and print pages, seconds, pages per second, peak memory and
the largest page's weight.

    python benchmarks/build_speed.py              the bundled example, as it is
    python benchmarks/build_speed.py --sidor 2000  plus that many generated pages,
                                                   to measure speed per page at scale
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

from samverkanstrappan import builder, paths  # noqa: E402


def add_generated_pages(content: Path, count: int) -> None:
    """Copies of a real trappsteg page under new names, in every published language folder."""
    source = (content / "sidor" / "sv" / "steg" / "stafettpinne.md").read_text(encoding="utf-8")
    folder = content / "sidor" / "sv" / "matning"
    folder.mkdir(parents=True)
    for number in range(count):
        (folder / f"sida-{number}.md").write_text(source.replace("titel: ", f"titel: {number} "), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sidor", type=int, default=0, help="generated pages to add")
    parser.add_argument("--kommun", default=paths.DEFAULT_KOMMUN)
    parser.add_argument("--processer", type=int, default=None)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        content = Path(tmp) / "content"
        shutil.copytree(paths.CONTENT, content)
        if args.sidor:
            add_generated_pages(content, args.sidor)
        output = Path(tmp) / "ut"
        started = time.perf_counter()
        code = builder.build(args.kommun, output, content, args.processer, out=io.StringIO())
        seconds = time.perf_counter() - started
        if code:
            sys.exit(f"bygget misslyckades ({code})")
        pages = {page.relative_to(output): page.stat().st_size for page in output.rglob("*.html")}
        largest = max(pages, key=pages.get)
        css = sum(path.stat().st_size for path in output.rglob("*.css"))
    # ru_maxrss is in kB on Linux; children are the forked freeze workers.
    peak_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    peak_child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    rows = [
        ("sidor", f"{len(pages)}"),
        ("sekunder", f"{seconds:.2f}"),
        ("sidor per sekund", f"{len(pages) / seconds:.0f}"),
        ("högsta minne (MB)", f"{max(peak_self, peak_child):.0f}"),
        ("största sida (kB, HTML)", f"{pages[largest] / 1024:.1f}  {largest}"),
        ("CSS (kB)", f"{css / 1024:.1f}"),
    ]
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")


if __name__ == "__main__":
    main()
