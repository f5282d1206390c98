"""A real but rare surname (蒿) read as a name after a post, and the chair of a comma list of those
present (issue #14, offline9) — synthetic texts."""
from __future__ import annotations

from summarise.offline.people import find_people


def names(text: str) -> list[str]:
    return [p.name for p in find_people(text)]


def test_a_rare_surname_after_a_post() -> None:
    text = "近日，某市委副书记蒿某杰、副市长周某鹤代表市委、市政府公开约谈两个单位。"
    assert names(text) == ["蒿某杰", "周某鹤"]


def test_a_comma_list_of_those_present_gives_the_chair_to_its_last_name_only() -> None:
    text = ("九时，活动拉开了帷幕，参加活动的有某医院副院长匡某锋，某科主任王某宇，某镇副镇长王某，"
            "某镇卫生院院长张某华主持会议。")
    chairs = [p.name for p in find_people(text) if "chair" in p.roles]
    assert chairs == ["张某华"]


def test_co_chairs_in_a_list_share_the_chair() -> None:
    text = "市委副书记王某某、副市长李某某主持会议。"
    assert [p.name for p in find_people(text) if "chair" in p.roles] == ["王某某", "李某某"]
