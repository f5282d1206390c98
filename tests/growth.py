"""Growth of CPU time with input size, for the worst-case tests.

A test compares the CPU time of one call at size n with the same call at 4n, both measured in the
same test (best of a few runs, so a busy machine slows both alike): linear work grows about 4×,
quadratic work 16×. The bound of 8 lets constant costs and noise through and stops a quadratic.
Tests that use it are marked `growth`: left out of the unit suite, run on their own (`pytest -m growth`).
"""
from __future__ import annotations

import gc
import time
from collections.abc import Callable
from typing import Any

FACTOR = 4
LIMIT = 8.0  # linear: ~4; quadratic: ~16


def cpu_seconds(fn: Callable[[Any], Any], arg: Any, repeats: int = 3) -> float:
    best = float("inf")
    for _ in range(repeats):
        gc.collect()
        # The cyclic collector off while timing: in a test process holding many live objects its full
        # passes, triggered by the call's own allocations, cost in proportion to that heap and make
        # linear code look super-linear; the growth of our own work is what is measured.
        gc.disable()
        try:
            t0 = time.process_time()
            fn(arg)
            best = min(best, time.process_time() - t0)
        finally:
            gc.enable()
    return best


def growth(fn: Callable[[Any], Any], make: Callable[[int], Any], n: int, repeats: int = 3) -> tuple[float, float, float]:
    """(seconds at n, seconds at FACTOR·n, their ratio); a tiny first time is floored at 5 ms so that
    timer resolution cannot fake a large ratio."""
    small = cpu_seconds(fn, make(n), repeats)
    large = cpu_seconds(fn, make(FACTOR * n), repeats)
    return small, large, large / max(small, 0.005)


MIN_SECONDS = 0.02  # below this the constant costs hide a quadratic term (the ratio stays near 4)
MAX_DOUBLINGS = 4  # past ~16x the given size, memory effects alone push a linear ratio towards 8


def calibrated(fn: Callable[[Any], Any], make: Callable[[int], Any], n: int) -> int:
    """The smallest n·2^k (k ≤ MAX_DOUBLINGS) whose call takes at least MIN_SECONDS of CPU, so that a
    super-linear term has grown large enough to show in the ratio on a fast machine too."""
    for _ in range(MAX_DOUBLINGS):
        if cpu_seconds(fn, make(n), repeats=1) >= MIN_SECONDS:
            break
        n *= 2
    return n


def assert_linear(fn: Callable[[Any], Any], make: Callable[[int], Any], n: int, what: str,
                  attempts: int = 3) -> None:
    """Fails when the ratio stays at LIMIT or above in every one of `attempts` measurements: noise
    (another process, a collection) spoils one pair, a super-linear term spoils them all."""
    n = calibrated(fn, make, n)
    seen = []
    for _ in range(attempts):
        small, large, ratio = growth(fn, make, n)
        if ratio < LIMIT:
            return
        seen.append(f"{small * 1000:.1f} ms at n={n}, {large * 1000:.1f} ms at n={FACTOR * n} (×{ratio:.1f})")
    raise AssertionError(f"{what}: super-linear for ×{FACTOR} input: " + "; ".join(seen))
