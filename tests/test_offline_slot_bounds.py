"""What each slot of the offline record may hold: a lecture topic is whole quoted titles, a title
does not open with the list's conjunction, a group holds no one's name, a place is no speech's
occasion and a meeting's name opens with no preposition."""
from __future__ import annotations

import pytest

from summarise.offline import extract_facts
from summarise.offline.people import find_people
from test_offline_docs import make_doc


@pytest.mark.parametrize("sentence, topic", [
    ("3月5日，学院邀请市委党校教授王某作“讲好党课的三个要点”专题讲座。", "讲好党课的三个要点"),
    ("3月5日，学院邀请市委党校教授王某作题为《怎样讲党课》的专题报告。", "怎样讲党课"),
])
def test_a_quoted_lecture_title_is_the_topic_whole(sentence: str, topic: str) -> None:
    f = extract_facts(make_doc("学院举办专题讲座\n" + sentence + "全院党员参加讲座。"))
    assert f.event.topic is not None and f.event.topic.zh == topic


@pytest.mark.parametrize("sentence, name, title", [
    ("驻村的县农业特派员赵某和省科技特派员钱某参加活动。", "钱某", "省科技特派员"),
    ("县委书记孙某及县上领导李某出席。", "李某", "县上领导"),
])
def test_a_title_after_a_name_does_not_open_with_the_conjunction(sentence: str, name: str, title: str) -> None:
    people = {p.name: p.title for p in find_people(sentence)}
    assert people.get(name) == title


def test_a_title_that_opens_a_clause_keeps_its_first_character() -> None:
    people = {p.name: p.title for p in find_people("和平区委书记周某主持会议。")}
    assert people.get("周某") == "和平区委书记"


def test_a_long_chain_of_posts_is_one_title() -> None:
    text = ("会议在长沙召开。市长郑某，长沙市委副书记、湖南湘江新区(长沙高新区)党工委书记、岳麓区委书记周某出席。")
    people = {p.name: p.title for p in find_people(text)}
    assert people.get("周某") == "长沙市委副书记、湖南湘江新区(长沙高新区)党工委书记、岳麓区委书记"


def test_a_group_that_names_a_person_is_that_person() -> None:
    text = ("区政府召开专题会议\n5日，区长高某主持召开区政府专题会议。区领导张某以及相关单位负责人参加。\n"
            "8日，区长高某调研项目建设。区领导张某参加。")
    f = extract_facts(make_doc(text))
    assert all("张某" not in g.text.zh for g in f.attendee_groups)


def test_the_occasion_of_a_speech_is_no_place() -> None:
    text = ("学院召开理论学习中心组学习会\n会议学习了习近平总书记在新疆考察时的重要讲话精神和州党委常委会召开扩大会议的精神。")
    f = extract_facts(make_doc(text))
    assert f.event.place is None or "讲话" not in f.event.place.zh


def test_a_meetings_name_opens_with_no_preposition() -> None:
    text = ("专题报告深受好评\n3月5日，市委党校教授王某为全体党员作专题报告。报告中，他从十八届三中全会召开的重大意义等方面作了阐述。")
    f = extract_facts(make_doc(text))
    assert f.event.name is None or "从" not in f.event.name.zh


def test_a_meetings_name_may_hold_congyan() -> None:
    f = extract_facts(make_doc("全面从严治党工作会议召开\n3月5日，全县全面从严治党工作会议召开。县委书记王某主持会议。"))
    assert f.event.name is not None and "从严治党工作会议" in f.event.name.zh


@pytest.mark.parametrize("sentence, topic", [
    ("7月6日，学院党委书记王某为党员讲授了一堂生动的学习贯彻党的二十大精神专题党课。", "学习贯彻党的二十大精神"),
    ("7月6日，学院党委书记王某应邀到分院讲授党课，全体党员参加。", None),
])
def test_what_a_lecture_verb_teaches(sentence: str, topic: str | None) -> None:
    f = extract_facts(make_doc("学院举办专题党课\n" + sentence))
    assert (f.event.topic.zh if f.event.topic else None) == topic


@pytest.mark.parametrize("sentence, zh, en", [
    ("机关干部、医务人员等80余人参加了讲座。", "参加", "attendees"),
    ("各部门负责同志近120人参会。", "参会", "attendees"),
    ("全镇300多人在线收看。", "收看", "attendees"),
])
def test_a_head_count_of_those_who_attended(sentence: str, zh: str, en: str) -> None:
    f = extract_facts(make_doc("学院举办专题讲座\n3月5日，学院举办专题讲座。" + sentence))
    (fig,) = [x for x in f.figures if x.unit == "person"]
    assert fig.measures is not None and (fig.measures.zh, fig.measures.en) == (zh, en)


def test_a_head_count_is_of_people_not_of_the_place_before_it() -> None:
    f = extract_facts(make_doc("村里召开党员大会\n3月5日，村党支部召开党员大会。全村1520人，其中党员60名。"))
    by_value = {x.value: x for x in f.figures}
    assert by_value[1520].measures is None or by_value[1520].measures.en != "villages"
    assert by_value[60].measures is not None and by_value[60].measures.en == "Party members"
