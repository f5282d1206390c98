"""People read more widely (issue #14, offline8) — synthetic texts: a surname with a form of address
(梁老师, 李大爷) is no full name; a name after an age (今年54岁的杨某某说); a judge's or a policeman's
standing as a title; a doctor who addresses the audience at a lecture (为大家介绍) is its lecturer;
a lead opened by a news dateline is no headline."""
from __future__ import annotations

import pytest

from summarise.offline import extract_facts
from summarise.offline.people import find_people
from test_offline_docs import make_doc


def names(text: str) -> list[str]:
    return [p.name for p in find_people(text)]


@pytest.mark.parametrize("text, word", [
    ("少先大队辅导员梁老师从四个方面回顾党的奋斗历程。", "梁老师"),
    ("村民李大爷拿着宣讲资料说：“听得懂、用得上。”", "李大爷"),
    ("社区工作人员徐阿姨介绍了接种流程。", "徐阿姨"),
])
def test_a_surname_with_a_form_of_address_is_no_name(text: str, word: str) -> None:
    assert word not in names(text)


@pytest.mark.parametrize("text, name", [
    ("听著大喇叭传来的政策，今年54岁的杨贵良说，他对搞好农业生产更有信心了。", "杨贵良"),
    ("已经八十岁的王秀英感慨地说：“日子越过越好。”", "王秀英"),
])
def test_a_name_after_an_age(text: str, name: str) -> None:
    assert name in names(text)


@pytest.mark.parametrize("text, name, title", [
    ("报告会上，蓝田县基层民警闫婕讲述了自己工作中的经历。", "闫婕", "蓝田县基层民警"),
    ("区法院速裁庭法官周磊为同学们讲解了法律知识。", "周磊", "区法院速裁庭法官"),
])
def test_a_judges_or_a_policemans_standing_is_a_title(text: str, name: str, title: str) -> None:
    found = {p.name: p.title for p in find_people(text)}
    assert found.get(name) == title


@pytest.mark.parametrize("text, name", [
    (("某社区开展健康知识讲座\n4月9日下午，某社区联合卫生院开展专题健康知识讲座，近30名居民参加。\n"
     "卫生院的林小群医生用PPT简单清晰地为大家介绍几种春季常见多发病。"), "林小群"),
    ("某村开展普法讲座\n5月6日，某村开展普法讲座。\n司法所所长张建国向村民们讲了身边的法律案例。", "张建国"),
])
def test_someone_addressing_the_audience_at_a_lecture_gives_it(text: str, name: str) -> None:
    facts = extract_facts(make_doc(text))
    assert facts.kind == "policy_lecture"
    assert [p.name for p in facts.people if "lecturer" in p.roles] == [name]


def test_addressing_the_audience_at_a_meeting_gives_no_lecture() -> None:
    text = "某县召开工作会议\n5月6日，某县召开工作会议，县长王某主持会议。副县长李某某为大家介绍了工作进展。"
    facts = extract_facts(make_doc(text))
    assert facts.kind == "meeting_report" and not any("lecturer" in p.roles for p in facts.people)


@pytest.mark.parametrize("first", [
    "今日竹山网消息 7月23日,我县召开民营经济代表谈心交流会。县委常委、统战部长杨金銮出席会议",
    "江门日报讯(记者 张某)4月9日下午，某社区召开居民代表座谈会，社区书记李某某主持会议",
])
def test_a_lead_opened_by_a_news_dateline_is_no_headline(first: str) -> None:
    facts = extract_facts(make_doc(first + "\n会议强调，要抓好落实。", title=first))
    assert facts.headline is None
    assert facts.event.date is not None


@pytest.mark.parametrize("first", ["喜讯：我县获评全国文明城市", "好消息！某某高速今日通车"])
def test_a_headline_with_news_words_stays_a_headline(first: str) -> None:
    facts = extract_facts(make_doc(first + "\n5月6日，某县召开工作会议。", title=first))
    assert facts.headline is not None


@pytest.mark.parametrize("text, name", [
    # the name opens a list elsewhere (选举出肖某某、赵某某…): no noun it ends
    ("联系院领导肖政辉院长参加会议并讲党课。会议投票选举出肖政辉、赵向荣、李志辉等20位同志为党员代表。", "肖政辉"),
    ("副县长王立新出席会议。会议推选王立新、张国华、李建军为代表。", "王立新"),
])
def test_a_name_opening_a_list_is_no_word(text: str, name: str) -> None:
    assert name in names(text)


@pytest.mark.parametrize("text", [
    "会议由韩云同志传达学习王伟中省长在横琴粤澳深度合作区、珠海市调研精神及市领导同志批示精神。",
    "会议传达学习了省委书记李明在某市调研时的讲话精神。",
])
def test_a_visits_spirit_relayed_names_no_one_present(text: str) -> None:
    assert not any(n in names(text) for n in ("王伟中", "李明"))
