"""HTML briefing note (Chinese and English side by side) through Jinja2 with autoescaping."""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from .view import Note


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The template environment: autoescape on for every template (article text is untrusted)."""
    return Environment(
        loader=PackageLoader("summarise.render", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html", "j2"), default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=False,
        lstrip_blocks=False,
        keep_trailing_newline=True,
    )


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("summarise")
    except Exception:  # noqa: BLE001 - metadata missing in an unusual install
        return "unknown"


def render_template(name: str, **context: Any) -> str:
    """Render one of the package templates with the shared environment."""
    return environment().get_template(name).render(version=_version(), **context)


def render_html(note: Note) -> str:
    """The note as a self-contained HTML page (inline CSS, no external assets)."""
    return render_template("note.html.j2", note=note)
