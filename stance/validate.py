"""How well scorers agree with human ratings: Pearson, Spearman and 3-class macro F1.

A researcher who codes a sample of statements by hand can check any scorer (raw VADER, the
domain scorer, a model of their own) against that coding before trusting it on a corpus.
Spearman is Pearson on ranks (average ranks for ties), computed with pandas, so nothing beyond
pandas and numpy is needed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

__all__ = [
    "CAUTION_RATING_BINS",
    "CAUTION_SCORE_BINS",
    "RATING_BINS",
    "TONE_SCORE_BINS",
    "VALIDATION_COLUMNS",
    "default_scorers",
    "macro_f1",
    "pearson",
    "read_ratings",
    "spearman",
    "three_class",
    "validate",
]

Scorer = Callable[[str], Mapping[str, Any]]

#: Columns of the table :func:`validate` returns.
VALIDATION_COLUMNS: list[str] = ["scorer", "target", "n", "pearson", "spearman", "f1_macro"]

#: Tone ratings (-2..2) at or below the first bound are negative, at or above the second
#: positive: -1 and -2 negative, 0 neutral, 1 and 2 positive (means of several raters too).
RATING_BINS: tuple[float, float] = (-0.5, 0.5)
#: Tone scores (-1..1): VADER's documented thresholds (compound <= -0.05 negative, >= 0.05
#: positive).
TONE_SCORE_BINS: tuple[float, float] = (-0.05, 0.05)
#: Caution ratings (0..2): 0 none, 1 some, 2 strong.
CAUTION_RATING_BINS: tuple[float, float] = (0.5, 1.5)
#: Caution scores (0..1): the rating bounds over 2 (0.25 or less none, 0.75 or more strong).
CAUTION_SCORE_BINS: tuple[float, float] = (0.25, 0.75)

_CLASSES = ("low", "mid", "high")


def read_ratings(path: str | Path) -> pd.DataFrame:
    """Read a CSV or TSV of rated statements: ``text``, ``rating``, optionally ``caution``.

    Raises
    ------
    FileNotFoundError
        If there is no such file.
    ValueError
        If a required column is missing or a rating is not a number; the message names the file
        and the columns.

    Examples
    --------
    >>> import tempfile, os
    >>> d = tempfile.mkdtemp(); p = os.path.join(d, "r.csv")
    >>> _ = open(p, "w").write("text,rating\\nGood talks,1\\n")
    >>> read_ratings(p)["rating"].tolist()
    [1.0]
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such file")
    with path.open(encoding="utf-8-sig") as fh:
        header = fh.readline()
    tabs = path.suffix.lower() in (".tsv", ".tab") or header.count("\t") > header.count(",")
    try:
        frame = pd.read_csv(
            path, sep="\t" if tabs else ",", encoding="utf-8-sig", dtype={"text": str}
        )
    except (pd.errors.ParserError, UnicodeDecodeError) as exc:
        raise ValueError(f"{path}: cannot be read as a {'TSV' if tabs else 'CSV'} ({exc})") from exc
    frame.columns = [str(c).strip() for c in frame.columns]
    missing = [c for c in ("text", "rating") if c not in frame.columns]
    if missing:
        found = ", ".join(frame.columns) or "none"
        raise ValueError(
            f"{path}: missing column(s) {', '.join(repr(c) for c in missing)} "
            f"(found: {found}); a ratings file needs 'text' and 'rating', optionally 'caution'"
        )
    for col in ("rating", "caution"):
        if col in frame.columns:
            values = pd.to_numeric(frame[col], errors="coerce")
            bad = frame[col].notna() & values.isna()
            if bad.any():
                row = int(np.flatnonzero(bad.to_numpy())[0]) + 2
                value = frame[col][bad].iloc[0]
                raise ValueError(f"{path}: {col} {value!r} on line {row} is not a number")
            frame[col] = values.astype("float64")
    return frame


def pearson(x: Sequence[float] | pd.Series, y: Sequence[float] | pd.Series) -> float:
    """Pearson's r over the pairs where both values are present; NaN if either is constant.

    Examples
    --------
    >>> pearson([1, 2, 3], [2, 4, 7]) > 0.98
    True
    """
    a, b = _pairs(x, y)
    if len(a) < 2 or a.std() == 0 or b.std() == 0:
        return float("nan")
    return float(np.corrcoef(a, b)[0, 1])


def spearman(x: Sequence[float] | pd.Series, y: Sequence[float] | pd.Series) -> float:
    """Spearman's rho: Pearson's r of average ranks (ties share their mean rank).

    Examples
    --------
    >>> spearman([1, 2, 3, 4], [1, 4, 9, 16])
    1.0
    """
    a, b = _pairs(x, y)
    return pearson(pd.Series(a).rank(method="average"), pd.Series(b).rank(method="average"))


def three_class(values: Sequence[float] | pd.Series, bins: tuple[float, float]) -> pd.Series:
    """Bin values into low / mid / high: up to ``bins[0]`` low, from ``bins[1]`` high.

    Examples
    --------
    >>> three_class([-0.3, 0.0, 0.3], (-0.05, 0.05)).tolist()
    ['low', 'mid', 'high']
    """
    v = pd.to_numeric(pd.Series(values), errors="coerce")
    lo, hi = bins
    labels = np.where(v <= lo, "low", np.where(v >= hi, "high", "mid"))
    out = pd.Series(labels, index=v.index, dtype=object)
    return out.where(v.notna())


def macro_f1(truth: Sequence[str] | pd.Series, predicted: Sequence[str] | pd.Series) -> float:
    """Mean F1 over the classes that occur in either the truth or the prediction.

    Examples
    --------
    >>> macro_f1(["low", "high"], ["low", "high"])
    1.0
    """
    t = pd.Series(list(truth), dtype=object)
    p = pd.Series(list(predicted), dtype=object)
    keep = t.notna() & p.notna()
    t, p = t[keep], p[keep]
    classes = sorted(set(t) | set(p))
    if not classes:
        return float("nan")
    scores = []
    for c in classes:
        tp = int(((t == c) & (p == c)).sum())
        fp = int(((t != c) & (p == c)).sum())
        fn = int(((t == c) & (p != c)).sum())
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return float(np.mean(scores))


def default_scorers() -> dict[str, Scorer]:
    """Raw VADER and the domain scorer, the pair every validation reports."""
    from .tone import score_text, score_vader

    return {"vader": score_vader, "domain": score_text}


def validate(
    ratings: pd.DataFrame | str | Path,
    scorers: Mapping[str, Scorer] | Sequence[Scorer] | None = None,
    *,
    rating_bins: tuple[float, float] = RATING_BINS,
    score_bins: tuple[float, float] = TONE_SCORE_BINS,
    caution_rating_bins: tuple[float, float] = CAUTION_RATING_BINS,
    caution_score_bins: tuple[float, float] = CAUTION_SCORE_BINS,
) -> pd.DataFrame:
    """Agreement of each scorer with human ratings: one row per scorer and target.

    Parameters
    ----------
    ratings : DataFrame or path
        Rated statements with ``text`` and ``rating`` (tone), optionally ``caution``; a path is
        read with :func:`read_ratings`.
    scorers : mapping name -> callable, or a list of callables, optional
        Each callable takes a text and returns a dict with ``tone`` (or VADER's ``compound``)
        and optionally ``caution``. Default: raw VADER and the domain scorer.
    rating_bins, score_bins, caution_rating_bins, caution_score_bins : (low, high)
        Thresholds that turn ratings and scores into three classes for macro F1 (see the module
        constants for the defaults and why).

    Returns
    -------
    DataFrame
        Columns ``scorer, target, n, pearson, spearman, f1_macro``. Targets are ``tone`` and,
        when the ratings have it, ``caution``; a scorer without a caution score gets no caution
        row. ``n`` counts the statements with both a rating and a score.

    Examples
    --------
    >>> texts = ["Great progress!", "That is unacceptable.", "Talks are on Monday."]
    >>> r = pd.DataFrame({"text": texts, "rating": [2, -2, 0]})
    >>> float(validate(r).set_index("scorer").loc["domain", "spearman"])
    1.0
    """
    frame = read_ratings(ratings) if isinstance(ratings, (str, Path)) else ratings
    missing = [c for c in ("text", "rating") if c not in frame.columns]
    if missing:
        raise ValueError(f"ratings: missing column(s) {', '.join(map(repr, missing))}")
    if scorers is None:
        scorers = default_scorers()
    elif not isinstance(scorers, Mapping):
        scorers = {getattr(f, "__name__", f"scorer{k}"): f for k, f in enumerate(scorers)}
    texts = frame["text"].tolist()
    targets = [("tone", "rating", rating_bins, score_bins)]
    if "caution" in frame.columns:
        targets.append(("caution", "caution", caution_rating_bins, caution_score_bins))
    rows = []
    for name, fn in scorers.items():
        got = [_scores(fn, t) for t in texts]
        for target, column, r_bins, s_bins in targets:
            score = pd.Series([g.get(target, np.nan) for g in got], index=frame.index, dtype=float)
            if score.isna().all():
                continue
            rated = pd.to_numeric(frame[column], errors="coerce")
            both = rated.notna() & score.notna()
            rows.append({
                "scorer": name, "target": target, "n": int(both.sum()),
                "pearson": pearson(rated, score), "spearman": spearman(rated, score),
                "f1_macro": macro_f1(three_class(rated[both], r_bins),
                                     three_class(score[both], s_bins)),
            })  # fmt: skip
    return pd.DataFrame(rows, columns=VALIDATION_COLUMNS)


def _scores(fn: Scorer, text: Any) -> Mapping[str, Any]:
    if not isinstance(text, str):
        return {}
    got = fn(text)
    if "tone" not in got and "compound" in got:
        got = {**got, "tone": got["compound"]}
    return got


def _pairs(x: Any, y: Any) -> tuple[np.ndarray, np.ndarray]:
    a = pd.to_numeric(pd.Series(list(x)), errors="coerce").to_numpy(dtype=float)
    b = pd.to_numeric(pd.Series(list(y)), errors="coerce").to_numpy(dtype=float)
    if len(a) != len(b):
        raise ValueError(f"x and y differ in length ({len(a)} and {len(b)})")
    keep = ~(np.isnan(a) | np.isnan(b))
    return a[keep], b[keep]
