"""Wrapper formats, second round: bare SQL value tuples with backslash-escaped HTML, compact date
stamps, RSS/Atom items, articles held in source-code string concatenations, headline elements,
datelines and side bars; then the held-out files of eval/heldout2 against their gold."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from gold_checks import assert_article_matches_gold
from summarise.normalise import Tracked, boilerplate, markup, normalise, wrappers

REPO = Path(__file__).resolve().parents[1]
HELDOUT2 = REPO / "eval" / "heldout2"

LEAD = "3月4日上午，某市召开全市重点工作推进会议。市委书记张某某主持会议并讲话，市长李某某出席会议。"
SECOND = "会议强调，要狠抓落实，确保各项任务按期完成，以优异成绩迎接检查验收。"


# -- SQL: bare value tuples, escaped HTML, compact stamps ------------------------------------------
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


# -- RSS / Atom ---------------------------------------------------------------------------------------
RSS = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>某市新闻</title><link>http://example.cn/</link>
<item><title>短讯</title><description>一条很短的消息。</description></item>
<item>
  <title><![CDATA[某市召开重点工作推进会议]]></title>
  <link>http://example.cn/2024/0305/a.html</link>
  <guid>http://example.cn/2024/0305/a.html</guid>
  <pubDate>Tue, 05 Mar 2024 08:00:00 +0800</pubDate>
  <description><![CDATA[<p>　　本报讯&nbsp;&nbsp;{LEAD}</p><p>{SECOND}</p>]]></description>
</item></channel></rss>"""


def test_rss_item_title_body_and_pubdate() -> None:
    doc = normalise(RSS)
    assert doc.kind == "feed" and doc.title == "某市召开重点工作推进会议" and doc.published == "2024-03-05"
    assert doc.text.split("\n") == ["某市召开重点工作推进会议", "本报讯 " + LEAD, SECOND]
    for junk in ("CDATA", "example.cn", "<p>", "&nbsp", "短讯", "某市新闻"):
        assert junk not in doc.text, junk


def test_atom_entry_with_escaped_html_and_iso_date() -> None:
    esc = f"&lt;p&gt;{LEAD}&lt;/p&gt;&lt;p&gt;{SECOND}&lt;/p&gt;"
    atom = (f'<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>某市召开重点工作推进会议</title>'
            f'<link href="http://example.cn/a"/><published>2024-03-05T08:00:00+08:00</published>'
            f'<content type="html">{esc}</content></entry></feed>')
    doc = normalise(atom)
    assert doc.text.split("\n") == ["某市召开重点工作推进会议", LEAD, SECOND] and doc.published == "2024-03-05"
    assert markup.feed_date("Sun, 31 Feb 2024 08:00:00 GMT") is None


# -- articles in source-code string literals ----------------------------------------------------------
JAVA = f"""    public static void main(String[] args) throws Exception {{
        String url = "http://example.cn/a.gif";
        System.out.println(url);
        String content = "<td>\\n" +
                "\\t\\t<p style=\\"TEXT-INDENT: 26px\\">{LEAD}</p>\\n" +
                "<p style=\\"TEXT-INDENT: 26px\\">{SECOND}</p></td>";
        content = content.replaceAll(url, "/pic");
        System.out.println(content);
    }}
}}
"""


def test_java_string_concatenation_is_the_article() -> None:
    assert wrappers.looks_like_code(JAVA) and not wrappers.looks_like_js(JAVA)
    doc = normalise(JAVA)
    assert doc.kind == "code" and doc.text.split("\n") == [LEAD, SECOND] and doc.title is None
    i = doc.text.index(SECOND)
    a, b = doc.source_span(i, i + len(SECOND))
    assert doc.original[a:b] == SECOND


def test_prose_and_markup_are_not_code() -> None:
    assert not wrappers.looks_like_code(f"{LEAD}\n{SECOND}\n（记者 王某）\n")
    assert not wrappers.looks_like_code(f"<div>\n<p>{LEAD}</p>\n</div>\n")
    assert markup.extract("int main() {\n  printf(\"hello\");\n  return 0;\n}\n").kind == "text"  # no prose


def test_js_title_only_from_the_page_object_not_a_share_object() -> None:
    js = (f'var app = getApp();\nPage({{\n  data: {{\n    title: "",\n    content: "{LEAD}\\n{SECOND}",\n  }},\n'
          '  onShareAppMessage: function () {\n    var shareObj = {\n      title: "在某校 | 你想要的，都在这里",\n'
          "    };\n    return shareObj;\n  },\n})\n")
    doc = normalise(js)
    assert doc.kind == "js" and doc.title is None and doc.text.split("\n") == [LEAD, SECOND]
    strings = wrappers.js_strings(js)
    assert len({s.scope for s in strings if s.value}) == 2


# -- headline element, dateline, side bar ---------------------------------------------------------------
def test_headline_element_matching_the_title_beats_a_section_label() -> None:
    page = (f"<html><head><title>某市召开重点工作推进会议</title></head><body>"
            f'<div><img src="logo.png"/></div><h1><b>新闻中心</b></h1>'
            f'<div><a href="#"><img src="back.png"/></a></div><h4>某市召开重点工作推进会议</h4>'
            f"<p>{LEAD}</p><p>{SECOND}</p></body></html>")
    doc = normalise(page)
    assert doc.title == "某市召开重点工作推进会议" and doc.text.split("\n") == [doc.title, LEAD, SECOND]


def test_dateline_in_the_header_is_metadata_but_not_in_the_body() -> None:
    page = "\n".join(["某市召开重点工作推进会议", "2024年03月05日 09:00:00", LEAD, SECOND, "某市人民政府办公室", "2024年3月5日"])
    c = boilerplate.clean(Tracked.identity(page))
    assert c.published == "2024-03-05" and c.title == "某市召开重点工作推进会议"
    assert c.body.text.split("\n") == ["某市召开重点工作推进会议", LEAD, SECOND, "某市人民政府办公室", "2024年3月5日"]


def test_byline_after_the_body_does_not_pick_a_related_link_as_headline() -> None:
    page = "\n".join(["某市召开重点工作推进会议", LEAD, SECOND, "相关新闻", "另一条新闻 您看了吗？", "责任编辑：某某"])
    c = boilerplate.clean(Tracked.identity(page))
    assert c.title == "某市召开重点工作推进会议" and c.body.text.split("\n") == ["某市召开重点工作推进会议", LEAD, SECOND]


def test_side_bar_after_the_article_goes_but_lists_and_headings_stay() -> None:
    tail = ["时政要闻", "工作动态", "专题推荐"]
    c = boilerplate.clean(Tracked.identity("\n".join(["某市召开重点工作推进会议", LEAD, SECOND, *tail])))
    assert c.body.text.split("\n") == ["某市召开重点工作推进会议", LEAD, SECOND] and c.removed["navigation"] == 3
    listed = ["某市召开重点工作推进会议", LEAD, "参加会议的单位有：", "市财政局", "市税务局", "市审计局"]
    assert boilerplate.clean(Tracked.identity("\n".join(listed))).body.text.split("\n") == listed
    headed = ["某市召开重点工作推进会议", LEAD, "一、总体要求", "二、重点任务", "三、保障措施", SECOND]
    assert boilerplate.clean(Tracked.identity("\n".join(headed))).body.text.split("\n") == headed


# -- held-out set 2 against its gold ----------------------------------------------------------------------
GOLD2 = sorted((HELDOUT2 / "gold").glob("*.json"))


@pytest.mark.parametrize("gold_path", GOLD2, ids=[p.stem[:24] for p in GOLD2])
def test_heldout2_file_is_the_article(gold_path: Path) -> None:
    assert_article_matches_gold(gold_path, no_title_means_none=True)


@pytest.mark.growth
def test_new_wrapper_checks_stay_linear() -> None:
    for unit in ("<item><title>a", "(1,'a\\'", '"a" + "b" +\n', "<entry><![CDATA[x"):
        src = unit * 400
        t0 = time.perf_counter()
        markup.extract(src)
        small = time.perf_counter() - t0
        t0 = time.perf_counter()
        markup.extract(src * 8)
        assert time.perf_counter() - t0 < max(0.05, small) * 24, unit


@pytest.mark.growth
def test_menu_runs_and_datelines_stay_linear() -> None:
    unit = ["时政要闻", "工作动态", "专题推荐", "2024年03月05日", SECOND]

    def run(n: int) -> float:
        page = Tracked.identity("\n".join(["某市召开重点工作推进会议"] + unit * n))
        t0 = time.perf_counter()
        boilerplate.clean(page)
        return time.perf_counter() - t0

    small = min(run(300) for _ in range(3))  # best of three: the machine may be busy
    assert min(run(2400) for _ in range(2)) < max(0.05, small) * 24
