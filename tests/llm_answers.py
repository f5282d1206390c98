"""The answers a capable LLM wrote for the exact requests of real articles (eval/llm-answers, see its
README: written by a capable LLM, each from the request alone), paired with their articles.

Sets: `seeds` (the repository's seeds), `corpus` (../shared/corpus: absent from a user's clone),
`heldout4` (eval/heldout4/articles, the blind set of the grounding work, used for tuning after its
first run). `heldout5` is the final blind set: scored once, at the end, never used here.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summarise.schemas import Rejection

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
ANSWERS = REPO / "eval" / "llm-answers"
FOLDERS = {"seeds": REPO / "seeds", "corpus": SHARED / "corpus", "heldout4": REPO / "eval" / "heldout4" / "articles"}
GOLD = {"seeds": SHARED / "eval" / "gold", "corpus": REPO / "eval" / "gold" / "corpus",
        "heldout4": REPO / "eval" / "heldout4" / "gold"}
QUOTED = ("people", "figures", "points", "attendee_groups")


@dataclass(frozen=True)
class Case:
    set: str
    stem: str
    article: Path
    answer: Path

    def data(self) -> dict[str, Any]:
        return json.loads(self.answer.read_text("utf-8"))


def cases(set_name: str) -> list[Case]:
    """The answers of a set with their articles (empty when the articles are absent)."""
    folder = FOLDERS[set_name]
    out = []
    for path in sorted((ANSWERS / set_name).glob("*.answer.json")):
        stem = path.name.removesuffix(".answer.json")
        found = sorted(folder.glob(stem + ".*")) if folder.is_dir() else []
        if found:
            out.append(Case(set_name, stem, found[0], path))
    return out


def facts_proposed(answer: dict[str, Any]) -> int:
    """Facts an answer states: quoted facts, event fields, headline and summary."""
    event = answer.get("event") or {}
    n = sum(len(answer.get(k) or []) for k in QUOTED)
    n += sum(1 for k in ("date", "evidence", "name", "place", "convened_by", "topic") if event.get(k))
    return n + sum(1 for k in ("headline", "summary") if answer.get(k))


def whole(rejection: Rejection) -> bool:
    """A rejection that removed a fact (people[2], event.place, summary), not a part of one (people[2].title)."""
    head = rejection.field.split("[")[0]
    return not (head in QUOTED and "." in rejection.field)


def marker(text: str) -> str:
    """A run of the article's own characters that no other article has: what the scripted server routes by."""
    runs = re.findall(r"[\u4e00-\u9fff]{14,}", text)
    return max(runs, key=len)[:14] if runs else text[:14]
