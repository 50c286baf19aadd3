"""How many worker processes to fork, for the build's and serve mode's pools."""

import os
import signal


def count(asked: int | None, jobs: int) -> int:
    """The workers asked for (default: one per core), but no more than there are jobs, and at least one."""
    return max(1, min(asked or os.cpu_count() or 1, jobs))


def ignore_interrupt(*_) -> None:
    """A pool's initializer: Ctrl-C in a terminal reaches every process of the build, and only
    the builder answers it (it stops the workers); a worker would print a traceback each."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
