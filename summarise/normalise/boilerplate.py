"""Page chrome → article: classify lines, find the headline, pull metadata, cut related lists.

Works line by line on text that may still be traditional: every rule matches the line's
simplified form (OpenCC), so one keyword list serves both scripts.  Rules describe the genre
(Chinese government/news pages and their mirrors), not any one page:

* lines dropped wherever they occur: spam titles, navigation and accessibility bars, share
  widgets, tag lines, image placeholders, metadata lines (their date/source are kept as
  metadata), copyright notices, licence numbers, short advertisement lines;
* a line that is only a date/time in the page header is the page's dateline (metadata);
* the headline is the content line just before the first metadata line of the header (a byline
  after the body has begun does not count), else the line the markup's headline element / JSON
  or row title names, else a headline-like first line; chrome before it goes;
* runs of short menu lines are navigation when a nav word anchors them, or when they trail the
  article's last sentence with no content after them (a side bar);
* a "related articles" heading after the article ends it: it and everything after are cut.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .offsets import Tracked, line_starts
from .script import to_simplified

# -- vocabulary ---------------------------------------------------------------------------------
STRONG_SPAM = ("久久", "超碰", "无码", "伊人", "福利", "午夜", "成人", "人妻", "一区二区", "日韩", "欧美",
               "色综合", "综合网", "在线观看", "中文字幕", "偷拍", "自拍", "av", "吃瓜")
WEAK_SPAM = ("国产", "精品", "视频", "亚洲", "高清", "免费", "香蕉", "蜜桃", "狠狠", "合集", "大香")
# any spam keyword at all: a line without one is no spam title (neither rule of is_spam_title can fire)
_ANY_SPAM_WORD = re.compile("|".join(re.escape(k) for k in STRONG_SPAM + WEAK_SPAM))
NAV_WORDS = frozenset("""无障碍 无障碍版 无障碍浏览 长者助手 长者模式 关怀版 登录 注册 退出 首页 网站首页 返回首页
网站地图 隐私安全 隐私政策 站外导航 版权所有 常见问题 联系方式 联系我们 关于我们 返回顶部 打印 打印本页 关闭 关闭窗口
收藏 加入收藏 设为首页 繁体 简体 繁體 简体版 繁体版 English 手机版 移动版 搜索 > >> » › | / · - — 【 】 [ ] 字体 大 中 小
默认 字号 网站导航 导航 English版 RSS 订阅 纠错 我要纠错""".split())
SHARE_WORDS = frozenset("""分享 分享到 分享到: 分享到： 分享: 分享： 分享给朋友 分享给朋友: 分享给朋友： QQ空间 QQ好友 新浪微博 腾讯微博
人人网 开心网 豆瓣 微信 朋友圈 微博 更多 复制链接 百度 网易 搜狐""".split())

_IMAGE = re.compile(r"[\[【(（]?\s*(?:图片|图|组图|点击查看大图|配图|视频|资料图片?|新闻图片|图集)\s*[\]】)）]?")
_NAV = re.compile(r"(?:您?当前(?:的)?位置|您的位置|当前页面|所在位置)\s*[:：>]|^首页\s*(?:[>»›/|]|\s)")
_FONT = re.compile(r"字[体号]\s*[:：]\s*(?:[【\[]?\s*大\s*中\s*小|$)")  # 字体：大 中 小, or the label alone
_TAG = re.compile(r"^\s*(?:标签|关键词|关键字|tags?)\s*[:：]", re.I)
_META = re.compile(r"(?:信息来源|文章来源|稿件来源|来源|发布日期|发布时间|发稿时间|发表时间|发布人|发布者|作者|责任编辑|编辑|"
                   r"审核|浏览次数|浏览量|点击数|阅读数|访问量|更新时间)\s*[:：]")
_META_SHORT = re.compile(r"^(?:[-·•*]\s*)?(?:时间|日期|文|图|作者|来源|编辑|撰稿|供稿)\s*[:：]")
# A page's field line (学校: 商丘市外国语实验小学, 栏目：工作动态) or the label of a headline below it (原题:).
_FIELD = re.compile(r"^(?:学校|单位|部门|栏目|所属栏目|类别|分类|所属分类|文章类别|频道|发布单位|发布部门|来源单位|主办单位"
                    r"|供稿单位|原题|原标题|标题|题目)\s*[:：]\s*[^:：。，,]{0,30}$")
# A photo caption (会议现场, 会议现场。 图 张三 摄, 图为…, 图为…现场。 记者 张三 摄, 摄影：李四) or a site's greeting (欢迎访问…).
_CAPTION = re.compile(r"^(?:[\u4e00-\u9fff]{0,8}现场[。.]?(?:\s*(?:图|摄影)?\s*[/:：]?\s*[\u4e00-\u9fff]{2,4}\s*摄)?"
                      r"|图为[^。]{0,60}(?:[。.]?\s*(?:(?:图|摄影|记者|通讯员)\s*[/:：]?\s*)?[\u4e00-\u9fff]{2,4}\s*摄)?"
                      r"|[^。]{0,40}[。.\s](?:图|摄影|摄)\s*[/:：]?\s*[\u4e00-\u9fff]{2,4}\s*摄"
                      r"|(?:图|摄影)\s*[/:：]\s*[\u4e00-\u9fff]{2,4}(?:\s*摄)?)$")
_GREETING = re.compile(r"^(?:欢迎(?:您)?(?:访问|光临|来到|登录|进入)|热烈欢迎您)")
_REPOST = re.compile(r"^\S{0,30}?\d+\s*(?:年|个月|月|周|天|小时|分钟)前\s*[(（]\s*\d{4}-\d{1,2}-\d{1,2}")
_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*[-/年.]\s*(\d{1,2})\s*[-/月.]\s*(\d{1,2})(?!\d)")
_SOURCE = re.compile(r"(?:信息来源|文章来源|稿件来源|来源)\s*[:：]\s*([^\s:：|]{2,40}?)(?=\s|$|[|｜]|发布|发稿|作者|编辑|时间|日期|浏览|分享)")
_CIRCLED = re.compile(r"^[\u2460-\u2473\u2776-\u277f]")
_COPYRIGHT_WORDS = re.compile(r"版权|转载|本网|著作权|来源")
_COPYRIGHT = re.compile(r"版权声明|版权所有|免责声明|copyright|all rights reserved|©", re.I)
_LICENCE = re.compile(r"icp[备证]|增值电信业务经营许可证|公网安备|网安备|(?<![A-Za-z])[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼]b2-\d", re.I)
_PHONE = re.compile(r"(?<!\d)(?:1[3-9]\d{9}|400[-\s]?\d{3,4}[-\s]?\d{3,4}|0\d{2,3}-\d{7,8})(?!\d)")
_AD_WORDS = re.compile(r"微信|扫一扫|扫码|长按|二维码|加微|联系电话|手机号|咨询热线|热线电话|qq[:：]", re.I)
_RELATED = re.compile(r"^(?:相关文章|相关信息|相关新闻|相关报道|相关阅读|相关链接|相关稿件|延伸阅读|推荐阅读|热门文章|热点新闻|热门推荐|"
                      r"猜你喜欢|更多新闻|更多阅读|最新新闻|最新文章|新闻推荐|往期回顾|上一篇|下一篇|上一页|下一页|上一条|下一条)\s*(?:[:：>»].{0,80})?"
                      r"(?:\s*(?:下一篇|下一页|下一条)\s*[:：>»].{0,80})?$")  # 上一页:… 下一页:… on one line
_SOURCE_LINK = re.compile(r"原文链接|原文地址|阅读原文|查看原文|原文出处|首发地址|本文链接|转载地址")
# a line that is only a date (and time / weekday): a page's dateline under or over its headline
_DATELINE = re.compile(r"^(?:19|20)\d{2}\s*[-/年.]\s*\d{1,2}\s*[-/月.]\s*\d{1,2}\s*日?"
                       r"(?:\s*(?:[01]?\d|2[0-3])\s*[:：时]\s*[0-5]\d(?:\s*[:：分]\s*[0-5]\d秒?)?)?"
                       r"(?:\s*(?:星期|周|礼拜)[一二三四五六日天])?"
                       r"(?:\s+(?:来源[:：]?\s*)?[\u4e00-\u9fff]{2,12}(?:报|网|台|社|刊|中心|电视台|新闻网|日报|晚报|在线|客户端))?$")
_SENTENCE_END = re.compile(r"[。！？!?…”」』]$")
_DATE_LABEL = re.compile(r"(?:发布日期|发布时间|发稿时间|发表时间|更新时间|日期|时间)\s*[:：]\s*$")
# nav-menu items: short, no sentence punctuation or digits, not an enumerated heading (一、总体要求)
_MENU_PUNCT = re.compile(r"[。，、；：！？,.;:!?“”\"'‘’（）()《》\d]")
_ENUMERATED = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|第[一二三四五六七八九十百\d]+|[（(][一二三四五六七八九十\d]+[)）])")
_MENU_MARK = re.compile(r"\s*(?:>|>>|»|›|\||｜|/)\s*$")
_MENU_MARKS = (">", "»", "›", "|", "｜", "/")  # _MENU_MARK matches iff the right-stripped line ends with one
_HAN = re.compile(r"[\u3400-\u9fff]")
_NOT_HEADLINE_END = re.compile(r"[。，,；;：:、]$")
_PUNCT_ONLY = re.compile(r"^[\W_]+$")

# Quick tests for patterns whose search cannot skip ahead to a first character (look-behinds,
# re.I, optional prefixes): each match of the pattern holds one of these needles, so a line with
# none of them needs no search.  (A plain alternation of literals scans fast.)
_LICENCE_NEEDLES = re.compile("备|证|2-")
_COPYRIGHT_NEEDLES = re.compile("版|免|©|c|C|a|A")  # under re.I, c/C and a/A are the only forms of c and a
_NAV_NEEDLES = re.compile("位置|当前页面|首页")
_PHONE_NEEDLES = re.compile("0|1|4")

# the heading of a periodical column or digest page, not of an article: a short label and, in
# brackets, the period it covers or its issue (每周一学（2021年12月6日—12月12日）, 理论学习（第12期）)
_DAY = r"(?:\d{4}\s*[年./-]\s*)?(?:\d{1,2}\s*[月./-]\s*)?\d{1,2}\s*日?"
_COLUMN_HEADING = re.compile(rf"^[\u4e00-\u9fff]{{2,8}}\s*[（(](?:{_DAY}\s*[—–~～\-－至到]+\s*{_DAY}|第\s*[\d一二三四五六七八九十百]+\s*期)[)）]$")
# a hit counter whose number was written by a script leaves its unit on a line of its own
_COUNTER_LABEL = re.compile(r"(?:点击|浏览|阅读|访问)(?:数|量|次数)?\s*[:：]?\s*$")
_COUNTER_UNIT = re.compile(r"^人?次$")

AD_MAX = 48
MENU_ITEM_MAX = 6  # characters of one nav-menu item
MENU_RUN_MIN = 3  # items in a run of menu lines
SOURCE_LINK_MAX = 30
META_MAX = 100
HEADLINE_MAX = 80
HEADER_LINES = 12


@dataclass
class Cleaned:
    """Article lines (headline first when found) and what the page said about itself."""

    body: Tracked
    title: str | None = None
    published: str | None = None
    publisher: str | None = None
    removed: dict[str, int] = field(default_factory=dict)
    # The body's lines, stripped, and the same lines converted to simplified characters (the page's
    # one conversion, for the script stage to reuse)
    lines: list[str] = field(default_factory=list)
    simplified: list[str] = field(default_factory=list)


# A source field that spam wrote: a site name dated by a year (2024新老某某网站), a brand with a latin
# code glued before it (ng28某某公司), or gambling words.
_SPAM_SOURCE = re.compile(r"^(?:(?:19|20)\d\d\D[^\s]*网站$|[A-Za-z]{1,4}\d{2,}[\u4e00-\u9fff])|博彩|彩票|棋牌|开奖")


def is_spam_title(s: str) -> bool:
    """Two or more spam keywords (one of them unambiguous), or '_'-joined keyword runs."""
    if "。" in s or len(s) > 200:
        return False
    low = s.lower()
    if _ANY_SPAM_WORD.search(low) is None:
        return False
    strong = sum(len(re.findall(rf"(?<![a-z0-9]){k}(?![a-z0-9])", low)) if k.isascii() else low.count(k) for k in STRONG_SPAM)
    weak = sum(low.count(k) for k in WEAK_SPAM)
    if strong >= 1 and strong + weak >= 2:
        return True
    parts = [p for p in s.split("_") if p]
    return len(parts) >= 2 and sum(1 for p in parts if any(k in p for k in STRONG_SPAM + WEAK_SPAM)) >= 2


def is_advertisement(s: str) -> bool:
    """Short line with a phone number or a WeChat/QR call to action."""
    return len(s) <= AD_MAX and bool(_search(_PHONE, _PHONE_NEEDLES, s) or _AD_WORDS.search(s))


def _search(rx: re.Pattern[str], needles: re.Pattern[str], s: str) -> re.Match[str] | None:
    """``rx.search(s)``, skipped when ``s`` holds none of the needles (one is in every match of ``rx``)."""
    return rx.search(s) if needles.search(s) else None


def words(s: str) -> list[str]:
    """The words of a line: split at white space, "|" and "｜" (as the regex ``[\\s|｜]+`` would)."""
    return s.replace("|", " ").replace("｜", " ").split()


def classify_line(s: str) -> str | None:
    """Category of junk for one (simplified, stripped) line, or None for content."""
    if not s:
        return "empty"
    if _IMAGE.fullmatch(s):
        return "image_placeholder"
    if is_spam_title(s):
        return "spam_title"
    if len(s) <= 80 and _search(_LICENCE, _LICENCE_NEEDLES, s):
        return "licence"
    if (_CIRCLED.match(s) and _COPYRIGHT_WORDS.search(s) and len(s) <= 400) or (
            len(s) <= 200 and _search(_COPYRIGHT, _COPYRIGHT_NEEDLES, s)):
        return "copyright"
    if _TAG.match(s):
        return "tag_line"
    tokens = words(s)
    if tokens and all(t in SHARE_WORDS for t in tokens):
        return "share"
    if len(s) <= META_MAX and (_META.search(s) or ("前" in s and _REPOST.match(s))  # 前 is in every _REPOST match
                               or (len(s) <= 40 and (_META_SHORT.match(s) or _FIELD.match(s)))):
        return "metadata"
    if len(s) <= 60 and _CAPTION.match(s):
        return "caption"
    if len(s) <= 60 and _GREETING.match(s):
        return "navigation"
    if tokens and all(t in NAV_WORDS or t in SHARE_WORDS for t in tokens):
        return "navigation"
    if len(s) <= 100 and (_search(_NAV, _NAV_NEEDLES, s) or _FONT.search(s)):
        return "navigation"
    if len(s) <= SOURCE_LINK_MAX and _SOURCE_LINK.search(s):
        return "navigation"  # "read the original" link line of a mirror
    if is_advertisement(s):
        return "advertisement"
    if _PUNCT_ONLY.match(s):
        return "navigation"
    return None


def is_headline(s: str) -> bool:
    """Short, has Han characters, does not end like a clause."""
    return (4 <= len(s) <= HEADLINE_MAX and bool(_HAN.search(s)) and not _NOT_HEADLINE_END.search(s)
            and not s.endswith("。") and not _RELATED.match(s))


def is_paragraph(s: str) -> bool:
    """A body paragraph: longer than a byline and not shaped like a headline."""
    return len(s) > 40 and not is_headline(s)


def parse_date(s: str) -> str | None:
    """First yyyy-mm-dd style date in ``s`` as ISO, or None."""
    for m in _DATE.finditer(s):
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if 1 <= mo <= 12 and 1 <= d <= 31:
            return f"{y:04d}-{mo:02d}-{d:02d}"
    return None


def clean(text: Tracked, title_hint: str | None = None) -> Cleaned:
    """Drop chrome lines, find the headline, extract metadata, cut related lists."""
    lines = text.text.split("\n")  # plain strings: only the kept lines become Tracked slices
    raw = [ln.strip() for ln in lines]
    simp = to_simplified("\n".join(raw)).split("\n")  # one conversion: no phrase spans a line break
    if len(simp) != len(raw):
        simp = [to_simplified(r) for r in raw]
    cats = [classify_line(s) for s in simp]
    removed: dict[str, int] = {}
    published = publisher = None

    _mark_menu_runs(cats, simp, title_hint)
    _mark_datelines(cats, simp)
    _mark_header_chrome(cats, simp)
    nonempty = 0
    for i, cat in enumerate(cats):
        if cat == "empty":
            continue
        nonempty += 1
        if nonempty > HEADER_LINES * 4:
            break
        if cat is not None and cat != "metadata" and published is None and _META.search(simp[i]):
            # a dropped line (copyright, navigation, …) that also carries the page's date label
            published = parse_date(simp[i])
        elif cat == "navigation" and published is None and len(_DATE.findall(simp[i])) == 1:
            # a breadcrumb with the page's date in it (首页 > 教育新闻 > 阅读/2022-10-21 / 加入收藏)
            published = parse_date(simp[i])
        if cat == "metadata":
            published = published or parse_date(simp[i])
            m = _SOURCE.search(raw[i]) or _SOURCE.search(simp[i])
            if m and publisher is None:
                # take the raw span so a simplified page's names are untouched (民昇 stays)
                mr = _SOURCE.search(raw[i])
                publisher = (mr or m).group(1)
                if _SPAM_SOURCE.search(publisher):
                    publisher = None  # a source field spam replaced (2024新老…网站, ng28某某股份有限公司)

    content = [i for i, c in enumerate(cats) if c is None]
    headline = _find_headline(cats, simp, content, title_hint)

    # Related-articles cut: only once real article text has been seen.
    cut = len(lines)
    seen_body = False
    for i in content:
        if headline is not None and i <= headline:
            continue
        if _RELATED.match(simp[i]) and seen_body:
            cut = i
            break
        if len(simp[i]) > 40:
            seen_body = True
    if cut < len(lines):
        removed["related_articles"] = sum(1 for j in range(cut, len(lines)) if simp[j])

    keep: list[int] = []
    for i, cat in enumerate(cats[:cut]):
        if cat is not None:
            if cat != "empty":
                removed[cat] = removed.get(cat, 0) + 1
            continue
        if headline is not None and i < headline:
            removed["navigation"] = removed.get("navigation", 0) + 1
            continue
        if _RELATED.match(simp[i]) and cat is None and (headline is None or i > headline):
            removed["navigation"] = removed.get("navigation", 0) + 1
            continue
        keep.append(i)
    at = line_starts(lines)
    body = Tracked.join((text[at[i]:at[i] + len(lines[i])] for i in keep), "\n")
    title = raw[headline] if headline is not None else None
    return Cleaned(body, title=title, published=published, publisher=publisher, removed=removed,
                   lines=[raw[i] for i in keep], simplified=[simp[i] for i in keep])


def is_menu_item(s: str) -> bool:
    """A nav-menu entry: ≤ 6 characters (a trailing > or | aside), no punctuation or digits, not 一、…"""
    core = (_MENU_MARK.sub("", s) if s.rstrip().endswith(_MENU_MARKS) else s).strip()
    return (1 <= len(core) <= MENU_ITEM_MAX and not _MENU_PUNCT.search(core) and not _ENUMERATED.match(core)
            and not _IMAGE.fullmatch(core))


def _is_nav_anchor(cat: str | None, s: str) -> bool:
    """A line that makes a run of short lines a menu: a known nav word or a breadcrumb step (新闻>)."""
    return (cat == "navigation" and any(t in NAV_WORDS and not _PUNCT_ONLY.match(t) for t in words(s))) or (
        s.rstrip().endswith(_MENU_MARKS) and not _PUNCT_ONLY.match(s) and is_menu_item(s))


def _mark_menu_runs(cats: list[str | None], simp: list[str], hint: str | None) -> None:
    """Re-classify runs of short menu lines as navigation (in place).

    A run is consecutive non-empty lines that are navigation already or menu items; its content
    lines become navigation only when the run has at least MENU_RUN_MIN items, one of them a nav
    anchor (首页, 联系我们, 新闻>).  Real short lines (a headline, 一、总体要求) stand alone between
    paragraphs, so they never form such a run.
    """
    hint_s = re.sub(r"\s+", "", to_simplified(hint)) if hint else None
    runs: list[list[int]] = [[]]
    for i, cat in enumerate(cats):
        if cat == "empty":
            continue
        s = simp[i]
        member = cat == "navigation" or (cat is None and is_menu_item(s) and re.sub(r"\s+", "", s) != hint_s)
        if member:
            runs[-1].append(i)
        elif runs[-1]:
            runs.append([])
    content = [i for i, c in enumerate(cats) if c is None]
    for run in runs:
        items = [j for j in run if not _PUNCT_ONLY.match(simp[j])]
        if len(items) >= MENU_RUN_MIN and (any(_is_nav_anchor(cats[j], simp[j]) for j in items)
                                           or _is_side_bar(run, items, cats, simp, content)):
            for j in items:
                if cats[j] is None:
                    cats[j] = "navigation"


def _is_side_bar(run: list[int], items: list[int], cats: list[str | None], simp: list[str], content: list[int]) -> bool:
    """A menu run after the article's last sentence with no content after it: a side bar or footer
    (时政要闻 / 工作动态 / 专题推荐).  A list the text introduces (参会单位：) does not end a sentence
    before it, and short headings are followed by their paragraphs, so neither qualifies."""
    from bisect import bisect_left

    if not content or content[-1] > run[-1]:  # content follows: not the page's tail
        return False
    k = bisect_left(content, run[0])
    if k == 0:
        return False
    return (bool(_SENTENCE_END.search(simp[content[k - 1]])) and any(len(simp[j]) > 40 for j in content[:k])
            and all(len(_HAN.findall(simp[j])) >= 2 for j in items))


def _mark_datelines(cats: list[str | None], simp: list[str]) -> None:
    """A line that is only a date/time in the page header (before the body's first paragraph) is
    the page's dateline: metadata.  Further down, a bare date is content (a notice's signature date)."""
    seen = 0
    for i, cat in enumerate(cats):
        if cat == "empty":
            continue
        seen += 1
        if seen > HEADER_LINES:
            return
        if cat is None and _DATELINE.match(simp[i]):
            cats[i] = "metadata"
        elif cat is None and is_paragraph(simp[i]):
            return


def _mark_header_chrome(cats: list[str | None], simp: list[str]) -> None:
    """In the page header (before the first paragraph): a periodical column's heading
    (:data:`_COLUMN_HEADING`) names the digest, not the article, and a lone 次 after a metadata
    line ending in a hit-counter label is that counter's unit (in place)."""
    seen = 0
    prev: int | None = None
    for i, cat in enumerate(cats):
        if cat == "empty":
            continue
        seen += 1
        if seen > HEADER_LINES or (cat is None and is_paragraph(simp[i])):
            return
        if cat is None and _COLUMN_HEADING.match(simp[i]):
            cats[i] = "column_heading"
        elif (cat is None and _COUNTER_UNIT.match(simp[i]) and prev is not None and cats[prev] == "metadata"
              and _COUNTER_LABEL.search(simp[prev])):
            cats[i] = "metadata"
        prev = i


def _find_headline(cats: list[str | None], simp: list[str], content: list[int], hint: str | None) -> int | None:
    found = _find_headline_line(cats, simp, content, hint)
    return None if found is None else _main_title(simp, cats, found)


# A title that reports a meeting: it names the convening (…座谈会召开, …在成都举行).
_CONVENES = re.compile(r"召开|举行|举办|开幕|闭幕|开讲")


def _main_title(simp: list[str], cats: list[str | None], i: int) -> int:
    """The main title of a two-line headline: a newspaper sets a kicker above it (争做…排头兵 /
    …工作会议召开) or a subtitle below it (…座谈会召开 / 景俊海讲话 胡玉亭主持, …调度会召开 / 我县组织收听收看).
    Of two adjacent headline lines, the one that reports the convening is the main title."""
    if _CONVENES.search(simp[i]):
        return i
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(simp) and cats[j] == "empty":
            j += step  # blank lines between the two
        if 0 <= j < len(simp) and cats[j] is None and is_headline(simp[j]) and _CONVENES.search(simp[j]) \
                and not simp[j].startswith(("——", "—", "--")):
            return j
    return i


def _find_headline_line(cats: list[str | None], simp: list[str], content: list[int], hint: str | None) -> int | None:
    head = content[:HEADER_LINES]
    if hint:  # a header line that is exactly the markup's headline (h1, title, the record's title field)
        h = re.sub(r"\s+", "", to_simplified(hint))
        first = next((k for k, i in enumerate(content) if is_paragraph(simp[i])), len(content))
        exact = [j for j in content[:max(first, len(head))] if re.sub(r"\s+", "", simp[j]) == h and is_headline(simp[j])]
        if exact:
            return exact[0]
    nonempty = [i for i, c in enumerate(cats) if c != "empty"][: HEADER_LINES * 2]
    for i in nonempty:
        if cats[i] is None and is_paragraph(simp[i]):
            break  # the body has begun: a byline after it (责任编辑) follows the article, not a headline
        if cats[i] == "metadata":
            before = [j for j in head if j < i]
            if before and is_headline(simp[before[-1]]):
                return before[-1]
            break
    if hint:
        h = re.sub(r"\s+", "", to_simplified(hint))
        for j in head:
            s = re.sub(r"\s+", "", simp[j])
            if s and (s == h or (len(s) >= 4 and s in h and len(s) >= 0.5 * len(h))) and is_headline(simp[j]):
                return j
    menu_headline = _after_menu(simp, content)
    if menu_headline is not None:
        return menu_headline
    if head and is_headline(simp[head[0]]):
        return head[0]
    return None


MENU_LINES_MIN = 3  # short label lines before a headline that make them a menu
_LABEL_PUNCT = re.compile(r"[。，,；;！？!?：:]")


def _after_menu(simp: list[str], content: list[int]) -> int | None:
    """The headline right before the first paragraph when every content line above it is a short
    label (≤ 12 characters, no sentence punctuation) and there are several: a site's menu or
    category list (互联网法律法规 / 学校规章制度 / … / 我校召开…会), not the article's first lines."""
    first = next((k for k, i in enumerate(content) if is_paragraph(simp[i])), None)
    if first is None or first < MENU_LINES_MIN + 1:
        return None
    cand = content[first - 1]
    labels = [simp[i] for i in content[:first - 1]]
    if is_headline(simp[cand]) and all(len(x) <= 12 and not _LABEL_PUNCT.search(x) for x in labels):
        return cand
    return None
