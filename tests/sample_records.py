"""Hand-built records for the two seeds, used by the render/CLI tests until extract() lands.

They follow the schemas in `summarise.schemas` and use quotes copied from the (simplified) seed
articles, so renderers can be tested on realistic Chinese + English content.
"""
from __future__ import annotations

from summarise.schemas import (
    AttendeeGroup,
    Bilingual,
    Event,
    EventDate,
    Evidence,
    Figure,
    MeetingReport,
    Person,
    Point,
    PolicyLecture,
    Provenance,
    Rejection,
    Source,
    Usage,
)


def B(zh: str, en: str | None) -> Bilingual:  # short constructor for readability
    return Bilingual(zh=zh, en=en)


def E(quote: str) -> Evidence:
    return Evidence(quote=quote)


def meeting_report_000() -> MeetingReport:
    """Seed 000: Xiaolan town's "industrial park renovation" progress meeting."""
    return MeetingReport(
        headline=B("小榄全力冲刺“工改”年度目标任务",
                   "Xiaolan goes all out to meet this year's industrial-park renovation targets"),
        summary=B(
            "8月1日,小榄镇召开2024年村镇低效工业园改造升级工作推进会,总结上半年“工改”经验,部署冲刺年度目标任务。",
            "On 1 August, Xiaolan town held a progress meeting on upgrading inefficient village and town "
            "industrial parks in 2024, reviewing the first half year and pushing to meet the annual targets.",
        ),
        event=Event(
            name=B("2024年村镇低效工业园改造升级工作推进会",
                   "2024 progress meeting on upgrading inefficient village and town industrial parks"),
            date=EventDate(value="2024-08-01", year_basis="publication",
                           note="month-day resolved against the publication date 2024-08-02",
                           evidence=E("8月1日,小榄镇召开")),
            place=B("小榄镇", "Xiaolan town"),
            convened_by=B("小榄镇", "Xiaolan town government"),
            evidence=E("小榄镇召开2024年村镇低效工业园改造升级工作推进会"),
        ),
        people=[
            Person(name="赵锡雄", name_en="Zhao Xixiong",
                   title=B("镇党委书记", "Secretary of the Town Party Committee"),
                   roles=["speaker"], evidence=E("镇党委书记赵锡雄出席会议并讲话")),
            Person(name="李家浩", name_en="Li Jiahao",
                   title=B("镇党委副书记", "Deputy Secretary of the Town Party Committee"),
                   roles=["chair"], evidence=E("镇党委副书记李家浩主持会议")),
            Person(name="吴铸辉", name_en="Wu Zhuhui", title=B("副镇长", "Deputy Mayor"),
                   roles=["reporter"], evidence=E("副镇长吴铸辉汇报")),
            Person(name="李冰", name_en="Li Bing",
                   title=B("绩东二社区党委书记", None),
                   roles=["speaker"], evidence=E("绩东二社区党委书记李冰")),
            Person(name="黄伟忠", name_en=None, title=B("副镇长", "Deputy Mayor"),
                   roles=["attendee"], evidence=E("副镇长黄伟忠")),
        ],
        figures=[
            Figure(quote="5000亩", value=5000, unit="mu", lower_bound=True,
                   measures=B("拆除整理低效工业用地", "inefficient industrial land cleared and consolidated"),
                   evidence=E("全镇拆除整理低效工业用地超5000亩")),
            Figure(quote="121宗", value=121, unit="count",
                   measures=B("推动动工建设的“工改”项目", "renovation projects started"),
                   evidence=E("已累计推动121宗“工改”项目动工建设")),
            Figure(quote="92.4亿元", value=9_240_000_000, unit="CNY",
                   measures=B("预计投资总额", "expected total investment"),
                   evidence=E("预计投资总额达到92.4亿元")),
            Figure(quote="190亿元", value=19_000_000_000, unit="CNY",
                   measures=B("达产后年产值", "annual output value at full production"),
                   evidence=E("达产后年产值达190亿元")),
            Figure(quote="15万平方米", value=150_000, unit="m2",
                   measures=B("高端工业厂房", None),
                   evidence=E("建成的15万平方米高端工业厂房")),
            Figure(quote="95%", value=95, unit="percent",
                   measures=B("已完成招商出租的比例", "share already leased to tenants"),
                   evidence=E("有95%已经完成了招商出租")),
        ],
        points=[
            Point(number=1, kind="directive", speaker="赵锡雄",
                  text=B("要强认识,坚决打赢打好“工改”攻坚战", "Strengthen awareness and resolutely win the renovation battle"),
                  evidence=E("要强认识,以“慢进亦退”的紧迫感坚决打赢打好“工改”这场没有退路的攻坚战")),
            Point(number=2, kind="directive", speaker="赵锡雄",
                  text=B("要拼速度,用好当前政策红利", "Move fast and make full use of the current policy dividend"),
                  evidence=E("要拼速度,以“时不我待”的危机感充分用好当前政策红利")),
            Point(number=3, kind="directive", speaker="赵锡雄",
                  text=B("要抢进度,加快完成年度目标任务", "Speed up progress to complete the annual targets"),
                  evidence=E("要抢进度,以“加压奋进”的责任感加快完成年度目标任务")),
            Point(number=4, kind="directive", speaker="赵锡雄",
                  text=B("要抓集成,以“工改”撬动全镇环境大提升", None),
                  evidence=E("要抓集成,坚持以“工改”作为撬动全镇环境大提升的重要抓手")),
        ],
        attendee_groups=[
            AttendeeGroup(text=B("相关部门负责人", "heads of the relevant departments"),
                          evidence=E("相关部门负责人")),
            AttendeeGroup(text=B("各村(社区)党委书记", "Party secretaries of every village (community)"),
                          evidence=E("各村(社区)党委书记")),
        ],
        source=Source(name="000_09f2237585b32c6b.txt", title="小榄全力冲刺“工改”年度目标任务",
                      publisher="中山市小榄镇融媒体中心", published="2024-08-02",
                      script="traditional", sha256="0" * 64),
        provenance=Provenance(
            backend="offline", model=None, summarise_version="0.1.0",
            generated_at="2024-08-03T09:00:00+00:00",
            rejected=[Rejection(field="figures", value="190亿元 (annual tax)",
                                reason="quote does not state what the backend claimed")],
            warnings=["traditional script converted to simplified"],
        ),
    )


def policy_lecture_001() -> PolicyLecture:
    """Seed 001: Zhongshan's lecture video conference on Shunde's village-industrial-park reform."""
    return PolicyLecture(
        headline=B("对标顺德闯出新路!中山专题研讨低效工业园改造问题",
                   "Benchmarking Shunde: Zhongshan holds a special session on renovating inefficient industrial parks"),
        summary=B(
            "11月12日,中山市召开全市村镇工业集聚区升级改造专题讲座视频会议,邀请佛山市发改局副局长陈林介绍顺德经验。",
            "On 12 November, Zhongshan held a city-wide video conference with a lecture on upgrading village "
            "and town industrial clusters; Chen Lin of Foshan's Development and Reform Bureau presented Shunde's experience.",
        ),
        event=Event(
            name=B("全市村镇工业集聚区升级改造专题讲座视频会议",
                   "City-wide video conference lecture on upgrading village and town industrial clusters"),
            date=EventDate(value="--11-12", year_basis="open",
                           note="the text states no year; the page date 2024-09-27 is a repost date",
                           evidence=E("11月12日,中山市召开")),
            place=B("视频会议", "video conference"),
            convened_by=B("中山市", "Zhongshan Municipal Government"),
            topic=B("顺德村级工业园升级改造", "Shunde's upgrading of village-level industrial parks"),
            evidence=E("中山市召开全市村镇工业集聚区升级改造专题讲座视频会议"),
        ),
        people=[
            Person(name="肖展欣", name_en="Xiao Zhanxin", title=B("市长", "Mayor"),
                   roles=["attendee"], evidence=E("市长肖展欣")),
            Person(name="陈文锋", name_en="Chen Wenfeng", title=B("市委副书记", "Deputy Secretary of the Municipal Party Committee"),
                   roles=["attendee"], evidence=E("市委副书记陈文锋")),
            Person(name="周作德", name_en="Zhou Zuode", title=B("副市长", "Vice Mayor"),
                   roles=["chair", "speaker"], evidence=E("会议由副市长周作德主持")),
            Person(name="李俊", name_en="Li Jun", title=B("市政府秘书长", "Secretary-General of the Municipal Government"),
                   roles=["attendee"], evidence=E("市政府秘书长李俊")),
            Person(name="陈林", name_en="Chen Lin",
                   title=B("佛山市发改局副局长", "Deputy Director, Foshan Development and Reform Bureau"),
                   roles=["lecturer"], evidence=E("佛山市发改局副局长陈林作顺德村级工业园升级改造专题讲座")),
        ],
        figures=[
            Figure(quote="11.2万亩", value=112_000, unit="mu",
                   measures=B("拆除整理土地", "land cleared and consolidated"),
                   evidence=E("拆除整理土地11.2万亩")),
            Figure(quote="3年多", value=3, unit="year", lower_bound=True,
                   measures=B("改造用时", "time taken"), evidence=E("用3年多时间")),
            Figure(quote="95份", value=95, unit="count",
                   measures=B("出台系列文件", "policy documents issued"), evidence=E("出台了系列文件共95份")),
        ],
        points=[
            Point(number=n, kind="lesson", speaker="陈林", text=B(zh, en), evidence=E(q))
            for n, zh, en, q in [
                (1, "坚持党的领导", "Uphold the Party's leadership", "一是坚持党的领导"),
                (2, "以改革的思维破解难题", "Solve problems with a reform mindset", "二是以改革的思维破解难题"),
                (3, "坚持“工改工”为主", "Keep industrial land for industry", "三是坚持“工改工”为主"),
                (4, "坚持规划先行,连片改造", "Plan first and renovate contiguous areas", "四是坚持规划先行,连片改造"),
                (5, "坚持强执法、文明执法和合理补偿相结合", None, "五是坚持强执法、文明执法和合理补偿相结合"),
                (6, "坚持用心用情走群众路线", "Follow the mass line with care", "六是坚持用心用情走群众路线"),
                (7, "把“村改”作为培养、锻炼、使用干部的大舞台",
                 "Use the village reform to train and test cadres", "七是把“村改”作为培养、锻炼、使用干部的大舞台"),
            ]
        ],
        attendee_groups=[],
        source=Source(name="001_6b39ea2c5599d977.txt", title="对标顺德闯出新路!中山专题研讨低效工业园改造问题",
                      publisher="中山产业信息", published="2024-09-27", sha256="1" * 64),
        provenance=Provenance(
            backend="llm", model="qwen2.5-7b-instruct", base_url="http://127.0.0.1:8000/v1",
            mode="json_schema", summarise_version="0.1.0", generated_at="2024-09-28T10:30:00+00:00",
            usage=Usage(calls=2, prompt_tokens=1900, completion_tokens=850),
            rejected=[Rejection(field="figures", value="9.37亿元", reason="quote not found in the article"),
                      Rejection(field="people", value="葛毅明", reason="person not in the article text")],
            possibly_missed=["2018年1月"],
        ),
    )


SAMPLES = {"000": meeting_report_000, "001": policy_lecture_001}
