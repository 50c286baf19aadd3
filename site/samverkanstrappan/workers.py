"""The build's and serve mode's pools of forked worker processes: how many, how they stay
quiet on Ctrl-C, and how they are stopped without waiting forever."""

import multiprocessing.pool
import os
import signal
import threading

STOP_WITHIN = 1.0  # seconds that stopping a pool may take before its workers are killed


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
                stop(made)
            raise
    return made


def stop(pool: multiprocessing.pool.Pool, within: float = STOP_WITHIN) -> None:
    """pool.terminate() and pool.join(), but never for more than `within` seconds. terminate()
    can wait for ever for a worker that is writing a large result (a share of parsed pages)
    into a pipe the pool has stopped reading: the worker holds the lock that terminate() needs
    to tell the pool to end (CPython issues #73945 and #96995; seen here as a build still
    running 30 s after Ctrl-C). Then the workers are killed. The thread left waiting for a
    lock that a killed worker held is a daemon and ends with the process; until then this
    process parses in one process only (content/store.py does not fork beside a thread)."""
    ended = threading.Event()
    ending = threading.Thread(target=_terminate, args=(pool, ended), name="stoppar-processer", daemon=True)
    ending.start()
    ending.join(within)
    if not ended.is_set():
        killed = list(pool._pool)  # the pool's own processes (no public name for them)
        for worker in killed:
            worker.kill()
        for worker in killed:
            worker.join(timeout=within)  # reaped: no process is left behind as a zombie


def _terminate(pool: multiprocessing.pool.Pool, ended: threading.Event) -> None:
    try:
        pool.terminate()
        pool.join()
    except Exception:  # the pool's own bookkeeping failed: stop() kills the workers, and says nothing
        return
    ended.set()
