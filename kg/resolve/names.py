"""Name forms: acronyms and the names they stand for.

An acronym stands for a name when its letters are the initials of the name's
words, in order ("KIA" for "Kachin Independence Army"); small function
words ("of", "the", "de") may give their initial or not ("Democratic Forces for
the Liberation of Rwanda" is "FDLR" in French, "DFLR" would do as well).
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.lexicon import load_json, read_tsv

_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&\-]*[A-Z0-9]$")
_WORD_SPLIT = re.compile(r"[\s\-‐‑–—/]+")


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """Small words a name's acronym may skip ("of", "the", "de", "wal")."""
    return frozenset(load_json("references.json")["acronym_function_words"])


def is_acronym(text: str) -> bool:
    """An all-capitals token of 2 to 8 characters with at least two letters ("RSF", "SPLM" but not "M23")."""
    return 2 <= len(text) <= 8 and bool(_ACRONYM.match(text)) and sum(c.isalpha() for c in text) >= 2


def _initials(name: str) -> list[tuple[str, bool]]:
    """(initial, optional) per word of a name; function words are optional, words without a letter dropped."""
    out = []
    for word in _WORD_SPLIT.split(name.strip()):
        letters = [c for c in word if c.isalnum()]
        if not letters:
            continue
        out.append((letters[0].upper(), word.lower() in function_words()))
    return out


def stands_for(acronym: str, name: str) -> bool:
    """True when ``acronym`` is made of the initials of ``name``'s words."""
    letters = [c for c in acronym.upper() if c.isalnum()]
    words = _initials(name)
    if len(words) < 2 or not letters:
        return False

    @lru_cache(maxsize=None)
    def match(i: int, j: int) -> bool:
        if j == len(words):
            return i == len(letters)
        initial, optional = words[j]
        if i < len(letters) and letters[i] == initial and match(i + 1, j + 1):
            return True
        return optional and match(i, j + 1)

    return match(0, 0)


_NAME_ARTICLES = ("al-", "el-", "al ", "el ")


def surname_stem(word: str) -> str:
    """A surname without its Arabic article: "al-Rahman" -> "Rahman"."""
    low = word.lower()
    for art in _NAME_ARTICLES:
        if low.startswith(art) and len(word) > len(art) + 2:
            return word[len(art):]
    return word


@lru_cache(maxsize=1)
def officeholder_surnames() -> dict[str, str]:
    """The surname (or one-word name) of a known officeholder, casefolded -> what they act for;
    a surname two officeholders share acting for different sides is left out."""
    out: dict[str, str] = {}
    shared: set[str] = set()
    for row in read_tsv("officeholders.tsv"):
        acts_for = row["acts_for"].strip()
        for name in row["name"].split("|"):
            words = name.split()
            if not words:
                continue
            for surname in {words[-1], surname_stem(words[-1])}:
                low = surname.casefold()
                if len(low) < 4:
                    continue
                if out.get(low, acts_for) != acts_for:
                    shared.add(low)
                out[low] = acts_for
    return {k: v for k, v in out.items() if k not in shared}
