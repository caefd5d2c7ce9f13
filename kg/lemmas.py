"""The model's rule lemmatizer with its answers kept for every word, tag and morphology.

spaCy's rule lemmatizer keeps the lemma it works out for a word with its part of speech and
morphology, but not when the word is already a base form ("attack" as a singular noun, "said"
with no rule): those, most words of a text, are worked out again at every token, reading the
token's morphology as text each time. Here the lemmatizer's answer for a combination of word,
part of speech and morphology is kept whichever way it was found, and a document's tokens are
looked up by those three values; a combination not met before is lemmatized by spaCy's own
lemmatizer, so the lemmas are the same.
"""

from __future__ import annotations

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

NAME = "newskg_lemmas"
#: At most this many combinations of word, part of speech and morphology are kept.
MAX_KEPT = 200_000


class KeptLemmas:
    """Sets the lemmas spaCy's rule lemmatizer ``lemmatizer`` gives, each combination of a
    token's word, part of speech and morphology worked out once (see the module)."""

    def __init__(self, lemmatizer: Lemmatizer | None = None) -> None:
        self.lemmatizer = lemmatizer
        self.kept: dict[tuple[int, int, int], int] = {}

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
                value = strings.add(lemmatizer.lemmatize(token)[0])
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
