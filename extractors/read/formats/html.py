"""Visible text of an HTML page (stdlib html.parser): script and style
dropped, block elements become line breaks, whitespace inside a block
collapsed as a browser would."""
from __future__ import annotations

import re
from html.parser import HTMLParser

from orgkg.extractors.read.formats.text import decode_bytes

_SKIP = {"script", "style", "noscript", "template", "head"}
_BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section",
          "article", "table", "ul", "ol", "title", "header", "footer", "blockquote", "pre",
          "hr", "dd", "dt", "dl", "main", "aside", "nav", "figure", "figcaption", "address",
          "td", "th", "form", "body"}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP:
            self.skip += 1
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_startendtag(self, tag, attrs):
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(re.sub(r"[ \t\r\n\f]+", " ", data))


def decode_html(data: bytes, path="<bytes>") -> str:
    """Decode with the declared charset when it works, else by detection."""
    m = _META_CHARSET.search(data[:4096])
    if m and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        name = m.group(1).decode("ascii").lower()
        name = "gb18030" if name in ("gb2312", "gbk") else name   # a superset, same bytes
        try:
            return data.decode(name)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(data, path)[0]


def html_to_text(markup: str) -> str:
    parser = _Text()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts)
    lines = (line.strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)
