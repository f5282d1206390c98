"""A person named once in full, later by a title alone (邹书记, 督导组副组长): accepted only where the
article ties that title to exactly one named person."""
from __future__ import annotations

import pytest

from summarise.ground.claims import Article
from summarise.ground.grounder import Grounder
from summarise.schemas import Bilingual, Evidence, Facts, Person, Point


def _speaker_kept(text: str, quote: str, speaker: str, others: tuple[str, ...] = ()) -> bool:
    """Ground a point whose quote names its speaker only by a title; True when the speaker is kept."""
    people = [Person(name=n, evidence=Evidence(quote=n)) for n in (speaker, *others)]
    point = Point(text=Bilingual(zh=quote), speaker=speaker, evidence=Evidence(quote=quote))
    out, _ = Grounder(text).review(Facts(kind="meeting_report", people=people, points=[point]))
    return out.points[0].speaker == speaker


# -- surname and post --------------------------------------------------------------------------------

@pytest.mark.parametrize("text, quote, speaker", [
    ("会议由党委书记沈会玲主持。会上，沈会玲同志传达了通知。沈书记强调，要立足岗位。", "沈书记强调，要立足岗位", "沈会玲"),
    # a deputy is called by the post without 副: 邹书记 for 工委副书记邹德文
    ("8月5日，省直机关工委副书记邹德文来公司调研。邹书记一下车，就叮嘱公司领导，一定要做好防暑降温。",
     "邹书记一下车，就叮嘱公司领导，一定要做好防暑降温", "邹德文"),
    ("会议由沈会玲书记主持。沈书记要求，要做好准备。", "沈书记要求，要做好准备", "沈会玲"),
])
def test_a_surname_and_the_post_written_next_to_the_name_stand_for_that_person(text, quote, speaker):
    assert _speaker_kept(text, quote, speaker)


@pytest.mark.parametrize("text", [
    # two people of that surname hold the post, only one of them is in the answer
    "会议由党委书记沈会玲主持，支部书记沈明出席。沈书记强调，要立足岗位。",
    "会议由党委书记沈会玲主持，沈明书记出席。沈书记强调，要立足岗位。",
    # another person of that surname, whatever the post
    "会议由党委书记沈会玲主持，副主任沈明出席。沈书记强调，要立足岗位。",
    # the post is not one the article gives the named person
    "会议由党委委员沈会玲主持。沈书记强调，要立足岗位。",
    "会议由党委书记沈会玲主持。沈副书记强调，要立足岗位。",
    # no one of that surname is named at all
    "会议由党委书记王会玲主持。沈书记强调，要立足岗位。",
])
def test_a_surname_and_post_the_article_does_not_tie_to_one_person_is_no_speaker(text):
    quote = text.rstrip("。").rsplit("。", 1)[1]
    assert not _speaker_kept(text, quote, "沈会玲" if "沈会玲" in text else "王会玲")
    # nor in a paragraph of its own
    assert not _speaker_kept(text.replace("。沈", "。\n沈"), quote, "沈会玲" if "沈会玲" in text else "王会玲")


def test_two_answer_people_of_one_surname_leave_the_surname_and_post_to_no_one():
    text = "会议由党委书记沈会玲主持，支部书记沈明出席。沈书记强调，要立足岗位。"
    assert not _speaker_kept(text, "沈书记强调，要立足岗位", "沈会玲", others=("沈明",))


def test_roles_read_after_a_surname_and_post():
    text = "镇党委书记杨光出席。杨书记为全村党员上了一堂党课。"
    assert "lecturer" in Article(text, ("杨光",)).roles("杨光")
    assert "lecturer" not in Article("镇党委书记杨光、副镇长杨明出席。杨书记为全村党员上了一堂党课。",
                                     ("杨光",)).roles("杨光")


# -- the title without the name --------------------------------------------------------------------

MOBILISATION = ("5月28日，全镇动员大会在我镇召开。县第五督导组副组长常彦斌一行出席会议。会议由镇党委书记尚金楼主持。"
                "会议强调，全镇上下要统一思想。{ref}对我镇活动的总体安排完全同意，要求整个活动既要做好规定动作。")


def test_a_title_written_before_one_name_stands_for_that_person_later():
    text = MOBILISATION.format(ref="督导组副组长")
    article = Article(text, ("常彦斌", "尚金楼"))
    assert "speaker" in article.roles("常彦斌")
    assert article.introducer(text.index("整个活动")) == (True, "常彦斌")
    assert _speaker_kept(text, "督导组副组长对我镇活动的总体安排完全同意", "常彦斌", others=("尚金楼",))
    assert _speaker_kept(text, "要求整个活动既要做好规定动作", "常彦斌", others=("尚金楼",))


@pytest.mark.parametrize("text", [
    # two holders of the post by name (the answer names one of them)
    MOBILISATION.format(ref="督导组副组长").replace("一行出席会议", "、第六督导组副组长李明出席会议"),
    MOBILISATION.format(ref="督导组副组长").replace("常彦斌一行", "常彦斌、李明一行"),
    MOBILISATION.format(ref="督导组副组长").replace("会议由", "李明副组长也到会。会议由"),
    # a title no one is named with
    MOBILISATION.format(ref="督导组副组长").replace("县第五督导组副组长常彦斌", "县第五督导组成员常彦斌"),
    # the bare post, with no words of the title before it
    MOBILISATION.format(ref="副组长"),
    # a group, not one person
    MOBILISATION.format(ref="各督导组副组长"),
])
def test_a_title_not_tied_to_exactly_one_named_person_is_no_speaker(text):
    article = Article(text, ("常彦斌", "尚金楼"))
    assert "speaker" not in article.roles("常彦斌")
    ref = text.index("对我镇")
    assert not _speaker_kept(text, text[text.rindex("。", 0, ref) + 1:ref + 14], "常彦斌", others=("尚金楼",))


def test_a_title_followed_by_another_name_is_that_persons():
    text = "县第五督导组副组长常彦斌出席会议。督导组副组长王建国讲话。"
    assert "speaker" not in Article(text, ("常彦斌",)).roles("常彦斌")
