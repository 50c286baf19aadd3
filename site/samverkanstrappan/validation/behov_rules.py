"""Rules for several needs at once: `behov:` and `tillsammans:` in flode.yaml, the coordinating roles that
outcomes name, and the words of the combined answers (vagvisare/<språk>/flera.md)."""

from ..content.behov import TEXT as COMBINED_TEXT
from ..content.problems import Problem
from ..content.sprak import SOURCE
from ..content.vagvisare import STAFF_TEXTS
from ..content.verksamhetstyper import ROLLER
from .registry import codes


@codes(
    SV330="Ett behov under behov: är inget svar på startfrågan.",
    SV331="Ett behov under behov: nämner ett utfall som inte finns.",
    SV332="Ett behov under behov: har inga utfall.",
)
def needs_are_first_answers(store, site_urls):
    flow = store.flow
    if not flow or flow.start not in flow.questions:
        return
    first = {answer.id for answer in flow.questions[flow.start].answers}
    for need, outcomes in flow.behov.items():
        line = flow.behov_lines[need]
        if need not in first:
            yield Problem(flow.file, line, "SV330", f"'{need}' är inget svar på startfrågan '{flow.start}'.")
        if not outcomes:
            yield Problem(flow.file, line, "SV332", f"Behovet '{need}' har inga utfall. Skriv till exempel [{need}].")
        for outcome in outcomes:
            if outcome not in flow.outcomes:
                yield Problem(
                    flow.file, line, "SV331", f"Behovet '{need}' nämner utfallet '{outcome}', som inte finns."
                )


@codes(
    SV336="Ett behov under tillsammans: finns inte under behov:.",
    SV337="Ett behov under tillsammans: nämner ett utfall som inte finns.",
    SV338="Ett behov under tillsammans: nämner sig självt.",
    SV339="Ett behov under tillsammans: har inga utfall.",
)
def together_names_needs_and_outcomes(store, site_urls):
    flow = store.flow
    if not flow:
        return
    hint = f"Välj bland {', '.join(flow.behov)}." if flow.behov else "Skriv först behoven under behov:."
    for need, others in flow.tillsammans.items():
        line, lines = flow.tillsammans_lines[need]
        if need not in flow.behov:
            yield Problem(flow.file, line, "SV336", f"'{need}' finns inte under behov:. {hint}")
        for other, outcomes in others.items():
            if other == need:
                message = f"'{need}' står under sig självt. Skriv ett annat behov under det."
                yield Problem(flow.file, lines[other], "SV338", message)
            elif other not in flow.behov:
                yield Problem(flow.file, lines[other], "SV336", f"'{other}' finns inte under behov:. {hint}")
            if not outcomes:
                example = next(iter(flow.outcomes), "ett-utfall")
                message = f"'{other}' under '{need}' har inga utfall. Skriv dem inom [ ], till exempel [{example}]."
                yield Problem(flow.file, lines[other], "SV339", message)
            for outcome in outcomes:
                if outcome not in flow.outcomes:
                    message = f"Behoven '{need}' och '{other}' nämner utfallet '{outcome}', som inte finns."
                    yield Problem(flow.file, lines[other], "SV337", message)


@codes(SV333="Ett utfall nämner en roll under samordnare: som inte finns.")
def roles_exist(store, site_urls):
    flow = store.flow
    for outcome in flow.outcomes.values() if flow else ():
        for role in outcome.samordnare:
            if role not in ROLLER:
                yield Problem(
                    flow.file,
                    outcome.line,
                    "SV333",
                    f"Utfallet '{outcome.id}' nämner rollen '{role}', som inte finns. Välj bland {', '.join(ROLLER)}.",
                )


@codes(SV334="Texten för de kombinerade svaren (vagvisare/sv/flera.md) saknas eller saknar titel: eller sag_sa_har:.")
def combined_answers_have_words(store, site_urls):
    flow = store.flow
    if not flow or not flow.behov:
        return
    text = store.texts.get((SOURCE, COMBINED_TEXT))
    if (SOURCE, COMBINED_TEXT) in store.unread_texts:
        return  # there, but it cannot be read: said where it is
    if text is None:
        yield Problem(
            flow.file, 1, "SV334", f"Skapa filen vagvisare/{SOURCE}/{COMBINED_TEXT}.md med titel: och sag_sa_har:."
        )
        return
    for key in ("titel", "sag_sa_har"):
        if key not in text.front_matter:
            yield Problem(text.file, text.front_matter.line, "SV334", f"Nyckeln '{key}' saknas.")


@codes(
    SV335="En text för personalen saknas: vagvisare/sv/personal.md, personal-sip.md, sakerhet.md eller orosanmalan.md."
)
def staff_texts_exist(store, site_urls):
    flow = store.flow
    if not flow:
        return
    for name in STAFF_TEXTS:
        if (SOURCE, name) not in store.texts and (SOURCE, name) not in store.unread_texts:
            message = f"Texten för personalen saknas. Skapa filen vagvisare/{SOURCE}/{name}.md med titel: och text."
            yield Problem(flow.file, 1, "SV335", message)


RULES = (
    needs_are_first_answers,
    together_names_needs_and_outcomes,
    roles_exist,
    combined_answers_have_words,
    staff_texts_exist,
)
