"""Rules on short sentences of the genre (not taken from the gold): names
transliterated from Uyghur, Tibetan and Mongolian, 州 as a bare level, a region's plenum
named by level, a time of day before a congress, a body's own units, 战略 as a modifier,
and a place's meeting whose subject starts with a verb."""
import pytest

from orgkg.graph.ids import match_key

from test_extract_rules import extract_text, names
from test_relations_rules import triples

ENTITIES = [
    ("3月2日，和田地区行政公署专员艾力·买买提深入基层调研。", "Person", "艾力·买买提"),
    ("会议由地委副书记阿依古丽·吐尔逊主持。", "Person", "阿依古丽·吐尔逊"),
    ("市委副书记、市长巴特尔出席会议。", "Person", "巴特尔"),
    ("州委书记多吉次仁主持会议。", "Person", "多吉次仁"),
    ("县长洛桑出席，县人大常委会主任王明主持。", "Person", "洛桑"),
    ("市委副书记、市长李振华作政府工作报告。", "Person", "李振华"),
    ("5月8日，拉萨市委常委会召开会议，市委书记张明主持，传达学习自治区党委十届三次全会精神。", "Event",
     "中国共产党西藏自治区第十届委员会第三次全体会议"),
    ("1月8日上午桐乡市第十七届人民代表大会第二次会议开幕。", "Event", "桐乡市第十七届人民代表大会第二次会议"),
    ("5月8日，临夏州委书记张明主持会议，州长马强出席。", "Organization", "中共临夏回族自治州委员会"),
    ("5月8日，临夏州委书记张明主持会议，州长马强出席。", "Organization", "临夏回族自治州人民政府"),
    ("关于开展培训的通知\n各县市区卫生健康局：\n各县市区卫生健康局要抓好落实，委直属各单位要积极参与。\n",
     "Organization", "委直属各单位"),
    ("4月2日，苏州市优化营商环境推进大会召开。", "Event", "苏州市优化营商环境推进大会"),
    ("会议要求，各旗区、市直各部门要抓好贯彻落实。", "Organization", "各旗区"),      # a league's banners
    ("会议要求，各部门要持续深化“最多跑一次”改革。", "Initiative", "“最多跑一次”改革"),    # a quoted reform
    ("会议强调，各县（市、区）、开发区要扎实推进项目建设。", "Organization", "各县（市、区）"),
]


@pytest.mark.parametrize("text,label,expected", ENTITIES)
def test_extract_minority_names_entity_found(text, label, expected):
    assert match_key(expected) in names(extract_text(text), label)


NOT_ENTITIES = [
    ("举办秘书长沙龙，搭建交流平台。", "Person", "沙龙"),                  # a noun after a title
    ("市委副书记、市长李振华作政府工作报告。", "Organization", "市长李振华作政府"),
    ("1月8日上午桐乡市第十七届人民代表大会第二次会议开幕。", "Event", "上午桐乡市第十七届人民代表大会第二次会议"),
    ("关于开展培训的通知\n各县市区卫生健康局：\n委直属各单位要积极参与。\n", "Organization", "各单位"),
    ("市政府与某大学在南京签署战略合作协议。", "Initiative", "南京签署战略"),
    ("要培育壮大战略性新兴产业。", "Initiative", "培育壮大战略"),
    ("为扩大内需，经自治区人民政府同意，现通知如下。", "Organization", "经自治区人民政府"),   # 经 is the verb
]


@pytest.mark.parametrize("text,label,unexpected", NOT_ENTITIES)
def test_extract_minority_names_entity_not_found(text, label, unexpected):
    assert match_key(unexpected) not in names(extract_text(text), label)


RELATIONS = [
    ("5月8日，临夏州委书记张明主持会议，州长艾力·买买提出席。", "艾力·买买提", "LEADS", "临夏回族自治州人民政府"),
    ("市委副书记、市长巴特尔出席会议。", "巴特尔", "LEADS", "市委"),
    ("5月8日，临夏州委书记多吉次仁主持会议，州长扎西出席。", "多吉次仁", "LEADS", "中共临夏回族自治州委员会"),
    ("1月8日上午桐乡市第十七届人民代表大会第二次会议开幕。大会主席团常务主席王明主持会议。",
     "王明", "PRESIDED", "桐乡市第十七届人民代表大会第二次会议"),
    ("1月8日上午桐乡市第十七届人民代表大会第二次会议开幕。市委副书记、市长李振华作报告。",
     "李振华", "LEADS", "桐乡市人民政府"),       # the congress names the county-level city
    ("2月6日，苏州市委理论学习中心组举行2024年第一次集体学习。市委书记张明主持并讲话。",
     "张明", "PRESIDED", "苏州市委理论学习中心组2024年第一次集体学习"),
    ("4月2日，苏州市优化营商环境推进大会召开。市长李强主持会议。", "李强", "PRESIDED", "苏州市优化营商环境推进大会"),
]


@pytest.mark.parametrize("text,head,rel,tail", RELATIONS)
def test_relations_minority_names_rule_finds(text, head, rel, tail):
    assert (match_key(head), rel, match_key(tail)) in triples(text)
