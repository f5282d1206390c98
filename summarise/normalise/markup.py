"""Markup → text: HTML/JSP pages, CMS JSON records with HTML inside, stray entities and tags.

Text runs are pulled out with lxml (block elements become line breaks, images become a marker
so the picture captions after them can be dropped) and mapped back to the raw markup by a
sequential search of each run in the decoded original.  The result is a :class:`Tracked` whose
spans point into the original page.
"""
from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from html.entities import html5

from .offsets import Tracked

IMG = "\ufffc"  # object replacement character: stands for an <img> until captions are handled

_TAGS = re.compile(r"<(?:!doctype|html|head|body|div|p|br|span|table|td|tr|li|ul|img|h[1-6]|meta|a|strong|b|font|section|article)\b[^<>]{0,2000}>", re.I)
_BLOCK = frozenset("address article aside blockquote body br center dd details dialog dir div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr html li main nav ol p pre section summary table tbody td tfoot th thead title tr ul".split())
_SKIP = frozenset("script style noscript template iframe object embed svg canvas select option button textarea input head map audio video".split())
_JSP = re.compile(r"<%.*?%>", re.S)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_CAPTION_MAX = 40
_SENTENCE_END = re.compile(r"[。！？!?；;…]")

_TITLE_KEYS = ("title", "headline", "name", "subject")
_DATE_KEYS = ("releaseDate", "publishDate", "pubDate", "publishTime", "releaseTime", "date", "createDate")
_SOURCE_KEYS = ("source", "origin", "publisher", "sourceName", "copyfrom")


@dataclass
class Extracted:
    """Output of the markup stage."""

    body: Tracked
    kind: str  # "text" | "html" | "json"
    title: str | None = None
    published: str | None = None
    publisher: str | None = None
    removed: dict[str, int] = field(default_factory=dict)


def detect_kind(text: str) -> str:
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
    count = 0
    for _ in _TAGS.finditer(text):
        count += 1
        if count >= 5:
            return "html"
    return "text"


def extract(original: str) -> Extracted:
    """Dispatch on the kind of input and return the text with spans into ``original``."""
    kind = detect_kind(original)
    if kind == "json":
        return _from_json(original)
    if kind == "html":
        return _from_html(original)
    return Extracted(Tracked.identity(original), "text")


# -- HTML -----------------------------------------------------------------------------------------
def _from_html(original: str, base: int = 0, search_in: str | None = None) -> Extracted:
    from lxml import etree, html as lhtml

    markup = _JSP.sub(lambda m: " " * len(m.group(0)), original)
    markup = _XML_DECL.sub(lambda m: " " * len(m.group(0)), markup)
    removed: dict[str, int] = {}
    try:
        root = lhtml.document_fromstring(markup)
    except (etree.ParserError, ValueError):
        return Extracted(Tracked.identity(original), "text")
    title = None
    t = root.find(".//title")
    if t is not None and t.text_content().strip():
        title = t.text_content().strip()
    h1 = root.find(".//h1")
    h1_text = h1.text_content().strip() if h1 is not None else ""
    runs = _runs(root)
    body = _align(runs, search_in if search_in is not None else original, base)
    body, n = _drop_captions(body)
    if n:
        removed["caption"] = n
    removed["markup"] = 1
    return Extracted(body, "html", title=h1_text or title, removed=removed)


def _runs(root) -> list[str]:  # type: ignore[no-untyped-def]
    """Text runs in document order; block boundaries as "\\n"; images as IMG."""
    from lxml import etree

    out: list[str] = []
    walker = etree.iterwalk(root, events=("start", "end"))
    skipped: set[int] = set()
    for event, el in walker:
        tag = el.tag if isinstance(el.tag, str) else ""
        tag = tag.split("}")[-1].lower()
        if event == "start":
            if not isinstance(el.tag, str) or tag in _SKIP:
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


_PIECE = re.compile(r"[^\s\xa0&<>\"'\u201c\u201d\u2018\u2019\u2014\u2013\u2026\u00b7\u00a9\u00ae]+|.", re.S)
_WINDOW = 65536


def _align(runs: list[str], original: str, base: int = 0) -> Tracked:
    """Map each run to the original by sequential search.

    Runs are cut into word pieces and single special characters (the ones pages write as
    entities); a piece is searched a bounded distance ahead, outside tags; characters not found
    (entities, ``\\u`` escapes) get a zero-width span where the search stands.  Linear in input.
    """
    from array import array

    texts: list[str] = []
    starts = array("q")
    ends = array("q")
    pos = 0
    n = len(original)
    for run in runs:
        texts.append(run)
        if run == "\n" or run == "\n" + IMG + "\n":
            starts.extend(array("q", [base + pos]) * len(run))
            ends.extend(array("q", [base + pos]) * len(run))
            continue
        for m in _PIECE.finditer(run):
            piece = m.group(0)
            k = len(piece)
            idx = _find_text(original, piece, pos, min(n, pos + k + _WINDOW)) if k > 1 or piece.isalnum() else -1
            if idx < 0 and k == 1:
                idx = original.find(piece, pos, min(n, pos + 12))
            if idx >= 0:
                starts.extend(range(base + idx, base + idx + k))
                ends.extend(range(base + idx + 1, base + idx + k + 1))
                pos = idx + k
                continue
            for ch in piece:
                j = original.find(ch, pos, min(n, pos + 12))
                if j >= 0:
                    starts.append(base + j)
                    ends.append(base + j + 1)
                    pos = j + 1
                else:
                    starts.append(base + pos)
                    ends.append(base + pos)
    return Tracked("".join(texts), starts, ends)


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


def _drop_captions(body: Tracked) -> tuple[Tracked, int]:
    """Remove image markers and a short, unpunctuated line right after an image (its caption)."""
    lines = body.lines()
    keep: list[Tracked] = []
    count = 0
    after_image = False
    for line in lines:
        s = line.text.strip()
        if not s:
            continue
        if s == IMG or set(s) <= {IMG, " ", "\u00a0", "\u3000", "\t"}:
            after_image = True
            continue
        if IMG in s:
            line, _ = line.sub(re.compile(IMG), "")
        if after_image and len(s) <= _CAPTION_MAX and not _SENTENCE_END.search(s):
            count += 1
            after_image = False
            continue
        after_image = False
        keep.append(line)
    return Tracked.join(keep, "\n"), count


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
    if detect_kind(value) == "html" or "<p" in value or "<br" in value:
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
    from lxml import etree, html as lhtml

    try:
        root = lhtml.document_fromstring("<html><body>" + fragment + "</body></html>")
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


# -- entities and stray tags in text --------------------------------------------------------------
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# Entities that lost their "&": only typographic names, never after a letter (ldquo; rdquo; …).
_BARE_ENTITY = re.compile(r"(?<![A-Za-z&])(ldquo|rdquo|lsquo|rsquo|mdash|ndash|hellip|middot|nbsp|quot|bull|laquo|raquo|times|yen|deg);")
_TAG_FRAGMENT = re.compile(r"</?[A-Za-z][A-Za-z0-9]{0,10}(?:\s[^<>\n]{0,300})?/?>|(?<![<\w])/(?:span|p|div|strong|font|em|b|a|li|td|tr)>")


def fix_entities(text: Tracked) -> tuple[Tracked, int]:
    """Decode HTML entities left in text, including ones that lost their '&' (``ldquo;``)."""
    total = 0
    for _ in range(4):  # &amp;ldquo; → &ldquo; → “ : repeat to a fixpoint so the stage is idempotent
        text, n1 = text.sub(_ENTITY, _entity)
        text, n2 = text.sub(_BARE_ENTITY, lambda m: html5.get(m.group(1) + ";"))
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


def strip_tag_fragments(text: Tracked) -> tuple[Tracked, int]:
    """Remove tags and tag fragments (``/span>``) left inside plain text."""
    return text.sub(_TAG_FRAGMENT, "")
