"""Cost linear in input size: the wrapper checks, boilerplate and the whole normaliser, timed at n and
8n in the same test. Marked `growth`: left out of the unit suite, run on their own by .ci/run."""
from __future__ import annotations

import time

import pytest

from summarise.normalise import Tracked, boilerplate, markup, normalise

SECOND = "会议强调，要狠抓落实，确保各项任务按期完成，以优异成绩迎接检查验收。"


@pytest.mark.growth
def test_wrapper_checks_stay_linear() -> None:
    for unit in ("<? a /* `x ", "/* '<!-- ![a](b "):
        for src in (unit * 500, "const s = " + unit * 500):
            t0 = time.perf_counter()
            markup.extract(src)
            small = time.perf_counter() - t0
            t0 = time.perf_counter()
            markup.extract(src * 8)
            assert time.perf_counter() - t0 < max(0.05, small) * 24


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


@pytest.mark.growth
def test_third_round_checks_stay_linear() -> None:
    for unit in ("import a\ndef f():\n    x = '''会", "data.put(\"title\", \"会议\");\n", "<?php $a = ['t' => '会'];\n",
                 "每周一学（3月1日—3月7日）\n次\n"):
        src = unit * 400
        t0 = time.perf_counter()
        markup.extract(src)
        boilerplate.clean(Tracked.identity(src))
        small = time.perf_counter() - t0
        t0 = time.perf_counter()
        markup.extract(src * 8)
        boilerplate.clean(Tracked.identity(src * 8))
        assert time.perf_counter() - t0 < max(0.05, small) * 24, unit


@pytest.mark.growth
def test_large_input_is_linear() -> None:
    """No pathological backtracking: 4x the input takes well under 4x^2 the time (coarse check)."""
    unit = ("会议强调，要坚持问题导向(dāng)，加快推进重点项目建设?!(((((((a" + "，" * 50 + "\n") * 200
    def timed(n: int) -> float:
        t0 = time.perf_counter()
        normalise(unit * n)
        return time.perf_counter() - t0
    small, big = min(timed(2) for _ in range(3)), min(timed(8) for _ in range(2))  # best of: busy machines
    assert big < max(0.05, small) * 10
