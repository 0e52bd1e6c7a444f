"""Side-by-side statistics with honest uncertainty: bootstrap intervals, permutation tests, effects.

A study of a few dozen statements cannot say much, and these functions say exactly how much:
every mean comes with its n and a seeded 95% percentile bootstrap interval, a contrast between
two sides comes with a permutation p-value (exact when the number of splits is small) and two
effect sizes, and groups of fewer than :data:`SMALL_N` units are flagged.

With ``cluster="speaker"`` (or ``"article_id"``) the unit of analysis is the cluster: each
speaker's (or article's) statements are first averaged, so every speaker counts once, and the
bootstrap and the permutation test resample and shuffle whole speakers. One talkative official
then cannot carry a side.

Results depend only on the values, never on row order, and each group draws from its own
random stream (the seed and the group's label), so a group's interval is the same whether it is
summarised alone or with others.
"""

from __future__ import annotations

import itertools
import math
import zlib
from collections.abc import Hashable, Sequence
from dataclasses import asdict, dataclass

import numpy as np
import pandas as pd

__all__ = [
    "summarize",
    "contrast",
    "Contrast",
    "bootstrap_means",
    "permutation_pvalue",
    "cliffs_delta",
    "hedges_g",
    "SMALL_N",
    "DEFAULT_SEED",
    "N_BOOT",
    "N_PERM",
    "EXACT_LIMIT",
    "SUMMARY_COLUMNS",
]

#: Groups with fewer units than this are flagged as small.
SMALL_N = 5
#: Seed used when none is given (the day the seed corpus begins, 17 April 2025).
DEFAULT_SEED = 20250417
#: Bootstrap resamples per interval.
N_BOOT = 10_000
#: Random permutations when exact enumeration is too large.
N_PERM = 10_000
#: Largest number of distinct splits that is enumerated exactly.
EXACT_LIMIT = 20_000
#: Columns of :func:`summarize` after the group keys.
SUMMARY_COLUMNS: list[str] = ["n", "n_units", "mean", "median", "ci_low", "ci_high", "small"]

_BLOCK = 2_000_000  # array elements per vectorised block, so memory stays bounded
_SIDE_RANK = {s: i for i, s in enumerate(("US", "Japan", "analyst", "media", "other", "unknown"))}
_CLUSTER_NOUNS = {"speaker": ("speaker", "speakers"), "article_id": ("article", "articles")}
_DIRECTIONS = {
    "tone": ("more positive in tone", "more negative in tone"),
    "caution": ("more cautious", "less cautious"),
    "optimism": ("more optimistic", "less optimistic"),
    "pos": ("higher in positive share", "lower in positive share"),
    "neg": ("higher in negative share", "lower in negative share"),
    "neu": ("higher in neutral share", "lower in neutral share"),
}


def _rng(seed: int, key: Hashable) -> np.random.Generator:
    """A random stream fixed by the seed and a label, independent of any other group."""
    return np.random.default_rng([int(seed), zlib.crc32(str(key).encode("utf-8"))])


def bootstrap_means(values: Sequence[float] | np.ndarray, n_boot: int = N_BOOT,
                    rng: np.random.Generator | int | None = None) -> np.ndarray:
    """Means of ``n_boot`` resamples (with replacement) of ``values``, vectorised in blocks.

    Parameters
    ----------
    values : array-like of float
        The sample; must not be empty.
    n_boot : int
        Number of resamples.
    rng : numpy.random.Generator or int, optional
        The random stream, or a seed for one.

    Returns
    -------
    numpy.ndarray
        ``n_boot`` resampled means.

    Examples
    --------
    >>> boot = bootstrap_means([1.0, 1.0, 1.0], n_boot=100, rng=0)
    >>> float(boot.min()), float(boot.max())
    (1.0, 1.0)
    """
    x = np.asarray(values, dtype=float)
    if x.size == 0:
        raise ValueError("cannot bootstrap an empty sample")
    gen = rng if isinstance(rng, np.random.Generator) else np.random.default_rng(rng)
    n = x.size
    out = np.empty(int(n_boot))
    step = max(1, _BLOCK // n)
    for start in range(0, out.size, step):
        k = min(step, out.size - start)
        out[start:start + k] = x[gen.integers(0, n, size=(k, n))].mean(axis=1)
    return out


def _interval(boot: np.ndarray, ci: float) -> tuple[float, float]:
    tail = (1.0 - ci) / 2.0
    low, high = np.quantile(boot, [tail, 1.0 - tail])
    return float(low), float(high)


def _units(frame: pd.DataFrame, metric: str, cluster: str | None) -> np.ndarray:
    """Sorted analysis units: statement values, or per-cluster means of them."""
    values = pd.to_numeric(frame[metric], errors="coerce")
    if cluster is None:
        units = values.dropna().to_numpy(dtype=float)
    else:
        keys = frame[cluster].astype(object).where(frame[cluster].notna(), "<missing>")
        units = values.groupby(keys, sort=True).mean().dropna().to_numpy(dtype=float)
    return np.sort(units)


def _check_columns(frame: pd.DataFrame, columns: Sequence[str]) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise KeyError(f"missing column(s) {missing}; the table has {list(frame.columns)}")


def _group_key(key: Hashable | tuple) -> Hashable:
    if isinstance(key, tuple) and len(key) == 1:
        return key[0]
    return key


def summarize(scored: pd.DataFrame, by: str | Sequence[str] = "side", metric: str = "tone", *,
              cluster: str | None = None, n_boot: int = N_BOOT, seed: int = DEFAULT_SEED,
              ci: float = 0.95) -> pd.DataFrame:
    """One row per group: n, mean, median and a seeded bootstrap interval of the mean.

    Parameters
    ----------
    scored : pandas.DataFrame
        The scored table (any table with the ``by`` columns and ``metric``).
    by : str or list of str
        Column(s) to group by, e.g. ``"side"``, ``["side", "speaker"]``, ``"date"``. Rows with a
        missing key are left out.
    metric : str
        The numeric column to summarise (``tone``, ``caution``, ...); missing values are left out.
    cluster : str, optional
        Weight each cluster (``"speaker"``, ``"article_id"``) equally: the mean, median and
        interval are those of the per-cluster means, and the bootstrap resamples clusters.
    n_boot : int
        Bootstrap resamples.
    seed : int
        Seed; each group draws from a stream fixed by the seed and its own label.
    ci : float
        Interval coverage.

    Returns
    -------
    pandas.DataFrame
        The group keys, then ``n`` (statements with a value), ``n_units`` (statements, or
        clusters when ``cluster`` is given), ``mean``, ``median``, ``ci_low``, ``ci_high``
        (missing when there are fewer than 2 units) and ``small`` (``n_units < 5``). Sides come
        in the order US, Japan, analyst, media, other, unknown; other keys are sorted.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"side": ["US", "US", "Japan"], "tone": [0.5, 0.7, -0.2]})
    >>> summarize(df, n_boot=200)[["side", "n", "mean", "small"]]
        side  n  mean  small
    0     US  2   0.6   True
    1  Japan  1  -0.2   True
    """
    keys = [by] if isinstance(by, str) else list(by)
    if not keys:
        raise ValueError("by must name at least one column")
    _check_columns(scored, keys + [metric] + ([cluster] if cluster else []))
    rows: list[dict] = []
    for key, group in scored.groupby(keys, sort=True, dropna=True):
        key = key if isinstance(key, tuple) else (key,)
        units = _units(group, metric, cluster)
        n = int(pd.to_numeric(group[metric], errors="coerce").notna().sum())
        row = dict(zip(keys, key, strict=True))
        row.update(n=n, n_units=int(units.size), mean=np.nan, median=np.nan,
                   ci_low=np.nan, ci_high=np.nan, small=bool(units.size < SMALL_N))
        if units.size:
            row.update(mean=float(units.mean()), median=float(np.median(units)))
        if units.size >= 2:
            boot = bootstrap_means(units, n_boot, _rng(seed, _group_key(key)))
            row["ci_low"], row["ci_high"] = _interval(boot, ci)
        rows.append(row)
    out = pd.DataFrame(rows, columns=keys + SUMMARY_COLUMNS)
    if "side" in keys and len(out):
        rank = out["side"].map(lambda s: _SIDE_RANK.get(s, len(_SIDE_RANK)))
        out = (out.assign(_rank=rank)
               .sort_values(["_rank"] + keys, kind="mergesort")
               .drop(columns="_rank"))
    out = out.reset_index(drop=True)
    out["n"] = out["n"].astype("int64")
    out["n_units"] = out["n_units"].astype("int64")
    out["small"] = out["small"].astype(bool)
    return out


def cliffs_delta(x: Sequence[float] | np.ndarray, y: Sequence[float] | np.ndarray) -> float:
    """Cliff's delta: P(x > y) − P(x < y) over all pairs, from −1 to 1; robust to outliers.

    Examples
    --------
    >>> cliffs_delta([1, 3], [2, 2])
    0.0
    """
    x = np.asarray(x, dtype=float)
    y = np.sort(np.asarray(y, dtype=float))
    if x.size == 0 or y.size == 0:
        return float("nan")
    below = np.searchsorted(y, x, side="left").sum()  # pairs with y < x
    above = (y.size - np.searchsorted(y, x, side="right")).sum()  # pairs with y > x
    return float((below - above) / (x.size * y.size))


def hedges_g(x: Sequence[float] | np.ndarray, y: Sequence[float] | np.ndarray) -> float:
    """Hedges' g: the mean difference in pooled standard deviations, bias-corrected (exact J).

    Missing (NaN) when either sample is empty, there are fewer than 2 degrees of freedom, or
    the pooled standard deviation is zero.

    Examples
    --------
    >>> round(hedges_g([1, 2, 3], [4, 5, 6]), 4)
    -2.3937
    """
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    df = x.size + y.size - 2
    if x.size == 0 or y.size == 0 or df < 2:
        return float("nan")
    ss = ((x - x.mean()) ** 2).sum() + ((y - y.mean()) ** 2).sum()
    sd = math.sqrt(ss / df)
    if sd == 0:
        return float("nan")
    j = math.exp(math.lgamma(df / 2) - math.lgamma((df - 1) / 2)) / math.sqrt(df / 2)
    return float(j * (x.mean() - y.mean()) / sd)


def permutation_pvalue(x: Sequence[float] | np.ndarray, y: Sequence[float] | np.ndarray, *,
                       n_perm: int = N_PERM, exact_limit: int = EXACT_LIMIT,
                       rng: np.random.Generator | int | None = None) -> tuple[float, str, int]:
    """Two-sided permutation p-value for a difference in means.

    The statistic is ``|mean(x) − mean(y)|``. When the number of distinct splits of the pooled
    values into groups of these sizes is at most ``exact_limit`` every split is enumerated and
    ``p`` is the share at least as extreme as the observed one (which is among them). Otherwise
    ``n_perm`` random splits are drawn and ``p = (1 + k) / (1 + n_perm)``, which never claims
    more than the simulation can show.

    Returns
    -------
    p : float
        The p-value (NaN when either sample is empty).
    method : str
        ``"exact"``, ``"monte carlo"`` or ``"none"``.
    count : int
        Splits enumerated or drawn.

    Examples
    --------
    >>> permutation_pvalue([1, 2, 3], [4, 5, 6])
    (0.1, 'exact', 20)
    """
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    nx, ny = x.size, y.size
    if nx == 0 or ny == 0:
        return float("nan"), "none", 0
    pooled = np.concatenate([x, y])
    total = pooled.sum()
    n = pooled.size

    def stat(sum_x: np.ndarray) -> np.ndarray:
        return np.abs(sum_x / nx - (total - sum_x) / ny)

    observed = float(stat(np.asarray(x.sum())))
    tol = 1e-9 * max(1.0, float(np.abs(pooled).max()))
    k = min(nx, ny)
    splits = math.comb(n, k)
    if splits <= exact_limit:
        combos = np.fromiter(itertools.chain.from_iterable(itertools.combinations(range(n), k)),
                             dtype=np.int64, count=splits * k).reshape(splits, k)
        chosen = pooled[combos].sum(axis=1)
        sum_x = chosen if k == nx else total - chosen
        hits = int((stat(sum_x) >= observed - tol).sum())
        return hits / splits, "exact", splits
    gen = rng if isinstance(rng, np.random.Generator) else np.random.default_rng(rng)
    hits = 0
    step = max(1, _BLOCK // n)
    for start in range(0, int(n_perm), step):
        m = min(step, int(n_perm) - start)
        block = gen.permuted(np.tile(pooled, (m, 1)), axis=1)
        hits += int((stat(block[:, :nx].sum(axis=1)) >= observed - tol).sum())
    return (hits + 1) / (int(n_perm) + 1), "monte carlo", int(n_perm)


@dataclass(frozen=True)
class Contrast:
    """Two groups compared on one metric: difference, interval, p-value, effect sizes, n.

    ``n_a``/``n_b`` count statements; ``units_a``/``units_b`` count the units analysed
    (statements, or clusters when ``cluster`` is set). ``sentence`` says it all in plain words.
    """

    metric: str
    by: str
    a: str
    b: str
    cluster: str | None
    n_a: int
    n_b: int
    units_a: int
    units_b: int
    mean_a: float
    mean_b: float
    difference: float
    ci_low: float
    ci_high: float
    p_value: float
    p_method: str
    n_permutations: int
    cliffs_delta: float
    hedges_g: float
    small_a: bool
    small_b: bool
    ci: float = 0.95

    @property
    def small(self) -> bool:
        """True when either group has fewer than :data:`SMALL_N` units."""
        return self.small_a or self.small_b

    @property
    def sentence(self) -> str:
        """The result in one plain sentence, with its n and any small-sample warning."""
        return _sentence(self)

    def to_dict(self) -> dict:
        """The fields and the sentence as a plain dict."""
        out = asdict(self)
        out["sentence"] = self.sentence
        return out

    def to_frame(self) -> pd.DataFrame:
        """One row: every field and the sentence."""
        return pd.DataFrame([self.to_dict()])


def contrast(scored: pd.DataFrame, a: str = "US", b: str = "Japan", metric: str = "tone", *,
             by: str = "side", cluster: str | None = None, n_boot: int = N_BOOT,
             n_perm: int = N_PERM, exact_limit: int = EXACT_LIMIT, seed: int = DEFAULT_SEED,
             ci: float = 0.95) -> Contrast:
    """Compare group ``a`` with group ``b`` on ``metric``: how different, and how sure.

    Parameters
    ----------
    scored : pandas.DataFrame
        The scored table.
    a, b : str
        The two values of ``by`` to compare; the difference is ``a − b``.
    metric : str
        Numeric column (``tone``, ``caution``, ...).
    by : str
        Column holding the groups.
    cluster : str, optional
        ``"speaker"`` or ``"article_id"``: average within clusters first, then resample and
        permute whole clusters, so each speaker (article) counts once.
    n_boot, n_perm, exact_limit : int
        Bootstrap resamples; random permutations; largest number of splits enumerated exactly.
    seed : int
        Seed; the bootstrap of each group uses the stream of its label, so ``contrast(b, a)``
        gives the mirror image of ``contrast(a, b)``.
    ci : float
        Interval coverage.

    Returns
    -------
    Contrast
        Difference of means with a percentile bootstrap interval (resampling each group on its
        own; missing when a group has fewer than 2 units), permutation p-value, Cliff's delta,
        Hedges' g, n, small-sample flags and ``.sentence``; ``.to_frame()`` gives one row.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"side": ["US"] * 3 + ["Japan"] * 3, "tone": [1, 2, 3, 4, 5, 6]})
    >>> c = contrast(df, "US", "Japan", n_boot=200)
    >>> c.difference, c.p_value, c.cliffs_delta
    (-3.0, 0.1, -1.0)
    """
    if a == b:
        raise ValueError(f"a and b are the same group ({a!r})")
    _check_columns(scored, [by, metric] + ([cluster] if cluster else []))
    parts = {g: scored[scored[by] == g] for g in (a, b)}
    units = {g: _units(parts[g], metric, cluster) for g in (a, b)}
    counts = {g: int(pd.to_numeric(parts[g][metric], errors="coerce").notna().sum())
              for g in (a, b)}
    xa, xb = units[a], units[b]
    mean_a = float(xa.mean()) if xa.size else float("nan")
    mean_b = float(xb.mean()) if xb.size else float("nan")
    low = high = float("nan")
    if xa.size >= 2 and xb.size >= 2:
        diff = (bootstrap_means(xa, n_boot, _rng(seed, a))
                - bootstrap_means(xb, n_boot, _rng(seed, b)))
        low, high = _interval(diff, ci)
    # Pool in a fixed label order so that swapping a and b gives the same permutation p-value.
    first, second = (xa, xb) if str(a) <= str(b) else (xb, xa)
    pair = "|".join(sorted((str(a), str(b))))
    p, method, count = permutation_pvalue(first, second, n_perm=n_perm, exact_limit=exact_limit,
                                          rng=_rng(seed, f"permutation {pair}"))
    return Contrast(
        metric=metric, by=by, a=str(a), b=str(b), cluster=cluster,
        n_a=counts[a], n_b=counts[b], units_a=int(xa.size), units_b=int(xb.size),
        mean_a=mean_a, mean_b=mean_b, difference=mean_a - mean_b, ci_low=low, ci_high=high,
        p_value=p, p_method=method, n_permutations=count,
        cliffs_delta=cliffs_delta(xa, xb), hedges_g=hedges_g(xa, xb),
        small_a=bool(xa.size < SMALL_N), small_b=bool(xb.size < SMALL_N), ci=ci,
    )


def _num(value: float) -> str:
    if value != value:  # NaN
        return "n/a"
    text = f"{value:.2f}"
    return "0.00" if text == "-0.00" else text


def _p_text(p: float, method: str) -> str:
    name = "exact permutation p" if method == "exact" else "permutation p"
    if p != p:
        return f"{name} n/a"
    if p < 0.001:
        return f"{name} < 0.001"
    return f"{name} = {p:.3f}" if p < 0.01 else f"{name} = {p:.2f}"


def _possessive(label: str) -> str:
    return f"{label}'" if label.endswith("s") else f"{label}'s"


def _sentence(c: Contrast) -> str:
    if c.units_a == 0 or c.units_b == 0:
        return (f"No {c.metric} contrast between {c.a} and {c.b}: n = {c.n_a} vs {c.n_b} "
                f"statements with a {c.metric} score.")
    higher, lower = _DIRECTIONS.get(c.metric, (f"higher in {c.metric}", f"lower in {c.metric}"))
    if c.difference > 0:
        head = f"{c.a} statements were {higher} than {_possessive(c.b)}"
    elif c.difference < 0:
        head = f"{c.a} statements were {lower} than {_possessive(c.b)}"
    else:
        head = f"{c.a} and {c.b} statements did not differ in {c.metric}"
    level = f"{c.ci * 100:g}%"
    sure = c.ci_low > 0 or c.ci_high < 0  # False when the interval is missing
    if c.difference != 0 and not sure:
        head += f" on average, but the {level} interval includes no difference"
    n_text = f"n = {c.n_a} vs {c.n_b}"
    if c.cluster is not None:
        one, many = _CLUSTER_NOUNS.get(c.cluster, (f"{c.cluster} group", f"{c.cluster} groups"))
        n_text += (f" statements from {c.units_a} vs {c.units_b} {many}, "
                   f"each {one} weighted equally")
    if c.small_a and c.small_b:
        n_text += "; small samples"
    elif c.small:
        n_text += f"; small sample for {c.a if c.small_a else c.b}"
    details = (f"mean {_num(c.mean_a)} vs {_num(c.mean_b)}, difference {_num(c.difference)}, "
               f"{level} CI {_num(c.ci_low)} to {_num(c.ci_high)}, "
               f"{_p_text(c.p_value, c.p_method)}, "
               f"Cliff's delta {_num(c.cliffs_delta)}, Hedges' g {_num(c.hedges_g)}")
    return f"{head} ({details}; {n_text})."
