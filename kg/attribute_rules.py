"""The model's attribute rules (POS, morphology and lemma exceptions by tag and word), matched
by table instead of by spaCy's general token matcher.

The English pipelines' ``attribute_ruler`` holds some two hundred rules, nearly all of one token
("the tag VBZ and the word 'is'", "the tag ``.``"). spaCy's matcher tries every rule on every
token of every document; here a rule of one token that tests only its tag, word (lower case),
dependency label or whether it is white space is decided once for each combination of those
values met, and kept, so that a document's tokens are looked up, not matched. Rules of several
tokens, or that test anything else, still go through a matcher of their own. The matches, and
so the attributes set, are the same as the model's ruler gives: the rules are applied by
spaCy's own ``AttributeRuler.set_annotations``, in its order.
"""

from __future__ import annotations

import re

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

NAME = "newskg_attribute_rules"

#: The token attributes a rule of the table may test, by the name rules give them, with the
#: spaCy attribute read for them (as string hashes, one array per document).
_TABLE_ATTRS = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE}
_COLUMNS = tuple(_TABLE_ATTRS)
#: At most this many combinations of values are kept (a long build meets tens of thousands).
MAX_KEPT = 100_000


def _test(name: str, spec) -> tuple[str, object] | None:
    """One attribute's test as the matcher reads the rule ``spec`` (a value, or ``{"IN": [...]}``,
    ``{"NOT_IN": [...]}``, ``{"REGEX": ...}``): ``("==", value)`` or ``("test", function of the
    value)`` (a string, or a bool for IS_SPACE); None for a form the table does not take."""
    if name == "IS_SPACE":
        return ("==", spec) if isinstance(spec, bool) else None
    if isinstance(spec, str):
        return "==", spec
    if isinstance(spec, dict) and len(spec) == 1:
        (op, arg), = spec.items()
        if op == "IN" and isinstance(arg, list) and all(isinstance(a, str) for a in arg):
            return "test", lambda v, values=frozenset(arg): v in values
        if op == "NOT_IN" and isinstance(arg, list) and all(isinstance(a, str) for a in arg):
            return "test", lambda v, values=frozenset(arg): v not in values
        if op == "REGEX" and isinstance(arg, str):
            return "test", lambda v, rx=re.compile(arg): bool(rx.search(v))
    return None


def _token_rule(pattern: list[dict]) -> dict[str, tuple[str, object]] | None:
    """The tests of a one-token rule the table can decide, by the attribute tested, or None."""
    if len(pattern) != 1 or not pattern[0]:
        return None
    tests = {}
    for name, spec in pattern[0].items():
        test = _test(name, spec) if name in _TABLE_ATTRS else None
        if test is None:
            return None
        tests[name] = test
    return tests


class _Column:
    """The rules' tests of one attribute: for a value, the rules it lets through (a bit each),
    kept once decided."""

    def __init__(self, rules: list[dict[str, tuple[str, object]]], name: str) -> None:
        self.untested = 0
        self.equal: dict[object, int] = {}
        self.tests: list[tuple[int, object]] = []
        for bit, tests in enumerate(rules):
            kind, arg = tests.get(name, (None, None))
            if kind is None:
                self.untested |= 1 << bit
            elif kind == "==":
                self.equal[arg] = self.equal.get(arg, 0) | 1 << bit
            else:
                self.tests.append((1 << bit, arg))
        self.kept: dict[object, int] = {}

    def passing(self, value) -> int:
        mask = self.kept.get(value)
        if mask is None:
            mask = self.untested | self.equal.get(value, 0)
            for bit, test in self.tests:
                if test(value):
                    mask |= bit
            if len(self.kept) >= MAX_KEPT:
                self.kept.clear()
            self.kept[value] = mask
        return mask


class TableAttributeRuler(AttributeRuler):
    """spaCy's ``AttributeRuler`` whose one-token rules are decided by table (see the module)."""

    def __init__(self, vocab, name: str = NAME, *, validate: bool = False, scorer=None) -> None:
        kwargs = {"validate": validate} if scorer is None else {"validate": validate, "scorer": scorer}
        super().__init__(vocab, name, **kwargs)
        self._compiled = None

    def clear(self) -> None:
        super().clear()
        self._compiled = None

    def add(self, patterns, attrs, index: int = 0) -> None:
        super().add(patterns, attrs, index)
        self._compiled = None

    def _compile(self):
        """The table's rules (``(rule number, match id)``, one bit each), its columns, the
        matcher of the other rules, and the kept decisions (a token's values -> the rules that hold)."""
        rules, tests = [], []
        others = Matcher(self.vocab, validate=False)
        for number in range(len(self.attrs)):
            key = str(number)
            match_id = self.vocab.strings[key]
            for pattern in self.matcher.get(key)[1]:
                rule = _token_rule(pattern)
                if rule is None:
                    others.add(key, [pattern])
                else:
                    rules.append((number, match_id))
                    tests.append(rule)
        columns = [_Column(tests, name) for name in _COLUMNS]
        self._compiled = (rules, columns, others, {})
        return self._compiled

    def match(self, doc: Doc):
        """The matches of spaCy's ``AttributeRuler.match``: ``(rule number, match id, start, end)``, sorted."""
        rules, columns, others, kept = self._compiled or self._compile()
        strings = self.vocab.strings
        found: list[tuple[int, int, int, int]] = []
        rows = doc.to_array([_TABLE_ATTRS[c] for c in _COLUMNS]).tolist() if len(doc) else []
        for i, row in enumerate(rows):
            key = tuple(row)
            holds = kept.get(key)
            if holds is None:
                holds = self._holding(key, rules, columns)
                if len(kept) >= MAX_KEPT:
                    kept.clear()
                kept[key] = holds
            for number, match_id in holds:
                found.append((number, match_id, i, i + 1))
        if len(others):
            found += [(int(strings[m_id]), m_id, s, e) for m_id, s, e in others(doc, allow_missing=True, as_spans=False)]
        return sorted(set(found))

    def set_annotations(self, doc: Doc, matches) -> None:
        """What ``AttributeRuler.set_annotations`` does (each match's attributes set on its token,
        in order), without making a span of each match; spaCy's own where an index falls outside
        its match (it raises the error)."""
        targets = []
        for number, _, start, end in matches:
            index = self.indices[number]
            i = (start if index >= 0 else end) + index
            if not start <= i < end:
                return super().set_annotations(doc, matches)
            targets.append((i, self.attrs[number]))
        for i, attrs in targets:
            set_token_attrs(doc[i], attrs)

    def _holding(self, row: tuple[int, ...], rules, columns) -> tuple[tuple[int, int], ...]:
        """The table's rules that hold for a token with these values (string hashes; IS_SPACE 0 or 1)."""
        strings = self.vocab.strings
        mask = -1
        for column, value in zip(columns, [strings[h] for h in row[:-1]] + [bool(row[-1])]):
            mask &= column.passing(value)
        holds = []
        while mask > 0:
            low = mask & -mask
            holds.append(rules[low.bit_length() - 1])
            mask ^= low
        return tuple(dict.fromkeys(holds))


@Language.factory(NAME, default_config={"validate": False, "scorer": {"@scorers": "spacy.attribute_ruler_scorer.v1"}})
def make_table_attribute_ruler(nlp: Language, name: str, validate: bool, scorer) -> TableAttributeRuler:
    return TableAttributeRuler(nlp.vocab, name, validate=validate, scorer=scorer)


def use_table_rules(nlp: Language, name: str = "attribute_ruler") -> None:
    """Put a :class:`TableAttributeRuler` with the same rules in place of the pipeline's
    attribute ruler ``name`` (under the same name), if it has one."""
    if name not in nlp.pipe_names or not isinstance(nlp.get_pipe(name), AttributeRuler):
        return
    patterns = nlp.get_pipe(name).patterns
    ruler = nlp.replace_pipe(name, NAME)
    ruler.add_patterns(patterns)
