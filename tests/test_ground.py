"""Grounding on its own: quotes located verbatim, figures checked against their quote, unsupported parts removed."""
from __future__ import annotations

from summarise.ground import Grounder
from summarise.schemas import Bilingual, Event, EventDate, Evidence, Facts, Figure, Person, Point

TEXT = "8月1日,小榄镇召开推进会。镇党委书记赵锡雄出席会议并讲话。全镇拆除整理低效工业用地超5000亩,预计投资总额达到92.4亿元。"
G = Grounder(TEXT, published="2024-08-02")


def ev(quote: str) -> Evidence:
    return Evidence(quote=quote)


def test_locate_exact_and_modulo_punctuation_width_and_space():
    assert G.locate("赵锡雄") == (TEXT.index("赵锡雄"), TEXT.index("赵锡雄") + 3)
    start, end = G.locate("8月1日，小榄镇 召开")  # full-width comma and a space: still the same text
    assert TEXT[start:end] == "8月1日,小榄镇召开"
    assert G.locate("赵锡雄主持会议") is None
    assert G.locate("") is None


def test_grounded_facts_get_spans_and_the_articles_own_characters():
    facts = Facts(kind="meeting_report", people=[Person(name="赵锡雄", evidence=ev("镇党委书记赵锡雄出席会议"))])
    out, rejected = G.review(facts)
    assert rejected == []
    p = out.people[0].evidence
    assert TEXT[p.start:p.end] == p.quote
    facts = Facts(kind="meeting_report", points=[Point(text=Bilingual(zh="x"), evidence=ev("8月1日，小榄镇召开推进会。"))])
    out, _ = G.review(facts)
    assert out.points[0].evidence.quote == "8月1日,小榄镇召开推进会。"


def test_people_who_do_not_occur_are_rejected_and_titles_not_in_the_text_dropped():
    facts = Facts(kind="meeting_report", people=[
        Person(name="王大明", evidence=ev("王大明出席会议")),
        Person(name="赵锡雄", title=Bilingual(zh="市长"), evidence=ev("赵锡雄出席会议")),
    ])
    out, rejected = G.review(facts)
    assert [p.name for p in out.people] == ["赵锡雄"] and out.people[0].title is None
    assert {r.field for r in rejected} == {"people[0]", "people[1].title"}


def test_figures_must_equal_their_quote():
    facts = Facts(kind="meeting_report", figures=[
        Figure(quote="92.4亿元", value=9.24e9, unit="CNY", evidence=ev("预计投资总额达到92.4亿元")),
        Figure(quote="5000亩", value=500, unit="mu", evidence=ev("超5000亩")),
        Figure(quote="5000亩", value=5000, unit="ha", evidence=ev("超5000亩")),
        Figure(quote="121宗", value=121, unit="count", evidence=ev("121宗")),
        Figure(quote="92.4亿元", value=9.24e9, unit="CNY", evidence=ev("拆除整理低效工业用地")),
    ])
    out, rejected = G.review(facts)
    assert [f.quote for f in out.figures] == ["92.4亿元"]
    reasons = [r.reason for r in rejected]
    assert "the answer says 500 mu" in reasons[0] and "the answer says 5000 ha" in reasons[1]
    assert "does not occur" in reasons[2] and "not inside its evidence" in reasons[3]


def test_a_year_the_text_does_not_support_is_corrected_and_reported():
    g = Grounder(TEXT, published="2024-09-27")  # 8月1日 is 57 days before: outside the window
    facts = Facts(kind="meeting_report", event=Event(date=EventDate(value="2024-08-01", evidence=ev("8月1日"))))
    out, rejected = g.review(facts)
    assert out.event.date.value == "--08-01" and out.event.date.year_basis == "open"
    assert rejected[0].field == "event.date" and "2024-08-01" in rejected[0].value


def test_ungrounded_event_evidence_is_reported_with_what_was_said():
    facts = Facts(kind="meeting_report", event=Event(evidence=ev("市政府召开常务会议")))
    out, rejected = G.review(facts)
    assert out.event.evidence is None
    assert "市政府召开常务会议" in rejected[0].value


def test_problems_lists_every_reason_for_a_reask():
    facts = Facts(kind="meeting_report", people=[Person(name="王大明", evidence=ev("王大明出席会议"))],
                  points=[Point(text=Bilingual(zh="x"), speaker="李四", evidence=ev("镇党委书记赵锡雄出席会议并讲话"))])
    problems = G.problems(facts)
    assert any("王大明" in p for p in problems) and any("李四" in p for p in problems)
