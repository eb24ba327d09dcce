"""Canonical names: jurisdiction spelled out, short forms expanded, other forms kept as aliases."""
from pathlib import Path

import pytest

from orgkg.extractors.document import Source
from orgkg.extractors.resolve import NATIONAL, Jurisdiction, attach, canonical_org, infer_jurisdiction
from orgkg.extractors.split import split_documents

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
])
def test_resolve_infer_jurisdiction(text, expected):
    assert infer_jurisdiction(_doc(text), []).name == expected
