"""A notice convening a session (现将有关事项通知如下 … 特此通知) reports no meeting held, whatever its
headline (issue #14, offline7) — synthetic texts."""
from __future__ import annotations

from summarise.offline import extract_facts
from test_offline_docs import make_doc


def test_a_notice_convening_a_session_is_other() -> None:
    text = ("某市政协全体会议通知\n各镇政协工作联络组、各位委员：\n"
            "经市政协常委会议研究决定，政协某市委员会第二次会议于2008年1月14日至17日在市区举行，会期四天。"
            "现将有关事项通知如下：\n一、出席会议人员：全体委员。\n二、请于1月14日下午到宾馆报到。\n特此通知\n某市政协")
    facts = extract_facts(make_doc(text))
    assert facts.kind == "other"


def test_a_meeting_report_with_the_same_session_is_a_meeting() -> None:
    text = ("某市政协全体会议开幕\n1月14日，政协某市委员会第二次会议在市区开幕。市政协主席王刚主持会议，"
            "全体委员出席会议。会议听取了常委会工作报告。")
    assert extract_facts(make_doc(text)).kind == "meeting_report"
