"""normalize: line joining, spaces, folding, page furniture, and the offset map."""
import random
from pathlib import Path

import pytest

from orgkg.extractors.read.normalize import fold, normalize, widen

SAMPLES = sorted((Path(__file__).parent.parent / "data" / "samples").glob("*.txt"))


@pytest.mark.parametrize("raw, expected", [
    # a headline before a lede that opens with its date ends there, even in a file that puts a
    # blank line after every line
    ("泾县召开党组会议部署防汛工作\n\n6月1日，泾县召开党组会议。\n\n会议强调，要抓好落实。",
     "泾县召开党组会议部署防汛工作\n6月1日，泾县召开党组会议。\n会议强调，要抓好落实。"),
    # a word broken by the page: joined
    ("全会听取和讨论了工作报告，会议在重\n庆召开。", "全会听取和讨论了工作报告，会议在重庆召开。"),
    # a roster: one member a line, the name apart from the posts; padding inside a label and a
    # two-character name goes
    ("现将组成人员通知如下：\n组　长：宋立新　县委副书记、县长\n副组长：关　宁　副县长\n　　　　石建华　县财政局局长\n成　员：方　圆　县公安局局长",
     "现将组成人员通知如下：\n组长：宋立新，县委副书记、县长\n副组长：关宁，副县长\n石建华，县财政局局长\n成员：方圆，县公安局局长"),
    # a contact line stands alone: the signature after it is a line of its own
    ("请按时报送。\n联系人：许文杰　　联系电话：0591-1234567\n泾县卫生健康委员会\n2024年5月10日",
     "请按时报送。\n联系人：许文杰联系电话：0591-1234567\n泾县卫生健康委员会\n2024年5月10日"),
    # a paragraph that mentions a label is no roster
    ("会议明确 领导小组组长：由县长担任，副组长由分管副县长担任，成员由各有关部门主要负责同志组成，办公室设在县发展改革局。",
     "会议明确领导小组组长：由县长担任，副组长由分管副县长担任，成员由各有关部门主要负责同志组成，办公室设在县发展改革局。"),
    # spaces PDF extraction puts around digits and between CJK characters
    ("2022 年 3 月 8 日", "2022年3月8日"),
    ("上 海 扶 持 中 小 微 科 技", "上海扶持中小微科技"),
    ("市科协科技社团党委 2022年工作要点", "市科协科技社团党委2022年工作要点"),
    ("认真贯彻落实。 举办期刊", "认真贯彻落实。\n举办期刊"),
    # a space between Latin words stays
    ("参加 IEEE Computer Society 会议", "参加IEEE Computer Society会议"),
    # full-width letters, digits and ASCII punctuation fold; Chinese punctuation stays
    ("ＡＢＣ１２３％，。、：；（）《》“”！？", "ABC123%，。、：；（）《》“”！？"),
    ("１．加强思想政治引领。", "1.加强思想政治引领。"),
    # half-width punctuation typed in Chinese text reads as the Chinese mark; times and numbers stay
    ("各区、县(市)人民政府,市政府各部门:\n请于10:30前报送1,000份.", "各区、县（市）人民政府，市政府各部门：\n请于10:30前报送1,000份。"),
    # paragraph ends: punctuation, headings, a colon line
    ("意义重大。\n一、主要做法\n按照要求：\n（一）加强领导。", "意义重大。\n一、主要做法\n按照要求：\n（一）加强领导。"),
    # a title broken over three lines is one line; the addressee line stays apart
    ("中共重庆市科学技术协会党组\n关于认真学习宣传贯彻党的二十大精神\n的实施意见\n\n各区县科协：",
     "中共重庆市科学技术协会党组关于认真学习宣传贯彻党的二十大精神的实施意见\n各区县科协："),
    # an open 《 carries the line on
    ("关于印发《市科协科技社团党委 2022年工作\n\n要点》的通知\n\n市级学会：",
     "关于印发《市科协科技社团党委2022年工作要点》的通知\n市级学会："),
    # a speech title over three short lines, its dated byline and speaker stay apart
    ("在中国科协党组学习贯彻习近平新时代\n中国特色社会主义思想主题教育\n总结会议上的讲话\n（2023年9月8日）\n贺军科\n",
     "在中国科协党组学习贯彻习近平新时代中国特色社会主义思想主题教育总结会议上的讲话\n（2023年9月8日）\n贺军科"),
    # signature and date lines stay apart
    ("请认真贯彻落实。\n中共重庆市科学技术协会科技社团委员会\n2022 年 3 月 8 日\n",
     "请认真贯彻落实。\n中共重庆市科学技术协会科技社团委员会\n2022年3月8日"),
])
def test_normalize_text_table(raw, expected):
    text, offsets = normalize(raw)
    assert text == expected
    assert len(offsets) == len(text) + 1


WRAPPED = """\
全会主要任务是：坚持以习近平新时代中国特色社会主义思

想为指导，深入学习贯彻习近平总书记关于党的建设的重要思想，

深入推进新时代党的建设新的伟大工程，加强党建统领，持续修

复净化政治生态，不断把党的政治优势和组织优势转化为发展优

势，为新时代新征程全面建设社会主义现代化新重庆提供坚强保

证。

二、深刻认识科协工作的重要地位

科协是国家推动科学技术事业发展，建设世界科技强国的重要力

量。党的十八大以来，以习近平同志为核心的党中央高瞻远瞩。
"""


def test_normalize_text_blank_line_after_every_line_is_not_a_paragraph_break():
    text, _ = normalize(WRAPPED)
    assert text.split("\n") == [
        "全会主要任务是：坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平总书记关于党的建设的"
        "重要思想，深入推进新时代党的建设新的伟大工程，加强党建统领，持续修复净化政治生态，不断把党的政治优势和"
        "组织优势转化为发展优势，为新时代新征程全面建设社会主义现代化新重庆提供坚强保证。",
        "二、深刻认识科协工作的重要地位",
        "科协是国家推动科学技术事业发展，建设世界科技强国的重要力量。党的十八大以来，以习近平同志为核心的党中央高瞻远瞩。",
    ]


def test_normalize_text_blank_lines_break_paragraphs_when_rare():
    raw = "第一段没有句号\n\n第二段也没有句号\n第三行"
    assert normalize(raw)[0] == "第一段没有句号\n第二段也没有句号\n第三行"


def test_normalize_text_drops_page_numbers_and_running_headers():
    page = "科协是党领导下的人民团体，是党和政府联系科技工作者的桥梁和纽带，要发挥作\n用。\n"
    raw = ("重庆市科学技术协会文件\n" + page + "— 1 —\n"
           "重庆市科学技术协会文件\n" + page + "-2-\n"
           "重庆市科学技术协会文件\n" + page + "3\n" + page + "第 4 页 共 9 页\n")
    text, offsets = normalize(raw)
    assert "文件" not in text and "—" not in text and "-2-" not in text
    assert text.count("作用。") == 4
    assert "\n3" not in text and "页" not in text


def test_normalize_text_range_and_empty():
    raw = "前言\n会议在重庆市\n科协召开，后记"
    a = raw.index("会")
    text, offsets = normalize(raw, a, raw.index("后"))
    assert text == "会议在重庆市\n科协召开，"
    assert offsets[0] == a and offsets[-1] == raw.index("后")
    assert normalize("") == ("", [0])
    assert normalize(" \n\n ") == ("", [4])


def _check_offsets(raw, start=0, end=None):
    text, offsets = normalize(raw, start, end)
    assert len(offsets) == len(text) + 1
    assert all(a < b for a, b in zip(offsets, offsets[1:])), "offsets must increase"
    for i, ch in enumerate(text):
        src = raw[offsets[i]]
        if ch == "\n" or ch == " ":
            assert src.isspace()
        else:
            # half-width punctuation in Chinese text is read as the Chinese mark (widen)
            assert ch == src or ch == fold(src) or ch == widen(src + "中")[0], (i, ch, src)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name[:3])
def test_normalize_text_offsets_map_back_into_the_samples(path):
    _check_offsets(path.read_text(encoding="utf-8"))


def test_normalize_text_offsets_on_random_text():
    pieces = ["重", "庆", "市", "科协", "。", "，", "：", "\n", "\n\n", " ", "　", "２０２２", "年",
              "一、", "（一）", "1.", "《", "》", "“", "”", "ＡＢ", "ab", "\t", "\r\n", "— 3 —\n", "的"]
    rng = random.Random(7)
    for _ in range(300):
        raw = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 60)))
        _check_offsets(raw)
        if raw:
            a = rng.randrange(len(raw))
            _check_offsets(raw, a, rng.randint(a, len(raw)))


def test_a_space_that_only_the_run_splitter_knows_is_still_left_out():
    # an en space (U+2002) is no padding character, yet it never reaches the text
    text, offsets = normalize("甲乙\u2002丙丁")
    assert text == "甲乙丙丁"
    assert offsets[:4] == [0, 1, 3, 4]
