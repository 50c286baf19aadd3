"""The vägvisare: one question per page, every answer a link, outcomes with contacts.

A page's URL is the answers given so far, so the page knows the way it was
reached, shows it, and can be sent to a caller as it is.
"""

from flask import Blueprint, abort, current_app, render_template, url_for
from markupsafe import Markup

from ..content import behov
from ..content.sprak import SOURCE
from ..content.vagvisare import Question
from ..content.verksamhetstyper import HUVUDMAN_NAMN
from . import flera, personal, store
from .lattlast import active, require_written

bp = Blueprint("vagvisare", __name__)


def path_url(answers: tuple[str, ...]) -> str:
    """The URL of the page reached by `answers` (the vägvisare's start for none)."""
    if not answers:
        return url_for("vagvisare.start")
    return url_for("vagvisare.step", svar="/".join(answers))


def _history(lang: str, nodes: list, answers: tuple[str, ...]) -> list[dict]:
    """The answers so far: each question, the answer given, and where to change it."""
    history = []
    for index, answer_id in enumerate(answers):
        text = node_text(lang, nodes[index].id)
        history.append(
            {
                "question": text.meta.get("fraga", nodes[index].id),
                "answer": text.front_matter["svar"].get(answer_id, answer_id),
                "change": path_url(answers[:index]),
                "lang": text.lang,
            }
        )
    return history


def _render(lang: str, answers: tuple[str, ...]):
    nodes = store().flow.walk(answers)
    if nodes is None:
        abort(404)
    node = nodes[-1]
    context = {
        "node": node,
        "text": node_text(lang, node.id),
        "history": _history(lang, nodes, answers),
        "answers": answers,
        "path_url": path_url,
    }
    if isinstance(node, Question):
        return render_template("vagvisare/fraga.html", number=len(answers) + 1, **context)
    flow = store().flow
    need = behov.need_of_answer(flow, answers, node.id)
    narstaende = flow.asked_by_narstaende(answers)
    # Many who ask about drinking or a child's school ask for someone close: the same answer,
    # with what a närstående can say, is one link away.
    other = None if narstaende else _narstaende_paths(flow).get(node.id)
    return render_template(
        "vagvisare/utfall.html",
        add=flera.add_choices(lang, (need,) if need else (), (node.id,)),
        narstaende=narstaende,
        narstaende_url=path_url(other) if other and "sag_sa_har_narstaende" in context["text"].meta else None,
        carers=flera.carers([node]) if narstaende else (),
        **context,
    )


def _narstaende_paths(flow) -> dict[str, tuple[str, ...]]:
    return current_app.remember(("narstaende_paths",), flow.first_narstaende_paths)


def node_text(lang: str, node_id: str):
    """A node's words in `lang`, in lättläst while reading it; Swedish when not translated."""
    return store().text(lang, node_id, lattlast=active())


@bp.app_context_processor
def vagvisare_context():
    content = store()
    return {
        "services": content.services,
        "node_text": node_text,
        "vagvisare_flow": content.flow,
        "coordinating_roles": flera.coordinating_roles,
        "huvudman_name": lambda owner: HUVUDMAN_NAMN.get(owner, owner),
        # A Swedish name or number inside a sentence in another language, isolated so that it
        # reads right also inside right-to-left text.
        "bdi": lambda text, lang: Markup('<bdi lang="{}">{}</bdi>').format(lang, text),
    }


def start(lang, lattlast):
    """The first question."""
    require_written(lang, lattlast)
    return _render(lang, ())


def step(lang, svar, lattlast):
    """The question or outcome that these answers lead to."""
    require_written(lang, lattlast)
    return _render(lang, tuple(svar.split("/")))


def handover(lang, node_id, narstaende):
    """Staff mode of one outcome: what to do next, and a card to print or send when handing a caller over."""
    flow = store().flow
    outcome = flow.outcomes.get(node_id)
    path = _narstaende_paths(flow).get(node_id) if narstaende else flow.first_path(node_id)
    if outcome is None or path is None:
        abort(404)
    public = url_for("vagvisare.step", svar="/".join(path), lattlast=False)
    text = store().text(lang, node_id)
    # The card in the other voice, where there is one: a receptionist sent a grandfather the
    # card that says "Jag ska snart hem från sjukhuset" (a persona, session 53).
    other = narstaende or (node_id in _narstaende_paths(flow) and "sag_sa_har_narstaende" in text.meta)
    other_voice = url_for("vagvisare.handover", lang=lang, node_id=node_id, narstaende=not narstaende)
    return render_template(
        "vagvisare/overlamning.html",
        node=outcome,
        text=text,
        narstaende=narstaende,
        other_voice=other_voice if other else None,
        other_languages=personal.other_languages(
            lang, lambda code: url_for("vagvisare.handover", lang=code, node_id=node_id, narstaende=narstaende)
        ),
        **personal.context([outcome], public, flera.carers([outcome]) if narstaende else ()),
    )


combined = flera.combined
combined_handover = flera.combined_handover


def script(lang):
    """The whole vägvisare as a phone script: every question, its answers and where each leads."""
    if lang != SOURCE:
        abort(404)  # a tool for staff, who work in Swedish: one script, linked from every language
    flow = store().flow
    order = list(dict.fromkeys(node.id for path in flow.paths() for node in [flow.walk(path)[-1]]))
    return render_template(
        "vagvisare/manus.html",
        flow=flow,
        questions=[flow.questions[i] for i in order if i in flow.questions],
        outcomes=[flow.outcomes[i] for i in order if i in flow.outcomes],
        staff_texts={name: store().text(SOURCE, name) for name in ("personal", "sakerhet", "orosanmalan")},
    )
