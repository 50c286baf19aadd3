"""Search benchmark: how well and how fast both modes answer residents.

Builds the municipality, then runs the relevance set (tests/fixtures/sok_relevans.yaml)
through server mode (Whoosh) and through the frozen site in Chromium (Pagefind), and prints:
- the top-3 hit rate per mode and language;
- how often the two modes agree on the top result;
- the time from pressing Enter to the first result in the browser (the first search, which
  loads Pagefind and the pipeline's data, and later ones), and a server answer's time;
- the index sizes per language.

    python benchmarks/search.py [--kommun exempelstad]
"""

import argparse
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "site"), str(ROOT / "tests")]

from playwright.sync_api import sync_playwright  # noqa: E402
from samverkanstrappan import devtools, paths  # noqa: E402
from samverkanstrappan.publish import builder  # noqa: E402
from samverkanstrappan.render import create_app  # noqa: E402
from samverkanstrappan.routes import Router  # noqa: E402
from sok_helpers import browser_answers, relevance_set, server_answer, target_url  # noqa: E402


def size(files) -> int:
    return sum(path.stat().st_size for path in files if path.is_file())


def first_search_ms(browser, base: str, lang: str, query: str) -> float:
    """A fresh page, nothing loaded yet: Enter to the first result."""
    page = browser.new_page()
    try:
        page.goto(f"{base}/{lang}/sok/")
        page.fill("#sok-fraga", query)
        started = time.perf_counter()
        page.press("#sok-fraga", "Enter")
        page.wait_for_selector(".traffar a, .sok-inga")
        return (time.perf_counter() - started) * 1000
    finally:
        page.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kommun", default=paths.DEFAULT_KOMMUN)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site, whoosh_dir = Path(tmp) / args.kommun, Path(tmp) / "index" / args.kommun
        if builder.build(args.kommun, site, out=io.StringIO(), search_index=whoosh_dir):
            sys.exit("bygget misslyckades: kör python build.py för att se felen")
        server = create_app(args.kommun, serve=True, search_index=whoosh_dir)
        store, router = server.extensions["content"], Router()
        entries = [e for e in relevance_set() if e["sprak"] in store.languages]
        print(f"{args.kommun}: {len(entries)} frågor ur relevanssetet\n")
        print(
            f"{'språk':6} {'frågor':>6} {'topp 3 server':>14} {'topp 3 webbläsare':>18} {'samma etta':>11}"
            f" {'samma topp 3':>13}"
        )
        totals = {"server": 0, "browser": 0, "agree": 0, "same3": 0, "count": 0}
        later_ms, server_ms = [], []
        with devtools.static_site(site) as base, sync_playwright() as playwright:
            browser = devtools.launch_chromium(playwright)
            first_ms = first_search_ms(browser, base, "sv", "min mamma har demens")
            for lang in store.languages:
                mine = [e for e in entries if e["sprak"] == lang]
                if not mine:
                    continue
                in_browser = browser_answers(browser, base, lang, [e["fraga"] for e in mine])
                hits = {"server": 0, "browser": 0, "agree": 0, "same3": 0}
                for entry, answer in zip(mine, in_browser):
                    wanted = {target_url(store, router, lang, t) for t in entry["vantat"]}
                    started = time.perf_counter()
                    on_server = [r.url for r in server_answer(server, lang, entry["fraga"]).results]
                    server_ms.append((time.perf_counter() - started) * 1000)
                    later_ms.append(answer["ms"])
                    hits["server"] += bool(wanted & set(on_server[:3]))
                    hits["browser"] += bool(wanted & set(answer["urls"][:3]))
                    hits["agree"] += on_server[:1] == answer["urls"][:1]
                    hits["same3"] += on_server[:3] == answer["urls"][:3]
                for key in hits:
                    totals[key] += hits[key]
                totals["count"] += len(mine)
                n = len(mine)
                print(
                    f"{lang:6} {n:6} {hits['server'] / n:13.0%} {hits['browser'] / n:17.0%} {hits['agree'] / n:10.0%}"
                    f" {hits['same3'] / n:12.0%}"
                )
            browser.close()
        n = totals["count"]
        print(
            f"{'alla':6} {n:6} {totals['server'] / n:13.0%} {totals['browser'] / n:17.0%} {totals['agree'] / n:10.0%}"
            f" {totals['same3'] / n:12.0%}"
        )
        print(f"\nwebbläsaren, första sökningen (laddar Pagefind och sökdata): {first_ms:.0f} ms till första träffen")
        print(
            f"webbläsaren, senare sökningar: median {statistics.median(later_ms):.0f} ms, "
            f"största {max(later_ms):.0f} ms"
        )
        median, worst = statistics.median(server_ms), max(server_ms)
        print(f"servern, ett svar (utan HTML): median {median:.0f} ms, största {worst:.0f} ms")
        print(f"\n{'språk':6} {'Whoosh':>10} {'Pagefind':>10} {'sökdata':>10}")
        pagefind = site / "pagefind"
        for lang in store.languages:
            browser_files = [
                *pagefind.rglob(f"{lang}_*"),
                *pagefind.glob(f"*.{lang}_*"),
                pagefind / f"wasm.{lang}.pagefind",
            ]
            data = site / "sok" / f"{lang}.json"
            print(
                f"{lang:6} {size((whoosh_dir / lang).rglob('*')) / 1024:8.0f} kB {size(browser_files) / 1024:8.0f} kB"
                f" {size([data]) / 1024:8.0f} kB"
            )


if __name__ == "__main__":
    main()
