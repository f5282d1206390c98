"""Numbered lessons and directives on small synthetic passages."""
from __future__ import annotations

import pytest

from summarise.offline.points import find_points, numeral, point_text


def pts(text: str, anchors=None):
    return find_points(text, anchors or [])


@pytest.mark.parametrize("s, n", [("一", 1), ("七", 7), ("十", 10), ("十二", 12)])
def test_numeral(s: str, n: int) -> None:
    assert numeral(s) == n


def test_yi_shi_run_in_one_paragraph() -> None:
    text = "王某介绍了经验。一是坚持党的领导,形成合力。二是以改革破解难题。三是坚持规划先行。"
    found = pts(text, [(0, "王某")])
    assert [p.number for p in found] == [1, 2, 3]
    assert {p.speaker for p in found} == {"王某"} and {p.kind for p in found} == {"lesson"}
    assert point_text(text, found[1])[0] == "二是以改革破解难题。"


def test_semicolon_separated_items_and_colon_lead() -> None:
    text = "翟某指出,要做到三个适应:一是要适应预算改革;二是要适应管理要求;三是要适应调控需要。"
    found = pts(text)
    assert len(found) == 3 and found[0].kind == "directive"
    assert point_text(text, found[0])[0] == "一是要适应预算改革"


def test_mixed_markers_yi_shi_yao_si_yao_di_liu_yao() -> None:
    text = "\n".join(["一是要牢记使命。", "二是要吃苦耐劳。", "三是要追求卓越。", "四要自我批评。", "五要完善制度。", "第六要引进人才。"])
    assert [p.number for p in pts(text)] == [1, 2, 3, 4, 5, 6]


def test_two_runs_are_both_counted() -> None:
    text = "一是甲转变。二是乙转变。\n另外,一是要适应甲;二是要适应乙;三是要适应丙。"
    assert [p.number for p in pts(text)] == [1, 2, 1, 2, 3]


def test_a_lone_yi_shi_is_not_a_list() -> None:
    assert pts("这次会议一是总结了经验。") == []


def test_problems_are_statements() -> None:
    text = "他提出了目前存在的问题和困难:一是意识有待增强,二是机制还不完善。"
    assert {p.kind for p in pts(text)} == {"statement"}


def test_paragraphs_opening_with_yao() -> None:
    text = "书记强调,要对标先进。\n要强认识,以紧迫感打赢攻坚战。\n要拼速度,用好政策红利。\n要抓集成,推动环境提升。"
    found = pts(text, [(0, "书记")])
    assert [p.number for p in found] == [1, 2, 3] and found[0].speaker == "书记"


def test_one_yao_paragraph_is_not_a_list() -> None:
    assert pts("会上强调。\n要强认识,以紧迫感打赢攻坚战。") == []


def test_meeting_voice_resets_the_speaker() -> None:
    text = "赵某讲话。会议明确,全局上下要坚持目标导向。一是搭建平台;二是提升水平。"
    assert {p.speaker for p in pts(text, [(0, "赵某")])} == {None}


def test_counts_and_outline_headings_are_not_markers() -> None:
    assert pts("一、总体要求\n二、主要任务\n三个方面,四个转变。") == []


@pytest.mark.parametrize("text, n", [
    ("校长对工作进行了部署，并做出具体安排：1、发放学习卡，全校师生学习。2、全体教职工阅读报告。3、参与网上测试。", 3),
    ("会议明确：1.成立领导小组；2.制定实施方案；3.按期报送材料。", 3),
])
def test_an_inline_arabic_list_after_a_colon(text: str, n: int) -> None:
    assert len(find_points(text, [])) == n


@pytest.mark.parametrize("text, n", [
    ("书记在主持时强调，学习是首要政治任务。要在学习培训上下功夫。要在宣传宣讲上下功夫。要在贯彻落实上下功夫。", 3),
    ("局长指出：要抓好安全生产；要做好防汛准备；要加强值班值守。", 3),
])
def test_a_speakers_run_of_yao_clauses(text: str, n: int) -> None:
    assert len(find_points(text, [])) == n


@pytest.mark.parametrize("text", [
    "会议强调，要抓好落实。",  # one 要 clause is no list
    "共有1、2号两个会场。",  # numbers that do not follow a colon
])
def test_no_list_without_two_items(text: str) -> None:
    assert find_points(text, []) == []


def test_problems_after_achievements_are_no_lessons() -> None:
    from summarise.offline.points import find_points
    text = ("会议总结了取得的成绩和经验。存在的问题和困难：一是依法采购的意识有待增强。二是监管力度不够。三是队伍建设滞后。")
    kinds = {p.kind for p in find_points(text, [])}
    assert kinds == {"statement"}
    text = "存在的问题已经整改。主要经验：一是坚持党的领导。二是坚持改革创新。"
    assert {p.kind for p in find_points(text, [])} == {"lesson"}
