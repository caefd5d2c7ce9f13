"""One node per real event: events that several documents report are merged.

Each document's events are minted as their own nodes (:mod:`kg.graph`). When several
documents report the same real event, :func:`merge_events` makes them one node:

Attacks are the same event when all of these hold:

- they come from different documents (two events of one document are never merged, not
  even through a third one: a group never holds two events of one document);
- the same place: every place of one is a place of the other or lies in one of its
  regions (or contains one: ``nkg:region``, followed upwards). Countries are left out of
  this: a country alone is too loose (two attacks "in Syria" on one day are usually two
  attacks) and a city is never matched with its country; an attack placed only in a
  country is never merged. The side that names more places says more precisely where,
  but does not name another place: "Mogadishu" matches "Mogadishu, Waaberi", while
  "Mogadishu, Waaberi" and "Mogadishu, Wadajir" are two attacks;
- both are dated and their date windows (``nkg:earliestDate`` .. ``nkg:latestDate``)
  overlap, neither window is wider than :data:`WIDEST_WINDOW_DAYS` days ("this month"
  says too little to tell two attacks apart), and at least one of the two windows was
  read from the text (``nkg:dateText``), not guessed from a publication date;
- compatible kinds: the same ``nkg:eventType``, one broader than the other in the
  event-type scheme, or one unsaid;
- compatible weapons: one side's weapons are each equal to, broader or narrower than one
  of the other side's (``skos:broader`` in the weapon scheme), or one side names none;
- both or neither is a toll for several strikes (``nkg:isAggregate``);
- when both name attackers, they share one.

Meetings are the same when they share at least two participants (or have the same set),
both are dated with overlapping windows, their statuses agree ("planned" and "held" agree:
a meeting one document announces and another reports is one meeting, "held"), their
places (where both give one) match as for attacks but a country may match itself, and
their modalities (where both give one) agree. Mediations are the same when they have the
same mediators and the same parties. Demands are left as they are.

Groups of attacks and meetings are formed from the best-matching pairs first (sorted by
how closely they match, then by IRI), and a pair joins two groups only if every event of one
matches every event of the other; only events that share a place or participant and a day
are compared, so the work grows with the events of one place and week, not with the square
of the corpus. Mediations with the same mediators and parties are one group directly (taken
in IRI order, each into the first part holding none of its documents). So the result
depends on the graph alone, not on the order of the inputs.

The order of work keeps memory to the events of one date window, not those of the corpus.
Each candidate is first noted by its first day and IRI alone (an attack or meeting whose
window is undated or wider than :data:`WIDEST_WINDOW_DAYS` days matches nothing by date and
is not noted; a mediation is noted by its mediators and parties). The noted events are then
swept in date order (:func:`dated_groups`): each is read when the sweep reaches its first
day and compared with the events read before it that share a place or participant and a
day; matching pairs join their events into one component. Two matching events share a day,
so once the sweep has passed the last day of every event of a component, no event to come
can match one of them: the component's groups are made from its pairs then, merged, and its
events forgotten (with the places and days the sweep has passed). A group is made from the
pairs of its component alone, so the groups are those that comparing all the events at once
gives. Mediations are read one set of the same mediators and parties at a time. In a store,
the merge flushes its writes to disk every :data:`kg.store.FLUSH_EVERY` triples and leaves
in place the triples a merged node keeps as they were. What still grows with the corpus is
small: the first day and IRI of each candidate (and, given new documents, the IRIs of the
events found and of the places and agents looked up); and merging a group holds its
triples, so an event that thousands of documents report takes memory in proportion to them.

The merged node keeps the smallest IRI of its group and has: every document in
``prov:wasDerivedFrom``; one evidence sentence per document (``nkg:evidence`` is one
literal per document, as each was read), and one ``nkg:Excerpt`` per document
(``nkg:excerpt``: the document and its own sentence, ``nkg:excerptText``, so that a
query pairs each document with its words instead of every document with every
sentence); every date text; one date window, the
intersection of the windows; the most specific event type; every place, weapon, target,
attacker, attacked side and reporter of the group.

Casualties: every ``nkg:CasualtyCount`` carries ``prov:wasDerivedFrom`` its document and
stays that document's claim. A merged attack links its documents' counts with
``nkg:casualtyClaim``; its ``nkg:casualties`` are reconciled counts only, marked
``nkg:reconciled true``: one per outcome for the documents' headline tolls, and one per
outcome and victims word for the counts a document gives beside its headline toll
(:func:`figure_groups`). Each has the smallest lower bound and the largest upper bound of
its claims (no upper bound if one claim is open-ended), is ``prov:wasDerivedFrom`` every
document with a claim in it and ``nkg:reconciledFrom`` those claims. So a query that sums
``nkg:casualties`` counts each real event once, and ``kg/queries/casualty_claims.rq``
lists the claims behind each figure. A merge run again on a merged graph changes nothing;
a merged event meeting a new document's event is merged again, its reconciled counts made
anew from all the claims.

The same function works on an rdflib ``Graph`` and on a ``pyoxigraph.Store``; given the
documents just added (read once, one at a time), it only looks at the events that could
match theirs.
"""

from __future__ import annotations

import functools
import heapq
import itertools
from dataclasses import dataclass
from datetime import date
from typing import Callable, Iterable, Iterator, Protocol

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, SKOS, XSD

from kg.store import FLUSH_EVERY, from_ox as _from_ox, to_ox as _to_ox
from kg.iri import slug
from kg.lexicon import weapon_lexicon
from kg.vocab import NKG

#: A date window wider than this says too little to match two attacks or meetings.
WIDEST_WINDOW_DAYS = 7
#: Meetings are the same when they share this many participants (or all of them).
SHARED_PARTICIPANTS = 2

MERGED_CLASSES = (NKG.Attack, NKG.Meeting, NKG.Mediation)
MEETING_STATUS_KEPT = {frozenset({"planned", "held"}): "held"}

Term = URIRef | Literal | BNode
Triple = tuple[Term, URIRef, Term]


# -- reading and writing triples, in a graph or a store -----------------------------------


class Triples(Protocol):
    """What merging needs of a graph: find triples by subject or object, add and remove."""

    def objects(self, s: Term, p: URIRef) -> list[Term]: ...
    def subjects(self, p: URIRef, o: Term) -> list[Term]: ...
    def outgoing(self, s: Term) -> list[tuple[URIRef, Term]]: ...
    def incoming(self, o: Term) -> list[tuple[Term, URIRef]]: ...
    def add(self, triples: Iterable[Triple]) -> None: ...
    def remove(self, triples: Iterable[Triple]) -> None: ...


class GraphTriples:
    """:class:`Triples` of an rdflib graph."""

    def __init__(self, graph: Graph):
        self.graph = graph

    def objects(self, s, p):
        return list(self.graph.objects(s, p))

    def subjects(self, p, o):
        return list(self.graph.subjects(p, o))

    def outgoing(self, s):
        return list(self.graph.predicate_objects(s))

    def incoming(self, o):
        return list(self.graph.subject_predicates(o))

    def add(self, triples):
        for t in triples:
            self.graph.add(t)

    def remove(self, triples):
        for t in triples:
            self.graph.remove(t)


class StoreTriples:
    """:class:`Triples` of one graph of a pyoxigraph store (the default graph unless named).
    Every :data:`kg.store.FLUSH_EVERY` triples added or removed, the store is flushed to disk
    (else its write buffers grow with the number of events merged)."""

    def __init__(self, store, graph_name: str | None = None):
        import pyoxigraph as ox

        self.store = store
        self.graph = ox.NamedNode(graph_name) if graph_name else ox.DefaultGraph()
        self.unflushed = 0

    def _quads(self, s, p, o):
        return self.store.quads_for_pattern(s, p, o, self.graph)

    def objects(self, s, p):
        return [_from_ox(q.object) for q in self._quads(_to_ox(s), _to_ox(p), None)]

    def subjects(self, p, o):
        return [_from_ox(q.subject) for q in self._quads(None, _to_ox(p), _to_ox(o))]

    def outgoing(self, s):
        return [(_from_ox(q.predicate), _from_ox(q.object)) for q in self._quads(_to_ox(s), None, None)]

    def incoming(self, o):
        return [(_from_ox(q.subject), _from_ox(q.predicate)) for q in self._quads(None, None, _to_ox(o))]

    def _quad(self, t: Triple):
        import pyoxigraph as ox

        return ox.Quad(_to_ox(t[0]), _to_ox(t[1]), _to_ox(t[2]), self.graph)

    def add(self, triples):
        quads = [self._quad(t) for t in triples]
        self.store.extend(quads)
        self._written(len(quads))

    def remove(self, triples):
        removed = 0
        for t in triples:
            self.store.remove(self._quad(t))
            removed += 1
        self._written(removed)

    def _written(self, count: int) -> None:
        self.unflushed += count
        if self.unflushed >= FLUSH_EVERY:
            self.store.flush()
            self.unflushed = 0


def triples_of(target) -> Triples:
    """The :class:`Triples` view of an rdflib graph, a pyoxigraph store, or a view itself."""
    if isinstance(target, Graph):
        return GraphTriples(target)
    if hasattr(target, "quads_for_pattern"):
        return StoreTriples(target)
    return target


# -- what an event says, for matching ------------------------------------------------------


@dataclass(frozen=True)
class EventSummary:
    """The facts of one event node that decide whether it matches another."""

    iri: URIRef
    cls: URIRef
    documents: frozenset[URIRef]
    places: frozenset[URIRef]  # every place but countries
    countries: frozenset[URIRef]  # places that are countries
    earliest: date | None
    latest: date | None
    dated_by_text: bool  # the window was read from words of the text (nkg:dateText)
    event_type: URIRef | None
    weapons: frozenset[URIRef]
    aggregate: bool
    attackers: frozenset[URIRef]
    participants: frozenset[URIRef]
    status: str | None
    modality: str | None
    mediators: frozenset[URIRef]
    parties: frozenset[URIRef]


def _one_date(values: list[Term], pick) -> date | None:
    days = [d for d in (_as_date(v) for v in values) if d is not None]
    return pick(days) if days else None


def _as_date(value: Term) -> date | None:
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


def summarize(triples: Triples, event: URIRef, cls: URIRef) -> EventSummary:
    by: dict[URIRef, list[Term]] = {}
    for p, o in triples.outgoing(event):
        by.setdefault(p, []).append(o)
    places = frozenset(by.get(NKG.location, ()))
    countries = frozenset(p for p in places if _is_country(triples, p))
    status = sorted(str(s) for s in by.get(NKG.status, ()))
    modality = sorted(str(s) for s in by.get(NKG.modality, ()))
    types = sorted(by.get(NKG.eventType, ()))
    return EventSummary(
        iri=event, cls=cls,
        documents=frozenset(by.get(PROV.wasDerivedFrom, ())),
        places=places - countries, countries=countries,
        earliest=_one_date(by.get(NKG.earliestDate, []), max),
        latest=_one_date(by.get(NKG.latestDate, []), min),
        dated_by_text=any(str(t).strip() for t in by.get(NKG.dateText, ())),
        event_type=types[0] if types else None,
        weapons=frozenset(by.get(NKG.weapon, ())),
        aggregate=any(o.toPython() is True for o in by.get(NKG.isAggregate, ()) if isinstance(o, Literal)),
        attackers=frozenset(by.get(NKG.attacker, ())),
        participants=frozenset(by.get(NKG.participant, ())),
        status=status[0] if status else None,
        modality=modality[0] if modality else None,
        mediators=frozenset(by.get(NKG.mediator, ())),
        parties=frozenset(by.get(NKG.party, ())),
    )


def _is_country(triples: Triples, place: Term) -> bool:
    return NKG.Country in triples.objects(place, RDF.type)


def _regions_above(triples: Triples, place: Term) -> frozenset[Term]:
    """The regions a place lies in (``nkg:region``, followed upwards), not the place itself."""
    seen: set[Term] = set()
    todo = [place]
    while todo:
        for region in triples.objects(todo.pop(), NKG.region):
            if region not in seen and region != place:
                seen.add(region)
                todo.append(region)
    return frozenset(seen)


# -- matching ------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _event_type_chains() -> dict[str, frozenset[str]]:
    """Event-type concept IRI -> the IRIs of its broader concepts."""
    from kg.lexicon import event_types

    types = event_types()
    return {t.iri: frozenset(types[b].iri for b in t.broader if b in types) for t in types.values()}


def _related(a: URIRef, b: URIRef, chains: dict[str, frozenset[str]]) -> bool:
    """Equal, or one broader than the other."""
    return a == b or str(b) in chains.get(str(a), ()) or str(a) in chains.get(str(b), ())


def _types_agree(a: URIRef | None, b: URIRef | None) -> bool:
    return a is None or b is None or _related(a, b, _event_type_chains())


def _weapons_agree(a: frozenset[URIRef], b: frozenset[URIRef]) -> bool:
    if not a or not b:
        return True
    lex = weapon_lexicon()

    def covered(xs, ys):
        return all(any(lex.related(str(x), str(y)) for y in ys) for x in xs)

    return covered(a, b) or covered(b, a)


def _window_days(e: EventSummary) -> int:
    return (e.latest - e.earliest).days + 1


def _dates_agree(a: EventSummary, b: EventSummary) -> bool:
    if a.earliest is None or a.latest is None or b.earliest is None or b.latest is None:
        return False
    if _window_days(a) > WIDEST_WINDOW_DAYS or _window_days(b) > WIDEST_WINDOW_DAYS:
        return False
    if not (a.dated_by_text or b.dated_by_text):  # two guesses from the publication dates
        return False
    return max(a.earliest, b.earliest) <= min(a.latest, b.latest)


#: Places whose regions a merge keeps at hand (others are read again from the graph when asked for).
PLACES_KEPT = 4096


class PlaceIndex:
    """The regions above the places that events name (``nkg:region``, followed upwards), read
    from the graph when first asked for; those of the last :data:`PLACES_KEPT` places asked for
    are kept."""

    def __init__(self, above: Callable[[Term], frozenset[Term]]):
        self.above = above

    @classmethod
    def of(cls, triples: Triples, kept: int = PLACES_KEPT) -> "PlaceIndex":
        return cls(functools.lru_cache(maxsize=kept)(lambda place: _regions_above(triples, place)))

    def within(self, p: Term, q: Term) -> bool:
        """``p`` and ``q`` are one place, or one lies in a region the other is."""
        return p == q or p in self.above(q) or q in self.above(p)

    def same_place(self, a: frozenset[Term], b: frozenset[Term]) -> bool:
        """Every place of one side is, contains or lies in a place of the other: the side
        that names more places says more precisely where, it does not name another place
        ("Mogadishu" matches "Mogadishu, Waaberi"; "Mogadishu, Waaberi" does not match
        "Mogadishu, Wadajir")."""
        if not a or not b:
            return False

        def covered(xs, ys):
            return all(any(self.within(x, y) for y in ys) for x in xs)

        return covered(a, b) or covered(b, a)


def _meeting_statuses_agree(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b or frozenset({a, b}) in MEETING_STATUS_KEPT


def matches(a: EventSummary, b: EventSummary, places: PlaceIndex) -> bool:
    """Whether two events are one real event (see the module's description)."""
    if a.cls != b.cls or a.documents & b.documents:
        return False
    if a.cls == NKG.Attack:
        return (places.same_place(a.places, b.places) and _dates_agree(a, b)
                and _types_agree(a.event_type, b.event_type) and _weapons_agree(a.weapons, b.weapons)
                and a.aggregate == b.aggregate
                and (not a.attackers or not b.attackers or bool(a.attackers & b.attackers)))
    if a.cls == NKG.Meeting:
        shared = a.participants & b.participants
        if not (len(shared) >= SHARED_PARTICIPANTS or (shared and a.participants == b.participants)):
            return False
        where_a, where_b = a.places | a.countries, b.places | b.countries
        return (_dates_agree(a, b) and _meeting_statuses_agree(a.status, b.status)
                and (not where_a or not where_b or places.same_place(where_a, where_b))
                and (a.modality is None or b.modality is None or a.modality == b.modality))
    if a.cls == NKG.Mediation:
        return bool(a.mediators and a.parties) and a.mediators == b.mediators and a.parties == b.parties
    return False


def _closeness(a: EventSummary, b: EventSummary) -> tuple:
    """Sort key of a matching pair: the closest pairs first (same place node, same days,
    same kind and weapons), then by IRI."""
    return (not (a.places & b.places), (a.earliest, a.latest) != (b.earliest, b.latest),
            a.event_type != b.event_type, a.weapons != b.weapons, str(a.iri), str(b.iri))


def _days(e: EventSummary) -> list[date]:
    """The days of an event's date window; none when it cannot match another event by date
    (undated, or wider than :data:`WIDEST_WINDOW_DAYS`), so such an event is in no block."""
    if e.earliest is None or e.latest is None or not 0 < _window_days(e) <= WIDEST_WINDOW_DAYS:
        return []
    return [date.fromordinal(d) for d in range(e.earliest.toordinal(), e.latest.toordinal() + 1)]


def _block_keys(e: EventSummary, places: PlaceIndex) -> Iterator[tuple]:
    """Keys that two matching attacks or meetings share at least one of (to avoid comparing
    all pairs): a place (or a region above it) or a participant, with a day of the window.
    Two events that match have overlapping windows, so they share a day; keying by the day
    keeps a block to the events of one place or participant within a week, however many
    documents name it."""
    days = _days(e)
    if e.cls == NKG.Attack:
        for p in e.places:
            for where in (p, *places.above(p)):
                for day in days:
                    yield ("place", where, day)
    elif e.cls == NKG.Meeting:
        for p in e.participants:
            for day in days:
                yield ("participant", p, day)


def _mediation_groups(events: list[EventSummary]) -> list[list[EventSummary]]:
    """Mediations are one when they have the same mediators and parties: an equivalence, so
    they are grouped by those directly rather than pair by pair (one mediation that
    thousands of documents report would make millions of pairs). Within a group, events are
    taken in IRI order, each into the first part holding no event of its documents."""
    by_key: dict[tuple, list[EventSummary]] = {}
    for e in events:
        if e.cls == NKG.Mediation and e.mediators and e.parties:
            by_key.setdefault((tuple(sorted(e.mediators)), tuple(sorted(e.parties))), []).append(e)
    groups = []
    for same in by_key.values():
        parts: list[tuple[list[EventSummary], set[URIRef]]] = []
        for e in sorted(same, key=lambda e: str(e.iri)):
            part = next((p for p in parts if not e.documents & p[1]), None)
            if part is None:
                parts.append(([e], set(e.documents)))
            else:
                part[0].append(e)
                part[1].update(e.documents)
        groups.extend(members for members, _ in parts if len(members) > 1)
    return groups


# -- merging one group ---------------------------------------------------------------------

#: Properties of which a merged event keeps one value, chosen in :func:`merge_group`.
_ONE_VALUE = {NKG.earliestDate, NKG.latestDate, NKG.eventType, NKG.status, NKG.modality, NKG.isAggregate}


def _most_specific_type(types: list[Term]) -> Term | None:
    chains = _event_type_chains()
    # the type that every other one is broader than (or equal to); types agree pairwise
    return min(types, key=lambda t: (-len(chains.get(str(t), ())), str(t)), default=None)


def _facts_of(triples: Triples, count: Term) -> dict[URIRef, list[Term]]:
    facts: dict[URIRef, list[Term]] = {}
    for p, o in triples.outgoing(count):
        facts.setdefault(p, []).append(o)
    return facts


def _is_true(values: list[Term]) -> bool:
    return any(isinstance(v, Literal) and v.toPython() is True for v in values)


def _int(values: list[Term]) -> int | None:
    for v in values:
        try:
            return int(v.toPython())
        except (TypeError, ValueError):
            continue
    return None


@dataclass(frozen=True)
class Claim:
    """One document's casualty count, as a merged attack's claim."""

    iri: Term
    outcome: URIRef
    documents: tuple[URIRef, ...]
    victims: str  # "" when unsaid
    low: int
    high: int | None  # None when open-ended
    vague: bool


def read_claim(iri: Term, facts: dict[URIRef, list[Term]]) -> Claim | None:
    """The claim of a count's facts; None for a count without an outcome or a lower bound."""
    outcomes, low = sorted(facts.get(NKG.outcome, [])), _int(facts.get(NKG.minCount, []))
    if not outcomes or low is None:
        return None
    return Claim(iri, outcomes[0], tuple(sorted(facts.get(PROV.wasDerivedFrom, []))),
                 min((str(v) for v in facts.get(NKG.victims, [])), default=""), low,
                 _int(facts.get(NKG.maxCount, [])), _is_true(facts.get(NKG.isVague, [])))


def figure_groups(claims: list[Claim]) -> dict[tuple[URIRef, str, bool], list[Claim]]:
    """The claims behind each reconciled figure: ``(outcome, victims, headline) -> claims``.

    Documents name their victims in different words ("at least 12 civilians", "15 people"),
    so the victims word alone cannot tell which counts are one figure. Per outcome, each
    document's headline count (its largest lower bound) and its other counts with the same
    victims or none are its claim on the whole toll: one figure across documents, whose
    victims word is kept where all headline counts agree. A document's other counts of that
    outcome ("two soldiers" beside "three civilians") are sub-counts: one figure per victims
    word across documents."""
    by_document: dict[tuple, list[Claim]] = {}
    for c in sorted(claims, key=lambda c: str(c.iri)):
        by_document.setdefault((c.outcome, c.documents[:1] or (c.iri,)), []).append(c)
    headline: dict[URIRef, list[Claim]] = {}
    headline_victims: dict[URIRef, set[str]] = {}
    subcounts: dict[tuple[URIRef, str, bool], list[Claim]] = {}
    for (outcome, _), counts in sorted(by_document.items(), key=lambda kv: (str(kv[0][0]), str(kv[0][1]))):
        top = min(counts, key=lambda c: (-c.low, c.victims, str(c.iri)))
        headline_victims.setdefault(outcome, set()).add(top.victims)
        for c in counts:
            if c is top or c.victims in ("", top.victims):
                headline.setdefault(outcome, []).append(c)
            else:
                subcounts.setdefault((outcome, c.victims, False), []).append(c)
    groups = {}
    for outcome, group in headline.items():
        victims = headline_victims[outcome]
        groups[outcome, next(iter(victims)) if len(victims) == 1 else "", True] = group
    groups.update(subcounts)
    return groups


def reconciled_counts(keep: URIRef, claims: list[Claim]) -> Iterator[Triple]:
    """The reconciled counts of a merged attack from its claims (see :func:`figure_groups`):
    the smallest lower bound, the largest upper bound (none when a claim is open-ended),
    derived from every document with a claim behind it."""
    for (outcome, victims, headline), group in sorted(figure_groups(claims).items(),
                                                       key=lambda kv: (str(kv[0][0]), not kv[0][2], kv[0][1])):
        local = outcome.split("#")[-1].lower()
        node = URIRef(f"{keep}/reconciled/{local}" + ("" if headline else f"/{slug(victims)}"))
        low = min(c.low for c in group)
        yield keep, NKG.casualties, node
        yield node, RDF.type, NKG.CasualtyCount
        yield node, NKG.reconciled, Literal(True)
        yield node, NKG.outcome, outcome
        yield node, NKG.minCount, Literal(low, datatype=XSD.integer)
        if all(c.high is not None for c in group):
            yield node, NKG.maxCount, Literal(max(max(c.high for c in group), low), datatype=XSD.integer)
        yield node, NKG.isVague, Literal(any(c.vague for c in group if c.low == low))
        if victims:
            yield node, NKG.victims, Literal(victims)
        for doc in sorted({d for c in group for d in c.documents}):
            yield node, PROV.wasDerivedFrom, doc
        for c in sorted(group, key=lambda c: str(c.iri)):
            yield node, NKG.reconciledFrom, c.iri


def excerpt_triples(keep: URIRef, excerpts: dict[URIRef, set[Literal]]) -> Iterator[Triple]:
    """The excerpts of a merged event: per document, its sentence(s) and the document, so that
    a query pairs each document with its own words (``nkg:evidence`` holds the sentences
    without their documents)."""
    for doc in sorted(excerpts):
        node = URIRef(f"{keep}/excerpt/{slug(str(doc).rpartition('/')[2])}")
        yield keep, NKG.excerpt, node
        yield node, RDF.type, NKG.Excerpt
        for text in sorted(excerpts[doc]):
            yield node, NKG.excerptText, text
        yield node, PROV.wasDerivedFrom, doc


def merge_group(triples: Triples, group: list[EventSummary]) -> URIRef:
    """Make one node of the events of ``group`` (sorted by IRI); returns its IRI."""
    keep = group[0].iri
    members = {e.iri for e in group}
    old: list[Triple] = []
    facts: dict[URIRef, list[Term]] = {}
    claims: dict[Term, dict[URIRef, list[Term]]] = {}
    excerpts: dict[URIRef, set[Literal]] = {}
    incoming: list[Triple] = []
    for e in group:
        sentences, had_excerpts = [], False
        for p, o in triples.outgoing(e.iri):
            old.append((e.iri, p, o))
            if p == NKG.excerpt:  # an earlier merge's excerpt: made again below, under ``keep``
                had_excerpts = True
                excerpt = _facts_of(triples, o)
                old.extend((o, xp, xo) for xp, xos in excerpt.items() for xo in xos)
                for doc in excerpt.get(PROV.wasDerivedFrom, []):
                    excerpts.setdefault(doc, set()).update(excerpt.get(NKG.excerptText, []))
                continue
            if p == NKG.evidence:
                sentences.append(o)
            if p in (NKG.casualties, NKG.casualtyClaim):
                count = _facts_of(triples, o)
                if _is_true(count.get(NKG.reconciled, [])):  # an earlier merge's figure: made again below
                    old.extend((o, cp, co) for cp, cos in count.items() for co in cos)
                    continue
                if not count.get(PROV.wasDerivedFrom) and len(e.documents) == 1:  # a graph of older builds
                    triples.add([(o, PROV.wasDerivedFrom, next(iter(e.documents)))])
                    count[PROV.wasDerivedFrom] = [next(iter(e.documents))]
                claims[o] = count
                continue
            facts.setdefault(p, []).append(o)
        if not had_excerpts and len(e.documents) == 1:  # one document's event: its sentences are that document's
            excerpts.setdefault(next(iter(e.documents)), set()).update(sentences)
        for s, p in triples.incoming(e.iri):
            if s not in members:
                old.append((s, p, e.iri))
                incoming.append((s, p, keep))
    new: set[Triple] = set(incoming)
    for p, values in facts.items():
        if p not in _ONE_VALUE:
            new.update((keep, p, o) for o in values)
    earliest = max(e.earliest for e in group) if all(e.earliest for e in group) else None
    latest = min(e.latest for e in group) if all(e.latest for e in group) else None
    if earliest is not None and latest is not None and earliest <= latest:
        new.add((keep, NKG.earliestDate, Literal(earliest.isoformat(), datatype=XSD.date)))
        new.add((keep, NKG.latestDate, Literal(latest.isoformat(), datatype=XSD.date)))
    event_type = _most_specific_type(facts.get(NKG.eventType, []))
    if event_type is not None:
        new.add((keep, NKG.eventType, event_type))
    statuses = sorted({str(s) for s in facts.get(NKG.status, [])})
    if statuses:
        status = MEETING_STATUS_KEPT.get(frozenset(statuses), statuses[0])
        new.add((keep, NKG.status, Literal(status)))
    for p in (NKG.modality, NKG.isAggregate):
        values = sorted(facts.get(p, []))
        if values:
            new.add((keep, p, values[0]))
    for count in claims:
        new.add((keep, NKG.casualtyClaim, count))
    new.update(reconciled_counts(keep, [c for c in (read_claim(k, f) for k, f in claims.items()) if c]))
    new.update(excerpt_triples(keep, excerpts))
    kept = set(old) & new  # written again as they are: left in place
    triples.remove(t for t in old if t not in kept)
    triples.add(new - kept)
    return keep


# -- the whole graph -----------------------------------------------------------------------


def _candidate_events(triples: Triples, documents: Iterable[URIRef] | None) -> Iterator[tuple[URIRef, URIRef]]:
    """``(event, class)`` of every event that could be merged, each once: all of them, or, given
    the documents just added, theirs and the events sharing a place, participant or mediator
    with them (read one document at a time: what is kept is the IRI of each event found, and
    each place and agent looked up)."""
    if documents is None:
        for cls in MERGED_CLASSES:
            for e in triples.subjects(RDF.type, cls):
                yield e, cls
        return
    found: set[Term] = set()
    expanded: set = set()  # places whose surroundings were looked up
    gathered: set = set()  # places whose events were gathered
    agents: set = set()  # each place and agent looked up once, however many new events name it

    def events_of(nodes: Iterable[Term]) -> Iterator[tuple[URIRef, URIRef]]:
        for node in nodes:
            if node in found:
                continue
            classes = [c for c in triples.objects(node, RDF.type) if c in MERGED_CLASSES]
            if classes:
                found.add(node)
                yield from ((node, cls) for cls in classes)

    for doc in documents:
        yield from events_of(triples.subjects(PROV.wasDerivedFrom, doc))
        for e in triples.subjects(PROV.wasDerivedFrom, doc):
            if e not in found:  # not an event
                continue
            for place in triples.objects(e, NKG.location):
                if place in expanded:
                    continue
                expanded.add(place)
                near = {place} | _regions_above(triples, place)
                near |= set(triples.subjects(NKG.region, place))
                for p in near - gathered:
                    yield from events_of(triples.subjects(NKG.location, p))
                gathered |= near
            for p in (NKG.participant, NKG.mediator):
                for agent in triples.objects(e, p):
                    if (p, agent) not in agents:
                        agents.add((p, agent))
                        yield from events_of(triples.subjects(p, agent))


def _window(triples: Triples, event: Term) -> tuple[date | None, date | None]:
    """An event's date window as :func:`summarize` reads it."""
    return (_one_date(triples.objects(event, NKG.earliestDate), max),
            _one_date(triples.objects(event, NKG.latestDate), min))


@dataclass
class _Component:
    """Attacks or meetings joined by matching pairs, as the sweep finds them: every pair that
    groups can be made of is between two of them. ``last`` is the last day of their windows: once
    the sweep has passed it, no event to come can match one of them."""

    events: list[EventSummary]
    pairs: dict[tuple[URIRef, URIRef], tuple[EventSummary, EventSummary]]
    last: date
    absorbed: bool = False


def _pair_groups(events: list[EventSummary],
                 pairs: dict[tuple[URIRef, URIRef], tuple[EventSummary, EventSummary]]) -> list[list[EventSummary]]:
    """Groups of two or more events from their matching pairs, the best-matching pairs first
    (:func:`_closeness`); a pair joins two groups only if every event of one matches every event
    of the other and they hold no document in common. Each group sorted by IRI."""
    group = {e.iri: [e] for e in events}
    docs = {e.iri: set(e.documents) for e in events}  # the documents of each group, by its first event
    for a, b in sorted(pairs.values(), key=lambda ab: _closeness(*ab)):
        ga, gb = group[a.iri], group[b.iri]
        if ga is gb:
            continue
        if docs[ga[0].iri] & docs[gb[0].iri]:
            continue
        if not all((x.iri, y.iri) in pairs or (y.iri, x.iri) in pairs for x in ga for y in gb):
            continue
        docs[ga[0].iri] |= docs.pop(gb[0].iri)
        ga.extend(gb)
        for e in gb:
            group[e.iri] = ga
    found = {id(g): g for g in group.values() if len(g) > 1}
    return [sorted(g, key=lambda e: str(e.iri)) for g in found.values()]


def dated_groups(triples: Triples, events: Iterable[tuple[int, str, URIRef]],
                 places: PlaceIndex) -> Iterator[list[EventSummary]]:
    """The groups of attacks and meetings, from ``(first day as an ordinal, IRI, class)`` of each
    candidate that has a date window of one to :data:`WIDEST_WINDOW_DAYS` days, in date order.

    A sweep in date order: each event is read (:func:`summarize`) when the sweep reaches its
    first day and compared with the events read before it that share a block with it
    (:func:`_block_keys`: a place or participant, with a day); matching pairs join their
    events' components. Before the sweep moves to a day, the blocks of the days before it are
    dropped (no event to come has those days) and each component whose events all end before
    it is finished: its groups are made (:func:`_pair_groups`) and yielded, and its events
    forgotten. So memory holds the events of a date window and their pairs, not those of the
    corpus; and the groups are those that comparing all the events at once gives, since the
    pairs of one component decide its groups alone."""
    blocks: dict[date, dict[tuple, list[EventSummary]]] = {}
    component: dict[URIRef, _Component] = {}
    open_components: list[tuple[date, int, _Component]] = []  # a heap by last day
    pushed = itertools.count()

    def finish(before: date | None) -> Iterator[list[EventSummary]]:
        while open_components and (before is None or open_components[0][0] < before):
            last, _, c = heapq.heappop(open_components)
            if c.absorbed or c.last != last:  # joined to another, or its last day moved on
                continue
            for e in c.events:
                del component[e.iri]
            if c.pairs:
                yield from _pair_groups(c.events, c.pairs)
        for day in [d for d in blocks if before is None or d < before]:
            del blocks[day]

    def join(a: _Component, b: _Component) -> _Component:
        if a is b:
            return a
        if len(a.events) < len(b.events):
            a, b = b, a
        a.events.extend(b.events)
        a.pairs.update(b.pairs)
        for e in b.events:
            component[e.iri] = a
        b.absorbed, b.events, b.pairs = True, [], {}
        if b.last > a.last:
            a.last = b.last
            heapq.heappush(open_components, (a.last, next(pushed), a))
        return a

    for first, iri, cls in events:
        yield from finish(date.fromordinal(first))
        e = summarize(triples, URIRef(iri), cls)
        keys = set(_block_keys(e, places))
        if not keys:
            continue
        mine = _Component([e], {}, e.latest)
        component[e.iri] = mine
        heapq.heappush(open_components, (mine.last, next(pushed), mine))
        compared: set[URIRef] = set()
        for key in keys:
            block = blocks.setdefault(key[2], {}).setdefault(key, [])
            for other in block:
                if other.iri in compared:
                    continue
                compared.add(other.iri)
                a, b = sorted((other, e), key=lambda x: str(x.iri))
                if matches(a, b, places):
                    mine = join(component[other.iri], mine)
                    mine.pairs[a.iri, b.iri] = (a, b)
            block.append(e)
    yield from finish(None)


def mediation_groups(triples: Triples, events: dict[tuple, list[str]]) -> Iterator[list[EventSummary]]:
    """The groups of mediations, from the IRIs of the candidates by ``(mediators, parties)``:
    each set of two or more read (:func:`summarize`) and split as :func:`_mediation_groups` does."""
    for same in events.values():
        if len(same) > 1:
            yield from _mediation_groups([summarize(triples, URIRef(iri), NKG.Mediation) for iri in same])


def merge_events(target, documents: Iterable[URIRef] | None = None) -> list[list[URIRef]]:
    """Merge the events that several documents report, in an rdflib ``Graph`` or a
    ``pyoxigraph.Store`` (its default graph; or any :class:`Triples`). With ``documents``
    (the documents just added, read once), only events that could match theirs are looked at.
    Returns the merged groups, each a list of IRIs whose first is the node kept, sorted by it.

    First each candidate is noted by its first day (attacks and meetings with a window of one
    to :data:`WIDEST_WINDOW_DAYS` days; the others can match nothing by date) or by its
    mediators and parties (mediations); then :func:`dated_groups` sweeps the dated ones in date
    order, each group merged (:func:`merge_group`) as soon as its events are found, and the
    mediations are grouped and merged."""
    triples = triples_of(target)
    dated: list[tuple[int, str, URIRef]] = []
    mediations: dict[tuple, list[str]] = {}
    for e, cls in _candidate_events(triples, documents):
        if cls == NKG.Mediation:
            mediators, parties = triples.objects(e, NKG.mediator), triples.objects(e, NKG.party)
            if mediators and parties:
                key = (tuple(sorted({str(m) for m in mediators})), tuple(sorted({str(p) for p in parties})))
                mediations.setdefault(key, []).append(str(e))
            continue
        earliest, latest = _window(triples, e)
        if earliest is not None and latest is not None and 0 < (latest - earliest).days + 1 <= WIDEST_WINDOW_DAYS:
            dated.append((earliest.toordinal(), str(e), cls))
    dated.sort()
    places = PlaceIndex.of(triples)
    merged = []
    for group in itertools.chain(dated_groups(triples, dated, places), mediation_groups(triples, mediations)):
        merge_group(triples, group)
        merged.append([e.iri for e in group])
    return sorted(merged, key=lambda g: str(g[0]))
