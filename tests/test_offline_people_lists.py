"""Names the offline finder reads in the genre's less common forms: a list of names closed by 等 and
their shared post, a name that is also a word inside such a list, names with their posts after
them in a list, posts of teachers and engineers, a stop character that opens an organisation's
word, and a lecturer known by a lecturing title (宣讲员) at a grass-roots lecture."""
from __future__ import annotations

import pytest

from summarise.offline import extract_facts
from summarise.offline.people import find_people
from test_offline_docs import make_doc


def _people(text: str) -> dict[str, str | None]:
    return {p.name: p.title for p in find_people(text)}


def test_a_list_closed_by_its_shared_post_with_a_name_that_is_a_word() -> None:
    people = _people("会上，张伟、李国强、江南、赵志刚等省级商会会长先后发言。")
    assert set(people) == {"张伟", "李国强", "江南", "赵志刚"}
    assert people["江南"] == "省级商会会长"


def test_a_word_at_the_end_of_a_list_stays_a_word() -> None:
    assert "江南" not in _people("会上，张伟、李国强、赵志刚、江南等地代表发言。")


def test_names_with_their_posts_after_them_in_a_list() -> None:
    people = _people("会上，周明华博士、刘建国主任分别就下一阶段工作提了建议。")
    assert people.get("周明华") == "博士" and people.get("刘建国") == "主任"


def test_a_list_of_posts_is_no_list_of_names() -> None:
    assert _people("厂长、党委书记、纪检书记参加会议。") == {}


@pytest.mark.parametrize("text, name, title", [
    ("市委党校经济管理教研部教师王晓燕说，要坚守初心。", "王晓燕", "市委党校经济管理教研部教师"),
    ("参加会议的有市住建局党组成员、总工赵建新。", "赵建新", "市住建局党组成员、总工"),
    ("我院邀请学院退休教师欧阳文杰副教授举办讲座。", "欧阳文杰", "学院退休教师"),
    ("县政协副主席孙冰常务列席会议。", "孙冰", "县政协副主席"),
    ("“听了讲座，思路更明确了。”村党委书记胡建义深有感触。", "胡建义", "村党委书记"),
    ("县委党校教研室主任段炼开展授课。", "段炼", "县委党校教研室主任"),
    ("县领导赵福南、占卓夫、王锋出席会议。", "占卓夫", "县领导"),
])
def test_posts_and_verbs_around_a_name(text: str, name: str, title: str) -> None:
    assert _people(text).get(name) == title


@pytest.mark.parametrize("text, lecturer", [
    (("社区开展宣讲活动\n3月13日下午，在社区居民家的院坝内，社区党总支书记、小板凳宣讲队员陶明成与群众围坐在一起，"
      "开展党的二十大精神宣讲。"), "陶明成"),
    ("老板凳宣讲进小区\n84岁的宣讲员雷开明是一位退休教师。宣讲中，雷开明结合身边的实际案例，给居民讲政策。", "雷开明"),
])
def test_a_lecturer_known_by_a_lecturing_title(text: str, lecturer: str) -> None:
    f = extract_facts(make_doc(text))
    assert f.kind == "policy_lecture"
    assert [p.name for p in f.people if "lecturer" in p.roles] == [lecturer]


def test_a_lecturing_title_without_a_lecture_is_no_lecturer() -> None:
    f = extract_facts(make_doc("县委召开常委会会议\n3月2日，县委召开常委会会议。县委书记王某主持会议。县委宣讲团成员李某列席会议。"))
    assert not [p for p in f.people if "lecturer" in p.roles]


def test_three_settings_before_a_lecture_verb() -> None:
    f = extract_facts(make_doc("园区工会大讲坛开讲\n7月3日，园区工会大讲坛第一期开讲。新区管委会办公室原调研员吴明昌同志，"
                               "结合自身多年经验，以“怎样撰写信息”为题，为机关干部职工100余人带来了一堂内容丰富的讲座。"))
    assert [p.name for p in f.people if "lecturer" in p.roles] == ["吴明昌"]


def test_a_lecturer_known_by_a_lecturing_title_keeps_the_role_once_grounded() -> None:
    from summarise import Settings, extract

    record = extract(text=("大学生宣讲队走进小学\n5月25日，学院团委组织大学生宣讲队走进康复路小学。宣讲现场，陕西高校"
                           "“青春宣讲”大学生宣讲队成员张碧云，以“弘扬中华文化”为主题，为小朋友们讲述了中华优秀传统文化。"),
                     settings=Settings(backend="offline"))
    assert [p.name for p in record.people if "lecturer" in p.roles] == ["张碧云"]


def people(text: str) -> dict[str, tuple[str | None, list[str]]]:
    return {p.name: (p.title, p.roles) for p in find_people(text)}


@pytest.mark.parametrize("text, names", [
    ("下午进行会议总结，张海涛、李明华、王建、赵小勇作了交流发言，其他领导作了书面交流。", ["张海涛", "李明华", "王建", "赵小勇"]),
    ("座谈会上，刘志强、陈红、周立新先后发言。", ["刘志强", "陈红", "周立新"]),
    ("会上，孙建国、吴晓燕、郑伟分别作表态发言。", ["孙建国", "吴晓燕", "郑伟"]),
    ("随后，马东、何静、许文斌作交流讲话。", ["马东", "何静", "许文斌"]),
])
def test_a_list_of_names_closed_by_their_speeches(text: str, names: list[str]) -> None:
    found = people(text)
    for name in names:
        assert name in found and found[name][0] is None


@pytest.mark.parametrize("text", [
    "人员名单、工作方案作了调整。",  # not names: nouns before 作了
    "会议要求，要把安全、环保、质量作为重点。",
])
def test_lists_of_nouns_before_a_verb_are_not_names(text: str) -> None:
    assert people(text) == {}


def test_a_rare_surname_that_is_also_a_verb_opens_a_name_only_after_a_post() -> None:
    assert _people("副县长兑继训讲话。") == {"兑继训": "副县长"}
    assert _people("县长兑现了承诺。") == {}  # 兑现 "keep (a promise)": no name
