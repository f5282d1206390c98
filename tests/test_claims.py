"""Claim checks on their own: roles by cue, titles attached to names, introducing clauses, measures."""
from __future__ import annotations

import pytest

from summarise.ground.claims import Article, is_name, overlap

TEXT = (
    "8月1日，小榄镇召开推进会。镇党委书记赵锡雄出席会议并讲话。镇党委副书记李家浩主持会议。"
    "会上，副镇长吴铸辉汇报进展情况。市长肖展欣，市委副书记陈文锋出席会议。\n"
    "赵锡雄强调，要强认识。要拼速度。\n"
    "会议要求，要抢进度。\n"
    "副镇长黄伟忠、相关部门负责人参加会议。"
)
NAMES = ("赵锡雄", "李家浩", "吴铸辉", "肖展欣", "陈文锋", "黄伟忠")
A = Article(TEXT, NAMES)


@pytest.mark.parametrize("name, roles", [
    ("赵锡雄", {"attendee", "speaker"}),
    ("李家浩", {"chair", "attendee"}),
    ("吴铸辉", {"reporter", "attendee"}),
    ("肖展欣", {"attendee"}),  # listed with 陈文锋 before 出席, a comma between them
    ("陈文锋", {"attendee"}),
    ("黄伟忠", {"attendee"}),
])
def test_roles_are_read_from_the_cue_next_to_the_name(name, roles):
    assert A.roles(name) == roles


def test_a_cue_of_another_person_does_not_count():
    assert "chair" not in A.roles("赵锡雄")  # 主持 belongs to 李家浩, in the next sentence
    assert "speaker" not in A.roles("黄伟忠")


@pytest.mark.parametrize("before", ["主持人：", "主讲人："])
def test_cues_written_before_the_name(before):
    article = Article(f"{before}王建国。", ("王建国",))
    assert ("chair" if "主持" in before else "lecturer") in article.roles("王建国")


@pytest.mark.parametrize("name, title, ok", [
    ("赵锡雄", "镇党委书记", True),
    ("赵锡雄", "党委书记", True),
    ("李家浩", "镇党委副书记", True),
    ("李家浩", "镇党委书记", False),  # 副 stands between: another office
    ("赵锡雄", "副镇长", False),  # 吴铸辉's title
    ("陈文锋", "市委副书记", True),
    ("陈文锋", "市长", False),  # 肖展欣's, across the comma
    ("黄伟忠", "副镇长", True),
])
def test_titles_must_be_attached_to_the_name(name, title, ok):
    assert A.titled(name, title) is ok


SPLIT = Article("院团委邀请了潍坊市委党校理论研究室麻福水副教授作了报告。讲座邀请了社区学校讲师团的陈坚老师授课。"
                "副镇长吴铸辉汇报。", ("麻福水", "陈坚", "吴铸辉"))


@pytest.mark.parametrize("name, title, ok", [
    ("麻福水", "潍坊市委党校理论研究室副教授", True),  # the unit before the name, the post after it
    ("陈坚", "社区学校讲师团老师", True),  # …讲师团的陈坚老师
    ("麻福水", "潍坊市委党校副教授", False),  # a unit the article does not write next to him
    ("麻福水", "潍坊市委党校理论研究室主任", False),  # a post he does not hold
    ("陈坚", "社区学校讲师团副教授", False),
    ("吴铸辉", "院团委副镇长", False),  # words from another clause
])
def test_a_title_written_around_the_name(name, title, ok):
    assert SPLIT.titled(name, title) is ok


LISTED_TEXT = ("出席本次支部会议的有骨科主任邵增务教授、骨科副主任杨操教授、外科片总护士长李素云老总以及支委会成员。"
               "夏家红授课，参加的还有王明，张三主持。")
LISTED_NAMES = ("邵增务", "杨操", "李素云", "夏家红", "王明", "张三")


def test_a_list_opened_by_attendance_gives_each_name_its_role():
    article = Article(LISTED_TEXT, LISTED_NAMES)
    assert all(article.roles(n) == {"attendee"} for n in ("邵增务", "杨操", "李素云"))
    assert article.roles("夏家红") == {"lecturer", "attendee"}
    assert article.roles("张三") == {"chair", "attendee"}  # a comma ends the list: 主持 is his own cue


def test_title_after_the_name():
    article = Article("会上，赵锡雄书记作了讲话。陈林（中山大学教授）授课。", ("赵锡雄", "陈林"))
    assert article.titled("赵锡雄", "书记") and article.titled("陈林", "中山大学教授")


def test_the_nearest_introducing_clause_names_the_speaker():
    assert A.introducer(TEXT.index("要强认识")) == (True, "赵锡雄")
    assert A.introducer(TEXT.index("要拼速度")) == (True, "赵锡雄")
    assert A.introducer(TEXT.index("要抢进度")) == (True, None)  # 会议要求: the meeting itself
    assert Article("要强认识。", ("赵锡雄",)).introducer(0) == (False, None)


@pytest.mark.parametrize("name, bad", [
    ("赵锡雄", False), ("欧阳修文", False), ("李 家浩", True), ("赵", True), ("会议", True), (" 李家浩", True),
])
def test_names(name, bad):
    assert (is_name(name) is not None) is bad


def test_measures_overlap_with_the_figures_sentence():
    sentence = "2022年至今，全镇拆除整理低效工业用地超5000亩，已累计推动121宗“工改”项目动工建设。"
    assert overlap("拆除整理的低效工业用地", sentence) >= 0.5
    assert overlap("动工建设的“工改”项目", sentence) >= 0.5
    assert overlap("新增就业岗位", sentence) < 0.5


@pytest.mark.parametrize("text, name, role", [
    ("教授张三、作家李四等多位专家学者在论坛讲学。", "张三", "lecturer"),
    ("区委副书记张三致欢迎辞，李四主持。", "张三", "speaker"),
    ("区委副书记张三致欢迎词。", "张三", "speaker"),
    ("会上，张三、李四分别结合工作谈了体会。", "李四", "speaker"),
    ("会上，张三就学习心得谈体会。", "张三", "speaker"),
    ("委员张三和李四结合主题分享了对本职工作的启发和感悟。", "张三", "speaker"),
    ("处长张三、李四同志应邀莅会。", "张三", "attendee"),
])
def test_more_cues_of_a_role(text, name, role):
    assert role in Article(text, ("张三", "李四")).roles(name)


@pytest.mark.parametrize("text, name, role", [
    ("张三主持会议，李四在论坛讲学。", "张三", "lecturer"),  # 讲学 is 李四's, another clause
    ("张三主持会议并要求大家讲学习、讲政治。", "张三", "lecturer"),  # 讲学习: stress study, no lecture
    ("张三主持，李四致欢迎辞。", "张三", "speaker"),
    ("张三主持。李四谈了体会。", "张三", "speaker"),
    ("张三分享了一批图书。", "张三", "speaker"),  # 分享 without 体会/感悟 is no speech
    ("张三是处长。李四应邀莅会。", "张三", "attendee"),
])
def test_those_cues_stay_with_their_own_person(text, name, role):
    assert role not in Article(text, ("张三", "李四")).roles(name)


def test_a_rare_surname_that_is_also_a_verb():
    assert is_name("兑继训") is None  # 县领导郭振鹏、兑继训
    assert is_name("对继训") is not None  # a character no surname still opens no name


ALL_ROLES = ("chair", "speaker", "lecturer", "reporter", "attendee")


def _articles() -> list[tuple[str, tuple[str, ...]]]:
    """The seeds and the in-repo held-out articles, each with the people the offline extractor finds."""
    from pathlib import Path

    from summarise import normalise
    from summarise.offline import extract_facts

    repo = Path(__file__).resolve().parents[1]
    paths = sorted(repo.glob("seeds/*.txt")) + sorted(repo.glob("eval/heldout/articles/*"))[:6]
    from test_ground_rare_surnames import HEALTH  # a lecturer found by the talk's frame, not a cue

    found = [(TEXT, NAMES), (LISTED_TEXT, LISTED_NAMES), (HEALTH, ("王高强", "李岩松"))]
    for path in paths:
        doc = normalise(path)
        found.append((doc.text, tuple(p.name for p in extract_facts(doc).people)))
    return found


def test_claimed_roles_are_the_stated_roles_among_them():
    from itertools import combinations

    checked = 0
    for text, names in _articles():
        article = Article(text, names)
        for name in names:
            stated = article.roles(name)
            for k in range(len(ALL_ROLES) + 1):
                for claimed in combinations(ALL_ROLES, k):
                    assert article.roles(name, claimed) == stated & set(claimed), (name, claimed, stated)
            checked += 1
    assert checked >= 20
