"""The figure build: byte-for-byte reproducible, atomic, and its CSVs hold the numbers reported."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import re
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from synthetic import scored_table as synthetic_table

import stance.figures as figures
from stance import plots
from stance.stats import contrast
from stance.types import SCORED_COLUMNS

__all__: list[str] = []

REPO = Path(__file__).resolve().parents[1]
FAST = {"n_boot": 1000, "n_perm": 999}


def scored_table(seed: int = 0) -> pd.DataFrame:
    """The shared synthetic table, with texts that need quoting in CSV."""
    return synthetic_table(seed, text=lambda speaker, k: f"{speaker} said, \"no\",\nthen {k}")


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def scored() -> pd.DataFrame:
    return scored_table()


@pytest.fixture(scope="module")
def build(scored, tmp_path_factory):
    """One build of the synthetic table: (folder, manifest)."""
    out = tmp_path_factory.mktemp("build") / "figures"
    manifest = figures.write_figures(scored, out, **FAST)
    return out, manifest


def test_two_builds_into_empty_folders_are_byte_identical(scored, build, tmp_path):
    first, _ = build
    second = tmp_path / "elsewhere" / "out"
    figures.write_figures(scored.sample(frac=1.0, random_state=1), second, **FAST)
    a, b = files_of(first), files_of(second)
    assert sorted(a) == sorted(b)
    different = [name for name in a if a[name] != b[name]]
    assert different == []


def test_build_writes_four_figures_with_their_data_and_a_manifest(build):
    out, manifest = build
    names = set(files_of(out))
    assert len(figures.FIGURES) >= 4
    for fig in figures.FIGURES:
        assert {f"{fig}.png", f"{fig}.svg", f"{fig}.csv"} <= names
        assert (out / f"{fig}.png").read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
        assert b"<svg" in (out / f"{fig}.svg").read_bytes()[:2000]
    assert {"quotes.csv", "contrast.csv", "manifest.json"} <= names
    assert not [n for n in names if n.endswith(".tmp") or n.startswith(".")]
    on_disk = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert on_disk == manifest


def test_manifest_hashes_every_output_and_records_versions_without_timestamps(build):
    out, manifest = build
    outputs = manifest["outputs"]
    assert set(outputs) == set(files_of(out)) - {"manifest.json"}
    for name, digest in outputs.items():
        assert hashlib.sha256((out / name).read_bytes()).hexdigest() == digest
    assert set(manifest["versions"]) == {"stance", "numpy", "pandas", "matplotlib", "nltk",
                                         "vaderSentiment"}
    import matplotlib
    import numpy

    assert manifest["versions"]["numpy"] == numpy.__version__
    assert manifest["versions"]["matplotlib"] == matplotlib.__version__
    text = (out / "manifest.json").read_text(encoding="utf-8")
    assert not re.search(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}", text)
    assert not re.search(r"\"(date|time|timestamp|created|built|generated)[a-z_]*\"\s*:", text)
    assert text == json.dumps(manifest, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
    assert manifest["package_data"]["stance/data/stance.mplstyle"]


def test_images_carry_no_software_or_date_metadata(build):
    out, _ = build
    png = (out / "by_side.png").read_bytes()
    assert b"Software" not in png and b"tIME" not in png
    svg = (out / "by_side.svg").read_text(encoding="utf-8")
    assert "<dc:date>" not in svg and "Matplotlib v" not in svg


def test_contrast_numbers_in_the_csvs_equal_those_of_contrast(scored, build):
    out, manifest = build
    table = pd.read_csv(out / "contrast.csv", keep_default_na=False, na_values=[""])
    by_side = pd.read_csv(out / "by_side.csv")
    summary = by_side[by_side["layer"] == "summary"]
    for metric in figures.METRICS:
        expected = contrast(scored, "US", "Japan", metric, **FAST)
        row = table[(table["metric"] == metric) & table["cluster"].isna()].iloc[0]
        for field in ("mean_a", "mean_b", "difference", "ci_low", "ci_high", "p_value",
                      "cliffs_delta", "hedges_g"):
            assert row[field] == pytest.approx(getattr(expected, field), abs=1e-6), field
        for field in ("n_a", "n_b", "units_a", "units_b", "n_permutations"):
            assert row[field] == getattr(expected, field), field
        assert row["sentence"] == expected.sentence == manifest["contrasts"][metric]
        side_rows = summary[summary["metric"] == metric].set_index("side")
        assert side_rows.loc["US", "mean"] == pytest.approx(expected.mean_a, abs=1e-6)
        assert side_rows.loc["Japan", "mean"] == pytest.approx(expected.mean_b, abs=1e-6)
        assert side_rows.loc["US", "n"] == expected.n_a
        assert side_rows.loc["Japan", "n"] == expected.n_b
        weighted = contrast(scored, "US", "Japan", metric, cluster="speaker", **FAST)
        assert manifest["contrasts_speaker_weighted"][metric] == weighted.sentence


def test_figure_csvs_hold_what_the_figures_show(scored, build):
    out, _ = build
    by_side = pd.read_csv(out / "by_side.csv")
    for metric in figures.METRICS:
        points = by_side[(by_side["metric"] == metric) & (by_side["layer"] == "statement")]
        np.testing.assert_allclose(np.sort(points["value"]), np.sort(scored[metric]), atol=1e-6)
    stance_map = pd.read_csv(out / "stance_map.csv")
    assert (stance_map["layer"] == "statement").sum() == len(scored)
    speakers = pd.read_csv(out / "speakers.csv")
    assert set(speakers.loc[speakers["layer"] == "summary", "speaker"]) == set(scored["speaker"])


def test_quotes_csv_has_every_statement_in_a_fixed_order(scored, build):
    out, _ = build
    quotes = pd.read_csv(out / "quotes.csv", keep_default_na=False)
    assert list(quotes.columns) == SCORED_COLUMNS
    assert len(quotes) == len(scored)
    keys = list(zip(quotes["article_id"], quotes["start"], quotes["end"], strict=True))
    assert keys == sorted(keys)
    assert sorted(quotes["text"]) == sorted(scored["text"])  # newlines and quote marks survive


def test_failed_build_leaves_the_previous_figures_intact(scored, tmp_path, monkeypatch):
    out = tmp_path / "figures"
    figures.write_figures(scored, out, **FAST)
    before = files_of(out)

    def broken(*args, **kwargs):
        raise RuntimeError("injected failure while drawing the last figure")

    monkeypatch.setattr(plots, "draw_stance_map", broken)
    changed = scored.assign(tone=-scored["tone"])  # a build that would change every file
    with pytest.raises(RuntimeError, match="injected"):
        figures.write_figures(changed, out, **FAST)
    assert files_of(out) == before


def test_failure_while_writing_removes_the_temporary_files(scored, tmp_path, monkeypatch):
    out = tmp_path / "figures"
    figures.write_figures(scored, out, **FAST)
    before = files_of(out)
    real_fsync = figures.os.fsync
    calls = {"n": 0}

    def failing_fsync(fd):
        calls["n"] += 1
        if calls["n"] == 5:
            raise OSError(28, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(figures.os, "fsync", failing_fsync)
    with pytest.raises(OSError, match="No space"):
        figures.write_figures(scored.assign(caution=1 - scored["caution"]), out, **FAST)
    assert files_of(out) == before  # no temporary files left, nothing replaced


def test_failed_first_build_writes_nothing(scored, tmp_path, monkeypatch):
    monkeypatch.setattr(plots, "draw_over_time", lambda *a, **k: 1 / 0)
    out = tmp_path / "figures"
    with pytest.raises(ZeroDivisionError):
        figures.write_figures(scored, out, **FAST)
    assert not out.exists() or list(out.iterdir()) == []


def test_corpus_inputs_are_named_the_same_wherever_the_corpus_lives(tmp_path):
    one = tmp_path / "a" / "seeds"
    two = tmp_path / "b" / "c" / "seeds"
    shutil.copytree(REPO / "seeds", one)
    shutil.copytree(REPO / "seeds", two)
    first, second = figures.corpus_inputs(one), figures.corpus_inputs(two)
    assert first == second
    assert "seeds/metadata.csv" in first
    assert sum(name.endswith(".txt") for name in first) == len(list(one.glob("*.txt")))


# ---------------------------------------------------------------- the real pipeline

def _pipeline_ready() -> bool:
    try:
        have = all(importlib.util.find_spec(m) for m in ("stance.quotes", "stance.tone"))
    except ModuleNotFoundError:
        return False
    if not have:
        return False
    from stance import quotes, tone

    return hasattr(quotes, "extract_quotes") and hasattr(tone, "score_quotes")


needs_pipeline = pytest.mark.skipif(not _pipeline_ready(),
                                    reason="stance.quotes.extract_quotes / stance.tone.score_quotes"
                                           " not available yet")


@needs_pipeline
def test_build_from_seeds_is_reproducible(tmp_path):
    one = figures.build_figures(REPO / "seeds", tmp_path / "one")
    two = figures.build_figures(REPO / "seeds", tmp_path / "two")
    assert one == two
    assert files_of(tmp_path / "one") == files_of(tmp_path / "two")
    assert set(one["contrasts"]) == {"tone", "caution"}
    for name, digest in one["inputs"].items():
        path = REPO / name
        assert hashlib.sha256(path.read_bytes()).hexdigest() == digest


COMMITTED = REPO / "figures"


@pytest.mark.skipif(not (COMMITTED / "manifest.json").is_file(),
                    reason="figures/manifest.json is not committed yet (run `make figures`)")
def test_committed_figures_are_current(tmp_path):
    manifest = figures.build_figures(REPO / "seeds", tmp_path / "fresh")
    fresh = files_of(tmp_path / "fresh")
    committed = {name: (COMMITTED / name).read_bytes()
                 for name in fresh if (COMMITTED / name).is_file()}
    missing = sorted(set(fresh) - set(committed))
    stale = sorted(name for name in committed if committed[name] != fresh[name])
    assert not missing and not stale, (
        f"figures/ is out of date (missing {missing}, changed {stale}); run `make figures` "
        f"and commit figures/. Tone: {manifest['contrasts']['tone']}"
    )
