"""Genre vocabulary: title suffixes, words that may follow a name, and words that stop a title."""
from __future__ import annotations

import re
from collections.abc import Iterable


def alternation(words: Iterable[str]) -> str:
    """Regex source matching the longest of `words` that fits, like ``"|".join`` of the words
    longest first, but as a trie (副(?:市长|书记|…)), so that re reads each character once instead
    of trying every word in turn."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here
    return _trie_source(trie)


class Words:
    """A fixed set of words, tested fast: ``text.startswith(words, pos)`` and ``in`` on a tuple
    compare every word in turn; these look only at the words sharing the character at `pos`."""

    def __init__(self, words: Iterable[str]) -> None:
        self.words = tuple(words)
        self._set = frozenset(self.words)
        self._by_first: dict[str, tuple[str, ...]] = {}
        self._by_last: dict[str, tuple[str, ...]] = {}
        for w in self.words:
            self._by_first[w[0]] = (*self._by_first.get(w[0], ()), w)
            self._by_last[w[-1]] = (*self._by_last.get(w[-1], ()), w)

    def __contains__(self, word: object) -> bool:
        return word in self._set

    def starts_at(self, text: str, pos: int) -> bool:
        """One of the words starts at `pos` (``text.startswith(words, pos)``)."""
        return pos < len(text) and text.startswith(self._by_first.get(text[pos], ()), pos)

    def ends_at(self, text: str, pos: int) -> bool:
        """One of the words ends at `pos` (``text.endswith(words, 0, pos)``)."""
        pos = min(pos, len(text))
        return pos > 0 and text.endswith(self._by_last.get(text[pos - 1], ()), 0, pos)

    def start_of_longest_ending_at(self, text: str, pos: int) -> int | None:
        """Where the longest of the words that end at `pos` starts, None when none does."""
        if not 0 < pos <= len(text):
            return None
        ends = [len(w) for w in self._by_last.get(text[pos - 1], ()) if text.endswith(w, 0, pos)]
        return pos - max(ends) if ends else None


def _trie_source(node: dict[str, dict]) -> str:
    branches = [re.escape(ch) + _trie_source(child) for ch, child in node.items() if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body  # greedy: the longer word first


# Posts written before a name (镇党委书记赵锡雄, 副市长周作德, 市政府秘书长李俊). Longest first.
TITLE_SUFFIXES: tuple[str, ...] = tuple(sorted({
    "书记", "副书记", "市长", "副市长", "镇长", "副镇长", "县长", "副县长", "区长", "副区长", "省长", "副省长",
    "乡长", "村长", "局长", "副局长", "厅长", "副厅长", "处长", "副处长", "科长", "副科长", "司长", "副司长",
    "部长", "副部长", "部长助理", "主任", "副主任", "秘书长", "副秘书长", "主席", "副主席", "委员", "常委",
    "董事长", "副董事长", "总经理", "副总经理", "经理", "总裁", "院长", "副院长", "校长", "副校长", "所长",
    "站长", "行长", "社长", "会长", "副会长", "理事长", "理事", "组长", "副组长", "队长", "署长", "总监",
    "巡视员", "调研员", "督察长", "检察长", "庭长", "关长", "总工程师", "总经济师", "总会计师", "主任科员",
    "党组成员", "成员", "负责人", "领导", "专家", "教授", "研究员", "讲师", "参事", "馆长", "主编", "团长",
    "政委", "司令员", "代表", "特派员", "专员", "指挥长", "总指挥", "召集人", "首席", "助理", "导师",
    "监察员", "检察员", "审判员",
    # posts of other organs and of the people who lecture at the grass roots
    "总理", "副总理", "国务委员", "委员长", "总书记", "教务长", "总务长", "主委", "专职副主委", "常务副主委",
    "宣讲员", "指导员", "教导员", "辅导员", "组织员", "网格员", "联络员", "讲解员", "农指员", "村官",
    "第一书记", "院士", "律师", "医生", "作家", "艺人", "大使", "老党员",
    "博士", "高级讲师", "主任医师", "老干部", "劳模", "劳动模范", "道德模范", "老战士", "老红军", "老兵",
    "教师", "老师", "总工", "宣讲队员", "队员", "志愿者",
    # people a grass-roots lecture or a township's meeting names by their standing
    "带头人", "乡贤", "挂职干部", "领衔人", "创始人", "发起人",
    # a judge's, a prosecutor's or a policeman's standing (速裁庭法官, 基层民警)
    "法官", "检察官", "民警", "警官", "教官",
    # a party school that is also an administration college writes its heads so (常务副校(院)长郝某)
    "校(院)长", "副校(院)长", "校（院）长", "副校（院）长",
    # a board's or an office's secretary (董事会秘书罗某)
    "秘书",
    # hospitals and schools
    "护士长", "总护士长", "护士", "护师", "主任护师", "主治医师", "副主任医师", "医师", "学生", "研究生", "党员", "村民", "牧民", "居民",
}, key=len, reverse=True))

# Posts written after a name (薛亚省处长, 郑昶委员, 黄俭副校长).
POST_TITLES: tuple[str, ...] = tuple(sorted({
    "处长", "副处长", "科长", "主任", "副主任", "委员", "教导员", "指导员", "局长", "副局长", "厅长", "副厅长", "司长", "副司长",
    "校长", "副校长", "部长", "副部长", "主席", "副主席", "董事长", "总经理", "院长", "副院长", "教授",
    "研究员", "会长", "秘书长", "书记", "副书记", "代表", "博士", "老师", "副教授", "护士长", "医生",
    "律师", "讲师",
}, key=len, reverse=True))

# How a person is addressed, not named (梁老师, 李大爷, 徐阿姨): a surname with one of these is no full name.
ADDRESS_WORDS = frozenset({"老师", "大爷", "大妈", "大娘", "阿姨", "师傅", "大姐", "大哥", "奶奶", "爷爷", "老伯", "同学",
                           "大叔", "大婶", "大伯", "婆婆", "阿婆", "老汉"})
# Titles too vague to prefer over a specific post.
GENERIC_TITLES = re.compile(r"(领导|负责人|代表|成员|专家)$")

# What may directly follow a name (verbs of the genre, conjunctions, 等, 同志 …).
FOLLOW_WORDS: tuple[str, ...] = tuple(sorted({
    "出席", "主持", "作", "做", "汇报", "指出", "强调", "表示", "说", "等", "参加", "在", "和", "与", "及",
    "同志", "对", "向", "代表", "会见", "宣读", "就", "围绕", "分析", "部署", "介绍", "认为", "要求", "希望",
    "提出", "首先", "传达", "充分", "给予", "总结", "分别", "先后", "一行", "带队", "率", "致辞", "讲话",
    "发言", "为", "也", "还", "则", "建议", "结合", "到", "赴", "深入", "调研", "主讲", "授课", "讲授",
    "讲课", "一起", "共同", "同", "陪同", "以", "从", "通报", "听取", "解读", "回答", "的", "时", "进行",
    "带领", "组织", "亲自", "现场", "签署", "批示", "所作", "上台", "列席", "参会", "出任", "任", "被", "将", "已",
    "主动", "专门", "当选", "获得", "荣获", "颁发", "接受", "重点", "逐一", "详细", "系统", "简要", "书面",
    "近日", "日前", "今天", "昨天", "一同", "随后", "最后", "接着", "又", "再", "都", "均", "即", "肯定",
    # adverbs and verbs a name runs into when the boundary is missed (李杰正在 → 李杰, 程亮来到 → 程亮)
    "正在", "来到", "来校", "来院", "来我", "莅临", "应邀", "受邀", "特邀", "专程", "亲临", "走进", "前往",
    "回到", "率队", "率领", "因公", "因病", "因事", "请假", "缺席", "委托", "领学", "宣讲", "辅导", "讲解",
    "上了", "讲了", "作为", "针对", "通过", "同时", "目前", "已经", "曾经", "曾", "一直", "首次", "再次", "以及",
    "宣布", "表彰", "逐项", "逐条", "给", "是", "系", "来说", "发表", "带头", "表态", "全面", "生动", "深刻", "精彩",
    "常务", "深有感触", "感慨", "讲意见", "讲述", "到会", "提了", "谈", "畅谈", "开展", "负责", "用", "运用", "紧扣", "开讲", "登台", "走上", "担任", "立足", "聚焦",
    "最近", "交流", "分享", "致欢迎", "正组织", "正为", "正向", "正给", "正带领", "正与",
    # how a doctor, a lawyer or an instructor explains (医师某某援引…理论，剖析…; 律师某某一开场便…)
    "援引", "引用", "剖析", "阐述", "阐释", "解说", "普及", "列举", "一开场",
}, key=len, reverse=True))

FOLLOW = Words(FOLLOW_WORDS)

# Characters that do not occur in given names here (function words, organisation suffixes).
NOT_IN_GIVEN_NAME = frozenset("的了在等是说对向并将把被从于这那们会议市省县区镇村局厅部委办处司院校所团党府组队街乡社年日时人员者记任席总")
# Written name-first after an organisation (处薛亚省处长) a given name may hold a place character.
NOT_IN_GIVEN_NAME_AFTER_ORG = frozenset("的了在等是说对向并将把被从于这那们会议局厅部委办处司院校所团党府组队街社年日时人员者记任席")
# In a list of names (何运平、曹和家、张焕明等) only function words are ruled out.
NOT_IN_LISTED_NAME = frozenset("的了在等是说对向并将把被从于这那们")
# Function words that are also common first characters of two-character given names (李向阳,
# 张于飞): allowed there only when the full three-character name ends at a boundary.
GIVEN_NAME_FIRST_OK = frozenset("向于时会从将")
# Pronouns that open a title without being part of the post (我校党委常委、副校长 → 党委常委、副校长).
PRONOUN_TITLE = re.compile(r"我(?:校|院|市|区|省|县|镇|局|厅|委|部|司|所|馆|社|行|办|中心|集团|公司)")
# Frequent nouns that open with a surname character and can stand where a name stands (成员单位,
# 扩大专家范围, 党总支副书记); the structural test in people.py catches most, these it cannot.
NOT_NAMES = frozenset({
    "单位", "范围", "党总支", "党支部", "党小组", "党工委", "党员", "方面", "方式", "方案", "全体", "全员",
    "成员", "金额", "项目", "程序", "平台", "高校", "时间", "管理", "安全", "常态", "高度", "华诞", "周年",
    "班子", "常务", "专职", "广大", "相关", "有关", "师生", "应邀", "党史",
})
# Words that relay someone else's speech (传达学习了省委书记李希在…上的讲话精神): the speaker is
# mentioned, not present.
RELAY_BEFORE = re.compile(r"(?:传达|学习|贯彻|领会|落实|讲解|解读|阐释|阐述)[^，,。；;：:\n]{0,6}$")
# …的讲话精神, …来莞调研指示精神, and a report someone else gave elsewhere (讲解了李某总理做的政府工作报告).
RELAY_AFTER = re.compile(r"(?:同志)?(?:在[^。；;\n]{0,60}?(?:上|后|时|中)|(?:来|到|赴)[^，,。；;\n]{1,8}?(?:调研|视察|考察)时?"
                         # a visit's spirit relayed (传达学习王某省长在横琴、珠海市调研精神)
                         r"|在[^。；;\n]{1,40}?(?:调研|视察|考察)(?=精神|时的|的))?"
                         r"(?:的?(?:重要)?(?:讲话|指示|批示|讲话精神|重要论述|贺信|回信)|时?的?精神"
                         r"|所?(?:作|做)的[^，,。；;\n]{0,16}?(?:报告|讲话))")
# Relayed whatever stands before: X在…上的讲话精神, X的重要讲话, X同志的重要指示.
RELAY_STRONG = re.compile(r"(?:同志)?(?:在[^。；;\n]{0,60}?(?:上|后|时|中))?的(?:重要讲话|讲话精神|重要指示|重要批示|重要论述|贺信|回信)")
# X书记的讲话 in the body speaks of a speech (赵革书记的讲话站位高); a headline X…的讲话 names a transcript's speaker.
RELAY_SPOKEN_OF = re.compile(r"(?:同志)?的讲话")
# Quoted or cited, not present: 引用和转述国土资源部副部长胡存智等领导的观点.
CITED_BEFORE = re.compile(r"(?:引用|转述|援引|引述|摘录|借用)[^，,。；;：:\n]{0,16}$")

# Words after which a name written name-first may start (刚才孟玮处长, 由王某主任).
BEFORE_NAME: tuple[str, ...] = (
    "刚才", "随后", "接着", "然后", "最后", "首先", "同时", "另外", "此外", "会上", "其中", "以及",
    # verbs whose object may be a bare name (研究讨论王某在…上的讲话, 会见李某)
    "讨论", "研究", "审议", "学习", "传达", "宣读", "会见", "看望", "慰问", "感谢", "表彰", "欢迎", "祝贺",
    # an audience following a lecturer (居民认真听着高某的讲解; 著 where a page keeps the traditional form)
    "听着", "听著", "聆听", "跟着", "跟著",
)

# Text that ends a title when scanning leftwards from the post.
TITLE_STOPS: tuple[str, ...] = (
    "由", "邀请", "特邀", "请", "向", "对", "在", "的", "了", "是", "会上", "据", "来自", "陪同", "包括",
    "其中", "以及", "并", "日", "时", "经", "将", "把", "给", "让", "听取", "看望", "会见", "慰问", "带领",
    "率领", "为", "与会", "首先", "随后", "最后", "同时", "此外", "分别", "先后", "还有", "有", "受",
    "通过", "引用", "转述", "援引", "引述", "到", "到达", "来到", "前往", "贯彻", "落实", "传达",
)

TITLE_STOP = Words(TITLE_STOPS)
# Where a name written name-first may start after an ideograph (刚才孟玮处长, 由王某主任).
NAME_FIRST_AFTER = Words(BEFORE_NAME + TITLE_STOPS)

# Organisation endings that may stand right before a name written name-first (省政府采购中心李健主任,
# 天津财经大学侯欣一教授).
ORG_ENDINGS = frozenset("处局厅部委办校院会司心团所站行组室科区县市省镇村社馆庭学")

# Words around a byline (not participants).
BYLINE = re.compile(r"(记者|编辑|通讯员|摄影|作者|责编|审核|来源)")

# Verbs after which a post written after a name ends the mention (刘强总会计师主持会议, 李振华副局长
# 强调): with them any post of TITLE_SUFFIXES may follow the name, not only those of POST_TITLES.
POST_THEN_VERB = re.compile(
    r"(?:主持|强调|指出|讲话|致辞|表示|要求|提出|介绍|出席|参加|作|做|代表|传达|总结|部署|宣读|通报|汇报|带队|一行|在)")
# What may end a list of bare names (张小容、邹政、张勇分别…; …、高云龙出席会议; …、王振清等副市级以上领导).
LIST_END_WORDS: tuple[str, ...] = (
    "分别", "先后", "出席", "参加", "列席", "等", "同志", "一行", "共同", "一同", "陪同", "主持", "参会", "到会", "在",
    "请假", "因公", "因病", "因事", "缺席", "到", "赴", "前往",
)
LIST_END = Words(LIST_END_WORDS)
