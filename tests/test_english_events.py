"""English without a model for headlines, event names, groups, places and what figures measure;
no Chinese inside an English sentence; the offline note says what it cannot translate."""
from __future__ import annotations

import re

import pytest

from summarise.english import romanise, translate_event, translate_group, translate_headline
from summarise.offline import extract_facts
from test_offline_docs import make_doc

CJK = re.compile(r"[\u3400-\u9fff]")


@pytest.mark.parametrize("zh, en", [
    ("青海召开全省政府采购工作会议", "Qinghai holds the Province-wide Government Procurement Work Conference"),
    ("召开学习宣传贯彻党的十九大精神动员会",
     "Mobilisation meeting on studying, publicising and implementing the spirit of the 19th Party Congress held"),
    ("全国地方政协工作经验交流会在京召开", "National Local CPPCC Committee Work Experience-sharing Meeting held in Beijing"),
    ("我市召开省文明城市测评迎检动员会", "The city holds a mobilisation meeting (full name not translated)"),
    ("市政协召开政府采购工作民主监督座谈会",
     "Municipal CPPCC Committee holds the Government Procurement Work Democratic Oversight Symposium"),
])
def test_headlines_through_the_genres_patterns(zh: str, en: str) -> None:
    assert translate_headline(zh) == en


@pytest.mark.parametrize("zh", ["小榄全力冲刺“工改”年度目标任务", "重庆市委：孙政才是占据重要岗位的腐败分子典型", "乱七八糟的标题"])
def test_a_headline_no_pattern_fits_stays_untranslated(zh: str) -> None:
    assert translate_headline(zh) is None


@pytest.mark.parametrize("zh, en", [
    ("学习贯彻党的二十大精神宣讲报告会", "Publicity lecture on studying and implementing the spirit of the 20th Party Congress"),
    ("党组理论学习中心组学习会", "Leading Party Group Theoretical Study Group Session"),
    ("第十二届“挑战杯”竞赛承办工作推进会", "Work promotion meeting (full name not translated)"),
    ("某某某某", None),
])
def test_event_names(zh: str, en: str | None) -> None:
    assert translate_event(zh) == en


@pytest.mark.parametrize("zh, en", [
    ("镇长", "Town Mayors"),
    ("相关部门负责人", "heads of relevant departments"),
    ("全体党员", "all Party members"),
    ("各镇街书记", "Secretaries of the Towns and Subdistricts"),
    ("涉及改造的村集体负责人", None),
])
def test_groups_are_plural(zh: str, en: str | None) -> None:
    assert translate_group(zh) == en


@pytest.mark.parametrize("zh, en", [
    ("郑州", "Zhengzhou"), ("杭州", "Hangzhou"), ("湘西州", "Xiangxi Prefecture"),
    ("青海全省", "the whole of Qinghai Province"), ("小榄镇", "Xiaolan Town"),
])
def test_place_names(zh: str, en: str) -> None:
    assert romanise(zh) == en


def test_beijing_abbreviated_as_jing() -> None:
    f = extract_facts(make_doc("会议在京召开\n8月30日，中央单位政府采购工作会议在京召开。财政部副部长张某出席会议并讲话。"))
    assert f.event.place is not None and f.event.place.en == "Beijing"


def test_a_venue_is_not_romanised_as_a_place() -> None:
    f = extract_facts(make_doc("学校召开动员大会\n11月28日，学校在五楼多功能厅召开动员大会。校长王某主持会议。"))
    assert f.event.place is None or f.event.place.en is None or "Wulou" not in f.event.place.en


@pytest.mark.parametrize("text, noun", [
    ("全村80余名党员参加。", "Party members"),
    ("先行先试出台了系列文件共95份。", "documents"),
])
def test_a_figure_says_what_it_counts_where_its_sentence_does(text: str, noun: str) -> None:
    f = extract_facts(make_doc(f"镇党委召开会议\n8月1日，镇党委召开全体会议。{text}"))
    assert f.kind == "meeting_report"
    assert f.figures and f.figures[0].measures is not None and f.figures[0].measures.en == noun
    assert noun in (f.summary.en or "")


def test_a_count_of_an_unknown_noun_measures_nothing() -> None:
    f = extract_facts(make_doc("标题\n共清理违规广告牌35块。"))
    assert all(fig.measures is None for fig in f.figures)


@pytest.mark.parametrize("text", [
    "学校召开第十二届“挑战杯”竞赛承办工作推进会\n11月9日，学校在综合办公楼808会议室召开推进会。校党委常委雒文虎出席会议并讲话。",
    "晋中政府采购借力纪检监\n晋中市财政局与纪委监察局联合开展政府采购专项检查，查处问题3个。",
    "中条林局召开“改革创新、奋发有为”大讨论交流总结会议\n5月22日，中条林局召开大讨论交流总结会议，党委书记赵水清主持并讲话。",
])
def test_no_chinese_inside_the_english_summary(text: str) -> None:
    summary = extract_facts(make_doc(text)).summary
    assert summary is not None and summary.en and not CJK.search(summary.en)


def test_every_offline_english_note_opens_with_what_needs_a_model(tmp_path) -> None:
    from summarise import Settings, extract
    from summarise.render.view import OFFLINE_ENGLISH, build_note

    page = tmp_path / "a.txt"
    page.write_text("县委召开常委会议\n8月25日，县委召开常委会议，县委书记张三主持会议。", encoding="utf-8")
    record = extract(page, settings=Settings(backend="offline"))
    note = build_note(record)
    # a line of its own above the English summary, not inside it (the summary is the article's)
    assert note.notice == OFFLINE_ENGLISH and note.summary is not None and OFFLINE_ENGLISH not in (note.summary.en or "")
    assert "--local-model" in OFFLINE_ENGLISH and "\n" not in OFFLINE_ENGLISH
    from summarise.render import render

    for fmt in ("md", "html"):
        text = str(render(record, fmt))
        head = OFFLINE_ENGLISH.split(";")[0]
        assert text.count(head) == 1 and text.index(head) < text.index("chaired it")  # once, above the summary


# --- national-level news: posts, headlines of several parts, markup before a headline

@pytest.mark.parametrize("zh, en", [
    ("中共中央总书记", "General Secretary of the CPC Central Committee"),
    ("中共中央总书记、国家主席、中央军委主席",
     "General Secretary of the CPC Central Committee, President and Chairman of the Central Military Commission"),
    ("中共中央政治局常委、国务院总理",
     "Member of the Standing Committee of the Political Bureau of the CPC Central Committee and Premier of the State Council"),
    ("中央组织部分管日常工作的副部长", "Executive Vice Minister of the Organization Department of the CPC Central Committee"),
    ("江苏省数据局党组副书记、副局长",
     "Deputy Secretary of the Leading Party Group of the Jiangsu Provincial Data Bureau and Deputy Director of the Jiangsu Provincial Data Bureau"),
    ("县委副书记、县长", "Deputy Secretary of the County Party Committee and County Magistrate"),
    ("全国人大宪法法律委主任委员", "Chairperson of the Constitution and Law Committee of the National People's Congress"),
])
def test_national_posts(zh: str, en: str) -> None:
    from summarise.english.glossary import translate_title
    assert translate_title(zh) == en


@pytest.mark.parametrize("zh, en", [
    ("中共中央政治局召开会议 中共中央总书记习近平主持会议",
     ("Political Bureau of the CPC Central Committee holds a meeting; Xi Jinping (General Secretary of the CPC Central "
      "Committee) chairs a meeting")),
    ("### 中共中央政治局召开会议 研究部署党风廉政建设和反腐败工作 中共中央总书记习近平主持会议",
     ("Political Bureau of the CPC Central Committee holds a meeting to study and plan Party conduct and clean "
      "government and anti-corruption work; Xi Jinping (General Secretary of the CPC Central Committee) chairs a meeting")),
    ("[视频]李克强主持召开国务院常务会议", "Li Keqiang chairs the State Council Executive Meeting"),
    ("丁薛祥出席第二届中欧班列国际合作论坛开幕式并致辞",
     ("Ding Xuexiang attends the opening ceremony of the 2nd China-Europe Railway Express International Cooperation Forum"
     " and speaks")),
    ("中共中央举行纪念胡耀邦同志诞辰110周年座谈会 习近平发表重要讲话",
     ("CPC Central Committee holds the symposium commemorating the 110th anniversary of the birth of Comrade Hu"
         " Yaobang; Xi Jinping delivers an important speech")),
    ("全国政协十四届常委会第十四次会议闭幕 王沪宁主持并讲话",
     "The 14th Meeting of the Standing Committee of the 14th National CPPCC Committee closes; Wang Huning chairs and speaks"),
])
def test_headlines_of_national_news(zh: str, en: str) -> None:
    from summarise.english.headlines import translate_headline
    assert translate_headline(zh) == en


@pytest.mark.parametrize("zh, en", [
    ("北京人民大会堂", "the Great Hall of the People, Beijing"),
    ("京", "Beijing"),
    ("陕西西安", "Xi'an, Shaanxi"),
    ("莫斯科", "Moscow"),
])
def test_national_venues(zh: str, en: str) -> None:
    from summarise.offline import bilingual
    assert bilingual.place(zh).en == en


def test_markup_before_a_headline_stays_out_of_the_record() -> None:
    from summarise.offline import extract_facts
    from test_offline_docs import make_doc
    for head in ("### 中共中央政治局召开会议", "[视频]中共中央政治局召开会议", "【视频】中共中央政治局召开会议"):
        facts = extract_facts(make_doc(f"{head}\n中共中央政治局12月8日召开会议，分析研究经济工作。中共中央总书记习近平主持会议。"))
        assert facts.headline.zh == "中共中央政治局召开会议"
        assert facts.summary.en.startswith("On 8 December (year not stated), the Political Bureau of the CPC Central "
                                           "Committee held a meeting. Xi Jinping (General Secretary")


def test_a_person_whose_title_has_no_english_keeps_the_romanised_name() -> None:
    from summarise.render.view import person_text
    from summarise.schemas import Bilingual, Evidence, Person
    p = Person(name="时建中", name_en="Shi Jianzhong", title=Bilingual(zh="某某研究会理事", en=None), roles=["lecturer"],
               evidence=Evidence(quote="时建中", start=0, end=3))
    assert person_text(p).en == "Shi Jianzhong (title not translated)"


def test_the_summary_names_four_and_counts_the_rest_and_keeps_titles_apart() -> None:
    from summarise.offline import extract_facts
    from test_offline_docs import make_doc
    facts = extract_facts(make_doc(
        "座谈会召开\n11月20日，中共中央举行座谈会。座谈会上，院长曲青山、副部长黄建发、副校长谢春涛、第一书记阿东、省委书记沈晓明、"
        "市长王某先后发言。中共中央政治局常委李希，石泰峰、李干杰出席座谈会。"))
    assert "and 2 others spoke." in facts.summary.en
    assert "等6人讲话" in facts.summary.zh
    assert "中共中央政治局常委李希，以及石泰峰、李干杰等参加" in facts.summary.zh


@pytest.mark.parametrize("zh, en", [
    # the genre's meeting nouns and campaign terms
    ("区防汛会商会", "District Flood Control Consultation Meeting"),
    ("民营经济圆桌会", "Private Economy Round-table Meeting"),
    ("市长碰头会", "Mayor Briefing Meeting"),
    ("第45次双周协商座谈会", "45th Biweekly Consultation Symposium"),
    ("2015年度职业教育与继续教育工作会议", "2015 Vocational Education and Continuing Education Work Conference"),
    # a body holds the event, then what it is for
    ("省妇联深入学习实践科学发展观辅导报告会", ("Guidance lecture meeting of the Provincial Women's Federation on "
     "thoroughly studying and practising the Scientific Outlook on Development")),
    # a named topic is what the event is on, not a modifier
    ("科学发展观专题辅导报告会", "Special guidance lecture meeting on the Scientific Outlook on Development"),
    ("学习实践科学发展观活动动员大会",
     "Mobilisation meeting on the campaign to study and practise the Scientific Outlook on Development"),
    # a congress's numbered meeting is a session of it; a body's stays a meeting
    ("第四届人民代表大会第三次会议", "3rd Session of the 4th People's Congress"),
    ("县政协第三次会议", "3rd Session of the County CPPCC Committee"),
    ("市委第三次会议", "3rd Meeting of the Municipal Party Committee"),
    ("新一届国务院第一次全体会议", "1st Plenary Session of the New State Council"),
])
def test_event_names_composed_from_the_genres_parts(zh: str, en: str) -> None:
    assert translate_event(zh) == en


@pytest.mark.parametrize("zh, en", [
    # X讲(授)党课, with the honorific 同志 no part of the name
    ("党委书记董杰昌同志讲授党课", "Dong Jiechang (Party Secretary) gives a Party lesson"),
    # X(深入)开展Y: a campaign the glossary knows, or publicity lectures (a plural takes no article)
    ("市科协深入开展学习实践科学发展观活动", ("Municipal Association for Science and Technology carries out the "
     "campaign to study and practise the Scientific Outlook on Development")),
    ("佛坪县石墩河镇开展党的二十届三中全会精神宣讲活动", ("Shidunhe Town, Foping County holds publicity lectures on the "
     "spirit of the Third Plenum of the 20th Central Committee")),
    # 关于…的通知, with its month
    ("关于开展2022年10月份党支部主题党日活动的通知",
     "Notice on carrying out the October 2022 Party Branch Party Day Activities"),
    # parts set apart by an exclamation or a dash: the slogan is marked, the news read
    ("众志成城 团结拼搏—党委书记董杰昌同志讲授党课",
     "Dong Jiechang (Party Secretary) gives a Party lesson (part of headline not translated)"),
    # a headline that is an event's name is that name, never "the spirit … gives a lecture"
    ("党的二十届三中全会精神宣讲报告会", "Publicity lecture on the spirit of the Third Plenum of the 20th Central Committee"),
    ("郑志主持召开区防汛会商会", "Zheng Zhi chairs the District Flood Control Consultation Meeting"),
])
def test_headlines_of_lessons_campaigns_and_notices(zh: str, en: str) -> None:
    assert translate_headline(zh) == en


@pytest.mark.parametrize("zh, en", [("佛坪县", "Foping County"), ("长宁区", "Changning District"),
                                    ("长治市", "Changzhi City")])
def test_place_names_read_as_places(zh: str, en: str) -> None:
    assert romanise(zh) == en


def test_a_headline_with_an_unknown_notice_stays_untranslated() -> None:
    assert translate_headline("关于某某某某的通知") is None


@pytest.mark.parametrize("zh, en", [
    # 自治区 is the level of an autonomous region, no place called "Zizhi"
    ("自治区社科联副主席", "Vice Chairman of the Autonomous Regional Federation of Social Science Associations"),
    # a university named for its field is no "Keji University"
    ("广西科技大学党委副书记", "Deputy Secretary of the Party Committee of the Guangxi University of Science and Technology"),
    ("省妇联主席", "Chairman of the Provincial Women's Federation"),
])
def test_titles_of_federations_regions_and_universities(zh: str, en: str) -> None:
    from summarise.english import translate_title

    assert translate_title(zh) == en


@pytest.mark.parametrize("text, noun", [
    ("车间近30名员工参加活动。", "employees"),
    ("20多名小区居民围坐在一起。", "residents"),
    ("社区志愿者1170人。", "community volunteers"),
    ("我校两名教师获奖。", "teachers"),
])
def test_a_head_count_says_who_it_counts(text: str, noun: str) -> None:
    f = extract_facts(make_doc(f"镇党委召开会议\n8月1日，镇党委召开全体会议。{text}"))
    assert f.figures and f.figures[0].measures is not None and f.figures[0].measures.en == noun


@pytest.mark.parametrize("zh, en", [
    # an attendance verb after a group is what it did, not who it is
    ("校党委中心组成员出席会议", "members of the University Party Committee Theoretical Study Group"),
    ("学校党政领导", "Party and government leaders of the School"),
    # a count closing a group stays in the English
    ("相关部门负责人共130人", "heads of relevant departments (130 in all)"),
    ("党员干部五百余人", "Party members and officials (more than 500 in all)"),
    ("相关负责同志近300人", "relevant officials in charge (nearly 300 in all)"),
    ("某某某某共30人", None),
])
def test_groups_with_their_count_and_verb(zh: str, en: str | None) -> None:
    assert translate_group(zh) == en


@pytest.mark.parametrize("zh, en", [
    ("省委宣讲团在我校宣讲党的十九届四中全会精神", ("Provincial Party Committee Publicity Lecture Team gives a publicity "
     "lecture on the spirit of the Fourth Plenum of the 19th Central Committee at the university")),
    ("市委宣讲团在贵阳市宣讲党的二十大精神", ("Municipal Party Committee Publicity Lecture Team gives a publicity lecture "
     "on the spirit of the 20th Party Congress in Guiyang City")),
    # 在 a word that is no place: no English rather than a place "Huishang"
    ("市委宣讲团在会上宣讲党的二十大精神", None),
])
def test_publicity_lectures_where_they_were_given(zh: str, en: str | None) -> None:
    assert translate_headline(zh) == en


@pytest.mark.parametrize("zh, en", [
    ("我市启动森林防火宣传月活动", "The city launches the Forest Fire Prevention Publicity Month"),
    # a comma sets a headline's parts apart: the part read, the rest marked
    ("省党代会精神宣讲走进车间,激励企业科技创新再创佳绩", ("Publicity lectures on the spirit of the Provincial Party "
     "Congress reach the workshops (rest of headline not translated)")),
    # 今天 between the actor and the verb is when, no part of the actor
    ("上海市委常委会今天举行会议，研究部署下一步疫情防控重点工作",
     "Shanghai Municipal Party Committee Standing Committee holds a meeting (rest of headline not translated)"),
    ("精心准备赴“两会”，参政议政献良策", None),
])
def test_headlines_of_launches_and_parts_set_apart_by_a_comma(zh: str, en: str | None) -> None:
    assert translate_headline(zh) == en


@pytest.mark.parametrize("zh, en", [
    ("县委党校教研室主任", "Director of the Teaching and Research Office of the Party School of the County Party Committee"),
    ("区委督导组组长", "Leader of the Supervision Team of the District Party Committee"),
    ("县农委主任", "Director of the County Agriculture Committee"),
    ("区经贸局局长", "Director of the District Bureau of Economy and Trade"),
    ("党办主任", "Director of the Party Committee Office"),
])
def test_titles_in_the_genres_offices(zh: str, en: str) -> None:
    from summarise.english import translate_title

    assert translate_title(zh) == en


@pytest.mark.parametrize("zh, en", [
    ("医院学习贯彻党十八大精神专题辅导报告会", ("Special guidance lecture meeting of the Hospital on studying and "
     "implementing the spirit of the 18th Party Congress")),
    ("党的二十一大", "the 21st Party Congress"),
    # a number before 大 that names no congress
    ("三大攻坚战", None),
    ("十大工程", None),
])
def test_party_congresses_by_their_number(zh: str, en: str | None) -> None:
    from summarise.english import translate

    assert (translate_event(zh) if en and en[:1].isupper() else translate(zh)) == en


@pytest.mark.parametrize("zh, en", [
    ("政协第十四届全国委员会常务委员会第十四次会议",
     "14th Meeting of the Standing Committee of the 14th National Committee of the CPPCC"),
    ("政协第十四届全国委员会第三次会议", "3rd Session of the 14th National Committee of the CPPCC"),
])
def test_the_cppccs_national_committee_of_a_term(zh: str, en: str) -> None:
    assert translate_event(zh) == en


def test_a_group_that_is_one_glossary_word_is_read_whole() -> None:
    assert translate_event("企业家座谈会") == "Symposium with entrepreneurs"  # not "enterprises of enterprises"
    assert translate_group("企业家代表") == "representatives of entrepreneurs"


def test_a_bracketed_alternative_whose_reading_holds_the_other_has_no_english_and_no_error() -> None:
    assert translate_group("各镇(乡镇)党委书记") is None  # towns / towns and townships: no one place to bracket
    assert translate_group("各村(社区)党委书记") == "Village (Community) Party Secretaries"
    translate_headline("王明为各镇(乡镇)党委书记作专题讲座")  # raised StopIteration through the public API

