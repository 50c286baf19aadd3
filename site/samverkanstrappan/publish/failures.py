"""What the build says when it cannot finish for a reason outside the content, and how it
stops on Ctrl-C: one Swedish line, an exit code that tells the two apart, no traceback.

Exit codes: 0 built; 1 the content has mistakes (the editor fixes them); 2 the machine
stopped the build (disk, permissions, a missing program: whoever runs the build fixes it);
130 interrupted (128 + SIGINT, as shells report it).
"""

import errno
import os
import signal
import threading
import traceback
from contextlib import contextmanager
from pathlib import Path

# Set to see the traceback behind an environment or program error (never shown to editors otherwise).
DEBUG = "SAMVERKANSTRAPPAN_FELSOK"
CONTENT = 1
ENVIRONMENT = 2
INTERRUPTED = 130


def advice(error: BaseException, output: Path, read: tuple[Path, ...] = ()) -> str:
    """One line in Swedish: what stopped the build, and what to do about it. `read`: the
    folders the build only reads (the content, the translations)."""
    number = getattr(error, "errno", None)
    where = getattr(error, "filename", None) or output.parent
    if number == errno.ENOSPC or number == errno.EDQUOT:
        return f"Bygget stoppades: disken är full ({where}). Frigör plats och bygg igen."
    if refused := _refused("Bygget", "det", error, read):
        return refused
    if number in (errno.EACCES, errno.EPERM, errno.EROFS):
        return (
            f"Bygget stoppades: det får inte skriva i {where}. "
            "Kontrollera att mappen finns och att du har rätt att skriva där, eller välj en annan med --ut."
        )
    if isinstance(error, FileNotFoundError) and where != output.parent:
        return f"Bygget stoppades: {where} saknas. Installera om med: python -m pip install -e ."
    if type(error).__module__.startswith("samverkanstrappan."):  # our own errors say it in Swedish
        return f"Bygget stoppades: {error}"
    if isinstance(error, OSError):
        return f"Bygget stoppades av datorn: {error.strerror or error}. Försök igen; händer det igen, be om hjälp."
    return (
        f"Bygget stoppades av ett fel i programmet ({type(error).__name__}), inte i innehållet. "
        "Rapportera det till dem som sköter webbplatsen, med den här raden. "
        f"(För dem: kör igen med {DEBUG}=1 för hela felutskriften.)"
    )


def stopped(what: str, error: OSError, read: tuple[Path, ...]) -> str:
    """One line in Swedish for `build.py check` and `serve` (`what`: "Kontrollen",
    "Förhandsvisningen") stopped by the machine rather than by the content."""
    if refused := _refused(what, "den", error, read):
        return refused
    if error.errno == errno.EADDRINUSE:
        return f"{what} stoppades: porten används redan. Välj en annan med --port, eller stoppa det som använder den."
    where = getattr(error, "filename", None)
    return f"{what} stoppades av datorn{f' ({where})' if where else ''}. Försök igen; händer det igen, be om hjälp."


def _refused(what: str, it: str, error: BaseException, read: tuple[Path, ...]) -> str | None:
    """The line for a folder among `read` that may not be read (`it`: the pronoun of `what`,
    "det" for Bygget, "den" for Kontrollen), or None when that is not what stopped it."""
    folder = refused_folder(error, read)
    if folder is None:
        return None
    return (
        f"{what} stoppades: {it} får inte läsa {folder}. Ge kontot som kör {it} läsrätt till mappen "
        "och allt i den, och försök igen."
    )


def refused_folder(error: BaseException, read: tuple[Path, ...]) -> Path | None:
    """The folder among `read` (the content, the translations) that `error` says may not be
    read, or None. Most such files and folders are reported with the content's mistakes
    (SV122); this is for one the program could not even look into."""
    where = getattr(error, "filename", None)
    if getattr(error, "errno", None) not in (errno.EACCES, errno.EPERM) or not where or not _inside(where, read):
        return None
    return Path(where) if os.path.isdir(where) else Path(where).parent


def _inside(where, folders: tuple[Path, ...]) -> bool:
    try:
        path = Path(where).resolve()
    except (OSError, RuntimeError, TypeError):
        return False
    return any(path.is_relative_to(Path(folder).resolve()) for folder in folders)


def details(error: BaseException) -> str:
    """The whole traceback, for those who maintain the code, when they ask for it."""
    if not os.environ.get(DEBUG):
        return ""
    return "".join(traceback.format_exception(error))


def _interrupt_once(signum, frame):
    # The first Ctrl-C stops the build; the cleanup that follows must not be cut short by a second.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    raise KeyboardInterrupt


def publishing() -> None:
    """The new site is about to be put in place: a few renames and removing the old folders.
    Cut short, they would leave a folder behind, so from here a Ctrl-C is ignored."""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, signal.SIG_IGN)


@contextmanager
def interruptible():
    """While the build runs, Ctrl-C raises once and is then ignored until the build returns."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread can handle signals (a test may build from another)
        return
    previous = signal.signal(signal.SIGINT, _interrupt_once)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
