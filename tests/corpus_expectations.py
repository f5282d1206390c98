"""Per-file expectations for ../shared/corpus: strings that must / must not appear in doc.text.

Must-appear strings are the headline, a key body sentence and the figures; must-not strings are
page chrome (navigation, share widgets, related lists, captions, footers).  Metadata values are
what the page itself states.
"""
from __future__ import annotations

CORPUS: dict[str, dict] = {
    "01_qinghai-procurement-work-conference_raw.jsp": {
        "kind": "html",
        "title": "青海召开全省政府采购工作会议 规格高内容多意义重大",
        "published": "2011-09-26",
        "publisher": "www.ebid360.com",
        "must": ["9月9日，青海全省政府采购工作会议在西宁市召开。", "150余人参加了会议", "15.21%", "5.1亿元",
                 "“十一五”年均节支率10%", "一是依法采购的意识有待增强", "分别在会上作了经验交流。"],
        "must_not": ["首页", "分享到", "QQ空间", "新浪微博", "相关报道", "安徽淮北采购7台ipad2", "最新新闻",
                     "新闻推荐", "include file", "<", "&nbsp;", "true"],
        "last_line_ends": "经验交流。",
    },
    "02_huangshi-wuhan-investment-promotion-meeting_raw-gb2312.html": {
        "kind": "html",
        "encoding": "gb18030",
        "title": "2021湖北武黄同城暨黄石（光谷）产业投资推介会在武汉举行！",
        "published": "2021-06-09",
        "must": ["6月6日，2021湖北武黄同城暨黄石（光谷）产业投资推介会在武汉举行", "全市共签约33个项目", "175.65亿元",
                 "126.4亿元", "投资40亿元", "6-8亿元", "建设日产6200吨新型绿色智能化熟料生产线"],
        "must_not": ["活动现场", "项目签约仪式", "吴锦（右一）、魏华山（左一）会谈", "字体", "网站地图", "Copyright",
                     "All Rights Reserved", "发稿时间", "doZoom"],
    },
    "03_central-units-procurement-work-conference.txt": {
        "kind": "text",
        "title": "中央单位政府采购改革要实现四个突破",
        "published": "2011-09-02",
        "must": ["8月30日上午9点,中央单位政府采购工作会议在京召开。", "近300人参会", "一是政府采购预算管理实现新突破",
                 "四是政府采购政策功能实现新突破", "等7个方面的工作"],
        "must_not": ["发布时间", "发布人"],
    },
    "04_national-procurement-conference-four-shifts.txt": {
        "kind": "text",
        "title": "政府采购管理改革要实现四个转变",
        "published": "2011-05-31",
        "must": ["5月27日,财政部国库司司长翟钢", "一是在职能定位上", "四是在政策功能上", "“三个适应”",
                 "总结会议由财政部政府采购管理办公室主任王瑛主持。"],
        "must_not": ["发布时间", "发布人"],
    },
    "05_shaanxi-procurement-work-symposium.txt": {
        "kind": "text",
        "title": "陕西省政府采购工作座谈会日前召开",
        "published": "2011-10-12",
        "publisher": "www.ebid360.com",
        "must": ["9月27日-28日，全省政府采购工作座谈会在西安召开。", "深入省级27家单位开展了重点检查", "2010年"],
        "must_not": ["分享到", "QQ空间", "新浪微博", "人人网", "开心网", "更多\n", "来源："],
    },
    "06_hangzhou-cppcc-procurement-oversight-symposium.txt": {
        "kind": "text",
        "title": "市政协召开政府采购工作民主监督座谈会",
        "published": "2011-06-15",
        "must": ["昨日(14日)上午，市政协召开政府采购工作民主监督座谈会。", "0.16亿元", "45.37亿元", "有10名市政协委员先后发言"],
        "must_not": ["发布时间", "发布人"],
    },
    "13_zhongtiao-forestry-bureau-reform-discussion-summary-meeting_raw.json": {
        "kind": "json",
        "title": "中条林局召开“改革创新、奋发有为”大讨论交流总结会议",
        "published": "2019-06-29",
        "must": ["5月22日，中条林局组织召开“改革创新、奋发有为”大讨论交流总结会议。", "共计50余人参加会议",
                 "一是搭建智慧党建系统平台", "六是持续推进创新引领型实体工程建设", "用优异的工作成绩向建国70周年献礼。"],
        "must_not": ["<p>", "<span", "\\u201c", "rgb(", "releaseDate", "http://", "&nbsp;"],
    },
    "14_wushi-group-party-centenary-meeting-with-lecture_raw-gb2312.html": {
        "kind": "html",
        "encoding": "gb18030",
        "title": "娲石集团热烈庆祝中国共产党建党100周年优秀党组织、优秀党员表彰大会隆重召开！",
        "published": "2021-07-01",
        "must": ["2021年6月24日下午", "纪念中国共产党成立100周年大会", "一是要牢记使命、忠诚担当。", "五要完善制度，科学管理。",
                 "15名优秀共产党员颁发了荣誉证书"],
        "must_not": ["大会现场", "授课现场", "网站地图", "Copyright", "removeEditor", "字体：", "发稿时间"],
    },
    "15_ndrc-tendering-agency-management-speech.txt": {
        "kind": "text",
        "title": "国家发展改革委投资司韩志峰处长的讲话",
        "published": "2011-09-26",
        "must": ["各位代表，同志们：", "目前已经有542家机构获得了中央投资项目招标代理资格", "（一）是加强中央投资项目招标管理",
                 "开创中央投资项目招标管理的新局面！"],
        "must_not": ["分享到", "QQ空间", "新浪微博", "人人网", "开心网", "来源："],
    },
}
