"""Markdown briefing note: Chinese then English, a figures table, numbered sources.

Article text is untrusted but should read cleanly in a terminal: `esc` escapes only what would
change how a CommonMark/GFM viewer shows the text (emphasis, code, links, HTML, a list or heading
marker at the start, `|` in a table cell), so ordinary Chinese text comes out unchanged.
"""
from __future__ import annotations

import re

from .view import Note, Text

_BACKSLASH = re.compile(r"\\(?=[!-/:-@\[-`{-~])")         # a backslash that would escape the next character
_ALWAYS = re.compile(r"([`*])")                        # code spans, emphasis
_EDGE_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")  # _ inside a word is literal
_LINK = re.compile(r"\][(\[:]")                         # [text](url), [text][ref], [ref]: url
_TAG = re.compile(r"<(?=[A-Za-z/!?])")                 # raw HTML or an autolink
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")          # &amp; &#20013; …
# a block quote, heading, list item, thematic break or code fence where the text starts
_BLOCK_START = re.compile(r"^(?:>|#{1,6}(?=\s|$)|[-+](?=\s|$)|\d{1,9}[.)](?=\s|$)|[-_]{3,}\s*$|~~~)")


def esc(value: object, *, cell: bool = False) -> str:
    """`value` on one line, escaped only where Markdown would otherwise change it."""
    text = " ".join(str(value).split())
    text = _BACKSLASH.sub(r"\\\\", text)
    text = _ALWAYS.sub(r"\\\1", text)
    text = _EDGE_UNDERSCORE.sub(r"\\_", text)
    if _LINK.search(text):
        text = text.replace("[", "\\[").replace("]", "\\]")
    if "~~" in text:
        text = text.replace("~", "\\~")
    text = _ENTITY.sub("&amp;", text)
    text = _TAG.sub("&lt;", text)
    m = _BLOCK_START.match(text)
    if m:
        at = len(m[0].rstrip()) - 1 if m[0][0].isdigit() else 0  # 1. → 1\.  - → \-
        text = text[:at] + "\\" + text[at:]
    if cell:
        text = text.replace("|", "\\|")
    return text


def cell(value: object) -> str:
    return esc(value, cell=True)


UNTRANSLATED_MARK = "*[untranslated]*"


def tt(text: Text | None, lang: str, *, in_cell: bool = False) -> str:
    """Escaped text in `lang`, the Chinese with a visible mark when English is missing."""
    if text is None:
        return "—"
    out = esc(text.get(lang), cell=in_cell)
    return f"{out} {UNTRANSLATED_MARK}" if text.missing(lang) else out


def ref(n: int | None) -> str:
    return f" [{n}]" if n else ""


def _table(header: list[str], align: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(align) + "|"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return [*lines, ""]


def _language_section(note: Note, lang: str) -> list[str]:
    zh = lang == "zh"
    lab = note.label
    out: list[str] = [f"## {'中文' if zh else 'English'}", ""]
    if note.summary:
        notice = [f"*{esc(note.notice)}*", ""] if note.notice and not zh else []
        out += [f"### {lab['summary'].get(lang)}", "", *notice, tt(note.summary, lang), ""]
    if note.facts:
        out += [f"### {lab['facts'].get(lang)}", ""]
        sep = ":" if zh else ": "
        out += [f"- **{esc(f.label.get(lang))}**{sep}{tt(f.value, lang)}{ref(f.ref)}" for f in note.facts]
        out.append("")
    if note.figures:
        out += [f"### {lab['figures'].get(lang)}", ""]
        if zh:
            out += _table(["原文", "数值", "单位", "指标", "出处"], ["---", "--:", "---", "---", "---"],
                          [[cell(f.quote), f.value, cell(f.unit.zh), tt(f.measures, lang, in_cell=True),
                            ref(f.ref).strip()] for f in note.figures])
        else:
            out += _table(["Quote", "Value", "Unit", "English", "Measures", "Source"],
                          ["---", "--:", "---", "---", "---", "---"],
                          [[cell(f.quote), f.value, cell(f.unit.en), cell(f.english),
                            tt(f.measures, lang, in_cell=True), ref(f.ref).strip()] for f in note.figures])
    if note.points:
        out += [f"### {lab['points'].get(lang)}", ""]
        for p in note.points:
            who = f" — {tt(p.speaker, lang)}" if p.speaker else ""
            out.append(f"{p.number}. {tt(p.text, lang)}{who} *({esc(p.kind.get(lang))})*{ref(p.ref)}")
        out.append("")
    if note.people:
        out += [f"### {lab['people'].get(lang)}", ""]
        if zh:
            out += _table(["姓名", "职务", "角色", "出处"], ["---"] * 4,
                          [[cell(p.name), tt(p.title, lang, in_cell=True), cell(p.roles.zh), ref(p.ref).strip()]
                           for p in note.people])
        else:
            out += _table(["Name", "Romanised", "Title", "Role", "Source"], ["---"] * 5,
                          [[cell(p.name), cell(p.name_en) if p.name_en else UNTRANSLATED_MARK,
                            tt(p.title, lang, in_cell=True), cell(p.roles.en), ref(p.ref).strip()]
                           for p in note.people])
    if note.groups:
        out += [f"### {lab['groups'].get(lang)}", ""]
        out += [f"- {tt(g.text, lang)}{ref(g.ref)}" for g in note.groups]
        out.append("")
    return out


def _bi_heading(note: Note, key: str) -> str:
    label = note.label[key]
    return f"{label.zh} {label.en}" if len(note.langs) > 1 else label.get(note.langs[0])


def _heading_text(text: str) -> str:
    out = esc(text)
    return out[:-1] + "\\#" if out.endswith("#") else out  # a trailing # would close the heading


def render_markdown(note: Note) -> str:
    """The note as Markdown text."""
    langs = note.langs
    first = langs[0]
    title = note.title or note.headline
    out: list[str] = [f"# {_heading_text(title.get(first))}" + (f" {UNTRANSLATED_MARK}" if title.missing(first) else ""),
                      ""]
    if len(langs) > 1 and not title.missing(langs[1]):
        out += [f"**{esc(title.get(langs[1]))}**", ""]
    out += ["*" + " · ".join(esc(m) for m in note.meta()) + "*", ""]
    for lang in langs:
        out += _language_section(note, lang)
    if note.sources:
        out += [f"## {_bi_heading(note, 'sources')}", ""]
        out += [f"{s.number}. 「{esc(s.quote)}」" for s in note.sources]
        out.append("")
    out += [f"## {_bi_heading(note, 'provenance')}", ""]
    last = langs[-1]
    out += [f"- {esc(label.get(last))}: {esc(value)}" for label, value in note.provenance]
    en = "en" in langs
    if note.rejected:
        out.append(f"- {'Rejected (failed grounding, not shown as fact)' if en else '未采用'}:")
        out += [f"  - {esc(field)}: {esc(value)} — {esc(reason)}" for field, value, reason in note.rejected]
    if note.untranslated and en:
        out.append(f"- Left untranslated (shown in Chinese, marked {UNTRANSLATED_MARK}): "
                   f"{esc('; '.join(note.untranslated))}")
    if note.possibly_missed:
        out.append(f"- {'Possibly missed' if en else '可能遗漏'}: {esc('; '.join(note.possibly_missed))}")
    if note.warnings:
        out.append(f"- {'Warnings' if en else '提示'}: {esc('; '.join(note.warnings))}")
    return "\n".join(out).rstrip() + "\n"
