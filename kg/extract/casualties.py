"""Casualty counts in a sentence: who was killed or injured, and how many.

An *outcome anchor* is a word that says people were killed or injured: a verb
("killed", "died", "wounded", "shot dead", "claimed ... lives", "left ... dead"),
a participle or adjective ("12 injured", "dead") or a noun ("injuries", "bodies",
"death toll"). The count is read from the phrase the anchor governs (its object,
its passive or intransitive subject, its numeric modifier, or the figure a toll
is put at), never from the nearest number, so munitions, buildings and
evacuees are not counted. The verbs are those of FrameNet's Killing, Death and
Cause_harm frames, listed with their readings in ``kg/data/casualty_words.json``.

How phrases are read:

* A figure or a vague quantity is read by ``kg.resolve.numbers.parse_count``.
  Without one, a singular person ("a child was killed", "killed the driver",
  "attacked and killed him", "beheaded a man") is one, and a named person is one.
  A plural without a figure ("killed civilians") gives no count.
* Listed groups are one toll ("killed the driver and a passenger", "4 soldiers,
  1 policeman and 2 attackers killed", "a farmer and four farm workers"): one
  count of their sum, without a victims group, and the children among them a
  sub-count; the figures of one group are added up ("6 commandos ... 2 police
  commandos"). Parts and alternatives of one figure ("including a child", "(4
  according to the rebels)", "6 civilians, four from one clan ...") are not added.
  Attackers killed are victims too: alone, they keep their own noun ("assailant",
  "militant", "bomber").
* A harm verb alone ("three men were shot", "stabbed") is Injured; with "dead" or
  "to death", or joined to a killing verb ("shot and killed"), it is Killed.
* A stated none ("no casualties", "there were no injuries or fatalities",
  "no one was hurt" (both outcomes; "no one was injured" the one), "escaped unharmed",
  "without casualties", "did not cause
  any casualties") is a count of 0, not vague, for the outcomes the words name
  ("casualties" and "unharmed" name both). It is left out when the sentence also
  gives a figure for that outcome or says "no *other* / *serious* casualties".
* Deaths stated without a figure ("the attack had caused fatalities") are at
  least one, vague, open.
* An unknown count ("casualties unknown", "an unknown number of civilians were
  killed", "fatalities unknown") gives *no* count: ``nkg:minCount`` is a lower
  bound and 0 is kept for a stated none, so nothing is written rather than a
  figure nobody stated.
* One figure shared by a killing and an injuring word ("dozens were killed and
  injured", "killing and wounding several"), and "casualties"/"losses" ("heavy
  casualties") speak of killed and injured together: no count for either.
* Animals are not victims ("four of her goats were killed").
* A counted part ("seven people, including five children") is kept as a
  sub-count only when it is made of children (victims "child"); other parts
  ("including a chief", "one of them") are already in the main count.
* A collective with "a" ("a group of herders", "a family") is no count of one.
* The same figure told twice in one sentence, once for a named group and once
  for everyone ("3 policemen were killed ... 3 fatalities"), is kept once.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.tokens import Span, Token

from kg.extract.context import sentence_words
from kg.lexicon import event_words as _w
from kg.lexicon import load_json, read_tsv, weapon_lexicon, word_set
from kg.records import CasualtyRecord
from kg.resolve.numbers import MONTH_WORDS, Count, is_measure_unit, parse_count, parse_number

KILLED = "Killed"
INJURED = "Injured"
_DATA = "casualty_words.json"
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday today yesterday".split())
_ONE_PERSON_DEPS = {"dobj", "nsubjpass", "nsubj", "conj", "appos", "attr"}
_NON_COUNT_ENTS = {"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "GPE"}


@lru_cache(maxsize=None)
def casualty_words(key: str) -> frozenset[str]:
    """One word list of ``casualty_words.json``."""
    return frozenset(str(w).lower() for w in load_json(_DATA)[key]["words"])


@lru_cache(maxsize=1)
def _zero_nouns() -> dict[str, tuple[str, ...]]:
    return {k.lower(): tuple(v) for k, v in load_json(_DATA)["zero_nouns"]["words"].items()}


@dataclass(frozen=True)
class CasualtyMention:
    anchor: Token
    record: CasualtyRecord
    superseded: bool  # an earlier, replaced figure ("the previously reported toll of 85")
    revision: bool  # a revised figure ("the toll rose to 12")
    part: bool = False  # some of the casualties only ("three children were among the dead")
    claimed: bool = False  # a party's claim or another account ("the rebels claim 15 fatalities")


# -- outcome words ------------------------------------------------------------

def _is_verb(tok: Token) -> bool:
    return tok.pos_ in {"VERB", "AUX"} or tok.tag_ in {"VBN", "VBD", "VBG"}


def _death_result(verb: Token) -> bool:
    """'shot dead', 'beaten to death', 'shot and killed'."""
    for c in verb.children:
        if c.lower_ in casualty_words("death_results") and c.dep_ in {"oprd", "acomp", "advmod", "xcomp", "dobj", "ccomp", "amod", "conj"}:
            return True
        if c.dep_ == "prep" and c.lower_ == "to" and any(p.lemma_.lower() == "death" for p in c.children):
            return True
    after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if after is not None and after.lower_ in casualty_words("death_results") and after.dep_ == "amod" \
            and after.head.dep_ == "dobj" and after.head.head == verb:
        return True  # "shot dead two teachers", "dead" read as the object's adjective
    if any(c.dep_ == "dobj" for c in verb.children):
        return False  # "killed seven people, burned houses": the houses are not the dead
    return any(_verb_outcome(c, follow=False) == KILLED for c in verb.conjuncts)


def _verb_outcome(tok: Token, follow: bool = True) -> str | None:
    lemma = tok.lemma_.lower()
    if lemma in casualty_words("kill_verbs") or lemma in casualty_words("death_verbs"):
        return KILLED
    if lemma in casualty_words("injure_verbs"):
        return INJURED
    if lemma in casualty_words("care_verbs") and follow and _cared_for(tok):
        return INJURED
    if lemma in casualty_words("harm_verbs") or lemma in casualty_words("death_only_harm_verbs"):
        if not follow or _not_harm(tok):
            return None
        if _death_result(tok):
            return KILLED
        return INJURED if lemma in casualty_words("harm_verbs") else None
    return None


def _cared_for(verb: Token) -> bool:
    """'admitted to hospital with wounds', 'treated for injuries', 'rushed to a clinic': the
    people are injured (a passive or participle clause, never 'took the town')."""
    passive = verb.tag_ == "VBN" or any(c.dep_ == "auxpass" for c in verb.children) or (
        verb.dep_ == "conj" and any(c.dep_ == "auxpass" for c in verb.head.children))  # "were killed and 83 admitted"
    if not passive:
        return False
    return any(p.lemma_.lower() in casualty_words("care_objects") for c in verb.children if c.dep_ == "prep"
               for p in c.children if p.dep_ == "pobj")


def _not_harm(verb: Token) -> bool:
    """'shot down a drone', 'fired at', 'beat back the attack', 'the convoy was shot at': no one is
    struck. Not 'two officers were shot dead at a checkpoint', 'shot two men at a market': there
    "at" tells where."""
    if any(c.dep_ == "prt" for c in verb.children):
        return True
    ats = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "at"]
    if not ats:
        return False
    if any(not any(p.dep_ == "pobj" for p in a.children) for a in ats):
        return True  # "was shot at": the preposition left without its object
    passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)
    struck = any(c.dep_ == "dobj" for c in verb.children)
    return not (passive or struck)


@lru_cache(maxsize=1)
def _outcome_words() -> tuple[frozenset[str], frozenset[str]]:
    """The lemmas and the lower-case forms one of which every reading of :func:`_outcomes` asks
    for: the other words are passed over at once."""
    lemmas = frozenset({"dead", "death"}).union(
        casualty_words("kill_verbs"), casualty_words("death_verbs"), casualty_words("injure_verbs"),
        casualty_words("care_verbs"), casualty_words("harm_verbs"), casualty_words("death_only_harm_verbs"),
        _w("killing_nouns"))
    return lemmas, _w("injure_words") | _w("kill_words")


def _outcomes(anchor: Token) -> list[str]:
    lemma, lower = anchor.lemma_.lower(), anchor.lower_
    lemmas, forms = _outcome_words()
    if lemma not in lemmas and lower not in forms:
        return []
    if _is_verb(anchor) and lemma not in {"leave", "claim"}:
        if lower in _w("injure_words") and lemma not in casualty_words("kill_verbs"):
            return [INJURED]
        out = _verb_outcome(anchor)
        if out:
            return [out]
        if lemma not in lemmas:
            return []  # "who lives in Doha": the verb "live", a form of the noun of "lost their lives" only
    if lower in _w("kill_words") or lemma in {"dead", "death"}:
        return [KILLED]
    if anchor.pos_ == "NOUN" and lemma in _w("killing_nouns") and _of_group(anchor) is not None and not _referred_to(anchor):
        return [KILLED]  # "the killing of 12 civilians", "the slaying of a farmer and his two sons"
    if lower in _w("injure_words") and lower != "casualties":
        return [INJURED]
    return []


# -- count phrases --------------------------------------------------------------

def _count_phrase(head: Token) -> str:
    """The words of a count phrase up to and including its head noun."""
    return _count_span(head).text


def _count_span(head: Token) -> Span:
    """The count phrase of a head noun (see ``_count_phrase``).

    A date or a colon before the figure is not part of it ("27 February: two killed").
    """
    toks = [t for t in head.subtree if t.i <= head.i]
    if head.dep_ == "pobj" and head.head.lower_ in {"between", "from"} and head.head.i < head.i:
        toks = [head.head] + toks  # "between 10 and 20 militants"
    start = min(t.i for t in toks) if toks else head.i
    orphan = _orphan_number(head)
    if orphan is not None:
        start = min(start, orphan.i)
    for t in toks:
        if t.i < head.i and (t.text in {":", ";", "(", ")"} or _date_word(t)) and head.ent_type_ not in {"DATE", "TIME"}:
            start = max(start, t.i + 1)
    end = head.i + 1
    if head.lower_ in {"tens", "hundreds", "dozens", "scores"}:
        # "killed tens of thousands": the figure runs on to the multiple it counts
        more = next((p for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                     if p.dep_ == "pobj" and p.lower_ in {"hundreds", "thousands", "millions"}), None)
        if more is not None:
            end = more.i + 1
    return head.doc[start:end]


def _count_in(phrase: Span) -> Count | None:
    """The count a count phrase gives, its ages left out ("the 38-year-old driver" is one)."""
    ages = _age_words(phrase[-1])
    return parse_count("".join(t.text_with_ws for t in phrase if t.i not in ages).strip())


def _age_words(head: Token) -> set[int]:
    """The words of an age before a noun ("the 38-year-old driver", "a man, 50 years old"): no count."""
    doc, out = head.doc, set()
    for t in head.subtree:
        if not t.like_num:
            continue
        rest = [w.lower_ for w in doc[t.i + 1 : t.i + 5] if w.text != "-"]
        if rest[:2] in (["year", "old"], ["years", "old"]) or rest[:1] == ["year-old"]:
            end = next(w.i for w in doc[t.i + 1 : t.i + 5] if w.lower_ == "old" or w.lower_ == "year-old")
            out |= set(range(t.i, end + 1))
    return out


def _date_word(tok: Token) -> bool:
    """A word of a date before a count ('27 February: two killed'), not 'between 10 and 20' tagged as one."""
    if tok.ent_type_ not in {"DATE", "TIME"}:
        return False
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    words = ent if ent is not None else [tok]
    return any(w.lower_ in MONTH_WORDS or w.lower_ in _WEEKDAYS or (w.is_digit and len(w.text) == 4) for w in words)


def _referred_to(noun: Token) -> bool:
    """A killing named as the cause of something else ("a march held in response to the killing of
    three men", "after the killing of ..."): an earlier event the sentence only refers to."""
    background = load_json("violence_words.json")
    for anc in noun.ancestors:
        if anc.pos_ in {"VERB", "AUX"}:
            return False
        if anc.dep_ == "prep" and anc.lower_ == "for" and anc.head.lemma_.lower() in _w("accusation_verbs") | {"responsibility"}:
            return False  # "was blamed for the killing of four farmers": the killing itself, someone's
        if (anc.dep_ == "prep" and anc.lower_ in background["background_preps"]) or anc.lemma_.lower() in background["background_nouns"]:
            return True
    return False


def _killing_of(anchor: Token, group: Token) -> bool:
    """"the killing of a farmer and his two sons": a killing noun and the people after its "of"."""
    return anchor.pos_ == "NOUN" and anchor.lemma_.lower() in _w("killing_nouns") | {"death"} and _of_group(anchor) is group


def _of_group(head: Token) -> Token | None:
    """'dozens of people', 'four of his staff': the group after 'of'."""
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for p in c.children:
                if p.dep_ == "pobj":
                    return p
    return None


def _is_count_word(tok: Token) -> bool:
    if tok.lemma_.lower() in casualty_words("count_nouns") or tok.lower_ in casualty_words("count_nouns"):
        return True
    return tok.like_num or tok.pos_ == "NUM" or parse_count(tok.lower_) is not None or parse_count(tok.lemma_) is not None


@lru_cache(maxsize=1)
def _demonym_singulars() -> dict[str, str]:
    """A people's plural noun -> its singular ("palestinians" -> "palestinian")."""
    return {plural.strip().lower(): row["demonym"].lower() for row in read_tsv("demonyms.tsv")
            for plural in row["plurals"].split("|") if plural.strip()}


def _victims(head: Token) -> str | None:
    if _person_read_as_adjective(head):
        return head.lower_  # "Bomb kills civilian"
    if head.lower_ in casualty_words("pronoun_victims"):
        return _antecedent(head)
    if head.pos_ == "PROPN" or head.ent_type_ in {"PERSON", "NORP", "ORG"}:
        if _numbered(head):
            # "12 Fulani", "20 Al Shabaab": the group's name
            words = [t for t in head.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [head]
            singulars = _demonym_singulars()  # "two Palestinians": a palestinian each, as a victims noun
            return " ".join(singulars.get(t.lemma_.lower(), t.lemma_.lower()) for t in words)
        for t in head.lefts:
            if t.pos_ == "NOUN":
                return " ".join(x.lower_ for x in head.doc[t.left_edge.i : t.i + 1] if x.pos_ in {"NOUN", "ADJ"})
        # "Moses Mpoe, the manager of the farm": the role in apposition
        role = next((c for c in head.children if c.dep_ == "appos" and c.pos_ == "NOUN" and c.tag_ == "NN"), None)
        return role.lemma_.lower() if role is not None else None
    group = _of_group(head)
    if group is not None and _is_count_word(head):
        return _victims(group)  # "dozens of people", "scores of children": the group is after "of"
    if head.pos_ != "NOUN" or _is_count_word(head):
        return None
    lemma = head.lemma_.lower()
    if lemma in {"member", "life"} and group is not None:
        # "members of one family", "the lives of 23 soldiers": the group says who they were
        return _victims(group) or lemma
    if lemma in {"person", "people", "other", "life", "body", "more", "death", "injury", "casualty", "fatality", "one"}:
        return None
    return lemma


def _antecedent(pron: Token) -> str | None:
    """'attacked the editor and killed him': the person an attack verb before took as its object."""
    verb = pron.head
    first = verb.head if verb.dep_ == "conj" else None
    if first is None or first.i >= verb.i:
        return None
    lemma = first.lemma_.lower()
    if lemma in _w("attack_verbs") or lemma in casualty_words("harm_verbs") or lemma in casualty_words("abduct_verbs"):
        obj = next((c for c in first.children if c.dep_ == "dobj" and c.tag_ == "NN" and _one_person(c)), None)
        if obj is not None:
            return obj.lemma_.lower()
    return None


def _orphan_number(head: Token) -> Token | None:
    """'twelve Fulani and one Dogon' parsed with 'one' and 'Dogon' as two conjuncts: the figure of the name."""
    if head.i == 0 or head.pos_ not in {"PROPN", "NOUN"}:
        return None
    prev = head.doc[head.i - 1]
    if prev.pos_ == "NUM" and prev.dep_ == "conj" and head.dep_ == "conj" and prev.head == head.head:
        return prev
    return None


def _numbered(head: Token) -> bool:
    """Whether a figure modifies ``head`` ("12 Fulani", "more than 20 Al Shabaab")."""
    if _orphan_number(head) is not None:
        return True
    return any(c.dep_ in {"nummod", "quantmod"} or (c.like_num and c.i < head.i) for c in head.children)


def _animal(tok: Token) -> bool:
    """Animals and munitions are not victims ('three of his buffaloes', 'shot down two drones')."""
    lemma, lower = tok.lemma_.lower(), tok.lower_
    if lemma in casualty_words("animals") or lower in casualty_words("animals") or lemma in casualty_words("things") or lower in casualty_words("things"):
        return True
    labels = weapon_lexicon().by_label
    return tok.pos_ == "NOUN" and (lemma in labels or lower in labels)


def _one_person(tok: Token) -> bool:
    """A singular noun naming one person ('the driver', 'his son', 'a man'); also a person noun the
    tagger read as an adjective for want of an article ("Bomb kills civilian")."""
    if _person_read_as_adjective(tok):
        return True
    if tok.pos_ != "NOUN" or tok.tag_ != "NN" or _animal(tok):
        return False
    if tok.lemma_.lower() in casualty_words("not_one_person") or tok.lower_ in casualty_words("not_one_person"):
        # "the youth" are many, "a youth" is one
        return tok.lower_ in casualty_words("one_with_article") and any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in tok.children)
    if tok.ent_type_ in _NON_COUNT_ENTS or _is_count_word(tok):
        return False
    return not any(c.dep_ == "det" and c.lower_ in {"no", "every", "each", "all", "any"} for c in tok.children)


def _person_read_as_adjective(tok: Token) -> bool:
    return tok.pos_ == "ADJ" and tok.dep_ in {"dobj", "nsubjpass"} and tok.lower_ in word_set("violence_words.json", "person_nouns")


def _unknown(head: Token) -> bool:
    words = [t for t in head.subtree if t.i <= head.i] + [c for c in head.children if c.i > head.i and c.dep_ in {"amod", "acomp"}]
    return any(t.lower_ in casualty_words("unknown_markers") for t in words)


def _record_from(head: Token, outcome: str, quote_span: Span | None = None) -> CasualtyRecord | None:
    if _unknown(head) or _animal(head) or is_measure_unit(head.lower_):
        return None
    group = _of_group(head)
    done_to = head.dep_ in {"dobj", "nsubjpass", "nsubj"} and head.head.lemma_.lower() in \
        casualty_words("kill_verbs") | casualty_words("injure_verbs") | casualty_words("death_verbs")
    if group is not None and _is_count_word(head) and (_animal(group) or group.pos_ == "PRON" and not done_to):
        # "three of his buffaloes"; "..., one of them a child": a part of a group counted already
        # (not "ambushed a convoy, killing 13 of them": the ones the verb was done to)
        return None
    if head.lower_ in casualty_words("pronoun_victims"):
        return CasualtyRecord(outcome, 1, 1, False, head.text, _victims(head))
    numbered = _numbered(head)
    if not numbered and (head.ent_type_ == "PERSON" or (head.pos_ == "PROPN" and head.ent_type_ in {"", "PERSON"})):
        # a named victim: one person
        text = (quote_span or head.doc[head.left_edge.i : head.i + 1]).text
        return CasualtyRecord(outcome, 1, 1, False, text, _victims(head))
    if head.ent_type_ in _NON_COUNT_ENTS and head.pos_ != "NUM":
        return None
    if head.ent_type_ == "ORG" and not numbered:
        return None
    span = _count_span(head)
    phrase, count = span.text, _count_in(span)
    if count is None:
        # "wounded dozens more": the count is the head's own number (not a listed group's)
        conj = {t.i for c in head.children if c.dep_ in {"conj", "appos"} for t in c.subtree}
        # nor a number of a clause or phrase told of the victims ("the member killed in eight
        # months of fire"): only the head's own words ("dozens more", "scores of others")
        conj |= {t.i for c in head.children if c.dep_ in {"acl", "relcl", "advcl"}
                 or (c.dep_ == "prep" and c.lower_ != "of") for t in c.subtree}
        conj |= _age_words(head)
        nums = [t for t in head.subtree if (t.like_num or t.pos_ == "NUM") and t.i not in conj]
        if nums:
            count = _count_in(_count_span(nums[0]))
        elif (head.dep_ in _ONE_PERSON_DEPS or (head.dep_ == "pobj" and head.head.lower_ == "with")) and _one_person(head):
            return CasualtyRecord(outcome, 1, 1, False, phrase, _victims(head))
        if count is None:
            return None
    lemma = head.lemma_.lower()
    if count.text.lower() in {"a", "an"} and (lemma in casualty_words("count_nouns") or lemma in casualty_words("not_one_person")) \
            and lemma not in casualty_words("one_with_article"):
        return None  # "a group of villagers", "a family": not one person
    victims = _victims(head) if head.pos_ in {"NOUN", "PROPN", "NUM"} or head.ent_type_ or _person_read_as_adjective(head) \
        else None
    return CasualtyRecord(outcome, count.min, count.max, count.vague, phrase, victims)


def _superseded(context: list[Token], head: Token) -> bool:
    """'the previously reported toll of 85', 'an earlier figure of 12': a replaced figure.

    An adjective marks a figure only on a noun ('the earlier toll'), not as a time of the
    event itself ('hours earlier, a strike killed five people').
    """
    inside = {t.i for t in head.subtree}
    markers = _w("superseded_markers")
    for t in context:
        if t.lower_ in markers or t.lemma_.lower() in markers:
            if t.ent_type_ in {"DATE", "TIME"} or t.head.ent_type_ in {"DATE", "TIME"}:
                continue  # "earlier this month", "the previous day": when it happened, not an old figure
            # on the figure or on a word for a toll or a report ("an earlier figure", "initial reports"),
            # not on whoever is counted or acts ("former FARC dissidents killed a police officer")
            figure_nouns = casualty_words("toll_nouns") | casualty_words("report_nouns")
            if t.i in inside or t.head.pos_ in {"NOUN", "PROPN"} and t.head.lemma_.lower() in figure_nouns \
                    or t.pos_ == "ADV" and t.head.lemma_.lower() in _w("report_verbs"):
                return True
    return False


def _marked(tokens, markers: frozenset[str]) -> bool:
    return any(t.lower_ in markers or t.lemma_.lower() in markers for t in tokens)


# -- listed groups ---------------------------------------------------------------

def _listed(head: Token, anchor: Token, anchors: set[int]) -> list[Token]:
    """``head`` and the groups listed with it, on the same side of the anchor.

    Conjuncts are followed ("a farmer and his son"); an apposition only when both it
    and the head carry a figure ("4 soldiers, 1 policeman"), not one that restates
    ("two villagers, a mother and her daughter").
    """
    items = [head]
    todo = [head]
    while todo:
        cur = todo.pop()
        for c in cur.children:
            if c in items or c.pos_ not in {"NOUN", "PROPN", "NUM", "PRON"} or c.ent_type_ in _NON_COUNT_ENTS \
                    or is_measure_unit(c.lower_):
                continue
            if c.dep_ == "conj" or (c.dep_ == "appos" and _numbered(c) and (_numbered(cur) or cur.like_num)):
                if head.pos_ == "NUM" and c.pos_ == "NUM":
                    continue  # "between 10 and 20": one range
                if c.pos_ == "NUM" and c.i + 1 < len(c.doc) and _orphan_number(c.doc[c.i + 1]) == c:
                    continue  # read with the name after it
                nxt = c.doc[c.right_edge.i + 1] if c.right_edge.i + 1 < len(c.doc) else None
                if nxt is not None and nxt.pos_ in {"AUX", "VERB"} and nxt != anchor and nxt.head != anchor:
                    continue  # "killed 6 guards and 4 others were injured": a clause of its own
                if any(m.dep_ == "amod" and m.tag_ in {"VBD", "VBN"} and m.i < c.i
                       and m.lemma_.lower() not in _w("kill_verbs") | _w("injure_verbs") for m in c.children):
                    continue  # "killed thousands and displaced millions": what another verb did to them
                items.append(c)
                todo.append(c)
    before = head.i < anchor.i
    items = [t for t in items if (t.i < anchor.i) == before]
    # another outcome word between the anchor and an item has that item as its own
    lo, hi = (min(t.i for t in items), anchor.i) if before else (anchor.i, max(t.i for t in items))
    others = [i for i in anchors if lo < i < hi and i != anchor.i]
    if others:
        # another outcome word between two parts of the list ends this anchor's part of it
        cut = max(others) if before else min(others)
        mine = [t for t in items if t.i > cut] if before else [t for t in items if t.i < cut]
        if mine:
            items = mine
    return sorted(items, key=lambda t: t.i)


def _accompanying(anchor: Token, head: Token) -> list[Token]:
    """'died together with his passenger', 'were killed along with six of his guards'."""
    out = []
    for tok in (anchor, head):
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "with":
                prev = c.doc[c.i - 1] if c.i > 0 else None
                if any(a.lower_ in {"together", "along"} for a in c.children) or (prev is not None and prev.lower_ in {"together", "along"}):
                    out += [p for p in c.children if p.dep_ == "pobj"]
    return out


def _group_key(rec: CasualtyRecord) -> str | None:
    v = rec.victims
    return None if v is None or v in _w("generic_victims") else v


def _sum_groups(records: list[CasualtyRecord]) -> list[CasualtyRecord]:
    """Figures of one victim group in one list are added ('6 commandos ... 2 police commandos')."""
    out: list[CasualtyRecord] = []
    last: str | None = None
    for rec in records:
        if rec.victims is None and last and "other" in rec.quote.lower():
            rec = CasualtyRecord(rec.outcome, rec.min, rec.max, rec.vague, rec.quote, last)
        last = rec.victims or last
        same = next((i for i, o in enumerate(out) if o.victims == rec.victims and o.outcome == rec.outcome), None)
        if same is None:
            out.append(rec)
            continue
        out[same] = _added(out[same], rec, out[same].victims)
    return _listed_total(out)


def _lists(heads: list[Token]) -> list[list[Token]]:
    """The heads of one anchor grouped into lists of victims: named groups with nothing between
    them that makes one a part or an alternative of another ("including", a bracket)."""
    first = heads[0]
    one, rest = [first], []
    for h in heads[1:]:
        lo, hi = sorted((first.i, h.i))
        between = first.doc[lo:hi]
        if h.pos_ in {"NOUN", "PROPN"} and first.pos_ in {"NOUN", "PROPN"} and not any(
                t.lower_ in {"including", "among", "(", "["} or t.lower_ in _w("revision_markers") for t in between):
            one.append(h)
        else:
            rest.append([h])
    return [one, *rest]


def _added(a: CasualtyRecord, b: CasualtyRecord, victims: str | None) -> CasualtyRecord:
    mx = None if a.max is None or b.max is None else a.max + b.max
    return CasualtyRecord(a.outcome, a.min + b.min, mx, a.vague or b.vague, f"{a.quote}, {b.quote}", victims)


def _listed_total(records: list[CasualtyRecord]) -> list[CasualtyRecord]:
    """Groups listed together ("two soldiers and five civilians died", "a farmer and four farm
    workers were killed") are one toll: one count of their sum, without a victims group; the
    children among them stay a sub-count of their own ("a shepherd and three boys": 4, 3 children)."""
    if len(records) < 2 or any(r.victims is None for r in records):
        return records  # "6 civilians, four from one clan and two from another": parts of one figure
    total = replace(records[0], victims=None)
    for rec in records[1:]:
        total = _added(total, rec, None)
    children = [r for r in records if r.victims and r.victims in _w("child_victims")]
    return [total, *children]


# -- the sentence ------------------------------------------------------------------

@lru_cache(maxsize=1)
def _anchor_words() -> frozenset[str]:
    """The lemmas and forms one of which every anchor of :func:`find_casualties` has: an outcome
    word (:func:`_outcome_words`), or "claimed", "cost", "lost" or "left" (the lives of ...)."""
    lemmas, forms = _outcome_words()
    return lemmas | forms | {"claim", "cost", "lose", "leave"}


def find_casualties(sent: Span) -> list[CasualtyMention]:
    mentions: list[CasualtyMention] = []
    items_of: list[tuple[int, CasualtyMention]] = []  # (victim phrase head, mention)
    used: set[int] = set()
    seen: set[tuple[int, str]] = set()
    # a sentence with no word an anchor is read by tells no figure (it may still state none, below)
    tokens = [] if _anchor_words().isdisjoint(sentence_words(sent)) else list(sent)
    outcomes_of = [_outcomes(t) for t in tokens]  # read once: the anchors and the loop below
    anchor_idx = {t.i for t, outcomes in zip(tokens, outcomes_of) if outcomes and not _death_result_word(t)}
    for anchor, outcomes in zip(tokens, outcomes_of):
        if _toll_of_a_run(anchor):
            continue
        if anchor.dep_ == "amod" and anchor.head.lemma_.lower() in {"body", "corpse", "remains"}:
            continue  # "the mutilated bodies of three men": how the dead were found, not more harm
        lemma = anchor.lemma_.lower()
        pairs: list[tuple[Token, str]] = []
        if lemma in {"claim", "cost"} and anchor.pos_ == "VERB":  # "claimed the lives of 23", "cost the lives of seven"
            for c in anchor.children:
                if c.dep_ == "dobj" and c.lemma_.lower() in {"life"}:
                    pairs.append((c, KILLED))
        elif lemma == "lose" and anchor.pos_ == "VERB" and any(c.dep_ == "dobj" and c.lemma_.lower() == "life" for c in anchor.children):
            # "five villagers lost their lives": the ones who lost them
            pairs += [(c, KILLED) for c in anchor.children if c.dep_ == "nsubj" and c.pos_ in {"NOUN", "NUM", "PROPN"}]
        elif lemma == "leave" and anchor.pos_ == "VERB":
            # "left dozens dead and injured", "left at least 140 people dead"
            objs = [c for c in anchor.children if c.dep_ in {"dobj", "nsubj"} and c.i > anchor.i]
            # "eight people were left injured": the passive's subject, before the verb
            objs += [c for c in anchor.children if c.dep_ == "nsubjpass" and c.i < anchor.i]
            states = [c for c in anchor.children if c.dep_ in {"oprd", "acomp", "ccomp", "xcomp", "advcl"} and c.i > anchor.i]
            states += [x for c in states for x in c.conjuncts]
            states += [x for o in objs for x in o.children if x.dep_ in {"amod", "acl"} and x.i > o.i]
            states = [t for t in states if _outcomes(t)]
            # "left at least 140 people dead" is sometimes parsed with the people as the state's subject
            objs += [c for st in states for c in st.children if c.dep_ in {"nsubj", "nsubjpass"} and c not in objs]
            for obj in objs:
                # "leaving 19 people dead and 40 others injured": each figure with its own state
                own = [obj.head] if obj.head in states else [
                    st for st in states if not any(c.dep_ in {"nsubj", "nsubjpass"} and c in objs for c in st.children)]
                for st in own:
                    if st.i == obj.i:
                        continue
                    for oc in _outcomes(st):
                        pairs.append((obj, oc))
                    used.add(st.i)
        elif outcomes and anchor.i not in used and (among := _among_group(anchor)) is not None:
            # "three children were among the dead", "among those killed were two journalists"
            pairs += [(x, outcomes[0]) for c in among.children if c.dep_ in {"nsubj", "attr"} and c.pos_ in {"NOUN", "PROPN", "NUM"}
                      for x in (c, *c.conjuncts)]
        elif outcomes and anchor.i not in used:
            if _death_result_word(anchor):
                continue  # "shot dead": read with the verb
            heads = _argument_heads(anchor)
            if heads and _shared_with_other_outcome(anchor, outcomes[0]):
                continue
            pairs.extend((h, outcomes[0]) for h in heads)
        by_outcome: dict[str, list[Token]] = {}
        for head, outcome in dict.fromkeys(pairs):
            if (head.i, outcome) not in seen:
                by_outcome.setdefault(outcome, []).append(head)
        # the heads of one anchor are one list, even when the parser gives the list two
        # subjects ("A chief, his brother and 4 guards were killed")
        for outcome, heads in [(o, part) for o, hs in by_outcome.items() for part in _lists(hs)]:
            head = heads[0]
            items: list[Token] = []
            for h in heads:
                listed = _listed(h, anchor, anchor_idx) if _is_verb(anchor) or _killing_of(anchor, h) else [h]
                if _is_verb(anchor):
                    listed += [x for w in _accompanying(anchor, h) for x in [w, *w.conjuncts]]
                items += [x for x in listed if x not in items]
            records = []
            for item in items:
                if (item.i, outcome) in seen:
                    continue
                seen.add((item.i, outcome))
                rec = _record_from(item, outcome)
                if rec is not None:
                    records.append((item, rec))
            if not records:
                continue
            context = list(head.subtree) + [t for t in anchor.subtree if t.i <= anchor.i] + list(anchor.children)
            if anchor.head != anchor:
                context += [anchor.head] + list(anchor.head.children)
            superseded = _superseded(context, head)
            revision = _marked([anchor, anchor.head], _w("revision_markers"))
            among = _among_group(anchor) is not None
            # "seven people died at the scene": a figure; not "the manager died on the spot with his passenger"
            scene = outcome == KILLED and _at_the_scene(anchor) and any(
                it.like_num or any(c.dep_ == "nummod" for c in it.children) for it, _ in records)
            claimed = _claimed(anchor)
            for rec in _sum_groups([r for _, r in records]):
                some = among or scene
                if some and not rec.vague:
                    rec = replace(rec, max=None)  # some of the dead: at least so many
                m = CasualtyMention(anchor, rec, superseded, revision, some, claimed)
                mentions.append(m)
                items_of.extend((h.i, m) for h in heads)
            for item, _ in records:
                for sub in _included(item, outcome):
                    sub = replace(sub, max=None) if among and not sub.vague else sub
                    mentions.append(CasualtyMention(anchor, sub, superseded, revision, among, claimed))
            total = _counted_group(anchor) if among else None
            if total is not None and (total.i, outcome) not in seen:
                # "three women were among 14 people killed": the 14 are the whole toll
                seen.add((total.i, outcome))
                rec = _record_from(total, outcome)
                if rec is not None:
                    mentions.append(CasualtyMention(anchor, replace(rec, victims=None), superseded, revision, False, claimed))
    # "a wounded soldier later succumbed": the same person is counted as killed only
    killed_heads = {i for i, m in items_of if m.record.outcome == KILLED}
    dropped = {id(m) for i, m in items_of if m.record.outcome == INJURED and i in killed_heads
               and m.anchor.dep_ in {"amod", "acl"} and m.anchor.head.i == i}
    mentions = _restated([m for m in mentions if id(m) not in dropped and not _projected(m.anchor)])
    mentions += _stated_none(sent, mentions)
    mentions += _elliptical_tolls(mentions)
    mentions += _unnumbered_toll(sent, mentions)
    mentions += _coded_figure(sent)
    return _inherit_victims(mentions)


def _toll_of_a_run(anchor: Token) -> bool:
    """"..., the latest in a run of raids that cost nine lives": the toll of the run of
    events the one told belongs to, not of that one."""
    for anc in list(anchor.ancestors)[:4]:
        if anc.dep_ == "pobj" and anc.head.lower_ == "of" \
                and anc.head.head.lemma_.lower() in word_set("violence_words.json", "series_nouns"):
            return True
    return False


def _projected(anchor: Token) -> bool:
    """A figure a verb of possibility projects, not a count: "the toll could hit 20 dead", "the
    number of dead could rise to 30", "the death toll might reach 50" (not "may have killed 20",
    a figure of what happened, told with doubt)."""
    verb = anchor if _is_verb(anchor) else anchor.head
    if anchor.dep_ == "pobj":
        verb = anchor.head.head
    auxes = [c for c in verb.children if c.dep_ == "aux"]
    return verb.pos_ in {"VERB", "AUX"} and any(c.tag_ == "MD" and c.lower_ in {"could", "might", "may"} for c in auxes) \
        and not any(c.lemma_ == "have" for c in auxes)


def _claimed(anchor: Token) -> bool:
    """A figure in a party's mouth or in another account: the object or clause of a claim verb ("the
    rebels claim 15 fatalities", "claimed to have killed ten", "the government claims the militia
    killed 196"), a clause said "in a claim" ("said in a claim of responsibility that its fighters had
    shot 12"), or what "other sources" say. Not what a claim of responsibility is for ("claimed the attack,
    which killed 12"): only clauses are followed up, not the nouns they hang on."""
    tok = anchor
    for _ in range(4):
        head = tok.head
        if head is tok:
            return False
        if tok.dep_ in {"dobj", "ccomp", "xcomp"} and head.pos_ == "VERB" \
                and head.lemma_.lower() in casualty_words("claim_verbs"):
            return True
        if tok.dep_ == "ccomp" and head.pos_ in {"VERB", "AUX"}:
            if any(c.dep_ == "prep" and p.dep_ == "pobj" and p.lemma_.lower() in casualty_words("claim_nouns")
                   for c in head.children for p in c.children):
                return True  # "said in a claim of responsibility that ..." (the claim noun)
            if any(c.dep_ == "nsubj" and c.lemma_.lower() in casualty_words("other_account_nouns")
                   and any(a.lower_ == "other" for a in c.children) for c in head.children):
                return True  # "other sources said ..."
        if tok.dep_ == "acl" and any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children) \
                and any(n.lemma_.lower() in casualty_words("claim_nouns") for n in (head, head.head.head)):
            return True  # "in a claim (of responsibility) that its men had shot 12"
        if tok.dep_ not in {"ccomp", "xcomp", "conj"}:
            return False
        tok = head
    return False


def _at_the_scene(anchor: Token) -> bool:
    """"Seven died at the scene", "killed on the spot": those who died at once, some of the dead
    when others die later; at least so many."""
    return any(c.dep_ == "prep" and c.lower_ in {"at", "on"} and any(
        p.dep_ == "pobj" and p.lemma_.lower() in casualty_words("scene_nouns") for p in c.children)
        for c in anchor.children)


def _among_group(anchor: Token) -> Token | None:
    """The verb of "X were among the dead / those killed / the wounded": whose subject (or, with
    "among" first, whose complement) names some of the casualties."""
    group = anchor.head if anchor.dep_ == "acl" and anchor.head.lower_ in {"those", "people"} else anchor
    if group.dep_ != "pobj" or group.head.lower_ != "among" or group.head.head.lemma_ != "be":
        return None
    return group.head.head


def _counted_group(anchor: Token) -> Token | None:
    """The group "among" names when it gives its number ("among 12 people killed", "among the 20
    dead"): the casualties as a whole, of which the subject is a part."""
    group = anchor.head if anchor.dep_ == "acl" else anchor
    return group if any(c.dep_ == "nummod" for c in group.children) else None


def _elliptical_tolls(mentions: list[CasualtyMention]) -> list[CasualtyMention]:
    """"Two people were killed in X and one in Y": a figure whose verb is left out is a toll of
    the same outcome, told of its own place."""
    out: list[CasualtyMention] = []
    quoted = {m.record.quote for m in mentions}
    for m in mentions:
        if not _is_verb(m.anchor):
            continue
        anchor = m.anchor
        tails = list(anchor.children) + [c for p in anchor.children if p.dep_ == "prep"
                                         for o in p.children if o.dep_ == "pobj" for c in o.children]
        for c in tails:  # "... and one in Y", parsed on the verb or on X
            if c.dep_ != "conj" or not c.like_num or c.text in quoted \
                    or not any(p.dep_ == "prep" and p.lower_ in {"in", "on", "at", "near"} for p in c.children):
                continue
            value = parse_number(c.text)
            if value is not None:
                out.append(CasualtyMention(c, CasualtyRecord(m.record.outcome, value, value, False, c.text, m.record.victims),
                                           m.superseded, False))
                quoted.add(c.text)
    return out


def _coded_figure(sent: Span) -> list[CasualtyMention]:
    """"Fatalities coded as 0 (a party's media reported 3)": the figure a monitor's report settles on,
    which revises every other death count of the report."""
    out: list[CasualtyMention] = []
    if {"fatalities", "fatality", "deaths"}.isdisjoint(sentence_words(sent)):
        return out
    for tok in sent:
        if tok.lower_ not in {"fatalities", "fatality", "deaths"}:
            continue
        nxt = tok.doc[tok.i + 1 : tok.i + 4]
        if len(nxt) == 3 \
                and nxt[0].lower_ == "coded" and nxt[1].lower_ == "as" and nxt[2].like_num:
            count = parse_count(nxt[2].text)
            if count is not None:
                quote = tok.doc[tok.i : nxt[2].i + 1].text
                out.append(CasualtyMention(nxt[0], CasualtyRecord(KILLED, count.min, count.max, count.vague, quote), False, True))
    return out


def _death_result_word(tok: Token) -> bool:
    """'dead' of 'shot dead', read with its verb."""
    return tok.lower_ in casualty_words("death_results") and tok.head.lemma_.lower() in casualty_words("harm_verbs") and tok.head != tok


def _shared_with_other_outcome(anchor: Token, outcome: str) -> bool:
    """'dozens were killed and injured', 'killing and wounding several': one figure for both."""
    if not _is_verb(anchor):
        return False
    for other in anchor.conjuncts:
        oo = _outcomes(other)
        if not oo or oo[0] == outcome or not _is_verb(other):
            continue
        if _harm_verb(other) and outcome == KILLED:
            continue  # "shot and killed": the harm verb is the killing
        own = _argument_heads(other)
        if own and set(own) != set(_argument_heads(anchor)):
            continue
        prev = other.doc[other.i - 1]
        # a later conjunct's own subject is its victims ("two were killed and others wounded");
        # the first verb's subject is the shared agent ("fighting killed and wounded dozens")
        own_subject = other.i > anchor.i and any(c.dep_ == "nsubj" and c.pos_ in {"NOUN", "PROPN", "NUM"} for c in other.children)
        if own_subject or any(c.dep_ in {"nsubjpass", "dobj", "npadvmod", "attr", "nummod"} or c.like_num
                              or (c.dep_ in {"nsubj", "det"} and _is_count_word(c)) for c in other.children) \
                or (prev.pos_ != "CCONJ" and _is_count_word(prev)):
            continue  # "a soldier was killed and another wounded": a figure of its own
        return True
    return False


def _harm_verb(tok: Token) -> bool:
    return tok.lemma_.lower() in casualty_words("harm_verbs")


def _restated(mentions: list[CasualtyMention]) -> list[CasualtyMention]:
    """Within one sentence, a figure for everyone that repeats a named group's figure is the same victims."""
    out = []
    for m in mentions:
        r = m.record
        if _group_key(r) is None and any(
            o is not m and o.anchor is not m.anchor and o.record.outcome == r.outcome and _group_key(o.record) is not None
            and (o.record.min, o.record.max) == (r.min, r.max) and o.record.min > 0
            for o in mentions
        ):
            continue
        if any((o.record.outcome, o.record.min, o.record.max, o.record.victims) == (r.outcome, r.min, r.max, r.victims)
               for o in out):
            continue
        out.append(m)
    return out


@lru_cache(maxsize=1)
def _stated_none_words() -> frozenset[str]:
    """The words one of which every reading of :func:`_stated_none` asks for (a zero noun or an
    unharmed word by its form, "hurt" or "harm" by its lemma)."""
    return frozenset(_zero_nouns()) | casualty_words("unharmed_words") | casualty_words("safe_words") \
        | {"hurt", "harm", "anyone", "anybody"}


def _stated_none(sent: Span, mentions: list[CasualtyMention]) -> list[CasualtyMention]:
    """'no casualties', 'no one was hurt', 'escaped unharmed', 'without casualties' -> 0."""
    if _stated_none_words().isdisjoint(sentence_words(sent)):
        return []
    counted = {m.record.outcome for m in mentions if m.record.min > 0}
    zeros = {m.record.outcome for m in mentions if m.record.min == 0}
    out: list[CasualtyMention] = []
    for tok in sent:
        outcomes: tuple[str, ...] = ()
        victims = None
        lower = tok.lower_
        if lower in _zero_nouns():
            negated = any(c.dep_ in {"det", "neg"} and c.lower_ in {"no", "zero"} for c in tok.children)
            negated = negated or (tok.head.lower_ == "without" and tok.dep_ == "pobj") or _denied(tok)
            # "no injuries or fatalities": the conjunct shares the 'no'
            first = tok
            while first.dep_ == "conj" and first.head.lower_ in _zero_nouns():
                first = first.head
            negated = negated or (first is not tok and (
                any(c.dep_ in {"det", "neg"} and c.lower_ in {"no", "zero"} for c in first.children)
                or (first.head.lower_ == "without" and first.dep_ == "pobj")))
            report = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else None
            if not negated and report is not None and report.lemma_.lower() in casualty_words("report_nouns") \
                    and any(c.dep_ == "det" and c.lower_ == "no" for c in report.children) \
                    and not _marked(list(report.children), casualty_words("zero_blockers")):
                negated = True  # "there were no reports of casualties"; not "no immediate reports"
            if lower == "loss" and not any(c.lower_ == "of" and any(p.lower_ in {"life", "lives"} for p in c.children) for c in tok.children):
                negated = False
            if negated:
                words = list(tok.subtree) + list(first.children)
                if _marked(words, casualty_words("zero_blockers")):
                    continue
                outcomes = _zero_nouns()[lower]
                victims = next((c.lemma_.lower() for c in tok.children if c.dep_ in {"amod", "compound"} and c.pos_ in {"NOUN", "ADJ"}
                                and c.lower_ not in casualty_words("zero_blockers")), None) or _side_of_none(tok)
        elif tok.lemma_.lower() in {"hurt", "harm"} and any(
                c.dep_ in {"nsubj", "nsubjpass"} and (c.lower_ in {"nobody", "none"} or c.lower_ == "one" and any(
                    d.lower_ == "no" for d in c.children)) for c in tok.children):
            outcomes = (KILLED, INJURED)  # "no one was hurt": neither killed nor wounded, as "unharmed"
        elif lower in {"anyone", "anybody"} and tok.dep_ == "dobj" and any(c.dep_ == "neg" for c in tok.head.children) \
                and (outcome := _verb_outcome(tok.head, follow=False) or (
                    "both" if tok.head.lemma_.lower() in {"hurt", "harm"} else None)):
            outcomes = (KILLED, INJURED) if outcome == "both" else (outcome,)  # "the bomb did not injure anyone"
        elif lower in casualty_words("unharmed_words") | casualty_words("safe_words"):
            subj = [c for c in tok.head.children if c.dep_ in {"nsubj", "nsubjpass"}] if tok.dep_ in {"acomp", "oprd", "advcl", "xcomp", "advmod"} else []
            if tok.dep_ == "amod":
                subj = [tok.head]
            if lower in casualty_words("safe_words") and not (
                    subj and subj[0].lemma_.lower() in word_set("violence_words.json", "person_nouns")):
                subj = []  # "the area is safe": said of a place, not of people
            if subj and not _marked(list(subj[0].subtree), casualty_words("zero_blockers")) and subj[0].lower_ not in {"others", "rest"}:
                outcomes = (KILLED, INJURED)
                victims = _victims(subj[0]) if subj[0].pos_ == "NOUN" else None
        for oc in outcomes:
            if oc in counted or oc in zeros:
                continue
            zeros.add(oc)
            quote = tok.text if lower in casualty_words("unharmed_words") else sent.doc[_none_start(tok) : tok.i + 1].text
            rec = CasualtyRecord(oc, 0, 0, False, quote, victims)
            out.append(CasualtyMention(tok, rec, False, False))
    return out


def _side_of_none(noun: Token) -> str | None:
    """"No casualties were reported on the side of the rebels", "no casualties among the troops":
    the side that had none."""
    for t in (noun, noun.head):
        for p in (c for c in t.children if c.dep_ == "prep"):
            objs = [o for o in p.children if o.dep_ == "pobj"]
            if p.lower_ == "among" and objs:
                return objs[0].lemma_.lower()
            if p.lower_ == "on" and objs and objs[0].lower_ == "side":
                owner = [o for q in objs[0].children if q.dep_ == "prep" and q.lower_ == "of"
                         for o in q.children if o.dep_ == "pobj"]
                if owner:
                    return owner[0].lemma_.lower()
    return None


def _none_start(noun: Token) -> int:
    """Where the words of a stated none begin: 'without causing any casualties', 'did not cause casualties'."""
    start = noun.left_edge.i
    for t in list(noun.ancestors)[:3]:
        if t.lower_ == "without":
            return min(start, t.i)
        neg = [c.i for c in t.children if c.dep_ in {"neg", "aux"} and c.i < t.i]
        if any(c.dep_ == "neg" for c in t.children) and neg:
            return min(start, *neg)
    return start


def _denied(noun: Token) -> bool:
    """'did not cause casualties', 'without causing any casualties', 'did not result in any casualties'."""
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    if noun.dep_ not in {"dobj", "pobj", "attr"} or not _is_verb(verb):
        return False
    if verb.lemma_.lower() in casualty_words("unstated_verbs"):
        return False  # "did not comment on the casualties": not told, not none
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    return verb.dep_ == "pcomp" and verb.head.lower_ == "without"


def _unnumbered_toll(sent: Span, mentions: list[CasualtyMention]) -> list[CasualtyMention]:
    """'the attack had caused fatalities': someone died, the figure is not given -> at least one, vague."""
    if any(m.record.outcome == KILLED for m in mentions) or {"fatalities", "deaths"}.isdisjoint(sentence_words(sent)):
        return []
    for tok in sent:
        if tok.lower_ not in {"fatalities", "deaths"} or _numbered(tok) or _unknown(tok) or any(c.dep_ == "det" for c in tok.children):
            continue
        verb = tok.head.head if tok.dep_ == "pobj" and tok.head.dep_ == "prep" else tok.head
        if tok.dep_ in {"dobj", "pobj"} and verb.lemma_.lower() in casualty_words("toll_causing_verbs") and not _denied(tok):
            return [CasualtyMention(tok, CasualtyRecord(KILLED, 1, None, True, tok.text, None), False, False)]
    return []


def _included(head: Token, outcome: str) -> list[CasualtyRecord]:
    """"12 people, including five children": a counted group of children within the count."""
    out = []
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in casualty_words("sub_count_preps"):
            for p in c.children:
                if p.dep_ != "pobj":
                    continue
                for item in [p] + list(p.conjuncts):
                    rec = _record_from(item, outcome)
                    if rec is not None and rec.victims and rec.victims in _w("child_victims"):
                        out.append(rec)
    return out


def _argument_heads(anchor: Token) -> list[Token]:
    """The phrase(s) holding the count of people an outcome word speaks of."""
    # the subject of an active "killed" is the killer; only intransitive verbs take their victims as subject
    intransitive = anchor.lemma_.lower() in casualty_words("death_verbs")
    deps_obj = {"dobj", "nsubjpass", "npadvmod", "attr"} | ({"nsubj"} if intransitive else set())
    heads: list[Token] = []
    if _is_verb(anchor):
        heads = [c for c in anchor.children if c.dep_ in deps_obj and c.ent_type_ not in {"DATE", "TIME"}]
        if heads and all(_bracketed_weapon(h) for h in heads):
            # "3 killed (machetes)": the weapon in brackets, parsed as the object, is how they died
            heads = [c for c in anchor.children if c.dep_ == "nsubj" and c.i < anchor.i and (_numbered(c) or c.like_num)]
            return heads
        if len(heads) > 1:
            # "killed ten soldiers and seized equipment": the next clause's object hung on the killing verb
            heads = [h for h in heads if not _thing_of_another_clause(h)] or heads
        if not heads and anchor.tag_ == "VBN" and not any(c.dep_ == "dobj" for c in anchor.children):
            # "six civilians were killed" parsed with a plain subject
            heads = [c for c in anchor.children if c.dep_ == "nsubj" and any(a.dep_ == "auxpass" or a.lemma_ == "be" for a in anchor.children)]
        if not heads and anchor.tag_ in {"VBN", "VBD"} and not any(c.dep_ in {"dobj", "aux"} for c in anchor.children):
            # headline style: "1 soldier killed, several wounded", "One fighter killed"
            heads = [c for c in anchor.children if c.dep_ == "nsubj" and c.i < anchor.i and (_numbered(c) or c.like_num)]
        if not heads:
            # "between 5 and 15 fighters died" parsed as a prepositional phrase
            heads = [p for c in anchor.children if c.dep_ == "prep" and c.lower_ in {"between"} and c.i < anchor.i
                     for p in c.children if p.dep_ == "pobj" and (_numbered(p) or p.like_num)]
        told = anchor.dep_ in {"xcomp", "oprd", "ccomp"} and anchor.tag_ == "VBN" and any(
            c.dep_ == "auxpass" for c in anchor.head.children) and anchor.head.lemma_.lower() in casualty_words("reported_as_verbs")
        if not heads and (anchor.dep_ == "xcomp" and any(a.dep_ in {"auxpass", "aux"} for a in anchor.children) or told):
            # "a ranger was reported to have been shot dead", "two are feared to have died",
            # "18 people were reported killed", "three were confirmed dead"
            heads = [c for c in anchor.head.children if c.dep_ in {"nsubjpass"} or (c.dep_ == "nsubj" and _is_count_word(c))]
        if not heads and anchor.lemma_.lower() in casualty_words("kill_verbs") | casualty_words("injure_verbs") and anchor.i + 1 < len(anchor.doc):
            # "claimed to have killed 12 guards and 3 others were injured": the object parsed as the next clause's subject
            nxt = anchor.doc[anchor.i + 1]
            subj = next((t for t in [nxt, *nxt.ancestors] if t.dep_ in {"nsubj", "nsubjpass"}), None)
            if subj is not None and subj.left_edge.i == anchor.i + 1 and subj.head.i > subj.i and subj.head != anchor:
                heads = [subj]
        if _verb_outcome(anchor) and anchor.tag_ == "VBG":
            heads = [c for c in anchor.children if c.dep_ in {"dobj", "npadvmod", "attr"}] or heads
        if not heads and anchor.dep_ == "conj" and anchor.tag_ == "VBN" and not any(c.dep_ == "dobj" for c in anchor.children):
            # "a soldier was killed and another wounded": the participle's own subject
            heads = [c for c in anchor.children if c.dep_ == "nsubj" and c.i < anchor.i and c.lower_ not in {"that", "which", "who"}]
        if not heads and anchor.i > 1 and any(c.dep_ == "auxpass" for c in anchor.children):
            # "... and 4 others were injured" with the subject parsed into the clause before
            aux = min((c for c in anchor.children if c.dep_ == "auxpass"), key=lambda c: c.i)
            prev = anchor.doc[aux.i - 1]
            if prev.pos_ in {"NOUN", "NUM", "PRON"} and prev.right_edge.i == aux.i - 1 and _is_count_word(prev) or (
                    prev.pos_ == "NOUN" and _numbered(prev)):
                heads = [prev]
        if not heads and anchor.dep_ == "conj":
            # "nine people were killed and 40 injured": the conjunct's own number
            heads = [c for c in anchor.children if c.like_num or c.pos_ == "NUM"]
        if not heads:
            heads = _coordinated_victim(anchor)
        if not heads and anchor.dep_ in {"amod", "acl"} and anchor.head.pos_ in {"NOUN", "NUM", "PROPN"}:
            heads = [anchor.head]
        if not heads and anchor.dep_ in {"acl", "relcl", "advcl"} and anchor.head.pos_ in {"NOUN", "PROPN", "NUM"}:
            heads = [anchor.head]
        # "two Reuters journalists injured": participle right after its noun phrase
        if not heads and anchor.i > 0:
            prev = anchor.doc[anchor.i - 1]
            counted = prev.pos_ == "NUM" or _numbered(prev) or any(
                c.dep_ in {"amod", "det", "quantmod"} and c.lower_ not in {"a", "an", "the"} and _is_count_word(c) for c in prev.children)
            if prev.pos_ in {"NOUN", "NUM"} and prev.sent == anchor.sent and counted:
                heads = [prev]
    else:
        # nouns: "nearly 300 injuries", "the death toll of 85", "toll rose to 12", "the bodies of five men"
        nums = [c for c in anchor.children if c.dep_ in {"nummod", "quantmod"} or c.like_num]
        if nums:
            heads = [anchor]
        elif anchor.lower_ == "dead" and any(c.dep_ == "dobj" for c in anchor.children):
            heads = [c for c in anchor.children if c.dep_ == "dobj"]  # "shot dead a trader" parsed around 'dead'
        elif anchor.lower_ in {"toll", "tolls"} or anchor.lemma_.lower() == "toll":
            for t in list(anchor.children) + list(anchor.head.children):
                if t.dep_ == "prep" and t.lower_ in {"of", "at", "to"}:
                    heads += [c for c in t.children if c.dep_ == "pobj" and (c.like_num or c.pos_ == "NUM")]
            if anchor.dep_ in {"nsubj", "nsubjpass"}:
                for t in anchor.head.children:
                    if t.dep_ == "prep" and t.lower_ in {"to", "at"}:
                        heads += [c for c in t.children if c.like_num or c.pos_ == "NUM"]
        elif anchor.lemma_.lower() in _w("killing_nouns") | {"death"} and _of_group(anchor) is not None:
            group = _of_group(anchor)
            if _numbered(group) or group.like_num or _one_person(group):
                heads = [group]  # "the deaths of five soldiers", "the killing of a trader"
        elif anchor.lemma_.lower() == "body" and _of_group(anchor) is not None:
            group = _of_group(anchor)
            if _numbered(group) or group.like_num or parse_count(_count_phrase(group)) is not None:
                heads = [group]
        elif anchor.dep_ in {"amod"} and anchor.head.pos_ in {"NOUN", "NUM"}:
            heads = [anchor.head]
        elif anchor.dep_ in {"acomp", "oprd"}:
            heads = [c for c in anchor.head.children if c.dep_ in {"nsubj", "nsubjpass", "dobj"}]
            if any(h.dep_ == "dobj" for h in heads):
                heads = [h for h in heads if h.dep_ == "dobj"]  # "X called Y dead": Y, not X
            # "declared the peace effort dead": only people, or a count of them, are dead
            heads = [h for h in heads if h.pos_ in {"PRON", "PROPN", "NUM"} or h.like_num or _numbered(h)
                     or h.lemma_.lower() in word_set("violence_words.json", "person_nouns")]
        elif anchor.lower_ in {"dead", "injured", "wounded"} and anchor.dep_ in {"conj", "dobj", "nsubj", "attr", "appos"}:
            heads = [c for c in anchor.children if c.like_num or c.pos_ == "NUM"]
        elif anchor.lower_ in {"dead", "injured", "wounded"} and anchor.dep_ == "pobj" and anchor.head.lower_ == "of" \
                and anchor.head.head.lemma_.lower() in casualty_words("toll_nouns") and anchor.head.head.dep_ == "nsubj":
            # "the number of dead now stands at 27", "the number of wounded rose to 40"
            verb = anchor.head.head.head
            heads = [c for t in verb.children if t.dep_ == "prep" and t.lower_ in {"at", "to"}
                     for c in t.children if c.dep_ == "pobj" and (c.like_num or c.pos_ == "NUM")]
            heads += [c for c in verb.children if c.dep_ == "attr" and (c.like_num or c.pos_ == "NUM")]
    return heads


def _bracketed_weapon(tok: Token) -> bool:
    doc = tok.doc
    return tok.i > 0 and doc[tok.i - 1].text == "(" and (tok.lemma_.lower() in weapon_lexicon().by_label
                                                         or tok.lower_ in weapon_lexicon().by_label)


def _thing_of_another_clause(head: Token) -> bool:
    """A second object of a killing verb that names no people: a bare noun with no number,
    no article and no person in it, or one a participle of another verb governs."""
    if head.pos_ != "NOUN" or _numbered(head) or head.lemma_.lower() in word_set("violence_words.json", "person_nouns"):
        return False
    return not any(c.dep_ in {"det", "poss", "nummod"} for c in head.children) or any(
        c.dep_ == "amod" and c.tag_ == "VBN" for c in head.children)


def _coordinated_victim(anchor: Token) -> list[Token]:
    """The victim a killing verb shares with a verb it is coordinated with, when that verb
    is no outcome of its own: "was kidnapped and killed" (the passive subject of the first),
    "killed and robbed a trader" (the object of the second). Only one person or a counted
    group: a bare plural ("killed and wounded civilians") stays without a count."""
    if _verb_outcome(anchor) != KILLED or any(c.dep_ in {"dobj", "nsubjpass"} for c in anchor.children):
        return []
    partners = [anchor.head] if anchor.dep_ == "conj" and _is_verb(anchor.head) else []
    partners += [c for c in anchor.children if c.dep_ == "conj" and _is_verb(c)]
    for verb in partners:
        if _verb_outcome(verb) == KILLED:
            continue
        passive = anchor.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in verb.children)
        deps = {"nsubjpass"} if passive else {"dobj"}
        found = [c for c in verb.children if c.dep_ in deps and (_one_person(c) or _numbered(c) or c.like_num)]
        if found:
            return found
    return []


def _inherit_victims(mentions: list[CasualtyMention]) -> list[CasualtyMention]:
    """"one boy died and four others were hurt": 'others' are of the same group."""
    out: list[CasualtyMention] = []
    last_group: str | None = None
    for m in mentions:
        rec = m.record
        if rec.victims is None and last_group and "other" in rec.quote.lower():
            rec = CasualtyRecord(rec.outcome, rec.min, rec.max, rec.vague, rec.quote, last_group)
            m = replace(m, record=rec)
        if rec.victims and rec.victims not in _w("generic_victims"):
            last_group = rec.victims
        out.append(m)
    return out
