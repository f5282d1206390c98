"""Make and measure summarise/data/common_words.txt: the words the offline name finder must not take
for a name (郑重, 有关, 成员国 …).

The list is derived from jieba's dictionary (jieba 0.42.1, dict.txt, MIT licence: word, frequency,
part of speech), which is not a dependency of summarise: install it in a scratch environment to
regenerate (``python -m venv /tmp/jb && /tmp/jb/bin/pip install jieba``)::

    /tmp/jb/bin/python benchmarks/common_words.py --write     # regenerate the data file
    .venv/bin/python benchmarks/common_words.py --check       # gold names the list would refuse

Three sections, each chosen for what the name finder sees:

- ``word``: two-character words opening with a surname (郑重, 方面, 江苏) that jieba does not tag as a
  name (nr…), frequency >= WORD_MIN: such a candidate is a word, not surname + given name.
- ``left``: two- and three-character words ending with a surname (有关, 机关, 成员国, 由于), frequency
  >= LEFT_MIN: a candidate whose surname completes such a word is that word's tail (有关副秘书长).
- ``word`` also takes rarer common nouns, verbs and adjectives opening with a surname (党课, frequency
  >= RARE_WORD_MIN), but no place, organisation or other proper noun (ns, nt, nz: 江南 is a gold name).
- ``given``: two-character function words (adverbs, conjunctions, numerals + measure, pronouns …:
  一道, 以及, 同时), frequency >= GIVEN_MIN, abbreviations (j: 政协, 人大) of frequency >= ABBREV_MIN and
  any very common word (大家, 工作) of frequency >= COMMON_MIN: no given name (向大家, 区政协).
- ``across``: very common two-character words (frequency >= COMMON_MIN: 工作, 发展) that a name's last
  character would begin with the character after it: 委员谈工作 holds no name 谈工.

``--check`` lists every gold name (all gold sets but those marked BLIND) that a section would refuse, so a
threshold is chosen with the gold sets' names kept.
"""
from __future__ import annotations

import argparse
import glob
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
OUT = REPO / "summarise" / "data" / "common_words.txt"
WORD_MIN, LEFT_MIN, GIVEN_MIN = 100, 200, 1000
RARE_WORD_MIN, ABBREV_MIN, COMMON_MIN = 10, 100, 10000
PROPER_TAGS = ("nr", "ns", "nt", "nz")
FUNCTION_TAGS = frozenset(("d", "c", "p", "u", "r", "m", "f", "q", "ad", "y", "e", "o", "uj", "ul", "uv", "uz",
                           "ud", "ug", "dg", "rr", "rz", "mq"))


def _jieba_dictionary() -> dict[str, tuple[int, str]]:
    import jieba  # a scratch environment's, not summarise's

    words = {}
    with open(Path(jieba.__file__).parent / "dict.txt", encoding="utf-8") as f:
        for line in f:
            word, freq, tag = line.split()
            words[word] = (int(freq), tag)
    return words


def select(words: dict[str, tuple[int, str]]) -> dict[str, list[str]]:
    import importlib.util  # the module alone: the scratch environment lacks summarise's dependencies

    spec = importlib.util.spec_from_file_location("surnames", REPO / "summarise" / "offline" / "surnames.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    surnames = module.SINGLE | module.WEAK
    out: dict[str, list[str]] = {"word": [], "left": [], "given": [], "across": []}
    for w, (freq, tag) in words.items():
        if not all("\u4e00" <= c <= "\u9fff" for c in w) or tag.startswith("nr"):
            continue
        if len(w) == 2 and w[0] in surnames and (freq >= WORD_MIN or (freq >= RARE_WORD_MIN and not tag.startswith(PROPER_TAGS))):
            out["word"].append(w)
        if len(w) in (2, 3) and w[-1] in surnames and freq >= LEFT_MIN:
            out["left"].append(w)
        if len(w) == 2 and ((tag in FUNCTION_TAGS and freq >= GIVEN_MIN) or (tag == "j" and freq >= ABBREV_MIN)
                            or freq >= COMMON_MIN):
            out["given"].append(w)
        if len(w) == 2 and freq >= COMMON_MIN:
            out["across"].append(w)
    return {k: sorted(v) for k, v in out.items()}


def write() -> None:
    sections = select(_jieba_dictionary())
    lines = ["# Words the offline name finder must not take for a name (benchmarks/common_words.py).",
             "# Derived from jieba 0.42.1's dict.txt (MIT licence, https://github.com/fxsjy/jieba):",
             f"# word: 2-char words opening with a surname, not tagged a name, frequency >= {WORD_MIN};",
             f"# left: 2-3-char words ending with a surname, not tagged a name, frequency >= {LEFT_MIN};",
             f"#   and 2-char common words (not a proper noun) of frequency >= {RARE_WORD_MIN};",
             f"# given: 2-char function words (adverbs, conjunctions, numerals …), frequency >= {GIVEN_MIN},",
             f"#   abbreviations (j) of frequency >= {ABBREV_MIN}, any word of frequency >= {COMMON_MIN};",
             f"# across: 2-char words of frequency >= {COMMON_MIN} (a name's last character never begins one)."]
    for name, items in sections.items():
        lines.append(f"[{name}]")
        lines += [" ".join(items[i:i + 40]) for i in range(0, len(items), 40)]
    OUT.write_text("\n".join(lines) + "\n", "utf-8")
    print(f"{OUT}: " + ", ".join(f"{k} {len(v)}" for k, v in sections.items()))


def check() -> int:
    from summarise.offline import lexicon

    names = set()
    for path in glob.glob(str(REPO / "eval" / "*" / "gold" / "*.json")) + glob.glob(str(REPO.parent / "shared" / "eval" / "gold" / "*.json")):
        if (Path(path).parents[1] / "BLIND").exists():
            continue  # a blind set stays unseen until its first run
        gold = json.loads(Path(path).read_text("utf-8"))
        names |= {p["name"] for p in gold.get("people") or []}
    refused = sorted(n for n in names if lexicon.refuses(n))
    print(f"{len(names)} gold names, {len(refused)} refused by the word lists: {refused}")
    return 1 if refused else 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help="regenerate the data file (needs jieba)")
    parser.add_argument("--check", action="store_true", help="gold names the list refuses")
    args = parser.parse_args()
    if args.write:
        write()
    sys.exit(check() if args.check else 0)
