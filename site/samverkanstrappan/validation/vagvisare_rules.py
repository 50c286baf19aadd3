"""Rules for the vägvisare: its routing (flode.yaml), its words and its contacts."""

import difflib
import os
import re

from ..content.behov import TEXT as COMBINED_TEXT
from ..content.helplines import LABELS
from ..content.pages import LATTLAST
from ..content.problems import Problem
from ..content.sprak import SOURCE
from ..content.vagvisare import MAX_QUESTIONS, RESERVED, STAFF_TEXTS, Question
from ..content.verksamhetstyper import TYPER
from ..paths import DEFAULT_KOMMUN
from .registry import codes

_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def _flow(store):
    return store.flow if store.flow and store.flow.start else None


@codes(
    SV301="Startfrågan i start: finns inte under fragor:.",
    SV302="En fråga har färre än två svar.",
    SV303="Ett svars id kan inte bli en adress (bara a–z, siffror och bindestreck).",
    SV304="Ett svar leder till en fråga eller ett utfall som inte finns.",
    SV305="Samma id används både för en fråga och ett utfall.",
)
def answers_lead_somewhere(store, site_urls):
    """Every answer points to a question or outcome that exists, under an id usable in a URL."""
    flow = _flow(store)
    if not flow:
        return
    if flow.start not in flow.questions:
        close = difflib.get_close_matches(flow.start, flow.questions, n=1)
        hint = f" Menar du '{close[0]}'?" if close else " Skriv id:t för en av frågorna under fragor:."
        yield Problem(
            flow.file, flow.start_line, "SV301", f"Startfrågan '{flow.start}' finns inte under fragor:.{hint}"
        )
    for node_id in sorted(flow.questions.keys() & flow.outcomes.keys()):
        yield Problem(
            flow.file,
            flow.outcomes[node_id].line,
            "SV305",
            f"Id '{node_id}' används både för en fråga och ett utfall.",
        )
    for question in flow.questions.values():
        if len(question.answers) < 2:
            yield Problem(flow.file, question.line, "SV302", f"Frågan '{question.id}' har färre än två svar.")
        for answer in question.answers:
            if answer.id in RESERVED or not _ID.fullmatch(answer.id):
                yield Problem(
                    flow.file,
                    answer.line,
                    "SV303",
                    f"Svaret '{answer.id}' kan inte bli en adress. Använd små "
                    f"bokstäver a–z, siffror och bindestreck, inte {'/'.join(RESERVED)}.",
                )
            if flow.node(answer.target) is None:
                yield Problem(
                    flow.file,
                    answer.line,
                    "SV304",
                    f"Svaret '{answer.id}' leder till '{answer.target}', som inte finns bland frågorna eller utfallen.",
                )


@codes(SV306="En fråga eller ett utfall går inte att nå: inget svar leder dit.")
def every_node_reachable(store, site_urls):
    flow = _flow(store)
    if not flow or flow.start not in flow.questions:
        return  # without a start nothing is reached: SV301 is the one line that explains it
    reached = {flow.start} | {flow.walk(path)[-1].id for path in flow.paths()}
    for node in [*flow.questions.values(), *flow.outcomes.values()]:
        if node.id not in reached:
            yield Problem(flow.file, node.line, "SV306", f"'{node.id}' går inte att nå: inget svar leder dit.")


@codes(
    SV307="Ett svar leder tillbaka till en tidigare fråga och gör en slinga.",
    SV308="En väg genom vägvisaren har fler än fem frågor.",
)
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
                    "SV307",
                    f"Svaret '{answer.id}' leder tillbaka till '{answer.target}' och gör en slinga.",
                )
            elif isinstance(target, Question):
                if len(seen) + 1 > MAX_QUESTIONS and (question.id, answer.id) not in reported:
                    reported.add((question.id, answer.id))
                    yield Problem(
                        flow.file,
                        answer.line,
                        "SV308",
                        f"Vägen via svaret '{answer.id}' får fler än {MAX_QUESTIONS} frågor. Korta vägen.",
                    )
                elif answer.target not in seen:
                    yield from visit(target, seen + (answer.target,))

    yield from visit(flow.questions[flow.start], (flow.start,))


@codes(
    SV310="Ett utfall har ingen kontakt: varken verksamheter: eller nummer:.",
    SV311="Ett utfall nämner en typ av verksamhet som inte finns.",
    SV312="Vägvisaren behöver en typ av verksamhet som kommunen inte har i verksamheter.yaml.",
    SV313="Ett utfall nämner ett nummer som inte finns i data/nodnummer.yaml.",
    SV314="Ett utfall nämner ett nummer som webbplatsen inte har någon text för.",
)
def outcomes_give_a_next_step(store, site_urls):
    """Every outcome names contacts that exist: kinds of verksamhet or national numbers."""
    flow = _flow(store)
    if not flow:
        return
    lacking: dict[str, list[str]] = {}  # a kind of verksamhet the directory lacks -> the outcomes that need it
    written = store.verksamheter.kinds()  # with mistakes or not: those are reported where they are
    for outcome in flow.outcomes.values():
        if not outcome.verksamheter and not outcome.nummer and not outcome.contacts_unreadable:
            yield Problem(
                flow.file,
                outcome.line,
                "SV310",
                f"Utfallet '{outcome.id}' har ingen kontakt. Skriv vilka "
                "verksamheter: eller nummer: personen ska kontakta.",
            )
        for kind in outcome.verksamheter:
            if kind not in TYPER:
                yield Problem(
                    flow.file,
                    outcome.lines.get("verksamheter", outcome.line),
                    "SV311",
                    f"Utfallet '{outcome.id}' nämner typen '{kind}', som inte finns. Välj bland {', '.join(TYPER)}.",
                )
            elif kind not in written:
                lacking.setdefault(kind, []).append(outcome.id)
        for number in outcome.nummer:
            if number not in store.helplines:
                yield Problem(
                    flow.file,
                    outcome.lines.get("nummer", outcome.line),
                    "SV313",
                    f"Utfallet '{outcome.id}' nämner numret '{number}', som inte finns i data/nodnummer.yaml.",
                )
            elif number not in LABELS:
                yield Problem(
                    flow.file,
                    outcome.lines.get("nummer", outcome.line),
                    "SV314",
                    f"Utfallet '{outcome.id}' nämner numret '{number}', men webbplatsen har ingen text om vad "
                    f"det är till för. Använd ett av {', '.join(LABELS)}.",
                )
    # One line per missing kind, not one per outcome: a directory without it is one mistake.
    # No directory at all is one mistake too: one line that names every kind it must have.
    if lacking and not os.path.isfile(store.kommun_dir / "verksamheter.yaml"):
        yield Problem(
            store.directory_file,
            1,
            "SV312",
            f"Filen verksamheter.yaml saknas. Vägvisaren visar kommunens och regionens verksamheter, och den "
            f"behöver verksamheter av de här typerna: {', '.join(sorted(lacking))}. Kopiera verksamheter.yaml "
            f"från kommuner/{DEFAULT_KOMMUN}/ och skriv in era egna (steg 7 i content/README.md).",
        )
        return
    for kind, outcomes in lacking.items():
        yield Problem(
            store.directory_file,
            1,
            "SV312",
            f"Vägvisaren behöver en verksamhet av typen '{kind}' (utfallen {', '.join(outcomes)}), "
            "men kommunen har ingen i verksamheter.yaml.",
        )


@codes(
    SV320="Texten för en fråga eller ett utfall saknas på svenska.",
    SV321="En text i vagvisare/ hör inte till någon fråga eller något utfall i flode.yaml.",
    SV322="En frågas text saknar fraga:.",
    SV323="En frågas text saknar svar:.",
    SV324="Texten för ett svar saknas.",
    SV325="En text finns för ett svar som frågan inte har.",
    SV326="Ett utfalls text saknar titel: eller sag_sa_har:.",
)
def every_node_has_words(store, site_urls):
    """Each node has its Swedish text, and texts name only answers and nodes that exist."""
    flow = _flow(store)
    if not flow:
        return
    for node in [*flow.questions.values(), *flow.outcomes.values()]:
        if (SOURCE, node.id) not in store.texts and (SOURCE, node.id) not in store.unread_texts:
            message = f"Texten för '{node.id}' saknas. Skapa filen vagvisare/{SOURCE}/{node.id}.md."
            yield Problem(flow.file, node.line, "SV320", message)
    for (lang, key), text in sorted(store.texts.items()):
        node_id = key.removeprefix(LATTLAST)
        node = flow.node(node_id)
        meta = text.front_matter
        if key != node_id and lang != SOURCE:
            continue  # lättläst in another language: sprak_rules reports it
        if node is None and node_id in (COMBINED_TEXT, *STAFF_TEXTS):
            continue  # the words of the combined answers and for staff: behov_rules checks them
        if node is None:
            message = f"'{node_id}' finns inte i flode.yaml. Byt namn på filen eller ta bort den."
            yield Problem(text.file, 1, "SV321", message)
        elif isinstance(node, Question):
            yield from _question_words(node, text, meta)
        else:
            for key in ("titel", "sag_sa_har"):
                if key not in meta:
                    yield Problem(text.file, meta.line, "SV326", f"Nyckeln '{key}' saknas. Ett utfall behöver den.")


def _question_words(node, text, meta):
    if "fraga" not in meta:
        yield Problem(text.file, meta.line, "SV322", "Nyckeln 'fraga' saknas. En fråga behöver den.")
    labels = meta.get("svar")
    if not hasattr(labels, "line_of"):
        yield Problem(text.file, meta.line, "SV323", "Nyckeln 'svar' saknas: skriv en text för varje svar.")
        return
    answer_ids = [answer.id for answer in node.answers]
    for answer_id in answer_ids:
        if answer_id not in labels:
            yield Problem(text.file, meta.line_of("svar"), "SV324", f"Texten för svaret '{answer_id}' saknas.")
    for answer_id in labels:
        if answer_id not in answer_ids:
            yield Problem(
                text.file,
                labels.line_of(answer_id),
                "SV325",
                f"Svaret '{answer_id}' finns inte för frågan '{node.id}' i flode.yaml.",
            )


RULES = (
    answers_lead_somewhere,
    every_node_reachable,
    no_cycles_no_long_paths,
    outcomes_give_a_next_step,
    every_node_has_words,
)
