"""What only the editor's preview has: a watcher on the content's files, a tab that reloads
itself when they change, and the content's problems on every page.

Each HTML page of the preview gets one small script (SCRIPT, never part of the built site)
that listens to /_forhandsvisning/andringar, a stream of the preview's version numbers
(Server-Sent Events), and reloads the page when the number is not the one it was shown
with. The pages' own policy already allows it: a script and a connection to the same site
('self'), so the preview loosens nothing. When the newest content has problems, each page
begins with them, in Swedish, as `build.py` prints them.
"""

import os
import re
import sys
import threading
from pathlib import Path

from flask import Blueprint, Response, current_app, g, render_template, url_for

from ..content.problems import has_errors, report
from .live import preview

bp = Blueprint("live", __name__)

SCRIPT = """// The editor's preview only (build.py serve): reload the page when the content changes.
(function () {
  var shown = document.currentScript.getAttribute("data-version");
  var changes = new EventSource("/_forhandsvisning/andringar");
  changes.onmessage = function (event) {
    if (event.data !== shown) {
      changes.close();
      window.location.reload();
    }
  };
})();
"""

STYLE = """.forhandsvisning-fel { background: #fff4e5; border: 3px solid #8a4b00; color: #1a1a1a;
  margin: 0; padding: 1rem; font-family: system-ui, sans-serif; }
.forhandsvisning-fel--fel { background: #fdecea; border-color: #a1261b; }
.forhandsvisning-fel h2 { margin: 0 0 .5rem; font-size: 1.1rem; }
.forhandsvisning-fel pre { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; font-size: .95rem; }
"""

KEEP_ALIVE = 15  # seconds: a closed tab's stream ends at the next write


def script():
    """The preview's reload script."""
    return Response(SCRIPT, mimetype="text/javascript")


def style():
    """How the preview shows the content's problems."""
    return Response(STYLE, mimetype="text/css")


def changes():
    """The preview's version number, sent again each time it changes (Server-Sent Events)."""
    state = preview(current_app)

    def stream():
        seen = None
        while True:
            number = state.wait(seen, KEEP_ALIVE)
            yield ": \n\n" if number == seen else f"data: {number}\n\n"
            seen = number

    return Response(stream(), mimetype="text/event-stream", headers={"Cache-Control": "no-store"})


def init_app(app) -> None:
    @app.after_request
    def show_the_preview(response):
        version = g.get("preview")
        if version is None or response.mimetype != "text/html" or response.is_streamed:
            return response
        html = response.get_data(as_text=True)
        head = f'<script src="{url_for("live.script")}" data-version="{version.number}" defer></script>'
        if version.problems:
            head += f'<link rel="stylesheet" href="{url_for("live.style")}">'
            listing, errors = report(list(version.problems)), has_errors(version.problems)
            panel = render_template("live/problem.html", listing=listing, errors=errors)
            html = re.sub(r"(<body[^>]*>)", lambda found: found[1] + panel, html, count=1)
        response.set_data(html.replace("</head>", head + "</head>", 1))
        return response


def watch(app) -> threading.Event:
    """Watch the content's files in a thread of its own (watchfiles), reading each change into
    the preview as soon as it is saved; the preview's requests no longer look themselves.
    Returns the event that stops the watcher."""
    import watchfiles  # only the preview watches

    state, stop = preview(app), threading.Event()
    roots = state.latest.watched()

    def read(paths: set[Path], listed: bool) -> None:
        try:
            state.read(paths, listed)
        except OSError:  # a file went away while it was read: look at every file instead
            state.read()

    def run():
        try:
            # step: how long a burst of writes may pause before it is read (one save is a few ms);
            # after a second with no save, an empty batch: the editor has paused
            batches = watchfiles.watch(
                *roots, stop_event=stop, step=20, raise_interrupt=False, rust_timeout=1000, yield_on_timeout=True
            )
            for found in batches:
                if not found:
                    state.idle()
                    continue
                paths = {Path(path) for _, path in found}
                # A folder "modified" is one whose rights changed (chmod): list it again too.
                listed = any(change != watchfiles.Change.modified or os.path.isdir(path) for change, path in found)
                try:
                    read(paths, listed)
                except PermissionError as error:  # most are shown in the browser (SV122); not this one
                    print(
                        f"Förhandsvisningen får inte läsa {error.filename or 'ändringen'}. Ge kontot som kör den "
                        "läsrätt till den, och spara igen.",
                        file=sys.stderr,
                    )
                except Exception as error:  # one save that cannot be read must not stop the preview
                    print(f"Förhandsvisningen kunde inte läsa ändringen: {error}. Spara filen igen.", file=sys.stderr)
        finally:
            state.watching = False  # should the watcher ever stop, requests look for changes again

    state.watching = True
    threading.Thread(target=run, name="bevakning", daemon=True).start()
    return stop
