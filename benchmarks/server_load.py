"""Load test of server mode in production: gunicorn serving samverkanstrappan.wsgi:app on
127.0.0.1, a bounded number of requests (pages and searches) from a number of connections
at once. Prints requests per second, the median and the 99th percentile, and errors, so
that a reader can size a server (README, "Server mode in production").

    python benchmarks/server_load.py [--kommun exempelstad] [--workers 2] [--connections 20] [--requests 2000]

It builds the municipality first (the index the server reads is the build's).
"""

import argparse
import http.client
import io
import random
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote, urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "site"), str(ROOT / "tests")]

from samverkanstrappan import devtools, paths  # noqa: E402
from samverkanstrappan.publish import builder  # noqa: E402
from samverkanstrappan.render import create_app  # noqa: E402
from sok_helpers import relevance_set  # noqa: E402


def requests_to_make(kommun: str, count: int, searches_every: int = 2) -> list[str]:
    """Pages (every kind, drawn from the route table), and every `searches_every`th a search
    from the relevance set."""
    app = create_app(kommun)
    store, router = app.extensions["content"], app.extensions["router"]
    rng = random.Random(1)
    pages = rng.sample(router.urls(store), 200)
    searches = [f"/{case['sprak']}/sok/?q={quote(case['fraga'])}" for case in relevance_set()]
    return [rng.choice(searches) if i % searches_every == 0 else rng.choice(pages) for i in range(count)]


def run(base: str, paths_to_get: list[str], connections: int) -> tuple[list[float], list[str], float]:
    host = urlsplit(base)
    queue, lock, timings, errors = list(reversed(paths_to_get)), threading.Lock(), [], []

    def client():
        while True:
            with lock:
                if not queue:
                    return
                path = queue.pop()
            started = time.perf_counter()
            try:
                connection = http.client.HTTPConnection(host.hostname, host.port, timeout=30)
                connection.request("GET", path)
                response = connection.getresponse()
                response.read()
                connection.close()
                if response.status != 200:
                    errors.append(f"{response.status} {path}")
            except OSError as error:
                errors.append(f"{error} {path}")
            with lock:
                timings.append(time.perf_counter() - started)

    threads = [threading.Thread(target=client) for _ in range(connections)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return timings, errors, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kommun", default=paths.DEFAULT_KOMMUN)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--connections", type=int, default=20)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--sok-var", type=int, default=2, help="var n:te begäran är en sökning (2: hälften)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        code = builder.build(args.kommun, folder / "ut", search_index=folder / "sokindex", out=io.StringIO())
        assert code == 0, "the build failed"
        wanted = requests_to_make(args.kommun, args.requests, args.sok_var)
        log = folder / "gunicorn.log"
        with devtools.production_server(
            args.kommun, paths.CONTENT, folder / "sokindex", log, args.workers, built=folder / "ut"
        ) as base:
            run(base, wanted[:100], args.connections)  # warm up: each worker's first pages
            timings, errors, seconds = run(base, wanted, args.connections)
    timings.sort()
    searches = sum("/sok/?q=" in path for path in wanted)
    print(
        f"gunicorn, {args.workers} workers, {args.connections} connections, {len(wanted)} requests"
        f" ({searches} searches, {len(set(path for path in wanted if '/sok/?q=' in path))} different)"
    )
    print(f"  {len(wanted) / seconds:.0f} requests/s")
    print(f"  median {statistics.median(timings) * 1000:.0f} ms, p99 {timings[int(len(timings) * 0.99)] * 1000:.0f} ms")
    print(f"  errors: {len(errors)}" + (f" (first: {errors[0]})" if errors else ""))


if __name__ == "__main__":
    main()
