"""Page furniture around the article: navigation-menu runs, side bars, lines broken at brackets, and
a date kept from a line dropped for another reason."""
from __future__ import annotations

from summarise.normalise import Tracked, boilerplate, whitespace

LEAD = "3月4日上午，某市召开全市重点工作推进会议。市委书记张某某主持会议并讲话，市长李某某出席会议。"
SECOND = "会议强调，要狠抓落实，确保各项任务按期完成，以优异成绩迎接检查验收。"


def test_menu_runs_go_but_short_real_lines_stay() -> None:
    page = "\n".join([
        "某校召开工作会议", "发布时间：2024-03-05",
        "3月4日，某校召开工作会议，部署全年重点工作。校长出席会议并讲话，要求各部门狠抓落实。",
        "一、总体要求", "坚持问题导向，加快推进重点项目建设，确保全年目标任务圆满完成。",
        "二、重点任务", "张三", "李四", "王五",  # short lines without a nav anchor: kept
        "加强组织领导，压实工作责任，确保各项任务落到实处，形成工作合力。",
        "首页", "|", "关于社联", "|", "社团信息", "|", "联系我们",  # a menu (首页 anchors it)
    ])
    c = boilerplate.clean(Tracked.identity(page))
    body = c.body.text.split("\n")
    for keep in ("某校召开工作会议", "一、总体要求", "二、重点任务", "张三", "李四", "王五"):
        assert keep in body, keep
    for drop in ("关于社联", "社团信息", "首页", "联系我们"):
        assert drop not in body, drop
    assert boilerplate.is_menu_item("新闻>") and not boilerplate.is_menu_item("一、总体要求")
    assert not boilerplate.is_menu_item("会议指出，")


def test_join_bracket_breaks() -> None:
    t, n = whitespace.join_bracket_breaks(Tracked.identity("（记者 王某\n\n摄影报道）5月6日\n(a\nb)c\n（一）\n正文"))
    assert t.text == "（记者 王某摄影报道）5月6日\n(a b)c\n（一）\n正文" and n == 2


def test_date_is_read_from_a_line_dropped_for_another_reason() -> None:
    page = ("某市召开工作会议\n版权所有：某市人民政府 发布时间：2024-03-05\n"
            "3月4日，某市召开工作会议，部署全年重点工作。市长出席会议并讲话，要求各部门狠抓落实。")
    c = boilerplate.clean(Tracked.identity(page))
    assert c.removed == {"copyright": 1} and c.published == "2024-03-05"


def test_side_bar_after_the_article_goes_but_lists_and_headings_stay() -> None:
    tail = ["时政要闻", "工作动态", "专题推荐"]
    c = boilerplate.clean(Tracked.identity("\n".join(["某市召开重点工作推进会议", LEAD, SECOND, *tail])))
    assert c.body.text.split("\n") == ["某市召开重点工作推进会议", LEAD, SECOND] and c.removed["navigation"] == 3
    listed = ["某市召开重点工作推进会议", LEAD, "参加会议的单位有：", "市财政局", "市税务局", "市审计局"]
    assert boilerplate.clean(Tracked.identity("\n".join(listed))).body.text.split("\n") == listed
    headed = ["某市召开重点工作推进会议", LEAD, "一、总体要求", "二、重点任务", "三、保障措施", SECOND]
    assert boilerplate.clean(Tracked.identity("\n".join(headed))).body.text.split("\n") == headed
