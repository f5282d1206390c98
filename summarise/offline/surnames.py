"""Chinese surnames for segmenting `title + name`: every single and compound surname of the Hundred
Family Surnames (百家姓) and the common modern ones outside it (习, 栗, 铁, 谌, 冼, 阿 …).

Surnames whose character is far more often a function word or a common morpheme (和, 有, 年, 东 …)
are WEAK: they open a name only in the strictest frame (see people.name_at)."""
from __future__ import annotations

_SINGLE = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖萧田董袁潘于蒋蔡余杜叶程苏魏吕"
    "丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃"
    "武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮"
    "柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪"
    "简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄"
    "丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区"
    "郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜"
    "羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展"
    "阴昝智幸奉植衡富尧闭由"
    "赖雒逄仉郗笪郦蹇訾缑蒯隗厍宓濮暨殳庾鄂韶钭蔚贡郏邴汲宦糜滑"
    # the rest of the Hundred Family Surnames, and modern ones outside it
    "习洪凤贝钮荀咸鱼弘桓钦墨谯竺佴宰昌酆贲羿蓟苍莘堵郤璩夔郈乜毋汝巢籍沃牧寿怀秋蓬暴扶慎融禄仰松水山经言"
    "铁綦占蒿"
)
# Surnames that are far more often a function word or a common morpheme: a name only right after a
# post, as surname + two characters, ending where a name ends.
_WEAK = "和家能双从通别充终步广东越空后红益法有年爱福须养兑"
_COMPOUND = (
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯",
    "轩辕", "令狐", "钟离", "端木", "南宫", "西门", "独孤", "万俟", "闻人", "申屠", "澹台", "公冶", "呼延",
    "赫连", "公羊", "宗政", "濮阳", "淳于", "鲜于", "闾丘", "亓官", "司寇", "仉督", "子车", "颛孙", "巫马",
    "公西", "漆雕", "乐正", "壤驷", "公良", "拓跋", "夹谷", "宰父", "谷梁", "羊舌", "微生", "梁丘", "左丘",
    "伯赏", "太叔", "仲孙", "段干", "东郭",
    # left out: 单于, 司空, 百里, 南门, 东门, 第五 (far more often words: 司空见惯, 第五次)
)

# Surnames that are also common verbs (回良玉 / 回顾, 回到): they open a name only when a
# two-character given name follows whose first character does not complete the verb.
VERB_LIKE: dict[str, frozenset[str]] = {
    "回": frozenset("应答复顾到来去访归升落收报想忆首合击馈避转流购放国家乡京头过信电执"),
}

SINGLE: frozenset[str] = frozenset(_SINGLE) | frozenset(VERB_LIKE)
WEAK: frozenset[str] = frozenset(_WEAK)
COMPOUND: frozenset[str] = frozenset(_COMPOUND)
# Surnames that are also prepositions or conjunctions (向, 于, 和 …): before a post they may open a
# group (向港澳委员), before a common word they open none (书记向党员传达).
PREPOSITIONS: frozenset[str] = frozenset("向于与和对为从同")


def surname_length(candidate: str, weak: bool = False) -> int:
    """Length of the surname that `candidate` starts with (2 for compound, 1 for single), 0 if none.

    A verb-like surname (VERB_LIKE) counts only in a candidate of three characters or more; a WEAK
    one only when `weak` is given, in a candidate of three characters or more."""
    if weak and candidate[:1] in WEAK:
        return 1 if len(candidate) >= 3 else 0
    if candidate[:2] in COMPOUND:
        return 2
    tails = VERB_LIKE.get(candidate[:1])
    if tails is not None:
        return 1 if len(candidate) >= 3 and candidate[1] not in tails else 0
    if candidate[:1] in SINGLE:
        return 1
    return 0
