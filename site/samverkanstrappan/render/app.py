"""The Flask application class: Flask, with URLs and other page parts remembered while freezing."""

import contextlib
import hashlib
import sys
from collections.abc import Callable
from pathlib import Path

import jinja2
from flask import Flask, g, has_request_context, request
from flask.templating import _default_template_ctx_processor
from jinja2 import Environment, FileSystemBytecodeCache

from . import static_files

# What production server mode remembers at most (a build of the example remembers about 17,000
# things for its 3,388 pages); past it, it works each one out again.
MAX_REMEMBERED_SERVING = 200_000
_MISSING = object()  # what remember() finds for a key not remembered (None may be remembered)


class App(Flask):
    """A page builds about thirty URLs, and most are the same on every page of its
    language (menu, footer, emergency block). Building one costs the URL map and the
    url_defaults callbacks, so a frozen build looks each one up once.

    The url_defaults (i18n, lattlast) read only the language and lättläst state of
    the page, so those are part of the key. The editor's preview re-reads content while
    it runs and lättläst links depend on it, so it builds every URL afresh."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._remembered: dict[tuple, object] = {}

    def remember(self, key: tuple, compute: Callable[[], object]):
        """compute(), once per `key` while freezing. Serve mode computes it every time,
        because content can change while it runs. The key must hold everything the
        result depends on (usually the language and the lättläst state). Without the
        freezing shortcuts (freeze/shortcuts.py) nothing is remembered either."""
        if self.config.get("LIVE", True) or not self.config.get("FREEZE_SHORTCUTS", False):
            return compute()
        # One lookup: a page asks about 80 times, and a key of nested tuples is hashed each time.
        value = self._remembered.get(key, _MISSING)
        if value is not _MISSING:
            return value
        value = compute()
        # Production answers any address a visitor makes up, so what it keeps is bounded.
        if not self.config.get("SERVE_MODE") or len(self._remembered) < MAX_REMEMBERED_SERVING:
            self._remembered[key] = value
        return value

    def update_template_context(self, context: dict) -> None:
        """Flask's, with what the context processors give remembered per language and
        lättläst state: a page and each new fragment ask for it, and the processors (pages,
        i18n, lattlast, vagvisare, sok) read nothing else. Only `g` and `request` are the
        request's own, as Flask's first processor gives them."""
        if self.config.get("LIVE", True) or not self.config.get("FREEZE_SHORTCUTS", False):
            return super().update_template_context(context)
        given = context.copy()
        blueprints = tuple(request.blueprints) if has_request_context() else ()
        key = ("context", g.get("lang"), g.get("lattlast"), blueprints)
        context.update(_default_template_ctx_processor())
        context.update(self.remember(key, lambda: self._processed(blueprints)))
        context.update(given)  # the values a view passes win, as in Flask

    def _processed(self, blueprints: tuple[str, ...]) -> dict:
        found = {}
        for name in (None, *reversed(blueprints)):
            for processor in self.template_context_processors.get(name, ()):
                if processor is not _default_template_ctx_processor:
                    found.update(self.ensure_sync(processor)())
        return found

    def send_static_file(self, filename: str):
        """Flask's, with CSS and JavaScript minified (render/static_files.py)."""
        return static_files.send(self, filename)

    def url_for(self, endpoint: str, **values) -> str:
        """Flask's, remembered while freezing; a static file's address names its version."""
        if not has_request_context():
            return self.built_url(endpoint, values)
        here = g._get_current_object()  # once through the proxy, not twice: a page asks for dozens of URLs
        relative_to = request.blueprint if endpoint.startswith(".") else None
        # A language given in `values` wins over the page's (a link to the same page in
        # another language is the same key on every language version of the page).
        key = (
            "url",
            endpoint,
            relative_to,
            values.get("lang") or here.get("lang"),
            here.get("lattlast"),
            frozenset(values.items()),
        )
        try:
            hash(key)
        except TypeError:  # an unhashable argument: build it every time
            return self.built_url(endpoint, values)
        return self.remember(key, lambda: self.built_url(endpoint, values))

    def built_url(self, endpoint: str, values: dict) -> str:
        """Flask's url_for (a static file's address naming its version), never remembered: for
        a caller that remembers what it makes of several URLs (the language switcher)."""
        if endpoint == "static" and "v" not in values:
            return Flask.url_for(self, endpoint, **values, v=static_files.version(self, values["filename"]))
        return Flask.url_for(self, endpoint, **values)


class KeptTemplates(FileSystemBytecodeCache):
    """The templates compiled to Python by an earlier build, kept in the build cache: compiling
    them all takes about 0.2 s, loading them 0.02 s. Jinja keys each on its name and checks its
    source, but not the settings compiled into it (trim_blocks, extensions, autoescaping ...) nor
    its own version, so those name the folder. A cache that cannot be written (a read-only
    server) only means compiling each time."""

    def __init__(self, folder: Path):
        folder.mkdir(parents=True, exist_ok=True)
        super().__init__(str(folder))

    def dump_bytecode(self, bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)

    @classmethod
    def at(cls, folder: Path | None, environment: Environment) -> "KeptTemplates | None":
        """The cache below `folder` for templates compiled as `environment` compiles them, or None
        when there is no folder or it cannot be made."""
        if folder is None:
            return None
        try:
            return cls(folder / compiled_as(environment))
        except OSError:
            return None


def compiled_as(environment: Environment) -> str:
    """A name for everything that shapes the code Jinja compiles a template to."""
    autoescape = environment.autoescape
    settings = [
        jinja2.__version__,
        sys.version,
        *(getattr(environment, name) for name in COMPILE_SETTINGS),
        sorted((name, getattr(extension, "version", "")) for name, extension in environment.extensions.items()),
        getattr(autoescape, "__qualname__", autoescape),
        # Whether a filter or test is given the context is compiled into each call of it: a filter
        # that came to need it was called without it from the kept code (session 32).
        *(_passes(kind) for kind in (environment.filters, environment.tests)),
    ]
    return hashlib.sha256(repr(settings).encode()).hexdigest()[:16]


def _passes(functions: dict) -> list[tuple[str, str]]:
    """Each function's name with what Jinja passes it first (`pass_context` and the like)."""
    return sorted((name, str(getattr(function, "jinja_pass_arg", ""))) for name, function in functions.items())


# Environment settings compiled into a template's code (jinja2.Environment's lexer and compiler).
COMPILE_SETTINGS = (
    *("block_start_string", "block_end_string", "variable_start_string", "variable_end_string"),
    *("comment_start_string", "comment_end_string", "line_statement_prefix", "line_comment_prefix"),
    *("trim_blocks", "lstrip_blocks", "newline_sequence", "keep_trailing_newline", "optimized"),
)
