"""Free text that repeats the system prompt (an obeyed injection) is dropped and reported."""
from __future__ import annotations

import pytest

from summarise import prompts
from summarise.extract.llm import PROMPT_ECHO_CHARS, without_prompt_echo
from summarise.schemas import Facts

SYSTEM = "".join(prompts.text("system.md").split())
ARTICLE = "市委常委会召开会议，研究部署下一阶段重点工作。"


def facts_with(summary_en: str) -> Facts:
    return Facts.model_validate({"kind": "meeting_report", "summary": {"zh": "会议研究部署重点工作。", "en": summary_en}})


@pytest.mark.parametrize("length", [PROMPT_ECHO_CHARS, PROMPT_ECHO_CHARS + 7, 80])
@pytest.mark.parametrize("lead", range(16))
def test_an_echo_is_found_wherever_it_starts(lead: int, length: int) -> None:
    """Every alignment of the echoed run against the scan's sampling windows is caught."""
    echoed = SYSTEM[100 + lead:100 + lead + length]
    facts, rejected = without_prompt_echo(facts_with("会" * lead + echoed + "。"), ARTICLE)
    assert facts.summary is None
    assert [r.field for r in rejected] == ["summary"] and "withheld" in rejected[0].value


def test_a_shorter_shared_run_is_not_an_echo() -> None:
    facts, rejected = without_prompt_echo(facts_with("会议" + SYSTEM[200:200 + PROMPT_ECHO_CHARS - 1]), ARTICLE)
    assert facts.summary is not None and rejected == []


def test_a_run_the_article_also_contains_is_kept() -> None:
    shared = SYSTEM[300:300 + 40]
    facts, rejected = without_prompt_echo(facts_with(shared), ARTICLE + shared)
    assert facts.summary is not None and rejected == []
