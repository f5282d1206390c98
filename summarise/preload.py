"""Import, in the thread that starts the others, the modules a document imports on first use.

Threads that first import modules which import each other at the same moment can meet in Python's
import locks and fail with a deadlock error (``_DeadlockError``); importing them once beforehand
leaves every thread a finished module.

The modules are found on disk (the package and its installed `schemas` and `prompts`, nothing
imported to list them), less those a document never imports: the CLI, the batch runner that starts
the threads, the scorer and the local model (an optional extra). The LLM backend (the SDK and
instructor) is imported only for a batch that calls a model.
"""
from __future__ import annotations

import importlib.util
import pkgutil
from collections.abc import Iterator
from importlib import import_module

ROOTS = ("summarise", "summarise.schemas", "summarise.prompts")
NEVER = ("summarise.cli", "summarise.run", "summarise.evaluate", "summarise.preload", "summarise.extract.local")
LLM = ("summarise.extract.llm", "summarise.extract.endpoint")


def _walk(paths: list[str], prefix: str) -> Iterator[str]:
    for info in pkgutil.iter_modules(paths, prefix):
        yield info.name
        if info.ispkg:
            spec = info.module_finder.find_spec(info.name, None)
            if spec is not None and spec.submodule_search_locations:
                yield from _walk(list(spec.submodule_search_locations), info.name + ".")


def _under(name: str, packages: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in packages)


def modules(*, llm: bool = False) -> list[str]:
    """The modules `preload` imports, in a stable order; with `llm`, the LLM backend's too."""
    names: list[str] = []
    for root in ROOTS:
        spec = importlib.util.find_spec(root)
        names.append(root)
        if spec is not None and spec.submodule_search_locations:
            names += _walk(list(spec.submodule_search_locations), root + ".")
    skip = NEVER if llm else NEVER + LLM
    return [name for name in dict.fromkeys(names) if not _under(name, skip)]


def preload(*, llm: bool = False) -> None:
    """Import every module of `modules(llm=llm)` (cheap once they are loaded)."""
    for name in modules(llm=llm):
        import_module(name)
