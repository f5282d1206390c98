"""The offline extractor on forms of unseen articles (issue #14, heldout7 round): names that are
words, lectures inside village meetings, visits and award notices, chairs in more frames — synthetic
texts in the genre's forms."""
from __future__ import annotations

import pytest

from summarise.offline import extract_facts, lexicon
from summarise.offline.people import find_people
from test_offline_docs import make_doc


def facts(text: str):
    return extract_facts(make_doc(text))


def names(text: str) -> set[str]:
    return {p.name for p in find_people(text)}


# Names that are words ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, word", [
    ("会后，党委委员谈工作体会，大家反响热烈。", "谈工"),          # 谈工 + 作: the name would cut 工作
    ("主讲人李明教授向大家介绍了新修订的条例。", "向大家"),        # 向 + 大家: a very common word
    ("会议邀请区政协委员参加，王刚主任出席。", "区政协"),          # 区 + 政协: an abbreviation
    ("征集活动已经结束。党课宣讲稿要求观点鲜明。", "党课"),        # a rare common noun opening with 党
])
def test_a_common_word_after_a_surname_is_no_name(text: str, word: str) -> None:
    assert word not in names(text)


def test_word_lists_keep_names_that_look_like_words() -> None:
    # gold names whose given part is a word, or that are a place's name (江南 is ns in jieba)
    for name in ("李建国", "付和平", "刘平均", "江南"):
        assert not lexicon.given_is_word(name)
    assert not lexicon.cuts_word("李杰出席会议", 2)  # 杰出 is a word, but not a very common one
    assert lexicon.cuts_word("谈工作", 2)


def roles(text: str) -> dict[str, tuple[str | None, list[str]]]:
    return {p.name: (p.title, p.roles) for p in find_people(text)}


# Lecturers and chairs in more frames ----------------------------------------------------------------

@pytest.mark.parametrize("text, name, title", [
    ("主讲人白杨村党支部书记张明结合本村实际，带领大家学习报告。", "张明", "白杨村党支部书记"),  # a label glued to the title
    ("镇干部参加了讲座，由某某律师事务所的王强律师主讲。", "王强", "律师"),                      # a post after the name
    ("支部成员、宣讲团讲师刘芳以《乡村振兴》为题，回顾了乡村的变化。", "刘芳", "支部成员、宣讲团讲师"),  # a titled talk
    ("党支部书记张华组织村民宣讲了全会精神。", "张华", "党支部书记"),                          # 组织 + the audience
    ("党支部书记张华带领村民深入浅出宣讲全会精神。", "张华", "党支部书记"),
])
def test_lecturer_frames_of_grass_roots_lectures(text: str, name: str, title: str) -> None:
    got_title, got_roles = roles(text)[name]
    assert got_title == title and "lecturer" in got_roles


def test_a_titled_speech_at_a_meeting_is_no_lecture() -> None:
    assert "lecturer" not in roles("副县长王刚以《抓项目促发展》为题，作了交流发言。")["王刚"][1]


@pytest.mark.parametrize("text, name", [
    ("分组座谈后，市长李明又立即主持召开总结会。", "李明"),                  # two adverbs
    ("3月2日，副县长王刚以现场办公的形式主持召开周调度会。", "王刚"),        # the form of the meeting
])
def test_chair_frames_with_adverbs_and_forms(text: str, name: str) -> None:
    assert "chair" in roles(text)[name][1]


# Kinds ----------------------------------------------------------------------------------------------

def test_a_visit_with_talks_at_each_firm_is_no_meeting() -> None:
    f = facts("县委书记李明走访企业调研工业发展\n3月9日下午，县委书记李明一行走访多家重点企业，调研工业发展情况。"
              "每到一处，李明都与企业负责人深入座谈，了解企业经营状况。")
    assert f.kind == "other"


def test_a_visit_with_a_symposium_held_stays_a_meeting() -> None:
    f = facts("副市长王刚来校调研\n5月10日，副市长王刚一行来校调研。校领导参加调研。\n"
              "在调研座谈会上，校长张华汇报了学校工作。王刚指出，要抓好落实。")
    assert f.kind == "meeting_report"


def test_a_notice_of_awards_is_no_lecture() -> None:
    f = facts("我校两名教师在优秀党课评选中获奖\n近日，我校两位老师撰写的党课讲稿被市委宣传部评为优秀党课讲稿。"
              "今年3月，市委宣传部开展党课讲稿征集活动。")
    assert f.kind == "other"


def test_a_lecture_of_a_plenums_spirit_is_a_lecture() -> None:
    # 三中全会精神 is the topic of the lecture, not a meeting the village held
    f = facts("石墩河镇开展党的二十届三中全会精神宣讲活动\n近日，镇理论宣讲团走进农家院落，用地方话讲政策，村民听得懂。")
    assert f.kind == "policy_lecture"


def test_a_kicker_above_an_entrepreneurs_symposium_names_no_company() -> None:
    f = facts("倾听企业心声 共谋发展良策 全市民营企业家座谈会召开\n6月5日，全市民营企业家座谈会召开。"
              "市长王刚出席会议并讲话。")
    assert f.kind == "meeting_report"


# Figures --------------------------------------------------------------------------------------------

def _figure_quotes(text: str) -> list[str]:
    from summarise.offline.figures import find_figures
    from summarise.parse.dates import find_dates

    return [f.quote for _, f in find_figures(text, find_dates(text))]


@pytest.mark.parametrize("text", [
    "要根据乡村振兴20字方针，从产业振兴入手。",     # a formula named by its length in characters
    "学习乡村振兴战略20字总要求。",
    "重点解决二元教育体制、二元医疗体制等问题。",   # 二元: dual, not two yuan
    "要四位一体全面推进社会发展。",                 # an idiom, not four people
])
def test_formulas_and_idioms_are_no_figures(text: str) -> None:
    assert _figure_quotes(text) == []


def test_amounts_and_head_counts_in_chinese_numerals_stay_figures() -> None:
    assert _figure_quotes("每人补助二十元，四位同志作了发言，他写了500字的心得。") == ["二十元", "四位", "500字"]


# People in more forms -------------------------------------------------------------------------------

@pytest.mark.parametrize("text, name, title", [
    ("宣传委员刘伟和致富带头人杨秀霞共同宣讲。", "杨秀霞", "致富带头人"),       # a standing as a title
    ("我们村的乡贤张洪羽最近为我们讲了新政策。", "张洪羽", "乡贤"),             # 最近 after the name
    ("镇党委委员卫春妹，挂职干部杨韵，及镇相关科室负责人出席会议。", "杨韵", "挂职干部"),
    ("会后，副区长朱祖林、张世云、汪沛到杨桥镇督查工作。", "汪沛", "副区长"),  # a list ends before 到
    ("会上，陆金龙同志首先交流了学习体会。", "陆金龙", None),                  # 同志 + 交流
])
def test_people_with_standings_adverbs_and_list_ends(text: str, name: str, title: str | None) -> None:
    assert roles(text)[name][0] == title


def test_a_leaders_instructions_from_a_visit_relayed_name_no_participant() -> None:
    assert roles("会议认真贯彻落实省委书记黄坤明来莞调研指示精神，对工作作出部署。") == {}


# Event dates ----------------------------------------------------------------------------------------

def _event_date(text: str) -> str | None:
    d = facts(text).event.date
    return d.value if d else None


def test_a_papers_issue_date_is_no_event_date() -> None:
    assert _event_date("系统召开党委中心组第二次专题学习会\n学习会传达了文件精神，并就《扬州日报》4月3日《推进学习实践》"
                       "一文进行了讨论。\n会上，陆金龙同志首先交流了学习体会。") is None


def test_a_visit_at_a_town_keeps_its_date() -> None:
    assert _event_date("11月6日，市委书记李青雁在辛置镇调研走访企业和在建项目，倾听企业发展诉求。\n"
                       "市委常委、常务副市长任鹏伟参加调研。") == "--11-06"


# Page chrome ----------------------------------------------------------------------------------------

def test_a_button_text_is_no_headline() -> None:
    assert facts("close\n本报讯 昨日，我市召开第5次民营企业座谈会。市长王刚主持会议。").headline is None


def test_a_bullet_is_no_part_of_the_headline() -> None:
    headline = facts("●宣讲\n近日，在职工驿站，党支部书记李明为职工宣讲了劳模精神。").headline
    assert headline is not None and headline.zh == "宣讲"


def test_a_lead_label_is_no_part_of_the_convening_sentence() -> None:
    ev = facts("镇召开乡村振兴推进会\n摘要：4月22日，某镇召开乡村振兴推进会。镇长王刚主持会议。").event.evidence
    assert ev is not None and not ev.quote.startswith("摘要")
