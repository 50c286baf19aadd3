"""The build's and serve mode's pools of forked worker processes: how many, and how they
stay quiet on Ctrl-C."""

import multiprocessing.pool
import os
import signal


def count(asked: int | None, jobs: int) -> int:
    """The workers asked for (default: one per core), but no more than there are jobs, and at least one."""
    return max(1, min(asked or os.cpu_count() or 1, jobs))


def _quiet_start(initializer, initargs) -> None:
    # Ctrl-C in a terminal reaches every process of the build, and only the builder answers
    # it (it stops the workers): a worker that answered too would print a traceback each.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    if initializer is not None:
        initializer(*initargs)


def pool(processes: int, initializer=None, initargs: tuple = ()) -> multiprocessing.pool.Pool:
    """A pool of forked workers that ignore Ctrl-C. SIGINT is held back while they are forked,
    so none can receive it before it has said to ignore it; the builder gets it right after."""
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    made = None
    try:
        made = multiprocessing.get_context("fork").Pool(processes, _quiet_start, (initializer, initargs))
    finally:
        try:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)  # a Ctrl-C held back is raised here
        except BaseException:
            if made is not None:  # nobody else has the pool yet: stop its workers here
                made.terminate()
                made.join()
            raise
    return made
