"""What a line of an official document is: heading, date, number, title, ...

Shared by normalize (where to keep line breaks), split (where documents
start and end) and metadata (which line holds which 公文要素). The patterns
describe the layout of 党政机关公文 (GB/T 9704), not any one file's words.
They and the words the read stage knows live in data/read.yaml; ``pattern(name)``
compiles one of them once, ``layout(section)`` gives a module its words.
"""
from __future__ import annotations

import re
from functools import lru_cache

from orgkg.extractors import knowledge as lexicon

TERMINAL = set("。！？；：!?;:")
CLOSERS = set("”’」』）)")
_NAME = re.compile(r"\{([a-z_]+)\}")      # {date} in a pattern; {1,2} is a repeat


def layout(section: str) -> dict:
    """One section of data/read.yaml (lines, normalize, split, metadata)."""
    return lexicon.data_file("read.yaml")[section]


@lru_cache(maxsize=None)
def _regex_parts() -> dict:
    """The pieces and patterns of read.yaml by name, lists joined as alternations."""
    parts = {"kind_word": "|".join(kind_words_longest_first())}
    for name, value in {**layout("pieces"), **layout("patterns")}.items():
        parts[name] = "|".join(value) if isinstance(value, list) else value
    return parts


@lru_cache(maxsize=None)
def regex(name: str) -> str:
    """The text of pattern (or piece) ``name``, every {name} in it filled in."""
    return _NAME.sub(lambda m: regex(m.group(1)), _regex_parts()[name])


@lru_cache(maxsize=None)
def pattern(name: str) -> re.Pattern:
    """Pattern ``name`` of read.yaml, compiled once: heading, date, date_line, number_line, …"""
    return re.compile(regex(name))


def kind_words() -> dict:
    """The last word of a title -> the kind of document it names (通知 -> notice)."""
    return layout("lines")["kind_words"]


@lru_cache(maxsize=None)
def kind_words_longest_first() -> tuple:
    """Longest first, so that 实施意见 is found before 意见."""
    return tuple(sorted(kind_words(), key=len, reverse=True))


def last_meaningful(line: str) -> str:
    """The line's last character before closing quotes and brackets."""
    s = line.rstrip()
    while s and s[-1] in CLOSERS:
        s = s[:-1]
    return s[-1] if s else ""


def ends_terminal(line: str) -> bool:
    s = line.rstrip()
    return bool(s) and (s[-1] in TERMINAL or last_meaningful(s) in TERMINAL)


def unbalanced(line: str) -> bool:
    """More 《 “ （ opened than closed: the line continues on the next one."""
    return (line.count("《") > line.count("》") or line.count("“") > line.count("”")
            or line.count("（") + line.count("(") > line.count("）") + line.count(")"))


def is_wrapped(line: str) -> bool:
    """Fully parenthesised, like （2023年9月8日） or （摘自《重庆日报》…）."""
    s = line.strip()
    return len(s) > 2 and s[0] in "（(" and s[-1] in "）)" and not unbalanced(s)


_SPACES = re.compile(r"\s+")


def is_title(line: str) -> bool:
    """A title line: short, no sentence punctuation, ends with a kind word."""
    s = _SPACES.sub("", line)
    if not s or len(s) > 90 or "。" in s or ends_terminal(s) or pattern("heading").match(s):
        return False
    if pattern("speech_title").match(s):
        return True
    m = pattern("title_end").search(s.rstrip("》”"))
    if not m:
        return False
    # "…书记张志明讲话" is a headline; a speech title says 在…上的讲话 / X的讲话
    return (kind_words().get(m.group(0)) != "speech"
            or s[: m.start()].endswith(layout("lines")["speech_link"]))


def kind_of(title: str) -> str:
    s = re.sub(r"[（(][^）)]*[）)]$", "", title.strip())
    for word in kind_words_longest_first():
        if s.endswith(word):
            return kind_words()[word]
    return "other"


def match_key(s: str) -> str:
    """Compare titles without whitespace, title marks and quotes."""
    return re.sub(r"[\s《》“”\"]", "", s)
