"""The build: validate all content, freeze into a fresh folder, then swap it in.

The previous output is only replaced after everything succeeded, so a mistake
never leaves a half-built or broken site where the web host reads it.
"""

import gc
import logging
import signal
import sys
import time
from pathlib import Path

from .. import freeze, paths, swap, workers
from ..content import catalogs, coverage
from ..content.lix import lix
from ..content.problems import has_errors, report
from ..content.sprak import SOURCE
from ..content.store import ContentStore
from ..index import pagefind_index, platser, whoosh_kept
from ..index import whoosh_index as search
from ..routes import Router
from ..validation import page_rules, validate
from . import changes, failures, incremental, review


def check(store: ContentStore, router: Router | None = None) -> list:
    """Every problem in the content, as the build would report it. Needs neither Flask nor the
    freezer: the site's URLs come from the route table."""
    return validate(store, set((router or Router()).urls(store)))


# What a worker process works from: the app, handed to each worker by the pool's initializer
# (forked, so nothing is copied). The builder's own process never sets it.
_worker_app = None


def _start_worker(app) -> None:
    global _worker_app
    _worker_app = app


def _index_language(app, job: tuple[Path, str, whoosh_kept.Kept | None, bool]) -> int:
    """Whoosh's index of one language, written into the fresh index folder; what its analyzer
    made is kept in `analysis` for the next build, which `reuse`s what the last build kept
    there (index/whoosh_kept.py)."""
    fresh, lang, analysis, reuse = job
    store, router = app.extensions["content"], app.extensions["router"]
    return search.build_language(fresh, lang, router.documents(store, lang), analysis, reuse)


def _freeze_share(app, job: tuple[Path, list[str]]) -> int:
    destination, urls = job
    return freeze.freeze_share(app, destination, urls)


def _in_worker(call: tuple) -> int:
    job, arguments = call
    return job(_worker_app, arguments)


class SiteWriter:
    """The forked workers that write the site and Whoosh's index, started as soon as the
    content is read. They index Whoosh's languages while this process lists the URLs and
    checks the content (work that used to leave a core idle), then take the pages in shares
    while this process feeds Pagefind, a program of its own. Used as a context manager: on
    leaving it unfinished (the content had errors, or anything failed) the workers stop
    and the half-written index is removed. `cache`: the build cache folder and the build's
    recipe, with which each language's analysis is kept for the next build; `reuse`: what the
    last build kept there is used (not with --hel, which starts from nothing)."""

    def __init__(self, app, processes: int | None = None, cache: tuple[Path, str] | None = None, reuse=False):
        self.app, self.store = app, app.extensions["content"]
        self.pool, self.published, self.frozen, self.processes = None, False, False, processes
        self.index_fresh = search.prepare(app.config["SEARCH_INDEX"])
        try:
            count = self._worker_count(processes)
            if count > 1:
                freeze.compile_templates(app)
                # Frozen objects are left alone by the collector, so the workers neither scan nor
                # copy the parsed content that they share with this process.
                gc.freeze()
                self.frozen = True
                # Forked before any thread of ours starts (Pagefind's reader comes later).
                self.pool = workers.pool(count, _start_worker, (app,))
            self.indexing = [
                self._start(_index_language, (self.index_fresh, lang, cache and whoosh_kept.file(*cache, lang), reuse))
                for lang in self.store.languages
            ]
        except BaseException:
            self.__exit__()
            raise

    def _worker_count(self, asked: int | None) -> int:
        """The workers asked for (default: every core), but no more than there will be jobs:
        one per language for Whoosh, and about one per share of pages."""
        languages = len(self.store.languages)
        jobs = languages + len(self.store.keys()) * languages // freeze.SHARE + 1
        return workers.count(asked, jobs)

    def _start(self, job, arguments):
        """The job, running in a worker; or, with no workers, waiting to run here when asked."""
        if self.pool is None:
            return lambda: job(self.app, arguments)
        return self.pool.apply_async(_in_worker, ((job, arguments),)).get

    def finish(self, urls: list[str], fresh: Path, languages: list, made=None) -> tuple[int, object]:
        """Freeze the pages into `fresh`, write Pagefind's index from the same documents as
        Whoosh's and the review files (`languages`: the coverage rows); return the number of
        URLs and what the next build starts from (`made`, or worked out here while the workers
        work: publish/incremental.py; None when that failed). Whoosh's new index is left in `index_fresh`, for the
        builder to publish with the site."""
        router = self.app.extensions["router"]
        labels = platser.labels(self.store, self.store.translations)
        pages = [self._start(_freeze_share, (fresh, share)) for share in freeze.shares(urls)]
        pagefind_index.build(self.store, fresh / "pagefind", labels, router, processes=self.processes)  # beside them
        if made is None:  # worked out while the workers work, too
            try:
                made = incremental.made(self.store, router, None)
            except Exception:  # the site is built either way: only the next build is a full one
                made = None
        review.write(self.store, fresh, languages, router)  # beside the workers too: it reads no page
        done = [result() for result in self.indexing + pages]
        return sum(done[len(self.indexing) :]), made

    def __enter__(self):
        return self

    def __exit__(self, *error) -> None:
        if self.pool is not None:
            if self.published:  # every result is in: the workers end as soon as they are told
                self.pool.close()
                self.pool.join()
            else:
                workers.stop(self.pool)
        if self.frozen:
            gc.unfreeze()
        if not self.published:
            swap.remove(self.index_fresh)


def _lix(page) -> float:
    return lix(page.rendered.text)


def lix_table(store) -> str:
    """LIX of every Swedish page, hardest first, with the limit each must meet. Each page's is
    kept with its parse, so the next build works out only those of the pages that changed."""
    rows = sorted(
        (
            (store.per_page(page, _lix), page.file, page_rules.lix_limit(page.key))
            for (lang, _), page in store.pages.items()
            if lang == SOURCE
        ),
        reverse=True,
    )
    lines = ["LIX  gräns  sida"] + [f"{value:4.0f}  {limit:5d}  {file}" for value, file, limit in rows]
    return "\n".join(lines)


def build(
    kommun: str,
    output: Path,
    content_dir: Path = paths.CONTENT,
    workers: int | None = None,
    out=sys.stdout,
    translations: Path = paths.TRANSLATIONS,
    search_index: Path | None = None,
    timings: dict | None = None,
    shortcuts: bool = True,
    full: bool = False,
) -> int:
    """Build one municipality's site into `output` and its search index. Returns the exit code
    (publish/failures.py). `timings`, when given, gets the seconds spent reading and checking the
    content and writing the site; `shortcuts=False` freezes with the stock parts only (freeze/shortcuts.py).
    The build writes again only what changed since the last one (publish/incremental.py);
    `full` writes everything."""
    output = Path(output).resolve()
    fresh = swap.fresh_folder(output)
    # Whatever stops the build, these two are removed: wherever it stopped, they are half-built.
    half_built = (fresh, swap.fresh_folder(paths.search_index(kommun, search_index)))
    frozen = gc.get_freeze_count()
    with failures.interruptible():
        try:
            return _build(
                kommun, output, fresh, content_dir, workers, out, translations, search_index, timings, shortcuts, full
            )
        except KeyboardInterrupt:
            swap.remove(*half_built)
            print(f"Bygget avbröts (Ctrl-C). Inget ändrades i {output}.", file=out)
            return failures.INTERRUPTED
        except Exception as error:  # the disk, permissions, a program: keep the old site, say why
            swap.remove(*half_built)
            read = (Path(content_dir), Path(translations or paths.TRANSLATIONS))
            print(failures.details(error) + failures.advice(error, output, read), file=out)
            print(f"Inget ändrades i {output}.", file=out)
            return failures.ENVIRONMENT
        finally:
            if not frozen:  # what this build kept out of the collector's passes
                gc.unfreeze()


def _previous(cache: Path, made_with: str, output: Path, index_folder: Path):
    """incremental.previous(), with the kept parse out of the collector's way: at 2,000 extra
    pages it is millions of small objects, which the collector passed over again and again
    while they were made and after (0.4-0.8 s of a 9 s build; 0.19 s to load without it).
    They live as long as the build, so its full passes leave them out (build() lets them go)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        earlier = incremental.previous(cache, made_with, output, index_folder)
        if earlier is not None and earlier.parsed is not None and gc.get_freeze_count() == 0:
            gc.freeze()
        return earlier
    finally:
        if collecting:
            gc.enable()


def _build(
    kommun, output, fresh, content_dir, workers, out, translations, search_index, timings, shortcuts, full
) -> int:
    from ..render import create_app  # only a build renders: `check` needs no Flask

    started = time.perf_counter()
    index_folder = paths.search_index(kommun, search_index)
    made_with = incremental.recipe(translations, shortcuts)
    cache = incremental.folder(kommun, output, index_folder)
    earlier = None if full else _previous(cache, made_with, output, index_folder)
    plan = None
    parsed = earlier.parsed.entries if earlier and earlier.parsed else None
    # The last output is linked into the fresh folder beside the builder while it reads and
    # checks: 0.4 s at 2,000 extra pages, which an edit's build would otherwise wait for.
    from_last = earlier is not None and earlier.manifest is not None  # an incremental build, if the plan allows
    linking = removing = None
    try:
        if from_last:
            linking = changes.link_last_output(output, fresh)
        app = create_app(
            kommun,
            content_dir,
            translations=translations,
            search_index=search_index,
            shortcuts=shortcuts,
            parsed=parsed,
        )
        store, router = app.extensions["content"], app.extensions["router"]
        written, now = None, None
        if from_last:  # checked first: a mistake must not reach the plan
            files = incremental.file_hashes(store, earlier.manifest["files"])
            incremental.reuse_addresses(router, store, files, earlier.manifest)
            languages = _check(app, output, out)
            if languages is None:
                return failures.CONTENT
            now = incremental.made(store, router, earlier, files)
            plan = incremental.plan(now, earlier.manifest)
            if plan is not None:
                written = changes.write(app, plan, output, fresh, languages, linking, (cache, made_with))
            else:
                changes.drop(linking, fresh)
        if written is None:
            # A build that read the last one's cache uses what its analyzer kept, too.
            kept = (cache, made_with, earlier is not None)
            everything = _write_everything(app, workers, output, fresh, out, started, timings, now, kept)
            if everything is None:
                return failures.CONTENT
            *written, now = everything
        count, languages, olds = written
        removing = changes.remove_old(olds)  # beside the last steps, which are this process's work
        table = lix_table(store)  # before the parse is kept, with what this works out per page
        try:  # what the next build starts from; without it, the next build is a full one
            if now is None:
                raise LookupError("what was made could not be worked out")
            incremental.save(cache, made_with, store, now, output, index_folder, earlier, router.lists())
        except Exception:  # the site is published either way: only the next build is a full one
            incremental.forget(cache)
        swap.done(removing)  # the old folders gone (or left for the next build's swap)
    finally:  # also when it stopped half-way: no process of the build's is left running
        try:
            changes.drop(removing)
        finally:
            if from_last:
                changes.drop(linking, fresh)  # a fresh folder left means it was not published
    seconds = time.perf_counter() - started
    try:  # the site is published: a closed terminal (`| head`) must not make it "unchanged"
        print(table, file=out)
        print(f"\nSpråk (också i {review.FOLDER}/sprak.csv):\n{coverage.table(languages)}\n", file=out)
        if plan is None:  # a full build
            print(f"Klart: {count} adresser i {output} på {seconds:.2f} s.", file=out)
        else:
            print(
                f"Klart: {count} av {len(router.urls(store))} adresser skrevs om i {output} på {seconds:.2f} s "
                "(det som ändrats sedan förra bygget; --hel bygger allt).",
                file=out,
            )
    except OSError:
        pass
    return 0


def _check(app, output: Path, out) -> list | None:
    """The coverage rows of the content's languages, or None (and the problems printed) when
    the content has errors."""
    store = app.extensions["content"]
    problems = check(store, app.extensions["router"])
    if problems:
        print(report(problems), file=out)
    if has_errors(problems):
        print(f"Bygget avbröts. Inget ändrades i {output}.", file=out)
        return None
    return coverage.rows(store, catalogs.source_strings(paths.REPO, paths.CACHE))


def _write_everything(app, workers, output: Path, fresh: Path, out, started: float, timings, made=None, kept=None):
    """Every page and both search indexes, written on every core and published; (pages, languages,
    the replaced folders to remove, what the next build starts from) or None when the content
    has errors. `made`: the content was checked already, and this is what the next build
    starts from. `kept`: the build cache folder, the recipe, and whether what the last build
    kept there is used (SiteWriter)."""
    cache, reuse = (kept[:2], kept[2]) if kept else (None, False)
    with SiteWriter(app, workers, cache, reuse) as writer:
        urls = app.extensions["router"].urls(app.extensions["content"])
        if made is not None:
            languages = coverage.rows(app.extensions["content"], catalogs.source_strings(paths.REPO, paths.CACHE))
        else:
            languages = _check(app, output, out)
        if languages is None:
            return None
        swap.remove(fresh)
        checked = time.perf_counter()
        count, made = writer.finish(urls, fresh, languages, made)
        # The site and its search index together, or neither (swap.py).
        failures.publishing()
        olds = swap.swap_in([(fresh, output), (writer.index_fresh, app.config["SEARCH_INDEX"])], keep_old=True)
        writer.published = True
        if timings is not None:
            timings.update(kontroll=checked - started, skrivning=time.perf_counter() - checked)
    return count, languages, olds, made


def serve(kommun: str, port: int, content_dir: Path = paths.CONTENT, search_index: Path | None = None) -> None:
    """Run the site locally for editing: a saved file shows at once, and open tabs reload."""
    from flask import cli as flask_cli

    from ..render import create_app, live, live_reload

    app = create_app(kommun, content_dir, serve=True, search_index=search_index)
    store, router = app.extensions["content"], app.extensions["router"]
    search.build(store, app.config["SEARCH_INDEX"], router)  # server mode answers from it
    problems = check(store, router)
    if problems:
        print(report(problems))
    preview = live.preview(app)
    preview.on_problems = lambda found: print(report(list(found)), flush=True)
    preview.remove_leftovers()
    preview.started(problems, {lang: router.documents(store, lang) for lang in store.languages})
    # What is read at the start lives as long as the preview, and most of it is shared by every
    # later version: left out of the collector's full passes, which otherwise took about
    # 0.1 s in every third save at 2,000 extra pages. (Only it, made once, can never be freed.)
    gc.freeze()
    stop = live_reload.watch(app)
    # Stopped by a signal as by Ctrl-C: the preview's own index folders are removed either way.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    print(f"Webbplatsen för {kommun}: http://127.0.0.1:{port}/sv/")
    print("Sparade ändringar syns direkt, och öppna flikar laddas om. Avsluta med Ctrl-C.")
    # Werkzeug logs every request with its query string: search words must not reach a log.
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    # Flask's own banner is English ("Serving Flask app", "Debug mode: off"); the two lines
    # above say what an editor needs.
    flask_cli.show_server_banner = lambda *args: None
    try:
        app.run(host="127.0.0.1", port=port, debug=False, threaded=True)
    finally:
        stop.set()
        preview.close()
