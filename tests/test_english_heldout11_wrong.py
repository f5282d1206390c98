"""English without a model: what read wrong on a blind set's headlines and event names — a bare
meeting as a headline, a committee's chairpersons' meeting, the readings of polyphones in place
names, an event name's capital."""
from __future__ import annotations

import pytest

from summarise.english import romanise, translate, translate_event, translate_headline


@pytest.mark.parametrize("zh,en", [
    ("尧都区", "Yaodu District"), ("成都市", "Chengdu City"), ("都匀市", "Duyun City"),
    ("丰都县", "Fengdu County"), ("都昌县", "Duchang County"), ("朝阳区", "Chaoyang District"),
    ("六合区", "Luhe District"), ("洪洞县", "Hongtong County"), ("长治市", "Changzhi City"),
])
def test_a_place_name_reads_its_polyphones_as_places_do(zh, en):
    assert romanise(zh) == en


def test_a_place_reading_stays_in_places():
    assert translate("尧都区委") == "Yaodu District Party Committee"


@pytest.mark.parametrize("zh,en", [
    ("七届委员会第九次主席会议", "9th Chairpersons' Meeting of the 7th Committee"),
    ("第36次县长办公会议", "36th County Magistrate's Office Meeting"),
    ("调度会", "Coordination meeting"),
])
def test_an_event_name_reads_as_a_name(zh, en):
    assert translate_event(zh) == en


def test_a_headline_never_says_only_that_a_meeting_was_held():
    assert translate_headline("第36次县长办公会议召开") == "36th County Magistrate's Office Meeting held"
    assert translate_event("第36次某某会议") == "Meeting (full name not translated)"
    assert translate_headline("第36次某某会议召开") is None


@pytest.mark.parametrize("zh,en", [
    ("李保生到五院新区调度项目进展情况", "Li Baosheng visits Wuyuan New Area to coordinate the progress of projects"),
    ("方正县县长董文琴检查春耕生产及森防工作",
     "Dong Wenqin (County Magistrate of Fangzheng County) inspects spring farming and forest fire prevention work"),
    ("区委书记到红星镇督查森林防火工作",
     "Secretary of the District Party Committee visits Hongxing Town to oversee forest fire prevention work"),
])
def test_an_official_goes_somewhere_to_act_on_an_object(zh, en):
    assert translate_headline(zh) == en


def test_a_coordination_meeting_is_no_visit():
    assert translate_headline("李保生到五院新区调度") is None


def test_a_promotion_meeting_said_with_huiyi_keeps_its_type():
    assert translate_event("工作推进会议") == "Work promotion meeting"
    assert translate_headline("学校召开第十二届挑战杯承办工作推进会议").startswith("The school holds a work promotion meeting")


def test_the_grass_roots_are_a_place_never_romanised_nor_a_name():
    from summarise.english.actors import _place
    assert _place("基层") == "the grass roots"
    assert "Grassroots" not in (translate("各基层党委、党总支、直属党支部负责同志") or "")


@pytest.mark.parametrize("zh,en", [
    ("县委宣讲团深入基层宣传十七大精神",
     "County Party Committee Publicity Lecture Team publicises the spirit of the 17th Party Congress in the grass roots"),
    ("县委宣讲团走进红星中学宣讲十七大精神",
     ("County Party Committee Publicity Lecture Team gives a publicity lecture on the spirit of the 17th Party Congress "
      "at Hongxing Middle School")),
    ("第一书记讲微党课", "First Secretary gives a short Party lesson"),
])
def test_a_body_goes_to_a_place_to_lecture_or_publicise(zh, en):
    assert translate_headline(zh) == en


def test_a_lecture_whose_place_has_no_english_says_the_lecture():
    assert translate_headline("县委宣讲团到某某某宣讲十七大精神") == (
        "County Party Committee Publicity Lecture Team gives a publicity lecture on the spirit of the 17th Party Congress")


def test_an_event_name_holding_a_name_keeps_its_case():
    assert translate_event("党组扩大会议") == "enlarged Leading Party Group meeting"  # "the enlarged …" mid-sentence


def test_a_coordination_and_promotion_meeting_is_named():
    assert translate_headline("尧都区召开重点项目协调推进会") == (
        "Yaodu District holds the Key Projects Coordination and Promotion Meeting")
