"""Fixtures shared by the whole test suite: where the repository and its seed corpus are.

Paths are found from this file, never from the working directory or the machine, so the
suite runs the same from any folder and on any clone.
"""

from __future__ import annotations

from pathlib import Path

import pytest

__all__ = ["REPO_ROOT", "SEEDS", "SEED_IDS", "GOOD_ARTICLE", "write_good_articles", "write_tables"]

#: The repository root (the folder holding ``pyproject.toml``).
REPO_ROOT = Path(__file__).resolve().parents[1]
#: The five seed articles and their ``metadata.csv``.
SEEDS = REPO_ROOT / "seeds"
#: Stems of the seed articles, in the sorted order ``load_corpus`` returns them.
SEED_IDS = (
    "000_908b61f565eb07a5",
    "001_e714094618a5e767",
    "002_bba6adc186d38d3d",
    "003_f1b0bbbe5995592c",
    "004_e511f39658b70002",
)

#: A small, well-formed article body for building test corpora.
GOOD_ARTICLE = (
    "Japan and the U.S. resumed tariff talks on Tuesday.\n"
    "“We are making progress,” the minister said.\n"
)


def write_tables(articles, folder: Path, *, blank_at: int, tsv: bool = False,
                 blank_jsonl_line: bool = False) -> dict[str, Path]:
    """A corpus as tables: with ids and dates (``ids.*``) and text only (``plain.*``).

    ``articles`` is a loaded corpus; a blank row goes in at ``blank_at`` (it must be reported,
    not lost). The texts hold newlines, commas and quote marks, so the CSV has quoted
    multi-line fields; Parquet files get several row groups; with ``blank_jsonl_line`` the
    JSONL has a blank line between records (no row).
    """
    import pandas as pd

    articles = articles[["article_id", "date", "title", "text"]]
    articles = articles.assign(date=articles["date"].dt.strftime("%Y-%m-%d"))
    blank = pd.DataFrame([{"article_id": "blank", "date": "", "title": "", "text": ""}])
    frame = pd.concat([articles.iloc[:blank_at], blank, articles.iloc[blank_at:]],
                      ignore_index=True)
    out = {}
    for stem, table in (("ids", frame), ("plain", frame[["text"]])):
        out[f"{stem}.csv"] = folder / f"{stem}.csv"
        table.to_csv(out[f"{stem}.csv"], index=False)
        if tsv:
            out[f"{stem}.tsv"] = folder / f"{stem}.tsv"
            table.to_csv(out[f"{stem}.tsv"], index=False, sep="\t")
        out[f"{stem}.jsonl"] = folder / f"{stem}.jsonl"
        text = table.to_json(orient="records", lines=True, force_ascii=False)
        if blank_jsonl_line:
            lines = text.splitlines()
            text = "\n".join(lines[:2] + [""] + lines[2:]) + "\n"
        out[f"{stem}.jsonl"].write_text(text, encoding="utf-8")
        out[f"{stem}.parquet"] = folder / f"{stem}.parquet"
        table.to_parquet(out[f"{stem}.parquet"], index=False, row_group_size=3)
    return out


def write_good_articles(folder: Path, n: int = 2) -> list[str]:
    """Write ``n`` good articles ``good_0.txt`` ... into ``folder``; return their ids."""
    folder.mkdir(parents=True, exist_ok=True)
    ids = []
    for i in range(n):
        (folder / f"good_{i}.txt").write_text(f"Article {i}. {GOOD_ARTICLE}", encoding="utf-8")
        ids.append(f"good_{i}")
    return ids


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The repository root."""
    return REPO_ROOT


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The seed corpus folder (``seeds/``)."""
    return SEEDS


@pytest.fixture(scope="session")
def seed_articles():
    """The seed corpus as loaded by :func:`stance.load_corpus` (read once per session).

    Tests must not modify it; take a ``.copy()`` first.
    """
    import stance

    return stance.load_corpus(SEEDS)


@pytest.fixture()
def corpus_dir(tmp_path: Path) -> Path:
    """A temporary folder already holding two good articles (``good_0``, ``good_1``)."""
    folder = tmp_path / "corpus"
    write_good_articles(folder)
    return folder
