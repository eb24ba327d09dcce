"""Text that is safe to print on a terminal and to keep as a name.

Documents and file names can carry control characters: ``\\x1b]0;…\\x07``
retitles a terminal window, ``\\x1b[2J`` clears it, and a file name that is
not UTF-8 holds lone surrogates that cannot be printed at all.

>>> printable("标题\\x1b]0;pwned\\x07完")
'标题]0;pwned完'
>>> clean_name(" 重庆市\\u200b科协\\x00 ")
'重庆市科协'
"""
from __future__ import annotations

import re
from functools import lru_cache

# C0 and C1 controls and DEL; line breaks and tabs are kept where text is printed
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# in a name nothing invisible belongs: controls, zero-width and bidi marks
_INVISIBLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _unsurrogate(text: str) -> str:
    """A non-UTF-8 byte kept as a lone surrogate (os.fsdecode) as a visible \\xNN."""
    return _SURROGATE.sub(lambda m: f"\\x{ord(m.group()) - 0xDC00:02x}" if ord(m.group()) >= 0xDC80
                          else "\ufffd", text)


def printable(text) -> str:
    """``text`` without control characters (line breaks and tabs kept), printable in UTF-8."""
    return _CONTROLS.sub("", _unsurrogate(str(text)))


def file_name(name) -> str:
    """A file name as text: bytes that are not UTF-8 shown as \\xNN, controls dropped."""
    return printable(name).replace("\n", " ").replace("\t", " ")


@lru_cache(maxsize=1 << 14)      # a graph adds the same names again and again
def clean_name(name: str) -> str:
    """An entity name without control or invisible characters, trimmed."""
    return _INVISIBLE.sub("", _unsurrogate(name)).strip()
