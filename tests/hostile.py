"""Running the `summarise` command as a user would, in a subprocess, for the hostile-input tests."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED1 = REPO / "seeds" / "001_6b39ea2c5599d977.txt"


def user_env(tmp: Path, **extra: str) -> dict[str, str]:
    """The environment of a user with no endpoint configured and a cache of their own."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SUMMARISE_", "OPENAI_"))}
    env.update({"SUMMARISE_CACHE_DIR": str(tmp / "user-cache"), "PYTHONPATH": str(REPO), **extra})
    return env


def summarise(*args: str, prefix: list[str] | None = None, cwd: Path, env: dict[str, str] | None = None,
              timeout: float = 120, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    """`summarise ARGS…` (the console entry point, with its last guard), checked for tracebacks."""
    command = [*(prefix or []), sys.executable, "-c", "from summarise.cli import entry; entry()", *args]
    done = subprocess.run(command, cwd=cwd, env=env or user_env(cwd), capture_output=True, timeout=timeout,
                          input=stdin, text=False)
    result = subprocess.CompletedProcess(done.args, done.returncode, done.stdout.decode("utf-8", "replace"),
                                         done.stderr.decode("utf-8", "replace"))
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout, result.stderr
    assert "internal error" not in result.stderr, result.stderr
    return result


def invoke(*args: str, env: dict[str, str] | None = None, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    """`summarise ARGS…` in this process (click's runner: fast), checked like `summarise()`: an
    exception that is not an exit is a traceback the user would have seen."""
    from typer.testing import CliRunner

    from summarise.cli import app

    result = CliRunner().invoke(app, list(args), env=env, input=stdin)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"a traceback reached the user: {result.exception!r}\n{result.stderr}") from result.exception
    return subprocess.CompletedProcess(list(args), result.exit_code, result.stdout, result.stderr)


def make_batch(tmp: Path) -> tuple[Path, Path]:
    """(results, manifest) of a one-document batch for seed 001, answered well (no engine needed)."""
    import json

    from scripted_server import answer, load_answer

    requests = tmp / "req.jsonl"
    done = invoke("run", str(SEED1), "--via", "batch-file", str(requests), "--model", "m")
    assert done.returncode == 0, done.stderr
    [request] = [json.loads(line) for line in requests.read_text().splitlines()]
    results = tmp / "res.jsonl"
    results.write_text(json.dumps({"custom_id": request["custom_id"], "response": {
        "status_code": 200, "body": answer(load_answer("seed001_good"), model="m")}}, ensure_ascii=False) + "\n")
    return results, tmp / "req.manifest.json"
