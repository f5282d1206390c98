"""Named participants: `title + name` segmentation, lists, and their roles (chair, speaker …)."""
from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections.abc import Callable, Container, Iterator
from dataclasses import dataclass, field

from . import frames, lexicon, vocab
from .surnames import PREPOSITIONS, VERB_LIKE, WEAK, surname_length
from .text import sentences

_SUFFIX_RE = re.compile(vocab.alternation(vocab.TITLE_SUFFIXES))
_POST_RE = re.compile(vocab.alternation(vocab.POST_TITLES))
# Any post followed by a verb of the genre: 刘强总会计师主持会议, 王某副局长强调.
# Group words (领导, 负责人 …) are not posts of one person: 校党政领导参加学习.
_POST_VERB_RE = re.compile("(?:" + vocab.alternation(t for t in vocab.TITLE_SUFFIXES if not vocab.GENERIC_TITLES.search(t))
                           + ")(?=" + vocab.POST_THEN_VERB.pattern + ")")
_TITLE_END_RE = re.compile("(?:" + vocab.alternation(vocab.TITLE_SUFFIXES) + r")$")
_SPACE = " \u3000"
_REJECT_NAMES = frozenset({"负责人", "同志", "全体人员", "主要负责", "相关负责", "有关负责"})

LECTURE_NOUNS = frames.LECTURE_NOUNS
_ATTEND_END = re.compile(r"(?:参加|出席|列席|参会|与会)了?(?:会议|活动|大会|本次活动|座谈会?|仪式)?[。！;；]?$")
_ATTEND_END_REACH = 12  # longer than any match of _ATTEND_END (8 characters) and a final line break
_SPEECH = re.compile(r"[，,]?[^。；;\n]{0,16}?(?:指出|强调|表示|说|要求|认为|介绍|讲话|提出|希望|建议)")


@dataclass
class Mention:
    """One occurrence of a person: the name, the title written with it, and the whole span."""

    name: str
    name_start: int
    title: str | None
    start: int
    end: int
    role: str | None = None  # a role the list the mention stands in gives it (出席会议的领导有：…)
    post_after: bool = False  # written name first, the post after it (郑昶委员, 习近平总书记)


@dataclass
class Found:
    """A person merged over all mentions."""

    name: str
    title: str | None
    start: int
    end: int
    roles: list[str] = field(default_factory=list)


def _is_cjk(ch: str) -> bool:
    """A CJK ideograph (U+3400–U+9FFF); False for the empty string and for 丨, which the genre's
    pages use as a separator bar (受权发布丨习近平：…)."""
    return "\u3400" <= ch <= "\u9fff" and ch != "丨"


def occurrences(text: str, word: str) -> Iterator[int]:
    """Start of every non-overlapping occurrence of `word` in `text`, left to right."""
    start = text.find(word)
    while start >= 0:
        yield start
        start = text.find(word, start + len(word))


def is_boundary(text: str, pos: int) -> bool:
    """True when a name may end at `pos`: punctuation, a title, or a word that follows names."""
    if pos >= len(text):
        return True
    if not _is_cjk(text[pos]):
        return True
    return vocab.FOLLOW.starts_at(text, pos) or bool(_POST_RE.match(text, pos)) or bool(_MANNER_SPEECH.match(text, pos))


# The manner of speaking after a name (温某激动地说, 李某深有感触地表示).
_MANNER_SPEECH = re.compile(r"[\u4e00-\u9fff]{2}地(?:说|表示|介绍|讲|谈|指出|告诉)")


def _given_ok(given: str, banned: frozenset[str] = vocab.NOT_IN_GIVEN_NAME) -> bool:
    return all(_is_cjk(c) and c not in banned for c in given)


def _list_boundary(text: str, pos: int) -> bool:
    return (pos >= len(text) or text[pos] in "、等，,。；;）) \u3000\n" or text.startswith(("同志", "和", "及", "以及", "与"), pos)
            or vocab.LIST_END.starts_at(text, pos) or _LIST_SPOKE.match(text, pos) is not None
            or _SELF_COUNT.match(text, pos) is not None)


def _in_post_list(text: str, start: int) -> bool:
    """`start` follows a 、 that follows a post: 厂长、党委书记、纪检书记 lists posts, so 纪检 + 书记
    there is one more post, not a name written before its post."""
    return start > 0 and text[start - 1] == "、" and _TITLE_END_RE.search(text, max(0, start - 9), start - 1) is not None


def _named_post_before(text: str, start: int, cand: str) -> bool:
    """…周玉文博士、刘辉玲主任: the post before the 、 follows a name too, so the list is of people
    with their posts (a three-character name that is no common word), not of posts (纪检书记)."""
    if len(cand) not in (2, 3) or lexicon.refuses(cand) or cand in vocab.NOT_NAMES:
        return False
    post = _TITLE_END_RE.search(text, max(0, start - 9), start - 1)
    return post is not None and any(name_at(text, post.start() - n) == text[post.start() - n:post.start()]
                                    for n in (3, 2) if post.start() >= n)


def _joined_after_post(text: str, a: int) -> bool:
    """…陈琳博士和周浩博士: a name-first mention joined by 和/及/与 to one before it."""
    return a > 0 and text[a - 1] in "和及与" and _TITLE_END_RE.search(text, max(0, a - 10), a - 1) is not None


def _posts_after_names(text: str) -> list[re.Match[str]]:
    """Posts that may follow a name: those of POST_TITLES anywhere, any post before a verb."""
    best: dict[int, re.Match[str]] = {}
    for m in [*_POST_RE.finditer(text), *_POST_VERB_RE.finditer(text)]:
        if m.start() not in best or m.end() > best[m.start()].end():
            best[m.start()] = m
    return [best[k] for k in sorted(best)]


def name_at(text: str, pos: int, listed: bool = False, weak: bool = False) -> str | None:
    """The 2–3 character name (4 with a compound surname) starting at `pos`, if one fits.

    `listed`: the name stands in a list (…、Name、…), where it must end at a list separator.
    `weak`: a WEAK surname (和, 有, 年 …) may open it (right after a post), as surname + two characters;
    with `listed`, inside a list of names under a title (县领导A、B、兑某某), whatever follows the list.
    A common word is no name: one that opens with the surname (郑重), one the surname ends (有关,
    成员国), or a function word after it (国一道): see lexicon.
    """
    surname = surname_length(text[pos:pos + 3], weak=weak)
    if not surname or _glued_left(text, pos):
        return None
    one_char_verb = text[pos] in VERB_LIKE or text[pos] in WEAK
    banned = vocab.NOT_IN_LISTED_NAME if listed else vocab.NOT_IN_GIVEN_NAME
    ends = _list_boundary if listed else is_boundary
    for given in (1, 2):
        if one_char_verb and given == 1:
            continue  # 回 + one character is a verb (回应, 回到), not a name; so is 和 + one, 有 + one
        end = pos + surname + given
        if end > len(text):
            break
        name = text[pos:end]
        ok = _given_ok(name[surname:], banned) or (
            given == 2 and name[surname] in vocab.GIVEN_NAME_FIRST_OK and _given_ok(name[surname + 1:], banned))
        if ok and name not in _REJECT_NAMES and name not in vocab.NOT_NAMES and name[:2] not in vocab.NOT_NAMES \
                and (ends(text, end) or _arrives(text, end, listed)) \
                and name not in vocab.FOLLOW and not (given == 2 and name[surname:] in vocab.FOLLOW) \
                and not lexicon.refuses(name) and (text[pos] not in WEAK or _WEAK_END.match(text, end) or (listed and weak)):
            return name
    return None


def _arrives(text: str, end: int, listed: bool) -> bool:
    """A two-character name ends before 来 + a place (宋伟来吕梁市作报告): 来 ends the name only where
    the name read with it (李春来主持) would not end at a boundary."""
    return (not listed and text.startswith("来", end) and end + 1 < len(text) and _is_cjk(text[end + 1])
            and not is_boundary(text, end + 1))


def confirmed_name_at(text: str, pos: int, memo: dict[str, bool] | None = None) -> str | None:
    """A name after a title that runs into an unknown word here (市长杜德林实地调研, 书记史孟艳带著…),
    confirmed by another mention of the same characters that ends where a name ends (杜德林一行,
    由史孟艳、朱贤长等): three characters tried before two. `memo` keeps the answer per candidate."""
    for n in (3, 2):
        cand = text[pos:pos + n]
        s = surname_length(cand)
        if len(cand) < n or not s or len(cand) - s not in (1, 2) or not _given_ok(cand[s:]) \
                or cand in vocab.NOT_NAMES or cand in _REJECT_NAMES or lexicon.refuses(cand) or _glued_left(text, pos):
            continue
        if memo is not None and cand in memo:
            found = memo[cand]
        else:
            found = any(at != pos and name_at(text, at) == cand for at in occurrences(text, cand))
            if memo is not None:
                memo[cand] = found
        if found:
            return cand
    return None


_DOTTED_HEAD = re.compile(r"[\u4e00-\u9fff]{1,7}[·•‧・]")
DOTTED_TAIL_MAX = 8


def dotted_name_at(text: str, pos: int, memo: dict[str, str | None] | None = None) -> str | None:
    """A transliterated name written with a middle dot (比沙拉·居麻拜), starting at `pos` right after
    a title: its first part runs to the dot; its last part ends where most of the name's mentions
    reach a boundary (…居麻拜带领, …居麻拜详细询问), the shortest such length on a tie. `memo` keeps
    the answer per first part for the text (each occurrence is read once, not once per title)."""
    head = _DOTTED_HEAD.match(text, pos)
    if head is None:
        return None
    if memo is not None:
        if head.group() not in memo:
            memo[head.group()] = dotted_name_at(text, pos)
        return memo[head.group()]
    votes: dict[int, int] = {}
    for at in occurrences(text, head.group()):
        tail = at + len(head.group())
        for n in range(2, DOTTED_TAIL_MAX + 1):
            if tail + n > len(text) or not _is_cjk(text[tail + n - 1]):
                break
            if is_boundary(text, tail + n):
                votes[n] = votes.get(n, 0) + 1
    if not votes:
        return None
    n = max(votes, key=lambda k: (votes[k], -k))
    return text[pos:head.end() + n]


# What must follow a name opened by a WEAK surname: a verb of the genre (书记和平安主持…, not 和分管…).
# A verb, not a noun it opens (委员和海外列席人士: 列席人士 are people sitting in, 和 joins two groups).
_WEAK_END = re.compile(r"(?:同志)?(?:主持|出席|列席|参加|讲话|致辞|发言|指出|强调|表示|介绍|汇报|宣读|通报|主讲|讲授|作了?|做了?)"
                       r"(?!人士|人员|代表|单位|嘉宾)")


_BRACKETED_POST = re.compile(r"[（(](?P<title>[\u4e00-\u9fff、]{2,30})[)）]")
SPOKEN_OF_REACH = 200  # how far back a speech verb makes a bare 某同志 spoken of
# What may stand before a bare name written with 同志, and what after it makes the name cited.
_COMRADE_BEFORE = vocab.Words(("了", "和", "与", "及", "由", "请", "听取", "审议"))
_COMRADE_CITED = re.compile(r"为核心|的|在[^。；;\n]{0,60}?(?:上|中)的|亲属|家属|遗属|子女|夫人|生前|诞辰|逝世|故居|关于|[《“「]")
# …and what must follow it for the name to be someone present: an act of the meeting in the same clause
# (张永平同志代表…作报告, 由张明同志主持, 请李华同志讲话); 学习了习近平同志关于…, 缅怀了毛泽东同志。,
# 追忆了谷文昌同志和杨善洲同志 name people cited or commemorated.
_COMRADE_ACTS = re.compile(r"(?:作|做)|[^。；;\n，,“”《》]{0,30}?(?:主持|出席|列席|参加|讲话|致辞|发言|指出|强调|表示|汇报|宣读|"
                           r"通报|主讲|讲授|授课|宣讲|代表|介绍|领学|解读|讲解|带领|率|交流)")
_KNOWN_BEFORE_NAME = vocab.Words(vocab.TITLE_STOPS + vocab.BEFORE_NAME + vocab.FOLLOW_WORDS)


def _glued_left(text: str, pos: int) -> bool:
    """The surname at `pos` completes a common word that starts before it (有关副秘书长, 成员国一道,
    由于), and no post or word of the genre ending at `pos` explains the boundary: in 市长江某 the
    word 长江 straddles the post 市长, which wins."""
    if pos == 0 or not _is_cjk(text[pos - 1]):
        return False
    starts = lexicon.left_words_ending(text, pos)
    if not starts:
        return False
    title = _TITLE_END_RE.search(text, max(0, pos - 12), pos)
    known = [title.start()] if title else []
    word = _KNOWN_BEFORE_NAME.start_of_longest_ending_at(text, pos)
    known += [word] if word is not None else []
    return not known or any(a <= min(known) for a in starts)


# A post's remit before its 的 (中央组织部分管日常工作的副部长): part of the title.
_CHARGE = re.compile(r"(?:分管|主管|负责|主持)[\u4e00-\u9fff]{1,10}$")


# A stop character that opens a word of an organisation's name (经济, 经贸, 经开区): no stop there.
_STOP_IN_WORD = re.compile(r"经(?=[济营贸管开信销])")
_CONJUNCTION = re.compile(r"(?:以及|和|与|及|并)(?=[\u4e00-\u9fff])")


def _title_start(text: str, suffix_start: int, limit: int) -> int:
    """Scan left from a post over the organisation and earlier posts joined by 、."""
    i = suffix_start
    floor = max(limit, suffix_start - 40)
    while i > floor:
        ch = text[i - 1]
        if ch == "的" and (charge := _CHARGE.search(text, max(0, i - 14), i - 1)):
            i = charge.start()  # past the remit, whose words (日常, 工作) are no stops here
            continue
        if vocab.TITLE_STOP.ends_at(text, i) and not text.startswith("有限", i - 1) \
                and not _STOP_IN_WORD.match(text, i - 1):  # 股份有限公司, 经济管理教研部: no stop
            break
        if ch == "、":
            if _TITLE_END_RE.search(text, max(0, i - 12), i - 1) is None:
                break
        elif not (_is_cjk(ch) or ch in "（）()"):
            break
        i -= 1
    if i == floor > limit and _is_cjk(text[i - 1]) and _is_cjk(text[i]):
        # cut inside a long organisation's name (…股份有限公司机关党支部委员): start after its first
        # organisation ending instead (机关党支部委员), never mid-word (限公司…)
        end = next((k + 1 for k in range(i, suffix_start) if text[k] in vocab.ORG_ENDINGS), None)
        i = end if end is not None else i
    while i < suffix_start and text[i] in "、（）()":
        i += 1
    if i == limit > 0 and (conj := _CONJUNCTION.match(text, i, suffix_start)):
        # right after the name before (…许灵敏和省农指员杨秀中): the list's joint, not the post's
        # first word (a title that opens a clause may be 和平区委书记)
        i = conj.end()
    pronoun = vocab.PRONOUN_TITLE.match(text, i, suffix_start)
    return pronoun.end() if pronoun else i


def _byline(text: str, pos: int) -> bool:
    return bool(vocab.BYLINE.search(text, max(0, pos - 8), pos))


_WORD_BEFORE_NAME = vocab.Words(vocab.TITLE_STOPS + vocab.BEFORE_NAME + ("和", "与", "及", "同", "关于"))


def _ends_word(text: str, pos: int) -> bool:
    """True when text[:pos] ends with a word after which a name may stand (a post, 由, 会上 …)."""
    return (pos == 0 or not _is_cjk(text[pos - 1]) or _TITLE_END_RE.search(text, max(0, pos - 6), pos) is not None
            or _WORD_BEFORE_NAME.ends_at(text, pos)
            or any(vocab.PRONOUN_TITLE.fullmatch(text, pos - n, pos) for n in (2, 3) if pos >= n))


_AFTER_NOUN = frozenset("和与及的已是也都均为在不")


def _is_word(text: str, name: str, memo: dict[str, bool] | None = None) -> bool:
    """A candidate that elsewhere ends a longer word (中央单位，/ 监管范围和 → 单位, 范围): a noun.

    A name stands after punctuation, a post or a function word; a noun is found glued to the end of
    other words. One such occurrence, ending where a name could end, is enough. `memo` keeps the
    answer per name for one text (a name mentioned n times is looked up once, not n times).
    """
    if memo is not None and name in memo:
        return memo[name]
    found = False
    start = text.find(name)
    while start >= 0:
        end = start + len(name)
        ends_clause = end >= len(text) or not _is_cjk(text[end]) or text[end] in _AFTER_NOUN
        # the first of a list of names (选举出肖某某、赵某某、李某某等) ends no word
        listed = text.startswith("、", end) and name_at(text, end + 1, listed=True) is not None
        if ends_clause and not listed and not _ends_word(text, start):
            found = True
            break
        start = text.find(name, start + 1)
    if memo is not None:
        memo[name] = found
    return found


# A speech verb that opens someone's reported speech: what follows in the paragraph is what they said.
_SPEECH_OPENS = re.compile(r"(?:表示|指出|强调|说|认为|提出|介绍|要求|希望)[，,：:]")


def _cited_leader(text: str, men: Mention) -> bool:
    """A leader cited, not present: named first with the honorific post (习近平总书记强调…, always a
    citation in this genre), or with 主席 inside another speaker's words (李强表示，…习近平主席郑重提出…)."""
    if not men.post_after or not men.title:
        return False
    if men.title.endswith("总书记"):
        return True
    if not men.title.endswith("主席"):
        return False
    para = text.rfind("\n", 0, men.start) + 1
    return _SPEECH_OPENS.search(text, para, men.start) is not None


def _in_book_title(text: str, pos: int) -> bool:
    """`pos` stands inside 《…》 (a document's title: 《关于周凯等同志任职的通知》 names no participant)."""
    opened = text.rfind("《", max(0, pos - 60), pos)
    return opened >= 0 and "》" not in text[opened:pos]


def relayed(text: str, start: int, end: int) -> bool:
    """A mention inside `传达学习…<title><name>在…上的讲话精神` or `<name>的重要讲话`, or cited
    (引用…<name>的观点): relayed, not present."""
    return bool(vocab.RELAY_BEFORE.search(text, max(0, start - 12), start) and vocab.RELAY_AFTER.match(text, end)) \
        or vocab.RELAY_STRONG.match(text, end) is not None or vocab.CITED_BEFORE.search(text, max(0, start - 16), start) is not None \
        or (vocab.RELAY_SPOKEN_OF.match(text, end) is not None and "\n" in text[:start])


class _Taken:
    """Character positions already covered by a mention (spans are short, so a set is linear)."""

    def __init__(self) -> None:
        self._pos: set[int] = set()

    def append(self, span: tuple[int, int]) -> None:
        self._pos.update(range(*span))

    def free(self, a: int, b: int) -> bool:
        return not any(i in self._pos for i in range(a, b))


_LIST_SEP = re.compile(r"、|以及|和|及|与")
# Verbs a bare name (no title) opens a clause with; and the day words that may stand before it.
_BARE_VERB = re.compile(r"主持|出席|列席|致辞|(?:宣讲|主讲|授课|讲授)(?![团员会人队])")  # not 马背宣讲队
_TIME_BEFORE_NAME = vocab.Words(("上午", "下午", "晚上", "当天", "当日", "日前", "近日", "昨天", "今天"))


_AGED = re.compile(r"(?:[0-9０-９]{1,3}|[一二三四五六七八九十]{1,3})(?:周)?岁(?:高龄)?的")
# A role's label glued before a title: 主讲人东岳村党组织书记…, 主持人县委副书记….
_ROLE_LABEL = re.compile(r"(?:主讲人|主讲嘉宾|授课人|宣讲人|报告人|主持人)[：:]?")


def find_mentions(text: str) -> list[Mention]:
    """Every `title + name`, `name + title` and listed bare name (…、Name) in the text."""
    mentions: list[Mention] = []
    taken = _Taken()
    free = taken.free
    words: dict[str, bool] = {}
    dotted: dict[str, str | None] = {}
    confirmed: dict[str, bool] = {}

    last_end = 0
    for m in _SUFFIX_RE.finditer(text):
        pos = title_end = m.end()
        if text.startswith(("）", ")"), pos) and text.rfind("（", max(0, pos - 8), pos) + text.rfind("(", max(0, pos - 8), pos) > -2:
            pos = title_end = pos + 1  # a post given in brackets after another: 副校长（副院长）谢春涛
        while pos < len(text) and text[pos] in _SPACE and pos - title_end < 1:
            pos += 1
        if text.startswith(("”", "’"), pos):  # an epithet in quotes before the name: “乡村大使”胡崇德
            pos += 1
        name = dotted_name_at(text, pos, dotted) or name_at(text, pos, weak=True) or confirmed_name_at(text, pos, confirmed)
        if not name or not free(pos, pos + len(name)):
            continue
        start = _title_start(text, m.start(), last_end)
        label = _ROLE_LABEL.match(text, start, m.start())
        if label:  # 主讲人东岳村党组织书记董涛: the label is the role (roles_before reads it), not the title
            start = label.end()
        title = text[start:title_end]
        if _byline(text, start):
            continue
        mentions.append(Mention(name, pos, title, start, pos + len(name)))
        taken.append((start, pos + len(name)))
        last_end = pos + len(name)
    for m in _posts_after_names(text):
        q = m.start()
        while q > 0 and text[q - 1] == "副" and not _POST_RE.match(text, q - 1):
            q -= 1  # 程某某副主委主持: 副 opens the post (副主委), it ends no name
        post = text[q:m.end()]
        for n in (3, 2, 4):
            a = q - n
            if a < 0:
                continue
            cand = text[a:q]
            s = surname_length(cand)
            if not s or len(cand) - s not in (1, 2) or not free(a, m.end()) or cand in vocab.NOT_NAMES \
                    or cand in vocab.FOLLOW or (_in_post_list(text, a) and not _named_post_before(text, a, cand)) \
                    or lexicon.refuses(cand) or _glued_left(text, a) or (
                        cand[0] in PREPOSITIONS and not vocab.POST_THEN_VERB.match(text, m.end())):
                continue  # 向港澳委员和海外列席人士介绍: a preposition before a group, unless a verb follows
            before = text[a - 1] if a else ""
            org_start = a
            if before and _is_cjk(before) and not vocab.NAME_FIRST_AFTER.ends_at(text, a) \
                    and not _joined_after_post(text, a):
                if not _POST_RE.fullmatch(m.group()):
                    continue  # a post outside POST_TITLES follows a name only where a name may start
                if before not in vocab.ORG_ENDINGS or not _given_ok(cand[s:], vocab.NOT_IN_GIVEN_NAME_AFTER_ORG):
                    continue
                org_start = _title_start(text, a, 0)
            elif not _given_ok(cand[s:]):
                continue
            # 省政府采购中心李健主任 reads as 省政府采购中心主任, but a title must be verbatim text
            # (the grounder checks it), so the post alone is kept unless the joined form occurs.
            joined = text[org_start:a] + post
            title = joined if joined in text else post
            mentions.append(Mention(cand, a, title, org_start, m.end(), post_after=True))
            taken.append((a, m.end()))
            break
    # a bare name that opens a clause before a role verb: 庄天慧主持召开…, [视频]李克强主持召开…, 吴德列席会议
    for m in _BARE_VERB.finditer(text):
        verb = m.start()
        for n in (3, 2, 4):
            a = verb - n
            if a < 0 or not free(a, verb) or (a > 0 and text[a - 1] == "、") or (
                    a > 0 and _is_cjk(text[a - 1]) and text[a - 1] != "由" and not _TIME_BEFORE_NAME.ends_at(text, a)):
                continue
            if name_at(text, a) == text[a:verb]:
                mentions.append(Mention(text[a:verb], a, None, a, verb))
                taken.append((a, verb))
                break
    # a name after an age (今年54岁的杨贵良说): a person the report quotes or describes
    for m in _AGED.finditer(text):
        a = m.end()
        name = name_at(text, a)
        if name and free(a, a + len(name)) and not lexicon.refuses(name):
            mentions.append(Mention(name, a, None, a, a + len(name)))
            taken.append((a, a + len(name)))
    # a name with its post in brackets after it: 张明（县委书记）、李华（县长）出席, 陈林（中山大学教授）
    for m in _BRACKETED_POST.finditer(text):
        if not _TITLE_END_RE.search(m.group("title")):
            continue
        for n in (3, 2):
            a = m.start() - n
            if a < 0 or not free(a, m.end()) or (
                    a > 0 and _is_cjk(text[a - 1]) and not _KNOWN_BEFORE_NAME.ends_at(text, a)):
                continue
            if name_at(text, a) == text[a:m.start()] and not _glued_left(text, a):
                mentions.append(Mention(text[a:m.start()], a, m.group("title"), a, m.end(), post_after=True))
                taken.append((a, m.end()))
                break
    # a bare name before 同志 that opens a clause or follows 了/和/由: 听取审议了张永平同志代表…所作的报告
    # (not 以习近平同志为核心, 学习赵某同志, 习近平同志的讲话: cited, not present)
    for at in occurrences(text, "同志"):
        if _COMRADE_CITED.match(text, at + 2) or not _COMRADE_ACTS.match(text, at + 2):
            continue
        for n in (3, 2):
            a = at - n
            if a < 0 or not free(a, at) or (a > 0 and text[a - 1] == "、") or (
                    a > 0 and _is_cjk(text[a - 1]) and not _COMRADE_BEFORE.ends_at(text, a)):
                continue
            if name_at(text, a) == text[a:at] and not _glued_left(text, a) and not lexicon.refuses(text[a:a + 2]) \
                    and not _SPEECH_OPENS.search(text, max(text.rfind("\n", 0, a) + 1, a - SPOKEN_OF_REACH), a):
                # 他指出，胡某同志是…: spoken of
                mentions.append(Mention(text[a:at], a, None, a, at))
                taken.append((a, at))
                break
    mentions = [m for m in mentions if not _is_word(text, m.name, words)]
    mentions.sort(key=lambda x: x.start)
    # bare names continuing a list: 领导何运平、曹和家、张焕明等
    extra: list[Mention] = []
    for men in mentions:
        pos = men.end
        while (sep := _LIST_SEP.match(text, pos)) is not None:
            at = sep.end()
            name = name_at(text, at, listed=True) or (name_at(text, at, listed=True, weak=True) if sep.group() == "、" else None)
            if not name or not free(at, at + len(name)):
                break
            nxt = at + len(name)
            if sep.group() != "、" and text.startswith("、", nxt):
                break  # 书记王某与A、B、C等企业家代表: a list after 与 is another group, with its own label
            # 市领导A、B、C / 校党委常委于海、李君 / 县领导A、B和C: the title before a list is the
            # title of everyone in it
            extra.append(Mention(name, at, men.title, at, nxt))
            taken.append((at, nxt))
            pos = nxt
            if sep.group() != "、":
                break  # 和/及 joins the last name of the list
    heading = _heading_lists(text, free, taken)
    return sorted(mentions + extra + heading + _bare_lists(text, free, taken, words), key=lambda x: x.start)


# A list of names under a heading: 出席会议的县领导有：刘备、关羽、张飞 / 参加会议的领导：王某 李某.
_HEADING = re.compile(r"(?:领导|负责人|负责同志|嘉宾|成员|委员|代表)(?:同志)?(?:有|为|是|包括)?[：:]\s*")
_HEADING_SEP = re.compile(r"[、，,\s]+")
_ATTEND_BEFORE = re.compile(r"出席|参加|列席|参会|与会")


def _heading_lists(text: str, free: Callable[[int, int], bool], taken: _Taken) -> list[Mention]:
    out: list[Mention] = []
    for m in _HEADING.finditer(text):
        suffix_end = m.start() + len(next(w for w in ("负责同志", "负责人", "领导", "嘉宾", "成员", "委员", "代表")
                                          if text.startswith(w, m.start())))
        start = _title_start(text, m.start(), 0)
        title = text[start:suffix_end] if start < m.start() and _TITLE_END_RE.search(text, start, suffix_end) else None
        pos, names = m.end(), []
        while True:
            name = name_at(text, pos, listed=True)
            if not name or not free(pos, pos + len(name)):
                break
            names.append((pos, name))
            pos += len(name)
            sep = _HEADING_SEP.match(text, pos)
            if sep is None or "\n" in sep.group():
                break
            pos = sep.end()
        if len(names) < 2 and not (names and title):
            continue
        clause = max(text.rfind(c, 0, m.start()) for c in "。；;！？!?\n")
        role = "attendee" if _ATTEND_BEFORE.search(text, clause + 1, m.start()) else None
        for a, n in names:
            out.append(Mention(n, a, title, a, a + len(n), role))
            taken.append((a, a + len(n)))
    return out


# The first item of a list that opens a clause: 2–4 ideographs before a 、 that follow neither an
# ideograph nor a 、. Matched from the 、 (which re finds fast) looking back, with one lookbehind
# per length; the group that matched (n2, n3, n4) gives the item's length.
_LIST_OPEN = re.compile("、(?:" + "|".join(
    rf"(?<=(?<![\u3400-\u9fff、])[\u3400-\u9fff]{{{n}}}、)(?P<n{n}>)" for n in (2, 3, 4)) + ")")


def _list_openings(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of the first item of each list that opens a clause (see _LIST_OPEN)."""
    for m in _LIST_OPEN.finditer(text):
        sep, group = m.start(), m.lastgroup
        assert group is not None  # every alternative of _LIST_OPEN is a named group
        yield sep - int(group[1:]), sep

_ORG_BEFORE_LIST = vocab.ORG_ENDINGS | frozenset("班")


def _glued_list_openings(text: str, before: Container[str]) -> Iterator[tuple[int, int]]:
    """(start, end) of a list's first name glued to a character in `before`: the body it follows
    (_ORG_BEFORE_LIST: 县工作专班刘彩凤、李靖、刘博等同志) or 与/同/和 (与A、B、C等企业家代表座谈: the
    people someone met, read only when the list ends in a label, 等 + their title)."""
    for at in occurrences(text, "、"):
        for n in (3, 2):
            a = at - n
            if a > 0 and text[a - 1] in before and not lexicon.refuses(text[a:at]) \
                    and name_at(text, a, listed=True) == text[a:at]:
                yield a, at
                break


# A list closed by what its members said: 王浩、葛慧君、陈金彪作了交流发言 / 分别作了表态发言 / 先后发言.
_LIST_SPOKE = re.compile(r"(?:(?:作|做)了?[^，,。；;、]{0,8}?(?:发言|讲话|致辞|汇报)|(?:交流)?发言|讲话|致辞)")
# The list's own head count before what they did (马某、杨某、罗某三位同志作了交流发言).
_SELF_COUNT = re.compile(r"[一二三四五六七八九十两]+[位名]同志(?=[^，,。；;]{0,4}?(?:作|做|发言|讲话|出席|参加|分别|先后|汇报|交流|介绍))")
_COUNTED = re.compile(r"等[0-9０-９一二三四五六七八九十两百]+[名位个人]")
_LIST_LABEL = re.compile(r"等(?P<label>[\u4e00-\u9fff]{0,10}?(?:" + vocab.alternation(vocab.TITLE_SUFFIXES) + "))")


def _word_in_list(text: str, at: int) -> str | None:
    """A name that is also a word (江南, 高峰) inside a list of names: between 、 and a 、 that a
    name follows (王兵、…、江南、贾全顺), never at the list's end, where the words of a sentence go on."""
    for n in (2, 3):
        cand = text[at:at + n]
        if len(cand) == n and surname_length(cand) and all(_is_cjk(c) for c in cand) \
                and text.startswith("、", at + n) and name_at(text, at + n + 1, listed=True):
            return cand
    return None


def _bare_lists(text: str, free: Callable[[int, int], bool], taken: _Taken, words: dict[str, bool]) -> list[Mention]:
    """Lists of names without a title before them, opening a clause and closed by 等 or a verb:
    刘南昌、安伟、王振清等副市级以上领导在分会场收看 (the label after 等 is their title), 张三、李四出席.
    A list closed by a head count (等四名同志) is a group the report counts, not its participants.
    """
    out: list[Mention] = []
    openings = sorted([(a, b, 2, False) for a, b in _list_openings(text)] + [(a, b, 3, False) for a, b in _glued_list_openings(text, _ORG_BEFORE_LIST)]
                      + [(a, b, 3, True) for a, b in _glued_list_openings(text, "与同和")])
    walked = -1  # where the last list read ended: an opening inside it is one of its names, not read again
    for start, pos, least, joined in openings:  # the list must open a clause, or follow a body's name (3 names or more)
        if start < walked:
            continue
        pronoun = vocab.PRONOUN_TITLE.match(text, start, pos)  # 我办罗伟、姚鸿飞…: the office, then the names
        start = pronoun.end() if pronoun else start
        first = name_at(text, start, listed=True)
        if not first or start + len(first) != pos or not free(start, pos):
            continue
        names = [(start, first)]
        while text.startswith("、", pos):
            name = name_at(text, pos + 1, listed=True) or (_word_in_list(text, pos + 1) if len(names) >= 2 else None)
            if not name or not free(pos + 1, pos + 1 + len(name)):
                break
            names.append((pos + 1, name))
            pos += 1 + len(name)
        walked = pos
        if len(names) < least or text.startswith("、", pos) or not (
                vocab.LIST_END.starts_at(text, pos) or _LIST_SPOKE.match(text, pos) or _SELF_COUNT.match(text, pos)):
            continue
        if _COUNTED.match(text, pos):
            continue  # 蔡立、杨洁等四名同志转为正式党员: a counted group (honourees, new members)
        label = _LIST_LABEL.match(text, pos)
        title = label.group("label") if label else None
        if joined and title is None:
            continue  # 与A、B、C and no label: the list may be of anything
        if title is None and least == 3:  # the body the list follows is their title (县工作专班刘某、…)
            clause = max(text.rfind(c, max(0, names[0][0] - 13), names[0][0]) for c in "，,。；;：:\n") + 1
            body = text[clause:names[0][0]]
            title = body if 2 <= len(body) <= 12 and all(_is_cjk(c) for c in body) else None
        if sum(_is_word(text, n, words) for _, n in names) > (1 if len(names) >= 4 else 0):
            continue  # a list of words; one word among four names or more is a name (…、江南、…)
        for a, n in names:
            out.append(Mention(n, a, title, a, a + len(n)))
            taken.append((a, a + len(n)))
    return out


_roles_after = frames.roles_after


_JOINER = re.compile(r"[、，,和及与\s]*(?:等)?[、，,和及与\s]*")  # between the names of one group


_COMMA = re.compile(r"[，,]")


def _groups(text: str, mentions: list[Mention]) -> list[list[Mention]]:
    groups: list[list[Mention]] = []
    for men in mentions:
        if groups:
            gap = text[groups[-1][-1].end:men.start]
            if _JOINER.fullmatch(gap) and "\n" not in gap:
                groups[-1].append(men)
                continue
        groups.append([men])
    return groups


def find_people(text: str) -> list[Found]:
    """People with titles and roles, merged by name, in order of first mention."""
    mentions = find_mentions(text)
    sents = sentences(text)
    starts = [s.start for s in sents]  # sentences are sorted and disjoint: one bisect per lookup

    def sentence_end(pos: int) -> int:
        i = bisect_right(starts, pos) - 1
        return sents[i].end if i >= 0 and pos < sents[i].end else len(text)

    people: dict[str, Found] = {}
    for group in _groups(text, mentions):
        last = group[-1]
        roles = _roles_after(text, last.end, sentence_end(last.end))
        absent = frames.absent(text, last.end)  # 副县长张三、李四请假: the whole list was away
        # 传达了主任谢某及书记毛某的讲话精神: relayed words of the whole list
        absent = absent or (len(group) > 1 and relayed(text, group[0].start, last.end))
        # 参加活动的有A，B，C主持会议: commas run a list of those present; the chair is its last name only
        # (co-chairs are written A、B主持)
        comma_list = any(_COMMA.search(text, a.end, b.start) for a, b in itertools.pairwise(group))
        for men in group:
            if absent or relayed(text, men.start, men.end) or frames.not_present(text, men.start, men.end) \
                    or _in_book_title(text, men.start) or _cited_leader(text, men):
                continue
            own = _roles_after(text, men.end, sentence_end(men.end)) if men is not last else roles
            own = frames.roles_before(text, men.start) + own + ([men.role] if men.role else [])
            if frames.heard_lecture(text, men.start, men.end):
                own.insert(0, "lecturer")
            found = people.get(men.name)
            if found is None:
                found = people[men.name] = Found(men.name, men.title, men.start, men.end)
            elif men.title and (found.title is None or (
                    vocab.GENERIC_TITLES.search(found.title) and not vocab.GENERIC_TITLES.search(men.title))):
                found.title, found.start, found.end = men.title, men.start, men.end
            end = sentence_end(men.end)  # a match ends the sentence: only its last characters can hold one
            if not (own or roles) and _ATTEND_END.search(text, max(men.end, end - _ATTEND_END_REACH), end):
                own = ["attendee"]
            for role in own or [r for r in roles if not (r == "chair" and men is not last and comma_list)]:
                if role not in found.roles:
                    found.roles.append(role)
    # later bare mentions of a known name: 赵锡雄指出, 周作德作总结讲话时表示, 由X主持
    name_starts = {men.name_start for men in mentions}
    for name, found in people.items():
        for at in occurrences(text, name):
            end = at + len(name)
            if at == found.start or at in name_starts or not is_boundary(text, end):
                continue
            for role in _roles_after(text, end, sentence_end(end)):
                if role not in found.roles:
                    found.roles.append(role)
    _surname_and_post(text, people, sentence_end)
    if not any("lecturer" in f.roles for f in people.values()):
        _lecture_agent(text, mentions, people, starts)
    for found in people.values():
        if "chair" in found.roles and "attendee" in found.roles:
            found.roles.remove("attendee")
    # every path above (list items, a lecture's agent, a surname before a post) meets the word lists here:
    # 向大家, 区政协 (a common word after the surname), an untitled 党课, a 谈工 read only where it cuts 工作;
    # a titled two-character name may be a word too (会长江南)
    return [f for f in people.values()
            if not (lexicon.given_is_word(f.name) or (f.title is None and lexicon.refuses(f.name))
                    or f.name[surname_length(f.name) or 1:] in vocab.ADDRESS_WORDS)
            and not all(lexicon.cuts_word(text, at + len(f.name)) for at in occurrences(text, f.name))]


# A lecture verb far from its subject (X分别到…，与…交流，边讲边提问，为党员讲授了一堂党课).
# A quoted title is one piece of it, commas included (带来了一场“深入学习…，扎实推进…”主题“车间党课”).
_LECTURE_ACT = re.compile(r"(?:讲授|讲|上|作|做|带来)了?(?:一堂|一场|一次|一节)(?:“[^”\n]{1,60}”|[^，,。；;]){0,40}?"
                          r"(?:党课|讲座|专题报告|辅导报告|宣讲报告|课)")
# What hands the lecture to someone else between the subject and the verb.
_OTHER_AGENT = re.compile(r"邀请|请|主持|出席|参加|由|听取|聆听|组织")


def _lecture_agent(text: str, mentions: list[Mention], people: dict[str, Found], starts: list[int]) -> None:
    """The subject of a lecture verb that no frame reached: the last person named before it in its
    sentence, when nothing between them (邀请, 主持, 由, 聆听 …) hands the lecture to someone else."""
    ends = sorted((m.end, k) for k, m in enumerate(mentions))
    end_keys = [e for e, _ in ends]
    for act in _LECTURE_ACT.finditer(text):
        i = bisect_right(starts, act.start()) - 1
        sent_start = starts[i] if i >= 0 else 0
        j = bisect_right(end_keys, act.start()) - 1  # the last mention ending before the verb
        if j < 0:
            continue
        men = mentions[ends[j][1]]
        if men.start < sent_start:
            continue
        found = people.get(men.name)
        if found is None or "chair" in found.roles or _OTHER_AGENT.search(text, men.end, act.start()):
            continue
        found.roles.insert(0, "lecturer")
        return


# A known person called by surname and post (杨书记, 赵教授, 王院长) after being named in full.
_SHORT_POST = re.compile("(?:" + vocab.alternation(t for t in vocab.TITLE_SUFFIXES if not vocab.GENERIC_TITLES.search(t)) + ")")


def _surname_and_post(text: str, people: dict[str, Found], sentence_end: Callable[[int], int]) -> None:
    """Roles of `<surname><post>` mentions (杨书记为…上了一堂党课) go to the one person of that
    surname found in full whose title ends with the post; none when two people share the surname.
    One scan of the text for all such surnames."""
    by_surname: dict[str, list[Found]] = {}
    for found in people.values():
        s = surname_length(found.name)
        if s:
            by_surname.setdefault(found.name[:s], []).append(found)
    single = {k: v[0] for k, v in by_surname.items() if len(v) == 1}
    if not single:
        return
    pattern = re.compile("(?P<surname>" + vocab.alternation(single) + ")(?=" + _SHORT_POST.pattern + ")")
    for m in pattern.finditer(text):
        at, found = m.start(), single[m.group("surname")]
        post = _SHORT_POST.match(text, m.end())
        if post is None or (at > 0 and _is_cjk(text[at - 1]) and not _WORD_BEFORE_NAME.ends_at(text, at)
                            and not vocab.FOLLOW.ends_at(text, at) and text[at - 1] not in "，,。；;：:"):
            continue
        if not (found.title or "").endswith(post.group()):
            continue
        end = sentence_end(post.end())
        roles = _roles_after(text, post.end(), end)
        act = _LECTURE_ACT.search(text, post.end(), end)  # 杨书记根据…，经过…，为全村党员上了一堂党课
        if act and "lecturer" not in roles and not _OTHER_AGENT.search(text, post.end(), act.start()):
            roles.append("lecturer")
        for role in roles:
            if role not in found.roles:
                found.roles.append(role)


def speech_anchors(text: str, names: list[str]) -> list[tuple[int, str]]:
    """Positions where a known person starts speaking (X指出/强调/表示/介绍 …), in text order."""
    anchors: list[tuple[int, str]] = []
    for name in names:
        for at in occurrences(text, name):
            end = at + len(name)
            if is_boundary(text, end) and _SPEECH.match(text, end):
                anchors.append((at, name))
    return sorted(anchors)
