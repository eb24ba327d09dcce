"""Campaigns named without a suffix such as 行动 or 工程: the object of a campaign verb
(深入开展 / 扎实推进 / 持续推进 …) that ends in a campaign word (整治, 整顿, 攻坚, 振兴 …):
扎实推进城市更新攻坚, 深入开展农村人居环境整治. The verb is what makes the phrase a
named effort that bodies carry out; without it 攻坚 or 改革 is an ordinary word.

>>> [c.text for c in find_campaigns("各县要持续推进营商环境攻坚，深入推进改革。")]
['营商环境攻坚']
>>> [c.text for c in find_campaigns("召开全市河湖治理推进会。")]
['河湖治理']
"""
from __future__ import annotations

import re
from functools import lru_cache

from orgkg.extractors import knowledge as lexicon
from orgkg.extractors.recognise.spans import Cand

# verbs that put bodies to work on a campaign (a plain 推进 or 开展 is too weak: 推进工作)
VERBS = ("深入开展", "扎实开展", "全面开展", "集中开展", "扎实推进", "持续推进", "深入推进", "全面推进", "加快推进",
         "大力推进", "稳步推进", "深入实施", "全面实施", "持续深化", "深入调研", "调研")
ENDS = ("整治", "整顿", "治理", "攻坚", "提升", "创建", "振兴", "改革", "试点")
# heads that make the phrase an ordinary activity, not a named effort (能力提升, 深化改革)
WEAK_HEADS = ("能力", "质量", "水平", "服务", "工作", "全面", "深化", "各项", "相关", "有关", "重点", "系统",
              "体制", "机制", "制度", "作风")
LONG_HEAD = ("治理", "改革", "提升")
SCOPE = re.compile(r"^(?:全[市省区县州盟旗国校]|本[市省区县地])")


@lru_cache(maxsize=None)
def _pattern():
    verbs = "|".join(sorted(VERBS, key=len, reverse=True))
    ends = "|".join(ENDS)
    # the object runs to punctuation or to 工作 / 活动 (调研某某整治工作); a quoted brand may open it
    return re.compile(rf"(?:{verbs})((?:“[^“”]{{2,12}}”[\u4e00-\u9fff]{{0,12}}?|[\u4e00-\u9fff]{{2,16}}?)(?:{ends}))(?=工作|活动|[，。；、：\s]|$)"
                      # or the campaign a meeting is held to push: 全市某某整治推进会
                      rf"|(?<=全[市省区县州])([\u4e00-\u9fff]{{2,16}}?(?:{ends}))(?=(?:工作)?(?:推进|动员|部署)[会大])"
                      # a quoted brand makes a plain 开展 enough: 开展“某某”创建工作
                      rf"|(?<=开展|推进|实施)(“[^“”]{{2,12}}”[\u4e00-\u9fff]{{0,6}}?(?:{ends}))(?=工作|活动|[，。；、：\s]|$)")


def find_campaigns(text: str) -> list:
    lex = lexicon.load()
    generic, slogans = set(lex.w("initiative_generic")), lex.w("slogans")
    out = []
    for m in _pattern().finditer(text):
        k = next(i for i in (1, 2, 3) if m.group(i))
        name, start = m.group(k), m.start(k)
        scope = SCOPE.match(name)
        if scope:
            name, start = name[scope.end():], start + scope.end()
        end_word = next(e for e in ENDS if name.endswith(e))
        head = name[: -len(end_word)]
        # 基层治理, 依法治理, 市场化改革: a short head before these words names a kind of work
        if len(head) < (4 if end_word in LONG_HEAD and "”" not in head else 2) or name in generic or head.endswith(WEAK_HEADS) or "的" in name \
                or any(s in name for s in slogans):
            continue
        out.append(Cand(start, start + len(name), name, "INIT"))
    return out
