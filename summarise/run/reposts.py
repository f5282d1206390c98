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

In a batch the longest new document of a group is its story (with an LLM extracted once, one call);
each other copy gets the story's facts re-grounded against its own normalised text with the
project's grounder (`reground`): each quote is first re-located in the copy (`relocated`: the part
of it that states the fact, so page clutter inside the story's quote does not cost the copy the
fact), and what does not occur in the copy is dropped and listed in its provenance. Offline, where
there is no call to save, the runner extracts each copy from its own text instead. Stories of earlier
runs in the same output directory count too.
"""
from __future__ import annotations

import base64
import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from summarise.ground.grounder import Grounder
from summarise.normalise import Document
from summarise.schemas import Evidence, Facts, Person, Rejection, RepostOf
from summarise.settings import Settings

SHINGLE = 5
NUM_PERM = 128
MIN_SHINGLES = 40        # shorter texts are never grouped: too few 5-grams to tell copies from chance
LSH_THRESHOLD = 0.2      # candidates; each is then checked with the rules below
MIN_JACCARD = 0.2        # also keeps a short item out of a long compilation that quotes it
MIN_CONTAINMENT = 0.6    # eval/reposts: copies 0.76-1.00, different articles of one series at most 0.32
MAX_INPUT_BYTES = 8_000_000  # bigger inputs are not compared (cleaning them twice costs seconds): extracted alone
SCHEME = "affine32"      # datasketch's permutation scheme: keys of another scheme cannot be compared
MAX_PIECES = 48          # a quote cut into more pieces than this is not re-located (its parts: O(pieces²))


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
    import numpy as np  # loaded only when reposts are looked for
    from datasketch import MinHash

    if values is not None:
        return MinHash(num_perm=NUM_PERM, scheme=SCHEME,
                       hashvalues=np.frombuffer(values, dtype=np.uint32).astype(np.uint64))
    m = MinHash(num_perm=NUM_PERM, hashfunc=zlib.crc32, scheme=SCHEME)  # deterministic across processes, unlike hash()
    m.update_batch([g.encode("utf-8") for g in grams])
    return m


def key_of(doc: Document) -> Key | None:
    """The document's key, or None when its text is too short to be compared."""
    import numpy as np

    from summarise.offline import people_and_figures

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
        from datasketch import MinHashLSH

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

# A quote is re-located in a copy by whole pieces: runs of text between punctuation and white space.
_SEPARATORS = re.compile(r"[\s|｜/·•…—–_,.;:!?，。；：！？、（）()【】\[\]《》〈〉“”‘’\"'「」『』]+")


def _pieces(quote: str) -> list[tuple[int, int]]:
    spans, at = [], 0
    for m in _SEPARATORS.finditer(quote):
        if m.start() > at:
            spans.append((at, m.start()))
        at = m.end()
    if at < len(quote):
        spans.append((at, len(quote)))
    return spans


def relocate(quote: str, anchors: list[str], grounder: Grounder, *, every: bool = True) -> str | None:
    """The part of `quote` that states a fact, found in a copy: the longest run of the quote's pieces
    that occurs in the copy's text and holds every anchor (the words of the fact the quote must
    contain: a name, a figure as written, a point's text). With `every=False`, the run that holds the
    most anchors (at least one), the longest among those. None when there is none, or no anchor."""
    spans = _pieces(quote)
    where = [(at, at + len(a)) for a in anchors if a and (at := quote.find(a)) >= 0]
    if not where or (every and len(where) < len(anchors)) or not spans or len(spans) > MAX_PIECES:
        return None
    best: tuple[int, int, str] | None = None
    runs = sorted(((spans[j][1] - spans[i][0], i, j) for i in range(len(spans)) for j in range(i, len(spans))),
                  reverse=True)
    for length, i, j in runs:
        a, b = spans[i][0], spans[j][1]
        covered = sum(a <= x and y <= b for x, y in where)
        if covered == 0 or (every and covered < len(where)) or (best and (covered, length) <= best[:2]):
            continue
        part = quote[a:b]
        if grounder.occurs(part):
            best = (covered, length, part)
            if covered == len(where):  # the longest run that holds them all
                break
    return best[2] if best else None


def _moved(evidence: Evidence | None, anchors: list[list[str]], grounder: Grounder,
           every: bool = True) -> Evidence | None:
    """`evidence` as it stands in the copy: whole when its quote occurs there, else the part that holds
    the first list of `anchors` that can be found; unchanged when neither (the grounder rejects it)."""
    if evidence is None or grounder.occurs(evidence.quote):
        return evidence
    for words in anchors:
        part = relocate(evidence.quote, words, grounder, every=every)
        if part is not None:
            return Evidence(quote=part)
    return evidence


def relocated(facts: Facts, grounder: Grounder) -> Facts:
    """The story's facts with each quote that a copy lacks replaced by the part of it that states the
    fact and occurs in the copy (page clutter of the story's copy, a date line or a toolbar, inside a
    quote no longer costs the other copies the fact). What the part does not state is still checked
    by the grounder like any quote: a person must be in it, a figure inside it."""
    def text_anchor(zh: str, quote: str) -> list[list[str]]:
        return [[zh]] if zh in quote else []

    out: dict[str, Any] = {}
    for field in ("people", "figures", "points", "attendee_groups"):
        moved = []
        for fact in getattr(facts, field):
            ev = fact.evidence
            if isinstance(fact, Person):
                title = fact.title.zh if fact.title is not None and fact.title.zh in ev.quote else None
                anchors = ([[fact.name, title]] if title else []) + [[fact.name]]
            elif field == "figures":
                anchors = [[fact.quote]]
            else:
                anchors = text_anchor(fact.text.zh, ev.quote)
            moved.append(fact.model_copy(update={"evidence": _moved(ev, anchors, grounder)}))
        out[field] = moved
    event = facts.event
    update: dict[str, Any] = {}
    if event.evidence is not None:
        said = [v.zh for v in (event.name, event.place, event.convened_by, event.topic) if v is not None]
        # the part of the quote in the copy that holds as many of the event's facts as one can
        update["evidence"] = _moved(event.evidence, [said], grounder, every=False)
    if event.date is not None and event.date.evidence is not None:
        from summarise.parse.dates import find_dates

        mentions = find_dates(event.date.evidence.quote)
        date_evidence = _moved(event.date.evidence, [[mentions[0].quote]] if mentions else [], grounder)
        update["date"] = event.date.model_copy(update={"evidence": date_evidence})
    out["event"] = event.model_copy(update=update)
    return facts.model_copy(update=out)


def reground(story: Any, doc: Document, *, repost_of: RepostOf, kind: str, settings: Settings) -> Any:
    """The record of a copy: the story's facts grounded against the copy's own normalised text.

    What does not occur in the copy is dropped and listed in `provenance.rejected`; the headline is
    kept when the copy states it (else the copy's own title, with English from the glossary), the
    summary only when no fact was dropped (it was written for the fuller copy)."""
    from summarise.extract.record import assemble, llm_record
    from summarise.offline import bilingual
    from summarise.schemas import Usage

    facts = Facts.model_validate(story.model_dump(include=set(Facts.model_fields)))
    grounder = Grounder(doc.text, doc.published, doc.title)
    grounded, rejected = grounder.review(relocated(facts, grounder))
    rejected = [r.model_copy(update={"reason": f"{r.reason} (in this copy)"}) for r in rejected]
    update: dict[str, Any] = {}
    event: dict[str, Any] = {}
    for name in ("name", "place", "convened_by", "topic"):  # what the event's quote states, in this copy
        value = getattr(grounded.event, name)
        if value is not None and (grounded.event.evidence is None or not grounder.occurs(value.zh)):
            event[name] = None
            rejected.append(Rejection(field=f"event.{name}", value=value.zh, reason=(
                "the event's quote does not occur in this copy" if grounded.event.evidence is None
                else f"{value.zh!r} does not occur in this copy")))
    if event:
        update["event"] = grounded.event.model_copy(update=event)
    if facts.headline is not None and not grounder.occurs(facts.headline.zh):
        rejected = [r for r in rejected if r.field != "headline"]  # said once, with what replaces it
        rejected.append(Rejection(field="headline", value=facts.headline.zh,
                                  reason="the story's headline does not occur in this copy: its own title is used"))
        update["headline"] = bilingual.text(doc.title) if doc.title else None
    if grounded.summary is not None and rejected:
        rejected.append(Rejection(field="summary", value=grounded.summary.zh[:500],
                                  reason="written for a copy with facts this copy lacks"))
        update["summary"] = None
    if update:
        grounded = grounded.model_copy(update=update)
    if story.provenance.backend == "llm":
        record = llm_record(doc, grounded, rejected, Usage(), kind=kind, settings=settings)  # type: ignore[arg-type]
    else:
        record = assemble(doc, grounded, rejected, kind=kind, settings=settings,  # type: ignore[arg-type]
                          backend="offline")
    record.provenance.repost_of = repost_of
    return record
