"""Rules for the vägvisare: its routing (flode.yaml), its words and its contacts."""

import re

from ..content.pages import LATTLAST
from ..content.problems import Problem
from ..content.sprak import SOURCE
from ..content.vagvisare import MAX_QUESTIONS, RESERVED, Question
from ..content.verksamhetstyper import TYPER

_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def _flow(store):
    return store.flow if store.flow and store.flow.start else None


def answers_lead_somewhere(store, site_urls):
    """Every answer points to a question or outcome that exists, under an id usable in a URL."""
    flow = _flow(store)
    if not flow:
        return
    if flow.start not in flow.questions:
        yield Problem(flow.file, 1, f"Startfrågan '{flow.start}' finns inte under fragor:.")
    for question in flow.questions.values():
        if len(question.answers) < 2:
            yield Problem(flow.file, question.line, f"Frågan '{question.id}' har färre än två svar.")
        for answer in question.answers:
            if answer.id in RESERVED or not _ID.fullmatch(answer.id):
                yield Problem(
                    flow.file,
                    answer.line,
                    f"Svaret '{answer.id}' kan inte bli en adress. Använd små "
                    f"bokstäver a–z, siffror och bindestreck, inte {'/'.join(RESERVED)}.",
                )
            if flow.node(answer.target) is None:
                yield Problem(
                    flow.file,
                    answer.line,
                    f"Svaret '{answer.id}' leder till '{answer.target}', som inte finns bland frågorna eller utfallen.",
                )


def every_node_reachable(store, site_urls):
    flow = _flow(store)
    if not flow:
        return
    reached = {flow.start} | {flow.walk(path)[-1].id for path in flow.paths()}
    for node in [*flow.questions.values(), *flow.outcomes.values()]:
        if node.id not in reached:
            yield Problem(flow.file, node.line, f"'{node.id}' går inte att nå: inget svar leder dit.")


def no_cycles_no_long_paths(store, site_urls):
    """No answer leads back to an earlier question; no path asks more than five questions."""
    flow = _flow(store)
    if not flow or flow.start not in flow.questions:
        return
    reported = set()

    def visit(question: Question, seen: tuple[str, ...]):
        for answer in question.answers:
            target = flow.node(answer.target)
            if answer.target in seen and (question.id, answer.id) not in reported:
                reported.add((question.id, answer.id))
                yield Problem(
                    flow.file,
                    answer.line,
                    f"Svaret '{answer.id}' leder tillbaka till '{answer.target}' och gör en slinga.",
                )
            elif isinstance(target, Question):
                if len(seen) + 1 > MAX_QUESTIONS and (question.id, answer.id) not in reported:
                    reported.add((question.id, answer.id))
                    yield Problem(
                        flow.file,
                        answer.line,
                        f"Vägen via svaret '{answer.id}' får fler än {MAX_QUESTIONS} frågor. Korta vägen.",
                    )
                elif answer.target not in seen:
                    yield from visit(target, seen + (answer.target,))

    yield from visit(flow.questions[flow.start], (flow.start,))


def outcomes_give_a_next_step(store, site_urls):
    """Every outcome names contacts that exist: kinds of verksamhet or national numbers."""
    flow = _flow(store)
    if not flow:
        return
    for outcome in flow.outcomes.values():
        if not outcome.verksamheter and not outcome.nummer:
            yield Problem(
                flow.file,
                outcome.line,
                f"Utfallet '{outcome.id}' har ingen kontakt. Skriv vilka "
                "verksamheter: eller nummer: personen ska kontakta.",
            )
        for kind in outcome.verksamheter:
            if kind not in TYPER:
                yield Problem(
                    flow.file,
                    outcome.line,
                    f"Utfallet '{outcome.id}' nämner typen '{kind}', som inte finns. Välj bland {', '.join(TYPER)}.",
                )
            elif not store.services(kind):
                yield Problem(
                    store.directory_file,
                    1,
                    f"Vägvisaren behöver en verksamhet av typen '{kind}' "
                    f"(utfallet '{outcome.id}'), men kommunen har ingen.",
                )
        for number in outcome.nummer:
            if number not in store.helplines:
                yield Problem(
                    flow.file,
                    outcome.line,
                    f"Utfallet '{outcome.id}' nämner numret '{number}', som inte finns i data/nodnummer.yaml.",
                )


def every_node_has_words(store, site_urls):
    """Each node has its Swedish text, and texts name only answers and nodes that exist."""
    flow = _flow(store)
    if not flow:
        return
    for node in [*flow.questions.values(), *flow.outcomes.values()]:
        if (SOURCE, node.id) not in store.texts:
            yield Problem(
                flow.file, node.line, f"Texten för '{node.id}' saknas. Skapa filen vagvisare/{SOURCE}/{node.id}.md."
            )
    for (lang, key), text in sorted(store.texts.items()):
        node_id = key.removeprefix(LATTLAST)
        node = flow.node(node_id)
        meta = text.front_matter
        if key != node_id and lang != SOURCE:
            yield Problem(
                text.file, 1, f"Lättläst finns bara på svenska. Flytta filen till vagvisare/{SOURCE}/{key}.md."
            )
        elif node is None:
            yield Problem(text.file, 1, f"'{node_id}' finns inte i flode.yaml. Byt namn på filen eller ta bort den.")
        elif isinstance(node, Question):
            yield from _question_words(node, text, meta)
        else:
            for key in ("titel", "sag_sa_har"):
                if key not in meta:
                    yield Problem(text.file, meta.line, f"Nyckeln '{key}' saknas. Ett utfall behöver den.")


def _question_words(node, text, meta):
    if "fraga" not in meta:
        yield Problem(text.file, meta.line, "Nyckeln 'fraga' saknas. En fråga behöver den.")
    labels = meta.get("svar")
    if not hasattr(labels, "line_of"):
        yield Problem(text.file, meta.line, "Nyckeln 'svar' saknas: skriv en text för varje svar.")
        return
    answer_ids = [answer.id for answer in node.answers]
    for answer_id in answer_ids:
        if answer_id not in labels:
            yield Problem(text.file, labels.line, f"Texten för svaret '{answer_id}' saknas.")
    for answer_id in labels:
        if answer_id not in answer_ids:
            yield Problem(
                text.file,
                labels.line_of(answer_id),
                f"Svaret '{answer_id}' finns inte för frågan '{node.id}' i flode.yaml.",
            )


RULES = (
    answers_lead_somewhere,
    every_node_reachable,
    no_cycles_no_long_paths,
    outcomes_give_a_next_step,
    every_node_has_words,
)
