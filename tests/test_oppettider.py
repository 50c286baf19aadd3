"""Opening hours as data: the Swedish the editors write, read strictly; written out in each
reader's language with Babel's day names and clock; exported as HSDS weekly schedules."""

import datetime
import re

import pytest
from babel.dates import format_time, get_day_names
from babel.lists import format_list
from conftest import KOMMUNER
from flask import render_template_string
from flask_babel import get_translations
from samverkanstrappan import paths
from samverkanstrappan.content import hsds, verksamheter
from samverkanstrappan.content.oppettider import ALL_DAYS, Group, parse
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
        # As an editor wrote them (session 32): "och" before the next days, plural and short days.
        ("Måndag–torsdag 9–12 och fredag 9–11", [((0, 1, 2, 3), None, [(T(9), T(12))]), ((4,), None, [(T(9), T(11))])]),
        ("Måndagar 8–16", [((0,), None, [(T(8), T(16))])]),
        ("torsdagar 8–12", [((3,), None, [(T(8), T(12))])]),
        ("Må–Fr 8–16", [(WEEKDAYS, None, [(T(8), T(16))])]),
        ("tors 13–15", [((3,), None, [(T(13), T(15))])]),
        # As an editor wrote them (session 44): "till" between days, days sharing the next times.
        ("Måndag till fredag 8–16", [(WEEKDAYS, None, [(T(8), T(16))])]),
        ("Tisdagar och torsdagar 9–11", [((1, 3), None, [(T(9), T(11))])]),
        ("Måndag, onsdag och fredag 8–12", [((0, 2, 4), None, [(T(8), T(12))])]),
        (
            "Måndag och tisdag 8–12, onsdag till fredag 13–16",
            [((0, 1), None, [(T(8), T(12))]), ((2, 3, 4), None, [(T(13), T(16))])],
        ),
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
        "Måndag–fredag 8–12 och 13",  # "och" before times that are no range
        "Måndag till 16",
        "Fredag till måndag 8–16",
        "Lördag och helger 10–14",  # days beside a word for several days
        "Vardagar 8–16, lördag",  # days at the end with no times after them
    ],
)
def test_anything_else_is_not_read(text):
    with pytest.raises(ValueError):
        parse(text)


@pytest.mark.parametrize(
    "text, named",
    [
        # Both were accepted and exported as two schedules that contradict each other.
        ("Måndag–fredag 16–8, Måndag–fredag 8–16", "måndag–fredag"),
        ("Vardagar 8–16, torsdag 8–18", "torsdag"),
        ("Måndag 8–12, tisdag 8–12, måndag 13–16", "måndag"),
        ("Alla dagar 8–16, helger 10–14", "lördag och söndag"),
        ("Måndag–onsdag 8–12, onsdag–fredag 13–16", "onsdag"),
        ("Mån 8–12, tis 8–12, ons 8–12, mån–ons 13–16", "måndag–onsdag"),
        ("Måndag 8–12, onsdag 8–12, måndag–fredag 13–15", "måndag och onsdag"),
        ("Måndag och måndag–onsdag 8–12", "måndag"),
        ("Tisdag och torsdag 8–12, torsdag 13–15", "torsdag"),
    ],
)
def test_a_day_given_twice_is_not_read(text, named):
    with pytest.raises(ValueError, match=f"{named} står två gånger"):
        parse(text)


def test_school_days_may_be_given_beside_the_same_weekdays():
    """Skoldagar are weekdays in term only: the rest of the year is another calendar."""
    assert len(parse("Vardagar 8–16, skoldagar 16–18").groups) == 2


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
    # A time is never split from its "م" or "PM": Babel's spaces within one become no-break spaces.
    clock = {t: format_time(t, format="short", locale=lang).replace(" ", "\u00a0") for t in (T(9), T(12), T(13), T(15))}
    shown = _render(app, lang, parse("Måndag–fredag 9–12 och 13–15, lördag 9–12"))
    for part in (names[0], names[4], names[5], *clock.values()):
        assert part.casefold() in shown.casefold()
    assert f"{clock[T(9)]}–{clock[T(12)]}" in shown
    assert shown[0] == shown[0].upper()


@pytest.mark.parametrize("lang", list(SPRAK))
def test_days_apart_are_listed_in_the_readers_language_not_joined_as_a_range(app, lang):
    """ "Tisdagar och torsdagar 9–11" is Tuesday and Thursday, never Tuesday–Thursday."""
    names = get_day_names("wide", context="stand-alone", locale=lang)
    shown = _render(app, lang, parse("Tisdagar och torsdagar 9–11"))
    assert format_list([names[1], names[3]], locale=lang).casefold() in shown.casefold()
    assert f"{names[1]}–".casefold() not in shown.casefold()


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
    # The card is in the page's language (only names are marked Swedish), and so are the hours.
    card = html[html.index('<article class="kort"') :]
    assert '<span class="kort__tider">' in card and friday in card
    assert not re.match(r'<article class="kort"[^>]*lang="sv"', card)


def _schedules(app, text: str) -> list[tuple]:
    """(freq, byday, opens_at, closes_at, notes) of the open data's schedules for the phone with `text`."""
    store = app.extensions["content"]
    for service in store.verksamheter.values():
        for phone in service.telefon:
            if phone.oppettider.text == text:
                schedules = hsds.service(store.kommun, service)["schedules"]
                return [
                    (s["freq"], s["byday"], s["opens_at"], s["closes_at"], s["notes"])
                    for s in schedules
                    if s["description"] == f"{phone.nummer}: {text}"
                ]
    raise AssertionError(f"no phone has {text!r}")


def test_open_data_has_a_weekly_schedule_for_each_group_and_range(app):
    local = hsds.LOCAL_TIME
    assert _schedules(app, "Måndag–fredag 9–12 och 13–15") == [
        ("WEEKLY", "MO,TU,WE,TH,FR", "09:00", "12:00", local),
        ("WEEKLY", "MO,TU,WE,TH,FR", "13:00", "15:00", local),
    ]
    assert _schedules(app, "Vardagar 16–08, helger dygnet runt") == [
        ("WEEKLY", "MO,TU,WE,TH,FR", "16:00", "08:00", local),
        ("WEEKLY", "SA,SU", "00:00", "23:59", local),
    ]
    assert _schedules(app, "Dygnet runt") == [("WEEKLY", "MO,TU,WE,TH,FR,SA,SU", "00:00", "23:59", local)]
    assert _schedules(app, "Skoldagar 8–16") == [
        ("WEEKLY", "MO,TU,WE,TH,FR", "08:00", "16:00", f"{hsds.SCHOOL_DAYS} {local}")
    ]


def test_a_range_that_ends_at_midnight_closes_at_the_last_minute(app):
    store = app.extensions["content"]
    service = next(iter(store.verksamheter.values()))
    phone = verksamheter.Phone("010-123 45 67", parse("Fredag 16–24, lördag 0–24"))
    schedules = hsds._schedules(store.kommun, service, "x", 0, phone)
    assert [(s["byday"], s["opens_at"], s["closes_at"]) for s in schedules] == [
        ("FR", "16:00", "23:59"),
        ("SA", "00:00", "23:59"),
    ]
    assert parse("fredag 16–24").groups[0] == Group((4,), None, ((T(16), T(0)),))
