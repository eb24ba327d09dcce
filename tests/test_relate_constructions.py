"""The constructions of data/constructions.yaml, one row each (and the cases that must
yield nothing), on short texts written in the style of each genre with made-up names."""
from pathlib import Path

import pytest
from test_relations_rules import graph_of, triples

from orgkg.extractors.relate import constructions
from orgkg.graph.ids import match_key

YIELDS = [
    # units-listed
    ("国家林业和草原局内设机构包括：办公室、生态保护修复司、森林资源管理司。",
     "国家林业和草原局生态保护修复司", "PART_OF", "国家林业和草原局"),
    ("泾县发展和改革委员会下设综合科、价格监督检查室等2个内设机构。",
     "泾县发展和改革委员会价格监督检查室", "PART_OF", "泾县发展和改革委员会"),
    ("第四条　庐江县应急管理局设下列内设机构：\n（一）办公室。\n（二）安全生产基础科。\n第五条　编制另行核定。",
     "庐江县应急管理局安全生产基础科", "PART_OF", "庐江县应急管理局"),
    ("第三条 国家林业和草原局设下列内设机构：\n（一）办公厅。负责机关日常运转。\n（二）生态保护修复司。\n",
     "国家林业和草原局生态保护修复司", "PART_OF", "国家林业和草原局"),
    ("商务部内设机构包括：办公厅、国际合作司（港澳台办公室）。\n",
     "港澳台办公室", "PART_OF", "商务部"),
    ("泾县编制委员会办公室为县委工作部门，正科级单位。下设综合科、机构编制科2个内设机构。",
     "泾县编制委员会办公室综合科", "PART_OF", "泾县编制委员会办公室"),
    # working-department
    ("第二条　泾县市场监督管理局是县人民政府工作部门，为正科级。",
     "泾县市场监督管理局", "PART_OF", "泾县人民政府"),
    # affiliated-institution
    ("泾县林业局机构职能\n泾县林业技术推广中心为县林业局所属公益一类事业单位，承担技术推广工作。",
     "泾县林业局", "SUPERVISES", "泾县林业技术推广中心"),
    # supervising-department
    ("泾县林业局机构职能\n单位名称：泾县林业局\n机构性质：行政机关\n主管部门：泾县人民政府\n",
     "泾县人民政府", "SUPERVISES", "泾县林业局"),
    # merged-into
    ("将宣城交通投资有限公司、宣城水务有限公司划入宣城国有资本运营集团有限公司。",
     "宣城水务有限公司", "PART_OF", "宣城国有资本运营集团有限公司"),
    # subsidiary-of
    ("宣城水务有限公司是宣城国有资本运营集团有限公司的全资子公司。",
     "宣城水务有限公司", "PART_OF", "宣城国有资本运营集团有限公司"),
    # appointed-as
    ("会议决定任命张明远为芜湖市教育局局长。", "张明远", "LEADS", "芜湖市教育局"),
    ("会议以无记名投票方式选举李晓华同志为泾县人民政府副县长。", "李晓华", "LEADS", "泾县人民政府"),
    # appointed-under-heading
    ("宣城市人民代表大会常务委员会任免名单\n决定任命：\n王立群为宣城市财政局局长；\n赵文博为宣城市教育局局长、周红为宣城市民政局局长。\n",
     "周红", "LEADS", "宣城市民政局"),
    # takes-post
    ("日前，中共中央批准，王立群任中共安徽省委副书记。", "王立群", "LEADS", "中共安徽省委员会"),
    ("3月10日，赵文博兼任安徽省卫生健康委员会党组书记、主任。", "赵文博", "LEADS", "安徽省卫生健康委员会"),
]

ALIASES = [
    # second-nameplate
    ("第二条　泾县应急管理局是县人民政府工作部门，加挂泾县地震局牌子。", "泾县应急管理局", "泾县地震局"),
    # joint-office
    ("中共泾县纪律检查委员会与泾县监察委员会合署办公。县监委副主任王立群协助分管信访室。",
     "中共泾县纪律检查委员会", "泾县监察委员会"),
    # short-name
    ("第二条　泾县市场监督管理局（简称县市场监管局）是县人民政府工作部门。", "泾县市场监督管理局", "县市场监管局"),
]

NOTHING = [
    # a former post (曾任, 此前) and a removal (免去) lead nothing
    ("此前，王立群曾任安徽省商务厅厅长。", "王立群", "LEADS", "安徽省商务厅"),
    ("会议决定免去周红的芜湖市教育局局长职务。", "周红", "LEADS", "芜湖市教育局"),
    # a member's seat leads nothing
    ("王立群任安徽省委常委。", "王立群", "LEADS", "中共安徽省委员会"),
    # 建设有 is no unit list
    ("要在新兴领域建设有吸引力的新学会、新协会。", "新学会", "PART_OF", "中国科学技术协会"),
]


@pytest.mark.parametrize("text,head,rel,tail", YIELDS)
def test_relate_constructions_yield_relation(text, head, rel, tail):
    assert (match_key(head), rel, match_key(tail)) in triples(text)


@pytest.mark.parametrize("text,head,rel,tail", NOTHING)
def test_relate_constructions_yield_nothing(text, head, rel, tail):
    assert (match_key(head), rel, match_key(tail)) not in triples(text)


@pytest.mark.parametrize("text,body,other", ALIASES)
def test_relate_constructions_second_name_is_alias(text, body, other):
    names = {n["name"]: n for n in graph_of(text).nodes() if n["label"] == "Organization"}
    assert body in names and other in names[body]["aliases"]
    assert other not in names


def test_relate_constructions_every_construction_has_a_row():
    covered = set()
    for text, *_ in YIELDS + ALIASES:
        for c in constructions.load():
            if any(cue in text for cue in c.cues):
                covered.add(c.name)
    assert covered == {c.name for c in constructions.load()}


def test_relate_constructions_cues_found_in_one_pass():
    text = "甲局内设机构包括：办公室。王立群任安徽省委副书记。"
    hits = constructions.find_hits(text, 0, len(text))
    assert {h.construction.name for h in hits} >= {"units-listed", "takes-post"}


def test_the_heading_above_a_cue_is_the_last_colon_line_before_it():
    from orgkg.extractors.relate.constructions import _heading
    text = "关于人事任免的通知\n决定任命：\n张三为某局局长；\n其他事项:\n李四为某处处长。\n附：名单\n"

    def scan(pos):      # the nearest line above pos that ends with a colon
        k = max(text.rfind("：\n", 0, pos), text.rfind(":\n", 0, pos))
        return text[text.rfind("\n", 0, k) + 1:k] if k >= 0 else ""
    assert [_heading(text, p) for p in range(len(text) + 1)] == [scan(p) for p in range(len(text) + 1)]
    assert _heading(text, text.index("张三")) == "决定任命"
    assert _heading(text, text.index("李四")) == "其他事项"


def test_cues_of_one_scan_of_the_text_are_those_of_a_scan_of_each_sentence():
    from orgkg.extractors.read import reader, split
    root = Path(__file__).resolve().parents[1] / "data" / "samples"
    pattern, checked = constructions._cue_index()[0], 0
    texts = [d for p in sorted(root.glob("*.txt")) for d in split.split_documents(reader.read_source(p))]
    for doc in texts:
        spans = list(doc.sentences) + [(0, len(doc.text)), (3, 7), (1, max(1, len(doc.text) - 1))]
        for s, e in spans:
            alone = [(m.start(), m.end(), m.group()) for m in pattern.finditer(doc.text, s, e)]
            assert constructions._cues_in(doc.text, s, e) == alone, (s, e)
            checked += len(alone)
    # a span that cuts a cue in two is scanned alone: 担任 cut after 担 leaves 任
    text = "张三担任市长。"
    assert constructions._cues_in(text, 0, 3) == [(m.start(), m.end(), m.group()) for m in pattern.finditer(text, 0, 3)]
    assert checked > 100
