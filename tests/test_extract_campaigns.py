"""Rules on short sentences of the genre (not taken from the gold): campaigns
named without a suffix after a campaign verb, prefectures named 地区 with their 地委 and
行署, government commissions that are no party committees, and classes of counties."""
import pytest

from orgkg.extractors.resolve.names import Jurisdiction, canonical_org
from orgkg.graph.ids import match_key

from test_extract_rules import extract_text, names
from test_relations_rules import triples

ENTITIES = [
    ("会议要求，各区要深入开展城乡环境综合整治。", "Initiative", "城乡环境综合整治"),
    ("各县要扎实推进老旧街区更新攻坚，确保按期完成。", "Initiative", "老旧街区更新攻坚"),
    ("会议强调，要持续推进数字乡村振兴。", "Initiative", "数字乡村振兴"),
    ("全区要深入推进全区河湖水环境治理。", "Initiative", "河湖水环境治理"),        # the scope is no part of the name
    ("各学院要扎实推进“一支部一特色”品牌创建。", "Initiative", "“一支部一特色”品牌创建"),
    ("市长张明深入某县调研校园食品安全整治工作。", "Initiative", "校园食品安全整治"),
    ("4月3日，和田地委召开会议，地委书记张明主持会议。", "Organization", "中共和田地区委员会"),
    ("4月3日，塔城地区行署召开会议，行署专员李强主持会议。", "Organization", "塔城地区行政公署"),
    ("地委副书记、行署专员艾力·买买提出席会议。", "Person", "艾力·买买提"),
    ("3月5日，阿勒泰地委召开会议，地委副书记、行署专员吾守尔·买买提出席。", "Person", "吾守尔·买买提"),
    ("会议要求，各县市区、市属各部门要抓好落实。", "Organization", "各县市区"),
    ("会议要求，各县市区、市属各部门要抓好落实。", "Organization", "市属各部门"),
    ("会议强调，各县区要抓好落实。", "Organization", "各县区"),
    ("会议研究部署了全市人才高地建设工作。", "Initiative", "人才高地建设"),      # X高地建设, without 全市
    ("各部门要持续推进“放管服”改革。", "Initiative", "“放管服”改革"),
    ("要深入推进国有企业改革。", "Initiative", "国有企业改革"),
    ("某县近日召开全县农村供水保障攻坚推进会。", "Initiative", "农村供水保障攻坚"),   # pushed by a meeting
    ("3月2日，台州市人民政府与江汉大学签署战略合作协议。", "Organization", "江汉大学"),   # after 与 a body
    # a numbered subject makes a 推进会 one meeting, named with the body that holds it
    ("3月5日，江汉大学召开第三次党代会筹备工作推进会。", "Event", "江汉大学第三次党代会筹备工作推进会"),
]


@pytest.mark.parametrize("text,label,expected", ENTITIES)
def test_extract_campaigns_entity_found(text, label, expected):
    assert match_key(expected) in names(extract_text(text), label)


NOT_ENTITIES = [
    ("各单位要深入推进改革，全面推进能力提升。", "Initiative", "能力提升"),      # an ordinary activity
    ("要持续深化改革，扎实推进体制机制改革。", "Initiative", "体制机制改革"),
    ("要扎实推进工作质量提升。", "Initiative", "工作质量提升"),
    ("要推进环境整治。", "Initiative", "环境整治"),
    ("要持续推进基层治理，深入推进市场化改革。", "Initiative", "基层治理"),
    ("要持续推进基层治理，深入推进市场化改革。", "Initiative", "市场化改革"),
    ("某县召开全县重点项目建设推进会。", "Initiative", "重点项目建设"),
    ("3月5日，江汉大学召开安全生产工作推进会。", "Event", "江汉大学安全生产工作推进会"),
    ("会议研究部署了全市人才高地建设工作。", "Initiative", "全市人才高地建设"),                 # a plain 推进 names no campaign
    ("要深入推进全面从严治党的制度治理。", "Initiative", "全面从严治党的制度治理"),
    ("4月3日，和田地委召开会议，地委书记张明主持会议。", "Organization", "和田地委召开会议"),
]


@pytest.mark.parametrize("text,label,unexpected", NOT_ENTITIES)
def test_extract_campaigns_entity_not_found(text, label, unexpected):
    assert match_key(unexpected) not in names(extract_text(text), label)


RELATIONS = [
    ("4月3日，和田地委召开会议，地委书记张明主持会议，地委副书记、行署专员李强出席。",
     "张明", "LEADS", "中共和田地区委员会"),
    ("4月3日，和田地委召开会议，地委书记张明主持会议，地委副书记、行署专员李强出席。",
     "李强", "LEADS", "和田地区行政公署"),
    # 纪委监委 act as one issuer; 印发《D》，要求Y… states what D asks of Y
    ("台州市纪委监委印发《关于开展作风问题专项整治的方案》，要求各县（市、区）纪委监委抓好落实。",
     "台州市纪委", "ISSUED", "关于开展作风问题专项整治的方案"),
    ("台州市纪委监委印发《关于开展作风问题专项整治的方案》，要求各县（市、区）纪委监委抓好落实。",
     "台州市监委", "ISSUED", "关于开展作风问题专项整治的方案"),
    ("台州市纪委监委印发《关于开展作风问题专项整治的方案》，要求各县（市、区）纪委监委抓好落实。",
     "关于开展作风问题专项整治的方案", "REQUIRES", "各县（市、区）纪委监委"),
    ("台州市纪委监委印发《关于开展作风问题专项整治的方案》，要求各县（市、区）纪委监委抓好落实。",
     "台州市纪委", "SUPERVISES", "各县（市、区）纪委监委"),
    ("3月5日，江汉大学召开第三次党代会筹备工作推进会，校长王强主持会议。",
     "王强", "PRESIDED", "江汉大学第三次党代会筹备工作推进会"),
]


@pytest.mark.parametrize("text,head,rel,tail", RELATIONS)
def test_relations_campaigns_rule_finds(text, head, rel, tail):
    assert (match_key(head), rel, match_key(tail)) in triples(text)


@pytest.mark.parametrize("text", [
    "3月2日，台州市人民政府与江苏船舶集团有限公司签署协议。江苏船舶集团党委书记、董事长王强出席。",
    "3月2日，台州市人民政府与浙江能源集团股份有限公司签署协议。浙江能源集团董事长王强出席。",
])
def test_extract_company_without_legal_form_is_the_same_company(text):
    # a company named again without 有限公司 is that company, not a second node
    kg = extract_text(text)
    companies = [n for n in kg.nodes() if n["label"] == "Organization" and n["name"].endswith("有限公司")]
    assert len(companies) == 1
    assert not [n for n in kg.nodes() if n["label"] == "Organization" and n["name"].endswith("集团")]


TZ = Jurisdiction("台州市", "city")
CANONICAL = [
    # a government commission is a state organ, never 中共…委员会
    ("市卫生健康委员会", TZ, "台州市卫生健康委员会"),
    ("市发展和改革委员会", TZ, "台州市发展和改革委员会"),
    ("市国有资产监督管理委员会", TZ, "台州市国有资产监督管理委员会"),
    ("市住房和城乡建设委员会", TZ, "台州市住房和城乡建设委员会"),
    ("市民族宗教事务委员会", TZ, "台州市民族宗教事务委员会"),
    ("市卫生健康委", TZ, "台州市卫生健康委员会"),       # the commission's short form
    ("市住建委", TZ, "台州市住房和城乡建设委员会"),
    ("市发展改革委员会", TZ, "台州市发展和改革委员会"),
    # a body's party committee named 委员会 still is one
    ("市科协科技社团委员会", TZ, "中共台州市科学技术协会科技社团委员会"),
    # a prefecture named 地区: 地委 and 行署
    ("喀什地委", Jurisdiction("", "national"), "中共喀什地区委员会"),
    ("地委", Jurisdiction("阿里地区", "city"), "中共阿里地区委员会"),
    ("行署", Jurisdiction("阿里地区", "city"), "阿里地区行政公署"),
    ("大兴安岭地区行署", Jurisdiction("", "national"), "大兴安岭地区行政公署"),
]


@pytest.mark.parametrize("surface,juris,expected", CANONICAL)
def test_resolve_campaigns_canonical_name(surface, juris, expected):
    name, aliases = canonical_org(surface, juris)
    assert name == expected
    assert surface in aliases
