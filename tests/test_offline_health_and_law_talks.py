"""Health, fire-safety and legal talks and lessons held at a meeting convened for them (issue #14,
offline9) — synthetic texts: the frame words of a doctor's or a fireman's talk, a lecture's name for
a 座谈会, a bare 会议 convened for a 党课, and the posts and verbs around such lecturers' names."""
from __future__ import annotations

import pytest

from summarise.offline import extract_facts
from summarise.offline.people import find_people
from test_offline_docs import make_doc


def facts(text: str):
    return extract_facts(make_doc(text, title=""))


def lecturer(text: str) -> str | None:
    return next((p.name for p in facts(text).people if "lecturer" in p.roles), None)


@pytest.mark.parametrize("text", [
    ("近日，由某区卫生健康委指导、某医院主办的“健康进乡村”品牌第三期活动在某村举行。"
     "此次活动通过情景剧、专题科普、互动体验等多元形式，为村民送上实用的健康知识。\n"
     "医院的专家团队送上科学专业的健康指导。"),
    ("日前，某街道组织辖区商户开展活动，消防站教官为商户讲解消防知识，演示灭火器的使用方法。\n"
     "商户们纷纷表示收获很大。"),
])
def test_a_health_or_safety_talk_is_a_lecture(text: str) -> None:
    assert facts(text).kind == "policy_lecture"


@pytest.mark.parametrize("text", [
    ("4月7日，某律师事务所三名律师前往某社区，以“律师进社区”为主题开展了一场普法座谈会。\n"
     "会上，三位律师向社区党群代表赠送了普法书籍，并和与会人员进行了交流。"),
    ("5月8日，某司法所两名工作人员走进某村，开展了一场普法座谈会，以身边案例为主题讲解民法典。\n"
     "会上，工作人员向村民代表发放了宣传资料，并和与会人员进行了交流。"),
])
def test_a_gathering_named_for_its_legal_talk_is_a_lecture(text: str) -> None:
    assert facts(text).kind == "policy_lecture"


def test_a_symposium_without_a_talk_stays_a_meeting() -> None:
    text = "4月7日，某镇召开企业家座谈会。\n会上，企业家代表踊跃发言，镇长张某某作总结讲话。"
    assert facts(text).kind == "meeting_report"


@pytest.mark.parametrize("text", [
    "2019年12月27日下午，某中心党支部在一楼学术交流厅召开会议，请院党委副书记张某某同志为全体党员讲党课。\n此次党课内容丰富。",
    "3月5日，某支部召开支部党员大会，请局党组书记李某某为全体党员上专题党课。\n党员们表示深受教育。",
])
def test_a_meeting_convened_for_a_lesson_is_a_lecture(text: str) -> None:
    assert facts(text).kind == "policy_lecture"


def test_a_meeting_with_business_and_a_lesson_stays_a_meeting() -> None:
    text = ("3月5日，某支部召开会议，由支部书记王某某主持。会议研究部署了年度工作，"
            "并请局党组书记李某某为全体党员讲党课。")
    assert facts(text).kind == "meeting_report"


@pytest.mark.parametrize("text, name, title", [
    ("3月26日，常务副校(院)长郝某某带队赴某市委党校开展活动。", "郝某某", "常务副校(院)长"),
    ("邀请某消防科教站主任、某应急救援队教官马某某担任宣讲师。", "马某某", "某消防科教站主任、某应急救援队教官"),
    ("中医内科副主任医师王某强援引中医的经典理论，剖析了秋分时节的气候特征。", "王某强", "中医内科副主任医师"),
    ("某律师事务所律师高某一开场便吸引了居民的注意。", "高某", "某律师事务所律师"),
])
def test_names_after_such_posts_and_before_such_verbs(text: str, name: str, title: str) -> None:
    assert [(p.name, p.title) for p in find_people(text)] == [(name, title)]


def test_the_first_doctor_explaining_is_the_lecturer() -> None:
    text = ("近日，由某区卫生健康委指导、某医院主办的健康科普活动在某镇某村举行，为村民送上实用的健康知识。\n"
            "中医内科副主任医师王某强援引中医“天人相应”的经典理论，剖析秋分时节气候特征与人体健康的联系。\n"
            "心血管内科主任医师、科主任李某松则聚焦心血管健康，为居民详细介绍了心血管疾病的早期症状。")
    assert lecturer(text) == "王某强"


def test_a_name_the_audience_listens_to_is_a_name() -> None:
    text = "律师高某一开场便吸引了居民的注意。随后，高某为居民讲解法律知识。现场居民认真听着高某的讲解。"
    assert [p.name for p in find_people(text)] == ["高某"]


@pytest.mark.parametrize("text", ["村民王大叔说道：“有了老年学堂，我们了解健康知识方便多了。”",
                                  "居民李大婶说，讲座很实用。"])
def test_a_surname_with_a_form_of_address_is_no_name(text: str) -> None:
    assert find_people(text) == []
