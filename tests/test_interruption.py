"""Ctrl-C at any moment of a build: the process ends within 2 s with one Swedish line and
exit 130, the old site and search index stay as they were, nothing half-built is left, and
the next build works. Ctrl-C in a terminal reaches the whole process group, so the test
sends SIGINT to the group, as the terminal would."""

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import KOMMUN, SAMPLE_SEED
from samverkanstrappan import paths
from samverkanstrappan.publish import failures

pytestmark = pytest.mark.browser  # the end-to-end tier: the whole suite only (decisions.md)
MOMENTS = 20
GRACE = 2.0  # seconds from Ctrl-C to the end of the process


def state(folder: Path) -> list[tuple[str, int, int]]:
    """Every file below `folder` with its size and time: any change shows."""
    return sorted(
        (str(path.relative_to(folder)), path.stat().st_size, path.stat().st_mtime_ns)
        for path in folder.rglob("*")
        if path.is_file()
    )


def start(content: Path, output: Path, search_index: Path) -> subprocess.Popen:
    command = [sys.executable, str(paths.REPO / "build.py"), "--kommun", KOMMUN, "--innehall", str(content)]
    # --hel: every moment of a whole build (an incremental one is over before most of them)
    command += ["--ut", str(output), "--sokindex", str(search_index), "--processer", "2", "--hel"]
    # A build the program stopped (exit 2) prints its traceback: the failure shows where.
    environment = {**os.environ, failures.DEBUG: "1"}
    return subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True, env=environment
    )


def finished(build: subprocess.Popen, patience: float = 30) -> str:
    """What the build printed once it ended. One still running after `patience` seconds is
    asked where it is (build.py prints every thread's stack on SIGUSR1), then killed: the
    failure shows where it hung."""
    try:
        return build.communicate(timeout=patience)[0]
    except subprocess.TimeoutExpired:
        os.kill(build.pid, signal.SIGUSR1)
        time.sleep(1)
        os.killpg(build.pid, signal.SIGKILL)
        stacks = build.communicate()[0]
        pytest.fail(f"the build still ran {patience:.0f} s after Ctrl-C:\n{stacks}")


def leftovers(*folders: Path) -> list[str]:
    return sorted(path.name for folder in folders for path in folder.iterdir() if path.name.startswith("."))


def test_ctrl_c_at_twenty_moments_keeps_the_old_site_and_leaves_nothing(content, tmp_path):
    """The small content in five languages: enough pages that they are parsed in a pool of
    workers (content/store.py), the stage where Ctrl-C used to hang the build for good."""
    root, index_root = tmp_path / "ut", tmp_path / "sokindex"
    first = start(content, root, index_root)
    began = time.perf_counter()
    printed, _ = first.communicate(timeout=300)
    length = time.perf_counter() - began
    assert first.returncode == 0, printed
    output, search_index = root / KOMMUN, index_root / KOMMUN
    rng = random.Random(SAMPLE_SEED)
    outcomes = []
    for _ in range(MOMENTS):
        site, index = state(output), state(search_index)
        build = start(content, root, index_root)
        time.sleep(rng.uniform(0, length))
        os.killpg(build.pid, signal.SIGINT)
        interrupted = time.perf_counter()
        printed = finished(build)
        took = time.perf_counter() - interrupted
        outcomes.append(build.returncode)
        assert "Traceback" not in printed and "KeyboardInterrupt" not in printed, printed
        assert leftovers(root, index_root) == []
        if build.returncode == 0:  # it finished before the Ctrl-C arrived: a whole new site
            continue
        assert build.returncode == 130, printed
        assert took <= GRACE, f"{took:.1f} s after Ctrl-C"
        assert printed.strip().splitlines()[-1].startswith(("Bygget avbröts (Ctrl-C)", "Avbrutet (Ctrl-C)")), printed
        assert state(output) == site and state(search_index) == index
    assert outcomes.count(130) >= MOMENTS // 2, outcomes  # the moments fell inside the builds
    after = start(content, root, index_root)
    printed, _ = after.communicate(timeout=300)
    assert after.returncode == 0, printed
