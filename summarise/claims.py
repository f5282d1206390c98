"""Claim checks: does the article state what a fact claims, next to that fact's own evidence?

A quote that occurs in the article is not yet support: 「镇党委副书记李家浩主持会议」 occurs, and
still does not make 李冰 the chair. These checks read the words around each claim:

- a role by its cue next to the name (主持 → chair; 讲话/指出/强调 → speaker; …; ROLE_CUES);
- a title directly before or after the name (镇党委书记赵锡雄, 赵锡雄书记, 赵锡雄（镇党委书记）);
- a point's speaker by the clause that introduces it: the nearest "name + 强调/指出/要求 …" before
  the point (or 会议强调, which names no one);
- what a figure measures by the words of the figure's own sentence.

`Article` holds one normalised text and the positions it looks up more than once; every check is a
few string searches around a known position, so the cost stays linear in the text.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from .offline.surnames import COMPOUND, SINGLE, WEAK

# What a person does, by the words written after the name (in the same clause).
ROLE_CUES: dict[str, tuple[str, ...]] = {
    "chair": ("主持",),
    "speaker": ("讲话", "致辞", "发言", "指出", "强调", "要求", "表示", "总结", "点评", "部署", "提出", "认为",
                "希望", "动员", "寄语", "说", "讲"),
    "lecturer": ("讲座", "辅导报告", "专题报告", "宣讲", "授课", "辅导", "党课", "主讲", "解读", "讲课", "讲授",
                 "开讲", "报告", "讲解", "阐释", "阐述"),
    "reporter": ("汇报", "通报", "介绍", "传达", "领学", "宣读", "工作报告", "述职", "报告", "交流"),
    "attendee": ("出席", "参加", "列席", "陪同", "参会", "与会", "到会", "莅临", "会场", "收看", "观看", "调研",
                 "参观", "走访", "看望"),
}
# Written before the name: 主持人：X, 主讲人X, 出席会议的领导有X、Y, 参加座谈的有X.
_BEFORE = {
    "chair": re.compile(r"主持人?[:：\s]*$"),
    "lecturer": re.compile(r"(?:主讲人?|主讲嘉宾|授课人|报告人|宣讲人|邀请了?)[:：\s]*$"),
    "reporter": re.compile(r"(?:汇报人|报告人)[:：\s]*$"),
    "attendee": re.compile(r"(?:出席|参加|列席|参与|与会)[^。；;！？\n]{0,12}?(?:有|包括|是)[:：\s]*$"
                           r"|(?:出席|参加|列席|与会)(?:人员|领导|嘉宾)[:：\s]*$"),
}
# Cues that introduce what someone says (a point's speaker stands before one of these).
SPEECH_CUES: tuple[str, ...] = tuple(dict.fromkeys(
    ROLE_CUES["speaker"] + ROLE_CUES["lecturer"] + ROLE_CUES["reporter"] + ROLE_CUES["chair"]
    + ("号召", "倡议", "决定", "明确", "分析", "回顾", "结合", "围绕", "从", "就")))
# A point introduced by the meeting itself names no speaker: 会议强调, 会议要求, 会议认为.
_MEETING_SPEAKS = re.compile(
    r"(?:会议|会上|大会|全会|座谈会|推进会|常委会|常务会议|会议一致)(?:强调|指出|要求|认为|提出|号召|决定|明确|部署|通过|审议|研究|听取)")
_CLAUSE_END = "。；;！？!?\n"
_SENTENCE_END = "。！？!?\n"
_LIST_JOIN = re.compile(r"[、，,和及与同\s]")
_CJK = re.compile(r"[\u3400-\u9fff]")
_PUNCT_OR_SPACE = re.compile(r"[\s\W_]+")
# Words a title shares with an unrelated phrase are not a title's support on their own.
_TITLE_SPLIT = re.compile(r"[、，,\s/]+")
AFTER_WINDOW = 60  # characters after a name in which its cue stands
LIST_GAP = 24  # at most this many characters (titles, a separator) between two listed names
BEFORE_WINDOW = 40  # characters before a name in which its title stands
INTRO_WINDOW = 1500  # how far back from a point its introducing clause is looked for


def squeeze(s: str) -> str:
    """Text without white space and punctuation (for comparing names of things as the article words them)."""
    return _PUNCT_OR_SPACE.sub("", s)


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


@dataclass
class Article:
    """One normalised article and the lookups claim checks share."""

    text: str
    names: tuple[str, ...] = ()  # every person the answer names (for windows and introducers)
    _occ: dict[str, list[int]] = field(default_factory=dict, repr=False)

    @cached_property
    def squeezed(self) -> str:
        return squeeze(self.text)

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

    def says(self, phrase: str) -> bool:
        """The article writes `phrase` (white space and punctuation aside)."""
        s = squeeze(phrase)
        return bool(s) and s in self.squeezed

    # -- windows --------------------------------------------------------------------------------
    def _others(self, name: str) -> list[str]:
        return [n for n in self.names if n and n != name and name not in n]

    def after(self, name: str, at: int) -> str:
        """The words after the name at `at` that can hold its cue: to the end of the clause, at most
        AFTER_WINDOW characters, cut at another person's name unless that name is listed with this
        one (镇党委书记赵锡雄、副镇长吴铸辉出席 / 市长肖展欣，市委副书记陈文锋出席会议: 出席 is
        each of theirs)."""
        start = at + len(name)
        end = start
        limit = min(len(self.text), start + AFTER_WINDOW)
        while end < limit and self.text[end] not in _CLAUSE_END:
            end += 1
        window = self.text[start:end]
        others = self._others(name)
        cut = len(window)
        for other in others:
            i = window.find(other)
            while 0 <= i < cut:
                if not _listed(window[:i]):
                    cut = i
                    break
                i = window.find(other, i + 1)
        return window[:cut]

    def before(self, name: str, at: int) -> str:
        """The words before the name at `at` that can hold its title: back to the start of the clause
        (a comma ends it) or the end of another person's name, at most BEFORE_WINDOW characters."""
        floor = max(0, at - BEFORE_WINDOW)
        start = at
        while start > floor and self.text[start - 1] not in _CLAUSE_END + "，,：:":
            start -= 1
        window = self.text[start:at]
        for other in self._others(name):
            i = window.rfind(other)
            if i >= 0:
                window = window[i + len(other):]
        return window

    def _full_name_at(self, name: str, at: int) -> bool:
        """The name at `at` is not the head of a longer name the answer also gives (赵锡 in 赵锡雄)."""
        return not any(len(o) > len(name) and o.startswith(name) and self.text.startswith(o, at)
                       for o in self.names)

    def mentions(self, name: str) -> list[int]:
        return [at for at in self.occurrences(name) if self._full_name_at(name, at)]

    # -- claims ---------------------------------------------------------------------------------
    def roles(self, name: str) -> set[str]:
        """Roles the article states for `name` by a cue next to one of its mentions."""
        found: set[str] = set()
        for at in self.mentions(name):
            after = self.after(name, at)
            before = self.text[max(0, at - BEFORE_WINDOW):at]
            for role, cues in ROLE_CUES.items():
                if any(cue in after for cue in cues):
                    found.add(role)
            for role, pattern in _BEFORE.items():
                if pattern.search(before):
                    found.add(role)
        if found:
            found.add("attendee")  # whoever chairs, speaks or reports to a meeting takes part in it
        return found

    def titled(self, name: str, title: str) -> bool:
        """The article writes `title` directly before or after the name (each part of a title list)."""
        parts = [squeeze(p) for p in _TITLE_SPLIT.split(title) if squeeze(p)]
        if not parts:
            return False
        for at in self.mentions(name):
            before = squeeze(self.before(name, at))
            after = squeeze(self.text[at + len(name):at + len(name) + len(title) + 12])
            for part in list(parts):
                if part in before or after.startswith(part) or after.startswith(("同志" + part, "同志" + part)) \
                        or _in_brackets_after(after, part):
                    parts.remove(part)
            if not parts:
                return True
        return False

    @cached_property
    def _introducers(self) -> list[tuple[int, str | None]]:
        """(position, speaker) of every clause that introduces what someone says, in text order;
        speaker None for the meeting itself (会议强调)."""
        found: list[tuple[int, str | None]] = []
        for name in self.names:
            for at in self.mentions(name):
                after = self.after(name, at)[:24]
                if any(cue in after for cue in SPEECH_CUES):
                    found.append((at, name))
        found += [(m.start(), None) for m in _MEETING_SPEAKS.finditer(self.text)]
        return sorted(found, key=lambda item: item[0])

    def introducer(self, start: int) -> tuple[bool, str | None]:
        """(found, speaker) of the nearest clause before `start` that introduces what is said."""
        intro = self._introducers
        i = bisect_left(intro, start, key=lambda item: item[0]) - 1
        if i >= 0 and start - intro[i][0] <= INTRO_WINDOW:
            return True, intro[i][1]
        return False, None

    def sentence(self, start: int, end: int) -> str:
        """The sentence (or sentences) around text[start:end]."""
        a = start
        while a > 0 and self.text[a - 1] not in _SENTENCE_END:
            a -= 1
        b = end
        while b < len(self.text) and self.text[b] not in _SENTENCE_END:
            b += 1
        return self.text[a:b + 1]


def _listed(gap: str) -> bool:
    """The words between two names list them together (、副镇长 / ，市委副书记 / 和): a join, no cue."""
    return (len(gap) <= LIST_GAP and _LIST_JOIN.search(gap) is not None
            and not any(cue in gap for cues in ROLE_CUES.values() for cue in cues))


def _in_brackets_after(after: str, part: str) -> bool:
    return after[:1] in "(（" and part in after[:len(part) + 8]


def overlap(phrase: str, sentence: str) -> float:
    """Share of the Chinese characters of `phrase` that the sentence has, counting only characters
    that also stand in a pair the sentence has (so that scattered common characters do not count)."""
    chars = _CJK.findall(phrase)
    if not chars:
        return 1.0
    pairs = {sentence[i:i + 2] for i in range(len(sentence) - 1)}
    squeezed = "".join(chars)
    covered = [False] * len(squeezed)
    for i in range(len(squeezed) - 1):
        if squeezed[i:i + 2] in pairs:
            covered[i] = covered[i + 1] = True
    if len(squeezed) == 1:
        covered[0] = squeezed in sentence
    return sum(covered) / len(squeezed)


def names_in(names: Iterable[str], text: str) -> list[str]:
    return [n for n in names if n and n in text]
