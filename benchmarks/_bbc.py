"""Locate (and unpack once) the BBC corpus the benchmarks run on.

The corpus ships in ``../shared/corpora/bbc-news-2095.tar.gz`` beside the repository (MIT
licence, its ``license`` file inside). It is unpacked into ``benchmarks/corpora/``, which git
ignores: it is never committed.
"""

from __future__ import annotations

import sys
import tarfile
from pathlib import Path

__all__ = ["ROOT", "ARCHIVE", "bbc_folder"]

ROOT = Path(__file__).resolve().parent.parent
ARCHIVE = ROOT.parent / "shared" / "corpora" / "bbc-news-2095.tar.gz"
_TARGET = ROOT / "benchmarks" / "corpora"


def bbc_folder() -> Path:
    """The folder of the 2,095 BBC articles (``.../news``), unpacking the archive if needed."""
    news = _TARGET / "news"
    if news.is_dir() and any(news.rglob("*.txt")):
        return news
    if not ARCHIVE.is_file():
        sys.exit(f"benchmark needs {ARCHIVE} (the shared BBC corpus); it is not there")
    _TARGET.mkdir(parents=True, exist_ok=True)
    with tarfile.open(ARCHIVE) as tar:
        tar.extractall(_TARGET, filter="data")
    return news
