"""Markdown briefing note: Chinese then English, a figures table, numbered sources.

Article text is untrusted: every value goes through `esc`, so `<script>` or Markdown syntax in a
quote shows as literal text in any Markdown viewer.
"""
from __future__ import annotations

import re

from .view import Note, Text

_SPECIAL = re.compile(r"([\\`*_\[\]|#])")


def esc(value: object) -> str:
    """Escape Markdown/HTML-significant characters and fold newlines (table cells stay one line)."""
    text = " ".join(str(value).split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _SPECIAL.sub(r"\\\1", text)


def tt(text: Text | None, lang: str) -> str:
    """Escaped text in `lang`, the Chinese with a visible mark when English is missing."""
    if text is None:
        return "—"
    out = esc(text.get(lang))
    return f"{out} *\\[untranslated\\]*" if text.missing(lang) else out


def ref(n: int | None) -> str:
    return f" \\[{n}\\]" if n else ""


def _table(header: list[str], align: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(align) + "|"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return lines + [""]


def _language_section(note: Note, lang: str) -> list[str]:
    zh = lang == "zh"
    lab = note.label
    out: list[str] = [f"## {'中文' if zh else 'English'}", ""]
    if note.summary:
        out += [f"### {lab['summary'].get(lang)}", "", tt(note.summary, lang), ""]
    if note.facts:
        out += [f"### {lab['facts'].get(lang)}", ""]
        sep = ":" if zh else ": "
        out += [f"- **{esc(f.label.get(lang))}**{sep}{tt(f.value, lang)}{ref(f.ref)}" for f in note.facts]
        out.append("")
    if note.figures:
        out += [f"### {lab['figures'].get(lang)}", ""]
        if zh:
            out += _table(["原文", "数值", "单位", "指标", "出处"], ["---", "--:", "---", "---", "---"],
                          [[esc(f.quote), f.value, esc(f.unit.zh), tt(f.measures, lang), ref(f.ref).strip()]
                           for f in note.figures])
        else:
            out += _table(["Quote", "Value", "Unit", "English", "Measures", "Source"],
                          ["---", "--:", "---", "---", "---", "---"],
                          [[esc(f.quote), f.value, esc(f.unit.en), esc(f.english), tt(f.measures, lang),
                            ref(f.ref).strip()] for f in note.figures])
    if note.points:
        out += [f"### {lab['points'].get(lang)}", ""]
        for i, p in enumerate(note.points, 1):
            who = f" — {tt(p.speaker, lang)}" if p.speaker else ""
            out.append(f"{p.number or i}. {tt(p.text, lang)}{who} *({esc(p.kind.get(lang))})*{ref(p.ref)}")
        out.append("")
    if note.people:
        out += [f"### {lab['people'].get(lang)}", ""]
        if zh:
            out += _table(["姓名", "职务", "角色", "出处"], ["---"] * 4,
                          [[esc(p.name), tt(p.title, lang), esc(p.roles.zh), ref(p.ref).strip()]
                           for p in note.people])
        else:
            out += _table(["Name", "Romanised", "Title", "Role", "Source"], ["---"] * 5,
                          [[esc(p.name), esc(p.name_en) if p.name_en else "*\\[untranslated\\]*",
                            tt(p.title, lang), esc(p.roles.en), ref(p.ref).strip()] for p in note.people])
    if note.groups:
        out += [f"### {lab['groups'].get(lang)}", ""]
        out += [f"- {tt(g.text, lang)}{ref(g.ref)}" for g in note.groups]
        out.append("")
    return out


def _bi_heading(note: Note, key: str) -> str:
    label = note.label[key]
    return f"{label.zh} {label.en}" if len(note.langs) > 1 else label.get(note.langs[0])


def render_markdown(note: Note) -> str:
    """The note as Markdown text."""
    langs = note.langs
    first = langs[0]
    meta = [note.kind_label.get(first)] + [v for _, v in note.provenance[1:3] if v != "—"]
    out: list[str] = [f"# {tt(note.headline, first)}", ""]
    if len(langs) > 1:
        out += [f"**{tt(note.headline, langs[1])}**", ""]
    out += ["*" + " · ".join(esc(m) for m in meta) + "*", ""]
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
        out.append("- Left untranslated:")
        out += [f"  - `{path}`: {esc(zh)}" for path, zh in note.untranslated]
    if note.possibly_missed:
        out.append(f"- {'Possibly missed' if en else '可能遗漏'}: {esc('; '.join(note.possibly_missed))}")
    if note.warnings:
        out.append(f"- {'Warnings' if en else '提示'}: {esc('; '.join(note.warnings))}")
    return "\n".join(out).rstrip() + "\n"
