"""Where the wording itself marks a name as a place, whatever the gazetteer holds.

Reads the frames conflict reports and news put around place names:

* a place noun after the name: "Xarardheere village", "Hodan neighbourhood", "Kafumba town";
* a place noun before it: "the village of X", "the outskirts of X";
* an administrative qualifier: "X (District, Region)", "X, Y province", "X district, Y";
* a place the name lies in or by: "the X area of Y district", "X village near Y town";
* a coding note: "coded to X", "(coordinates for X used)";
* "between X and Y".

The qualifier's names are containers of the place (its district, region or country),
not further places of the event. Pure functions over a parsed ``Doc``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.tokens import Doc, Token

from kg.lexicon import word_set

_MAX_NAME = 5
_STOP_NAMES = frozenset(
    """the a an this that these those on in at near of and or but as by for from with to into
    during after before while when where which who its his her their our some many several
    unknown unidentified local",
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday""".replace('"', "").replace(",", "").split()
)


@lru_cache(maxsize=None)
def words(key: str) -> frozenset[str]:
    return word_set("place_words.json", key)


@lru_cache(maxsize=None)
def place_words_table(key: str) -> dict[str, int]:
    """A table of place_words.json (a word and its figure)."""
    from kg.lexicon import load_json

    return dict(load_json("place_words.json")[key])


@lru_cache(maxsize=1)
def _coding_phrases() -> tuple[tuple[str, ...], ...]:
    from kg.lexicon import load_json

    return tuple(tuple(p) for p in load_json("place_words.json")["coding_phrases"])


@dataclass(frozen=True)
class PlaceFrame:
    """A name the wording marks as a place: tokens ``start:end``, the place noun that follows
    or precedes it, the names that qualify it (its containers) and the places it lies in or by."""

    start: int
    end: int
    noun: str | None = None
    containers: tuple[tuple[int, int], ...] = ()
    anchors: tuple[tuple[int, int], ...] = ()
    admin: bool = False  # the name is an administrative area ("X district")
    stop: int = 0  # the end of the name with its noun and qualifier
    weak: bool = False  # only "between X and Y" marks it: a place if named as one, never made one


def name_token(tok: Token) -> bool:
    """A word that can start or stand in a place name: capitalised, not a function word."""
    text = tok.text
    return text[:1].isupper() and text[:1].isalpha() and tok.lower_ not in _STOP_NAMES


def owner_prefix(tok: Token) -> bool:
    """"Kenyas Marsabit County", "Somalias Hiraan region": a country's possessive written without its
    apostrophe before a place's name; the country is not part of the name."""
    text = tok.text
    if len(text) < 5 or not text.endswith("s") or not text[:1].isupper() or tok.i + 1 >= len(tok.doc):
        return False
    from kg.resolve.places import gazetteer

    return name_token(tok.doc[tok.i + 1]) and gazetteer().country(text[:-1]) is not None


def _joiner(doc: Doc, i: int) -> bool:
    """A hyphen, apostrophe or particle inside a name: "Ceel-Baraf", "Kafr al-Sheikh"."""
    tok = doc[i]
    if i + 1 >= len(doc) or i == 0:
        return False
    nxt = doc[i + 1]
    if tok.text in {"-", "'", "’"} and not doc[i - 1].whitespace_ and not tok.whitespace_:
        # "Ceel-Baraf", "Pul-e Khumri", "Bir-Hakeim"; not "Shabaab-controlled", "Gao-based"
        return name_token(nxt) or nxt.text[:1].isalpha() and (
            len(nxt.text) <= 2 or nxt.pos_ in {"PROPN", "NOUN"} and not nxt.lower_.endswith(("ed", "ing")))
    if tok.lower_ in words("hyphened_particles"):
        return nxt.text == "-" and not tok.whitespace_  # "Deir ez-Zor", not "an Israeli"
    return tok.lower_ in words("name_particles") and (name_token(nxt) or nxt.text in {"-"})


@lru_cache(maxsize=1)
def _all_particles() -> frozenset[str]:
    """The particles inside a name: those that join it by themselves and those that join only
    with a hyphen after them (:func:`_joiner` tells them apart)."""
    return words("name_particles") | words("hyphened_particles")


def name_end(doc: Doc, start: int, limit: int | None = None) -> int:
    """The end of the name that starts at ``start`` (``start`` itself when none starts there)."""
    limit = len(doc) if limit is None else limit
    if start >= limit or not name_token(doc[start]):
        return start
    end = start + 1
    particles = _all_particles()
    while end < limit and end - start < _MAX_NAME + 3:
        tok = doc[end]
        if name_token(tok) or (tok.text[:1].isupper() and any(c.isdigit() for c in tok.text)):
            end += 1
        elif tok.text in {"-", "'", "’"} and _joiner(doc, end) and end + 1 < limit:
            end += 2  # "Pul-e Khumri", "Ceel-Baraf", "I-n-Tassit"
        elif tok.lower_ in particles and _joiner(doc, end):
            end += 1  # "Kafr al-Sheikh"
        elif tok.like_num and end + 1 < limit and (_place_noun(doc[end + 1]) or doc[end + 1].text == "("):
            end += 1  # "Kilometre 12 village"
        else:
            break
    while end > start + 1 and (doc[end - 1].text in {"-", "'", "’"} or doc[end - 1].lower_ in particles):
        end -= 1
    return end


def _place_noun(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    return any(w in words("settlement_nouns") or w in words("subplace_nouns") for w in (tok.lower_, lemma))


def _qualifier(doc: Doc, i: int, limit: int, noun: bool = True, bare: bool = False) -> tuple[tuple[tuple[int, int], ...], int]:
    """"(District, Region)" or ", Y province" starting at ``i``: the container names and the end;
    with ``bare``, also a place name alone between commas (", Y,")."""
    if i < limit and doc[i].text in {"(", "["}:
        parts, j = [], i + 1
        while j < limit:
            end = name_end(doc, j, limit)
            if end == j:
                return (), i
            if end < limit and doc[end].lower_ in words("admin_nouns"):
                end += 1
            parts.append((j, end))
            if end < limit and doc[end].text in {")", "]"}:
                return (tuple(parts), end + 1) if len(parts) <= 3 else ((), i)
            if end < limit and doc[end].text == ",":
                j = end + 1
                continue
            return (), i
        return (), i
    if i + 4 < limit and doc[i].lower_ == "in" and doc[i + 1].lower_ == "the" and _lower_case_admin_noun(doc[i + 2]) \
            and doc[i + 3].lower_ == "of":
        end = name_end(doc, i + 4, limit)  # "X in the department of Y", "X in the province of Y"
        if end > i + 4:
            return ((i + 4, end),), end
    if i + 2 < limit and doc[i].text == ",":
        j = i + 1
        if doc[j].lower_ == "in" and noun:  # "X village, in Y province"; not "5 Askaris, in Y district"
            j += 1
        if doc[j].lower_ in words("admin_nouns") and j + 2 < limit and doc[j + 1].lower_ == "of":
            end = name_end(doc, j + 2, limit)  # "X, Cercle of Koro"
            if end > j + 2:
                return ((j + 2, end),), end
        end = name_end(doc, j, limit)
        if end > j + 1 and doc[end - 1].lower_ in words("admin_nouns"):
            return ((j, end),), end  # "X, Lamu County"
        if end > j and end < limit and doc[end].lower_ in words("admin_nouns"):
            return ((j, end + 1),), end + 1
        if end > j and end < limit and doc[end].lower_ in {"area", "locality"} and end + 1 < limit \
                and doc[end + 1].text == ",":
            return ((j, end),), end + 1  # "at X, Y area, Z": X lies in the Y area
        if bare and end > j and doc[j].ent_type_ not in {"PERSON", "ORG", "NORP"} and (end >= limit or doc[end].text in {",", "."}):
            return ((j, end),), end  # "in the town of X, Y, on Monday": the town's province or country
    return (), i


def _noun_after(doc: Doc, end: int, limit: int) -> str | None:
    if end < limit:
        for lower in (doc[end].lower_, doc[end].lemma_.lower()):  # "Buurane and Dhagaxle villages"
            if lower in words("settlement_nouns") or lower in words("subplace_nouns") or lower in words("admin_nouns"):
                return lower
    return None


_FRAMES_KEY = ("newskg", "place_frames")


def read_frames(doc: Doc) -> list[PlaceFrame]:
    """Every name the wording marks as a place, in document order.

    The frames are kept on the document (``doc.user_data``, as plain values, so that the
    document still serializes) with the entity labels they were read with, so the entity fixer
    and the extractors read them once; a document whose labels have changed where the reading
    looked at them is read again."""
    kept = doc.user_data.get(_FRAMES_KEY)
    if kept is not None and all(doc[i].ent_type_ == label for i, label in kept[1]):
        return [_frame_from(values) for values in kept[0]]
    frames: dict[tuple[int, int], PlaceFrame] = {}
    labels: list[tuple[int, str]] = []
    for sent in doc.sents:
        _read_sentence(doc, sent.start, sent.end, frames, labels)
    found = sorted(frames.values(), key=lambda f: f.start)
    doc.user_data[_FRAMES_KEY] = (tuple(_frame_values(f) for f in found), tuple(labels))
    return found


def _frame_values(f: PlaceFrame) -> tuple:
    return (f.start, f.end, f.noun, f.containers, f.anchors, f.admin, f.stop, f.weak)


def _frame_from(values) -> PlaceFrame:
    """A frame from its plain values (lists in place of tuples once the document went through bytes)."""
    start, end, noun, containers, anchors, admin, stop, weak = values
    return PlaceFrame(start, end, noun, tuple(tuple(c) for c in containers), tuple(tuple(a) for a in anchors),
                      admin, stop, weak)


def _read_sentence(doc: Doc, lo: int, hi: int, frames: dict[tuple[int, int], PlaceFrame],
                   labels: list[tuple[int, str]]) -> None:
    i = lo
    found: list[PlaceFrame] = []
    runs: list[tuple[int, int]] = []
    starts_name = [name_token(t) for t in doc[lo:hi]]  # where a name can start, each word read once
    while i < hi:
        if not starts_name[i - lo]:
            i += 1
            continue
        end = name_end(doc, i, hi)
        if end == i or owner_prefix(doc[i]) or doc[i].lower_ in words("faith_adjectives"):
            i += 1  # "in a Shiite area of X": who lives there, not the area's name
            continue
        runs.append((i, end))
        frame = _frame_at(doc, i, end, lo, hi, labels)
        sub = _subarea(doc, i, end, lo, hi)
        if sub is not None:  # "in Mogadishu - Yaqshid (Banadir)": the district Yaqshid of the city Mogadishu
            found += [PlaceFrame(i, end, stop=end), sub]
            i = sub.stop
            continue
        if frame is not None:
            found.append(frame)
        i = end
    # "the X/Y forest area": the name before the slash is framed as the one after it
    for f in list(found):
        j = f.start - 1
        if j - 1 >= lo and doc[j].text == "/" and not doc[j].whitespace_ and name_token(doc[j - 1]) \
                and not any(g.start <= j - 1 < g.end for g in found):
            k = j - 1
            while k - 1 >= lo and name_token(doc[k - 1]) and doc[k - 1].whitespace_:
                k -= 1
            found.append(PlaceFrame(k, j, f.noun, f.containers, (), f.admin, j, f.weak))
    found.sort(key=lambda f: f.start)
    # "the X area of Y district", "X village near Y town", "Bakaaraha in the Y neighbourhood in Z":
    # a named place lies in or by the next one
    starts = {f.start: f for f in found}
    for (s0, e0), (s1, _) in zip(runs, runs[1:]):
        if s0 in starts or s0 <= lo or doc[s0 - 1].lower_ not in {"in", "at", "near", "outside"}:
            continue
        b = starts.get(s1)
        # "in Sangisar of Zhari district": a bare name lying in a district the wording names; "near X,
        # around eight km from Y": a bare name located by its distance from another
        in_district = doc[s0 - 1].lower_ != "outside" and b is not None and b.admin and s1 == e0 + 1 \
            and doc[e0].lower_ in {"of", "in"}
        if in_district or _distance([t for t in doc[e0:s1] if t.lower_ not in {"the", ","}]):
            starts[s0] = PlaceFrame(s0, e0, None, (), (), False, e0)
            found.append(starts[s0])
    found.sort(key=lambda f: f.start)
    for a in found:
        b = next(((s, e) for s, e in runs if s >= max(a.stop, a.end)), None)
        if a.anchors or b is None:
            continue
        gap = [t for t in doc[max(a.stop, a.end) : b[0]] if t.lower_ not in {"the", ",", a.noun or ""}]
        framed_b = starts.get(b[0])
        between = len(gap) == 1 and gap[0].lower_ == "and" and a.start > lo and doc[a.start - 1].lower_ == "between"
        # "between X and Y (District, Region)": both ends are places once one is qualified
        weak = a.weak and not (between and framed_b is not None and not framed_b.weak)
        if between and framed_b is not None and framed_b.weak and not a.weak:
            frames[(framed_b.start, framed_b.end)] = replace(framed_b, weak=False)
            starts[framed_b.start] = frames[(framed_b.start, framed_b.end)]
        marks = a.noun or a.containers or framed_b and framed_b.noun
        if between or _distance(gap) or marks and (len(gap) == 1 and gap[0].lower_ in words("anchor_preps") | {"between"}
                                                   or _vicinity(gap)):
            frames[(a.start, a.end)] = PlaceFrame(a.start, a.end, a.noun, a.containers, (b,), a.admin, a.stop, weak)
        elif weak != a.weak:
            frames[(a.start, a.end)] = replace(a, weak=weak)
    for f in found:
        frames.setdefault((f.start, f.end), starts.get(f.start, f))


def _vicinity(gap: list[Token]) -> bool:
    """"on the outskirts of", "in the vicinity of": a place by another one."""
    return len(gap) >= 2 and gap[-1].lower_ == "of" and all(
        t.lower_ in {"in", "on", "at"} or t.lower_ in words("subplace_nouns") for t in gap[:-1])


#: Words that title the place a distance is told from ("north of the capital Y", "the provincial capital Y").
_CAPITAL_WORDS = frozenset({"capital", "provincial", "regional", "state", "district"})


def _distance(gap: list[Token]) -> bool:
    """"20km from", "about 5 kilometres north of": a place located by its distance from another."""
    lead = 0
    while lead < len(gap) and (gap[lead].lower_ in words("direction_words") or gap[lead].text in {"-", "–"}):
        lead += 1
    rest = [t.lower_ for t in gap[lead:]]
    if lead and gap[0].lower_ in words("direction_words") and 2 <= len(rest) <= 3 and rest[0] == "of" \
            and all(w in words("settlement_nouns") | _CAPITAL_WORDS for w in rest[1:]):
        return True  # "X, north of the capital Y", "south of the provincial capital Y": X lies by Y
    if len(gap) < 2 or gap[-1].lower_ not in {"from", "of"}:
        return False
    if lead and gap[0].lower_ in words("direction_words") and (
            rest == ["of"] or len(rest) == 3 and rest[0] == "of" and rest[1] in words("settlement_nouns") and rest[2] == "of"):
        return True  # "X, south of Y", "X, north-east of the city of Y": X lies by Y
    return any(t.lower_ in words("distance_words") or t.like_num for t in gap[:-1]) and all(
        t.like_num or t.lower_ in words("distance_words") or t.lower_ in words("direction_words") for t in gap[:-1])


def _frame_at(doc: Doc, start: int, end: int, lo: int, hi: int, labels: list[tuple[int, str]]) -> PlaceFrame | None:
    """The frame of the name ``start:end``; ``labels`` gets the entity labels the reading looked at."""
    from kg.resolve.places import military_unit

    # "the Army's Eighth Division", with the noun read into the name or just after it: a unit, not a place
    words_to = end if doc[end - 1].lower_ == "division" else end + 1
    if words_to <= hi and military_unit([t.text for t in doc[start:words_to]][:-1], [doc[words_to - 1].text]):
        return None
    if end - start > 2:
        labels.append((start, doc[start].ent_type_))
    if (end - start == 2 or end - start > 2 and labels[-1][1] != "ORG") \
            and doc[end - 1].lower_ in words("admin_nouns") and doc[end - 1].lower_ not in words("settlement_nouns"):
        end -= 1  # "Isiolo County", "Bale Zone": the noun written with a capital
    after = end
    noun = _noun_after(doc, end, hi)
    admin = False
    if noun is not None and end + 1 < hi and doc[end + 1].pos_ in {"NOUN", "PROPN"} and doc[end + 1].text[:1].islower() \
            and _noun_after(doc, end + 1, hi) is None:
        noun = None  # "Myanmar state media", "Gaza city officials": the noun is no place's (not "the X forest area")
    if noun is not None and all(t.pos_ == "ADJ" and t.lower_.endswith(("ish", "ese", "ian")) for t in doc[start:end]):
        return None  # "Kurdish neighbourhoods": who lives there, not a name
    if noun is not None and doc[end].tag_ == "NNS" and end + 2 < hi and doc[end + 1].lower_ == "of":
        return None  # "the X neighbourhoods of A, B and C": the places are the names after "of"
    if noun is not None:
        if noun in words("settlement_nouns") and end + 2 < hi and doc[end + 1].lower_ == "of" and name_token(doc[end + 2]) \
                and not _admin_name(doc, end + 2, hi, words("settlement_nouns")):
            return None  # "the Fulani hamlet of X": the name before the noun describes the place (not "X village of Y township")
        admin = noun in words("admin_nouns") and noun not in words("settlement_nouns") and noun not in words("subplace_nouns")
        after = end + 1
    before = doc[start - 1].lower_ if start > lo else ""
    before2 = doc[start - 2].lower_ if start - 1 > lo else ""
    lemma2 = doc[start - 2].lemma_.lower() if start - 1 > lo else ""  # "the neighbourhoods of X"
    preceded = before == "of" and (any(w in words("settlement_nouns") or w in words("subplace_nouns") for w in (before2, lemma2))
                                   or _lower_case_admin_noun(doc[start - 2]) and not _coding_note_after(doc, end, hi)
                                   and not (start - 2 > lo and name_token(doc[start - 3]))  # not "X district of Y"
                                   if start - 1 > lo else False) \
        or _listed_after_place_noun(doc, start, lo)
    appositive = _appositive_settlement(doc, end, hi) if noun is None else None
    if appositive is not None:  # "X, a town in Y state,": a town, which lies in the state
        noun, containers, stop = appositive
    else:
        # one place named by its noun ("the town of X, Y,"; "X village, Y,"), not a list ("the villages of A, B, C")
        single = noun is not None and doc[end].tag_ != "NNS" or preceded and start - 2 >= lo and doc[start - 2].tag_ == "NN"
        containers, stop = _qualifier(doc, after, hi, noun is not None, bare=single)
        if single and after + 1 < hi and doc[after].text == ",":
            labels.append((after + 1, doc[after + 1].ent_type_))  # the bare qualifier's reading hangs on its label
    if admin and len(containers) == 1 and _deeper(doc[containers[0][1] - 1].lower_, noun):
        containers, stop = (), after  # "in Y zone, X woreda": X lies in Y, not Y in X
    if not containers and admin and after + 1 < hi and doc[after].text == ",":
        # "in Nijrab district, Kapisa": the district's province
        c_end = name_end(doc, after + 1, hi)
        if c_end > after + 1 and (c_end >= hi or not doc[c_end].text[:1].isalnum() or doc[c_end].lower_ in {"and", "on", "in"}):
            containers = ((after + 1, c_end),)
    coded = before in {p[-1] for p in _coding_phrases()} and any(
        start - len(p) >= lo and tuple(t.lower_ for t in doc[start - len(p) : start]) == p for p in _coding_phrases())
    between = before == "between" or (before == "and" and _between_before(doc, start, lo))
    if preceded:
        noun = before2  # "the village of X": a village
    if noun is None and not containers and not preceded and not coded and not between:
        return None
    if containers and (noun is None or stop > after and doc[after].text in {"(", "["}) and not _qualifies(doc, start, end, containers):
        containers = ()
        if noun is None and not preceded and not coded and not between:
            return None  # "KIA (Kachin Independence Army)"; "X village (Y)" stays a village
    weak = between and noun is None and not containers and not preceded and not coded
    return PlaceFrame(start, end, noun, containers, (), admin, max(stop, after), weak)


def _lower_case_admin_noun(tok: Token) -> bool:
    """"the district of X", "the province of X"; not "the Department of X", a body's name."""
    return tok.text.islower() and tok.lower_ in words("admin_nouns")


def _coding_note_after(doc: Doc, end: int, hi: int) -> bool:
    """"the commune of X (coded as Y)": a bracketed note of where the report is coded follows the
    unit; the place named in the note is the event's (read as a frame of its own)."""
    if end >= hi or doc[end].text not in {"(", "["}:
        return False
    return any(tuple(t.lower_ for t in doc[end + 1 : end + 1 + len(p)]) == p for p in _coding_phrases())


def _appositive_settlement(doc: Doc, end: int, hi: int) -> tuple[str, tuple[tuple[int, int], ...], int] | None:
    """", a town in Y state", ", a small village near the border": a settlement noun in
    apposition after a name, with the place it lies in: (the noun, its container, where it ends)."""
    if end + 2 >= hi or doc[end].text != "," or doc[end + 1].lower_ not in {"a", "an"}:
        return None
    j = end + 2
    while j < hi and doc[j].pos_ == "ADJ" and doc[j].text[:1].islower():
        j += 1  # "a small town", "a remote village"
    if j >= hi or not any(w in words("settlement_nouns") for w in (doc[j].lower_, doc[j].lemma_.lower())):
        return None
    noun, stop = doc[j].lemma_.lower(), j + 1
    containers: tuple[tuple[int, int], ...] = ()
    if stop + 1 < hi and doc[stop].lower_ == "in":
        c_end = name_end(doc, stop + 1, hi)
        if c_end > stop + 1:
            if c_end < hi and doc[c_end].lower_ in words("admin_nouns"):
                c_end += 1
            containers, stop = ((stop + 1, c_end),), c_end
    return noun, containers, stop


def _deeper(noun: str, than: str | None) -> bool:
    """Whether a unit named by ``noun`` lies deeper in the administrative tree than one named by ``than``."""
    depth = place_words_table("admin_depth")
    return than is not None and depth.get(noun, 0) > depth.get(than, 0) > 0


def close_spelling(a: str, b: str) -> bool:
    """"Kori" and "Korri", "Ti Zawaten" and "Tinzawaten": one name spelled two ways."""
    from kg.resolve.places import fold

    if fold(a) == fold(b):
        return False
    fa, fb = fold(a).replace(" ", ""), fold(b).replace(" ", "")
    return fa[:1] == fb[:1] and abs(len(fa) - len(fb)) <= 2 and len(set(fa) ^ set(fb)) <= 2 \
        and min(len(fa), len(fb)) >= 3


def _admin_name(doc: Doc, start: int, hi: int, also: frozenset[str] = frozenset()) -> bool:
    """A name followed by an administrative noun ("Shahrak district"), or by one of the nouns ``also`` holds."""
    end = name_end(doc, start, hi)
    if end - start >= 2 and (doc[end - 1].lower_ in words("admin_nouns") or doc[end - 1].lower_ in also):
        return True
    return end < hi and (doc[end].lower_ in words("admin_nouns") or doc[end].lower_ in also)


def _subarea(doc: Doc, start: int, end: int, lo: int, hi: int) -> PlaceFrame | None:
    """"in Mogadishu - Yaqshid (Banadir)": a city, a spaced dash and the part of it, qualified."""
    if not (start > lo and doc[start - 1].lower_ in {"in", "at", "near"} and end + 1 < hi
            and doc[end].text in {"-", "–"} and doc[end - 1].whitespace_):
        return None
    sub_end = name_end(doc, end + 1, hi)
    if sub_end == end + 1:
        return None
    containers, stop = _qualifier(doc, sub_end, hi)
    if not containers:
        return None
    return PlaceFrame(end + 1, sub_end, None, containers, ((start, end),), False, stop)


def _qualifies(doc: Doc, start: int, end: int, containers: tuple[tuple[int, int], ...]) -> bool:
    """Whether a bracket after a bare name reads as its district and region, not as an
    acronym or the long form of one ("ISSP", "KIA (Kachin Independence Army)")."""
    from kg.resolve.places import gazetteer

    if doc[start:end].text.isupper():
        return False
    if len(containers) >= 2:
        return True
    s, e = containers[0]
    if doc[s:e].text.isupper():
        return False
    if close_spelling(doc[start:end].text, doc[s:e].text):
        return True  # "Ti Zawaten (Tinzawaten)": the name spelled another way
    if doc[e - 1].lower_ in words("admin_nouns") or e < len(doc) and doc[e].lower_ in {"area", "locality"}:
        return True
    if s >= 2 and doc[s - 1].lower_ == "of" and _lower_case_admin_noun(doc[s - 2]):
        # "X in the department of Y": the wording says what Y is, when X is no body or people
        # ("died in fighting with the Malian army in the commune of X")
        bodies = word_set("violence_words.json", "armed_actor_nouns")
        return not any(t.ent_type_ == "NORP" or t.lemma_.lower() in bodies for t in doc[start:end])
    hit = gazetteer().place(doc[s:e].text)
    return hit is not None and hit.kind in {"City", "Region"}


def _listed_after_place_noun(doc: Doc, start: int, lo: int) -> bool:
    """"the neighbourhoods of A, B and C": B and C are places as A is."""
    j = start - 1
    if j <= lo or doc[j].lower_ not in {",", "and"}:
        return False
    while j > lo and j > start - 16:
        tok = doc[j]
        if tok.lower_ == "of":
            prev = doc[j - 1] if j - 1 >= lo else None
            # plural ("the villages of A, B"), or joined by "and": not "the town of A, B province"
            listed = prev is not None and (prev.tag_ == "NNS" or doc[start - 1].lower_ == "and")
            return listed and (prev.lemma_.lower() in words("settlement_nouns") or prev.lemma_.lower() in words("subplace_nouns"))
        if not (name_token(tok) or tok.lower_ in {",", "and", "-", "'", "’"} or tok.lower_ in words("name_particles")):
            return False
        j -= 1
    return False


def _between_before(doc: Doc, start: int, lo: int) -> bool:
    """"between X and <here>"."""
    j = start - 2
    while j > lo and j > start - 10:
        if doc[j].lower_ == "between":
            return True
        if not (name_token(doc[j]) or doc[j].lower_ in words("settlement_nouns") or doc[j].text in {"-"}):
            return False
        j -= 1
    return False


def frame_spans(frame: PlaceFrame) -> list[tuple[int, int, bool]]:
    """(start, end, administrative) of the place's own name and of its containers' names."""
    out = [(frame.start, frame.end + (1 if frame.admin else 0), frame.admin)]
    for s, e in frame.containers:
        out.append((s, e, False))
    return out


def container_tokens(frames: list[PlaceFrame]) -> set[int]:
    """Tokens of the names that only qualify another place."""
    return {i for f in frames for s, e in f.containers for i in range(s, e)}
