"""The offline extractor on wordings its rules were not written from: lecture frames with a day part,
a bracketed date, a remit or a long setting; names before 来; kinds of company party meetings,
notices and visits — synthetic texts in the genre's forms."""
from __future__ import annotations

import pytest

from summarise.offline import extract_facts
from summarise.offline.frames import roles_after
from summarise.offline.people import find_people
from test_offline_docs import make_doc


def facts(text: str):
    return extract_facts(make_doc(text))


def people(text: str) -> dict[str, tuple[str | None, list[str]]]:
    return {p.name: (p.title, p.roles) for p in find_people(text)}


def lecturer(text: str) -> str | None:
    return next((p.name for p in facts(text).people if "lecturer" in p.roles), None)


# Lecture frames -----------------------------------------------------------------------------------

@pytest.mark.parametrize("after", [
    "25日早上到市政府大楼，为机关干部主讲党的二十大报告。",
    "今天（11月2日）在河东县作宣讲报告。",
    "昨天（3日）在市委党校作专题辅导报告。",
    "负责主讲。",
    "以《乡村治理》为题，结合总书记的讲话，立足乡村振兴，围绕农村的发展进行宣讲。",
    "围绕“过去五年的工作”、“增进民生福祉，提高人民生活”为重点进行宣讲。",
    "，应邀为学院“青年干部‘理论学习’读书班”作题为《中国式现代化》的专题辅导报告。",
])
def test_lecture_frames_with_day_parts_remits_and_long_settings(after: str) -> None:
    assert "lecturer" in roles_after(after, 0, len(after))


@pytest.mark.parametrize("text, name", [
    ("讲座由省委组织部副巡视员王立东负责主讲。", "王立东"),
    ("3月6日，省委宣讲团成员、省委宣传部副部长张伟来河东市作宣讲报告。", "张伟"),
    ("省委讲师团成员、市委党校教授刘晓燕今天（5月8日）在县委党校作专题辅导报告。", "刘晓燕"),
])
def test_lecturer_found_in_new_wordings(text: str, name: str) -> None:
    assert people(text)[name][1][0] == "lecturer"


def test_a_name_ends_before_lai_only_when_the_longer_reading_does_not() -> None:
    assert "张伟" in people("省委宣传部副部长张伟来河东市调研。")
    assert "李春来" in people("副市长李春来主持会议。")


# Kinds --------------------------------------------------------------------------------------------

def test_a_company_party_organisations_meeting_is_in_genre() -> None:
    text = ("2021年3月31日下午，集团党总支在会议室召开党史学习教育动员大会。会议由集团党总支副书记王明主持。"
            "集团党总支书记、董事长刘阳作动员讲话。")
    assert facts(text).kind == "meeting_report"
    company = ("2021年6月24日下午，集团在总部会议室隆重举行纪念大会。会议由集团副总经理王明主持。"
               "集团董事长刘阳作讲话。")
    assert facts(company).kind == "other"


def test_a_notice_is_not_a_meeting_report() -> None:
    text = ("关于开展2022年10月份党支部主题党日活动的通知\n"
            "各党支部：现将10月份主题党日活动安排通知如下：一、组织收听收看大会开幕会。二、集中学习。")
    got = facts(text)
    assert got.kind == "other" and "notice" in (got.out_of_scope_reason or "")


def test_joining_a_research_visit_is_no_meeting() -> None:
    text = ("2月22日，县长王明到重点企业开展调研，李华、赵强参加调研。"
            "王明一行先后来到多家企业，详细了解生产经营情况。王明要求，各部门要倾力帮扶企业发展。")
    assert facts(text).kind == "other"


@pytest.mark.parametrize("text", [
    ("3月31日下午，公司党总支召开“党史学习教育”动员大会暨专题讲座。会议由党总支副书记王明主持。"
     "党总支书记刘阳作动员讲话。随后，市委党校李华教授作了“党史学习教育”专题报告。"),
    ("昨日下午，全市理论学习中心组工作会议暨学习秘书培训会召开。会议指出，中心组学习是核心工程。"
     "会议强调，要严格落实学习制度。会议邀请市直机关工委宣教处处长张国强作《学习规则解读》辅导报告。"),
])
def test_a_lecture_as_one_item_of_a_meeting_leaves_a_meeting_report(text: str) -> None:
    got = facts(text)
    assert got.kind == "meeting_report"
    assert not any("lecturer" in p.roles for p in got.people)


@pytest.mark.parametrize("text, name", [
    ("3月31日下午，公司党总支召开集中学习暨专题讲座。市委党校李华教授作了“党史学习”专题报告。", "李华"),
    ("11月12日，市里召开专题讲座视频会议。会议由副市长周明主持。会议邀请发改局副局长陈强作专题讲座。", "陈强"),
])
def test_a_lecture_meeting_or_a_study_session_stays_a_lecture(text: str, name: str) -> None:
    got = facts(text)
    assert got.kind == "policy_lecture" and lecturer(text) == name


def test_a_meeting_named_for_its_significance_is_no_event() -> None:
    text = ("宣讲团成员、办公厅副主任孟祥明今天（11月2日）在江西作宣讲报告。"
            "孟祥明紧紧围绕全会召开的重大意义等八个方面，对全会精神作了全面宣讲。")
    got = facts(text)
    assert got.event.name is None and got.kind == "policy_lecture"


@pytest.mark.parametrize("text", [
    "省委讲师团成员、市委党校教授刘晓燕作了全面宣讲。",
    "省委讲师团成员、市委党校教授刘晓燕作了系统、深入的辅导。",
])
def test_a_manner_word_is_no_lecture_topic(text: str) -> None:
    assert facts(text).event.topic is None


# Names --------------------------------------------------------------------------------------------

def test_a_name_list_before_a_group_joined_by_he() -> None:
    text = ("省里介绍了有关情况。赵立、钱红梅、孙庚戌、周展翔、吴福全等港澳委员和海外列席人士踊跃发言，"
            "提出了具体的意见建议。")
    got = people(text)
    assert {"赵立", "钱红梅", "孙庚戌", "周展翔", "吴福全"} <= set(got)
    assert "和海外" not in got


def test_a_preposition_surname_before_a_group_is_no_name() -> None:
    assert people("省政协举行情况介绍会 向港澳委员和海外列席人士介绍发展情况") == {}
    assert "向明" in people("会上，向明委员作了发言。")


@pytest.mark.parametrize("text, name, title", [
    ("授课结束后，周文娟护士长宣读了支部年度工作总结。", "周文娟", "护士长"),
    ("思想政治教育专业的学生刘妍婷说：“听了报告，深感责任重大。”", "刘妍婷", "学生"),
    ("市第三人民医院年轻党员白晓迪参加了大赛。", "白晓迪", "市第三人民医院年轻党员"),
])
def test_hospital_and_school_posts(text: str, name: str, title: str) -> None:
    assert people(text)[name][0] == title


@pytest.mark.parametrize("text", [
    "建筑学院院长龚林鸿等全体党员师生参加了学习。",
    "她强调，党员师生要在落实好本职工作的基础上重视理论学习。",
])
def test_teachers_and_students_are_no_name(text: str) -> None:
    assert not {"师生", "师生要"} & set(people(text))


# Headlines ----------------------------------------------------------------------------------------

LEAD = "4月29日，全省企业家座谈会在西安召开。省委书记王明出席座谈会并讲话，省长李华主持会议。"


@pytest.mark.parametrize("page", [
    f"争做改革发展排头兵\n全省企业家座谈会召开\n{LEAD}",             # a kicker above the main title
    f"全省企业家座谈会召开\n王明讲话 李华主持\n2024-04-29 来源：某某日报\n{LEAD}",  # a subtitle below it
    f"全省企业家座谈会召开\n\n我县组织收听收看\n\n刊发日期:2024-04-29\n{LEAD}",
])
def test_the_main_title_of_a_two_line_headline_is_the_one_that_reports_the_meeting(page: str) -> None:
    from summarise.normalise import normalise

    doc = normalise(text=page)
    assert doc.title == "全省企业家座谈会召开"
    got = extract_facts(doc)
    assert got.headline is not None and got.headline.zh == "全省企业家座谈会召开"
    assert got.kind == "meeting_report"  # 企业家座谈会 is a meeting with entrepreneurs, not a company's


def test_a_subtitle_dash_is_not_part_of_the_headline() -> None:
    got = facts("——市医院党委书记讲党课\n3月12日下午，市医院党委书记张明为全院党员讲授专题党课。")
    assert got.headline is not None and got.headline.zh == "市医院党委书记讲党课"


@pytest.mark.parametrize("text, name", [
    ("陈老师详细讲解了王大明总理做的政府工作报告，分析了宪法修改的内容。", "王大明"),
    ("会上，刘书记还传达了市卫健委党组书记、主任谢国强及党组成员、机关党委书记毛火明的讲话精神。", "谢国强"),
    ("会上，刘书记还传达了市卫健委党组书记、主任谢国强及党组成员、机关党委书记毛火明的讲话精神。", "毛火明"),
])
def test_a_report_or_speech_relayed_names_no_participant(text: str, name: str) -> None:
    assert name not in people(text)


def test_name_first_posts_in_a_list_joined_by_he() -> None:
    got = people("周玉文博士、刘辉玲主任、陈琳博士和周浩博士分别就基地下一阶段发展提了建议。")
    assert {"周玉文", "刘辉玲", "陈琳", "周浩"} <= set(got)


def test_a_bare_name_with_tongzhi_after_a_verb() -> None:
    got = people("会议听取审议了张永平同志代表镇人民政府所作的《政府工作报告》和马勇刚同志代表镇人大主席团所作的工作报告。")
    assert {"张永平", "马勇刚"} <= set(got)


@pytest.mark.parametrize("text", [
    "要更加紧密地团结在以习近平同志为核心的党中央周围。",
    "他指出，胡耀邦同志是久经考验的忠诚的共产主义战士。",
    "要认真学习胡耀邦同志的崇高精神风范。",
    "社区许多女同志参加了活动。",
    "各民主党派负责人和无党派人士代表，胡耀邦同志亲属、生前友好参加座谈会。",
])
def test_a_name_with_tongzhi_cited_or_a_word_is_no_participant(text: str) -> None:
    assert people(text) == {}


def test_a_list_ending_with_tongzhi_keeps_every_name() -> None:
    got = people("区直机关100余名同志参加了辅导学习。我办罗伟、姚鸿飞、王建文同志参加学习活动。")
    assert {"罗伟", "姚鸿飞", "王建文"} <= set(got)


@pytest.mark.parametrize("text", [
    ("“冬窝子”来了“马背宣讲队”\n11月21日电 团结村驻村工作队和村干部组建“马背宣讲队”宣讲党的好政策。"
     "11月20号，“马背宣讲队”在雪原上前行，牧民们聚在一起聆听宣讲。"),
    ("村民集中在村委会小广场，认真聆听区新时代文明实践中心蒲公英宣讲团成员关于党的二十大精神宣讲。\n"
     "宣讲中，蒲公英宣讲队志愿者发挥各自特长，围绕农村产业发展进行宣讲。"),
])
def test_a_lecture_teams_name_is_no_lecturer_and_the_page_reports_a_lecture(text: str) -> None:
    got = facts(text)
    assert got.kind == "policy_lecture"
    assert not {"马背", "蒲公英"} & {p.name for p in got.people}


def test_a_transliterated_name_with_a_middle_dot() -> None:
    text = ("团结村党支部书记阿不都·热合曼带领宣讲队前往冬窝子。宣讲队到达牧民吐尔逊·买买提家中，"
            "牧民吐尔逊·买买提召集邻居聆听宣讲。随后，阿不都·热合曼详细询问了生产生活情况。"
            "团结村村民吐尔逊·买买提说，日子越过越好。")
    got = people(text)
    assert got["阿不都·热合曼"][0] == "团结村党支部书记"
    assert got["吐尔逊·买买提"][0] == "牧民"  # not 达牧民: 到达 ends the title
    assert not any(n.startswith("吐尔逊·买买提") and n != "吐尔逊·买买提" for n in got)


def test_a_dateline_does_not_date_the_event_when_the_lead_does() -> None:
    text = ("“冬窝子”来了“马背宣讲队”\n中新网新疆新闻11月21日电(记者 王某)团结村组建“马背宣讲队”宣讲党的好政策。\n"
            "11月20号，团结村党支部书记李明带领“马背宣讲队”前往冬窝子，牧民们聆听宣讲。")
    got = extract_facts(make_doc(text, published="2022-11-21"))
    assert got.event.date is not None and got.event.date.value == "2022-11-20"


def test_a_photo_caption_with_a_reporters_credit_is_no_text() -> None:
    from summarise.normalise import normalise

    caption = "图为省委宣讲团报告会现场。 记者 王益伟 摄"
    doc = normalise(text=f"宋伟作宣讲报告 孙大军主持\n{caption}\n8月6日，省委宣讲团成员宋伟来河东市作宣讲报告。")
    assert caption not in doc.text and "8月6日" in doc.text


# Figures ------------------------------------------------------------------------------------------

def test_a_measure_word_with_digits_counts_but_with_chinese_numerals_is_a_slogan() -> None:
    from summarise.parse.numbers import find_figures

    assert [(f.value, f.unit) for f in find_figures("村民王某是养殖大户，养殖500只山羊。")] == [(500, "count")]
    assert [f.value for f in find_figures("基地今年至少发表1篇理论文章。")] == [1]
    assert find_figures("做好三篇大文章。") == []


def test_a_congress_numbered_without_di_is_no_figure() -> None:
    from summarise.parse.numbers import find_figures

    assert find_figures("学习贯彻省九次党代会精神省委宣讲团莅临。") == []
    assert [f.value for f in find_figures("全年共召开9次会议。")] == [9]


def test_a_name_list_glued_to_the_body_before_it() -> None:
    text = "软弱涣散村党支部书记等人员参加会议，县工作专班刘彩凤、李靖、刘博、王瑞雪等同志到会指导。"
    got = people(text)
    assert {"刘彩凤", "李靖", "刘博", "王瑞雪"} <= set(got)
    assert got["李靖"][0] == "县工作专班"
    assert people("城市建设、文物保护、项目建设等五大类问题。") == {}


# Round 2: manner, roles taken on, talks at a lecture event, counted lists, building numbers ---------

@pytest.mark.parametrize("text", [
    "市委党校教授王立新围绕党的二十大精神，结合工作实际，深入浅出地进行了宣讲。",
    "市委党校教授王立新现场授课。",
    "市委党校教授王立新开讲第一课。",
    "市委党校教授王立新登台宣讲。",
    "市委党校教授王立新作为主讲嘉宾，为大家作了精彩讲座。",
    "本次讲座由市委党校教授王立新担任主讲。",
])
def test_lecturer_with_a_manner_or_a_role_taken_on(text: str) -> None:
    assert "lecturer" in people(text)["王立新"][1]


@pytest.mark.parametrize("text", [
    "5月12日下午，学院举办专题讲座，市委党校教授王立新用通俗易懂的语言，为大家详细解读了全会精神。",
    "5月12日下午，学院举办专题讲座。市委党校教授王立新深入浅出地阐释了全会的重大意义。",
])
def test_at_a_lecture_event_the_one_who_explains_is_the_lecturer(text: str) -> None:
    got = facts(text)
    assert got.kind == "policy_lecture" and lecturer(text) == "王立新"


def test_explaining_at_a_meeting_is_no_lecture() -> None:
    text = "5月12日下午，县委召开常委会议，县委书记张明主持会议。县长李华解读了政府工作报告。"
    assert facts(text).kind == "meeting_report" and lecturer(text) is None


def test_a_list_counted_by_itself_before_what_it_did() -> None:
    assert {"马文龙", "杨帆", "罗明"} <= set(people("会上，马文龙、杨帆、罗明三位同志作了交流发言。"))


def test_a_buildings_number_before_a_venue_is_no_figure() -> None:
    from summarise.parse.numbers import find_figures

    assert find_figures("贵州民族大学在花溪校区15栋会议中心组织收看。") == []
    assert [f.value for f in find_figures("新建标准化厂房15栋。")] == [15]


def test_a_lecture_dated_by_month_alone_is_a_features_history() -> None:
    text = ("党课“走心” 教育“走实”\n“我印象最深的一堂党课，是在红旗渠开展的现场党课！”9月21日，医院党员温凯丽激动地说。\n"
            "2016年2月，医院党委书记孔祥明为全院党员上了一堂生动的党课。")
    got = facts(text)
    assert got.kind == "other" and lecturer(text) is None
    assert "温凯丽" in {p.name for p in got.people}  # 激动地说 ends the name
    dated = "2月16日，医院党委书记孔祥明为全院党员上了一堂生动的党课。"
    assert facts(dated).kind == "policy_lecture"


def test_a_name_with_its_post_in_brackets_after_it() -> None:
    got = people("张明（县委书记）、李华（县长）出席会议。")
    assert got["张明"][0] == "县委书记" and got["李华"][0] == "县长"
    assert people("王强（右二）与李华（左一）交谈。") == {}


def test_a_party_branch_secretary_keeps_its_post() -> None:
    assert people("报告会由学院党总支书记周丽华主持。")["周丽华"][0] == "学院党总支书记"


def test_a_lecture_heard_names_its_lecturer() -> None:
    text = "5月6日，全体党员干部聆听了省委党校教授王立新的专题辅导报告。"
    assert facts(text).kind == "policy_lecture" and lecturer(text) == "王立新"
    assert "lecturer" not in people("会议听取了县长李华所作的政府工作报告。").get("李华", (None, []))[1]


@pytest.mark.parametrize("first", [
    "工作动态——县委召开常委会议",
    "【要闻】县委召开常委会议",
    "县委召开常委会议_某某县人民政府",
    "县委召开常委会议 - 某某新闻网",
])
def test_a_column_tag_or_a_sites_name_is_not_part_of_the_headline(first: str) -> None:
    body = "8月25日，县委召开常委会议，县委书记张三主持会议并讲话，县委副书记李四等出席会议。"
    got = facts(f"{first}\n{body}")
    assert got.headline is not None and got.headline.zh == "县委召开常委会议"


def test_a_headline_with_a_dash_inside_keeps_it() -> None:
    got = facts("良法善治丨法律明白人——咱村儿里的“法治达人”\n立冬刚过，村里的“法律明白人”张某给乡亲们带来自己创作的节目。")
    assert got.headline is not None and got.headline.zh == "良法善治丨法律明白人——咱村儿里的“法治达人”"


# Growth: the new name passes read each occurrence a bounded number of times --------------------------

GROWTH_UNIT = ("他指出，张永平同志代表镇政府作报告，党支部书记比沙拉·居麻拜带领宣讲队，"
               "县工作专班刘彩凤、李靖、刘博等同志到会，张明（县委书记）出席，")


@pytest.mark.growth
def test_one_long_paragraph_of_comrades_dotted_names_and_lists_is_linear() -> None:
    from growth import assert_linear

    assert_linear(lambda t: extract_facts(make_doc(t, title="县委召开会议")),
                  lambda n: "县委召开会议\n" + GROWTH_UNIT * n + "。", 300, "extract_facts")


@pytest.mark.growth
def test_a_long_list_of_names_each_after_a_body_character_is_linear() -> None:
    from growth import assert_linear

    # 班 ends a body's name and opens a surname: every item could open a list of its own
    assert_linear(find_people, lambda n: "县委召开会议，" + "班王强、" * n + "等", 500, "find_people")


@pytest.mark.growth
def test_a_sentence_of_prepositions_after_a_name_is_read_in_linear_time() -> None:
    from growth import assert_linear
    from summarise.offline.frames import roles_after

    # each 为 could open a setting phrase (为…，以…，作报告): phrases are read whole, never re-split
    assert_linear(lambda t: roles_after(t, 0, len(t)), lambda n: "为" * n + "。", 40, "roles_after")


# People cited or commemorated with 同志 are no participants ------------------------------------------

@pytest.mark.parametrize("clause, cited", [
    ("会议传达学习了习近平同志关于党的建设的重要思想。", "习近平"),
    ("会议传达学习了习近平同志关于党的建设的重要讲话精神。", "习近平"),
    ("会议缅怀了毛泽东同志。", "毛泽东"),
    ("同学们学习了雷锋同志，争做好少年。", "雷锋"),
    ("会议追忆了谷文昌同志和杨善洲同志。", "杨善洲"),
    ("会议学习了毛泽东同志《纪念白求恩》一文。", "毛泽东"),
    ("会议重温了邓小平同志“发展才是硬道理”的论断。", "邓小平"),
])
def test_a_name_with_tongzhi_that_does_nothing_at_the_meeting_is_cited(clause: str, cited: str) -> None:
    found = people("3月5日，县委召开常委会议，县委书记张明主持会议。" + clause)
    assert "张明" in found
    assert cited not in found and "谷文昌" not in found


@pytest.mark.parametrize("clause, name", [
    ("会议听取审议了张永平同志代表县政府所作的报告。", "张永平"),
    ("会议由王建国同志主持。", "王建国"),
    ("会上，请李华同志讲话。", "李华"),
    ("会议听取了赵刚同志作的工作汇报。", "赵刚"),
])
def test_a_name_with_tongzhi_acting_at_the_meeting_is_present(clause: str, name: str) -> None:
    assert name in people("3月5日，县委召开常委会议。" + clause)


def test_ceng_ends_a_name() -> None:
    assert "张明" in people("2019年，县委书记张明曾为全县干部上了一堂专题党课。")


# A dateline dates the event only when the lead does not date it relative to the report ----------------

@pytest.mark.parametrize("when, date", [
    ("昨天", None), ("近日", None), ("日前", None), ("上周", None), ("今天", "--11-21"), ("", "--11-21")])
def test_a_dateline_followed_by_a_relative_day(when: str, date: str | None) -> None:
    event = facts(f"新华社北京11月21日电 某县{when}召开全县经济工作会议，县委书记张明主持会议并讲话。会议强调，要抓好落实。").event
    assert (event.date.value if event and event.date else None) == date
