"""English composed from parts: a place's level kept before its body, institutions named for a
place, a level that repeats the place's, school heads; unseen combinations render."""
from __future__ import annotations

import pytest

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


@pytest.mark.parametrize("zh", ["实验小学校长", "附属中学校长", "第一中学校长"])
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
