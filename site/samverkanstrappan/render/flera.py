"""Several needs at once: the combined answers of the vägvisare (content/behov.py).

Views of the `vagvisare` blueprint (the route table names them vagvisare.combined and
vagvisare.combined_handover); this module keeps vagvisare.py about the single path.
"""

from typing import NamedTuple

from flask import abort, current_app, render_template, url_for

from ..content import behov
from ..content.behov import TEXT as COMBINED_TEXT
from ..content.behov import hopeless_needs  # the view's argument `behov` hides the module
from ..content.sprak import SOURCE
from ..content.vagvisare import Outcome
from ..content.verksamhetstyper import AKUTA, HUVUDMAN, ROLLER
from . import personal, store
from .i18n import current_lang
from .kort import card_parts, needs_interpreter
from .lattlast import active, require_written


def need_label(lang: str, need: str, lattlast: bool):
    """The need as the start question words it (in lättläst too), and the language of those words."""
    return current_app.remember(("need_label", lang, lattlast, need), lambda: _need_label(lang, need, lattlast))


def _need_label(lang: str, need: str, lattlast: bool):
    content = store()
    text = content.text(lang, content.flow.start, lattlast=lattlast)
    return text.front_matter["svar"].get(need, need), text.lang


def for_whom(lang: str, labels: dict, entry: tuple, lattlast: bool) -> tuple[str, str, str]:
    """A card's "Gäller:" for one entry of behov.whom, as (need, label, its language): the need
    as the start question words it, narrowed by an answer ("… – 65 år eller äldre"), or the
    answer alone."""
    need, answer_at, alone = entry
    if answer_at is None:
        return (need, *labels[need])
    question_id, answer_id = answer_at
    text = store().text(lang, question_id, lattlast=lattlast)
    answer = text.front_matter["svar"][answer_id]
    return (need, answer, text.lang) if alone else (need, f"{labels[need][0]} – {answer}", labels[need][1])


def combined_url(chosen, asked: tuple[str, bool]) -> str:
    """The combined answer of `chosen` needs (one need: where removing the others leaves the
    person, behov.own_answer), from a page of `asked`: the language and lättläst state the
    URL is built for (current_lang() and active(), asked once by each caller, not for each
    link: each asks flask.g).
    Remembered per language while freezing: each of the 3,185 combined pages links to five
    or six others. The URL is the same in whatever order the needs come, so they are sorted
    for the key: the pages of a, b and of a, c both link to a, b, c."""
    chosen = tuple(chosen)
    return current_app.remember(("combined_url", *asked, tuple(sorted(chosen))), lambda: _combined_url(chosen))


def _combined_url(chosen: tuple[str, ...]) -> str:
    if len(set(chosen)) == 1:
        return url_for("vagvisare.step", svar="/".join(behov.own_answer(store().flow, chosen[0])))
    return url_for("vagvisare.combined", behov="/".join(behov.ordered(store().flow, chosen)))


def own_is_answer(need: str) -> bool:
    """Whether the need's own answer (behov.own_answer) is an outcome, not a question.
    Remembered: every combined page asks it for each of its needs, and each answer walks every
    path of the flow (8,359 walks of 75 paths in a build of the example)."""
    return current_app.remember(("own_is_answer", need), lambda: _own_is_answer(store().flow, need))


def _own_is_answer(flow, need: str) -> bool:
    return isinstance(flow.walk(behov.own_answer(flow, need))[-1], Outcome)


def add_choices(lang: str, chosen: tuple[str, ...], shown: tuple[str, ...] = ()) -> list[dict]:
    """ "Behöver du hjälp med något mer?": every other need, with the combined answer it leads to,
    but not a need whose outcomes the page already shows (`shown`, outcome ids): "hem från
    sjukhuset" was offered on the answer to "hem från sjukhuset" reached through äldre."""
    if len(chosen) >= behov.MAX_NEEDS:
        return []
    flow, found, asked = store().flow, [], (current_lang(), active())
    for need in behov.needs(flow):
        if need not in chosen and not set(flow.behov[need]) <= set(shown):
            label, label_lang = need_label(lang, need, asked[1])
            # With no need chosen ("vet inte"), each need's own questions: nothing is assumed.
            url = combined_url((*chosen, need), asked) if chosen else url_for("vagvisare.step", svar=need)
            if chosen and len(shown) == 1 and shown[0] in also_ids((*chosen, need)):
                url += f"#ocksa-{shown[0]}"  # the more precise answer's contacts stay in view
            found.append({"label": label, "lang": label_lang, "url": url})
    return found


def also_ids(chosen: tuple[str, ...]) -> frozenset[str]:
    """The earlier answers the combined answer of `chosen` needs has a part for (_also)."""
    ordered = behov.ordered(store().flow, chosen)
    answer = current_app.remember(("flera", ordered), lambda: _answer(ordered))
    return frozenset(earlier[0] for part in answer["also"] for earlier in part[0])


def contact_groups(outcomes) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The verksamheter of `outcomes` without repeats, grouped by who is responsible (kommun,
    region, state), acute ones first: in each group, and the group that has one first. Each
    group is (huvudman, service ids), so that the page part it makes can be remembered."""
    kinds = list(dict.fromkeys(kind for outcome in outcomes for kind in outcome.verksamheter))
    kinds.sort(key=lambda kind: kind not in AKUTA)  # stable: otherwise in the outcomes' order
    groups = {owner: [] for owner in HUVUDMAN}
    for kind in kinds:
        for service in store().services(kind):
            groups.setdefault(service.organisation.huvudman, []).append(service)
    found = [(owner, services) for owner, services in groups.items() if services]
    # A group that can help at once comes first (stable: otherwise kommun, region, state).
    found.sort(key=lambda group: not any(service.typ in AKUTA for service in group[1]))
    return tuple((owner, tuple(service.id for service in services)) for owner, services in found)


def coordinating_roles(ids) -> list[dict]:
    """The coordinating roles (step 6) with these ids, each once, with where to ask for it and
    whether the directory has that kind (`listed`: its group of cards, with their numbers).
    "Ask the contact centre" with no number sent a persona looking for it (session 47)."""
    found = []
    for role in dict.fromkeys(ids):
        name, about, kind = ROLLER[role]
        found.append({"id": role, "name": name, "about": about, "kind": kind, "listed": bool(store().services(kind))})
    return found


def carers(outcomes) -> tuple[str, ...]:
    """The services for närstående, unless an outcome already names them among its contacts."""
    if any("anhorigstod" in outcome.verksamheter for outcome in outcomes):
        return ()
    return tuple(service.id for service in store().services("anhorigstod"))


def _context(lang: str, behov_path: str) -> dict:
    content = store()
    flow = content.flow
    chosen = behov.ordered(flow, behov_path.split("/")) if flow else None
    if chosen is None or "/".join(chosen) != behov_path:
        abort(404)  # before anything is remembered: production must not keep what visitors make up
    answer = current_app.remember(("flera", chosen), lambda: _answer(chosen))
    asked = (current_lang(), active())
    labels = {need: need_label(lang, need, asked[1]) for need in chosen}
    served = {
        kind: tuple(for_whom(lang, labels, entry, asked[1]) for entry in entries)
        for kind, entries in answer["whom"].items()
    }
    return {
        **answer,
        "chosen": [
            {
                "id": need,
                "label": labels[need][0],
                "lang": labels[need][1],
                "remove": combined_url(tuple(other for other in chosen if other != need), asked),
                # The need's own answer, with the advice a combined answer leaves out for room
                # (what to bring, consent, who decides): one link, not a walk back. Where the
                # answer depends on a question not asked yet (boende: tonight or not?), the
                # link leads to that question and says so.
                "own": combined_url((need,), asked),
                "own_is_answer": own_is_answer(need),
            }
            for need in chosen
        ],
        "text": content.text(lang, COMBINED_TEXT, lattlast=asked[1]),
        **contacts(lang, answer, served),
        "add": add_choices(lang, chosen, tuple(outcome.id for outcome in answer["outcomes"])),
        "full": behov.MAX_NEEDS if len(chosen) >= behov.MAX_NEEDS else None,
        "behov_path": behov_path,
    }


def contacts(lang: str, answer: dict, served: dict) -> dict:
    """The contacts' groups, each (huvudman, the parts of its cards: kort.card_parts), each card
    with whom it is for (`served`: for each kind, (need id, label, its language), ..., for_whom),
    and whether to say once that one may ask for an interpreter. Worked out here, not in the
    template: asked there of each card's texts, on each of 2,730 pages, it cost the build 0.3 s."""
    services = store().verksamheter
    return {
        # Each group's cards as the fragments they are made of, made in one call (fragments()).
        "contacts": tuple(
            (owner, tuple(part for id in ids for part in card_parts(id, 4, True, served.get(services[id].typ, ()))))
            for owner, ids in answer["groups"]
        ),
        "interpreter": any(needs_interpreter(services[id], lang) for _owner, ids in answer["groups"] for id in ids),
    }


def _answer(chosen: tuple[str, ...]) -> dict:
    """What the combined answer of `chosen` needs holds in every language. The parts are ids,
    so that the page parts made from them are remembered too (fragments.py)."""
    outcomes = behov.outcomes(store().flow, chosen)
    also = _also(chosen, carers(outcomes))
    numbers = tuple(dict.fromkeys(number for outcome in outcomes for number in outcome.nummer))
    kanslig = any(outcome.kanslig for outcome in outcomes)
    return {
        "outcomes": outcomes,
        "nodes": " ".join(outcome.id for outcome in outcomes),
        "groups": contact_groups(outcomes),
        "kinds_for": behov.needs_of_kind(store().flow, chosen),
        "whom": behov.whom(
            store().flow,
            chosen,
            current_app.remember(("answers_leading",), lambda: behov.answers_leading(store().flow)),
        ),
        "numbers": numbers,
        "roles": tuple(dict.fromkeys(role for outcome in outcomes for role in outcome.samordnare)),
        "kanslig": kanslig,
        "parts": _parts_shown(also, numbers, kanslig),
        "acute": tuple(outcome.id for outcome in outcomes if outcome.kanslig),  # their words come first
        "leave": any(outcome.lamna_snabbt for outcome in outcomes),
        "carers": carers(outcomes),
        "also": also,
        "part_exit": any(part.leave for part in also),  # lamna.js, for a part's quick exit
    }


class AlsoPart(NamedTuple):
    """A part of a combined answer for earlier answers (_also)."""

    answers: tuple[tuple[str, str, str], ...]  # (outcome id, path, its paths under the other chosen needs)
    services: tuple[str, ...]
    numbers: tuple[str, ...]  # every national number of its answers (Bris for a child's mood, too)
    danger: bool  # a crisis answer's (kanslig): its call to 112 comes first
    leave: bool  # a crisis answer's quick exit


def _parts_shown(also: tuple[AlsoPart, ...], page_numbers: tuple[str, ...], kanslig: bool) -> tuple:
    """The parts as the page shows them (partials/ocksa.html): each part's national numbers but
    those the page already has where the part would repeat them. A crisis part drops only
    those of the page's help in danger above it (a kanslig page's): two crisis parts repeated
    112, Bris and 90101 below that block, 2 kB of a Ukrainian page at the gate. Another
    part drops every number the page lists anyway."""
    shown = []
    for part in also:
        above = (page_numbers if kanslig else ()) if part.danger else page_numbers
        numbers = tuple(number for number in part.numbers if number not in above)
        shown.append((part.answers, part.services, numbers, part.leave, part.danger))
    return tuple(shown)


def _also(chosen: tuple[str, ...], shown: tuple[str, ...]) -> tuple[AlsoPart, ...]:
    """behov.also as parts of the page: the earlier answers that add the same services share
    one part (BUP for a child's school, mood or drinking), with every national number any of
    them has (Bris, for the mood and the drinking: a mother who added her lost job and her sick
    leave to her son's mood lost it, a persona, session 49). A crisis answer's part has its
    call to 112 and its quick exit too, so it is shared only with crisis answers that have the
    same (a child at risk and someone young afraid at home: 1 kB of a Ukrainian page at the
    gate, session 48). The services are those the page does not show elsewhere (`shown`:
    carers); a part with no service and no number is there for the link to its answer's advice."""
    flow = store().flow
    parts: dict[tuple, list[tuple[str, str, str]]] = {}
    numbers: dict[tuple, dict[str, None]] = {}
    specific = current_app.remember(("specific_outcomes",), lambda: behov.every_specific_outcome(flow))
    for outcome_id, path, kinds in behov.also(flow, chosen, specific):
        outcome = flow.outcomes[outcome_id]
        crisis = (outcome.nummer, outcome.lamna_snabbt) if outcome.kanslig else None
        services = tuple(service.id for kind in kinds for service in store().services(kind) if service.id not in shown)
        # Reached under another chosen need too (barn-i-fara under barn and under våld): its
        # path there, so that flera.js points each need's links at its own way to the answer.
        others = (specific[need].get(outcome_id) for need in chosen)
        elsewhere = " ".join(dict.fromkeys("/".join(other) + "/" for other in others if other and other != path))
        parts.setdefault((services, crisis), []).append((outcome_id, "/".join(path), elsewhere))
        numbers.setdefault((services, crisis), {}).update(dict.fromkeys(outcome.nummer))
    found = []
    for (services, crisis), answers in parts.items():
        danger, leave = crisis is not None, bool(crisis and crisis[1])
        found.append(AlsoPart(tuple(answers), services, tuple(numbers[services, crisis]), danger, leave))
    return tuple(found)


def earlier_on_card(
    chosen: tuple[str, ...], also: tuple[AlsoPart, ...], on_card=(), carers=(), card_services=()
) -> list[dict]:
    """Each earlier answer of the combined answer's parts (_also) as the handover card lists it
    (partials/kort_ocksa.html): its id, the number of its need on the card, and its part's
    services and the national numbers not already on the card (`on_card`).
    A receptionist came from a caller's answer on a child's drinking: the card, its sms and
    its QR code had only the combined answer (a persona, session 36).
    A part leaves out the services for närstående (`carers`), which the public page lists in a
    section of its own; the card has no such section, so an earlier answer with anhörigstöd
    gets it back here when the card's services (`card_services`) do not have it: 175 cards
    lost it for a family's money when someone is ill, or a child's disability (session 51)."""
    flow, services = store().flow, store().verksamheter
    listed = {service.id for service in card_services}
    found = []
    for answers, service_ids, numbers, *_crisis in also:
        for outcome_id, path, _elsewhere in answers:
            need = behov.need_of_path(flow, tuple(path.split("/")))
            numbered = (chosen.index(need) + 1, need) if need in chosen else None  # as card_kinds
            shown = tuple(number for number in numbers if number not in on_card)
            kinds = flow.outcomes[outcome_id].verksamheter
            back = tuple(id for id in carers if services[id].typ in kinds and id not in listed)
            found.append({"id": outcome_id, "need": numbered, "services": service_ids + back, "numbers": shown})
    return found


def first_calls(also: tuple[AlsoPart, ...]) -> list[tuple[str, object]]:
    """Each earlier answer's first service, chosen as the card chooses its own (personal.services_of):
    the card's "Ring ..." names it when the address names that answer. A receptionist whose
    caller's daughter was already in psychiatry read "Ring Vårdcentralen" (a persona, session 45)."""
    flow = store().flow
    found = []
    for part in also:
        for outcome_id, _path, _elsewhere in part.answers:
            services = personal.services_of((flow.outcomes[outcome_id],))
            if services:
                found.append((outcome_id, services[0]))
    return found


def combined(lang, behov, lattlast):
    """One answer for two or three needs: every contact, grouped by who is responsible, and why
    to ask for a SIP (also in lättläst)."""
    require_written(lang, lattlast)
    return render_template("vagvisare/flera.html", **_context(lang, behov))


def combined_handover(lang, behov):
    """Staff mode of a combined answer, with its handover card (staff work in Swedish)."""
    if lang != SOURCE:
        abort(404)
    found = _context(lang, behov)
    public = url_for("vagvisare.combined", behov=behov)
    hopeless = current_app.remember(("hopplosa_behov",), lambda: hopeless_needs(store().flow))
    needs = [need["id"] for need in found["chosen"]]
    staff = personal.context(
        found["outcomes"],
        public,
        hopeless=any(need in hopeless for need in needs),
        needs=[(need["id"], need["label"]) for need in found["chosen"]],  # Swedish, as the page is
        kinds_for=found["kinds_for"],
    )
    staff["card_earlier"] = earlier_on_card(
        tuple(needs), found["also"], staff["card_numbers"], found["carers"], staff["card_services"]
    )
    staff["card_first_calls"] = first_calls(found["also"])
    others = personal.other_languages(lang, lambda code: url_for("vagvisare.combined", lang=code, behov=behov))
    return render_template("vagvisare/flera_overlamning.html", **found, **staff, other_languages=others)
