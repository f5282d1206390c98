"""Non-HTML wrappers around a page: find where the article sits, with positions in the original.

Scraped piles hold pages inside other formats.  Each parser here describes a format, not a file,
and returns positions into the original so the markup stage can keep its character map:

* SQL dump rows (``INSERT INTO t [(cols)] VALUES (…), (…);``, or a bare value tuple ``(…),``
  cut out of such a statement): every field with its span;
* PHP / compiled templates (Smarty, …): ``<?php … ?>`` blocks blanked to spaces (a block that
  only echoes a string literal is replaced by that literal, as PHP would print it);
* Markdown mirrors (Hugo/Jekyll): YAML ``---`` / TOML ``+++`` front matter keys and the body start;
* JavaScript string modules and other C-family source (Java, C#, …): every string literal with
  its span and the object literal it sits in; literals joined by ``+`` form one concatenation;
* RSS / Atom feeds: the child elements of each ``<item>`` / ``<entry>``, CDATA unwrapped.

Nothing here imports the markup stage: it only parses.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
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
# every _INSERT match holds "into", and under re.I n, t and o have no forms beyond the ASCII two
_INTO = re.compile("[nN][tT][oO]")
_SQL_STRING = {"'": re.compile(r"'((?:[^'\\]|\\.|'')*)'", re.S), '"': re.compile(r'"((?:[^"\\]|\\.|"")*)"', re.S)}
_SQL_BARE = re.compile(r"[^,()'\"\s]+")
_SQL_SPACE = re.compile(r"\s*")
_SQL_ESCAPES = {"0": "\0", "b": "\b", "n": "\n", "r": "\r", "t": "\t", "Z": "\x1a"}
_SQL_ESCAPE = re.compile(r"\\(.)|''|\"\"", re.S)


_TUPLE_START = re.compile(r"\A\ufeff?\s*(?=\()")


def looks_like_sql(text: str) -> bool:
    """An INSERT INTO … VALUES statement at the start of a line in the first 64 KB, or text that
    opens with a value tuple (at least two fields, one a quoted string) cut out of one."""
    if _INTO.search(text, 0, 65536) is not None and _INSERT.search(text[:65536]) is not None:
        return True
    return _bare_tuple(text) is not None


def _bare_tuple(text: str) -> int | None:
    """Position of the opening "(" when the text starts with a complete value tuple, else None."""
    m = _TUPLE_START.match(text)
    if m is None:
        return None
    fields, end = _sql_tuple(text, m.end() + 1)
    if fields is None or len(fields) < 2 or not any(f.quoted for f in fields):
        return None
    rest = _match_end(_SQL_SPACE, text, end)
    if rest < len(text) and text[rest] not in ",;":
        return None
    return m.end()


def _match_end(rx: re.Pattern[str], text: str, pos: int) -> int:
    """Where `rx`, a pattern that also matches the empty string, stops matching from `pos`."""
    m = rx.match(text, pos)
    return m.end() if m else pos


def sql_rows(text: str, limit: int = 100_000) -> list[SqlRow]:
    """Every row of every ``INSERT INTO … VALUES`` statement (MySQL and standard quoting)."""
    rows: list[SqlRow] = []
    for m in _INSERT.finditer(text):
        table = m.group(1).strip("`\"[]")
        cols = tuple(c.strip().strip("`\"[]") for c in m.group(2).split(",")) if m.group(2) else ()
        _sql_tuples(text, m.end(), table, cols, rows, limit)
    if not rows:  # a fragment of a VALUES list: "(1,'…',…),\n(2,'…',…);"
        start = _bare_tuple(text)
        if start is not None:
            _sql_tuples(text, start, "", (), rows, limit)
    return rows


def _sql_tuples(text: str, pos: int, table: str, cols: tuple[str, ...], rows: list[SqlRow], limit: int) -> None:
    """Append the rows of ``(…), (…)`` starting at ``pos`` (an opening parenthesis)."""
    while pos < len(text) and text[pos] == "(" and len(rows) < limit:
        fields, pos = _sql_tuple(text, pos + 1)
        if fields is None:
            return
        rows.append(SqlRow(table, cols, tuple(fields)))
        pos = _match_end(_SQL_SPACE, text, pos)
        if pos < len(text) and text[pos] == ",":
            pos = _match_end(_SQL_SPACE, text, pos + 1)
        else:
            return


def _sql_tuple(text: str, pos: int) -> tuple[list[Field] | None, int]:
    """Parse ``v, v, …)`` from ``pos``; returns the fields and the position after ")"."""
    fields: list[Field] = []
    n = len(text)
    while True:
        pos = _match_end(_SQL_SPACE, text, pos)
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
        pos = _match_end(_SQL_SPACE, text, pos)
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
            if code == j and text[j:j + 1] != "=":  # an unclosed short tag is text
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


# -- JavaScript string modules and C-family source code --------------------------------------------
@dataclass(frozen=True)
class JsString:
    value: str  # escapes decoded, ${…} interpolations removed
    start: int  # span of the raw literal's content (inside the quotes)
    end: int
    scope: int = -1  # position of the "{" of the innermost object/block holding it (-1: top level)


_JS_MODULE = re.compile(r"\A\ufeff?(?:\s|//[^\n]*\n|/\*.*?\*/)*(?:export\s+default\b|module\.exports\s*=|exports\.[\w$]+\s*=|"
                        r"(?:const|let|var)\s+[\w$]+\s*=|window\.[\w$.]+\s*=|[\w$.]+\s*\(\s*[`'\"])", re.S)
_JS_START = re.compile(r"//|/\*|['\"`]")  # where a comment or string literal can start
_JS_ESCAPE = re.compile(r"\\(?:u\{([0-9a-fA-F]{1,6})\}|u([0-9a-fA-F]{4})|x([0-9a-fA-F]{2})|(\r?\n)|(.))", re.S)
_JS_SIMPLE = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}
_JS_INTERP = re.compile(r"\$\{[^{}`]{0,500}\}")
_CONCAT_GAP = re.compile(r"\s*\+?\s*")  # between two literals of one concatenation: "a" + "b", "a" "b"
# a line of code ends like a statement or block, or starts like a comment, import or annotation
_CODE_END = (";", "{", "}", "(", ")", ",", "+", "*/")
_CODE_START = re.compile(r"//|/\*|\*|#include\b|import\s|package\s|using\s|@\w")
CODE_LINE_SHARE = 0.6  # of the non-blank lines (the first 200) that look like code
CODE_LINES_MIN = 3


def looks_like_js(text: str) -> bool:
    """Starts like a JavaScript module or script assigning or exporting a value."""
    return _JS_MODULE.match(text[:65536]) is not None


def looks_like_code(text: str) -> bool:
    """C-family source (Java, C#, JavaScript, …): not markup, and most lines end like statements
    or blocks (``;`` ``{`` ``}`` ``+`` …) or are comments / imports.  Prose lines end with 。 or text."""
    head = text[:65536].lstrip("\ufeff \t\r\n")
    if not head or head[0] == "<":
        return False
    lines = [s for ln in head.splitlines() if (s := ln.strip())][:200]
    code = sum(1 for ln in lines if ln.endswith(_CODE_END) or _CODE_START.match(ln))
    return code >= CODE_LINES_MIN and code >= CODE_LINE_SHARE * len(lines)


_PY_LINE = re.compile(r"^(?:import\s|from\s+[\w.]+\s+import\s|def\s|class\s|async\s+def\s|#|@\w|if\s|elif\s|else\s*:|"
                      r"for\s|while\s|try\s*:|except\b|finally\s*:|with\s|return\b|print\(|pass$|break$|continue$)"
                      r"|:$|^[\w.\[\]'\"]+\s*[-+*/]?=[^=]|[)\]]$")
_PY_HEAD = re.compile(r"(?m)^[ \t]*(?:import\s+\w|from\s+[\w.]+\s+import\s|def\s+\w+\s*\(|class\s+\w+\s*[(:])")
_PY_START = re.compile(r"#|['\"]")
# The content of a literal after its opening quote, as far as it can run: to the closing quote when
# one follows; a line break ends a one-line string, the text's end any string.
_LINE_BODY = {q: re.compile(rf"(?:[^{q}\\\n]|\\.)*", re.S) for q in "'\""}
_TEMPLATE_BODY = re.compile(r"(?:[^`\\]|\\.)*", re.S)
_TRIPLE_BODY = {q: re.compile(rf"(?:[^\\]|\\.)*?{q * 3}", re.S) for q in "'\""}


def looks_like_python(text: str) -> bool:
    """Python source: an import/def/class line, and most lines are statements, blocks (``…:``),
    comments or decorators.  Prose lines end with 。 or text."""
    head = text[:65536].lstrip("\ufeff \t\r\n")
    if not head or head[0] == "<":
        return False
    # every _PY_HEAD match holds one of these words: a quick test spares prose the slow scan
    if not any(w in head for w in ("import", "def", "class")) or not _PY_HEAD.search(head):
        return False
    lines = [s for ln in head.splitlines() if (s := ln.strip())][:200]
    code = sum(1 for ln in lines if _PY_LINE.search(ln))
    return code >= CODE_LINES_MIN and code >= CODE_LINE_SHARE * len(lines)


def py_strings(text: str) -> list[JsString]:
    """Every Python string literal outside ``#`` comments ('…', "…", and triple-quoted), unescaped."""
    return [JsString(unescape_js(text[a:b]), a, b, -1) for a, b, _, _ in _tokens(text, python=True) if a >= 0]


def js_strings(text: str) -> list[JsString]:
    """Every string literal outside comments (regex literals are not recognised), with its scope:
    the opening brace of the object literal or block it sits in (braces inside strings ignored)."""
    out: list[JsString] = []
    stack: list[int] = []
    pos = 0
    for a, b, token_start, token_end in _tokens(text, python=False):
        _braces(text, pos, token_start, stack)
        pos = token_end
        if a < 0:  # a comment
            continue
        raw = text[a:b]
        if text[token_start] == "`":
            raw = _JS_INTERP.sub("", raw)
        out.append(JsString(unescape_js(raw), a, b, stack[-1] if stack else -1))
    return out


def _tokens(text: str, *, python: bool) -> Iterator[tuple[int, int, int, int]]:
    """(content start, content end, token start, token end) of every comment and string literal,
    left to right; a comment's content is (-1, -1).

    A quote that opens no complete literal (a page cut mid-script) starts none; every later quote of
    the same kind before the point where its content ran out cannot close one either (the content
    splits into the same characters and escapes from there), so it is not tried again: the scan is
    linear in the text, however many such quotes there are.
    """
    starts = _PY_START if python else _JS_START
    dead: dict[str, int] = {}  # kind of opening → where its last failed content ran out
    pos, end = 0, len(text)
    while (m := starts.search(text, pos)) is not None:
        p = m.start()
        c = text[p]
        if c in "#/":  # a comment: a line, or up to */ (or the end)
            if c == "/" and text.startswith("/*", p):
                close = text.find("*/", p + 2)
                pos = end if close < 0 else close + 2
            else:
                close = text.find("\n", p)
                pos = end if close < 0 else close
            yield -1, -1, p, pos
            continue
        found = None
        if python and text.startswith(c * 3, p) and p >= dead.get(c * 3, 0):
            body = _TRIPLE_BODY[c].match(text, p + 3)
            if body is not None:
                found = (p + 3, body.end() - 3, body.end())
            else:
                dead[c * 3] = end
        if found is None and p >= dead.get(c, 0):
            stop = _match_end(_TEMPLATE_BODY if c == "`" else _LINE_BODY[c], text, p + 1)
            if stop < end and text[stop] == c:
                found = (p + 1, stop, stop + 1)
            else:
                dead[c] = stop
        if found is None:
            pos = p + 1
            continue
        yield found[0], found[1], p, found[2]
        pos = found[2]


def _braces(text: str, start: int, end: int, stack: list[int]) -> None:
    """Track "{" / "}" in code between tokens."""
    i = text.find("{", start, end)
    j = text.find("}", start, end)
    while i >= 0 or j >= 0:
        if j < 0 or 0 <= i < j:
            stack.append(i)
            i = text.find("{", i + 1, end)
        else:
            if stack:
                stack.pop()
            j = text.find("}", j + 1, end)


def concatenations(text: str, strings: list[JsString]) -> list[list[JsString]]:
    """Group literals joined by ``+`` (or written next to each other): ``"<p>…\\n" +\n "…</p>"``."""
    groups: list[list[JsString]] = []
    for s in strings:
        if groups:
            prev = groups[-1][-1]
            gap = (prev.end + 1, s.start - 1)  # between the closing and the opening quote
            if gap[0] < gap[1] and _CONCAT_GAP.fullmatch(text, *gap):
                groups[-1].append(s)
                continue
        groups.append([s])
    return groups


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


# -- RSS / Atom feeds ------------------------------------------------------------------------------
@dataclass(frozen=True)
class FeedField:
    """One child element of an item: its text (CDATA unwrapped, entities decoded) and raw span."""

    value: str
    start: int
    end: int


_FEED_START = re.compile(r"\A\ufeff?\s*(?:<\?xml[^>]{0,300}\?>\s*)?(?:<!--.{0,2000}?-->\s*)*"
                         r"<(?:rss|feed|rdf:RDF|channel|item|entry)\b", re.S | re.I)
_FEED_ITEM = re.compile(r"<(item|entry)\b[^<>]{0,2000}>", re.I)
_FEED_CHILD = re.compile(r"<([A-Za-z][\w.-]*(?::[\w.-]+)?)\b[^<>]{0,2000}?(/?)>")
_CDATA_OPEN = re.compile(r"\s*<!\[CDATA\[")


def looks_like_feed(text: str) -> bool:
    """An RSS/Atom document or a fragment of one (``<item>``/``<entry>`` at the start)."""
    return _FEED_START.match(text[:65536]) is not None


def feed_items(text: str, limit: int = 10_000) -> list[dict[str, FeedField]]:
    """Child elements (lower-cased name → field, first occurrence) of every item/entry; one linear scan."""
    import html as _html

    low = text.lower()
    items: list[dict[str, FeedField]] = []
    pos = 0
    while len(items) < limit:
        m = _FEED_ITEM.search(text, pos)
        if m is None:
            break
        close = low.find("</" + m.group(1).lower(), m.end())
        close = len(text) if close < 0 else close
        fields: dict[str, FeedField] = {}
        at = m.end()
        while True:
            c = _FEED_CHILD.search(text, at, close)
            if c is None:
                break
            at = c.end()
            if c.group(2):  # self-closing: <link href="…"/>
                continue
            name = c.group(1).lower()
            cd = _CDATA_OPEN.match(text, c.end(), close)
            if cd is not None:
                b = text.find("]]>", cd.end(), close)
                b = close if b < 0 else b
                a, value, after = cd.end(), text[cd.end():b], min(b + 3, close)
            else:
                a = c.end()
                b = low.find("</" + name, a, close)
                b = close if b < 0 else b
                raw = text[a:b]
                value, after = (raw if "<" in raw else _html.unescape(raw)), b  # inline XHTML stays markup
            fields.setdefault(name, FeedField(value, a, b))
            end_tag = low.find("</" + name, after, close)
            at = close if end_tag < 0 else (text.find(">", end_tag, close) + 1 or close)
        items.append(fields)
        pos = close + 1
    return items
