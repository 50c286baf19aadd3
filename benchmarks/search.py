"""Search benchmark: index size per language (Whoosh on the server, Pagefind in the
browser) and the time from pressing Enter to the first result, in Chromium.

    python benchmarks/search.py [--kommun exempelstad] [--ord planerna]
"""

import argparse
import io
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "site"))

from playwright.sync_api import sync_playwright  # noqa: E402
from samverkanstrappan import devtools, paths  # noqa: E402
from samverkanstrappan.index import whoosh_index as index  # noqa: E402
from samverkanstrappan.publish import builder  # noqa: E402


def size(paths_) -> int:
    return sum(path.stat().st_size for path in paths_ if path.is_file())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kommun", default=paths.DEFAULT_KOMMUN)
    parser.add_argument("--ord", default="planerna", help="what to search for")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site, whoosh_dir = Path(tmp) / args.kommun, Path(tmp) / "index" / args.kommun
        started = time.perf_counter()
        if builder.build(args.kommun, site, out=io.StringIO(), search_index=whoosh_dir):
            sys.exit("bygget misslyckades: kör python build.py för att se felen")
        print(f"bygge med sökindex: {time.perf_counter() - started:.2f} s\n")
        print(f"{'språk':6} {'Whoosh':>10} {'Pagefind':>10}  serverfråga")
        pagefind = site / "pagefind"
        languages = sorted(p.name for p in whoosh_dir.iterdir())
        for lang in languages:
            browser_files = (
                [p for p in pagefind.rglob(f"{lang}_*")]
                + list(pagefind.glob(f"*.{lang}_*"))
                + list(pagefind.glob(f"wasm.{lang}.pagefind"))
            )
            started = time.perf_counter()
            index.search(whoosh_dir, lang, args.ord, {})
            query_ms = (time.perf_counter() - started) * 1000
            print(
                f"{lang:6} {size((whoosh_dir / lang).rglob('*')) / 1024:8.0f} kB {size(browser_files) / 1024:8.0f} kB"
                f"  {query_ms:6.1f} ms"
            )
        with devtools.static_site(site) as base, sync_playwright() as playwright:
            url = f"{base}/sv/sok/"
            browser = devtools.launch_chromium(playwright)
            page = browser.new_page()
            for attempt in ("första sökningen (laddar Pagefind)", "andra sökningen"):
                page.goto(url)
                page.fill("#sok-fraga", args.ord)
                started = time.perf_counter()
                page.press("#sok-fraga", "Enter")
                page.wait_for_selector(".traffar a, #sok-resultat p")
                print(f"webbläsaren, {attempt}: {(time.perf_counter() - started) * 1000:.0f} ms till första träffen")
            browser.close()


if __name__ == "__main__":
    main()
