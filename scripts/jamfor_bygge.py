"""Compare the frozen sites that two commits build, file by file.

    python scripts/jamfor_bygge.py 56df34e HEAD     (every bundled municipality)

Each commit is checked out in a temporary git worktree and built there with its own
build.py, one worker, into its own folder; then every file is compared byte for byte.
Prints the files only one side has and the files that differ, and exits 1 if any do.
"""

import argparse
import filecmp
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def build(commit: str, folder: Path, kommuner: list[str]) -> Path:
    tree = folder / "tree"
    subprocess.run(["git", "-C", str(REPO), "worktree", "add", "--detach", "-q", str(tree), commit], check=True)
    (tree / "node_modules").symlink_to(REPO / "node_modules")
    output = folder / "ut"
    for kommun in kommuner:
        subprocess.run(
            [sys.executable, "build.py", "--kommun", kommun, "--ut", str(output), "--processer", "1"],
            cwd=tree,
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return output


def differences(first: Path, second: Path) -> tuple[list[str], list[str]]:
    files = {p.relative_to(first).as_posix() for p in first.rglob("*") if p.is_file()}
    others = {p.relative_to(second).as_posix() for p in second.rglob("*") if p.is_file()}
    alone = sorted(files ^ others)
    changed = sorted(name for name in files & others if not filecmp.cmp(first / name, second / name, shallow=False))
    return alone, changed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before")
    parser.add_argument("after")
    parser.add_argument("--kommun", action="append", help="default: every bundled municipality")
    args = parser.parse_args()
    kommuner = args.kommun or sorted(p.name for p in (REPO / "content" / "kommuner").iterdir() if p.is_dir())
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        try:
            first = build(args.before, tmp / "a", kommuner)
            second = build(args.after, tmp / "b", kommuner)
            alone, changed = differences(first, second)
            count = sum(1 for p in second.rglob("*") if p.is_file())
        finally:
            for side in ("a", "b"):
                subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force", str(tmp / side / "tree")])
    print(f"{count} filer jämförda ({', '.join(kommuner)}).")
    for name in alone:
        print(f"bara på ena sidan: {name}")
    for name in changed:
        print(f"olika: {name}")
    print("Byte för byte lika." if not alone and not changed else f"{len(alone) + len(changed)} skillnader.")
    return 1 if alone or changed else 0


if __name__ == "__main__":
    sys.exit(main())
