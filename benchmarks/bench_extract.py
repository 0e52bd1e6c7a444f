"""Quote extraction and attribution: speed on the BBC corpus and accuracy on the gold sets.

Prints, for one core in this process:
- articles per second of extraction + attribution (``stance.extract_quotes``) over all 2,095
  BBC articles (texts loaded beforehand; best of ``--repeat`` runs);
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

import stance

__all__ = ["main"]


def _speed(repeat: int) -> None:
    articles = stance.load_corpus(bbc_folder())
    stance.extract_quotes(articles.head(50))  # load registry, cues, name lists once
    best = best_cpu = float("inf")
    n = 0
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        quotes = stance.extract_quotes(articles)
        best = min(best, time.perf_counter() - start)
        best_cpu = min(best_cpu, time.process_time() - start_cpu)
        n = len(quotes)
    print(f"BBC corpus: {len(articles)} articles, {n} statements")
    print(f"extraction + attribution, one core: wall {best:.2f} s = "
          f"{len(articles) / best:.0f} articles/s; CPU {best_cpu:.2f} s = "
          f"{len(articles) / best_cpu:.0f} articles/s (best of {repeat}; CPU time is what this "
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
