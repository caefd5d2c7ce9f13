"""Read figures and stated counts: "three", "1,200", "at least 25", "dozens", "nearly 1,500".

The readings of qualifiers ("at least", "nearly", "about" ...) are in
``kg/data/count_qualifiers.json`` and those of vague words ("dozens", "several" ...)
in ``kg/data/vague_quantities.json``; each entry documents the interval it gives.

Year-like figures: ``parse_number("2021")`` is 2021, but ``parse_count`` skips a bare
four-digit figure between 1800 and 2100 written without a thousands separator when it
reads as a year: nothing or punctuation follows it, a month follows it, or a word such as
"in", "since" or "of" comes before it, and no qualifier stands before it. "2000 people" and
"at least 2000" are still counts. Pass ``years=True`` to read every figure as a count.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parents[1] / "data"

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9,
}
TEENS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
BIG_SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
SMALL_SCALES = {"hundred": 100, "dozen": 12}
SCALES = {**SMALL_SCALES, **BIG_SCALES}
ATTACHED_SCALES = {"mn": 1_000_000, "mln": 1_000_000, "bn": 1_000_000_000}
DECIMAL_SCALES = {"m": 1_000_000, "k": 1_000, **ATTACHED_SCALES}
MONTH_WORDS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
YEAR_LEAD_WORDS = frozenset(
    "in since by of until till from during before after early late mid the year "
    "through around circa".split()
)

_CHAR_MAP = str.maketrans({
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'", "`": "'",
    "\u201c": '"', "\u201d": '"',
    "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u2010": "-", "\u2011": "-", "\u2012": "-",
})
_TOKEN = re.compile(
    r"\d{1,3}(?:[,\u00a0\u202f\u2009]\d{3})+(?:\.\d+)?(?!\d)"
    r"|\d+(?:\.\d+)?"
    r"|[a-z]+(?:'[a-z]+)*"
    r"|[^\s\w]"
)


@dataclass(frozen=True)
class Count:
    """A stated count read as an interval of whole numbers."""

    min: int  # lower bound
    max: int | None  # upper bound; == min for an exact figure; None when open
    vague: bool  # True for vague words and approximations
    text: str  # the words read


@dataclass(frozen=True)
class _Tok:
    text: str
    start: int
    end: int

    @property
    def is_digit(self) -> bool:
        return self.text[:1].isdigit()


def _normalise(text: str) -> str:
    """Lower-case, straight quotes and hyphens; keeps every character's offset."""
    out = []
    for ch in text.translate(_CHAR_MAP):
        low = ch.lower()
        out.append(low if len(low) == 1 else ch)
    return "".join(out)


def _tokens(text: str) -> list[_Tok]:
    return [_Tok(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(_normalise(text))]


def _phrase(words: str) -> tuple[str, ...]:
    return tuple(t.text for t in _tokens(words))


@dataclass(frozen=True)
class _Lexicon:
    prefixes: dict[tuple[str, ...], str]
    suffixes: dict[tuple[str, ...], str]
    joiners: frozenset[str]
    single: frozenset[tuple[str, ...]]
    zero: frozenset[tuple[str, ...]]
    unknown: frozenset[tuple[str, ...]]
    units: frozenset[tuple[str, ...]]
    currency: frozenset[str]
    vague: dict[tuple[str, ...], tuple[int, int | None, bool, bool]]


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    quals = json.loads((DATA / "count_qualifiers.json").read_text(encoding="utf-8"))
    vague = json.loads((DATA / "vague_quantities.json").read_text(encoding="utf-8"))
    prefixes = {_phrase(p): g["kind"] for g in quals["prefixes"] for p in g["phrases"]}
    suffixes = {_phrase(p): g["kind"] for g in quals["suffixes"] for p in g["phrases"]}
    vague_map = {
        _phrase(p): (q["min"], q["max"], bool(q.get("vague", True)), bool(q.get("scalable", False)))
        for q in vague["quantities"]
        for p in q["phrases"]
    }
    units = quals["non_count_units"]
    return _Lexicon(
        prefixes=prefixes,
        suffixes=suffixes,
        joiners=frozenset(quals["range_joiners"]),
        single=frozenset(_phrase(p) for p in quals["single"]["phrases"]),
        zero=frozenset(_phrase(p) for p in quals["zero"]["phrases"]),
        unknown=frozenset(_phrase(p) for p in quals["unknown"]["phrases"]),
        units=frozenset(_phrase(w) for w in units["words"]),
        currency=frozenset(units["currency_symbols"]),
        vague=vague_map,
    )


def _longest(toks: list[_Tok], i: int, table) -> tuple[tuple[str, ...], int] | None:
    """Longest phrase of ``table`` starting at token ``i`` -> (phrase, end index)."""
    best = None
    for n in range(1, 6):
        key = tuple(t.text for t in toks[i:i + n])
        if len(key) < n:
            break
        if key in table:
            best = (key, i + n)
    return best


def _digit_value(text: str) -> float | None:
    cleaned = re.sub(r"[,\u00a0\u202f\u2009]", "", text)
    try:
        return float(cleaned)
    except ValueError:
        return None


def _is_word_number(text: str) -> bool:
    return text in UNITS or text in TEENS or text in TENS


def _read_number(toks: list[_Tok], i: int) -> tuple[int, int] | None:
    """Read one figure starting at token ``i`` -> (value, end index) or None.

    Handles digits ("1,200", "1.5 million", "2bn"), words ("twenty-one", "one hundred and
    five"), "a dozen", "two dozen", "a hundred", "half a million", "a half-dozen".
    """
    n = len(toks)
    total = 0.0
    current: float | None = None
    last: str | None = None
    best: tuple[float, int] | None = None
    k = i
    while k < n:
        t = toks[k].text
        if toks[k].is_digit:
            if last is not None:
                break
            value = _digit_value(t)
            if value is None:
                break
            current, last = value, "digit"
            nxt = toks[k + 1] if k + 1 < n else None
            if nxt is not None and nxt.start == toks[k].end:
                scale = DECIMAL_SCALES if "." in t else ATTACHED_SCALES
                if nxt.text in scale:
                    total += current * scale[nxt.text]
                    current, last = None, "big"
                    k += 1
        elif t in UNITS or t in TEENS:
            if last in ("digit", "unit", "teen", "dozen"):
                break
            if last == "tens" and t in TEENS:
                break
            current = (current or 0) + (UNITS.get(t) if t in UNITS else TEENS[t])
            last = "teen" if t in TEENS else "unit"
        elif t in TENS:
            if last in ("digit", "unit", "teen", "tens", "dozen"):
                break
            current = (current or 0) + TENS[t]
            last = "tens"
        elif t in SMALL_SCALES:
            if last in ("hundred", "dozen") or (current is not None and current >= 100):
                break
            if last is None or last == "big":
                current = None
            current = (current if current is not None else 1) * SMALL_SCALES[t]
            last = "hundred" if t == "hundred" else "dozen"
        elif t in BIG_SCALES:
            if last == "big" or last is None:
                break
            total += (current if current is not None else 1) * BIG_SCALES[t]
            current, last = None, "big"
        elif t in ("a", "an") and k == i and k + 1 < n and (
            toks[k + 1].text in SCALES or toks[k + 1].text == "half"
        ):
            k += 1
            continue
        elif t == "half" and last is None:
            j = k + 1
            if j < n and toks[j].text in ("a", "an", "-"):
                j += 1
            if j < n and toks[j].text in SCALES:
                current, last = SCALES[toks[j].text] / 2, "hundred"
                if toks[j].text in BIG_SCALES:
                    total, current, last = total + SCALES[toks[j].text] / 2, None, "big"
                k = j + 1
                best = (total + (current or 0), k)
                continue
            break
        elif t == "-" and last == "tens" and k + 1 < n and toks[k + 1].text in UNITS:
            k += 1
            continue
        elif t == "and" and last in ("hundred", "big") and k + 1 < n and _is_word_number(toks[k + 1].text):
            k += 1
            continue
        else:
            break
        k += 1
        best = (total + (current or 0), k)
    if best is None:
        return None
    value, end = best
    if value != int(value):
        return None
    return int(value), end


def parse_number(text: str) -> int | None:
    """The whole figure ``text`` spells, or None.

    "three" -> 3, "twenty-one" -> 21, "1,200" -> 1200, "1.5 million" -> 1500000,
    "a dozen" -> 12, "half a million" -> 500000, "an"/"a"/"another"/"one" -> 1.
    Ordinals ("third") and vague words ("dozens") are not figures.
    """
    try:
        toks = [t for t in _tokens(text) if t.text not in (".", ",", ";", ":", "!", "?")]
        if not toks:
            return None
        read = _read_number(toks, 0)
        if read is not None and read[1] == len(toks):
            return read[0]
        if tuple(t.text for t in toks) in _lexicon().single:
            return 1
        return None
    except Exception:  # noqa: BLE001 - odd input reads as no figure
        return None


def _apply(kind: str | None, lo: int, hi: int | None, vague: bool, figure: bool) -> tuple[int, int | None, bool]:
    """Interval for a qualifier ``kind`` over a figure or a vague reading [lo, hi]."""
    if kind in (None, "exact", "between"):
        return lo, hi, vague
    if kind == "at_least":
        return lo, None, vague
    if kind == "more_than":
        return (lo + 1 if figure else lo), None, vague
    if not figure:
        return lo, hi, True
    top = hi if hi is not None else lo
    if kind == "just_over":
        return lo + 1, max(lo + 1, -(-top * 105 // 100)), True
    if kind == "nearly":
        return max(0, min(top * 95 // 100, top - 1)), top, True
    if kind == "up_to":
        return max(1, -(-top // 2)) if top > 0 else 0, top, True
    if kind == "at_most":
        return min(1, top), top, True
    if kind == "fewer_than":
        return min(1, max(0, top - 1)), max(0, top - 1), True
    if kind == "about":
        low = lo * 9 // 10
        return (max(1, low) if lo > 0 else 0), -(-top * 11 // 10), True
    return lo, hi, vague


def _year_like(toks: list[_Tok], i: int, end: int, kind: str | None) -> bool:
    tok = toks[i]
    if end != i + 1 or not re.fullmatch(r"\d{4}", tok.text) or not 1800 <= int(tok.text) <= 2100:
        return False
    if kind not in (None, "exact"):
        return False
    nxt = toks[end].text if end < len(toks) else None
    prev = toks[i - 1].text if i > 0 else None
    if nxt is None or not re.match(r"[a-z]", nxt) or nxt in MONTH_WORDS:
        return True
    return prev in YEAR_LEAD_WORDS


def _not_a_count(toks: list[_Tok], i: int, end: int) -> bool:
    """Whether the figure toks[i:end] measures something else (time, money, age, rank)."""
    lex = _lexicon()
    if i > 0 and toks[i - 1].text in lex.currency:
        return True
    if i > 1 and toks[i - 1].text in (":", ".") and toks[i - 2].is_digit and toks[i - 1].start == toks[i - 2].end:
        return True
    if end < len(toks):
        if _longest(toks, end, lex.units) is not None:
            return True
        nxt = toks[end].text
        if nxt == ":" and end + 1 < len(toks) and toks[end + 1].is_digit:
            return True
        if nxt == "-" and end + 1 < len(toks):
            after = toks[end + 1]
            if not after.is_digit and not _is_word_number(after.text) and _longest(toks, end, lex.suffixes) is None:
                return True
    return False


def _vague_at(toks: list[_Tok], j: int) -> tuple[int, int | None, bool, int] | None:
    """A vague word at ``j`` -> (min, max, vague, end index), with 'of' and scales read."""
    lex = _lexicon()
    hit = _longest(toks, j, lex.vague)
    if hit is None:
        return None
    key, end = hit
    lo, hi, vague, scalable = lex.vague[key]
    if scalable and end < len(toks):
        after = _longest(toks, end, lex.vague)
        if after is not None and hi is not None and lex.vague[after[0]][0] > hi:
            lo, hi, vague, _ = lex.vague[after[0]]
            return lo, hi, vague, after[1]
    if scalable:
        k = end + 1 if end < len(toks) and toks[end].text == "of" and end + 1 < len(toks) and toks[end + 1].text in SCALES else end
        if k < len(toks) and toks[k].text in SCALES:
            scale = SCALES[toks[k].text]
            lo, hi = lo * scale, (hi * scale if hi is not None else None)
            end = k + 1
    return lo, hi, vague, end


def _figure_at(toks: list[_Tok], j: int, kind: str | None) -> tuple[int, int, bool, int] | None:
    """A figure or range at ``j`` -> (lo, hi, vague, end index)."""
    read = _read_number(toks, j)
    if read is None:
        return None
    lo, end = read
    hi, vague = lo, False
    lex = _lexicon()
    if end + 1 < len(toks) and toks[end].text in lex.joiners:
        joiner = toks[end].text
        if joiner != "and" or kind == "between":
            second = _read_number(toks, end + 1)
            if second is not None and second[0] > lo:
                hi, end, vague = second[0], second[1], joiner == "or"
    return lo, hi, vague, end


def _count_at(toks: list[_Tok], i: int, start: int, text: str, years: bool) -> Count | None:
    """The count whose words begin at token ``i``, or None."""
    lex = _lexicon()
    qual = _longest(toks, i, lex.prefixes)
    kind, j = (lex.prefixes[qual[0]], qual[1]) if qual else (None, i)
    vague_hit = _vague_at(toks, j)
    figure_hit = _figure_at(toks, j, kind)
    if figure_hit is not None and (vague_hit is None or figure_hit[3] >= vague_hit[3]):
        lo, hi, vague, end = figure_hit
        figure = True
        if _not_a_count(toks, j, end) or (not years and _year_like(toks, j, end, kind)):
            return None
    elif vague_hit is not None:
        lo, hi, vague, end = vague_hit
        figure = False
    elif i == start:
        return _single_or_zero(toks, i, text)
    else:
        return None
    suffix = _longest(toks, end, lex.suffixes)
    if suffix is not None and kind in (None, "exact", "between"):
        kind, end = lex.suffixes[suffix[0]], suffix[1]
    mn, mx, vg = _apply(kind, lo, hi, vague, figure)
    return Count(mn, mx, vg, text[toks[i].start:toks[end - 1].end])


def _single_or_zero(toks: list[_Tok], i: int, text: str) -> Count | None:
    """'an employee', 'another life' -> one; 'no one', 'nobody' -> none."""
    lex = _lexicon()
    single = _longest(toks, i, lex.single)
    if single is not None:
        end = single[1]
        if end < len(toks) and (_longest(toks, end, lex.units) is not None or toks[end].text in ("of", "-")):
            return None
        return Count(1, 1, False, text[toks[i].start:toks[end - 1].end])
    zero = _longest(toks, i, lex.zero)
    if zero is not None:
        return Count(0, 0, False, text[toks[i].start:toks[zero[1] - 1].end])
    return None


@lru_cache(maxsize=8192)
def is_measure_unit(word: str) -> bool:
    """Whether ``word`` is a unit a figure measures with ("km", "miles", "hours"), not a thing
    counted (read once per process for each word: the same words recur through a build)."""
    return _phrase(word) in _lexicon().units


def parse_count(text: str, *, years: bool = False) -> Count | None:
    """Read the quantity phrase ``text`` ("at least 25 civilians", "dozens more") or None.

    The first quantity in the text is read; trailing nouns are ignored. "a", "an",
    "another" and "one" state one only when they open the phrase ("an employee").
    A phrase that says the count is unknown ("an unknown number of ...") reads as None.
    See the module docstring for year-like figures.
    """
    if not isinstance(text, str):
        return None
    return _parse_count(text, years)


@lru_cache(maxsize=8192)
def _parse_count(text: str, years: bool) -> Count | None:
    """:func:`parse_count` of a string, read once per process for each phrase and ``years``
    (a :class:`Count` is immutable; the same words recur through a build)."""
    try:
        toks = _tokens(text)
        start = next((k for k, t in enumerate(toks) if re.match(r"[a-z0-9]", t.text)), None)
        if start is None:
            return None
        if _longest(toks, start, _lexicon().unknown) is not None:
            return None  # "an unknown number of civilians"
        for i in range(start, len(toks)):
            found = _count_at(toks, i, start, text, years)
            if found is not None:
                return found
        return None
    except Exception:  # noqa: BLE001 - odd input reads as no count
        return None
