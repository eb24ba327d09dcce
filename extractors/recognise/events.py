"""Named meetings and congresses: party congresses (党的二十大), central
plenums (十九届六中全会), local plenums (市委六届三次全会), local party
congresses (市第六次党代会), a body's national congress (科协九大), and named
meetings ending in 会议/座谈会/论坛/年会/集体学习/推进会 (全市某某工作推进会), and a body's
numbered sittings (市政府第45次常务会议, 深改委召开第八次会议).

The canonical name may hold ``{place}``: the resolver fills in the
jurisdiction (市委六届三次全会 -> 中国共产党重庆市第六届委员会第三次全体会议).

>>> [c.props["canonical"] for c in find_events("深入学习贯彻党的二十大精神")]
['中国共产党第二十次全国代表大会']
"""
from __future__ import annotations

import re
from functools import lru_cache

from orgkg.extractors import knowledge as lexicon
from orgkg.extractors.recognise.spans import Cand, is_cjk

N = r"[一二三四五六七八九十]{1,3}"
# (no function word inside: 党的二十大代表和市第六次党代会 names no place)
COUNTY = r"(?:(?![的和与及在是为对])[\u4e00-\u9fff]){2,8}?(?:自治县|自治旗|县|区|市|旗)"
# where such a name may start without a prefix: after a date, punctuation, 在 or 中共 (not at 在 itself)
# (a time of day may follow the date: 1月8日上午某市第十七届人民代表大会…)
CLEAN_LEFT = r"(?:^|(?<=[日午晚，。；：、\s在共]))(?![在于的和与及由对是]|中共|[上中下]午|晚上|[上中下]旬)"
LEVEL = {"市": "市", "省": "省", "区": "区", "县": "县", "州": "州"}
EVENT_CUT = ("会议", "以", "召开", "举行", "举办", "出席", "参加", "主持", "贯彻落实", "落实", "精神", "在", "的", "和", "与",
             "及", "为", "于", "是", "由", "到", "对", "等", "经", "上", "据", "按照", "根据", "通过", "列席", "进行")
GENERIC_EVENT = ("专题", "工作", "全体", "动员", "部署", "这次", "本次", "此次", "有关", "相关", "各类", "各种",
                 "一系列", "党组", "党委", "常委", "支部", "座谈", "推进", "调度", "总结", "视频", "电视电话", "现场")
# a body's routine sitting is not a named meeting: 县委常委会会议, 党组会议, 市政府常务会议
ROUTINE = ("常委会", "党组", "党委", "常务", "办公", "理事会", "主席团", "支部委员会")
MEETING = re.compile(r"(?:会议|座谈会|论坛|年会|集体学习|(?<!代表)大会|(?:推进|动员|部署|调度)会(?!议))")
# 全市城市更新工作推进会: a scope plus a subject names a meeting; 全县表彰大会 (no subject) does not
SCOPED = re.compile(r"全[省市县区州盟旗校]([\u4e00-\u9fff]*?)(?:工作|推进|动员|部署|调度|表彰|总结|专题|座谈|视频|电视电话)*$")
# who attends is no subject: 全县干部大会, 全市领导干部会议 are kinds of meeting
AUDIENCE = ("干部", "党员", "职工", "人员", "代表")
# a body's numbered sitting is named by its number: 市政府第45次常务会议, 深改委第八次会议,
# 中心组2024年第5次集体学习 (the routine sitting without a number is not)
SITTING = re.compile(r"(?:(?:19|20)\d\d年(?:度)?)?第(?:[一二三四五六七八九十百]{1,4}|\d{1,3})次"
                     r"(?:常务会议|全体会议|主任会议|常委会会议|党组会议|会议|集体学习|专题学习)"
                     # a body's party group or committee in an enlarged sitting: 某局召开党组（扩大）会议
                     r"|(?<=召开|举行)(?:党组|党委|党工委|常委会)(?:（扩大）|\(扩大\))会议")
# two-character words that start with a one-character cut word (经, 和, 在, 对)
KEEP_WORDS = ("经济", "经营", "经开", "经信", "和平", "在线", "对外")


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
        # a city's news names its region's plenum by level alone: 自治区党委十届五次全会, 省党委…
        ("local_plenum", re.compile(rf"(自治区|[省市县])党委({N})届({N})次全会")),
        ("local_congress", re.compile(rf"中国共产党{place}第({N})次代表大会")),
        # a county or district the gazetteer does not list, after a prefix that fixes the left edge
        ("local_congress", re.compile(rf"中国共产党({COUNTY})第({N})次代表大会")),
        ("local_plenum", re.compile(rf"中国共产党({COUNTY})第({N})届委员会第({N})次全体会议")),
        ("local_congress", re.compile(rf"{CLEAN_LEFT}({COUNTY})第({N})次党代会")),
        ("local_session", re.compile(rf"政协{COUNTY}第{N}届委员会(?:常务委员会)?第{N}次会议"
                                     rf"|{CLEAN_LEFT}({COUNTY})第{N}届人民代表大会(?:常务委员会)?第{N}次会议")),
        ("local_congress", re.compile(rf"{place}第({N})次党代会")),
        ("local_congress", re.compile(rf"{one}第({N})次党代会")),
        ("body_congress", re.compile(rf"({nat}|科协)第({N})次全国代表大会")),
        # 十四届全国人大一次会议, 全国政协十四届二次会议, 市政协五届三次会议
        ("npc", re.compile(rf"(?:第)?({N})届全国人大(?:第)?({N})次会议")),
        ("cppcc", re.compile(rf"全国政协(?:第)?({N})届(?:第)?({N})次会议|(?:第)?({N})届全国政协(?:第)?({N})次会议")),
        ("local_session", re.compile(rf"(?:{place}|[省市区县])(?:人大|政协)(?:常委会)?(?:第)?{N}届(?:第)?{N}次会议"
                                     rf"|(?:{place}|[省市区县])(?:第)?{N}届(?:人大|政协)(?:常委会)?(?:第)?{N}次会议"
                                     # the full forms: 政协合肥市第十六届委员会第三次会议, 某市第十七届人民代表大会第二次会议
                                     rf"|政协{place}第{N}届委员会(?:常务委员会)?第{N}次会议"
                                     rf"|{place}第{N}届人民代表大会(?:常务委员会)?第{N}次会议")),
        ("local_body_congress", re.compile(rf"([\u4e00-\u9fff]{{2,12}}?(?:科协|学会|协会|工会|妇联|工商联|团委|联合会|社科联|文联|侨联|残联))"
                                            rf"(?:召开|举行)?了?第({N})次(?:会员|全体)?代表大会")),
        ("body_congress", re.compile(rf"({nat}|科协)({N})大")),
        # a place's youth league or women's congress: 共青团某省第十五次代表大会, 某自治区妇女第十三次代表大会
        ("mass_congress", re.compile(rf"(?:共青团|中国共产主义青年团)(?:{place}|{COUNTY})第{N}次代表大会"
                                     rf"|{place}(?:妇女|青年|残疾人|归侨侨眷)第{N}次代表大会")),
    ]


@lru_cache(maxsize=None)
def _session_forms():
    return lexicon.load().w("session_full_forms")


def _session_name(name: str) -> str:
    """A congress or conference session in full: 湖北省十三届人大常委会第十四次会议 ->
    湖北省第十三届人民代表大会常务委员会第十四次会议; a bare level keeps {place} for the resolver."""
    for short, full in _session_forms():
        name = name.replace(short, full)
    name = re.sub(rf"(?<!第)({N})(届|次)", r"第\1\2", name)
    return re.sub(r"^(自治区|[省市区县州])(?=第)", "{place}", name)


def _canonical(kind: str, m) -> str:
    g = m.groups()
    if kind == "congress":
        return f"中国共产党第{g[0]}次全国代表大会"
    if kind == "plenum":
        return f"中国共产党第{g[0]}届中央委员会第{g[1]}次全体会议"
    if kind == "local_plenum":
        place = g[0] if len(g[0]) > 1 and g[0] != "自治区" else "{place}"
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
        return _session_name(m.group())
    if kind == "mass_congress":
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


def _scoped_start(text: str, lo: int, hi: int):
    """Start of a scoped name right after 召开/举行 (召开全省营商环境建设动员大会: its subject may
    hold words that otherwise cut a name), or None."""
    for k in range(hi - 4, lo - 1, -1):
        sc = SCOPED.match(text, k, hi)
        if sc and len(sc.group(1)) >= 2 and not sc.group(1).endswith(AUDIENCE) and text[k - 2:k] in ("召开", "举行"):
            return k
    return None


@lru_cache(maxsize=None)
def _place_re():
    return re.compile(lexicon.place_alternation())


def _place_start(text: str, i: int, hi: int, start: int) -> int:
    """A meeting named from a clean left edge by a gazetteer place (某市优化营商环境推进大会)
    keeps the verbs of its subject (优化, 加强); only 召开, 在 and the like cut it."""
    j = i + re.match(r"日?(?:[上中下]午|晚上)?", text[i:hi]).end()
    place = _place_re().match(text, j, hi)
    if j >= start or not place or place.end() - j < 2 or any(w in text[j:hi] for w in EVENT_CUT):
        return start
    return j


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
            while k >= 0 and text[k:k + 2] in KEEP_WORDS:
                k = text.rfind(w, i, k)      # 经 of 经济 is no verb: 中央经济工作会议
            if k >= 0:
                start = max(start, k + len(w))
        for d in re.finditer(r"[〇零一二三四五六七八九十\d]+[年月日]", text[start:m.start()]):
            start = start + d.end()
        # 贯彻 stays inside names (学习贯彻…主题教育工作会议) but not before an anchored one:
        # 深入贯彻中央统战工作会议精神
        lead = next((w for w in ("学习贯彻", "贯彻") if text.startswith(w, start)), "")
        if lead and not _anchor().match(text, start) and _anchor().match(text, start + len(lead)):
            start += len(lead)
        start = _place_start(text, i, m.start(), start)
        scoped = _scoped_start(text, i, m.start())
        start = scoped if scoped is not None else start
        name = text[start:e]
        prefix = text[start:m.start()]
        anchored = _anchor().match(name)
        scoped = scoped is not None
        anchored = anchored or scoped
        introduced = text[start - 1:start] == "在" or text[max(0, start - 2):start] in ("召开", "举行", "出席", "参加") \
            or text[max(0, start - 3):start] in ("主办的", "举办的", "承办的", "召开的", "举行的")
        if len(prefix) < 4 or prefix.startswith(GENERIC_EVENT) or not (anchored or introduced) \
                or prefix.endswith(ROUTINE):
            continue
        if m.group() == "大会" and (not anchored or prefix.endswith("代表")):
            continue     # 召开表彰大会 is a kind of meeting; 代表大会 have patterns of their own
        if m.group() == "座谈会" and not (anchored or text[start - 1:start] == "在" or text[start - 2:start] == "出席"):
            continue     # 召开科技工作者座谈会: an unnamed kind of meeting
        numbered = re.search(r"第[一二三四五六七八九十]+次", prefix)     # 第十次党代会筹备工作推进会: one meeting
        if m.group().endswith("会") and len(m.group()) == 3 and m.group() != "座谈会" and not anchored and not numbered:
            continue     # 召开乡村振兴工作推进会 without a scope or place: a kind of meeting
        canonical = name
        convener = re.search(r"([\u4e00-\u9fff]{2,12}?)(?:召开|举行)$", text[max(0, start - 14):start])
        if convener and not anchored and not scoped and text[max(0, start - 14):start].endswith(("召开", "举行")):
            canonical = None      # the resolver may prefix the convening body
        out.append(Cand(start, e, name, "EVENT", props={"canonical": canonical or name,
                                                      "convened": bool(canonical is None)}))
    return out


PLENUM_TAIL = re.compile(rf"委({N})届({N})次全会")
LEVEL_END = "县区市州旗"


def _local_plenums(text: str) -> list:
    """Plenums of a county or district the gazetteer does not list: 中共某某县委十五届五次全会.
    The place is the longest run of two to eight characters before 委 ending in a level
    character and starting after punctuation, a function word or 中共."""
    out = []
    for m in PLENUM_TAIL.finditer(text):
        k = m.start()
        if text[k - 1:k] not in LEVEL_END:
            continue
        for j in range(k - 3, max(-1, k - 9), -1):      # the shortest place with a clean left edge
            before = text[j - 1:j]
            stops = lexicon.load().w("left_stops")
            if not all(is_cjk(ch) and ch not in stops for ch in text[j:k - 1]) or text[j:j + 2] == "中共":
                break
            if before and is_cjk(before) and text[j - 2:j] != "中共" and before not in "的和与及在了是由经":
                continue
            party = text[j - 2:j] == "中共"
            start = j - 2 if party else j
            place = text[j:k]
            out.append(Cand(start, m.end(), text[start:m.end()], "EVENT", props={
                "canonical": f"中国共产党{place}第{m.group(1)}届委员会第{m.group(2)}次全体会议", "kind": "local_plenum"}))
            break
    return out


# a session of a term body (第十四届全国人民代表大会第二次会议) is not a body's numbered sitting
TERM_BEFORE = re.compile(rf"(?:第|\d|{N})届[\u4e00-\u9fff]{{2,16}}$")


def _sittings(text: str) -> list:
    """Numbered sittings; entities.py names them after the body that holds them and drops
    those with no body right before them or before 召开/举行/进行."""
    return [Cand(m.start(), m.end(), m.group(), "EVENT", props={"canonical": m.group(), "convened": True,
                                                                "kind": "sitting"})
            for m in SITTING.finditer(text) if not TERM_BEFORE.search(text, max(0, m.start() - 24), m.start())]


def find_events(text: str) -> list:
    out = _local_plenums(text) + _sittings(text)
    for kind, pat in _patterns():
        for m in pat.finditer(text):
            # 中共陕西省委十四届六次全会: 中共 belongs to the meeting's name, not a body of its own
            start = m.start() - 2 if kind.startswith("local_") and text[m.start() - 2:m.start()] == "中共" else m.start()
            out.append(Cand(start, m.end(), text[start:m.end()], "EVENT",
                            props={"canonical": _canonical(kind, m), "kind": kind}))
    out.extend(_named_meetings(text))
    return out
