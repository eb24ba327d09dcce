"""Official-document metadata (公文要素) of the samples and of small tables."""
from pathlib import Path

import pytest

from orgkg.extractors.read.document import Source
from orgkg.extractors.read.metadata import parse_date, parse_number, provinces, split_names
from orgkg.extractors.read.reader import read_source
from orgkg.extractors.read.split import split_documents

SAMPLES = Path(__file__).parent.parent / "data" / "samples"

# (file, document index) -> the meta keys the text states
EXPECTED_META = {
    ("000_b46cefbf0b1d0d41.txt", 0): {
        "title": "市委六届三次全会举行", "kind": "news", "source_line": "摘自《重庆日报》7月8日第1版",
        "jurisdiction_hints": ["重庆市"]},
    ("000_b46cefbf0b1d0d41.txt", 1): {
        "title": "中国共产党重庆市第六届委员会第三次全体会议决议", "kind": "resolution", "date": "2023-07-07"},
    ("000_b46cefbf0b1d0d41.txt", 2): {"kind": "speech", "date": "2023-06-29", "speaker": "贺军科"},
    ("001_23a7ae5b09ad8ef2.txt", 1): {
        "title": "在中国科协党组学习贯彻习近平新时代中国特色社会主义思想主题教育总结会议上的讲话",
        "kind": "speech", "date": "2023-09-08", "speaker": "贺军科",
        "copies": ["党组", "书记处同志", "各全国学会", "协会", "研究会", "各省、自治区、直辖市、副省级城市科协",
                   "新疆生产建设兵团科协", "中国科协机关各部门", "各直属单位"]},
    ("002_bc3fe6a42bc7c538.txt", 0): {
        "number": "渝科协党组发〔2022〕35号",
        "number_parts": {"code": "渝科协党组发", "year": 2022, "serial": 35},
        "issuer": "中共重庆市科学技术协会党组",
        "title": "中共重庆市科学技术协会党组关于认真学习宣传贯彻党的二十大精神的实施意见",
        "kind": "opinion",
        "addressees": ["各区县（自治县）科协", "两江新区科协", "西部科学城重庆高新区科协", "万盛经开区科协党组",
                       "市级学会（协会、研究会）", "各企事业科协党组织", "市科协机关各支部", "直属单位党委（党总支）"],
        "jurisdiction_hints": ["重庆市"]},
    ("003_acf205c79cb37757.txt", 1): {
        "number": "科协发调字〔2015〕25号", "issuer": "中国科协", "date": "2015-03-25", "kind": "notice",
        "addressees": ["各全国学会", "协会", "研究会", "各省、自治区、直辖市、副省级城市科协", "新疆生产建设兵团科协"]},
    ("003_acf205c79cb37757.txt", 0): {"issuer": "中国科协", "issued_by": 1, "kind": "opinion"},
    ("004_885a211a3cdd617a.txt", 0): {
        "number": "渝科协社党发〔2022〕5号", "issuer": "中共重庆市科学技术协会科技社团委员会",
        "date": "2022-03-08", "kind": "notice",
        "addressees": ["市级学会（协会、研究会）", "民办非企业单位"], "jurisdiction_hints": ["重庆市"]},
    ("004_885a211a3cdd617a.txt", 1): {
        "title": "市科协科技社团党委2022年工作要点", "kind": "plan", "issued_by": 0,
        "printer": "重庆市科协科技社团党委办公室", "printed": "2022-03-08",
        "issuer": "中共重庆市科学技术协会科技社团委员会", "jurisdiction_hints": ["重庆市"]},
}

SPAN_KEYS = {"title": "title_span", "speaker": "speaker_span", "printer": "printer_span"}


@pytest.fixture(scope="module")
def docs():
    names = {name for name, _ in EXPECTED_META}
    return {name: split_documents(read_source(SAMPLES / name)) for name in names}


@pytest.mark.parametrize("key", sorted(EXPECTED_META), ids=lambda k: f"{k[0][:3]}-{k[1]}")
def test_metadata_fields_samples(docs, key):
    doc = docs[key[0]][key[1]]
    for field, value in EXPECTED_META[key].items():
        assert getattr(doc.meta, field) == value, field
    for field, span_key in SPAN_KEYS.items():
        if getattr(doc.meta, field) is not None and getattr(doc.meta, span_key) is not None:
            a, b = getattr(doc.meta, span_key)
            assert doc.text[a:b] == getattr(doc.meta, field)
    for a, b in doc.meta.issuer_spans:
        assert doc.text[a:b] in (doc.meta.issuer, doc.meta.title[: b - a])
    for name, (a, b) in zip(doc.meta.addressees, doc.meta.addressee_spans):
        assert doc.text[a:b] == name
    if doc.meta.date_span is not None:
        a, b = doc.meta.date_span
        assert parse_date(doc.text[a:b]) == doc.meta.date


@pytest.mark.parametrize("text, iso", [
    ("2022 年 3 月 8 日", "2022-03-08"),
    ("（2023年9月8日）", "2023-09-08"),
    ("二〇二三年七月七日", "2023-07-07"),
    ("二〇一五年十二月三十一日", "2015-12-31"),
    ("二〇二〇年十月二十日", "2020-10-20"),
    ("2022年13月8日", None),
    ("没有日期", None),
])
def test_metadata_fields_parse_date(text, iso):
    assert parse_date(text) == iso


@pytest.mark.parametrize("text, number, parts", [
    ("渝科协党组发〔2022〕35号", "渝科协党组发〔2022〕35号", {"code": "渝科协党组发", "year": 2022, "serial": 35}),
    ("渝科协发[2022] 35 号", "渝科协发〔2022〕35号", {"code": "渝科协发", "year": 2022, "serial": 35}),
    ("京政办发（2021）7号", "京政办发〔2021〕7号", {"code": "京政办发", "year": 2021, "serial": 7}),
    ("国发(2015)60号", "国发〔2015〕60号", {"code": "国发", "year": 2015, "serial": 60}),
])
def test_metadata_fields_parse_number(text, number, parts):
    assert parse_number(text) == (number, parts)


@pytest.mark.parametrize("line, names", [
    ("市级学会（协会、研究会），民办非企业单位", ["市级学会（协会、研究会）", "民办非企业单位"]),
    ("各省、自治区、直辖市科协；各全国学会", ["各省、自治区、直辖市科协", "各全国学会"]),
    ("各区县科协、两江新区科协、市级学会", ["各区县科协", "两江新区科协", "市级学会"]),
])
def test_metadata_fields_split_names(line, names):
    got = split_names(line, base=10)
    assert [n for n, _, _ in got] == names
    assert all(line[s - 10:e - 10] == n for n, s, e in got)


def test_metadata_fields_province_table_covers_every_province():
    abbrevs = {row[0]: row[1] for row in provinces()}
    assert len({name for name in abbrevs.values()}) == 34
    assert abbrevs["渝"] == "重庆市" and abbrevs["沪"] == "上海市" and abbrevs["粤"] == "广东省"


def test_metadata_fields_notice_with_copies_and_printer():
    raw = ("苏科协发〔2023〕12号\n江苏省科学技术协会关于开展科普活动的通知\n各设区市科协，省级学会：\n"
           "现就开展科普活动通知如下。\n一、活动内容\n开展科普宣传。\n江苏省科学技术协会\n2023年5月6日\n"
           "抄送：中国科协办公厅，省委宣传部。\n江苏省科协办公室 2023年5月8日印发")
    (doc,) = split_documents(Source(Path("n.txt"), raw))
    meta = doc.meta
    assert meta.number_parts == {"code": "苏科协发", "year": 2023, "serial": 12}
    assert meta.kind == "notice" and meta.issuer == "江苏省科学技术协会"
    assert meta.addressees == ["各设区市科协", "省级学会"]
    assert meta.date == "2023-05-06"
    assert meta.copies == ["中国科协办公厅", "省委宣传部"]
    assert meta.printer == "江苏省科协办公室" and meta.printed == "2023-05-08"
    assert meta.jurisdiction_hints == ["江苏省"]
    assert len(meta.issuer_spans) == 2
