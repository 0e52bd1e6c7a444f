"""Statistics checked against hand-computed cases, brute force, known distributions and
invariances, never against numbers the code produced."""

from __future__ import annotations

import itertools
import math
import statistics

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from synthetic import scored_table

from stance.stats import (
    SUMMARY_COLUMNS,
    Contrast,
    bootstrap_means,
    cliffs_delta,
    contrast,
    hedges_g,
    permutation_pvalue,
    summarize,
)

__all__: list[str] = []


def frame(groups: dict[str, list[float]], metric: str = "tone") -> pd.DataFrame:
    rows = [{"side": g, metric: v} for g, values in groups.items() for v in values]
    return pd.DataFrame(rows)


# ---------------------------------------------------------------- summarize

def test_summarize_counts_means_and_medians_by_hand():
    df = frame({"Japan": [0.0, 0.1, 0.5], "US": [1.0, 0.0, 0.2, 0.6, 0.2, 0.4]})
    out = summarize(df, n_boot=500)
    assert list(out.columns) == ["side"] + SUMMARY_COLUMNS
    assert out["side"].tolist() == ["US", "Japan"]  # registry order, not alphabetical
    us, jp = out.iloc[0], out.iloc[1]
    assert (us["n"], jp["n"]) == (6, 3)
    assert us["mean"] == pytest.approx(2.4 / 6)
    assert us["median"] == pytest.approx(0.3)
    assert jp["mean"] == pytest.approx(0.2)
    assert jp["median"] == pytest.approx(0.1)
    assert bool(jp["small"]) and not bool(us["small"])
    assert us["ci_low"] <= us["mean"] <= us["ci_high"]


def test_missing_values_and_missing_keys_are_left_out():
    df = pd.DataFrame({"side": ["US", "US", None, "Japan"], "tone": [0.2, np.nan, 0.9, 0.4]})
    out = summarize(df, n_boot=100).set_index("side")
    assert out.loc["US", "n"] == 1 and out.loc["US", "mean"] == pytest.approx(0.2)
    assert len(out) == 2


def test_one_value_has_no_interval_and_a_constant_group_has_a_point_interval():
    out = summarize(frame({"US": [0.3], "Japan": [0.7] * 6}), n_boot=300).set_index("side")
    assert np.isnan(out.loc["US", "ci_low"]) and np.isnan(out.loc["US", "ci_high"])
    assert out.loc["Japan", "ci_low"] == pytest.approx(0.7)
    assert out.loc["Japan", "ci_high"] == pytest.approx(0.7)


def test_two_point_sample_interval_spans_the_two_values():
    # Resampled means of {0, 1} are 0, 0.5, 1 with chances 1/4, 1/2, 1/4: the 2.5% and 97.5%
    # quantiles are 0 and 1.
    out = summarize(frame({"US": [0.0, 1.0]}), n_boot=4000)
    assert (out.loc[0, "ci_low"], out.loc[0, "ci_high"]) == (0.0, 1.0)
    boot = bootstrap_means([0.0, 1.0], 4000, rng=3)
    assert set(np.unique(boot)) == {0.0, 0.5, 1.0}
    assert np.mean(boot == 0.5) == pytest.approx(0.5, abs=0.03)


def test_interval_matches_the_normal_theory_width_for_a_large_sample():
    x = np.random.default_rng(11).normal(0.0, 1.0, 400)
    out = summarize(frame({"US": list(x)}), n_boot=20_000).iloc[0]
    half = 1.959964 * x.std(ddof=0) / math.sqrt(x.size)
    assert out["ci_low"] == pytest.approx(x.mean() - half, abs=0.1 * half)
    assert out["ci_high"] == pytest.approx(x.mean() + half, abs=0.1 * half)


def test_interval_covers_the_true_mean_about_95_percent_of_the_time():
    rng = np.random.default_rng(5)
    covered = 0
    trials = 300
    for i in range(trials):
        x = rng.normal(0.25, 0.4, 40)
        row = summarize(frame({"US": list(x)}), n_boot=2000, seed=i).iloc[0]
        covered += row["ci_low"] <= 0.25 <= row["ci_high"]
    assert 0.89 <= covered / trials <= 0.99


def test_shifting_every_value_shifts_every_statistic():
    df = scored_table()
    base = summarize(df, n_boot=1000)
    shifted = summarize(df.assign(tone=df["tone"] + 0.125), n_boot=1000)
    for col in ("mean", "median", "ci_low", "ci_high"):
        np.testing.assert_allclose(shifted[col], base[col] + 0.125, atol=1e-12)


def test_row_order_does_not_matter():
    df = scored_table()
    shuffled = df.sample(frac=1.0, random_state=4)
    pd.testing.assert_frame_equal(summarize(df, n_boot=800), summarize(shuffled, n_boot=800))


def test_a_group_gets_the_same_interval_alone_or_with_others():
    df = scored_table()
    full = summarize(df, n_boot=800).set_index("side")
    alone = summarize(df[df["side"] == "Japan"], n_boot=800).set_index("side")
    pd.testing.assert_series_equal(full.loc["Japan"], alone.loc["Japan"])


def test_seed_fixes_the_interval():
    df = scored_table()
    one = summarize(df, n_boot=800, seed=1)
    assert one.equals(summarize(df, n_boot=800, seed=1))
    other = summarize(df, n_boot=800, seed=2)
    assert not np.allclose(one["ci_low"], other["ci_low"])
    pd.testing.assert_series_equal(one["mean"], other["mean"])


def test_grouping_by_several_columns_and_by_date():
    df = scored_table()
    by_speaker = summarize(df, by=["side", "speaker"], n_boot=200)
    assert list(by_speaker.columns[:2]) == ["side", "speaker"]
    counts = df.groupby(["side", "speaker"]).size()
    for row in by_speaker.itertuples():
        assert row.n == counts[(row.side, row.speaker)]
    by_date = summarize(df, by="date", n_boot=200)
    expected = df.groupby("date")["tone"].mean()
    np.testing.assert_allclose(by_date.set_index("date")["mean"], expected.loc[by_date["date"]])


def test_cluster_weights_each_speaker_once():
    # One talkative speaker (20 statements of 1.0) and two quiet ones (0.0 each).
    df = pd.DataFrame({"side": ["US"] * 22, "speaker": ["A"] * 20 + ["B", "C"],
                       "tone": [1.0] * 20 + [0.0, 0.0]})
    plain = summarize(df, n_boot=500).iloc[0]
    weighted = summarize(df, cluster="speaker", n_boot=500).iloc[0]
    assert plain["mean"] == pytest.approx(20 / 22)
    assert weighted["mean"] == pytest.approx(1 / 3)
    assert weighted["median"] == 0.0
    assert (weighted["n"], weighted["n_units"]) == (22, 3)
    assert bool(weighted["small"]) and not bool(plain["small"])
    # resampling three speakers: the mean can only be 0, 1/3, 2/3 or 1
    assert weighted["ci_low"] == 0.0 and weighted["ci_high"] == 1.0


def test_empty_table_and_missing_columns():
    empty = scored_table().iloc[0:0]
    out = summarize(empty, n_boot=10)
    assert out.empty and list(out.columns) == ["side"] + SUMMARY_COLUMNS
    with pytest.raises(KeyError, match="nope"):
        summarize(scored_table(), metric="nope")


# ---------------------------------------------------------------- effect sizes

def test_cliffs_delta_by_hand():
    assert cliffs_delta([1, 2, 3], [4, 5, 6]) == -1.0
    assert cliffs_delta([4, 5, 6], [1, 2, 3]) == 1.0
    assert cliffs_delta([1, 3], [2, 2]) == 0.0
    assert cliffs_delta([2], [2, 3]) == -0.5  # one tie, one loss
    assert math.isnan(cliffs_delta([], [1.0]))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(-3, 3), min_size=1, max_size=12),
       st.lists(st.integers(-3, 3), min_size=1, max_size=12))
def test_cliffs_delta_equals_pairwise_brute_force(x, y):
    signs = [(a > b) - (a < b) for a in x for b in y]
    assert cliffs_delta(x, y) == pytest.approx(sum(signs) / len(signs))
    assert cliffs_delta(y, x) == pytest.approx(-cliffs_delta(x, y))


def test_hedges_g_by_hand():
    # Both sds are 1, the pooled sd is 1, d = -3; with 4 degrees of freedom the exact
    # correction is Gamma(2) / (sqrt(2) Gamma(3/2)) = sqrt(2 / pi).
    assert hedges_g([1, 2, 3], [4, 5, 6]) == pytest.approx(-3 * math.sqrt(2 / math.pi))
    assert math.isnan(hedges_g([1, 1], [1, 1]))  # no spread
    assert math.isnan(hedges_g([1, 2], [3]))  # one degree of freedom
    assert math.isnan(hedges_g([], [1, 2, 3]))


def test_hedges_correction_agrees_with_the_usual_approximation():
    rng = np.random.default_rng(8)
    x, y = rng.normal(0.5, 1, 11), rng.normal(0, 1, 11)
    df = x.size + y.size - 2
    sd = math.sqrt(((x.size - 1) * x.var(ddof=1) + (y.size - 1) * y.var(ddof=1)) / df)
    approx = (1 - 3 / (4 * df - 1)) * (x.mean() - y.mean()) / sd
    assert hedges_g(x, y) == pytest.approx(approx, rel=1e-3)


# ---------------------------------------------------------------- permutation test

def brute_force_p(x: list[float], y: list[float]) -> float:
    pooled = x + y
    observed = abs(statistics.fmean(x) - statistics.fmean(y))
    hits = total = 0
    for chosen in itertools.combinations(range(len(pooled)), len(x)):
        a = [pooled[i] for i in chosen]
        b = [pooled[i] for i in range(len(pooled)) if i not in chosen]
        total += 1
        hits += abs(statistics.fmean(a) - statistics.fmean(b)) >= observed - 1e-12
    return hits / total


def test_exact_p_by_hand():
    # 20 ways to split {1..6} into 3 + 3; only {1,2,3} and {4,5,6} are as extreme.
    assert permutation_pvalue([1, 2, 3], [4, 5, 6]) == (0.1, "exact", 20)
    # {0} vs {1,2}: |diff| 1.5; splits {0},{1},{2} give 1.5, 0, 1.5.
    p, method, count = permutation_pvalue([0], [1, 2])
    assert (p, method, count) == (pytest.approx(2 / 3), "exact", 3)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.integers(-5, 5), min_size=1, max_size=6),
       st.lists(st.integers(-5, 5), min_size=1, max_size=6))
def test_exact_p_equals_brute_force(x, y):
    x = [v / 4 for v in x]
    y = [v / 4 for v in y]
    p, method, _ = permutation_pvalue(x, y)
    assert method == "exact"
    assert p == pytest.approx(brute_force_p(x, y))


def test_monte_carlo_p_agrees_with_exact_and_is_never_zero():
    rng = np.random.default_rng(2)
    x, y = rng.normal(0.3, 1, 8), rng.normal(0, 1, 8)
    exact, method, count = permutation_pvalue(x, y)
    assert method == "exact" and count == math.comb(16, 8)
    mc, method, count = permutation_pvalue(x, y, exact_limit=0, n_perm=20_000, rng=1)
    assert method == "monte carlo" and count == 20_000
    assert mc == pytest.approx(exact, abs=0.015)
    # Perfect separation of 10 vs 10: only 2 of 184,756 splits are as extreme, so 999 random
    # splits find none or very few, and the +1 correction keeps p at (1 + hits) / 1000 > 0.
    for seed in range(5):
        far, _, _ = permutation_pvalue(np.arange(10.0), np.arange(100.0, 110.0), n_perm=999,
                                       rng=seed)
        hits = far * 1000 - 1
        assert hits == pytest.approx(round(hits)) and 0 <= round(hits) <= 2
    same, _, _ = permutation_pvalue([1.0] * 12, [1.0] * 12, n_perm=99, rng=0)
    assert same == 1.0


def test_permutation_test_holds_its_level_under_the_null():
    rng = np.random.default_rng(17)
    trials = 200
    rejections = 0
    for _ in range(trials):
        x, y = rng.normal(0, 1, 7), rng.normal(0, 1, 7)
        p, method, _ = permutation_pvalue(x, y)
        assert method == "exact"
        rejections += p <= 0.05
    assert 0.01 <= rejections / trials <= 0.10


# ---------------------------------------------------------------- contrast

def test_contrast_by_hand():
    df = frame({"US": [1, 2, 3], "Japan": [4, 5, 6]})
    c = contrast(df, "US", "Japan", n_boot=500)
    assert isinstance(c, Contrast)
    assert (c.n_a, c.n_b, c.units_a, c.units_b) == (3, 3, 3, 3)
    assert (c.mean_a, c.mean_b, c.difference) == (2.0, 5.0, -3.0)
    assert (c.p_value, c.p_method, c.n_permutations) == (0.1, "exact", 20)
    assert c.cliffs_delta == -1.0
    assert c.hedges_g == pytest.approx(-3 * math.sqrt(2 / math.pi))
    assert c.small_a and c.small_b and c.small
    # every resampled US mean is in [1, 3] and every Japan mean in [4, 6]
    assert -5.0 <= c.ci_low <= c.difference <= c.ci_high <= -1.0


def test_contrast_means_match_the_data():
    df = scored_table()
    c = contrast(df, "US", "Japan", "caution", n_boot=500)
    means = df.groupby("side")["caution"].mean()
    counts = df["side"].value_counts()
    assert c.mean_a == pytest.approx(means["US"]) and c.mean_b == pytest.approx(means["Japan"])
    assert (c.n_a, c.n_b) == (counts["US"], counts["Japan"])
    assert c.difference == pytest.approx(means["US"] - means["Japan"])
    assert c.ci_low < c.difference < c.ci_high


def test_difference_interval_has_the_width_of_two_independent_samples():
    # Equal sizes and near-equal values: the two groups must still be resampled independently,
    # so the half-width is about 1.96 * sqrt(s_a^2 / n_a + s_b^2 / n_b).
    rng = np.random.default_rng(21)
    x, y = rng.normal(0, 1, 200), rng.normal(0, 1, 200)
    c = contrast(frame({"US": list(x), "Japan": list(y)}), n_boot=10_000, n_perm=99)
    half = 1.959964 * math.sqrt(x.var() / x.size + y.var() / y.size)
    assert (c.ci_high - c.ci_low) / 2 == pytest.approx(half, rel=0.1)


def test_swapping_the_sides_mirrors_the_contrast():
    df = scored_table()
    ab = contrast(df, "US", "Japan", n_boot=1000, n_perm=999)
    ba = contrast(df, "Japan", "US", n_boot=1000, n_perm=999)
    assert ba.difference == pytest.approx(-ab.difference)
    assert ba.ci_low == pytest.approx(-ab.ci_high) and ba.ci_high == pytest.approx(-ab.ci_low)
    assert ba.p_value == ab.p_value
    assert ba.cliffs_delta == pytest.approx(-ab.cliffs_delta)
    assert ba.hedges_g == pytest.approx(-ab.hedges_g)


def test_shifting_one_side_shifts_the_difference_and_interval():
    df = scored_table()
    moved = df.assign(tone=np.where(df["side"] == "US", df["tone"] + 0.5, df["tone"]))
    base = contrast(df, n_boot=800, n_perm=99)
    shifted = contrast(moved, n_boot=800, n_perm=99)
    assert shifted.difference == pytest.approx(base.difference + 0.5)
    assert shifted.ci_low == pytest.approx(base.ci_low + 0.5)
    assert shifted.ci_high == pytest.approx(base.ci_high + 0.5)


def test_clustered_contrast_permutes_whole_speakers():
    df = pd.DataFrame({
        "side": ["US"] * 12 + ["Japan"] * 6,
        "speaker": ["A"] * 10 + ["B", "C"] + ["D", "D", "E", "E", "F", "F"],
        "tone": [0.9] * 10 + [0.3, 0.5] + [0.1, 0.1, 0.0, 0.2, -0.1, -0.3],
    })
    c = contrast(df, cluster="speaker", n_boot=500)
    assert (c.n_a, c.n_b, c.units_a, c.units_b) == (12, 6, 3, 3)
    assert c.mean_a == pytest.approx((0.9 + 0.3 + 0.5) / 3)
    assert c.mean_b == pytest.approx((0.1 + 0.1 - 0.2) / 3)
    # 3 vs 3 speakers: 20 splits, perfectly separated, so p = 2/20 however many statements
    assert (c.p_value, c.p_method, c.n_permutations) == (0.1, "exact", 20)
    assert c.cliffs_delta == 1.0
    assert "from 3 vs 3 speakers, each speaker weighted equally" in c.sentence


def test_sentence_states_direction_numbers_n_and_small_samples():
    df = frame({"US": [0.5, 0.6, 0.7, 0.4], "Japan": [0.0, 0.1, -0.1, 0.05, 0.02, 0.03]})
    c = contrast(df, n_boot=1000)
    s = c.sentence
    assert s.startswith("US statements were more positive in tone than Japan's (")
    assert f"mean {c.mean_a:.2f} vs {c.mean_b:.2f}" in s
    assert f"difference {c.difference:.2f}" in s
    assert f"95% CI {c.ci_low:.2f} to {c.ci_high:.2f}" in s
    assert f"exact permutation p = {c.p_value:.3f}" in s  # 210 splits, p = 2/210
    assert f"Cliff's delta {c.cliffs_delta:.2f}" in s
    assert "n = 4 vs 6; small sample for US)." in s
    assert "includes no difference" not in s
    caution = contrast(df.rename(columns={"tone": "caution"}), metric="caution", n_boot=200)
    assert caution.sentence.startswith("US statements were more cautious than Japan's")


def test_sentence_does_not_overclaim_when_the_interval_includes_zero():
    df = frame({"US": [0.1, -0.4, 0.5, 0.0, 0.3, -0.2], "Japan": [0.0, 0.2, -0.3, 0.1, 0.1]})
    c = contrast(df, n_boot=2000)
    assert c.ci_low < 0 < c.ci_high
    assert "on average, but the 95% interval includes no difference" in c.sentence
    assert "small samples" not in c.sentence and "small sample for" not in c.sentence


def test_missing_side_gives_an_honest_sentence_not_an_error():
    c = contrast(frame({"US": [0.1, 0.2]}), n_boot=100)
    assert (c.n_b, c.units_b) == (0, 0)
    assert math.isnan(c.mean_b) and math.isnan(c.p_value) and c.p_method == "none"
    assert c.sentence.startswith("No tone contrast between US and Japan: n = 2 vs 0")


def test_to_frame_has_every_field_and_the_sentence():
    c = contrast(scored_table(), n_boot=200, n_perm=99)
    row = c.to_frame()
    assert len(row) == 1
    assert row.loc[0, "sentence"] == c.sentence
    assert row.loc[0, "difference"] == c.difference
    assert {"n_a", "n_b", "ci_low", "ci_high", "p_value", "cliffs_delta", "hedges_g",
            "small_a", "small_b"} <= set(row.columns)


def test_contrast_rejects_bad_arguments():
    with pytest.raises(ValueError):
        contrast(scored_table(), "US", "US")
    with pytest.raises(KeyError):
        contrast(scored_table(), metric="warmth")
