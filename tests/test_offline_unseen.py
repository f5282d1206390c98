"""The offline extractor on forms of unseen articles (issue #14, heldout7 round): names that are
words, lectures inside village meetings, visits and award notices, chairs in more frames — synthetic
texts in the genre's forms."""
from __future__ import annotations

import pytest

from summarise.offline import extract_facts, lexicon
from summarise.offline.people import find_people
from test_offline_docs import make_doc


def facts(text: str):
    return extract_facts(make_doc(text))


def names(text: str) -> set[str]:
    return {p.name for p in find_people(text)}


# Names that are words ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, word", [
    ("会后，党委委员谈工作体会，大家反响热烈。", "谈工"),          # 谈工 + 作: the name would cut 工作
    ("主讲人李明教授向大家介绍了新修订的条例。", "向大家"),        # 向 + 大家: a very common word
    ("会议邀请区政协委员参加，王刚主任出席。", "区政协"),          # 区 + 政协: an abbreviation
    ("征集活动已经结束。党课宣讲稿要求观点鲜明。", "党课"),        # a rare common noun opening with 党
])
def test_a_common_word_after_a_surname_is_no_name(text: str, word: str) -> None:
    assert word not in names(text)


def test_word_lists_keep_names_that_look_like_words() -> None:
    # gold names whose given part is a word, or that are a place's name (江南 is ns in jieba)
    for name in ("李建国", "付和平", "刘平均", "江南"):
        assert not lexicon.given_is_word(name)
    assert not lexicon.cuts_word("李杰出席会议", 2)  # 杰出 is a word, but not a very common one
    assert lexicon.cuts_word("谈工作", 2)
