"""Grounding on its own: quotes located verbatim, figures checked against their quote, unsupported parts removed."""
from __future__ import annotations

import pytest

from summarise.ground.grounder import Grounder
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


# -- claims: each fact against its own evidence ----------------------------------------------------

SEED_LIKE = (
    "小榄全力冲刺“工改”年度目标任务\n"
    "8月1日,小榄镇召开2024年村镇低效工业园改造升级工作推进会。镇党委书记赵锡雄出席会议并讲话。镇党委副书记李家浩主持会议。\n"
    "会上,副镇长吴铸辉汇报进展情况。全镇拆除整理低效工业用地超5000亩。\n"
    "赵锡雄强调,要强认识。\n"
    "副镇长黄伟忠、相关部门负责人参加会议。"
)
S = Grounder(SEED_LIKE, published="2024-08-02", title="小榄全力冲刺“工改”年度目标任务")


def person(name, quote, title=None, roles=()):
    return Person(name=name, title=Bilingual(zh=title) if title else None, roles=list(roles), evidence=ev(quote))


def fields(facts):
    return {r.field for r in S.review(facts)[1]}


def test_a_person_must_be_named_in_their_own_quote():
    facts = Facts(kind="meeting_report", people=[person("李冰", "镇党委副书记李家浩主持会议", "镇党委书记", ["chair"])])
    out, rejected = S.review(facts)
    assert out.people == [] and rejected[0].field == "people[0]" and "not in their evidence" in rejected[0].reason


def test_a_title_or_role_the_article_gives_someone_else_is_dropped():
    facts = Facts(kind="meeting_report", people=[
        person("赵锡雄", "镇党委书记赵锡雄出席会议并讲话", "副镇长", ["reporter", "speaker"]),
        person("李家浩", "镇党委副书记李家浩主持会议", "镇党委副书记", ["chair"]),
    ])
    out, rejected = S.review(facts)
    assert {r.field for r in rejected} == {"people[0].title", "people[0].roles"}
    assert out.people[0].title is None and out.people[0].roles == ["speaker"]
    assert out.people[1].roles == ["chair"] and out.people[1].title.zh == "镇党委副书记"


def test_names_as_written():
    facts = Facts(kind="meeting_report", people=[person("李 家浩", "镇党委副书记李家浩主持会议"), person("赵", "赵锡雄强调"),
                                                 person("会议", "主持会议", "镇")])
    assert fields(facts) == {"people[0]", "people[1]", "people[2]"}


def test_a_point_is_credited_to_who_introduces_it():
    point = Point(text=Bilingual(zh="要强认识"), speaker="黄伟忠", evidence=ev("要强认识"))
    facts = Facts(kind="meeting_report", people=[person("黄伟忠", "副镇长黄伟忠"), person("赵锡雄", "赵锡雄强调")],
                  points=[point, point.model_copy(update={"speaker": "赵锡雄"})])
    out, rejected = S.review(facts)
    assert [r.field for r in rejected] == ["points[0].speaker"] and "赵锡雄" in rejected[0].reason
    assert [p.speaker for p in out.points] == [None, "赵锡雄"]


def test_event_fields_must_be_the_articles_words():
    facts = Facts(kind="meeting_report", event=Event(
        name=Bilingual(zh="2024年村镇低效工业园改造升级工作推进会"), place=Bilingual(zh="北京人民大会堂"),
        convened_by=Bilingual(zh="国务院"), topic=Bilingual(zh="“工改”年度目标任务")))
    out, rejected = S.review(facts)
    assert {r.field for r in rejected} == {"event.place", "event.convened_by"}
    assert out.event.name is not None and out.event.topic is not None and out.event.place is None


def test_a_figure_must_measure_what_its_sentence_says():
    figure = Figure(quote="5000亩", value=5000, unit="mu", measures=Bilingual(zh="新增就业岗位"),
                    evidence=ev("全镇拆除整理低效工业用地超5000亩"))
    out, rejected = S.review(Facts(kind="meeting_report", figures=[figure]))
    assert [r.field for r in rejected] == ["figures[0].measures"] and out.figures[0].measures is None
    assert out.figures[0].lower_bound  # 超 stands before the quote: the flag is the article's
    kept = figure.model_copy(update={"measures": Bilingual(zh="拆除整理的低效工业用地")})
    assert S.review(Facts(kind="meeting_report", figures=[kept]))[1] == []


def test_the_headline_is_the_articles():
    assert fields(Facts(kind="meeting_report", headline=Bilingual(zh="小榄全力冲刺“工改”年度目标任务"))) == set()
    assert fields(Facts(kind="meeting_report", headline=Bilingual(zh="对标顺德闯出新路"))) == {"headline"}


@pytest.mark.parametrize("zh, en", [
    ("国务院副总理王大明出席会议。", None),
    ("项目总投资达到888亿元。", None),
    ("会议在北京人民大会堂召开。", None),
    ("9月1日召开推进会。", None),
    ("小榄镇召开推进会。", "Vice Premier Wang Daming attended."),
    ("小榄镇召开推进会。", "Investment reached 88.8 billion yuan."),
])
def test_a_summary_stating_what_the_article_does_not_is_replaced(zh, en):
    facts = Facts(kind="meeting_report", summary=Bilingual(zh=zh, en=en),
                  people=[person("赵锡雄", "镇党委书记赵锡雄出席会议并讲话", "镇党委书记", ["speaker"])])
    out, rejected = S.review(facts)
    assert [r.field for r in rejected] == ["summary"]
    assert out.summary is not None and "王大明" not in out.summary.zh and "888" not in out.summary.zh
    assert S.review(out)[1] == []  # the summary composed from the grounded facts passes the same checks


def test_a_faithful_summary_is_kept():
    summary = Bilingual(zh="8月1日,小榄镇召开2024年推进会,镇党委书记赵锡雄出席并讲话,全镇拆除整理低效工业用地超5000亩。",
                        en="On 1 August 2024 Xiaolan held a meeting; Zhao Xixiong spoke. Over 5,000 mu (about 333 ha) "
                           "of inefficient industrial land was cleared.")
    facts = Facts(kind="meeting_report", summary=summary,
                  people=[person("赵锡雄", "镇党委书记赵锡雄出席会议并讲话", "镇党委书记", ["speaker"])])
    assert S.review(facts)[1] == []


def test_one_bad_field_never_costs_the_answer():
    from summarise.ground.grounder import read

    answer = {"kind": "meeting_report",
              "event": {"date": {"value": "八月一日", "evidence": {"quote": "8月1日"}}},
              "people": [{"name": "赵锡雄", "roles": ["speaker", "moderator"], "evidence": {"quote": "赵锡雄强调"}},
                         {"name": "李家浩", "title": {"zh": "镇党委副书记"}, "roles": ["chair"]}],
              "figures": [{"quote": "5000亩", "value": 5000, "unit": "acre", "evidence": {"quote": "5000亩"}}]}
    facts, rejected = read(answer, S)
    assert [p.name for p in facts.people] == ["赵锡雄"] and facts.people[0].roles == ["speaker"]
    assert facts.event.date is None and facts.figures == []
    assert {r.field for r in rejected} == {"event.date", "people[0].roles[1]", "people[1]", "figures[0]"}
    assert all(r.reason.startswith("invalid") for r in rejected)


def test_a_date_quote_with_spaces_and_a_loose_value():
    g = Grounder("2 月28 日,县里召开推进会。", published="2014-03-01")
    facts = Facts(kind="meeting_report",
                  event=Event(date=EventDate(value="2014-2-28", evidence=ev("2 月28 日"))))
    out, rejected = g.review(facts)
    assert rejected == [] and out.event.date.value == "2014-02-28"


@pytest.mark.parametrize("text, title, published, value", [
    ("标题\n2016-08-26 11:46 太行日报\n8月25日,县里召开推进会。", None, None, "2016-08-25"),
    ("7月1日,学校召开表彰大会。", "2021年度“七一”表彰大会", "2021-10-30", "2021-07-01"),
])
def test_a_year_from_the_dateline_or_the_headline_is_supported(text, title, published, value):
    g = Grounder(text, published=published, title=title)
    quote = "8月25日" if "8月25日" in text else "7月1日"
    out, rejected = g.review(Facts(kind="meeting_report", event=Event(date=EventDate(value=value, evidence=ev(quote)))))
    assert rejected == [] and out.event.date.value == value


def test_a_chronicle_day_takes_the_month_of_its_heading():
    g = Grounder("2021年7-9月大事记\n7月\n1日 开福区召开防汛工作部署会。\n6日 召开交流会。", published="2021-10-11",
                 title="2021年7-9月区政府大事记")
    out, rejected = g.review(Facts(kind="meeting_report",
                                   event=Event(date=EventDate(value="2021-07-01", evidence=ev("1日")))))
    assert rejected == [] and out.event.date.value == "2021-07-01"


def test_a_document_whose_every_quoted_fact_is_rejected_fails():
    from summarise.ground.grounder import all_rejected

    facts = Facts(kind="meeting_report", people=[person("王大明", "王大明出席会议")],
                  headline=Bilingual(zh="小榄全力冲刺“工改”年度目标任务"))
    out, rejected = S.review(facts)
    assert "every quoted fact" in all_rejected(out, rejected)
    kept = Facts(kind="meeting_report", people=[person("赵锡雄", "赵锡雄强调"), person("王大明", "王大明出席会议")])
    assert all_rejected(*S.review(kept)) is None


def test_a_place_described_in_the_articles_words_is_kept_and_an_invented_part_is_not():
    g = Grounder("会议通过视频会议形式开到各镇街分会场。有关人员在主会场参加会议。")
    for place, kept in (("视频会议（主会场及各镇街分会场）", True), ("视频会议（北京人民大会堂）", False),
                        ("北京人民大会堂", False)):
        out, rejected = g.review(Facts(kind="meeting_report", event=Event(place=Bilingual(zh=place))))
        assert (out.event.place is not None) is kept and ([r.field for r in rejected] == ["event.place"]) is not kept


def test_a_summary_may_count_what_the_article_enumerates():
    g = Grounder("陈林介绍了顺德经验。一是坚持党的领导。二是规划先行。三是走群众路线。")
    counted = Facts(kind="meeting_report", summary=Bilingual(zh="陈林从三个方面介绍了顺德经验。"))
    assert g.review(counted)[1] == []
    more = Facts(kind="meeting_report", summary=Bilingual(zh="陈林从五个方面介绍了顺德经验。"))
    assert [r.field for r in g.review(more)[1]] == ["summary"]


def test_a_summary_may_count_the_records_own_people_and_a_range():
    speakers = [person(n, n, None, ["speaker"]) for n in ("王甲一", "李乙二", "张丙三", "赵丁四", "陈戊五", "刘己六")]
    text = "会上，" + "、".join(p.name for p in speakers) + "讲话。预计年上交税收6-8亿元。"
    g = Grounder(text, published="2021-06-07")
    facts = Facts(kind="meeting_report", people=speakers, summary=Bilingual(
        zh="王甲一等6人讲话。预计年上交税收6-8亿元。",
        en="Wang Jiayi, Li Yier, Zhang Bingsan, Zhao Dingsi and 2 others spoke; tax revenue of 600–800 million yuan."))
    assert [r.field for r in g.review(facts)[1]] == []
    invented = facts.model_copy(update={"summary": Bilingual(zh="王甲一等9人讲话。", en="Nine spoke.")})
    assert [r.field for r in g.review(invented)[1]] == ["summary"]


def test_a_place_the_article_writes_is_no_invented_name_in_english():
    g = Grounder("中央宣讲团成员冷溶到香港特区政府总部宣讲。")
    place = Facts(kind="policy_lecture", summary=Bilingual(zh="冷溶到香港特区政府总部宣讲。",
                                                          en="Leng Rong lectured at the Hong Kong SAR Government."))
    assert g.review(place)[1] == []
    elsewhere = Grounder("中央宣讲团成员冷溶到澳门宣讲。")  # Hong Kong reads as the name Hong Kong (洪孔) here
    assert [r.field for r in elsewhere.review(place.model_copy(update={"summary": Bilingual(
        zh="冷溶到澳门宣讲。", en="Leng Rong lectured; Hong Kong attended.")}))[1]] == ["summary"]


def test_a_surname_character_before_a_common_word_is_no_name_in_the_summary():
    g = Grounder("社区党支部书记张丽向全体党员传达了会议精神。")
    faithful = Facts(kind="meeting_report", summary=Bilingual(zh="社区党支部书记向党员传达了会议精神。"))
    assert g.review(faithful)[1] == []  # 向 + 党员, no person 向党员
    invented = Facts(kind="meeting_report", summary=Bilingual(zh="社区党支部书记向明辉传达了会议精神。"))
    assert [r.field for r in g.review(invented)[1]] == ["summary"]
    for name in ("张国庆", "李和平", "王爱国"):  # a given name that is also a word is still a name
        named = Facts(kind="meeting_report", summary=Bilingual(zh=f"社区党支部书记{name}传达了会议精神。"))
        assert [r.field for r in g.review(named)[1]] == ["summary"], name


@pytest.mark.parametrize("kind", ["meeting_report", "policy_lecture"])
def test_an_out_of_scope_reason_outside_kind_other_is_removed_and_reported(kind):
    out, rejected = G.review(Facts(kind=kind, out_of_scope_reason="121.1212.1212.1212"))
    assert out.out_of_scope_reason is None and [r.field for r in rejected] == ["out_of_scope_reason"]
    out, rejected = G.review(Facts(kind="other", out_of_scope_reason="no meeting reported"))
    assert out.out_of_scope_reason == "no meeting reported" and rejected == []


def test_a_name_quoted_without_the_articles_abbreviation_aside_is_the_articles():
    g = Grounder("党课的题目为“《中国共产党重大事项请示报告条例》（以下简称《条例》）解读”。")
    for topic, kept in (("《中国共产党重大事项请示报告条例》解读", True),
                        ("《中国共产党重大事项请示报告条例》（以下简称《条例》）解读", True),
                        ("《中国共产党纪律处分条例》解读", False),
                        ("《中国共产党重大事项请示报告条例》（征求意见稿）解读", False)):
        out, _ = g.review(Facts(kind="policy_lecture", event=Event(topic=Bilingual(zh=topic))))
        assert (out.event.topic is not None) is kept, topic


def test_a_point_after_a_speech_is_the_speakers_not_of_whom_the_speech_speaks():
    point = Point(text=Bilingual(zh="推动工作"), speaker="戴晓君", evidence=ev("他要求广大党员干部推动各项工作"))
    people = [person("王淦", "王淦教授作了辅导"), person("戴晓君", "戴晓君在总结中指出")]
    spoken_of = ("王淦教授作了辅导。戴晓君在总结中指出，王教授用深入浅出的语言，从国际到国内对我们作了辅导。"
                 "他要求广大党员干部推动各项工作。")
    speaking = "王淦教授作了辅导。戴晓君在总结中指出，要抓好落实。王教授从国际到国内作了辅导。他要求广大党员干部推动各项工作。"
    for text, kept in ((spoken_of, True), (speaking, False)):
        out, _ = Grounder(text).review(Facts(kind="policy_lecture", people=people, points=[point]))
        assert (out.points[0].speaker == "戴晓君") is kept, text


@pytest.mark.parametrize("text", [
    "8月25日,县里召开推进会。",  # no date anywhere
    "8月25日,县里召开推进会,详见https://m.a.cn/content/2016/08/27/1.html。",  # a link in the body, not the page's
    "8月25日,县里召开推进会。\n本文链接:https://m.a.cn/content/2016/08/27/6951330.html",  # the page's own address
])
def test_a_date_in_a_link_gives_no_year(text):
    g = Grounder(text)
    out, rejected = g.review(Facts(kind="meeting_report",
                                   event=Event(date=EventDate(value="2016-08-25", evidence=ev("8月25日")))))
    assert out.event.date.value == "--08-25" and rejected


def test_a_summary_may_name_the_decade_of_a_generation():
    g = Grounder("镇上24名90后青年干部组成宣讲队。")
    said = Facts(kind="meeting_report", summary=Bilingual(zh="24名90后青年干部组成宣讲队。",
                                                         en="24 young officials born in the 1990s formed a team."))
    assert g.review(said)[1] == []
    g2 = Grounder("镇上24名青年干部组成宣讲队，90名群众到场。")  # a count of 90, no generation
    said2 = Facts(kind="meeting_report", summary=Bilingual(zh="24名青年干部组成宣讲队。",
                                                          en="24 young officials born in the 1990s formed a team."))
    assert [r.field for r in g2.review(said2)[1]] == ["summary"]
