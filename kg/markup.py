"""Web pages as article text: markup stripped, paragraphs kept.

A page saved from a browser is read as the text a reader sees: each paragraph,
heading, list item or table row on lines of its own (blank lines between
blocks), entities decoded, and nothing from ``<head>`` (its ``<title>`` is the
article's title, not a sentence), scripts, styles, forms, navigation or
comments. Only the standard library's ``html.parser`` is used.

>>> text, title = html_to_text("<title>Strike | News</title><p>Drones hit Goma.</p><p>Two died.</p>")
>>> text, title
('Drones hit Goma.\\n\\nTwo died.\\n', 'Strike | News')
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

# whose content a reader never sees as article text
_HIDDEN = frozenset({"head", "script", "style", "noscript", "template", "svg", "math", "iframe",
                     "object", "canvas", "select", "button", "form", "nav", "aside", "footer"})
_BLOCKS = frozenset({"p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6",
                     "li", "ul", "ol", "dl", "dt", "dd", "tr", "table", "blockquote", "pre", "figure",
                     "figcaption", "caption", "address", "hr", "body", "html", "td", "th"})
_VOID = frozenset({"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source",
                   "track", "wbr", "param"})
_LOOKS_LIKE_HTML = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b",
    re.I | re.S)
_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_DECLARED = re.compile(rb"""\A\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)


def looks_like_html(text: str) -> bool:
    """A document that starts as a web page does (a doctype, ``<html>``, ``<head>``...)."""
    return bool(_LOOKS_LIKE_HTML.match(text[:4096]))


def declared_encoding(raw: bytes) -> str | None:
    """The character set a page or XML file declares in its first 4 KB, if any."""
    head = raw[:4096]
    m = _XML_DECLARED.match(head) or _DECLARED.search(head)
    return m.group(1).decode("ascii").lower() if m else None


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self.hidden: list[str] = []  # open hidden elements
        self.in_title = False

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "title":
            self.in_title = True
        if tag in _HIDDEN and tag not in _VOID:
            self.hidden.append(tag)
        if tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in self.hidden:
            while self.hidden and self.hidden.pop() != tag:
                pass
        if tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self.hidden:
            self.parts.append(data)


def html_to_text(page: str) -> tuple[str, str | None]:
    """The visible text of a page, paragraphs separated by blank lines, and its ``<title>``."""
    parser = _TextParser()
    parser.feed(page)
    parser.close()
    blocks = re.split(r"\n{2,}", "".join(parser.parts))
    paragraphs = []
    for block in blocks:
        lines = [" ".join(line.split()) for line in block.split("\n")]
        block = "\n".join(line for line in lines if line)
        if block:
            paragraphs.append(block)
    title = " ".join("".join(parser.title).split()) or None
    return ("\n\n".join(paragraphs) + "\n") if paragraphs else "", title
