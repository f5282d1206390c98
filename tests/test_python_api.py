"""The Python API as the README shows it: what imports from `summarise`, and what extract() reads."""
from __future__ import annotations

import pydoc
import warnings
from pathlib import Path

import pytest

import summarise
from summarise import ExtractionError, NormaliseError, Record, extract, load_record

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_09f2237585b32c6b.txt"


def test_readme_names_import_from_the_package() -> None:
    for name in ("extract", "normalise", "Settings", "ExtractionError", "NormaliseError", "load_record",
                 "Record", "MeetingReport", "PolicyLecture", "OutOfScope"):
        assert name in summarise.__all__ and hasattr(summarise, name), name
    assert issubclass(NormaliseError, ValueError)


def test_help_says_what_extract_returns() -> None:
    text = pydoc.render_doc(extract, renderer=pydoc.plaintext)
    assert "MeetingReport" in text and "OutOfScope" in text and "summarise.schemas" in text
    assert "text=" in text and "Path" in text


def test_a_path_is_a_file_and_round_trips_through_load_record() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a Path is the explicit way: no warning
        record = extract(SEED)
    assert isinstance(record, Record) and record.kind == "meeting_report"
    again = load_record(record.model_dump_json())
    assert again == record


def test_a_str_naming_a_file_is_read_with_a_deprecation_warning() -> None:
    with pytest.warns(DeprecationWarning, match=r"from summarise 0\.3 a str is always article text") as caught:
        record = extract(str(SEED))
    assert record.kind == "meeting_report"
    assert caught[0].filename == __file__  # the warning points at the caller's line


def test_text_keyword_never_reads_a_file(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("镇党委书记赵锡雄主持召开会议。绝密内容", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        record = extract(text=str(secret))
    dumped = record.model_dump_json()
    assert "绝密" not in dumped and "赵锡雄" not in dumped
    assert record.source.name == "<text>"


def test_chair_is_none_when_the_article_names_none() -> None:
    record = extract(text="中山市召开全市工作会议。会议强调，要加快推进改造。")
    assert record.chair is None  # README: check before reading record.chair.name


def test_both_or_neither_source_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="not both"):
        extract(SEED, text="正文")
    with pytest.raises(TypeError, match="needs the article"):
        extract()


def test_missing_file_named_by_a_str_is_an_extraction_error() -> None:
    with pytest.raises(ExtractionError, match=r"no such file.*text="):
        extract("nowhere/page.html")
