"""Relation rules on short texts in the style of the genre (not taken from the gold)."""
from pathlib import Path

import pytest

from orgkg.extractors.read.document import Source
from orgkg.extractors.extract import extract_document
from orgkg.extractors.read.split import split_documents
from orgkg.graph.ids import match_key
from orgkg.graph.kg import KnowledgeGraph

NOTICE = ("京科协发〔2023〕8号\n"
          "北京市科学技术协会关于印发《2023年全民科学素质工作要点》的通知\n"
          "各区科协，市级学会（协会、研究会）：\n"
          "现将《2023年全民科学素质工作要点》印发给你们，请结合实际认真贯彻落实。\n"
          "北京市科学技术协会\n2023年3月1日\n")


CS_NOTICE = ("长沙市科学技术协会\n关于开展科技活动周的通知\n各区县（市）科协：\n"
             "请各区县（市）科协认真组织实施，并将总结报送市科协科普部。\n长沙市科学技术协会\n2024年5月1日\n")
JOINT = ("中共安化县委 安化县人民政府\n关于加快发展的意见\n各乡镇党委、政府，县直各单位：\n各乡镇要抓好落实。\n"
         "中共安化县委\n安化县人民政府\n2024年3月1日\n")
UNIV_NEWS = "复旦大学召开干部大会。校党委书记王强主持会议，校长赵立出席。"
SITTING = "宁夏回族自治区主席马海主持召开自治区人民政府第40次常务会议。"
STUDY = ("6月1日，陕西省科学技术厅党组理论学习中心组进行第二次集体学习。厅党组书记、厅长王刚主持学习，"
         "副厅长李丽参加。")
VISIT = ("3月1日，湖南钢铁集团有限公司党委书记、董事长李强会见中国五矿集团有限公司副总经理王明一行。"
         "集团公司党委副书记、总经理赵刚参加会见。")
PLENUM = ("3月5日，中共石柱县委十四届六次全会召开。县委常委会主持会议。"
          "全会审议通过了《中共石柱县委关于推进乡村振兴的决定》。")
# an addressee line of two classes and a list of zones; a notice that names its issuer only
# in the title of the plan it issues
TWO_OFFICES = ("中共宣城市委办公室 宣城市人民政府办公室\n关于做好防汛工作的通知\n"
               "各县市区委、人民政府，宣城经济技术开发区、宣城高新技术产业开发区，市直各单位：\n"
               "请抓好落实。\n中共宣城市委办公室\n宣城市人民政府办公室\n2024年6月1日\n")
PAIRS = ("中共宣城市委办公室 宣城市人民政府办公室\n关于做好防汛工作的通知\n"
         "各县（市、区）党委和人民政府，市各直属园区党工委、管委会：\n请抓好落实。\n"
         "中共宣城市委办公室\n宣城市人民政府办公室\n2024年6月1日\n")
BUREAU_NOTICE = ("吉林省统计局关于印发《统计工作要点》的通知\n各市（州）统计局，局机关各处室：\n"
                 "现将《统计工作要点》印发给你们。\n局党委组织部要抓好落实。（牵头处室：综合处、法规处）\n"
                 "吉林省统计局\n2024年3月1日\n")
STANDING = ("4月2日，榆林市第五届人大常委会第十次会议召开。会议审议了市人民政府《关于财政决算情况的报告》，"
            "听取了市人大常委会执法检查组的报告。"
            "市政府副市长王强列席会议。常委会组成人员表决通过了决议。")
STRUCTURE = ("沭阳县市场监督管理局机构职能\n\n沭阳县市场监督管理局是县人民政府工作部门。\n一、内设机构\n"
             "局机关设下列内设机构：\n1.办公室\n2.登记注册股\n3.知识产权股\n二、派出机构\n"
             "下设城关市场监督管理所、新河市场监督管理所等12个所。\n")
ZONE_NOTICE = ("中共宣城市委办公室 宣城市人民政府办公室\n关于做好防汛工作的通知\n"
               "各区县党委和人民政府，宣城经济技术开发区党工委、管委会，市级各部门：\n请抓好落实。\n"
               "中共宣城市委办公室\n宣城市人民政府办公室\n2024年6月1日\n")
UNTITLED = ("宣城经济技术开发区管委会，各乡镇人民政府，市级各部门：\n"
            "《宣城市人民政府工作规则》已经市人民政府常务会议通过，现予印发。\n宣城市人民政府\n2024年11月20日\n")
PLAN_NOTICE = ("关于印发《泾县教育局2024年工作要点》的通知\n各乡镇中心学校，县直各学校：\n"
               "现将《泾县教育局2024年工作要点》印发给你们，请认真贯彻落实。\n2024年3月1日\n")


def graph_of(text: str, name: str = "t.txt") -> KnowledgeGraph:
    """The graph extracted from ``text`` as if it were a file of its own."""
    kg = KnowledgeGraph()
    docs = split_documents(Source(path=Path(name), raw=text))
    for doc in docs:
        extract_document(doc, kg, siblings=docs)
    return kg


def triples(text: str, name: str = "t.txt") -> set:
    kg = graph_of(text, name)
    nodes = {n["id"]: n for n in kg.nodes()}
    out = set()
    for e in kg.edges():
        for h in [nodes[e["source"]]["name"], *nodes[e["source"]]["aliases"]]:
            for t in [nodes[e["target"]]["name"], *nodes[e["target"]]["aliases"]]:
                out.add((match_key(h), e["type"], match_key(t)))
    return out


ROSTER = ("桐庐县人民政府办公室关于成立桐庐县安全生产工作领导小组的通知\n各乡镇人民政府：\n经县政府研究，决定成立桐庐县安全生产工作领导小组。组成人员如下：\n"
          "组　长：訾建平　县委副书记、县长\n副组长：綦　岚　副县长\n　　　　石建华　县应急管理局局长\n成　员：方　圆　县公安局局长\n"
          "桐庐县人民政府办公室\n2024年3月1日\n")


APPOINTMENTS = ("桐庐县人民代表大会常务委员会任免名单\n（2024年6月28日桐庐县第十八届人民代表大会常务委员会第九次会议通过）\n"
                "决定任命：\n訾建平为桐庐县财政局局长；\n綦岚为桐庐县教育局局长、石建华为桐庐县民政局局长。\n"
                "免去：\n方圆的桐庐县审计局局长职务。\n"
                "会议由县人大常委会主任许文主持，常委会副主任周强出席。县人民法院院长黄立列席会议。\n")

# a court's and a ministry's own units, named bare
COURT = "郑州市中级人民法院召开党组会议\n会议要求，立案庭、执行局要加强协作。郑州市中级人民法院院长主持。"
MINISTRY = "农业农村部关于做好春耕生产的通知\n各省农业农村厅：\n请于5月底前报部种植业管理司。种业管理司负责指导。\n农业农村部\n2024年3月1日\n"

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
    # an issuer standing on its own line above the title and over the date
    (CS_NOTICE, "长沙市科学技术协会", "ISSUED", "长沙市科学技术协会关于开展科技活动周的通知"),
    (CS_NOTICE, "长沙市科学技术协会", "SUPERVISES", "各区县（市）科协"),
    (CS_NOTICE, "长沙市科学技术协会关于开展科技活动周的通知", "REQUIRES", "各区县（市）科协"),
    (CS_NOTICE, "长沙市科学技术协会科普部", "PART_OF", "长沙市科学技术协会"),
    # posts whose body the post says
    ("河南省委召开会议，省委副书记、省长李国强出席。", "李国强", "LEADS", "河南省人民政府"),
    ("河南省委召开会议，省委副书记、省长李国强出席。", "李国强", "LEADS", "中共河南省委员会"),
    ("中共石柱县委十四届六次全会召开。县委副书记、县长孙海涛就有关情况作说明。", "孙海涛", "LEADS", "石柱县人民政府"),
    ("中国科协党组成员、书记处书记张明远出席。", "张明远", "LEADS", "中国科学技术协会书记处"),
    ("江西省副省长胡立新出席。", "胡立新", "LEADS", "江西省人民政府"),
    ("合肥市委副书记、代市长罗强参加。", "罗强", "LEADS", "合肥市人民政府"),
    ("市委书记李明主持会议，市长张强出席。", "张强", "LEADS", "市政府"),      # no place named: the bare form
    ("厦门大学党委书记张荣、校长赵明出席。", "张荣", "LEADS", "中共厦门大学委员会"),
    ("厦门大学党委书记张荣、校长赵明出席。", "赵明", "LEADS", "厦门大学"),
    ("云南省科协党组书记、常务副主席李华主持会议。", "李华", "LEADS", "云南省科学技术协会"),
    ("云南省科协党组书记、常务副主席李华主持会议。", "中共云南省科学技术协会党组", "SUPERVISES", "云南省科学技术协会"),
    (UNIV_NEWS, "王强", "LEADS", "中共复旦大学委员会"),
    (UNIV_NEWS, "赵立", "LEADS", "复旦大学"),
    # meetings: 大会由X主持, X主持会议 after the meeting is said to be held; the plenum adopts
    ("11月5日，贵州省科协第九次代表大会在贵阳开幕。大会由省科协党组书记刘伟主持。", "刘伟", "PRESIDED",
     "贵州省科协第九次代表大会"),
    (PLENUM, "中共石柱县委常务委员会", "PRESIDED", "中国共产党石柱县第十四届委员会第六次全体会议"),
    (PLENUM, "中国共产党石柱县第十四届委员会第六次全体会议", "ADOPTED", "中共石柱县委关于推进乡村振兴的决定"),
    (PLENUM, "县委常委会", "PART_OF", "中共石柱县委员会"),
    # departments named with their parent inside: the parent is added
    ("中共湖南省委组织部关于做好考录工作的通知\n各市州委组织部：\n请认真落实。\n", "中共湖南省委组织部", "PART_OF",
     "中共湖南省委员会"),
    ("教育部办公厅关于做好招生工作的通知\n各省级教育行政部门：\n请认真落实。\n", "教育部办公厅", "PART_OF", "教育部"),
    ("国科发〔2024〕3号\n科技部关于开展评价工作的通知\n各省级科技管理部门：\n科技部火炬中心要做好实施。\n",
     "科技部火炬中心", "PART_OF", "科技部"),
    ("中国科学院武汉分院关于开展科普月的通知\n各研究所：\n分院综合处要做好协调。\n", "中国科学院武汉分院", "PART_OF",
     "中国科学院"),
    ("中国科学院武汉分院关于开展科普月的通知\n各研究所：\n分院综合处要做好协调。\n", "中国科学院武汉分院综合处", "PART_OF",
     "中国科学院武汉分院"),
    ("政协南京市第十五届委员会第二次会议开幕。市政协主席陈红主持开幕会。", "陈红", "PRESIDED",
     "政协南京市第十五届委员会第二次会议"),
    # joint issuers: both bodies issue, both direct the addressees; an addressee's bare body word
    (JOINT, "中共安化县委员会", "ISSUED", "中共安化县委安化县人民政府关于加快发展的意见"),
    (JOINT, "安化县人民政府", "ISSUED", "中共安化县委安化县人民政府关于加快发展的意见"),
    (JOINT, "中共安化县委员会", "SUPERVISES", "各乡镇党委、政府"),
    (JOINT, "中共安化县委安化县人民政府关于加快发展的意见", "REQUIRES", "各乡镇"),
    # a university issues in its own name; a 厅's documents call it 厅
    ("厦门大学关于印发《厦门大学科研管理办法》的通知\n各学院：\n现将《厦门大学科研管理办法》印发给你们。\n厦门大学\n2024年1月2日\n",
     "厦门大学", "ISSUED", "厦门大学关于印发《厦门大学科研管理办法》的通知"),
    ("河北省科学技术厅关于开展服务行动的通知\n各设区市科技局：\n厅农村科技处要做好统筹。\n", "河北省科学技术厅农村科技处",
     "PART_OF", "河北省科学技术厅"),
    ("中共青岛市委理论学习中心组举行集体学习。", "中共青岛市委理论学习中心组", "PART_OF", "中共青岛市委员会"),
    # a directive assigns a task with 负责
    ("关于开展评议工作的通知\n各院系党委：\n校党委组织部负责具体组织实施。\n", "关于开展评议工作的通知", "REQUIRES",
     "校党委组织部"),
    # 县长 leads the 县政府 the text names
    ("县长王建国主持召开县政府常务会议。", "王建国", "LEADS", "县政府"),
    # duties of a class of bodies
    ("关于做好评价工作的通知\n各单位：\n各省级科技管理部门要认真组织。\n", "关于做好评价工作的通知", "REQUIRES",
     "各省级科技管理部门"),
    ("关于做好招生工作的通知\n各单位：\n各高校要加强组织领导。\n", "关于做好招生工作的通知", "REQUIRES", "各高校"),
    # a court's or procuratorate's short forms and posts; the post after a party-group post is in its body
    ("3月2日，河南省高级人民法院召开会议。省法院院长王磊主持。", "王磊", "LEADS", "河南省高级人民法院"),
    ("湖南省人民检察院召开会议，省检察院党组书记、检察长刘强出席。", "刘强", "LEADS", "湖南省人民检察院"),
    ("湖南省人民检察院召开会议，省检察院党组书记、检察长刘强出席。", "刘强", "LEADS", "中共湖南省人民检察院党组"),
    # a central enterprise: 集团公司 is the company its party group sits in
    ("中国大唐集团有限公司党组召开会议。集团公司党组书记、董事长邹磊主持会议。", "邹磊", "LEADS", "中国大唐集团有限公司"),
    ("中国大唐集团有限公司党组召开会议。集团公司党组书记、董事长邹磊主持会议。", "邹磊", "LEADS",
     "中国大唐集团有限公司党组"),
    ("中国大唐集团有限公司党组召开会议。出席会议的有集团公司党组成员、副总经理孙涛、吴兵。", "吴兵", "LEADS",
     "中国大唐集团有限公司"),
    # an enterprise's party committee: its standing committee is a unit of it, its secretary's next post is in the firm
    ("中国华电集团有限公司党委常委会召开会议。集团公司党委书记、董事长江毅主持会议。", "江毅", "LEADS",
     "中国华电集团有限公司"),
    ("中国华电集团有限公司党委常委会召开会议。集团公司党委书记、董事长江毅主持会议。", "中国华电集团有限公司党委常委会",
     "PART_OF", "中共中国华电集团有限公司委员会"),
    # a bare deputy post after its chief's in the same sentence
    ("近日，淳安县人大常委会召开会议。县人大常委会主任方明主持会议，副主任许文、程丽出席。", "程丽", "LEADS",
     "淳安县人大常委会"),
    # a development zone's own committees, named bare after the zone is named in full
    ("9月1日，宁波经济技术开发区党工委召开会议。开发区党工委书记、管委会主任陈立主持。", "陈立", "LEADS",
     "宁波经济技术开发区管理委员会"),
    # a federation's congress
    ("河北省文学艺术界联合会第十次代表大会开幕。大会由省文联党组书记张海主持。", "张海", "PRESIDED",
     "河北省文学艺术界联合会第十次代表大会"),
    # the youth league's provincial committee
    ("共青团湖北省第十六次代表大会在武汉开幕。大会由团省委书记王丽主持。", "王丽", "LEADS", "共青团湖北省委员会"),
    ("共青团湖北省第十六次代表大会在武汉开幕。大会由团省委书记王丽主持。", "王丽", "PRESIDED",
     "共青团湖北省第十六次代表大会"),
    # town and street: 镇长 leads the town's government, 街道办事处主任 the street office
    ("宜兴市丁蜀镇党委召开会议，镇党委书记陈军主持，镇长周红出席。", "周红", "LEADS", "宜兴市丁蜀镇人民政府"),
    ("广州市天河区石牌街道党工委召开会议，街道党工委书记李华主持，街道办事处主任张敏出席。", "张敏", "LEADS",
     "广州市天河区石牌街道办事处"),
    ("广州市天河区石牌街道党工委召开会议，街道党工委书记李华主持，街道办事处主任张敏出席。", "李华", "LEADS",
     "中共广州市天河区石牌街道工作委员会"),
    # a university party committee's standing committee is a unit of the committee
    ("南开大学党委常委会召开会议，校党委书记陈明主持。", "南开大学党委常委会", "PART_OF", "中共南开大学委员会"),
    ("内蒙古自治区妇女第十二次代表大会开幕。出席会议的有自治区党委常委、组织部部长赵文。", "中共内蒙古自治区委员会组织部",
     "PART_OF", "中共内蒙古自治区委员会"),
    # a university's 学校办公室 is its own office
    ("南开大学党委常委会召开会议，校党委书记陈明主持。校党委组织部、学校办公室负责人列席。", "学校办公室", "PART_OF", "南开大学"),
    # 主持闭幕大会: the congress the item says closed
    ("广西壮族自治区妇女第十二次代表大会在南宁闭幕。自治区妇联主席韦红主持闭幕大会。", "韦红", "PRESIDED",
     "广西壮族自治区妇女第十二次代表大会"),
    # an autonomous region's bare forms
    ("宁夏回族自治区总工会召开会议，自治区党委书记张明出席。", "张明", "LEADS", "中共宁夏回族自治区委员会"),
    ("内蒙古自治区妇女第十二次代表大会开幕。出席会议的有自治区党委常委、组织部部长赵文。", "赵文", "LEADS",
     "中共内蒙古自治区委员会组织部"),
    # who chairs a numbered sitting, named after its body or held earlier
    (SITTING, "马海", "PRESIDED", "自治区人民政府第40次常务会议"),
    (SITTING, "马海", "LEADS", "宁夏回族自治区人民政府"),
    ("市委深改委召开第三次会议。市委书记李强主持会议。", "李强", "PRESIDED", "市委深改委第三次会议"),
    ("市政府召开全市防汛工作推进会。副市长刘洋主持会议。", "刘洋", "PRESIDED", "全市防汛工作推进会"),
    ("市委统战部召开全市民营企业家座谈会。统战部部长刘洋主持座谈会。", "刘洋", "PRESIDED", "全市民营企业家座谈会"),
    # 厅党组书记、厅长: the 厅 the item named before
    (STUDY, "王刚", "LEADS", "陕西省科学技术厅"),
    (STUDY, "王刚", "LEADS", "中共陕西省科学技术厅党组"),
    (STUDY, "李丽", "LEADS", "陕西省科学技术厅"),
    (STUDY, "王刚", "PRESIDED", "陕西省科学技术厅党组理论学习中心组第二次集体学习"),
    ("延边朝鲜族自治州州长金明哲带队检查。", "金明哲", "LEADS", "延边朝鲜族自治州人民政府"),
    ("江北新区党工委专职副书记陈立出席。", "陈立", "LEADS", "江北新区党工委"),
    # 集团公司 in a short item is the company it opens with, not the guest's
    (VISIT, "赵刚", "LEADS", "湖南钢铁集团有限公司"),
    (TWO_OFFICES, "宣城市人民政府办公室", "SUPERVISES", "各县市区人民政府"),
    (TWO_OFFICES, "中共宣城市委办公室", "SUPERVISES", "各县市区委"),
    (TWO_OFFICES, "宣城市人民政府办公室", "SUPERVISES", "宣城经济技术开发区"),
    (TWO_OFFICES, "中共宣城市委办公室", "SUPERVISES", "宣城高新技术产业开发区"),
    (PLAN_NOTICE, "泾县教育局", "ISSUED", "关于印发《泾县教育局2024年工作要点》的通知"),
    (PLAN_NOTICE, "泾县教育局", "SUPERVISES", "县直各学校"),
    # names after a title and before a verb of presence or duty, or before 为 in an appointment
    ("会上，县监委副主任王立群协助分管第一纪检监察室。", "王立群", "LEADS", "县监委"),
    ("市政协副主席赵文博列席会议。", "赵文博", "LEADS", "市政协"),
    ("会议决定任命泾县人民检察院检察长周红为宣城市人民检察院副检察长。", "周红", "LEADS", "泾县人民检察院"),
    (PAIRS, "中共宣城市委办公室", "SUPERVISES", "各县（市、区）人民政府"),
    (PAIRS, "中共宣城市委办公室", "SUPERVISES", "各县（市、区）党委"),
    (PAIRS, "宣城市人民政府办公室", "SUPERVISES", "市各直属园区管委会"),
    # a government's own commission is PART_OF the government; it is no second issuer
    ("青海省政府国资委关于印发《监管企业投资监督管理办法》的通知\n各监管企业：\n现将《监管企业投资监督管理办法》印发给你们。\n",
     "青海省人民政府国有资产监督管理委员会", "PART_OF", "青海省人民政府"),
    ("青海省政府国资委关于印发《监管企业投资监督管理办法》的通知\n各监管企业：\n现将《监管企业投资监督管理办法》印发给你们。\n",
     "青海省人民政府国有资产监督管理委员会", "SUPERVISES", "各监管企业"),
    # a list of bare departments in a county's news: the county's departments
    ("泾县第十八届人大常委会第五次会议召开。县政府办、公安局、财政局、发改局负责人列席会议。",
     "泾县人民政府办公室", "PART_OF", "泾县人民政府"),
    # a meeting whose 精神 is studied adopts nothing; the sitting that studies it does
    ("泾县人民政府召开第42次常务会议，传达学习全国安全生产工作会议和全省安全生产工作会议精神，审议通过了《泾县安全生产工作要点》。",
     "泾县人民政府第42次常务会议", "ADOPTED", "泾县安全生产工作要点"),
    # a university's news: its party posts, its units named bare, a credit with its unit
    ("6月11日，安徽大学2024年第9次校长办公会召开。校长王明主持会议，党委常务副书记李强列席会议。会议听取了发展规划处的汇报，研究生院要做好数据核验。",
     "李强", "LEADS", "中共安徽大学委员会"),
    ("6月11日，安徽大学2024年第9次校长办公会召开。校长王明主持会议，党委常务副书记李强列席会议。会议听取了发展规划处的汇报，研究生院要做好数据核验。",
     "安徽大学研究生院", "PART_OF", "安徽大学"),
    # a stationed discipline inspection group: PART_OF the commissions that send it, its head LEADS it
    ("市纪委监委驻市检察院纪检监察组组长郑文博出席会议。", "郑文博", "LEADS", "市纪委监委驻市检察院纪检监察组"),
    ("2020年5月，吴海英任中央纪委国家监委驻国家税务总局纪检监察组组长。",
     "中央纪委国家监委驻国家税务总局纪检监察组", "PART_OF", "国家监察委员会"),
    ("2020年5月，吴海英任中央纪委国家监委驻国家税务总局纪检监察组组长。",
     "中央纪委国家监委驻国家税务总局纪检监察组", "PART_OF", "中国共产党中央纪律检查委员会"),
    # a zone's two organs after a class of governments: neither joined to the class
    (ZONE_NOTICE, "宣城市人民政府办公室", "SUPERVISES", "宣城经济技术开发区管委会"),
    (ZONE_NOTICE, "宣城市人民政府办公室", "SUPERVISES", "各区县人民政府"),
    # a copy that starts at its addressee line, signed: the signer issues the text it carries
    # and directs the addressees
    (UNTITLED, "宣城市人民政府", "ISSUED", "宣城市人民政府工作规则"),
    (UNTITLED, "宣城市人民政府", "SUPERVISES", "各乡镇人民政府"),
    (UNTITLED, "宣城市人民政府工作规则", "REQUIRES", "市级各部门"),
    # a bureau's own text names its party committee by the bureau's kind, and that committee's departments
    (BUREAU_NOTICE, "中共吉林省统计局委员会组织部", "PART_OF", "中共吉林省统计局委员会"),
    # a body's inspection or survey group is one of its units
    (STANDING, "榆林市人民代表大会常务委员会执法检查组", "PART_OF", "榆林市人民代表大会常务委员会"),
    # a work plan names its issuer's units bare after a duty label
    (BUREAU_NOTICE, "吉林省统计局综合处", "PART_OF", "吉林省统计局"),
    # a bare 领导小组 is the group named before it; the office it sets up is its unit
    ("四川省人民政府成立四川省数字经济发展领导小组。领导小组下设办公室，办公室设在省发展改革委。",
     "四川省数字经济发展领导小组办公室", "PART_OF", "四川省数字经济发展领导小组"),
    # a structure text: units numbered 1. 2., a list closed by a count of its kind (等12个所)
    (STRUCTURE, "沭阳县市场监督管理局知识产权股", "PART_OF", "沭阳县市场监督管理局"),
    (STRUCTURE, "沭阳县市场监督管理局新河市场监督管理所", "PART_OF", "沭阳县市场监督管理局"),
    # a body's own units named bare, by its kind (court, procuratorate, ministry, department, bureau)
    (COURT,
     "郑州市中级人民法院立案庭", "PART_OF", "郑州市中级人民法院"),
    (COURT,
     "郑州市中级人民法院执行局", "PART_OF", "郑州市中级人民法院"),
    ("杭州市人民检察院召开检察委员会会议\n会议要求，第二检察部要加强指导。杭州市人民检察院检察长主持。",
     "杭州市人民检察院第二检察部", "PART_OF", "杭州市人民检察院"),
    (MINISTRY,
     "农业农村部种植业管理司", "PART_OF", "农业农村部"),
    (MINISTRY,
     "农业农村部种业管理司", "PART_OF", "农业农村部"),
    ("江西省卫生健康委员会关于开展义诊活动的通知\n各设区市卫生健康委：\n请于6月底前报送我委基层卫生健康处。\n江西省卫生健康委员会\n2024年5月6日\n",
     "江西省卫生健康委员会基层卫生健康处", "PART_OF", "江西省卫生健康委员会"),
    ("南昌市教育局2024年工作要点\n一、推进教育改革。市教育局职业教育科要会同有关单位推进实训基地建设。\n",
     "南昌市教育局职业教育科", "PART_OF", "南昌市教育局"),
    # a roster: each member's posts after the name, and the roster's label as a post in the group
    (ROSTER, "訾建平", "LEADS", "桐庐县人民政府"),
    (ROSTER, "訾建平", "LEADS", "中共桐庐县委员会"),
    (ROSTER, "訾建平", "LEADS", "桐庐县安全生产工作领导小组"),
    (ROSTER, "石建华", "LEADS", "桐庐县安全生产工作领导小组"),
    (ROSTER, "石建华", "LEADS", "桐庐县应急管理局"),
    (ROSTER, "方圆", "LEADS", "桐庐县公安局"),
    # an appointment list under its heading line (决定任命：), one or more a line
    (APPOINTMENTS, "訾建平", "LEADS", "桐庐县财政局"),
    (APPOINTMENTS, "綦岚", "LEADS", "桐庐县教育局"),
    (APPOINTMENTS, "石建华", "LEADS", "桐庐县民政局"),
    # a bare 常委会 after the people's congress's is that one, in a text whose home is a court
    (APPOINTMENTS, "周强", "LEADS", "桐庐县人民代表大会常务委员会"),
    # a body's leaders, one a line: the label is the post
    ("桐庐县林业局机构职能\n六、现任领导\n局　长：许文杰（兼任局党组书记）\n副局长：彭　涛\n", "彭涛", "LEADS", "桐庐县林业局"),
    # a CPPCC committee's office is its unit (not a party committee's)
    ("桐庐县人民政府办公室关于做好防汛工作的通知\n各乡镇人民政府：\n请于5月底前报县政协办公室。\n桐庐县人民政府办公室\n2024年3月1日\n",
     "中国人民政治协商会议桐庐县委员会办公室", "PART_OF", "中国人民政治协商会议桐庐县委员会"),
    # the units after 设N个内设股室：
    ("桐庐县医疗保障局机构职能\n县医疗保障局设2个内设股室：办公室、基金监管股。\n", "桐庐县医疗保障局基金监管股", "PART_OF", "桐庐县医疗保障局"),
    # 会议审议通过 in a report of a numbered sitting: the sitting adopts, not a plenum named on the way
    ("7月2日，市委书记许文杰主持召开市委常委会2024年第9次会议，传达学习党的二十届三中全会精神。会议指出，党的二十届三中全会是一次十分重要的会议。会议审议通过了《桐庐市推进改革重点任务分工方案》。",
     "市委常委会2024年第9次会议", "ADOPTED", "桐庐市推进改革重点任务分工方案"),
    # bare posts in a list after a titled name: the body named there (和 joins the last name)
    ("泾县人大常委会召开主任会议\n县人大常委会主任许文杰主持会议，副主任彭涛、罗静和秘书长黄立出席会议。", "罗静", "LEADS", "泾县人民代表大会常务委员会"),
    ("泾县人大常委会召开主任会议\n县人大常委会主任许文杰主持会议，副主任彭涛、罗静和秘书长黄立出席会议。", "黄立", "LEADS", "泾县人民代表大会常务委员会"),
    # 院党组书记 in a court's own news: the court's party group
    ("泾县人民法院召开党组会议\n5月6日，泾县人民法院召开党组会议。院党组书记、院长许文杰主持会议。", "许文杰", "LEADS", "中共泾县人民法院党组"),
    # an issuer named only in the signature, after a contact line
    ("关于做好防汛工作的通知\n各设区市卫生健康委：\n请按时报送。\n联系人：许文杰　　联系电话：0591-1234567\n泾县卫生健康委员会\n2024年5月10日\n",
     "泾县卫生健康委员会", "ISSUED", "泾县卫生健康委员会关于做好防汛工作的通知"),
    # a class's second body named bare (各街道党工委、办事处)
    ("关于做好防汛工作的通知\n各镇党委、人民政府，各街道党工委、办事处：\n请认真落实。\n中共泾县县委办公室\n2024年5月10日\n",
     "中共泾县县委办公室", "SUPERVISES", "各街道办事处"),
    # a web page's publishing body issues the text; a body's 机构职能 page is a document
    ("泾县林业局机构职能\n发布机构：中共泾县县委机构编制委员会办公室　发布日期：2023-09-15　访问次数：486\n单位名称：泾县林业局\n",
     "中共泾县县委机构编制委员会办公室", "ISSUED", "泾县林业局机构职能"),
    # 《D》已经…会议审议通过: the title before the meeting
    ("关于印发《泾县人民政府工作规则》的通知\n各乡镇人民政府：\n《泾县人民政府工作规则》已经2024年3月5日召开的十七届县政府第12次常务会议审议通过，现予印发。\n泾县人民政府\n2024年3月8日\n",
     "泾县第十七届人民政府第12次常务会议", "ADOPTED", "泾县人民政府工作规则"),
    ("关于印发《泾县国资监管办法》的通知\n各监管企业：\n《泾县国资监管办法》已经县国资委2024年第三次委务会会议审议通过，现印发给你们。\n泾县国资委\n2024年3月8日\n",
     "泾县国有资产监督管理委员会2024年第三次委务会会议", "ADOPTED", "泾县国资监管办法"),
]

NOT_RELATIONS = [
    # a meeting whose 精神 is studied adopts nothing; the meeting itself is unnamed
    ("区委常委会召开会议，传达学习了省委十二届五次全会精神，审议通过了《某区城市更新实施方案》。", "ADOPTED"),
    (JOINT, "ISSUED", "中共安化县委安化县人民政府", "中共安化县委安化县人民政府关于加快发展的意见"),
    # a member of a party group holds no post that leads it
    ("中国科协党组成员、书记处书记张明远出席。", "LEADS", "中国科学技术协会党组"),
    # a body's own party committee is not one of its units
    (UNIV_NEWS, "PART_OF", "中共复旦大学委员会", "复旦大学"),
    ("辽宁大学党委常委会召开会议，校党委书记陈明主持。", "PART_OF", "辽宁大学党委常委会", "辽宁大学"),
    # a member of a standing committee holds no post that leads the committee
    ("青海省纪委常委会召开会议。省委常委、省纪委书记赵强主持会议。", "LEADS", "赵强", "中共青海省委员会"),
    (VISIT, "LEADS", "赵刚", "中国五矿集团有限公司"),
    ("中国工程院院士张伟明作报告。", "LEADS"),             # an academician leads nothing
    ("清华大学教授刘明作辅导报告。", "LEADS"),
    # the line that opens a list of units addresses no one
    (STRUCTURE, "REQUIRES"),
    # words joined by 和/与 inside a unit's name are no unit of their own; 处理 is no unit
    ("南昌市教育局2024年工作要点\n市教育局设立体育卫生与艺术教育科。要及时处理群众来信。\n", "PART_OF", "南昌市教育局艺术教育科"),
    ("江西省卫生健康委员会关于开展义诊活动的通知\n各设区市卫生健康委：\n要妥善处理投诉，报送处理结果。\n江西省卫生健康委员会\n2024年5月6日\n",
     "PART_OF", "江西省卫生健康委员会妥善处"),
    # a member (成员) of the group leads none of it
    (ROSTER, "LEADS", "方圆", "桐庐县安全生产工作领导小组"),
    # 免去 under its heading leads nothing; a heading is no addressee
    (APPOINTMENTS, "LEADS", "方圆", "桐庐县审计局"),
    (APPOINTMENTS, "REQUIRES", "决定任命"),
    ("7月2日，市委书记许文杰主持召开市委常委会2024年第9次会议，传达学习党的二十届三中全会精神。会议指出，党的二十届三中全会是一次十分重要的会议。会议审议通过了《桐庐市推进改革重点任务分工方案》。",
     "ADOPTED", "中国共产党第二十届中央委员会第三次全体会议", "桐庐市推进改革重点任务分工方案"),
    # a former post (原…主任) and a post of another kind of body (司令员) are no posts in the body named last
    ("泾县县委召开大会\n县人大常委会主任许文杰、县政协主席彭涛，原县人大常委会主任罗静等出席会议。", "LEADS", "罗静", "中国人民政治协商会议泾县委员会"),
    ("泾县县委召开大会\n县人大常委会主任许文杰、县政协主席彭涛、县人武部政委罗静等出席会议。", "LEADS", "罗静", "中国人民政治协商会议泾县委员会"),
    # a chief accountant or engineer leads no body
    ("西南大学召开校长办公会\n校长许文杰主持会议，总会计师彭涛出席会议。", "LEADS", "彭涛", "西南大学"),
]


@pytest.mark.parametrize("text,head,rel,tail", RELATIONS)
def test_relations_rule_finds(text, head, rel, tail):
    assert (match_key(head), rel, match_key(tail)) in triples(text)


@pytest.mark.parametrize("case", NOT_RELATIONS)
def test_relations_rule_does_not_find(case):
    text, rel, *ends = case
    found = {t for t in triples(text) if t[1] == rel}
    if ends:
        tail = match_key(ends[-1])
        found = {t for t in found if t[2] == tail and (len(ends) == 1 or t[0] == match_key(ends[0]))}
    assert not found


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
