"""Names whose surname is real but missing from the lists (寻庆敏, 蒿慧杰), read where the article writes
them in a name slot, and a title written after a list closed by 等; each beside a near miss."""
from __future__ import annotations

import pytest

from summarise.ground.claims import Article, in_name_slot
from summarise.ground.grounder import Grounder
from summarise.schemas import Bilingual, Evidence, Facts, Person

OWNERS = "座谈会上，周奉功、寻庆敏等企业家代表对一年来镇党委政府工作给予认可。"
LUOHE = "近日，漯河市委副书记蒿慧杰、副市长周新鹤代表市委、市政府，公开约谈两单位。蒿慧杰对两单位提出了整改要求。"


def _review(text: str, *people: tuple[str, str | None, str]) -> tuple[list[Person], list[str]]:
    facts = Facts(kind="meeting_report", people=[
        Person(name=name, title=Bilingual(zh=title) if title else None, evidence=Evidence(quote=quote))
        for name, title, quote in people])
    out, rejected = Grounder(text).review(facts)
    return out.people, [f"{r.field}: {r.reason}" for r in rejected]


def test_a_rare_surname_listed_with_a_known_one_reads_as_a_name_and_shares_the_title_before_deng():
    quote = "周奉功、寻庆敏等企业家代表对一年来镇党委政府工作给予认可"
    people, reasons = _review(OWNERS, ("周奉功", "企业家代表", quote), ("寻庆敏", "企业家代表", quote))
    assert reasons == []
    assert [(p.name, p.title and p.title.zh) for p in people] == [("周奉功", "企业家代表"), ("寻庆敏", "企业家代表")]


def test_a_rare_surname_right_after_a_post_reads_as_a_name():
    people, reasons = _review(LUOHE, ("蒿慧杰", "漯河市委副书记", "蒿慧杰对两单位提出了整改要求"))
    assert reasons == [] and [p.name for p in people] == ["蒿慧杰"]


@pytest.mark.parametrize("text, name, known", [
    (LUOHE, "慧杰", ()),  # a title before someone else's name: 副书记 stands before 蒿, not 慧杰
    (LUOHE.replace("副书记蒿慧杰、", "副书记蒿慧杰同志、"), "蒿慧", ()),  # the slot does not close after it
    ("座谈会上，企业家、寻庆敏等代表发言。", "寻庆敏", ("周奉功",)),  # listed next to no name
    ("座谈会上，周奉功、寻庆敏村等代表发言。", "寻庆敏", ("周奉功",)),  # a word goes on after it
    ("镇长办公室、会议室。", "办公室", ()),  # a room after a post, not a name
    (OWNERS, "寻庆敏", ()),  # its neighbour is no name the answer gives
])
def test_near_misses_of_a_name_slot_are_no_name(text, name, known):
    assert not in_name_slot(text, name, known)


def test_a_rare_surname_in_no_name_slot_is_refused():
    text = "座谈会上，企业家、寻庆敏等代表对工作给予认可。"
    people, reasons = _review(text, ("寻庆敏", None, "企业家、寻庆敏等代表对工作给予认可"))
    assert people == [] and any("no Chinese surname" in r for r in reasons)


@pytest.mark.parametrize("text", [
    "座谈会上，镇长周奉功和寻庆敏等企业家代表座谈。",  # 和 may join another group: the title is 寻庆敏's
    "座谈会上，周奉功出席，寻庆敏等企业家代表对工作给予认可。",  # a cue ends 周奉功's words
])
def test_a_title_after_deng_is_not_of_a_name_outside_the_list(text):
    article = Article(text, ("周奉功", "寻庆敏"))
    assert not article.titled("周奉功", "企业家代表")
    assert article.titled("寻庆敏", "企业家代表")


THANKS = ("座谈会上,吴明哲对企业家们?yōu)殍细捩?zhèn)经济发展、解决就业所做出的积极贡献表示感谢,他指出,"
          "政府在为企业服务上仍存在不足和短板。")


def test_a_question_mark_the_page_lost_in_transcoding_does_not_end_the_clause():
    assert "speaker" in Article(THANKS, ("吴明哲",)).roles("吴明哲")


@pytest.mark.parametrize("text", [
    THANKS.replace("?yōu", "?有"),  # a question mark before Chinese ends the clause
    THANKS.replace("吴明哲对", "吴明哲未到会。王建国对").replace("他指出", "并说"),  # the thanks of someone else
])
def test_thanks_after_a_clause_ends_or_by_someone_else_are_not_his(text):
    assert "speaker" not in Article(text, ("吴明哲", "王建国")).roles("吴明哲")


HEALTH = ("“医声开讲”健康科普品牌活动在远景村举行。\n罗店医院的专家团队围绕村民们普遍关注的养生、防病需求，送上科学专业的健康指导。\n"
          "中医内科副主任医师王高强援引中医“天人相应”的经典理论，剖析秋分时节气候特征与人体健康的微妙联系。\n"
          "心血管内科主任医师、科主任李岩松则聚焦心血管健康，为居民详细介绍了心血管疾病的早期症状和应急处理方法。\n")


@pytest.mark.parametrize("name", ["王高强", "李岩松"])
def test_a_doctor_explaining_in_their_own_sentence_at_a_health_talk_lectures(name):
    article = Article(HEALTH, ("王高强", "李岩松"))
    assert "lecturer" in article.roles(name) and article.roles(name, ["lecturer"]) == {"lecturer"}


NO_TALK = HEALTH.replace("健康科普品牌活动", "文艺汇演").replace("送上科学专业的健康指导", "到场")


@pytest.mark.parametrize("text, name", [
    (NO_TALK, "王高强"),  # no talk framed: the 剖析 is not a lecture's
    (HEALTH.replace("中医内科副主任医师王高强援引", "（图为中医内科副主任医师王高强）村医援引"), "王高强"),  # a caption
    (HEALTH.replace("心血管内科主任医师、科主任李岩松则聚焦", "村主任陪同心血管内科主任医师李岩松到场，王高强则聚焦"),
     "李岩松"),  # another opens the sentence that explains
])
def test_near_misses_of_a_doctor_at_a_health_talk_are_no_lecturer(text, name):
    assert text != HEALTH
    assert "lecturer" not in Article(text, ("王高强", "李岩松")).roles(name, ["lecturer"])
    assert "lecturer" not in Article(text, ("王高强", "李岩松")).roles(name)


DOUBLED = "市长何洪涛主持会议,,钱先斌,、王汉丰,、吴宏潮、曹建国,、辛官朝等市领导出席会议,。"


@pytest.mark.parametrize("name", ["钱先斌", "王汉丰", "吴宏潮", "曹建国", "辛官朝"])
def test_a_title_after_deng_is_each_members_when_the_page_doubles_the_separators(name):
    assert Article(DOUBLED, ("钱先斌", "王汉丰", "吴宏潮", "曹建国", "辛官朝")).titled(name, "市领导")


def test_doubled_separators_do_not_join_a_name_outside_the_list():
    text = DOUBLED.replace("钱先斌,、王汉丰", "钱先斌,,王汉丰")  # a comma alone ends 钱先斌's words
    article = Article(text, ("钱先斌", "王汉丰", "吴宏潮", "曹建国", "辛官朝"))
    assert not article.titled("钱先斌", "市领导")
    assert article.titled("王汉丰", "市领导")
