"""Reposts: copies of one article on several sites, found after normalisation and extracted once.

A copy's *key* is a MinHash signature (datasketch) of the character 5-grams of its normalised text
(letters and digits only, so punctuation width, spacing and line breaks do not count; traditional
copies are compared after conversion to simplified), the number of distinct 5-grams, and the
people and figures the offline extractor finds in it. Two documents are copies of one story when
the estimated Jaccard similarity of their 5-grams is at least `MIN_JACCARD`, the smaller one's
5-grams lie at least `MIN_CONTAINMENT` inside the larger one's (a trimmed copy, a wire story and a
broadcaster's shorter cut of it, a copy with an editor's line added), and the copy names no person or
figure that the story lacks (two bulletins from one template with different numbers are different
articles). eval/reposts/RESULTS.md has the measurements behind the thresholds.

In a batch the longest new document of a group is its story (extracted once, one LLM call); each
other copy gets the story's facts re-grounded against its own normalised text with the project's
grounder (what does not occur in the copy is dropped and listed in its provenance), so every copy
has its own record and notes. Stories of earlier runs in the same output directory count too.
"""
from __future__ import annotations

import base64
import threading
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .ground import Grounder
from .normalise import Document
from .schemas import Facts, Rejection, RepostOf
from .settings import Settings

SHINGLE = 5
NUM_PERM = 128
MIN_SHINGLES = 40        # shorter texts are never grouped: too few 5-grams to tell copies from chance
LSH_THRESHOLD = 0.2      # candidates; each is then checked with the rules below
MIN_JACCARD = 0.2        # also keeps a short item out of a long compilation that quotes it
MIN_CONTAINMENT = 0.6    # eval/reposts: copies 0.76-1.00, different articles of one series at most 0.32
MAX_INPUT_BYTES = 8_000_000  # bigger inputs are not compared (cleaning them twice costs seconds): extracted alone
SCHEME = "affine32"      # datasketch's permutation scheme: keys of another scheme cannot be compared


@dataclass(frozen=True)
class Key:
    """What a document is compared by (stored in its manifest, so later runs compare against it)."""

    minhash: bytes           # NUM_PERM unsigned 32-bit hash values
    shingles: int            # distinct 5-grams
    facts: frozenset[str]    # people and figures the offline extractor finds

    def to_json(self) -> dict[str, Any]:
        return {"scheme": SCHEME, "minhash": base64.b64encode(self.minhash).decode("ascii"),
                "shingles": self.shingles, "facts": sorted(self.facts)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Key:
        if data.get("scheme") != SCHEME:
            raise ValueError(f"a key of another MinHash scheme ({data.get('scheme')!r})")
        return cls(base64.b64decode(data["minhash"]), int(data["shingles"]), frozenset(data.get("facts", ())))


def shingles(text: str) -> set[str]:
    """The distinct character 5-grams of `text`'s letters and digits."""
    chars = "".join(ch for ch in text if ch.isalnum())
    return {chars[i:i + SHINGLE] for i in range(len(chars) - SHINGLE + 1)}


def _minhash(values: bytes | None = None, grams: Iterable[str] = ()) -> Any:
    import numpy as np  # noqa: PLC0415 - loaded only when reposts are looked for
    from datasketch import MinHash  # noqa: PLC0415

    if values is not None:
        return MinHash(num_perm=NUM_PERM, scheme=SCHEME,
                       hashvalues=np.frombuffer(values, dtype=np.uint32).astype(np.uint64))
    m = MinHash(num_perm=NUM_PERM, hashfunc=zlib.crc32, scheme=SCHEME)  # deterministic across processes, unlike hash()
    m.update_batch([g.encode("utf-8") for g in grams])
    return m


def key_of(doc: Document) -> Key | None:
    """The document's key, or None when its text is too short to be compared."""
    import numpy as np  # noqa: PLC0415

    from .offline import people_and_figures  # noqa: PLC0415

    grams = shingles(doc.text)
    if len(grams) < MIN_SHINGLES:
        return None
    found, _ = Grounder(doc.text, doc.published).review(people_and_figures(doc))
    facts = frozenset([f"person {_fold(p.name)}" for p in found.people]
                      + [f"figure {f.value:g} {f.unit}" for f in found.figures])  # 5年 and 五年 are one figure
    values = _minhash(grams=grams).hashvalues.astype(np.uint32).tobytes()
    return Key(values, len(grams), facts)


def _fold(quote: str) -> str:
    """A fact's letters and digits: copies differ in dash and space widths (2026－2035年, 2026—2035年)."""
    return "".join(ch for ch in quote if ch.isalnum())


def similarity(a: Key, b: Key) -> tuple[float, float]:
    """(estimated Jaccard similarity, estimated containment of the smaller in the larger)."""
    jaccard = float(_minhash(a.minhash).jaccard(_minhash(b.minhash)))
    common = jaccard * (a.shingles + b.shingles) / (1 + jaccard)
    return jaccard, min(1.0, common / min(a.shingles, b.shingles))


def is_copy(copy: Key, story: Key) -> tuple[bool, float]:
    """Whether `copy` is a repost of `story`, and the estimated Jaccard similarity."""
    jaccard, contained = similarity(copy, story)
    return jaccard >= MIN_JACCARD and contained >= MIN_CONTAINMENT and copy.facts <= story.facts, jaccard


class Index:
    """Stories by key (MinHash LSH): `match(key)` finds the story a new document is a copy of."""

    def __init__(self) -> None:
        from datasketch import MinHashLSH  # noqa: PLC0415

        self._lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
        self._keys: dict[str, Key] = {}

    def add(self, story: str, key: Key) -> None:
        if story not in self._keys:
            self._keys[story] = key
            self._lsh.insert(story, _minhash(key.minhash))

    def match(self, key: Key) -> tuple[str, float] | None:
        """The most similar story `key` is a copy of, with the similarity (None: a new story)."""
        best: tuple[float, str] | None = None
        for story in self._lsh.query(_minhash(key.minhash)):
            ok, jaccard = is_copy(key, self._keys[story])
            if ok and (best is None or (jaccard, story) > best):
                best = (jaccard, story)
        return None if best is None else (best[1], best[0])


@dataclass(frozen=True)
class Candidate:
    """A document of this batch to be summarised (not done in an earlier run)."""

    index: int        # position in the batch
    stem: str
    chars: int        # length of the normalised text: the longest copy is the story
    key: Key | None


def group(candidates: list[Candidate], stories: dict[str, Key]) -> dict[int, tuple[str, float]]:
    """Batch position → (story stem, similarity) for every candidate that is a repost.

    `stories` are earlier runs' stories in the output directory. The longest candidates are looked
    at first; one that is no copy of any story so far becomes a story itself."""
    index = Index()
    for stem, key in stories.items():
        index.add(stem, key)
    found: dict[int, tuple[str, float]] = {}
    for c in sorted(candidates, key=lambda c: (-c.chars, c.index)):
        if c.key is None:
            continue
        match = index.match(c.key)
        if match is not None and match[0] != c.stem:
            found[c.index] = match
        else:
            index.add(c.stem, c.key)
    return found


# --------------------------------------------------------------------------- one copy

def reground(story: Any, doc: Document, *, repost_of: RepostOf, kind: str, settings: Settings) -> Any:
    """The record of a copy: the story's facts grounded against the copy's own normalised text.

    What does not occur in the copy is dropped and listed in `provenance.rejected`; the headline is
    kept when the copy states it (else the copy's own title, with English from the glossary), the
    summary only when no fact was dropped (it was written for the fuller copy)."""
    from .offline import english  # noqa: PLC0415
    from .pipeline import assemble, llm_record  # noqa: PLC0415
    from .schemas import Usage  # noqa: PLC0415

    facts = Facts.model_validate(story.model_dump(include=set(Facts.model_fields)))
    grounder = Grounder(doc.text, doc.published)
    grounded, rejected = grounder.review(facts)
    rejected = [r.model_copy(update={"reason": f"{r.reason} (in this copy)"}) for r in rejected]
    update: dict[str, Any] = {}
    if grounded.headline is not None and not grounder.occurs(grounded.headline.zh):
        rejected.append(Rejection(field="headline", value=grounded.headline.zh,
                                  reason="the story's headline does not occur in this copy: its own title is used"))
        update["headline"] = english.text(doc.title) if doc.title else None
    if grounded.summary is not None and rejected:
        rejected.append(Rejection(field="summary", value=grounded.summary.zh[:500],
                                  reason="written for a copy with facts this copy lacks"))
        update["summary"] = None
    if update:
        grounded = Facts.model_validate({**grounded.model_dump(), **update})
    if story.provenance.backend == "llm":
        record = llm_record(doc, grounded, rejected, Usage(), kind=kind, settings=settings)  # type: ignore[arg-type]
    else:
        record = assemble(doc, grounded, rejected, kind=kind, settings=settings,  # type: ignore[arg-type]
                          backend="offline")
    record.provenance.repost_of = repost_of
    return record


# --------------------------------------------------------------------------- stories in flight

class Stories:
    """Stories being extracted in this batch: a repost waits for its story's record.

    `expect(stem)` before the batch starts, `finished(stem, ok)` when the story's manifest is
    written (or it failed); `wait(stem, me)` returns the stem of the story whose record the copy
    `me` re-grounds, or None when `me` must be extracted itself: its story failed and `me` is the
    first copy to take its place (the other copies then wait for `me`).
    """

    def __init__(self, deadline_s: float) -> None:
        self._lock = threading.Lock()
        self._events: dict[str, threading.Event] = {}
        self._ok: dict[str, bool] = {}
        self._replaced_by: dict[str, str] = {}
        self.deadline_s = deadline_s

    def expect(self, stem: str) -> None:
        with self._lock:
            self._events.setdefault(stem, threading.Event())

    def finished(self, stem: str, ok: bool) -> None:
        with self._lock:
            event = self._events.get(stem)
            self._ok[stem] = ok
        if event is not None:
            event.set()

    def wait(self, story: str, me: str) -> str | None:
        while True:
            with self._lock:
                event = self._events.get(story)
            if event is None:  # a story of an earlier run: its record is on disk
                return story
            arrived = event.wait(self.deadline_s)
            with self._lock:
                if arrived and self._ok.get(story):
                    return story
                nxt = self._replaced_by.get(story)
                if nxt is None:  # the story failed (or never came): this copy takes its place
                    self._replaced_by[story] = me
                    self._events.setdefault(me, threading.Event())
                    return None
            story = nxt
