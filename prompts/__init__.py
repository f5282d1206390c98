"""Prompt templates (plain files, editable without programming): `system.md` and `user.md`."""
from __future__ import annotations

from functools import cache
from importlib.resources import files

import jinja2

_ENV = jinja2.Environment(autoescape=False, keep_trailing_newline=True, undefined=jinja2.StrictUndefined)


@cache
def text(name: str) -> str:
    """The raw text of a prompt file shipped with the package."""
    return files(__name__).joinpath(name).read_text(encoding="utf-8")


@cache
def _template(name: str) -> jinja2.Template:
    return _ENV.from_string(text(name))  # compiled once: compiling costs ~3 ms per call


def render(name: str, **values: object) -> str:
    """Render a prompt template with `values` (missing ones are empty)."""
    defaults = {"title": None, "published": None, "kind": None, "part": None, "parts": None, "article": ""}
    return _template(name).render(**{**defaults, **values})
