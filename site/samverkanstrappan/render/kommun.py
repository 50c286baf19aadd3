"""What each municipality has of its own: colours, logo, the directory of
verksamheter, the accessibility statement and the directory as open data."""

import json

from flask import Blueprint, Response, abort, render_template, send_file, url_for

from ..content import hsds
from ..content.alfabet import sort_key
from ..content.kommun import LOGO_TYPES
from . import kort, labels, store
from .lattlast import require_written

bp = Blueprint("kommun", __name__)

OPEN_DATA = "oppna-data/verksamheter.json"


def colours():
    """The municipality's colours as CSS custom properties that site.css uses."""
    return Response(store().kommun.css, mimetype="text/css")


def logo(ext):
    """The municipality's logo, from its own folder."""
    path = store().kommun.logotyp
    if path is None or path.suffix.lower() != ext:
        abort(404)
    return send_file(path, mimetype=LOGO_TYPES[ext])


def groups(lang: str) -> list[dict]:
    """The directory grouped by kind of verksamhet, groups and services in A–Ö order."""
    by_kind: dict[str, list] = {}
    for service in store().verksamheter.values():
        by_kind.setdefault(service.typ, []).append(service)
    key = sort_key(lang)
    found = [
        {
            "kind": kind,
            "label": str(labels.kind_label(kind)),
            "services": sorted(services, key=lambda s: sort_key("sv")(s.namn)),
        }
        for kind, services in by_kind.items()
    ]
    return sorted(found, key=lambda group: key(group["label"]))


def verksamheter(lang, lattlast):
    """Every verksamhet in the municipality, grouped, with contact cards; prints well (also in lättläst)."""
    require_written(lang, lattlast)
    # Said once above the cards, not on each: 3 kB of the Ukrainian page (render/kort.py).
    interpreter = any(kort.needs_interpreter(service, lang) for service in store().verksamheter.values())
    return render_template(
        "kommun/verksamheter.html", groups=groups(lang), open_data=url_for("kommun.open_data"), interpreter=interpreter
    )


def tillganglighet(lang):
    """The accessibility statement, built from the municipality's settings."""
    return render_template("kommun/tillganglighet.html", statement=store().kommun.tillganglighet)


def open_data():
    """The directory as Open Referral HSDS 3.0 services (JSON)."""
    services = hsds.services(store().kommun, store().verksamheter.values())
    return Response(json.dumps(services, ensure_ascii=False, indent=1), mimetype="application/json")
