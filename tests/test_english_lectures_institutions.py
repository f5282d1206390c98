"""English without a model: lectures given to an audience or at a place, institutions named by
their own name or number, people of a place, and the parts that must never be misread."""
from __future__ import annotations

import pytest

from summarise.english import (
    translate,
    translate_event,
    translate_group,
    translate_headline,
    translate_title,
    translate_venue,
)


@pytest.mark.parametrize("zh,en", [
    ("张医生为社区居民开展健康讲座", "Dr Zhang gives the Health Lecture to residents of the community"),
    ("王明为学生讲授法治课", "Wang Ming gives a rule-of-law class to students"),
    ("王明为全校师生作专题讲座", "Wang Ming gives a special lecture to all teachers and students of the university"),
    ("王明同志为全体党员讲党课", "Wang Ming gives a Party lesson to all Party members"),
    ("欧阳教授为村民作讲座", "Professor Ouyang gives a lecture to villagers"),
])
def test_a_lecture_given_to_an_audience(zh: str, en: str) -> None:
    assert translate_headline(zh) == en


def test_a_lecture_to_an_audience_with_no_english_is_not_said() -> None:
    # the audience is part of the frame: an unknown one leaves the headline untranslated
    assert translate_headline("王明为某某同学作讲座") is None


@pytest.mark.parametrize("zh,en", [
    ("县人民法院法官到红星小学开展法治讲座",
     "Judge of the County People's Court holds a lecture on rule of law at Hongxing Primary School"),
    ("五老宣讲团走进红星村宣讲", "Five Elders Publicity Lecture Team gives publicity lectures in Hongxing Village"),
    ("县委宣讲团走进乡镇宣讲", "County Party Committee Publicity Lecture Team gives publicity lectures in the towns"),
])
def test_a_lecture_where_the_speaker_goes(zh: str, en: str) -> None:
    assert translate_headline(zh) == en


def test_a_verb_is_no_part_of_a_place_name() -> None:
    # 团走进乡: a verb between two words, not a township's name
    assert "Tuanzoujin" not in (translate("县委宣讲团走进乡镇宣讲") or "")
    assert translate("县委宣讲团走进乡镇宣讲") is None


def test_the_organisation_department_is_no_verb() -> None:
    # 县委组织部召开…: 组织 opens the department's name; it is not the verb
    assert translate_headline("县委组织部召开全县组织工作会议") == (
        "County Party Committee Organisation Department holds the County-wide Organisational Work Meeting")


@pytest.mark.parametrize("zh,en", [
    ("市四医院党委书记", "Party Secretary of the Municipal No. 4 Hospital"),
    ("县一中校长", "Principal of the County No. 1 Middle School"),
    ("陕西投资集团董事长", "Chairman of the Board of the Shaanxi Investment Group"),
    ("隆基绿能科技公司董事长", "Chairman of the Board of the Longji Lüneng Technology Company"),
    ("娲石水泥集团有限公司董事长", "Chairman of the Board of the Washi Cement Group Co., Ltd."),
    ("广西科技大学党委副书记", "Deputy Secretary of the Party Committee of the Guangxi University of Science and Technology"),
    ("中共湖北省委讲师团成员", "Member of the lecturers' group of the Hubei Provincial Party Committee"),
])
def test_institutions_by_name_number_and_trade(zh: str, en: str) -> None:
    assert translate_title(zh) == en


@pytest.mark.parametrize("zh", [
    "上市公司董事长",  # a listed company: a kind, no name
    "八分公司项目经理",  # the eighth branch: a number, no name
    "浙江大学中国农村发展研究院副院长",  # 中国农村 is rural China, not a village "Daxuezhongguonong"
])
def test_words_are_no_institution_names(zh: str) -> None:
    assert translate_title(zh) is None


def test_a_headline_with_a_numbered_hospital() -> None:
    assert translate_headline("市四医院党委书记讲党课") == "Party Secretary of the Municipal No. 4 Hospital gives a Party lesson"


@pytest.mark.parametrize("zh,en", [
    ("社区居民", "residents of the community"),
    ("红星村村民", "villagers of Hongxing Village"),
    ("全县党员干部", "all Party members and officials of the county"),
    ("全院党员共100余人", "all Party members of the institution (more than 100 in all)"),
    ("集团机关部门及中心负责人", "heads of Group Organs departments and the Center"),  # departments are no people
])
def test_people_of_a_place_or_body(zh: str, en: str) -> None:
    assert translate_group(zh) == en


@pytest.mark.parametrize("zh,en", [
    ("县委党校邀请王明教授作专题报告",
     "County Party Committee Party School invites Wang Ming (Professor) to give a special lecture"),
    ("县委党校邀请王明教授为全体学员作专题报告",
     "County Party Committee Party School invites Wang Ming (Professor) to give a special lecture to all trainees"),
    ("王明教授应邀来我校作学术报告", "Wang Ming (Professor) gives an academic lecture at the university"),
    ("王明教授来我校讲学", "Wang Ming (Professor) gives lectures at the university"),
    ("专家学者走进红星社区宣讲党的二十大精神",
     "Experts and scholars give publicity lectures on the spirit of the 20th Party Congress in Hongxing Community"),
    ("市人大常委会领导下乡宣讲十七大",
     ("Leaders of the Municipal People's Congress Standing Committee give publicity lectures on the 17th Party Congress"
      " in the countryside")),
    ("县司法局开展法治宣传进社区活动",
     "County Justice Bureau carries out activities bringing rule-of-law publicity to the communities"),
    ("红星社区开展党的二十大精神主题宣讲活动",
     "Hongxing Community holds publicity lectures on the spirit of the 20th Party Congress"),
])
def test_invited_speakers_people_of_a_kind_and_campaigns(zh: str, en: str) -> None:
    assert translate_headline(zh) == en


def test_going_to_the_countryside_is_no_place() -> None:
    # 领导下乡: going to the countryside, not a township
    assert "Lingdaoxia" not in (translate("市人大常委会领导下乡") or "")


def test_a_number_after_an_event_is_no_purpose() -> None:
    # 大讲堂第三期: the issue of a series, not a purpose
    assert translate_headline("县委党校举办大讲堂第三期") == "County Party Committee Party School holds the lecture hall (No. 3)"


def test_a_plural_event_takes_no_article_even_when_its_name_is_not_translated() -> None:
    assert translate_headline("红星社区开展某某主题宣讲活动") == "Hongxing Community holds publicity lectures (full name not translated)"


@pytest.mark.parametrize("zh,en", [
    ("区政府全体(扩大)会议暨项目投资工作推进会",
     "District Government Enlarged Plenary Session and Project Investment Work Promotion Meeting"),
    ("“党史学习教育”动员大会暨专题讲座", "Party History Study and Education Mobilisation Meeting and Special Lecture"),
    ("五届68次区政府常务会议", "68th Executive Meeting of the 5th District Government"),
    ("区疫情防控指挥部第71次会议", "71st Meeting of the District Epidemic Prevention and Control Headquarters"),
    ("村级组织换届选举工作动员会",
     "Work mobilisation meeting on the elections of village-level organisations for the change of term"),
])
def test_events_joined_numbered_and_described(zh: str, en: str) -> None:
    assert translate_event(zh) == en


def test_two_bodies_keep_their_own_numbers() -> None:
    # the 71st meeting is the headquarters', not the Standing Committee's too
    assert not (translate_event("区委常委会暨区疫情防控指挥部第71次会议") or "").startswith("71st")


def test_a_committee_owning_a_lecture_team_is_no_part_of_its_topic() -> None:
    assert "on Provincial Party Committee spirit" not in (translate_event("省委党的十九届四中全会精神宣讲团报告会") or "")


@pytest.mark.parametrize("zh,en", [
    ("区财政局二级主任科员", "Level-2 Principal Staff Member of the District Finance Bureau"),
    ("宿城法院速裁庭负责人", "Head of the Summary Trial Division of the Sucheng Court"),
    ("少先大队辅导员", "Counsellor of the Young Pioneers Brigade"),
])
def test_ranks_courts_and_their_divisions(zh: str, en: str) -> None:
    assert translate_title(zh) == en


def test_town_level_units() -> None:
    assert translate_group("镇直单位负责人") == "heads of town-level units"


@pytest.mark.parametrize("zh,en", [
    ("四楼指挥大厅", "Command Hall, 4th Floor"),
    ("区政务服务中心四楼", "4th Floor, District Government Services Center"),
    ("区机关大院2号楼二楼会议室", "Meeting Room, 2nd Floor, Building 2, District Government Compound"),
])
def test_venues_floors_and_numbered_buildings(zh: str, en: str) -> None:
    assert translate_venue(zh) == en


@pytest.mark.parametrize("zh,en", [
    ("王明以“党的二十大精神”为题作专题辅导",
     "Wang Ming gives a special guidance lecture on the spirit of the 20th Party Congress"),
    ("王明作题为“乡村振兴”的专题讲座", "Wang Ming gives a special lecture on rural revitalisation"),
    ("王明围绕乡村振兴作专题报告", "Wang Ming gives a special lecture on rural revitalisation"),
    ("王明作题为“某某某某”的专题讲座", "Wang Ming gives a special lecture (full name not translated)"),
    ("红星社区邀请律师开展法律知识讲座", "Hongxing Community invites a lawyer to hold the Law Lecture"),
    ("县委召开党外人士座谈会", "County Party Committee holds the symposium with non-Party figures"),
    ("县委宣讲团成员王明在红星社区宣讲",
     ("Wang Ming (Member of the publicity lecture team of the County Party Committee) gives publicity lectures"
      " in Hongxing Community")),
])
def test_a_talk_titled_or_on_a_theme_and_events_with_people_of_a_kind(zh: str, en: str) -> None:
    assert translate_headline(zh) == en


@pytest.mark.parametrize("zh,en", [
    ("李克强谈食品安全问题", "Li Keqiang on food safety issues"),
    ("县委书记王明走访企业调研工业发展",
     "Wang Ming (Secretary of the County Party Committee) visits enterprises on a research visit on industrial development"),
])
def test_a_person_on_a_topic_and_a_visit_to_enterprises(zh: str, en: str) -> None:
    assert translate_headline(zh) == en


@pytest.mark.parametrize("zh", ["县委谈发展", "王明主持召开座谈会议"])
def test_only_a_person_talks_on_a_topic(zh: str) -> None:
    assert not (translate_headline(zh) or "").endswith(" on development")
    assert " on 会" not in (translate_headline(zh) or "")


def test_a_city_named_with_its_level_is_not_another_city() -> None:
    # 津市市委: the committee of 津市 (Jinshi), not "Tianjin Municipal Municipal Party Committee"
    assert "Tianjin" not in (translate_title("津市市委书记") or "")


def test_a_party_lesson_keeps_its_topic_and_audience() -> None:
    # 讲授 is read whole, so the lesson keeps its topic
    assert translate_headline("王明为全体党员讲授中央八项规定精神专题党课") == (
        "Wang Ming gives a special Party lesson on the spirit of the Central Committee's eight-point rules"
        " to all Party members")


@pytest.mark.parametrize("zh,en", [
    ("全国两会精神", "the spirit of the National Two Sessions"),
    ("社会主义核心价值观", "core socialist values"),
])
def test_recurring_topics_of_the_genre(zh: str, en: str) -> None:
    assert translate(zh) == en


@pytest.mark.parametrize("zh,en", [
    ("各村(社区)党委书记", "Village (Community) Party Secretaries"),
    ("各镇(街道)负责人", "heads of towns (subdistricts)"),
])
def test_a_unit_and_its_alternative_in_brackets(zh: str, en: str) -> None:
    assert translate_group(zh) == en


def test_a_bracket_naming_a_post_is_not_read() -> None:
    assert translate_group("乡镇长(主任)") is None


@pytest.mark.parametrize("zh,en", [
    ("省级山东商会会长", "President of the Provincial-level Shandong Chamber of Commerce"),
    ("国家知识产权局副局长", "Deputy Director of the China National Intellectual Property Administration"),
])
def test_the_institution_a_level_and_national_administrations(zh: str, en: str) -> None:
    assert translate_title(zh) == en


def test_a_symposium_with_people_of_a_kind_is_said_so_before_a_name_in_source_order() -> None:
    assert translate_event("企业家代表座谈会") == "Symposium with representatives of entrepreneurs"


@pytest.mark.parametrize("zh,en", [
    ("红星村召开党员大会（图）", "Hongxing Village holds the conference of Party members"),
    ("红星社区：开展健康讲座", "Hongxing Community: Health Lecture held"),
    ("党的二十大精神宣讲团走进红星村",
     "The Publicity Lecture Team on the spirit of the 20th Party Congress visits Hongxing Village"),
    ("县检察院检察长王明到红星中学上法治课",
     "Wang Ming (Chief Procurator of the County Procuratorate) gives a rule-of-law class at Hongxing Middle School"),
    ("王明来到蔡堂镇黄菜园行政村", "Wang Ming visits Huangcaiyuan Administrative Village, Caitang Town"),
])
def test_visits_classes_at_a_school_and_headline_marks(zh: str, en: str) -> None:
    assert translate_headline(zh) == en


def test_a_town_and_its_village_are_not_one_name() -> None:
    # 红星镇红星村: a town and its village, two names
    assert "Hongxingzhen" not in (translate_title("红星镇红星村党支部书记") or "")
    assert translate_title("萍乡市委书记") == "Secretary of the Pingxiang Municipal Party Committee"


@pytest.mark.parametrize("zh,en", [
    ("县委书记王明为基层党员干部宣讲党的二十大精神",
     ("Wang Ming (Secretary of the County Party Committee) gives a publicity lecture on the spirit of the 20th Party"
      " Congress to grass-roots Party members and officials")),
    ("王明为红星社区居民讲解医保政策", "Wang Ming explains medical insurance policies to residents of Hongxing Community"),
    ("王明给同学们上了一堂生动的法治课", "Wang Ming gives a lively rule-of-law class to students"),
    ("王明在县委党校作专题报告", "Wang Ming gives a special lecture at the County Party Committee Party School"),
    ("王明应邀为县直机关党员干部作专题党课",
     "Wang Ming gives a special Party lesson to Party members and officials of county-level organs"),
    ("王明教授为我校师生作专题报告",
     "Wang Ming (Professor) gives a special lecture to teachers and students of the university"),
])
def test_topics_told_to_an_audience_and_talks_at_a_place(zh: str, en: str) -> None:
    assert translate_headline(zh) == en
