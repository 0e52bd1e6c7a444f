"""Tone scoring: speed next to raw VADER on the BBC sentences, and agreement with human ratings.

Prints, for one core in this process:
- sentences per second of raw VADER (vaderSentiment's ``polarity_scores``) and of the domain
  scorer (``stance.score_text``) over every sentence of the 2,095 BBC articles (split with
  ``stance.sentence_spans``; best of ``--repeat`` runs each, interleaved), and the domain
  layer's cost per sentence relative to raw VADER (target: at most +25%);
- when the rating files are there, the validation table (Pearson, Spearman, 3-class macro F1)
  of raw VADER, the domain scorer and a "not"-only caution baseline, on the seed statements
  (``tests/data/tone_seeds.csv``), the rated BBC statements (``benchmarks/data/tone_bbc*.csv``:
  the development, held-out and final sets picked by reading, and the random sample with every
  statement of each article rated) and VADER's human-rated NYT editorial snippets
  (``benchmarks/data/vader_nyt/``): all 5,190 of them, and the snippets of the editorials on
  negotiation, trade and diplomacy (:func:`nyt_topic`, the topic words of ``sample_trade.py``);
- for each random sample, which two raters rated independently: how far the raters agree with
  each other, and each scorer against each rater and against the mean of the two.

Run: ``.venv/bin/python benchmarks/bench_tone.py``
"""

from __future__ import annotations

import argparse
import platform
import re
import time
from pathlib import Path

import numpy as np
import pandas as pd
from _bbc import ROOT, bbc_folder
from sample_trade import TOPIC

import stance
from stance.tone import make_scorer, vader_analyzer
from stance.validate import pearson, spearman, validate

__all__ = ["main", "nyt_topic", "not_rule", "weighted_kappa"]

RATINGS = {
    "seed statements": ROOT / "tests" / "data" / "tone_seeds.csv",
    "BBC statements (development set)": ROOT / "benchmarks" / "data" / "tone_bbc.csv",
    "BBC statements (held-out set)": ROOT / "benchmarks" / "data" / "tone_bbc_holdout.csv",
    "BBC statements (final set)": ROOT / "benchmarks" / "data" / "tone_bbc_final.csv",
    "NYT editorial snippets (VADER's ground truth)": ROOT
    / "benchmarks"
    / "data"
    / "vader_nyt"
    / "nytEditorialSnippets_GroundTruth.txt",
}

#: An NYT editorial is on negotiation, trade or diplomacy when its snippets hold at least this
#: many distinct topic words of ``sample_trade.TOPIC``. The BBC samples ask for three in an
#: article; an editorial is about a third as long (10 snippets, some 200 words).
NYT_TOPIC_WORDS = 2

#: The random samples of negotiation, trade and diplomacy statements (``sample_trade.py``), each
#: rated by two raters: the first sample, and the second, kept for a final check.
_DATA = ROOT / "benchmarks" / "data"
SAMPLES = {
    "random sample": (_DATA / "tone_bbc_sample.csv", _DATA / "tone_bbc_sample_rater2.csv"),
    "second random sample": (_DATA / "tone_bbc_sample2.csv", _DATA / "tone_bbc_sample2_rater2.csv"),
}

_NOT = re.compile(r"\b(?:not|no|never|nor|cannot)\b|n't\b", re.IGNORECASE)


def not_rule(text: str) -> dict[str, float]:
    """The baseline issue 4 names: caution is 1 when the statement has a negation, else 0."""
    return {"caution": 1.0 if _NOT.search(text) else 0.0}


def _sentences() -> list[str]:
    articles = stance.load_corpus(bbc_folder())
    out = []
    for text in articles["text"]:
        out.extend(text[s:e] for s, e in stance.sentence_spans(text))
    return out


def _speed(repeat: int) -> None:
    sentences = _sentences()
    vader = vader_analyzer().polarity_scores
    domain = make_scorer()
    domain(sentences[0])  # load the lexicon and cue lists once, outside the timing
    best = {"raw VADER": float("inf"), "domain scorer": float("inf")}
    for _ in range(repeat):
        for name, fn in (("raw VADER", vader), ("domain scorer", domain)):
            start = time.perf_counter()
            for s in sentences:
                fn(s)
            best[name] = min(best[name], time.perf_counter() - start)
    print(f"BBC corpus: {len(sentences)} sentences; one core, best of {repeat} runs each")
    for name, seconds in best.items():
        per = seconds / len(sentences) * 1e6
        print(f"  {name:14s} {len(sentences) / seconds:9.0f} sentences/s  ({per:.1f} µs each)")
    cost = best["domain scorer"] / best["raw VADER"] - 1
    verdict = "within" if cost <= 0.25 else "OVER"
    print(f"  domain layer cost per sentence vs raw VADER: {cost:+.0%} ({verdict} the +25% target)")


def _ratings(path: Path) -> pd.DataFrame:
    if path.suffix == ".txt":  # VADER's ground-truth format: id, mean rating, text; no header
        return pd.read_csv(
            path, sep="\t", header=None, names=["id", "rating", "text"], quoting=3, dtype=str
        ).astype({"rating": float})
    return stance.read_ratings(path)


def nyt_topic(ratings: pd.DataFrame, min_words: int = NYT_TOPIC_WORDS) -> pd.DataFrame:
    """The snippets of the NYT editorials on negotiation, trade and diplomacy.

    An editorial (the part of ``id`` before ``_``) is on topic when its snippets together hold
    at least ``min_words`` distinct words of ``sample_trade.TOPIC`` (a final "s" ignored);
    all of its snippets are kept, so the set is every statement of those editorials, not a
    pick.

    Examples
    --------
    >>> r = pd.DataFrame({"id": ["1_1", "1_2", "2_1"], "rating": [1.0, -1.0, 0.0],
    ...                   "text": ["Trade talks resumed.", "Nothing came of it.", "Rain."]})
    >>> nyt_topic(r)["id"].tolist()
    ['1_1', '1_2']
    """
    editorial = ratings["id"].str.split("_").str[0]
    words = ratings.groupby(editorial)["text"].agg(
        lambda texts: len({m.group(0).lower().rstrip("s") for m in TOPIC.finditer(" ".join(texts))})
    )
    return ratings[editorial.map(words) >= min_words]


def _validation() -> None:
    scorers = {"vader": stance.score_vader, "domain": stance.score_text, "not-rule": not_rule}
    for label, path in RATINGS.items():
        if not path.is_file():
            print(f"\n{label}: {path.relative_to(ROOT)} not found, skipped")
            continue
        ratings = _ratings(path)
        sets = [(label, ratings)]
        if path.suffix == ".txt":
            sets.append((f"{label}, editorials on negotiation, trade and diplomacy",
                         nyt_topic(ratings)))
        for name, rated in sets:
            table = validate(rated, scorers)
            print(f"\n{name}: {len(rated)} rated, {path.relative_to(ROOT)}")
            print(table.to_string(index=False, float_format=lambda x: f"{x:.3f}"))


def weighted_kappa(a: pd.Series, b: pd.Series) -> float:
    """Cohen's kappa with quadratic weights, for two raters' integer ratings of the same items.

    Examples
    --------
    >>> float(round(weighted_kappa(pd.Series([0, 1, 2]), pd.Series([0, 1, 2])), 3))
    1.0
    """
    levels = sorted(set(a) | set(b))
    index = {v: i for i, v in enumerate(levels)}
    k = len(levels)
    observed = np.zeros((k, k))
    for x, y in zip(a, b, strict=True):
        observed[index[x], index[y]] += 1
    observed /= observed.sum()
    expected = np.outer(observed.sum(axis=1), observed.sum(axis=0))
    grid = np.arange(k)
    weights = (grid[:, None] - grid[None, :]) ** 2 / max(1, (k - 1) ** 2)
    return 1.0 - (weights * observed).sum() / (weights * expected).sum()


def _agreement(name: str, first: Path, second: Path) -> None:
    if not (first.is_file() and second.is_file()):
        print(f"\n{name}: the two raters' files are not both there, skipped")
        return
    a, b = stance.read_ratings(first), stance.read_ratings(second)
    if a["text"].tolist() != b["text"].tolist():
        raise SystemExit(f"{first.name} and {second.name} do not rate the same statements")
    rows = []
    for col in ("rating", "caution"):
        x, y = a[col], b[col]
        rows.append({
            "target": "tone" if col == "rating" else "caution", "n": len(x),
            "pearson": pearson(x, y), "spearman": spearman(x, y),
            "exact": float((x == y).mean()), "within_one": float(((x - y).abs() <= 1).mean()),
            "kappa_quadratic": weighted_kappa(x, y),
        })  # fmt: skip
    print(f"\n{name}: agreement between the two raters ({first.name}, {second.name})")
    print(pd.DataFrame(rows).to_string(index=False, float_format=lambda v: f"{v:.3f}"))
    scorers = {"vader": stance.score_vader, "domain": stance.score_text, "not-rule": not_rule}
    mean = a.assign(rating=(a["rating"] + b["rating"]) / 2,
                    caution=(a["caution"] + b["caution"]) / 2)
    for label, ratings in (("rater 1", a), ("rater 2", b), ("mean of the two raters", mean)):
        print(f"\n{name}, scorers against {label}: {len(ratings)} rated")
        table = validate(ratings, scorers)
        print(table.to_string(index=False, float_format=lambda v: f"{v:.3f}"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per scorer")
    parser.add_argument("--no-speed", action="store_true", help="only the validation tables")
    args = parser.parse_args(argv)
    print(f"Python {platform.python_version()} on {platform.machine()}")
    if not args.no_speed:
        _speed(args.repeat)
    _validation()
    for name, (first, second) in SAMPLES.items():
        _agreement(name, first, second)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
