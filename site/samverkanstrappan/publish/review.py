"""Review material for the vägvisare, written with every build: a table of every
path (answers → outcome → contacts) and a Mermaid graph of the flow, so that a
municipality can read the routing and sign it off; and each language's coverage."""

import csv
import dataclasses
import io
from pathlib import Path

from ..content import behov, coverage
from ..content.sprak import SOURCE
from ..content.store import ContentStore

FOLDER = "granskning"


def _label(store: ContentStore, node_id: str, key: str) -> str:
    text = store.text(SOURCE, node_id)
    return text.meta.get(key, node_id) if text else node_id


def path_rows(store: ContentStore, router) -> list[dict]:
    """One row per path that ends on an outcome, in the Swedish words."""
    flow, rows = store.flow, []
    for answers in flow.paths():
        nodes = flow.walk(answers)
        outcome = nodes[-1]
        if outcome.id not in flow.outcomes:
            continue
        steps = []
        for node, answer_id in zip(nodes, answers):
            labels = store.text(SOURCE, node.id).front_matter.get("svar", {})
            steps.append(f"{_label(store, node.id, 'fraga')} → {labels.get(answer_id, answer_id)}")
        rows.append(
            {
                "svar": " | ".join(steps),
                "antal frågor": len(answers),
                "utfall": outcome.id,
                "rubrik": _label(store, outcome.id, "titel"),
                "verksamhetstyper": ", ".join(outcome.verksamheter),
                "kontakter": ", ".join(s.namn for kind in outcome.verksamheter for s in store.services(kind)),
                "nationella nummer": ", ".join(
                    store.helplines[n].nummer for n in outcome.nummer if n in store.helplines
                ),
                "trappsteg": outcome.trappsteg,
                "adress": router.url("vagvisare.step", lang=SOURCE, svar="/".join(answers)),
            }
        )
    return rows + combined_rows(store, router)


def combined_rows(store: ContentStore, router) -> list[dict]:
    """One row per combined answer (two or three needs), in the same columns."""
    flow, rows = store.flow, []
    start = store.text(SOURCE, flow.start).front_matter.get("svar", {})
    for chosen in behov.all_combinations(flow):
        outcomes = behov.outcomes(flow, chosen)
        kinds = list(dict.fromkeys(kind for outcome in outcomes for kind in outcome.verksamheter))
        numbers = list(dict.fromkeys(number for outcome in outcomes for number in outcome.nummer))
        rows.append(
            {
                "svar": " + ".join(start.get(need, need) for need in chosen),
                "antal frågor": 0,
                "utfall": " ".join(outcome.id for outcome in outcomes),
                "rubrik": _label(store, behov.TEXT, "titel"),
                "verksamhetstyper": ", ".join(kinds),
                "kontakter": ", ".join(s.namn for kind in kinds for s in store.services(kind)),
                "nationella nummer": ", ".join(store.helplines[n].nummer for n in numbers if n in store.helplines),
                "trappsteg": "samordningsplan",
                "adress": router.url("vagvisare.combined", lang=SOURCE, behov="/".join(chosen)),
            }
        )
    return rows


def path_table(store: ContentStore, router) -> str:
    rows = path_rows(store, router)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]) if rows else ["svar"], delimiter=";")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def _quoted(text: str) -> str:
    return '"' + text.replace('"', "#quot;") + '"'


def mermaid(store: ContentStore) -> str:
    """The flow as a Mermaid flowchart: questions as boxes, outcomes as rounded ends."""
    flow = store.flow
    lines = ["flowchart TD"]
    for question in flow.questions.values():
        lines.append(f"  {question.id.replace('-', '_')}[{_quoted(_label(store, question.id, 'fraga'))}]")
    for outcome in flow.outcomes.values():
        contacts = ", ".join(outcome.verksamheter + outcome.nummer)
        lines.append(
            f"  {outcome.id.replace('-', '_')}([{_quoted(_label(store, outcome.id, 'titel') + ' — ' + contacts)}])"
        )
    for question in flow.questions.values():
        labels = store.text(SOURCE, question.id).front_matter.get("svar", {})
        for answer in question.answers:
            label = _quoted(labels.get(answer.id, answer.id))
            lines.append(f"  {question.id.replace('-', '_')} -->|{label}| {answer.target.replace('-', '_')}")
    return "\n".join(lines) + "\n"


def coverage_table(found: list[coverage.Row]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(coverage.HEADINGS)
    writer.writerows(dataclasses.astuple(row) for row in found)
    return out.getvalue()


def write(store: ContentStore, output: Path, languages: list[coverage.Row], router) -> None:
    folder = output / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "vagvisare-vagar.csv").write_text(path_table(store, router), encoding="utf-8")
    (folder / "vagvisare.mmd").write_text(mermaid(store), encoding="utf-8")
    (folder / "sprak.csv").write_text(coverage_table(languages), encoding="utf-8")
