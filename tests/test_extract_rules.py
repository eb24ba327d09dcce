"""Entity rules on short sentences in the style of the genre (not taken from the gold)."""
from pathlib import Path

import pytest

from orgkg.extractors.read.document import Source
from orgkg.extractors.extract import extract_document
from orgkg.extractors.read.split import split_documents
from orgkg.graph.ids import match_key
from orgkg.graph.kg import KnowledgeGraph


def extract_text(text: str, name: str = "t.txt") -> KnowledgeGraph:
    kg = KnowledgeGraph()
    docs = split_documents(Source(path=Path(name), raw=text))
    for doc in docs:
        extract_document(doc, kg, siblings=docs)
    return kg


def names(kg, label):
    out = set()
    for n in kg.nodes():
        if n["label"] == label:
            out.add(n["name"])
            out.update(n["aliases"])
    return {match_key(x) for x in out}


SOE_NOTICE = ("中共贵州省能源投资集团有限公司委员会关于开展调研的通知\n各子公司党委：\n"
              "集团党委组织部要做好统筹。中国科学院贵州分院综合处要配合。\n")

ENTITIES = [
    # organisations: jurisdiction spelled out, short body words expanded
    ("渝科协发〔2023〕3号\n市科协要加强对各区县科协的指导。", "Organization", "重庆市科学技术协会"),
    ("北京市科协党组召开会议，研究部署全年工作。", "Organization", "中共北京市科学技术协会党组"),
    ("中国科协党组书记主持会议。", "Organization", "中国科学技术协会党组"),
    ("会议由广州市委常委会研究决定。", "Organization", "中共广州市委常务委员会"),
    ("苏州市工商联组织企业家开展学习。", "Organization", "苏州市工商业联合会"),
    ("国务院办公厅印发通知。", "Organization", "国务院办公厅"),
    ("教育部、科技部联合开展专项检查。", "Organization", "科学技术部"),
    ("发起成立杭州市人工智能学会。", "Organization", "杭州市人工智能学会"),
    ("会议在北京召开，清华大学、复旦大学等高校参加。", "Organization", "复旦大学"),
    ("光明日报北京5月6日电 近日，全国科技活动周启动。", "Organization", "光明日报"),
    # people: title before the name, 同志 after it, reporter credits, lists of names
    ("县委书记李明华主持会议并讲话。", "Person", "李明华"),
    ("王建国同志在会上作了动员讲话。", "Person", "王建国"),
    ("本报讯（记者张晓燕）近日，全省科普工作会议召开。", "Person", "张晓燕"),
    ("（作者：党委宣传部 王晓燕）6月11日，学校召开会议。", "Person", "王晓燕"),
    ("大连日报讯（记者 周海 李明）11月6日，大连市召开会议。", "Person", "李明"),
    ("会议由刘德成、陈立新等同志分别汇报。", "Person", "刘德成"),
    # events
    ("深入学习贯彻党的二十大精神。", "Event", "中国共产党第二十次全国代表大会"),
    ("认真贯彻落实十九届六中全会精神。", "Event", "中国共产党第十九届中央委员会第六次全体会议"),
    ("湖北省委十二届四次全会在武汉举行。", "Event", "中国共产党湖北省第十二届委员会第四次全体会议"),
    ("出席全国科技工作会议并讲话。", "Event", "全国科技工作会议"),
    # a scope after a study verb names a meeting of the place; a place convenes its own meeting
    ("会议传达学习全省检察长会议精神。", "Event", "全省检察长会议"),
    ("11月6日上午，宣城市召开领导干部大会，宣布有关决定。", "Event", "宣城市领导干部大会"),
    # a body named at the head of an effort runs it; a verb before a quoted name is no part of it
    ("会议听取了市教育局群众身边不正之风和腐败问题集中整治工作进展情况汇报。", "Initiative", "群众身边不正之风和腐败问题集中整治"),
    ("各县（市、区）要全面推行“全要素网格”建设。", "Initiative", "“全要素网格”建设"),
    # a place's committee and its government side by side: 市委市政府
    ("国家有关部委和合肥市委市政府给予了大力支持。", "Organization", "合肥市人民政府"),
    ("国家有关部委和合肥市委市政府给予了大力支持。", "Organization", "中共合肥市委员会"),
    # a date before the name is no part of it; a room is no meeting
    ("传达学习2024年中央经济工作会议精神。", "Event", "中央经济工作会议"),
    ("在十二月八日中央经济工作会议上作出部署。", "Event", "中央经济工作会议"),
    # a body's sittings: numbered office meetings, party group meetings it convenes
    ("6月11日，安徽大学2024年第9次校长办公会在行政楼召开。", "Event", "安徽大学2024年第9次校长办公会"),
    ("泾县人民检察院召开党组会议。", "Event", "泾县人民检察院党组会议"),
    # the session of a county's people's congress, in full
    ("7月2日，泾县第十八届人大常委会第五次会议召开。", "Event", "泾县第十八届人民代表大会常务委员会第五次会议"),
    # initiatives
    ("要深入实施科教兴国战略和人才强省战略。", "Initiative", "人才强省战略"),
    ("大力推进“智慧科协”建设。", "Initiative", "“智慧科协”建设"),
    ("扎实开展党史学习教育。", "Initiative", "党史学习教育"),
    ("加快推进数字浙江建设。", "Initiative", "数字浙江建设"),
    ("推进\"智慧科协\"建设,开展\"科技助力乡村振兴\"行动.", "Initiative", "智慧科协建设"),   # half-width quotes
    # documents
    ("严格执行《中国共产党纪律处分条例》。", "Document", "中国共产党纪律处分条例"),
    ("认真学习党章，严守党的纪律。", "Document", "中国共产党章程"),
    # a county the gazetteer does not list
    ("城口县科协召开全委会。城口县委书记李明主持会议，城口县科协全体干部参加。", "Organization", "城口县科学技术协会"),
    ("城口县科协召开全委会。城口县委书记李明主持会议，城口县科协全体干部参加。", "Organization", "中共城口县委员会"),
    # half-width punctuation in an addressee line; a qualifier in brackets stays in a class's name
    ("关于做好安全生产工作的通知\n各区、县(市)人民政府,市政府各部门:\n请认真贯彻落实.\n", "Organization",
     "各区、县（市）人民政府"),
    # a class of bodies given a duty
    ("关于做好招生工作的通知\n各单位：\n各高校要加强组织领导。\n", "Organization", "各高校"),
    ("关于做好招生工作的通知\n各单位：\n各有关高校党委要做好宣传动员。\n", "Organization", "各有关高校党委"),
    # words of names that hold a stop character; a level after a one-character verb
    ("市应急管理局要加强统筹调度。", "Organization", "市应急管理局"),
    ("中共云南省能源投资集团有限公司委员会召开会议。", "Organization", "中共云南省能源投资集团有限公司委员会"),
    ("云南省科协召开会议。经省委同意，现将有关事项通知如下。", "Organization", "中共云南省委员会"),
    # posts that say their body: 省长 -> the province's government, 书记处书记 -> the 书记处
    ("河南省委召开会议，省委副书记、省长李国强出席。", "Organization", "河南省人民政府"),
    ("中国科协党组成员、书记处书记张明远出席。", "Organization", "中国科学技术协会书记处"),
    # a party group's body, named only inside the group's name
    ("云南省科协党组书记、常务副主席李华主持会议。", "Organization", "云南省科学技术协会"),
    # people named before 就 / 对
    ("县委副书记、县长孙海涛就工作报告作说明。", "Person", "孙海涛"),
    # plenums of a county the gazetteer does not list; the committee heading the meeting's name
    ("3月5日，中共石柱县委十四届六次全会召开。", "Event", "中国共产党石柱县第十四届委员会第六次全体会议"),
    ("3月5日，中共石柱县委十四届六次全会召开。", "Organization", "中共石柱县委员会"),
    # named meetings ending in 大会; 经 of 经济 is no verb
    ("今天召开南京市科技创新大会。", "Event", "南京市科技创新大会"),
    ("贯彻党的二十大精神和中央经济工作会议部署。", "Event", "中央经济工作会议"),
    # initiatives: X活动 of a named campaign, 强省 construction, a year in front cut off
    ("深入开展“书香机关”建设活动。", "Initiative", "“书香机关”建设活动"),
    ("加快教育强省建设。", "Initiative", "教育强省建设"),
    ("在全省开展2024年“科技下乡”专项行动。", "Initiative", "“科技下乡”专项行动"),
    # a national strategy a title says to carry out
    ("全会审议通过了《中共某某县委关于全面推进乡村振兴的决定》。", "Initiative", "乡村振兴战略"),
    # 纪委监委: two bodies sharing one office
    ("近日，中共武隆县纪委监委召开会议。", "Organization", "武隆县监察委员会"),
    ("近日，中共武隆县纪委监委召开会议。", "Organization", "中共武隆县纪律检查委员会"),
    ("宁波市纪委召开会议。近日，市纪委监委通报了3起典型问题。", "Organization", "宁波市监察委员会"),
    # sessions of a local people's congress or CPPCC in their full forms
    ("政协南京市第十五届委员会第二次会议开幕。", "Event", "政协南京市第十五届委员会第二次会议"),
    # a body's own documents call it by its kind: 集团党委组织部, 分院综合处
    (SOE_NOTICE, "Organization", "中共贵州省能源投资集团有限公司委员会组织部"),
    (SOE_NOTICE, "Organization", "中国科学院"),
    # a university's own short forms
    ("中共复旦大学委员会关于开展调研的通知\n各院系党委：\n校党委组织部要做好统筹。\n", "Organization",
     "中共复旦大学委员会组织部"),
    # congresses of a place's youth league and women's federation
    ("5月6日，共青团湖北省第十六次代表大会在武汉开幕。", "Event", "共青团湖北省第十六次代表大会"),
    ("广西壮族自治区妇女第十二次代表大会在南宁闭幕。", "Event", "广西壮族自治区妇女第十二次代表大会"),
    ("共青团湖北省第十六次代表大会在武汉开幕。团省委书记王丽主持。", "Organization", "共青团湖北省委员会"),
    ("近日，共青团浙江省委召开全委会。", "Organization", "共青团浙江省委员会"),
    # an autonomous region's bare 自治区 names the region the text names
    ("宁夏回族自治区总工会召开会议，自治区党委书记张明出席。", "Organization", "中共宁夏回族自治区委员会"),
    # a central enterprise named only inside its party group's name
    ("中国大唐集团有限公司党组召开会议。集团公司党组书记、董事长邹磊主持会议。", "Organization", "中国大唐集团有限公司"),
    # a town or street office and its short forms
    ("宜兴市丁蜀镇党委召开会议，镇党委书记陈军主持，镇长周红出席。", "Organization", "宜兴市丁蜀镇人民政府"),
    ("宜兴市丁蜀镇党委召开会议，镇党委书记陈军主持，镇长周红出席。", "Organization", "中共宜兴市丁蜀镇委员会"),
    # pilots and concentrated campaigns
    ("会议研究部署了智慧校园建设试点工作。", "Initiative", "智慧校园建设试点"),
    ("要扎实开展医药领域腐败问题集中整治。", "Initiative", "医药领域腐败问题集中整治"),
    ("深入开展侵害企业利益和损害营商环境问题专项整治。", "Initiative", "侵害企业利益和损害营商环境问题专项整治"),
    ("省文明办决定开展“最美家庭”寻访评选活动。", "Initiative", "“最美家庭”寻访评选活动"),
    # a person named after a post and before 应邀
    ("省人民检察院检察长孙立平应邀出席。", "Person", "孙立平"),
    # a class given a duty in a news item, with no document to require it
    ("区委常委会召开会议。会议要求，各街道、各镇要抓好落实。", "Organization", "各镇"),
    ("镇党委召开会议。会议要求，各村（社区）党组织要抓好落实。", "Organization", "各村（社区）党组织"),
    ("街道党工委召开会议，要求各社区党委抓好落实。", "Organization", "各社区党委"),
    ("镇党委召开会议。会议要求，各村要抓好落实。", "Organization", "各村"),
    ("区委常委会召开会议，要求各街道、区属各部门抓好落实。", "Organization", "各街道"),
    ("区委常委会召开会议，要求各街道、区属各部门抓好落实。", "Organization", "区属各部门"),
    ("关于开展调研的通知\n各单位：\n各市、州、县委宣传部要认真落实。\n", "Organization", "各市、州、县委宣传部"),
    # 中级人民法院: 中 inside the name is no stop
    ("成都市中级人民法院召开会议。", "Organization", "成都市中级人民法院"),
    # 贯彻 before an anchored meeting name is no part of it
    ("为深入贯彻中央民族工作会议精神，特制定本方案。", "Event", "中央民族工作会议"),
    # a verb inside a quoted name does not cut it; a science city's construction
    ("要深入开展“执行到位”专项行动。", "Initiative", "“执行到位”专项行动"),
    ("要加快推进光明科学城建设。", "Initiative", "光明科学城建设"),
    ("中共复旦大学委员会关于开展调研的通知\n各院系党委：\n校党委组织部要做好统筹。\n", "Organization", "复旦大学"),
    # a body's numbered sitting is a named meeting (the body before the number or before 召开/进行)
    ("市政府召开第28次常务会议，研究部署防汛工作。", "Event", "市政府第28次常务会议"),
    ("市长主持召开市政府第28次常务会议。", "Event", "市政府第28次常务会议"),
    ("无锡市委全面深化改革委员会召开第五次会议。", "Event", "无锡市委全面深化改革委员会第五次会议"),
    ("无锡市委全面深化改革委员会召开第五次会议。", "Organization", "无锡市委全面深化改革委员会"),
    ("省农业农村厅党组理论学习中心组进行2024年第3次集体学习。", "Event", "省农业农村厅党组理论学习中心组2024年第3次集体学习"),
    # a scope and a subject name a meeting, whatever verbs the subject holds
    ("市政府召开全市安全生产工作推进会。", "Event", "全市安全生产工作推进会"),
    ("省委召开全省优化营商环境建设动员大会。", "Event", "全省优化营商环境建设动员大会"),
    ("市委统战部召开全市新的社会阶层人士座谈会。", "Event", "全市新的社会阶层人士座谈会"),
    # 要求 ends the word before a body; a city's 国资委 is not the national one
    ("会议要求市国资委、市教育局抓好落实。", "Organization", "市国资委"),
    # an autonomous prefecture's head leads its government
    ("延边朝鲜族自治州州长金明哲带队检查。", "Organization", "延边朝鲜族自治州人民政府"),
    ("延边朝鲜族自治州州长金明哲带队检查。", "Person", "金明哲"),
    ("州林业和草原局负责同志陪同检查。", "Organization", "州林业和草原局"),
    # bare admin levels and 省直各部门 given a duty are classes
    ("会议强调，各市县、省直各部门要抓好落实。", "Organization", "各市县"),
    ("会议强调，各市县、省直各部门要抓好落实。", "Organization", "省直各部门"),
    ("他强调，各县（市）要压实责任。", "Organization", "各县（市）"),
    # a named renewal programme; a zone's construction
    ("要扎实开展城镇老旧小区改造。", "Initiative", "城镇老旧小区改造"),
    ("要加快推进黄河流域高质量发展先行区建设。", "Initiative", "黄河流域高质量发展先行区建设"),
    ("深入推进科技创新和产业创新融合发展先行区建设。", "Initiative", "科技创新和产业创新融合发展先行区建设"),
    # a school's institute in a place is one body; 共建 is no part of it
    ("双方将共建复旦大学宁波研究院。", "Organization", "复旦大学宁波研究院"),
    # a person after a post and before 到 (调研 news)
    ("市委书记王立军到高新区调研企业。", "Person", "王立军"),
    # names after 市领导 / 院士 / 教授 (who lead nothing by it)
    ("市领导王立强、李明出席。", "Person", "李明"),
    ("中国工程院院士张伟明作报告。", "Person", "张伟明"),
    ("清华大学教授刘明作辅导报告。", "Person", "刘明"),
    # congresses, plenums and sessions of a county the gazetteer does not list
    ("中国共产党桃源县第十五次代表大会开幕。", "Event", "中国共产党桃源县第十五次代表大会"),
    ("中国共产党桃源县第十五届委员会第五次全体会议举行。", "Event", "中国共产党桃源县第十五届委员会第五次全体会议"),
    ("5月9日，政协桃源县第十一届委员会第三次会议开幕。", "Event", "政协桃源县第十一届委员会第三次会议"),
    ("1月5日，桃源县第十八届人民代表大会第四次会议开幕。", "Event", "桃源县第十八届人民代表大会第四次会议"),
    ("3月2日，桃源县第十五次党代会开幕。", "Event", "中国共产党桃源县第十五次代表大会"),
    ("中共桃源县第十五次党代会开幕。", "Event", "中国共产党桃源县第十五次代表大会"),
    ("共青团桃源县第十次代表大会开幕。", "Event", "共青团桃源县第十次代表大会"),
    # national strategies named without their suffix
    ("要加快推进乡村全面振兴。", "Initiative", "乡村全面振兴"),
    ("深入推进长江经济带发展。", "Initiative", "长江经济带发展"),
    # a body right after a date written in digits; a post in a government's research office
    ("岳阳市人民政府关于王明等同志职务任免的通知\n经2025年3月6日市人民政府第十二次常务会议研究，决定：任命王明为市人民政府研究室主任。",
     "Event", "岳阳市人民政府第十二次常务会议"),
    ("岳阳市人民政府关于王明等同志职务任免的通知\n经2025年3月6日市人民政府第十二次常务会议研究，决定：任命王明为市人民政府研究室主任。",
     "Organization", "岳阳市人民政府研究室"),
    # roster members, less common surnames
    ("关于成立桐庐县安全生产工作领导小组的通知\n组　长：訾建平　县委副书记、县长\n　　　　綦　岚　副县长\n",
     "Person", "訾建平"),
    ("关于成立桐庐县安全生产工作领导小组的通知\n组　长：訾建平　县委副书记、县长\n　　　　綦　岚　副县长\n",
     "Person", "綦岚"),
    # a task body is named by its place and the task, verb and all
    ("3月5日，桐庐县优化营商环境工作领导小组召开会议。", "Organization", "桐庐县优化营商环境工作领导小组"),
    # plenums of one term named together; the central discipline commission's plenum
    ("全面贯彻党的二十大和二十届二中、三中全会精神。", "Event", "中国共产党第二十届中央委员会第二次全体会议"),
    ("全面贯彻党的二十大和二十届二中、三中全会精神。", "Event", "中国共产党第二十届中央委员会第三次全体会议"),
    ("深入贯彻十九届中央纪委五次全会精神。", "Event", "中国共产党第十九届中央纪律检查委员会第五次全体会议"),
    # a procuratorate's numbered committee sitting; a sitting that names its routine body
    ("6月3日，杭州市人民检察院召开2024年第3次检察委员会会议。", "Event", "杭州市人民检察院2024年第3次检察委员会会议"),
    ("9月2日，学校党委书记王明主持召开党委常委会2024年第9次会议。", "Event", "党委常委会2024年第9次会议"),
    # the names under an appointment heading (决定任命：/ 免去：)
    ("桐庐县人大常委会任免名单\n决定任命：\n訾建平为桐庐县财政局局长；\n綦岚为桐庐县教育局局长、石建华为桐庐县民政局局长。\n免去：\n方圆的桐庐县审计局局长职务。\n",
     "Person", "石建华"),
    ("桐庐县人大常委会任免名单\n决定任命：\n訾建平为桐庐县财政局局长；\n綦岚为桐庐县教育局局长、石建华为桐庐县民政局局长。\n免去：\n方圆的桐庐县审计局局长职务。\n",
     "Person", "方圆"),
    # 受…委托 after a titled name
    ("会议由市委常委会主持，市长许文杰受市委常委会委托作说明。", "Person", "许文杰"),
    # a county whose name is also common words, where it stands at a clean left edge
    ("近日，和县人民政府召开常务会议。", "Organization", "和县人民政府"),
    ("安徽省和县教育局印发通知。", "Organization", "安徽省和县教育局"),
    # credits: several in one bracket, a labelled one, a name before 摄, a Yi clan name, a
    # transliterated name with no surname
    ("本报讯（记者 罗文静 通讯员 彭　涛）5月6日，会议召开。", "Person", "罗文静"),
    ("本报讯（记者 罗文静 通讯员 彭　涛）5月6日，会议召开。", "Person", "彭涛"),
    ("编辑：于　洁　　审核：龚建国\n", "Person", "龚建国"),
    ("（全媒体记者 程亮 摄）", "Person", "程亮"),
    ("（彝州日报记者 吉克木呷 摄）", "Person", "吉克木呷"),
    ("（图为会议现场。摄影：努尔兰）", "Person", "努尔兰"),
    ("联系人：许文杰　联系电话：0731-1234567", "Person", "许文杰"),
    # a body's leaders, one a line; an appointment heading with its number
    ("六、现任领导\n局　长：许文杰（兼任局党组书记）\n副局长：彭　涛\n", "Person", "彭涛"),
    ("桐庐县人大常委会任免名单\n一、决定任命：\n许文杰为桐庐县财政局局长；\n", "Person", "许文杰"),
    # a dotted name after its title
    ("县委副书记、县长努尔兰·阿曼别克主持召开会议。", "Person", "努尔兰·阿曼别克"),
    # a department whose name holds a verb (保障) or 和
    ("近日，县医疗保障局召开会议。", "Organization", "县医疗保障局"),
    ("近日，县文化广电和旅游局召开会议。", "Organization", "县文化广电和旅游局"),
    # a numbered enlarged sitting of a party committee; a Hui surname in a list after a title
    ("学校召开2024年第19次党委常委会（扩大）会议，传达学习。", "Event", "2024年第19次党委常委会（扩大）会议"),
    ("副主任许文杰、纳志刚出席会议。", "Person", "纳志刚"),
    # news sources: after 来源：, before a credit in brackets
    ("来源：桐庐日报　作者：许文杰\n", "Organization", "桐庐日报"),
    ("（桐庐日报全媒体记者 许文杰 摄）", "Organization", "桐庐日报"),
    # a zone's 管委会 written out; a body's term is no part of its name
    ("近日，长沙经济技术开发区管委会召开会议。", "Organization", "长沙经济技术开发区管理委员会"),
    ("会议由泾县十六届人大常委会选举任免联络工作委员会主任许文杰汇报。", "Organization", "泾县人民代表大会常务委员会选举任免联络工作委员会"),
    # a termed body's numbered sitting, its session written out; a chairperson's sitting
    ("10月29日，泾县十六届人大常委会举行第二十六次会议。", "Event", "泾县第十六届人民代表大会常务委员会第二十六次会议"),
    ("泾县人大常委会召开主任会议\n3月1日，泾县人大常委会召开县十六届人大常委会第二十六次主任会议。县人大常委会主任许文杰主持。",
     "Event", "泾县第十六届人民代表大会常务委员会第二十六次主任会议"),
    # a date in Chinese numerals before a name
    ("二〇二四年十二月二十七日中国共产党泾县第七届委员会第八次全体会议通过", "Event", "中国共产党泾县第七届委员会第八次全体会议"),
    # names before 的, 严重违纪; transliterated names before 同志 and after a title
    ("根据县人民政府县长许文杰的提请，决定任命。", "Person", "许文杰"),
    ("全会审议通过了县纪委关于彭涛严重违纪违法问题的审查报告。", "Person", "彭涛"),
    ("决定：次仁多布同志任中共泾县委员会委员。", "Person", "次仁多布"),
    ("局党组书记、局长才让多杰主持会议。", "Person", "才让多杰"),
    # a news source ending in 报 before the page's date line
    ("来源：桐庐商报　发布时间：2024-05-06", "Organization", "桐庐商报"),
    # a verb before a body cuts it
    ("要于7月底前完成泾县人民医院的改造。", "Organization", "泾县人民医院"),
    ("山南市召开全市领导干部大会 宣布自治区党委关于山南市人民政府主要领导调整的决定", "Organization", "自治区党委"),
    # an autonomous prefecture's full name (ten characters) before a body's party group
    ("黔西南布依族苗族自治州教育局党组召开会议。", "Organization", "中共黔西南布依族苗族自治州教育局党组"),
    # a merged department joined by 和
    ("清远市清城区住房城乡建设和水利局印发通知。", "Organization", "清远市清城区住房城乡建设和水利局"),
    # a local CPPCC's chairpersons' sitting written out
    ("政协泾县委员会召开主席会议\n3月1日，县政协九届第二十一次主席会议召开。县政协主席许文杰主持。",
     "Event", "政协泾县第九届委员会第二十一次主席会议"),
    # initiatives: a quoted name after 对标, a mass campaign (运动), a comprehensive clean-up
    # (综合整治), a named construction of a county medical community or a railway
    ("要对标“双一流”建设目标。", "Initiative", "“双一流”建设"),
    ("深入开展城乡环境卫生整洁运动。", "Initiative", "城乡环境卫生整洁运动"),
    ("积极开展农村人居环境综合整治。", "Initiative", "农村人居环境综合整治"),
    ("扎实推进城乡社区治理共同体建设。", "Initiative", "城乡社区治理共同体建设"),
    ("全力推进滇藏铁路建设。", "Initiative", "滇藏铁路建设"),
    # a termed government's numbered sitting
    ("泾县人民政府召开常务会议\n5月6日，县长许文杰主持召开十七届县政府第四十二次常务会议。", "Event", "泾县第十七届人民政府第四十二次常务会议"),
]


@pytest.mark.parametrize("text,label,expected", ENTITIES)
def test_extract_entity_found(text, label, expected):
    assert match_key(expected) in names(extract_text(text), label)


NOT_ENTITIES = [
    ("要坚决做到“两个维护”。", "Initiative", "“两个维护”"),          # a slogan
    ("加强作风建设和党风廉政建设。", "Initiative", "作风建设"),          # a generic activity
    ("各级党组织要发挥战斗堡垒作用。", "Organization", "各级党组织"),    # not a definite body
    ("市长强调，要抓好安全生产。", "Person", "市长"),                   # a title without a name
    ("召开座谈会听取意见。", "Event", "座谈会"),                        # an unnamed meeting
    ("要把党的建设摆在首位。", "Initiative", "党的建设"),
    ("县委书记主持召开县委常委会会议。", "Event", "县委常委会会议"),      # a routine sitting
    ("同志们要严守纪律，同志受市委委托讲话。", "Organization", "志受市委"),
    ("召开全县表彰大会。", "Event", "全县表彰大会"),                     # a kind of meeting
    ("会议强调，各地各部门要抓好落实。", "Organization", "各地各部门"),     # no definite class of bodies
    ("宁德市纪委监委各派驻纪检监察组要加强监督。", "Organization", "派驻纪检监察组"),  # units of the body before 各
    ("近日，共青团浙江省委召开全委会。", "Organization", "中共浙江省委员会"),   # the league's, not the party's
    ("关于开展服务行动的通知\n各设区市科技局，杨凌示范区科技局：\n请认真落实。\n", "Initiative", "杨凌示范区"),  # a place
    ("学习《全民科学素质行动规划纲要》。", "Initiative", "全民科学素质行动"),  # a title naming it, not asking for it
    ("中共湖南省委十二届六次全会在长沙举行。", "Organization", "中国共产党"),  # 中共 belongs to the meeting
    ("关于做好招生工作的通知\n各单位：\n各级党组织要加强领导。\n", "Organization", "各级党组织"),
    # 各市（区）科协 is a class, not the city's own 市科协
    ("无锡市科学技术协会关于开展科普月活动的通知\n各市（区）科协：\n请认真组织实施。\n", "Organization", "市科协"),
    ("会议决定召开第三次会议。", "Event", "第三次会议"),                   # a number with no body
    ("县委召开全县干部大会。", "Event", "全县干部大会"),                   # an audience, no subject
    ("镇党委召开乡村振兴工作推进会。", "Event", "乡村振兴工作推进会"),         # no scope: a kind of meeting
    ("会议决定在桃源县第十八届人民代表大会第四次会议上表决。", "Event", "决定在桃源县第十八届人民代表大会第四次会议"),
    ("中共重庆市第六次党代会召开。", "Event", "中国共产党中共重庆市第六次代表大会"),    # 中共 is no part of the place
    ("选举党的二十大代表和市第六次党代会代表。", "Event", "中国共产党党的二十大代表和市第六次代表大会"),
    # a term body's session is no numbered sitting of the body
    ("第十四届全国人民代表大会第二次会议在北京开幕。", "Event", "全国人民代表大会第二次会议"),
    ("落实中央第一批总结暨第二批部署会议精神。", "Event", "中央第一批总结暨第二批部署会"),  # 部署会议 is whole
    ("要加快企业技术改造。", "Initiative", "企业技术改造"),                # a kind of work, no programme
    ("双方将共建复旦大学宁波研究院。", "Organization", "宁波研究院"),
    ("双方将共建复旦大学宁波研究院。", "Organization", "建复旦大学"),
    # a run holding a verb or a post is no unlisted place before a level
    ("会议由市委常委会主持，市长许文杰受市委常委会委托作说明。", "Organization", "市长许文杰受市委常委会"),
    ("会议传达学习市委十四届八次全会精神。", "Event", "中国共产党传达学习市第十四届委员会第八次全体会议"),
    ("全会决定递补市委委员。", "Organization", "中共全会决定递补市委员会"),
    # …and where its name is those words (县委和县政府, 完成县委, 要会同县应急管理局)
    ("泾县县委办公室通知\n要认真落实县委和县政府的决策部署。", "Organization", "和县人民政府"),
    ("泾县县委办公室通知\n要按时完成县委交办的任务。", "Organization", "中共成县委员会"),
    ("泾县县委办公室通知\n县林业局要会同县应急管理局抓好落实。", "Organization", "会同县应急管理局"),
    ("（全媒体记者 程亮 摄）", "Person", "程亮摄"),
    ("本报讯（记者 罗文静 通讯员 彭　涛）5月6日，会议召开。", "Person", "讯员"),
    ("(此件公开发布)", "Organization", "此件公开发布"),
    ("市应急管理局与市气象局联合会商研判。", "Organization", "市气象局联合会"),
    ("会议由泾县十六届人大常委会选举任免联络工作委员会主任许文杰汇报。", "Organization", "中共泾县人民代表大会常务委员会选举任免联络工作委员会"),
    ("二〇二四年十二月二十七日中国共产党泾县第七届委员会第八次全体会议通过", "Organization", "二四年十二月二十七日中国共产党泾县第七届委员会"),
    ("要对照党中央的要求抓好落实。", "Person", "党中央"),
    ("要于7月底前完成泾县人民医院的改造。", "Organization", "完成泾县人民医院"),
    # a numbered stationed group names no host body; 另设 and 承担 cut a name
    ("泾县林业局职能配置、内设机构和人员编制规定\n第六条　县纪委监委派驻第五纪检监察组负责监督。", "Organization", "第五"),
    ("另设局机关党委，承担机关和直属单位党的建设工作。", "Organization", "另设局机关党委"),
    ("广泛开展群众体育运动。", "Initiative", "群众体育运动"),
    ("要对标“双一流”建设目标。", "Initiative", "标“双一流”建设"),
]


@pytest.mark.parametrize("text,label,unexpected", NOT_ENTITIES)
def test_extract_entity_not_found(text, label, unexpected):
    assert match_key(unexpected) not in names(extract_text(text), label)


def test_extract_same_short_name_different_places_not_merged():
    kg = KnowledgeGraph()
    for name, text in (("a.txt", "渝科协发〔2022〕1号\n市科协要认真落实。"), ("b.txt", "京科协发〔2022〕2号\n市科协要认真落实。")):
        for doc in split_documents(Source(path=Path(name), raw=text)):
            extract_document(doc, kg)
    orgs = {n["name"] for n in kg.nodes() if n["label"] == "Organization"}
    assert {"重庆市科学技术协会", "北京市科学技术协会"} <= orgs


def test_extract_line_break_never_splits_a_name():
    text = ("关于加强理论学习的通知\n各单位：\n为进一步加强理论武装，全面提高干部队伍素质，要深入学习贯彻党的二十\n"
            "大精神，按照全年工作安排，近日召开专题会议，市委书记张\n明远主持会议并讲话，对有关工作提出要求。\n")
    kg = extract_text(text)
    assert match_key("党的二十大") in names(kg, "Event")
    assert "张明远" in names(kg, "Person")


def test_extract_title_names_its_issuer():
    kg = extract_text("广东省科协2023年工作要点\n2023年，省科协要深入实施创新驱动发展战略，服务高质量发展。\n")
    nodes = {n["id"]: n["name"] for n in kg.nodes()}
    issued = {(nodes[e["source"]], nodes[e["target"]]) for e in kg.edges() if e["type"] == "ISSUED"}
    assert ("广东省科学技术协会", "广东省科协2023年工作要点") in issued


def test_extract_collective_named_in_passing_is_dropped():
    kg = extract_text("关于开展科普月活动的通知\n各单位：\n科技社团是国家创新体系的重要组成部分，各区县科协的作用日益突出。\n")
    assert match_key("区县科协") not in names(kg, "Organization")


def test_extract_issuer_above_title_and_in_signature_is_kept():
    text = ("长沙市科学技术协会\n关于开展科技活动周的通知\n各区县（市）科协：\n请认真组织实施。\n"
            "长沙市科学技术协会\n2024年5月1日\n")
    kg = extract_text(text)
    assert match_key("长沙市科学技术协会关于开展科技活动周的通知") in names(kg, "Document")


def test_extract_draft_of_a_document_is_the_document():
    kg = extract_text("全会审议通过了《中共某某县委关于加快发展的决定》。县委副书记、县长王立新就《决定（征求意见稿）》作说明。")
    docs = [n for n in kg.nodes() if n["label"] == "Document"]
    assert len(docs) == 1 and "决定（征求意见稿）" in docs[0]["aliases"]


def test_extract_commissions_that_station_a_group_are_mentioned_inside_its_name():
    """县纪委监委派驻第二纪检监察组: the discipline and supervisory commissions are named inside the
    group's name, and that is where the document mentions them (a per-file score counts them)."""
    text = "泾县人民政府召开常务会议\n县纪委监委派驻第二纪检监察组组长，县直有关部门主要负责人列席会议。"
    kg = extract_text(text)
    found = {n["name"]: n for n in kg.nodes()}
    for name, words in (("中共泾县纪律检查委员会", "县纪委"), ("泾县监察委员会", "监委")):
        assert name in found and found[name]["mentions"], name
        m = found[name]["mentions"][0]
        assert m["text"] == words
