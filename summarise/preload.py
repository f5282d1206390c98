"""Import, in the thread that starts the others, the modules a document imports on first use.

Threads that first import modules which import each other at the same moment can meet in Python's
import locks and fail with a deadlock error (``_DeadlockError``); importing them once beforehand
leaves every thread a finished module.
"""
from __future__ import annotations

from importlib import import_module

MODULES = (
    "summarise.extract.record", "summarise.normalise", "summarise.normalise.pinyin", "summarise.ground.grounder",
    "summarise.ground.claims", "summarise.ground.freetext", "summarise.parse.dates", "summarise.parse.numbers",
    "summarise.english", "summarise.english.glossary", "summarise.english.romanise", "summarise.english.events",
    "summarise.english.venues", "summarise.english.quantities", "summarise.offline", "summarise.offline.summary",
    "summarise.offline.vocab", "summarise.offline.surnames", "summarise.render",
)


def preload() -> None:
    """Import every module of `MODULES` (cheap once they are loaded)."""
    for name in MODULES:
        import_module(name)
