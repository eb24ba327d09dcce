"""split_documents and split_sentences on the samples and on small tables."""
import re
from pathlib import Path

import pytest

from orgkg.extractors.read.document import Source
from orgkg.extractors.read.normalize import fold, widen
from orgkg.extractors.read.reader import read_source
from orgkg.extractors.read.split import split_documents, split_sentences

SAMPLES = Path(__file__).parent.parent / "data" / "samples"

# per sample: (kind, title) of each document, in file order
EXPECTED_DOCUMENTS = {
    "000_b46cefbf0b1d0d41.txt": [
        ("news", "市委六届三次全会举行"),
        ("resolution", "中国共产党重庆市第六届委员会第三次全体会议决议"),
        ("speech", "深入学习领会习近平总书记关于科技自立自强重要论述，找准科协定位，努力走在践行“两个维护”前列"),
    ],
    "001_23a7ae5b09ad8ef2.txt": [
        ("other", None),   # the editor's note 按：…
        ("speech", "在中国科协党组学习贯彻习近平新时代中国特色社会主义思想主题教育总结会议上的讲话"),
    ],
    "002_bc3fe6a42bc7c538.txt": [
        ("opinion", "中共重庆市科学技术协会党组关于认真学习宣传贯彻党的二十大精神的实施意见"),
    ],
    "003_acf205c79cb37757.txt": [
        ("opinion", "中国科协关于贯彻落实中央群团工作部署加强和改进科协工作的意见"),
        ("notice", "中国科协印发《中国科协关于贯彻落实中央群团工作部署加强和改进科协工作的意见》的通知"),
        ("news", "上海：试点科技创新券扶持创业"),
        ("other", None),   # a photo caption
        ("news", "百家企业发出“美丽中国环保倡议”"),
    ],
    "004_885a211a3cdd617a.txt": [
        ("notice", "中共重庆市科协科技社团委员会关于印发《市科协科技社团党委2022年工作要点》的通知"),
        ("plan", "市科协科技社团党委2022年工作要点"),
    ],
}


@pytest.fixture(scope="module")
def sample_docs():
    return {name: split_documents(read_source(SAMPLES / name)) for name in EXPECTED_DOCUMENTS}


@pytest.mark.parametrize("name", sorted(EXPECTED_DOCUMENTS))
def test_split_documents_samples(sample_docs, name):
    docs = sample_docs[name]
    got = [(d.meta.kind, d.meta.title) for d in docs]
    assert got == EXPECTED_DOCUMENTS[name]
    assert [d.index for d in docs] == list(range(len(docs)))


@pytest.mark.parametrize("name", sorted(EXPECTED_DOCUMENTS))
def test_split_documents_cover_the_file_in_order(sample_docs, name):
    docs = sample_docs[name]
    raw = docs[0].source.raw
    ends = [(d.offsets[0], d.offsets[len(d.text)]) for d in docs]
    assert all(a < b for a, b in ends)
    assert all(b1 <= a2 for (_, b1), (a2, _) in zip(ends, ends[1:]))
    kept = sum(len(re.sub(r"\s", "", d.text)) for d in docs)
    assert kept >= 0.98 * len(re.sub(r"\s", "", raw))


def _squash(s):
    # folding and widening (half-width punctuation in Chinese text) both keep one character
    return re.sub(r"\s", "", widen("".join(fold(c) for c in s)))


@pytest.mark.parametrize("name", sorted(EXPECTED_DOCUMENTS))
def test_split_documents_sentence_spans_map_to_the_raw_text(sample_docs, name):
    """For every sentence, the raw slice equals the sentence up to whitespace and folding."""
    for doc in sample_docs[name]:
        assert doc.sentences
        for start, end in doc.sentences:
            sentence = doc.text[start:end]
            assert sentence.strip() == sentence and "\n" not in sentence
            assert _squash(doc.raw_text(start, end)) == _squash(sentence)
            ev = doc.evidence(start, end, rule="test")
            assert doc.source.raw[ev["start"]:ev["end"]] == ev["sentence"]


def test_split_documents_notice_then_plan_mentions_point_into_the_file(sample_docs):
    notice, plan = sample_docs["004_885a211a3cdd617a.txt"]
    a, b = plan.meta.title_span
    m = plan.mention(a, b)
    assert m["file"] == "004_885a211a3cdd617a.txt"
    assert re.sub(r"\s", "", notice.source.raw[m["start"]:m["end"]]) == "市科协科技社团党委2022年工作要点"


def _doc_texts(raw):
    return [d.text for d in split_documents(Source(Path("t.txt"), raw))]


def test_split_documents_signature_block_ends_a_document():
    raw = ("关于印发《甲工作方案》的通知\n各单位：\n现将《甲工作方案》印发给你们，请认真贯彻落实。\n"
           "乙市委员会\n2023年1月5日\n甲工作方案\n一、总体要求\n做好甲工作。")
    texts = _doc_texts(raw)
    assert len(texts) == 2
    assert texts[0].endswith("2023年1月5日") and texts[1].startswith("甲工作方案")


def test_split_documents_joint_signature_ends_a_document():
    raw = ("关于开展联合行动的通知\n各单位：\n请认真组织实施。\n甲市科学技术协会\n甲市教育委员会\n"
           "2023年1月5日\n联合行动实施方案\n一、目标\n提高科学素质。")
    texts = _doc_texts(raw)
    assert len(texts) == 2 and texts[1].startswith("联合行动实施方案")


def test_split_documents_number_line_and_dateline_start_documents():
    raw = ("第一篇报道的正文写完了。\n科技日报北京4月10日电（记者甲）会议在北京召开。\n"
           "丙发〔2020〕3号\n丙关于加强管理的通知\n各单位：\n要加强管理。")
    texts = _doc_texts(raw)
    assert len(texts) == 3
    assert texts[1].startswith("科技日报北京4月10日电")
    assert texts[2].startswith("丙发〔2020〕3号")


def test_split_documents_red_header_goes_with_its_document():
    raw = ("上一份文件的正文。\n甲市委员会\n2021年2月3日\n乙市科学技术协会文件\n乙科协发〔2021〕4号\n"
           "乙市科学技术协会关于做好宣传工作的通知\n各区县科协：\n请做好宣传工作。")
    docs = split_documents(Source(Path("t.txt"), raw))
    assert len(docs) == 2
    assert docs[1].text.startswith("乙市科学技术协会文件\n乙科协发〔2021〕4号")
    assert docs[1].meta.issuer == "乙市科学技术协会"
    assert docs[1].meta.number_parts["serial"] == 4


def test_split_documents_cited_dateline_and_news_subheading_do_not_split():
    raw = ("科技日报北京4月10日电（记者甲）会议在北京召开。据新华社北京3月5日电，会议已筹备多时。\n"
           "坚持创新驱动\n与会代表认为要坚持创新驱动。")
    assert len(_doc_texts(raw)) == 1


def test_split_documents_one_document_without_boundaries():
    assert len(_doc_texts("没有标题的一段文字。第二句。")) == 1


@pytest.mark.parametrize("text, sentences", [
    ("要落实《意见。》要求。一是学习；二是宣传", ["要落实《意见。》要求。", "一是学习；", "二是宣传"]),
    ("他说：“要坚持。”会议结束。", ["他说：“要坚持。”", "会议结束。"]),
    ("主要任务：（一）加强领导；（二）强化保障。", ["主要任务：", "（一）加强领导；", "（二）强化保障。"]),
    ("重点有①学习②宣传", ["重点有", "①学习", "②宣传"]),
    ("一、总体要求\n坚持党的领导！真的吗？是的", ["一、总体要求", "坚持党的领导！", "真的吗？", "是的"]),
    ("Done! OK? yes;", ["Done!", "OK?", "yes;"]),
    ("", []),
    # a stray 《 does not swallow the rest of the paragraph
    ("见《" + "甲" * 300 + "。乙。", ["见《" + "甲" * 300 + "。", "乙。"]),
])
def test_split_sentences_table(text, sentences):
    assert [text[a:b] for a, b in split_sentences(text)] == sentences


def test_sentence_at_finds_what_a_scan_of_the_sentences_finds():
    from orgkg.extractors.read.reader import read_source
    from orgkg.extractors.read.split import split_documents
    path = sorted((Path(__file__).resolve().parents[1] / "data" / "samples").glob("*.txt"))[0]
    for doc in split_documents(read_source(path)):
        def scan(pos):
            return next(((s, e) for s, e in doc.sentences if s <= pos < e), (0, len(doc.text)))
        assert all(doc.sentence_at(pos) == scan(pos) for pos in range(-1, len(doc.text) + 2))
        doc.sentences = [(0, 5), (3, 9)] + doc.sentences      # overlapping: the first that holds it
        assert doc.sentence_at(4) == (0, 5) and doc.sentence_at(6) == (3, 9)
