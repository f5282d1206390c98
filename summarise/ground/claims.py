"""Claim checks: does the article state what a fact claims, next to that fact's own evidence?

A quote that occurs in the article is not yet support: 「镇党委副书记李家浩主持会议」 occurs, and
still does not make 李冰 the chair. These checks read the words around each claim:

- a role by its cue next to the name (主持 → chair; 讲话/指出/强调 → speaker; …; ROLE_CUES), the
  cue after a list of names belonging to each of them (县领导A、B、C出席);
- a title written directly before or after the name (镇党委书记赵锡雄, 赵锡雄书记, 省政府采购中心李健
  主任, 陈林（中山大学教授）), or before a list the name belongs to (县领导A、B、C);
- a point's speaker by the clause that introduces it: the nearest "name + 强调/指出/要求 …" before
  the point (a later 陈副校长/杨书记 counts for 陈春梧/杨文广; 会议强调 names no one), or the last
  person named before it in its paragraph;
- what a figure measures by the words of the figure's own sentence.

`Article` holds one normalised text and the names the answer gives; every check is a few string
searches around the mentions of a name.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from summarise.offline import vocab
from summarise.offline.people import name_at
from summarise.offline.surnames import COMPOUND, SINGLE, WEAK

# What a person does, by the words written after the name (in the same clause).
ROLE_CUES: dict[str, tuple[str, ...]] = {
    "chair": ("主持",),
    "speaker": ("讲话", "致辞", "致欢迎辞", "致欢迎词", "发言", "指出", "强调", "要求", "表示", "总结", "点评", "部署", "提出", "认为",
                "希望", "动员", "寄语", "建议", "说", "讲", "作了交流", "交流", "谈了体会", "谈体会", "感慨道", "感叹道",
                "说道", "讲道"),
    "lecturer": ("讲座", "辅导报告", "专题报告", "宣讲", "授课", "辅导", "党课", "主讲", "解读", "讲课", "讲授",
                 "开讲", "报告", "讲解", "阐释", "阐述", "上了", "讲了", "培训", "讲述"),
    "reporter": ("汇报", "通报", "介绍", "传达", "领学", "宣读", "工作报告", "述职", "报告", "交流", "推介", "说明",
                 "解读", "领读", "发布"),
    "attendee": ("出席", "参加", "列席", "陪同", "参会", "与会", "到会", "莅临", "莅会", "会场", "收看", "观看", "调研",
                 "参观", "走访", "看望", "会见", "座谈", "听取", "参与", "到场", "在场", "就座"),
}
# Written before the name: 主持人：X, 主讲人X, 出席会议的领导有X、Y, 参加座谈的有X.
_BEFORE = {
    "chair": re.compile(r"主持人?[:：\s]*$"),
    "lecturer": re.compile(r"(?:在(?:宣讲|授课|讲课|讲座|辅导)(?:中|时|过程中)|主讲人?|主讲嘉宾|授课人|报告人|宣讲人|宣讲员|宣讲团成员|宣讲队员|宣讲队成员|讲师团成员|邀请了?|特邀|邀请到)"
                           r"[^。；;！？!?\n]{0,40}?$"),
    "reporter": re.compile(r"(?:汇报人|报告人)[:：\s]*$"),
    "attendee": re.compile(r"(?:出席|参加|列席|参与|与会)[^。；;！？\n]{0,12}?(?:有|包括|是)[:：\s]*$"
                           r"|(?:出席|参加|列席|与会)(?:人员|领导|嘉宾)[:：\s]*$"),
}
# A clause listing who attended: 出席本次会议的有 / 参加会议的领导有 / 与会人员包括, then titled names and 、.
_ATTENDANCE_LIST = re.compile(r"(?:出席|参加|列席|参与|与会)[^。；;！？!?\n，,]{0,12}?(?:有|包括)[:：\s]*")
LIST_OPENER_WINDOW = 200
# Cues that introduce what someone says (a point's speaker stands before one of these).
SPEECH_CUES: tuple[str, ...] = tuple(dict.fromkeys(
    ROLE_CUES["speaker"] + ROLE_CUES["lecturer"] + ROLE_CUES["reporter"] + ROLE_CUES["chair"]
    + ("号召", "倡议", "决定", "明确", "分析", "回顾", "结合", "围绕", "从", "就", "肯定", "评价", "鼓励", "嘱托",
       "勉励", "讲述", "分享", "谈", "坦言")))
# A verb that opens what a speaker says, right before it (指出，/ 强调： / 表示，).
_OPENS_SPEECH = re.compile(r"(?:指出|强调|表示|认为|说道?|讲道|要求|提出|坦言|感慨道|感叹道)[，,：:]")
# A point introduced by the meeting itself names no speaker: 会议强调, 会议要求, 会议认为.
_MEETING_SPEAKS = re.compile(
    r"(?:会议|会上|大会|全会|座谈会|推进会|常委会|常务会议|会议一致)(?:强调|指出|要求|认为|提出|号召|决定|明确|部署|通过|审议|研究|听取)")
# A paragraph that takes the report up again in the reporter's voice, not the speaker's: 据悉, 会后, 此外,
# 11月17日…, 记者….
_NEW_VOICE = re.compile(r"\s*(?:据悉|据了解|据介绍|据统计|记者|此外|另外|同时|会上|会后|会前|会议|本次|此次|活动|报告会|座谈会"
                        r"|[0-9０-９]{1,4}\s*[年月日]|[一二三四五六七八九十]{1,3}月|[（(]?(?:记者|通讯员))")
_CLAUSE_END = "。；;！？!?\n"
# A "?" right before a Latin letter is a character the page lost in transcoding (们?yōu)殍细捩?zhèn)经济), not
# a question: the clause goes on.
_CLAUSE_END_AT = re.compile(f"[{re.escape(_CLAUSE_END.replace('?', ''))}]" + r"|\?(?![A-Za-z\u00c0-\u024f])")
_SENTENCE_END = "。！？!?\n"
_SENTENCE_END_AT = re.compile(f"[{re.escape(_SENTENCE_END)}]")
_SENTENCE_OR_SEMICOLON = re.compile(f"[{re.escape(_SENTENCE_END)}；;]")
_JOIN = re.compile(r"[、，,和及与同\s]|以及")  # what lists names
_PURE_JOIN = re.compile(r"[、和及与\s]*")  # names sharing the title written before the first of them
_CJK = re.compile(r"[\u3400-\u9fff]")
_PUNCT_OR_SPACE = re.compile(r"[\s\W_]+")
_TITLE_SPLIT = re.compile(r"[、，,\s/;；]+")
_POST = re.compile("(?:" + vocab.alternation(vocab.TITLE_SUFFIXES) + ")")
AFTER_WINDOW = 100  # characters after a name (or the list it ends) in which its cue stands
BEFORE_WINDOW = 60  # characters before a name in which its title stands
LIST_GAP = 50  # at most this many characters (titles, a separator) between two listed names
_ALL_ROLE_CUES = tuple(cue for cues in ROLE_CUES.values() for cue in cues)
_ANY_ROLE_CUE = re.compile(vocab.alternation(_ALL_ROLE_CUES))
_ANY_SPEECH_CUE = re.compile(vocab.alternation(SPEECH_CUES))
# Cues that need a pattern: written in two parts around their object in the same clause (分享了…启发和
# 感悟, 谈了…体会), or a word that also opens another one (讲学, but 讲学习 "stress study").
_PATTERN_CUES: dict[str, str] = {"speaker": r"(?:分享|谈)了?[^。；;！？!?\n]{0,30}?(?:体会|感悟|心得)",
                                 "lecturer": r"讲学(?!习)|带来了?(?:一堂|一场|一节|一次)[^。；;！？!?\n]{0,30}?(?:课|讲座|报告|宣讲)"
                                             r"|教(?:他们|她们|大家|孩子|小朋友|同学|学生|少先队员|队员)",
                                 # a 领学 written in two parts: 带领与会人员学习了《…》 (not 带领…学习考察)
                                 "reporter": r"带领[^。；;！？!?\n，,]{0,12}?(?:集中)?(?:学习|研读|诵读|重温)(?:了|《|“)"}
# A lecture or report cue that names the occasion, not the act (出席报告会, 参加培训会, 报告厅): no cue.
_OCCASION = r"(?!会(?!议)|厅)"
_NOT = r"(?<!未)(?<!没有)(?<!不)(?<!没)"  # 未出席, 没有参加, 不参加: attendance denied
_ROLE_CUE_AT = {role: re.compile((_NOT if role == "attendee" else "") + "(?:" + "|".join(
    [*map(re.escape, cues), *filter(None, [_PATTERN_CUES.get(role)])]) + ")"
    + (_OCCASION if role in ("lecturer", "reporter") else "")) for role, cues in ROLE_CUES.items()}


def squeeze(s: str) -> str:
    """Text without white space and punctuation (for comparing names of things as the article words them)."""
    return _PUNCT_OR_SPACE.sub("", s)


def surname_of(name: str) -> str:
    return name[:2] if name[:2] in COMPOUND else name[:1]


def is_name(name: str) -> str | None:
    """Why `name` cannot be a person's name as written (None when it can)."""
    if name != name.strip() or any(c.isspace() for c in name):
        return f"name {name!r} contains white space the article does not write"
    cjk = len(_CJK.findall(name))
    if cjk == len(name) and len(name) < 2:
        return f"name {name!r} is one character, not a full name"
    if cjk == len(name) and len(name) > 4:
        return f"{name!r} does not read as a name as written (longer than a Chinese name; a title or a phrase?)"
    if cjk == len(name) and not (name[:2] in COMPOUND or name[0] in SINGLE or name[0] in WEAK):
        return f"{name!r} does not read as a name (no Chinese surname)"
    return None


def unlisted_surname(name: str) -> bool:
    """A name of two or three characters whose only fault is a surname missing from the lists (寻, 蒿)."""
    return 2 <= len(name) <= 3 and len(_CJK.findall(name)) == len(name) and is_name(name) is not None \
        and is_name("王" + name[1:]) is None


# Where a name slot closes: a separator or 等 (寻庆敏等企业家代表, 蒿慧杰、副市长周新鹤).
_SLOT_CLOSE = re.compile(r"[、，,；;。\s]|等")


def in_name_slot(text: str, name: str, known: Iterable[str]) -> bool:
    """The article writes `name` (of a surname missing from the lists) where only a name stands: right
    after a post (市委副书记蒿慧杰、), or listed by 、 next to `known`, a name of a known surname
    (周奉功、寻庆敏等), and closed by a separator or 等. Not a word of an organ or a phrase (办公室、)."""
    if not unlisted_surname(name) or any(c in vocab.NOT_IN_GIVEN_NAME or c in vocab.ORG_ENDINGS for c in name):
        return False
    neighbours = [n for n in known if n != name and is_name(n) is None]
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        if end == len(text) or _SLOT_CLOSE.match(text, end):
            if _POST_AT_END.search(text, max(0, at - 8), at):
                return True
            if any(text.endswith(n + "、", 0, at) or (text.startswith("、" + n, end) and _SLOT_CLOSE.match(text, end + 1 + len(n)))
                   for n in neighbours):
                return True
        at = text.find(name, at + 1)
    return False


# What frames an event as a talk to its audience, and what a speaker at it does in their own clause.
_TALK_FRAME = re.compile(r"健康讲座|知识讲座|科普|健康指导|健康教育")
_EXPLAINS = re.compile(r"剖析|解说|讲解|详细介绍|介绍了|科普了?|答疑|解答")
_NOT_OPENER = re.compile(r"图为|图片|摄|[（(]")


# A title without a name: the words of a title written right before a name, at most BARE_TITLE_MAX
# characters ending in a post, with at least BARE_TITLE_QUALIFIER characters before the post (督导组副组长,
# not a bare 副组长); not a group (各村支部书记, 书记们).
BARE_TITLE_MAX = 20
BARE_TITLE_QUALIFIER = 2
_CJK_RUN_END = re.compile(r"[\u3400-\u9fff]+$")
_POST_AT_END = re.compile("(?:" + vocab.alternation(vocab.TITLE_SUFFIXES) + ")$")
_PLURAL_BEFORE = ("各", "每", "全体", "位")
_PLURAL_AFTER = ("们", "等")


# 王老 for an elder the article calls 老党员/老干部 next to the name (not 王老师, 王老汉, 王老板).
_ELDER = re.compile(r"老(?![师汉伯太先板人爷奶婆头大二三四五六七八九十乡家兄弟姐妹])")


def _common_suffix(text: str, end: int, title: str) -> int:
    """How many characters text[:end] and `title` share at their ends."""
    n = 0
    while n < len(title) and n < end and text[end - 1 - n] == title[-1 - n]:
        n += 1
    return n


# A clause opening with a surname and a post that speaks (沈书记强调, 。邹书记叮嘱): not after another
# character of a word (习近平总书记强调 is no surname 总).
_TITLED_SPEAKER = re.compile(
    r"(?<![\u3400-\u9fff])(?P<who>(?:" + vocab.alternation([*COMPOUND, *SINGLE]) + ")(?:" + vocab.alternation(vocab.TITLE_SUFFIXES)
    + "))[^。；;！？!?\n，,]{0,8}?(?:" + "|".join(map(re.escape, SPEECH_CUES)) + ")")


_LIST_ITEMS = re.compile(r"(?:[\u3400-\u9fff]{1,4}、){3,}$")


def _names_only(gap: str) -> bool:
    """Between two names only separators and other names (、万钢、何厚铧、): one list under one title."""
    return all(is_name(item) is None and not _POST.search(item) for item in re.split(r"[、和及与\s]+", gap) if item)


def _listed(gap: str) -> bool:
    """The words between two names list them together (、副镇长 / ，市委副书记 / 及市上领导): a join, no cue."""
    return (len(gap) <= LIST_GAP and _JOIN.search(gap) is not None and not any(c in gap for c in _CLAUSE_END)
            and _ANY_ROLE_CUE.search(gap) is None)


def _run_together(gap: str) -> bool:
    """Only a title between two names, no separator (应伟文浙江工匠梁增标): a list the page lost its
    commas in, when what follows says 分别."""
    return len(gap) <= RUN_TOGETHER_GAP and not any(c in gap for c in _CLAUSE_END + "，,") \
        and _ANY_ROLE_CUE.search(gap) is None


RUN_TOGETHER_GAP = 12
QUOTED_BY_WINDOW = 40  # the attribution after a closing quotation mark: title, name, cue
QUOTED_BY_TITLE = 20  # at most this many characters of title between the mark and the name
_PHRASE_END = re.compile(r"[，,。；;！？!?\n]")
ATTENDING_LIST_MAX = 400  # a sentence listing the attending leaders, groups and their titles
_ATTENDING_END = re.compile(_NOT + r"(?:出席|参加|列席)了?(?:会议|活动|座谈会|仪式|大会|本次会议)?$")


@dataclass
class Article:
    """One normalised article and the lookups claim checks share."""

    text: str
    names: tuple[str, ...] = ()  # every person the answer names (for windows and introducers)
    _occ: dict[str, list[int]] = field(default_factory=dict, repr=False)
    _own: dict[str, list[int]] = field(default_factory=dict, repr=False)

    def occurrences(self, word: str) -> list[int]:
        """Start of every occurrence of `word` (cached per word)."""
        found = self._occ.get(word)
        if found is None:
            found = []
            at = self.text.find(word) if word else -1
            while at >= 0:
                found.append(at)
                at = self.text.find(word, at + 1)
            self._occ[word] = found
        return found

    @cached_property
    def _spans(self) -> list[tuple[int, int, str]]:
        """Every mention of every answer name (and of a unique surname + post: 陈副校长), in text order."""
        spans = [(at, at + len(name), name) for name in self.names for at in self.mentions(name)]
        spans += [(at, end, name) for name, found in self._aliases.items() for at, end in found]
        return sorted(spans)

    @cached_property
    def _subjects(self) -> list[tuple[int, int, str]]:
        """The mentions that can end another person's window: by full name, not as an object
        (马显力院长对陈副校长的讲课表示欢迎: the alias, and a name followed by 的, say nothing of who acts)."""
        names = [(at, at + len(name), name) for name in self.names for at in self.mentions(name)]
        return sorted(m for m in names if not self.text.startswith("的", m[1]))

    @cached_property
    def _aliases(self) -> dict[str, list[tuple[int, int]]]:
        """Later mentions of an answer person by a title the article ties to them alone: surname and
        post (陈副校长, 杨书记; 邹书记 for 工委副书记邹德文), or the title without the name (督导组副组长 for
        第五督导组副组长常彦斌): (start, end of the surname or the title) per name."""
        by_surname: dict[str, list[str]] = {}
        for name in self.names:
            if len(name) >= 2:
                by_surname.setdefault(surname_of(name), []).append(name)
        found: dict[str, list[tuple[int, int]]] = {}
        for surname, names in by_surname.items():
            if len(names) == 1:
                found.setdefault(names[0], []).extend(self._surname_posts(names[0], surname))
        for name in self.names:
            found.setdefault(name, []).extend(self._bare_titles(name))
        return {name: spans for name, spans in found.items() if spans}

    def _titles_written(self, name: str) -> list[str]:
        """The titles the article writes next to `name`: the posts listed right before a mention
        (党委书记、董事长沈会玲 → 党委书记, 董事长) and a post right after it (沈会玲书记)."""
        titles: list[str] = []
        for at in self.mentions(name):
            clause = re.split(r"[，,\s]", self.before(name, at))[-1]
            titles += [t for t in clause.split("、") if t]
            post = self._title_after(at + len(name))
            if post:
                titles.append(post)
        return titles

    def _surname_posts(self, name: str, surname: str) -> list[tuple[int, int]]:
        """Mentions of `name` by surname and post (邹书记) or the honorific 老 (王老 for 退休老党员王运田): the
        post ends (老 stands in) a title the article writes next to the name, and the article names no one else of that surname (沈书记 is no one's when 党委书记
        沈会玲 and 支部书记沈明 are both named)."""
        posts: list[tuple[int, int, str]] = []
        others: list[int] = []
        for at in self.occurrences(surname):
            if self.text.startswith(name, at):
                continue
            post = _POST.match(self.text, at + len(surname)) or _ELDER.match(self.text, at + len(surname))
            if post is None:
                others.append(at)
            else:
                posts.append((at, at + len(surname), post.group()))
        if not posts:  # the usual case: nothing to tie, no need to look for others of the surname
            return []
        titles = self._titles_written(name)
        spans = [(at, end) for at, end, post in posts
                 if any(t.endswith(post) or (post == "老" and "老" in t) for t in titles)]
        if spans and any((other := name_at(self.text, at)) is not None and other != name for at in others):
            return []
        return spans

    def _bare_titles(self, name: str) -> list[tuple[int, int]]:
        """Mentions of `name` by the title alone (督导组副组长对…表示同意, after 第五督导组副组长常彦斌): the
        words before a post that the article writes right before the name, repeated where no name
        follows; only when no one else holds that post by name (副组长李明 elsewhere: the title is not
        tied to one person) and the name is not one of a list under it (副组长常彦斌、李明)."""
        spans: list[tuple[int, int]] = []
        for at in self.mentions(name):
            run = _CJK_RUN_END.search(self.text, max(0, at - BARE_TITLE_MAX), at)
            post = _POST_AT_END.search(run.group()) if run else None
            if run is None or post is None or vocab.GENERIC_TITLES.search(post.group()) \
                    or len(run.group()) < len(post.group()) + BARE_TITLE_QUALIFIER:
                continue
            title, p = run.group(), post.group()
            after = at + len(name)
            found = []
            elsewhere = [q for q in self.occurrences(p) if q + len(p) != at and not self.text.startswith(name, q + len(p))]
            for q in elsewhere:
                e = q + len(p)
                shared = _common_suffix(self.text, e, title)
                if shared >= len(p) + BARE_TITLE_QUALIFIER and not self.text.endswith(_PLURAL_BEFORE, 0, e - shared) \
                        and not self.text.startswith(_PLURAL_AFTER, e) and name_at(self.text, e) is None:
                    found.append((e - shared, e))
            if not found:  # the usual case: the title is not written alone
                continue
            if self.text[after:after + 1] in ("、", "和", "及", "与") and name_at(self.text, after + 1):
                return []
            if any(self._holder_at(q, q + len(p), name, title[:-len(p)]) for q in elsewhere):
                return []
            spans += found
        return sorted(set(spans))

    def _holder_at(self, q: int, e: int, name: str, qualifier: str) -> bool:
        """Someone other than `name` is named with the post at text[q:e] (副组长李明, 李明副组长); the
        words of the title's own qualifier before the post (督导组副组长) are no name."""
        other = name_at(self.text, e)
        if other is not None and other != name:
            return True
        return any(q >= n and (before := self.text[q - n:q]) != name and not qualifier.endswith(before)
                   and is_name(before) is None for n in (2, 3))

    def mentions(self, name: str) -> list[int]:
        """Where the name stands as itself (not as the head of a longer name the answer also gives)."""
        found = self._own.get(name)
        if found is None:
            longer = [o for o in self.names if len(o) > len(name) and o.startswith(name)]
            found = self._own[name] = [at for at in self.occurrences(name)
                                       if not any(self.text.startswith(o, at) for o in longer)]
        return found

    def _mentions_with_aliases(self, name: str) -> list[tuple[int, int]]:
        return [(at, at + len(name)) for at in self.mentions(name)] + self._aliases.get(name, [])

    def named_within(self, name: str, start: int, end: int) -> bool:
        """text[start:end] names the person by a title tied to them alone (沈书记强调, 督导组副组长要求)."""
        return any(start <= at and stop <= end for at, stop in self._aliases.get(name, []))

    def quoted_by(self, start: int, end: int) -> str | None:
        """Who says the words in quotation marks that text[start:end] stands in, when the attribution
        follows the closing mark (“…学深学透…。”联村领导梁新周感慨道): that person's mention, with a speech
        cue, opens the clause after the quotation."""
        para_start = self.text.rfind("\n", 0, start) + 1
        para_end = self.text.find("\n", end)
        para_end = len(self.text) if para_end < 0 else para_end
        opened = self.text.rfind("“", para_start, start + 1)
        close = self.text.find("”", max(end - 1, start), para_end)
        if opened < 0 or close < 0 or "”" in self.text[opened + 1:start] or "“" in self.text[end:close]:
            return None
        limit = min(para_end, close + 1 + QUOTED_BY_WINDOW)
        for name in self.names:
            for at, stop in self._mentions_with_aliases(name):
                if close < at <= close + 1 + QUOTED_BY_TITLE:
                    phrase = _PHRASE_END.search(self.text, stop, limit)
                    if _ANY_SPEECH_CUE.search(self.text, stop, phrase.start() if phrase else limit):
                        return name
        return None

    def titled_speaker_within(self, start: int, end: int) -> str | None:
        """A clause in text[start:end] that opens with surname and post and says something (沈书记强调):
        the quote names its own speaker, whom no earlier clause may stand in for."""
        m = _TITLED_SPEAKER.search(self.text, start, end)
        return m.group("who") if m else None

    def _next_other(self, name: str, start: int, limit: int) -> tuple[int, int] | None:
        """The first mention of another person in text[start:limit]."""
        spans = self._subjects
        i = bisect_left(spans, (start, -1, ""))
        while i < len(spans) and spans[i][0] < limit:
            at, end, other = spans[i]
            if other != name and at >= start:
                return at, end
            i += 1
        return None

    def _prev_other(self, name: str, floor: int, end: int) -> tuple[int, int] | None:
        """The last mention of another person that ends in text[floor:end]."""
        spans = self._subjects
        i = bisect_left(spans, (end, -1, "")) - 1
        while i >= 0:
            at, stop, other = spans[i]
            if stop <= floor:
                return None
            if other != name and stop <= end:
                return at, stop
            i -= 1
        return None

    def _list_start(self, name: str, at: int) -> int:
        """Where the list of names that the mention at `at` stands in begins: back over every name
        joined to the next by a list gap (、 and a title, no cue, no clause end)."""
        start = at
        while True:
            other = self._prev_other(name, max(0, start - LIST_GAP), start)
            if other is None or not _listed(self.text[other[1]:start]):
                return start
            start = other[0]

    def _clause_end(self, start: int, limit: int) -> int:
        """Where the clause from `start` ends (its stop), or `limit` if that comes first."""
        stop = _CLAUSE_END_AT.search(self.text, start, limit)
        return stop.start() if stop else max(start, limit)

    def after(self, name: str, end: int) -> str:
        """The words after the mention ending at `end` that can hold its cue: to the end of the clause,
        at most AFTER_WINDOW characters past the list the name ends (镇党委书记赵锡雄、副镇长吴铸辉出席 /
        市长肖展欣，市委副书记陈文锋出席会议: 出席 is each of theirs), cut at another person who is not
        listed with it."""
        words = ""
        pos = end
        while True:
            limit = self._clause_end(pos, min(len(self.text), pos + AFTER_WINDOW))
            other = self._next_other(name, pos, limit)
            if other is None:
                return words + self.text[pos:limit]
            gap = self.text[pos:other[0]]
            if not (_listed(gap) or (_run_together(gap) and self._respectively(other[1]))):
                return words + gap
            words += gap
            pos = other[1]

    def _respectively(self, end: int) -> bool:
        """The list going on from `end` ends in 分别 (…、金桥党支部书记张永利分别就…谈了体会), in its clause."""
        stop = self._clause_end(end, min(len(self.text), end + AFTER_WINDOW))
        return "分别" in self.text[end:stop]

    def before(self, name: str, at: int) -> str:
        """The words before the mention at `at` that can hold its title: back to the start of the
        sentence, at most BEFORE_WINDOW characters, and no further than another person's name unless
        only a separator stands between them (县领导付吉广、张丽娟: 县领导 is both of theirs)."""
        words = ""
        stop = at
        while True:
            floor = stop
            while floor > max(0, stop - BEFORE_WINDOW) and self.text[floor - 1] not in _CLAUSE_END:
                floor -= 1
            if floor > 0 and self.text[floor - 1] not in _CLAUSE_END and _LIST_ITEMS.search(self.text, floor, stop):
                # 全国政协副主席刘奇葆、万钢、…、辜胜阻: a long list under one title, back to its clause
                while floor > 0 and self.text[floor - 1] not in _CLAUSE_END:
                    floor -= 1
            other = self._prev_other(name, floor, stop)
            if other is None:
                return self.text[floor:stop] + words
            gap = self.text[other[1]:stop]
            if not _names_only(gap):
                return gap + words
            words = gap + words
            stop = other[0]

    # -- claims ---------------------------------------------------------------------------------
    def roles(self, name: str, claimed: Iterable[str] | None = None) -> set[str]:
        """Roles the article states for `name` by a cue next to one of its mentions; with `claimed`,
        those of the claimed roles it states (``roles(name) & set(claimed)``: only the cues that can
        decide them are looked for, mention by mention until all are found)."""
        wanted = None if claimed is None else set(claimed)
        # attendee follows from any role, so a claimed attendee needs every cue
        look = None if wanted is None or "attendee" in wanted else wanted
        found: set[str] = set()
        for at, end in self._mentions_with_aliases(name):
            after = self.after(name, end) + self._pronoun_sentence(end)
            before = self.text[max(0, at - BEFORE_WINDOW):at]
            for role, cue in _ROLE_CUE_AT.items():
                if (look is None or role in look) and role not in found and cue.search(after):
                    found.add(role)
            for role, pattern in _BEFORE.items():
                if (look is None or role in look) and role not in found and pattern.search(before):
                    found.add(role)
            if "lecturer" not in found and (look is None or "lecturer" in look):
                first = self._list_start(name, at)
                if first < at and _BEFORE["lecturer"].search(self.text, max(0, first - BEFORE_WINDOW), first):
                    found.add("lecturer")  # 邀请A、B、C为居民讲…: the invitation opens the list
            if "attendee" not in found and (look is None or "attendee" in look) \
                    and (self._listed_under_attendance(at) or self._list_ends_attending(end)):
                found.add("attendee")
            if "lecturer" not in found and (look is None or "lecturer" in look) \
                    and self._explains_at_a_talk(at, end, name):
                found.add("lecturer")
            if found:
                found.add("attendee")  # whoever chairs, speaks or reports to a meeting takes part in it
            if wanted is not None and wanted <= found:
                break
        return found if wanted is None else found & wanted

    def _explains_at_a_talk(self, at: int, end: int, name: str) -> bool:
        """At an event the article frames as a talk (健康讲座, 科普, 健康指导 before the mention), the
        person opens a sentence (after a title at most) whose own clause explains (剖析, 解说, 为居民详细
        介绍了): 中医内科副主任医师王高强…剖析秋分时节气候特征与人体健康的微妙联系. Not a caption (图为…)."""
        if not _TALK_FRAME.search(self.text, 0, at):
            return False
        start = self._sentence_start(at, max(0, at - BEFORE_WINDOW))
        opener = self.text[start:at]
        if (start > 0 and self.text[start - 1] not in _SENTENCE_END) or _ANY_ROLE_CUE.search(opener) \
                or _NOT_OPENER.search(opener) or any(n in opener for n in self.names if n != name):
            return False
        return _EXPLAINS.search(self.after(name, end)) is not None

    def _listed_under_attendance(self, at: int) -> bool:
        """The name stands in a list its clause opens with attendance (出席本次支部会议的有骨科主任邵增务教授、
        骨科副主任杨操教授…): only titles, names and separators between the opener and the name."""
        floor = max(0, at - LIST_OPENER_WINDOW)  # bounded: a sentence without end costs no more
        start = self._sentence_start(at, floor)
        opener = None
        for opener in _ATTENDANCE_LIST.finditer(self.text, start, at):  # noqa: B007 - the last match, read below
            pass
        if opener is None:
            return False
        between = self.text[opener.end():at]
        return not any(c in between for c in _CLAUSE_END + "，,") and _ANY_ROLE_CUE.search(between) is None

    def _list_ends_attending(self, end: int) -> bool:
        """The name stands in a list of titled names and groups that its sentence closes with attendance
        (…主任吴益红，区规资局…有关领导，…，及镇相关科室负责人出席会议。): nothing but the list between."""
        limit = min(len(self.text), end + ATTENDING_LIST_MAX)
        close = _SENTENCE_OR_SEMICOLON.search(self.text, end, limit)
        if close is None:
            return False
        cue = _ATTENDING_END.search(self.text, end, close.start())
        return cue is not None and _ANY_ROLE_CUE.search(self.text, end, cue.start()) is None

    def _pronoun_sentence(self, end: int) -> str:
        """The next sentence when it goes on about the same person (他强调 …; 他回顾了…，肯定了…，指出了…),
        to its end, at most AFTER_WINDOW characters."""
        stop = self._clause_end(end, len(self.text))
        if stop < len(self.text) and self.text.startswith(("他", "她"), stop + 1):
            limit = min(len(self.text), stop + 1 + AFTER_WINDOW)
            close = _SENTENCE_END_AT.search(self.text, stop + 1, limit)
            return self.text[stop + 1:close.start() if close else limit]
        return ""

    @cached_property
    def head_speaker(self) -> str | None:
        """Whose speech the article is, when its first line says so (国家发展改革委投资司韩志峰处长的讲话)."""
        head = self.text.lstrip().split("\n", 1)[0][:80]
        for name in self.names:
            at = head.find(name)
            if at >= 0 and re.match(r"[^，,。；;\n]{0,12}?(?:讲话|发言|致辞|报告|讲稿)", head[at + len(name):]):
                return name
        return None

    def titled(self, name: str, title: str) -> bool:
        """The article writes `title` directly before or after the name, or around it (省政府采购中心
        李健主任): every part of a title list (市委常委、秘书长) must stand there."""
        parts = [squeeze(p) for p in _TITLE_SPLIT.split(title) if squeeze(p)]
        if not parts:
            return False
        for at in self.mentions(name):
            end = at + len(name)
            before = squeeze(self.before(name, at))
            around = before + squeeze(self._title_after(end))
            listed_after = _after_list(self.after(name, end))  # A、B、C等市委理论学习中心组成员
            if all(_holds(around, part) or listed_after.startswith(part)
                   or _split_around(before.removesuffix("的"), listed_after, part)
                   for part in parts):
                return True
        return False

    def _title_after(self, end: int) -> str:
        """A post written right after a name (李健主任, 赵锡雄同志书记), or the words in brackets there
        (陈林（中山大学教授）)."""
        pos = end + 2 if self.text.startswith("同志", end) else end
        post = _POST.match(self.text, pos)
        if post:
            return post.group()
        if self.text[pos:pos + 1] in ("(", "（"):
            close = re.compile(r"[)）]").search(self.text, pos, pos + 40)
            return self.text[pos + 1:close.start()] if close else ""
        return ""

    @cached_property
    def _introducers(self) -> list[tuple[int, str | None]]:
        """(position, speaker) of every clause that introduces what someone says, in text order;
        speaker None for the meeting itself (会议强调)."""
        speakers: list[tuple[int, int, str]] = []
        for name in self.names:
            for at, end in self._mentions_with_aliases(name):
                after = self.after(name, end)[:30]
                if _ANY_SPEECH_CUE.search(after):
                    speakers.append((at, end, name))
        speakers.sort()
        found: list[tuple[int, str | None]] = [(at, name) for i, (at, _, name) in enumerate(speakers)
                                               if not self._reported_by_another(i, speakers)]
        found += [(m.start(), None) for m in _MEETING_SPEAKS.finditer(self.text)]
        return sorted(found, key=lambda item: item[0])

    @cached_property
    def _sentence_ends(self) -> list[int]:
        return [m.start() for m in _SENTENCE_END_AT.finditer(self.text)]

    def _reported_by_another(self, i: int, speakers: list[tuple[int, int, str]]) -> bool:
        """speakers[i] (in text order) stands inside what another speaker says earlier in the same
        sentence (戴晓君在总结中指出，王教授用…作了辅导: 王教授 is spoken of, not speaking)."""
        at, _, name = speakers[i]
        ends = self._sentence_ends
        before = bisect_left(ends, at)
        sentence = ends[before - 1] + 1 if before else 0
        for _, end2, name2 in reversed(speakers[bisect_left(speakers, (sentence, -1, "")):i]):
            if name2 == name:
                continue
            opens = _OPENS_SPEECH.search(self.after(name2, end2)[:30])
            if opens is not None and end2 + opens.end() <= at:
                return True
        return False

    def introducer(self, start: int) -> tuple[bool, str | None]:
        """(found, speaker) of the nearest clause before `start` that introduces what is said, in the
        same paragraph or followed only by paragraphs that go on in the speaker's voice."""
        intro = self._introducers
        i = bisect_left(intro, start, key=lambda item: item[0]) - 1
        if i >= 0 and self._continues(intro[i][0], start):
            return True, intro[i][1]
        return False, None

    def _continues(self, start: int, end: int) -> bool:
        """No paragraph that opens between `start` and `end` takes up the reporter's voice again."""
        at = self.text.find("\n", start, end)
        while at >= 0:
            if _NEW_VOICE.match(self.text, at + 1):
                return False
            at = self.text.find("\n", at + 1, end)
        return True

    def last_named(self, start: int) -> str | None:
        """The person the answer names who is mentioned last before `start` in the same paragraph."""
        floor = self.text.rfind("\n", 0, start) + 1
        spans = self._spans
        i = bisect_left(spans, (start, -1, "")) - 1
        return spans[i][2] if i >= 0 and spans[i][0] >= floor else None

    def sentence(self, start: int, end: int, *, lead: int = 0) -> str:
        """The sentence around text[start:end], with `lead` characters before it (…加快资格的推广和使用。
        对此，可以从四个方面入手: what the four aspects are of is said just before)."""
        a = max(0, self._sentence_start(start) - lead)
        b = end
        while b < len(self.text) and self.text[b] not in _SENTENCE_END:
            b += 1
        return self.text[a:b + 1]

    def _sentence_start(self, pos: int, floor: int = 0) -> int:
        while pos > floor and self.text[pos - 1] not in _SENTENCE_END:
            pos -= 1
        return pos


# A list's separators up to its 等; a page may double each 、 with a comma (钱先斌,、王汉丰,、…辛官朝等市领导).
_CLOSED_BY_DENG = re.compile(r"(?:[,，]?、[,，]?|\s)*等")


def _after_list(after: str) -> str:
    """The words after a name that may be its title: right after it, or after the list of names it opens,
    joined by 、 and closed by 等 (周奉功、寻庆敏等企业家代表); not after 和/，, which may join another
    group (镇长A和B等企业家代表: 企业家代表 is B's)."""
    closed = _CLOSED_BY_DENG.match(after)
    if closed:
        return squeeze(after[closed.end():])
    return "" if _JOIN.match(after) else squeeze(after)


def _split_around(before: str, after: str, part: str) -> bool:
    """`part` is written half before the name and half after, the post after it (潍坊市委党校理论研究室
    麻福水副教授 → 潍坊市委党校理论研究室副教授; 社区学校讲师团的陈坚老师 → 社区学校讲师团老师)."""
    return any(before.endswith(part[:i]) and after.startswith(part[i:])
               and _POST.match(part[i:].removeprefix("常务").removeprefix("副")) is not None
               for i in range(1, len(part)))


def _holds(around: str, part: str) -> bool:
    """`part` stands in `around` as a title of its own (市长 is not read inside 副市长)."""
    at = around.find(part)
    while at >= 0:
        if part.startswith("副") or not around.endswith(("副", "常务副"), 0, at):
            return True
        at = around.find(part, at + 1)
    return False


# Words any description of a quantity uses (所占比例, 的数量, 人数): they say nothing of what is counted.
_GENERIC = frozenset("的和与及之所在了是为等其数量总计共占比例率人次个项年龄面积金额规模时长间总额目长度期限重份")


def overlap(phrase: str, sentence: str) -> float:
    """Share of the Chinese characters of `phrase` (generic quantity words aside) that the sentence
    writes: a paraphrase of the sentence's words scores high (顺德村改用时 for 顺德…村级工业园改造…
    用3年多时间), a meaning from elsewhere low (新增就业岗位 for 拆除整理低效工业用地超5000亩)."""
    chars = [c for c in _CJK.findall(phrase) if c not in _GENERIC]
    if not chars:
        return 1.0
    return sum(c in sentence for c in chars) / len(chars)
