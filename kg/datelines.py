"""The reporter's dateline at the start of a line: "PARIS —", "BANGKOK:", "KHARTOUM, Sudan (AP) —",
"Geneva (AFP) Feb 17, 2026". It says where the story was filed, not where anything happened, and
the sentence after it starts there."""

from __future__ import annotations

import re

_DATELINE = re.compile(
    r"^(?:[A-Z][A-Za-z.\- ]{1,40}?)(?:,\s*[A-Z][A-Za-z.\- ]{1,30})?"
    r"(?:,?[ \t]+[A-Z][a-z]{2,9}\.?[ \t]+\d{1,2}(?:,?[ \t]+\d{4})?(?=[ \t]*(?:\(|[—–]|--?[ \t])))?\s*"  # "KYIV, June 12 (Reuters)", "ADDIS ABABA, April 1 —": the day filed
    r"(?:\((?:AFP|AP|Reuters|dpa|Xinhua|IANS|PTI|ANI|UPI|EFE|ANSA|AA|TASS|Interfax|Kyodo|Yonhap|VNA|WAFA|KUNA|SPA|IRNA|MENA|APS|NAN|RFE/RL|SUNA)\)"
    # the agency, then its date and a dash if any (".-" in EFE's style)
    r"(?:[ \t]+[A-Z][a-z]{2,9}\.?[ \t]+\d{1,2}(?:,?[ \t]+\d{4})?)?(?:\.?[ \t]*[—–-]{1,2}[ \t]?|[ \t]*:[ \t]?|[ \t]+(?=[A-Z]))?"
    r"|\s*[—–-]{1,2}\s|:\s)",
    re.MULTILINE,
)


def looks_like_dateline(text: str, *, opens_the_text: bool = False) -> bool:
    """A place in capitals (or with an agency) of at most four words before the dash; the country
    after it may be written as usual ("KYIV, Ukraine —"). The text's first words may name the
    place as usual before a long dash ("Maputo — ..."), as many outlets print it."""
    head = re.split(r"[—–:(]|\s-\s", text, maxsplit=1)[0].strip().rstrip(",")
    place = head.split(",")[0].strip()
    if opens_the_text and re.fullmatch(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}\s*[—–]\s", text):
        return True
    return bool(place) and (place.isupper() or "(" in text) and len(head.split()) <= 4


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the datelines in a text."""
    first = len(text) - len(text.lstrip())
    return [(m.start(), m.end()) for m in _DATELINE.finditer(text)
            if looks_like_dateline(m.group(0), opens_the_text=m.start() == first)]
