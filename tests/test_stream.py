"""Streaming: chunked reading, the multi-process quote writer, interrupted runs, skipped inputs."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from conftest import REPO_ROOT, SEEDS, write_good_articles, write_tables

import stance
import stance.stream as stream
from stance.corpus import iter_corpus
from stance.stream import iter_quotes, write_quotes
from stance.types import QUOTE_COLUMNS

__all__: list[str] = []

BAD_FILES = {"empty.txt": b"", "blob.txt": b"\x00\x01\x02binary"}


@pytest.fixture(scope="module")
def mixed_corpus(tmp_path_factory) -> Path:
    """The five seeds with their metadata, three articles in a subfolder, two bad files."""
    root = tmp_path_factory.mktemp("mixed") / "corpus"
    shutil.copytree(SEEDS, root)
    write_good_articles(root / "sub", 3)
    for name, raw in BAD_FILES.items():
        (root / name).write_bytes(raw)
    return root


@pytest.fixture(scope="module")
def tables(tmp_path_factory, mixed_corpus) -> dict[str, Path]:
    """The mixed corpus as tables: with ids and dates, and text only (ids from row numbers).

    The seed texts hold newlines, commas and both kinds of quote marks, so the CSV has quoted
    multi-line fields; each table also has an empty row, which must be reported, not lost.
    """
    folder = tmp_path_factory.mktemp("tables")
    return write_tables(stance.load_corpus(mixed_corpus), folder, blank_at=4)


def _concat(chunks: list[pd.DataFrame]) -> pd.DataFrame:
    frame = pd.concat(chunks, ignore_index=True)
    frame.attrs = {}
    return frame


# --- chunked reading -----------------------------------------------------------------------


@pytest.mark.parametrize("chunk_size", [1, 2, 4, 1000])
def test_chunks_of_a_folder_are_the_loaded_corpus(mixed_corpus, chunk_size):
    whole = stance.load_corpus(mixed_corpus)
    chunks = list(iter_corpus(mixed_corpus, chunk_size=chunk_size))
    assert all(len(c) <= chunk_size for c in chunks)
    assert len(whole) == 8
    pd.testing.assert_frame_equal(_concat(chunks), whole.copy())
    skipped = [s for c in chunks for s in c.attrs["skipped"]]
    assert skipped == whole.attrs["skipped"]
    assert sorted(Path(s["path"]).name for s in skipped) == sorted(BAD_FILES)


@pytest.mark.parametrize("name", ["ids.csv", "ids.jsonl", "ids.parquet",
                                  "plain.csv", "plain.jsonl", "plain.parquet"])
@pytest.mark.parametrize("chunk_size", [1, 2, 1000])
def test_chunks_of_a_table_are_the_loaded_table(tables, name, chunk_size):
    whole = stance.load_corpus(tables[name])
    chunks = list(iter_corpus(tables[name], chunk_size=chunk_size))
    assert len(whole) == 8  # the blank row is skipped, every article kept
    if name.startswith("plain"):
        # ids come from row numbers, counted across chunks, blank row included
        assert whole["article_id"].iloc[4] == "plain-000005"
    pd.testing.assert_frame_equal(_concat(chunks), whole.copy())
    skipped = [s for c in chunks for s in c.attrs["skipped"]]
    assert skipped == whole.attrs["skipped"]
    assert len(skipped) == 1 and "empty text" in skipped[0]["reason"]


# --- the writer ----------------------------------------------------------------------------


def _read(path: Path) -> pd.DataFrame:
    if path.suffix == ".parquet":
        return pd.read_parquet(path)
    if path.suffix == ".jsonl":
        return pd.read_json(path, lines=True, dtype=False)
    return pd.read_csv(path, keep_default_na=False)


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
def test_two_jobs_write_the_same_file_as_one(mixed_corpus, tmp_path, suffix):
    one, two = tmp_path / f"one{suffix}", tmp_path / f"two{suffix}"
    assert write_quotes(mixed_corpus, one, jobs=1, chunk_size=2) == \
        write_quotes(mixed_corpus, two, jobs=2, chunk_size=2)
    assert one.read_bytes() == two.read_bytes()


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
def test_the_file_holds_the_serial_statements(mixed_corpus, tmp_path, suffix):
    serial = stance.extract_quotes(stance.load_corpus(mixed_corpus))
    out = tmp_path / f"quotes{suffix}"
    n_articles, n_quotes = write_quotes(mixed_corpus, out, jobs=1, chunk_size=3)
    assert (n_articles, n_quotes) == (8, len(serial)) and n_quotes > 20
    got = _read(out)
    assert got.columns.tolist() == QUOTE_COLUMNS
    for col in ("article_id", "speaker", "side", "kind", "text", "start", "end", "cue"):
        assert got[col].tolist() == serial[col].tolist(), col
    if suffix == ".jsonl":  # one JSON object a line, chunk after chunk
        lines = out.read_text(encoding="utf-8").splitlines()
        assert len(lines) == len(serial) and all(json.loads(x) for x in lines)


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
def test_chunk_sizes_do_not_change_the_output(mixed_corpus, tmp_path, suffix):
    outputs = []
    for size in (1, 2, 1000):
        out = tmp_path / f"q{size}{suffix}"
        write_quotes(mixed_corpus, out, jobs=1, chunk_size=size)
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] == outputs[2]


def test_parquet_bytes_do_not_depend_on_how_the_rows_came_in(mixed_corpus, tmp_path):
    """Rows that reach the writer as many small tables or as one give the same file (so
    --jobs, which hands it smaller tables, writes the serial run's bytes)."""
    quotes = stance.extract_quotes(stance.load_corpus(mixed_corpus))
    big = pd.concat([quotes] * 300, ignore_index=True)
    # distinct texts of some megabytes: past the size where the writer gives up the dictionary
    # encoding of a column, which it checks after each table it is handed
    big["text"] = [f"{i:06d} {i * 7919 % 10007:05d} {t}" for i, t in enumerate(big["text"])]
    big["sentence"] = [f"{i:06d} {s}" for i, s in enumerate(big["sentence"])]
    files = []
    for pieces in (1, 40):
        out = tmp_path / f"q{pieces}.parquet"
        writer = stream._Writer(out)
        for a, b in stream._runs(len(big), pieces):
            writer.write(big.iloc[a:b])
        writer.close(True)
        files.append(out.read_bytes())
    assert files[0] == files[1]
    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "q40.parquet"),
                                  big[QUOTE_COLUMNS].reset_index(drop=True), check_dtype=False)


def test_a_large_chunk_is_shared_by_the_workers_in_the_serial_order(mixed_corpus, tmp_path):
    one, two = tmp_path / "one.csv", tmp_path / "two.csv"
    write_quotes(mixed_corpus, one, jobs=1, chunk_size=1000)
    write_quotes(mixed_corpus, two, jobs=3, chunk_size=1000)
    assert one.read_bytes() == two.read_bytes()


@pytest.mark.parametrize(("n", "k"), [(10, 4), (7, 7), (3, 8), (1, 2), (0, 3), (500, 4)])
def test_pieces_cover_a_chunk_in_order_and_near_equal(n, k):
    frame = pd.DataFrame({"i": range(n)})
    pieces = stream._pieces(frame, k)
    assert len(pieces) == min(k, n)
    assert [i for p in pieces for i in p["i"]] == list(range(n))
    if pieces:
        sizes = [len(p) for p in pieces]
        assert max(sizes) - min(sizes) <= 1


def test_iter_quotes_in_chunks_in_corpus_order(mixed_corpus):
    skipped: list = []
    chunks = list(iter_quotes(mixed_corpus, jobs=2, chunk_size=3, skipped=skipped))
    serial = stance.extract_quotes(stance.load_corpus(mixed_corpus))
    pd.testing.assert_frame_equal(pd.concat(chunks, ignore_index=True), serial)
    assert sorted(Path(s["path"]).name for s in skipped) == sorted(BAD_FILES)


def test_csv_to_a_stream_without_output(mixed_corpus, tmp_path):
    import io

    buffer = io.StringIO()
    write_quotes(mixed_corpus, None, jobs=1, stream=buffer)
    out = tmp_path / "q.csv"
    write_quotes(mixed_corpus, out, jobs=1)
    assert buffer.getvalue() == out.read_text(encoding="utf-8")


def test_workers_writing_csv_to_a_stream_give_the_serial_text(mixed_corpus, tmp_path,
                                                              monkeypatch):
    """With --jobs and no -o the workers' files go to the temporary folder, and go away."""
    import io
    import tempfile

    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    one, two = io.StringIO(), io.StringIO()
    assert write_quotes(mixed_corpus, None, jobs=1, stream=one, chunk_size=2) == \
        write_quotes(mixed_corpus, None, jobs=2, stream=two, chunk_size=2)
    assert two.getvalue() == one.getvalue() and one.getvalue().startswith("article_id,")
    assert list(scratch.iterdir()) == []


@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
def test_workers_format_their_own_statements(mixed_corpus, tmp_path, monkeypatch, suffix):
    """With --jobs a folder's CSV or JSON lines reach the writer as the workers' files."""
    seen: list = []
    real = stream._Writer.write

    def spy(self, quotes):
        seen.append(type(quotes).__name__)
        return real(self, quotes)

    monkeypatch.setattr(stream._Writer, "write", spy)
    write_quotes(mixed_corpus, tmp_path / f"q{suffix}", jobs=2, chunk_size=3)
    assert seen and set(seen) == {"_Part"}
    assert [p.name for p in tmp_path.iterdir()] == [f"q{suffix}"]


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
def test_a_corpus_without_articles_gives_an_empty_table(tmp_path, suffix):
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    out = tmp_path / f"q{suffix}"
    assert write_quotes(folder, out, jobs=1) == (0, 0)
    if suffix == ".jsonl":
        assert out.read_bytes() == b""
    else:
        got = _read(out)
        assert got.columns.tolist() == QUOTE_COLUMNS and len(got) == 0


def test_output_gets_the_usual_file_mode(mixed_corpus, tmp_path):
    old = os.umask(0o022)
    try:
        out = tmp_path / "q.csv"
        write_quotes(mixed_corpus, out, jobs=1)
    finally:
        os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == 0o644


def test_unknown_suffix_is_refused(mixed_corpus, tmp_path):
    with pytest.raises(ValueError, match=r"\.xlsx"):
        write_quotes(mixed_corpus, tmp_path / "q.xlsx", jobs=1)
    assert list(tmp_path.iterdir()) == []


# --- interrupted runs ----------------------------------------------------------------------


class Boom(RuntimeError):
    pass


def _fail_on_call(n: int, real):
    calls = {"n": 0}

    def wrapper(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == n:
            raise Boom("injected")
        return real(*args, **kwargs)

    return wrapper


@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
def test_interrupted_write_leaves_no_file(mixed_corpus, tmp_path, monkeypatch, jobs, suffix):
    monkeypatch.setattr(stream._Writer, "write", _fail_on_call(3, stream._Writer.write))
    out = tmp_path / f"q{suffix}"
    with pytest.raises(Boom):
        write_quotes(mixed_corpus, out, jobs=jobs, chunk_size=1)
    assert list(tmp_path.iterdir()) == []  # neither the table nor a temporary file


@pytest.mark.parametrize("jobs", [1, 2])
def test_interrupted_write_keeps_the_previous_file(mixed_corpus, tmp_path, monkeypatch, jobs):
    out = tmp_path / "q.csv"
    out.write_text("the last good table\n", encoding="utf-8")
    monkeypatch.setattr(stream._Writer, "write", _fail_on_call(2, stream._Writer.write))
    with pytest.raises(Boom):
        write_quotes(mixed_corpus, out, jobs=jobs, chunk_size=2)
    assert out.read_text(encoding="utf-8") == "the last good table\n"
    assert [p.name for p in tmp_path.iterdir()] == ["q.csv"]


def test_failing_extraction_keeps_the_previous_file(mixed_corpus, tmp_path, monkeypatch):
    out = tmp_path / "q.parquet"
    write_quotes(mixed_corpus, out, jobs=1)
    before = out.read_bytes()
    monkeypatch.setattr(stream, "_extract_chunk", _fail_on_call(3, stream._extract_chunk))
    with pytest.raises(Boom):
        write_quotes(mixed_corpus, out, jobs=1, chunk_size=1)
    assert out.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["q.parquet"]


# --- skipped inputs ------------------------------------------------------------------------


def test_skipped_inputs_are_named_on_stderr(mixed_corpus, tmp_path, capsys):
    write_quotes(mixed_corpus, tmp_path / "q.csv", jobs=1, chunk_size=2)
    err = capsys.readouterr().err
    for name, reason in (("empty.txt", "empty file"), ("blob.txt", "binary file")):
        line = [x for x in err.splitlines() if name in x]
        assert len(line) == 1 and reason in line[0] and line[0].startswith("stance: skipped")


def test_command_names_each_skipped_input_once(mixed_corpus, tmp_path):
    # a real process: the corpus logger and the writer both reach the terminal there
    out = tmp_path / "q.csv"
    run = subprocess.run(
        [sys.executable, "-m", "stance", "quotes", str(mixed_corpus), "-o", str(out),
         "--jobs", "2", "--chunk-size", "3"],
        capture_output=True, text=True, cwd=REPO_ROOT, timeout=300,
    )
    assert run.returncode == 0, run.stderr
    for name in BAD_FILES:
        assert sum(name in line for line in run.stderr.splitlines()) == 1, run.stderr
    assert "statements from 8 articles" in run.stderr
    assert len(pd.read_csv(out)) == len(stance.extract_quotes(stance.load_corpus(mixed_corpus)))


@pytest.fixture(scope="module")
def messy_corpus(tmp_path_factory, mixed_corpus) -> Path:
    """The mixed corpus plus a cp1252 file, a file with a stray byte and a metadata row that
    names no file: every kind of message reading can give."""
    root = tmp_path_factory.mktemp("messy") / "corpus"
    shutil.copytree(mixed_corpus, root)
    (root / "sub" / "cp.txt").write_bytes(
        b"Caf\xe9 talks\n\nThe minister said \x93we are pleased\x94 with the deal.\n")
    (root / "stray.txt").write_bytes(
        "Talks\n\nThe minister said “we are pleased” with the talks. ".encode() * 3
        + b"\xff\n")
    with (root / "metadata.csv").open("a", encoding="utf-8") as fh:
        fh.write("ghost/article,2025-01-01,Nowhere,A ghost\n")
    return root


@pytest.mark.parametrize("chunk_size", ["1", "3", "100"])
def test_workers_reading_their_own_files_give_the_serial_file_and_messages(
        messy_corpus, tmp_path, chunk_size):
    # with --jobs 2 the workers read the files; the table and every message must not change
    runs = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"q{jobs}.csv"
        run = subprocess.run(
            [sys.executable, "-m", "stance", "quotes", str(messy_corpus), "-o", str(out),
             "--jobs", jobs, "--chunk-size", chunk_size],
            capture_output=True, text=True, cwd=REPO_ROOT, timeout=300,
        )
        assert run.returncode == 0, run.stderr
        runs[jobs] = (out.read_bytes(), run.stderr.replace(str(out), "OUT"))
    assert runs["1"] == runs["2"]
    err = runs["2"][1]
    for expected in ("cp.txt: not UTF-8", "stray.txt: not valid UTF-8", "name no article file",
                     "skipped", "statements from 10 articles"):
        assert expected in err, err


def test_iter_quotes_collects_what_the_workers_skipped(messy_corpus):
    lists: dict[int, list] = {1: [], 2: []}
    for jobs, skipped in lists.items():
        total = sum(len(q) for q in iter_quotes(messy_corpus, jobs=jobs, chunk_size=2,
                                                skipped=skipped))
        assert total > 20
    assert lists[1] == lists[2]
    assert sorted(Path(item["path"]).name for item in lists[2]) == sorted(BAD_FILES)


def test_a_large_metadata_sheet_is_looked_up_row_by_row_with_the_same_result(
        messy_corpus, monkeypatch):
    def run(jobs: int) -> tuple[pd.DataFrame, list]:
        skipped: list = []
        table = pd.concat(list(iter_quotes(messy_corpus, jobs=jobs, chunk_size=3,
                                           skipped=skipped)), ignore_index=True)
        return table, skipped

    whole, whole_skipped = run(2)
    monkeypatch.setattr("stance.corpus._META_RECORDS_MAX", 1)  # every sheet counts as large
    for jobs in (1, 2):
        table, skipped = run(jobs)
        pd.testing.assert_frame_equal(table, whole)
        assert skipped == whole_skipped
    assert table["date"].notna().sum() > 10  # the seeds' dates came from the sheet

