"""Relation rules on short texts in the style of the genre (not taken from the gold)."""
from pathlib import Path

import pytest

from orgkg.extractors.document import Source
from orgkg.extractors.extract import extract_document
from orgkg.extractors.split import split_documents
from orgkg.graph.ids import match_key
from orgkg.graph.kg import KnowledgeGraph

NOTICE = ("京科协发〔2023〕8号\n"
          "北京市科学技术协会关于印发《2023年全民科学素质工作要点》的通知\n"
          "各区科协，市级学会（协会、研究会）：\n"
          "现将《2023年全民科学素质工作要点》印发给你们，请结合实际认真贯彻落实。\n"
          "北京市科学技术协会\n2023年3月1日\n")


def triples(text: str, name: str = "t.txt") -> set:
    kg = KnowledgeGraph()
    docs = split_documents(Source(path=Path(name), raw=text))
    for doc in docs:
        extract_document(doc, kg, siblings=docs)
    nodes = {n["id"]: n for n in kg.nodes()}
    out = set()
    for e in kg.edges():
        for h in [nodes[e["source"]]["name"], *nodes[e["source"]]["aliases"]]:
            for t in [nodes[e["target"]]["name"], *nodes[e["target"]]["aliases"]]:
                out.add((match_key(h), e["type"], match_key(t)))
    return out


RELATIONS = [
    (NOTICE, "北京市科学技术协会", "ISSUED", "北京市科学技术协会关于印发《2023年全民科学素质工作要点》的通知"),
    (NOTICE, "北京市科学技术协会", "ISSUED", "2023年全民科学素质工作要点"),
    (NOTICE, "北京市科学技术协会", "SUPERVISES", "各区科协"),
    (NOTICE, "北京市科学技术协会关于印发《2023年全民科学素质工作要点》的通知", "REQUIRES", "市级学会"),
    ("省委办公厅印发《关于加强基层党建工作的意见》。", "省委办公厅", "ISSUED", "关于加强基层党建工作的意见"),
    ("中国科协、教育部联合印发《关于加强青少年科学教育的意见》。", "教育部", "ISSUED", "关于加强青少年科学教育的意见"),
    ("中国科协、教育部联合印发《关于加强青少年科学教育的意见》。", "中国科协", "ISSUED", "关于加强青少年科学教育的意见"),
    (NOTICE, "2023年全民科学素质工作要点", "REQUIRES", "市级学会"),
    ("关于报送年度总结的通知\n各单位：\n请省科协办公室、省科协党校于12月底前报送年度总结。\n",
     "关于报送年度总结的通知", "REQUIRES", "省科协党校"),
    ("中共合肥市委十二届五次全会召开\n近日，合肥市委十二届五次全会召开。全会审议通过了《中共合肥市委关于加快高质量发展的决定》。",
     "中国共产党合肥市第十二届委员会第五次全体会议", "ADOPTED", "中共合肥市委关于加快高质量发展的决定"),
    ("区委书记陈志强主持会议并讲话，区委副书记、区长周海涛出席。", "陈志强", "LEADS", "区委"),
    ("区委书记陈志强主持会议并讲话，区委副书记、区长周海涛出席。", "周海涛", "LEADS", "区委"),
    ("杭州市委常委会召开会议，杭州市委书记主持。", "杭州市委常委会", "PART_OF", "杭州市委"),
    ("福建省科协召开年中工作会，福建省科协党组书记、常务副主席林志勇出席。", "林志勇", "LEADS", "福建省科协"),
    ("福建省科协召开年中工作会，福建省科协党组书记、常务副主席林志勇出席。", "林志勇", "LEADS", "福建省科协党组"),
    ("浙江省科协党组召开会议，要求加强对省科协各项工作的领导，浙江省科协各部门参加。",
     "浙江省科协党组", "SUPERVISES", "浙江省科协"),
    ("郑州市科协办公室负责汇总材料，郑州市科协统一安排。", "郑州市科协办公室", "PART_OF", "郑州市科协"),
    ("要加强党对科技社团的全面领导。", "中国共产党", "SUPERVISES", "科技社团"),
]


@pytest.mark.parametrize("text,head,rel,tail", RELATIONS)
def test_relations_rule_finds(text, head, rel, tail):
    assert (match_key(head), rel, match_key(tail)) in triples(text)


def test_relations_presided_names_the_meeting():
    text = "市委常委会召开会议。安徽省委十一届五次全会在合肥举行，省委常委会主持会议。"
    found = triples(text)
    assert any(r == "PRESIDED" and t == match_key("中国共产党安徽省第十一届委员会第五次全体会议")
               for _, r, t in found)


def test_relations_requires_from_the_plan_to_its_initiatives():
    text = ("关于印发《科普工作方案》的通知\n各县科协：\n"
            "要大力实施创新驱动发展战略，深入开展党史学习教育，扎实推进“智慧科协”建设。\n")
    found = triples(text)
    doc = match_key("关于印发《科普工作方案》的通知")
    for init in ("创新驱动发展战略", "党史学习教育", "“智慧科协”建设"):
        assert (doc, "REQUIRES", match_key(init)) in found


def test_relations_leads_carries_role_and_date():
    kg = KnowledgeGraph()
    text = "关于召开全市工作会议的通知\n各单位：\n市委书记高志远主持会议。\n中共某市委员会\n2023年5月6日\n"
    for doc in split_documents(Source(path=Path("t.txt"), raw=text)):
        extract_document(doc, kg)
    leads = [e for e in kg.edges() if e["type"] == "LEADS"]
    assert leads and leads[0]["role"] == "书记"
