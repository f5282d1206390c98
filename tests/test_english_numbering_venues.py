"""English without a model for the genre's numbering (sessions, plenums, numbered meetings), the
speeches its topics name, groups listed together, venues, bare place names, and the byline or
slogan banner that is no headline."""
from __future__ import annotations

import pytest

from summarise.english import translate, translate_event, translate_group, translate_headline, translate_venue
from summarise.english.glossary import ordinal
from summarise.offline import bilingual, extract_facts
from test_offline_docs import make_doc


@pytest.mark.parametrize("n, en", [(1, "1st"), (2, "2nd"), (3, "3rd"), (11, "11th"), (12, "12th"), (13, "13th"),
                                   (21, "21st"), (112, "112th"), (143, "143rd")])
def test_ordinals(n: int, en: str) -> None:
    assert ordinal(n) == en


@pytest.mark.parametrize("zh, en", [
    ("县委十三届八次全会", "the 8th Plenary Session of the 13th County Party Committee"),
    ("省委十二届五次全体(扩大)会议", "the 5th Enlarged Plenary Session of the 12th Provincial Party Committee"),
    ("市委九届四次全会会议精神", "the spirit of the 4th Plenary Session of the 9th Municipal Party Committee"),
    ("党的十七届五中全会", "the Fifth Plenum of the 17th Central Committee"),
    ("二十届二中全会精神", "the spirit of the Second Plenum of the 20th Central Committee"),
    ("区委常委会(扩大)会议", "District Party Committee Standing Committee Enlarged Meeting"),
])
def test_sessions_and_plenums(zh: str, en: str) -> None:
    assert translate(zh) == en


@pytest.mark.parametrize("zh, en", [
    ("九届党委常委会第52次会议", "52nd Meeting of the 9th Party Committee Standing Committee"),
    ("全国政协十三届常委会第八次会议", "8th Meeting of the Standing Committee of the 13th National CPPCC Committee"),
    ("第二次全体会议", "2nd Plenary Session"),
    ("理论学习会议", "Theory Study Meeting"),
])
def test_numbered_meetings(zh: str, en: str) -> None:
    assert translate_event(zh) == en


@pytest.mark.parametrize("zh, en", [
    ("学习贯彻习近平总书记在湖南考察时的重要讲话精神",
     ("studying and implementing the spirit of the important speech General Secretary Xi Jinping gave during an "
     "inspection of Hunan")),
    ("县委书记在全县工作会议上的讲话",
     "the speech the Secretary of the County Party Committee gave at the County-wide Work Conference"),
])
def test_speeches_a_topic_names(zh: str, en: str) -> None:
    assert translate(zh) == en


def test_an_event_name_of_topic_body_and_type_reads_type_body_topic() -> None:
    assert translate_event("学习贯彻党的二十大精神市委宣讲团报告会") == (
        "Lecture meeting of the Municipal Party Committee Publicity Lecture Team on studying and implementing the "
        "spirit of the 20th Party Congress")


@pytest.mark.parametrize("zh, en", [
    ("区法院、区检察院主要负责同志",
     "principal officials in charge of the District Court and the District Procuratorate"),
    ("相关部门、企业负责人", "heads of relevant departments and relevant enterprises"),
    ("相关单位负责人", "heads of relevant units"),
    ("县直部门负责人", "heads of county-level departments"),
    ("学院辅导员、学生党员代表", "Counsellors of the College and representatives of student Party members"),
    ("乡镇党委书记", "Town and Township Party Secretaries"),
])
def test_groups_listed_together(zh: str, en: str) -> None:
    assert translate_group(zh) == en


@pytest.mark.parametrize("zh, en", [
    ("三楼多功能厅", "Multi-function Hall, 3rd Floor"),
    ("行政楼302会议室", "Meeting Room 302, Administration Building"),
    ("南湖校区至善楼二楼报告厅", "Lecture Hall, 2nd Floor, Zhishan Building, Nanhu Campus"),
    ("新门诊楼十二楼会议室", "Meeting Room, 12th Floor, New Outpatient Building"),
    ("株洲大剧院", "Zhuzhou Grand Theatre"),
    ("东湖校区", "Donghu Campus"),
    ("市民中心", None),
    ("区文化会议中心", None),
])
def test_venues(zh: str, en: str | None) -> None:
    assert translate_venue(zh) == en


@pytest.mark.parametrize("zh, en", [("株洲", "Zhuzhou"), ("南昌", "Nanchang"), ("线上", None), ("现场", None),
                                    ("我市", "the city"), ("本县", "the county"), ("东湖校区", "Donghu Campus")])
def test_the_place_of_an_event(zh: str, en: str | None) -> None:
    assert bilingual.place(zh).en == en


@pytest.mark.parametrize("zh, en", [
    ("市宣讲团来县宣讲党的二十届三中全会精神",
     ("Municipal Publicity Lecture Team gives a publicity lecture on the spirit of the Third Plenum "
     "of the 20th Central Committee")),
    ("党组书记、局长王某传达十二届县委常委会第38次会议精神",
     ("Wang Mou (Secretary of the Leading Party Group and Director) relays the spirit of the 38th Meeting of "
     "the 12th County Party Committee Standing Committee")),
])
def test_headlines_publicity_and_relaying(zh: str, en: str) -> None:
    assert translate_headline(zh) == en


@pytest.mark.parametrize("first", ["（记者 王小明）", "晚报记者 张三 通讯员 李四", "文/记者：赵武", "实干兴业 创新引领 共享发展"])
def test_a_byline_or_a_slogan_banner_is_no_headline(first: str) -> None:
    f = extract_facts(make_doc(f"{first}\n3月2日，县委召开常委会会议。县委书记王某主持会议。", title=""))
    assert f.headline is None


def test_a_headline_that_names_a_reporter_stays_a_headline() -> None:
    f = extract_facts(make_doc("本报记者专访县委书记\n3月2日，县委召开常委会会议。县委书记王某主持会议。"))
    assert f.headline is not None and f.headline.zh == "本报记者专访县委书记"


@pytest.mark.parametrize("zh, en", [
    ("全省招商引资推介会在武汉举行", "Province-wide Investment Attraction Promotion Conference held in Wuhan"),
    ("党的二十大代表、院长李某作学习贯彻党的二十大精神专题辅导报告",
     ("Li Mou (Delegate to the 20th Party Congress and President) gives the special guidance lecture on studying "
     "and implementing the spirit of the 20th Party Congress")),
])
def test_headlines_places_and_delegates(zh: str, en: str) -> None:
    assert translate_headline(zh) == en


@pytest.mark.parametrize("zh, en", [
    ("原江苏省卫生计生委副巡视员", "Former Deputy Inspector of the Jiangsu Provincial Health and Family Planning Commission"),
    ("省社会科学院原副院长", "Former Vice President of the Provincial Academy of Social Sciences"),
    ("原平市委书记", "Secretary of the Yuanping Municipal Party Committee"),
    ("二十大精神宣讲团成员", "Member of the Publicity Lecture Team on the spirit of the 20th Party Congress"),
    ("河南大学马克思主义学院副院长", "Vice President of the School of Marxism of the Henan University"),
    ("校组织人事部长", "Head of the University Organisation and Personnel Department"),
    ("县委统战部副部长", "Deputy Head of the United Front Work Department of the County Party Committee"),
    ("财政部副部长", "Vice Minister of the Ministry of Finance"),
    ("我校国家治理研究院院长", "President of the University Institute for State Governance"),
    ("县直机关工委书记", "Secretary of the county-level Working Committee for Organs"),
    ("副县长、公安局长", "Deputy County Magistrate and Director of the Public Security Bureau"),
    ("教务处副处长", "Deputy Division Director of the Academic Affairs Office"),
    ("院党委常务副书记", None),
    ("校党委常务副书记", "Executive Deputy Secretary of the University Party Committee"),
    ("县长助理", "Assistant to the County Magistrate"),
    ("部长助理", "Assistant Minister"),
])
def test_titles_former_posts_teams_universities_departments(zh: str, en: str | None) -> None:
    from summarise.english import translate_title
    assert translate_title(zh) == en


@pytest.mark.parametrize("zh, en", [
    ("区政协九届二次会议", "the 2nd Session of the 9th District CPPCC Committee"),
    ("首场报告会", "First Lecture Meeting"),
    ("县第五次党代会精神", "the spirit of the 5th County Party Congress"),
    ("十三市联席会议预备会", None),
    ("湖北省武汉市", "Hubei Province Wuhan City"),
])
def test_sessions_firsts_congresses_and_numbers_that_are_no_places(zh: str, en: str | None) -> None:
    assert translate(zh) == en


@pytest.mark.parametrize("zh, en", [
    ("关于开展2023年5月份党支部主题党日活动的通知", "Notice on carrying out the May 2023 Party Branch Party Day Activities"),
    ("湖南省长沙市岳麓区:党的二十大精神宣讲进社区",
     ("Yuelu District, Changsha City, Hunan Province: Publicity lectures on the spirit of the 20th Party Congress reach "
     "the communities")),
    ("株洲市芦淞区:党的二十大精神宣讲进校园",
     "Lusong District, Zhuzhou City: Publicity lectures on the spirit of the 20th Party Congress reach the campuses"),
    ("县委宣讲团到乡镇 宣讲县第五次党代会精神",
     ("County Party Committee Publicity Lecture Team gives a publicity lecture on the spirit of the 5th County Party "
     "Congress in the towns")),
    ("学院“青年大讲堂”正式启动", "A lecture hall (full name not translated) launched"),
    ("新城镇召开驻村第一书记对接会", "Xincheng Town holds the Resident First Secretary Matchmaking Meeting"),
])
def test_headlines_of_grass_roots_lectures(zh: str, en: str | None) -> None:
    assert translate_headline(zh) == en


@pytest.mark.parametrize("first", ["??? □记者 赵霞 报道", "（资料图片）", "“青年大讲堂”。通讯员 供图", "图为会议现场"])
def test_a_caption_or_a_damaged_byline_is_no_headline(first: str) -> None:
    f = extract_facts(make_doc(f"{first}\n3月2日，县委召开常委会会议。县委书记王某主持会议。", title=""))
    assert f.headline is None


@pytest.mark.parametrize("zh, en", [
    ("王某讲话 李某主持", "Wang Mou delivers a speech; Li Mou chairs"),
    ("弘扬优良传统 扎根岗位 学院党委召开支部书记例会",
     "College Party Committee holds the Branch Secretary Regular Meeting (part of headline not translated)"),
    ("党课“走心” 教育“走实”", None),
])
def test_headlines_in_parts(zh: str, en: str | None) -> None:
    assert translate_headline(zh) == en
