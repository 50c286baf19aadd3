"""Ctrl-C at every line of the code that holds processes, threads and half-built folders.

A Ctrl-C at a random moment (tests/test_interruption.py) rarely lands in a window a few lines
wide. This builds the example once per line that the builder runs in the chosen modules, and
sends SIGINT to the build's process group, as a terminal does, the first time the builder
reaches that line. Each build must then end as a Ctrl-C should: exit 130 with its one line
(or 0, for a line reached only once the new site is being put in place), no traceback, no
half-built folder left, and the old site and search index as they were.

    python scripts/ctrl_c_sweep.py [--moduler publish/,index/] [--innehall content] [--samtidigt 2]

With the default modules it runs about 1,250 builds: 30-40 minutes on two cores. A tool for
when this code changes, not a test (decisions.md, Build: "Ctrl-C between any two lines").
"""

import argparse
import json
import os
import runpy
import signal
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "site" / "samverkanstrappan"
MODULES = "publish/,index/,freeze/,workers.py,swap.py,content/store.py,render/__init__.py"


def traced(mode: str, where: str, build_args: list[str]) -> None:
    """Run build.py in this process under a tracer of the main thread: `lista` writes every
    line of the package it reaches, in order, to the file `where`; `vid` ("FILE:LINE") sends
    SIGINT to the process group the first time it reaches that line."""
    target = None
    if mode == "vid":
        file, line = where.rsplit(":", 1)
        target = (file, int(line))
    reached: dict[tuple[str, int], None] = {}
    package = str(PACKAGE) + os.sep

    def at_line(frame, event, arg):
        if event == "line":
            here = (frame.f_code.co_filename, frame.f_lineno)
            if target is None:
                reached.setdefault(here)
            elif here == target:
                sys.settrace(None)
                os.killpg(os.getpgid(0), signal.SIGINT)
                return None
        return at_line

    def in_package(frame, event, arg):
        return at_line if frame.f_code.co_filename.startswith(package) else None

    os.register_at_fork(after_in_child=lambda: sys.settrace(None))  # the workers are not traced
    sys.argv = [str(REPO / "build.py"), *build_args]
    sys.settrace(in_package)
    try:
        runpy.run_path(sys.argv[0], run_name="__main__")
    finally:
        sys.settrace(None)
        if target is None:
            Path(where).write_text(json.dumps(list(reached)))


def state(folder: Path) -> list[tuple[str, int, int]]:
    return sorted(
        (str(path.relative_to(folder)), path.stat().st_size, path.stat().st_mtime_ns)
        for path in folder.rglob("*")
        if path.is_file()
    )


class Lane:
    """One build folder, with a site already built in it, used by one build at a time."""

    def __init__(self, root: Path, content: str):
        self.root, self.content = root, content
        self.run([sys.executable, str(REPO / "build.py"), *self.build_args()])

    def build_args(self) -> list[str]:
        """The default municipality's build into this lane (the sweep adds --hel: every moment of a whole build)."""
        return ["--innehall", self.content, "--ut", str(self.root / "ut"), "--sokindex", str(self.root / "sokindex")]

    def run(self, command: list[str]) -> subprocess.CompletedProcess:
        environment = {**os.environ, "SAMVERKANSTRAPPAN_FELSOK": "1"}
        return subprocess.run(
            command, capture_output=True, text=True, env=environment, start_new_session=True, timeout=300
        )

    def folders(self) -> list[list[tuple[str, int, int]]]:
        """The site and the search index, every file with its size and time."""
        return [state(self.root / name) for name in ("ut", "sokindex")]

    def interrupt_at(self, file: str, line: int) -> str | None:
        """What went wrong with a Ctrl-C at that line; None when it ended as it should."""
        before = self.folders()
        command = [sys.executable, __file__, "--vid", f"{file}:{line}", "--", *self.build_args(), "--hel"]
        started = time.perf_counter()
        done = self.run(command)
        took = time.perf_counter() - started
        printed = (done.stdout + done.stderr).strip()
        last = printed.splitlines()[-1] if printed else ""
        left = [path.name for folder in self.root.iterdir() for path in folder.iterdir() if path.name.startswith(".")]
        if done.returncode == 0:
            wrong = "Traceback" in printed
        else:
            wrong = done.returncode != 130 or not last.startswith(("Bygget avbröts", "Avbrutet"))
            wrong = wrong or "Traceback" in printed or self.folders() != before
        if wrong or left:
            return f"exit {done.returncode} after {took:.1f} s, left {left}:\n{printed[-3000:]}"
        return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--moduler", default=MODULES, help="folders and files below the package, comma-separated")
    parser.add_argument("--innehall", default=str(REPO / "content"), help="the content folder to build")
    parser.add_argument("--samtidigt", type=int, default=2, help="builds at the same time")
    parser.add_argument("--vid", help=argparse.SUPPRESS)
    parser.add_argument("--lista", help=argparse.SUPPRESS)
    parser.add_argument("build_args", nargs="*", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.vid or options.lista:
        traced("vid" if options.vid else "lista", options.vid or options.lista, options.build_args)
        return 0
    signal.signal(signal.SIGINT, signal.SIG_DFL)  # the builds must not inherit an ignored Ctrl-C
    chosen = tuple(options.moduler.split(","))
    with tempfile.TemporaryDirectory(prefix="ctrl-c-") as temporary:
        lanes = [Lane(Path(temporary) / str(number), options.innehall) for number in range(options.samtidigt)]
        listing = Path(temporary) / "rader.json"
        lanes[0].run([sys.executable, __file__, "--lista", str(listing), "--", *lanes[0].build_args(), "--hel"])
        lines = [
            (file, line)
            for file, line in json.loads(listing.read_text())
            if Path(file).relative_to(PACKAGE).as_posix().startswith(chosen)
        ]
        print(f"{len(lines)} rader i {options.moduler}", flush=True)

        def sweep(lane: Lane) -> list[str]:
            failed = []
            for file, line in lines[lanes.index(lane) :: len(lanes)]:
                if (wrong := lane.interrupt_at(file, line)) is not None:
                    failed.append(f"{Path(file).relative_to(PACKAGE)}:{line}: {wrong}")
                    print(failed[-1], flush=True)
            return failed

        with ThreadPoolExecutor(len(lanes)) as pool:
            failed = [fault for faults in pool.map(sweep, lanes) for fault in faults]
    print(f"{len(lines) - len(failed)} av {len(lines)} rader: Ctrl-C slutade som det ska.")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
