"""Run extraction over a corpus of any size: in chunks, on every core, straight to disk.

A corpus is read a chunk of articles at a time (:func:`stance.corpus.iter_corpus`), each chunk
goes to worker processes, and the statements are appended to the output in the corpus's own
order, so memory stays bounded by a few chunks whatever the corpus size, and ``--jobs 4`` writes
exactly what a serial run writes (the same table and the same messages). The workers read a
folder's files themselves and, for CSV and JSON lines, format their statements into files of
their own beside the output, so the parent process only lists files and copies text. The output
is written to a temporary file beside the target and renamed at the end, so an interrupted run
never leaves a half-written table behind.
"""

from __future__ import annotations

import io
import logging
import os
import shutil
import sys
import tempfile
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from itertools import count
from pathlib import Path

import pandas as pd

from . import corpus as _corpus
from .corpus import iter_corpus
from .quotes import empty_quotes, extract_quotes
from .types import QUOTE_COLUMNS, QUOTE_DTYPES

__all__ = ["iter_quotes", "write_quotes", "OUTPUT_SUFFIXES", "default_jobs"]

#: Output formats by file suffix.
OUTPUT_SUFFIXES = (".csv", ".jsonl", ".parquet")


def default_jobs() -> int:
    """Worker processes to use by default: the cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _extract_chunk(args: tuple[pd.DataFrame, str | None]) -> pd.DataFrame:
    # runs in a worker: the registry and cue tables are cached per process
    articles, registry = args
    return extract_quotes(articles, registry=registry)


@dataclass(frozen=True)
class _Part:
    """A run's statements, formatted by the worker into a file of the output's format."""

    path: str
    rows: int

    def __len__(self) -> int:
        return self.rows


def _extract_files(args: tuple[str, list[str], dict[str, dict] | None, str | None,
                                tuple[str, str] | None]
                   ) -> tuple[pd.DataFrame | _Part | None, int, list, list[str], list[str]]:
    """Read and extract a run of a folder's files (in a worker): quotes (None when no file
    could be read), articles read, inputs skipped, warnings, ids without a metadata row.

    Reading here, not in the parent, leaves the parent only listing, collecting and writing,
    which is what keeps it from holding the workers back. Given ``part`` (a path and an
    output suffix, ``.csv`` or ``.jsonl``), the worker also formats the statements into that
    file and returns a :class:`_Part`, so the parent only copies text into the output.
    """
    root, files, records, registry, part = args
    rows, skipped, warnings = _corpus._read_files(Path(root), files)
    no_row = _corpus._merge_records(rows, records) if records is not None else []
    if not rows:
        return None, 0, skipped, warnings, no_row
    articles = _corpus._finish(rows, skipped, warnings, report=False)
    quotes = extract_quotes(articles[["article_id", "date", "text"]], registry=registry)
    if part is None:
        return quotes, len(rows), skipped, warnings, no_row
    path, suffix = part
    with open(path, "w", encoding="utf-8", newline="") as fh:
        _format(quotes, fh, suffix, header=False)
    return _Part(path, len(quotes)), len(rows), skipped, warnings, no_row


def _folder_jobs(root: Path, chunk_size: int, k: int, registry: str | None,
                 parts: tuple[str, str] | None = None
                 ) -> tuple[Iterator[list[tuple]], Callable[[list[str]], list[str]]]:
    """The work of a folder corpus: per chunk, its files cut into ``k`` runs for the workers;
    and the closing report on the metadata. With ``parts`` (a folder and an output suffix),
    each run writes its statements to a numbered file of its own there.

    As :func:`stance.corpus.iter_corpus` reads a folder: metadata read once (its warnings
    logged first), chunks of ``chunk_size`` files, and after the last chunk the metadata rows
    without files and the files without rows (``report(no_row)`` gives those warnings).
    """
    warnings: list[str] = []
    meta_path = root / "metadata.csv"
    meta = _corpus._read_metadata(meta_path, warnings) if meta_path.is_file() else None
    _corpus._report_reading([], warnings)
    files = list(_corpus.iter_corpus_files(root))
    # a metadata sheet small enough is turned into records once, not once per run of files
    small = meta is not None and len(meta) < _corpus._META_RECORDS_MAX
    table = meta.to_dict("index") if small else None

    numbers = count()

    def runs(chunk: list[Path]) -> list[tuple]:
        out = []
        for a, b in _runs(len(chunk), k):
            records = None
            if meta is not None:
                ids = [_corpus._article_id(p, root) for p in chunk[a:b]]
                found = table if table is not None else _corpus._meta_records(meta, ids)
                records = {aid: found[aid] for aid in ids if aid in found}
            part = None
            if parts is not None:
                part = (os.path.join(parts[0], f"{next(numbers):09d}{parts[1]}"), parts[1])
            out.append((str(root), [str(p) for p in chunk[a:b]], records, registry, part))
        return out

    def chunks() -> Iterator[list[tuple]]:
        for first in range(0, len(files), chunk_size):
            yield runs(files[first:first + chunk_size])

    def report(no_row: list[str]) -> list[str]:
        if meta is None:
            return []
        seen = {_corpus._article_id(p, root) for p in files}
        return _corpus._metadata_report(meta, meta_path, seen, no_row)

    return chunks(), report


def iter_quotes(path: str | Path, *, registry: str | Path | None = None, jobs: int | None = 1,
                chunk_size: int = 500, skipped: list | None = None,
                progress: bool = False) -> Iterator[pd.DataFrame]:
    """Quotes tables, one per chunk of articles, in corpus order.

    Parameters
    ----------
    path : str or Path
        Anything :func:`stance.load_corpus` reads.
    registry : path, optional
        A speaker registry of your own.
    jobs : int, optional
        Worker processes; ``None`` for all cores, 1 to run in this process.
    chunk_size : int
        Articles per chunk.
    skipped : list, optional
        Receives ``{"path", "reason"}`` for every input that could not be read.
    progress : bool
        Show a progress bar (tqdm) on stderr.

    Examples
    --------
    >>> total = sum(len(q) for q in iter_quotes("seeds"))  # doctest: +SKIP
    """
    for _, quotes in _iter_counted(path, registry=registry, jobs=jobs, chunk_size=chunk_size,
                                   skipped=skipped, progress=progress):
        yield quotes


def _iter_counted(path: str | Path, *, registry: str | Path | None, jobs: int | None,
                  chunk_size: int, skipped: list | None, progress: bool,
                  parts: tuple[str, str] | None = None
                  ) -> Iterator[tuple[int, pd.DataFrame | _Part]]:
    jobs = default_jobs() if jobs is None else max(1, jobs)
    registry = None if registry is None else str(registry)

    def chunks() -> Iterator[tuple[pd.DataFrame, str | None]]:
        reader = iter_corpus(path, chunk_size=chunk_size)
        while True:
            # each skipped input is named once, below, not again by the corpus logger
            _log.addFilter(_drop_skipped)
            try:
                chunk = next(reader, None)
            finally:
                _log.removeFilter(_drop_skipped)
            if chunk is None:
                return
            if skipped is not None:
                skipped.extend(chunk.attrs.get("skipped", []))
            for item in chunk.attrs.get("skipped", []):
                _say_skipped(item["path"], item["reason"])
            chunk.attrs = {}
            if len(chunk):
                yield chunk[["article_id", "date", "text"]], registry

    bar = _progress(progress)
    if jobs > 1 and Path(path).is_dir():
        yield from _iter_folder_jobs(Path(path), registry, jobs, chunk_size, skipped, bar,
                                     parts)
        return
    if jobs == 1:
        for args in chunks():
            out = _extract_chunk(args)
            bar(len(args[0]))
            yield len(args[0]), out
        bar(None)
        return
    pool = ProcessPoolExecutor(max_workers=jobs)
    try:
        # a bounded window of pieces in flight keeps memory flat and the order fixed; a chunk
        # is cut into 2 * jobs pieces so that every worker has work until the corpus ends
        pending: list = []
        for articles, reg in chunks():
            for piece in _pieces(articles, 2 * jobs):
                pending.append((len(piece), pool.submit(_extract_chunk, (piece, reg))))
                if len(pending) >= 4 * jobs:
                    n, fut = pending.pop(0)
                    yield n, fut.result()
                    bar(n)
        for n, fut in pending:
            yield n, fut.result()
            bar(n)
    finally:
        # on an error or an abandoned generator, chunks not yet started are dropped, not run
        pool.shutdown(wait=True, cancel_futures=True)
    bar(None)


def _iter_folder_jobs(root: Path, registry: str | None, jobs: int, chunk_size: int,
                      skipped: list | None, bar, parts: tuple[str, str] | None = None
                      ) -> Iterator[tuple[int, pd.DataFrame | _Part]]:
    """A folder corpus on ``jobs`` processes, each reading its own files (and, with
    ``parts``, formatting its statements into a file of its own; see :func:`_folder_jobs`).

    Two chunks are in flight at a time (``4 * jobs`` runs of files). A chunk is collected
    whole, so its messages come as a serial run gives them: its warnings, then its skipped
    inputs, the metadata report with the last chunk's warnings.
    """
    chunks, report = _folder_jobs(root, max(1, chunk_size), 2 * jobs, registry, parts)
    no_row: list[str] = []

    def finish(futures: list, last: bool) -> Iterator[tuple[int, pd.DataFrame]]:
        results = [f.result() for f in futures]
        warnings = [w for r in results for w in r[3]]
        for r in results:
            no_row.extend(r[4])
        if last:
            warnings += report(no_row)
        _corpus._report_reading([], warnings)
        for r in results:
            for item in r[2]:
                _say_skipped(item.path, item.reason)
                if skipped is not None:
                    skipped.append(item._asdict())
        for quotes, n, *_ in results:
            if n:
                yield n, quotes
                bar(n)

    pool = ProcessPoolExecutor(max_workers=jobs)
    window: deque[list] = deque()
    try:
        for runs in chunks:
            window.append([pool.submit(_extract_files, args) for args in runs])
            if len(window) >= 2:
                yield from finish(window.popleft(), last=False)
        if not window:  # no files at all: the metadata report still comes
            _corpus._report_reading([], report(no_row))
        while window:
            futures = window.popleft()
            yield from finish(futures, last=not window)
    finally:
        # on an error or an abandoned generator, runs not yet started are dropped, not run
        pool.shutdown(wait=True, cancel_futures=True)
    bar(None)


_log = logging.getLogger("stance")


def _runs(n: int, k: int) -> list[tuple[int, int]]:
    """``range(n)`` cut into at most ``k`` runs ``(start, stop)`` of near-equal length."""
    k = max(1, min(k, n))
    bounds = [round(i * n / k) for i in range(k + 1)]
    return [(a, b) for a, b in zip(bounds, bounds[1:], strict=False) if b > a]


def _pieces(articles: pd.DataFrame, k: int) -> list[pd.DataFrame]:
    """``articles`` cut into at most ``k`` runs of consecutive rows of near-equal size."""
    return [articles.iloc[a:b] for a, b in _runs(len(articles), k)]


def _say_skipped(path: str, reason: str) -> None:
    print(f"stance: skipped {path}: {reason}", file=sys.stderr)


def _drop_skipped(record: logging.LogRecord) -> bool:
    """Logging filter: drop the corpus reader's own "skipped ..." records."""
    return not (isinstance(record.msg, str) and record.msg.startswith("skipped "))


def _progress(enabled: bool):
    if not enabled:
        return lambda n: None
    from tqdm import tqdm

    bar = tqdm(unit="articles", file=sys.stderr, dynamic_ncols=True)

    def update(n: int | None) -> None:
        if n is None:
            bar.close()
        else:
            bar.update(n)

    return update


#: Rows per Parquet row group (the writer buffers at most this many statements).
PARQUET_ROW_GROUP = 65_536


def _parquet_schema():
    """The Arrow schema of the quotes table, from :data:`stance.types.QUOTE_DTYPES`."""
    import pyarrow as pa

    types = {"object": pa.string(), "int64": pa.int64(), "datetime64[ns]": pa.timestamp("ns")}
    schema = pa.schema([(c, types[QUOTE_DTYPES[c]]) for c in QUOTE_COLUMNS])
    return schema.with_metadata(
        pa.Schema.from_pandas(empty_quotes()[QUOTE_COLUMNS], preserve_index=False).metadata
    )


class _Writer:
    """Append quotes tables to a CSV, JSONL or Parquet file (or CSV to a text stream)."""

    def __init__(self, target: Path | None, stream: io.TextIOBase | None = None) -> None:
        self.target = target
        self.suffix = target.suffix.lower() if target else ".csv"
        if self.suffix not in OUTPUT_SUFFIXES:
            raise ValueError(f"{target}: output must end in one of {', '.join(OUTPUT_SUFFIXES)}")
        self.tmp: str | None = None
        self.parquet = None
        self.header = True
        if target is None:
            self.fh = stream or sys.stdout
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, self.tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp",
                                        dir=target.parent)
        if self.suffix == ".parquet":
            os.close(fd)
            self.fh = None
        else:
            self.fh = os.fdopen(fd, "w", encoding="utf-8", newline="")

    def write(self, quotes: pd.DataFrame | _Part) -> None:
        if isinstance(quotes, _Part):  # formatted by a worker: copied, then deleted
            if self.header and self.suffix == ".csv":
                _format(empty_quotes(), self.fh, ".csv", header=True)
            raw = getattr(self.fh, "buffer", None)
            if self.target is not None and raw is not None:
                # our own UTF-8 file: the part's bytes go straight in, not decoded and encoded
                self.fh.flush()
                with open(quotes.path, "rb") as part:
                    shutil.copyfileobj(part, raw, 1 << 20)
            else:  # a text stream of the caller's (stdout, StringIO): as text
                with open(quotes.path, encoding="utf-8", newline="") as part:
                    shutil.copyfileobj(part, self.fh, 1 << 20)
            os.unlink(quotes.path)
            self.header = False
        elif self.suffix == ".parquet":
            self._write_parquet(quotes)
        else:
            _format(quotes, self.fh, self.suffix, header=self.header)
            self.header = False

    def _write_parquet(self, quotes: pd.DataFrame | None) -> None:
        """Buffer rows and write full row groups of PARQUET_ROW_GROUP rows (all, if None).

        Row groups follow the row count, not the chunks, so the file does not depend on the
        chunk size; the schema is fixed, so a first chunk without statements (whose empty
        columns have no type to infer) cannot break the chunks after it.
        """
        import pyarrow as pa
        import pyarrow.parquet as pq

        if self.parquet is None:
            self.parquet = pq.ParquetWriter(self.tmp, _parquet_schema())
            self.buffer: list = []
            self.buffered = 0
        if quotes is not None and len(quotes):
            table = pa.Table.from_pandas(quotes[QUOTE_COLUMNS], schema=_parquet_schema(),
                                         preserve_index=False)
            self.buffer.append(table)
            self.buffered += table.num_rows
        if self.buffered >= PARQUET_ROW_GROUP or (quotes is None and self.buffered):
            # one chunk per column: the bytes then do not depend on how the rows came in
            table = pa.concat_tables(self.buffer).combine_chunks()
            full = self.buffered if quotes is None else \
                self.buffered - self.buffered % PARQUET_ROW_GROUP
            self.parquet.write_table(table.slice(0, full), row_group_size=PARQUET_ROW_GROUP)
            rest = table.slice(full)
            self.buffer, self.buffered = ([rest], rest.num_rows) if rest.num_rows else ([], 0)

    def close(self, ok: bool) -> None:
        if self.target is None:
            self.fh.flush()
            return
        if self.suffix == ".parquet" and ok:
            self._write_parquet(None)
        if self.parquet is not None:
            self.parquet.close()
        if self.fh is not None:
            self.fh.close()
        if ok:
            # mkstemp makes the file private (0600); the table gets the mode any new file gets
            os.chmod(self.tmp, 0o666 & ~_umask())
            os.replace(self.tmp, self.target)
        else:
            try:
                os.unlink(self.tmp)
            except OSError:
                pass


def _format(quotes: pd.DataFrame, fh, suffix: str, header: bool) -> None:
    """Write a quotes table as CSV (with its header row if ``header``) or JSON lines."""
    if suffix == ".jsonl":
        if len(quotes):
            quotes[QUOTE_COLUMNS].to_json(fh, orient="records", lines=True, date_format="iso",
                                          force_ascii=False)
    else:
        quotes[QUOTE_COLUMNS].to_csv(fh, index=False, header=header, date_format="%Y-%m-%d")


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_quotes(path: str | Path, output: str | Path | None = None, *,
                 registry: str | Path | None = None, jobs: int | None = None,
                 chunk_size: int = 500, progress: bool | None = None,
                 stream: io.TextIOBase | None = None) -> tuple[int, int]:
    """Extract every statement of a corpus and write the quotes table.

    Parameters
    ----------
    path : str or Path
        Anything :func:`stance.load_corpus` reads.
    output : str or Path, optional
        ``.csv``, ``.jsonl`` or ``.parquet``; written to a temporary name, then renamed. Without
        it, CSV goes to ``stream`` (default stdout).
    registry : path, optional
        A speaker registry of your own.
    jobs : int, optional
        Worker processes (default: all cores).
    chunk_size : int
        Articles per chunk.
    progress : bool, optional
        Progress bar on stderr; by default only when stderr is a terminal.

    Returns
    -------
    (int, int)
        Articles processed and statements written.
    """
    if progress is None:
        progress = sys.stderr.isatty()
    writer = _Writer(Path(output) if output is not None else None, stream)
    # workers on a folder format CSV and JSON lines themselves, into files of their own
    # beside the output, so the parent only copies text (see _extract_files)
    parts_dir = None
    jobs_used = default_jobs() if jobs is None else max(1, jobs)
    if jobs_used > 1 and writer.suffix in (".csv", ".jsonl") and Path(path).is_dir():
        parts_dir = tempfile.mkdtemp(prefix=".stance-parts-",
                                     dir=writer.target.parent if writer.target else None)
    n_articles = n_quotes = 0
    ok = False
    runs = _iter_counted(path, registry=registry, jobs=jobs, chunk_size=chunk_size,
                         skipped=None, progress=progress,
                         parts=(parts_dir, writer.suffix) if parts_dir else None)
    try:
        for n, quotes in runs:
            n_articles += n
            n_quotes += len(quotes)
            writer.write(quotes)
        if n_articles == 0:
            writer.write(empty_quotes())
        ok = True
    finally:
        runs.close()  # stops the workers before their files are removed
        writer.close(ok)
        if parts_dir is not None:
            shutil.rmtree(parts_dir, ignore_errors=True)
    return n_articles, n_quotes
