"""Resolve date expressions ("early Friday", "last week", "Palm Sunday") to windows of days.

Each expression is read against the document's publication date. ``tense="past"`` (an
event reported as having happened) picks the most recent matching day on or before
publication; ``tense="future"`` (a planned event) the next one on or after it. The
publication day counts for both.

Readings (documented choices):

- A weekday alone or with "this": the matching day by tense. "last Friday" / "this past
  Friday": the most recent Friday strictly before publication. "next Friday" / "this coming
  Friday": the first Friday strictly after it. "Friday last week": the Friday of the
  previous ISO week (Monday to Sunday).
- "last week": the previous ISO week; written on a Saturday or Sunday, it runs on to the day
  before publication (the working week just ended is "last week" to a weekend writer).
- "night" and "overnight" widen a day to the next one ("Saturday night" -> Sat..Sun);
  "overnight into Sunday" -> Sat..Sun. "early", "late", "morning", "afternoon", "evening"
  keep the day.
- Parts of a week: early = Monday..Wednesday, mid = Tuesday..Thursday, late = Thursday..
  Sunday. "later this week" = the day after publication..Sunday; "earlier this week" =
  Monday..the day before publication.
- Parts of a month: early = 1..10, mid = 11..20, late = 21..end. Parts of a year: early =
  January..April, mid = May..August, late = September..December.
- "this year" / "earlier this year" (past): 1 January..the day before publication.
- "in recent days", "the past week": the seven days up to publication; "in the coming days",
  "within days": publication..seven days later.
- "N days ago", "a week ago", "two weeks ago": the single day that many days before.
- A month, year or part that contains the publication day is cut at it: up to it for the
  past, from it for the future. Expressions that only speak of the future ("in the coming
  days", "tomorrow") or the past ("last night") are never cut.
- Holidays (``kg/data/holidays.json``): the most recent occurrence for the past, the next
  one for the future. When the Western and Orthodox dates of a feast differ and the name does
  not say which, the window covers both dates of that year that fall on the chosen side of
  publication.

Durations ("five days", "hours"), ages, times alone ("just after 9am") and ordinal
phrases ("the second time") give None.
"""

from __future__ import annotations

import calendar
import json
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Callable, Literal

from dateutil.easter import EASTER_ORTHODOX, EASTER_WESTERN, easter
from dateutil.relativedelta import relativedelta

from kg.resolve.numbers import parse_number

DATA = Path(__file__).parents[1] / "data"
Tense = Literal["past", "future"]


@dataclass(frozen=True)
class DateWindow:
    """The days an expression may stand for, both ends included."""

    earliest: date
    latest: date
    text: str


@dataclass(frozen=True)
class _Span:
    earliest: date
    latest: date
    cut: bool = True  # may be cut at publication by tense


WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "weds": 2, "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}
MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
UNIT_DAYS = {"day": 1, "week": 7, "fortnight": 14}
UNIT_MONTHS = {"month": 1, "year": 12, "decade": 120}


def _alt(words) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


WD = rf"(?:{_alt(WEEKDAYS)})"
MON = rf"(?:{_alt(MONTHS)})"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[89]\d\d|20\d\d|2100)"
NUM = r"(?:a few|several|a couple of|a couple|\d+|[a-z]+(?:-[a-z]+)?)"
UNITS = r"(?:day|week|fortnight|month|year|decade)s?"
UNIT = rf"(?P<unit>{UNITS})"
UNIT2 = rf"(?P<unit2>{UNITS})"
PART = r"(?P<part>early|earlier|mid|middle|late|later|the start of|the beginning of|the middle of|the end of|the turn of|start of|beginning of|middle of|end of)"

# A time of day, removed before reading: "at 3pm", "10:30 a.m.", "0700 GMT", "noon".
_TIME = re.compile(
    r"\b(?:at|around|about|from|after|before|shortly (?:before|after)|just (?:before|after)|until|till|by)?\s*"
    r"(?:\d{1,2}(?::\d{2})?\s*(?:am|pm|a m|p m)\b|\d{1,2}:\d{2}\b(?:\s*(?:am|pm|a m|p m|hrs|h)\b)?"
    r"|\d{4}\s*(?:gmt|utc|hrs|local time)\b|noon\b|midday\b|midnight\b)"
    r"(?:\s*(?:local time|gmt|utc|[a-z]{2,4}t|et|msk))?"
)
_LEADING = re.compile(
    r"^(?:on|in|since|by|as of|as early as|as late as|as recently as|from|at|during|over|until|till|"
    r"through|throughout|for|around|about|some time|sometime|no later than|not until|not before|"
    r"starting|beginning|effective|dated|as at|of|and|or|but|then)\s+"
)
_IN_N = re.compile(rf"in {NUM} {UNITS}(?: time)?")
_AMBIGUOUS_ALONE = frozenset({"may", "march", "sun", "sat", "wed", "mar", "jan", "dec", "oct", "nov",
                              "aug", "jun", "jul", "feb", "apr", "sep", "sept", "mon", "tue", "tues",
                              "thu", "thur", "thurs", "fri", "weds", "the"})


# ------------------------------------------------------------------ calendar helpers

def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _add_months(d: date, n: int) -> date:
    return d + relativedelta(months=n)


def _on_or_before(d: date, wd: int) -> date:
    return d - timedelta(days=(d.weekday() - wd) % 7)


def _on_or_after(d: date, wd: int) -> date:
    return d + timedelta(days=(wd - d.weekday()) % 7)


def _by_tense(d: date, wd: int, tense: Tense) -> date:
    return _on_or_before(d, wd) if tense == "past" else _on_or_after(d, wd)


def _part_of_month(y: int, m: int, part: str | None) -> tuple[date, date]:
    end = _month_end(y, m)
    part = _part_name(part)
    if part == "early":
        return date(y, m, 1), date(y, m, 10)
    if part == "mid":
        return date(y, m, 11), date(y, m, 20)
    if part == "late":
        return date(y, m, 21), end
    return date(y, m, 1), end


def _part_of_year(y: int, part: str | None) -> tuple[date, date]:
    part = _part_name(part)
    if part == "early":
        return date(y, 1, 1), date(y, 4, 30)
    if part == "mid":
        return date(y, 5, 1), date(y, 8, 31)
    if part == "late":
        return date(y, 9, 1), date(y, 12, 31)
    return date(y, 1, 1), date(y, 12, 31)


def _part_of_week(monday: date, part: str | None) -> tuple[date, date]:
    part = _part_name(part)
    if part == "early":
        return monday, monday + timedelta(days=2)
    if part == "mid":
        return monday + timedelta(days=1), monday + timedelta(days=3)
    if part == "late":
        return monday + timedelta(days=3), monday + timedelta(days=6)
    return monday, monday + timedelta(days=6)


def _part_name(part: str | None) -> str | None:
    if not part:
        return None
    part = part.strip()
    if part in ("early", "earlier") or part.endswith(("start of", "beginning of")):
        return "early"
    if part in ("mid", "middle") or part.endswith("middle of"):
        return "mid"
    if part in ("late", "later") or part.endswith(("end of", "turn of")):
        return "late"
    return None


def _pick_year(pub: date, tense: Tense, window: Callable[[int], tuple[date, date] | None]) -> tuple[date, date] | None:
    """The occurrence of a yearly window: the latest starting by publication for the past,
    the first ending on or after it for the future."""
    years = range(pub.year + 1, pub.year - 3, -1) if tense == "past" else range(pub.year - 1, pub.year + 3)
    for y in years:
        w = window(y)
        if w is None:
            continue
        if (tense == "past" and w[0] <= pub) or (tense == "future" and w[1] >= pub):
            return w
    return None


_VAGUE_COUNTS = {"a few": 3, "several": 5, "a couple of": 2, "a couple": 2}


def _count(word: str) -> int | None:
    """A figure of days, weeks ...: "three" -> 3; "a few" -> 3 (read as a window by callers)."""
    word = word.strip()
    if word in _VAGUE_COUNTS:
        return _VAGUE_COUNTS[word]
    return parse_number(word)


# ------------------------------------------------------------------ holidays

@dataclass(frozen=True)
class _Holiday:
    name: str
    rule: dict


@lru_cache(maxsize=1)
def _holidays() -> dict[str, _Holiday]:
    doc = json.loads((DATA / "holidays.json").read_text(encoding="utf-8"))
    table: dict[str, _Holiday] = {}
    for entry in doc["holidays"]:
        h = _Holiday(entry["name"], entry)
        for name in [entry["name"], *entry.get("aliases", [])]:
            table[_holiday_key(name)] = h
    return table


def _holiday_key(name: str) -> str:
    s = re.sub(r"'s\b", "", _normalise(name)).replace("'", "").replace("-", " ")
    s = re.sub(r"^the\s+", "", s)
    return re.sub(r"\s+", " ", s).strip()


@lru_cache(maxsize=1)
def _holiday_names() -> frozenset[str]:
    doc = json.loads((DATA / "holidays.json").read_text(encoding="utf-8"))
    return frozenset(n for e in doc["holidays"] for n in [e["name"], *e.get("aliases", [])])


def _holiday_windows(h: _Holiday, y: int) -> list[tuple[date, date]]:
    """Every window of holiday ``h`` in year ``y`` (two for a feast of both calendars)."""
    rule = h.rule
    if "easter" in rule:
        methods = {"western": [EASTER_WESTERN], "orthodox": [EASTER_ORTHODOX],
                   "both": [EASTER_WESTERN, EASTER_ORTHODOX]}[rule["easter"]]
        off = rule["offset"]
        lo, hi = (off, off) if isinstance(off, int) else off
        out = []
        for method in methods:
            e = easter(y, method)
            out.append((e + timedelta(days=lo), e + timedelta(days=hi)))
        return sorted(set(out))
    if "fixed" in rule:
        md = rule["fixed"]
        first, last = (md, md) if isinstance(md, str) else md
        a = date(y, *map(int, first.split("-")))
        b = date(y, *map(int, last.split("-")))
        return [(a, b)]
    if "nth_weekday" in rule:
        r = rule["nth_weekday"]
        if r["n"] > 0:
            d = _on_or_after(date(y, r["month"], 1), r["weekday"]) + timedelta(weeks=r["n"] - 1)
        else:
            d = _on_or_before(_month_end(y, r["month"]), r["weekday"]) + timedelta(weeks=r["n"] + 1)
        return [(d, d)]
    if "dates" in rule:
        got = rule["dates"].get(str(y))
        if got is None:
            return []
        return [(date.fromisoformat(got[0]), date.fromisoformat(got[1]))]
    return []


def _resolve_holiday(h: _Holiday, pub: date, tense: Tense, year: int | None) -> _Span | None:
    if year is not None:
        ws = _holiday_windows(h, year)
        return _Span(min(w[0] for w in ws), max(w[1] for w in ws), cut=False) if ws else None
    if tense == "past":
        for y in range(pub.year, pub.year - 3, -1):
            ws = [w for w in _holiday_windows(h, y) if w[0] <= pub]
            if ws:
                return _Span(min(w[0] for w in ws), max(w[1] for w in ws))
    else:
        for y in range(pub.year, pub.year + 3):
            ws = [w for w in _holiday_windows(h, y) if w[1] >= pub]
            if ws:
                return _Span(min(w[0] for w in ws), max(w[1] for w in ws))
    return None


def _holiday(s: str, pub: date, tense: Tense) -> _Span | None:
    key = _holiday_key(s)
    year = None
    m = re.fullmatch(rf"(?:(?P<rel>last|this|next|this past|this coming|the coming) )?(?P<name>.+?)"
                     rf"(?: (?:of )?(?P<year>{YEAR})| (?P<yrel>last|this|next) year)?", key)
    if m is None:
        return None
    h = _holidays().get(m["name"])
    if h is None:
        return None
    if m["year"]:
        year = int(m["year"])
    elif m["yrel"]:
        year = pub.year + {"last": -1, "this": 0, "next": 1}[m["yrel"]]
    rel = m["rel"]
    if year is not None:
        return _resolve_holiday(h, pub, tense, year)
    if rel in ("last", "this past"):
        return _resolve_holiday(h, pub - timedelta(days=1), "past", None)
    if rel in ("next", "this coming", "the coming"):
        return _resolve_holiday(h, pub + timedelta(days=1), "future", None)
    if rel == "this":
        return _resolve_holiday(h, pub, tense, pub.year)
    return _resolve_holiday(h, pub, tense, None)


HOLIDAY_NAMES: frozenset[str] = _holiday_names()


# ------------------------------------------------------------------ normalisation

_CHAR_MAP = str.maketrans({
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'", "`": "'",
    "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u2010": "-", "\u2011": "-",
    "\u00a0": " ", "\u202f": " ", "\u2009": " ",
})


def _normalise(text: str) -> str:
    return text.translate(_CHAR_MAP).lower()


def _clean(text: str) -> str:
    s = _normalise(text)
    s = re.sub(r"[()\[\]\"]", " ", s)
    s = re.sub(r"'s\b", "", s)
    s = re.sub(r"(?<!\d)[.,;:!?]|[.,;:!?](?!\d)", " ", s)
    s = re.sub(r"\s*-\s*", "-", s)
    s = re.sub(r"\b(pre|mid)-(?=[a-z])", r"\1 ", s)
    s = re.sub(r"\b(mid)-(?=\d)", r"\1 ", s)
    s = re.sub(r"\s+", " ", s).strip()
    return s


def _strip_leading(s: str) -> str:
    if _IN_N.fullmatch(s):
        return s
    prev = None
    while prev != s:
        prev = s
        s = _LEADING.sub("", s)
    return s


# ------------------------------------------------------------------ readers

_Reader = Callable[[re.Match, date, Tense], "_Span | None"]
_RULES: list[tuple[re.Pattern, _Reader, bool]] = []


class _NoSuchDay(ValueError):
    """The words have the shape of a calendar day that does not exist ("31 April")."""


def _rule(pattern: str, *, strict: bool = False):
    """Register a reader; a ``strict`` one names no day when its pattern matches but the day
    does not exist, instead of letting a shorter reading ("April") stand in."""
    def register(fn: _Reader) -> _Reader:
        _RULES.append((re.compile(pattern), fn, strict))
        return fn
    return register


def _uncut(a: date, b: date | None = None) -> _Span:
    return _Span(a, b if b is not None else a, cut=False)


@_rule(r"(?:earlier |later )?today|this (?:morning|afternoon|evening)|(?:earlier|later) this (?:morning|afternoon|evening)")
def _today(m, pub, tense):
    return _uncut(pub)


@_rule(r"tonight|later tonight|this night")
def _tonight(m, pub, tense):
    return _Span(pub, pub + timedelta(days=1))


@_rule(r"yesterday(?: (?:morning|afternoon|evening))?")
def _yesterday(m, pub, tense):
    return _uncut(pub - timedelta(days=1))


@_rule(r"(?:last|yesterday|the previous) night|(?:the )?night before|overnight(?: (?:into )?today)?")
def _last_night(m, pub, tense):
    if m.group(0).startswith("overnight") and tense == "future" and "today" not in m.group(0):
        return _uncut(pub, pub + timedelta(days=1))
    return _uncut(pub - timedelta(days=1), pub)


@_rule(r"(?:the )?day before yesterday")
def _day_before_yesterday(m, pub, tense):
    return _uncut(pub - timedelta(days=2))


@_rule(r"tomorrow(?: (?:morning|afternoon|evening))?")
def _tomorrow(m, pub, tense):
    return _uncut(pub + timedelta(days=1))


@_rule(r"tomorrow night")
def _tomorrow_night(m, pub, tense):
    return _uncut(pub + timedelta(days=1), pub + timedelta(days=2))


@_rule(r"(?:the )?day after tomorrow")
def _day_after_tomorrow(m, pub, tense):
    return _uncut(pub + timedelta(days=2))


# --- weeks

@_rule(rf"(?:{PART} )?(?:in )?(?P<which>this|last|next|the previous|the following|the current|the same|the) week"
       rf"|(?P<part2>early|earlier|mid|late|later) in (?P<which2>the|this|next|last) week")
def _week(m, pub, tense):
    which = m["which"] or m["which2"]
    part = m["part"] or m["part2"]
    if which in ("the", "the same"):
        if not part:
            return None
        which = "this"
    which = {"the previous": "last", "the following": "next", "the current": "this"}.get(which, which)
    monday = _monday(pub) + timedelta(weeks={"this": 0, "last": -1, "next": 1}[which])
    if which == "this" and part in ("earlier", "later"):
        if part == "earlier":
            return _uncut(monday, max(monday, pub - timedelta(days=1)))
        sunday = monday + timedelta(days=6)
        return _uncut(min(pub + timedelta(days=1), sunday), sunday)
    a, b = _part_of_week(monday, part)
    if which == "this" and part is None:
        return _uncut(monday, pub) if tense == "past" else _uncut(pub, b)
    if which == "last" and part is None and pub.weekday() >= 5:
        # written at the weekend, "last week" may be the working week just ended
        return _uncut(a, pub - timedelta(days=1))
    return _Span(a, b)


@_rule(r"(?:the )?week before last")
def _week_before_last(m, pub, tense):
    monday = _monday(pub) - timedelta(weeks=2)
    return _uncut(monday, monday + timedelta(days=6))


@_rule(r"(?:the )?week after next")
def _week_after_next(m, pub, tense):
    monday = _monday(pub) + timedelta(weeks=2)
    return _uncut(monday, monday + timedelta(days=6))


@_rule(r"(?:(?P<which>this|last|next|this past|this coming|the coming|the past) )?(?:the )?weekend")
def _weekend(m, pub, tense):
    which = m["which"]
    this_sat = _monday(pub) + timedelta(days=5)
    ended = this_sat if pub >= this_sat else this_sat - timedelta(weeks=1)
    if which == "last":
        sat = this_sat - timedelta(weeks=1)
    elif which in ("this past", "the past"):
        sat = ended
    elif which == "next":
        sat = this_sat + timedelta(weeks=1)
    elif which in ("this coming", "the coming") or tense == "future":
        sat = this_sat
    else:
        sat = ended
    return _Span(sat, sat + timedelta(days=1))


# --- stretches around publication

@_rule(r"(?:in |over |during )?(?:the )?(?:recent days|past (?:few |several |couple of )?days|last (?:few |several |couple of )?days|past week|last week or so|past seven days|last seven days|past 7 days|last 7 days|recent week|previous days|preceding days)")
def _recent_days(m, pub, tense):
    return _uncut(pub - timedelta(days=7), pub)


@_rule(r"(?:in )?(?:the )?(?:recent weeks|past (?:few |several |couple of )?weeks|last (?:few |several |couple of )?weeks)")
def _recent_weeks(m, pub, tense):
    return _uncut(pub - timedelta(days=28), pub)


@_rule(r"(?:in )?(?:the )?(?:recent months|past (?:few |several |couple of )?months|last (?:few |several |couple of )?months)")
def _recent_months(m, pub, tense):
    return _uncut(pub - timedelta(days=91), pub)


@_rule(r"(?:in |over |during )?(?:the )?(?:coming days|next (?:few |several |couple of )?days|days ahead|days to come|coming week|next seven days|next 7 days)|within (?:a few |several )?days|within (?:a|one) week|any day(?: now)?")
def _coming_days(m, pub, tense):
    return _uncut(pub, pub + timedelta(days=7))


@_rule(r"(?:in |over )?(?:the )?(?:coming weeks|next (?:few |several |couple of )?weeks|weeks ahead|weeks to come)|within weeks")
def _coming_weeks(m, pub, tense):
    return _uncut(pub, pub + timedelta(days=28))


@_rule(r"(?:in |over )?(?:the )?(?:coming months|next (?:few |several |couple of )?months|months ahead|months to come)|within months")
def _coming_months(m, pub, tense):
    return _uncut(pub, pub + timedelta(days=91))


@_rule(rf"(?:the )?(?:past|last|previous|preceding) (?P<n>{NUM}) {UNIT}|(?P<hours>(?:the )?(?:past|last) (?:24|48|72) hours)")
def _past_n(m, pub, tense):
    if m["hours"]:
        n = int(re.search(r"\d+", m["hours"]).group()) // 24
        return _uncut(pub - timedelta(days=n), pub)
    n = _count(m["n"])
    if n is None:
        return None
    return _uncut(_minus(pub, n, m["unit"]), pub)


@_rule(rf"(?:the )?(?:next|coming) (?P<n>{NUM}) {UNIT}|within (?:the next )?(?P<n2>{NUM}) {UNIT2}")
def _next_n(m, pub, tense):
    n = _count(m["n"] or m["n2"])
    if n is None:
        return None
    return _uncut(pub, _minus(pub, -n, m["unit"] or m["unit2"]))


def _minus(d: date, n: int, unit: str) -> date:
    unit = unit.rstrip("s")
    if unit in UNIT_DAYS:
        return d - timedelta(days=n * UNIT_DAYS[unit])
    return d - relativedelta(months=n * UNIT_MONTHS[unit])


@_rule(rf"(?P<n>{NUM}) {UNIT} ago|(?P<unit1>day|week|fortnight|month|year) ago")
def _ago(m, pub, tense):
    if m["unit1"]:
        return _uncut(_minus(pub, 1, m["unit1"]))
    n = _count(m["n"])
    if n is None:
        return None
    if m["n"] in _VAGUE_COUNTS:
        return _uncut(_minus(pub, n + 2, m["unit"]), _minus(pub, max(1, n - 1), m["unit"]))
    return _uncut(_minus(pub, n, m["unit"]))


@_rule(rf"in (?P<n>{NUM}) {UNIT}(?: time)?|(?P<n2>{NUM}) {UNIT2} from (?:now|today)")
def _in_n(m, pub, tense):
    if m["n"] and tense != "future":
        return None
    n = _count(m["n"] or m["n2"])
    if n is None:
        return None
    return _uncut(_minus(pub, -n, m["unit"] or m["unit2"]))


# --- months

def _which_and_part(m) -> tuple[str, str | None] | None:
    """"last"/"this"/"next" and the part ("early", "later"...) of a relative month or year;
    None for a bare "the month" with no part."""
    which = m["which"] or "this"
    part = m["part"] or m["part2"]
    if which in ("the", "the same"):
        if not part:
            return None
        which = "this"
    return {"the previous": "last", "the following": "next", "the current": "this"}.get(which, which), part


@_rule(rf"(?:{PART} )?(?:in )?(?P<which>this|last|next|the previous|the following|the current|the same|the) month|(?P<part2>early|earlier|mid|late|later) in the month")
def _month(m, pub, tense):
    relative = _which_and_part(m)
    if relative is None:
        return None
    which, part = relative
    first = _add_months(pub.replace(day=1), {"this": 0, "last": -1, "next": 1}[which])
    if which == "this" and part in ("earlier", "later"):
        end = _month_end(first.year, first.month)
        if part == "earlier":
            return _uncut(first, max(first, pub - timedelta(days=1)))
        return _uncut(min(pub + timedelta(days=1), end), end)
    a, b = _part_of_month(first.year, first.month, part)
    return _Span(a, b)


@_rule(r"(?:the )?past month|(?:the )?last month or so|(?:the )?past (?:30|thirty) days")
def _past_month(m, pub, tense):
    return _uncut(pub - timedelta(days=30), pub)


@_rule(rf"(?:{PART}[ -])?(?P<mon>{MON})(?: (?:of )?(?P<year>{YEAR})| (?P<yrel>last|this|next) year)?"
       rf"|(?P<rel>last|this|next|this past|this coming) (?P<mon2>{MON})")
def _month_name(m, pub, tense):
    mon = MONTHS[m["mon"] or m["mon2"]]
    part = m["part"]
    if m["year"] or m["yrel"]:
        y = int(m["year"]) if m["year"] else pub.year + {"last": -1, "this": 0, "next": 1}[m["yrel"]]
        a, b = _part_of_month(y, mon, part)
        return _Span(a, b)
    rel = m["rel"]
    if rel == "this":
        return _Span(*_part_of_month(pub.year, mon, None))
    if rel in ("last", "this past"):
        y = pub.year if mon < pub.month else pub.year - 1
        return _uncut(*_part_of_month(y, mon, None))
    if rel in ("next", "this coming"):
        y = pub.year if mon > pub.month else pub.year + 1
        return _uncut(*_part_of_month(y, mon, None))
    w = _pick_year(pub, tense, lambda y: _part_of_month(y, mon, part))
    return _Span(*w) if w else None


@_rule(rf"(?:the )?(?P<nth>first|second|third|fourth|last|final) week (?:of|in) (?P<mon>{MON})(?: (?P<year>{YEAR}))?")
def _week_of_month(m, pub, tense):
    mon = MONTHS[m["mon"]]

    def window(y: int) -> tuple[date, date]:
        end = _month_end(y, mon)
        if m["nth"] in ("last", "final"):
            return end - timedelta(days=6), end
        k = ("first", "second", "third", "fourth").index(m["nth"])
        return date(y, mon, 1 + 7 * k), date(y, mon, 7 + 7 * k)

    if m["year"]:
        return _Span(*window(int(m["year"])))
    w = _pick_year(pub, tense, window)
    return _Span(*w) if w else None


# --- years

@_rule(rf"(?:{PART} )?(?:in )?(?P<which>this|last|next|the previous|the following|the current|the same|the) year|(?P<part2>early|earlier|mid|late|later) in the year")
def _year_rel(m, pub, tense):
    relative = _which_and_part(m)
    if relative is None:
        return None
    which, part = relative
    y = pub.year + {"this": 0, "last": -1, "next": 1}[which]
    jan1 = date(y, 1, 1)
    if which == "this" and (part is None or part == "earlier"):
        if part == "earlier" or tense == "past":
            return _uncut(jan1, max(jan1, pub - timedelta(days=1)))
        return _uncut(pub, date(y, 12, 31))
    if which == "this" and part == "later":
        return _uncut(min(pub + timedelta(days=1), date(y, 12, 31)), date(y, 12, 31))
    return _Span(*_part_of_year(y, part))


@_rule(r"(?:the )?past year|(?:the )?last (?:12|twelve) months|(?:the )?past (?:12|twelve) months")
def _past_year(m, pub, tense):
    return _uncut(pub - relativedelta(years=1), pub)


@_rule(rf"(?:(?:the )?year )?(?P<year>{YEAR})|{PART}[ -](?P<year2>{YEAR})")
def _year(m, pub, tense):
    y = int(m["year"] or m["year2"])
    return _Span(*_part_of_year(y, m["part"]))


@_rule(r"(?:the )?(?P<dec>1[89]\d|20\d)0s")
def _decade(m, pub, tense):
    y = int(m["dec"]) * 10
    return _Span(date(y, 1, 1), date(y + 9, 12, 31))


# --- explicit days

def _explicit(day: int, mon: int, year: int | None, wd: int | None, pub: date, tense: Tense) -> _Span | None:
    if year is not None:
        return _uncut(date(year, mon, day))
    candidates = []
    for y in (pub.year - 1, pub.year, pub.year + 1):
        try:
            candidates.append(date(y, mon, day))
        except ValueError:
            continue
    if not candidates:
        return None
    if wd is not None:
        agreeing = [c for c in candidates if c.weekday() == wd]
        if agreeing:
            candidates = agreeing
    if tense == "past":
        ok = [c for c in candidates if c <= pub]
        pick = max(ok) if ok else min(candidates, key=lambda c: abs((c - pub).days))
    else:
        ok = [c for c in candidates if c >= pub]
        pick = min(ok) if ok else min(candidates, key=lambda c: abs((c - pub).days))
    return _uncut(pick)


@_rule(rf"(?:(?P<wd>{WD}) )?(?:the )?(?P<day>{DAY}) (?:of )?(?P<mon>{MON})(?: (?P<year>{YEAR}))?"
       rf"|(?:(?P<wd2>{WD}) )?(?P<mon2>{MON}) (?:the )?(?P<day2>{DAY})(?: (?P<year2>{YEAR}))?", strict=True)
def _day_month(m, pub, tense):
    day = int(re.match(r"\d+", m["day"] or m["day2"]).group())
    mon = MONTHS[m["mon"] or m["mon2"]]
    year = m["year"] or m["year2"]
    wd = m["wd"] or m["wd2"]
    return _explicit(day, mon, int(year) if year else None, WEEKDAYS[wd] if wd else None, pub, tense)


@_rule(rf"(?:between |from )?(?P<d1>{DAY})(?:-| to | and | through )(?P<d2>{DAY}) (?:of )?(?P<mon>{MON})(?: (?P<year>{YEAR}))?"
       rf"|(?:between |from )?(?P<mon2>{MON}) (?P<d3>{DAY})(?:-| to | and | through )(?P<d4>{DAY})(?: (?P<year2>{YEAR}))?")
def _day_range(m, pub, tense):
    d1 = int(re.match(r"\d+", m["d1"] or m["d3"]).group())
    d2 = int(re.match(r"\d+", m["d2"] or m["d4"]).group())
    mon = MONTHS[m["mon"] or m["mon2"]]
    year = m["year"] or m["year2"]
    if d2 < d1:
        return None
    if year:
        return _uncut(date(int(year), mon, d1), date(int(year), mon, d2))
    w = _pick_year(pub, tense, lambda y: (date(y, mon, d1), date(y, mon, d2)))
    return _Span(*w) if w else None


@_rule(rf"(?:(?P<wd>{WD}) )?(?P<y>{YEAR})[-/.](?P<m>1[0-2]|0?[1-9])[-/.](?P<d>3[01]|[12]\d|0?[1-9])", strict=True)
def _iso(m, pub, tense):
    return _uncut(date(int(m["y"]), int(m["m"]), int(m["d"])))


@_rule(rf"(?:(?P<wd>{WD}) )?(?P<a>\d{{1,2}})[/.](?P<b>\d{{1,2}})[/.](?P<y>{YEAR}|\d\d)", strict=True)
def _numeric(m, pub, tense):
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    if y < 100:
        y += 2000
    options = []
    for day, mon in ((a, b), (b, a)):
        try:
            options.append(date(y, mon, day))
        except ValueError:
            continue
    if not options:
        return None
    if m["wd"]:
        agreeing = [o for o in options if o.weekday() == WEEKDAYS[m["wd"]]]
        options = agreeing or options
    if tense == "past" and any(o <= pub for o in options):
        options = [o for o in options if o <= pub]
    return _uncut(min(options, key=lambda o: abs((o - pub).days)))


@_rule(rf"(?P<wd>{WD}),? (?:the )?(?P<day>{DAY})")
def _weekday_and_day(m, pub, tense):
    """"Thursday, the 14th": the 14th of the month nearest the day of the news that falls on a
    Thursday (within two months either way; the tense breaks a tie)."""
    if not re.search(r"(st|nd|rd|th)$", m["day"]) and "the" not in m.group(0):
        return None
    day, wd = int(re.match(r"\d+", m["day"]).group()), WEEKDAYS[m["wd"]]
    first = pub.replace(day=1)
    options = []
    for k in range(-2, 3):
        try:
            d = _add_months(first, k).replace(day=day)
        except ValueError:
            continue
        if d.weekday() == wd:
            options.append(d)
    if not options:
        return None
    ahead = 0 if tense == "future" else 1
    return _uncut(min(options, key=lambda o: (abs((o - pub).days), (o < pub) != bool(ahead))))


@_rule(rf"(?:the )?(?P<day>{DAY})(?: of (?:the|this) month)?")
def _day_alone(m, pub, tense):
    if not re.search(r"(st|nd|rd|th)$", m["day"]) and not m.group(0).startswith("the"):
        return None
    day = int(re.match(r"\d+", m["day"]).group())
    first = pub.replace(day=1)
    for k in ((0, -1, -2) if tense == "past" else (0, 1, 2)):
        f = _add_months(first, k)
        try:
            d = f.replace(day=day)
        except ValueError:
            continue
        if (tense == "past" and d <= pub) or (tense == "future" and d >= pub):
            return _uncut(d)
    return None


# --- weekdays

@_rule(rf"(?P<rel>last|this|next|this past|this coming|the coming|past|coming|the past|the following|the next)?\s?(?P<wd>{WD})(?: (?P<wk>last|this|next) week| of (?P<wk2>last|this|next) week| before last| after next)?"
       rf"|(?P<wk3>last|this|next) week (?:on )?(?P<wd2>{WD})")
def _weekday(m, pub, tense):
    wd = WEEKDAYS[m["wd"] or m["wd2"]]
    wk = m["wk"] or m["wk2"] or m["wk3"]
    rel = (m["rel"] or "").strip()
    text = m.group(0)
    if wk:
        monday = _monday(pub) + timedelta(weeks={"last": -1, "this": 0, "next": 1}[wk])
        return _uncut(monday + timedelta(days=wd))
    if text.endswith("before last"):
        return _uncut(_on_or_before(pub - timedelta(days=1), wd) - timedelta(weeks=1))
    if text.endswith("after next"):
        return _uncut(_on_or_after(pub + timedelta(days=1), wd) + timedelta(weeks=1))
    if rel in ("last", "this past", "past", "the past"):
        return _uncut(_on_or_before(pub - timedelta(days=1), wd))
    if rel in ("next", "this coming", "the coming", "coming", "the following", "the next"):
        return _uncut(_on_or_after(pub + timedelta(days=1), wd))
    return _uncut(_by_tense(pub, wd, tense))


@_rule(rf"(?:between |from |overnight |overnight from |the night of |late )?(?P<wd1>{WD})(?: (?:night|evening|late))?"
       rf"(?:-| to | into | and | through | until | till )(?:early )?(?P<wd2>{WD})(?: (?:morning|night))?")
def _weekday_range(m, pub, tense):
    w1, w2 = WEEKDAYS[m["wd1"]], WEEKDAYS[m["wd2"]]
    span = (w2 - w1) % 7 or 7
    if tense == "past":
        last = _on_or_before(pub, w2)
        return _uncut(last - timedelta(days=span), last)
    first = _on_or_after(pub, w1)
    if _on_or_before(pub, w1) + timedelta(days=span) >= pub:
        first = _on_or_before(pub, w1)
    return _uncut(first, first + timedelta(days=span))


# ------------------------------------------------------------------ modifiers

_PRE_MODIFIERS = [
    ("in the early hours of", None), ("the early hours of", None), ("early hours of", None),
    ("in the small hours of", None), ("the small hours of", None),
    ("early in the morning of", None), ("early on", None), ("late on", None), ("late in the day on", None),
    ("on the morning of", None), ("the morning of", None), ("the afternoon of", None),
    ("the evening of", None), ("on the night of", "night"), ("the night of", "night"),
    ("night of", "night"), ("late at night on", "night"), ("late night on", "night"),
    ("overnight on", "night"), ("overnight into", "into"), ("overnight to", "into"),
    ("overnight", "night"), ("into", "into"), ("before dawn on", None), ("before dawn", None),
    ("pre dawn", None), ("predawn", None), ("at dawn on", None), ("at dawn", None), ("dawn on", None),
    ("at dusk on", None), ("dusk on", None), ("early", None), ("late", None), ("earlier", None),
    ("later", None), ("the day of", None), ("all day", None), ("mid morning", None),
    ("midday", None), ("throughout", None), ("during", None),
]
_POST_MODIFIERS = [
    ("morning", None), ("afternoon", None), ("evening", None), ("night", "night"),
    ("overnight", "night"), ("at night", "night"), ("in the morning", None),
    ("in the afternoon", None), ("in the evening", None), ("at dawn", None), ("before dawn", None),
    ("at dusk", None), ("early", None), ("late", None), ("morning time", None), ("night time", "night"),
    ("nighttime", "night"), ("daytime", None), ("mid morning", None), ("around dawn", None),
    ("local time", None), ("evening time", None), ("late night", "night"), ("early morning", None),
    ("afternoon and evening", None), ("morning and afternoon", None),
]


def _read(s: str, pub: date, tense: Tense) -> _Span | None:
    """Read one whole expression ``s`` (cleaned), with or without day-part modifiers."""
    got = _read_core(s, pub, tense)
    if got is not None:
        return got
    flag = None
    rest = s
    for word, f in sorted(_PRE_MODIFIERS, key=lambda x: -len(x[0])):
        if rest.startswith(word + " "):
            rest, flag = _strip_leading(rest[len(word) + 1:]), f
            break
    for word, f in sorted(_POST_MODIFIERS, key=lambda x: -len(x[0])):
        if rest.endswith(" " + word):
            rest = rest[: -len(word) - 1].strip()
            flag = f or flag
            break
    if rest == s or not rest:
        return None
    got = _read_core(rest, pub, tense)
    if got is None:
        return None
    if got.earliest == got.latest:
        d = got.earliest
        if flag == "night":
            return _Span(d, d + timedelta(days=1), cut=False)
        if flag == "into":
            return _Span(d - timedelta(days=1), d, cut=False)
    return got


def _read_core(s: str, pub: date, tense: Tense) -> _Span | None:
    s = _strip_leading(s)
    hol = _holiday(s, pub, tense)
    if hol is not None:
        return hol
    for pattern, reader, strict in _RULES:
        m = pattern.fullmatch(s)
        if m is None:
            continue
        try:
            got = reader(m, pub, tense)
        except (ValueError, OverflowError):
            got = None
        if got is not None:
            return got
        if strict:
            raise _NoSuchDay(s)
    return None


def _cut(span: _Span, pub: date, tense: Tense) -> tuple[date, date]:
    a, b = span.earliest, span.latest
    if span.cut and a <= pub <= b:
        if tense == "past":
            b = pub
        else:
            a = pub
    return a, b


def resolve_date(text: str, published: date, *, tense: Tense = "past") -> DateWindow | None:
    """Resolve the date expression ``text`` against ``published``; None when it names no day.

    >>> resolve_date("late Tuesday", date(2023, 6, 7))
    DateWindow(earliest=datetime.date(2023, 6, 6), latest=datetime.date(2023, 6, 6), text='late Tuesday')
    """
    try:
        if not isinstance(text, str) or not text.strip():
            return None
        if isinstance(published, datetime):
            published = published.date()
        if not isinstance(published, date):
            return None
        tense = "future" if tense == "future" else "past"
        s = _clean(text)
        without_time = re.sub(r"\s+", " ", _TIME.sub(" ", s)).strip()
        s = _strip_leading(without_time)
        if not s:
            return None
        try:
            span = _read(s, published, tense)
        except _NoSuchDay:
            return None
        if span is None:
            span = _search(s, published, tense)
        if span is None:
            return None
        a, b = _cut(span, published, tense)
        return DateWindow(a, b, text.strip())
    except Exception:  # noqa: BLE001 - odd input names no day
        return None


def _search(s: str, pub: date, tense: Tense) -> _Span | None:
    """The longest, leftmost run of words inside ``s`` that reads as a date."""
    words = s.split()[:16]
    for size in range(len(words) - 1, 0, -1):
        for i in range(len(words) - size + 1):
            part = " ".join(words[i:i + size])
            if size == 1 and part in _AMBIGUOUS_ALONE:
                continue
            try:
                got = _read(part, pub, tense)
            except _NoSuchDay:
                continue
            if got is not None:
                return got
    return None
