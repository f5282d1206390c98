"""The code fingerprint under which cached work (sealed answers, cleaned inputs, cross-checks) is reused:
it must change whenever anything that decides a document's record changes."""
from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path

import summarise
from summarise.extract.fingerprint import code_fingerprint, code_roots, tree_digest


def _under(path: Path, roots: list[Path]) -> bool:
    return any(path.resolve().is_relative_to(root.resolve()) for root in roots)


def test_every_module_of_the_package_and_its_data_is_under_the_fingerprinted_roots():
    for info in pkgutil.walk_packages(summarise.__path__, "summarise."):
        importlib.import_module(info.name)
    roots = code_roots()
    loaded = [m for name, m in sys.modules.items()
              if name.split(".")[0] == "summarise" and getattr(m, "__file__", None)]
    assert len(loaded) > 40
    outside = [m.__name__ for m in loaded if not _under(Path(m.__file__), roots)]
    assert outside == []
    for name in ("schemas", "prompts", "data"):
        assert any((root / name).exists() or root.name == name for root in roots), name
    data = Path(summarise.__file__).parent / "data"
    assert list(data.glob("*.tsv")) and all(_under(p, roots) for p in data.iterdir())


def test_any_change_under_any_root_changes_the_digest(tmp_path):
    package, prompts = tmp_path / "package", tmp_path / "prompts"
    for path, text in {package / "ground" / "claims.py": "A = 1\n", package / "data" / "glossary.tsv": "会议\tmeeting\n",
                       package / "offline" / "people.py": "", prompts / "system.md": "Quote verbatim.\n"}.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    roots = [package, prompts]
    seen = {tree_digest(roots)}
    for path in sorted(p for p in tmp_path.rglob("*") if p.is_file()):
        before = path.read_bytes()
        path.write_bytes(before + b"#")
        seen.add(tree_digest(roots))
        path.write_bytes(before)
    (package / "ground" / "new.py").write_text("", encoding="utf-8")
    seen.add(tree_digest(roots))
    assert len(seen) == 6
    assert tree_digest(roots) != tree_digest(roots, salt="another Python")


def test_the_fingerprint_is_the_digest_of_the_installed_roots():
    assert code_fingerprint() == code_fingerprint()
    assert len(code_fingerprint()) == 64
    assert code_fingerprint() != tree_digest(code_roots())  # the environment is part of it
