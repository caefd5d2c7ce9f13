"""The model's rule lemmatizer with its answers kept for every word, tag and morphology.

spaCy's rule lemmatizer keeps the lemma it works out for a word with its part of speech and
morphology, but not when the word is already a base form ("attack" as a singular noun, "said"
with no rule): those, most words of a text, are worked out again at every token, reading the
token's morphology as text each time. Here the lemmatizer's answer for a combination of word,
part of speech and morphology is kept whichever way it was found, and a document's tokens are
looked up by those three values. A combination not met before is lemmatized by spaCy's rules
(:func:`rule_lemmas`, spaCy's ``Lemmatizer.rule_lemmatize`` step by step), with its list of known
lemmas of each part of speech (tens of thousands of words, searched one by one at each
candidate form) read once into a set: the same lemmas, but for the few words
``kg/data/lemma_fixes.json`` corrects.
"""

from __future__ import annotations

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

NAME = "newskg_lemmas"
#: At most this many combinations of word, part of speech and morphology are kept.
MAX_KEPT = 200_000


def rule_lemmas(lemmatizer: Lemmatizer, token, known: dict[str, frozenset[str]]) -> list[str]:
    """What ``lemmatizer.rule_lemmatize(token)`` gives, with ``known`` holding each part of
    speech's ``lemma_index`` list as a set (filled as parts of speech are met)."""
    string = token.text
    univ_pos = token.pos_.lower()
    if univ_pos in ("", "eol", "space") or lemmatizer.is_base_form(token):
        return lemmatizer.rule_lemmatize(token)  # spaCy's own (and its warning for no part of speech)
    lookups = lemmatizer.lookups
    index_table = lookups.get_table("lemma_index", {})
    exc_table = lookups.get_table("lemma_exc", {})
    rules_table = lookups.get_table("lemma_rules", {})
    if not any((index_table.get(univ_pos), exc_table.get(univ_pos), rules_table.get(univ_pos))):
        return lemmatizer.rule_lemmatize(token)
    index = known.get(univ_pos)
    if index is None:
        index = known[univ_pos] = frozenset(index_table.get(univ_pos, {}))
    exceptions = exc_table.get(univ_pos, {})
    rules = rules_table.get(univ_pos, {})
    orig = string
    string = string.lower()
    forms: list[str] = []
    oov_forms: list[str] = []
    for old, new in rules:
        if string.endswith(old):
            form = string[: len(string) - len(old)] + new
            if not form:
                pass
            elif form in index:
                forms.insert(0, form)
            elif not form.isalpha():
                forms.append(form)
            else:
                oov_forms.append(form)
    forms = list(dict.fromkeys(forms))
    for form in exceptions.get(string, []):
        if form not in forms:
            forms.insert(0, form)
    if not forms:
        forms.extend(oov_forms)
    if not forms:
        forms.append(orig)
    return forms


def lemma_fixes() -> dict[str, dict[str, str]]:
    """Part of speech -> word -> lemma: the few lemmas the rules get wrong in conflict news
    (``kg/data/lemma_fixes.json``: "bases" is the plural of "base", not of "basis")."""
    from kg.lexicon import load_json

    return {pos: dict(table) for pos, table in load_json("lemma_fixes.json").items() if pos != "note"}


class KeptLemmas:
    """Sets the lemmas spaCy's rule lemmatizer ``lemmatizer`` gives, each combination of a
    token's word, part of speech and morphology worked out once (see the module)."""

    def __init__(self, lemmatizer: Lemmatizer | None = None) -> None:
        self.lemmatizer = lemmatizer
        self.kept: dict[tuple[int, int, int], int] = {}
        self.known: dict[str, frozenset[str]] = {}  # each part of speech's known lemmas, as a set
        self.fixes = lemma_fixes()

    def __call__(self, doc: Doc) -> Doc:
        lemmatizer = self.lemmatizer
        # another mode, or tables not yet checked: spaCy's own call (which checks them)
        if lemmatizer.mode != "rule" or not getattr(lemmatizer, "_validated", False) or not len(doc):
            return lemmatizer(doc)
        strings, kept = doc.vocab.strings, self.kept
        columns = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = columns[:, 3].copy()
        changed = False
        for i, (orth, pos, morph, lemma) in enumerate(columns.tolist()):
            if lemma != 0 and not lemmatizer.overwrite:
                continue  # set by the attribute rules
            key = (orth, pos, morph)
            value = kept.get(key)
            if value is None:
                token = doc[i]
                fixed = self.fixes.get(token.pos_, {}).get(token.lower_)
                value = strings.add(fixed or rule_lemmas(lemmatizer, token, self.known)[0])
                if token.pos_:  # a token with no part of speech is lemmatized (and warned of) each time
                    if len(kept) >= MAX_KEPT:
                        kept.clear()
                    kept[key] = value
            lemmas[i] = value
            changed = True
        if changed:
            doc.from_array([LEMMA], lemmas)
        return doc


@Language.factory(NAME)
def make_kept_lemmas(nlp: Language, name: str) -> KeptLemmas:
    return KeptLemmas()


def keep_lemmas(nlp: Language, name: str = "lemmatizer") -> None:
    """Put :class:`KeptLemmas` around the pipeline's rule lemmatizer ``name`` (under the same
    name), if it has one."""
    if name not in nlp.pipe_names or not isinstance(nlp.get_pipe(name), Lemmatizer):
        return
    lemmatizer = nlp.get_pipe(name)
    if lemmatizer.mode != "rule":
        return
    nlp.replace_pipe(name, NAME).lemmatizer = lemmatizer
