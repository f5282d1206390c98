"""CMS records around an article: SQL dump rows and bare value tuples (quoting, NULL,
backslash-escaped HTML, the row that holds the text), a record's timestamp as the publication date
only when the text corroborates it, and the date keys of JSON records."""
from __future__ import annotations

import json

import pytest

from summarise.normalise import markup, normalise, wrappers

BODY = ("<p>3月27日下午，某大学党委常委会召开专题学习会议，传达学习有关重要讲话精神。会议由校党委书记张某某主持。</p>"
        "<p class=\"ql-align-center\"><img src=\"https://example.edu.cn/a.jpg\"></p><p>学习现场</p>"
        "<p>会议要求，一是提高认识，二是抓好落实，三是加强宣传，确保各项工作落到实处。</p>")


def _row(stamp: str, body: str = BODY, title: str = "某大学党委常委会开展专题学习") -> str:
    body = body.replace("'", "''")
    return f"insert into `article` values ('6','{title}','学校','740','0','{stamp}','{stamp}',null,'{body}','/api/upload/1.jpg',null);\n"


LEAD = "3月4日上午，某市召开全市重点工作推进会议。市委书记张某某主持会议并讲话，市长李某某出席会议。"
SECOND = "会议强调，要狠抓落实，确保各项任务按期完成，以优异成绩迎接检查验收。"
TITLE = "某市召开重点工作推进会议"


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


@pytest.mark.parametrize("key", ["pub_date", "pubtime", "publish_date", "pubDate"])
def test_a_json_records_publication_date_in_snake_case(key: str) -> None:
    """A CCTV API record carries its date as pub_date ("2014-02-07 19:24:19")."""
    record = {"num": 6, "video_title": "[视频]李克强主持召开国务院常务会议", key: "2014-02-07 19:24:19",
              "content": "<p>本台消息：国务院总理李克强今天主持召开国务院常务会议，听取工作汇报，决定合并两项制度。</p>"}
    doc = normalise(json.dumps(record, ensure_ascii=False).encode())
    assert doc.published == "2014-02-07"


def test_bare_value_tuple_with_backslash_escaped_html() -> None:
    html = (f'<p style=\\"margin: 0;\\">{LEAD}</p><p class=\\"x\\">{SECOND}</p>'
            '<p><span style=\\"font-weight: 700;\\">相关新闻</span></p><p>另一条新闻的标题在这里</p>')
    sql = f"(12,'某市召开重点工作推进会议','{html}','2024-03-05 10:00:00.1','code','摘要',1),\n"
    assert wrappers.looks_like_sql(sql) and len(wrappers.sql_rows(sql)) == 1
    doc = normalise(sql)
    assert doc.kind == "sql" and doc.text.split("\n") == ["某市召开重点工作推进会议", LEAD, SECOND]
    assert doc.published == "2024-03-05"  # the unnamed timestamp, corroborated by 3月4日
    i = doc.text.index("张某某")
    a, b = doc.source_span(i, i + 3)
    assert doc.original[a:b] == "张某某"


def test_text_opening_with_a_bracket_is_not_a_value_tuple() -> None:
    assert not wrappers.looks_like_sql("(记者 王某)3月4日，某市召开工作会议。\n")
    assert not wrappers.looks_like_sql("(1, 2)\n正文")  # no quoted field


def test_escaped_markup_outside_a_row_still_parses() -> None:
    page = (f'<div class=\\"a\\"><p onclick=\\"return n>0\\" style=\\"x\\">{LEAD}\\r\\n{SECOND}</p>'
            f'<p style=\\"y\\">{SECOND}</p></div>')
    doc = normalise(page)  # HTML, not a row: the escapes are undone for the parser only
    assert doc.kind == "html" and doc.text.split("\n") == [LEAD, SECOND, SECOND]
    i = doc.text.index("张某某")
    a, b = doc.source_span(i, i + 3)
    assert doc.original[a:b] == "张某某"


@pytest.mark.parametrize("stamp,expected", [("20240305", "2024-03-05"), ("20240305093000", "2024-03-05"),
                                            ("20241305", None), ("20240601", None)])
def test_compact_stamp_is_a_corroborated_publication_date(stamp: str, expected: str | None) -> None:
    sql = f"INSERT INTO `t` VALUES ('1', '某市召开重点工作推进会议', '{LEAD}\\r\\n{SECOND}', '{stamp}', null);"
    doc = normalise(sql)
    assert doc.published == expected  # 20240601 is 89 days after 3月4日: an import date, not used
    named = f"INSERT INTO t (id, title, body, pubdate) VALUES (1, '某市召开重点工作推进会议', '{LEAD}', '20240601');"
    assert normalise(named).published == "2024-06-01"  # a column named for publication is stated


def test_only_timestamp_of_a_row_is_the_date_when_the_text_names_no_day() -> None:
    body = LEAD.replace("3月4日上午，", "昨天")
    doc = normalise(f"(3,'{TITLE}','2013-07-04','','{body}{SECOND}');\n")
    assert doc.published == "2013-07-04" and doc.removed.get("published_from_sql_row_only") == 1
    later = normalise(f"(3,'{TITLE}','2013-07-04','','{LEAD}{SECOND}');\n")  # 3月4日 is months before
    assert later.published is None and later.removed.get("cms_timestamp_unused") == 1
    two = normalise(f"(3,'{TITLE}','2013-07-04','2013-07-05','{body}{SECOND}');\n")
    assert two.published is None
