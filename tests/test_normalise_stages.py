"""Each stage on its own: read, decode, offsets, markup, mojibake, pinyin, boilerplate, script, whitespace."""
from __future__ import annotations

import codecs
import os
import unicodedata
import warnings
from pathlib import Path

import pytest

from summarise.normalise import (
    NormaliseError,
    Tracked,
    boilerplate,
    decode,
    markup,
    mojibake,
    normalise,
    pinyin,
    read,
    read_source,
    report,
    script,
    whitespace,
)

TRAD = "中山市小欖鎮召開會議，討論發展問題。這是繁體中文的文章內容，用於測試。鎮黨委書記出席會議並講話。"
SIMP = "小榄镇召开2024年村镇低效工业园改造升级工作推进会，总结上半年工作经验。"


# -- read -------------------------------------------------------------------------------------
def test_read_source_rules(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes(SIMP.encode())
    assert read_source(f) == (SIMP.encode(), str(f))
    assert read_source(f, name="x") == (SIMP.encode(), "x")
    assert read_source(b"abc") == (b"abc", "<bytes>")
    assert read_source("no such file.txt") == ("no such file.txt", "<text>")
    assert read_source(str(f) + "\n")[0] == str(f) + "\n"  # a newline makes it text
    with pytest.raises(NormaliseError, match="directory"):
        read_source(tmp_path)


# -- decode -----------------------------------------------------------------------------------
@pytest.mark.parametrize("data,enc", [
    (SIMP.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + SIMP.encode("utf-8"), "utf-8-sig"),
    (SIMP.encode("utf-16"), "utf-16"),
    (SIMP.encode("gb2312"), "gb18030"),
    (SIMP[:8].encode("gb2312"), "gb18030"),
    (TRAD.encode("big5"), "big5hkscs"),
    (TRAD[:12].encode("big5"), "big5hkscs"),
    (b'<html><head><meta charset="gbk"></head><body>' + SIMP.encode("gbk") + b"</body></html>", "gb18030"),
])
def test_decode_encodings(data: bytes, enc: str) -> None:
    text, got = decode.decode(data, "t")
    assert got == enc
    assert "镇" in text or "鎮" in text


@pytest.mark.parametrize("data,msg", [
    (b"", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
    (b"%PDF-1.4\n", "PDF"),
    (b"abc\x00\x00def", "binary"),
    (codecs.BOM_UTF16_LE + b"\x00\xd8", "utf-16"),
])
def test_decode_errors_name_the_file(data: bytes, msg: str) -> None:
    with pytest.raises(NormaliseError, match=msg) as info:
        decode.decode(data, "page.bin")
    assert "page.bin" in str(info.value)


@pytest.mark.parametrize("source,msg", [(b"  \n\t ", "whitespace"), ("   ", "whitespace"), (b"", "empty"),
                                        ("图片\n分享到：\n相关文章", "no article text")])
def test_normalise_errors(source: str | bytes, msg: str) -> None:
    with pytest.raises(NormaliseError, match=msg):
        normalise(source, name="input.txt")


def test_normalise_error_for_png_file(tmp_path: Path) -> None:
    f = tmp_path / "photo.txt"
    f.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    with pytest.raises(NormaliseError, match=r"photo\.txt.*PNG"):
        normalise(f)


# -- offsets ----------------------------------------------------------------------------------
def test_tracked_replace_maps_spans() -> None:
    t = Tracked.identity("abcdef")
    u = t.replace([(1, 2, "X"), (3, 5, "Y"), (6, 6, "!")])
    assert u.text == "aXcYf!"
    assert list(zip(u.starts, u.ends)) == [(0, 1), (1, 2), (2, 3), (3, 5), (5, 6), (6, 6)]
    assert u.span(3, 4) == (3, 5)
    assert u.span(2, 2) == (2, 2)
    joined = Tracked.join([t[0:2], t[4:6]], "\n")
    assert joined.text == "ab\nef" and joined.span(2, 3) == (2, 2)


# -- markup -----------------------------------------------------------------------------------
def test_markup_kind_detection() -> None:
    assert markup.detect_format('{"title": "x", "content": "<p>y</p>"}') == "json"
    assert markup.detect_format("<!DOCTYPE html><html><body><p>x</p></body></html>") == "html"
    assert markup.detect_format("增长?!?/span>绩东二社区") == "text"
    assert markup.detect_format("{not json") == "text"


def test_markup_html_blocks_captions_and_spans() -> None:
    page = ("<html><head><title>T</title><script>var x='会议';</script></head><body>"
            "<h1>标题在此处</h1><p>第一段&ldquo;内容&rdquo;。</p><p><img src='a.jpg'></p><p>活动现场</p>"
            "<p>第二<b>段</b>内容。</p></body></html>")
    ext = markup.extract(page)
    assert ext.kind == "html" and ext.title == "标题在此处"
    lines = [ln for ln in ext.body.text.split("\n") if ln.strip()]
    assert lines == ["标题在此处", "第一段“内容”。", "第二段内容。"]
    i = ext.body.text.index("第二段")
    a, b = ext.body.span(i, i + 4)
    assert page[a:b] == "第二<b>段</b>内"
    assert ext.removed["caption"] == 1


def test_markup_json_record() -> None:
    raw = '{"id":1,"title":"\\u201c会议\\u201d召开","releaseDate":"2019-06-29","content":"<p>正文第一段。<\\/p><p>第二段。<\\/p>"}'
    ext = markup.extract(raw)
    assert ext.kind == "json" and ext.title == "“会议”召开" and ext.published == "2019-06-29"
    assert [ln for ln in ext.body.text.split("\n") if ln.strip()] == ["“会议”召开", "正文第一段。", "第二段。"]


def test_entities_including_ones_that_lost_their_ampersand() -> None:
    t, n = markup.fix_entities(Tracked.identity("产业发展ldquo;新高地rdquo;！&amp;ldquo;A&nbsp;B"))
    assert t.text == "产业发展“新高地”！“A\u00a0B" and n >= 3
    kept, n = markup.fix_entities(Tracked.identity("worldquo; Xnbsp; 5 &lt b"))
    assert kept.text == "worldquo; Xnbsp; 5 &lt b" and n == 0


# -- mojibake ---------------------------------------------------------------------------------
def _damage(good: str) -> str:
    """Simulate the GBK byte shift: 。 → '?', the next lead byte loses its high bit."""
    raw = good.encode("gb18030")
    assert raw.startswith("。".encode("gb18030")) and raw[2] == 0xA1
    return "?" + chr(raw[2] & 0x7F) + raw[3:].decode("gb18030", errors="replace")


def test_mojibake_repairs_seed_damage() -> None:
    damaged = "達190億元?!肮じ摹贬尫懦隽诵\ue51e旄哔|(zhì)量發展"
    out, n = mojibake.repair(Tracked.identity(damaged))
    assert n == 1 and out.text == "達190億元。“工改”釋放出了小欖高質(zhì)量發展"


def test_mojibake_lost_pair_before_tag() -> None:
    out, n = mojibake.repair(Tracked.identity("“我们社区的项目增长?!?/span>李冰说。"))
    assert n == 1 and out.text == "“我们社区的项目增长。”</span>李冰说。"


def test_mojibake_accepts_only_clean_repairs() -> None:
    assert mojibake.is_clean("。“工改”釋放") and not mojibake.is_clean("じ") and not mojibake.is_clean("\ue51e")
    for text in ("真的吗?!我不信。", "价格?!", "what?!ok", "好?!じ"):
        out, n = mojibake.repair(Tracked.identity(text))
        if n:  # a repair may only happen when its result is clean
            assert mojibake.is_clean(out.text)
        else:
            assert out.text == text
    assert mojibake.repair(Tracked.identity("真的吗?!我不信。"))[1] == 0


# -- pinyin -----------------------------------------------------------------------------------
def test_the_shipped_syllable_inventory_covers_the_installed_pypinyin() -> None:
    """The file was written from pypinyin 0.55 (older releases lack a syllable or two, never add one)."""
    missing = pinyin.derive_syllables() - pinyin.syllables()
    assert not missing, f"{sorted(missing)}: regenerate the file (see pinyin.derive_syllables)"
    assert len(pinyin.syllables()) >= 400


def test_pinyin_accepts_every_toned_syllable_of_the_dictionary() -> None:
    from pypinyin.pinyin_dict import pinyin_dict

    readings = {r for v in pinyin_dict.values() for r in v.split(",")}
    assert len(readings) >= 1500
    assert all(pinyin.classify(r) is not None for r in readings)
    assert pinyin.classify("xué") == "toned" and pinyin.classify("lǜ") == "toned"
    toned_nfd = unicodedata.normalize("NFD", "dāng")
    assert pinyin.classify(toned_nfd) == "toned"


@pytest.mark.parametrize("word", ["café", "WTO", "社区", "扩大", "a", "1", "abc", "zzz", "dang1"])
def test_pinyin_classify_rejects_or_toneless(word: str) -> None:
    assert pinyin.classify(word) in (None, "toneless")
    assert pinyin.classify(word) != "toned"


def test_pinyin_removes_annotations_and_keeps_real_parentheses() -> None:
    src = "當(dāng)前會(huì)議發(fā)布,各村(社區(qū))、黨委(擴(kuò)大)會議,加入(WTO),咖啡(café),第(1)條"
    out, n = pinyin.remove_annotations(Tracked.identity(src))
    assert out.text == "當前會議發布,各村(社區)、黨委(擴大)會議,加入(WTO),咖啡(café),第(1)條"
    assert n == 5


def test_pinyin_toneless_only_with_several_toned() -> None:
    few = "我的(de)书(a),當(dāng)前"
    assert pinyin.remove_annotations(Tracked.identity(few))[0].text == "我的(de)书(a),當前"
    many = "當(dāng)前會(huì)議發(fā)布的(de)通知"
    assert pinyin.remove_annotations(Tracked.identity(many))[0].text == "當前會議發布的通知"


def test_pinyin_toneless_glossing_of_a_whole_page() -> None:
    """A mirror that glosses without tone marks (国(guo)(guo)务(wu)院) is cleaned by the count alone."""
    page = "国(guo)(guo)务(wu)院总理(li)李(li)强(qiang)主持召开全(quan)体(ti)会(hui)议(yi)。"
    out, n = pinyin.remove_annotations(Tracked.identity(page))
    assert out.text == "国务院总理李强主持召开全体会议。" and n == 10
    few = "方案(a)、方案(b)与工作(de)安排(an)。"  # below the count: left as written
    assert pinyin.remove_annotations(Tracked.identity(few))[0].text == few


def test_pinyin_no_fixed_character_list() -> None:
    """Any character can carry an annotation: another mirror annotates other characters."""
    out, n = pinyin.remove_annotations(Tracked.identity("龍(lóng)舟賽(sài)事"))
    assert out.text == "龍舟賽事" and n == 2


# -- boilerplate ------------------------------------------------------------------------------
@pytest.mark.parametrize("line,cat", [
    ("大香网伊人久久综合网2020_97久久国产亚洲精品超碰热_久久香蕉国产视频", "spam_title"),
    ("无障碍版 长者助手 登录", "navigation"),
    ("您当前的位置: > >", "navigation"),
    ("当前位置:首页 > 中山产业信息 > 正文内容", "navigation"),
    ("图片", "image_placeholder"),
    ("信息来源:中山市小榄镇融媒体中心 发布日期:2024-08-02 分享:", "metadata"),
    ("admin1年前 (2024-09-27)中山产业信息36", "metadata"),
    ("增值电信业务经营许可证:粤B2-20160575B1-20203854", "licence"),
    ("② 本网未注明“来源”为“中山日报”的文/图等稿件均为转载稿", "copyright"),
    ("或微信/手机:13391219793", "advertisement"),
    ("产业招商/厂房土地租售:400 0123 021", "advertisement"),
    ("标签: 中山工业园", "tag_line"),
    ("分享给朋友:", "share"),
    ("QQ空间 新浪微博 人人网 开心网 更多", "share"),
    ("精品课程助力乡村振兴", None),
    ("会议要求，各单位要通过微信公众号、门户网站等渠道加强宣传，及时发布政策解读，回应群众关切，营造良好氛围。", None),
    ("各村(社区)要树立强烈的危机感。", None),
])
def test_classify_line(line: str, cat: str | None) -> None:
    assert boilerplate.classify_line(line) == cat


def test_clean_headline_metadata_and_related_cut() -> None:
    page = "\n".join([
        "当前位置:首页 > 新闻", "某市召开工作会议", "来源:某市融媒体中心 发布时间:2024-03-05", "图片",
        "3月4日，某市召开工作会议，部署全年重点工作。市长出席会议并讲话，要求各部门狠抓落实。",
        "会议强调，要坚持问题导向，加快推进重点项目建设，确保全年目标任务圆满完成。",
        "相关新闻", "另一篇文章的标题", "另一篇文章有自己的数字5亿元。",
    ])
    c = boilerplate.clean(Tracked.identity(page))
    assert c.title == "某市召开工作会议" and c.published == "2024-03-05" and c.publisher == "某市融媒体中心"
    assert c.body.text.split("\n") == [page.split("\n")[1], page.split("\n")[4], page.split("\n")[5]]
    assert c.removed["related_articles"] == 3


@pytest.mark.parametrize("nav", ["上一页:某区召开城乡环境整治会议.. 下一页:李玉洲主持召开规划方案论证会..",
                                 "上一条：某区召开城乡环境整治会议", "下一篇 > 李玉洲主持召开规划方案论证会"])
def test_previous_and_next_item_links_after_the_body_are_cut(nav: str) -> None:
    body = "8月29日下午，副区长李保生到新区调度项目进展情况并召开调度会，要求各部门加快建设速度，按时完成工程。"
    c = boilerplate.clean(Tracked.identity("\n".join(["某区副区长到新区调度项目", body, nav])))
    assert c.body.text.split("\n") == ["某区副区长到新区调度项目", body] and "李玉洲" not in c.body.text


def test_parse_date() -> None:
    assert boilerplate.parse_date("2011年09月26来源：") == "2011-09-26"
    assert boilerplate.parse_date("发稿时间：2021/6/9") == "2021-06-09"
    assert boilerplate.parse_date("2024-13-40") is None


# -- script -----------------------------------------------------------------------------------
def test_script_gate() -> None:
    out, n, s = script.convert(Tracked.identity(TRAD))
    assert s == "traditional" and n > 5 and "会议" in out.text and len(out.text) == len(TRAD)
    out, n, s = script.convert(Tracked.identity("广东民昇食品有限公司" + SIMP))
    assert s == "simplified" and n == 0 and "民昇" in out.text
    assert script.detect_script(TRAD) == "traditional" and script.detect_script(SIMP) == "simplified"


@pytest.mark.parametrize("gap", [" ", "  "])  # the tidied article is its page lines as they stood, or not
def test_the_article_is_converted_as_a_conversion_of_its_own_text(gap: str) -> None:
    page = f"首頁 > 新聞中心\n\n{TRAD}\n 鎮長{gap}王小明表示，會議很重要，發展問題要抓緊。 \n版權所有 © 小欖鎮\n"
    doc = normalise(page)
    assert doc.script == "traditional"
    article = f"{TRAD}\n鎮長 王小明表示，會議很重要，發展問題要抓緊。"
    assert doc.text == script.to_simplified(article)
    assert doc.removed["script_conversion"] == script.count_changed(article, doc.text)


# -- whitespace -------------------------------------------------------------------------------
def test_width_and_spaces() -> None:
    src = "\u3000\u3000投资９２．４亿元，增长９５％，ＧＤＰ　（一）“引号”、。\r\n\r\n\n第二段\u00a0 内容\u200b。 "
    t = whitespace.tidy(whitespace.normalise_width(Tracked.identity(src))[0])
    assert t.text == "投资92.4亿元，增长95%，GDP （一）“引号”、。\n第二段 内容。"
    assert len(t.starts) == len(t.text)


# -- pipeline ---------------------------------------------------------------------------------
def test_report_lists_categories(seeds_dir: Path) -> None:
    doc = normalise(next(seeds_dir.glob("000_*.txt")))
    text = report(doc)
    assert "233" in text and "pinyin" in text and "spam_title" in text and doc.name in text


def test_str_text_and_path_agree(seeds_dir: Path) -> None:
    f = next(seeds_dir.glob("001_*.txt"))
    assert normalise(f).text == normalise(f.read_text(encoding="utf-8")).text == normalise(f.read_bytes()).text
    with pytest.warns(DeprecationWarning, match=r"Pass pathlib.Path\("):
        assert normalise(str(f)).name == str(f)


def test_text_keyword_is_never_a_file(tmp_path: Path) -> None:
    f = tmp_path / "secret.txt"
    f.write_text(SIMP, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        doc = normalise(text=str(f))
        assert doc.text == str(f) and doc.name == "<text>"
        assert normalise(text="page.html").text == "page.html"  # no "no such file" either
    with pytest.raises(TypeError, match="not both"):
        normalise(f, text=SIMP)
    with pytest.raises(TypeError, match="needs the article"):
        normalise()
    with pytest.raises(TypeError, match="takes a str"):
        normalise(text=f)  # type: ignore[arg-type]


LEAD = "3月4日上午，某市召开全市重点工作推进会议。市委书记张某某主持会议并讲话，市长李某某出席会议。"
TITLE = "某市召开重点工作推进会议"
SECOND = "会议强调，要狠抓落实，确保各项任务按期完成，以优异成绩迎接检查验收。"


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
