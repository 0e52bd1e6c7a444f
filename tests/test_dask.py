"""The Dask wrappers on a real LocalCluster: the same articles, statements and scores as serial."""

from __future__ import annotations

import math
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

dask = pytest.importorskip("dask")
dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

from conftest import REPO_ROOT, SEEDS, write_good_articles, write_tables  # noqa: E402

import stance  # noqa: E402
import stance.dask as sd  # noqa: E402
from stance.types import ARTICLE_COLUMNS, QUOTE_COLUMNS, SCORED_COLUMNS  # noqa: E402

__all__: list[str] = []


@pytest.fixture(scope="module")
def client():
    """Two single-threaded worker processes: tasks and their arguments really are pickled."""
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None, memory_limit="1GiB")
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The seeds with their metadata, three articles in a subfolder and one bad file."""
    root = tmp_path_factory.mktemp("dask") / "corpus"
    shutil.copytree(SEEDS, root)
    write_good_articles(root / "sub", 3)
    (root / "empty.txt").write_bytes(b"")
    return root


@pytest.fixture(scope="module")
def serial(corpus):
    """What the serial API gives: articles, statements, scores."""
    articles = stance.load_corpus(corpus)
    quotes = stance.extract_quotes(articles)
    return articles, quotes, stance.score_quotes(quotes)


def _same(got: pd.DataFrame, want: pd.DataFrame) -> None:
    """Equal row for row and value for value (Dask may hold strings as Arrow strings)."""
    got = got.reset_index(drop=True)
    want = want.reset_index(drop=True)
    assert got.columns.tolist() == want.columns.tolist()
    assert len(got) == len(want)
    for col in want.columns:
        if pd.api.types.is_float_dtype(want[col]):
            pd.testing.assert_series_equal(got[col], want[col], check_exact=True)
        else:
            pd.testing.assert_series_equal(got[col].astype(object), want[col].astype(object),
                                           check_exact=True)


def test_importing_stance_does_not_import_dask():
    code = "import sys, stance; print(any(m.split('.')[0] == 'dask' for m in sys.modules))"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=REPO_ROOT, timeout=120)
    assert run.stdout.strip() == "False", run.stderr


def test_folder_partitions_hold_the_loaded_articles(client, corpus, serial):
    ddf = sd.read_corpus(corpus, blocksize=3)
    assert ddf.npartitions == math.ceil(9 / 3)  # nine files, the bad one included
    got = ddf.compute()
    _same(got, serial[0][ARTICLE_COLUMNS])
    assert got["date"].notna().sum() == 5  # the seeds' dates come from metadata.csv
    assert ddf.columns.tolist() == ARTICLE_COLUMNS


def test_extra_metadata_columns_are_kept_on_request(client, corpus, serial):
    got = sd.read_corpus(corpus, blocksize=4, columns=["date_basis"]).compute()
    want = serial[0]["date_basis"].fillna("").tolist()
    assert got["date_basis"].tolist() == want
    assert got["date_basis"].iloc[0].startswith("Low confidence")


def test_statements_and_scores_equal_the_serial_run(client, corpus, serial):
    _, quotes, scored = serial
    ddf_quotes = sd.extract_quotes(sd.read_corpus(corpus, blocksize=2))
    ddf_scored = sd.score_quotes(ddf_quotes)
    assert ddf_quotes.columns.tolist() == QUOTE_COLUMNS
    assert ddf_scored.columns.tolist() == SCORED_COLUMNS
    got_quotes, got_scored = dask.compute(ddf_quotes, ddf_scored)
    assert len(quotes) > 30
    _same(got_quotes, quotes)
    _same(got_scored, scored)
    # the meta promised the dtypes the partitions have
    assert got_scored.dtypes.to_dict() == ddf_scored.dtypes.to_dict()


def test_each_worker_builds_its_scorer_and_registry_once(client, corpus):
    def reset() -> None:
        import stance.registry
        import stance.tone

        stance.tone._cached_scorer.cache_clear()
        stance.registry._load.cache_clear()

    def builds() -> tuple[int, int]:
        import stance.registry
        import stance.tone

        return (stance.tone._cached_scorer.cache_info().misses,
                stance.registry._load.cache_info().misses)

    client.run(reset)
    scored = sd.score_quotes(sd.extract_quotes(sd.read_corpus(corpus, blocksize=1)))
    assert scored.npartitions == 9
    scored.compute()
    counts = list(client.run(builds).values())
    # every worker that ran a task built each once; idle workers built nothing
    assert (1, 1) in counts and set(counts) <= {(0, 0), (1, 1)}, counts


def test_the_task_graph_carries_no_analyzer(corpus):
    # a default scorer is about a megabyte pickled; the graph must only name files
    quotes = sd.extract_quotes(sd.read_corpus(corpus, blocksize=1))
    assert quotes.npartitions == 9
    scorer_size = len(pickle.dumps(stance.make_scorer()))
    assert scorer_size > 500_000
    default = len(pickle.dumps(dict(sd.score_quotes(quotes).dask)))
    assert default < 100_000, default
    # a scorer object of one's own travels once for all nine partitions, not once per task
    own = len(pickle.dumps(dict(sd.score_quotes(quotes, stance.make_scorer()).dask)))
    assert scorer_size < own < 2 * scorer_size, (own, scorer_size)


def test_objects_of_ones_own_are_shipped_and_used(client, corpus, serial):
    _, quotes, _ = serial
    registry = stance.load_registry()
    got = sd.extract_quotes(sd.read_corpus(corpus, blocksize=4), registry).compute()
    _same(got, quotes)
    got = sd.score_quotes(dd.from_pandas(quotes, npartitions=3),
                          scorer=stance.score_vader).compute()
    _same(got, stance.score_quotes(quotes, scorer=stance.score_vader))


@pytest.fixture(scope="module")
def tables(tmp_path_factory, serial) -> dict[str, Path]:
    """The corpus as tables with quoted multi-line fields, a blank row and several row groups."""
    folder = tmp_path_factory.mktemp("dask-tables")
    return write_tables(serial[0], folder, blank_at=3, tsv=True, blank_jsonl_line=True)


@pytest.mark.parametrize("name", ["ids.csv", "ids.tsv", "ids.jsonl", "ids.parquet",
                                  "plain.csv", "plain.tsv", "plain.jsonl", "plain.parquet"])
@pytest.mark.parametrize("blocksize", [2, 4, 1000])
def test_table_partitions_are_row_blocks_of_the_loaded_table(client, tables, name, blocksize):
    ddf = sd.read_corpus(tables[name], blocksize=blocksize)
    assert ddf.npartitions == math.ceil(9 / blocksize)  # nine rows, the blank one included
    want = stance.load_corpus(tables[name])
    assert len(want) == 8
    _same(ddf.compute(), want[ARTICLE_COLUMNS])


def test_a_single_text_file_is_one_partition(client, serial):
    path = SEEDS / "001_e714094618a5e767.txt"
    ddf = sd.read_corpus(path, metadata=SEEDS / "metadata.csv")
    assert ddf.npartitions == 1
    _same(ddf.compute(), stance.load_corpus(path, metadata=SEEDS / "metadata.csv")
          [ARTICLE_COLUMNS])


def test_an_empty_folder_gives_an_empty_frame(client, tmp_path):
    ddf = sd.read_corpus(tmp_path)
    got = ddf.compute()
    assert got.columns.tolist() == ARTICLE_COLUMNS and len(got) == 0
    assert len(sd.extract_quotes(ddf).compute()) == 0


def test_wrong_inputs_are_refused(tmp_path):
    with pytest.raises(FileNotFoundError):
        sd.read_corpus(tmp_path / "missing")
    with pytest.raises(ValueError, match="blocksize"):
        sd.read_corpus(SEEDS, blocksize=0)
    table = tmp_path / "t.csv"
    table.write_text("body\nsome words\n", encoding="utf-8")
    with pytest.raises(ValueError, match="'text' column"):
        sd.read_corpus(table)
    frame = dd.from_pandas(pd.DataFrame({"body": ["x"]}), npartitions=1)
    with pytest.raises(ValueError, match="article_id"):
        sd.extract_quotes(frame)
    with pytest.raises(ValueError, match="text"):
        sd.score_quotes(frame)
