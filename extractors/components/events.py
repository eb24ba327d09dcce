"""Named meetings and congresses: party congresses (党的二十大), central
plenums (十九届六中全会), local plenums (市委六届三次全会), local party
congresses (市第六次党代会), a body's national congress (科协九大), and named
meetings ending in 会议/座谈会/论坛/年会/集体学习.

The canonical name may hold ``{place}``: the resolver fills in the
jurisdiction (市委六届三次全会 -> 中国共产党重庆市第六届委员会第三次全体会议).

>>> [c.props["canonical"] for c in find_events("深入学习贯彻党的二十大精神")]
['中国共产党第二十次全国代表大会']
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import lexicon
from .spans import Cand, is_cjk

N = r"[一二三四五六七八九十]{1,3}"
LEVEL = {"市": "市", "省": "省", "区": "区", "县": "县", "州": "州"}
EVENT_CUT = ("召开", "举行", "举办", "出席", "参加", "主持", "贯彻落实", "落实", "精神", "在", "的", "和", "与",
             "及", "为", "于", "是", "由", "到", "对", "等", "经", "上", "据", "按照", "根据", "通过", "列席")
GENERIC_EVENT = ("专题", "工作", "全体", "动员", "部署", "这次", "本次", "此次", "有关", "相关", "各类", "各种",
                 "一系列", "党组", "党委", "常委", "支部", "座谈", "推进", "调度", "总结", "视频", "电视电话", "现场")
# a body's routine sitting is not a named meeting: 县委常委会会议, 党组会议, 市政府常务会议
ROUTINE = ("常委会", "党组", "党委", "常务", "办公", "理事会", "主席团", "支部委员会")
MEETING = re.compile(r"(?:会议|座谈会|论坛|年会|集体学习)")


@lru_cache(maxsize=None)
def _patterns():
    nat = lexicon.national_alternation()
    place = "(" + "|".join(sorted({p.name for p in lexicon.load().places.values()}, key=len, reverse=True)) + ")"
    one = "([省市区县州])"
    return [
        ("congress", re.compile(rf"中国共产党第({N})次全国代表大会")),
        ("congress", re.compile(rf"党的({N})大")),
        ("congress", re.compile(rf"(?<![\u4e00-\u9fff])({N})大(?=精神|以来|报告|胜利|召开|代表|主题|确定|提出|作出|部署|[、，。和])")),
        ("plenum", re.compile(rf"中国共产党第({N})届中央委员会第({N})次全体会议")),
        ("plenum", re.compile(rf"(?:党的)?({N})届(?:中央)?({N})中全会")),
        ("local_plenum", re.compile(rf"中国共产党{place}第({N})届委员会第({N})次全体会议")),
        ("local_plenum", re.compile(rf"{place}委({N})届({N})次全会")),
        ("local_plenum", re.compile(rf"([省市区县州])委({N})届({N})次全会")),
        ("local_congress", re.compile(rf"中国共产党{place}第({N})次代表大会")),
        ("local_congress", re.compile(rf"{place}第({N})次党代会")),
        ("local_congress", re.compile(rf"{one}第({N})次党代会")),
        ("body_congress", re.compile(rf"({nat}|科协)第({N})次全国代表大会")),
        # 十四届全国人大一次会议, 全国政协十四届二次会议, 市政协五届三次会议
        ("npc", re.compile(rf"(?:第)?({N})届全国人大(?:第)?({N})次会议")),
        ("cppcc", re.compile(rf"全国政协(?:第)?({N})届(?:第)?({N})次会议|(?:第)?({N})届全国政协(?:第)?({N})次会议")),
        ("local_session", re.compile(rf"(?:{place}|[省市区县])(?:人大|政协)(?:常委会)?(?:第)?{N}届(?:第)?{N}次会议"
                                     rf"|(?:{place}|[省市区县])(?:第)?{N}届(?:人大|政协)(?:常委会)?(?:第)?{N}次会议")),
        ("local_body_congress", re.compile(rf"([\u4e00-\u9fff]{{2,12}}?(?:科协|学会|协会|工会|妇联|工商联|团委))"
                                            rf"(?:召开|举行)?了?第({N})次(?:会员|全体)?代表大会")),
        ("body_congress", re.compile(rf"({nat}|科协)({N})大")),
    ]


def _canonical(kind: str, m) -> str:
    g = m.groups()
    if kind == "congress":
        return f"中国共产党第{g[0]}次全国代表大会"
    if kind == "plenum":
        return f"中国共产党第{g[0]}届中央委员会第{g[1]}次全体会议"
    if kind == "local_plenum":
        place = g[0] if len(g[0]) > 1 else "{place}"
        return f"中国共产党{place}第{g[1]}届委员会第{g[2]}次全体会议"
    if kind == "local_congress":
        place = g[0] if len(g[0]) > 1 else "{place}"
        return f"中国共产党{place}第{g[1]}次代表大会"
    if kind == "npc":
        return f"第{g[0]}届全国人民代表大会第{g[1]}次会议"
    if kind == "cppcc":
        term, n = (g[0], g[1]) if g[0] else (g[2], g[3])
        return f"中国人民政治协商会议第{term}届全国委员会第{n}次会议"
    if kind == "local_session":
        return m.group()
    if kind == "local_body_congress":
        return f"{g[0]}第{g[1]}次代表大会"
    body = lexicon.load().national.get(g[0], "中国科学技术协会" if g[0] == "科协" else g[0])
    return f"{body}第{g[1]}次全国代表大会"


@lru_cache(maxsize=None)
def _cut_words():
    words = set(EVENT_CUT) | set(lexicon.load().w("cut_before"))
    return sorted(words - {"学习贯彻", "贯彻", "学习", "总结", "研究", "宣传", "推进", "部署", "工作", "组织"},
                  key=len, reverse=True)


@lru_cache(maxsize=None)
def _anchor():
    return re.compile(lexicon.place_alternation() + "|" + lexicon.national_alternation()
                      + "|中共|中国|全国|中央|国家|国际|世界|全球|亚洲|市委|省委|市|省")


def _named_meetings(text: str) -> list:
    out = []
    for m in MEETING.finditer(text):
        e = m.end()
        i = m.start()
        while i > 0 and m.start() - i < 40 and (is_cjk(text[i - 1]) or text[i - 1] in "“”\""):
            i -= 1
        start = i
        for w in _cut_words():
            k = text.rfind(w, i, m.start())
            if k >= 0:
                start = max(start, k + len(w))
        for d in re.finditer(r"[〇零一二三四五六七八九十\d]+[年月日]", text[start:m.start()]):
            start = start + d.end()
        name = text[start:e]
        prefix = text[start:m.start()]
        anchored = _anchor().match(name)
        introduced = text[start - 1:start] == "在" or text[max(0, start - 2):start] in ("召开", "举行", "出席", "参加") \
            or text[max(0, start - 3):start] in ("主办的", "举办的", "承办的", "召开的", "举行的")
        if len(prefix) < 4 or prefix.startswith(GENERIC_EVENT) or not (anchored or introduced) \
                or prefix.endswith(ROUTINE):
            continue
        if m.group() == "座谈会" and not (anchored or text[start - 1:start] == "在" or text[start - 2:start] == "出席"):
            continue     # 召开科技工作者座谈会: an unnamed kind of meeting
        canonical = name
        convener = re.search(r"([\u4e00-\u9fff]{2,12}?)(?:召开|举行)$", text[max(0, start - 14):start])
        if convener and not anchored and text[max(0, start - 14):start].endswith(("召开", "举行")):
            canonical = None      # the resolver may prefix the convening body
        out.append(Cand(start, e, name, "EVENT", props={"canonical": canonical or name,
                                                      "convened": bool(canonical is None)}))
    return out


def find_events(text: str) -> list:
    out = []
    for kind, pat in _patterns():
        for m in pat.finditer(text):
            out.append(Cand(m.start(), m.end(), m.group(), "EVENT",
                            props={"canonical": _canonical(kind, m), "kind": kind}))
    out.extend(_named_meetings(text))
    return out
