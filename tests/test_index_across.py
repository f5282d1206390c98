"""index.html across the batch: stories and reposts, every person with every appearance, every figure."""
from __future__ import annotations

import json
import re
import shutil
import sqlite3
from html import unescape
from pathlib import Path

from typer.testing import CliRunner

from summarise.cli import app
from summarise.run import store

REPO = Path(__file__).resolve().parents[1]
SEED0 = REPO / "seeds" / "000_09f2237585b32c6b.txt"
SEED1 = REPO / "seeds" / "001_6b39ea2c5599d977.txt"
runner = CliRunner()


def _run(d: Path, out: Path, tmp_path: Path, *extra: str) -> str:
    result = runner.invoke(app, ["run", str(d), "--out", str(out), "-f", "html,json", *extra],
                           env={"SUMMARISE_BACKEND": "offline", "SUMMARISE_CACHE_DIR": str(tmp_path / "cache")})
    assert result.exit_code == 0, result.output
    return (out / "index.html").read_text("utf-8")


def _section(html: str, name: str) -> str:
    start = html.index(f'<section id="{name}">')
    return html[start:html.index("</section>", start)]


def _text(html: str) -> str:
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))


def test_people_index_lists_every_appearance_once_per_story(tmp_path: Path, seeds_dir: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    for p in seeds_dir.glob("*.txt"):
        shutil.copy(p, d / p.name)
    raw = SEED1.read_text("utf-8")
    (d / "001_repost.txt").write_text("转自中山日报\n" + raw, "utf-8")
    corpus = REPO.parent / "shared" / "corpus"
    if corpus.is_dir():
        for p in corpus.iterdir():
            if p.is_file() and p.name != "SOURCES.md":
                shutil.copy(p, d / p.name)
    out = tmp_path / "out"
    html = _run(d, out, tmp_path)
    assert "<script" not in html and "http://" not in html.split("<body>")[1].split("href")[0]

    conn = sqlite3.connect(out / store.DB_NAME)
    conn.row_factory = sqlite3.Row
    stories = [r["id"] for r in conn.execute("SELECT id FROM stories WHERE kind != 'other'")]
    copies = conn.execute("SELECT copies FROM stories WHERE input LIKE '%001_6b39%'").fetchone()[0]
    assert copies == 2
    people = _section(html, "people")
    entries = re.findall(r'<details class="person"[^>]*>(.*?)</details>', people, flags=re.S)
    by_name = {unescape(re.search(r"<b lang=\"zh\">(.*?)</b>", e).group(1)): e for e in entries}
    expected: dict[str, int] = {}
    for r in conn.execute(f"SELECT name FROM people WHERE document_id IN ({','.join('?' * len(stories))})", stories):
        expected[r["name"]] = expected.get(r["name"], 0) + 1
    assert {n: e.count("<tr><td") for n, e in by_name.items()} == expected
    # a person of the reposted story: one row, with its copies counted beside it
    chen = by_name["陈林"]
    assert chen.count("<tr><td") == 1 and "+1 转载" in chen
    for r in conn.execute("SELECT name, title_zh FROM appearances WHERE title_zh IS NOT NULL AND kind != 'other'"):
        assert r["title_zh"] in _text(by_name[r["name"]])
    figures = _section(html, "figures")
    n_figures = conn.execute(f"SELECT COUNT(*) FROM figures WHERE document_id IN ({','.join('?' * len(stories))})",
                             stories).fetchone()[0]
    assert figures.count("<tr><td") == n_figures and "92.4亿元" in figures and "9.24 billion yuan" in figures
    notes = _section(html, "notes")
    assert "repost of" in notes
    assert f'<span id="stories">{conn.execute("SELECT COUNT(*) FROM stories").fetchone()[0]} stories, ' in html
    conn.close()


def test_a_change_of_title_is_visible_and_names_are_not_merged_silently(tmp_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    shutil.copy(SEED0, d / SEED0.name)
    later = SEED0.read_text("utf-8").replace("發(fā)布日期:2024-08-02", "發(fā)布日期:2025-03-02", 1)
    later = later.replace("8月1日", "3月1日", 1).replace("鎮(zhèn)黨委副書記李家浩", "鎮(zhèn)長李家浩", 1)
    assert "鎮(zhèn)長李家浩" in later
    (d / "later.txt").write_text(later, "utf-8")
    out = tmp_path / "out"
    html = _run(d, out, tmp_path, "--no-reposts")
    people = _section(html, "people")
    li = next(e for e in re.findall(r'<details class="person"[^>]*>(.*?)</details>', people, flags=re.S) if "李家浩" in e)
    text = _text(li)
    assert "2 个职务" in text and "镇党委副书记" in text and "镇长" in text
    assert text.index("2024-08-01") < text.index("2025-03-01")  # in date order
    rows = li.split("<tr>")[1:]
    assert len(rows) == 2 and all("小榄" in r or "中山" in r for r in rows)  # place or publisher beside each


def test_index_without_database_has_no_people_section(tmp_path: Path, seeds_dir: Path) -> None:
    html = _run(seeds_dir, tmp_path / "out", tmp_path, "--no-db")
    assert 'id="people"' not in html and 'id="notes"' in html
    summary = json.loads((tmp_path / "out" / "summary.json").read_text("utf-8"))
    assert summary["counts"]["done"] == 2


def test_out_of_scope_pages_stay_out_of_the_people_and_figures_sections(tmp_path: Path, seeds_dir: Path) -> None:
    """A list of sources is no meeting: its names and numbers are not meeting facts. The database keeps them."""
    d = tmp_path / "in"
    d.mkdir()
    shutil.copy(SEED0, d / SEED0.name)
    (d / "SOURCES.md").write_text("# 资料来源\n\n本目录收录的文章来自各地政府网站，共150余人参与整理，约10%的页面为转载。"
                                  "审定：市政府办公室主任张明华。\n", "utf-8")
    out = tmp_path / "out"
    html = _run(d, out, tmp_path)
    conn = sqlite3.connect(out / store.DB_NAME)
    other = conn.execute("SELECT id FROM documents WHERE kind = 'other'").fetchone()[0]
    figures = [r[0] for r in conn.execute("SELECT figure FROM figures WHERE document_id = ?", (other,))]
    people = [r[0] for r in conn.execute("SELECT name FROM appearances WHERE kind = 'other'")]
    assert "150余人" in figures and people  # in the database, as in the record
    assert conn.execute("SELECT COUNT(*) FROM stories WHERE kind = 'other'").fetchone()[0] == 1
    conn.close()
    for name in ("people", "figures"):
        section = _section(html, name)
        assert "150余人" not in section and not any(f"<b lang=\"zh\">{p}</b>" in section for p in people)
        assert "Not included: 1 out-of-scope page" in _text(section)
    assert "92.4亿元" in _section(html, "figures") and "李家浩" in _section(html, "people")


def test_people_are_in_pinyin_order_with_labels_in_both_languages(tmp_path: Path, seeds_dir: Path) -> None:
    html = _run(seeds_dir, tmp_path / "out", tmp_path)
    people = _section(html, "people")
    names = [unescape(n) for n in re.findall(r'<b lang="zh">(.*?)</b>', people)]
    latin = [unescape(n) for n in re.findall(r'</b> <span class="en-label" lang="en">(.*?)</span>', people)]
    assert len(names) == len(latin) > 5
    assert [n.casefold() for n in latin] == sorted(n.casefold() for n in latin)  # 陈 Chen before 李 Li before 赵 Zhao
    assert names != sorted(names)  # code-point order would differ: the test means something
    text = _text(people)
    assert "次 appearances" not in text and "出现 1 次 1 appearance " in text
    assert re.search(r"<tr><td>2024-08-01<td>", people)  # a date either reader reads
    assert re.search(r"<tr><td>11-12 \(年份未注明 year not stated\)<td>", people)
    assert "主持 chair" in text
    letters = re.findall(r'<a href="#people-([A-Z#])">', people)
    assert letters == sorted(set(letters)) and all(f'id="people-{c}"' in people for c in letters)


def test_an_untranslated_english_cell_does_not_repeat_the_chinese_beside_it(tmp_path: Path, seeds_dir: Path) -> None:
    from summarise.render import render
    from summarise.schemas import load_record

    out = tmp_path / "out"
    _run(seeds_dir, out, tmp_path)
    record = load_record(next(out.glob("001_*.json")).read_text("utf-8"))
    for langs in (("zh", "en"), ("en", "zh"), ("en",)):
        html = render(record, "html", langs=langs)
        start = html.index('<section id="points">')
        rows = re.findall(r'<tr><td class="n">.*?</tr>', html[start:html.index("</section>", start)], flags=re.S)
        untranslated = [r for r in rows if "[untranslated]" in r]
        assert untranslated, langs  # seed 001's lessons have no English offline
        for row in untranslated:
            cells = [_text(c).strip() for c in re.findall(r"<td>(.*?)</td>", row, flags=re.S)][:len(langs)]
            english = cells[langs.index("en")]
            if "zh" in langs:  # the Chinese stands in the cell beside it
                assert english == "[untranslated]" and re.search(r"[\u4e00-\u9fff]", cells[langs.index("zh")])
            else:  # English only: the Chinese is shown with the mark, nothing is lost
                assert english.endswith("[untranslated]") and re.search(r"[\u4e00-\u9fff]", english)
