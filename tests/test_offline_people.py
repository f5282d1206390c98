"""Title + name segmentation and roles on small synthetic sentences of the genre."""
from __future__ import annotations

import pytest

from summarise.offline.people import find_mentions, find_people, name_at


def people(text: str) -> dict[str, tuple[str | None, list[str]]]:
    return {p.name: (p.title, p.roles) for p in find_people(text)}


@pytest.mark.parametrize("text, name, title", [
    ("镇党委书记赵锡雄出席会议。", "赵锡雄", "镇党委书记"),
    ("副镇长吴铸辉汇报工作。", "吴铸辉", "副镇长"),
    ("县委副书记、县长王海峰出席会议。", "王海峰", "县委副书记、县长"),
    ("会议由副市长周作德主持。", "周作德", "副市长"),
    ("会议邀请佛山市发改局副局长陈林作专题讲座。", "陈林", "佛山市发改局副局长"),
    ("市政府秘书长李俊等参加。", "李俊", "市政府秘书长"),
    ("市委书记欧阳明出席会议。", "欧阳明", "市委书记"),
    ("代理市长司马文涛主持召开会议。", "司马文涛", "代理市长"),
    ("集团党委副书记 周凯同志宣读了通知。", "周凯", "集团党委副书记"),
    ("在交流环节,赵某向绩东二社区党委书记李冰提出了问题。", "李冰", "绩东二社区党委书记"),
])
def test_title_before_name(text: str, name: str, title: str) -> None:
    assert people(text)[name][0] == title


@pytest.mark.parametrize("text, name, title", [
    ("省政府采购中心李健主任就软件应用进行了说明。", "李健", "主任"),
    ("省财政厅信息化建设处纪光伟副处长进行了介绍。", "纪光伟", "副处长"),
    ("市采购中心李健主任讲话。市采购中心主任李健说。", "李健", "市采购中心主任"),
    ("。郑昶委员建议,要扩大采购范围。", "郑昶", "委员"),
    ("刚才孟玮处长在讲话中提到理论建设。", "孟玮", "处长"),
])
def test_name_before_title(text: str, name: str, title: str) -> None:
    assert people(text)[name][0] == title


def test_name_first_evidence_keeps_the_organisation() -> None:
    (p,) = find_people("省政府采购中心李健主任就软件应用进行了说明。")
    assert p.title == "主任"
    assert "省政府采购中心李健主任就软件应用进行了说明。"[p.start:p.end] == "省政府采购中心李健主任"


def test_title_chain_stops_at_a_previous_name() -> None:
    found = people("集团理事、片区党委副书记罗吉祥、集团机关党支部书记姚正平等作了发言。")
    assert found["罗吉祥"][0] == "集团理事、片区党委副书记"
    assert found["姚正平"][0] == "集团机关党支部书记"


def test_comma_separated_people_share_the_predicate() -> None:
    found = people("市长肖展欣,市委副书记陈文锋出席会议。")
    assert found["肖展欣"] == ("市长", ["attendee"]) and found["陈文锋"] == ("市委副书记", ["attendee"])


def test_bare_names_in_a_list_inherit_a_collective_title() -> None:
    found = people("市领导何运平、曹和家、张焕明等参加活动。")
    assert set(found) == {"何运平", "曹和家", "张焕明"}
    assert found["曹和家"][0] == "市领导"


@pytest.mark.parametrize("text", [
    "相关部门负责人、各村(社区)党委书记和分管工作的两委参加会议。",
    "各镇街书记、镇长、分管城市更新工作的负责同志在主会场参加会议。",
    "绩东二社区、东升社区、同乐社区负责人作经验介绍。",
    "工改专班全体人员参加会议。",
    "市财政局、市采购办负责人向市政协委员汇报了情况。",
])
def test_groups_are_not_people(text: str) -> None:
    assert people(text) == {}


def test_bylines_are_not_participants() -> None:
    assert "王小明" not in people("记者 王小明 通讯员 李华 报道:市领导周平、吴涛等参加活动。")


@pytest.mark.parametrize("text, name, role", [
    ("镇党委副书记李家浩主持会议。", "李家浩", "chair"),
    ("会议由副市长周作德主持,秘书长李俊等参加。", "周作德", "chair"),
    ("镇党委书记徐成彬主持召开研讨会。", "徐成彬", "chair"),
    ("本次会议由财政部国库司司长翟钢主持。", "翟钢", "chair"),
    ("会议邀请佛山市发改局副局长陈林作顺德村级工业园升级改造专题讲座。", "陈林", "lecturer"),
    ("特邀中央党校教授王强作《深入学习贯彻党的二十大精神》专题辅导报告。", "王强", "lecturer"),
    ("镇党委书记赵锡雄出席会议并讲话。", "赵锡雄", "speaker"),
    ("县委书记刘建国主持会议并讲话。", "刘建国", "speaker"),
    ("副镇长吴铸辉汇报2024年工作进展。", "吴铸辉", "reporter"),
    ("副镇长黄伟忠、相关部门负责人参加会议。", "黄伟忠", "attendee"),
    ("财政厅副厅长徐珑在会上作主题报告。", "徐珑", "speaker"),
])
def test_role_formulas(text: str, name: str, role: str) -> None:
    assert role in people(text)[name][1]


def test_later_bare_mentions_add_roles() -> None:
    found = people("副市长周作德主持会议。周作德作总结讲话时表示,要加快改造。")
    assert found["周作德"][1] == ["chair", "speaker"]


@pytest.mark.parametrize("text, expected", [
    ("赵锡雄出席", "赵锡雄"), ("李冰说", "李冰"), ("陈林作报告", "陈林"), ("周作德作总结", "周作德"),
    ("李俊等参加", "李俊"), ("负责人", None), ("同志们", None), ("和分管", None),
])
def test_name_at(text: str, expected: str | None) -> None:
    assert name_at(text, 0) == expected


def test_mention_spans_cover_title_and_name() -> None:
    text = "会议由副市长周作德主持。"
    (m,) = find_mentions(text)
    assert text[m.start:m.end] == "副市长周作德" and text[m.name_start:m.end] == "周作德"


@pytest.mark.parametrize("text, name, title", [
    ("我校党委常委、副校长雒文虎出席会议并讲话。", "雒文虎", "党委常委、副校长"),
    ("我院党委书记王建国主持会议。", "王建国", "党委书记"),
    ("我市副市长陈立新出席活动并致辞。", "陈立新", "副市长"),
    ("我区区委副书记赵敏参加会议。", "赵敏", "区委副书记"),
    ("我省省长助理刘一鸣作了讲话。", "刘一鸣", "省长助理"),
])
def test_a_pronoun_opening_the_title_is_not_part_of_it(text: str, name: str, title: str) -> None:
    assert people(text)[name][0] == title


@pytest.mark.parametrize("text, expected", [
    ("校党委常委于海、李君，校长助理张伯伟，校党委常委李向阳参加学习。",
     {"于海": "校党委常委", "李君": "校党委常委", "张伯伟": "校长助理", "李向阳": "校党委常委"}),
    ("副市长王平、刘洋，市政府秘书长陈东，市委常委孙向前出席会议。",
     {"王平": "副市长", "刘洋": "副市长", "陈东": "市政府秘书长", "孙向前": "市委常委"}),
    ("区委常委张军、李华、赵强，区长助理周明参加调研。",
     {"张军": "区委常委", "李华": "区委常委", "赵强": "区委常委", "周明": "区长助理"}),
])
def test_mixed_attendee_lists_give_each_name_its_nearest_title(text: str, expected: dict[str, str]) -> None:
    assert {name: title for name, (title, _) in people(text).items()} == expected


@pytest.mark.parametrize("text", [
    "23个中央部门作为研究工作组成员单位，积极开展工作。",
    "一方面，努力扩大专家范围，细化专家分类。",
    "校党委中心组全体成员、党总支副书记、马克思主义学院全体教师听取了报告。",
    "各党支部书记参加会议。",
])
def test_common_nouns_after_a_post_are_not_names(text: str) -> None:
    assert people(text) == {}


def test_a_noun_seen_glued_to_other_words_is_not_a_name() -> None:
    # 方针 is not on any stop-list: it is rejected because it ends the word 工作方针 elsewhere
    text = "坚持既定方针，会议要求各成员方针，落实到位。"
    assert "方针" not in people(text)
    assert "周凯" in people("会议宣读了《关于周凯等同志任职的通知》。集团党委副书记周凯讲话。")


@pytest.mark.parametrize("text, present, relayed", [
    ("会议由校党委书记李大胜主持。李大胜传达学习了省委书记李希在座谈会上讲话精神。", "李大胜", "李希"),
    ("会议传达学习了市委书记王强同志在全市工作会议上的重要讲话精神，会议由校党委书记张平主持。", "张平", "王强"),
    ("校党委副书记钟仰进传达了省长刘明的批示。", "钟仰进", "刘明"),
    ("全体与会人员学习贯彻了区委书记陈林的重要讲话。区长赵东主持会议。", "赵东", "陈林"),
])
def test_relayed_speakers_are_not_participants(text: str, present: str, relayed: str) -> None:
    found = people(text)
    assert present in found and relayed not in found


def test_a_relayed_speaker_who_is_also_present_stays() -> None:
    found = people("会议传达了市委书记王强的讲话精神。市委书记王强出席会议并讲话。")
    assert "王强" in found and "speaker" in found["王强"][1]


# --- national leaders, the complete surname list, and common words that open or end with a surname

@pytest.mark.parametrize("text, name, title", [
    ("12月25日，市委召开常委会议。市委书记习近平主持会议。", "习近平", "市委书记"),
    ("中共中央政治局11月28日召开会议。中共中央总书记习近平主持会议。", "习近平", "中共中央总书记"),
    ("全国人大常委会副委员长铁凝主持会议。", "铁凝", "全国人大常委会副委员长"),
    ("国务委员谌贻琴主持会议。", "谌贻琴", "国务委员"),
    ("全国政协副主席咸辉主持会议。", "咸辉", "全国政协副主席"),
    ("区委书记洪建国主持会议。", "洪建国", "区委书记"),
    ("副市长赫连明主持会议。", "赫连明", "副市长"),
])
def test_chair_with_a_surname_from_the_full_list(text: str, name: str, title: str) -> None:
    found = people(text)
    assert found[name] == (title, ["chair"])


@pytest.mark.parametrize("text", [
    "李强表示，今年9月召开的峰会上，习近平主席郑重提出全球治理倡议。",  # 郑重 "solemnly"; a cited leader
    "他说，中方愿同各成员国一道，推进合作。",  # 成员国 + 一道
    "全国人大常委会有关副秘书长，全国人大有关专门委员会、常委会有关工作委员会负责人就有关议题作了汇报。",
    "开幕会听取了全国政协有关专门委员会关于调研情况的报告。",
    "会议经表决，张杰、曹卫星同志不再担任教科卫体委员会副主任，陈国庆同志不再担任社会和法制委员会副主任。",
    "会议通过关于免去傅兴国同志委员职务的决定。",
    "丁薛祥表示，中国高度重视中欧班列发展。习近平主席强调，推动中欧班列高质量发展。",
    "他指出，习近平总书记强调，要坚持人民至上。",
    "镇党委书记和分管“工改”工作的两委参加会议。",
    "在“总书记有号令、党中央有部署”的感召下，全省行动起来。",
])
def test_words_and_cited_leaders_are_no_participants(text: str) -> None:
    assert people(text) == {}


@pytest.mark.parametrize("text, name", [
    ("副市长江涛出席会议。", "江涛"),  # 长江 is a word, but 市长 is the post before the name
    ("局长于洋主持会议。", "于洋"),  # 长于 likewise
    ("市长高峰出席会议并讲话。", "高峰"),  # a word that is also a common name
    ("县委书记和平安主持会议。", "和平安"),  # a weak surname, right after a post, before a verb
])
def test_names_next_to_words_they_could_form(text: str, name: str) -> None:
    assert name in people(text)


def test_a_posts_remit_and_a_bracketed_post_stay_in_the_title() -> None:
    found = people("座谈会上，中央组织部分管日常工作的副部长黄建发、中央党校（国家行政学院）分管日常工作的副校长（副院长）"
                   "谢春涛、湖南省委书记沈晓明先后发言。")
    assert found["黄建发"] == ("中央组织部分管日常工作的副部长", ["speaker"])
    assert found["谢春涛"] == ("中央党校（国家行政学院）分管日常工作的副校长（副院长）", ["speaker"])
    assert found["沈晓明"] == ("湖南省委书记", ["speaker"])


def test_a_separator_bar_is_no_part_of_a_word() -> None:
    text = "中共中央总书记习近平发表重要讲话。新闻链接 受权发布丨习近平：在座谈会上的讲话"
    assert people(text)["习近平"] == ("中共中央总书记", ["speaker"])


@pytest.mark.parametrize("text", [
    "中共中央总书记习近平在主持学习时强调，要健全长效机制。",
    "市委书记王某在主持会议时指出，要抓好落实。",
])
def test_chairing_while_speaking(text: str) -> None:
    (p,) = find_people(text)
    assert "chair" in p.roles and "speaker" in p.roles


@pytest.mark.parametrize("text, name, title", [
    ("会上，娲石水泥集团有限公司机关党支部委员陈春旺发言。", "陈春旺", "娲石水泥集团有限公司机关党支部委员"),  # 有 of 有限 is no stop
    ("会上，某某省某某市某某县某某镇某某村某某实业发展投资股份合作管理总公司机关党支部委员陈春旺发言。", "陈春旺",
     "某某省某某市某某县某某镇某某村某某实业发展投资股份合作管理总公司机关党支部委员"),  # 39 characters: whole
    ("会上，某某国某某省某某市某某县某某区某某镇某某村某某实业发展投资股份合作管理总公司机关党支部委员陈春旺发言。", "陈春旺",
     "某某市某某县某某区某某镇某某村某某实业发展投资股份合作管理总公司机关党支部委员"),  # too long: cut after an organisation ending
])
def test_long_organisations_in_titles(text: str, name: str, title: str) -> None:
    assert people(text)[name][0] == title


@pytest.mark.parametrize("text", [
    "县委常委会召开\n申文霞指出，市委全会是一次重要会议。赵革书记的讲话站位高、思路明。",
    "市委召开会议\n会议认为，李四同志的讲话很有针对性。",
])
def test_a_speech_spoken_of_is_relayed(text: str) -> None:
    assert "赵革" not in people(text) and "李四" not in people(text)


def test_a_transcripts_headline_names_its_speaker() -> None:
    assert people("国家发展改革委投资司韩志峰处长的讲话\n各位代表，同志们：")["韩志峰"][0] == "处长"


@pytest.mark.parametrize("text, name", [
    ("国务院食品安全委员会副主任回良玉出席会议并讲话。", "回良玉"),
    ("自治区副主席回建军主持会议。", "回建军"),
])
def test_a_verb_like_surname_opens_a_three_character_name(text: str, name: str) -> None:
    assert name in people(text)


@pytest.mark.parametrize("text", [
    "局长回应了群众关切。",
    "书记回顾了一年来的工作。",
    "主任回到单位后传达了会议精神。",
    "处长回答了记者提问。",
])
def test_a_verb_like_surname_before_its_verb_is_not_a_name(text: str) -> None:
    assert not any(name.startswith("回") for name in people(text))


@pytest.mark.parametrize("text, name", [
    ("学校邀请天津财经大学侯欣一教授作《两会归来话两会》的宣讲报告。", "侯欣一"),
    ("学院邀请北京师范大学张文华教授作专题辅导报告。", "张文华"),
    ("中心特邀复旦大学李建平教授为全体党员作专题讲座。", "李建平"),
])
def test_a_lecturer_written_after_a_university(text: str, name: str) -> None:
    found = people(text)
    assert name in found and "lecturer" in found[name][1]


@pytest.mark.parametrize("text, name, role", [
    ("国务院食品安全委员会主任李克强昨天主持召开委员会全体会议。", "李克强", "chair"),
    ("市委书记王刚今天上午出席会议并讲话。", "王刚", "speaker"),
    ("副市长赵丽日前主持召开专题会议。", "赵丽", "chair"),
])
def test_a_day_word_between_a_name_and_its_verb(text: str, name: str, role: str) -> None:
    assert role in people(text)[name][1]
