"""Bytes → str: BOM, then strict UTF-8, then the HTML meta charset, then statistical detection."""
from __future__ import annotations

import codecs
import re
import threading

from .errors import NormaliseError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or docx/xlsx)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "an OLE document (doc/xls)"),
    (b"\x7fELF", "an ELF executable"),
    (b"RIFF", "a RIFF media file"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{2,40})""", re.I)
# GB2312 and GBK are subsets of GB18030: decoding with the superset never loses a page.
_SUPERSET = {"gb2312": "gb18030", "gbk": "gb18030", "cp936": "gb18030", "x-gbk": "gb18030",
             "euc-cn": "gb18030", "big5": "big5hkscs", "cp950": "big5hkscs"}


def _canonical(label: str) -> str | None:
    try:
        name = codecs.lookup(label.strip().lower()).name
    except LookupError:
        return None
    return _SUPERSET.get(name, _SUPERSET.get(label.strip().lower(), name))


def sniff_binary(data: bytes) -> str | None:
    """What binary format ``data`` looks like ("a PNG image"), or None if it may be text."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    head = data[:4096]
    if b"\x00" in head:
        return "binary data (NUL bytes)"
    return None


def decode(data: bytes, name: str = "<bytes>") -> tuple[str, str]:
    """Decode ``data`` and return (text, encoding). Raises NormaliseError naming ``name``."""
    if not data:
        raise NormaliseError(f"{name}: input is empty")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as exc:
                raise NormaliseError(f"{name}: has a {enc} byte-order mark but is not valid {enc} ({exc.reason})") from None
    kind = sniff_binary(data)
    if kind:
        raise NormaliseError(f"{name}: looks like {kind}, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.end == len(data):  # cut inside the last character
            try:
                return data[:exc.start].decode("utf-8"), "utf-8"
            except UnicodeDecodeError:
                pass
    head = data[:8192]
    for rx in (_META_CHARSET, _XML_ENCODING):
        m = rx.search(head)
        declared = _canonical(m.group(1).decode("ascii", "ignore")) if m else None
        if declared:
            try:
                return data.decode(declared), declared
            except (UnicodeDecodeError, LookupError):
                pass
    damaged = _damaged_utf8(data)
    if damaged is not None:
        return damaged
    mixed = _mixed_utf8(data)
    if mixed is not None:
        return mixed
    return _detect(data, name)


#: a file with at most this many damaged UTF-8 sequences, or one per this many characters, is
#: UTF-8 with a few broken characters (as a browser shows it), not another encoding.
MAX_DAMAGED_SEQUENCES = 3
DAMAGE_RATE = 10_000
REPLACEMENT_ENCODING = "utf-8 (damaged)"


def _damaged_utf8(data: bytes) -> tuple[str, str] | None:
    """UTF-8 with a few invalid byte sequences, each decoded as U+FFFD; None when damage is not tiny.

    The encoding is reported as ``"utf-8 (damaged)"`` and the pipeline counts the U+FFFD marks.
    """
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode("utf-8"))
    if bad <= 0 or len(_HAN.findall(text)) < 10 * bad:  # a real UTF-8 Chinese page around the damage
        return None
    if bad <= MAX_DAMAGED_SEQUENCES or bad * DAMAGE_RATE <= len(text):
        return text, REPLACEMENT_ENCODING
    return None


#: UTF-8 with GBK-encoded characters pasted in (and maybe stray bytes): decoded character by character
MIXED_ENCODING = "utf-8 (with GBK characters)"
MIXED_SHARE = 20  # valid UTF-8 Chinese characters per damaged or GBK one, at least


def _gbk_pair(data: bytes, i: int) -> str | None:
    """The GBK character at data[i:i+2] when the pair cannot be the start of a UTF-8 character (a UTF-8
    lead byte followed by a continuation byte could be one cut short: that stays U+FFFD, never a guess)."""
    if i + 1 >= len(data):
        return None
    lead, trail = data[i], data[i + 1]
    if not (0x81 <= lead <= 0xFE and 0x40 <= trail <= 0xFE and trail != 0x7F):
        return None
    if 0xC2 <= lead <= 0xF4 and 0x80 <= trail <= 0xBF:
        return None
    try:
        char = data[i:i + 2].decode("gb18030")
    except UnicodeDecodeError:
        return None
    return char if _HAN.fullmatch(char) else None


_FOUND = threading.local()  # GBK characters the handler decoded in this thread's current decode


def _mixed_handler(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    char = _gbk_pair(exc.object, exc.start)
    if char is None:
        return "\ufffd", exc.end
    _FOUND.count = getattr(_FOUND, "count", 0) + 1
    return char, exc.start + 2


codecs.register_error("summarise-gbk-in-utf8", _mixed_handler)


def gbk_characters(data: bytes) -> int:
    """How many GBK characters `_mixed_utf8` decodes in `data`."""
    _FOUND.count = 0
    data.decode("utf-8", "summarise-gbk-in-utf8")
    return _FOUND.count


def _mixed_utf8(data: bytes) -> tuple[str, str] | None:
    """A UTF-8 page with a few GBK-encoded characters and stray bytes: each GBK character decoded as
    GBK, each other invalid byte as U+FFFD, when valid UTF-8 Chinese outnumbers them MIXED_SHARE to one
    (a GBK page decoded so has almost no valid UTF-8 Chinese). None otherwise."""
    _FOUND.count = 0
    text = data.decode("utf-8", "summarise-gbk-in-utf8")
    damaged = text.count("\ufffd") - data.count("\ufffd".encode("utf-8"))
    problems = damaged + _FOUND.count
    if problems <= 0 or len(_HAN.findall(text)) - _FOUND.count < MIXED_SHARE * problems:
        return None
    return text, MIXED_ENCODING


_HAN = re.compile(r"[\u4e00-\u9fff]")
_ZH_PUNCT = re.compile(r"[，。、：；“”！？（）]")


def chinese_score(text: str) -> float:
    """How much ``text`` looks like Chinese: Han share plus (weighted) Chinese punctuation share.

    A page decoded with the wrong Chinese codec still yields Han characters, but its ，。、“”
    turn into odd symbols, so punctuation separates GB18030 from Big5 on short inputs.
    """
    if not text:
        return 0.0
    n = len(text)
    return len(_HAN.findall(text)) / n + 5 * len(_ZH_PUNCT.findall(text)) / n


def _detect(data: bytes, name: str) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    guess = _canonical(best.encoding) if best is not None and best.encoding else None
    scored: list[tuple[float, int, str, str]] = []
    for rank, enc in enumerate(dict.fromkeys(e for e in (guess, "gb18030", "big5hkscs") if e)):
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        scored.append((chinese_score(text), -rank, enc, text))
    if not scored:
        raise NormaliseError(f"{name}: cannot decode: not UTF-8, GB18030 or Big5, and no encoding detected")
    score, _, enc, text = max(scored)
    if score == 0 and guess and scored[0][2] == guess:
        return scored[0][3], guess
    return text, enc
