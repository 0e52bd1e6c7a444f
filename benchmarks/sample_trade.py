"""List, in a fixed random order, the BBC articles the random-sample rated sets are drawn from.

The earlier rated sets were picked by reading, to cover hard cases; these are samples:
negotiation, trade and diplomacy articles not used before, in a seeded random order, with
*every* statement of each article rated, so their figures describe the statements a researcher
actually meets. ``tone_bbc_sample.csv`` holds the first 11 articles, ``tone_bbc_sample2.csv``
the next 13 (all there are).

    .venv/bin/python benchmarks/sample_trade.py [N]
"""

from __future__ import annotations

import csv
import random
import re
import sys

from _bbc import ROOT, bbc_folder

__all__ = ["TOPIC", "candidates"]

#: Negotiation, trade and diplomacy vocabulary; an article needs three distinct words (a final
#: "s" ignored) to count as on topic.
TOPIC = re.compile(
    r"\b(trade|tariffs?|wto|exports?|imports?|quotas?|dumping|sanctions?|embargo|"
    r"negotiat\w*|talks|summit|treaty|diplomat\w*|ambassador|foreign minister|"
    r"bilateral|protectionis\w*|free trade|retaliat\w*|disputes?|agreements?|"
    r"accords?|strikes?|unions?|ceasefire|peace|envoy|eu|european union|foreign)\b",
    re.IGNORECASE,
)
SEED = 20261122


def _used() -> set[str]:
    used: set[str] = set()
    for path in (ROOT / "benchmarks" / "data").glob("tone_*.csv"):
        if path.name.startswith("tone_bbc_sample"):  # drawn from this list: keep its order
            continue
        with path.open(encoding="utf-8") as fh:
            used |= {row["article_id"] for row in csv.DictReader(fh)}
    for gold in ("gold_bbc", "gold_bbc_holdout"):
        for path in (ROOT / "benchmarks" / gold).glob("*/*.txt"):
            used.add(f"{path.parent.name}/{path.stem}")
    return used


def _sentences(text: str) -> set[str]:
    return {s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if len(s.strip()) >= 60}


def candidates() -> list[str]:
    """On-topic business and politics articles with a quotation, not used before, shuffled.

    Articles sharing a sentence of 60 characters or more with a used one (the corpus has
    near-duplicate stories) are left out too, and of two such new articles only the first.
    """
    news = bbc_folder()
    used = _used()
    texts = {}
    for category in ("business", "politics"):
        for path in sorted((news / category).glob("*.txt")):
            texts[f"{category}/{path.stem}"] = path.read_text(encoding="utf-8", errors="replace")
    seen = set().union(*(_sentences(texts[k]) for k in used if k in texts))
    found = []
    for key, text in texts.items():
        hits = {m.group(0).lower().rstrip("s") for m in TOPIC.finditer(text)}
        if key in used or len(hits) < 3 or '"' not in text:
            continue
        sentences = _sentences(text)
        if sentences & seen:
            continue
        seen |= sentences
        found.append(key)
    random.Random(SEED).shuffle(found)
    return found


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 60
    for key in candidates()[:n]:
        print(key)
