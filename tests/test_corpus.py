"""Corpus loading: the seeds, bad files, metadata mismatches and the three table formats."""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path

import pandas as pd
import pytest

import stance
import stance.corpus as corpus_mod
from stance import load_corpus

__all__: list[str] = []

# --- the seed corpus ---------------------------------------------------------------------

SEED_DATES = {
    "000_908b61f565eb07a5": "2025-07-06",
    "001_e714094618a5e767": "2025-04-18",
    "002_bba6adc186d38d3d": "2025-07-06",
    "003_f1b0bbbe5995592c": "2025-04-30",
    "004_e511f39658b70002": "2025-04-17",
}


def test_seeds_load_with_their_dates(seed_articles):
    assert list(seed_articles.columns[:5]) == ["article_id", "date", "source", "title", "text"]
    assert list(seed_articles["article_id"]) == sorted(SEED_DATES)
    assert pd.api.types.is_datetime64_any_dtype(seed_articles["date"])
    got = dict(zip(seed_articles["article_id"], seed_articles["date"], strict=True))
    assert got == {k: pd.Timestamp(v) for k, v in SEED_DATES.items()}
    assert seed_articles.attrs["skipped"] == []
    assert seed_articles.attrs["warnings"] == []


def test_seeds_load_from_a_relative_path(monkeypatch, repo_root):
    monkeypatch.chdir(repo_root)
    frame = load_corpus("seeds")
    assert len(frame) == 5
    assert frame["date"].notna().all()


def test_seed_headline_list_is_gone_and_last_paragraph_kept(seed_articles):
    text = seed_articles.set_index("article_id").loc["002_bba6adc186d38d3d", "text"]
    for headline in (
        "Asia’s IPO Market Set for Strong Growth",
        "Trump Claims He Will Void Biden Documents",
        "Dollar Slides to Five-Week Low",
        "Asian Currencies Steady as Rupee Hits Record Low",
    ):
        assert headline not in text
    assert text.endswith(
        "With the tariff deadline approaching fast, attention now turns to whether diplomatic "
        "efforts can deliver a last-minute breakthrough."
    )


def test_seed_comment_policy_and_repeated_title_are_gone(seed_articles):
    row = seed_articles.set_index("article_id").loc["001_e714094618a5e767"]
    text = row["text"]
    assert "comments posted here" not in text
    assert "Cnews Live" not in text
    assert "refrain from using derogatory" not in text
    assert "U.S. and Japan Begin Trade Talks, but Tokyo Voices Doubts" not in text
    assert row["title"] == "U.S. and Japan Begin Trade Talks, but Tokyo Voices Doubts"
    assert text.startswith("Senior U.S. and Japanese officials have agreed")
    assert text.endswith(
        "The U.S. tariffs, especially the 25% tax on imported cars, are already straining "
        "Japan’s economy."
    )


def test_seed_texts_keep_their_paragraphs(seed_articles, seeds_dir):
    """Cleaning removes furniture only: every other line of each file is still there."""
    for article_id, text in zip(seed_articles["article_id"], seed_articles["text"], strict=True):
        raw = (seeds_dir / f"{article_id}.txt").read_text(encoding="utf-8")
        kept = [ln.strip() for ln in text.split("\n") if ln.strip()]
        original = [ln.strip() for ln in raw.split("\n") if ln.strip()]
        assert "\r" not in text
        assert kept == [ln for ln in original if ln in kept]
        assert len(kept) >= 5


# --- bad files in a folder of good ones -------------------------------------------------


def _load_with_bad_file(folder: Path, name: str, data: bytes, caplog) -> tuple[pd.DataFrame, str]:
    """Write a bad file next to the good ones, load, and check it was skipped and reported."""
    bad = folder / name
    bad.write_bytes(data)
    with caplog.at_level(logging.WARNING, logger="stance"):
        frame = load_corpus(folder)
    assert list(frame["article_id"]) == ["good_0", "good_1"]
    assert frame["text"].str.contains("resumed tariff talks").all()
    skipped = frame.attrs["skipped"]
    assert [s["path"] for s in skipped] == [str(bad)]
    assert any(str(bad) in r.getMessage() for r in caplog.records)
    return frame, skipped[0]["reason"]


def test_empty_file_is_skipped(corpus_dir, caplog):
    _, reason = _load_with_bad_file(corpus_dir, "empty.txt", b"", caplog)
    assert "empty" in reason


def test_whitespace_only_file_is_skipped(corpus_dir, caplog):
    _, reason = _load_with_bad_file(corpus_dir, "blank.txt", b"  \n\t\r\n   \n", caplog)
    assert "empty" in reason and "whitespace" in reason


def test_utf16_whitespace_only_file_is_skipped(corpus_dir, caplog):
    _, reason = _load_with_bad_file(corpus_dir, "blank16.txt", " \n \n".encode("utf-16"), caplog)
    assert "whitespace" in reason


def test_png_named_txt_is_skipped(corpus_dir, caplog):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(range(256)) * 4
    _, reason = _load_with_bad_file(corpus_dir, "picture.txt", png, caplog)
    assert "binary" in reason


def test_random_bytes_are_skipped(corpus_dir, caplog):
    data = os.urandom(4096) + b"\x00" + os.urandom(4096)
    _, reason = _load_with_bad_file(corpus_dir, "noise.txt", data, caplog)
    assert "binary" in reason


def test_control_bytes_without_nul_are_skipped(corpus_dir, caplog):
    _, reason = _load_with_bad_file(corpus_dir, "ctrl.txt", bytes(range(1, 9)) * 100, caplog)
    assert "binary" in reason


def test_control_bytes_are_counted_up_to_the_limit(corpus_dir, caplog):
    """Tab, newline, form feed and CR are text; more than 8 other control bytes are not."""
    text = b"Talks went on.\t\x0c\r\n" * 30  # under 900 bytes: the limit is 8
    _, reason = _load_with_bad_file(corpus_dir, "ctrl9.txt", text + b"\x01" * 9, caplog)
    assert "(9 control bytes" in reason
    (corpus_dir / "ctrl9.txt").unlink()
    (corpus_dir / "ctrl8.txt").write_bytes(text + b"\x01" * 8)
    assert "ctrl8" in set(load_corpus(corpus_dir)["article_id"])


def test_only_furniture_is_skipped(corpus_dir, caplog):
    data = b"We use cookies to improve your experience.\nAccept all cookies\n"
    _, reason = _load_with_bad_file(corpus_dir, "banner.txt", data, caplog)
    assert "furniture" in reason


def test_file_over_the_size_limit_is_skipped(corpus_dir, caplog, monkeypatch):
    monkeypatch.setattr(corpus_mod, "MAX_BYTES", 1000)
    _, reason = _load_with_bad_file(corpus_dir, "dump.txt", b"Talks went on. " * 100, caplog)
    assert "limit" in reason


def _load_one_odd_file(folder: Path, name: str, data: bytes, caplog) -> tuple[str, list[str]]:
    """Load a folder with one unusual but readable file; return its text and the warnings."""
    (folder / name).write_bytes(data)
    with caplog.at_level(logging.WARNING, logger="stance"):
        frame = load_corpus(folder)
    assert frame.attrs["skipped"] == []
    assert set(frame["article_id"]) == {"good_0", "good_1", Path(name).stem}
    text = frame.set_index("article_id").loc[Path(name).stem, "text"]
    return text, frame.attrs["warnings"]


def test_cp1252_file_loads_with_a_warning(corpus_dir, caplog):
    sentence = "Talks at the café – “quoted” – went on."
    text, warnings = _load_one_odd_file(corpus_dir, "win.txt", sentence.encode("cp1252"), caplog)
    assert text == sentence
    assert len(warnings) == 1 and "win.txt" in warnings[0] and "cp1252" in warnings[0]
    assert any("win.txt" in r.getMessage() for r in caplog.records)


def test_utf8_with_a_stray_byte_keeps_its_quotes(corpus_dir, caplog):
    data = "“We are ready,” Akazawa said.\n".encode() + b"Talks at the caf\xe9 went on.\n"
    text, warnings = _load_one_odd_file(corpus_dir, "stray.txt", data, caplog)
    assert text.startswith("“We are ready,” Akazawa said.")
    assert "caf\ufffd" in text
    assert len(warnings) == 1 and "stray.txt" in warnings[0] and "replaced" in warnings[0]


def test_utf8_bom_is_removed(corpus_dir, caplog):
    sentence = "Japan’s negotiator met Bessent."
    text, warnings = _load_one_odd_file(
        corpus_dir, "bom.txt", b"\xef\xbb\xbf" + sentence.encode(), caplog
    )
    assert text == sentence
    assert warnings == []


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom_loads(corpus_dir, caplog, codec):
    sentence = "Japan’s negotiator met Bessent at the café."
    data = ("\ufeff" + sentence + "\r\n").encode(codec)
    text, warnings = _load_one_odd_file(corpus_dir, "wide.txt", data, caplog)
    assert text == sentence
    assert len(warnings) == 1 and "UTF-16" in warnings[0]


def test_crlf_line_ends_are_normalised(corpus_dir, caplog):
    data = b"First paragraph here.\r\nSecond paragraph here.\r\n\r\nThird one.\rFourth.\r\n"
    text, warnings = _load_one_odd_file(corpus_dir, "dos.txt", data, caplog)
    assert "\r" not in text
    assert text == "First paragraph here.\nSecond paragraph here.\n\nThird one.\nFourth."
    assert warnings == []


def test_five_megabyte_article_loads_and_splits(corpus_dir, caplog):
    sentence = (
        "Officials in Tokyo said on day {i} that the negotiations with Washington over tariffs "
        "on cars, steel and aluminium would continue for several more weeks before any deal."
    )
    n = 5_100_000 // (len(sentence) + 1)
    body = " ".join(sentence.format(i=i) for i in range(n))
    text, warnings = _load_one_odd_file(corpus_dir, "huge.txt", body.encode(), caplog)
    assert len(text.encode()) > 5_000_000
    assert len(warnings) == 1 and "huge.txt" in warnings[0]
    assert "unusually large" in warnings[0]
    spans = stance.sentence_spans(text)
    assert len(spans) == n
    assert text[spans[-1].start : spans[-1].end] == sentence.format(i=n - 1)


def test_other_files_in_the_folder_are_ignored(corpus_dir):
    (corpus_dir / "README.md").write_text("# notes\n", encoding="utf-8")
    (corpus_dir / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00")
    frame = load_corpus(corpus_dir)
    assert list(frame["article_id"]) == ["good_0", "good_1"]
    assert frame.attrs["skipped"] == []


def test_articles_in_subfolders_are_found(corpus_dir):
    sub = corpus_dir / "2025" / "july"
    sub.mkdir(parents=True)
    (sub / "talks.txt").write_text("Talks resumed in July.", encoding="utf-8")
    frame = load_corpus(corpus_dir)
    assert list(frame["article_id"]) == ["2025/july/talks", "good_0", "good_1"]


def test_empty_folder_gives_an_empty_frame_with_the_columns(tmp_path):
    frame = load_corpus(tmp_path)
    assert len(frame) == 0
    assert list(frame.columns) == ["article_id", "date", "source", "title", "text"]
    assert pd.api.types.is_datetime64_any_dtype(frame["date"])


def test_missing_path_raises_naming_it(tmp_path):
    missing = tmp_path / "no_such_corpus"
    with pytest.raises(FileNotFoundError, match=re.escape(str(missing))):
        load_corpus(missing)


# --- metadata ----------------------------------------------------------------------------


def _write_metadata(folder: Path, text: str) -> Path:
    path = folder / "metadata.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_metadata_row_without_a_file_is_reported(corpus_dir, caplog):
    _write_metadata(
        corpus_dir,
        "article_id,date,source\ngood_0,2025-04-17,Wire\ngood_1,2025-04-18,Wire\n"
        "ghost_7,2025-05-01,Wire\n",
    )
    with caplog.at_level(logging.WARNING, logger="stance"):
        frame = load_corpus(corpus_dir)
    assert list(frame["article_id"]) == ["good_0", "good_1"]
    assert list(frame["date"]) == [pd.Timestamp("2025-04-17"), pd.Timestamp("2025-04-18")]
    assert list(frame["source"]) == ["Wire", "Wire"]
    warnings = frame.attrs["warnings"]
    assert len(warnings) == 1 and "ghost_7" in warnings[0] and "no article file" in warnings[0]
    assert any("ghost_7" in r.getMessage() for r in caplog.records)


def test_file_without_a_metadata_row_is_reported(corpus_dir):
    _write_metadata(corpus_dir, "article_id,date\ngood_0,2025-04-17\n")
    frame = load_corpus(corpus_dir).set_index("article_id")
    assert frame.loc["good_0", "date"] == pd.Timestamp("2025-04-17")
    assert pd.isna(frame.loc["good_1", "date"])
    warnings = frame.attrs["warnings"]
    assert len(warnings) == 1 and "good_1" in warnings[0] and "no metadata row" in warnings[0]


def test_skipped_file_with_a_metadata_row_is_reported_once(corpus_dir):
    (corpus_dir / "empty.txt").write_bytes(b"")
    _write_metadata(
        corpus_dir, "article_id,date\ngood_0,2025-04-17\ngood_1,2025-04-18\nempty,2025-04-19\n"
    )
    frame = load_corpus(corpus_dir)
    assert [s["path"] for s in frame.attrs["skipped"]] == [str(corpus_dir / "empty.txt")]
    assert frame.attrs["warnings"] == []


def test_unparseable_date_is_nat(corpus_dir):
    _write_metadata(corpus_dir, "article_id,date\ngood_0,sometime in spring\ngood_1,2025-07-06\n")
    frame = load_corpus(corpus_dir)
    assert pd.api.types.is_datetime64_any_dtype(frame["date"])
    assert pd.isna(frame["date"].iloc[0])
    assert frame["date"].iloc[1] == pd.Timestamp("2025-07-06")


def test_dates_in_other_formats_parse(corpus_dir):
    _write_metadata(corpus_dir, 'article_id,date\ngood_0,"April 17, 2025"\ngood_1,\n')
    frame = load_corpus(corpus_dir)
    assert frame["date"].iloc[0] == pd.Timestamp("2025-04-17")
    assert pd.isna(frame["date"].iloc[1])


@pytest.mark.parametrize(
    "content",
    [
        b"\x00\x01\x02\xff\xfe garbage \x00",
        b"",
        b"id,when\ngood_0,2025-04-17\n",
        b'article_id,date\ngood_0,"2025-04-17\n',
    ],
    ids=["binary", "empty", "no-article_id-column", "unclosed-quote"],
)
def test_broken_metadata_does_not_lose_the_articles(corpus_dir, content):
    (corpus_dir / "metadata.csv").write_bytes(content)
    frame = load_corpus(corpus_dir)
    assert list(frame["article_id"]) == ["good_0", "good_1"]
    assert frame["text"].str.len().gt(0).all()
    assert len(frame.attrs["warnings"]) == 1
    assert "metadata.csv" in frame.attrs["warnings"][0]


def test_metadata_title_and_extra_columns_are_used(corpus_dir):
    (corpus_dir / "titled.txt").write_text(
        "Headline From the File\n\nTalks went on.", encoding="utf-8"
    )
    _write_metadata(
        corpus_dir,
        "article_id,date,title,note\ngood_0,2025-04-17,Title From Metadata,checked\n"
        "good_1,2025-04-18,,\ntitled,2025-04-19,,\n",
    )
    frame = load_corpus(corpus_dir).set_index("article_id")
    assert frame.loc["good_0", "title"] == "Title From Metadata"
    assert frame.loc["titled", "title"] == "Headline From the File"
    assert frame.loc["titled", "text"] == "Talks went on."
    assert frame.loc["good_0", "note"] == "checked"


def test_metadata_text_column_does_not_replace_the_article(corpus_dir):
    _write_metadata(corpus_dir, "article_id,date,text\ngood_0,2025-04-17,a summary\n")
    frame = load_corpus(corpus_dir)
    assert frame["text"].str.contains("resumed tariff talks").all()


def test_metadata_ids_with_suffix_or_spaces_match(corpus_dir):
    _write_metadata(corpus_dir, "article_id,date\ngood_0.txt,2025-04-17\n good_1 ,2025-04-18\n")
    frame = load_corpus(corpus_dir)
    assert frame["date"].notna().all()
    assert frame.attrs["warnings"] == []


def test_duplicate_metadata_rows_are_reported(corpus_dir):
    _write_metadata(
        corpus_dir, "article_id,date\ngood_0,2025-04-17\ngood_0,2025-05-01\ngood_1,2025-04-18\n"
    )
    frame = load_corpus(corpus_dir)
    assert frame["date"].iloc[0] == pd.Timestamp("2025-04-17")
    assert any("duplicate" in w and "good_0" in w for w in frame.attrs["warnings"])


def test_metadata_from_another_path(corpus_dir, tmp_path):
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("article_id,date\ngood_0,2025-04-17\ngood_1,2025-04-18\n", encoding="utf-8")
    frame = load_corpus(corpus_dir, metadata=sheet)
    assert frame["date"].notna().all()
    missing = tmp_path / "nope.csv"
    frame = load_corpus(corpus_dir, metadata=missing)
    assert frame["date"].isna().all()
    assert any(str(missing) in w for w in frame.attrs["warnings"])


# --- single files and tables -------------------------------------------------------------


def test_single_text_file(seeds_dir):
    path = seeds_dir / "002_bba6adc186d38d3d.txt"
    frame = load_corpus(path)
    assert list(frame["article_id"]) == ["002_bba6adc186d38d3d"]
    assert pd.isna(frame["date"].iloc[0])
    assert "Trump Claims He Will Void Biden Documents" not in frame["text"].iloc[0]


def test_single_text_file_with_metadata(seeds_dir):
    frame = load_corpus(
        seeds_dir / "004_e511f39658b70002.txt", metadata=seeds_dir / "metadata.csv"
    )
    assert frame["date"].iloc[0] == pd.Timestamp("2025-04-17")
    assert frame.attrs["warnings"] == []  # the other four rows are not "missing files"


def test_single_bad_text_file_is_skipped_not_raised(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    frame = load_corpus(path)
    assert len(frame) == 0
    assert frame.attrs["skipped"][0]["path"] == str(path)


TABLE = pd.DataFrame(
    {
        "article_id": ["a1", "a2", "a3", "a4"],
        "date": ["2025-04-17", "not a date", "2025-07-06", "2025-04-18"],
        "source": ["Wire", "Wire", "Paper", "Paper"],
        "text": [
            "Talks began. “We are ready,” he said.",
            "Japan wants tariffs cut.\r\nThe comments posted here are not ours.",
            "",
            "   ",
        ],
    }
)


def _write_table(frame: pd.DataFrame, path: Path) -> None:
    if path.suffix == ".csv":
        frame.to_csv(path, index=False)
    elif path.suffix == ".tsv":
        frame.to_csv(path, index=False, sep="\t")
    elif path.suffix == ".jsonl":
        frame.to_json(path, orient="records", lines=True, force_ascii=False)
    else:
        frame.to_parquet(path, index=False)


FORMATS = ["table.csv", "table.tsv", "table.jsonl", "table.parquet"]


@pytest.mark.parametrize("name", FORMATS)
def test_table_with_ids_and_dates(tmp_path, name, caplog):
    path = tmp_path / name
    _write_table(TABLE, path)
    with caplog.at_level(logging.WARNING, logger="stance"):
        frame = load_corpus(path)
    assert list(frame["article_id"]) == ["a1", "a2"]
    assert pd.api.types.is_datetime64_any_dtype(frame["date"])
    assert frame["date"].iloc[0] == pd.Timestamp("2025-04-17")
    assert pd.isna(frame["date"].iloc[1])
    assert list(frame["source"]) == ["Wire", "Wire"]
    # table text is cleaned like a file's: line ends normalised, furniture gone
    assert frame["text"].iloc[1] == "Japan wants tariffs cut."
    skipped = frame.attrs["skipped"]
    assert [s["path"] for s in skipped] == [f"{path} (article a3)", f"{path} (article a4)"]
    assert all("empty" in s["reason"] for s in skipped)
    assert sum(str(path) in r.getMessage() for r in caplog.records) == 2


@pytest.mark.parametrize("name", FORMATS)
def test_table_with_text_only(tmp_path, name):
    path = tmp_path / name
    _write_table(TABLE[["text"]], path)
    frame = load_corpus(path)
    assert len(frame) == 2
    assert frame["article_id"].is_unique
    assert frame["date"].isna().all()
    assert pd.api.types.is_datetime64_any_dtype(frame["date"])
    assert frame["text"].iloc[0] == "Talks began. “We are ready,” he said."
    assert len(frame.attrs["skipped"]) == 2


@pytest.mark.parametrize("name", FORMATS)
def test_table_without_text_column_raises(tmp_path, name):
    path = tmp_path / name
    _write_table(TABLE.rename(columns={"text": "body"}), path)
    with pytest.raises(ValueError, match=re.escape(str(path)) + ".*'text' column"):
        load_corpus(path)


@pytest.mark.parametrize("name", ["broken.parquet", "broken.jsonl"])
def test_unreadable_table_raises_naming_it(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"\x00 this is not a table {")
    with pytest.raises(ValueError, match=re.escape(str(path))):
        load_corpus(path)


@pytest.mark.parametrize("root", ["/data/news", "news", "news.d/x", "/", ".", "//srv"])
@pytest.mark.parametrize(
    "rel",
    ["a.txt", "a.TXT", "sub/b.txt", "sub.d/b.b.txt", "..txt", ".a.txt", "a.", "a..txt",
     "x/...txt", "no_suffix", "é/ü.txt", "a b/c d.txt"],
)
def test_article_id_from_strings_is_what_pathlib_gives(root, rel):
    path = Path(root) / rel
    expected = path.relative_to(Path(root)).with_suffix("").as_posix()
    assert corpus_mod._article_id(path, Path(root)) == expected


def test_read_article_reports_an_unopenable_file_as_before(tmp_path):
    with pytest.raises(ValueError, match=r"cannot read file \(No such file or directory\)"):
        corpus_mod.read_article(tmp_path / "missing.txt")
    (tmp_path / "d.txt").mkdir()
    with pytest.raises(ValueError, match=r"cannot read file \(Is a directory\)"):
        corpus_mod.read_article(tmp_path / "d.txt")


@pytest.mark.skipif(os.name != "posix", reason="symlinks and the POSIX walk")
def test_corpus_files_are_those_and_in_the_order_of_pathlib_rglob(tmp_path, monkeypatch):
    for rel in ["1.txt", "a/2.TXT", "a/b/3.Txt", "a-b/4.txt", "a.b/5.txt", "A/6.txt", ".hid/7.txt",
                ".8.txt", "..txt", ".txt", "9.txt.bak", "10.tx", "11.", "x.txt/12.txt", "Z.txt",
                "z.txt", "_.txt", "ü/13.txt", "sp ace/14 x.txt"]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x")
    (tmp_path / "linkdir").symlink_to(tmp_path / "a")  # a symlinked folder is not entered
    (tmp_path / "link.txt").symlink_to(tmp_path / "1.txt")
    (tmp_path / "broken.txt").symlink_to(tmp_path / "missing")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    (tmp_path / "dir.txt").symlink_to(tmp_path / "a")
    monkeypatch.chdir(tmp_path)  # relative folders too: "." and "a" print differently
    for folder in (tmp_path, tmp_path / "a" / "..", tmp_path / "linkdir", Path("."), Path("a"),
                   "./a/", "a//b/.."):
        expected = sorted(p for p in Path(folder).rglob("*")
                          if p.suffix.lower() == ".txt" and p.is_file())
        got = list(corpus_mod.iter_corpus_files(folder))
        assert [str(p) for p in got] == [str(p) for p in expected]
        assert got == expected
        assert [p.parts for p in got] == [p.parts for p in expected]
    assert list(corpus_mod.iter_corpus_files(tmp_path / "1.txt")) == []


def test_child_paths_fall_back_to_the_slash_when_the_fast_join_differs():
    class Odd(type(Path())):  # a private join that misbehaves (as a future Python's might)
        def _make_child_relpath(self, name):
            return Path("/elsewhere") / name

    odd = Odd("/data")
    assert corpus_mod._child_paths(odd)("x.txt") == Path("/data/x.txt")
    plain = Path("/data")
    assert corpus_mod._child_paths(plain)("x.txt") == plain / "x.txt"
