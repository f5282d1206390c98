"""RSS and Atom items: title, body (escaped HTML) and publication date."""
from __future__ import annotations

from summarise.normalise import markup, normalise

LEAD = "3月4日上午，某市召开全市重点工作推进会议。市委书记张某某主持会议并讲话，市长李某某出席会议。"
SECOND = "会议强调，要狠抓落实，确保各项任务按期完成，以优异成绩迎接检查验收。"
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
