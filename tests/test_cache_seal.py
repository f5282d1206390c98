"""The cache's seal: a hit is used as stored only when its grounded facts carry a seal made with the
user's own key by this code; any other entry is grounded again (and stored again, sealed).

Live against the scripted server on 127.0.0.1. The "forged" entries below are made with the key file
itself, as only its owner could: they show that the seal, not a second review, is what a hit trusts.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import diskcache
import pytest

from scripted_server import ScriptedServer, load_answer
from summarise import Settings, extract
from summarise.extract import cache
from summarise.extract.fingerprint import code_fingerprint
from summarise.extract.record import extract_document
from summarise.normalise import normalise

REPO = Path(__file__).resolve().parents[1]
SEED1 = REPO / "seeds" / "001_6b39ea2c5599d977.txt"
PLANTED = {"name": "王大明", "roles": ["chair"], "evidence": {"quote": "会议由副市长王大明主持"}}


@pytest.fixture(scope="module")
def server():
    with ScriptedServer({"good": [{"content": load_answer("seed001_good")}]}) as s:
        yield s


@pytest.fixture
def settings(server, tmp_path) -> Settings:
    return Settings(backend="llm", base_url=server.base_url, model="good", cache_dir=tmp_path / "cache",
                    timeout=2, max_wait=1, cross_check=True)


def entries(settings: Settings) -> dict[str, dict]:
    """The answer entries of the cache (not the inputs' pointers), by key."""
    with diskcache.Cache(str(settings.cache_dir)) as plain:
        return {k: v for k in plain if "facts" in (v := json.loads(plain[k]))}


def rewrite(settings: Settings, key: str, entry: dict) -> None:
    with diskcache.Cache(str(settings.cache_dir)) as plain:
        plain[key] = json.dumps(entry, ensure_ascii=False)


def part_of(entry: dict) -> dict:
    """What a seal covers: the grounded facts, the rejections and the stored cross-check."""
    return {"facts": entry["facts"], "rejected": entry["rejected"], "cross_check": entry.get("cross_check")}


def planted(entry: dict, *, code: str | None = None, settings: Settings | None = None, key: str = "") -> dict:
    """The entry with a person the article does not name, sealed again when `settings` is given."""
    edited = json.loads(json.dumps(entry))
    edited["facts"]["people"].append(PLANTED)
    edited.pop("seal", None)
    if settings is not None:
        edited["seal"] = cache.seal(settings, key, part_of(edited), code=code or code_fingerprint())
    return edited


def hits(settings: Settings) -> list:
    return [extract(SEED1, settings=settings), extract_document(normalise(SEED1), settings=settings)]


def test_an_answer_is_stored_sealed_with_a_key_only_its_owner_reads(settings):
    extract(SEED1, settings=settings)
    [(key, entry)] = entries(settings).items()
    part = part_of(entry)
    assert cache.sealed(settings, key, part, entry["seal"], code=code_fingerprint())
    assert not cache.sealed(settings, key, part, entry["seal"], code="other code")
    assert not cache.sealed(settings, "another key", part, entry["seal"], code=code_fingerprint())
    mode = (settings.cache_dir / cache.SEAL_KEY_FILE).stat().st_mode
    assert mode & 0o077 == 0


def test_a_sealed_hit_is_used_as_stored(settings):
    """Sealed with the owner's key by this code: not reviewed again (the planted person stays)."""
    extract(SEED1, settings=settings)
    [(key, entry)] = entries(settings).items()
    rewrite(settings, key, planted(entry, settings=settings, key=key))
    for again in hits(settings):
        assert again.provenance.cache_hit
        assert "王大明" in {p.name for p in again.people}


@pytest.mark.parametrize("how", ["unsealed", "other code", "other key"])
def test_an_entry_not_sealed_by_this_code_and_key_is_grounded_again(settings, how):
    first = extract(SEED1, settings=settings)
    [(key, entry)] = entries(settings).items()
    if how == "unsealed":
        edited = planted(entry)
    elif how == "other code":
        edited = planted(entry, settings=settings, key=key, code="the code of another version")
    else:
        edited = planted(entry)
        edited["seal"] = planted(entry, settings=settings, key="another entry's key")["seal"]
    rewrite(settings, key, edited)
    for again in hits(settings):
        assert again.provenance.cache_hit
        assert "王大明" not in {p.name for p in again.people}
        assert any("王大明" in r.value for r in again.provenance.rejected)
        assert len(again.people) == len(first.people)
    # stored again as grounded, sealed: the planted person is gone from the entry, its rejection kept
    [(_, stored)] = entries(settings).items()
    assert "王大明" not in {p["name"] for p in stored["facts"]["people"]}
    assert cache.sealed(settings, key, part_of(stored), stored["seal"],
                        code=code_fingerprint())


def test_a_cross_check_edited_under_a_kept_seal_is_not_trusted(settings):
    """The possibly-missed list the notes print is sealed with the facts: an entry whose list was
    edited is grounded again and its cross-check made afresh."""
    first = extract(SEED1, settings=settings)
    [(key, entry)] = entries(settings).items()
    assert isinstance(entry.get("cross_check"), dict)
    edited = json.loads(json.dumps(entry))
    edited["cross_check"]["missed"] = ["person 王大明 (副市长)"]
    rewrite(settings, key, edited)
    for again in hits(settings):
        assert again.provenance.cache_hit
        assert again.provenance.possibly_missed == first.provenance.possibly_missed
        assert "王大明" not in " ".join(again.provenance.possibly_missed)


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="file modes are POSIX")
def test_a_key_file_others_can_read_is_not_trusted(server, tmp_path):
    directory = tmp_path / "shared-cache"
    directory.mkdir()
    (directory / cache.SEAL_KEY_FILE).write_bytes(b"k" * 32)
    (directory / cache.SEAL_KEY_FILE).chmod(0o644)
    settings = Settings(backend="llm", base_url=server.base_url, model="good", cache_dir=directory,
                        timeout=2, max_wait=1)
    extract(SEED1, settings=settings)
    [(key, entry)] = entries(settings).items()
    assert "seal" not in entry
    assert cache.seal(settings, key, {}, code="any") is None
    rewrite(settings, key, planted(entry))
    for again in hits(settings):
        assert again.provenance.cache_hit
        assert "王大明" not in {p.name for p in again.people}


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_a_child_forked_while_another_thread_reads_a_key_can_seal(tmp_path):
    """The key's lock is the child's own: a thread of the parent that held it at the fork does not
    leave the child waiting for ever."""
    import threading
    import time

    held, release = threading.Event(), threading.Event()

    def hold() -> None:
        with cache._SEAL_LOCK:
            held.set()
            release.wait(10)

    thread = threading.Thread(target=hold)
    thread.start()
    assert held.wait(10)
    pid = os.fork()
    if pid == 0:
        code = 3
        try:
            code = 0 if cache.seal(Settings(cache_dir=tmp_path / "child"), "k", {}, code="c") else 1
        finally:
            os._exit(code)
    release.set()
    thread.join()
    deadline = time.monotonic() + 20
    while (done := os.waitpid(pid, os.WNOHANG))[0] == 0 and time.monotonic() < deadline:
        time.sleep(0.05)
    if done[0] == 0:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
        pytest.fail("the forked child waited for a lock its parent's thread held")
    assert os.waitstatus_to_exitcode(done[1]) == 0
