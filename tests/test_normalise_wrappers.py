"""Wrapper formats around a page: SQL dump rows, PHP templates, Markdown mirrors, JavaScript strings;
nav-menu runs and bracket breaks; then the held-out files (eval/heldout) against their gold."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from gold_checks import assert_article_matches_gold
from summarise.normalise import Tracked, boilerplate, markup, normalise, whitespace, wrappers

REPO = Path(__file__).resolve().parents[1]
HELDOUT = REPO / "eval" / "heldout"

BODY = ("<p>3月27日下午，某大学党委常委会召开专题学习会议，传达学习有关重要讲话精神。会议由校党委书记张某某主持。</p>"
        "<p class=\"ql-align-center\"><img src=\"https://example.edu.cn/a.jpg\"></p><p>学习现场</p>"
        "<p>会议要求，一是提高认识，二是抓好落实，三是加强宣传，确保各项工作落到实处。</p>")


# -- SQL dump rows ---------------------------------------------------------------------------------
def test_sql_rows_parse_quoting_null_and_several_rows() -> None:
    sql = ("-- dump\nINSERT INTO `news` (`id`,`title`,`body`) VALUES (1,'It''s a \\'test\\'','a\\nb'),"
           "(2,\"双引号\",NULL);\ninsert into news values ('3','x','y');")
    rows = wrappers.sql_rows(sql)
    assert [r.table for r in rows] == ["news", "news", "news"]
    assert rows[0].columns == ("id", "title", "body") and rows[2].columns == ()
    assert [f.value for f in rows[0].fields] == ["1", "It's a 'test'", "a\nb"]
    assert [f.value for f in rows[1].fields] == ["2", "双引号", None]
    f = rows[0].fields[1]
    assert sql[f.start:f.end] == "It''s a \\'test\\'"


def _row(stamp: str, body: str = BODY, title: str = "某大学党委常委会开展专题学习") -> str:
    body = body.replace("'", "''")
    return f"insert into `article` values ('6','{title}','学校','740','0','{stamp}','{stamp}',null,'{body}','/api/upload/1.jpg',null);\n"


def test_sql_row_body_title_and_no_wrapper_junk() -> None:
    doc = normalise(_row("2023-07-20 09:20:55.0"))
    lines = doc.text.split("\n")
    assert doc.kind == "sql" and doc.title == lines[0] == "某大学党委常委会开展专题学习"
    assert lines[1].startswith("3月27日下午") and "一是提高认识" in doc.text
    for junk in ("insert into", "2023-07-20 09:20", "ql-align-center", "example.edu.cn", "/api/upload", "学习现场", "'", "null"):
        assert junk not in doc.text, junk
    i = doc.text.index("会议由校党委书记")
    a, b = doc.source_span(i, i + 8)
    assert doc.original[a:b] == "会议由校党委书记"


def test_sql_timestamp_is_publication_date_only_when_the_text_corroborates_it() -> None:
    far = normalise(_row("2023-07-20 09:20:55.0"))  # 3月27日 is 115 days before: an import time
    assert far.published is None and far.removed["cms_timestamp_unused"] == 1
    near = normalise(_row("2019-04-02 10:00:00"))  # 6 days after 3月27日: plausibly the page's date
    assert near.published == "2019-04-02" and near.removed["published_from_sql_row"] == 1
    named = ("INSERT INTO a (id, title, content, publish_time) VALUES "
             f"(1, '某大学党委常委会开展专题学习', '{BODY}', '2023-07-20 09:20:55');")
    assert normalise(named).published == "2023-07-20"  # a column named for publication is stated


def test_sql_dump_takes_the_row_with_the_longest_text() -> None:
    dump = _row("2023-07-20", body="<p>短的一行。</p>", title="另一条新闻标题在此") + _row("2023-07-20")
    doc = normalise(dump)
    assert doc.title == "某大学党委常委会开展专题学习" and "短的一行" not in doc.text
    assert doc.removed["sql_other_rows"] == 1


def test_sql_without_text_rows_is_plain_text() -> None:
    assert markup.extract("insert into t values (1, 2, 3);\n").kind == "text"


# -- PHP / compiled templates ----------------------------------------------------------------------
SMARTY = """<?php
/* Smarty version 3.1.30 */
if ($_smarty_tpl->_decodeProperties($_smarty_tpl, array (
  'version' => '3.1.30',
),false)) {
function content_1 (Smarty_Internal_Template $_smarty_tpl) {
?>
<!DOCTYPE html><html><head><title>某校召开理论学习中心组会议</title>
<?php echo '<script'; ?> src="a.js"><?php echo '</script'; ?>
></head><body><ul><li><a>首页</a></li><li><a>关于社联</a></li><li><a>社团信息</a></li><li><a>联系我们</a></li></ul>
<h2>某校召开理论学习中心组会议</h2><p>发布日期：2016-11-15&nbsp&nbsp作者：某某&nbsp&nbsp点击：1324</p>
<p>11月10日下午，某校举行党委中心组扩大会议，邀请专家作辅导报告。报告会由校党委书记李某某主持。</p>
<?php $_smarty_tpl->_subTemplateRender("file:login.html", $_smarty_tpl->cache_id);
?></body></html><?php }
}
"""


def test_blank_php_keeps_length_and_echoed_literals() -> None:
    blanked, n = wrappers.blank_php(SMARTY)
    assert len(blanked) == len(SMARTY) and n == 5
    assert "_smarty_tpl" not in blanked and "<script" in blanked and "</script" in blanked
    assert blanked.count("\n") == SMARTY.count("\n")
    assert not wrappers.has_php('<?xml version="1.0"?><html></html>')


def test_php_template_page() -> None:
    doc = normalise(SMARTY)
    assert doc.kind == "html" and doc.removed["php"] == 5
    assert doc.text.startswith("某校召开理论学习中心组会议\n11月10日下午")
    assert doc.published == "2016-11-15"
    for junk in ("_smarty_tpl", "关于社联", "社团信息", "点击", "a.js", "?>"):
        assert junk not in doc.text, junk


# -- Markdown mirrors ------------------------------------------------------------------------------
MD = """---
title: 某大学->学校召开党委常委会（扩大）会议 | example.info
date: 2022-05-12 01:21:48.309626
urlname: 63be3cef
tags:
- 某大学
---
**某大学** **新闻网讯** （记者 王某

摄影报道）5月6日，学校召开党委常委会（扩大）会议。与会校领导结合南开大
<!--more-->
学工作实际，作了交流研讨发言。

<!--more-->

会议要求，一是坚持党的领导，二是落实根本任务。详见[学校主页](http://example.edu.cn/)。

![图](http://example.edu.cn/a)

![图](http://example.edu.cn/

[转入文章首发地址](http://example.edu.cn/1.shtml)
"""


def test_front_matter_keys_and_body_start() -> None:
    fm = wrappers.front_matter(MD)
    assert fm is not None and fm.keys["date"][0] == "2022-05-12 01:21:48.309626"
    assert MD[fm.end:].startswith("**某大学**")
    assert wrappers.front_matter("---\n\n---\ntext") is None  # no keys: a horizontal rule, not front matter


def test_markdown_mirror() -> None:
    doc = normalise(MD)
    lines = doc.text.split("\n")
    assert doc.kind == "markdown" and lines[0] == doc.title == "学校召开党委常委会（扩大）会议"
    assert "与会校领导结合南开大学工作实际" in doc.text  # the comment no longer splits the word
    assert "（记者 王某摄影报道）5月6日" in doc.text  # the byline's bracket break is joined
    assert "会议要求，一是坚持党的领导" in lines[-1] and "详见学校主页。" in lines[-1]
    for junk in ("<!--", "more", "![", "](", "http", "**", "urlname", "date:", "转入文章首发地址", "example.info"):
        assert junk not in doc.text, junk
    # the front matter date is a mirror timestamp: used only because the page states none, and reported
    assert doc.published == "2022-05-12" and doc.removed["published_from_front_matter"] == 1
    i = doc.text.index("学工作")
    a, b = doc.source_span(i - 1, i + 1)
    assert doc.original[a:b] == "大\n<!--more-->\n学"


def test_markdown_page_date_beats_front_matter() -> None:
    doc = normalise(MD.replace("**某大学** **新闻网讯**", "发布时间：2022-05-07\n\n**某大学** **新闻网讯**"))
    assert doc.published == "2022-05-07" and "published_from_front_matter" not in doc.removed


def test_markdown_comment_between_paragraphs_keeps_them_apart() -> None:
    out, _ = markup._markdown_text(Tracked.identity("第一段内容。\n\n<!--more-->\n\n第二段内容。\nword\n<!-- x -->\nnext"))
    assert re.split(r"\n{2,}", out.text) == ["第一段内容。", "第二段内容。\nword\nnext"]


@pytest.mark.parametrize("title,expected", [
    ("南开大学->学校召开党委常委会会议 | nankai.info", "学校召开党委常委会会议"),
    ("学校召开党委常委会会议_某某大学新闻网", "学校召开党委常委会会议"),
    ("学校召开党委常委会会议 - 新闻中心", "学校召开党委常委会会议"),
    ("会议 | nankai.info", "会议 | nankai.info"),  # what would remain is not a headline
    ("首页>开会", "首页>开会"),
    ("“十四五”规划 | 解读：要点与措施", "“十四五”规划 | 解读：要点与措施"),  # not a site name
])
def test_clean_title(title: str, expected: str) -> None:
    s, e = markup.clean_title(title)
    assert title[s:e] == expected


# -- JavaScript string modules ---------------------------------------------------------------------
def test_js_template_literal_page() -> None:
    js = ("const strings = `<div><h2>学校召开挑战杯承办工作推进会议</h2><h3>发布时间：2020-11-11</h3>"
          "<p>11月9日，学校召开挑战杯承办工作推进会。副校长某某出席会议并讲话。${x}</p>`\n\nexport default strings;\n")
    doc = normalise(js)
    assert doc.kind == "js" and doc.text.split("\n")[0] == "学校召开挑战杯承办工作推进会议"
    assert doc.published == "2020-11-11" and "副校长某某出席会议并讲话。" in doc.text
    for junk in ("const", "export default", "`", "${"):
        assert junk not in doc.text, junk


def test_js_escaped_strings_and_object_properties() -> None:
    js = ("module.exports = {\n  title: '\\u67d0\\u5e02\\u53ec\\u5f00\\u5de5\\u4f5c\\u4f1a\\u8bae',\n"
          "  date: \"2024-03-05\",\n  content: \"3\\u67084\\u65e5\\uff0c某市召开工作会议，部署全年重点工作。\\n"
          "市长出席会议并讲话，要求各部门狠抓落实，确保完成全年目标。\\\"好\\\"\"\n};\n")
    doc = normalise(js)
    assert doc.kind == "js" and doc.title == "某市召开工作会议" and doc.published == "2024-03-05"
    assert doc.text.split("\n") == ["某市召开工作会议", "3月4日，某市召开工作会议，部署全年重点工作。",
                                    "市长出席会议并讲话，要求各部门狠抓落实，确保完成全年目标。\"好\""]
    assert wrappers.unescape_js("a\\x41\\u{4e2d}\\\nb") == "aA中b"


def test_js_without_chinese_prose_is_not_unwrapped() -> None:
    assert markup.extract("var x = 'hello';\nconsole.log(x);\n").kind == "text"


# -- nav-menu runs and bracket breaks ---------------------------------------------------------------
def test_menu_runs_go_but_short_real_lines_stay() -> None:
    page = "\n".join([
        "某校召开工作会议", "发布时间：2024-03-05",
        "3月4日，某校召开工作会议，部署全年重点工作。校长出席会议并讲话，要求各部门狠抓落实。",
        "一、总体要求", "坚持问题导向，加快推进重点项目建设，确保全年目标任务圆满完成。",
        "二、重点任务", "张三", "李四", "王五",  # short lines without a nav anchor: kept
        "加强组织领导，压实工作责任，确保各项任务落到实处，形成工作合力。",
        "首页", "|", "关于社联", "|", "社团信息", "|", "联系我们",  # a menu (首页 anchors it)
    ])
    c = boilerplate.clean(Tracked.identity(page))
    body = c.body.text.split("\n")
    for keep in ("某校召开工作会议", "一、总体要求", "二、重点任务", "张三", "李四", "王五"):
        assert keep in body, keep
    for drop in ("关于社联", "社团信息", "首页", "联系我们"):
        assert drop not in body, drop
    assert boilerplate.is_menu_item("新闻>") and not boilerplate.is_menu_item("一、总体要求")
    assert not boilerplate.is_menu_item("会议指出，")


def test_join_bracket_breaks() -> None:
    t, n = whitespace.join_bracket_breaks(Tracked.identity("（记者 王某\n\n摄影报道）5月6日\n(a\nb)c\n（一）\n正文"))
    assert t.text == "（记者 王某摄影报道）5月6日\n(a b)c\n（一）\n正文" and n == 2


# -- held-out files against their gold -------------------------------------------------------------
GOLD = sorted((HELDOUT / "gold").glob("*.json"))


@pytest.mark.parametrize("gold_path", GOLD, ids=[p.stem[:24] for p in GOLD])
def test_heldout_file_is_the_article(gold_path: Path) -> None:
    assert_article_matches_gold(gold_path, published_may_be_unknown=True)


def test_date_is_read_from_a_line_dropped_for_another_reason() -> None:
    page = ("某市召开工作会议\n版权所有：某市人民政府 发布时间：2024-03-05\n"
            "3月4日，某市召开工作会议，部署全年重点工作。市长出席会议并讲话，要求各部门狠抓落实。")
    c = boilerplate.clean(Tracked.identity(page))
    assert c.removed == {"copyright": 1} and c.published == "2024-03-05"


def test_a_stray_short_tag_is_text() -> None:
    assert not wrappers.has_php("价格<? 是多少\n" * 3)  # without ?> it opens no PHP


@pytest.mark.growth
def test_wrapper_checks_stay_linear() -> None:
    import time

    for unit in ("<? a /* `x ", "/* '<!-- ![a](b "):
        for src in (unit * 500, "const s = " + unit * 500):
            t0 = time.perf_counter()
            markup.extract(src)
            small = time.perf_counter() - t0
            t0 = time.perf_counter()
            markup.extract(src * 8)
            assert time.perf_counter() - t0 < max(0.05, small) * 24


@pytest.mark.parametrize("key", ["pub_date", "pubtime", "publish_date", "pubDate"])
def test_a_json_records_publication_date_in_snake_case(key: str) -> None:
    """A CCTV API record carries its date as pub_date ("2014-02-07 19:24:19")."""
    record = {"num": 6, "video_title": "[视频]李克强主持召开国务院常务会议", key: "2014-02-07 19:24:19",
              "content": "<p>本台消息：国务院总理李克强今天主持召开国务院常务会议，听取工作汇报，决定合并两项制度。</p>"}
    doc = normalise(json.dumps(record, ensure_ascii=False).encode())
    assert doc.published == "2014-02-07"
