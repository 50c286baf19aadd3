"""The site's own CSS and JavaScript as a visitor gets them: minified (rcssmin, rjsmin), in
the frozen site and in server mode alike. The files in render/static/ keep their comments,
which say why a rule is there; a visitor's phone needs none of them. Minified, the search
page's CSS and JavaScript are 10 kB lighter, every page's stylesheet 4 kB.

Every page asks for a static file by an address that names what is sent
(`/static/sok.js?v=<hash>`), so a browser or proxy that keeps files for a year
(docs/nginx.conf) never pairs a new page with last week's script: the search page's crisis
block is read by the script from the page, and the two must match.
"""

import hashlib
import mimetypes
import os

import rcssmin
import rjsmin
from flask import Flask, Response, request
from werkzeug.security import safe_join

MINIFIERS = {".css": rcssmin.cssmin, ".js": rjsmin.jsmin}
# A file asked for by its current version never changes: a browser may keep it for a year.
VERSIONED_MAX_AGE = 365 * 24 * 3600


def minified(path: str) -> bytes:
    """The file at `path`, minified by its kind."""
    with open(path, encoding="utf-8") as file:
        text = file.read()
    return MINIFIERS[os.path.splitext(path)[1]](text).encode()


def _sent(path: str) -> bytes:
    """The bytes a visitor gets of the file at `path`."""
    if os.path.splitext(path)[1] in MINIFIERS:
        return minified(path)
    with open(path, "rb") as file:
        return file.read()


def _file(app: Flask, filename: str) -> tuple[str, os.stat_result] | None:
    """The static file's real path (safe_join normalises "x/../site.css", so made-up names for
    one file are one key) and its stat; None when there is no such file in the folder."""
    path = safe_join(app.static_folder, filename)
    try:
        stat = os.stat(path) if path is not None else None
    except OSError:
        return None
    return (path, stat) if stat is not None and os.path.isfile(path) else None


def _body(app: Flask, path: str, stat: os.stat_result) -> bytes:
    # Kept by time and size, so the editor's preview serves an edited file at once.
    return app.remember(("static", path, stat.st_mtime_ns, stat.st_size), lambda: _sent(path))


def version(app: Flask, filename: str) -> str | None:
    """A short hash of what is sent of the static file, for its address; None when there is none."""
    found = _file(app, filename)
    if found is None:
        return None
    try:
        return hashlib.sha256(_body(app, *found)).hexdigest()[:10]
    except (OSError, UnicodeDecodeError):  # gone since, or not text: asked for unversioned
        return None


def send(app: Flask, filename: str) -> Response:
    """The static file `filename`, minified when it is CSS or JavaScript. Asked for by its
    current version, a browser may keep it for a year; otherwise it asks again each time and is
    answered 304 when it has it (ETag, Last-Modified). That is `build.py serve` and production
    server mode (wsgi.py); a frozen site's files are sent by whatever serves it."""
    found = _file(app, filename)
    response = None
    if found is not None and os.path.splitext(filename)[1] in MINIFIERS:
        path, stat = found
        try:
            response = app.response_class(_body(app, path, stat), mimetype=mimetypes.guess_type(filename)[0])
        except (OSError, UnicodeDecodeError):  # gone since, or not text: sent as it is, as Flask would
            response = None
        else:
            response.last_modified = stat.st_mtime
            max_age = app.get_send_file_max_age(filename)
            if max_age:
                response.cache_control.max_age = max_age
                response.cache_control.public = True
            else:  # as Werkzeug's send_file: the browser asks each time, and gets a 304
                response.cache_control.no_cache = True
            response.add_etag()
            response = response.make_conditional(request)
    if response is None:  # Flask's: every other file (answered 304 by it too), and the 404
        response = Flask.send_static_file(app, filename)
    asked = request.args.get("v")
    if response.status_code in (200, 304) and asked is not None and asked == version(app, filename):
        response.cache_control.no_cache = None
        response.cache_control.max_age = VERSIONED_MAX_AGE
        response.cache_control.public = True
        response.cache_control.immutable = True
    return response
