"""A lecture held as a gathering (开展…专题讲座, 听党课活动, 报告会上) is a lecture, not a meeting: a
meeting needs business (a chair, 会议研究/部署/审议/听取) to outweigh a lecture frame with an
audience (issue #14, offline7) — synthetic texts."""
from __future__ import annotations

import pytest

from summarise.offline import extract_facts
from test_offline_docs import make_doc


def kind(text: str) -> str:
    return extract_facts(make_doc(text)).kind


@pytest.mark.parametrize("text", [
    # a community health talk: 开展…讲座 names the lecture, not a meeting
    ("某社区开展健康知识讲座\n4月9日下午，某社区党支部联合卫生院开展“春季防病”专题健康知识讲座，"
     "近30名居民参加。卫生院的医生为大家讲解了常见病的预防。"),
    # a school's party lesson held as an activity
    ("某小学少先队员听党课\n9月27日下午，某中心校少先队大队部开展了“学好党史”少先队员听党课学党史活动。"
     "辅导员老师向少先队员们讲述了党的奋斗历程。"),
    # a lecture team's 报告会 in a square: 报告会上 is the lecture's setting, not a meeting's speeches
    ("宣讲团走进社区\n10月28日，市宣讲团走进某社区，开展党的政策暖人心群众宣讲活动。居民们来到广场，聆听宣讲团的宣讲。\n"
     "报告会上，几位宣讲员讲述了自己工作中的亲身经历。"),
])
def test_a_lecture_held_as_a_gathering_is_a_lecture(text: str) -> None:
    assert kind(text) == "policy_lecture"


@pytest.mark.parametrize("text", [
    # the same lecture words with a meeting's business: the chair and the meeting's deployment
    ("某局召开学习会\n5月6日，某局开展专题讲座暨学习会，局长王刚主持会议。会议研究部署了下一阶段工作，"
     "专家为干部职工讲解了新政策。"),
    ("某镇开展党课活动\n6月1日，某镇开展党课活动，会上，镇党委听取了各村工作汇报，并为党员讲解政策。"),
])
def test_a_lecture_word_with_meeting_business_stays_a_meeting(text: str) -> None:
    assert kind(text) == "meeting_report"
