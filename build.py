"""Build or serve the site.

python build.py                      build the example municipality into build/<kommun>/
                                     (only what changed since the last build; --hel: everything)
python build.py --kommun SLUG        build one municipality
python build.py --alla               build every municipality, each into its own folder
python build.py check                only check the content
python build.py regler               list every problem code with what it means
python build.py serve [--port 8000]  run the site locally for editing

Each command has a Swedish name too (bygg, kontroll, visa, regler), and `--help` and every
mistake on the command line are in Swedish (samverkanstrappan/cli.py).
"""

import faulthandler
import gc
import os
import select
import signal
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "site"))


def reader_gone() -> bool:
    """Whether whoever reads this program's output has stopped reading: the pipe then says so."""
    poller = select.poll()
    poller.register(sys.stdout.fileno(), select.POLLOUT)
    return any(event & select.POLLERR for _, event in poller.poll(0))


def municipalities(content_dir: Path) -> list[str]:
    return sorted(path.name for path in (content_dir / "kommuner").iterdir() if path.is_dir())


def main(argv=None) -> int:
    # Imported here, inside the answer to Ctrl-C below: a Ctrl-C while they load says one line.
    from samverkanstrappan import cli, paths

    with cli.swedish():
        args = cli.parser(paths.DEFAULT_KOMMUN, paths.BUILD, paths.CONTENT, paths.SEARCH_INDEX).parse_args(argv)
    args.command = cli.command(args.command) or args.command
    if args.command not in ("build", "check", "serve", "regler"):
        print(cli.unknown(args.command, args.innehall), file=sys.stderr)
        return 2
    from samverkanstrappan import validation
    from samverkanstrappan.content.problems import has_errors, report
    from samverkanstrappan.content.store import ContentStore
    from samverkanstrappan.publish import builder, failures

    if args.command == "regler":
        print(validation.listing())
        return 0
    if args.command == "serve":
        try:
            builder.serve(args.kommun, args.port, args.innehall, args.sokindex / args.kommun)
        except OSError as error:  # a folder it may not look into, a port in use: one line, no traceback
            print(failures.stopped("Förhandsvisningen", error, (args.innehall, paths.TRANSLATIONS)))
            return failures.ENVIRONMENT
        return 0
    slugs = municipalities(args.innehall) if args.alla else [args.kommun]
    if args.command == "check":
        try:
            problems = [p for slug in slugs for p in builder.check(ContentStore(args.innehall, slug))]
        except OSError as error:  # a folder it may not even look into: one line, as the build says it
            print(failures.stopped("Kontrollen", error, (args.innehall, paths.TRANSLATIONS)))
            return failures.ENVIRONMENT
        print(report(problems))
        return 1 if has_errors(problems) else 0
    worst = 0
    for slug in slugs:
        print(f"== {slug}")
        code = builder.build(
            slug, args.ut / slug, args.innehall, args.processer, search_index=args.sokindex / slug, full=args.hel
        )
        if code == failures.INTERRUPTED:
            return code  # Ctrl-C stops every municipality still to build, not only this one
        worst = max(worst, code)
    return worst


if __name__ == "__main__":
    # `kill -USR1 <pid>` prints where every thread of a build that seems stuck is (for those
    # who maintain the code; an editor never sees it). The interruption test asks for it.
    faulthandler.register(signal.SIGUSR1, all_threads=True)
    try:
        code = main()
        sys.stdout.flush()  # here, not at exit: a reader that is gone is answered below
    except KeyboardInterrupt:  # outside a build, which answers it itself: before or between builds
        print("Avbrutet (Ctrl-C).")
        code = 130
    except BrokenPipeError:
        if not reader_gone():
            raise
        # `build.py regler | head`: the reader has what it wanted. Nothing is left to write
        # to, so the flush at exit must not fail again (as Python's documentation advises).
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = 1
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # done: a late Ctrl-C must not cut the exit short
    # Python's last collection at exit walks every object of the read content for nothing:
    # a build of the example then took 0.16-0.19 s to exit, and 0.03-0.04 s with them frozen.
    # Safe here: every file is written and closed, and atexit work still runs. (A file left
    # open in a reference cycle would not be flushed: nothing may rely on that.)
    gc.freeze()
    sys.exit(code)
