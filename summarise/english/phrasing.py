"""How an English phrase is said: its article, its case, a count read from Chinese numerals; the mark
of a name rendered by its type alone."""
from __future__ import annotations

import re

from summarise.parse.numbers import cn_numeral

NOT_TRANSLATED = "(full name not translated)"
_TRIM = "“”‘’\"「」『』《》 \u3000"


def cap(s: str) -> str:
    """The text with its first letter upper case."""
    return s[:1].upper() + s[1:]


def _a(event: str) -> str:
    """'a mobilisation meeting …' for a type-only English; a translated name as it is; 'a meeting'
    for a bare 会议."""
    if event.lower() in ("meeting", "conference"):
        return "a " + event.lower()
    if NOT_TRANSLATED in event:
        word = event[:1].lower() + event[1:]
        if re.match(r"[^(]*[^s]s \(", word):
            return word  # publicity lectures (full name not translated): a plural takes no article
        return ("an " if word[:1] in "aeiou" else "a ") + word
    if _sentence_case(event) and re.match(r"[^ ]+(?: (?!(?:with|on|of|to)\b)[a-z]+)*?[^s]s(?: on | of |$)", event):
        return _lower_first(event)  # publicity lectures on …: a plural takes no article
    return "the " + (_lower_first(event) if _sentence_case(event) else event)


_PROPER_WORDS = ("Party ", "Youth League ", "CPC ")


def _a_given(event: str) -> str:
    """An event someone gives or holds for others, indefinite: "a lecture on rule of law", "an open
    class"; a name (Title Case) keeps "the"."""
    if _sentence_case(event) or " " not in event:
        word = event if event.startswith(_PROPER_WORDS) else _lower_first(event)  # a Party lesson
        if re.match(r"[^ ]+(?: (?!(?:with|on|of|to)\b)[a-z-]+)*?[^s]s(?: on | of | to |$)", word):
            return word  # publicity lectures: a plural takes no article
        return ("an " if word[:1] in "aeiou" else "a ") + word
    return _a(event)


def _sentence_case(s: str) -> bool:
    """'Work conference on …' (lower-case second word), not a Title Case name."""
    words = s.split()
    return len(words) > 1 and words[1][:1].islower()


def _lower_first(s: str) -> str:
    return s[:1].lower() + s[1:]


def _count(zh: str) -> int | None:
    return int(zh) if zh.isdigit() else cn_numeral(zh)


# What a headline frame returns when it matched and the headline has no English: no later frame may
# read it otherwise (a place with no English is never dropped silently).
NO_HEADLINE = ""
