"""Damaged text is decoded as far as it can be and the damage reported, never refused whole or
crashing: GBK characters and stray bytes inside a UTF-8 page, lone surrogate escapes in a CMS JSON
record or a str."""
from __future__ import annotations

import json

import pytest

from hostile import SEED1, invoke
from summarise import ExtractionError, extract, normalise

ARTICLE = SEED1.read_bytes()


def _with_gbk(data: bytes) -> bytes:
    """4 GBK-encoded characters after a sentence of the article, and 3 stray bytes further on."""
    at = data.index("出席会议。".encode()) + len("出席会议。".encode())
    return data[:at] + "会议研究".encode("gbk") + b"\xff" + data[at:at + 300] + b"\x80\xfe" + data[at + 300:]


def test_gbk_characters_in_a_utf8_page_are_decoded_and_reported(tmp_path) -> None:
    data = _with_gbk(ARTICLE)
    doc = normalise(data)
    assert "会议研究" in doc.text  # pairs that are no UTF-8 (a pair that also is, e.g. 指 D6 B8, stays UTF-8)
    assert doc.removed["gbk_in_utf8"] == 4 and doc.removed["utf8_damaged"] == 3
    assert normalise(ARTICLE).text[:60] == doc.text[:60]
    page = tmp_path / "mixed.txt"
    page.write_bytes(data)
    done = invoke("clean", str(page), "--explain")
    assert done.returncode == 0 and "GBK-encoded characters" in done.stderr


def test_a_gbk_page_is_still_read_as_gbk() -> None:
    text = ARTICLE.decode("utf-8").translate({0xA0: " ", ord("昇"): "升"})
    doc = normalise(text.encode("gbk"))
    assert "gbk_in_utf8" not in doc.removed and "周作德" in doc.text


def test_a_cut_short_utf8_character_is_never_guessed_as_gbk() -> None:
    data = ARTICLE + "会".encode()[:2] + "。镇召开会议。".encode() * 3  # E4 BC: a UTF-8 lead and a continuation byte
    doc = normalise(data)
    assert "gbk_in_utf8" not in doc.removed


@pytest.mark.parametrize("escape", ["\\ud800", "\\udfff", "\\ud83d"])
def test_a_lone_surrogate_in_a_cms_record(tmp_path, escape: str) -> None:
    body = ARTICLE.decode("utf-8")
    raw = '{"title": "测试标题' + escape + '", "content": ' + json.dumps(body[:400] + escape + body[400:]) + "}"
    doc = normalise(raw.encode())
    assert doc.removed["surrogate"] >= 1 and not any("\ud800" <= c <= "\udfff" for c in doc.text)
    record = extract(raw.encode())
    assert record.kind in ("meeting_report", "policy_lecture", "other")
    page = tmp_path / "record.json"
    page.write_text(raw, "utf-8")
    for command in ("extract", "clean"):
        done = invoke(command, str(page))
        assert done.returncode == 0, done.stderr


def test_a_lone_surrogate_in_a_str_through_the_api() -> None:
    text = ARTICLE.decode("utf-8")
    try:
        record = extract(text=text[:300] + "\udc80" + text[300:])
    except ExtractionError:  # the documented error is acceptable; a UnicodeEncodeError is not
        return
    assert record.source.title is None or "\udc80" not in record.source.title
