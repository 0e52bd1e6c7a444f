"""Remove page furniture so that later stages only ever see the article's own prose.

Scraped news carries more than the article: a repeated headline, a comment policy, a cookie
banner, a list of unrelated headlines under the body. Those lines would become sentences,
statements and scores. The rules here are general (shapes of lines, known boilerplate
phrases), never a list of particular strings from particular articles.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from .resources import read_lines

try:  # re's own parser, to read which strings a pattern's matches contain (CPython 3.11+)
    import re._constants as _sre_c
    import re._parser as _sre_parse
except ImportError:  # pragma: no cover - without it every pattern is tried on every line
    _sre_c = _sre_parse = None

__all__ = ["clean_text", "normalize_newlines", "boilerplate_patterns", "is_headline_like"]

_SMALL_WORDS = frozenset(
    "a an and as at but by for from in into is of on or nor over per the to up via vs with"
    " amid after before near off out than onto upon".split()
)
_WORD = re.compile(r"[^\W\d_][\w'’.\-]*")
_SENTENCE_END = (".", "!", "?", ":", ";", ",", '"', "”", "’", "'", ")")
# Headlines end in a question or exclamation mark or a closing quote often enough
# ("Will Japan Strike a Deal?", "Trump Says Talks Are ‘Going Well’"); never in these.
_CLAUSE_END = (".", ":", ";", ",")
_BLANK_RUN = re.compile(r"\n{3,}")


def normalize_newlines(text: str) -> str:
    """CRLF and lone CR become LF; a leading byte-order mark is dropped."""
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


@lru_cache(maxsize=8)
def _compiled(source: str | None) -> tuple[re.Pattern[str], ...]:
    return tuple(_compile_fast(p) for p in read_lines(source, "boilerplate.txt"))


_LEADING_BOUNDARY = re.compile(r"\\b([A-Za-z])(?![*+?{])")


def _fast_form(pattern: str) -> str:
    """The same pattern led by its first letter when it starts with ``\\b`` and a letter.

    ``re`` tries a pattern that starts with ``\\b`` at every offset of a line, but skips
    straight to the candidates of one that starts with a letter. ``\\bw...`` matches
    exactly where ``w(?<=\\bw)...`` does (the letter, with a word boundary before it), so
    the search finds the same matches.

    Examples
    --------
    >>> _fast_form(r"\\bwe use cookies\\b")
    'w(?<=\\\\bw)e use cookies\\\\b'
    >>> _fast_form(r"\\b(please|kindly) keep")  # not a letter first: left as it is
    '\\\\b(please|kindly) keep'
    """
    m = _LEADING_BOUNDARY.match(pattern)
    if m is None:
        return pattern
    return f"{m.group(1)}(?<=\\b{m.group(1)}){pattern[3:]}"


def _compile_fast(pattern: str) -> re.Pattern[str]:
    try:
        return re.compile(_fast_form(pattern), re.IGNORECASE)
    except re.error:  # not expected; the pattern as written then
        return re.compile(pattern, re.IGNORECASE)


def boilerplate_patterns(source: str | Path | None = None) -> tuple[re.Pattern[str], ...]:
    """Compiled boilerplate patterns: the packaged list, or a user's own file (one regex a line)."""
    return _compiled(None if source is None else str(source))


# Characters outside ASCII that a case-insensitive ``re`` pattern matches to an ASCII character
# (İ and ı to i, ſ to s, the Kelvin sign to k): every other character matches an ASCII literal of
# a pattern only if it is that literal up to ASCII case. tests/test_clean.py checks the list
# against every code point.
_FOLDS_TO_ASCII = ("\u0130", "\u0131", "\u017f", "\u212a")


def _needles_of(items: Any) -> frozenset[str] | None:
    """Lower-case ASCII strings, one of which every match of the parsed sequence contains.

    Literals that follow one another (across zero-width anchors and lookarounds) are matched
    by adjacent characters; a group, or an item repeated at least once, holds its own
    needles; alternatives need one needle each. Anything else (a class, ``.``, a repeat that
    may be absent, a backreference) gives no needle. ``None``: no needle is known.
    """
    c = _sre_c
    found: list[frozenset[str]] = []
    run = ""
    for op, av in items:
        if op is c.LITERAL and av < 128:
            run += chr(av).lower()
            continue
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):  # zero-width: the literals around are adjacent
            continue
        if run:
            found.append(frozenset({run}))
            run = ""
        inner: frozenset[str] | None = None
        if op is c.SUBPATTERN:
            inner = _needles_of(av[3])
        elif op is c.ATOMIC_GROUP:
            inner = _needles_of(av)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1:
            inner = _needles_of(av[2])
        elif op is c.BRANCH:
            alternatives = [_needles_of(branch) for branch in av[1]]
            if all(alternatives):
                inner = frozenset().union(*alternatives)
        if inner:
            found.append(inner)
    if run:
        found.append(frozenset({run}))
    # the rarest-looking choice: the longest shortest needle, then the fewest needles
    return max(found, key=lambda n: (min(map(len, n)), -len(n)), default=None)


def _needles(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Needles of a compiled pattern (see :func:`_needles_of`); ``None`` when unknown."""
    if _sre_parse is None:
        return None
    try:
        return _needles_of(_sre_parse.parse(pattern.pattern, pattern.flags))
    except Exception:  # a parser that changed shape: no needle, the pattern is always tried
        return None


class _Plan(NamedTuple):
    """Boilerplate patterns ready for :func:`_drop_boilerplate`."""

    patterns: tuple[re.Pattern[str], ...]
    needled: tuple[tuple[re.Pattern[str], frozenset[str]], ...]  # tried if a needle occurs
    unneedled: tuple[re.Pattern[str], ...]  # always tried
    needles: tuple[str, ...]  # all the needles, each once


@lru_cache(maxsize=8)
def _plan(source: str | None) -> _Plan:
    patterns = _compiled(source)
    with_needles = [(p, _needles(p)) for p in patterns]
    needled = tuple((p, n) for p, n in with_needles if n is not None)
    unneedled = tuple(p for p, n in with_needles if n is None)
    needles = tuple(sorted({x for _, n in needled for x in n}))
    return _Plan(patterns, needled, unneedled, needles)


def _drop_boilerplate(lines: list[str], source: str | None) -> list[str]:
    """``lines`` without those that match a boilerplate pattern (whole short lines, stripped).

    Trying every pattern on every short line is most of the cost of cleaning an article, and
    nearly always in vain. A pattern is only tried when one of its needles (strings every match
    contains) occurs in the article's short lines, lower-cased; when those lines hold a
    character that folds to ASCII (İ, ı, ſ, K), every pattern is tried.
    """
    stripped = [ln.strip() for ln in lines]
    short = [s for s in stripped if 0 < len(s) < 400]
    if not short:
        return lines
    plan = _plan(source)
    joined = "\n".join(short)
    if joined.isascii() or not any(c in joined for c in _FOLDS_TO_ASCII):
        low = joined.lower()
        present = {n for n in plan.needles if n in low}
        patterns = [p for p, needles in plan.needled if not needles.isdisjoint(present)]
        patterns += plan.unneedled
        if not patterns:
            return lines
    else:
        patterns = list(plan.patterns)
    return [ln for ln, s in zip(lines, stripped, strict=True)
            if not (0 < len(s) < 400 and any(p.search(s) for p in patterns))]


def is_headline_like(line: str) -> bool:
    """A short title-case line that does not end like a clause (full stop, colon, comma).

    Headlines capitalise most content words and do not end in a full stop, which is what
    separates a list of unrelated headlines from the last paragraph of an article.
    """
    s = line.strip()
    if not s or len(s) > 200 or s.endswith(_CLAUSE_END):
        return False
    words = _WORD.findall(s)
    if not 2 <= len(words) <= 25:
        return False
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    if not content:
        return False
    capitalised = sum(1 for w in content if w[0].isupper())
    return capitalised / len(content) >= 0.75


def clean_text(text: str, *, boilerplate: str | Path | None = None) -> tuple[str, str]:
    """Return ``(title, body)``: a leading headline split off, furniture removed.

    Rules, in order:

    - line ends normalised, trailing spaces stripped, runs of blank lines folded to one;
    - a first line shaped like a headline (no closing punctuation, followed by a blank line)
      becomes the title; an immediate repeat of it is dropped;
    - lines matching the boilerplate patterns are dropped (the lines around them keep their
      paragraph breaks);
    - a run of two or more headline-like lines at the end of the article (a "more news" list)
      is dropped.

    Examples
    --------
    >>> clean_text("Big Talks Begin\\n\\nBig Talks Begin\\n\\nThey met.\\n")
    ('Big Talks Begin', 'They met.')
    """
    lines = [ln.rstrip() for ln in normalize_newlines(text).split("\n")]

    # leading headline and its repeat
    title = ""
    nonblank = [i for i, ln in enumerate(lines) if ln.strip()]
    if nonblank:
        first = nonblank[0]
        head = lines[first].strip()
        followed_by_blank = first + 1 < len(lines) and not lines[first + 1].strip()
        if followed_by_blank and not head.endswith(_SENTENCE_END) and len(head) <= 200:
            title = head
            lines[first] = ""
            if len(nonblank) > 1 and lines[nonblank[1]].strip() == head:
                lines[nonblank[1]] = ""

    # dropped, not blanked: a blank line left behind would split or, in hard-wrapped text,
    # merge the paragraphs around it
    lines = _drop_boilerplate(lines, None if boilerplate is None else str(boilerplate))

    # trailing run of unrelated headlines
    tail = [i for i, ln in enumerate(lines) if ln.strip()]
    run: list[int] = []
    for i in reversed(tail):
        if is_headline_like(lines[i]):
            run.append(i)
        else:
            break
    if len(run) >= 2 and len(run) < len(tail):
        for i in run:
            lines[i] = ""

    body = "\n".join(lines)
    if "\n\n\n" in body:  # the regex costs more than this test, and most bodies have none
        body = _BLANK_RUN.sub("\n\n", body)
    body = body.strip("\n")
    # what re.sub(r"^[ \t]+|[ \t]+$", "", body) did, without trying both at every offset (the
    # body ends in no newline, so "$" is only its end)
    body = body.strip(" \t")
    return title, body
