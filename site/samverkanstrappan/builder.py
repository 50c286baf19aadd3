"""The build: validate all content, freeze into a fresh folder, then swap it in.

The previous output is only replaced after everything succeeded, so a mistake
never leaves a half-built or broken site where the web host reads it.
"""

import multiprocessing
import os
import shutil
import sys
import time
from pathlib import Path

from . import create_app, freeze, paths, review
from .content import catalogs, coverage
from .content.lix import lix
from .sok import index as search, pagefind_index
from .content.problems import has_errors, report
from .content.sprak import SOURCE
from .validation import page_rules, validate
from .web import sok as sok_web


def check(app, urls: list[str] | None = None) -> list:
    """Every problem in the app's content, as the build would report it (`urls`: the site's, when known)."""
    return validate(app.extensions["content"], set(urls or freeze.site_urls(app)))


def write_site(app, urls: list[str], fresh: Path, languages: list, workers: int | None = None) -> int:
    """Freeze the pages into `fresh`, write both search indexes from the same documents and
    then the review files (`languages`: the coverage rows); return the number of URLs.
    The forked workers take the shares of pages and the languages of Whoosh's index (for the
    server) as they come, while this process feeds Pagefind's (for the browser), which runs
    as a program of its own."""
    store = app.extensions["content"]
    labels = sok_web.place_labels(app)
    index_fresh = search.prepare(store, app.config["SEARCH_INDEX"])
    freeze.prepare(app)
    jobs = [(search.build_language, (index_fresh, lang)) for lang in store.languages]
    jobs += [(freeze.freeze_share, (fresh, share)) for share in freeze.shares(urls)]
    workers = max(1, min(workers or os.cpu_count() or 1, len(jobs)))
    try:
        if workers == 1:
            done = [job(arguments) for job, arguments in jobs]
            pagefind_index.build(store, fresh / "pagefind", labels)
        else:
            with multiprocessing.get_context("fork").Pool(workers) as pool:
                pending = [pool.apply_async(job, (arguments,)) for job, arguments in jobs]
                pagefind_index.build(store, fresh / "pagefind", labels)
                done = [result.get() for result in pending]
        review.write(store, fresh, languages)
    except BaseException:
        shutil.rmtree(index_fresh, ignore_errors=True)
        raise
    search.publish(index_fresh, app.config["SEARCH_INDEX"])  # last: nothing can fail after it
    return sum(done[len(store.languages):])


def lix_table(store) -> str:
    """LIX of every Swedish page, hardest first, with the limit each must meet."""
    rows = sorted(((lix(page.rendered.text), page.file, page_rules.lix_limit(page.key))
                   for (lang, _), page in store.pages.items() if lang == SOURCE), reverse=True)
    lines = ["LIX  gräns  sida"] + [f"{value:4.0f}  {limit:5d}  {file}" for value, file, limit in rows]
    return "\n".join(lines)


def build(kommun: str, output: Path, content_dir: Path = paths.CONTENT, workers: int | None = None,
          out=sys.stdout, translations: Path = paths.TRANSLATIONS, search_index: Path | None = None,
          timings: dict | None = None) -> int:
    """Build one municipality's site into `output` and its search index. Returns the exit code.
    `timings`, when given, gets the seconds spent reading and checking the content and writing the site."""
    started = time.perf_counter()
    app = create_app(kommun, content_dir, translations=translations, search_index=search_index)
    urls = freeze.site_urls(app)
    problems = check(app, urls)
    if problems:
        print(report(problems), file=out)
    if has_errors(problems):
        print(f"Bygget avbröts. Inget ändrades i {output}.", file=out)
        return 1
    output = Path(output).resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    fresh = output.with_name(f".{output.name}.ny")
    old = output.with_name(f".{output.name}.gammal")
    for leftover in (fresh, old):
        shutil.rmtree(leftover, ignore_errors=True)
    languages = coverage.rows(app.extensions["content"], catalogs.source_strings(paths.REPO))
    try:
        checked = time.perf_counter()
        count = write_site(app, urls, fresh, languages, workers)
        if timings is not None:
            timings.update(kontroll=checked - started, skrivning=time.perf_counter() - checked)
    except Exception as error:  # any failure: keep the old site, say why
        shutil.rmtree(fresh, ignore_errors=True)
        print(f"Bygget misslyckades: {type(error).__name__}: {error}", file=out)
        print(f"Inget ändrades i {output}.", file=out)
        return 2
    if output.exists():
        output.rename(old)
    fresh.rename(output)
    shutil.rmtree(old, ignore_errors=True)
    seconds = time.perf_counter() - started
    print(lix_table(app.extensions["content"]), file=out)
    print(f"\nSpråk (också i {review.FOLDER}/sprak.csv):\n{coverage.table(languages)}\n", file=out)
    print(f"Klart: {count} adresser i {output} på {seconds:.2f} s.", file=out)
    return 0


def serve(kommun: str, port: int, content_dir: Path = paths.CONTENT) -> None:
    """Run the site locally for editing; changed files show on reload."""
    app = create_app(kommun, content_dir, serve=True)
    search.build(app.extensions["content"], app.config["SEARCH_INDEX"])  # server mode answers from it
    problems = check(app)
    if problems:
        print(report(problems))
    print(f"Webbplatsen för {kommun}: http://127.0.0.1:{port}/sv/")
    app.run(host="127.0.0.1", port=port, debug=False)
