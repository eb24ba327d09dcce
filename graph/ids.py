"""Deterministic identity: a node id is a hash of its type and canonical name,
so every load is an idempotent MERGE and two runs give the same ids."""
import hashlib
import re
import unicodedata
from functools import lru_cache

_STRIP = re.compile(r"[\s《》〈〉“”\"‘’'「」『』]")


# names repeat: a body is looked up under the same few forms again and again
@lru_cache(maxsize=1 << 16)
def match_key(text: str) -> str:
    """The form names are compared in: NFKC-folded, no whitespace, no title marks or quotes.

    >>> match_key("《重庆市 科协》")
    '重庆市科协'
    """
    return _STRIP.sub("", unicodedata.normalize("NFKC", text))


@lru_cache(maxsize=1 << 14)
def make_id(label: str, name: str) -> str:
    digest = hashlib.sha1(f"{label}\x1f{match_key(name)}".encode("utf-8")).hexdigest()
    return f"{label[:3].lower()}-{digest[:16]}"


def edge_id(source: str, rel: str, target: str) -> str:
    return hashlib.sha1(f"{source}\x1f{rel}\x1f{target}".encode("utf-8")).hexdigest()[:20]
