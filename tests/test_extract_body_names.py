"""Rules on short sentences of the genre (not taken from the gold): vertically run
national bodies' local offices, hospitals and their party committees, unlisted counties'
departments, a body's party committee over the body, quoted brands after a plain 开展."""
import pytest

from orgkg.graph.ids import match_key

from test_extract_rules import extract_text, names
from test_relations_rules import triples

ENTITIES = [
    ("国家税务总局绵阳市税务局召开党委会议。", "Organization", "国家税务总局绵阳市税务局"),
    ("近日，绵阳市中心医院召开职工代表大会。", "Organization", "绵阳市中心医院"),
    ("近日，中共绵阳市中心医院委员会召开会议。", "Organization", "中共绵阳市中心医院委员会"),
    ("近日，平武县应急管理局开展防汛检查。", "Organization", "平武县应急管理局"),
    ("会议要求，各市属国有企业党委要抓好落实。", "Organization", "各市属国有企业党委"),
    ("会议部署开展“书香机关”创建工作。", "Initiative", "“书香机关”创建"),
    ("3月5日，四川省国资委召开会议，省国资委党委书记张明主持。", "Organization", "中共四川省国有资产监督管理委员会委员会"),
    # a federation or society named at the head of its own congress
    ("5月8日，绵阳市文联第八次代表大会开幕。市委副书记张明出席。", "Organization", "绵阳市文学艺术界联合会"),
    ("近日，绵阳市青年企业家商会成立大会举行。", "Organization", "绵阳市青年企业家商会"),
]


@pytest.mark.parametrize("text,label,expected", ENTITIES)
def test_extract_body_names_entity_found(text, label, expected):
    assert match_key(expected) in names(extract_text(text), label)


NOT_ENTITIES = [
    ("国家税务总局绵阳市税务局召开党委会议。", "Organization", "国家税务总局"),       # no second body
    ("近日，绵阳市中心医院召开职工代表大会。", "Organization", "绵阳市中心"),
    ("近日，某地开展市场监管检查。", "Organization", "某地开展市场监管局"),
    ("要发挥旗舰企业作用，弘扬红旗渠精神。", "Organization", "旗舰企业"),
    ("近日，团绵阳市委召开全委会。", "Organization", "中共团绵阳市委员会"),
    ("会议要求开展创建工作。", "Initiative", "创建"),                                  # no quoted brand
    ("5月8日，绵阳市第八次代表大会开幕。", "Organization", "绵阳市"),                  # a place holds no congress of its own here
    # 各单位 after an addressee line of 各单位 is those addressees, not another class
    ("某市卫生健康委员会关于开展义诊活动的通知\n各区卫生健康局，委属各单位：\n各单位要认真落实。\n某市卫生健康委员会\n2024年3月1日\n",
     "Organization", "各单位"),
]


@pytest.mark.parametrize("text,label,unexpected", NOT_ENTITIES)
def test_extract_body_names_entity_not_found(text, label, unexpected):
    assert match_key(unexpected) not in names(extract_text(text), label)


RELATIONS = [
    ("近日，绵阳市中心医院召开会议，医院党委书记张明主持，院长李强出席。", "张明", "LEADS", "中共绵阳市中心医院委员会"),
    ("近日，绵阳市中心医院召开会议，医院党委书记张明主持，院长李强出席。", "李强", "LEADS", "绵阳市中心医院"),
    ("近日，平武县应急管理局局长王强带队开展检查。", "王强", "LEADS", "平武县应急管理局"),
    ("6月3日，绵阳市人民检察院召开党组会议，检察长张伟主持。", "张伟", "LEADS", "绵阳市人民检察院"),      # 检察长 -> the 检察院
    # a meeting verb ends the host's clause: the guest's company starts after 会见
    ("近日，绵阳市委书记曹立军会见中国电子科技集团有限公司董事长王海波一行。", "王海波", "LEADS", "中国电子科技集团有限公司"),
    # 某高新区党工委书记、管委会主任: the zone's administrative committee, named from the party post
    ("近日，绵阳高新区党工委书记、管委会主任王涛调研企业。", "王涛", "LEADS", "绵阳高新区管理委员会"),
    # a league (盟) and a banner (旗) name their bodies bare, as a city and a county do
    ("近日，锡林郭勒盟委召开会议，盟委书记王强主持，盟委副书记、盟长李明出席。", "王强", "LEADS", "中共锡林郭勒盟委员会"),
    ("近日，锡林郭勒盟委召开会议，盟委书记王强主持，盟委副书记、盟长李明出席。", "李明", "LEADS", "锡林郭勒盟行政公署"),
    ("近日，正蓝旗委召开会议，旗委书记张华主持，旗委副书记、旗长刘伟出席。", "刘伟", "LEADS", "正蓝旗人民政府"),
    ("近日，绵阳市中级人民法院召开党组会议，院长李刚主持。", "李刚", "LEADS", "绵阳市中级人民法院"),        # 院长 -> the court
    ("近日，绵阳市副市长、市公安局局长赵军带队检查。", "赵军", "LEADS", "绵阳市公安局"),              # 市公安局 in a city item
    # a class of bureaus given the duty of a document the body issues
    ("近日，绵阳市市场监督管理局印发《绵阳市食品安全专项整治方案》，要求各县（市、区）市场监管局抓好落实。",
     "绵阳市食品安全专项整治方案", "REQUIRES", "各县（市、区）市场监管局"),
    ("近日，绵阳市市场监督管理局印发《绵阳市食品安全专项整治方案》，要求各县（市、区）市场监管局抓好落实。",
     "绵阳市市场监督管理局", "SUPERVISES", "各县（市、区）市场监管局"),
    ("近日，团绵阳市委召开全委会，团市委书记吴佳主持。", "吴佳", "LEADS", "共青团绵阳市委员会"),        # 团某市委: the league's
    ("近日，绵阳市工商联召开执委会议，市工商联主席陈刚主持。", "陈刚", "LEADS", "绵阳市工商业联合会"),
    ("近日，绵阳市红十字会召开理事会，市红十字会会长周红主持。", "周红", "LEADS", "绵阳市红十字会"),
    # 党委书记、主任: the later bare post is in the body the party committee sits in
    ("近日，平武县人民医院党委召开会议，院党委书记李强主持，院长王刚出席。", "李强", "LEADS", "中共平武县人民医院委员会"),
    ("近日，平武县人民医院党委召开会议，院党委书记李强主持，院长王刚出席。", "王刚", "LEADS", "平武县人民医院"),
    ("3月5日，四川省国资委召开会议。省国资委党委书记、主任张明出席。", "张明", "LEADS", "四川省国有资产监督管理委员会"),
    ("3月5日，四川省国资委召开会议。省国资委党委书记、主任张明出席。", "张明", "LEADS", "中共四川省国有资产监督管理委员会委员会"),
]


@pytest.mark.parametrize("text,head,rel,tail", RELATIONS)
def test_relations_body_names_rule_finds(text, head, rel, tail):
    assert (match_key(head), rel, match_key(tail)) in triples(text)
