"""Several needs at once: the vägvisare's combined answers.

A person who needs help from several places adds a second and a third need after any
outcome ("Behöver du hjälp med något mer?"). A need is an answer to the start question,
listed under `behov:` in flode.yaml with the outcomes whose contacts a combined answer shows
for it. A combined answer is a set of two or three needs, always in the start question's
order, so it has one URL whatever order the needs were chosen in.

Why needs and not outcomes: every pair and triple of ~20 outcomes would be about 1,300
combinations per language; of 14 needs, 455. See docs/decisions.md (Vägvisaren, flera behov).
"""

from collections.abc import Iterator
from itertools import combinations

from .vagvisare import Flow, Outcome, Question

MAX_NEEDS = 3
TEXT = "flera"  # vagvisare/<språk>/flera.md: the words of every combined answer
DONT_KNOW = "vet-inte"  # the answer that claims nothing


def needs(flow: Flow) -> list[str]:
    """The needs that can be combined, in the start question's order."""
    start = flow.questions.get(flow.start)
    order = [answer.id for answer in start.answers] if start else []
    return [need for need in order if need in flow.behov]


def all_combinations(flow: Flow) -> Iterator[tuple[str, ...]]:
    """Every combined answer: each set of two or three needs, in order."""
    found = needs(flow)
    for size in range(2, MAX_NEEDS + 1):
        yield from combinations(found, size)


def ordered(flow: Flow, chosen) -> tuple[str, ...] | None:
    """`chosen` needs in the start question's order; None unless they make a combined answer."""
    found = needs(flow)
    unique = set(chosen)
    if len(unique) != len(tuple(chosen)) or not 2 <= len(unique) <= MAX_NEEDS or not unique <= set(found):
        return None
    return tuple(need for need in found if need in unique)


def need_outcomes(flow: Flow, need: str, chosen: tuple[str, ...]) -> tuple[str, ...]:
    """The outcomes a combined answer of `chosen` needs shows for `need`: first those that
    `tillsammans:` adds for another chosen need, being more precise (a child's drinking, when
    a father chose both the child and drink, went to the adults' services), then its own."""
    added = flow.tillsammans.get(need, {})
    return (*(outcome_id for other in chosen for outcome_id in added.get(other, ())), *flow.behov[need])


def outcomes(flow: Flow, chosen: tuple[str, ...]) -> list[Outcome]:
    """The outcomes a combined answer shows, without repeats, in the order of its needs."""
    ids = dict.fromkeys(outcome_id for need in chosen for outcome_id in need_outcomes(flow, need, chosen))
    return [flow.outcomes[outcome_id] for outcome_id in ids if outcome_id in flow.outcomes]


def needs_of_kind(flow: Flow, chosen: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """For each kind of verksamhet a combined answer shows, the chosen needs it is there for:
    with eight contacts under Kommunen, Regionen and Staten, three people asked which one was
    for the son, for the flat, for the pension (session 33)."""
    found: dict[str, list[str]] = {}
    for need in chosen:
        added = flow.tillsammans.get(need, {})
        for outcome_id in need_outcomes(flow, need, chosen):
            outcome = flow.outcomes.get(outcome_id)
            # An outcome `tillsammans:` adds with another need is for that one, whose questions
            # lead to it: BUP is for "Ett barn mår dåligt", not for "Jag mår psykiskt dåligt"
            # (a mother, session 37; BUP had said "for your mood" to a parent whose mood it was).
            others = [other for other in chosen if outcome_id in added.get(other, ())]
            for kind in outcome.verksamheter if outcome else ():
                for named in others or (need,):
                    if named not in found.setdefault(kind, []):
                        found[kind].append(named)
    order = {need: number for number, need in enumerate(chosen)}
    return {kind: tuple(sorted(needs, key=order.__getitem__)) for kind, needs in found.items()}


def answers_leading(flow: Flow) -> dict[tuple[str, str], tuple[str, str] | None]:
    """For each need and each outcome its own questions reach, the one answer that leads there
    (question id, answer id), or None where several do (boende: no bed tonight, or not sure):
    a list of answers says less than the need does."""
    found: dict[tuple[str, str], set[tuple[str, str]]] = {}
    for path in flow.paths():
        nodes = flow.walk(path) if len(path) > 1 and path[0] in flow.behov else None
        if nodes and isinstance(nodes[-1], Outcome):
            found.setdefault((path[0], nodes[-1].id), set()).add((nodes[-2].id, path[-1]))
    return {key: next(iter(answers)) if len(answers) == 1 else None for key, answers in found.items()}


def whom(flow: Flow, chosen: tuple[str, ...], leading: dict) -> dict[str, tuple[tuple[str, tuple | None, bool], ...]]:
    """Whom each kind's card on a combined answer is for: (need, answer, alone) for each need
    of needs_of_kind, where `answer` (from answers_leading) narrows the need down.
    - Only one of a need's own outcomes has the kind: the need, and the answer that leads there
      ("Biståndshandläggare för äldre" was read as the office for a daughter of 40 coming home
      from hospital; a receptionist persona, session 53).
    - An outcome `tillsammans:` adds has the kind: the answer alone (`alone`), which names it
      ("Barnet dricker alkohol eller tar droger"): a mother whose son smokes cannabis took the
      adults' social services, "Gäller: Alkohol, droger", for his (a persona, session 53)."""

    def kinds(outcome_id):
        return getattr(flow.outcomes.get(outcome_id), "verksamheter", ())

    found: dict[str, list] = {}
    for kind, needs in needs_of_kind(flow, chosen).items():
        entries = found.setdefault(kind, [])
        for need in needs:
            own = [outcome_id for outcome_id in flow.behov[need] if kind in kinds(outcome_id)]
            if own:
                narrowed = len(own) == 1 and len(flow.behov[need]) > 1
                entries.append((need, leading.get((need, own[0])) if narrowed else None, False))
            for other in chosen:
                for outcome_id in flow.tillsammans.get(other, {}).get(need, ()):
                    answer = leading.get((need, outcome_id)) if kind in kinds(outcome_id) else False
                    entry = (need, answer, True) if answer else (need, None, False)
                    if answer is not False and entry not in entries:
                        entries.append(entry)
    return {kind: tuple(entries) for kind, entries in found.items()}


def need_of_path(flow: Flow, answers: tuple[str, ...]) -> str | None:
    """The need a path of answers is about: its first answer that is a need. A path through
    "for someone else" names the need in its second answer."""
    return next((answer for answer in answers if answer in flow.behov), None)


def need_of_answer(flow: Flow, answers: tuple[str, ...], outcome_id: str) -> str | None:
    """The need that other needs are added to on an outcome's page: the need whose own answer
    the outcome is, where one is, so that a combined answer shows it whole; otherwise the
    path's (need_of_path). Reached under äldre, "hem från sjukhuset" lost its advice when a
    need was added: äldre's combined answer has its contacts, so it kept no part of it (a
    receptionist persona, session 37). Not an answer for help in danger: under its path's
    need it keeps its own part (also), and that need's contacts too."""
    return own_need(flow, outcome_id) or need_of_path(flow, answers)


def own_need(flow: Flow, outcome_id: str) -> str | None:
    """The need whose combined answer shows `outcome_id` among its own (hem-fran-sjukhus: both
    ages), unless it is an answer for help in danger (need_of_answer)."""
    outcome = flow.outcomes.get(outcome_id)
    if outcome is None or outcome.kanslig:
        return None
    return next((need for need, shown in flow.behov.items() if outcome_id in shown), None)


def own_answer(flow: Flow, need: str) -> tuple[str, ...]:
    """Where a person lands who removes every other need from a combined answer: the outcome the
    combined answer showed for `need`, so that they keep an answer rather than start on
    questions again, but only along answers they gave or "vet inte" ("Vem är utsatt? Jag
    själv" would be made up). Otherwise, and for a need that stands for several outcomes
    (which was the person's is not known), the need's own questions."""
    targets = set(flow.behov.get(need, ()))
    if len(targets) == 1:
        for path in flow.paths():
            if path[:1] == (need,) and all(answer == DONT_KNOW for answer in path[1:]):
                nodes = flow.walk(path)
                if nodes and nodes[-1].id in targets:
                    return path
    return (need,)


def hopeless_needs(flow: Flow) -> frozenset[str]:
    """The needs whose own questions can lead to an outcome whose callers may sound hopeless
    (`hopplos:`). A combined answer shows one outcome a need, so the one that was reached (a
    worn-out närstående under "äldre") would otherwise take its safety prompt with it."""
    found = set()
    for path in flow.paths():
        nodes = flow.walk(path)
        if nodes and getattr(nodes[-1], "hopplos", False):
            found.add(need_of_path(flow, path))
    return frozenset(found - {None})


def need_of_outcome(flow: Flow, outcome_id: str) -> str | None:
    """The first need whose own answers lead to `outcome_id` (for views without a path)."""
    for path in flow.paths():
        nodes = flow.walk(path)
        if nodes and nodes[-1].id == outcome_id and not isinstance(nodes[-1], Question):
            need = need_of_path(flow, path)
            if need:
                return need
    return None


def specific_outcomes(flow: Flow, need: str) -> dict[str, tuple[str, ...]]:
    """The outcomes a need's own questions lead to besides the ones its combined answers show
    (`barn`: a child with a disability, funktion-barn), each with the first path to it."""
    shown = set(flow.behov.get(need, ()))
    found: dict[str, tuple[str, ...]] = {}
    for path in flow.paths():
        nodes = flow.walk(path)
        if nodes and nodes[-1].id in flow.outcomes and nodes[-1].id not in shown and need_of_path(flow, path) == need:
            found.setdefault(nodes[-1].id, path)
    return found


def every_specific_outcome(flow: Flow) -> dict[str, dict[str, tuple[str, ...]]]:
    """specific_outcomes of every need: what a combined answer may keep a part for (also), and
    so what its page's sources name (routes/addresses.combined_sources)."""
    return {need: specific_outcomes(flow, need) for need in needs(flow)}


def also(
    flow: Flow, chosen: tuple[str, ...], specific: dict[str, dict[str, tuple[str, ...]]] | None = None
) -> tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]:
    """What a combined answer keeps of a more precise answer given before a need was added:
    each specific outcome of its needs that it does not show, with its path and the kinds of
    verksamhet it has that the combined answer does not (a crisis one, barn-i-fara, for its
    numbers and its quick exit too: a 15-year-old who added her mother's drinking lost Bris
    and socialjouren). One that adds no kind is kept for its advice, one link away: "Minnet"
    under äldre has äldre's contacts, and a combined answer said nothing of a memory test or
    of who may speak for a parent who can no longer decide (a review, session 37).
    A combined answer is made of needs, not answers, or each answer with each pair of needs
    would be a page of its own; so this part is on the page, shown when the address names
    it (#ocksa-<id>, render/flera.py). `specific`: specific_outcomes of every need, worked out
    once by the caller (walking every path for each of 455 combinations cost a build 0.18 s)."""
    # What `tillsammans:` adds counts as shown: an outcome whose contacts are all there, with
    # the needs they are for, keeps no part (a child's drinking, with a child and drink chosen).
    shown = outcomes(flow, chosen)
    kinds = {kind for outcome in shown for kind in outcome.verksamheter}
    found = {outcome.id: None for outcome in shown}
    for need in chosen:
        found_for_need = specific[need] if specific is not None else specific_outcomes(flow, need)
        for outcome_id, path in found_for_need.items():
            outcome = flow.outcomes[outcome_id]
            extra = tuple(kind for kind in outcome.verksamheter if kind not in kinds)
            # A need's own answer, reached under another need, is what needs are added to
            # (need_of_answer): its page's add links never name it here, so no part.
            if outcome_id not in found and not own_need(flow, outcome_id):
                found[outcome_id] = (outcome_id, path, extra)
    return tuple(part for part in found.values() if part is not None)
