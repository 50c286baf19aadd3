"""Opening hours as data: the Swedish the editors write, read strictly, and written out in
each reader's language with Babel's day names and clock."""

import datetime

import pytest
from babel.dates import format_time, get_day_names
from conftest import KOMMUNER
from flask import render_template_string
from flask_babel import get_translations
from samverkanstrappan import paths
from samverkanstrappan.content import verksamheter
from samverkanstrappan.content.oppettider import ALL_DAYS, parse
from samverkanstrappan.content.sprak import SPRAK

T = datetime.time
WEEKDAYS, WEEKEND = (0, 1, 2, 3, 4), (5, 6)


@pytest.mark.parametrize(
    "text, groups",
    [
        ("Måndag–fredag 8–17", [(WEEKDAYS, None, [(T(8), T(17))])]),
        ("Måndag–fredag 9–12 och 13–15", [(WEEKDAYS, None, [(T(9), T(12)), (T(13), T(15))])]),
        ("Vardagar 16–08, helger dygnet runt", [(WEEKDAYS, "vardagar", [(T(16), T(8))]), (WEEKEND, "helger", [])]),
        ("Skoldagar 8–16", [(WEEKDAYS, "skoldagar", [(T(8), T(16))])]),
        ("Dygnet runt", [(ALL_DAYS, None, [])]),
        ("DYGNET RUNT", [(ALL_DAYS, None, [])]),
        ("Måndag–torsdag 9–15", [((0, 1, 2, 3), None, [(T(9), T(15))])]),
        ("tisdag 8.30–16", [((1,), None, [(T(8, 30), T(16))])]),
        ("mån-fre 08:30-16:15", [(WEEKDAYS, None, [(T(8, 30), T(16, 15))])]),
        ("Lör–sön 10 – 14", [(WEEKEND, None, [(T(10), T(14))])]),
        ("Alla dagar 0–24", [(ALL_DAYS, "alla dagar", [])]),
        ("Alla dagar 16–24", [(ALL_DAYS, "alla dagar", [(T(16), T(0))])]),
        ("Fredag kl. 9–12", [((4,), None, [(T(9), T(12))])]),
        (
            "Vardagar 8–16, lördag 10–14, söndag dygnet runt",
            [
                (WEEKDAYS, "vardagar", [(T(8), T(16))]),
                ((5,), None, [(T(10), T(14))]),
                ((6,), None, []),
            ],
        ),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_the_hours_editors_write_are_read_into_days_and_times(text, groups):
    hours = parse(text)
    assert hours.text == text
    assert [(g.days, g.keyword, list(g.intervals)) for g in hours.groups] == groups
    assert [g.all_day for g in hours.groups] == [not times for _, _, times in groups]


def test_school_days_stay_school_days():
    assert [g.school_days for g in parse("Skoldagar 8–16, vardagar 16–17").groups] == [True, False]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Måndag–fredag",  # no times
        "8–16",  # no days
        "Öppet 8–16",  # not a day
        "Måndag-fredag 8 till 16",
        "Fredag–måndag 8–16",  # days out of order
        "Måndag–måndag 8–16",
        "Vardagar 8–25",
        "Vardagar 24–8",  # 24 only ends a range
        "Vardagar 8–8",
        "Vardagar 8.3–16",
        "Vardagar 8.60–16",
        "Vardagar 8–16,",
        "Vardagar 8–16 och dygnet runt",
        "Dygnet runt, helger 10–14",
        "Måndag fredag 8–16",
        "Måndagar 8–16",
    ],
)
def test_anything_else_is_not_read(text):
    with pytest.raises(ValueError):
        parse(text)


@pytest.mark.parametrize("kommun", KOMMUNER)
def test_every_phone_in_the_bundled_directories_has_hours_that_read(kommun):
    path = paths.CONTENT / "kommuner" / kommun / "verksamheter.yaml"
    directory, problems = verksamheter.load(path, "verksamheter.yaml")
    assert problems == []
    lines = path.read_text(encoding="utf-8").splitlines()
    written = [line.split(":", 1)[1].strip() for line in lines if line.strip().startswith("oppettider:")]
    hours = [phone.oppettider for service in directory.entries for phone in service.telefon]
    assert [h.text for h in hours] == written and all(h.groups for h in hours)


def _render(app, lang: str, hours, source: str = "{{ hours|oppettider }}") -> str:
    with app.test_request_context(f"/{lang}/"):
        app.preprocess_request()
        return render_template_string(source, hours=hours)


@pytest.mark.parametrize("lang", list(SPRAK))
def test_hours_are_written_with_babels_day_names_and_clock(app, lang):
    names = get_day_names("wide", context="stand-alone", locale=lang)
    clock = {t: format_time(t, format="short", locale=lang) for t in (T(9), T(12), T(13), T(15))}
    shown = _render(app, lang, parse("Måndag–fredag 9–12 och 13–15, lördag 9–12"))
    for part in (names[0], names[4], names[5], *clock.values()):
        assert part.casefold() in shown.casefold()
    assert f"{clock[T(9)]}–{clock[T(12)]}" in shown
    assert shown[0] == shown[0].upper()


@pytest.mark.parametrize("lang", list(SPRAK))
def test_the_words_for_several_days_are_translated(app, lang):
    with app.test_request_context(f"/{lang}/"):
        app.preprocess_request()
        words = {word: get_translations().ugettext(word) for word in ("vardagar", "helger", "dygnet runt")}
    shown = _render(app, lang, parse("Vardagar 16–08, helger dygnet runt")).casefold()
    assert all(word.casefold() in shown for word in words.values())
    assert _render(app, lang, parse("Dygnet runt")).casefold() == words["dygnet runt"].casefold()


def test_staff_views_write_the_hours_in_swedish_on_every_page(app):
    hours = parse("Måndag–fredag 8–17")
    swedish = _render(app, "sv", hours)
    assert _render(app, "ar", hours, '{{ hours|oppettider("sv") }}') == swedish
    names = get_day_names("wide", context="stand-alone", locale="sv")
    assert swedish.casefold().startswith(f"{names[0]}–{names[4]}")


def test_the_directory_page_marks_the_hours_with_the_page_language(client):
    html = client.get("/ar/verksamheter/").get_data(as_text=True)
    friday = get_day_names("wide", context="stand-alone", locale="ar")[4]
    assert f'<span class="kort__tider" lang="ar" dir="{SPRAK["ar"].dir}">' in html and friday in html
