"""Briefing-note renderers: both languages, figures table, sources, escaping, DOCX structure."""
from __future__ import annotations

import io
import re
from html.parser import HTMLParser

import docx
import pytest

from sample_records import SAMPLES, meeting_report_000, policy_lecture_001
from summarise import extract
from summarise.english.quantities import fallback_english, format_number
from summarise.render import FORMATS, render
from summarise.render.view import build_note, date_text
from summarise.schemas import Evidence, Figure, load_record


class _TextAndTags(HTMLParser):
    """Collects visible text, tag names and table header cells of an HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.tags: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag in ("style", "script"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.text.append(data)


def _parse(html: str) -> _TextAndTags:
    parser = _TextAndTags()
    parser.feed(html)
    return parser


@pytest.mark.parametrize("seed", sorted(SAMPLES))
def test_html_has_both_languages_figures_and_sources(seed: str) -> None:
    record = SAMPLES[seed]()
    html = render(record, "html")
    page = _parse(html)
    text = "".join(page.text)
    assert record.headline.zh in text and record.headline.en in text
    assert record.summary.zh in text and record.summary.en in text
    assert 'class="figures"' in html
    for fig in record.figures:
        assert fig.quote in text
        assert fig.evidence.quote in text  # every fact's quote appears in the sources list
    for person in record.people:
        assert person.name in text
        if person.name_en:
            assert person.name_en in text
    # no external assets: the page opens offline
    assert not re.search(r'(src|href)\s*=\s*"(https?:)?//', html)
    assert "<link" not in html and "<script" not in html


def test_html_escapes_untrusted_quotes() -> None:
    record = meeting_report_000()
    evil = '<script>alert("x")</script>'
    record.figures[0].evidence = Evidence(quote=f"超5000亩{evil}")
    record.headline.en = '<img src=x onerror="alert(1)">'
    html = render(record, "html")
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html and "&lt;img" in html
    md = render(record, "md")
    assert "<script>" not in md and "<img" not in md


def test_untranslated_fields_show_chinese_with_mark() -> None:
    record = meeting_report_000()
    untranslated = record.points[3].text.zh
    assert record.points[3].text.en is None
    for fmt in ("html", "md"):
        out = render(record, fmt)
        assert untranslated in out and "[untranslated]" in out.replace("\\", "")
    note = build_note(record)
    assert note.untranslated == ["point 4", "title of 李冰", "romanisation of 黄伟忠", "what 15万平方米 measures"]
    for fmt in ("html", "md"):
        out = render(record, fmt)
        assert "point 4; title of 李冰" in out and "points[" not in out and "name_en" not in out


def test_markdown_is_sequential_with_tables_and_numbered_sources() -> None:
    record = policy_lecture_001()
    md = render(record, "md")
    zh_at, en_at = md.index("## 中文"), md.index("## English")
    assert zh_at < en_at
    assert "| 原文 | 数值 | 单位 |" in md and "| Quote | Value | Unit | English |" in md
    assert "| 11.2万亩 | 112,000 |" in md
    note = build_note(record)
    for src in note.sources:
        assert f"{src.number}. 「{src.quote}」" in md
    # lessons numbered, each with who said it, in both languages
    assert "1. 坚持党的领导 — 陈林" in md and "1. Uphold the Party's leadership — Chen Lin" in md
    # provenance: backend, model, rejection reasons
    assert "qwen2.5-7b-instruct" in md and "quote not found in the article" in md


def test_single_language_drops_the_other() -> None:
    record = meeting_report_000()
    html_zh = "".join(_parse(render(record, "html", langs=("zh",))).text)
    assert record.headline.zh in html_zh and record.summary.en not in html_zh
    md_en = render(record, "md", langs=("en",))
    assert "## 中文" not in md_en and record.summary.en in md_en


def test_footnotes_share_numbers_for_the_same_quote() -> None:
    note = build_note(policy_lecture_001())
    quotes = [s.quote for s in note.sources]
    assert len(quotes) == len(set(quotes))
    assert [s.number for s in note.sources] == list(range(1, len(quotes) + 1))
    chair_fact = next(f for f in note.facts if f.key == "chaired_by")
    chair_person = next(p for p in note.people if p.name == "周作德")
    assert chair_fact.ref == chair_person.ref


@pytest.mark.parametrize("seed", sorted(SAMPLES))
def test_docx_has_headings_figures_table_and_sources(seed: str) -> None:
    record = SAMPLES[seed]()
    data = render(record, "docx")
    doc = docx.Document(io.BytesIO(data))
    headings = [(p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith("Heading")]
    h1 = [t for s, t in headings if s == "Heading 1"]
    h2 = [t for s, t in headings if s == "Heading 2"]
    assert "中文" in h1 and "English" in h1 and "出处 Sources" in h1
    assert "数据" in h2 and "Figures" in h2 and "人物" in h2 and "People" in h2
    figure_tables = [t for t in doc.tables if t.rows[0].cells[0].text in ("原文", "Quote")]
    assert len(figure_tables) == 2
    for table in figure_tables:
        assert len(table.rows) == len(record.figures) + 1
        quotes = {row.cells[0].text for row in table.rows[1:]}
        assert quotes == {f.quote for f in record.figures}
    body = "\n".join(p.text for p in doc.paragraphs)
    note = build_note(record)
    for src in note.sources:
        assert f"[{src.number}] 「{src.quote}」" in body
    assert record.summary.zh in body and record.summary.en in body


def test_json_round_trips() -> None:
    record = policy_lecture_001()
    assert load_record(render(record, "json")) == record


def test_unknown_format_and_language_are_rejected() -> None:
    with pytest.raises(ValueError, match="unknown format"):
        render(meeting_report_000(), "pdf")
    with pytest.raises(ValueError, match="unknown language"):
        render(meeting_report_000(), "md", langs=("fr",))
    assert set(FORMATS) == {"md", "html", "docx", "json"}


@pytest.mark.parametrize("value, unit, flags, expected", [
    (9_240_000_000, "CNY", {}, "9.24 billion yuan"),
    (19_000_000_000, "CNY", {}, "19 billion yuan"),
    (5000, "mu", {}, "5,000 mu (≈ 333.33 ha)"),
    (5000, "mu", {"lower_bound": True}, "over 5,000 mu (≈ 333.33 ha)"),
    (150_000, "m2", {}, "150,000 m²"),
    (95, "percent", {}, "95%"),
    (3, "year", {"lower_bound": True}, "over 3 years"),
    (1, "person", {"approximate": True}, "about 1 person"),
])
def test_fallback_english(value: float, unit: str, flags: dict[str, bool], expected: str) -> None:
    fig = Figure(quote="x", value=value, unit=unit, evidence=Evidence(quote="x"), **flags)
    assert fallback_english(fig) == expected


def test_dates_and_numbers() -> None:
    assert date_text("2024-08-01").en == "1 August 2024"
    assert date_text("--11-12").zh == "11月12日(年份未注明)"
    assert "year not stated" in date_text("--11-12").en
    assert format_number(9240000000.0) == "9,240,000,000" and format_number(7466.666) == "7,466.67"


def test_english_text_uses_the_same_sans_serif_and_alignment() -> None:
    html = render(meeting_report_000(), "html")
    assert "Georgia" not in html and "serif;" not in html.replace("sans-serif;", "")
    assert "justify" not in html


def test_points_are_numbered_through_the_note() -> None:
    record = policy_lecture_001()
    for i, point in enumerate(record.points):
        point.number = i % 3 + 1  # a speech whose 一是/二是/三是 restarts in each part
    note = build_note(record)
    assert [p.number for p in note.points] == list(range(1, len(record.points) + 1))
    md = render(record, "md")
    assert f"\n{len(record.points)}. " in md
    html = render(record, "html")
    assert f'<td class="n">{len(record.points)}</td>' in html


_CJK = re.compile(r"[\u3400-\u9fff]")


def test_english_only_note_has_an_english_title_and_header(seeds_dir) -> None:
    from summarise import extract

    record = extract(next(seeds_dir.glob("000_*.txt")))  # offline: the headline has no English
    md = render(record, "md", langs=("en",))
    title, _, meta = md.split("\n")[:3]
    assert title == f"# {record.event.name.en}" and not _CJK.search(title + meta)
    assert meta == "*Meeting report · published 2 August 2024 · offline rules (no model)*"
    html = render(record, "html", langs=("en",))
    header = html[html.index("<header"):html.index("</header>")]
    assert not _CJK.search(re.sub(r"<[^>]+>", "", header))
    assert "no English translation" in header  # the title says it is the event's name
    body = "".join(p.text for p in docx.Document(io.BytesIO(render(record, "docx", langs=("en",)))).paragraphs[:2])
    assert not _CJK.search(body)


def test_untranslated_headline_is_marked_in_every_format() -> None:
    record = meeting_report_000()
    record.headline.en = None
    record.event.name = None  # nothing to title the English note with
    assert "[untranslated]" in render(record, "md", langs=("en",)).split("\n")[0]
    html = render(record, "html", langs=("en",))
    assert 'class="untranslated"' in html[html.index("<h1"):html.index("</h1>")]
    doc = docx.Document(io.BytesIO(render(record, "docx", langs=("en",))))
    assert doc.paragraphs[0].text == f"{record.headline.zh} [untranslated]"


def test_every_note_says_which_backend_made_it(seeds_dir) -> None:
    from summarise import extract

    record = extract(next(seeds_dir.glob("001_*.txt")))
    md, html = render(record, "md"), render(record, "html")
    assert "offline rules (no model)" in md.split("\n\n")[2]  # the line under the title
    assert "offline rules (no model)" in html[html.index("<header"):html.index("</header>")]
    llm = policy_lecture_001()
    assert "LLM · qwen2.5-7b-instruct" in render(llm, "md").split("\n\n")[2]


def test_summary_and_figures_table_say_the_same_english(seeds_dir) -> None:
    from summarise import extract

    record = extract(next(seeds_dir.glob("000_*.txt")))
    note = build_note(record)
    for row in note.figures:
        assert row.english in record.summary.en, row.english
    assert "over 5,000 mu (≈ 333.33 ha)" in record.summary.en


def test_docx_has_core_properties_and_a4_pages() -> None:
    record = policy_lecture_001()
    doc = docx.Document(io.BytesIO(render(record, "docx")))
    props = doc.core_properties
    assert props.title == record.headline.zh and props.author == "summarise"
    assert props.last_modified_by == "summarise" and props.language == "zh-CN"
    assert props.created.isoformat().startswith(record.provenance.generated_at[:19])
    en = docx.Document(io.BytesIO(render(record, "docx", langs=("en",)))).core_properties
    assert en.title == record.headline.en and en.language == "en-GB"
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert round(section.left_margin.mm) == 20


def test_docx_numbers_points_and_keeps_untrusted_text_valid() -> None:
    record = meeting_report_000()
    record.points[0].text.zh = "要<强>认识 & \"落实\"\x0b\x01到位"  # markup and control characters from a page
    data = render(record, "docx")
    assert data == render(record, "docx")  # the same note gives the same bytes
    doc = docx.Document(io.BytesIO(data))
    points = [p.text for p in doc.paragraphs if p.style.name == "Numbered Point"]
    assert len(points) == 2 * len(record.points)
    assert points[0].startswith("1.\t要<强>认识 & \"落实\"到位") and points[len(record.points) - 1].startswith(
        f"{len(record.points)}.\t")
    assert any(p.style.name == "List Bullet" for p in doc.paragraphs)


@pytest.mark.parametrize("flags, value", [({}, "5,000"), ({"lower_bound": True}, "> 5,000"),
                                          ({"upper_bound": True}, "< 5,000"), ({"approximate": True}, "≈ 5,000")])
def test_the_figures_tables_value_column_keeps_the_bound(flags: dict[str, bool], value: str) -> None:
    """Both languages' tables show the bound the quote's 超/不足/约 set (the quote alone, 5000亩, does not)."""
    record = meeting_report_000()
    record.figures = [Figure(quote="5000亩", value=5000, unit="mu", evidence=Evidence(quote="超5000亩"), **flags)]
    note = build_note(record)
    assert [f.value for f in note.figures] == [value]
    md = render(record, "md")
    assert md.count(f"| 5000亩 | {value} |") == 2  # the Chinese table and the English one


def _reason_row(record, lang: str) -> str:
    md = render(record, "md", langs=(lang,))
    label = "不适用原因" if lang == "zh" else "Why out of scope"
    return next(line for line in md.splitlines() if label in line)


def test_out_of_scope_reason_is_in_each_notes_language() -> None:
    record = extract("欢迎访问本站 点击进入 注册送88元 彩票 免费领取\n本站提供下载服务\n")
    assert record.kind == "other" and record.out_of_scope_reason
    zh, en = _reason_row(record, "zh"), _reason_row(record, "en")
    assert not re.search(r"[A-Za-z]{3}", zh), zh
    assert record.out_of_scope_reason in en


def test_out_of_scope_reason_a_model_wrote_in_chinese_stays_out_of_the_english() -> None:
    record = meeting_report_000().model_copy(update={"kind": "other", "out_of_scope_reason": "本文为人事任免通知"})
    assert "本文为人事任免通知" in _reason_row(record, "zh")
    en = _reason_row(record, "en")
    assert "[untranslated]" in en.replace("\\", "")
    unknown = record.model_copy(update={"out_of_scope_reason": "a market report"})
    assert "英文说明：a market report" in _reason_row(unknown, "zh")


def test_every_offline_reason_is_english_with_a_chinese_rendering() -> None:
    import ast
    from pathlib import Path

    import summarise.offline as offline
    from summarise.render.view import _REASON_ZH

    reasons = set()
    for path in Path(offline.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Tuple) and len(node.elts) == 2 and all(isinstance(e, ast.Constant) for e in node.elts) \
                    and node.elts[0].value == "other" and isinstance(node.elts[1].value, str):
                reasons.add(node.elts[1].value)
    assert len(reasons) >= 6
    for reason in reasons:
        assert not re.search(r"[\u3400-\u9fff]", reason), reason  # no Chinese inside English
        assert reason in _REASON_ZH, reason
