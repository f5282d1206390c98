"""The stages in order: decode → markup → mojibake → pinyin → boilerplate → script → whitespace."""
from __future__ import annotations

import os
import re

from . import boilerplate, decode, markup, mojibake, pinyin, script, whitespace
from .document import Document
from .errors import NormaliseError
from .offsets import SpanMap
from .read import choose_source, read_source

_HAN = re.compile(r"[\u3400-\u9fff]")


_SURROGATE = re.compile("[\ud800-\udfff]")
_HEADING_MARK = re.compile(r"^#{1,6}\s+")


def normalise(source: str | bytes | os.PathLike[str] | None = None, *, text: str | None = None,
              name: str | None = None) -> Document:
    """Clean one article: a ``pathlib.Path`` (a file), ``bytes`` (the page) or ``str`` (the text), or
    ``text=`` (text, never a file name). Raises NormaliseError for bad input.

    A ``str`` that names an existing file is still read as that file, with a ``DeprecationWarning``:
    pass a ``Path`` for files.
    """
    payload, display = read_source(choose_source(source, text, func="normalise"), name)
    if isinstance(payload, bytes):
        original, encoding = decode.decode(payload, display)
    else:
        original, encoding = payload, "str"
    if not original.strip():
        raise NormaliseError(f"{display}: input is {'empty' if not original else 'whitespace only'}")
    if "\x00" in original[:4096] and original.count("\x00") > len(original) // 100:
        raise NormaliseError(f"{display}: looks like binary data (NUL characters), not text")

    removed: dict[str, int] = {}

    def count(key: str, n: int) -> None:
        if n:
            removed[key] = removed.get(key, 0) + n

    if encoding == decode.REPLACEMENT_ENCODING:
        count("utf8_damaged", original.count("\ufffd"))
    if encoding == decode.MIXED_ENCODING:
        count("utf8_damaged", original.count("\ufffd"))
        count("gbk_in_utf8", decode.gbk_characters(payload))  # type: ignore[arg-type]
    ext = markup.extract(original)
    for k, v in ext.removed.items():
        count(k, v)
    # a lone surrogate (an escape like \ud800 in a JSON record or a str): no character, and no
    # encoder or converter downstream can take it; U+FFFD in its place keeps every span
    tracked, n = ext.body.sub(_SURROGATE, "\ufffd")
    count("surrogate", n)
    if ext.title is not None:
        ext.title = _SURROGATE.sub("\ufffd", ext.title)
    if ext.publisher is not None:
        ext.publisher = _SURROGATE.sub("\ufffd", ext.publisher)
    tracked, n = markup.fix_entities(tracked)
    count("entity", n)
    tracked, n = mojibake.repair(tracked)
    count("mojibake_repair", n)
    tracked, n = markup.strip_tag_fragments(tracked)
    count("markup", n)
    tracked = whitespace.normalise_spaces(tracked)
    tracked, n = whitespace.join_bracket_breaks(tracked)
    count("bracket_break", n)
    tracked, n = whitespace.normalise_width(tracked)
    count("width", n)
    tracked, n = pinyin.remove_annotations(tracked)
    count("pinyin", n)

    cleaned = boilerplate.clean(tracked, title_hint=ext.title)
    for k, v in cleaned.removed.items():
        count(k, v)
    tracked = whitespace.tidy(cleaned.body)
    if not tracked.text.strip():
        raise NormaliseError(f"{display}: no article text found")

    # The page was converted line by line to classify its lines (no phrase spans a line break): when
    # the tidied body is exactly its kept lines, their conversions are the body's.
    converted = "\n".join(cleaned.simplified) if tracked.text == "\n".join(cleaned.lines) else None
    tracked, n, script_name = script.convert(tracked, converted=converted)
    count("script_conversion", n)
    tracked = whitespace.tidy(tracked)

    traditional = script_name == "traditional"
    title = cleaned.title
    if title is not None:
        title = tracked.text.split("\n", 1)[0]  # the headline line as it stands in the clean text
    elif ext.title and ext.kind in ("json", "sql", "js", "code", "php", "markdown", "feed"):
        title = ext.title
    if title is not None:
        title = _HEADING_MARK.sub("", title) or title  # a Markdown heading's ### is markup, not the title
    publisher = cleaned.publisher or ext.publisher
    if publisher and traditional:
        publisher = script.to_simplified(publisher)
    published = cleaned.published or _iso(ext.published)
    if published and not cleaned.published and ext.published_from:
        count(f"published_from_{ext.published_from}", 1)
    return Document(
        text=tracked.text,
        title=title,
        published=published,
        publisher=publisher,
        script=script_name,  # type: ignore[arg-type]
        encoding=encoding,
        name=display,
        original=original,
        spans=SpanMap(tracked.starts, tracked.ends),
        removed=removed,
        kind=ext.kind,
    )


def _iso(value: str | None) -> str | None:
    if not value:
        return None
    return boilerplate.parse_date(value)


def report(doc: Document) -> str:
    """Human-readable summary of what was removed and why (for ``summarise clean --explain``)."""
    reasons = {
        "pinyin": "pinyin annotations after a character, e.g. 當(dāng)",
        "spam_title": "SEO spam title lines",
        "navigation": "navigation, breadcrumb and page-chrome lines",
        "share": "share-widget lines",
        "tag_line": "tag/keyword lines",
        "image_placeholder": "image placeholders (图片)",
        "caption": "picture captions after images",
        "metadata": "metadata lines (source, date, author), kept as metadata",
        "copyright": "copyright and disclaimer notices",
        "licence": "licence/ICP registration lines",
        "advertisement": "advertisement lines (phone, WeChat)",
        "related_articles": "lines of the related-articles list and everything after it",
        "mojibake_repair": "GBK byte-shift mojibake runs repaired",
        "script_conversion": "characters converted from traditional to simplified",
        "entity": "HTML entities decoded",
        "markup": "markup removed (page parsed, or stray tag fragments)",
        "deep_markup": "tags dropped from markup nested too deep for the parser (its text kept)",
        "width": "fullwidth digits/letters made ASCII",
        "bracket_break": "line breaks inside a short bracket joined (a byline split over paragraphs)",
        "utf8_damaged": "invalid UTF-8 byte sequences decoded as U+FFFD (a few damaged characters)",
        "gbk_in_utf8": "GBK-encoded characters inside a UTF-8 page, decoded as GBK",
        "surrogate": "lone surrogate escapes (\\ud800-\\udfff, no character) replaced by U+FFFD",
        "column_heading": "heading of a periodical column or digest page (label + period or issue), not the article's",
        "php_data": "article taken from a string literal of the PHP code (template test data), not the rendered page",
        "php": "PHP/template code blocks (<?php … ?>)",
        "sql_row": "SQL INSERT statement or value tuple around the article row (other fields dropped)",
        "sql_other_rows": "other rows of the SQL dump (the row with the longest text is the article)",
        "cms_timestamp_unused": "CMS timestamp not used as the publication date (the text does not date itself near it)",
        "published_from_sql_row": "publication date from the row's timestamp (the text names a day within 45 days before it)",
        "published_from_sql_row_only": "publication date from the row's only timestamp (the text names no day that could contradict it)",
        "js_wrapper": "JavaScript code around the string literal holding the page",
        "code_wrapper": "source code around the string literals (joined by +) holding the page",
        "feed": "RSS/Atom feed around the item (link, GUID and other fields dropped; CDATA unwrapped)",
        "front_matter": "front-matter lines of a Markdown mirror (title kept as the headline)",
        "published_from_front_matter": "publication date from the front matter `date:` (mirror timestamp; the page states none)",
        "markdown": "Markdown syntax (images, link targets, emphasis, headings, comments)",
    }
    raw_chars = len(doc.original)
    lines = [
        f"{doc.name}: {doc.kind} input, encoding {doc.encoding}, script {doc.script}",
        f"kept {len(doc.text)} of {raw_chars} characters ({100 * len(doc.text) / max(raw_chars, 1):.0f}%)",
        f"title: {doc.title or '-'}; published: {doc.published or '-'}; publisher: {doc.publisher or '-'}",
    ]
    if doc.removed:
        lines.append("removed / changed:")
        for key, n in sorted(doc.removed.items(), key=lambda kv: (-kv[1], kv[0])):
            lines.append(f"  {n:6d}  {key}: {reasons.get(key, key)}")
    else:
        lines.append("nothing removed")
    return "\n".join(lines)
