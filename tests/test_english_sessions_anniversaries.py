"""English without a model: a congress's session with its term said first, events joined by 和,
anniversaries marked, and the genre's terms for enterprises, briefings and admonitions."""
from __future__ import annotations

import pytest

from summarise.english import translate_event, translate_headline


@pytest.mark.parametrize("zh,en", [
    ("县十五届人大三次会议", "3rd Session of the 15th County People's Congress"),
    ("省第十三届人大一次会议", "1st Session of the 13th Provincial People's Congress"),
    ("省政协第十二届一次会议", "1st Session of the 12th Provincial CPPCC Committee"),
    ("十四届全国人大二次会议", "2nd Session of the 14th National People's Congress"),
    ("市政协十一届一次会议", "1st Session of the 11th Municipal CPPCC Committee"),
])
def test_a_session_is_named_whichever_side_of_the_congress_its_term_stands(zh, en):
    assert translate_event(zh) == en


def test_two_sessions_joined_by_he_are_each_named_in_full():
    assert translate_event("省第十三届人大一次会议和省政协第十二届一次会议") == (
        "1st Session of the 13th Provincial People's Congress and 1st Session of the 12th Provincial CPPCC Committee")


def test_an_event_joined_by_he_with_one_untranslated_name_is_not_joined():
    assert translate_event("区委常委会和某某某某会议") == "Meeting (full name not translated)"


@pytest.mark.parametrize("zh,en", [
    ("纪念胡耀邦同志诞辰110周年座谈会",
     "Symposium commemorating the 110th anniversary of the birth of Comrade Hu Yaobang"),
    ("庆祝中国共产党成立100周年大会",
     "Conference celebrating the 100th anniversary of the founding of the Communist Party of China"),
    ("建党98周年座谈会", "Symposium marking the 98th anniversary of the founding of the Party"),
    ("庆祝改革开放40周年大会", "Conference celebrating the 40th anniversary of reform and opening up"),
])
def test_an_anniversary_is_marked_with_whose_birth_or_founding_it_is(zh, en):
    assert translate_event(zh) == en


@pytest.mark.parametrize("zh", [
    "纪念某某某诞辰100周年座谈会",  # no surname: no one's name
    "纪念工作60周年座谈会",  # a bare word has no anniversary
    "纪念胡耀邦同志诞辰周年座谈会",  # no number
])
def test_an_anniversary_with_a_part_unread_is_not_composed(zh):
    assert "anniversary" not in (translate_event(zh) or "")


def test_a_headline_with_an_anniversary_event():
    assert translate_headline("中共中央举行纪念胡耀邦同志诞辰110周年座谈会 习近平发表重要讲话") == (
        "CPC Central Committee holds the symposium commemorating the 110th anniversary of the birth of Comrade Hu"
        " Yaobang; Xi Jinping delivers an important speech")


@pytest.mark.parametrize("zh,en", [
    ("县十五届人大三次会议胜利闭幕", "The 3rd Session of the 15th County People's Congress closes"),
    ("全县经济工作会议顺利开幕", "County-wide Economic Work Meeting held"),  # an opening never reads as a close
])
def test_a_session_closes_successfully(zh, en):
    assert translate_headline(zh) == en


@pytest.mark.parametrize("zh,en", [
    ("民营企业座谈会", "Symposium with private enterprises"),
    ("违法企业约谈会", "Admonition meeting with enterprises that broke the law"),
    ("重点企业发展座谈会", "Key Enterprises Development Symposium"),
    ("省情介绍会", "Provincial Conditions Briefing"),
    ("全国地方政协工作经验交流会", "National Local CPPCC Committee Work Experience-sharing Meeting"),
    ("危险化学品重大危险源企业警示约谈会", "Hazardous Chemicals Major Hazard Sources Enterprises Warning Admonition Meeting"),
])
def test_event_names_composed_of_the_genres_terms(zh, en):
    assert translate_event(zh) == en


@pytest.mark.parametrize("zh,en", [
    ("以银发经济为主题的民营企业面对面座谈会",
     "Private Enterprises Face-to-face Symposium on the theme of the silver economy"),
    ("银发经济主题民营企业面对面座谈会", "Private Enterprises Face-to-face Symposium on the theme of the silver economy"),
    ("以学习贯彻党的二十大精神为主题的报告会",
     "Lecture meeting on the theme of studying and implementing the spirit of the 20th Party Congress"),
    ("二十大报告解读讲座", "Lecture interpreting the report to the 20th Party Congress"),
    ("民法典解读讲座", "Lecture interpreting the Civil Code"),
])
def test_an_event_on_a_theme_or_interpreting_a_text(zh, en):
    assert translate_event(zh) == en


@pytest.mark.parametrize("zh", ["以某某某为主题的座谈会", "某某某解读讲座"])
def test_a_theme_with_no_english_leaves_the_name_marked(zh):
    assert "theme" not in (translate_event(zh) or "") and "interpreting" not in (translate_event(zh) or "")


def test_a_thematic_education_campaign_is_no_theme_frame():
    assert translate_event("主题教育动员大会") == "Thematic Education Campaign Mobilisation Meeting"


@pytest.mark.parametrize("zh,en", [
    ("第二届中欧班列国际合作论坛", "2nd China-Europe Railway Express International Cooperation Forum"),
    ("南京大学智慧党建管理服务平台培训及答疑会",
     "Nanjing University Smart Party Building Management and Service Platform Training and Q&A Session"),
])
def test_event_names_of_national_and_campus_news(zh, en):
    assert translate_event(zh) == en


@pytest.mark.parametrize("zh,en", [
    ("深入学习实践科学发展观活动专题辅导讲座",
     "Special guidance lecture on the campaign to thoroughly study and practise the Scientific Outlook on Development"),
    ("消防知识宣传讲座", "Fire Safety Knowledge Publicity Lecture"),
    ("2022年重点建设项目推进会", "2022 Key Construction Projects Promotion Meeting"),
    ("全区领导干部电视电话会议", "Teleconference of all leading officials of the district"),
    ("大气污染防治约谈会议", "Air Pollution Prevention and Control Admonition Meeting"),
])
def test_event_names_of_lectures_teleconferences_and_admonitions(zh, en):
    assert translate_event(zh) == en


@pytest.mark.parametrize("zh,en", [
    ("全区领导干部", "all leading officials of the district"),  # never "officials of the district-wide Leader"
    ("县直部门领导干部", "leading officials of county-level departments"),
    ("各镇领导干部", "leading officials of towns"),
])
def test_leading_officials_are_one_group_word(zh, en):
    from summarise.english import translate_group
    assert translate_group(zh) == en


@pytest.mark.parametrize("zh", ["柘皋镇召开企业家座谈会[图]", "柘皋镇召开企业家座谈会（图）", "柘皋镇召开企业家座谈会(视频)"])
def test_a_pictures_mark_in_any_bracket_is_no_part_of_the_headline(zh):
    assert translate_headline(zh) == "Zhegao Town holds the symposium with entrepreneurs"


@pytest.mark.parametrize("text, noun", [
    ("会议从5个方面进行了安排部署。", "aspects"),
    ("三名律师现场解答群众咨询。", "lawyers"),
    ("目前已有542家机构获得资格。", "institutions"),
    ("国内外有关方面约450人参加。", "relevant parties"),  # people of the parties, never "aspects"
    ("深入辖区18个行政村开展宣讲。", "administrative villages"),
])
def test_a_figure_says_what_it_counts_with_the_genres_count_nouns(text, noun):
    from summarise.offline import extract_facts
    from test_offline_docs import make_doc
    f = extract_facts(make_doc(f"镇党委召开会议\n8月1日，镇党委召开全体会议。{text}"))
    assert f.figures and f.figures[0].measures is not None and f.figures[0].measures.en == noun


@pytest.mark.parametrize("zh,en", [
    ("中层干部培训班第六讲辅导讲座", "Guidance lecture (No. 6) of the training course of mid-level officials"),
    ("全县党员干部大讲堂第3期专题讲座",
     "Special lecture (No. 3) of the lecture hall of all Party members and officials of the county"),
])
def test_one_event_of_a_numbered_series(zh, en):
    assert translate_event(zh) == en


def test_a_series_with_no_english_leaves_the_event_marked():
    assert translate_event("某某培训班第六讲辅导讲座") == "Guidance lecture (full name not translated)"


def test_the_sco_council_of_heads_of_government():
    assert translate_headline("李强出席上海合作组织成员国政府首脑（总理）理事会第二十四次会议") == (
        "Li Qiang attends the 24th Meeting of the Council of Heads of Government (Prime Ministers) of the SCO"
        " Member States")


@pytest.mark.parametrize("zh,en", [
    ("罗庄村村民", "Villager of Luozhuang Village"),
    ("学院退休教师", "Retired Teacher of the College"),
    ("县政府党组成员、政府办主任",
     "Member of the Leading Party Group of the County Government and Director of the Government Office"),
    ("学校纪委书记、监察专员",
     "Secretary of the Commission for Discipline Inspection of the School and Supervision Commissioner"),
])
def test_titles_of_villagers_teachers_and_offices(zh, en):
    from summarise.english import translate_title
    assert translate_title(zh) == en


@pytest.mark.parametrize("zh,en", [
    ("无党派人士代表", "representatives of non-Party figures"),
    ("全体组织员,各党支部书记", "all organisers and Party Branch Secretaries"),
])
def test_groups_of_non_party_figures_and_organisers(zh, en):
    from summarise.english import translate_group
    assert translate_group(zh) == en


@pytest.mark.parametrize("zh,en", [
    ("丹朱镇、大堡头镇、色头镇等乡镇负责人",
     "heads of towns and townships including Danzhu Town, Dabaotou Town and Setou Town"),
    ("区法院、区检察院等单位主要负责同志",
     "principal officials in charge of units including the District Court and the District Procuratorate"),
])
def test_a_group_of_bodies_named_as_examples_of_a_kind(zh, en):
    from summarise.english import translate_group
    assert translate_group(zh) == en


def test_examples_with_no_english_leave_the_group_untranslated():
    from summarise.english import translate_group
    assert translate_group("某某、某某等单位负责人") is None
