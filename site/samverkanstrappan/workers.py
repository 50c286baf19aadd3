"""How many worker processes to fork, for the build's and serve mode's pools."""

import os


def count(asked: int | None, jobs: int) -> int:
    """The workers asked for (default: one per core), but no more than there are jobs, and at least one."""
    return max(1, min(asked or os.cpu_count() or 1, jobs))
