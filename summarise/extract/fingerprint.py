"""A fingerprint of everything that decides what a document becomes: the package's code and data
(cleaning, the offline extractor, grounding, the parsers, glossaries), the schemas and prompts, the
Python and Unicode versions (script conversion and NFKC folding) and the installed versions of the
package's own dependencies.

Work stored under it (a sealed grounded answer, a cleaned input, a cross-check) is reused only while
none of that has changed: any change to any file makes the work be done again, never trusted stale.
"""
from __future__ import annotations

import functools
import hashlib
import re
import sys
import unicodedata
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path


def code_roots() -> list[Path]:
    """The directories whose files are fingerprinted: the package with its data, the schemas, the prompts."""
    import summarise
    from summarise import prompts, schemas

    return [Path(summarise.__file__).parent, Path(schemas.__file__).parent, Path(prompts.__file__).parent]


def tree_digest(roots: Iterable[Path], *, salt: str = "") -> str:
    """sha256 over every file under `roots` (path and bytes, in a fixed order; caches excluded)."""
    digest = hashlib.sha256(salt.encode())
    for root in roots:
        digest.update(f"{root.name}\0".encode())
        for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            try:
                digest.update(f"{path.relative_to(root)}\0".encode() + path.read_bytes())
            except OSError:  # unreadable: its name still counts, and a later read makes a new fingerprint
                digest.update(f"{path}\0unreadable".encode())
    return digest.hexdigest()


def _dependency_versions() -> str:
    try:
        wanted = metadata.requires("summarise") or []
    except metadata.PackageNotFoundError:  # a source tree that is not installed
        wanted = []
    found = []
    for requirement in wanted:
        if "extra ==" in requirement:
            continue
        name = re.split(r"[\s<>=!~;\[(]", requirement, maxsplit=1)[0]
        try:
            found.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name} missing")
    return ",".join(sorted(found))


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """The fingerprint of this process's code, data and environment (computed once per process)."""
    salt = "\0".join((sys.version, unicodedata.unidata_version, _dependency_versions()))
    return tree_digest(code_roots(), salt=salt)
