"""Several needs at once: the combined answers of the vägvisare (content/behov.py).

Views of the `vagvisare` blueprint (the route table names them vagvisare.combined and
vagvisare.combined_handover); this module keeps vagvisare.py about the single path.
"""

from flask import abort, render_template, url_for

from ..content import behov
from ..content.behov import TEXT as COMBINED_TEXT
from ..content.sprak import SOURCE
from ..content.verksamhetstyper import AKUTA, HUVUDMAN, ROLLER
from . import personal, store


def need_label(lang: str, need: str):
    """The need as the start question words it, and the language of those words."""
    flow = store().flow
    text = store().text(lang, flow.start)
    return text.front_matter["svar"].get(need, need), text.lang


def combined_url(chosen) -> str:
    """The combined answer of `chosen` needs (one need: its own way into the guide)."""
    flow = store().flow
    if len(set(chosen)) == 1:
        return url_for("vagvisare.step", svar=next(iter(chosen)), lattlast=False)
    return url_for("vagvisare.combined", behov="/".join(behov.ordered(flow, chosen)))


def add_choices(lang: str, chosen: tuple[str, ...]) -> list[dict]:
    """ "Behöver du hjälp med något mer?": every other need, with the combined answer it leads to."""
    if len(chosen) >= behov.MAX_NEEDS:
        return []
    found = []
    for need in behov.needs(store().flow):
        if need not in chosen:
            label, label_lang = need_label(lang, need)
            found.append({"label": label, "lang": label_lang, "url": combined_url((*chosen, need))})
    return found


def contact_groups(outcomes) -> list[dict]:
    """The verksamheter of `outcomes` without repeats, grouped by who is responsible (kommun,
    region, state), acute ones first: in each group, and the group that has one first."""
    kinds = list(dict.fromkeys(kind for outcome in outcomes for kind in outcome.verksamheter))
    kinds.sort(key=lambda kind: kind not in AKUTA)  # stable: otherwise in the outcomes' order
    groups = {owner: [] for owner in HUVUDMAN}
    for kind in kinds:
        for service in store().services(kind):
            groups.setdefault(service.organisation.huvudman, []).append(service)
    found = [{"huvudman": owner, "services": services} for owner, services in groups.items() if services]
    # A group that can help at once comes first (stable: otherwise kommun, region, state).
    return sorted(found, key=lambda group: not any(service.typ in AKUTA for service in group["services"]))


def roles(outcomes) -> list[dict]:
    """The coordinating roles (step 6) that any part names, each with where to ask for it."""
    ids = dict.fromkeys(role for outcome in outcomes for role in outcome.samordnare)
    return [{"id": role, "name": ROLLER[role][0], "about": ROLLER[role][1], "kind": ROLLER[role][2]} for role in ids]


def _context(lang: str, behov_path: str) -> dict:
    flow = store().flow
    chosen = behov.ordered(flow, behov_path.split("/")) if flow else None
    if chosen is None or "/".join(chosen) != behov_path:
        abort(404)
    outcomes = behov.outcomes(flow, chosen)
    numbers = list(dict.fromkeys(number for outcome in outcomes for number in outcome.nummer))
    return {
        "chosen": [
            {
                "id": need,
                "label": need_label(lang, need)[0],
                "lang": need_label(lang, need)[1],
                "change": url_for("vagvisare.step", svar=need, lattlast=False),
                "remove": combined_url(tuple(other for other in chosen if other != need)),
            }
            for need in chosen
        ],
        "outcomes": outcomes,
        "groups": contact_groups(outcomes),
        "numbers": numbers,
        "roles": roles(outcomes),
        "kanslig": any(outcome.kanslig for outcome in outcomes),
        "leave": any(outcome.lamna_snabbt for outcome in outcomes),
        "text": store().text(lang, COMBINED_TEXT),
        "add": add_choices(lang, chosen),
        "behov_path": behov_path,
        "carers": [] if any("anhorigstod" in o.verksamheter for o in outcomes) else store().services("anhorigstod"),
    }


def combined(lang, behov):
    """One answer for two or three needs: every contact, grouped by who is responsible, and why
    to ask for a SIP."""
    return render_template("vagvisare/flera.html", **_context(lang, behov))


def combined_handover(lang, behov):
    """Staff mode of a combined answer, with its handover card (staff work in Swedish)."""
    if lang != SOURCE:
        abort(404)
    found = _context(lang, behov)
    public = url_for("vagvisare.combined", behov=behov)
    return render_template("vagvisare/flera_overlamning.html", **found, **personal.context(found["outcomes"], public))
