"""The browser's search index: Pagefind, fed the same documents as Whoosh.

Pagefind's binary (from PyPI) runs in its service mode and gets each document as
a record (url, text, language, title and place), so it never reads or parses the
frozen HTML: the two engines index exactly the same documents, and this index is
written while the workers freeze the pages and build Whoosh's.

We speak the service's protocol (base64 JSON messages ending in ",", the one its
own Python and Node wrappers use) instead of calling `pagefind.index`, because
that wrapper waits 0.1 s for every response: nine minutes for 5,000 records.

The service hands the finished files back (GetFiles) and we write them. Its own
WriteFiles answers before its last writes have landed, and the service exits as
soon as its input ends, so now and then a build shipped a file cut short (seen
here on pagefind-ui.js; Pagefind issue #1271, fixed after 1.5.2).
"""

import base64
import contextlib
import json
import os
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path, PurePosixPath

from .. import workers
from ..content.store import ContentStore

ENTRY = "pagefind-entry.json"  # the file pagefind.js reads first: the languages and their indexes


class PagefindError(RuntimeError):
    """Pagefind refused a document or could not write the index."""


def _message(message_id: int, payload: dict) -> bytes:
    return base64.b64encode(json.dumps({"message_id": message_id, "payload": payload}).encode()) + b","


class _Answers(threading.Thread):
    """Reads the service's answers as they come, so its output pipe never fills up and stalls it."""

    def __init__(self, stream, last_id: int):
        super().__init__(daemon=True)
        self.stream, self.last_id, self.answers, self.done = stream, last_id, [], threading.Event()

    def run(self) -> None:
        pending = []  # the pieces of an answer not yet complete: the last one holds every file
        try:
            while chunk := self._read():
                *ends, rest = chunk.split(b",")
                for end in ends:
                    self.answers.append(json.loads(base64.b64decode(b"".join([*pending, end]))))
                    pending = []
                pending.append(rest)
                if self.answers and self.answers[-1].get("message_id") == self.last_id:
                    break
        except ValueError:  # output that is no answer: the answers missing say so (check())
            pass
        finally:
            self.done.set()  # the last answer came, or the service ended or spoke nonsense

    def _read(self) -> bytes:
        """The next piece of output; nothing once the pipe is closed (the build was stopped)."""
        try:
            return self.stream.read1(1 << 20)
        except (OSError, ValueError):
            return b""


def get_executable() -> Path | None:
    """Pagefind's program, found the way its own wrapper finds it. Imported when asked:
    pagefind.service imports asyncio, 40 ms at the start of every build."""
    from pagefind.service import get_executable as find

    return find()


RECORDS_PER_SERVICE = 1_000  # below about this many records a second service only costs its start


def build(
    store: ContentStore, output: Path, labels: dict[str, dict[str, str]], router, languages=None, processes=None
) -> int:
    """Write Pagefind's files for every published language (or only `languages`) into `output`;
    return the record count. `labels` gives, per language, the words shown for each place
    ("steg:<slug>", "utfall" ...). A large site's languages are shared out among services
    that run side by side, one per core: a service indexes on one core, and each language's
    files are the same whichever service made them (see rewrite()). `processes`: the cores
    the build may use (workers.count; default: all)."""
    binary = get_executable()
    if binary is None:
        raise PagefindError("Pagefinds program saknas. Installera paketet pagefind[bin].")
    records = {
        lang: _records(store, lang, labels, router) for lang in (store.languages if languages is None else languages)
    }
    total = sum(map(len, records.values()))
    groups = _groups(records, workers.count(processes, total // RECORDS_PER_SERVICE))
    conversations = [
        [{"type": "NewIndex", "config": None}, *records_of, {"type": "GetFiles", "index_id": 0}]
        for records_of in groups
    ]
    answered = _talk(binary, conversations)
    files, entries = {}, []
    for messages, answers in zip(conversations, answered):
        _check(messages, answers)
        for file in answers[-1]["payload"].get("files", []):
            if file["path"] == ENTRY:  # each service lists only its own languages
                entries.append(json.loads(base64.b64decode(file["content"])))
            elif files.setdefault(file["path"], file)["content"] != file["content"]:
                raise PagefindError(f"Pagefind gav två olika filer med samma namn: {file['path']}")
    if entries:
        for entry in entries[1:]:
            entries[0]["languages"].update(entry["languages"])
        files[ENTRY] = {"path": ENTRY, "content": base64.b64encode(json.dumps(entries[0]).encode()).decode()}
    _write(list(files.values()), output, store.languages)
    return total


def _records(store: ContentStore, lang: str, labels: dict[str, dict[str, str]], router) -> list[dict]:
    return [
        {
            "type": "AddRecord",
            "index_id": 0,
            "url": doc.url,
            "content": f"{doc.title}\n{doc.text}",
            "language": lang,
            "meta": {"title": doc.title, "plats": labels[lang][doc.place]},
            "filters": None,
            "sort": None,
        }
        for doc in router.documents(store, lang)
    ]


def _groups(records: dict[str, list[dict]], count: int) -> list[list[dict]]:
    """The languages' records in at most `count` groups of about the same size, largest
    language first; no group empty (always one, so that an index without records is written too)."""
    groups = [[] for _ in range(count)]
    for lang in sorted(records, key=lambda lang: -len(records[lang])):
        min(groups, key=len).extend(records[lang])
    return [group for group in groups if group] or [[]]


def _talk(binary: Path, conversations: list[list[dict]]) -> list[list[dict]]:
    """Send each list of messages to a service of its own, all at once; the answers of each.
    Each service is fed by a thread of its own (a pipe holds 64 kB, and a service reads its
    input as it indexes) and answered to a reader of its own, while this thread waits."""
    # One indexing thread each: a service runs beside the workers that freeze the pages (or
    # beside another service), and even alone it used less CPU than with its default pool
    # (measured: 2.0 against 2.4 s for 5,255 records).
    environment = {**os.environ, "RAYON_NUM_THREADS": "1"}
    with contextlib.ExitStack() as stack:
        services, readers, feeders = [], [], []
        try:
            for messages in conversations:
                service = stack.enter_context(
                    subprocess.Popen(
                        [str(binary), "--service"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=environment
                    )
                )
                services.append(service)
                readers.append(_Answers(service.stdout, len(messages)))
                readers[-1].start()
                data = b"".join(_message(number, payload) for number, payload in enumerate(messages, 1))
                feeders.append(threading.Thread(target=_feed, args=(service, data), daemon=True))
                feeders[-1].start()
            for answers in readers:
                _wait(answers)
            for service, answers, messages in zip(services, readers, conversations):
                if len(answers.answers) < len(messages):
                    service.kill()  # it stopped answering (check() says so): nor may it hold its feeder
            for feeder in feeders:
                feeder.join()
            for service in services:
                with contextlib.suppress(BrokenPipeError):
                    service.stdin.close()  # only now: at the end of its input a service exits at once
                service.wait()
        except BaseException:  # Ctrl-C: the services go first, so their readers end before the pipes close
            for service in services:
                service.kill()
            for feeder in feeders:
                if feeder.is_alive():  # one the Ctrl-C came before it started cannot be joined
                    feeder.join(timeout=1)
            for service in services:
                with contextlib.suppress(OSError):  # what was left unsent must not hide why it stopped
                    service.stdin.close()
            raise
        finally:
            for answers in readers:
                if answers.is_alive():
                    answers.join(timeout=1)
    return [answers.answers for answers in readers]


def _feed(service: subprocess.Popen, data: bytes) -> None:
    """Write a service's messages; a service that stopped early says so in its missing answers."""
    with contextlib.suppress(OSError, ValueError):  # stopped, or its pipe closed on Ctrl-C
        service.stdin.write(data)
        service.stdin.flush()


def rewrite(store: ContentStore, output: Path, labels: dict[str, dict[str, str]], router, languages: list[str]) -> int:
    """Index again only `languages` in `output`, a copy of the last build's Pagefind folder
    made of links; return the record count. Pagefind indexes each language on its own, so
    a language indexed alone gets the same files, byte for byte, as in an index of all of
    them: the other languages' files stay, and the entry file lists them all."""
    kept = json.loads((output / ENTRY).read_bytes())["languages"]
    staging = Path(tempfile.mkdtemp(dir=output.parent, prefix=f".{output.name}-"))  # never a linked folder
    try:
        count = build(store, staging, labels, router, languages)
        for lang in languages:  # its files: "<folder>/<lang>_...", "pagefind.<lang>_..." and "wasm.<lang>.pagefind"
            for pattern in (f"*/{lang}_*", f"pagefind.{lang}_*", f"wasm.{lang}.*"):
                for path in output.glob(pattern):
                    path.unlink()
            kept.pop(lang, None)
        entry = json.loads((staging / ENTRY).read_bytes())
        entry["languages"] = {**kept, **entry["languages"]}
        (staging / ENTRY).write_bytes(_in_site_order(json.dumps(entry).encode(), store.languages))
        for path in sorted(staging.rglob("*")):
            if path.is_file():  # a rename replaces the link, never the bytes of the published file
                target = output / path.relative_to(staging)
                target.parent.mkdir(exist_ok=True)
                os.replace(path, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return count


def _write(files: list[dict], output: Path, languages: tuple[str, ...]) -> None:
    """Write the service's files (path and base64 content) below `output`. About 5,000 files
    for a large site: each path is checked as text, and each folder made once."""
    if not any(file["path"] == ENTRY for file in files):
        raise PagefindError("Pagefind gav inga filer för sökindexet i webbläsaren.")
    root = str(output.resolve())
    made = set()
    for file in files:
        relative = PurePosixPath(file["path"])
        if relative.is_absolute() or ".." in relative.parts or not relative.parts:
            raise PagefindError(f"Pagefind ville skriva utanför sin mapp: {file['path']}")
        data = base64.b64decode(file["content"])
        if file["path"] == ENTRY:
            data = _in_site_order(data, languages)
        path = os.path.join(root, *relative.parts)
        folder = os.path.dirname(path)
        if folder not in made:
            os.makedirs(folder, exist_ok=True)
            made.add(folder)
        with open(path, "wb") as target:
            target.write(data)


def _in_site_order(entry: bytes, languages: tuple[str, ...]) -> bytes:
    """Pagefind's entry file with the languages in the site's order, Swedish first. Pagefind
    lists them in a random order, so no two builds were the same, and for a language without
    an index pagefind.js takes the one with the most pages: on a tie, the first listed."""
    data = json.loads(entry)
    found = data["languages"]
    order = sorted(found, key=lambda lang: (languages.index(lang) if lang in languages else len(languages), lang))
    data["languages"] = {lang: found[lang] for lang in order}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()


def _wait(answers: _Answers, patience: float = 600.0) -> None:
    """Wait while answers keep coming; a service silent for `patience` seconds has stopped."""
    seen = len(answers.answers)
    while not answers.done.wait(patience):
        if len(answers.answers) == seen:
            break
        seen = len(answers.answers)


def _check(messages: list[dict], responses: list[dict]) -> None:
    """Every message answered, none with an error, and our index is number 0 (as the records say)."""
    errors = [r["payload"].get("message", r) for r in responses if r.get("payload", {}).get("type") == "Error"]
    if errors or len(responses) != len(messages):
        detail = "; ".join(map(str, errors[:3])) or f"{len(responses)} svar på {len(messages)} meddelanden"
        raise PagefindError(f"Pagefind kunde inte skapa sökindexet för webbläsaren: {detail}")
    if responses[0]["payload"].get("index_id") != 0:
        raise PagefindError("Pagefind gav indexet ett annat nummer än väntat.")
