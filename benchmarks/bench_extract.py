"""Quote extraction and attribution: speed on the BBC corpus and accuracy on the gold sets.

Prints, for one core in this process:
- articles per second of extraction + attribution (``stance.extract_quotes``) over all 2,095
  BBC articles (texts loaded beforehand; best of ``--repeat`` runs), on a first pass (what the
  package remembers of text it has seen emptied before it, as in ``bench_pipeline.py``) and
  on a second, warm pass over the same articles;
- precision, recall, F1 by kind and the share with the right canonical speaker, on the seed
  gold (``tests/data/gold_seeds.csv``), the BBC gold (``benchmarks/gold_bbc/``) and the BBC
  held-out gold (``benchmarks/gold_bbc_holdout/``, annotated blind to the extractor).

Run: ``.venv/bin/python benchmarks/bench_extract.py``
"""

from __future__ import annotations

import argparse
import platform
import time

from _bbc import ROOT, bbc_folder
from bench_pipeline import _warm_up, forget

import stance

__all__ = ["main"]


def _speed(repeat: int) -> None:
    articles = stance.load_corpus(bbc_folder())
    _warm_up()  # the registry, cues and name lists, on a text that is not from the corpus
    best = {"first": [float("inf")] * 2, "warm": [float("inf")] * 2}
    n = 0
    for _ in range(repeat):
        forget()
        for run in ("first", "warm"):
            start, start_cpu = time.perf_counter(), time.process_time()
            quotes = stance.extract_quotes(articles)
            wall, cpu = time.perf_counter() - start, time.process_time() - start_cpu
            best[run] = [min(best[run][0], wall), min(best[run][1], cpu)]
            n = len(quotes)
    print(f"BBC corpus: {len(articles)} articles, {n} statements")
    for run, label in (("first", "first pass"), ("warm", "second, warm pass")):
        wall, cpu = best[run]
        print(f"extraction + attribution, one core, {label}: wall {wall:.2f} s = "
              f"{len(articles) / wall:.0f} articles/s; CPU {cpu:.2f} s = "
              f"{len(articles) / cpu:.0f} articles/s (best of {repeat}; CPU time is what this "
              "process used, robust to other load on the machine)")
    counts = quotes["kind"].value_counts().to_dict()
    unknown = (quotes["speaker"] == "unknown").mean()
    print(f"kinds: {counts}; speaker unknown for {unknown:.1%}")


def _gold(name: str, corpus, gold) -> None:
    articles = stance.load_corpus(corpus)
    quotes = stance.extract_quotes(articles)
    result = stance.evaluate(quotes, gold, articles)
    print(f"\n{name}: {len(articles)} articles, {len(result.missed) + len(result.matches)} gold "
          f"statements, {len(quotes)} found")
    print(result)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"{platform.platform()}, Python {platform.python_version()}, stance "
          f"{stance.__version__}")
    _speed(args.repeat)
    _gold("Seed gold", ROOT / "seeds", ROOT / "tests" / "data" / "gold_seeds.csv")
    _gold("BBC gold", ROOT / "benchmarks" / "gold_bbc",
          ROOT / "benchmarks" / "gold_bbc" / "gold.csv")
    _gold("BBC held-out gold", ROOT / "benchmarks" / "gold_bbc_holdout",
          ROOT / "benchmarks" / "gold_bbc_holdout" / "gold.csv")


if __name__ == "__main__":
    main()
