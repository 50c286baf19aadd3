"""The worker pools (workers.py): stopping one never waits for ever."""

import threading
import time

from samverkanstrappan import workers


def test_a_pool_whose_end_never_comes_is_stopped_within_its_time_and_its_workers_killed():
    """CPython's terminate() can wait for ever for the lock of the pipe its workers answer in,
    held by a worker that writes a large result nobody reads any more (a build hung 30 s after
    Ctrl-C: the stacks showed the builder and the pool's task thread both waiting for it).
    Here the test holds that lock; stopping still ends in time, with the workers killed."""
    pool = workers.pool(2)
    processes = list(pool._pool)
    held = pool._outqueue._wlock
    held.acquire()
    try:
        began = time.perf_counter()
        workers.stop(pool, within=0.3)
        took = time.perf_counter() - began
        for process in processes:
            process.join(timeout=5)
        assert took < 2.0, f"{took:.1f} s"
        assert [process.exitcode for process in processes] == [-9, -9]  # killed
    finally:
        held.release()
    # What the killed workers held (an idle worker waits for work holding the lock of the
    # pipe it is given work in) is let go here, so no thread of this test outlives it.
    pool._inqueue._rlock.release()
    for thread in threading.enumerate():
        if thread.name == "stoppar-processer":
            thread.join(timeout=5)
            assert not thread.is_alive()


def test_a_pool_that_ends_normally_is_stopped_at_once():
    pool = workers.pool(2)
    assert pool.map(abs, [-1, -2, -3]) == [1, 2, 3]
    processes = list(pool._pool)
    began = time.perf_counter()
    workers.stop(pool, within=5.0)
    assert time.perf_counter() - began < 2.0
    assert not any(process.is_alive() for process in processes)
    assert all(process.exitcode != -9 for process in processes)  # ended, not killed
