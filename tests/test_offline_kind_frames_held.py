"""Kind where the lead's meeting words are not a meeting held, or a meeting held has no convening verb
(issue #14, offline9) — synthetic texts: a campaign's means (通过召开座谈会), a summons (公开约谈), a
company's lecture by an invited instructor."""
from __future__ import annotations

import pytest

from summarise.offline import extract_facts
from test_offline_docs import make_doc


def kind(text: str, title: str | None = None) -> str:
    return extract_facts(make_doc(text, title=title)).kind


@pytest.mark.parametrize("text", [
    ("在某县某镇某村的宣讲现场，镇党委委员王某某日前用通俗易懂的语言，宣讲党的二十届三中全会精神。\n"
     "连日来，某镇领导班子成员深入各村，开展系列宣讲活动。\n"
     "宣讲活动每到一处，班子成员都与党员群众面对面交流，通过召开座谈会、进村入户走访等多种形式，解读全会精神。"),
    ("某街道的宣讲现场，街道党工委委员李某向居民宣讲了党的政策。\n"
     "宣讲中，工作人员通过举行座谈会、发放资料等形式，把政策送到居民身边。"),
])
def test_a_meeting_named_as_a_means_is_not_the_event(text: str) -> None:
    assert kind(text, title="") == "policy_lecture"


@pytest.mark.parametrize("text", [
    ("近日，某市委副书记张某某、副市长王某某代表市委、市政府，公开约谈全市扬尘治理督导评比中倒数第一的两个单位。\n"
     "约谈会首先反馈了存在的主要问题，听取了整改情况的汇报。王某某要求，要认真整改。"),
    ("日前，某县环保局集体约谈了检查中发现问题的五家企业负责人。\n企业负责人作了表态发言。"),
])
def test_a_summons_is_a_meeting(text: str) -> None:
    assert kind(text, title="") == "meeting_report"


def test_an_inspection_without_a_summons_stays_other() -> None:
    text = "近日，某市副市长张某某带队督导检查扬尘治理工作，先后察看了三个工地。\n张某某要求，要认真整改。"
    assert kind(text, title="") == "other"


@pytest.mark.parametrize("text", [
    ("11月10日下午，某某能源集团有限公司举办消防知识宣传讲座，邀请某消防科教站主任张某某担任宣讲师。"
     "讲座从四个方面介绍了火灾的起因和逃生技能。"),
    ("3月5日，某建设股份有限公司举行安全生产专题讲座，特邀市应急管理局专家李某某为员工授课。"),
])
def test_a_companys_lecture_is_a_lecture(text: str) -> None:
    assert kind(text, title="") == "policy_lecture"


def test_a_companys_own_meeting_stays_other() -> None:
    text = "3月5日，某建设股份有限公司召开安全生产工作会议，总经理张某某主持会议并讲话。"
    assert kind(text, title="") == "other"
