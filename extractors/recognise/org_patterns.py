"""Organisations found by a whole pattern rather than from their suffix: national
bodies from the gazetteer, admin-level lists (各省、自治区、直辖市科协), classes given a
duty (各高校要…, 要求各街道…), term bodies (十九届中央委员会), 监委 beside 纪委, the youth
league's 团省委, news bylines and names listed before 等企业.

>>> [c.text for c in find_pattern_orgs("会议要求，各街道、各镇要抓好落实。")]
['各街道', '各镇']
"""
from __future__ import annotations

import re
from functools import lru_cache

from orgkg.extractors import knowledge as lexicon
from orgkg.extractors.recognise.spans import Cand

ADMIN_LIST = (r"(?:省|自治区|直辖市|计划单列市|副省级城市|新疆生产建设兵团|地级以上市|地级市|地市|市州|市县|市|州|盟"
              r"|区县|区|县|乡镇|街道)")
# a news agency or paper opening a dispatch: 科技日报北京4月10日电
BYLINE = re.compile(r"([\u4e00-\u9fff]{2,8}?(?:日报|晚报|时报|报社|通讯社|电视台|广播电台))"
                    r"(?=[\u4e00-\u9fff]{2,4}\d{1,2}月\s*\d{1,2}日\s*电)")
TERM_BODY = re.compile(r"(?<!新)(?:中国共产党第|党的)?([一二三四五六七八九十]{1,3})届中央(委员会|纪律检查委员会)")
# a class of bodies given a duty: 各高校要…, 各地教育部门要…, 各有关单位须… (各级… is generic)
# (a list of classes shares the duty: 各街道、各镇要…)
# (省直各部门 keeps its 省直, 委直属各单位 its 委直属; a bare admin level is a class too: 各市县、各县（市）要…)
DUTY_CLASS = re.compile(r"(?:(?<=[，。；：、\n])(?:省直|市直|县直|区直|州直|[省市县区州委局厅](?:直属|所属|属)))?各(?!级)"
                        r"(?:(?:地|有关|相关|直属)?[\u4e00-\u9fff]{0,6}?(?:单位|部门|高校|学校|院校|企业|机构|乡镇|街道|镇|乡|村)"
                        # (县市区 and 县区 before 县市 and 县: the longer list of levels is the class)
                        r"|(?:县市区|市县区|县区|市县|区县|县市|市州|旗区|旗县|市|县|区|州|旗)(?:（[市区县旗、]{1,5}）)?)"
                        r"(?=(?:、[\u4e00-\u9fff（）]{1,8})*(?:要|须|必须|应当|务必))")
# or a list of classes asked to act: 要求各街道、区属各部门抓好落实
ASKED = re.compile(r"(?<=要求|督促|号召)(各(?!级)[\u4e00-\u9fff]{1,10}?(?:、[\u4e00-\u9fff]{2,10}?)*)(?=抓好|做好|认真|切实|[，。；])")
CLASS_END = ("单位", "部门", "高校", "企业", "乡镇", "街道", "镇", "乡", "村", "社区")
LISTED = re.compile(r"((?:[\u4e00-\u9fff]{2,8}、){1,8}[\u4e00-\u9fff]{2,8})等[\u4e00-\u9fff]{0,8}?(?:企业|公司|集团|高校|机构)")


@lru_cache(maxsize=None)
def _media():
    """A news source named as such: 据某日报消息, 【某网】, 微信公众号“某某发布”."""
    lex = lexicon.load()
    alt = lambda key: "|".join(map(re.escape, sorted(lex.w(key), key=len, reverse=True)))  # noqa: E731
    return re.compile(f"(?:{alt('media_openers')})" + r"([\u4e00-\u9fff]{2,10}?"
                      + f"(?:{alt('media_suffixes')}))" + r"(?=[】”，。\d]|微信|客户端|消息|报道)")


@lru_cache(maxsize=None)
def _patterns():
    national = re.compile(lexicon.national_alternation())
    bodies = r"(?:委(?:组织部|宣传部|统战部|政法委)|科协|党委|政府|人民政府|人大常委会|政协|学会|教育局|科技局)(?:组织)?"
    item = ADMIN_LIST + r"(?:（[市区县、]{1,5}）)?"      # 各区、县（市）人民政府
    admin = re.compile(r"各" + item + r"(?:[、，]" + item + r")*" + bodies + "|"
                       + item + r"(?:[、，]" + item + r")+" + bodies)
    return national, admin


def find_pattern_orgs(text: str) -> list:
    """National bodies, admin-level lists (各省、自治区、直辖市科协), term bodies
    (十九届中央委员会), 纪委监委 pairs and names listed before 等企业."""
    national, admin = _patterns()
    lex = lexicon.load()
    out = [Cand(m.start(), m.end(), m.group(), "ORG", props={"national": lex.national[m.group()]})
           for m in national.finditer(text)]
    out += [Cand(m.start(), m.end(), m.group(), "ORG", collective=True) for m in admin.finditer(text)]
    out += [Cand(m.start(), m.end(), m.group(), "ORG", collective=True) for m in DUTY_CLASS.finditer(text)]
    for m in ASKED.finditer(text):
        pos = m.start(1)
        for item in m.group(1).split("、"):
            if item.endswith(CLASS_END) and "各" in item:
                out.append(Cand(pos, pos + len(item), item, "ORG", collective=True))
            pos += len(item) + 1
    for m in TERM_BODY.finditer(text):
        out.append(Cand(m.start(), m.end(), m.group(), "ORG",
                        props={"canonical": f"中国共产党第{m.group(1)}届中央{m.group(2)}"}))
    for m in re.finditer(r"(?<![\u4e00-\u9fff])([省市区县])纪委(?:委员)?[、和]?(监委)", text):
        out.append(Cand(m.start(2), m.end(2), m.group(2), "ORG", props={"resolve_as": m.group(1) + "监委"}))
    # the youth league's committee of a level (团省委书记); 共青团 before it starts another name
    for m in re.finditer(r"(?<!青)团[省市县区]委", text):
        out.append(Cand(m.start(), m.end(), m.group(), "ORG"))
    # a place's youth league committee: 共青团某省委 (not that place's party committee)
    for m in re.finditer(r"共青团[\u4e00-\u9fff]{2,10}?[省市县区]委(?![员会])", text):
        out.append(Cand(m.start(), m.end(), m.group(), "ORG"))
    # a zone's administrative committee named bare after its party committee's post: 党工委书记、管委会主任
    for m in re.finditer(r"(?<=[、，。；\n])管委会", text):
        # 某高新区党工委书记、管委会主任: the zone the party post names
        zone = re.search(r"([\u4e00-\u9fff]{2,12}?(?:新区|经开区|高新区|开发区|示范区|园区))党工委(?:常务)?(?:副)?书记、$",
                         text[max(0, m.start() - 24):m.start()])
        props = {"canonical": zone.group(1) + "管理委员会"} if zone else {}
        out.append(Cand(m.start(), m.end(), m.group(), "ORG", props=props))
    # a prefecture named 地区 (阿克苏地区) calls its party committee 地委 and its government 行署, bare
    for m in re.finditer(r"(?<![\u4e00-\u9fff])(?:地委|行署|行政公署)", text):
        out.append(Cand(m.start(), m.end(), m.group(), "ORG"))
    for m in _media().finditer(text):
        out.append(Cand(m.start(1), m.end(1), m.group(1), "ORG", props={"media": True}))
    for m in BYLINE.finditer(text):
        out.append(Cand(m.start(1), m.end(1), m.group(1), "ORG", props={"media": True}))
    for m in LISTED.finditer(text):
        if m.start() and text[m.start() - 1] not in "，。；：、\n（“":
            continue
        pos = m.start()
        for item in m.group(1).split("、"):
            if 2 <= len(item) <= 8 and not any(w in item for w in lex.w("cut_before") if len(w) > 1):
                out.append(Cand(pos, pos + len(item), item, "ORG", props={"listed": True}))
            pos += len(item) + 1
    return out
