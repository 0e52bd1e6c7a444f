"""The command line: ``stance quotes``, ``stance evaluate``, help, bad inputs, and ``python -m``."""

from __future__ import annotations

import io
import subprocess
import sys

import pandas as pd
import pytest

from stance import extract_quotes, load_corpus
from stance.cli import main
from stance.types import QUOTE_COLUMNS

__all__: list[str] = []

# columns compared between runs and formats (dates are compared separately: CSV writes days)
SAME = [c for c in QUOTE_COLUMNS if c != "date"]


def _csv(text: str) -> pd.DataFrame:
    return pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)


def _as_text(frame: pd.DataFrame) -> pd.DataFrame:
    """Every compared column as text, so tables read back from any format compare equal."""
    return frame[SAME].astype(str).reset_index(drop=True)


@pytest.fixture()
def small_corpus(tmp_path):
    """Three good articles, an empty file and a binary file."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("Ann Lee said the talks went well.\n", encoding="utf-8")
    (folder / "b.txt").write_text("“We are ready,” said Tom Hardy.\n", encoding="utf-8")
    (folder / "c.txt").write_text(
        "Ryosei Akazawa arrived.\n“Our goal is to cancel the tariffs,” he said.\n",
        encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\xff\xfe\x00PK\x03\x04\x00")
    return folder


# --- stance quotes ----------------------------------------------------------------------------


def test_quotes_writes_csv_with_the_contract_columns_to_stdout(capsys, seeds_dir):
    assert main(["quotes", str(seeds_dir), "--jobs", "1"]) == 0
    out = _csv(capsys.readouterr().out)
    assert list(out.columns) == QUOTE_COLUMNS
    assert set(out["article_id"]) == {p.stem for p in seeds_dir.glob("*.txt")}
    expected = extract_quotes(load_corpus(seeds_dir))
    assert len(out) == len(expected) > 0
    pd.testing.assert_frame_equal(_as_text(out), _as_text(expected))
    assert out["date"].iloc[0] == str(expected["date"].iloc[0].date())


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
def test_quotes_output_file_reads_back_with_the_same_rows(tmp_path, capsys, seeds_dir, suffix):
    out = tmp_path / f"quotes{suffix}"
    assert main(["quotes", str(seeds_dir), "-o", str(out), "--jobs", "1"]) == 0
    assert capsys.readouterr().out == ""  # the table went to the file, not to stdout
    if suffix == ".csv":
        back = pd.read_csv(out, dtype=str, keep_default_na=False)
    elif suffix == ".jsonl":
        back = pd.read_json(out, lines=True, dtype=False)
    else:
        back = pd.read_parquet(out)
    assert list(back.columns) == QUOTE_COLUMNS
    expected = extract_quotes(load_corpus(seeds_dir))
    pd.testing.assert_frame_equal(_as_text(back), _as_text(expected))
    dates = pd.to_datetime(back["date"]).dt.date.tolist()
    assert dates == expected["date"].dt.date.tolist()


def test_quotes_with_two_jobs_gives_the_same_rows_in_the_same_order(tmp_path, seeds_dir):
    one, two = tmp_path / "one.csv", tmp_path / "two.csv"
    assert main(["quotes", str(seeds_dir), "-o", str(one), "--jobs", "1",
                 "--chunk-size", "1"]) == 0
    assert main(["quotes", str(seeds_dir), "-o", str(two), "--jobs", "2",
                 "--chunk-size", "1"]) == 0
    a = pd.read_csv(one, dtype=str, keep_default_na=False)
    b = pd.read_csv(two, dtype=str, keep_default_na=False)
    assert len(a) > 0
    pd.testing.assert_frame_equal(a, b)
    assert list(a["article_id"]) == sorted(a["article_id"])


def test_quotes_skips_empty_and_binary_files_and_names_them(capsys, small_corpus):
    assert main(["quotes", str(small_corpus), "--jobs", "1"]) == 0
    captured = capsys.readouterr()
    out = _csv(captured.out)
    assert list(zip(out["article_id"], out["speaker"], out["text"], strict=True)) == [
        ("a", "Ann Lee", "the talks went well"),
        ("b", "Tom Hardy", "We are ready,"),
        ("c", "Ryosei Akazawa", "Our goal is to cancel the tariffs,"),
    ]
    assert "empty.txt" in captured.err
    assert "binary.txt" in captured.err
    assert "a.txt" not in captured.err


def test_quotes_skipped_files_with_two_jobs(tmp_path, capsys, small_corpus):
    out = tmp_path / "q.jsonl"
    assert main(["quotes", str(small_corpus), "-o", str(out), "--jobs", "2",
                 "--chunk-size", "1"]) == 0
    err = capsys.readouterr().err
    assert "empty.txt" in err and "binary.txt" in err
    back = pd.read_json(out, lines=True, dtype=False)
    assert back["article_id"].tolist() == ["a", "b", "c"]


def test_each_skipped_file_is_named_once_on_stderr(small_corpus):
    proc = subprocess.run(
        [sys.executable, "-m", "stance", "quotes", str(small_corpus), "--jobs", "1"],
        capture_output=True, text=True, check=False)
    assert proc.returncode == 0
    assert proc.stderr.count("empty.txt") == 1
    assert proc.stderr.count("binary.txt") == 1


def test_quotes_on_a_folder_with_nothing_readable_exits_non_zero(tmp_path, capsys):
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    assert main(["quotes", str(folder), "--jobs", "1"]) != 0
    assert "empty.txt" in capsys.readouterr().err


def test_quotes_on_a_missing_path_exits_non_zero_with_a_clear_message(tmp_path, capsys):
    missing = tmp_path / "no_such_folder"
    assert main(["quotes", str(missing)]) != 0
    captured = capsys.readouterr()
    assert "no_such_folder" in captured.err
    assert "no such" in captured.err.lower()
    assert "Traceback" not in captured.err
    assert captured.out == ""


def test_quotes_output_with_an_unknown_suffix_is_refused(tmp_path, capsys, corpus_dir):
    out = tmp_path / "quotes.txt"
    assert main(["quotes", str(corpus_dir), "-o", str(out), "--jobs", "1"]) != 0
    assert "quotes.txt" in capsys.readouterr().err
    assert not out.exists()


def test_quotes_with_a_user_registry(tmp_path, capsys):
    reg = tmp_path / "speakers.toml"
    reg.write_text('[[speaker]]\nname = "Zara Quill"\nside = "other"\naliases = ["Quill"]\n',
                   encoding="utf-8")
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "z.txt").write_text("Quill said the tariffs would stay.\n", encoding="utf-8")
    assert main(["quotes", str(folder), "--registry", str(reg), "--jobs", "1"]) == 0
    out = _csv(capsys.readouterr().out)
    assert out[["speaker", "side", "text"]].values.tolist() == [
        ["Zara Quill", "other", "the tariffs would stay"]]


def test_quotes_with_a_bad_registry_exits_non_zero_naming_the_file(tmp_path, capsys, corpus_dir):
    reg = tmp_path / "broken.toml"
    reg.write_text("[[speaker]\n", encoding="utf-8")
    assert main(["quotes", str(corpus_dir), "--registry", str(reg), "--jobs", "1"]) != 0
    err = capsys.readouterr().err
    assert "broken.toml" in err and "Traceback" not in err


# --- stance evaluate --------------------------------------------------------------------------


def test_evaluate_prints_precision_recall_f1(capsys, repo_root, seeds_dir):
    gold = repo_root / "tests" / "data" / "gold_seeds.csv"
    assert main(["evaluate", str(gold), str(seeds_dir)]) == 0
    out = capsys.readouterr().out
    n_gold = len(pd.read_csv(gold))
    assert f"{n_gold} gold statements" in out
    for word in ("precision", "recall", "f1", "speaker_accuracy"):
        assert word in out
    lines = {ln.split()[0]: ln.split()[1:] for ln in out.splitlines() if ln.strip()}
    assert {"direct", "partial", "indirect", "all"} <= set(lines)
    # the 'all' row: n_gold first, then n_pred, matched, precision, recall, f1, speaker
    assert int(lines["all"][0]) == n_gold
    for value in lines["all"][3:7]:
        assert 0.0 <= float(value) <= 1.0


def test_evaluate_verbose_lists_missed_and_spurious(capsys, repo_root, seeds_dir):
    gold = repo_root / "tests" / "data" / "gold_seeds.csv"
    assert main(["evaluate", str(gold), str(seeds_dir), "-v"]) == 0
    out = capsys.readouterr().out
    assert "missed (" in out and "spurious (" in out and "wrong speaker (" in out


def test_evaluate_with_a_missing_gold_file(tmp_path, capsys, seeds_dir):
    assert main(["evaluate", str(tmp_path / "gold.csv"), str(seeds_dir)]) != 0
    err = capsys.readouterr().err
    assert "gold.csv" in err and "Traceback" not in err


# --- help and arguments -----------------------------------------------------------------------


def test_help_lists_every_subcommand(capsys):
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for command in ("quotes", "score", "figures", "evaluate", "validate"):
        assert command in out


def test_no_command_prints_help_and_exits_2(capsys):
    assert main([]) == 2
    assert "quotes" in capsys.readouterr().out


def test_wrong_arguments_exit_2(capsys, corpus_dir):
    assert main(["quotes", str(corpus_dir), "--jobs", "many"]) == 2
    assert "--jobs" in capsys.readouterr().err
    assert main(["no-such-command"]) == 2


def test_python_m_stance_help():
    proc = subprocess.run([sys.executable, "-m", "stance", "--help"],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0
    for command in ("quotes", "score", "figures", "evaluate", "validate"):
        assert command in proc.stdout


def test_python_m_stance_quotes_writes_csv(corpus_dir):
    proc = subprocess.run([sys.executable, "-m", "stance", "quotes", str(corpus_dir),
                           "--jobs", "1"], capture_output=True, text=True, check=False)
    assert proc.returncode == 0
    out = _csv(proc.stdout)
    assert list(out.columns) == QUOTE_COLUMNS
    assert out["article_id"].tolist() == ["good_0", "good_1"]
    assert out["text"].tolist() == ["We are making progress,"] * 2
