"""The figures draw what their data say: every statement a point, the right colours and n,
means equal to the data's, labels that do not overlap."""

from __future__ import annotations

import itertools

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.collections import PathCollection  # noqa: E402
from matplotlib.colors import to_hex, to_rgb  # noqa: E402
from matplotlib.dates import num2date  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.text import Text  # noqa: E402
from synthetic import scored_table  # noqa: E402

from stance import plots  # noqa: E402
from stance.types import SIDES  # noqa: E402

__all__: list[str] = []


@pytest.fixture()
def scored() -> pd.DataFrame:
    return scored_table()


@pytest.fixture()
def ax():
    fig = Figure(figsize=(6, 4))
    FigureCanvasAgg(fig)
    return fig.subplots()


def point_collections(ax, alpha_below: float = 0.9):
    """Scatter collections of individual statements (drawn translucent)."""
    return [c for c in ax.collections
            if c.get_alpha() is not None and c.get_alpha() < alpha_below and len(c.get_offsets())]


def color_of(collection) -> str:
    return to_hex(collection.get_facecolor()[0], keep_alpha=False)


# ---------------------------------------------------------------- colours and style

def test_every_side_has_its_own_colour():
    assert set(plots.SIDE_COLORS) == set(SIDES)
    assert len(set(plots.SIDE_COLORS.values())) == len(SIDES)
    assert plots.side_color("somebody else") == plots.SIDE_COLORS["unknown"]


def _linear(c):
    c = np.asarray(c)
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def _gamma(v):
    v = np.clip(v, 0, 1)
    return np.where(v <= 0.0031308, 12.92 * v, 1.055 * v ** (1 / 2.4) - 0.055)


# Machado, Oliveira & Fernandes (2009) simulation matrices, severity 1.0, on linear RGB.
_CVD = {
    "protanopia": [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216],
                   [-0.003882, -0.048116, 1.051998]],
    "deuteranopia": [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413],
                     [-0.011820, 0.042940, 0.968881]],
    "tritanopia": [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602],
                   [0.004733, 0.691367, 0.303900]],
}


@pytest.mark.parametrize("kind", sorted(_CVD))
def test_side_colours_stay_apart_for_colour_blind_readers(kind):
    matrix = np.array(_CVD[kind])
    seen = {s: _gamma(matrix @ _linear(to_rgb(c))) for s, c in plots.SIDE_COLORS.items()}
    for a, b in itertools.combinations(seen, 2):
        assert np.linalg.norm(seen[a] - seen[b]) > 0.1, (kind, a, b)


def test_style_context_applies_the_committed_style_and_restores():
    before = dict(matplotlib.rcParams)
    with plots.style_context():
        rc = matplotlib.rcParams
        assert rc["font.sans-serif"][0] == "DejaVu Sans"
        assert rc["svg.hashsalt"] == "stance-figures"
        assert rc["svg.fonttype"] == "path"
        colours = [to_hex(c["color"]) for c in rc["axes.prop_cycle"]]
        assert colours == [to_hex(plots.SIDE_COLORS[s]) for s in SIDES]
    assert dict(matplotlib.rcParams) == before


def test_style_file_asks_for_agg():
    from importlib import resources

    text = resources.files("stance").joinpath("data", "stance.mplstyle").read_text()
    assert "backend: agg" in text


# ---------------------------------------------------------------- by side

def test_by_side_draws_every_statement_in_its_side_colour(scored, ax):
    out = plots.plot_by_side(scored, "tone", n_boot=300, ax=ax)
    assert out is ax
    collections = point_collections(ax)
    assert sum(len(c.get_offsets()) for c in collections) == len(scored)
    counts = scored["side"].value_counts()
    for c in collections:
        side = next(s for s, col in plots.SIDE_COLORS.items() if to_hex(col) == color_of(c))
        assert len(c.get_offsets()) == counts[side]
        values = np.sort(c.get_offsets()[:, 1])
        np.testing.assert_allclose(values, np.sort(scored.loc[scored["side"] == side, "tone"]))


def test_by_side_labels_carry_n_and_small_flags(scored, ax):
    plots.plot_by_side(scored, "caution", n_boot=300, ax=ax)
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert labels == ["US\nn = 11", "Japan\nn = 11", "analyst\nn = 3\n(small)"]
    assert ax.get_ylim() == plots.METRIC_LIMITS["caution"]


def test_by_side_data_means_equal_the_data(scored):
    data = plots.by_side_data(scored, "tone", n_boot=300)
    summary = data[data["layer"] == "summary"].set_index("side")
    expected = scored.groupby("side")["tone"].mean()
    for side in expected.index:
        assert summary.loc[side, "mean"] == pytest.approx(expected[side])
        assert summary.loc[side, "ci_low"] <= expected[side] <= summary.loc[side, "ci_high"]
    assert (data["layer"] == "statement").sum() == len(scored)
    assert data["side"].tolist()[0] == "US"


def test_by_side_makes_its_own_figure_when_no_axes_are_given(scored):
    ax = plots.plot_by_side(scored, n_boot=200)
    try:
        assert ax.figure is not None
        assert ax.xaxis.get_label().get_fontfamily() is not None
    finally:
        plt.close(ax.figure)


# ---------------------------------------------------------------- over time

def test_over_time_puts_dated_points_and_per_date_means(scored, ax):
    plots.plot_over_time(scored, "tone", ax=ax)
    lines = {line.get_label(): line for line in ax.get_lines() if "(n = " in line.get_label()}
    assert set(lines) == {f"{s} (n = {n})" for s, n in scored["side"].value_counts().items()}
    expected = scored.groupby(["side", "date"])["tone"].mean()
    for label, line in lines.items():
        side = label.split(" (")[0]
        np.testing.assert_allclose(line.get_ydata(), expected.loc[side].to_numpy())
        drawn = [num2date(x).date() for x in line.get_xdata(orig=False)]
        for day, want in zip(drawn, expected.loc[side].index, strict=True):
            assert abs((pd.Timestamp(day) - want).days) <= 1  # dodged by less than a day
    points = point_collections(ax)
    assert sum(len(c.get_offsets()) for c in points) == len(scored)
    low, high = ax.get_xlim()
    assert num2date(low).date() < pd.Timestamp("2025-04-17").date()
    assert num2date(high).date() > pd.Timestamp("2025-07-06").date()


def test_over_time_leaves_out_undated_statements(scored):
    undated = scored.assign(date=pd.NaT)
    data = plots.over_time_data(pd.concat([scored, undated.iloc[:3]], ignore_index=True))
    assert (data["layer"] == "statement").sum() == len(scored)


# ---------------------------------------------------------------- speakers

def rows_by_height(ax) -> dict[int, str]:
    """Tick label text by tick position (y)."""
    return {int(round(y)): t.get_text()
            for y, t in zip(ax.get_yticks(), ax.get_yticklabels(), strict=True)}


def test_speakers_one_row_per_speaker_with_n_and_side_colour(scored, ax):
    plots.plot_speakers(scored, "tone", n_boot=300, ax=ax)
    rows = rows_by_height(ax)
    counts = scored["speaker"].value_counts()
    assert sorted(rows.values()) == sorted(f"{s} (n = {n})" for s, n in counts.items())
    top_down = [rows[y] for y in sorted(rows, reverse=True)]
    # sides top to bottom in registry order: the two US speakers first, the analyst last
    assert set(top_down[:2]) == {"Scott Bessent (n = 6)", "Donald Trump (n = 5)"}
    assert top_down[-1] == "Richard Katz (n = 3)"
    means = [c for c in ax.collections
             if isinstance(c, PathCollection) and c.get_alpha() is None]
    assert len(means) == len(counts)
    side_of = scored.groupby("speaker")["side"].first()
    mean_of = scored.groupby("speaker")["tone"].mean()
    for c in means:
        x, y = c.get_offsets()[0]
        speaker = rows[int(round(y))].split(" (n")[0]
        assert x == pytest.approx(mean_of[speaker])
        assert color_of(c) == to_hex(plots.SIDE_COLORS[side_of[speaker]])


def test_speaker_order_can_be_shared_between_panels(scored, ax):
    data = pd.concat([plots.speakers_data(scored, m, n_boot=100) for m in ("tone", "caution")])
    order = plots.speaker_order(data, "tone")
    plots.draw_speakers(data, "caution", order=order, ax=ax)
    rows = rows_by_height(ax)
    top_down = [rows[y].split(" (n")[0] for y in sorted(rows, reverse=True)]
    assert top_down == [speaker for _, speaker in order]


# ---------------------------------------------------------------- stance map

def label_boxes(ax):
    ax.figure.canvas.draw()
    texts = [t for t in ax.texts if t.get_text()]
    return texts, [Text.get_window_extent(t) for t in texts]


def test_stance_map_names_speakers_and_colours_points(scored, ax):
    plots.plot_stance_map(scored, ax=ax)
    names = sorted(t.get_text() for t in ax.texts)
    assert names == sorted(scored["speaker"].unique())
    points = point_collections(ax)
    assert sum(len(c.get_offsets()) for c in points) == len(scored)
    assert {color_of(c) for c in points} == {to_hex(plots.SIDE_COLORS[s])
                                             for s in scored["side"].unique()}


def test_stance_map_labels_do_not_overlap_even_when_speakers_coincide(ax):
    # Eight speakers whose statements average to nearly the same point.
    rows = [{"side": side, "speaker": f"Speaker number {i}", "tone": 0.2 + 0.01 * i,
             "caution": 0.5 - 0.005 * i}
            for i, side in enumerate(["US", "Japan"] * 4)]
    plots.plot_stance_map(pd.DataFrame(rows), ax=ax)
    texts, boxes = label_boxes(ax)
    assert len(texts) == 8
    frame = ax.get_window_extent()
    for a, b in itertools.combinations(boxes, 2):
        assert not a.overlaps(b)
    for box in boxes:
        assert frame.x0 - 1 <= box.x0 and box.x1 <= frame.x1 + 1
        assert frame.y0 - 1 <= box.y0 and box.y1 <= frame.y1 + 1


def test_stance_map_data_centres_are_speaker_means(scored):
    data = plots.stance_map_data(scored)
    centres = data[data["layer"] == "speaker"].set_index("speaker")
    expected = scored.groupby("speaker")[["tone", "caution"]].mean()
    for speaker in expected.index:
        assert centres.loc[speaker, "tone"] == pytest.approx(expected.loc[speaker, "tone"])
        assert centres.loc[speaker, "caution"] == pytest.approx(expected.loc[speaker, "caution"])
        assert centres.loc[speaker, "n"] == (scored["speaker"] == speaker).sum()


def test_unknown_speaker_is_not_named_by_default(scored, ax):
    extra = scored.iloc[:2].assign(speaker="unknown", side="unknown")
    plots.plot_stance_map(pd.concat([scored, extra], ignore_index=True), ax=ax)
    assert "unknown" not in {t.get_text() for t in ax.texts}


# ---------------------------------------------------------------- empty input

@pytest.mark.parametrize("plot", [plots.plot_by_side, plots.plot_over_time, plots.plot_speakers,
                                  plots.plot_stance_map])
def test_empty_table_draws_a_note_instead_of_failing(plot, ax):
    empty = scored_table().iloc[0:0]
    out = plot(empty, ax=ax)
    assert out is ax
    assert any(t.get_text().startswith("no ") for t in ax.texts)


def test_large_corpora_show_only_the_most_quoted_speakers(scored, ax):
    data = plots.speakers_data(scored, "tone", top=2, n_boot=100)
    summary = data[data["layer"] == "summary"]
    assert set(summary["speaker"]) == {"Ryosei Akazawa", "Scott Bessent"}  # 7 and 6 statements
    assert (data["layer"] == "statement").sum() == 13
    plots.plot_stance_map(scored, max_labels=2, ax=ax)
    assert sorted(t.get_text() for t in ax.texts) == ["Ryosei Akazawa", "Scott Bessent"]
