"""Opening hours as editors write them in Swedish, read into data.

    Måndag–fredag 8–16
    Vardagar 9–12 och 13–15, helger dygnet runt
    Skoldagar 8.30–16
    Dygnet runt

One or more groups separated by commas (or "och" before the next days); a group is DAYS then TIMES. DAYS is a day
("måndag", or "mån"), a range of days ("måndag–fredag", "måndag till fredag") or a word for
several days (vardagar, helger, alla dagar, skoldagar). Days without times share the times of
the days after them: "Tisdagar och torsdagar 9–11", "Måndag, onsdag och fredag 8–12". TIMES
is "dygnet runt" or ranges ("8–16", "8.30–16", "08:30–16:15") joined by "och"; an end before
the start is past midnight, and 24 may end a range. An optional "kl." may come before the
times. Case does not matter, and a hyphen does as well as an en dash.

Strict on purpose: what does not read exactly so is a problem for the editor, since the
site writes the hours anew in every reader's language and must never guess.
"""

import datetime
import re
from dataclasses import dataclass


def N_(text: str) -> str:
    """Marks an interface string for gettext extraction; the render layer translates it."""
    return text


EXAMPLE = "Måndag–fredag 8–16 eller Vardagar 9–12 och 13–15, helger dygnet runt"

DAYS = ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag")
ABBREVIATIONS = ("mån", "tis", "ons", "tor", "fre", "lör", "sön")
# As signs and editors write them too: "torsdagar 8–12", "tors", "Må–Fr 8–16" (an editor, session 32).
PLURALS = tuple(f"{day}ar" for day in DAYS)
SHORT = ("må", "ti", "on", "to", "fr", "lö", "sö")
OTHER = {"tors": 3, "tisd": 1, "onsd": 2}
DAY_NUMBER = {
    **{name: number for names in (DAYS, ABBREVIATIONS, PLURALS, SHORT) for number, name in enumerate(names)},
    **OTHER,
}
ALL_DAYS = tuple(range(7))

# The words for several days, with the days they stand for. They are also the interface
# strings the pages show (translated), lower case because they may come mid-sentence.
VARDAGAR, HELGER, ALLA_DAGAR, SKOLDAGAR = N_("vardagar"), N_("helger"), N_("alla dagar"), N_("skoldagar")
KEYWORDS = {VARDAGAR: (0, 1, 2, 3, 4), HELGER: (5, 6), ALLA_DAGAR: ALL_DAYS, SKOLDAGAR: (0, 1, 2, 3, 4)}
DYGNET_RUNT = N_("dygnet runt")

_DASH = r"\s*[–-]\s*"
# Between days "till" does as well as a dash: "Måndag till fredag 8–16" (an editor, session 44).
_DAYS_DASH = r"(?:\s*[–-]\s*|\s+till\s+)"
_DAY = "|".join(sorted(DAY_NUMBER, key=len, reverse=True))
_GROUP = re.compile(
    rf"(?:(?P<keyword>{'|'.join(KEYWORDS)})|(?P<first>{_DAY})(?:{_DAYS_DASH}(?P<last>{_DAY}))?)"
    rf"\s+(?:kl\.?\s*)?(?P<times>\S.*)"
)
_DAYS_ONLY = re.compile(rf"(?:{'|'.join(KEYWORDS)}|(?:{_DAY})(?:{_DAYS_DASH}(?:{_DAY}))?)(?=\s|$)")
_NAMED_DAYS = re.compile(rf"(?P<first>{_DAY})(?:{_DAYS_DASH}(?P<last>{_DAY}))?")
_TIME = r"(\d{1,2})(?:[.:](\d{2}))?"
_INTERVAL = re.compile(rf"{_TIME}{_DASH}{_TIME}")
# Groups are parted by commas, or by "och" before the next days: "Måndag–torsdag 9–12 och
# fredag 9–11" (an editor wrote it so; "och" between times stays within a group).
_GROUPS = re.compile(rf"\s*,\s*|\s+och\s+(?=(?:{'|'.join(KEYWORDS)}|{_DAY})(?:\s|[–-]))")


@dataclass(frozen=True)
class Group:
    """Some days and when on them: `intervals` of (start, end), or none for all day. An end
    at or before its start is on the next day (16–08), so 24 is kept as 00:00."""

    days: tuple[int, ...]  # 0 = Monday, in order
    keyword: str | None  # vardagar, helger, alla dagar or skoldagar as written; None for day names
    intervals: tuple[tuple[datetime.time, datetime.time], ...] = ()

    @property
    def all_day(self) -> bool:
        return not self.intervals

    @property
    def school_days(self) -> bool:
        """Only during school terms: the pages and the open data must say so."""
        return self.keyword == SKOLDAGAR


@dataclass(frozen=True)
class Oppettider:
    text: str  # as the editor wrote it
    groups: tuple[Group, ...]


def parse(text: str) -> Oppettider:
    """The hours in `text`; ValueError with what is wrong, in Swedish, when they do not read."""
    value = " ".join(text.lower().split())
    if value == DYGNET_RUNT:
        return Oppettider(text, (Group(ALL_DAYS, None),))
    parts = _GROUPS.split(value)
    groups, waiting = [], []
    for number, part in enumerate(parts):
        named = _NAMED_DAYS.fullmatch(part)
        if named and number + 1 < len(parts):  # "tisdagar och torsdagar 9–11": the next days' times
            waiting.append(_days(named))
            continue
        group = _group(part)
        groups.append(_sharing(waiting, group) if waiting else group)
        waiting = []
    _each_day_once(tuple(groups))
    return Oppettider(text, tuple(groups))


def _sharing(waiting: list[tuple[int, ...]], group: Group) -> Group:
    """`group` with the days written before it without times of their own."""
    if group.keyword:
        raise ValueError(f"skriv {group.keyword} för sig, med sina egna tider")
    days = [day for found in waiting for day in found] + list(group.days)
    twice = sorted({day for day in days if days.count(day) > 1})
    if twice:
        raise ValueError(f"{_named(twice)} står två gånger, men varje dag skrivs en gång")
    return Group(tuple(sorted(days)), None, group.intervals)


def _days(found: re.Match) -> tuple[int, ...]:
    """The days of a day or a range of days (måndag, måndag–fredag, måndag till fredag)."""
    first, last = DAY_NUMBER[found["first"]], DAY_NUMBER[found["last"] or found["first"]]
    if found["last"] and last <= first:
        written = f"{found['first']}–{found['last']}"
        raise ValueError(f"skriv dagarna i veckans ordning, till exempel måndag–fredag (inte {written})")
    return tuple(range(first, last + 1))


def _each_day_once(groups: tuple[Group, ...]) -> None:
    """A day in two groups (`Måndag–fredag 16–8, måndag–fredag 8–16`) says two things of one
    day: the pages would show both, and the open data two weekly schedules that contradict
    each other. Skoldagar are another calendar (term time), so they may name weekdays again."""
    seen: dict[bool, set[int]] = {True: set(), False: set()}
    twice: set[int] = set()
    for group in groups:
        twice |= seen[group.school_days] & set(group.days)
        seen[group.school_days] |= set(group.days)
    if twice:
        raise ValueError(
            f"{_named(sorted(twice))} står två gånger, men varje dag skrivs en gång "
            "(flera tider samma dag skrivs med och: 8–12 och 13–16)"
        )


def _named(days: list[int]) -> str:
    """Days in words: måndag, måndag–onsdag (in a row), or måndag och onsdag."""
    if len(days) > 2 and days == list(range(days[0], days[-1] + 1)):
        return f"{DAYS[days[0]]}–{DAYS[days[-1]]}"
    names = [DAYS[day] for day in days]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} och {names[-1]}"


def _group(part: str) -> Group:
    if not part:
        raise ValueError("det saknas dagar och tider vid ett kommatecken")
    found = _GROUP.fullmatch(part)
    if found is None:
        raise ValueError(_why(part))
    keyword = found["keyword"]
    days = KEYWORDS[keyword] if keyword else _days(found)
    times = found["times"]
    if times == DYGNET_RUNT:
        return Group(days, keyword)
    intervals = tuple(_interval(piece) for piece in re.split(r"\s+och\s+", times))
    if intervals == ((datetime.time(0), datetime.time(0)),):  # 0–24 is all day
        return Group(days, keyword)
    return Group(days, keyword, intervals)


def _why(part: str) -> str:
    """What keeps `part` from being DAYS followed by TIMES."""
    if part[0].isdigit():
        return f"dagarna saknas före {part}"
    if part == DYGNET_RUNT:
        return "dygnet runt står ensamt för alla dagar, eller efter dagar som i helger dygnet runt"
    days = _DAYS_ONLY.match(part)
    if days and days.end() == len(part):
        return f"tiderna saknas efter {part}"
    return (
        f"'{part.split()[0]}' är inga dagar. Dagar skrivs som måndag, mån, måndag–fredag, "
        "vardagar, helger, alla dagar eller skoldagar"
    )


def _interval(piece: str) -> tuple[datetime.time, datetime.time]:
    found = _INTERVAL.fullmatch(piece)
    if found is None:
        raise ValueError(f"'{piece}' är inga tider som 8–16, 8.30–16.15 eller dygnet runt")
    start = _time(found[1], found[2], end=False)
    end = _time(found[3], found[4], end=True)
    if start == end and found[3] != "24":
        raise ValueError(f"{piece} börjar och slutar på samma tid")
    return start, end


def _time(hours: str, minutes: str | None, end: bool) -> datetime.time:
    hour, minute = int(hours), int(minutes or 0)
    if hour == 24 and minute == 0:
        if not end:
            raise ValueError("24 kan bara vara en sluttid, som i 16–24")
        return datetime.time(0)  # midnight, the end of the day
    if hour > 23 or minute > 59:
        raise ValueError(f"{hours}.{minutes or '00'} är ingen tid på dygnet")
    return datetime.time(hour, minute)
