"""Opening hours as data: the Swedish the editors write, read strictly."""

import datetime

import pytest
from samverkanstrappan.content.oppettider import ALL_DAYS, parse

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
