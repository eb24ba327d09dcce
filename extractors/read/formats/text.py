"""Decode plain-text bytes: BOMs first, then strict UTF-8, then GB18030,
then charset-normalizer. Never the locale."""
from __future__ import annotations

import codecs
import re

from orgkg.graph.errors import InputError

_BOMS = (  # longest first: the UTF-32 LE BOM starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_ALLOWED_CONTROLS = set("\t\n\r\x0c\x0b")
_BAD_CONTROLS = re.compile("[" + "".join(re.escape(chr(c)) for c in range(32) if chr(c) not in _ALLOWED_CONTROLS)
                           + "\x7f]")


def _looks_binary(text: str) -> bool:
    """Control characters (NUL and friends) in more than 1 in 200 characters."""
    if not text:
        return False
    bad = len(_BAD_CONTROLS.findall(text))
    return bad > max(0, len(text) // 200)


def decode_bytes(data: bytes, path="<bytes>") -> tuple:
    """(text, encoding) of ``data``; the BOM is removed so offsets count from the first character.

    >>> decode_bytes("重庆".encode("gb18030"))
    ('重庆', 'gb18030')
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _check(data.decode(encoding), encoding, path)
            except UnicodeDecodeError:
                raise InputError(path, f"cannot decode as {encoding} despite its byte-order mark") from None
    if b"\x00" not in data:
        for encoding in ("utf-8", "gb18030"):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if not _looks_binary(text):
                return text, encoding
    return _detect(data, path)


def _detect(data: bytes, path) -> tuple:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputError(path, "binary file or unknown text encoding")
    text = str(best)
    if text.startswith("\ufeff"):
        text = text[1:]
    return _check(text, best.encoding, path)


def _check(text: str, encoding: str, path) -> tuple:
    if _looks_binary(text):
        raise InputError(path, "binary file or unknown text encoding")
    return text, encoding
