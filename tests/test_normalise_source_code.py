"""Articles held in source code: JavaScript template literals and escaped strings, Java string
concatenations, map entries and Android setters, Python strings; prose and markup are not code."""
from __future__ import annotations

from summarise.normalise import markup, normalise, wrappers

LEAD = "3月4日上午，某市召开全市重点工作推进会议。市委书记张某某主持会议并讲话，市长李某某出席会议。"
SECOND = "会议强调，要狠抓落实，确保各项任务按期完成，以优异成绩迎接检查验收。"
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


TITLE = "某市召开重点工作推进会议"


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
