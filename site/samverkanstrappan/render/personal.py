"""Staff mode of an outcome or a combined answer (the stafettpinne, step 4): what to do in the
staff member's own voice, when to suggest a SIP, the safety prompt for a caller who sounds
hopeless, and a handover card that prints as one A4 page with a QR code of the public page.

The words are Markdown beside the flow (vagvisare/sv/personal.md, personal-sip.md,
sakerhet.md, orosanmalan.md); staff work in Swedish, so they are shown in Swedish on every language's page.
"""

from urllib.parse import quote

from flask import current_app

from ..content.sprak import SOURCE, SPRAK
from . import store
from .i18n import current_lang
from .kort import needs_interpreter
from .qr import qr_svg


def services_of(outcomes) -> list:
    """The services of the outcomes' kinds, in their order: the card lists them, and its
    "Ring ..." names the first (flera.first_calls, for an earlier answer, too)."""
    kinds = dict.fromkeys(kind for outcome in outcomes for kind in outcome.verksamheter)
    return [service for kind in kinds for service in store().services(kind)]


def _numbered(needs, kinds_for: dict) -> dict[str, tuple[tuple[int, str], ...]]:
    """For each kind of verksamhet, the (number, id) of the needs it is for, numbered as `needs`."""
    number = {id: place for place, (id, _label) in enumerate(needs, 1)}
    return {kind: tuple((number[id], id) for id in ids if id in number) for kind, ids in kinds_for.items()}


def _qr_cache():
    cache = current_app.config["CACHE"]
    return cache / "qr" if cache else None


def context(
    outcomes, public_path: str, carers: tuple[str, ...] = (), hopeless: bool = False, needs=(), kinds_for=None
) -> dict:
    """What the staff view and its card show for `outcomes` (one, or a combined answer's parts),
    whose public page is at `public_path`; `carers`: the ids of services for the närstående
    who asks, listed last; `hopeless`: show the safety prompt whatever the outcomes say;
    `needs`: on a combined answer, its needs as (id, label), and `kinds_for` the needs each
    kind of verksamhet is there for (behov.needs_of_kind)."""
    content = store()
    services = services_of(outcomes)
    # Whose help the person gets decides whether a SIP is suggested; the närstående's own support does not.
    owners = {service.organisation.huvudman for service in services}
    services += [service for service in content.services("anhorigstod") if service.id in carers]
    public_url = content.kommun.webbadress.rstrip("/") + public_path
    return {
        "staff_texts": {
            "personal": content.text(SOURCE, "personal"),
            "sip": content.text(SOURCE, "personal-sip") if len(owners) > 1 or len(outcomes) > 1 else None,
            "sakerhet": content.text(SOURCE, "sakerhet") if hopeless or any(o.hopplos for o in outcomes) else None,
            "orosanmalan": content.text(SOURCE, "orosanmalan") if any(o.orosanmalan for o in outcomes) else None,
        },
        "card_services": services,
        # A caller with three needs and eight numbers on paper asks which one was for what. The
        # card names the needs once, numbered, and each contact by number: written out at each
        # contact, they took a combined card to 1.15 A4 pages.
        "card_needs": [(number, id, label) for number, (id, label) in enumerate(needs, 1)],
        "card_kinds": _numbered(needs, kinds_for or {}),
        "card_numbers": list(dict.fromkeys(number for outcome in outcomes for number in outcome.nummer)),
        # A Finnish card named first a service whose staff speak Swedish, Arabic and Somali, and
        # said nothing of an interpreter, as the caller's answer does (a receptionist persona).
        "card_interpreter": any(needs_interpreter(service, current_lang()) for service in services),
        "public_url": public_url,
        # Where the page has a quick exit, someone at home may be watching: the phone too.
        "ask_before_sending": any(outcome.lamna_snabbt for outcome in outcomes),
        "sms_href": "sms:?&body=" + quote(public_url, safe=":/"),
        "qr": qr_svg(public_url, f"QR-kod: {public_url}", _qr_cache()),
    }


def other_languages(lang: str, url_in) -> list[tuple]:
    """(language, url_in(code)) for every other published language, on the Swedish staff page
    only: where the same answer is in the caller's language, to send or print."""
    if lang != SOURCE:
        return []
    return [(SPRAK[code], url_in(code)) for code in store().languages if code != SOURCE]
