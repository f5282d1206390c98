"""Role frames (the verb and its object around a name), lecture kinds, names that run into the next
word, shared list headings and people who were not there — on synthetic sentences in several wordings."""
from __future__ import annotations

import pytest

from summarise.offline import extract_facts
from summarise.offline.frames import not_present, roles_after, roles_before
from summarise.offline.people import find_people
from test_offline_docs import make_doc


def facts(text: str):
    return extract_facts(make_doc(text))


def people(text: str) -> dict[str, tuple[str | None, list[str]]]:
    return {p.name: (p.title, p.roles) for p in find_people(text)}


# 1. Lecture frames after a name ------------------------------------------------------------------

@pytest.mark.parametrize("after", [
    "作题为《新质生产力的内涵与路径》的报告。",
    "作了一场题为“数字经济与治理”的报告。",
    "作了一场生动深刻的报告。",
    "以“牢记初心使命”为题，为全局党员干部上专题党课。",
    "在村委会会议室给村里的党员上了一堂生动的党课。",
    "为全体党员讲党课。",
    "在城关镇宣讲党的二十大精神，",
    "就《中国共产党纪律处分条例》进行辅导讲授。",
    "领学《关于加强和改进思想政治工作的意见》并进行解读。",
    "应邀到校医院讲授党课，",
    "受邀来校作报告，报告题为《数字经济与治理》。",
    "应邀为全院师生作了学术报告。",
    "围绕党的二十届三中全会精神作专题辅导报告。",
    "为大家带来一场专题讲座。",
])
def test_lecture_frames(after: str) -> None:
    assert "lecturer" in roles_after(after, 0, len(after))


@pytest.mark.parametrize("after", [
    "作政府工作报告。",
    "在会上作主题报告。",
    "作工作报告，",
    "作述职报告。",
    "就做好下一步工作提出要求，李四作专题报告。",  # the lecture is someone else's
    "主持会议，邀请专家作辅导报告。",
    "出席会议并讲话。",
])
def test_reports_and_other_verbs_are_not_lectures(after: str) -> None:
    assert "lecturer" not in roles_after(after, 0, len(after))


# 2. Frames before a name -------------------------------------------------------------------------

@pytest.mark.parametrize("text, name", [
    ("县委党校举办专题讲座，主讲人为省委党校教授王立新。", "王立新"),
    ("学院开展专题辅导。主讲人：马克思主义学院副教授张晓东。", "张晓东"),
    ("本期讲堂授课人是省社科院研究员李红梅。", "李红梅"),
    ("报告人：中央党校教授陈曙光", "陈曙光"),
])
def test_a_lecturer_named_by_a_label_before_the_name(text: str, name: str) -> None:
    assert "lecturer" in people(text)[name][1]


def test_roles_before_reads_only_the_label_right_before() -> None:
    assert roles_before("主持人：", 4) == ["chair"]
    assert roles_before("会议邀请了", 5) == []


# 3. Kind: the lecture is the page's event --------------------------------------------------------

@pytest.mark.parametrize("text, lecturer", [
    ("学院开展党史学习教育专题辅导\n4月8日下午，学院在报告厅开展专题辅导。主讲人：马克思主义学院副教授张晓东。学院党委书记刘刚主持。", "张晓东"),
    ("市委理论学习中心组举行专题学习\n5月20日，市委理论学习中心组举行专题学习。中国人民大学教授陈志刚作题为《新质生产力的内涵与路径》的报告。市委书记赵明主持。", "陈志刚"),
    ("局党组书记讲专题党课\n7月1日上午，局党组书记、局长何建国以“牢记初心使命”为题，为全局党员干部上专题党课。局党组副书记吴芳主持。", "何建国"),
    ("第一书记给村民上党课\n6月28日，驻村第一书记郑伟在村委会会议室给村里的党员上了一堂生动的党课。", "郑伟"),
    ("县委宣讲团深入乡镇宣讲\n6月3日，县委宣讲团成员、县委党校副校长郭红梅在城关镇宣讲党的二十大精神。", "郭红梅"),
    ("名家讲坛第十期开讲\n10月9日，北京大学教授钱学明受邀来校作报告，报告题为《数字经济与治理》。校长马东主持报告会。", "钱学明"),
    ("市财政局召开党组理论学习中心组学习会\n2月17日，市财政局召开党组理论学习中心组学习会。局党组成员、副局长彭磊领学《关于加强和改进思想政治工作的意见》并进行解读。局党组书记、局长唐军主持会议。", "彭磊"),
])
def test_a_lecture_in_any_of_its_forms_makes_a_policy_lecture(text: str, lecturer: str) -> None:
    f = facts(text)
    assert f.kind == "policy_lecture" and f.lecturer is not None and f.lecturer.name == lecturer


def test_a_lecture_that_is_one_item_of_a_study_meeting_keeps_it_a_meeting() -> None:
    f = facts("省委召开专题学习会\n26日，省委召开专题学习会。省委书记高明主持并作动员讲话，随后研究员李忠杰作专题辅导。与会人员进行分组讨论。")
    assert f.kind == "meeting_report"


@pytest.mark.parametrize("text", [
    "县政协开展民主监督座谈\n县政协主席方华一行深入企业，与企业负责人座谈交流。",
    "全县乡村振兴工作调度会召开\n会议听取了各乡镇工作汇报。",
    "市总工会举行劳模座谈会\n与会劳模畅谈体会。",
])
def test_a_meeting_named_by_the_headline_or_lead_is_not_other(text: str) -> None:
    assert facts(text).kind == "meeting_report"


@pytest.mark.parametrize("text", [
    "副市长深入派出所调研\n5月31日下午，副市长张荣深入七里湖派出所调研指导工作。",
    "我市启动森林防火宣传月活动\n11月13日，我市在湖滨广场启动森林防火宣传月活动。",
])
def test_a_visit_or_an_activity_without_a_meeting_stays_other(text: str) -> None:
    assert facts(text).kind == "other"


# 4. Names: where they end, lists under a heading, people who were not there ---------------------

@pytest.mark.parametrize("text, name", [
    ("会上，县委书记李杰正在讲话时强调，要抓好安全生产。", "李杰"),
    ("乡党委书记程亮来到张庄村，为党员讲党课。", "程亮"),
    ("校党委副书记殷修明应邀到校医院讲授党课。", "殷修明"),
    ("北京大学教授钱学明受邀来校作报告。", "钱学明"),
    ("县委书记王海莅临指导。", "王海"),
])
def test_a_name_ends_where_the_next_word_begins(text: str, name: str) -> None:
    assert list(people(text)) == [name]


@pytest.mark.parametrize("text, names, title", [
    ("县领导张三丰、李四光、王五和赵六出席会议。", ["张三丰", "李四光", "王五", "赵六"], "县领导"),
    ("市领导陈东、林西和南方华出席。", ["陈东", "林西", "南方华"], "市领导"),
    ("出席会议的县领导有：刘备、关羽、张飞、赵云。", ["刘备", "关羽", "张飞", "赵云"], "县领导"),
    ("参加会议的市领导：王建 李华 周强", ["王建", "李华", "周强"], "市领导"),
])
def test_people_listed_under_a_shared_heading(text: str, names: list[str], title: str) -> None:
    found = people(text)
    assert list(found) == names
    assert all(found[n][0] == title and "attendee" in found[n][1] for n in names)


def test_a_list_does_not_run_into_a_group_after_and() -> None:
    assert list(people("县委书记李强和县直部门负责人出席会议。")) == ["李强"]


@pytest.mark.parametrize("text, absent, present", [
    ("受县委书记罗明同志委托，副书记许亮主持会议。", "罗明", "许亮"),
    ("受镇党委书记罗明委托，镇党委副书记许亮主持会议。", "罗明", "许亮"),
    ("县委书记高明主持会议，县委常委、副县长范强因公请假。", "范强", "高明"),
    ("县委书记高明主持会议，县长王刚请假。", "王刚", "高明"),
    ("县委书记高明主持会议，副县长周文（因病）缺席。", "周文", "高明"),
])
def test_people_who_were_not_there_are_not_participants(text: str, absent: str, present: str) -> None:
    found = people(text)
    assert present in found and absent not in found


def test_not_present_needs_the_frame() -> None:
    text = "县长王刚主持会议。"
    assert not not_present(text, 0, 4)


# 5. Titles the lexicon knows, relayed and cited people, names inside document titles ------------

@pytest.mark.parametrize("text, name, title", [
    ("国务院总理李克强主持会议。", "李克强", "国务院总理"),
    ("运城市委会专职副主委闫琳主持会议。", "闫琳", "运城市委会专职副主委"),
    ("校党委宣传部部长、党校教务长殷修林教授应邀到校医院讲授党课。", "殷修林", "校党委宣传部部长、党校教务长"),
    ("驻村第一书记郑伟给党员上党课。", "郑伟", "驻村第一书记"),
    ("东西村老党员章晓洁说，这样的宣讲很受欢迎。", "章晓洁", "东西村老党员"),
])
def test_posts_of_other_organs_and_of_grass_roots_lecturers(text: str, name: str, title: str) -> None:
    assert people(text)[name][0] == title


@pytest.mark.parametrize("text", [
    "党支部宣传委员刘杨磊对《条例》进行了全文传达，并对党支部工作部分进行详细解读。",
    "副局长彭磊对文件作了深入解读。",
    "担任文秀村宣讲员的是该村大学生村官林金锋。",
])
def test_explaining_a_text_to_the_meeting_is_a_lecture(text: str) -> None:
    assert any("lecturer" in roles for _, roles in people(text).values())


@pytest.mark.parametrize("text, absent", [
    ("会议传达了省委书记卢展工在收听收看大会实况后的讲话精神。", "卢展工"),
    ("会议学习了区委书记陈林同志的重要讲话。", "陈林"),
    ("他通过引用和转述国土资源部副部长胡存智等领导的观点，让村民们明白改革方向。", "胡存智"),
    ("会议宣读了《关于预备党员蔡立等同志转正的通知》。", "蔡立"),
])
def test_relayed_cited_or_named_in_a_document_title_is_not_present(text: str, absent: str) -> None:
    assert absent not in people(text)


def test_a_bare_name_after_a_verb_is_not_a_noun() -> None:
    text = "省委常委会召开会议，研究讨论王儒林在全会上的讲话稿。省委书记王儒林主持会议。"
    assert "chair" in people(text)["王儒林"][1]


# 6. Bare names before a role verb, people called by surname and post, far lecture verbs ---------

@pytest.mark.parametrize("text, name, role", [
    ("9月23日下午，庄天慧主持召开党委常委会第167次会议。", "庄天慧", "chair"),
    ("[视频]李克强主持召开国务院常务会议", "李克强", "chair"),
    ("张强、刘鹏参加会议，吴德列席会议。", "吴德", "attendee"),
    ("会议由王建国主持。", "王建国", "chair"),
])
def test_a_bare_name_opening_a_clause_before_its_verb(text: str, name: str, role: str) -> None:
    assert role in people(text)[name][1]


@pytest.mark.parametrize("text", [
    "全国政协副主席杜青林、张庆黎、王钦敏出席座谈会。",
    "党政负责干部宣讲团、党代表宣讲团、青年宣讲团组建完成。",
])
def test_a_bare_verb_does_not_take_a_listed_name_or_a_noun(text: str) -> None:
    found = people(text)
    assert "党代表" not in found
    if "王钦敏" in found:
        assert found["王钦敏"][0] == "全国政协副主席"


@pytest.mark.parametrize("text", [
    "市民委机关党总支专职副书记杨文广是派到该村的第一书记。杨书记于7月22日为全村党员上了一堂生动的党课。",
    "学院邀请了北京大学赵明远教授。赵教授为全体教师作了一场专题讲座。",
])
def test_a_person_called_by_surname_and_post_keeps_the_role(text: str) -> None:
    assert any("lecturer" in roles for _, roles in people(text).values())


def test_surname_and_post_is_not_resolved_when_two_people_share_the_surname() -> None:
    text = "副书记杨文广、书记杨光出席。杨书记为党员上了一堂党课。"
    assert not any("lecturer" in roles for _, roles in people(text).values())


@pytest.mark.parametrize("text, name", [
    ("7月6日，公司党委副书记李怀生分别到一分公司和八分公司，与党员同志们互动交流，边讲边提问，为党员职工讲授了一堂生动的专题党课。", "李怀生"),
    ("局长王强来到社区，同居民亲切交谈，随后为社区党员上了一堂党课。", "王强"),
])
def test_a_lecture_verb_far_from_its_subject(text: str, name: str) -> None:
    assert "lecturer" in people(text)[name][1]


def test_a_lecture_verb_after_an_invitation_is_not_the_inviters() -> None:
    text = "县委书记高明主持会议，邀请专家为全体干部上了一堂专题党课。"
    assert "lecturer" not in people(text)["高明"][1]


# 7. Kind: chronicles and meetings that only describe someone -------------------------------------

def test_a_chronicle_of_dated_entries_is_other() -> None:
    text = ("区政府工作大事记\n7月\n1日 区长高伟主持召开防汛工作会议，部署防汛工作。\n"
            "5日 区长高伟主持召开区政府党组会，传达学习有关精神。\n8日 副区长李明出席项目推进会并讲话。")
    f = facts(text)
    assert f.kind == "other" and f.chair is None and "chronicle" in (f.out_of_scope_reason or "")


def test_a_meeting_that_describes_the_people_visited_is_not_the_event() -> None:
    text = ("县领导看望慰问政协委员\n11月8日下午，县委书记郑俊华来到县政协委员驻地，看望慰问出席县政协十一届一次会议的县政协委员。")
    assert facts(text).kind == "other"


# 8. Figures that are ordinals, clock times, plan names or formula labels ------------------------

@pytest.mark.parametrize("text, quote", [
    ("会议传达学习了省委十届六次全会精神。", "六次"),
    ("认真贯彻落实市委三届八次全委会精神。", "八次"),
    ("村民9点多就陆续来到村委会。", "9点"),
    ("还没到10点小林便开始宣讲了。", "10点"),
    ("贯彻落实加强党的基层组织建设三年行动计划。", "三年"),
    ("中共四大是具有三个“起点”作用的重要历史坐标。", "三个"),
    ("报告聚焦“两个确立”“四个伟大飞跃”“十个坚持”三个关键词。", "三个"),
])
def test_figures_that_are_not_quantities(text: str, quote: str) -> None:
    assert quote not in [f.quote for f in facts(f"标题\n{text}").figures]


@pytest.mark.parametrize("text, quote", [
    ("李大胜提出4点意见。", "4点"),
    ("全区组建宣讲团12个。", "12个"),
])
def test_counts_that_stay_figures(text: str, quote: str) -> None:
    assert quote in [f.quote for f in facts(f"标题\n{text}").figures]


def test_surname_and_post_far_from_the_lecture_verb() -> None:
    text = ("市民委机关党总支专职副书记杨文广是派到该村的第一书记。杨书记根据学习教育安排，紧密结合支部现状，"
            "在充分备课的基础上于 7月 22日为全村80多名党员群众上了一堂生动活泼的党课。")
    assert "lecturer" in people(text)["杨文广"][1]


@pytest.mark.parametrize("text, names", [
    ("我办罗伟、姚鸿飞、王建文同志参加学习活动。", ["罗伟", "姚鸿飞", "王建文"]),
    ("区领导朱江、杨光华以及相关部门负责人参加。", ["朱江", "杨光华"]),
])
def test_lists_after_an_office_or_closed_by_yiji(text: str, names: list[str]) -> None:
    assert list(people(text)) == names


@pytest.mark.parametrize("text", [
    "要在宣传宣讲上下功夫、求实效。",
    "作了以“深入学习贯彻党的十九大精神”为主题的党课讲授。",
])
def test_a_word_before_a_bare_verb_is_not_a_name(text: str) -> None:
    assert people(text) == {}


@pytest.mark.parametrize("after", [
    "围绕全会精神进行了深入浅出的讲解。",
    "对《条例》作了全面系统的解读。",
])
def test_explaining_with_any_modifier_is_a_lecture(after: str) -> None:
    assert "lecturer" in roles_after(after, 0, len(after))


def test_a_name_after_an_epithet_in_quotes() -> None:
    text = "来自黄岩的民间评书艺人、“乡村大使”胡崇德，用台州方言给村里的党员和群众宣讲全会精神。"
    assert "lecturer" in people(text)["胡崇德"][1]


@pytest.mark.parametrize("first", ["2月10日", "2024年3月5日"])
def test_a_date_line_first_is_no_headline_and_dates_the_event(first: str) -> None:
    f = facts(f"{first}\n全区项目建设推进会在区文化会议中心召开。区长杨博出席会议并讲话。")
    assert f.headline is None and f.event.date is not None


def test_a_lead_paragraph_the_page_titles_is_no_headline() -> None:
    text = "12月7日，党支部组织支部党员进行了专题学习。学习活动由党支部副书记吴丹丹主持。\n会议要求，要认真学习。"
    f = extract_facts(make_doc(text, title=text.split("\n")[0]))
    assert f.headline is None and f.event.date is not None and f.event.date.value.endswith("12-07")


def test_a_given_name_that_is_a_verb_is_no_name() -> None:
    assert "来宣讲" not in people("为什么邀请黄岩“乡村大使”来宣讲？")


def test_a_lead_paragraph_without_a_title_is_no_headline() -> None:
    text = "12月7日,党支部组织支部党员对《条例》进行了专题学习。学习活动由党支部副书记吴丹丹主持。\n会议要求，要认真学习。"
    f = extract_facts(make_doc(text, title=""))
    assert f.headline is None and f.event.date is not None


@pytest.mark.parametrize("text, name", [
    ("学院举行形势政策报告会\n3月2日，学院举行形势政策报告会。市委党校教授李明作报告。院长王强主持报告会。", "李明"),
    ("我校举办名家讲座\n5月8日，我校举办名家讲座，北京大学教授赵华作了精彩的讲座。副校长孙丽主持。", "赵华"),
])
def test_the_talk_at_a_lecture_event_is_the_lecture(text: str, name: str) -> None:
    f = facts(text)
    assert f.kind == "policy_lecture" and f.lecturer is not None and f.lecturer.name == name


def test_the_chair_of_a_lecture_event_is_not_its_lecturer() -> None:
    f = facts("学院举行报告会\n3月2日，学院举行报告会。院长王强主持报告会并作讲话。")
    assert f.lecturer is None or f.lecturer.name != "王强"


@pytest.mark.parametrize("text, name, title", [
    ("学院邀请到中央党校教授王立新作专题辅导。", "王立新", "中央党校教授"),
    ("全国劳动模范张伟为职工上党课。", "张伟", "全国劳动模范"),
])
def test_more_posts_and_invitations(text: str, name: str, title: str) -> None:
    assert people(text)[name][0] == title


@pytest.mark.parametrize("text, absent, present", [
    ("县委书记高明主持会议。副县长张三、李四请假。", ["张三", "李四"], "高明"),
    ("党委书记高明主持会议，委员王五、赵六因公请假。", ["王五", "赵六"], "高明"),
])
def test_a_whole_list_that_was_away(text: str, absent: list[str], present: str) -> None:
    found = people(text)
    assert present in found and not any(a in found for a in absent)
