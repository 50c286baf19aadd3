"""Server mode in production answers the pages from the build's own files (wsgi.py).

Every URL of the route table except the search page is the same for every reader, and the
build has already written it, byte for byte what the app would render from the same
content. Served from the file it costs a read instead of a render (0.1 ms against about
1 ms a page, and 25 ms for a combined answer's staff card), so the workers' time goes to
the searches, the one thing only a server can answer. The search page, the static files
(the app sends them with the headers that let a browser keep them: render/static_files.py),
and any URL the route table does not list, go on to the app.
"""

import mimetypes
from pathlib import Path

from werkzeug.utils import get_content_type

from ..freeze import file_of
from . import headers

STATIC = "/static/"
TYPES = {".html": "text/html", ".json": "application/json", ".xml": "application/xml"}


class BuiltPages:
    """WSGI middleware: a GET or HEAD of a URL in `urls` is answered from its file below
    `root`, with the security headers the app sends; everything else goes to `app`."""

    def __init__(self, app, root: Path, urls: list[str]):
        self.app = app
        root = Path(root).resolve()
        # Only the route table's pages, never the search page, and only files the build wrote.
        self.files = {
            url: path
            for url in urls
            if not headers.SEARCH_PAGE.match(url)
            and not url.startswith(STATIC)
            and (path := file_of(root, url)).is_file()
        }

    def __call__(self, environ, start_response):
        path = self.files.get(environ.get("PATH_INFO", ""))
        if path is None or environ["REQUEST_METHOD"] not in ("GET", "HEAD"):
            return self.app(environ, start_response)
        try:
            body = path.read_bytes()
        except OSError:  # gone since the server started (a new build is being published): render it
            return self.app(environ, start_response)
        # The type as the app sends it (Werkzeug adds the charset to text), so a page is the same
        # from either: the app's own for what it makes, the host's table (as Flask's) for the rest.
        guessed = TYPES.get(path.suffix) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        kind = get_content_type(guessed, "utf-8")
        sent = [("Content-Type", kind), ("Content-Length", str(len(body)))]
        policy = headers.policy(environ["PATH_INFO"], browser_search=False)
        sent += [("Content-Security-Policy", policy), *headers.HEADERS.items()]
        start_response("200 OK", sent)
        return [b""] if environ["REQUEST_METHOD"] == "HEAD" else [body]
