"""What a line of an official document is: heading, date, number, title, ...

Shared by normalize (where to keep line breaks), split (where documents
start and end) and metadata (which line holds which 公文要素). The patterns
describe the layout of 党政机关公文 (GB/T 9704), not any one file's words.
"""
from __future__ import annotations

import re

CN_NUM = "〇零一二三四五六七八九十百"
TERMINAL = set("。！？；：!?;:")
CLOSERS = set("”’」』）)")

# list items and headings: 一、 （一） 1. 1、 ① 第一条 —— 一是
HEADING = re.compile(
    rf"^(?:[{CN_NUM}]+、|[（(][{CN_NUM}]+[）)]|\d{{1,2}}[.、．](?!\d)|[（(]\d{{1,2}}[）)]"
    rf"|[①-⑳]|第[{CN_NUM}\d]+[章节条部分]|——|[{CN_NUM}]+是)"
)
# lines that open a block of their own
BLOCK_START = re.compile(r"^(?:分送|抄送|报送|主送|附件|编者按|按)[:：]")
DATE = (rf"(?:\d{{4}}\s*年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日"
        rf"|[{CN_NUM}]{{4}}年[{CN_NUM}]{{1,3}}月[{CN_NUM}]{{1,3}}日)")
DATE_RE = re.compile(DATE)
DATE_LINE = re.compile(rf"^[（(]?{DATE}[^。，；]{{0,40}}?[）)]?$")
NUMBER = r"[\u4e00-\u9fff]{1,15}[〔\[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d{1,5}\s*号"
NUMBER_RE = re.compile(NUMBER)
NUMBER_LINE = re.compile(rf"^{NUMBER}$")
# the last word of a title says what kind of document it is
KIND_WORDS = {
    "通知": "notice", "通报": "notice", "函": "notice", "批复": "notice",
    "意见": "opinion", "实施意见": "opinion", "指导意见": "opinion",
    "要点": "plan", "方案": "plan", "规划": "plan", "计划": "plan", "纲要": "plan",
    "办法": "plan", "细则": "plan", "规定": "plan", "条例": "plan", "举措": "plan",
    "决议": "resolution", "决定": "resolution", "公报": "resolution",
    "讲话": "speech", "致辞": "speech", "发言": "speech", "报告": "report",
    "倡议": "other", "倡议书": "other",
}
TITLE_END = re.compile(r"(?:%s)(?:[（(][^）)]{1,20}[）)])?$" % "|".join(
    sorted(KIND_WORDS, key=len, reverse=True)))
SPEECH_TITLE = re.compile(r"^在.{2,80}(?:上|中|时)的(?:讲话|致辞|发言|报告)$")
SOURCE_LINE = re.compile(r"^[（(]?(?:摘自|来源[:：]|转自|原载)")
PRINTED_LINE = re.compile(rf"^(?P<body>[^，。；：]{{2,40}}?)\s*(?P<date>{DATE})\s*印发$")
DATELINE = re.compile(
    r"(?:新华社|中新社|本报|[\u4e00-\u9fff]{2}(?:日报|晚报|时报))"
    r"[\u4e00-\u9fff]{0,8}\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*电")


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


def is_title(line: str) -> bool:
    """A title line: short, no sentence punctuation, ends with a kind word."""
    s = re.sub(r"\s+", "", line)
    if not s or len(s) > 90 or "。" in s or ends_terminal(s) or HEADING.match(s):
        return False
    if SPEECH_TITLE.match(s):
        return True
    m = TITLE_END.search(s.rstrip("》”"))
    if not m:
        return False
    # "…书记张志明讲话" is a headline; a speech title says 在…上的讲话 / X的讲话
    return KIND_WORDS.get(m.group(0)) != "speech" or s[: m.start()].endswith("的")


def kind_of(title: str) -> str:
    s = re.sub(r"[（(][^）)]*[）)]$", "", title.strip())
    for word in sorted(KIND_WORDS, key=len, reverse=True):
        if s.endswith(word):
            return KIND_WORDS[word]
    return "other"


def match_key(s: str) -> str:
    """Compare titles without whitespace, title marks and quotes."""
    return re.sub(r"[\s《》“”\"]", "", s)
