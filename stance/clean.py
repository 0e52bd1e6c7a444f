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

from .resources import read_lines

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


def _is_boilerplate(line: str, patterns: tuple[re.Pattern[str], ...]) -> bool:
    s = line.strip()
    return 0 < len(s) < 400 and any(p.search(s) for p in patterns)


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
    patterns = boilerplate_patterns(boilerplate)

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
    lines = [ln for ln in lines if not _is_boilerplate(ln, patterns)]

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
    body = re.sub(r"\n{3,}", "\n\n", body).strip("\n")
    # what re.sub(r"^[ \t]+|[ \t]+$", "", body) did, without trying both at every offset (the
    # body ends in no newline, so "$" is only its end)
    body = body.strip(" \t")
    return title, body
