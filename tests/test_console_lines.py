"""Console lines never carry a control character from a file name or a message: a name like
`x\\r[1 of 1] done   all-good.txt -> fine\\x1b[8m.txt` cannot rewrite or fake a progress line."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

from hostile import SEED1, summarise
from summarise.cli import printable

CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
HOSTILE = "x\r[1 of 1] done   all-good.txt -> fine\x1b[8m.txt"


def test_printable_escapes_controls_and_keeps_text() -> None:
    assert printable(HOSTILE) == "x\\r[1 of 1] done   all-good.txt -> fine\\x1b[8m.txt"
    assert printable("会议\u202e.txt\x07\nnext") == "会议\\u202e.txt\\x07\nnext"
    assert printable("小榄镇 2024-08-01 -> ok") == "小榄镇 2024-08-01 -> ok"


def test_a_hostile_file_name_is_escaped_in_every_line(tmp_path: Path) -> None:
    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / HOSTILE).write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))  # fails: binary
    shutil.copy(SEED1, inbox / ("ok\x1b[2J.txt"))
    result = summarise("run", str(inbox), "--out", str(tmp_path / "out"), cwd=tmp_path)
    assert result.returncode == 1
    for stream in (result.stderr, result.stdout):
        assert not CONTROL.search(stream), repr(stream)
    assert "x\\r[1 of 1] done" in result.stderr and "fine\\x1b[8m.txt" in result.stderr and "ok\\x1b[2J.txt" in result.stderr
    one = summarise("extract", str(inbox / HOSTILE), cwd=tmp_path)
    assert one.returncode == 1 and not CONTROL.search(one.stderr) and "\\x1b[8m" in one.stderr
