"""The study's figures: one function per figure, each drawing into ``ax`` and returning it.

Every figure has three layers, so the numbers behind a picture are never out of reach:
``*_data(scored, ...)`` computes the tidy table a figure shows (one row per statement plus the
summaries), ``draw_*(data, ax=None)`` draws that table and nothing else, and
``plot_*(scored, ..., ax=None)`` does both. The figure build writes each ``*_data`` table beside
its figure as CSV.

Each side has one colour everywhere (:data:`SIDE_COLORS`, the colour-blind-safe Okabe–Ito
palette). When ``ax`` is None a new figure is made in the committed style
(``stance/data/stance.mplstyle``); a given ``ax`` is drawn into as it is.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from importlib import resources

import matplotlib as mpl
import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.text import Text

from .stats import DEFAULT_SEED, N_BOOT, summarize
from .types import SIDES

__all__ = [
    "SIDE_COLORS",
    "METRIC_LABELS",
    "METRIC_LIMITS",
    "side_color",
    "side_order",
    "style_context",
    "by_side_data",
    "over_time_data",
    "speakers_data",
    "stance_map_data",
    "draw_by_side",
    "draw_over_time",
    "draw_speakers",
    "draw_stance_map",
    "plot_by_side",
    "plot_over_time",
    "plot_speakers",
    "plot_stance_map",
    "speaker_order",
    "BY_SIDE_COLUMNS",
    "OVER_TIME_COLUMNS",
    "SPEAKERS_COLUMNS",
]

#: One colour per side (Okabe–Ito; dark grey for unknown), used by every figure.
SIDE_COLORS: dict[str, str] = {
    "US": "#0072B2",  # blue
    "Japan": "#D55E00",  # vermillion
    "analyst": "#009E73",  # bluish green
    "media": "#CC79A7",  # reddish purple
    "other": "#E69F00",  # orange
    "unknown": "#666666",  # dark grey (a light grey is confused with purple by deuteranopes)
}
#: Axis labels of the score columns.
METRIC_LABELS: dict[str, str] = {
    "tone": "Tone (VADER compound, −1 to 1)",
    "caution": "Caution (0 to 1)",
    "optimism": "Optimism (0 to 1)",
    "pos": "Positive share",
    "neu": "Neutral share",
    "neg": "Negative share",
}
#: Axis limits of the score columns, so every figure of a metric shares one scale.
METRIC_LIMITS: dict[str, tuple[float, float]] = {
    "tone": (-1.05, 1.05),
    "caution": (-0.03, 1.03),
    "optimism": (-0.03, 1.03),
    "pos": (-0.03, 1.03),
    "neu": (-0.03, 1.03),
    "neg": (-0.03, 1.03),
}

_STYLE_FILE = "stance.mplstyle"
_STATEMENT_KEYS = ["speaker", "article_id", "start", "date"]


def side_color(side: str) -> str:
    """The colour of a side; sides outside the registry's list are grey."""
    return SIDE_COLORS.get(side, SIDE_COLORS["unknown"])


def side_order(values: Iterable[str]) -> list[str]:
    """Sides present in ``values``: the registry's order first, then any others sorted.

    Examples
    --------
    >>> side_order(["analyst", "Japan", "US", "Japan"])
    ['US', 'Japan', 'analyst']
    """
    present = {v for v in values if isinstance(v, str)}
    known = [s for s in SIDES if s in present]
    return known + sorted(present - set(SIDES))


def _side_rank(side: object) -> int:
    return SIDES.index(side) if side in SIDES else len(SIDES)


@contextmanager
def style_context() -> Iterator[None]:
    """Matplotlib's defaults plus the committed stance style, restored on exit.

    Examples
    --------
    >>> import matplotlib as mpl
    >>> with style_context():
    ...     mpl.rcParams["svg.hashsalt"]
    'stance-figures'
    """
    source = resources.files("stance").joinpath("data", _STYLE_FILE)
    with resources.as_file(source) as path:
        rc = mpl.rc_params_from_file(str(path), use_default_template=False)
    settings = {k: v for k, v in rc.items() if k != "backend"}
    inside = mpl.is_interactive()
    try:
        with mpl.rc_context():
            mpl.rcdefaults()
            mpl.interactive(inside)  # rcdefaults would switch a notebook's inline display off
            mpl.rcParams.update(settings)
            try:
                yield
            finally:
                inside = mpl.is_interactive()
    finally:
        # Jupyter may switch inline display on inside the context (first figure of a session);
        # leaving the context must not switch it off again
        mpl.interactive(inside)


@contextmanager
def _target(ax: Axes | None, figsize: tuple[float, float] | None = None) -> Iterator[Axes]:
    """The given Axes, or a new one made (and drawn into) in the stance style."""
    if ax is not None:
        yield ax
        return
    import matplotlib.pyplot as plt  # only when the caller wants a new figure

    with style_context():
        _fig, new = plt.subplots(figsize=figsize)
        yield new


def _numeric(frame: pd.DataFrame, column: str) -> pd.Series:
    if column not in frame.columns:
        raise KeyError(f"missing column {column!r}; the table has {list(frame.columns)}")
    return pd.to_numeric(frame[column], errors="coerce")


def _statement_rows(scored: pd.DataFrame, metric: str) -> pd.DataFrame:
    """One row per statement with a value of ``metric``: who, where, when and the value."""
    if "side" not in scored.columns:
        raise KeyError(f"missing column 'side'; the table has {list(scored.columns)}")
    value = _numeric(scored, metric)
    rows = pd.DataFrame({"side": scored["side"]})
    for col in _STATEMENT_KEYS:
        rows[col] = scored[col] if col in scored.columns else pd.NA
    rows["value"] = value
    rows = rows[value.notna() & scored["side"].notna()].copy()
    rows["date"] = pd.to_datetime(rows["date"], errors="coerce")
    rows["start"] = pd.to_numeric(rows["start"], errors="coerce").astype("Int64")
    return rows


def _finish(frame: pd.DataFrame, columns: list[str], sort: list[str]) -> pd.DataFrame:
    """Columns in a fixed order and rows in a fixed order (sides in registry order)."""
    frame = frame.reindex(columns=columns)
    frame = (frame.assign(_rank=frame["side"].map(_side_rank))
             .sort_values(["_rank"] + sort, kind="mergesort", na_position="last")
             .drop(columns="_rank").reset_index(drop=True))
    for col in ("n", "n_units", "start"):
        if col in frame.columns:
            frame[col] = pd.to_numeric(frame[col], errors="coerce").astype("Int64")
    if "small" in frame.columns:
        frame["small"] = frame["small"].astype("boolean")
    if "date" in frame.columns:
        frame["date"] = pd.to_datetime(frame["date"], errors="coerce")
    return frame


def _one_metric(data: pd.DataFrame, metric: str | None) -> tuple[pd.DataFrame, str]:
    metrics = list(dict.fromkeys(data["metric"].dropna())) if "metric" in data else []
    if metric is None:
        if len(metrics) > 1:
            raise ValueError(f"the data hold several metrics {metrics}; pass metric=")
        metric = metrics[0] if metrics else "tone"
    return data[data["metric"] == metric], metric


def _no_data(ax: Axes, what: str) -> Axes:
    ax.text(0.5, 0.5, f"no {what}", transform=ax.transAxes, ha="center", va="center",
            color="0.4")
    return ax


def _jitter(count: int, seed: int, key: str, width: float) -> np.ndarray:
    """Fixed horizontal spread for ``count`` points, so overlapping values stay visible."""
    rng = np.random.default_rng([int(seed), zlib.crc32(key.encode("utf-8"))])
    return rng.uniform(-width, width, size=count)


def _n_label(side: str, n: int) -> str:
    return f"{side} (n = {n})"


# ---------------------------------------------------------------- tone (or any metric) by side

BY_SIDE_COLUMNS = ["metric", "layer", "side", "speaker", "article_id", "start", "date", "value",
                   "n", "n_units", "mean", "median", "ci_low", "ci_high", "small"]


def by_side_data(scored: pd.DataFrame, metric: str = "tone", *, cluster: str | None = None,
                 n_boot: int = N_BOOT, seed: int = DEFAULT_SEED) -> pd.DataFrame:
    """The numbers of the by-side figure: every statement, and each side's mean and interval.

    Returns
    -------
    pandas.DataFrame
        ``layer == "statement"`` rows (``speaker``, ``article_id``, ``start``, ``date``,
        ``value``) and ``layer == "summary"`` rows (the columns of :func:`stance.summarize`).

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"side": ["US", "Japan"], "speaker": ["A", "B"], "tone": [0.5, -0.1]})
    >>> by_side_data(df, n_boot=100)[["layer", "side", "value", "mean"]]
           layer   side  value  mean
    0  statement     US    0.5   NaN
    1    summary     US    NaN   0.5
    2  statement  Japan   -0.1   NaN
    3    summary  Japan    NaN  -0.1
    """
    points = _statement_rows(scored, metric).assign(layer="statement")
    summary = summarize(points.rename(columns={"value": metric}), by="side", metric=metric,
                        cluster=cluster, n_boot=n_boot, seed=seed).assign(layer="summary")
    data = pd.concat([points, summary], ignore_index=True) if len(points) else summary
    data = data.assign(metric=metric)
    return _finish(data, BY_SIDE_COLUMNS, ["layer", "speaker", "article_id", "start"])


def draw_by_side(data: pd.DataFrame, metric: str | None = None, *, seed: int = DEFAULT_SEED,
                 ax: Axes | None = None) -> Axes:
    """Draw :func:`by_side_data`: points per side, the mean and its interval, n in the labels."""
    data, metric = _one_metric(data, metric)
    points = data[data["layer"] == "statement"]
    summary = data[data["layer"] == "summary"].set_index("side")
    order = side_order(summary.index)
    with _target(ax, (4.5, 3.6)) as ax:
        if not order:
            return _no_data(ax, "statements")
        for i, side in enumerate(order):
            color = side_color(side)
            values = points.loc[points["side"] == side, "value"].to_numpy(dtype=float)
            ax.scatter(i + _jitter(values.size, seed, side, 0.18), values, s=16, color=color,
                       alpha=0.55, linewidths=0, zorder=2)
            row = summary.loc[side]
            if pd.notna(row["ci_low"]):
                ax.errorbar([i + 0.32], [row["mean"]], yerr=[[row["mean"] - row["ci_low"]],
                            [row["ci_high"] - row["mean"]]], color=color, elinewidth=1.6,
                            capsize=3, zorder=3)
            ax.scatter([i + 0.32], [row["mean"]], marker="D", s=36, color=color,
                       edgecolors="black", linewidths=0.6, zorder=4)
        labels = []
        for side in order:
            row = summary.loc[side]
            labels.append(f"{side}\nn = {int(row['n'])}" + ("\n(small)" if row["small"] else ""))
        ax.set_xticks(range(len(order)), labels)
        ax.set_xlim(-0.6, len(order) - 0.3)
        ax.set_ylim(*METRIC_LIMITS.get(metric, (None, None)))
        if metric == "tone":
            ax.axhline(0, color="0.5", linewidth=0.8, zorder=1)
        ax.set_ylabel(METRIC_LABELS.get(metric, metric))
        ax.grid(axis="x", visible=False)
        return ax


def plot_by_side(scored: pd.DataFrame, metric: str = "tone", *, cluster: str | None = None,
                 n_boot: int = N_BOOT, seed: int = DEFAULT_SEED, ax: Axes | None = None) -> Axes:
    """Every statement's score by side, with each side's mean, 95% interval and n.

    Parameters
    ----------
    scored : pandas.DataFrame
        The scored table.
    metric : str
        Score column to show.
    cluster : str, optional
        Weight each speaker (``"speaker"``) or article equally in the mean and interval.
    n_boot, seed : int
        Bootstrap resamples and seed (also fixes the points' horizontal jitter).
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure in the stance style when None.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> ax = plot_by_side(scored, "caution")  # doctest: +SKIP
    """
    data = by_side_data(scored, metric, cluster=cluster, n_boot=n_boot, seed=seed)
    return draw_by_side(data, metric, seed=seed, ax=ax)


# ---------------------------------------------------------------- over time

OVER_TIME_COLUMNS = ["metric", "layer", "side", "date", "speaker", "article_id", "start", "value",
                     "n", "mean"]


def over_time_data(scored: pd.DataFrame, metric: str = "tone") -> pd.DataFrame:
    """The numbers of the over-time figure: dated statements and per-side, per-date means.

    Statements without a date are left out (they have no place on a time axis).

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"side": ["US", "US"], "date": ["2025-04-17"] * 2, "tone": [0.2, 0.4]})
    >>> over_time_data(df).query("layer == 'date mean'")[["side", "n", "mean"]]
      side  n  mean
    0   US  2   0.3
    """
    points = _statement_rows(scored, metric)
    points = points[points["date"].notna()].assign(layer="statement")
    means = (points.groupby(["side", "date"], sort=True)["value"].agg(["size", "mean"])
             .rename(columns={"size": "n"}).reset_index().assign(layer="date mean"))
    data = pd.concat([points, means], ignore_index=True) if len(points) else means
    data = data.assign(metric=metric)
    return _finish(data, OVER_TIME_COLUMNS, ["date", "layer", "speaker", "article_id", "start"])


def draw_over_time(data: pd.DataFrame, metric: str | None = None, *,
                   ax: Axes | None = None) -> Axes:
    """Draw :func:`over_time_data`: points per statement, per-date means joined by side."""
    data, metric = _one_metric(data, metric)
    points = data[data["layer"] == "statement"]
    means = data[data["layer"] == "date mean"]
    order = side_order(points["side"])
    with _target(ax, (7.0, 3.2)) as ax:
        if not order:
            return _no_data(ax, "dated statements")
        spread = 0.7  # days between the sides' columns on one date, so they do not hide each other
        for i, side in enumerate(order):
            shift = np.timedelta64(int(round((i - (len(order) - 1) / 2) * spread * 24)), "h")
            color = side_color(side)
            pts = points[points["side"] == side]
            ax.scatter(pts["date"].to_numpy(dtype="datetime64[ns]") + shift,
                       pts["value"].to_numpy(dtype=float), s=14, color=color, alpha=0.5,
                       linewidths=0, zorder=2)
            m = means[means["side"] == side].sort_values("date")
            ax.plot(m["date"].to_numpy(dtype="datetime64[ns]") + shift,
                    m["mean"].to_numpy(dtype=float), marker="o", markersize=5, color=color,
                    markeredgecolor="black", markeredgewidth=0.5, zorder=3,
                    label=_n_label(side, len(pts)))
        locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
        first, last = points["date"].min(), points["date"].max()
        ax.set_xlim(first - pd.Timedelta(days=4), last + pd.Timedelta(days=4))
        ax.set_ylim(*METRIC_LIMITS.get(metric, (None, None)))
        if metric == "tone":
            ax.axhline(0, color="0.5", linewidth=0.8, zorder=1)
        ax.set_ylabel(METRIC_LABELS.get(metric, metric))
        ax.legend(loc="best", ncols=min(3, len(order)))
        return ax


def plot_over_time(scored: pd.DataFrame, metric: str = "tone", *,
                   ax: Axes | None = None) -> Axes:
    """A score over time: date on the x axis, one series of per-date means per side.

    Parameters
    ----------
    scored : pandas.DataFrame
        The scored table (needs ``date``).
    metric : str
        Score column to show; call twice for tone and caution.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure in the stance style when None.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> ax = plot_over_time(scored, "tone")  # doctest: +SKIP
    """
    return draw_over_time(over_time_data(scored, metric), metric, ax=ax)


# ---------------------------------------------------------------- speakers

SPEAKERS_COLUMNS = ["metric", "layer", "side", "speaker", "article_id", "start", "value", "n",
                    "n_units", "mean", "median", "ci_low", "ci_high", "small"]


def _most_quoted(frame: pd.DataFrame, top: int | None) -> pd.DataFrame:
    """Rows of the ``top`` speakers with most rows (ties by name); all rows when None."""
    if top is None:
        return frame
    counts = frame.groupby(["side", "speaker"], sort=True).size().reset_index(name="_n")
    keep = counts.sort_values(["_n", "speaker", "side"], ascending=[False, True, True],
                              kind="mergesort").head(top)
    chosen = set(zip(keep["side"], keep["speaker"], strict=True))
    mask = [(s, p) in chosen for s, p in zip(frame["side"], frame["speaker"], strict=True)]
    return frame[np.asarray(mask, dtype=bool)]


def speakers_data(scored: pd.DataFrame, metric: str = "tone", *, top: int | None = None,
                  n_boot: int = N_BOOT, seed: int = DEFAULT_SEED) -> pd.DataFrame:
    """The numbers of the speakers figure: statements and each speaker's mean and interval.

    ``top`` keeps only the most quoted speakers (a large corpus has too many for one figure).

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"side": ["US"] * 2, "speaker": ["A", "A"], "tone": [0.2, 0.4]})
    >>> speakers_data(df, n_boot=100).query("layer == 'summary'")[["speaker", "n", "mean"]]
      speaker  n  mean
    2       A  2   0.3
    """
    points = _statement_rows(scored, metric)
    points = _most_quoted(points[points["speaker"].notna()], top).assign(layer="statement")
    summary = summarize(points.rename(columns={"value": metric}), by=["side", "speaker"],
                        metric=metric, n_boot=n_boot, seed=seed).assign(layer="summary")
    data = pd.concat([points, summary], ignore_index=True) if len(points) else summary
    data = data.assign(metric=metric)
    return _finish(data, SPEAKERS_COLUMNS, ["speaker", "layer", "article_id", "start"])


def speaker_order(data: pd.DataFrame, metric: str | None = None) -> list[tuple[str, str]]:
    """``(side, speaker)`` from top to bottom: by side, then highest mean first."""
    data, _ = _one_metric(data, metric)
    summary = data[data["layer"] == "summary"]
    summary = summary.assign(_rank=summary["side"].map(_side_rank))
    summary = summary.sort_values(["_rank", "mean", "speaker"], ascending=[True, False, True],
                                  kind="mergesort")
    return list(zip(summary["side"], summary["speaker"], strict=True))


def draw_speakers(data: pd.DataFrame, metric: str | None = None, *,
                  order: Sequence[tuple[str, str]] | None = None, seed: int = DEFAULT_SEED,
                  ax: Axes | None = None) -> Axes:
    """Draw :func:`speakers_data`: one row per speaker, mean and interval, coloured by side.

    ``order`` lists ``(side, speaker)`` from top to bottom (default :func:`speaker_order`); pass
    one panel's order to another so rows line up.
    """
    data, metric = _one_metric(data, metric)
    points = data[data["layer"] == "statement"]
    summary = data[data["layer"] == "summary"].set_index(["side", "speaker"])
    rows = [r for r in (order if order is not None else speaker_order(data)) if r in summary.index]
    with _target(ax, (6.0, 1.2 + 0.28 * max(len(rows), 1))) as ax:
        if not rows:
            return _no_data(ax, "speakers")
        ys = np.arange(len(rows))[::-1]
        for y, (side, speaker) in zip(ys, rows, strict=True):
            color = side_color(side)
            row = summary.loc[(side, speaker)]
            values = points.loc[(points["side"] == side) & (points["speaker"] == speaker),
                                "value"].to_numpy(dtype=float)
            ax.scatter(values, y + _jitter(values.size, seed, f"{side}|{speaker}", 0.12), s=10,
                       color=color, alpha=0.35, linewidths=0, zorder=2)
            if pd.notna(row["ci_low"]):
                ax.errorbar([row["mean"]], [y], xerr=[[row["mean"] - row["ci_low"]],
                            [row["ci_high"] - row["mean"]]], color=color, elinewidth=1.6,
                            capsize=2.5, zorder=3)
            ax.scatter([row["mean"]], [y], marker="o", s=30, color=color, edgecolors="black",
                       linewidths=0.5, zorder=4)
        ax.set_yticks(ys, [f"{speaker} (n = {int(summary.loc[(side, speaker), 'n'])})"
                           for side, speaker in rows])
        ax.set_ylim(-0.7, len(rows) - 0.3)
        ax.set_xlim(*METRIC_LIMITS.get(metric, (None, None)))
        if metric == "tone":
            ax.axvline(0, color="0.5", linewidth=0.8, zorder=1)
        ax.set_xlabel(METRIC_LABELS.get(metric, metric))
        ax.grid(axis="y", visible=False)
        sides = side_order(s for s, _ in rows)
        handles = [Line2D([], [], marker="o", linestyle="", color=side_color(s),
                          markeredgecolor="black", markeredgewidth=0.5, label=s) for s in sides]
        ax.legend(handles=handles, loc="best")
        return ax


def plot_speakers(scored: pd.DataFrame, metric: str = "tone", *, top: int | None = 30,
                  n_boot: int = N_BOOT, seed: int = DEFAULT_SEED, ax: Axes | None = None) -> Axes:
    """Each speaker's mean score with its 95% interval and n, coloured by side.

    Parameters
    ----------
    scored : pandas.DataFrame
        The scored table.
    metric : str
        Score column to show.
    top : int or None
        Show only this many of the most quoted speakers (None: all).
    n_boot, seed : int
        Bootstrap resamples and seed.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure in the stance style when None.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> ax = plot_speakers(scored, "tone")  # doctest: +SKIP
    """
    data = speakers_data(scored, metric, top=top, n_boot=n_boot, seed=seed)
    return draw_speakers(data, metric, seed=seed, ax=ax)


# ---------------------------------------------------------------- stance map

def stance_map_data(scored: pd.DataFrame, x: str = "tone", y: str = "caution") -> pd.DataFrame:
    """The numbers of the stance map: each statement's two scores and each speaker's centre.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"side": ["US"] * 2, "speaker": ["A"] * 2, "tone": [0.2, 0.4],
    ...                    "caution": [0.0, 0.5]})
    >>> stance_map_data(df).query("layer == 'speaker'")[["speaker", "n", "tone", "caution"]]
      speaker  n  tone  caution
    0       A  2   0.3     0.25
    """
    if x == y:
        raise ValueError("x and y must be different score columns")
    points = _statement_rows(scored, x).rename(columns={"value": x})
    points[y] = _numeric(scored, y).loc[points.index]
    points = points[points[y].notna()].assign(layer="statement")
    named = points[points["speaker"].notna()]
    centres = (named.groupby(["side", "speaker"], sort=True)
               .agg(n=(x, "size"), **{x: (x, "mean"), y: (y, "mean")})
               .reset_index().assign(layer="speaker"))
    data = pd.concat([points, centres], ignore_index=True) if len(points) else centres
    columns = ["layer", "side", "speaker", "article_id", "start", "n", x, y]
    return _finish(data, columns, ["speaker", "layer", "article_id", "start"])


def draw_stance_map(data: pd.DataFrame, x: str = "tone", y: str = "caution", *,
                    label_unknown: bool = False, max_labels: int | None = 20,
                    ax: Axes | None = None) -> Axes:
    """Draw :func:`stance_map_data`: statements as points, speakers named at their centres.

    Only the ``max_labels`` most quoted speakers are marked and named (None: all); labels are
    placed so that they overlap neither each other nor the marked centres.
    """
    points = data[data["layer"] == "statement"]
    centres = data[data["layer"] == "speaker"]
    if not label_unknown:
        centres = centres[centres["speaker"] != "unknown"]
    if max_labels is not None:
        centres = centres.sort_values(["n", "speaker"], ascending=[False, True],
                                      kind="mergesort").head(max_labels)
    order = side_order(points["side"])
    with _target(ax, (6.5, 5.0)) as ax:
        ax.set_xlim(*METRIC_LIMITS.get(x, (None, None)))
        ax.set_ylim(*METRIC_LIMITS.get(y, (None, None)))
        ax.set_xlabel(METRIC_LABELS.get(x, x))
        ax.set_ylabel(METRIC_LABELS.get(y, y))
        if not order:
            return _no_data(ax, "statements")
        for side in order:
            pts = points[points["side"] == side]
            ax.scatter(pts[x].to_numpy(dtype=float), pts[y].to_numpy(dtype=float), s=16,
                       color=side_color(side), alpha=0.5, linewidths=0, zorder=2,
                       label=_n_label(side, len(pts)))
        ax.scatter(centres[x].to_numpy(dtype=float), centres[y].to_numpy(dtype=float), s=46,
                   c=[side_color(s) for s in centres["side"]], edgecolors="black",
                   linewidths=0.7, zorder=4)
        if x == "tone":
            ax.axvline(0, color="0.5", linewidth=0.8, zorder=1)
        labels = [ax.annotate(str(row.speaker), (getattr(row, x), getattr(row, y)),
                              xytext=(5, 4), textcoords="offset points", fontsize=7.5,
                              ha="left", va="bottom", zorder=5,
                              arrowprops={"arrowstyle": "-", "color": "0.35", "lw": 0.5,
                                          "shrinkA": 1, "shrinkB": 3})
                  for row in centres.itertuples(index=False)]
        _spread_labels(ax, labels, centres[[x, y]].to_numpy(dtype=float))
        ax.legend(loc="best")
        return ax


def _overlap(a: np.ndarray, b: np.ndarray, pad: float) -> tuple[float, float]:
    """Overlap of two boxes ``(x0, y0, x1, y1)`` along x and y, padded; <= 0 means apart."""
    return (min(a[2], b[2]) - max(a[0], b[0]) + pad, min(a[3], b[3]) - max(a[1], b[1]) + pad)


def _push(box: np.ndarray, other: np.ndarray, ox: float, oy: float, share: float,
          tiebreak: float) -> np.ndarray:
    """How far to move ``box`` (the shorter way out) so it clears ``other``."""
    axis = (1, 3) if oy <= ox else (0, 2)
    here, there = box[axis[0]] + box[axis[1]], other[axis[0]] + other[axis[1]]
    sign = 1.0 if here > there or (here == there and tiebreak > 0) else -1.0
    step = np.zeros(4)
    step[list(axis)] = sign * ((oy if axis == (1, 3) else ox) * share + 0.5)
    return step


# Where a label may go, in steps of the marker's clearance: beside the point first, then
# further out (with a leader line).
_SPOTS = [(1, 1), (1, -1), (-1, 1), (-1, -1), (0, 1), (0, -1), (1, 0), (-1, 0),
          (0, 3), (0, -3), (2, 3), (-2, 3), (2, -3), (-2, -3), (4, 0), (-4, 0),
          (0, 5), (0, -5), (3, 5), (-3, 5), (3, -5), (-3, -5)]


def _area(a: np.ndarray, b: np.ndarray) -> float:
    ox, oy = _overlap(a, b, 0.0)
    return ox * oy if ox > 0 and oy > 0 else 0.0


def _spread_labels(ax: Axes, labels: list, anchors: np.ndarray, pad_points: float = 3.0,
                   marker_points: float = 4.5, max_rounds: int = 400) -> None:
    """Place annotation texts (deterministically) clear of each other and of the markers.

    Each label takes the first of eight spots around its point that overlaps least with the
    labels placed before it, the markers and the axes edge; any overlap left is then pushed
    apart. Works in display pixels after the layout has settled and stores the result as
    offsets in points, so the placement holds at any dpi.
    """
    if not labels:
        return
    for label in labels:
        label.set_in_layout(False)  # labels must not move the axes they are placed in
    fig = ax.figure
    fig.draw_without_rendering()  # settles the layout, so pixel positions are final
    to_points = 72.0 / fig.dpi
    start = np.array([Text.get_window_extent(label).extents for label in labels])
    frame = ax.get_window_extent().extents
    pad = pad_points / to_points
    r = marker_points / to_points
    centres = ax.transData.transform(np.asarray(anchors, dtype=float).reshape(-1, 2))
    markers = np.column_stack([centres - r, centres + r])
    gap = r + pad + 1.0 / to_points  # a label this far from its point clears the marker
    boxes = start.copy()
    placed: list[int] = []
    for i in sorted(range(len(labels)), key=lambda k: (-centres[k, 1], centres[k, 0], k)):
        w, h = start[i, 2] - start[i, 0], start[i, 3] - start[i, 1]
        cx, cy = centres[i]
        spots = [(cx + dx * gap - (w if dx < 0 else w / 2 if dx == 0 else 0),
                  cy + dy * gap - (h if dy < 0 else h / 2 if dy == 0 else 0))
                 for dx, dy in _SPOTS]

        def cost(x0: float, y0: float, w: float = w, h: float = h) -> float:
            box = np.array([x0 - pad, y0 - pad, x0 + w + pad, y0 + h + pad])
            inside = max(0.0, min(box[2], frame[2]) - max(box[0], frame[0])) * \
                max(0.0, min(box[3], frame[3]) - max(box[1], frame[1]))
            outside = (box[2] - box[0]) * (box[3] - box[1]) - inside
            return (10.0 * outside + sum(_area(box, boxes[j]) for j in placed)
                    + sum(_area(box, m) for m in markers))

        x0, y0 = min(spots, key=lambda spot: cost(*spot))
        boxes[i] = [x0, y0, x0 + w, y0 + h]
        placed.append(i)
    for _ in range(max_rounds):
        moved = False
        for i in range(len(boxes)):
            for j in range(i + 1, len(boxes)):
                ox, oy = _overlap(boxes[i], boxes[j], pad)
                if ox > 0 and oy > 0:
                    step = _push(boxes[i], boxes[j], ox, oy, 0.5, 1.0)
                    boxes[i] += step
                    boxes[j] -= step
                    moved = True
            for marker in markers:  # markers stay put; only the label moves
                ox, oy = _overlap(boxes[i], marker, pad)
                if ox > 0 and oy > 0:
                    boxes[i] += _push(boxes[i], marker, ox, oy, 1.0, 1.0)
                    moved = True
        for box in boxes:  # keep every label inside the axes
            for lo, hi in ((0, 2), (1, 3)):
                if box[lo] < frame[lo]:
                    box[[lo, hi]] += frame[lo] - box[lo]
                if box[hi] > frame[hi]:
                    box[[lo, hi]] -= box[hi] - frame[hi]
        if not moved:
            break
    for label, old, new, centre in zip(labels, start, boxes, centres, strict=True):
        dx, dy = (new[0] - old[0]) * to_points, (new[1] - old[1]) * to_points
        ox, oy = label.xyann
        label.xyann = (ox + dx, oy + dy)
        nearest = np.hypot(max(new[0] - centre[0], centre[0] - new[2], 0.0),
                           max(new[1] - centre[1], centre[1] - new[3], 0.0)) * to_points
        if nearest < 9:  # right beside its point: no leader line needed
            label.arrow_patch.set_visible(False)


def plot_stance_map(scored: pd.DataFrame, x: str = "tone", y: str = "caution", *,
                    label_unknown: bool = False, max_labels: int | None = 20,
                    ax: Axes | None = None) -> Axes:
    """Tone against caution, one point per statement coloured by side, speakers named.

    Parameters
    ----------
    scored : pandas.DataFrame
        The scored table.
    x, y : str
        Score columns for the two axes.
    label_unknown : bool
        Also name the centre of statements whose speaker is ``"unknown"``.
    max_labels : int or None
        Name only this many of the most quoted speakers (None: all).
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure in the stance style when None.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> ax = plot_stance_map(scored)  # doctest: +SKIP
    """
    return draw_stance_map(stance_map_data(scored, x, y), x, y, label_unknown=label_unknown,
                           max_labels=max_labels, ax=ax)
