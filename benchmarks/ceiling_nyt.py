"""How far can word-level scoring go on human-rated news? A supervised ceiling on the NYT set.

Issue 4 asks for Spearman >= 0.70 with human tone ratings of trade and diplomacy news. This
script asks whether *any* word-level model could get there on the human-rated set we have
(VADER's NYT editorial snippets, ``benchmarks/data/vader_nyt/``), by giving one every
advantage: a ridge regression fitted to the human ratings themselves, with stance's tone score
plus one indicator feature per word (words in at least ``--min-df`` snippets, stop words left
out, and stance's lexicon words too unless ``--all-words``, which lets the fit re-weight them;
``--bigrams`` adds pairs of adjacent words).
It is a diagnostic, not part of the package: stance does not ship fitted weights.

Prints Spearman, for raw VADER, stance, and stance + fitted words:

- cross-validated on the snippets of editorials *not* on negotiation, trade or diplomacy
  (5 folds, whole editorials per fold, so no editorial is in both training and test);
- on the 216 snippets of the trade and diplomacy editorials (``bench_tone.nyt_topic``), with
  the model fitted on all the others.

Run: ``.venv/bin/python benchmarks/ceiling_nyt.py [--min-df 8] [--all-words] [--bigrams]``
"""

from __future__ import annotations

import argparse
import re

import numpy as np
import pandas as pd
from bench_tone import RATINGS, _ratings, nyt_topic

import stance
from stance.tone import make_scorer
from stance.validate import spearman

__all__ = ["main", "terms", "features", "fit_ridge"]

_WORD = re.compile(r"[a-z][a-z'\-]+")
_STOP = frozenset(
    "the a an and or of to in on for with at by from as is are was were be been it its this"
    " that these those he she they we you i his her their our your not no but if than then so"
    " such".split()
)


def terms(text: str, bigrams: bool = False) -> set[str]:
    """The words of a text, lower-cased, and with ``bigrams`` its pairs of adjacent words.

    Examples
    --------
    >>> sorted(terms("Talks stalled again", bigrams=True))
    ['again', 'stalled', 'stalled again', 'talks', 'talks stalled']
    """
    words = _WORD.findall(text.lower())
    out = set(words)
    if bigrams:
        out.update(f"{a} {b}" for a, b in zip(words, words[1:], strict=False))
    return out


def features(texts: list[str], vocab: list[str], bigrams: bool = False) -> np.ndarray:
    """One 0/1 column per vocabulary term: is it in the text?"""
    index = {w: i for i, w in enumerate(vocab)}
    x = np.zeros((len(texts), len(vocab)))
    for r, text in enumerate(texts):
        for w in terms(text, bigrams):
            if w in index:
                x[r, index[w]] = 1.0
    return x


def fit_ridge(score: np.ndarray, x: np.ndarray, y: np.ndarray, lam: float) -> np.ndarray:
    """Weights of ``y ~ a * score + x @ w`` with an intercept, ridge penalty ``lam`` on ``w``.

    Columns and ``y`` are centred (the intercept); predictions ``[score, x] @ weights`` are then
    off by a constant, which no rank correlation sees.

    Examples
    --------
    >>> s = np.array([0.0, 1.0, 2.0, 3.0]); x = np.zeros((4, 1))
    >>> [round(float(v), 6) for v in fit_ridge(s, x, 2 * s + 1, 1.0)]
    [2.0, 0.0]
    """
    a = np.column_stack([score, x])
    a = a - a.mean(axis=0)
    penalty = np.eye(a.shape[1]) * lam
    penalty[0, 0] = 0.0
    return np.linalg.solve(a.T @ a + penalty, a.T @ (y - y.mean()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-df", type=int, default=8, help="snippets a word must be in")
    parser.add_argument("--lam", type=float, nargs="+", default=[10.0, 30.0, 100.0, 300.0])
    parser.add_argument("--all-words", action="store_true",
                        help="fit stance's lexicon words too (a re-weighted lexicon)")
    parser.add_argument("--bigrams", action="store_true", help="pairs of adjacent words too")
    args = parser.parse_args(argv)

    rated = _ratings(RATINGS["NYT editorial snippets (VADER's ground truth)"])
    topic = nyt_topic(rated)
    rest = rated[~rated["id"].isin(topic["id"])]
    scorer = make_scorer()
    lexicon = set(scorer.lexicon)

    def tone(df: pd.DataFrame) -> np.ndarray:
        return np.array([scorer(t)["tone"] for t in df["text"]])

    def vader(df: pd.DataFrame) -> np.ndarray:
        return np.array([stance.score_vader(t)["tone"] for t in df["text"]])

    def rho(df: pd.DataFrame, pred: np.ndarray) -> float:
        return spearman(df["rating"], pd.Series(pred, index=df.index))

    counts: dict[str, int] = {}
    for text in rest["text"]:
        for w in terms(text, args.bigrams):
            counts[w] = counts.get(w, 0) + 1
    vocab = sorted(w for w, c in counts.items()
                   if c >= args.min_df and w not in _STOP
                   and (args.all_words or w not in lexicon))
    x_rest, s_rest = features(rest["text"].tolist(), vocab, args.bigrams), tone(rest)
    y_rest = rest["rating"].to_numpy()
    which = "any word" if args.all_words else "not in stance's lexicon"
    print(f"{len(rest)} snippets not on the topic (cross-validation), {len(topic)} on it; "
          f"{len(vocab)} word features (in >= {args.min_df} snippets, {which})")

    editorial = rest["id"].str.split("_").str[0].to_numpy()
    order = np.random.default_rng(0).permutation(np.unique(editorial))
    fold = dict(zip(order, np.arange(len(order)) % 5, strict=True))
    folds = np.array([fold[e] for e in editorial])
    print(f"\ncross-validated, 5 folds by editorial: VADER {rho(rest, vader(rest)):.3f}, "
          f"stance {rho(rest, s_rest):.3f}")
    for lam in args.lam:
        pred = np.zeros(len(rest))
        for k in range(5):
            train, test = folds != k, folds == k
            w = fit_ridge(s_rest[train], x_rest[train], y_rest[train], lam)
            pred[test] = np.column_stack([s_rest[test], x_rest[test]]) @ w
        print(f"  stance + fitted words (ridge {lam:g}): {rho(rest, pred):.3f}")

    s_top = tone(topic)
    x_top = features(topic["text"].tolist(), vocab, args.bigrams)
    print(f"\ntrade and diplomacy editorials, fitted on all the others: VADER "
          f"{rho(topic, vader(topic)):.3f}, stance {rho(topic, s_top):.3f}")
    for lam in args.lam:
        w = fit_ridge(s_rest, x_rest, y_rest, lam)
        pred = np.column_stack([s_top, x_top]) @ w
        print(f"  stance + fitted words (ridge {lam:g}): {rho(topic, pred):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
