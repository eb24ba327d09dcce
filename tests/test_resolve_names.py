"""Canonical names: jurisdiction spelled out, short forms expanded, other forms kept as aliases."""
from pathlib import Path

import pytest

from orgkg.extractors.read.document import Source
from orgkg.extractors.resolve.names import NATIONAL, Jurisdiction, attach, canonical_org, infer_jurisdiction
from orgkg.extractors.read.split import split_documents

CQ = Jurisdiction("重庆市", "province")
GD = Jurisdiction("广东省", "province")
SZ = Jurisdiction("苏州市", "city")

CANONICAL = [
    ("市科协", CQ, "重庆市科学技术协会"),
    ("市科协", SZ, "苏州市科学技术协会"),
    ("市委", CQ, "中共重庆市委员会"),
    ("省委", GD, "中共广东省委员会"),
    ("市委常委会", SZ, "中共苏州市委常务委员会"),
    ("市纪委", CQ, "中共重庆市纪律检查委员会"),
    ("市科协党组", SZ, "中共苏州市科学技术协会党组"),
    ("市科协机关党委", CQ, "中共重庆市科学技术协会机关委员会"),
    ("中共重庆市科协科技社团委员会", CQ, "中共重庆市科学技术协会科技社团委员会"),
    ("中国科协党组", NATIONAL, "中国科学技术协会党组"),
    ("中国科协", NATIONAL, "中国科学技术协会"),
    ("全国政协", NATIONAL, "中国人民政治协商会议全国委员会"),
    ("广东省工商联", NATIONAL, "广东省工商业联合会"),
    ("各全国学会、协会、研究会", NATIONAL, "全国学会"),
    ("市级学会（协会、研究会）", CQ, "市级学会"),
    # a bare level in a lower place's document: 省委 in a city's is its province's, 市委 in a district's its city's
    ("省委", Jurisdiction("无锡市", "city"), "中共江苏省委员会"),
    ("市委", Jurisdiction("南京市玄武区", "district"), "中共南京市委员会"),
    ("市政府", SZ, "苏州市人民政府"),
    # a place's political consultative conference in full; a stationed group keeps its words
    ("省政协", GD, "中国人民政治协商会议广东省委员会"),
    ("县政协", Jurisdiction("泾县", "county"), "中国人民政治协商会议泾县委员会"),
    ("县纪委监委驻县教育局纪检监察组", Jurisdiction("泾县", "county"), "泾县纪委监委驻县教育局纪检监察组"),
    ("中共泾县纪律检查委员会", Jurisdiction("泾县", "county"), "中共泾县纪律检查委员会"),
    ("县纪委", Jurisdiction("泾县", "county"), "中共泾县纪律检查委员会"),
    # a city's district is named with its city
    ("吴江区委", Jurisdiction("苏州市吴江区", "county"), "中共苏州市吴江区委员会"),
    ("区政府", Jurisdiction("苏州市吴江区", "county"), "苏州市吴江区人民政府"),
    # 自治区 in a county-level city's text is its region's
    ("自治区人民政府", Jurisdiction("青铜峡市", "county"), "宁夏回族自治区人民政府"),
    ("省委统战部", Jurisdiction("吉林省", "province"), "中共吉林省委统一战线工作部"),
    # a 办 before 公 is the office's own word; 县政府办 is the county government's office
    ("省政府办公厅", Jurisdiction("江苏省", "province"), "江苏省人民政府办公厅"),
    ("县政府办", Jurisdiction("泾县", "county"), "泾县人民政府办公室"),
    # a government's own commission, named after it: one body, spelled out
    ("青海省政府国资委", Jurisdiction("青海省", "province"), "青海省人民政府国有资产监督管理委员会"),
    # a university's own short forms
    ("校党委组织部", Jurisdiction("复旦大学", "school"), "中共复旦大学委员会组织部"),
    ("校长办公室", Jurisdiction("复旦大学", "school"), "复旦大学校长办公室"),
    # a class keeps its 各 and its bracketed qualifier
    ("各市（区）科协", SZ, "市（区）科协"),
    # 深改委 is a committee's short form
    ("市委深改委", Jurisdiction("绵阳市", "city"), "中共绵阳市委全面深化改革委员会"),
    # the conference named word first is no party committee
    ("政协岳阳市委员会办公室", Jurisdiction("岳阳市", "city"), "中国人民政治协商会议岳阳市委员会办公室"),
]


@pytest.mark.parametrize("surface,juris,expected", CANONICAL)
def test_resolve_canonical_name(surface, juris, expected):
    name, aliases = canonical_org(surface, juris)
    assert name == expected
    assert surface in aliases


def test_resolve_party_committee_keeps_short_forms_as_aliases():
    name, aliases = canonical_org("市科协机关党委", CQ)
    assert "市科协机关党委" in aliases and "重庆市科协机关党委" in aliases


@pytest.mark.parametrize("home,bare,expected", [
    ("中国科学技术协会", "党组", "中国科学技术协会党组"),
    ("中国科学技术协会", "科协党组", "中国科学技术协会党组"),
    ("重庆市科学技术协会", "机关党委", "重庆市科学技术协会机关党委"),
    ("重庆市科学技术协会", "地方党委", "地方党委"),       # a class of bodies, not a unit of home
])
def test_resolve_attach_bare_unit_to_home(home, bare, expected):
    assert attach(home, bare) == expected


def _doc(text):
    return split_documents(Source(path=Path("t.txt"), raw=text))[0]


@pytest.mark.parametrize("text,expected", [
    ("渝科协发〔2023〕3号\n关于开展科普活动的通知\n各区县科协：\n请认真落实。", "重庆市"),
    ("粤科协发〔2023〕12号\n关于开展科普活动的通知\n各地级以上市科协：\n请认真落实。", "广东省"),
    ("苏州市科协召开全委会。苏州市科协主席出席。苏州市科协各部门参加。", "苏州市"),
    ("中国科协关于开展科普活动的通知\n各全国学会：\n请认真落实。", ""),
    # the issuer's own place wins over a number prefix that a province shares with its cities
    ("湘科协发〔2024〕5号\n长沙市科学技术协会关于开展科普活动的通知\n各区县科协：\n请认真落实。", "长沙市"),
    # a county-level city the gazetteer does not list, named in the signature
    ("关于开展科普活动的通知\n各乡镇科协：\n请认真落实。\n浏阳市科学技术协会\n2024年3月1日", "浏阳市"),
    # a news item saying 省委 / 省长: the province it names (a city votes for its province)
    ("河南省委召开会议，省委书记王明主持，郑州市委书记李强出席。省长赵刚讲话。", "河南省"),
    # a place in a speech's title
    ("在南京市科技创新大会上的讲话\n（2024年2月1日）\n王明\n同志们：\n今天召开大会。", "南京市"),
    ("中共复旦大学委员会关于开展调研的通知\n各院系党委：\n请认真落实。", "复旦大学"),
    # a university's news: the 大学 it names, not one of its 学院 or a clause ending in one
    ("校长王明主持召开校长办公会。会议审议了《安徽大学章程》，审议了经管学院工作方案。", "安徽大学"),
])
def test_resolve_infer_jurisdiction(text, expected):
    assert infer_jurisdiction(_doc(text), []).name == expected


def test_resolve_county_from_the_names_found_in_a_news_item():
    from orgkg.extractors.extract import extract_document
    from orgkg.graph.kg import KnowledgeGraph
    ctx = extract_document(_doc("中共石柱县委十四届六次全会召开，县委书记王明讲话。"), KnowledgeGraph())
    assert ctx.juris.name == "石柱县"


@pytest.mark.parametrize("text", [
    "", "苏", "苏州苏州苏州", "苏苏苏苏", "广州的广州人在广州，广东广东。广州",
    "湖南湖南湖南湖北湖北湖北湖南", "渝中渝中𠀋渝中渝中", "abc苏州 苏州\n苏州",
])
def test_resolve_pairs_counted_as_arrays_equal_a_count_of_every_pair(text):
    # the short forms' first pairs named three times, in the order the text first names them
    from collections import Counter

    from orgkg.extractors.resolve import jurisdiction as J
    counted = Counter(map(str.__add__, text, text[1:]))
    expected = [pair for pair, n in counted.items() if n >= 3 and pair in J._short_forms()]
    assert J._often_pairs(text) == expected
