"""English without a model: lectures given to an audience or at a place, institutions named by
their own name or number, people of a place, and the parts that must never be misread."""
from __future__ import annotations

import pytest

from summarise.english import translate, translate_group, translate_headline, translate_title


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
    # 团走进乡 had been read as a township ("Tuanzoujinxiang Town")
    assert "Tuanzoujin" not in (translate("县委宣讲团走进乡镇宣讲") or "")
    assert translate("县委宣讲团走进乡镇宣讲") is None


def test_the_organisation_department_is_no_verb() -> None:
    # 县委组织部召开…: 组织 opens the department's name; it had read "County Party Committee holds …"
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
