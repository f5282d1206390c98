"""DOCX briefing note, written as WordprocessingML directly: real headings, tables and lists, A4
pages, core properties (title, author "summarise"), numbered sources.

A .docx is a zip of XML parts. The fixed parts (styles, numbering, settings, relationships) are
built once; each note writes only its document and properties. python-docx builds the same file
from a template it parses for every note, which cost more than all other formats together;
tests read every note back with python-docx.
"""
from __future__ import annotations

import io
import re
import zipfile
from datetime import UTC, datetime
from functools import lru_cache

from .view import UNTRANSLATED, Note, Text

MUTED = "5B6776"
WARN = "9A5B00"
CJK_FONT = "Microsoft YaHei"
LATIN_FONT = "Calibri"
# A4 in twentieths of a point, 2 cm margins
PAGE_W, PAGE_H, MARGIN = 11906, 16838, 1134
TEXT_W = PAGE_W - 2 * MARGIN

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"

# characters XML 1.0 cannot carry at all (article text may hold control characters), and markup
_NOT_XML = "\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff"
_SPECIAL = re.compile(f'[&<>"{_NOT_XML}]')
_ESCAPES = {ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;", ord('"'): "&quot;",
            **dict.fromkeys([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF, *range(0xD800, 0xE000)])}


def _x(text: str) -> str:
    return text.translate(_ESCAPES) if _SPECIAL.search(text) else text


# --------------------------------------------------------------------------- runs and paragraphs

def _run(text: str, *, bold: bool = False, italic: bool = False, color: str | None = None,
         sup: bool = False) -> str:
    props = "".join((
        "<w:b/>" if bold else "",
        "<w:i/>" if italic else "",
        f'<w:color w:val="{color}"/>' if color else "",
        '<w:vertAlign w:val="superscript"/>' if sup else "",
    ))
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{_x(text)}</w:t></w:r>'


def _text(text: Text | None, lang: str) -> str:
    """The text in `lang`; Chinese with an [untranslated] mark when English is missing; — when absent."""
    if text is None:
        return _run("—")
    out = _run(text.get(lang))
    if text.missing(lang):
        out += _run(f" {UNTRANSLATED}", italic=True, color=WARN)
    return out


def _ref(n: int | None) -> str:
    return _run(f"[{n}]", sup=True) if n else ""


def _p(runs: str, style: str | None = None, *, align: str | None = None, keep_next: bool = False) -> str:
    props = "".join((
        f'<w:pStyle w:val="{style}"/>' if style else "",
        "<w:keepNext/>" if keep_next else "",
        f'<w:jc w:val="{align}"/>' if align else "",
    ))
    return f"<w:p>{f'<w:pPr>{props}</w:pPr>' if props else ''}{runs}</w:p>"


def _heading(runs: str, level: int) -> str:
    return _p(runs, "Title" if level == 0 else f"Heading{level}")


def _table(header: list[str], rows: list[list[tuple[str, bool]]], widths: list[int]) -> str:
    """A grid table: a bold header row (repeated on each page), then one row per item; each cell is
    (runs, right-aligned)."""
    total = sum(widths)
    cols = [round(TEXT_W * w / total) for w in widths]
    head = "".join(_cell(_run(h, bold=True), c) for h, c in zip(header, cols))
    body = "".join("<w:tr>" + "".join(_cell(runs, c, right) for (runs, right), c in zip(row, cols)) + "</w:tr>"
                   for row in rows)
    return _grid(cols, f"<w:tr><w:trPr><w:tblHeader/></w:trPr>{head}</w:tr>{body}")


def _cell(runs: str, width: int, right: bool = False) -> str:
    return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>'
            f"{_p(runs, 'TableText', align='right' if right else None)}</w:tc>")


def _grid(cols: list[int], rows: str) -> str:
    """A full-width table with fixed columns, and an empty paragraph after it (Word needs one
    between two tables)."""
    grid = "".join(f'<w:gridCol w:w="{c}"/>' for c in cols)
    return (f'<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="{TEXT_W}" w:type="dxa"/>'
            f'<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{rows}</w:tbl>') + _p("")


# --------------------------------------------------------------------------- the note

def _language_section(note: Note, lang: str) -> list[str]:
    zh = lang == "zh"
    lab = note.label
    out = [_heading(_run("中文" if zh else "English"), 1), _heading(_text(note.title, lang), 2)]
    if note.summary:
        notice = [_p(_run(note.notice, italic=True))] if note.notice and not zh else []
        out += [_heading(_run(lab["summary"].get(lang)), 2), *notice, _p(_text(note.summary, lang))]
    if note.facts:
        out.append(_heading(_run(lab["facts"].get(lang)), 2))
        out += [_p(_run(f.label.get(lang) + (":" if zh else ": "), bold=True) + _text(f.value, lang) + _ref(f.ref),
                   "ListBullet") for f in note.facts]
    if note.figures:
        out.append(_heading(_run(lab["figures"].get(lang)), 2))
        if zh:
            header, widths = ["原文", "数值", "单位", "指标", "#"], [3, 3, 2, 5, 1]
            rows = [[(_run(f.quote), False), (_run(f.value), True), (_run(f.unit.zh), False),
                     (_text(f.measures, lang), False), (_ref(f.ref), False)] for f in note.figures]
        else:
            header, widths = ["Quote", "Value", "Unit", "English", "Measures", "#"], [3, 3, 2, 4, 4, 1]
            rows = [[(_run(f.quote), False), (_run(f.value), True), (_run(f.unit.en or ""), False),
                     (_run(f.english), False), (_text(f.measures, lang), False), (_ref(f.ref), False)]
                    for f in note.figures]
        out.append(_table(header, rows, widths))
    if note.points:
        out.append(_heading(_run(lab["points"].get(lang)), 2))
        for p in note.points:
            runs = _run(f"{p.number}.\t") + _text(p.text, lang)
            if p.speaker:
                runs += _run(" — ") + _text(p.speaker, lang)
            out.append(_p(runs + _run(f" ({p.kind.get(lang)})", italic=True) + _ref(p.ref), "NumberedPoint"))
    if note.people:
        out.append(_heading(_run(lab["people"].get(lang)), 2))
        if zh:
            header, widths = ["姓名", "职务", "角色", "#"], [2, 6, 2, 1]
            rows = [[(_run(p.name), False), (_text(p.title, lang), False), (_run(p.roles.zh), False),
                     (_ref(p.ref), False)] for p in note.people]
        else:
            header, widths = ["Name", "Romanised", "Title", "Role", "#"], [2, 3, 6, 2, 1]
            rows = [[(_run(p.name), False), (_text(Text(p.name, p.name_en), lang), False),
                     (_text(p.title, lang), False), (_run(p.roles.en or ""), False), (_ref(p.ref), False)]
                    for p in note.people]
        out.append(_table(header, rows, widths))
    if note.groups:
        out.append(_heading(_run(lab["groups"].get(lang)), 2))
        out += [_p(_text(g.text, lang) + _ref(g.ref), "ListBullet") for g in note.groups]
    return out


def _body(note: Note) -> str:
    first = note.langs[0]
    both = len(note.langs) > 1
    out = [_heading(_text(note.title, first), 0), _p(_run(" · ".join(note.meta()), color=MUTED))]
    for lang in note.langs:
        out += _language_section(note, lang)
    if note.sources:
        label = note.label["sources"]
        out.append(_heading(_run(f"{label.zh} {label.en}" if both else label.get(first)), 1))
        # explicit numbers: they must match the [n] marks
        out += [_p(_run(f"[{s.number}] 「{s.quote}」"), "Source") for s in note.sources]
    label = note.label["provenance"]
    out.append(_heading(_run(f"{label.zh} {label.en}" if both else label.get(first)), 1))
    last = note.langs[-1]
    out.append(_provenance_table(note, last))
    en = "en" in note.langs
    if note.rejected:
        out.append(_heading(_run("Rejected (failed grounding, not shown as fact)" if en else "未采用"), 2))
        out += [_p(_run(f"{field}: {value} — {reason}"), "ListBullet") for field, value, reason in note.rejected]
    if note.untranslated and en:
        out.append(_p(_run("Left untranslated (shown in Chinese, marked [untranslated]): ", bold=True)
                      + _run("; ".join(note.untranslated))))
    if note.possibly_missed:
        out.append(_p(_run("Possibly missed: " if en else "可能遗漏:", bold=True)
                      + _run("; ".join(note.possibly_missed))))
    if note.warnings:
        out.append(_p(_run("Warnings: " if en else "提示:", bold=True) + _run("; ".join(note.warnings))))
    section = (f'<w:sectPr><w:pgSz w:w="{PAGE_W}" w:h="{PAGE_H}"/><w:pgMar w:top="{MARGIN}" w:right="{MARGIN}" '
               f'w:bottom="{MARGIN}" w:left="{MARGIN}" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>')
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W_NS}" '
            f'xmlns:r="{R_NS}"><w:body>{"".join(out)}{section}</w:body></w:document>')


def _provenance_table(note: Note, lang: str) -> str:
    """Label and value, two columns, no header row."""
    cols = [round(TEXT_W / 4), TEXT_W - round(TEXT_W / 4)]
    rows = (f"<w:tr>{_cell(_run(key.get(lang), color=MUTED), cols[0])}{_cell(_run(value), cols[1])}</w:tr>"
            for key, value in note.provenance)
    return _grid(cols, "".join(rows))


# --------------------------------------------------------------------------- the package

_STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W_NS}">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="{LATIN_FONT}" w:hAnsi="{LATIN_FONT}" w:eastAsia="{CJK_FONT}" w:cs="{LATIN_FONT}"/>
<w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="en-GB" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:after="80" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
<w:pPr><w:spacing w:after="120"/></w:pPr><w:rPr><w:b/><w:color w:val="1D2530"/><w:sz w:val="36"/><w:szCs w:val="36"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
<w:pPr><w:keepNext/><w:spacing w:before="320" w:after="120"/><w:outlineLvl w:val="0"/><w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="8C1D18"/></w:pBdr></w:pPr>
<w:rPr><w:b/><w:color w:val="8C1D18"/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
<w:pPr><w:keepNext/><w:spacing w:before="200" w:after="80"/><w:outlineLvl w:val="1"/></w:pPr>
<w:rPr><w:b/><w:color w:val="1D2530"/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:basedOn w:val="Normal"/>
<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:spacing w:after="40"/><w:ind w:left="360" w:hanging="360"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="NumberedPoint"><w:name w:val="Numbered Point"/><w:basedOn w:val="Normal"/>
<w:pPr><w:tabs><w:tab w:val="left" w:pos="425"/></w:tabs><w:spacing w:after="60"/><w:ind w:left="425" w:hanging="425"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Source"><w:name w:val="Source"/><w:basedOn w:val="Normal"/>
<w:pPr><w:spacing w:after="40"/><w:ind w:left="425" w:hanging="425"/></w:pPr><w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/>
<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="19"/><w:szCs w:val="19"/></w:rPr></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>
<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders>
<w:top w:val="single" w:sz="4" w:space="0" w:color="D5DBE3"/><w:left w:val="single" w:sz="4" w:space="0" w:color="D5DBE3"/>
<w:bottom w:val="single" w:sz="4" w:space="0" w:color="D5DBE3"/><w:right w:val="single" w:sz="4" w:space="0" w:color="D5DBE3"/>
<w:insideH w:val="single" w:sz="4" w:space="0" w:color="D5DBE3"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="D5DBE3"/>
</w:tblBorders><w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
</w:styles>"""

_NUMBERING = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="{W_NS}"><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/>
<w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"""

_SETTINGS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="{W_NS}"><w:defaultTabStop w:val="425"/><w:characterSpacingControl w:val="compressPunctuation"/>
<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>"""

_CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>
</Types>"""

_PACKAGE_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{PKG_RELS}">
<Relationship Id="rId1" Type="{DOC_TYPE}" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>
</Relationships>"""

_DOCUMENT_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{PKG_RELS}">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>
</Relationships>"""

_APP = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>summarise</Application></Properties>"""


def _core(note: Note) -> str:
    first = note.langs[0]
    created = _w3cdtf(note.generated_at)
    subject = " · ".join(note.meta())
    return f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{_x((note.title or note.headline).get(first))}</dc:title><dc:subject>{_x(subject)}</dc:subject><dc:creator>summarise</dc:creator><cp:lastModifiedBy>summarise</cp:lastModifiedBy><cp:keywords>briefing note; {_x(note.kind_label.en or note.kind)}</cp:keywords><dc:language>{"zh-CN" if first == "zh" else "en-GB"}</dc:language><dcterms:created xsi:type="dcterms:W3CDTF">{created}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{created}</dcterms:modified></cp:coreProperties>"""


def _w3cdtf(stamp: str | None) -> str:
    """'2026-12-07T06:54:02+00:00' → '2026-12-07T06:54:02Z' (the record's generation time, else now)."""
    try:
        when = datetime.fromisoformat(stamp) if stamp else datetime.now(UTC)
    except ValueError:
        when = datetime.now(UTC)
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@lru_cache(maxsize=1)
def _fixed_parts() -> tuple[tuple[str, bytes], ...]:
    return tuple((name, text.encode("utf-8")) for name, text in (
        ("[Content_Types].xml", _CONTENT_TYPES), ("_rels/.rels", _PACKAGE_RELS),
        ("word/_rels/document.xml.rels", _DOCUMENT_RELS), ("word/styles.xml", _STYLES),
        ("word/numbering.xml", _NUMBERING), ("word/settings.xml", _SETTINGS), ("docProps/app.xml", _APP)))


# a fixed timestamp inside the zip: the same note gives the same bytes
_ZIP_TIME = (2020, 1, 1, 0, 0, 0)


def render_docx(note: Note) -> bytes:
    """The note as a .docx file's bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as package:
        parts = [*_fixed_parts()[:3], ("word/document.xml", _body(note).encode("utf-8")),
                 *_fixed_parts()[3:], ("docProps/core.xml", _core(note).encode("utf-8"))]
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            package.writestr(info, data)
    return buffer.getvalue()
