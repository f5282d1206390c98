"""Briefing notes from records: Markdown, HTML (side by side) and DOCX, in Chinese and English.

    from summarise.render import render
    html = render(record, "html", langs=("zh", "en"))   # str for md/html/json, bytes for docx
"""
from __future__ import annotations

from summarise.schemas import Record

from .docx import render_docx
from .html import render_html
from .markdown import render_markdown
from .view import LANGS, Note, build_note

FORMATS: tuple[str, ...] = ("md", "html", "docx", "json")
EXTENSIONS: dict[str, str] = {"md": ".md", "html": ".html", "docx": ".docx", "json": ".json"}


def render(record: Record, fmt: str, langs: tuple[str, ...] = LANGS) -> str | bytes:
    """Render `record` in `fmt` (md, html, docx, json) for `langs` (a subset of zh, en, in order)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    bad = [lang for lang in langs if lang not in LANGS]
    if bad or not langs:
        raise ValueError(f"unknown language {', '.join(bad) or '(none)'}; choose from {', '.join(LANGS)}")
    if fmt == "json":
        return record.model_dump_json(indent=2) + "\n"
    note = build_note(record, tuple(langs))
    if fmt == "md":
        return render_markdown(note)
    if fmt == "html":
        return render_html(note)
    return render_docx(note)


__all__ = ["EXTENSIONS", "FORMATS", "LANGS", "Note", "build_note", "render", "render_docx",
           "render_html", "render_markdown"]
