"""A police instructor (教导员, 指导员) is a post, and a lecturer invited then set apart by a comma
(邀请…章某教导员，在大会议室为员工开展…培训) still gives the training (issue #14, offline10) —
synthetic texts."""
from __future__ import annotations

import pytest

from summarise.offline.people import find_people


@pytest.mark.parametrize("text", [
    "派出所教导员章建国为员工讲课。", "集团邀请市公安局某派出所章建国教导员为员工讲课。", "派出所指导员章建国为居民讲课。"])
def test_a_police_instructor_is_a_post(text: str) -> None:
    assert "章建国" in [f.name for f in find_people(text)]


@pytest.mark.parametrize("text", [
    "5月27日下午，集团邀请派出所章建国教导员，在大会议室为员工开展防诈骗知识培训。",
    "5月27日下午，集团邀请派出所章建国教导员，在大会议室为员工开展防诈骗知识讲座。",
    "集团邀请律师章建国为员工开展法律知识培训。",
])
def test_an_invited_trainer_is_the_lecturer(text: str) -> None:
    assert [(f.name, f.roles) for f in find_people(text)] == [("章建国", ["lecturer"])]


def test_a_name_attending_a_training_is_no_lecturer() -> None:
    people = find_people("副县长章建国出席培训班开班仪式并讲话。")
    assert all("lecturer" not in f.roles for f in people)


@pytest.mark.parametrize("text, word", [
    ("中山大学统战部部长郭小聪教授应邀来到我校，为学员作专题讲座。", "应邀来"),
    ("“银发宣讲团”党史微宣讲是该工程的重要内容之一。", "党史微"),
])
def test_words_that_open_like_a_name_are_no_name(text: str, word: str) -> None:
    assert word not in [f.name for f in find_people(text)]
