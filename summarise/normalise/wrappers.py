"""Non-HTML wrappers around a page: find where the article sits, with positions in the original.

Scraped piles hold pages inside other formats.  Each parser here describes a format, not a file,
and returns positions into the original so the markup stage can keep its character map:

* SQL dump rows (``INSERT INTO t [(cols)] VALUES (…), (…);``): every field with its span;
* PHP / compiled templates (Smarty, …): ``<?php … ?>`` blocks blanked to spaces (a block that
  only echoes a string literal is replaced by that literal, as PHP would print it);
* Markdown mirrors (Hugo/Jekyll): YAML ``---`` / TOML ``+++`` front matter keys and the body start;
* JavaScript string modules: every string literal (quotes, template literals) with its span.

Nothing here imports the markup stage: it only parses.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_HAN = re.compile(r"[\u3400-\u9fff]")


# -- SQL dump rows ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Field:
    """One value of a row: decoded text (None for NULL) and the span of its raw text."""

    value: str | None
    start: int
    end: int
    quoted: bool


@dataclass(frozen=True)
class SqlRow:
    table: str
    columns: tuple[str, ...]  # empty when the statement names no columns
    fields: tuple[Field, ...]


_INSERT = re.compile(r"(?im)^[ \t]*(?:insert|replace)\s+(?:ignore\s+)?into\s+([`\"\[]?[\w.$]+[`\"\]]?)\s*"
                     r"(?:\(([^()]{0,4000})\)\s*)?values\s*(?=\()")
_SQL_STRING = {"'": re.compile(r"'((?:[^'\\]|\\.|'')*)'", re.S), '"': re.compile(r'"((?:[^"\\]|\\.|"")*)"', re.S)}
_SQL_BARE = re.compile(r"[^,()'\"\s]+")
_SQL_SPACE = re.compile(r"\s*")
_SQL_ESCAPES = {"0": "\0", "b": "\b", "n": "\n", "r": "\r", "t": "\t", "Z": "\x1a"}
_SQL_ESCAPE = re.compile(r"\\(.)|''|\"\"", re.S)


def looks_like_sql(text: str) -> bool:
    """An INSERT INTO … VALUES statement at the start of a line in the first 64 KB."""
    return _INSERT.search(text[:65536]) is not None


def sql_rows(text: str, limit: int = 100_000) -> list[SqlRow]:
    """Every row of every ``INSERT INTO … VALUES`` statement (MySQL and standard quoting)."""
    rows: list[SqlRow] = []
    for m in _INSERT.finditer(text):
        table = m.group(1).strip("`\"[]")
        cols = tuple(c.strip().strip("`\"[]") for c in m.group(2).split(",")) if m.group(2) else ()
        pos = m.end()
        while pos < len(text) and text[pos] == "(" and len(rows) < limit:
            fields, pos = _sql_tuple(text, pos + 1)
            if fields is None:
                break
            rows.append(SqlRow(table, cols, tuple(fields)))
            pos = _SQL_SPACE.match(text, pos).end()
            if pos < len(text) and text[pos] == ",":
                pos = _SQL_SPACE.match(text, pos + 1).end()
            else:
                break
    return rows


def _sql_tuple(text: str, pos: int) -> tuple[list[Field] | None, int]:
    """Parse ``v, v, …)`` from ``pos``; returns the fields and the position after ")"."""
    fields: list[Field] = []
    n = len(text)
    while True:
        pos = _SQL_SPACE.match(text, pos).end()
        if pos >= n:
            return None, pos
        ch = text[pos]
        if ch in _SQL_STRING:
            m = _SQL_STRING[ch].match(text, pos)
            if m is None:
                return None, pos
            fields.append(Field(unescape_sql(m.group(1)), m.start(1), m.end(1), True))
            pos = m.end()
        elif ch == ")" and not fields:
            return fields, pos + 1
        else:
            m = _SQL_BARE.match(text, pos)
            if m is None:
                return None, pos
            raw = m.group(0)
            fields.append(Field(None if raw.lower() == "null" else raw, m.start(), m.end(), False))
            pos = m.end()
        pos = _SQL_SPACE.match(text, pos).end()
        if pos < n and text[pos] == ",":
            pos += 1
            continue
        if pos < n and text[pos] == ")":
            return fields, pos + 1
        return None, pos


def unescape_sql(s: str) -> str:
    """MySQL backslash escapes and doubled quotes → the stored text."""
    if "\\" not in s and "''" not in s and '""' not in s:
        return s
    return _SQL_ESCAPE.sub(lambda m: (_SQL_ESCAPES.get(m.group(1), m.group(1)) if m.group(1) is not None
                                      else m.group(0)[0]), s)


# -- PHP and compiled templates --------------------------------------------------------------------
_PHP_OPEN = re.compile(r"<\?(?:php\b|=)|\A\ufeff?\s*<\?\s", re.I)
_PHP_ECHO = re.compile(r"""\s*(?:echo|print)\s*(?:'([^'\\]*)'|"([^"\\$]*)")\s*;?\s*""", re.I)


def has_php(text: str) -> bool:
    """``<?php`` or ``<?=`` anywhere, or a file that opens with a short ``<? `` tag (not ``<?xml``)."""
    return "<?" in text and _PHP_OPEN.search(text) is not None


def php_blocks(text: str) -> list[tuple[int, int, int]]:
    """(start, end, code start) of every PHP block; one linear scan.

    ``<?php`` / ``<?=`` may run to the end of the file (PHP allows omitting the last ``?>``);
    a short ``<? `` tag counts only when a ``?>`` closes it.
    """
    out: list[tuple[int, int, int]] = []
    n, pos = len(text), 0
    short_ok = True
    while True:
        i = text.find("<?", pos)
        if i < 0:
            return out
        j = i + 2
        if text[j:j + 3].lower() == "php" and not text[j + 3:j + 4].isalnum():
            code = j + 3
        elif text[j:j + 1] == "=":
            code = j + 1
        elif short_ok and j < n and text[j].isspace():
            code = j
        else:
            pos = j
            continue
        close = text.find("?>", code)
        if close < 0:
            if code == j and not text[j:j + 1] == "=":  # an unclosed short tag is text
                short_ok = False
                pos = j
                continue
            out.append((i, n, code))
            return out
        out.append((i, close + 2, code))
        pos = close + 2


def blank_php(text: str) -> tuple[str, int]:
    """Same-length text with every PHP block blanked (newlines kept); echo-only blocks print.

    Compiled Smarty templates write ``<?php echo '<script'; ?>`` for literal markup: the literal
    is kept (padded with spaces) so the page's own tags stay balanced.
    """
    blocks = php_blocks(text)
    if not blocks:
        return text, 0
    parts: list[str] = []
    pos = 0
    for start, end, code in blocks:
        parts.append(text[pos:start])
        block = text[start:end]
        body = text[code:end - 2] if text.endswith("?>", 0, end) else text[code:end]
        echo = _PHP_ECHO.fullmatch(body)
        lit = ""
        if echo is not None:
            lit = echo.group(1) if echo.group(1) is not None else echo.group(2)
            lit = "" if "\n" in lit else lit
        parts.append(lit + "".join("\n" if c == "\n" else " " for c in block[len(lit):]))
        pos = end
    parts.append(text[pos:])
    return "".join(parts), len(blocks)


# -- Markdown front matter -------------------------------------------------------------------------
@dataclass(frozen=True)
class FrontMatter:
    """Keys of a front-matter block: value and its span in the original; ``end`` = body start."""

    keys: dict[str, tuple[str, int, int]]
    end: int


_FRONT = re.compile(r"\A\ufeff?(---|\+\+\+)[ \t]*\r?\n(.{0,20000}?)\r?\n\1[ \t]*(?:\r?\n|\Z)", re.S)
_FRONT_KEY = re.compile(r"(?m)^([A-Za-z_][\w-]{0,40})[ \t]*[:=][ \t]*(.*?)[ \t]*\r?$")


def front_matter(text: str) -> FrontMatter | None:
    """YAML (``---``) or TOML (``+++``) front matter at the very start, with at least one key."""
    m = _FRONT.match(text)
    if m is None:
        return None
    keys: dict[str, tuple[str, int, int]] = {}
    for k in _FRONT_KEY.finditer(m.group(2)):
        value, a, b = k.group(2), m.start(2) + k.start(2), m.start(2) + k.end(2)
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value, a, b = value[1:-1], a + 1, b - 1
        keys.setdefault(k.group(1).lower(), (value, a, b))
    if not keys:
        return None
    return FrontMatter(keys, m.end())


# -- JavaScript string modules ---------------------------------------------------------------------
@dataclass(frozen=True)
class JsString:
    value: str  # escapes decoded, ${…} interpolations removed
    start: int  # span of the raw literal's content (inside the quotes)
    end: int


_JS_MODULE = re.compile(r"\A\ufeff?(?:\s|//[^\n]*\n|/\*.*?\*/)*(?:export\s+default\b|module\.exports\s*=|exports\.[\w$]+\s*=|"
                        r"(?:const|let|var)\s+[\w$]+\s*=|window\.[\w$.]+\s*=|[\w$.]+\s*\(\s*[`'\"])", re.S)
_JS_TOKEN = re.compile(r"//[^\n]*|/\*.*?(?:\*/|\Z)|'((?:[^'\\\n]|\\.)*)'|\"((?:[^\"\\\n]|\\.)*)\"|`((?:[^`\\]|\\.)*)`", re.S)
_JS_ESCAPE = re.compile(r"\\(?:u\{([0-9a-fA-F]{1,6})\}|u([0-9a-fA-F]{4})|x([0-9a-fA-F]{2})|(\r?\n)|(.))", re.S)
_JS_SIMPLE = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}
_JS_INTERP = re.compile(r"\$\{[^{}`]{0,500}\}")


def looks_like_js(text: str) -> bool:
    """Starts like a JavaScript module or script assigning or exporting a value."""
    return _JS_MODULE.match(text[:65536]) is not None


def js_strings(text: str) -> list[JsString]:
    """Every string literal outside comments (regex literals are not recognised)."""
    out: list[JsString] = []
    for m in _JS_TOKEN.finditer(text):
        for g in (1, 2, 3):
            if m.group(g) is not None:
                raw = m.group(g)
                if g == 3:
                    raw = _JS_INTERP.sub("", raw)
                out.append(JsString(unescape_js(raw), m.start(g), m.end(g)))
    return out


def unescape_js(s: str) -> str:
    """Decode JavaScript string escapes (``\\n``, ``\\u4e2d``, ``\\u{1F600}``, ``\\x41``, line continuations)."""
    if "\\" not in s:
        return s

    def one(m: re.Match[str]) -> str:
        hexa = m.group(1) or m.group(2) or m.group(3)
        if hexa:
            try:
                return chr(int(hexa, 16))
            except (ValueError, OverflowError):
                return ""
        if m.group(4) is not None:
            return ""
        c = m.group(5)
        return _JS_SIMPLE.get(c, c)

    return _JS_ESCAPE.sub(one, s)


def han_count(s: str) -> int:
    return len(_HAN.findall(s))
