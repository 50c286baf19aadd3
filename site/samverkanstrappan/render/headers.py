"""The security headers of every response in server mode: the same policy as the pages'
meta tag, plus what only a header can say (frame-ancestors, nosniff, HSTS). docs/nginx.conf
sets the same for the static site; a test holds the two to the same values."""

import re

from flask import request

# Pagefind's search runs as WebAssembly, so the static site's search page alone may compile it.
SEARCH_PAGE = re.compile(r"^/[a-z]{2}/(lattlast/)?sok/$")
CSP = (
    "default-src 'none'; script-src {script}; style-src 'self'; img-src 'self'; connect-src 'self'; "
    "font-src 'self'; manifest-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
HEADERS = {
    "Strict-Transport-Security": "max-age=31536000",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def policy(path: str, browser_search: bool = True) -> str:
    """The Content-Security-Policy for the page at `path`. `browser_search`: the page searches in
    the browser with Pagefind, as the static site's does; server mode answers on the server, so
    none of its pages may compile WebAssembly."""
    wasm = browser_search and SEARCH_PAGE.match(path)
    return CSP.format(script="'self' 'wasm-unsafe-eval'" if wasm else "'self'")


def init_app(app) -> None:
    @app.after_request
    def secure(response):
        response.headers["Content-Security-Policy"] = policy(request.path, browser_search=False)
        response.headers.update(HEADERS)
        return response
