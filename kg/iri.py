"""The one place where resource IRIs are minted: ``mint(kind, *key)``.

IRIs are deterministic: the same normalised key always gives the same IRI, so
the same input gives byte-identical output and things named alike in several
documents meet in one node.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from rdflib import URIRef

from kg.vocab import NKR

_SLUG_DROP = re.compile(r"[^a-z0-9]+")


def slug(text: str, limit: int = 60) -> str:
    folded = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    s = _SLUG_DROP.sub("-", folded.lower()).strip("-")
    if not s:
        s = hashlib.sha1(str(text).encode("utf-8")).hexdigest()[:10]
    return s[:limit].rstrip("-")


def mint(kind: str, *key: object) -> URIRef:
    """``mint("person", "Annalena Baerbock")`` -> ``nkr:person/annalena-baerbock``."""
    parts = [slug(str(k)) for k in key if k is not None and str(k) != ""]
    return URIRef(str(NKR) + "/".join([slug(kind)] + parts))


def external(iri: str) -> URIRef:
    """An outside identifier (GeoNames, Wikidata) as an IRI."""
    return URIRef(iri)


def geonames(geonames_id: int) -> URIRef:
    return URIRef(f"https://sws.geonames.org/{int(geonames_id)}/")
