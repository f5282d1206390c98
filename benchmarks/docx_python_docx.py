"""The DOCX renderer before summarise 0.1 wrote WordprocessingML itself: python-docx from its template.

Kept only so benchmarks/render_bench.py can measure both in the same run."""
from __future__ import annotations

import io

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from summarise.render.view import Note, Text

MUTED = RGBColor(0x5B, 0x67, 0x76)
WARN = RGBColor(0x9A, 0x5B, 0x00)
CJK_FONT = "Microsoft YaHei"


def _set_east_asian_font(document: Document) -> None:
    """Make Word pick a CJK font for Chinese runs in every style we use."""
    for style_name in ("Normal", "Heading 1", "Heading 2", "Heading 3", "Title", "List Number"):
        try:
            style = document.styles[style_name]
        except KeyError:
            continue
        rpr = style.element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = rpr.makeelement(qn("w:rFonts"), {})
            rpr.append(fonts)
        fonts.set(qn("w:eastAsia"), CJK_FONT)
    document.styles["Normal"].font.size = Pt(10.5)


# Style ids of the default template. Setting the id directly skips python-docx's name lookup,
# which scans every style on each call and made one note take ~150 ms.
STYLE_IDS = {"Title": "Title", "Heading 1": "Heading1", "Heading 2": "Heading2",
             "List Bullet": "ListBullet", "List Number": "ListNumber", "Table Grid": "TableGrid"}


def _para(container, text: str = "", style: str | None = None):  # type: ignore[no-untyped-def]
    paragraph = container.add_paragraph(text)
    if style:
        paragraph._p.style = STYLE_IDS[style]  # see STYLE_IDS
    return paragraph


def _heading(document: Document, text: str, level: int):  # type: ignore[no-untyped-def]
    return _para(document, text, "Title" if level == 0 else f"Heading {level}")


def _add_text(paragraph, text: Text | None, lang: str) -> None:  # type: ignore[no-untyped-def]
    if text is None:
        paragraph.add_run("—")
        return
    paragraph.add_run(text.get(lang))
    if text.missing(lang):
        mark = paragraph.add_run(" [untranslated]")
        mark.italic = True
        mark.font.color.rgb = WARN


def _add_ref(paragraph, n: int | None) -> None:  # type: ignore[no-untyped-def]
    if n:
        run = paragraph.add_run(f"[{n}]")
        run.font.superscript = True


def _table(document: Document, header: list[str], rows: list[list[tuple[Text | str | None, str | None]]],
           refs: list[int | None], lang: str) -> None:
    """A real table: header row, one row per item, last column the source number."""
    table = document.add_table(rows=1, cols=len(header) + 1)
    table._tbl.tblStyle_val = STYLE_IDS["Table Grid"]  # see STYLE_IDS
    for cell, title in zip(table.rows[0].cells, [*header, "#"]):
        cell.text = ""
        run = cell.paragraphs[0].add_run(title)
        run.bold = True
    for row, n in zip(rows, refs):
        cells = table.add_row().cells
        for cell, (value, mode) in zip(cells, row):
            p = cell.paragraphs[0]
            if isinstance(value, Text) or value is None:
                _add_text(p, value, lang)
            else:
                p.add_run(value)
            if mode == "num":
                p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _add_ref(cells[-1].paragraphs[0], n)
    document.add_paragraph()


def _language_section(document: Document, note: Note, lang: str) -> None:
    zh = lang == "zh"
    lab = note.label
    _heading(document, "中文" if zh else "English", level=1)
    _add_text(_heading(document, "", level=2), note.title, lang)
    if note.summary:
        _heading(document, lab["summary"].get(lang), level=2)
        _add_text(document.add_paragraph(), note.summary, lang)
    if note.facts:
        _heading(document, lab["facts"].get(lang), level=2)
        for f in note.facts:
            p = _para(document, style="List Bullet")
            p.add_run(f.label.get(lang) + (":" if zh else ": ")).bold = True
            _add_text(p, f.value, lang)
            _add_ref(p, f.ref)
    if note.figures:
        _heading(document, lab["figures"].get(lang), level=2)
        if zh:
            header = ["原文", "数值", "单位", "指标"]
            rows = [[(f.quote, None), (f.value, "num"), (f.unit.zh, None), (f.measures, None)] for f in note.figures]
        else:
            header = ["Quote", "Value", "Unit", "English", "Measures"]
            rows = [[(f.quote, None), (f.value, "num"), (f.unit.en, None), (f.english, None), (f.measures, None)]
                    for f in note.figures]
        _table(document, header, rows, [f.ref for f in note.figures], lang)  # type: ignore[arg-type]
    if note.points:
        _heading(document, lab["points"].get(lang), level=2)
        for p in note.points:
            para = _para(document, style="List Number")
            _add_text(para, p.text, lang)
            if p.speaker:
                para.add_run(" — ")
                _add_text(para, p.speaker, lang)
            kind = para.add_run(f" ({p.kind.get(lang)})")
            kind.italic = True
            _add_ref(para, p.ref)
    if note.people:
        _heading(document, lab["people"].get(lang), level=2)
        if zh:
            header = ["姓名", "职务", "角色"]
            rows = [[(p.name, None), (p.title, None), (p.roles.zh, None)] for p in note.people]
        else:
            header = ["Name", "Romanised", "Title", "Role"]
            rows = [[(p.name, None), (p.name_en or Text(p.name, None), None), (p.title, None), (p.roles.en, None)]
                    for p in note.people]
        _table(document, header, rows, [p.ref for p in note.people], lang)  # type: ignore[arg-type]
    if note.groups:
        _heading(document, lab["groups"].get(lang), level=2)
        for g in note.groups:
            p = _para(document, style="List Bullet")
            _add_text(p, g.text, lang)
            _add_ref(p, g.ref)


def render_docx(note: Note) -> bytes:
    """The note as a .docx file's bytes."""
    document = Document()
    _set_east_asian_font(document)
    first = note.langs[0]
    _add_text(_heading(document, "", level=0), note.title, first)
    meta = document.add_paragraph(" · ".join(note.meta()))
    for run in meta.runs:
        run.font.color.rgb = MUTED
    for lang in note.langs:
        _language_section(document, note, lang)
    both = len(note.langs) > 1
    if note.sources:
        label = note.label["sources"]
        _heading(document, f"{label.zh} {label.en}" if both else label.get(first), level=1)
        for s in note.sources:
            # explicit numbers: they must match the [n] marks, whatever Word's list numbering does
            document.add_paragraph(f"[{s.number}] 「{s.quote}」")
    label = note.label["provenance"]
    _heading(document, f"{label.zh} {label.en}" if both else label.get(first), level=1)
    last = note.langs[-1]
    table = document.add_table(rows=0, cols=2)
    table._tbl.tblStyle_val = STYLE_IDS["Table Grid"]  # see STYLE_IDS
    for key, value in note.provenance:
        cells = table.add_row().cells
        cells[0].text = key.get(last)
        cells[1].text = value
    en = "en" in note.langs
    if note.rejected:
        _heading(document, "Rejected (failed grounding, not shown as fact)" if en else "未采用", level=2)
        for field, value, reason in note.rejected:
            _para(document, f"{field}: {value} — {reason}", "List Bullet")
    if note.untranslated and en:
        document.add_paragraph("Left untranslated (shown in Chinese, marked [untranslated]): "
                               + "; ".join(note.untranslated))
    if note.possibly_missed:
        document.add_paragraph(("Possibly missed: " if en else "可能遗漏:") + "; ".join(note.possibly_missed))
    if note.warnings:
        document.add_paragraph(("Warnings: " if en else "提示:") + "; ".join(note.warnings))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
