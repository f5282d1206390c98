"""Wrapper formats, third round: Python source, Java map entries and Android setters, PHP templates
holding the article as data, digest-page column headings, SQL rows whose only timestamp is the only
date; input errors (a str naming a missing file, a few damaged UTF-8 bytes); then the files of
eval/heldout3 against their gold."""
from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from gold_checks import assert_article_matches_gold
from summarise.normalise import NormaliseError, Tracked, boilerplate, decode, markup, normalise, read, wrappers

REPO = Path(__file__).resolve().parents[1]
HELDOUT3 = REPO / "eval" / "heldout3"

LEAD = "3月4日上午，某市召开全市重点工作推进会议。市委书记张某某主持会议并讲话，市长李某某出席会议。"
SECOND = "会议强调，要狠抓落实，确保各项任务按期完成，以优异成绩迎接检查验收。"
TITLE = "某市召开重点工作推进会议"


# -- Python source -----------------------------------------------------------------------------------
PY = f'''import numpy as np
import jieba

class Ranker(object):
    def __init__(self, content):
        self.content = content  # 记录内容，包含了1208个停用词
        self.limit = 10  # 迭代次数

    def run(self):
        # 加载自定义停用词表
        return [w for w in jieba.cut(self.content)]

if __name__ == "__main__":
    text_test = \'\'\'{LEAD}{SECOND}\'\'\'
    print(Ranker(text_test).run())
'''


def test_python_source_keeps_the_string_and_drops_comments() -> None:
    assert wrappers.looks_like_python(PY) and not wrappers.looks_like_code(PY)
    doc = normalise(PY)
    assert doc.kind == "code" and doc.text == LEAD + SECOND
    for junk in ("numpy", "停用词", "1208", "迭代"):
        assert junk not in doc.text
    i = doc.text.index("张某某")
    a, b = doc.source_span(i, i + 3)
    assert doc.original[a:b] == "张某某"


def test_prose_and_markdown_are_not_python() -> None:
    assert not wrappers.looks_like_python(f"# {TITLE}\n\n{LEAD}\n\n{SECOND}\n")
    assert not wrappers.looks_like_python(f"{TITLE}\n{LEAD}\n如何 import 数据：\n{SECOND}\n")


# -- Java: map entries and Android setters -------------------------------------------------------------
def test_java_map_entries_give_title_and_date() -> None:
    src = ("public class Demo {\n    public static void main(String[] args) {\n"
           "        Map<String, Object> data = new HashMap();\n"
           '        data.put("sub_title", "");\n'
           f'        data.put("title", "{TITLE}");\n'
           '        data.put("publish_time", "2024-03-05");\n'
           '        data.put("hits", "2039");\n'
           f'        data.put("content", "<p>{LEAD}</p><p>{SECOND}</p>");\n'
           "        render(data); // 渲染模板\n    }\n}\n")
    doc = normalise(src)
    assert doc.kind == "code" and doc.title == TITLE and doc.published == "2024-03-05"
    assert doc.text.split("\n") == [TITLE, LEAD, SECOND] and "2039" not in doc.text


def test_android_view_setter_names_the_title() -> None:
    src = ("public class DetailActivity extends Activity {\n    protected void onCreate(Bundle b) {\n"
           "        super.onCreate(b);\n"
           f'        tv_word_Detail.setText("       {LEAD}{SECOND}");\n'
           f'        tv_title_Detail.setText("{TITLE} ");\n'
           "    }\n}\n")
    doc = normalise(src)
    assert doc.title == TITLE and doc.text.split("\n") == [TITLE, LEAD + SECOND]
    assert markup._identifier_words("tv_title_AtDetailNew") == ["tv", "title", "at", "detail", "new"]


def test_a_title_repeated_in_every_record_is_a_placeholder() -> None:
    src = ("var items = [\n"
           f'  {{title: "动态监测及临床应用", content: ""}},\n'
           f'  {{title: "动态监测及临床应用", content: "{LEAD}{SECOND}"}},\n];\n')
    doc = normalise(src)
    assert doc.title is None and doc.text == LEAD + SECOND


# -- PHP template with the article as data ------------------------------------------------------------
PHP = f"""<?php
/**
 * 栏目页面新闻列表 测试数据
 */
$testdata = [
    ['title' => '动态血压监测（ABPM）及临床应', 'content' => '', 'pubdate' => '2012/12/18'],
    ['title' => '动态血压监测（ABPM）及临床应', 'content' => '{LEAD}{SECOND}', 'pubdate' => '2012/12/18'],
];
if($data === 'testdata') $articles = $testdata;
?>
<div class="mc">
  <h1><?=T::arrayValue('1.title', $articles) ?></h1>
  <div class="info">发布时间：<?=T::arrayValue('1.pubdate', $articles) ?> 浏览：次</div>
  <div class="contents"><?=T::arrayValue('1.content', $articles) ?></div>
  <span>上一篇：</span><a href='#'><?=T::arrayValue('0.title', $articles) ?></a>
</div>
"""


def test_php_template_whose_article_is_test_data() -> None:
    doc = normalise(PHP)
    assert doc.kind == "php" and doc.text == LEAD + SECOND
    assert doc.title is None and doc.published == "2012-12-18"
    assert "ABPM" not in doc.text and doc.removed.get("php_data") == 1


def test_php_page_with_its_own_text_is_still_the_page() -> None:
    page = f"<html><body><?php $x = '短'; ?><h1>{TITLE}</h1><p>{LEAD}</p><p>{SECOND}</p></body></html>"
    doc = normalise(page)
    assert doc.kind == "html" and LEAD in doc.text and doc.removed.get("php") == 1


# -- digest pages -----------------------------------------------------------------------------------
@pytest.mark.parametrize("heading", ["每周一学（2021年12月6日—12月12日）", "理论学习（第12期）", "学习园地(2024.3.1-3.7)"])
def test_column_heading_of_a_digest_page_is_not_the_headline(heading: str) -> None:
    page = f"{heading}\n发布时间：2024年03月05日 点击数：\n次\n{TITLE}\n{LEAD}\n{SECOND}\n"
    doc = normalise(page)
    assert doc.title == TITLE and doc.text.split("\n") == [TITLE, LEAD, SECOND]
    assert doc.removed.get("column_heading") == 1


def test_bracketed_headline_text_is_kept() -> None:
    for headline in ("某市召开重点工作推进会议（扩大）", "全市安全生产工作会议（2024年3月4日）召开"):
        doc = normalise(f"{headline}\n{LEAD}\n{SECOND}\n")
        assert doc.title == headline


# -- SQL rows whose only timestamp is the only date ------------------------------------------------
def test_only_timestamp_of_a_row_is_the_date_when_the_text_names_no_day() -> None:
    body = LEAD.replace("3月4日上午，", "昨天")
    doc = normalise(f"(3,'{TITLE}','2013-07-04','','{body}{SECOND}');\n")
    assert doc.published == "2013-07-04" and doc.removed.get("published_from_sql_row_only") == 1
    later = normalise(f"(3,'{TITLE}','2013-07-04','','{LEAD}{SECOND}');\n")  # 3月4日 is months before
    assert later.published is None and later.removed.get("cms_timestamp_unused") == 1
    two = normalise(f"(3,'{TITLE}','2013-07-04','2013-07-05','{body}{SECOND}');\n")
    assert two.published is None


# -- input errors -----------------------------------------------------------------------------------
def test_str_naming_a_missing_file_is_an_error(tmp_path: Path) -> None:
    # only names ending in a document extension count: "data/article" or "/0" could be text as well
    for missing in ("missing.txt", "page.html", str(tmp_path / "gone.json"), "data/page.htm", "a.sql"):
        with pytest.raises(NormaliseError, match="no such file"):
            normalise(missing)
    for text in (LEAD, TITLE, "关于印发《a/b方案》的通知", "Hello world.", "2024年3月4日 会议纪要.txt版"):
        assert not read.looks_like_path(text), text


def test_str_naming_a_fifo_is_not_a_regular_file(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(NormaliseError, match="not a regular file"), pytest.warns(DeprecationWarning, match="a str that names a file"):
        normalise(str(fifo))


def test_a_few_damaged_utf8_bytes_decode_with_replacement() -> None:
    good = (TITLE + "\n" + (LEAD + SECOND) * 3).encode("utf-8")
    cut = good.index("张某某".encode()) + 1  # inside 张
    damaged = good[:cut] + good[cut + 2:]
    text, enc = decode.decode(damaged)
    assert enc == decode.REPLACEMENT_ENCODING and text.count("\ufffd") == 1
    doc = normalise(damaged)
    assert doc.removed.get("utf8_damaged") == 1 and SECOND in doc.text


def test_many_damaged_bytes_are_not_utf8() -> None:
    gbk = ((LEAD + SECOND) * 3).encode("gb18030")
    text, enc = decode.decode(gbk)
    assert enc == "gb18030" and text == (LEAD + SECOND) * 3
    mostly_ascii = b"<p>hello world</p>\n" * 50 + "会议".encode("gb18030")
    assert decode.decode(mostly_ascii)[1] != decode.REPLACEMENT_ENCODING  # no Chinese UTF-8 around it


# -- linear time ------------------------------------------------------------------------------------
@pytest.mark.growth
def test_third_round_checks_stay_linear() -> None:
    for unit in ("import a\ndef f():\n    x = '''会", "data.put(\"title\", \"会议\");\n", "<?php $a = ['t' => '会'];\n",
                 "每周一学（3月1日—3月7日）\n次\n"):
        src = unit * 400
        t0 = time.perf_counter()
        markup.extract(src)
        boilerplate.clean(Tracked.identity(src))
        small = time.perf_counter() - t0
        t0 = time.perf_counter()
        markup.extract(src * 8)
        boilerplate.clean(Tracked.identity(src * 8))
        assert time.perf_counter() - t0 < max(0.05, small) * 24, unit


# -- eval/heldout3 ----------------------------------------------------------------------------------
GOLD3 = sorted((HELDOUT3 / "gold").glob("*.json"))


@pytest.mark.parametrize("gold_path", GOLD3, ids=[p.stem[:40] for p in GOLD3])
def test_heldout3_file_is_the_article(gold_path: Path) -> None:
    assert_article_matches_gold(gold_path)
