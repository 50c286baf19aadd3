"""An incremental build's writing (publish/incremental.py has the plan): the last output
linked into a fresh folder (beside the builder, from the start of the build), the planned
URLs rendered again into it, the changed documents written into a fresh Whoosh index made
of the last one's files, Pagefind's index written again when a document changed, and both
published together as a full build is. The folders they replace are removed beside the
build's last steps.
"""

import shutil
from pathlib import Path

from .. import freeze, swap, workers
from ..index import pagefind_index, platser, whoosh_kept
from ..index import whoosh_index as search
from . import failures, incremental, review


def _remove_file(fresh: Path, url: str) -> None:
    """The URL's file goes (a link: the published file stays), and the folders it leaves empty."""
    path = freeze.file_of(fresh, url)
    path.unlink(missing_ok=True)
    for folder in path.parents:
        if folder == fresh or not folder.is_dir() or any(folder.iterdir()):
            break
        folder.rmdir()


def link_last_output(output: Path, fresh: Path):
    """Start linking the last output into `fresh` (swap.linked_copy) in a process of its own,
    while the builder reads and checks the content: the process, for write() or drop()."""
    return swap.in_background("linked_copy", output, fresh)


def drop(process, *made: Path) -> None:
    """Stop what link_last_output() or remove_old() started, if it runs, and remove the
    folders `made` (what linking made)."""
    swap.stop(process)
    swap.remove(*made)


def remove_old(folders: list[Path]):
    """Remove the folders a build replaced (swap.swap_in), in a process of its own beside the
    build's last steps; the process, for swap.done(). Without one, here and now: if it fails,
    the next build's swap removes them."""
    removing = swap.in_background("remove", *folders) if folders else None
    if folders and removing is None:
        swap.remove(*folders)
    return removing


def write(app, plan: incremental.Plan, output: Path, fresh: Path, languages: list, linking, cache: tuple) -> tuple:
    """Write what `plan` says into `fresh`, the linked copy that `linking` (link_last_output)
    makes, and publish it with the new index; (URLs written, the languages' coverage rows,
    which the review files list, the replaced folders to remove). `cache`: the build cache
    folder and recipe, with which what Whoosh's analyzer made of each text is kept
    (index/whoosh_kept.py)."""
    store, router = app.extensions["content"], app.extensions["router"]
    index_folder = Path(app.config["SEARCH_INDEX"])
    index_fresh = search.prepare(index_folder)
    # A language whose documents changed gets a whole new Whoosh index, so it answers as a full
    # build's would (updating one in place leaves segments that rank otherwise); the others
    # are the last index's files. The new ones are written by forked workers, started first:
    # at 2,000 extra pages a language takes longer than all the rest of the build.
    again = [lang for lang in plan.documents if lang in plan.changed_languages or not (index_folder / lang).is_dir()]
    for lang in plan.documents:
        if lang not in again:
            search.link_language(index_folder, index_fresh, lang)
    pool = workers.pool(workers.count(None, len(again))) if again else None
    try:
        jobs = [(index_fresh, lang, plan.documents[lang], whoosh_kept.file(*cache, lang), True) for lang in again]
        indexing = pool.starmap_async(search.build_language, jobs) if pool else None
        if not swap.done(linking):  # it failed: again here, where an error is reported
            swap.linked_copy(output, fresh)
        for url in [*plan.render, *plan.removed]:
            _remove_file(fresh, url)  # unlinked before it is written: the published file is another
        count = freeze.freeze_share(app, fresh, plan.render) if plan.render else 0
        if plan.pagefind:  # it cannot update a document: each changed language's index whole
            labels = platser.labels(store, store.translations)
            pagefind_index.rewrite(store, fresh / "pagefind", labels, router, plan.changed_languages)
        if indexing is not None:
            indexing.get()
    finally:
        if pool is not None:
            workers.stop(pool)
    shutil.rmtree(fresh / review.FOLDER, ignore_errors=True)
    review.write(store, fresh, languages, router)
    failures.publishing()
    olds = swap.swap_in([(fresh, output), (index_fresh, index_folder)], keep_old=True)
    return count, languages, olds
