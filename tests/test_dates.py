"""Dates editors write (granskad, kontrollerad, uppdaterad ...) are judged against the build's
today, which a test fixes: a date after it is a mistake, one more than a year before it a
warning."""

import datetime

import pytest
from content_helpers import FILES, KOMMUN, TODAY, check, line_of, where, write_content
from samverkanstrappan.content.problems import ERROR, WARNING
from samverkanstrappan.validation import date_rules

OWN = f"kommuner/{KOMMUN}"
DAY = datetime.date.fromisoformat(TODAY)
AHEAD = (DAY + datetime.timedelta(days=178)).isoformat()  # as 2027-06-01 is, seen from 2026-12-05
TOMORROW = (DAY + datetime.timedelta(days=1)).isoformat()


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setattr(date_rules, "today", lambda: DAY)


def with_date(content, name: str, marker: str, date: str) -> tuple[str, int]:
    """`name` with the date on its first line with `marker` made `date`: (name, that line)."""
    path = content / name
    text = FILES[name] if name in FILES else path.read_text(encoding="utf-8")
    line = line_of(path, marker)
    rows = text.splitlines(keepends=True)
    rows[line - 1] = rows[line - 1].replace(TODAY, date)
    assert date in rows[line - 1], (name, marker)
    path.write_text("".join(rows), encoding="utf-8")
    return name, line


@pytest.mark.parametrize(
    "name, marker",
    [
        ("sidor/sv/om.md", "granskad:"),
        ("vagvisare/sv/klart.md", "granskad:"),
        (f"{OWN}/verksamheter.yaml", "kontrollerad:"),
        ("data/nodnummer.yaml", "kontrollerad:"),
        (f"{OWN}/kommun.yaml", "uppdaterad:"),
        (f"{OWN}/kommun.yaml", "bedomd:"),
    ],
)
def test_a_date_after_today_is_an_error_that_names_it(tmp_path, name, marker):
    content = write_content(tmp_path)
    where_ = with_date(content, name, marker, AHEAD)
    problems = check(content)
    assert where(problems, content) == {("SV116", *where_)}
    assert AHEAD in problems[0].message and TODAY in problems[0].message and problems[0].level == ERROR


def test_an_addition_dated_after_today_is_an_error(tmp_path):
    content = write_content(tmp_path)
    addition = content / OWN / "tillagg" / "sv" / "om.md"
    addition.parent.mkdir(parents=True)
    addition.write_text(f"---\ngranskad: {TOMORROW}\n---\n\nGäller här.\n", encoding="utf-8")
    assert where(check(content), content) == {("SV116", f"{OWN}/tillagg/sv/om.md", 2)}


def test_today_is_not_after_today(tmp_path):
    assert check(write_content(tmp_path)) == []


def test_the_dates_are_judged_against_the_builds_today(tmp_path, monkeypatch):
    """Both ways: what is ahead of one day is not of a later one, and grows old after a year."""
    content = write_content(tmp_path)
    with_date(content, f"{OWN}/verksamheter.yaml", "kontrollerad:", AHEAD)
    assert {p.code for p in check(content)} == {"SV116"}
    monkeypatch.setattr(date_rules, "today", lambda: datetime.date.fromisoformat(AHEAD))
    assert check(content) == []
    monkeypatch.setattr(date_rules, "today", lambda: datetime.date.fromisoformat(AHEAD) + datetime.timedelta(400))
    assert {(p.code, p.level) for p in check(content)} == {("SV504", WARNING), ("SV433", WARNING)}
