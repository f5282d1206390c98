"""Markup → text: HTML/JSP/PHP pages, CMS JSON records and SQL rows with HTML inside, Markdown
mirrors, RSS/Atom items, pages held in string literals of JavaScript or other source code, stray
entities and tags (formats parsed in ``wrappers``).

Text runs are pulled out with lxml (block elements become line breaks, images become a marker
so the picture captions after them can be dropped) and mapped back to the raw markup by a
sequential search of each run in the decoded original.  The result is a :class:`Tracked` whose
spans point into the original page.
"""
from __future__ import annotations

import html
import json
import re
from array import array
from dataclasses import dataclass, field
from html.entities import html5

from . import wrappers
from .offsets import SPAN, Tracked, counting, line_starts

IMG = "\ufffc"  # object replacement character: stands for an <img> until captions are handled
_IMG_MARK = re.compile(IMG)

_TAGS = re.compile(r"<(?:!doctype|html|head|body|div|p|br|span|table|td|tr|li|ul|img|h[1-6]|meta|a|strong|b|font|section|article)\b[^<>]{0,2000}>", re.I)
_BLOCK = frozenset("address article aside blockquote body br center dd details dialog dir div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr html li main nav ol p pre section summary table tbody td tfoot th thead title tr ul".split())
_SKIP = frozenset("script style noscript template iframe object embed svg canvas select option button textarea input head map audio video".split())
_JSP = re.compile(r"<%.*?%>", re.S)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_CAPTION_MAX = 40
_SENTENCE_END = re.compile(r"[。！？!?；;…]")

_TITLE_KEYS = ("title", "headline", "name", "subject")
_DATE_KEYS = ("releaseDate", "publishDate", "pubDate", "publishTime", "releaseTime", "date", "createDate",
              "pub_date", "pubtime", "publish_date", "publish_time", "release_date")  # CCTV API records: pub_date
_SOURCE_KEYS = ("source", "origin", "publisher", "sourceName", "copyfrom")


@dataclass
class Extracted:
    """Output of the markup stage."""

    body: Tracked
    kind: str  # "text" | "html" | "json" | "sql" | "markdown" | "js" | "code" | "php" | "feed"
    title: str | None = None
    published: str | None = None
    publisher: str | None = None
    removed: dict[str, int] = field(default_factory=dict)
    published_from: str | None = None  # set when ``published`` is a wrapper's stamp, not the page's own


def detect_format(text: str) -> str:
    """'json' for a JSON object/array, 'html' for markup, else 'text'."""
    head = text.lstrip("\ufeff \t\r\n")
    if head[:1] in "{[" and head[:1]:
        try:
            json.loads(head)
            return "json"
        except (ValueError, RecursionError):
            pass
    if head[:1] == "<" and _TAGS.search(head[:4096]):
        return "html"
    if head.startswith("<%@"):
        return "html"
    for count, _ in enumerate(_TAGS.finditer(text), 1):
        if count >= 5:
            return "html"
    return "text"


def extract(original: str) -> Extracted:
    """Dispatch on the kind of input and return the text with spans into ``original``.

    Wrappers first (SQL rows, Markdown front matter, RSS/Atom items, string literals of JavaScript
    or other source code, PHP blocks), then JSON records, HTML pages and plain text.
    """
    kind = detect_format(original)
    if kind == "json":
        return _from_json(original)
    if wrappers.looks_like_sql(original):
        ext = _from_sql(original)
        if ext is not None:
            return ext
    fm = wrappers.front_matter(original)
    if fm is not None:
        return _from_markdown(original, fm)
    if wrappers.looks_like_feed(original):
        ext = _from_feed(original)
        if ext is not None:
            return ext
    if wrappers.looks_like_js(original) or wrappers.looks_like_code(original):
        ext = _from_js(original)
        if ext is not None:
            return ext
    elif wrappers.looks_like_python(original):
        ext = _from_js(original, python=True)
        if ext is not None:
            return ext
    php = 0
    if wrappers.has_php(original):
        blanked, php = wrappers.blank_php(original)
        ext = _from_php_data(original, blanked)
        if ext is not None:
            ext.removed["php"] = php
            return ext
        kind = detect_format(blanked)
        if kind == "html":
            ext = _from_html(blanked)
            ext.removed["php"] = php
            return ext
        return Extracted(Tracked.identity(blanked), "text", removed={"php": php})
    if kind == "html":
        return _from_html(original)
    if _looks_like_markdown(original):
        body, n = _markdown_text(Tracked.identity(original))
        return Extracted(body, "markdown", removed={"markdown": n} if n else {})
    return Extracted(Tracked.identity(original), "text")


# -- HTML -----------------------------------------------------------------------------------------
def _from_html(original: str, base: int = 0, search_in: str | None = None) -> Extracted:
    from lxml import etree

    markup = _JSP.sub(lambda m: " " * len(m.group(0)), original)
    markup = _XML_DECL.sub(lambda m: " " * len(m.group(0)), markup)
    markup = _unescape_quoted_markup(markup)
    removed: dict[str, int] = {}
    try:
        root, flattened = parse_html(markup)
    except (etree.ParserError, ValueError):
        return Extracted(Tracked.identity(original), "text")
    if flattened:
        removed["deep_markup"] = flattened
    title = None
    t = root.find(".//title")
    if t is not None and t.text_content().strip():
        title = t.text_content().strip()
    headline = _headline(root, title)
    runs = _runs(root)
    body = _align(runs, search_in if search_in is not None else original, base)
    body, n = _drop_captions(body, keep=headline)
    if n:
        removed["caption"] = n
    removed["markup"] = 1
    return Extracted(body, "html", title=headline or title, removed=removed)


_TAG = re.compile(r"<(/?)([A-Za-z][\w:.-]*)\b[^<>]*>")
_KEEP_WHEN_FLAT = _SKIP | {"html", "body", "title"}


def parse_html(markup: str):  # type: ignore[no-untyped-def]
    """The lxml tree of a page, and how many tags were flattened to keep its text (0 for most pages).

    libxml2 stops building the tree past 256 open elements and drops every later word without an
    error (300 unclosed ``<font>`` tags). Such a page is parsed again without its inline tags, then
    if need be with every block tag a line break, so its text is all there.
    """
    from lxml import html as lhtml

    parser = lhtml.HTMLParser()
    root = lhtml.document_fromstring(markup, parser=parser)
    if not _too_deep(parser):
        return root, 0
    for keep in (_BLOCK, frozenset()):
        count = 0

        def flat(m: re.Match[str], keep: frozenset[str] = keep) -> str:
            nonlocal count
            name = m.group(2).lower()
            if name in _KEEP_WHEN_FLAT or name in keep:
                return m.group(0)
            count += 1
            return "<br>" if name in _BLOCK and not m.group(1) else ""

        parser = lhtml.HTMLParser()
        root = lhtml.document_fromstring(_TAG.sub(flat, markup), parser=parser)
        if not _too_deep(parser):
            break
    return root, max(count, 1)


def _too_deep(parser) -> bool:  # type: ignore[no-untyped-def]
    return any("Excessive depth" in e.message for e in parser.error_log)


_HEADINGS = ("h1", "h2", "h3", "h4")
_WS = re.compile(r"\s+")


def _headline(root, title: str | None) -> str | None:  # type: ignore[no-untyped-def]
    """The page's headline element: the first <h1>–<h4> that matches the <title> (its site suffix
    and breadcrumb cut), else the first <h1>.  A section label in <h1> (质检新闻) loses to an <h4>
    that repeats the <title>."""
    from .boilerplate import is_headline

    heads = [_WS.sub(" ", el.text_content()).strip() for el in root.iter(*_HEADINGS)]
    heads = [h for h in heads if h]
    if title:
        s, e = clean_title(title)
        core = _WS.sub("", title[s:e])
        for h in heads:
            hh = _WS.sub("", h)
            if is_headline(h) and len(hh) >= 4 and (hh == core or (hh in core and len(hh) >= 0.5 * len(core))
                                                    or (core in hh and len(core) >= 0.5 * len(hh))):
                return h
    h1 = root.find(".//h1")
    h1_text = h1.text_content().strip() if h1 is not None else ""
    return h1_text or None


_ESCAPED_ATTR = re.compile(r"=\\[\"']")
_BACKSLASH_ESCAPE = re.compile(r"\\([\"'\\/])|\\([rnt])")


def _unescape_quoted_markup(markup: str) -> str:
    """Markup copied out of a string literal (SQL, JSON, code) keeps its backslash escapes
    (``<p style=\\"…\\">``, ``\\r\\n`` between paragraphs), which break attribute parsing and leave
    escapes in the text: undo them for the parser only.
    Same length (escapes become spaces + the character), so nothing downstream moves."""
    if len(_ESCAPED_ATTR.findall(markup, 0, 65536)) < 2:
        return markup

    def one(m: re.Match[str]) -> str:
        c = m.group(1)
        if c is not None:
            return " " + c
        return " \n" if m.group(2) == "n" else "  "

    return _BACKSLASH_ESCAPE.sub(one, markup)


def _runs(root) -> list[str]:  # type: ignore[no-untyped-def]
    """Text runs in document order; block boundaries as "\\n"; images as IMG."""
    from lxml import etree

    out: list[str] = []
    walker = etree.iterwalk(root, events=("start", "end"))
    skipped: set[int] = set()
    names: dict[str, str] = {}  # tag → local name in lower case
    for event, el in walker:
        raw = el.tag
        if isinstance(raw, str):
            tag = names.get(raw)
            if tag is None:
                tag = names[raw] = raw.split("}")[-1].lower()
        else:
            tag = ""  # a comment or processing instruction
        if event == "start":
            if not isinstance(raw, str) or tag in _SKIP:
                walker.skip_subtree()
                skipped.add(id(el))
                continue
            if tag in _BLOCK:
                out.append("\n")
            if tag == "img":
                out.append("\n" + IMG + "\n")
            if el.text:
                out.append(el.text)
        else:
            if tag in _BLOCK and id(el) not in skipped:
                out.append("\n")
            if el.tail:
                out.append(el.tail)
    return out


# characters pages write as entities, and white space: each is a piece of its own
_SPECIAL = r"\s\xa0&<>\"'\u201c\u201d\u2018\u2019\u2014\u2013\u2026\u00b7\u00a9\u00ae"
_PIECE = re.compile(rf"[^{_SPECIAL}]+|.", re.S)
_ALL_SPECIAL = re.compile(rf"[{_SPECIAL}]*")
_WINDOW = 65536


def _align(runs: list[str], original: str, base: int = 0) -> Tracked:
    """Map each run to the original by sequential search.

    Runs are cut into word pieces and single special characters (the ones pages write as
    entities); a piece is searched a bounded distance ahead, outside tags; characters not found
    (entities, ``\\u`` escapes) get a zero-width span where the search stands.  Linear in input.
    """
    starts = array(SPAN)
    ends = array(SPAN)
    pos = 0
    for run in runs:
        if run == "\n" or run == "\n" + IMG + "\n":
            starts.extend(array(SPAN, [base + pos]) * len(run))
            ends.extend(array(SPAN, [base + pos]) * len(run))
        elif _ALL_SPECIAL.fullmatch(run):  # white space between tags: every character is a piece
            pos = _align_chars(run, original, pos, base, starts, ends)
        else:
            pos = _align_run(run, original, pos, base, starts, ends)
    return Tracked("".join(runs), starts, ends)


def _align_run(run: str, original: str, pos: int, base: int, starts: array, ends: array) -> int:
    """Append the spans of one run's characters to ``starts``/``ends``; returns the new position.

    When the whole rest of the run stands right at the position (tested at the run's start and
    after its first piece: linear), it maps there at once: each of its pieces would be found there.
    """
    n = len(original)
    for i, m in enumerate(_PIECE.finditer(run)):
        if i < 2:
            rest = run[m.start():] if i else run
            if original.startswith(rest, pos):
                k = len(rest)
                starts.extend(counting(base + pos, base + pos + k))
                ends.extend(counting(base + pos + 1, base + pos + k + 1))
                return pos + k
        piece = m.group(0)
        k = len(piece)
        # a single character other than a letter or digit is only ever searched within 12
        idx = _locate(original, piece, pos, n) if k > 1 or piece.isalnum() else -1
        if idx >= 0:
            starts.extend(range(base + idx, base + idx + k))
            ends.extend(range(base + idx + 1, base + idx + k + 1))
            pos = idx + k
        else:
            pos = _align_chars(piece, original, pos, base, starts, ends)
    return pos


def _align_chars(chars: str, original: str, pos: int, base: int, starts: array, ends: array) -> int:
    """Map character by character, each searched within 12 of the position (zero-width if absent)."""
    n = len(original)
    for ch in chars:
        j = original.find(ch, pos, min(n, pos + 12))
        if j >= 0:
            starts.append(base + j)
            ends.append(base + j + 1)
            pos = j + 1
        else:
            starts.append(base + pos)
            ends.append(base + pos)
    return pos


def _locate(original: str, piece: str, pos: int, n: int) -> int:
    """Next occurrence of the word (or letter) ``piece`` a bounded distance ahead, outside tags
    (-1: none); right at ``pos``, where the search would find it first, it needs no search."""
    if original.startswith(piece, pos):
        return pos
    return _find_text(original, piece, pos, min(n, pos + len(piece) + _WINDOW))


def _find_text(original: str, run: str, pos: int, limit: int) -> int:
    """Next occurrence of ``run`` in [pos, limit) that is not inside a tag (bounded retries)."""
    start = pos
    for _ in range(8):
        idx = original.find(run, start, limit)
        if idx < 0:
            return -1
        lt = original.rfind("<", pos, idx)
        if lt < 0 or original.rfind(">", pos, idx) > lt:
            return idx
        start = idx + 1
    return -1


def _drop_captions(body: Tracked, keep: str | None = None) -> tuple[Tracked, int]:
    """Remove image markers and a short, unpunctuated line right after an image (its caption);
    ``keep`` (the headline element's text) is never a caption."""
    keep_s = _WS.sub("", keep) if keep else None
    lines = body.text.split("\n")  # plain strings: only the kept lines become Tracked slices
    at = line_starts(lines)
    kept: list[Tracked] = []
    count = 0
    after_image = False
    for i, raw in enumerate(lines):
        s = raw.strip()
        if not s:
            continue
        if not s.strip(IMG + " \u00a0\u3000\t"):  # only image markers (and spaces)
            after_image = True
            continue
        if after_image and len(s) <= _CAPTION_MAX and not _SENTENCE_END.search(s) and _WS.sub("", s) != keep_s:
            count += 1
            after_image = False
            continue
        after_image = False
        line = body[at[i]:at[i] + len(raw)]
        if IMG in s:
            line, _ = line.sub(_IMG_MARK, "")
        kept.append(line)
    return Tracked.join(kept, "\n"), count


# -- JSON -----------------------------------------------------------------------------------------
def _from_json(original: str) -> Extracted:
    data = json.loads(original.lstrip("\ufeff"))
    record = _find_record(data)
    if record is None:
        return Extracted(Tracked.identity(original), "text")
    title = _first_str(record, _TITLE_KEYS)
    published = _first_str(record, _DATE_KEYS)
    publisher = _first_str(record, _SOURCE_KEYS)
    body_key = max((k for k, v in record.items() if isinstance(v, str)), key=lambda k: len(record[k]))
    value = record[body_key]
    at = original.find(json.dumps(body_key, ensure_ascii=False))
    at = max(at, 0)
    if detect_format(value) == "html" or "<p" in value or "<br" in value:
        runs = _runs_from_fragment(value)
        body = _align(runs, original[at:], at)
        body, ncap = _drop_captions(body)
    else:
        body = _align(value.split("\n"), original[at:], at)
        ncap = 0
    parts = []
    if title:
        t_at = original.find(json.dumps(_key_of(record, _TITLE_KEYS) or "title"))
        parts.append(_align([title], original[max(t_at, 0):], max(t_at, 0)))
    parts.append(body)
    removed = {"markup": 1}
    if ncap:
        removed["caption"] = ncap
    return Extracted(Tracked.join(parts, "\n"), "json", title=title, published=published, publisher=publisher, removed=removed)


def _runs_from_fragment(fragment: str) -> list[str]:
    from lxml import etree

    try:
        root, _ = parse_html("<html><body>" + fragment + "</body></html>")
    except (etree.ParserError, ValueError):
        return [fragment]
    return _runs(root)


def _find_record(data: object, depth: int = 0) -> dict | None:
    """The dict holding the article: the one with the longest string value (searched shallowly)."""
    best: tuple[int, dict] | None = None
    stack: list[tuple[object, int]] = [(data, 0)]
    while stack:
        node, d = stack.pop()
        if isinstance(node, dict):
            strs = [len(v) for v in node.values() if isinstance(v, str)]
            if strs and (best is None or max(strs) > best[0]):
                best = (max(strs), node)
            if d < 4:
                stack.extend((v, d + 1) for v in node.values() if isinstance(v, (dict, list)))
        elif isinstance(node, list) and d < 4:
            stack.extend((v, d + 1) for v in node[:50])
    return best[1] if best else None


def _key_of(record: dict, keys: tuple[str, ...]) -> str | None:
    lower = {k.lower(): k for k in record}
    for key in keys:
        if key.lower() in lower and isinstance(record[lower[key.lower()]], str) and record[lower[key.lower()]].strip():
            return lower[key.lower()]
    return None


def _first_str(record: dict, keys: tuple[str, ...]) -> str | None:
    k = _key_of(record, keys)
    return record[k].strip() if k else None


# -- records inside wrappers: SQL rows, JavaScript strings ------------------------------------------
_DATETIME = re.compile(r"((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)?(?:Z|[+-]\d{2}:?\d{2})?")
# a compact yyyymmdd[hhmmss] stamp (a CHAR(8) / BIGINT column): only ever a whole field
_COMPACT_DATE = re.compile(r"((?:19|20)\d{2})(\d{2})(\d{2})(?:[ T]?\d{6})?")
_MONTH_DAY = re.compile(r"(?<!\d)(\d{1,2})月(\d{1,2})日")
_PUBLISH_COLUMN = re.compile(r"publish|release|pub_?date|pubtime|fbsj|fbrq", re.I)
_CORROBORATE_DAYS = 45  # same window as summarise.parse.dates: a page reports events of the last weeks


def _looks_like_html(value: str) -> bool:
    return detect_format(value) == "html" or any(t in value.lower() for t in ("<p", "<br", "<div"))


def _field_body(original: str, value: str, start: int, end: int) -> tuple[Tracked, int]:
    """Text of one field (HTML through lxml) aligned to original[start:end]; also captions dropped."""
    if _looks_like_html(value):
        body = _align(_runs_from_fragment(value), original[start:end], start)
        return _drop_captions(body)
    runs: list[str] = []
    for line in value.split("\n"):
        runs += [line, "\n"]
    return _align(runs, original[start:end], start), 0


def _field_line(original: str, value: str, start: int, end: int) -> Tracked:
    return _align([value], original[start:end], start)


def _headline_like(value: str | None) -> bool:
    from .boilerplate import is_headline

    if not value:
        return False
    return "<" not in value and not _DATETIME.fullmatch(value.strip()) and is_headline(value.strip())


def _valid_date(y: int, m: int, d: int):  # type: ignore[no-untyped-def]
    from datetime import date

    try:
        return date(y, m, d)
    except ValueError:
        return None


def stamp_date(value: str | None):  # type: ignore[no-untyped-def]
    """The date of a whole field that is a timestamp: ``2018-02-13 14:48:34.03``, ``2024-3-4``,
    compact ``20181116`` / ``20181116093000``; None for anything else (an id, a count, text)."""
    if not value:
        return None
    v = value.strip()
    m = _DATETIME.fullmatch(v) or _COMPACT_DATE.fullmatch(v)
    return _valid_date(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None


def corroborated_date(stamp: str, text: str) -> str | None:
    """ISO date of ``stamp`` if the article text dates itself near it, else None.

    A CMS or mirror timestamp may be the upload, import or crawl time.  It is taken as the
    publication date only when the text states that full date, or names a month-day 0–45 days
    before it (the reported event).  Otherwise the honest answer is "unknown".
    """
    from datetime import date

    pub = stamp_date(stamp)
    if pub is None:
        m = _DATETIME.search(stamp)
        pub = _valid_date(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None
    if pub is None:
        return None
    for md in _MONTH_DAY.finditer(text):
        mo, d = int(md.group(1)), int(md.group(2))
        for year in (pub.year, pub.year - 1):
            try:
                gap = (pub - date(year, mo, d)).days
            except ValueError:
                continue
            if 0 <= gap <= _CORROBORATE_DAYS:
                return pub.isoformat()
    return None


_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")


def uncontradicted_date(stamp, text: str) -> bool:  # type: ignore[no-untyped-def]
    """True when the row's only timestamp is the only date there is: the text names no month-day
    (月…日) and no year after the stamp's, so nothing says the stamp is a later import time."""
    if _MONTH_DAY.search(text):
        return False
    return all(int(m.group(1)) <= stamp.year for m in _YEAR.finditer(text))


def _from_sql(original: str) -> Extracted | None:
    """The row with the longest text field: body = that field, title = a headline-like field.

    A date-time field (``2018-02-13 14:48:34``, compact ``20181116``) is only a candidate publication
    date: a column named for publication is taken as stated; any other timestamp
    (created/updated/unnamed) must be corroborated by the text (:func:`corroborated_date`) or be
    the only date there is (one timestamp, the text names no day: :func:`uncontradicted_date`),
    else ``published`` stays None.
    """
    rows = wrappers.sql_rows(original)
    best: tuple[int, wrappers.SqlRow, wrappers.Field] | None = None
    for row in rows:
        for f in row.fields:
            if f.quoted and f.value and (best is None or len(f.value) > best[0]):
                best = (len(f.value), row, f)
    if best is None or wrappers.han_count(best[2].value or "") < 10:
        return None
    _, row, body_f = best
    names = [c.lower() for c in row.columns] if len(row.columns) == len(row.fields) else []
    title_f = None
    if names:
        for key in _TITLE_KEYS:
            if key in names and _headline_like(row.fields[names.index(key)].value):
                title_f = row.fields[names.index(key)]
                break
    if title_f is None:
        title_f = next((f for f in row.fields if f is not body_f and f.quoted and _headline_like(f.value)), None)
    body, ncap = _field_body(original, body_f.value or "", body_f.start, body_f.end)
    removed = {"markup": 1, "sql_row": 1}
    if len(rows) > 1:
        removed["sql_other_rows"] = len(rows) - 1
    if ncap:
        removed["caption"] = ncap
    published = published_from = None
    stamps = [(i, f, d) for i, f in enumerate(row.fields) if f is not body_f and (d := stamp_date(f.value))]
    for i, f, d in stamps:
        if names and _PUBLISH_COLUMN.search(names[i]):
            published, published_from = d.isoformat(), None
            break
        if published is None:
            published = corroborated_date(f.value or "", body.text)
            published_from = "sql_row" if published else None
    if published is None and len(stamps) == 1 and uncontradicted_date(stamps[0][2], body.text):
        published, published_from = stamps[0][2].isoformat(), "sql_row_only"
    if published is None and stamps:
        removed["cms_timestamp_unused"] = 1
    title = title_f.value.strip() if title_f is not None and title_f.value else None
    parts = ([_field_line(original, title_f.value or "", title_f.start, title_f.end)]
             if title and title_f is not None else [])
    parts.append(body)
    return Extracted(Tracked.join(parts, "\n"), "sql", title=title, published=published,
                     removed=removed, published_from=published_from)


_JS_KEY_BEFORE = re.compile(r"[\"']?([A-Za-z_$][\w$]*)[\"']?\s*:\s*$")
PROSE_HAN_MIN = 20  # Han characters in a string literal (or concatenation) that holds the article


# what names the value of a string literal in source code: an object key (``title: '…'``), a map
# entry (``data.put("title", "…")``, ``obj["title"] = "…"``), an assignment (``title = "…"``) or
# a setter (``setTitle("…")``, ``tv_title.setText("…")``)
_CODE_KEY_BEFORE = re.compile(
    r"(?:[\"']?([A-Za-z_$][\w$]*)[\"']?\s*:"  # key: value
    r"|\.?(?:put|set|setAttribute|add|append|with)\s*\(\s*[\"']([A-Za-z_$][\w$-]*)[\"']\s*,"  # put("key", value)
    r"|\[\s*[\"']([A-Za-z_$][\w$-]*)[\"']\s*\]\s*="  # obj["key"] = value
    r"|[\"']([A-Za-z_$][\w$-]*)[\"']\s*=>"  # PHP array: 'key' => value
    r"|\b([A-Za-z_$][\w$]*)\s*=(?![=>])"  # name = value
    r"|\b([A-Za-z_$][\w$]*)\s*\.\s*set(?:Text|Value|Content)\s*\("  # view_title.setText(value)
    r"|\bset([A-Z]\w*)\s*\("  # setTitle(value)
    r")\s*$")


def _code_key_before(original: str, quote: int) -> str:
    """The name a string literal (opening quote at ``quote``) is given in the code before it, or ''."""
    m = _CODE_KEY_BEFORE.search(original, max(0, quote - 80), quote)
    if not m:
        return ""
    return next((g for g in m.groups() if g), "")


def _identifier_words(name: str) -> list[str]:
    """``tv_title_AtDetailNew`` → ['tv', 'title', 'at', 'detail', 'new']."""
    return [w.lower() for w in re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+", name)]


def _from_php_data(original: str, blanked: str) -> Extracted | None:
    """A PHP template whose rendered page (PHP blanked) has less Chinese than a string literal of
    its code: the article is data inside the code (a ``$testdata`` array, a variable), so it is
    taken from the literals like other source code (:func:`_from_js`)."""
    code_only = list(" " * len(original))
    for start, end, _ in wrappers.php_blocks(original):
        code_only[start:end] = original[start:end]
    code = "".join(code_only)
    strings = wrappers.js_strings(code)
    groups = wrappers.concatenations(code, strings)
    best = max((sum(wrappers.han_count(s.value) for s in g) for g in groups), default=0)
    page = wrappers.han_count(_COMMENT.sub("", blanked))
    if best < PROSE_HAN_MIN or best <= page:
        return None
    ext = _from_js(code)
    if ext is not None:
        ext.kind = "php"
        ext.removed.pop("code_wrapper", None)
        ext.removed.pop("js_wrapper", None)
        ext.removed["php_data"] = 1
    return ext


_COMMENT = re.compile(r"<!--.*?-->", re.S)


def _from_js(original: str, *, python: bool = False) -> Extracted | None:
    """The string literal or ``+`` concatenation with the most Chinese (≥ 20 Han) is the page.

    ``python``: the source is Python (``#`` comments, triple-quoted strings), not C-family.

    Title and date come only from sibling properties of the same object literal
    (``{title: '…', date: '…', content: '…'}``): a share title elsewhere in the script is not the page's.
    """
    strings = wrappers.py_strings(original) if python else wrappers.js_strings(original)
    groups = wrappers.concatenations(original, strings)
    scored = [(sum(wrappers.han_count(s.value) for s in g), g) for g in groups]
    if not scored or max(scored, key=lambda t: t[0])[0] < PROSE_HAN_MIN:
        return None
    _, page = max(scored, key=lambda t: t[0])
    first, last = page[0], page[-1]
    title = published = None
    date_keys = {k.lower() for k in _DATE_KEYS} | {"publishtime", "pubtime", "releasetime", "publishdate"}
    loose_title = None
    for s in strings:
        key = _code_key_before(original, s.start - 1)
        if s in page or not key or s.scope != first.scope:
            continue
        flat = re.sub(r"[_\-]", "", key).lower()
        words = _identifier_words(key)
        if title is None and flat in _TITLE_KEYS and _headline_like(s.value):
            title = s
        elif loose_title is None and ({"title", "headline"} & set(words)) and not ({"sub", "top"} & set(words)) \
                and _headline_like(s.value):
            loose_title = s
        elif published is None and flat in date_keys and _DATETIME.search(s.value):
            published = s.value.strip()
    title = title or loose_title
    if title is not None and sum(1 for s in strings if s.value == title.value) > 1:
        title = None  # the same headline in several records is a placeholder, not this article's
    body, ncap = _field_body(original, "".join(s.value for s in page), first.start, last.end)
    kind = "js" if not python and wrappers.looks_like_js(original) else "code"
    removed = {"markup": 1, "js_wrapper" if kind == "js" else "code_wrapper": 1}
    if ncap:
        removed["caption"] = ncap
    parts = [_field_line(original, title.value.strip(), title.start, title.end)] if title else []
    parts.append(body)
    return Extracted(Tracked.join(parts, "\n"), kind, title=title.value.strip() if title else None,
                     published=published, removed=removed)


# -- RSS / Atom items ------------------------------------------------------------------------------
_FEED_BODY_KEYS = ("content:encoded", "content", "description", "summary")
_FEED_DATE_KEYS = ("pubdate", "published", "dc:date", "issued", "updated", "date")
_FEED_SOURCE_KEYS = ("source", "dc:publisher", "dc:source")


def _from_feed(original: str) -> Extracted | None:
    """The item with the most Chinese in its content/description: title, body (HTML parsed), date.

    The link URL, GUID and other feed fields are not text of the article.
    """
    best: tuple[int, dict[str, wrappers.FeedField], wrappers.FeedField] | None = None
    for item in wrappers.feed_items(original):
        for key in _FEED_BODY_KEYS:
            f = item.get(key)
            if f is not None and (best is None or wrappers.han_count(f.value) > best[0]):
                best = (wrappers.han_count(f.value), item, f)
    if best is None or best[0] < 10:
        return None
    _, item, body_f = best
    body, ncap = _field_body(original, body_f.value, body_f.start, body_f.end)
    removed = {"markup": 1, "feed": 1}
    if ncap:
        removed["caption"] = ncap
    t = item.get("title")
    title = t.value.strip() if t is not None and _headline_like(t.value.strip()) else None
    parts = [_field_line(original, title, t.start, t.end)] if title and t is not None else []
    parts.append(body)
    published = next((d for k in _FEED_DATE_KEYS if k in item and (d := feed_date(item[k].value))), None)
    publisher = next((item[k].value.strip() for k in _FEED_SOURCE_KEYS if k in item and item[k].value.strip()
                      and "<" not in item[k].value and len(item[k].value.strip()) <= 40), None)
    return Extracted(Tracked.join(parts, "\n"), "feed", title=title, published=published, publisher=publisher,
                     removed=removed)


def feed_date(value: str) -> str | None:
    """ISO date of an RSS (RFC 822: ``Tue, 25 Aug 2020 04:00:00 +0800``) or Atom/ISO date, as stated."""
    from email.utils import parsedate_tz

    value = value.strip()
    m = _DATETIME.match(value)
    if m is not None:
        d = _valid_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        return d.isoformat() if d else None
    parsed = parsedate_tz(value)
    if parsed is None:
        return None
    d = _valid_date(parsed[0], parsed[1], parsed[2])  # the date as the feed writes it, in its own zone
    return d.isoformat() if d else None


# -- Markdown mirrors ------------------------------------------------------------------------------
_MD_COMMENT = re.compile(r"\n?[ \t]*<!--.{0,2000}?-->[ \t]*\n?", re.S)
_MD_IMAGE = re.compile(r"!\[[^\]\n]{0,300}\](?:\([^)\n]{0,2000}\)?|\[[^\]\n]{0,100}\])")
_MD_LINK = re.compile(r"\[([^\]\n]{1,300})\](?:\([^)\n]{0,2000}\)|\[[^\]\n]{0,100}\])")
_MD_REFDEF = re.compile(r"(?m)^[ \t]{0,3}\[[^\]\n]{1,100}\]:[ \t]*\S[^\n]*$")
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)([^\n]{1,300}?)(?<=\S)\1")
_MD_BLOCK_MARK = re.compile(r"(?m)^[ \t]{0,3}(?:#{1,6}[ \t]+|>[ \t]?)")
_MD_RULE = re.compile(r"(?m)^[ \t]{0,3}(?:[-*_][ \t]*){3,}$")
_MD_SIGNS = re.compile(r"!?\[[^\]\n]{0,300}\]\([^)\n]{0,2000}\)|<!--|(?m:^#{1,6} )")
_SITE_SUFFIX = re.compile(r"^(.*?)\s*(?:[|｜]|\s[-–—_]\s|_)\s*([^|｜_]{1,40})$")
_SITE_WORD = re.compile(r"网|站|大学|学院|政府|新闻|频道|在线|日报|晚报|时报|官方|(?:\.(?:com|cn|net|org|info|gov|edu))$|^[\x20-\x7e]+$", re.I)
_BREADCRUMB = re.compile(r"^([^>»›。，,]{1,30}?)\s*(?:->|=>|>>|>|»|›)\s*(.+)$")


def _looks_like_markdown(text: str) -> bool:
    """Several Markdown links/images, HTML comments or ATX headings in the first 64 KB of plain text."""
    if all(text.find(c, 0, 65536) < 0 for c in ("](", "<!--", "# ")):  # one is in every _MD_SIGNS match
        return False
    return any(n >= 3 for n, _ in enumerate(_MD_SIGNS.finditer(text, 0, 65536), 1))


def _markdown_text(text: Tracked) -> tuple[Tracked, int]:
    """Markdown → text: comments removed without splitting words, images dropped, links → their text."""
    total = 0

    def comment(m: re.Match[str]) -> str:
        s, a, b = m.string, m.start(), m.end()
        before = s[a - 1] if a else "\n"
        after = s[b] if b < len(s) else "\n"
        inline = m.group(0).startswith("\n") and m.group(0).endswith("\n")
        if inline and not before.isspace() and not after.isspace() and not (before.isascii() and after.isascii()):
            return ""  # a comment line inside a paragraph of CJK text: the lines are one run
        return "\n" if "\n" in m.group(0) else ""

    for rx, repl in ((_MD_COMMENT, comment), (_MD_IMAGE, ""), (_MD_REFDEF, ""), (_MD_LINK, lambda m: m.group(1)),
                     (_MD_STRONG, lambda m: m.group(2)), (_MD_BLOCK_MARK, ""), (_MD_RULE, "")):
        text, n = text.sub(rx, repl)
        total += n
    return text, total


def clean_title(value: str) -> tuple[int, int]:
    """[start, end) of the headline inside a page title: site suffix and breadcrumb prefix cut.

    ``南开大学->学校召开会议 | nankai.info`` → ``学校召开会议``.  A part is cut only when it looks
    like a site name / breadcrumb and what remains is still a headline.
    """
    from .boilerplate import is_headline

    start, end = 0, len(value.rstrip())
    start = len(value) - len(value.lstrip())
    for _ in range(3):
        cur = value[start:end]
        m = _SITE_SUFFIX.match(cur)
        if m and _SITE_WORD.search(m.group(2).strip()) and is_headline(m.group(1).strip()):
            end = start + len(m.group(1).rstrip())
            continue
        m = _BREADCRUMB.match(cur)
        if m and is_headline(m.group(2).strip()) and len(m.group(1)) < len(m.group(2)):
            start = start + m.start(2)
            continue
        break
    return start, end


def _from_markdown(original: str, fm: wrappers.FrontMatter) -> Extracted:
    """Front matter (title, date) + Markdown (or HTML) body.

    The front matter ``date`` is the mirror's timestamp: it is offered as ``published`` with
    ``published_from = "front_matter"`` and used only when the page itself states no date.
    """
    from .boilerplate import parse_date

    body_src = original[fm.end:]
    if detect_format(body_src) == "html":
        ext = _from_html(body_src, base=fm.end)
        body, removed = ext.body, dict(ext.removed)
    else:
        body, n = _markdown_text(Tracked.identity(body_src, fm.end))
        removed = {"markdown": n} if n else {}
    removed["front_matter"] = original.count("\n", 0, fm.end)
    title = None
    parts = []
    if "title" in fm.keys:
        value, a, _b = fm.keys["title"]
        s, e = clean_title(value)
        if e > s:
            title = value[s:e]
            parts.append(Tracked.identity(title, a + s))
    parts.append(body)
    published = None
    for key in ("publishdate", "pubdate", "date"):
        if key in fm.keys and parse_date(fm.keys[key][0]):
            published = fm.keys[key][0]
            break
    return Extracted(Tracked.join(parts, "\n"), "markdown", title=title, published=published, removed=removed,
                     published_from="front_matter" if published else None)


# -- entities and stray tags in text --------------------------------------------------------------
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# Entities that lost their "&": only typographic names, never after a letter or "&" (ldquo; rdquo; …;
# that check is in _bare_entity, so the scan can skip to candidate first letters).
_BARE_ENTITY = re.compile(r"(ldquo|rdquo|lsquo|rsquo|mdash|ndash|hellip|middot|nbsp|quot|bull|laquo|raquo|times|yen|deg);")
_NOT_BEFORE_BARE_ENTITY = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz&")
# a tag, or a closing tag that lost its "<" (the look-behind sits after the "/" so that both
# alternatives start with a literal and the scan skips to "<" and "/")
_TAG_FRAGMENT = re.compile(r"</?[A-Za-z][A-Za-z0-9]{0,10}(?:\s[^<>\n]{0,300})?/?>|/(?<![<\w]/)(?:span|p|div|strong|font|em|b|a|li|td|tr)>")


def fix_entities(text: Tracked) -> tuple[Tracked, int]:
    """Decode HTML entities left in text, including ones that lost their '&' (``ldquo;``)."""
    total = 0
    for _ in range(4):  # &amp;ldquo; → &ldquo; → “ : repeat to a fixpoint so the stage is idempotent
        text, n1 = text.sub(_ENTITY, _entity)
        text, n2 = text.sub(_BARE_ENTITY, _bare_entity)
        total += n1 + n2
        if not (n1 or n2):
            break
    return text, total


def _entity(m: re.Match[str]) -> str | None:
    s = m.group(0)
    out = html.unescape(s)
    if out == s or not out:
        return None
    return out


def _bare_entity(m: re.Match[str]) -> str | None:
    at = m.start()
    if at and m.string[at - 1] in _NOT_BEFORE_BARE_ENTITY:
        return None  # part of a word (worldquo;) or of a real entity (&ldquo;)
    return html5.get(m.group(1) + ";")


def strip_tag_fragments(text: Tracked) -> tuple[Tracked, int]:
    """Remove tags and tag fragments (``/span>``) left inside plain text."""
    return text.sub(_TAG_FRAGMENT, "")
