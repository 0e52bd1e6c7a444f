"""Run the same extraction and scoring on a Dask cluster, for corpora beyond one machine.

Install the extra (``pip install "stance[dask]"``); ``import stance`` never imports Dask, only
``import stance.dask`` does. The wrappers call exactly the functions of the serial API on each
partition, so a Dask run finds the same statements with the same scores as
``stance.score_quotes(stance.extract_quotes(stance.load_corpus(path)))``.

Nothing heavy travels with the tasks: a partition is described by file names or row ranges,
and each worker builds the speaker registry, the cue table and the tone scorer once, from the
package's per-process caches (:func:`stance.load_registry`, :func:`stance.make_scorer`). Only a
registry or scorer object you pass yourself is shipped, once, as a single graph key.

Examples
--------
>>> from dask.distributed import Client  # doctest: +SKIP
>>> import stance.dask as sd  # doctest: +SKIP
>>> client = Client("tcp://scheduler:8786")  # doctest: +SKIP
>>> articles = sd.read_corpus("corpus/", blocksize=500)  # doctest: +SKIP
>>> scored = sd.score_quotes(sd.extract_quotes(articles))  # doctest: +SKIP
>>> scored.to_parquet("scored/")  # doctest: +SKIP
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache, partial
from pathlib import Path
from typing import Any

import dask
import dask.dataframe as dd
import pandas as pd

from . import corpus as _corpus
from .quotes import extract_quotes as _extract_quotes
from .registry import Registry
from .tone import make_scorer
from .tone import score_quotes as _score_quotes
from .types import ARTICLE_COLUMNS, QUOTE_DTYPES, SCORE_COLUMNS

__all__ = [
    "read_corpus",
    "extract_quotes",
    "score_quotes",
    "articles_meta",
    "quotes_meta",
    "scored_meta",
]

#: Default articles (files or table rows) per partition.
DEFAULT_BLOCKSIZE = 500

_CSV_KWARGS: dict[str, Any] = {"dtype": str, "keep_default_na": False,
                               "encoding": "utf-8-sig", "skip_blank_lines": False}


# ------------------------------------------------------------------------------------ meta


def articles_meta(columns: Sequence[str] = ()) -> pd.DataFrame:
    """The empty articles frame: :data:`stance.types.ARTICLE_COLUMNS` plus ``columns``.

    ``date`` is ``datetime64[ns]``; every other column holds strings (``object``).

    Examples
    --------
    >>> articles_meta().dtypes["date"]
    dtype('<M8[ns]')
    """
    cols = list(ARTICLE_COLUMNS) + [c for c in columns if c not in ARTICLE_COLUMNS]
    return pd.DataFrame({c: pd.Series(dtype="datetime64[ns]" if c == "date" else "object")
                         for c in cols})


def quotes_meta() -> pd.DataFrame:
    """The empty quotes table, from :data:`stance.types.QUOTE_DTYPES`.

    Examples
    --------
    >>> quotes_meta().columns[:3].tolist()
    ['article_id', 'date', 'speaker']
    """
    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in QUOTE_DTYPES.items()})


def scored_meta(meta: pd.DataFrame | None = None) -> pd.DataFrame:
    """``meta`` (the quotes table by default) with :data:`stance.types.SCORE_COLUMNS` appended.

    The scores are ``float64`` and ``stance`` holds strings, as :func:`stance.score_quotes`
    returns them.

    Examples
    --------
    >>> scored_meta().columns[-2:].tolist()
    ['optimism', 'stance']
    """
    base = quotes_meta() if meta is None else meta
    out = base.drop(columns=[c for c in SCORE_COLUMNS if c in base.columns]).copy()
    for c in SCORE_COLUMNS:
        out[c] = pd.Series(dtype="object" if c == "stance" else "float64")
    return out


# ------------------------------------------------------------------------- reading corpora


def read_corpus(path: str | Path, blocksize: int = DEFAULT_BLOCKSIZE, *,
                metadata: str | Path | None = None,
                columns: Sequence[str] = ()) -> dd.DataFrame:
    """A corpus as a lazy Dask DataFrame of articles, read on the workers.

    Parameters
    ----------
    path : str or Path
        Anything :func:`stance.load_corpus` reads: a folder of ``.txt`` files (with an optional
        ``metadata.csv``), one ``.txt`` file, or a CSV/TSV/JSONL/Parquet table with a ``text``
        column. The path must be readable by every worker (a shared file system).
    blocksize : int
        Articles per partition: files for a folder, rows for a table. A folder or table is
        scanned once here (file names; record boundaries of CSV/JSONL; Parquet row-group
        sizes), never read whole.
    metadata : str or Path, optional
        A metadata CSV to use instead of ``PATH/metadata.csv`` (as in ``load_corpus``).
    columns : sequence of str
        Further metadata columns to keep, as strings (empty where missing). By default only
        :data:`stance.types.ARTICLE_COLUMNS` are kept, so every partition has one schema.

    Returns
    -------
    dask.dataframe.DataFrame
        The articles of ``load_corpus(path)`` in the same order, ``articles_meta(columns)`` as
        meta, one partition per block. Inputs that cannot be read are skipped and logged (by
        name and reason) on the worker that met them; :func:`stance.corpus.iter_corpus`
        collects them as a list.

    Raises
    ------
    FileNotFoundError
        If ``path`` does not exist.
    ValueError
        If ``blocksize`` is not positive, or a table has no ``text`` column.

    Examples
    --------
    >>> ddf = read_corpus("seeds", blocksize=2)  # doctest: +SKIP
    >>> ddf.npartitions  # doctest: +SKIP
    3
    """
    if blocksize < 1:
        raise ValueError(f"blocksize must be a positive number of articles, not {blocksize}")
    if not Path(path).exists():
        raise FileNotFoundError(f"{path}: no such file or folder")
    # absolute, so a worker started in another folder finds the same files
    path = Path(path).absolute()
    metadata = None if metadata is None else Path(metadata).absolute()
    columns = tuple(c for c in columns if c not in ARTICLE_COLUMNS)
    meta = articles_meta(columns)
    suffix = path.suffix.lower()
    if path.is_dir():
        meta_path = Path(metadata) if metadata is not None else path / "metadata.csv"
        files = [str(p) for p in _corpus.iter_corpus_files(path)]
        blocks = [("files", str(path), tuple(files[i:i + blocksize]), str(meta_path))
                  for i in range(0, len(files), blocksize)] or [("empty",)]
    elif suffix in (".parquet", ".pq"):
        blocks = _parquet_blocks(path, blocksize, columns)
    elif suffix in _corpus.TABLE_SUFFIXES:
        blocks = _text_table_blocks(path, blocksize)
    else:
        blocks = [("file", str(path), None if metadata is None else str(metadata))]
    return dd.from_map(partial(_read_block, extra=columns), blocks, meta=meta,
                       label="stance-read-corpus", enforce_metadata=False)


def _read_block(block: tuple, extra: tuple[str, ...] = ()) -> pd.DataFrame:
    """One partition of articles (runs on a worker)."""
    kind = block[0]
    if kind == "files":
        _, root, files, meta_path = block
        frame = _read_files(Path(root), files, Path(meta_path))
    elif kind == "file":
        _, file, meta_path = block
        frame = _corpus.load_corpus(file, metadata=meta_path)
    elif kind == "parquet":
        _, file, offset, segments, read_cols = block
        frame = _corpus._table_rows(Path(file), _read_parquet_rows(file, segments, read_cols),
                                    offset)
    elif kind in ("csv", "jsonl"):
        _, file, offset, start, stop, header, sep = block
        frame = _corpus._table_rows(Path(file), _read_text_rows(kind, file, start, stop,
                                                                header, sep), offset)
    else:
        frame = _corpus._finish([], [], [])
    return _conform(frame, extra)


def _conform(frame: pd.DataFrame, extra: tuple[str, ...]) -> pd.DataFrame:
    out = frame.reindex(columns=list(ARTICLE_COLUMNS) + list(extra))
    for c in extra:
        out[c] = out[c].map(lambda v: "" if v is None or v is pd.NA or v != v else str(v))
        out[c] = out[c].astype(object)
    out.attrs = {}
    return out


def _read_files(root: Path, files: Sequence[str], meta_path: Path) -> pd.DataFrame:
    rows, skipped, warnings = _corpus._read_files(root, files)
    meta = _metadata(str(meta_path), *_stamp(meta_path))
    if meta is not None:
        _corpus._merge_metadata(rows, meta)
    return _corpus._finish(rows, skipped, warnings)


def _stamp(path: Path) -> tuple[int, int]:
    try:
        st = path.stat()
    except OSError:
        return (-1, -1)
    return (st.st_mtime_ns, st.st_size)


@lru_cache(maxsize=4)
def _metadata(path: str, mtime_ns: int, size: int) -> pd.DataFrame | None:
    # read once per worker (and again only if the file changes), not once per partition
    if size < 0:
        return None
    warnings: list[str] = []
    meta = _corpus._read_metadata(Path(path), warnings)
    for w in warnings:
        _corpus.log.warning("%s", w)
    return meta


# Parquet: partitions are row ranges; a range may span row groups or cut one.

def _parquet_blocks(path: Path, blocksize: int, extra: Sequence[str]) -> list[tuple]:
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(path)
    except Exception as exc:
        raise ValueError(f"{path}: cannot read as a parquet table ({exc})") from exc
    names = pf.schema_arrow.names
    if "text" not in names:
        raise ValueError(f"{path}: a table corpus needs a 'text' column; found {names}")
    # only the columns kept: a wide table of features must not be read for its text
    read_cols = [c for c in names if c in ARTICLE_COLUMNS or c in extra]
    # block k holds rows [k * blocksize, (k + 1) * blocksize) of the file, wherever the row
    # groups happen to start: (row group, first row, end row) segments, local to each group
    bounds, first = [], 0
    for rg in range(pf.metadata.num_row_groups):
        n = pf.metadata.row_group(rg).num_rows
        bounds.append((rg, first, first + n))
        first += n
    blocks: list[tuple] = []
    for lo in range(0, first, blocksize):
        hi = min(first, lo + blocksize)
        segments = tuple((rg, max(lo, a) - a, min(hi, b) - a) for rg, a, b in bounds
                         if a < hi and lo < b)
        blocks.append(("parquet", str(path), lo, segments, read_cols))
    if not blocks:
        blocks.append(("parquet", str(path), 0, (), read_cols))
    return blocks


def _read_parquet_rows(file: str, segments: Sequence[tuple[int, int, int]],
                       read_cols: list[str] | None) -> pd.DataFrame:
    import pyarrow as pa
    import pyarrow.parquet as pq

    pf = pq.ParquetFile(file)
    tables = []
    for rg, start, stop in segments:
        pos = 0
        for batch in pf.iter_batches(batch_size=max(1, stop - start), row_groups=[rg],
                                     columns=read_cols):
            lo, hi = max(start, pos), min(stop, pos + batch.num_rows)
            if lo < hi:
                tables.append(pa.Table.from_batches([batch.slice(lo - pos, hi - lo)]))
            pos += batch.num_rows
            if pos >= stop:
                break
    if not tables:
        return pf.schema_arrow.empty_table().to_pandas()
    return pa.concat_tables(tables).to_pandas()


# CSV/TSV and JSONL: one scan for the byte offsets where every block's first record starts.

def _text_table_blocks(path: Path, blocksize: int) -> list[tuple]:
    suffix = path.suffix.lower()
    kind = "jsonl" if suffix in (".jsonl", ".ndjson") else "csv"
    sep = "\t" if suffix == ".tsv" else ","
    header = b""
    blocks: list[tuple] = []
    start = pos = 0
    records = offset = 0
    with open(path, "rb") as fh:
        if kind == "csv":
            header = b"".join(_records(fh, csv=True, limit=1))
            start = pos = len(header)
            if not header:
                raise ValueError(f"{path}: cannot read as a {suffix[1:]} table (no header)")
            _check_text_column(path, header, sep)
        for line in _records(fh, csv=kind == "csv"):
            if kind == "jsonl" and not line.strip():
                pos += len(line)  # read_json skips blank lines: they are not rows
                continue
            if records == blocksize:
                blocks.append((kind, str(path), offset, start, pos, header, sep))
                start, offset, records = pos, offset + records, 0
            pos += len(line)
            records += 1
    if records or not blocks:
        blocks.append((kind, str(path), offset, start, pos, header, sep))
    return blocks


def _records(fh: io.BufferedReader, *, csv: bool, limit: int | None = None) -> Iterator[bytes]:
    """Records of a binary file: lines, joined while a CSV quote is open (RFC 4180 parity)."""
    pending: list[bytes] = []
    quotes = 0
    count = 0
    for line in fh:
        if csv:
            quotes += line.count(b'"')
            pending.append(line)
            if quotes % 2:
                continue
            line, pending, quotes = b"".join(pending), [], 0
        yield line
        count += 1
        if limit is not None and count >= limit:
            return
    if pending:
        yield b"".join(pending)


def _check_text_column(path: Path, header: bytes, sep: str) -> None:
    cols = pd.read_csv(io.BytesIO(header), sep=sep, **_CSV_KWARGS).columns.tolist()
    if "text" not in cols:
        raise ValueError(f"{path}: a table corpus needs a 'text' column; found {cols}")


def _read_text_rows(kind: str, file: str, start: int, stop: int, header: bytes,
                    sep: str) -> pd.DataFrame:
    with open(file, "rb") as fh:
        fh.seek(start)
        data = fh.read(stop - start)
    try:
        if kind == "csv":
            return pd.read_csv(io.BytesIO(header + data), sep=sep, **_CSV_KWARGS)
        if not data.strip():
            return pd.DataFrame({"text": pd.Series(dtype=object)})
        return pd.read_json(io.BytesIO(data), lines=True, dtype=False)
    except Exception as exc:  # the same message iter_corpus gives for a broken table
        raise ValueError(f"{file}: cannot read as a {Path(file).suffix[1:]} table "
                         f"({exc})") from exc


# ----------------------------------------------------------------------------- the stages


def _shipped(obj: Any) -> Any:
    """A user's object as one graph key: sent to each worker once, not with every task."""
    return dask.delayed(obj, traverse=False)


def _require(ddf: dd.DataFrame, columns: Sequence[str], what: str) -> None:
    missing = [c for c in columns if c not in ddf.columns]
    if missing:
        raise ValueError(f"{what} needs the column(s) {missing}; found {list(ddf.columns)}")


def _extract_partition(part: pd.DataFrame, registry: str | Registry | None,
                       cues: str | None) -> pd.DataFrame:
    # the registry and cue table come from the per-process caches: built once per worker
    out = _extract_quotes(part, registry=registry, cues=cues)
    return out.reset_index(drop=True)


def extract_quotes(ddf: dd.DataFrame, registry: str | Path | Registry | None = None, *,
                   cues: str | Path | None = None) -> dd.DataFrame:
    """Every attributed statement of a Dask DataFrame of articles (lazy).

    Parameters
    ----------
    ddf : dask.dataframe.DataFrame
        Articles with ``article_id``, ``text`` and (optionally) ``date``, as
        :func:`read_corpus` returns them.
    registry : path or Registry, optional
        A speaker registry TOML file of your own (loaded once per worker; the path must be
        readable there), or a :class:`stance.Registry` (shipped once to each worker).
    cues : path, optional
        A reporting-cue CSV of your own (loaded once per worker).

    Returns
    -------
    dask.dataframe.DataFrame
        The quotes table of :func:`stance.extract_quotes`, partition by partition, with
        :func:`quotes_meta` as meta.

    Examples
    --------
    >>> quotes = extract_quotes(read_corpus("seeds"))  # doctest: +SKIP
    >>> quotes.compute()[["speaker", "side"]].head()  # doctest: +SKIP
    """
    _require(ddf, ["article_id", "text"], "extract_quotes")
    reg: Any = registry
    if isinstance(registry, Registry):
        reg = _shipped(registry)
    elif registry is not None:
        reg = str(Path(registry).absolute())  # workers may run in another folder
    cue_path = None if cues is None else str(Path(cues).absolute())
    return ddf.map_partitions(_extract_partition, reg, cue_path, meta=quotes_meta(),
                              enforce_metadata=False, align_dataframes=False)


def _score_partition(part: pd.DataFrame, scorer: Callable[[str], dict] | None,
                     files: tuple[str | None, str | None, str | None], column: str
                     ) -> pd.DataFrame:
    # the default scorer (VADER and the lexicons) is built once per worker and cached
    fn = scorer if scorer is not None else make_scorer(*files)
    return _score_quotes(part, scorer=fn, column=column)


def score_quotes(ddf: dd.DataFrame, scorer: Callable[[str], dict] | None = None, *,
                 lexicon: str | Path | None = None, caution: str | Path | None = None,
                 optimism: str | Path | None = None, column: str = "text") -> dd.DataFrame:
    """The quotes with tone, pos, neu, neg, caution, optimism and stance appended (lazy).

    Parameters
    ----------
    ddf : dask.dataframe.DataFrame
        A quotes table (from :func:`extract_quotes`, or any frame with ``column``).
    scorer : callable, optional
        Any ``text -> dict`` (see :func:`stance.score_quotes`); shipped once to each worker.
        By default each worker builds the domain scorer once, with :func:`stance.make_scorer`
        and the lexicon and cue files below.
    lexicon, caution, optimism : path, optional
        Files of your own for the default scorer (read once per worker; ignored with
        ``scorer``).
    column : str
        The column to score.

    Returns
    -------
    dask.dataframe.DataFrame
        What :func:`stance.score_quotes` returns, partition by partition, with
        :func:`scored_meta` as meta.

    Examples
    --------
    >>> scored = score_quotes(extract_quotes(read_corpus("seeds")))  # doctest: +SKIP
    >>> scored.groupby("side")["tone"].mean().compute()  # doctest: +SKIP
    """
    _require(ddf, [column], "score_quotes")
    files = tuple(None if p is None else str(Path(p).resolve())
                  for p in (lexicon, caution, optimism))
    fn = None if scorer is None else _shipped(scorer)
    return ddf.map_partitions(_score_partition, fn, files, column,
                              meta=scored_meta(ddf._meta), enforce_metadata=False,
                              align_dataframes=False)
