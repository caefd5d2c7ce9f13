"""The one place where resource IRIs are minted: ``mint(kind, *key)``.

IRIs are deterministic: the same normalised key always gives the same IRI, so
the same input gives byte-identical output and things named alike in several
documents meet in one node.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata

from rdflib import URIRef

from kg.vocab import NKR

_SLUG_DROP = re.compile(r"[^a-z0-9]+")
# letters that Unicode does not decompose into a Latin letter and a diacritic
_LATIN_EXTRA = str.maketrans({"ß": "ss", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
                              "ł": "l", "Ł": "L", "ı": "i", "œ": "oe", "Œ": "OE", "þ": "th", "ð": "d"})
SLUG_LIMIT = 60


@functools.lru_cache(maxsize=8192)
def slug(text: str, limit: int = SLUG_LIMIT) -> str:
    """A readable, IRI-safe key (``[a-z0-9-]``, at most ``limit`` characters) for any text.

    Names differing only in case or diacritics get the same slug (they name the same thing).
    When the readable part cannot tell names apart, a short hash of the whole name (case and
    diacritics folded) is added: for letters outside the Latin script, which are dropped from
    the readable part, and for names longer than ``limit``; a name with no Latin letter or
    digit at all is its hash.
    """
    norm = unicodedata.normalize("NFKD", str(text).translate(_LATIN_EXTRA))
    folded = "".join(ch for ch in norm if not unicodedata.combining(ch))
    readable = _SLUG_DROP.sub("-", folded.encode("ascii", "ignore").decode().lower()).strip("-")
    digest = hashlib.sha1(" ".join(folded.casefold().split()).encode("utf-8", "replace")).hexdigest()[:10]
    if not readable:
        return digest
    lossy = any(ch.isalnum() and not ch.isascii() for ch in folded)
    if lossy or len(readable) > limit:
        return readable[: limit - len(digest) - 1].rstrip("-") + "-" + digest
    return readable


def mint(kind: str, *key: object) -> URIRef:
    """``mint("person", "Annalena Baerbock")`` -> ``nkr:person/annalena-baerbock``."""
    parts = [slug(str(k)) for k in key if k is not None and str(k) != ""]
    return URIRef(str(NKR) + "/".join([slug(kind)] + parts))


def external(iri: str) -> URIRef:
    """An outside identifier (GeoNames, Wikidata) as an IRI."""
    return URIRef(iri)


def geonames(geonames_id: int) -> URIRef:
    return URIRef(f"https://sws.geonames.org/{int(geonames_id)}/")
