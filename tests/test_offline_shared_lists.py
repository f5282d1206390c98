"""People listed under a shared heading or met as a labelled group, and formulas in straight
quotes (issue #14, offline6) — synthetic texts in the genre's forms."""
from __future__ import annotations

import pytest

from summarise.offline import extract_facts
from summarise.offline.people import find_people
from test_offline_docs import make_doc


def people(text: str) -> dict[str, str | None]:
    return {p.name: p.title for p in find_people(text)}


@pytest.mark.parametrize("text", [
    "会上，市委书记王刚与邓继涛、周京宜、裴德一、杨文春等企业家代表展开了深入交流。",
    "座谈中，县长李明同邓继涛、周京宜、裴德一等企业家代表面对面交流。",
])
def test_a_group_met_after_a_conjunction_has_its_own_label(text: str) -> None:
    found = people(text)
    assert {"邓继涛", "周京宜", "裴德一"} <= set(found)
    assert found["邓继涛"] == "企业家代表"  # not the title of the host before 与


def test_a_list_after_a_conjunction_without_a_label_is_not_read() -> None:
    # 与A、B、C with nothing saying who they are: the list may be of anything
    assert "周京宜" not in people("会上，王刚与邓继涛、周京宜、裴德一展开交流。")


@pytest.mark.parametrize("text, name", [
    ("县领导李劲飞、吉合现、郭振鹏、兑继训，开发区党工委书记刘继灵参加会议。", "兑继训"),
    ("市领导王刚、张华、兑建国出席会议。", "兑建国"),
])
def test_a_weak_surname_inside_a_titled_list_opens_a_name(text: str, name: str) -> None:
    assert (people(text).get(name) or "").endswith("领导")


def test_a_weak_surname_outside_a_list_stays_a_verb() -> None:
    assert "兑现承" not in people("市领导王刚要求各单位兑现承诺。")


def test_a_count_in_straight_quotes_is_a_formula() -> None:
    f = extract_facts(make_doc('市工商联召开会议\n5月6日，市工商联召开会议，要求把握"六个一体化"战略机遇，建设3个产业园。'))
    assert [(x.value, x.unit) for x in f.figures] == [(3, "count")]


@pytest.mark.parametrize("text, name", [
    ("近日，在某村聚居点，党员志愿者赵庆林正在给村民宣讲党的二十大精神。", "赵庆林"),      # a volunteer
    ("县政府副县长张运强莅临学校，为师生们带来了一堂别开生面、意义深远的思政大课堂。", "张运强"),  # a class
    ("9月1日，校长李华为全校师生上了一堂生动的开学思政课。", "李华"),
])
def test_a_volunteer_or_an_official_giving_a_class_is_the_lecturer(text: str, name: str) -> None:
    assert "lecturer" in next(p.roles for p in find_people(text) if p.name == name)
