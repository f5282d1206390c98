"""Cost linear in input size: the wrapper checks, boilerplate and the whole normaliser (CPU time at n
and 4n, n grown until a call takes long enough to show a super-linear term; tests/growth.py).
Marked `growth`: left out of the unit suite, run on their own by .ci/run."""
from __future__ import annotations

import pytest

from growth import assert_linear
from summarise.normalise import Tracked, boilerplate, markup, normalise

SECOND = "会议强调，要狠抓落实，确保各项任务按期完成，以优异成绩迎接检查验收。"


@pytest.mark.growth
@pytest.mark.parametrize("unit", ["<? a /* `x ", "/* '<!-- ![a](b "])
@pytest.mark.parametrize("prefix", ["", "const s = "])
def test_wrapper_checks_stay_linear(unit: str, prefix: str) -> None:
    assert_linear(markup.extract, lambda n: prefix + unit * n, 500, f"markup.extract({prefix + unit!r} × n)")


@pytest.mark.growth
@pytest.mark.parametrize("unit", ["<item><title>a", "(1,'a\\'", '"a" + "b" +\n', "<entry><![CDATA[x"])
def test_new_wrapper_checks_stay_linear(unit: str) -> None:
    assert_linear(markup.extract, lambda n: unit * n, 400, f"markup.extract({unit!r} × n)")


@pytest.mark.growth
def test_menu_runs_and_datelines_stay_linear() -> None:
    unit = ["时政要闻", "工作动态", "专题推荐", "2024年03月05日", SECOND]
    assert_linear(lambda page: boilerplate.clean(Tracked.identity(page)),
                  lambda n: "\n".join(["某市召开重点工作推进会议"] + unit * n), 300, "boilerplate.clean(menu runs)")


@pytest.mark.growth
@pytest.mark.parametrize("unit", ["import a\ndef f():\n    x = '''会", "data.put(\"title\", \"会议\");\n",
                                  "<?php $a = ['t' => '会'];\n", "每周一学（3月1日—3月7日）\n次\n"])
def test_third_round_checks_stay_linear(unit: str) -> None:
    assert_linear(markup.extract, lambda n: unit * n, 400, f"markup.extract({unit!r} × n)")
    assert_linear(lambda src: boilerplate.clean(Tracked.identity(src)), lambda n: unit * n, 400,
                  f"boilerplate.clean({unit!r} × n)")


@pytest.mark.growth
def test_large_input_is_linear() -> None:
    """No pathological backtracking in the whole normaliser."""
    unit = ("会议强调，要坚持问题导向(dāng)，加快推进重点项目建设?!(((((((a" + "，" * 50 + "\n") * 200
    assert_linear(normalise, lambda n: unit * n, 1, "normalise(long page)")
