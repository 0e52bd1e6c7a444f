"""The shapes that pass between stages: column lists, dtypes and small records.

Every table the package returns is described here once, so the CLI, the Dask wrappers and the
tests agree on one schema.
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = [
    "ARTICLE_COLUMNS",
    "QUOTE_COLUMNS",
    "QUOTE_DTYPES",
    "SCORE_COLUMNS",
    "SCORED_COLUMNS",
    "KINDS",
    "SIDES",
    "ATTRIBUTIONS",
    "STANCES",
    "Skipped",
    "Span",
]

#: Columns of the articles frame returned by :func:`stance.load_corpus`.
ARTICLE_COLUMNS: list[str] = ["article_id", "date", "source", "title", "text"]

#: Columns of the quotes table returned by :func:`stance.extract_quotes`, in order.
QUOTE_COLUMNS: list[str] = [
    "article_id",
    "date",
    "speaker",
    "side",
    "kind",
    "text",
    "start",
    "end",
    "cue",
    "attribution",
    "sentence",
]

#: pandas dtypes of the quotes table (also the ``meta`` of the Dask wrappers).
QUOTE_DTYPES: dict[str, str] = {
    "article_id": "object",
    "date": "datetime64[ns]",
    "speaker": "object",
    "side": "object",
    "kind": "object",
    "text": "object",
    "start": "int64",
    "end": "int64",
    "cue": "object",
    "attribution": "object",
    "sentence": "object",
}

#: Columns :func:`stance.score_quotes` adds (and :func:`stance.score_text` returns as a dict).
SCORE_COLUMNS: list[str] = ["tone", "pos", "neu", "neg", "caution", "optimism", "stance"]

#: The scored table: the quotes table followed by the score columns.
SCORED_COLUMNS: list[str] = QUOTE_COLUMNS + SCORE_COLUMNS

KINDS: tuple[str, ...] = ("direct", "partial", "indirect")
SIDES: tuple[str, ...] = ("US", "Japan", "analyst", "media", "other", "unknown")
ATTRIBUTIONS: tuple[str, ...] = ("explicit", "pronoun", "title", "continuation", "none")
STANCES: tuple[str, ...] = ("optimistic", "cautious", "critical", "neutral")


class Span(NamedTuple):
    """A half-open character range ``[start, end)`` into an article's cleaned text."""

    start: int
    end: int


class Skipped(NamedTuple):
    """An input that could not be used, and why (kept in ``frame.attrs["skipped"]``)."""

    path: str
    reason: str
