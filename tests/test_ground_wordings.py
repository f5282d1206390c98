"""Wordings of real reports that state a role, a figure's unit or a list, each beside a near miss that
does not: roles by cues after 感慨道, 带来了一堂…课, 讲述 and 教他们 (not 出席报告会), lists that lost their commas before 分别, long
lists closed by 出席会议, 户 counting businesses, and what a re-ask says of a reworded quote."""
from __future__ import annotations

import pytest

from summarise.ground.claims import Article
from summarise.ground.grounder import Grounder
from summarise.schemas import Evidence, Facts, Figure, Person

TEAM = ("报告会上，来自中铁一局社区主任吴永乐、蓝田县基层民警闫婕、临潼区乡村邮递员舒文艺以及长安区文明引导员茹建科"
        "通过讲述自己工作中的亲身经历，用平实质朴的语言将《社区圆我和乐梦》等故事娓娓道来。")


@pytest.mark.parametrize("text, name, role", [
    ("“要讲好政策。”联村领导梁新周感慨道。", "梁新周", "speaker"),
    ("“要讲好政策。”镇长王建国说道。", "王建国", "speaker"),
    ("副县长张运强莅临学校，为师生们带来了一堂别开生面的思政大课堂。", "张运强", "lecturer"),
    ("教授李明为党员带来一场精彩的专题讲座。", "李明", "lecturer"),
    ("讲师喻文婷以《调查研究》为题作了讲述。在宣讲中喻文婷讲师结合社区实际分析了问题。", "喻文婷", "lecturer"),
    ("副主委程利仲作了工作报告。他回顾了去年的工作，肯定了成绩和经验，指出了不足和差距。", "程利仲", "speaker"),
    (TEAM, "吴永乐", "lecturer"),  # a list sharing 通过讲述 in its clause
    (TEAM, "茹建科", "lecturer"),
    ("退休老党员王运田正在带领社区小朋友们一起重温党的光辉事迹，教他们认识党旗。", "王运田", "lecturer"),
    ("辅导员梁老师回顾党的奋斗历程。她从党的诞生开始，向少先队员们娓娓道来，深入浅出地讲述了党的历史。", "梁老师", "lecturer"),
])
def test_roles_stated_in_these_wordings_are_read(text, name, role):
    assert role in Article(text, (name,)).roles(name)


@pytest.mark.parametrize("text, name, role", [
    ("“要讲好政策。”联村领导梁新周也在场，王建国感慨道。", "梁新周", "speaker"),  # another's 感慨道
    ("副县长张运强莅临学校。学校为师生们带来了一堂思政大课堂。", "张运强", "lecturer"),  # the school brought it
    ("在宣讲结束后，喻文婷讲师结合社区实际分析了问题。", "喻文婷", "lecturer"),  # after the talk, not in it
    ("副主委程利仲作了工作报告。会议回顾了去年的工作，指出了不足和差距。", "程利仲", "speaker"),  # not 他
    ("县委副书记程利仲出席报告会。", "程利仲", "lecturer"),  # the occasion, not a talk
    ("县委副书记程利仲出席专题报告会。", "程利仲", "reporter"),
    ("报告会上，县委副书记程利仲出席，社区主任王建国讲述了自己的经历。", "程利仲", "lecturer"),  # another's 讲述
    ("退休老党员梁新周也在场，王建国正在带领小朋友们重温党的光辉事迹，教他们认识党旗。", "梁新周", "lecturer"),
    ("辅导员梁新周出席。王建国向少先队员们娓娓道来，讲述了党的历史。", "梁新周", "lecturer"),  # not 她
])
def test_near_misses_of_those_wordings_state_no_role(text, name, role):
    assert role not in Article(text, (name, "王建国")).roles(name)


def test_a_cue_after_a_list_is_not_of_a_name_before_the_list():
    team = ("吴永乐", "闫婕", "舒文艺", "茹建科")
    assert all("lecturer" in Article(TEAM, team).roles(n) for n in team)
    text = TEAM.replace("来自中铁一局社区主任吴永乐、", "县委副书记程利仲出席，")
    article = Article(text, ("程利仲", *team[1:]))
    assert "lecturer" not in article.roles("程利仲") and "lecturer" in article.roles("闫婕")


def test_names_run_together_share_the_cue_after_fen_bie():
    text = "交通部劳模、金桥集团员工应伟文浙江工匠梁增标区红领英才、金桥党支部书记张永利分别就学习宣传贯彻党的二十大精神,结合工作谈了体会。"
    article = Article(text, ("应伟文", "梁增标", "张永利"))
    assert all("speaker" in article.roles(n) for n in ("应伟文", "梁增标", "张永利"))
    # without 分别 the run is no list: the cue is the last person's
    alone = Article(text.replace("分别", ""), ("应伟文", "梁增标", "张永利"))
    assert "speaker" not in alone.roles("应伟文") and "speaker" in alone.roles("张永利")
    # a cue of its own between the names ends the run
    other = Article(text.replace("应伟文浙江工匠", "应伟文主持，浙江工匠"), ("应伟文", "梁增标", "张永利"))
    assert "speaker" not in other.roles("应伟文")


LONG_LIST = ("区政协副主席邵惠娟，区政协副秘书长、社会和法制委员会、文化文史和学习委员会、委员联工作委员会主任吴益红，"
             "区规资局、区农业农村委、区乡村振兴办、区投促办有关领导，区政协委员四团镇联络组成员，"
             "镇党委副书记、镇长张宏，镇党委副书记胡红兵，及镇相关科室、部分村居负责人{end}。")


def test_a_long_list_closed_by_attendance_attends():
    article = Article(LONG_LIST.format(end="出席会议"), ("邵惠娟", "吴益红", "张宏", "胡红兵"))
    assert all("attendee" in article.roles(n) for n in ("邵惠娟", "吴益红", "张宏", "胡红兵"))


@pytest.mark.parametrize("end", ["未出席会议", "出席会议并讲话", "分别作了发言"])
def test_a_long_list_closed_otherwise_states_no_attendance_for_its_head(end):
    article = Article(LONG_LIST.format(end=end), ("邵惠娟", "吴益红", "张宏", "胡红兵"))
    assert "attendee" not in article.roles("吴益红")


@pytest.mark.parametrize("text", ["镇长张宏未出席会议。", "镇长张宏没有参加会议。", "镇长张宏因公不参加会议。"])
def test_attendance_denied_is_no_attendance(text):
    assert "attendee" not in Article(text, ("张宏",)).roles("张宏")


def _figure(text: str, quote: str, unit: str) -> tuple[list[Figure], list[str]]:
    fig = Figure(quote=quote, value=9, unit=unit, evidence=Evidence(quote=text.rstrip("。")))
    out, rejected = Grounder(text).review(Facts(kind="meeting_report", figures=[fig]))
    return out.figures, [r.reason for r in rejected]


def test_hu_counting_businesses_is_a_count():
    figures, _ = _figure("约谈了吉阳工业集团等9户民爆、食品、建材行业重大危险源企业。", "9户", "count")
    assert [f.unit for f in figures] == ["count"]


@pytest.mark.parametrize("text", ["走访了9户困难群众。", "走访了9户，企业负责人陪同。", "慰问了9户家庭。"])
def test_hu_counting_households_is_no_count(text):
    figures, reasons = _figure(text, "9户", "count")
    assert figures == [] and "household" in reasons[0]
    assert _figure(text, "9户", "household")[0]


def test_a_reworded_quote_is_refused_and_the_reason_shows_where():
    text = "伊南工业园区各企业工会代表共21人到伊犁天山参加此次活动。"
    person = Person(name="霍淑红", evidence=Evidence(quote="共21人到伊犁天山加入此次活动"))
    _, rejected = Grounder(text).review(Facts(kind="meeting_report", people=[person]))
    (reason,) = [r.reason for r in rejected]
    assert "does not occur" in reason and "参加此次" in reason and "加入此次" in reason and "character" in reason
    person = Person(name="霍淑红", evidence=Evidence(quote="霍淑红同志加入"))
    _, rejected = Grounder(text).review(Facts(kind="meeting_report", people=[person]))
    assert "copy it character for character" in rejected[0].reason


QUOTED = "镇党委书记李文彬主持。\n“我要为村民讲好全会精神，所以自己必须先学深学透，还要结合本镇实际来讲。”{who}感慨道。"


def _quoted_speaker(text: str, speaker: str) -> str | None:
    from summarise.schemas import Bilingual, Point
    point = Point(text=Bilingual(zh="先学深学透"), speaker=speaker, evidence=Evidence(quote="自己必须先学深学透，还要结合本镇实际来讲"))
    people = [Person(name=n, evidence=Evidence(quote=n)) for n in ("李文彬", "梁新周") if n in text]
    out, _ = Grounder(text).review(Facts(kind="meeting_report", people=people, points=[point]))
    return out.points[0].speaker


def test_words_in_quotation_marks_are_said_by_the_person_named_after_them():
    assert _quoted_speaker(QUOTED.format(who="联村领导梁新周"), "梁新周") == "梁新周"


@pytest.mark.parametrize("who", ["联村领导梁新周听后，李文彬", "群众纷纷", "联村领导梁新周看着村民，大家"])
def test_words_in_quotation_marks_said_by_someone_else_are_not_the_answers_speakers(who):
    assert _quoted_speaker(QUOTED.format(who=who), "梁新周") is None


ELDER = ("党龄52年的退休老党员王运田正在带领小朋友们重温党的光辉事迹。\n随后，老党员还讲了党旗的意义："
         "“同学们，希望大家传承红色基因，好好学习。”王老语重心长地说。")


def _elder_speaker(text: str) -> str | None:
    from summarise.schemas import Bilingual, Point
    point = Point(text=Bilingual(zh="传承红色基因"), speaker="王运田", evidence=Evidence(quote="希望大家传承红色基因，好好学习"))
    people = [Person(name="王运田", evidence=Evidence(quote="王运田"))]
    out, _ = Grounder(text).review(Facts(kind="meeting_report", people=people, points=[point]))
    return out.points[0].speaker


def test_an_elder_called_by_surname_and_lao_says_the_words_quoted_before():
    assert _elder_speaker(ELDER) == "王运田"


@pytest.mark.parametrize("old, new", [
    ("王老语", "王老师语"),  # 王老师 is a teacher, not the elder
    ("退休老党员王运田", "社区书记王运田"),  # the article does not call him old
    ("随后，", "社区主任王建国在场，随后，"),  # another 王 is named
])
def test_lao_after_a_surname_is_no_one_the_article_does_not_tie_it_to(old, new):
    assert _elder_speaker(ELDER.replace(old, new)) is None


def _people(text: str, quote: str, value: int) -> tuple[list[Figure], list[str]]:
    fig = Figure(quote=quote, value=value, unit="person", evidence=Evidence(quote=text.rstrip("。")))
    out, rejected = Grounder(text).review(Facts(kind="meeting_report", figures=[fig]))
    return out.figures, [r.reason for r in rejected]


@pytest.mark.parametrize("text, quote, value", [
    ("从各村赶来的1000多农民听了宣讲。", "1000多", 1000), ("社区300多居民到场。", "300多", 300),
    ("二百多村民参加。", "二百多", 200)])
def test_a_number_before_farmers_or_villagers_counts_people(text, quote, value):
    figures, _ = _people(text, quote, value)
    assert [f.unit for f in figures] == ["person"]


@pytest.mark.parametrize("text", ["全镇1000多村民小组完成换届。", "全县1000多农民专业合作社。"])
def test_a_number_before_villager_groups_counts_no_people(text):
    figures, reasons = _people(text, "1000多", 1000)
    assert figures == [] and reasons


@pytest.mark.parametrize("text, quote, value", [
    ("渔船上又挤上了两个渔民。", "两个", 2), ("13个村书记就本村产业如何发展谈想法。", "13个", 13),
    ("感谢全县干部以及83万汉寿人民的支持。", "83万", 830000)])
def test_a_count_before_fishermen_secretaries_or_a_people_counts_persons(text, quote, value):
    figures, _ = _people(text, quote, value)
    assert [(f.unit, f.value) for f in figures] == [("person", value)]


@pytest.mark.parametrize("text, quote, value", [
    ("渔港里停着两个渔船码头。", "两个", 2), ("13个村委会完成换届。", "13个", 13),
    ("全县种植83万亩水稻。", "83万", 830000), ("感谢83万汉寿人民的支持。", "83万", 83)])
def test_a_count_of_things_or_a_misread_multiplier_is_no_persons(text, quote, value):
    figures, reasons = _people(text, quote, value)
    assert figures == [] and reasons


INVITED = ("社区党总支邀请老兵第一小区党支部书记李爱民、老兵第三小区党支部书记宋慎堂、老兵第三小区党支部委员王俊福"
           "为居民讲保家卫国的感人故事。")


@pytest.mark.parametrize("name", ["李爱民", "宋慎堂", "王俊福"])
def test_an_invitation_opening_a_list_makes_each_listed_name_a_lecturer(name):
    assert "lecturer" in Article(INVITED, ("李爱民", "宋慎堂", "王俊福")).roles(name)


@pytest.mark.parametrize("text", [
    INVITED.replace("、老兵第三小区党支部委员王俊福为居民讲保家卫国的感人故事",
                    "为居民讲保家卫国的感人故事。老兵第三小区党支部委员王俊福主持"),  # a sentence after the list
    INVITED.replace("、老兵第三小区党支部委员王俊福", "出席活动，老兵第三小区党支部委员王俊福也到场，"),  # a cue ends it
])
def test_a_name_outside_the_invited_list_is_no_lecturer(text):
    assert "lecturer" not in Article(text, ("李爱民", "宋慎堂", "王俊福")).roles("王俊福")


@pytest.mark.parametrize("text", [
    "会前学法环节，公司党委副书记王玮带领与会人员学习了公司党委《实施方案》。",
    "党委副书记王玮带领全体党员集中学习《中国共产党章程》。",
])
def test_leading_the_meeting_in_reading_a_document_is_a_reading_out(text):
    assert "reporter" in Article(text, ("王玮",)).roles("王玮")


@pytest.mark.parametrize("text", [
    "党委副书记王玮带领调研组学习考察先进经验。",  # a study trip, not a reading
    "党委副书记王玮带领全体党员加强学习，提高本领。",  # an exhortation
    "党委副书记王玮出席。会上，书记带领与会人员学习了《实施方案》。",  # another sentence
])
def test_leading_others_elsewhere_or_on_a_trip_is_no_reading_out(text):
    assert "reporter" not in Article(text, ("王玮",)).roles("王玮")
