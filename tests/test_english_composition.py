"""English composed from parts, so that unseen combinations render and a part with no English
leaves the whole untranslated: a place's level kept before its body, institutions named for a place,
ordinals and deictics in titles, venues with their owner, groups by rank, level and kind, and the
headline frames of visits (X到Y调研) and of lectures reaching a place (宣讲进村)."""
from __future__ import annotations

import pytest

from summarise.english import translate_group, translate_headline, translate_venue
from summarise.english.glossary import translate, translate_title


@pytest.mark.parametrize("zh, en", [
    ("开阳县人大常委会主任", "Director of the Kaiyang County People's Congress Standing Committee"),
    ("昆寨乡党委委员", "Member of the Kunzhai Township Party Committee"),
    ("花溪区发改局局长", "Director of the Huaxi District Development and Reform Bureau"),
    ("石门乡人民政府乡长", "Township Head of the Shimen Township People's Government"),
    ("青海省财政厅厅长", "Director of the Qinghai Provincial Department of Finance"),
    ("绩东社区党总支书记", "Secretary of the Jidong Community General Party Branch"),
    ("遵义市委宣传部副部长", "Deputy Head of the Publicity Department of the Zunyi Municipal Party Committee"),
])
def test_a_place_keeps_its_level_before_a_body(zh: str, en: str) -> None:
    assert translate_title(zh) == en


@pytest.mark.parametrize("zh, en", [
    ("团结村村主任", "Village Director of Tuanjie Village"),
    ("石门镇镇长", "Town Mayor of Shimen Town"),
])
def test_a_level_that_repeats_the_place_is_the_posts(zh: str, en: str) -> None:
    assert translate_title(zh) == en


@pytest.mark.parametrize("zh, en", [
    ("石门中学校长", "Principal of the Shimen Middle School"),
    ("龙岗小学副校长", "Vice Principal of the Longgang Primary School"),
    ("蔡堂司法所所长", "Director of the Caitang Judicial Office"),
    ("石门派出所所长", "Director of the Shimen Police Station"),
    ("县委党校校长", "President of the Party School of the County Party Committee"),
])
def test_institutions_named_for_a_place(zh: str, en: str) -> None:
    assert translate_title(zh) == en


@pytest.mark.parametrize("zh", ["实验小学校长", "附属中学校长"])
def test_a_common_word_before_an_institution_is_no_name(zh: str) -> None:
    assert translate_title(zh) is None


@pytest.mark.parametrize("zh, en", [
    ("开阳县政务服务中心主任", "Director of the Kaiyang County Government Services Center"),
    ("县委办主任", "Director of the County Party Committee Office"),
    ("镇党政办主任", "Director of the Town Party and Government Office"),
    ("东岳村党组织书记", "Party Organisation Secretary of Dongyue Village"),
    ("团县委书记", "Secretary of the County Committee of the Communist Youth League"),
    ("镇卫生院院长", "President of the Town Health Center"),
])
def test_grass_roots_organs_and_posts(zh: str, en: str) -> None:
    assert translate_title(zh) == en


def test_a_village_is_no_part_of_its_own_name() -> None:
    assert "Tuanjiecun" not in (translate("团结村村委会") or "")


@pytest.mark.parametrize("zh, en", [
    ("青木川景区管委会办公室主任", "Director of the Office of the Qingmuchuan Scenic Area Administrative Committee"),
    ("庞河经济开发区管委会副主任", "Deputy Director of the Panghe Economic Development Zone Administrative Committee"),
    ("经济开发区党工委书记", "Secretary of the Party Working Committee of the Economic Development Zone"),
    ("县委组织部常务副部长", "Executive Deputy Head of the Organisation Department of the County Party Committee"),
    ("萍乡市委书记", "Secretary of the Pingxiang Municipal Party Committee"),
    ("单县县长", "County Magistrate of Shan County"),
])
def test_zones_areas_and_place_names(zh: str, en: str) -> None:
    assert translate_title(zh) == en


def test_a_province_before_a_county_is_its_own_name() -> None:
    assert translate_title("山东单县司法局局长") == "Director of the Shandong Shan County Justice Bureau"


def test_a_level_other_than_the_places_is_no_post_of_it() -> None:
    assert translate_title("黄石市县领导") is None  # the city's and the counties' leaders, not a "County Leader"


@pytest.mark.parametrize("zh, en", [
    ("市委党校报告厅", "Lecture Hall, Municipal Party Committee Party School"),
    ("县政府三楼会议室", "Meeting Room, 3rd Floor, County Government"),
    ("镇201会议室", "Meeting Room 201, the town"),
    ("我校多功能报告厅", "Multi-function Lecture Hall, the university"),
    ("团结村党员活动室", "Party Members' Activity Room, Tuanjie Village"),
    ("滨文校区17206教室", "Classroom 17206, Binwen Campus"),
])
def test_a_venue_with_its_owner(zh: str, en: str) -> None:
    assert translate_venue(zh) == en


@pytest.mark.parametrize("zh", ["区文化会议中心", "在会上", "这个会议室"])
def test_a_venue_whose_owner_has_no_english_is_none(zh: str) -> None:
    assert translate_venue(zh) is None


@pytest.mark.parametrize("zh, en", [
    ("机关副科以上干部", "officials of the organs at deputy section level and above"),
    ("处级以上干部", "officials at division level and above"),
    ("机关科级及以上党员干部", "Party member officials of the organs at section level and above"),
    ("民营企业家代表", "representatives of private entrepreneurs"),
    ("村民代表", "representatives of villagers"),
    ("县直有关部门、各镇负责人", "heads of relevant county-level departments and towns"),
    ("县直有关单位、部分乡镇负责同志", "officials in charge of relevant county-level units and some towns and townships"),
    ("各镇负责人", "heads of towns"),
    ("各相关部门负责人", "heads of relevant departments"),
    ("市直各部门主要负责人", "principal heads of municipal-level departments"),
])
def test_groups_by_rank_kind_and_level(zh: str, en: str) -> None:
    assert translate_group(zh) == en


def test_a_rank_group_of_an_unknown_body_is_none() -> None:
    assert translate_group("某某系统处级以上干部") is None


@pytest.mark.parametrize("zh, en", [
    ("县委书记王学武到石门镇调研", "Wang Xuewu (Secretary of the County Party Committee) visits Shimen Town on a research visit"),
    ("市长李明一行来校调研指导", "Li Ming (Mayor) visits the university on a research and guidance visit"),
    ("县长张三调研乡村振兴工作", "Zhang San (County Magistrate) makes a research visit on rural revitalisation work"),
    ("李强在江苏考察", "Li Qiang makes an inspection visit in Jiangsu"),
    ("县政协调研", "County CPPCC Committee makes a research visit"),
])
def test_headlines_of_visits(zh: str, en: str) -> None:
    assert translate_headline(zh) == en


@pytest.mark.parametrize("zh", [
    "王五到会调研",                      # 会 is no place
    "县长张三调研物业星级化管理",          # what is looked into has no English
    "深入学习贯彻党的精神调研",            # no one visits
])
def test_a_visit_with_a_part_not_read_is_not_translated(zh: str) -> None:
    assert translate_headline(zh) is None


@pytest.mark.parametrize("zh, en", [
    ("政府三楼会议室", "Meeting Room, 3rd Floor, Government Building"),
    ("机关会议室", "Meeting Room, Office Building"),
])
def test_a_building_the_genre_names_is_no_owner(zh: str, en: str) -> None:
    assert translate_venue(zh) == en


@pytest.mark.parametrize("zh, en", [
    ("第一中学校长", "Principal of the First Middle School"),
    ("第二党支部书记", "Secretary of the Second Party Branch"),
    ("第二党总支第二党支部书记", "Secretary of the Second Party Branch of the Second General Party Branch"),
    ("该镇副镇长", "Deputy Town Mayor"),
    ("株洲市司法局党组成员、政治部主任",
     "Member of the Leading Party Group of the Zhuzhou Municipal Justice Bureau and Director of the Political Department"),
])
def test_ordinals_deictics_and_departments_in_titles(zh: str, en: str) -> None:
    assert translate_title(zh) == en


@pytest.mark.parametrize("zh, en", [
    ("组织委员", "Organisation Committee Members"),
    ("镇全体干部", "all officials of the town"),
    ("各企事业单位负责人", "heads of enterprises and public institutions"),
    ("相关人员", "relevant personnel"),
])
def test_groups_of_posts_and_of_a_whole_body(zh: str, en: str) -> None:
    assert translate_group(zh) == en


@pytest.mark.parametrize("zh, en", [
    ("宣讲进村", "Publicity lectures reach the villages"),
    ("法律讲座进农村", "Lectures on law reach the countryside"),
    ("宣讲进行时丨党的二十大精神进车间", "The spirit of the 20th Party Congress reaches the workshops"),
    ("戴村镇召开换届工作动员大会", "Daicun Town holds the mobilisation meeting on election work for the change of term"),
])
def test_headlines_reaching_and_composed_topics(zh: str, en: str) -> None:
    assert translate_headline(zh) == en


@pytest.mark.parametrize("zh", [
    "吕梁兴县:法律讲座进农村",   # a city and a county run together: no one name to romanise
    "某某进车间",                # what reaches the workshop has no English
])
def test_a_reach_with_a_part_not_read_is_not_translated(zh: str) -> None:
    assert translate_headline(zh) is None


def test_the_report_s_own_city_convenes() -> None:
    from summarise.offline.bilingual import term
    assert term("我市").en == "the city"
    assert term("我院").en == "the institution"


def test_a_topic_phrase_is_what_the_event_is_on() -> None:
    from summarise.english import translate_event
    assert translate_event("全镇党的群众路线教育实践活动动员大会") == (
        "Town-wide mobilisation meeting on the Party's mass line education and practice campaign")
    assert translate_event("项目建设推进会") == "Project Construction Promotion Meeting"  # a modifier stays one


def test_a_level_is_not_said_twice() -> None:
    from summarise.english import translate_event
    assert "Village Village" not in (translate_event("村“两委”换届工作推进会") or "")


def test_a_label_before_a_colon_is_no_place() -> None:
    assert translate_headline("信息名称:市政府第3次常务会议") == "3rd Executive Meeting of the Municipal Government"
    assert translate_headline("信息名目:宣讲进村") is None  # not a label it knows, and no place either


def test_a_lecture_hall_is_a_venue() -> None:
    from summarise.offline.bilingual import place
    assert place("学术报告厅").en == "Lecture Hall"


def test_each_is_no_part_of_a_name() -> None:
    assert "Zhenge" not in (translate_group("镇各村支部书记") or "")


def test_an_event_held_with_a_group() -> None:
    from summarise.english import translate_event
    assert translate_event("企业家代表座谈会") == "Symposium with representatives of entrepreneurs"
    assert translate_event("某某代表座谈会") == "Symposium (full name not translated)"  # a group not read
    assert translate_headline("我市召开企业家代表座谈会") == (
        "The city holds the symposium with representatives of entrepreneurs")
    assert translate_headline("党的二十大精神宣讲进乡村") == (
        "Publicity lectures on the spirit of the 20th Party Congress reach the villages")
