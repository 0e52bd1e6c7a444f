"""Load a corpus of news articles into the articles frame, whatever shape it arrives in.

A researcher's folder is never clean: empty files, binary files saved with a ``.txt`` name,
Windows encodings, a metadata sheet that lists articles that were never downloaded. One bad file
must not stop a run, so each is skipped with its name and reason in ``frame.attrs["skipped"]``
(and a logged warning), and everything else is loaded.
"""

from __future__ import annotations

import errno
import logging
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path, PurePosixPath

import pandas as pd

from .clean import clean_text
from .resources import paused_gc
from .types import ARTICLE_COLUMNS, Skipped

__all__ = ["load_corpus", "iter_corpus", "read_article", "iter_corpus_files", "TABLE_SUFFIXES"]

log = logging.getLogger("stance")

#: File suffixes read as tables with one article a row.
TABLE_SUFFIXES = (".csv", ".tsv", ".jsonl", ".ndjson", ".parquet", ".pq")
#: Articles larger than this are still read, with a warning that they are unusual.
LARGE_BYTES = 1_000_000
#: Articles larger than this are skipped (no news article is this long; it is a dump).
MAX_BYTES = 50_000_000


# A complete UTF-8 sequence of two to four bytes; cp1252 text almost never contains one.
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)

# Control bytes that plain text does not hold (tab, newline, form feed and CR excepted).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


class _Unreadable(Exception):
    """A file that cannot be used as an article; the message is the reason."""


def _decode(raw: bytes) -> tuple[str, str | None]:
    """Text of ``raw`` and a warning when it was not plain UTF-8."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), "decoded as UTF-16 (byte-order mark)"
        except UnicodeDecodeError as exc:
            raise _Unreadable(
                f"UTF-16 byte-order mark but undecodable bytes ({exc.reason})"
            ) from exc
    sample = raw[:8192]
    if b"\x00" in sample:
        raise _Unreadable("binary file (contains NUL bytes), not text")
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls > max(8, len(sample) // 100):
        raise _Unreadable(f"binary file ({controls} control bytes in the first 8 KB), not text")
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    text = raw.decode("utf-8-sig", errors="replace")
    bad = text.count("\ufffd") - raw.decode("utf-8-sig", errors="ignore").count("\ufffd")
    if len(_UTF8_MULTIBYTE.findall(raw)) > bad:
        # UTF-8 with a few stray bytes: cp1252 would garble every curly quote and accent.
        return text, (f"not valid UTF-8 (bad byte at offset {first_bad}); {bad} undecodable "
                      "byte(s) replaced with U+FFFD")
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise _Unreadable(
            f"not UTF-8 (bad byte at offset {first_bad}) and not cp1252 either"
        ) from exc
    return text, f"not UTF-8 (bad byte at offset {first_bad}); decoded as cp1252"


def _too_large(size: int) -> _Unreadable:
    return _Unreadable(f"{size / 1e6:.0f} MB is larger than the {MAX_BYTES / 1e6:.0f} MB limit")


def _read_bytes(path: Path) -> tuple[bytes, int]:
    """The file's bytes and size, its size checked before it is read.

    One ``open`` and ``fstat`` rather than a ``stat`` of the path and then an ``open``; a
    file that cannot be opened goes the old way (stat, size check, read), so that it fails
    with the same error as before.
    """
    try:
        f = open(path, "rb")  # closed by the "with" below
    except OSError:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise _too_large(size) from None
        return path.read_bytes(), size
    with f:
        size = os.fstat(f.fileno()).st_size
        if size > MAX_BYTES:
            raise _too_large(size)
        return f.read(), size


def read_article(path: str | Path) -> tuple[str, str, str | None]:
    """Read one article file: ``(title, cleaned text, warning or None)``.

    Raises
    ------
    ValueError
        If the file is empty, binary, undecodable or too large; the message says which.
    """
    if not isinstance(path, Path):
        path = Path(path)
    try:
        raw, size = _read_bytes(path)
    except OSError as exc:
        raise ValueError(f"cannot read file ({exc.strerror or exc})") from exc
    except _Unreadable as exc:
        raise ValueError(str(exc)) from exc
    if not raw:
        raise ValueError("empty file (0 bytes)")
    if not raw.strip():
        raise ValueError("empty file (only whitespace)")
    try:
        text, warning = _decode(raw)
    except _Unreadable as exc:
        raise ValueError(str(exc)) from exc
    if not text.replace("\ufeff", "").strip():
        raise ValueError("empty file (only whitespace)")
    title, body = clean_text(text)
    if not body.strip():
        raise ValueError("no article text left after removing page furniture")
    if size > LARGE_BYTES:
        note = f"unusually large article ({size / 1e6:.1f} MB); processed, but it may be a dump"
        warning = f"{warning}; {note}" if warning else note
    return title, body, warning


def iter_corpus_files(folder: str | Path) -> Iterator[Path]:
    """The ``.txt`` files below ``folder``, in a stable (sorted) order."""
    folder = Path(folder)
    if not isinstance(folder, PurePosixPath):
        yield from sorted(p for p in folder.rglob("*")
                          if p.suffix.lower() == ".txt" and p.is_file())
        return
    if not folder.is_dir():
        return
    found: list[tuple[tuple[str, ...], Path]] = []
    # a path and a tuple per file, none in a reference cycle: without the cyclic collector,
    # which would walk them all again and again as the list grows (for 104,750 files, about
    # a third of the listing's time)
    with paused_gc():
        _find_txt(folder, (), found)
        # pathlib orders POSIX paths by their parts, and these all start with the folder's
        found.sort(key=lambda item: item[0])
    yield from (path for _, path in found)


#: errno values under which pathlib takes a path for absent rather than failing
_ABSENT_ERRNOS = (errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP)


def _child_paths(folder: Path) -> Callable[[str], Path]:
    """``folder / name`` for the names of ``folder``'s listing, without parsing each name.

    A name from ``os.scandir`` is one path component (never ``.``, ``..`` or holding a
    separator), so pathlib's own ``_make_child_relpath`` (Python 3.11 and 3.12, what its
    ``glob`` uses) gives the same path as ``/`` at a fraction of the cost: parsing the names
    was about a third of the time of listing a folder of 104,750 files. Where that private
    method is missing, or gives another path for a probe name, ``/`` it is.
    """
    make = getattr(folder, "_make_child_relpath", None)
    if make is not None:
        probe, plain = make("probe.txt"), folder / "probe.txt"
        if probe == plain and str(probe) == str(plain) and probe.parts == plain.parts:
            return make
    return folder.__truediv__


def _find_txt(folder: Path, rel: tuple[str, ...],
              found: list[tuple[tuple[str, ...], Path]]) -> None:
    """Add the files ``folder.rglob("*")`` yields that end in ``.txt`` (any case) and are
    files (symlinks followed), each with its parts below the top folder, to ``found``.

    What pathlib's walk (Python 3.11) does, with one ``scandir`` per folder rather than two
    and with the file type from the folder listing rather than a ``stat`` per file: folders
    entered unless they are symlinks; a folder that may not be listed is left out, as is the
    rest of a folder when an entry's type may not be read.
    """
    try:
        with os.scandir(folder) as listing:
            entries = list(listing)
    except PermissionError:
        return
    child = _child_paths(folder)
    for entry in entries:
        name = entry.name
        dot = name.rfind(".")
        if 0 < dot < len(name) - 1 and name[dot:].lower() == ".txt":  # Path.suffix's rule
            path = child(name)
            try:
                is_file = entry.is_file()
            except OSError:  # Path.is_file's own answer: False, or the error it raises
                is_file = path.is_file()
            if is_file:
                found.append((rel + (name,), path))
    for entry in entries:
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
        except PermissionError:
            return
        except OSError as exc:
            if exc.errno not in _ABSENT_ERRNOS:
                raise
            is_dir = False
        if is_dir:
            _find_txt(child(entry.name), rel + (entry.name,), found)


def _article_id(path: Path, root: Path) -> str:
    """``path`` below ``root`` without its suffix, with ``/`` between folders.

    Read from the strings when ``path`` is a POSIX path written as ``root/...`` and its name
    has a plain suffix (what pathlib's ``relative_to``, ``with_suffix`` and ``as_posix`` give
    then, at a fraction of their cost); by pathlib otherwise.
    """
    p, r = str(path), str(root)
    if (isinstance(path, PurePosixPath) and isinstance(root, PurePosixPath) and r != "."
            and not r.endswith("/") and p.startswith(r) and p[len(r):len(r) + 1] == "/"):
        rel = p[len(r) + 1:]
        name_at = rel.rfind("/") + 1
        dot = rel.rfind(".")
        if name_at < dot < len(rel) - 1 and rel[name_at:dot].strip("."):
            return rel[:dot]
    return path.relative_to(root).with_suffix("").as_posix()


def _empty_frame() -> pd.DataFrame:
    frame = pd.DataFrame({c: pd.Series(dtype="object") for c in ARTICLE_COLUMNS})
    frame["date"] = pd.Series(dtype="datetime64[ns]")
    return frame


def _parse_dates(values: pd.Series) -> pd.Series:
    """Dates to datetime64; anything unparseable becomes NaT, never an error."""
    if pd.api.types.is_datetime64_any_dtype(values):
        parsed = values
    else:
        parsed = pd.to_datetime(values.astype("string"), errors="coerce", format="mixed", utc=True)
    if getattr(parsed.dt, "tz", None) is not None:
        parsed = parsed.dt.tz_convert("UTC").dt.tz_localize(None)
    return parsed.astype("datetime64[ns]")


def _finish(rows: list[dict], skipped: list[Skipped], warnings: list[str], *,
            report: bool = True) -> pd.DataFrame:
    """The articles frame of ``rows``; skipped inputs and warnings in ``attrs`` and, with
    ``report``, logged (a worker process leaves that to the process that collects its work)."""
    frame = pd.DataFrame(rows) if rows else _empty_frame()
    extra = [c for c in frame.columns if c not in ARTICLE_COLUMNS]
    for col in ARTICLE_COLUMNS:
        if col not in frame.columns:
            frame[col] = "" if col != "date" else pd.NaT
    frame = frame[ARTICLE_COLUMNS + extra].reset_index(drop=True)
    frame["date"] = _parse_dates(frame["date"])
    for col in ("article_id", "source", "title", "text"):
        frame[col] = frame[col].fillna("").astype(str).astype(object)
    frame.attrs["skipped"] = [s._asdict() for s in skipped]
    frame.attrs["warnings"] = list(warnings)
    if report:
        _report_reading(skipped, warnings)
    return frame


def _report_reading(skipped: list[Skipped], warnings: list[str]) -> None:
    """Log the inputs skipped and the warnings raised while reading (logger ``stance``)."""
    for s in skipped:
        log.warning("skipped %s: %s", s.path, s.reason)
    for w in warnings:
        log.warning("%s", w)


def _read_metadata(path: Path, warnings: list[str]) -> pd.DataFrame | None:
    try:
        meta = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except Exception as exc:  # a broken sheet must not lose the articles
        warnings.append(f"{path}: metadata not used ({exc})")
        return None
    if "article_id" not in meta.columns:
        warnings.append(f"{path}: metadata not used (no 'article_id' column)")
        return None
    # "001.txt" and " 001 " in a hand-made sheet both mean the article 001
    ids = meta["article_id"].str.strip().str.replace(r"\.txt$", "", regex=True, case=False)
    meta = meta.assign(article_id=ids)[ids != ""]
    dup = meta["article_id"][meta["article_id"].duplicated()].unique()
    if len(dup):
        warnings.append(f"{path}: duplicate rows for {', '.join(dup[:5])}; the first is used")
        meta = meta.drop_duplicates("article_id")
    return meta.set_index("article_id")


def _iter_folder(root: Path, metadata: Path | None, chunk_size: int | None
                 ) -> Iterator[pd.DataFrame]:
    warnings: list[str] = []
    meta_path = metadata if metadata is not None else root / "metadata.csv"
    meta = None
    if metadata is not None and not meta_path.is_file():
        warnings.append(f"{meta_path}: metadata not used (no such file)")
    elif meta_path.is_file():
        meta = _read_metadata(meta_path, warnings)
    files = list(iter_corpus_files(root))
    size = chunk_size or max(1, len(files))
    seen: set[str] = set()  # ids of every file, loaded or skipped
    no_row: list[str] = []
    for first in range(0, max(1, len(files)), size):
        part = files[first:first + size]
        seen.update(_article_id(path, root) for path in part)
        rows, skipped, read_warnings = _read_files(root, part)
        warnings += read_warnings
        if meta is not None:
            no_row += _merge_metadata(rows, meta)
        last = first + size >= len(files)
        if last and meta is not None:
            warnings += _metadata_report(meta, meta_path, seen, no_row)
        yield _finish(rows, skipped, warnings)
        warnings = []


def _read_files(root: Path, files: Iterable[str | Path]
               ) -> tuple[list[dict], list[Skipped], list[str]]:
    """Read article files of the folder ``root``: (article rows, inputs skipped, warnings).

    One file's problem skips that file, never the others. Shared by the serial reader, the
    workers of ``stance quotes --jobs N`` and those of :mod:`stance.dask`.
    """
    rows: list[dict] = []
    skipped: list[Skipped] = []
    warnings: list[str] = []
    for name in files:
        path = name if isinstance(name, Path) else Path(name)
        try:
            title, body, warning = read_article(path)
        except ValueError as exc:
            skipped.append(Skipped(str(name), str(exc)))
            continue
        if warning:
            warnings.append(f"{path}: {warning}")
        rows.append({"article_id": _article_id(path, root), "date": None, "source": "",
                     "title": title, "text": body})
    return rows, skipped, warnings


def _merge_metadata(rows: list[dict], meta: pd.DataFrame) -> list[str]:
    """Copy metadata into ``rows``; return the ids that have no metadata row."""
    return _merge_records(rows, _meta_records(meta, [row["article_id"] for row in rows]))


#: Up to this many metadata rows, the sheet is turned into records whole (fast); beyond, only
#: the rows asked for are looked up (bounded memory).
_META_RECORDS_MAX = 50_000


def _meta_records(meta: pd.DataFrame, ids: Iterable[str]) -> dict[str, dict]:
    """The metadata rows of ``ids`` that have one, as records by article id (a small sheet:
    all its rows)."""
    if len(meta) < _META_RECORDS_MAX:
        return meta.to_dict("index")
    return {aid: meta.loc[aid].to_dict() for aid in set(ids) if aid in meta.index}


def _merge_records(rows: list[dict], records: Mapping[str, dict]) -> list[str]:
    """Copy metadata records (by article id) into ``rows``; return the ids without a record."""
    no_row = []
    for row in rows:
        aid = row["article_id"]
        rec = records.get(aid)
        if rec is None:
            no_row.append(aid)
            continue
        for key, value in rec.items():
            if key == "text" or (key in ("title", "source") and not value):
                continue  # keep the article's own text, and a title found in the file
            row[key] = value
    return no_row


def _metadata_report(meta: pd.DataFrame, meta_path: Path, ids: set[str] | None,
                     no_row: list[str]) -> list[str]:
    """Warnings for metadata rows without files and files without rows.

    ``ids`` are all article files (loaded or skipped); ``None`` means the files are not the
    whole corpus (a single file), so rows naming other files are expected.
    """
    out = []
    missing_files = [a for a in meta.index if ids is not None and a not in ids]
    if missing_files:
        out.append(
            f"{meta_path}: {len(missing_files)} row(s) name no article file: "
            + ", ".join(missing_files[:10]) + (" ..." if len(missing_files) > 10 else "")
        )
    if no_row:
        out.append(
            f"{meta_path}: {len(no_row)} article(s) have no metadata row (date unknown): "
            + ", ".join(no_row[:10]) + (" ..." if len(no_row) > 10 else "")
        )
    return out


def _table_chunks(path: Path, chunk_size: int | None) -> Iterator[pd.DataFrame]:
    suffix = path.suffix.lower()
    try:
        if suffix in (".csv", ".tsv"):
            # blank lines kept: in a one-column table a blank line is an empty article,
            # which must be reported, not silently dropped
            kwargs = {"sep": "\t" if suffix == ".tsv" else ",", "dtype": str,
                      "keep_default_na": False, "encoding": "utf-8-sig",
                      "skip_blank_lines": False}
            if chunk_size:
                yield from pd.read_csv(path, chunksize=chunk_size, **kwargs)
            else:
                yield pd.read_csv(path, **kwargs)
        elif suffix in (".jsonl", ".ndjson"):
            if chunk_size:
                yield from pd.read_json(path, lines=True, dtype=False, chunksize=chunk_size)
            else:
                yield pd.read_json(path, lines=True, dtype=False)
        else:
            import pyarrow.parquet as pq

            parquet = pq.ParquetFile(path)
            for batch in parquet.iter_batches(batch_size=chunk_size or 65536):
                yield batch.to_pandas()
    except Exception as exc:  # pandas/pyarrow parse errors, bad encodings, truncated files
        raise ValueError(f"{path}: cannot read as a {suffix[1:]} table ({exc})") from exc


def _iter_table(path: Path, chunk_size: int | None) -> Iterator[pd.DataFrame]:
    offset, chunks = 0, 0
    for table in _table_chunks(path, chunk_size):
        if "text" not in table.columns:
            raise ValueError(f"{path}: a table corpus needs a 'text' column; "
                             f"found {list(table.columns)}")
        yield _table_rows(path, table, offset)
        offset, chunks = offset + len(table), chunks + 1
    if chunks == 0:
        yield _finish([], [], [])


def _table_rows(path: Path, table: pd.DataFrame, offset: int) -> pd.DataFrame:
    rows: list[dict] = []
    skipped: list[Skipped] = []
    if "article_id" in table.columns:
        ids = table["article_id"].astype(str)
    else:
        ids = pd.Series([f"{path.stem}-{offset + i:06d}" for i in range(len(table))],
                        index=table.index)
    records = table.to_dict("records")
    for aid, rec in zip(ids, records, strict=True):
        raw = rec.get("text")
        where = f"{path} (article {aid})"
        if not isinstance(raw, str) or not raw.strip():
            skipped.append(Skipped(where, "empty text"))
            continue
        title, body = clean_text(raw)
        if not body.strip():
            skipped.append(Skipped(where, "no article text left after removing page furniture"))
            continue
        rec = dict(rec)
        rec["article_id"] = aid
        rec["text"] = body
        if not rec.get("title"):
            rec["title"] = title
        rows.append(rec)
    return _finish(rows, skipped, [])


def iter_corpus(path: str | Path, *, metadata: str | Path | None = None,
                chunk_size: int | None = 1000) -> Iterator[pd.DataFrame]:
    """Read a corpus in chunks of at most ``chunk_size`` articles, so memory stays bounded.

    Takes the same inputs as :func:`load_corpus` and yields articles frames of the same shape;
    each chunk's ``attrs`` hold the inputs skipped and the warnings raised while reading it.

    Examples
    --------
    >>> sum(len(chunk) for chunk in iter_corpus("seeds", chunk_size=2))  # doctest: +SKIP
    5
    """
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"{path}: no such file or folder")
    if path.is_dir():
        yield from _iter_folder(path, Path(metadata) if metadata is not None else None,
                                chunk_size)
        return
    if path.suffix.lower() in TABLE_SUFFIXES:
        yield from _iter_table(path, chunk_size)
        return
    yield _load_file(path, metadata)


def _load_file(path: Path, metadata: str | Path | None) -> pd.DataFrame:
    skipped: list[Skipped] = []
    warnings: list[str] = []
    rows = []
    try:
        title, body, warning = read_article(path)
        rows.append({"article_id": path.stem, "date": None, "source": "", "title": title,
                     "text": body})
        if warning:
            warnings.append(f"{path}: {warning}")
    except ValueError as exc:
        skipped.append(Skipped(str(path), str(exc)))
    if metadata is not None and rows:
        meta = _read_metadata(Path(metadata), warnings)
        if meta is not None:
            no_row = _merge_metadata(rows, meta)
            warnings += _metadata_report(meta, Path(metadata), None, no_row)
    return _finish(rows, skipped, warnings)


def load_corpus(path: str | Path, *, metadata: str | Path | None = None) -> pd.DataFrame:
    """Load articles from a folder, a single text file, or a table.

    Parameters
    ----------
    path : str or Path
        A folder of ``.txt`` files (searched recursively; an optional ``metadata.csv`` beside
        them), one ``.txt`` file, or a CSV/TSV/JSONL/Parquet table with a ``text`` column and
        optionally ``article_id``, ``date``, ``source``, ``title`` and any other columns.
    metadata : str or Path, optional
        A metadata CSV (``article_id, date, source, title, ...``) to use instead of
        ``PATH/metadata.csv``.

    Returns
    -------
    pandas.DataFrame
        Columns ``article_id`` (the file's path below the folder, without ``.txt``: the file
        stem for a flat folder), ``date`` (datetime64, NaT where unknown), ``source``,
        ``title``, ``text`` (cleaned of page furniture), then any further metadata columns.
        ``attrs["skipped"]`` lists ``{"path", "reason"}`` for every input that could not be
        used; ``attrs["warnings"]`` lists everything else worth a look (metadata rows without
        files, files without rows, encodings guessed).

    Raises
    ------
    FileNotFoundError
        If ``path`` does not exist.
    ValueError
        If ``path`` is a table that cannot be read or has no ``text`` column.

    Examples
    --------
    >>> import stance
    >>> articles = stance.load_corpus("seeds")  # doctest: +SKIP
    >>> articles[["article_id", "date"]].head(2)  # doctest: +SKIP
    """
    chunks = list(iter_corpus(path, metadata=metadata, chunk_size=None))
    frame = chunks[0] if len(chunks) == 1 else pd.concat(chunks, ignore_index=True)
    frame.attrs["skipped"] = [s for c in chunks for s in c.attrs.get("skipped", [])]
    frame.attrs["warnings"] = [w for c in chunks for w in c.attrs.get("warnings", [])]
    return frame
