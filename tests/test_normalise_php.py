"""PHP and Smarty templates: blanked code keeps the offsets and the echoed literals, a template
holding the article as data, and a stray short tag that is text."""
from __future__ import annotations

from summarise.normalise import normalise, wrappers

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


LEAD = "3月4日上午，某市召开全市重点工作推进会议。市委书记张某某主持会议并讲话，市长李某某出席会议。"
SECOND = "会议强调，要狠抓落实，确保各项任务按期完成，以优异成绩迎接检查验收。"
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


TITLE = "某市召开重点工作推进会议"


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


def test_a_stray_short_tag_is_text() -> None:
    assert not wrappers.has_php("价格<? 是多少\n" * 3)  # without ?> it opens no PHP


def test_php_template_whose_article_is_test_data() -> None:
    doc = normalise(PHP)
    assert doc.kind == "php" and doc.text == LEAD + SECOND
    assert doc.title is None and doc.published == "2012-12-18"
    assert "ABPM" not in doc.text and doc.removed.get("php_data") == 1


def test_php_page_with_its_own_text_is_still_the_page() -> None:
    page = f"<html><body><?php $x = '短'; ?><h1>{TITLE}</h1><p>{LEAD}</p><p>{SECOND}</p></body></html>"
    doc = normalise(page)
    assert doc.kind == "html" and LEAD in doc.text and doc.removed.get("php") == 1
