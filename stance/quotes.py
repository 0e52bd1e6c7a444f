"""Find statements in an article: direct quotes, partial quotes and reported speech.

The extractor is rule-based and works paragraph by paragraph on the cleaned text:

1. quote marks are paired per paragraph (curly and straight, double and top-level single),
   recovering locally from a missing or mismatched mark, so one typo never costs an article;
   apostrophes are never taken for quote marks;
2. each quote is classed as ``direct`` (the quote is the sentence, the rest is attribution) or
   ``partial`` (a fragment inside the writer's sentence); names of things in quote marks
   ("Truth Social") and scare quotes with no cue are dropped;
3. its speaker is the subject of the nearest reporting cue (``stance/data/cues.csv``) in the
   sentence, before or after it; a quote with no cue continues the previous statement;
4. reported speech is found from cues outside quotes: ``X said (that) ...``, ``..., X said.``,
   ``according to X, ...``, ``X expressed his hopes to ...``, participles (``..., highlighting
   ...``), each with the frame its cue allows;
5. speaker mentions are resolved by :mod:`stance.attribution`.

Paragraphs with neither a quote mark nor a cue are not tokenised at all, which is most of the
speed.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress, count
from operator import itemgetter
from pathlib import Path

import numpy as np
import pandas as pd

from .attribution import ArticleContext, Mention, vocabulary
from .registry import Registry, load_registry
from .resources import paused_gc, read_table
from .text import paragraph_sentences, paragraph_spans
from .types import QUOTE_COLUMNS, QUOTE_DTYPES

__all__ = ["extract_quotes", "extract_statements", "find_quote_spans", "load_cues", "Cues",
           "Statement"]

# A word ("U.S.", "Japan's", "co-op", "3.5") or one other non-space character. The same as
# "(?:[A-Za-z]\.){2,}|[^\W_](?:\w|[’'\-&.](?=[^\W_]))*|\S", unrolled and possessive (nothing
# after a word could make giving back characters match), and led by its first character
# (\S, then what may follow that character), so ``re`` skips whitespace by a class scan
# instead of trying three alternatives at every space, which runs faster.
_TOKEN = re.compile(
    r"\S(?:(?<=[A-Za-z])\.(?:[A-Za-z]\.)+|(?<=[^\W_])\w*+(?:[’'\-&.][^\W_]\w*+)*+|)")
# The same tokens as ``split`` pieces: [gap, token, gap, token, ..., gap], no match objects.
_TOKEN_SPLIT = re.compile(f"({_TOKEN.pattern})")
_M_START, _M_END, _M_GROUP = re.Match.start, re.Match.end, re.Match.group
_FIRST = itemgetter(0)
_NEGATIVE = (0).__gt__  # x < 0
# qid[x] >= 0 (token x is in a quote): qids are ints, and -1 < x is x >= 0 for them. Over a
# slice of qid by a C-level map, where a generator over range(a, b + 1) ran Python per token
_IN_QUOTE = (-1).__lt__
_LOWER_WORD = re.compile(r"[a-z]+")
# Where a sentence likely starts, for the name index: the space after ., ! or ? (and at most one
# closing quote mark), or the newline, before an upper-case letter (or quote mark and one).
# Led by one character class (not an alternation), so ``re`` skips to the candidates.
_SENT_GUESS = re.compile(r"[.!?\n](?:(?<=\n)|(?<=[.!?])[\"”’']? )(?=[\"“‘']?[A-Z])")
_SENT_GUESS_HEAD = re.compile(r"[\"“‘']?[A-Z]")

_DOUBLE_OPEN = "“„«"
_DOUBLE_CLOSE = "”»"
_DOUBLE = _DOUBLE_OPEN + _DOUBLE_CLOSE + '"'
_SINGLE_OPEN = "‘'"
_SINGLE_CLOSE = "’'"
_QUOTE_CHARS = frozenset(_DOUBLE + "‘’'")
_DOUBLE_RE = re.compile("[" + _DOUBLE + "]")
_SINGLE_RE = re.compile("[‘’']")
# a single mark not inside a word; led by the mark, so ``re`` skips to the marks
_SINGLE_EDGE = re.compile("[‘’'](?:(?<![^\\W_][‘’'])|(?![^\\W_]))")
_ALNUM = re.compile(r"[^\W_]")  # str.isalnum, one character
# A mark that can open a quote: a double mark, "‘", or "'" not inside a word ("Japan's" has
# none); a paragraph without one has no quote (see find_quote_spans). Led by the marks'
# class, so ``re`` skips to them.
_MAY_OPEN = re.compile("[" + _DOUBLE + "‘'](?:(?<!')|(?<![^\\W_]')|(?![^\\W_]))")
_OPEN_BEFORE = frozenset(" \t\n([{—–-/:")
_CLOSE_AFTER = frozenset(" \t\n.,;:!?)]}—–-")

_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})
_DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "this", "that", "these",
                          "those", "our", "some", "many", "several", "two", "three", "other",
                          "one", "both", "most", "all"})
_NP_ADJ = frozenset(
    "senior top chief former key deputy ruling local foreign trade economic finance leading "
    "independent private public major official joint new acting outgoing incoming veteran "
    "managing general executive government company industry city union opposition shadow "
    "japanese american british european chinese us japan's".split()
)
_BE = frozenset({"is", "are", "was", "were", "be", "been", "being", "'s", "’s"})
_SKIP_LEFT = frozenset(
    "also later earlier previously recently repeatedly has have had would will then quickly "
    "firmly further again once now still yesterday today reportedly publicly privately "
    "separately openly bluntly flatly initially subsequently immediately too had already "
    "has repeatedly consistently frequently often long subsequently just itself himself herself "
    "themselves meanwhile only however last week month".split()
)
_ADVERBS = frozenset(
    "yesterday today tonight earlier later previously recently again also then now last only "
    "repeatedly publicly privately separately firmly flatly bluntly openly candidly "
    "monday tuesday wednesday thursday friday saturday sunday week month year night morning "
    "afternoon evening weekend".split()
)
_PREPOSITIONS = frozenset("on in at during after before via through from with by to over "
                          "while when last this".split())
_LISTENERS = frozenset(
    "reporters journalists delegates mps lawmakers the a an parliament congress conference "
    "audience committee investors analysts students supporters members news bbc radio programme "
    "program show newspaper paper agency website television channel him her them us me "
    "correspondents".split()
)
_NP_OPENERS = frozenset("but and however so yet meanwhile still also then separately instead "
                        "now thus".split())
_TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december week month year weekend morning "
    "afternoon evening night".split())
_SUBORDINATORS = frozenset("when while after since as because although though if before until "
                           "once whereas unless".split())
_POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "its": "it", "their": "they"}
_SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokespeople"})
_ANAPHORIC = frozenset("the this that these those his her its their such".split())
_SENT_END = frozenset(".!?")
_SPOKES = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokespeople", "statement",
                     "report", "source", "sources", "officials", "official"})
_CLOSING = frozenset("\"”’')]")
# the words on which _clause_span may end a clause early
_CLAUSE_MARKS = frozenset({";", "—", "–", "-", "and", "but", ","})


@dataclass(frozen=True)
class Cues:
    """Reporting cues: single-word forms and multi-word forms, with lemma and frame."""

    single: dict[str, tuple[str, str]]
    multi: dict[str, list[tuple[tuple[str, ...], tuple[str, str]]]]  # by first word
    first_words: frozenset[str]


@lru_cache(maxsize=8)
def _load_cues(source: str | None) -> Cues:
    single: dict[str, tuple[str, str]] = {}
    multi: dict[str, list[tuple[tuple[str, ...], tuple[str, str]]]] = {}
    for row in read_table(source, "cues.csv"):
        form = row["form"].strip().lower()
        entry = (row["lemma"].strip().lower(), row["frame"].strip().lower())
        parts = tuple(form.split())
        if len(parts) == 1:
            single[form] = entry
        elif parts:
            multi.setdefault(parts[0], []).append((parts, entry))
    for options in multi.values():
        options.sort(key=lambda o: -len(o[0]))  # longest first
    return Cues(single, multi, frozenset(single) | frozenset(multi))


def load_cues(path: str | Path | None = None) -> Cues:
    """The reporting cues: the packaged list, or a user's own CSV (``form,lemma,frame``)."""
    return _load_cues(None if path is None else str(path))


@dataclass(slots=True)
class Statement:
    """One attributed statement, with offsets into the article text."""

    start: int
    end: int
    kind: str
    speaker: str
    cue: str
    attribution: str
    sent_start: int
    sent_end: int


@dataclass(slots=True)
class _Quote:
    open: int  # offset of the opening mark
    close: int  # offset of the closing mark (paragraph end if unclosed)
    start: int  # inner text, trimmed
    end: int
    closed: bool


# --------------------------------------------------------------------------------------------
# quote marks


def _pair(text: str, marks: list[int], lo: int, hi: int, double: bool
          ) -> list[tuple[int, int, bool]]:
    out: list[tuple[int, int, bool]] = []
    open_at: int | None = None
    for i in marks:
        c = text[i]
        prev = text[i - 1] if i > lo else " "
        nxt = text[i + 1] if i + 1 < hi else " "
        opens_ctx = prev in _OPEN_BEFORE or prev in _QUOTE_CHARS
        closes_ctx = nxt in _CLOSE_AFTER or nxt in _QUOTE_CHARS
        if double:
            if c in _DOUBLE_OPEN:
                role = "close" if (closes_ctx and not opens_ctx and open_at is not None) else "open"
            elif c in _DOUBLE_CLOSE:
                role = "open" if (opens_ctx and not closes_ctx and open_at is None) else "close"
            else:
                if opens_ctx and not closes_ctx:
                    role = "open"
                elif closes_ctx and not opens_ctx:
                    role = "close"
                else:
                    role = "open" if open_at is None else "close"
        else:
            if c in _SINGLE_OPEN and opens_ctx and nxt.isalnum():
                role = "open"
            elif c in _SINGLE_CLOSE and not prev.isspace() and closes_ctx:
                role = "close"
            else:
                continue
        if role == "open":
            if open_at is not None:
                if not double:
                    continue
                out.append((open_at, i, False))  # the earlier quote lost its closer
            open_at = i
        elif open_at is not None:
            out.append((open_at, i, True))
            open_at = None
    if open_at is not None and double:
        out.append((open_at, hi, False))
    return out


def find_quote_spans(text: str, start: int = 0, end: int | None = None) -> list[_Quote]:
    """Quoted spans of one paragraph ``text[start:end]``, in order.

    Double marks (curly or straight) are paired first; single marks count only outside double
    quotes (British style), and only as a pair, so apostrophes are never quote marks.

    Examples
    --------
    >>> t = 'He said: “We won’t move.” Then ‘fair trade’ came up.'
    >>> [t[q.start:q.end] for q in find_quote_spans(t)]
    ['We won’t move.', 'fair trade']
    """
    hi = len(text) if end is None else end
    doubles = [m.start() for m in _DOUBLE_RE.finditer(text, start, hi)]
    pairs = _pair(text, doubles, start, hi, True)
    opens = [a for a, _, _ in pairs]  # double quotes are ordered and do not overlap

    def inside(i: int) -> bool:
        k = bisect_right(opens, i) - 1
        return k >= 0 and i < pairs[k][1]

    # a mark with a letter or digit on both sides ("Japan’s") can neither open nor close, so
    # _pair passes over it: only the others are looked at (when the span does not start inside
    # a word, where the pattern's look-behind would see a letter _pair does not)
    edge = start == 0 or not text[start - 1].isalnum()
    marks = map(_M_START, (_SINGLE_EDGE if edge else _SINGLE_RE).finditer(text, start, hi))
    singles = [i for i in marks if not inside(i)] if pairs else list(marks)
    if singles:
        pairs += [p for p in _pair(text, singles, start, hi, False) if p[2]]
        pairs.sort()
    quotes = []
    for a, b, closed in pairs:
        s, e = a + 1, b
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s and _ALNUM.search(text, s, e):  # any(ch.isalnum() ...), at C speed
            quotes.append(_Quote(a, b, s, e, closed))
    return quotes


_SMALL = frozenset("a an and as at but by for from in into of on or the to with vs".split())


def _is_name_of_thing(inner: str) -> bool:
    """Short title-case quotes name things ("Truth Social"), they are not statements.

    Most quotes are long: ``split(None, 6)`` gives a seventh piece exactly when there is a
    seventh word, so a long quote is told apart without splitting it into all its words.
    """
    s = inner.strip().rstrip(",.;:")
    if not s or s.endswith(("!", "?")):
        return False
    words = s.split(None, 6)
    if len(words) > 6:
        return False
    content = [w for w in words if w.lower() not in _SMALL]
    return bool(content) and words[0][0].isupper() and all(w[0].isupper() for w in content)


# --------------------------------------------------------------------------------------------
# one paragraph


class _Para:
    """Tokens of one paragraph with their quote membership and sentence index.

    ``sents`` may be None and given later by :meth:`set_sentences`: the tokens (and the cues
    found in them) tell whether the paragraph needs its sentences at all.
    """

    __slots__ = ("text", "starts", "ends", "low", "cap", "qid", "sent", "sents", "quotes",
                 "cues", "cue_at", "sent_tokens")

    def __init__(self, text: str, lo: int, hi: int, quotes: list[_Quote],
                 sents: list[tuple[int, int]] | None, flat: str | None = None,
                 parts: list[str] | None = None) -> None:
        self.text = text
        self.quotes = quotes
        if parts is None and flat is not None:
            parts = _TOKEN_SPLIT.split(flat[lo:hi])
        if parts is not None:  # pieces of the lower-cased text (see _lowered, _pieces)
            # split pieces alternate gap, token, gap, ...; their running lengths are the
            # offsets where each piece starts, so tokens start at the odd ones and end at the
            # even ones (C-level maps and slices: no match object or Python loop per token)
            offsets = list(accumulate(map(len, parts), initial=lo))
            starts = offsets[1:-1:2]
            self.low = parts[1::2]
            self.cap = list(map(str.isupper, map(text.__getitem__, starts)))
            self.ends = offsets[2::2]
        else:
            ms = list(_TOKEN.finditer(text, lo, hi))
            starts = list(map(_M_START, ms))
            words = list(map(_M_GROUP, ms))
            self.low = list(map(str.lower, words))
            self.cap = list(map(str.isupper, map(_FIRST, words)))
            self.ends = list(map(_M_END, ms))
        self.starts = starts
        self.qid = _quote_ids(starts, quotes)
        self.cues: list = []  # per token: (surface, lemma, frame, last token) of its cue, or None
        self.cue_at: list[int] = []  # indices of the tokens that start a cue
        if sents is not None:
            self.set_sentences(sents)

    def set_sentences(self, sents: list[tuple[int, int]]) -> None:
        """The paragraph's sentences, and each token's sentence."""
        starts = self.starts
        self.sents = sents
        # token ranges of the sentences, found once here (the rules ask for them repeatedly)
        self.sent_tokens = [(bisect_right(starts, a - 1), bisect_right(starts, b - 1))
                            for a, b in sents]
        sent = [0] * len(starts)
        bounds = [a for a, _ in self.sent_tokens[1:]] + [len(starts)]
        for si in range(1, len(sents)):  # tokens from a sentence's start to the next one's
            sent[bounds[si - 1]:bounds[si]] = [si] * (bounds[si] - bounds[si - 1])
        self.sent = sent

    def token_at(self, offset: int) -> int:
        """Index of the first token starting at or after ``offset``."""
        return bisect_right(self.starts, offset - 1)



def _lowered(text: str) -> str | None:
    """``text.lower()`` when it tokenises as ``text`` does, word for lower-cased word; else None.

    Lower-casing the whole text once is cheaper than lower-casing every token. It is the same
    when every character lower-cases to one character of the same token classes and context
    plays no part: ``str.lower`` looks at context only for the Greek capital sigma, and the
    only character whose lower case leaves a class of ``_TOKEN`` is the Kelvin sign (its
    lower case is the ASCII "k"), which tests/test_quotes_speed.py checks over all of Unicode.

    Examples
    --------
    >>> _lowered("Akazawa SAID")
    'akazawa said'
    >>> _lowered("İstanbul") is None  # "İ" lower-cases to two characters
    True
    """
    flat = text.lower()
    if len(flat) != len(text) or "\u03a3" in text or "\u212a" in text:
        return None
    return flat


@lru_cache(maxsize=8)
def _plain_words(words: frozenset[str]) -> bool:
    """Every word is lower-case ASCII letters only.

    Then a paragraph whose tokens hold none of them yields no statement without quotes,
    the same as one whose ``[a-z]+`` runs hold none (the gate this replaced): such a token
    is a whole ``[a-z]+`` run (tokens end at the end of a run of word characters, and start
    after a character that is not a letter), so a paragraph that passes the token gate
    passes the old one, and one that passes only the old one has no cue among its tokens.
    """
    return all(_LOWER_WORD.fullmatch(w) for w in words)


def _sentence_guesses(text: str) -> list[int]:
    """Offsets of the whitespace before each likely sentence start (0 for the text's own).

    A cheap guess, not Punkt: the name index needs only where sentences begin.

    Examples
    --------
    >>> _sentence_guesses('He left. “We stay,” she said.\\nThe End.')
    [0, 8, 29]
    """
    out = [0] if _SENT_GUESS_HEAD.match(text) else []
    out += [end - 1 for end in map(_M_END, _SENT_GUESS.finditer(text))]  # the space or newline
    return out


def _quote_ids(starts: list[int], quotes: list[_Quote]) -> list[int]:
    """Per token (by start offset), the index of the quote it is inside or a mark of, else -1.

    A token belongs to the first quote whose closing mark is not before it, if that quote has
    opened by then (a quote nested in an earlier, longer one belongs to the outer one).
    Assigned a quote at a time, as slices, rather than a token at a time.
    """
    qid = [-1] * len(starts)
    reach = -1  # the furthest closing mark so far: tokens up to it belong to an earlier quote
    for qi, q in enumerate(quotes):
        if q.close <= reach:
            continue
        a = bisect_left(starts, max(reach + 1, q.open))
        b = bisect_right(starts, q.close)
        if b > a:
            qid[a:b] = [qi] * (b - a)
        reach = q.close
    return qid


@dataclass(slots=True)
class _Found:
    speaker: str
    rule: str
    cue: str
    cue_index: int


class _Extractor:
    """Statements of one article."""

    def __init__(self, text: str, registry: Registry, cues: Cues) -> None:
        self.text = text
        self.cues = cues
        self.vocab = vocabulary()
        self.registry = registry
        self.quoted: list[tuple[int, int]] = []  # spans of the article's quotes (mark_quoted)
        self.flat = _lowered(text)
        # whether the paragraph gate may test tokens for cue words (see paragraph)
        self.token_gate = self.flat is not None and _plain_words(cues.first_words)
        self.out: list[Statement] = []

    def __getattr__(self, name: str) -> ArticleContext:
        """``self.ctx``, the article's name index, built on first use: an article in which
        nothing is resolved or attributed (about one in thirteen of the BBC's) never needs it.
        """
        if name != "ctx":
            raise AttributeError(name)
        ctx = ArticleContext(self.text, self.registry, _sentence_guesses(self.text))
        ctx.mark_quoted(self.quoted)
        self.ctx = ctx  # an attribute from now on: no more calls here
        return ctx

    # -- cues ------------------------------------------------------------------------------
    def _find_cues(self, p: _Para) -> list[tuple[str, str, str, int] | None]:
        low, cap = p.low, p.cap
        single, multi = self.cues.single, self.cues.multi
        out: list[tuple[str, str, str, int] | None] = [None] * len(low)
        first = self.cues.first_words
        # other words start no cue; compress over C maps, not a listcomp over every token
        candidates = list(compress(count(), map(first.__contains__, low)))
        cue_at = []  # the candidates given a cue, in order
        for i in candidates:
            w = low[i]
            if cap[i] and w != "according":
                continue  # "United States", "Post": verbs are not capitalised
            options = multi.get(w)
            if options:
                for parts, (lemma, frame) in options:
                    n = len(parts)
                    if tuple(low[i:i + n]) == parts:
                        out[i] = (" ".join(parts), lemma, frame, i + n - 1)
                        break
                if out[i] is not None:
                    cue_at.append(i)
                    continue
            hit = single.get(w)
            if hit and i > 0 and (low[i - 1] in _DETERMINERS or low[i - 1].endswith(("'s", "’s"))
                                  or (low[i - 1] in ("’", "'") and p.qid[i - 1] < 0)):
                continue  # "the Lib Dems' call", "a report": the noun, not the verb
            if hit:
                out[i] = (w, hit[0], hit[1], i)
                cue_at.append(i)
        p.cue_at = cue_at
        return out

    # -- noun phrases ----------------------------------------------------------------------
    def _is_np_word(self, p: _Para, i: int) -> bool:
        w = p.low[i]
        if p.cap[i]:
            return True
        v = self.vocab
        return (w in _DETERMINERS or w in _NP_ADJ or w in v.org_nouns or w in v.role_nouns
                or w in v.group_nouns or w in ("of", "for", "at", "de", "van", "von", "der", "’s",
                                               "'s", "-", "&"))

    def _is_head(self, p: _Para, i: int) -> bool:
        w = p.low[i]
        v = self.vocab
        if p.cap[i]:
            return w not in _DETERMINERS and w not in ("of", "for", "at")
        return w in v.org_nouns or w in v.role_nouns or w in v.group_nouns

    def _np_left(self, p: _Para, j: int, lo: int) -> tuple[int, int] | None:
        """Token range [i, j] of the noun phrase ending at token j."""
        if j < lo or p.qid[j] >= 0:
            return None
        if p.low[j] in _PRONOUNS:
            return j, j
        if not self._is_head(p, j):
            # "finance ministers of the 12 eurozone countries": the head is before "of"
            for k in range(j - 1, max(lo, j - 7) - 1, -1):
                if p.qid[k] >= 0 or p.low[k] in (",", ";", ":"):
                    return None
                if p.low[k] == "of" and k - 1 >= lo and self._is_head(p, k - 1):
                    rng = self._np_left(p, k - 1, lo)
                    return (rng[0], k - 1) if rng else None
            return None
        i = j
        while i - 1 >= lo and p.qid[i - 1] < 0 and j - i < 12 and (
                self._is_np_word(p, i - 1) or (p.low[i - 1] == "and" and i - 2 >= lo
                                               and p.cap[i - 2] and p.cap[i] and p.cap[j])):
            i -= 1  # "the Finance and Economy Ministry"
        while i < j and (p.low[i] in ("of", "for", "at", "-", "&") or p.low[i] in _NP_OPENERS):
            i += 1
        return i, j

    def _np_right(self, p: _Para, i: int, hi: int) -> tuple[int, int] | None:
        if i >= hi or p.qid[i] >= 0:
            return None
        if p.low[i] in _PRONOUNS:
            return i, i
        j = i
        last_head = -1
        while j < hi and p.qid[j] < 0 and self._is_np_word(p, j) and j - i < 12:
            if p.low[j] == "of" and j - i >= 2 and p.cap[j - 1] and p.cap[j - 2]:
                break  # "Junya Tanase of JPMorgan": the name is the speaker
            if self._is_head(p, j):
                last_head = j
            j += 1
        if last_head < 0:
            return None
        if not p.cap[last_head] and last_head + 2 < hi and p.low[last_head + 1] == "," \
                and p.cap[last_head + 2] and p.qid[last_head + 2] < 0:
            # "said EEF chief economist, Steve Radley": the name after the role
            k = last_head + 2
            while k + 1 < hi and p.cap[k + 1] and p.qid[k + 1] < 0:
                k += 1
            return i, k
        return i, last_head

    def _mention(self, p: _Para, i: int, j: int) -> Mention | None:
        low = p.low
        if i == j and low[i] in _PRONOUNS:
            m = Mention(p.starts[i], p.ends[i], self.text[p.starts[i]:p.ends[i]], "pronoun")
            if i > 0 and (low[i - 1] in (",", "—", "–") or p.qid[i - 1] >= 0):
                # '"...," he said' / 'A, they said': the antecedent is before this sentence
                m.head_pos = p.sents[p.sent[i]][0]
            return m
        full = self.text[p.starts[i]:p.ends[j]]
        v = self.vocab
        if not p.cap[j] or (i == j and (low[j] in v.group_nouns or low[j] in v.org_nouns
                                        or low[j] in v.role_nouns)):
            return Mention(p.starts[i], p.ends[j], full, "description", head=low[j])
        k = j
        while k - 1 >= i and (p.cap[k - 1] or low[k - 1] in ("of", "de", "van", "von", "der",
                                                             "bin", "al", "-", "for", "&")):
            k -= 1
        return Mention(p.starts[i], p.ends[j], full, "name",
                       head=self.text[p.starts[k]:p.ends[j]])

    def _resolve(self, p: _Para, rng: tuple[int, int] | None) -> tuple[str, str] | None:
        """(speaker, rule) for a noun phrase, or None if it is not a speaker at all."""
        if rng is None:
            return None
        m = self._mention(p, *rng)
        if m is None:
            return None
        low = m.text.lower()
        if m.kind == "pronoun":
            if low in ("i", "we"):
                return None  # the writer, outside quotes
            return self.ctx.resolve(m)
        sp = self.registry.lookup(m.text)
        if sp:
            return sp.name, "explicit"
        v = self.vocab
        if m.kind == "name" and " and " in m.text:
            joint = self._joint(m)
            if joint:
                return joint, "explicit"
        if m.kind == "name":
            name = None
            if " of " in m.text:  # "William Corr of the Campaign for ...": the person
                whole = self.ctx.resolve_name(m.text, m.start)
                if whole and self.ctx.is_person(whole):
                    name = whole
            name = name or self.ctx.resolve_name(m.head, m.start) or \
                self.ctx.resolve_name(m.text, m.start)
            role = self.ctx.is_title(m.head)
            if name:
                self.ctx.note_speaker(m.start, m.end, name)
                return name, ("title" if role else "explicit")
            if role:  # "The President said" with no president named: a speaker, unknown
                self.ctx.note_unnamed(m.start)
                return "unknown", "none"
            return None
        # description
        head = m.head
        if head not in v.org_nouns and head not in v.role_nouns and head not in v.group_nouns:
            return None
        first = low.split()[0]
        if first in _POSSESSIVE_PRONOUNS and (head in _SPOKES or head in v.role_nouns):
            # "his report said", "her spokesman said": the person the pronoun stands for
            pron = Mention(m.start, m.start + len(first), _POSSESSIVE_PRONOUNS[first], "pronoun")
            return self.ctx.resolve(pron)
        if head in v.group_nouns or head in _SPOKES:
            words = [w for w in m.text.split()[:-1] if w[:1].isupper()]
            if words:  # "a Shell spokesman", "BBC correspondents", "G7 ministers"
                if words[-1].endswith(("'s", "’s")) and head not in _SPOKES:
                    return "unknown", "none"  # "BT's competitors" are not BT
                name = self.ctx.resolve_name(" ".join(words), m.start)
                if name and (head in _SPOKES or self.ctx.is_org(name)):
                    return name, "explicit"
            elif head in _SPOKESPEOPLE:
                # "a spokeswoman said": for the body the previous sentences are about
                org = self.ctx.subject_before(m.start, kinds=("org",), sentences=2)
                if org:
                    return org, "title"
        found = self.ctx.resolve(m)
        if found[0] == "unknown" and head not in v.group_nouns and head not in v.role_nouns \
                and head not in v.org_nouns:
            return None
        if found[0] == "unknown" and head in v.role_nouns:
            self.ctx.note_unnamed(m.start)  # "he added" after it means this unnamed person
        return found

    def _joint(self, m: Mention) -> str | None:
        """"Airbus and Boeing", "Chancellor Schroeder and President Chirac": both speak.

        A body whose name holds "and" ("Finance and Economy Ministry") stays one speaker.
        """
        whole = self.ctx.resolve_name(m.text, m.start)
        if whole and self.ctx.is_org(whole) and " and " in whole:
            return whole
        left, _, right = m.text.rpartition(" and ")
        a = self.ctx.resolve_name(left, m.start)
        b = self.ctx.resolve_name(right, m.start)
        if a and b and a != b:
            return f"{a} and {b}"
        return None

    # -- speakers of a cue -----------------------------------------------------------------
    def _subject(self, p: _Para, ci: int, lo: int, prev: _Found | None
                 ) -> tuple[tuple[str, str] | None, int]:
        """The speaker left of cue token ``ci``; returns (speaker, first token of the NP)."""
        j = self._skip_left(p, ci - 1, lo)
        if j < lo:
            return None, ci
        w = p.low[j]
        if w in ("and", "but"):
            prev = prev or self._previous_cue(p, ci, lo)
            if prev is not None:
                return (prev.speaker, prev.rule), j
            return None, ci
        if w in ("who", "which") and j - 1 >= lo and p.low[j - 1] == ",":
            j -= 2
        if j >= lo and p.low[j] == "," and p.qid[j] < 0:
            # an appositive between commas: "Richard Katz, a former senior fellow ..., said"
            k = j - 1
            while k >= lo and p.low[k] != "," and p.qid[k] < 0 and j - k < 25:
                k -= 1
            if k >= lo and p.low[k] == "," and k - 1 >= lo:
                rng = self._np_left(p, k - 1, lo)
                inner = self._np_right(p, k + 1, j)
                if inner is not None and p.cap[inner[1]] and (
                        rng is None or not p.cap[rng[1]]):
                    # "Manufacturers' organisation, the EEF, said": the name in the apposition
                    found = self._resolve(p, inner)
                    if found is not None and found[0] != "unknown":
                        return found, inner[0]
                if rng is not None:
                    return self._resolve(p, rng), rng[0]
            return None, ci
        rng = self._np_left(p, j, lo)
        if rng is None:
            return None, ci
        k = rng[0] - 1
        if k - 1 >= lo and p.low[k] == "," and not p.cap[rng[0]] and any(
                p.low[x] in self.vocab.role_nouns for x in range(rng[0], rng[1] + 1)):
            # "Chris Panayis, managing director of ISP Freedom2surf said": the name before
            outer = self._np_left(p, k - 1, lo)
            if outer is not None and p.cap[outer[1]]:
                found = self._resolve(p, outer)
                if found is not None and found[0] != "unknown":
                    return found, outer[0]
        if k - 1 >= lo and p.low[k] in ("in", "at", "from") and p.cap[rng[1]]:
            # "An EU spokesman in Washington dismissed": the place is not the speaker
            outer = self._np_left(p, k - 1, lo)
            if outer is not None and self._resolve(p, outer) is not None:
                return self._resolve(p, outer), outer[0]
        return self._resolve(p, rng), rng[0]

    def _skip_left(self, p: _Para, j: int, lo: int) -> int:
        """Step left over adverbs and time phrases between a subject and its verb."""
        while j >= lo and p.qid[j] < 0:
            w = p.low[j]
            if w in _SKIP_LEFT:
                j -= 1
            elif w in _TIME_WORDS and j - 1 >= lo and p.low[j - 1] in ("in", "on", "last",
                                                                        "this", "earlier"):
                j -= 2
                while j >= lo and p.low[j] in ("in", "on", "only", "earlier"):
                    j -= 1
            else:
                break
        return j

    def _speaker_for(self, p: _Para, ci: int, cend: int, lemma: str, lo: int, hi: int,
                     prev: _Found | None) -> tuple[tuple[str, str] | None, int, int]:
        """Speaker of a cue: its subject, or (inverted) the noun phrase after it.

        Returns (speaker, start token of the attribution, end token of the attribution).
        """
        j = ci - 1
        while j >= lo and p.low[j] in _SKIP_LEFT:
            j -= 1
        progressive = p.low[ci].endswith("ing") and j >= lo and p.low[j] in _BE
        if progressive:  # "is urging": the subject is before the auxiliary
            speaker, first = self._subject(p, j, lo, prev)
            return speaker, first, cend
        if j >= lo and p.low[j] in _BE and lemma not in ("say",):
            # passive "is believed", "were described as": a speaker only after "by"
            k = cend + 1
            while k < hi and p.low[k] not in ("by", ",", ".") and k - cend < 6:
                k += 1
            if k < hi and p.low[k] == "by":
                rng = self._np_right(p, k + 1, hi)
                if rng:
                    return self._resolve(p, rng), ci, rng[1]
            return None, ci, cend
        if j >= lo and p.low[j] in _BE:
            return None, ci, cend  # "is said to"
        if p.low[ci].endswith("ing") and (j < lo or p.low[j] in (",", "—", "–", "-")
                                          or p.qid[j] >= 0):
            prev = prev or self._previous_cue(p, ci, lo)
            if prev is not None:  # "..., adding", "..., saying": the clause's subject
                return (prev.speaker, prev.rule), ci, cend
            return None, ci, cend
        speaker, first = self._subject(p, ci, lo, prev)
        if speaker is not None:
            return speaker, first, cend
        if lemma == "according to" or j < lo or p.low[j] in (",", "—", "–") or p.qid[j] >= 0:
            rng = self._np_right(p, cend + 1, hi)
            if rng:
                return self._resolve(p, rng), ci, rng[1]
        return None, ci, cend

    # -- clauses ---------------------------------------------------------------------------
    def _clause_after(self, p: _Para, cend: int, hi: int, lemma: str, frame: str
                      ) -> tuple[int, int] | None:
        low = p.low
        i = cend + 1
        while i < hi and low[i] in _ADVERBS:
            i += 1
        if lemma == "tell":
            k = i
            while k < hi and (low[k] in _LISTENERS or p.cap[k] or low[k] in ("’s", "'s", "4"))\
                    and k - i < 8 and low[k] != "that":
                k += 1
            i = k
        has_that = False
        if i < hi and low[i] == "that":
            i, has_that = i + 1, True
        elif i < hi and (low[i] in _PREPOSITIONS or low[i] in _ADVERBS or lemma == "tell"):
            for k in range(i, min(hi, i + 12)):
                if low[k] == "that":
                    i, has_that = k + 1, True
                    break
                if low[k] in (",", ";", ":") or p.qid[k] >= 0:
                    break
        if frame == "that" and not has_that:
            return None
        if frame == "quote":
            return None
        if i < hi and low[i] == "," and not has_that:
            return None
        return self._clause_span(p, i, hi)

    def _clause_span(self, p: _Para, i: int, hi: int) -> tuple[int, int] | None:
        low = p.low
        e = hi - 1
        while e >= i and (low[e] in _SENT_END or low[e] in _CLOSING):
            e -= 1
        # only the tokens the tests below look at (any other word passes them all), picked
        # out by a C-level map rather than a Python step per token
        for k in compress(range(i, e + 1), map(_CLAUSE_MARKS.__contains__, low[i:e + 1])):
            w = low[k]
            if w == ";":
                e = k - 1
                break
            if w in ("—", "–", "-") and k > i and k + 1 <= e and (
                    (low[k + 1].endswith("ing") and low[k + 1] not in ("including", "excluding"))
                    or low[k + 1] in ("a", "an")):
                e = k - 1  # "...aluminum—fueling concerns", "...—an allegation Japan denies"
                break
            if w in ("and", "but") and k > i and self._cue_follows(p, k + 1, e + 1):
                e = k - 2 if low[k - 1] == "," else k - 1  # "... and stressed that ..."
                break
            if w == "," and k + 1 <= e:
                nxt = low[k + 1]
                if nxt == "according":
                    e = k - 1
                    break
                if nxt.endswith("ing") and self._cue_follows(p, k + 1, e + 1, "clause"):
                    e = k - 1  # "..., adding ..."
                    break
                if k + 2 <= e and nxt in ("but", "while", "whereas") and p.cap[k + 2] \
                        and low[k + 2] not in _PRONOUNS:
                    e = k - 1
                    break
        if e - i + 1 < 2 or i >= hi:
            return None
        return i, e

    def _cue_follows(self, p: _Para, k: int, hi: int, frame: str = "") -> bool:
        """A reporting verb starts at token k (after adverbs): a new statement begins."""
        while k < hi and p.low[k] in _SKIP_LEFT:
            k += 1
        if k >= hi or p.qid[k] >= 0:
            return False
        hit = p.cues[k]
        return hit is not None and (not frame or hit[2] == frame)

    # -- statements ------------------------------------------------------------------------
    def _emit(self, start: int, end: int, kind: str, found: tuple[str, str] | None, cue: str,
              p: _Para, si0: int, si1: int) -> None:
        speaker, rule = found if found else ("unknown", "none")
        self.out.append(Statement(start, end, kind, speaker, cue, rule,
                                  p.sents[si0][0], p.sents[si1][1]))
        if speaker != "unknown":
            # the speaker is what the sentence is about: a later "he"/"it" most likely means them
            self.ctx.note_topic(p.sents[si1][0], speaker)

    def paragraph(self, lo: int, hi: int, para_index: int, last: Statement | None,
                  last_para: int, quotes: list[_Quote]) -> None:
        text = self.text
        parts = None
        if self.token_gate:
            # the paragraph's tokens are split here, before the gate: most paragraphs pass
            # it and need them, and a cue word among them is what the gate asks for
            parts = _TOKEN_SPLIT.split(self.flat[lo:hi])
            if not quotes and self.cues.first_words.isdisjoint(parts[1::2]):
                return
        elif not quotes and self.cues.first_words.isdisjoint(
                _LOWER_WORD.findall(text[lo:hi].lower()) if self.flat is None
                else _LOWER_WORD.findall(self.flat, lo, hi)):
            return
        p = _Para(text, lo, hi, quotes, None, self.flat, parts)
        p.cues = self._find_cues(p)  # from the tokens alone, before the sentences
        if not quotes and not p.cue_at:
            # only a quote or a cue yields a statement (_reported starts from p.cue_at), and
            # no cue was found, whatever the sentences: Punkt need not split this paragraph
            return
        sents = paragraph_sentences(text, lo, hi)
        if not sents:
            return
        p.set_sentences(sents)
        used: set[int] = set()  # cue tokens already spent on a quote
        names = {qi for qi, q in enumerate(quotes) if _is_name_of_thing(text[q.start:q.end])}
        if names:  # names of things read as ordinary words
            p.qid = [-1 if qi in names else qi for qi in p.qid]
        before = len(self.out)
        for qi, q in enumerate(quotes):
            if qi in names:
                continue
            self._quote(p, qi, q, used)
        self._reported(p, used)
        if len(self.out) == before:
            return  # nothing found: nothing to order or continue
        # keep reading order
        if len(self.out) > before + 1:
            self.out[before:] = sorted(self.out[before:], key=lambda s: s.start)
        # continuations take the speaker of the statement before them in this paragraph; at
        # the paragraph's start, a quote attributed later in the same paragraph ('“A. “B,” said
        # X') comes before the previous paragraph's speaker
        prev = last if last_para >= para_index - 1 else None
        mine = self.out[before:]
        kept = self.out[:before]
        following: list[Statement | None] = [None] * len(mine)  # next attributed direct quote
        nxt = None
        for n in range(len(mine) - 1, -1, -1):
            following[n] = nxt
            if mine[n].kind == "direct" and mine[n].attribution != "continuation":
                nxt = mine[n]
        for n, st in enumerate(mine):
            if st.attribution == "continuation" and not st.speaker:
                source = kept[-1] if len(kept) > before else None
                if source is None:
                    source = following[n] or prev
                if source is None or source.speaker in ("", "unknown"):
                    continue  # no statement to continue: not attributed, not a guess
                st.speaker, st.cue = source.speaker, source.cue
            kept.append(st)
        self.out = kept

    def _quote(self, p: _Para, qi: int, q: _Quote, used: set[int]) -> None:
        t_open = p.token_at(q.open)
        t_close = p.token_at(q.close) if q.closed else len(p.starts)
        si0 = p.sent[t_open] if t_open < len(p.starts) else len(p.sents) - 1
        si1 = p.sent[min(t_close, len(p.starts) - 1)] if p.starts else si0
        lo, hi = p.sent_tokens[si0][0], p.sent_tokens[si1][1]
        qid = p.qid
        # the tokens outside quotes, by C-level maps ((0).__gt__(x) is x < 0)
        pre = list(compress(range(lo, t_open), map(_NEGATIVE, qid[lo:t_open])))
        post_end = hi
        for t in range(t_close + 1, hi):
            if qid[t] >= 0 and qid[t] != qi:
                post_end = t
                break
        post = list(compress(range(t_close + 1, post_end),
                             map(_NEGATIVE, qid[t_close + 1:post_end])))
        low = p.low
        # only whether there is one (low[t][0].isalnum() for any t, by C-level maps)
        pre_words = any(map(str.isalnum, map(_FIRST, map(low.__getitem__, pre))))
        found: _Found | None = None
        # cue after the quote: '"...," he said' / '"..." said Mr X'
        if not pre_words or not self._find_cue(p, pre, lo, hi):
            found = self._cue_in(p, post[:10], lo, hi, used)
        if found is None:
            found = self._cue_in(p, list(reversed(pre)), lo, hi, used)
        if found is None and not pre_words:
            found = self._cue_in(p, post, lo, hi, used)
        starts_sentence = not pre_words
        inner = self.text[q.start:q.end]
        kind = "direct"
        if pre_words:
            last_pre = p.low[pre[-1]]
            # pre ascends, so some t in pre is at or after the cue exactly when pre[-1] is
            cue_near = found is not None and found.cue_index >= 0 and \
                0 <= pre[-1] - found.cue_index <= 12
            if not (last_pre == ":" or (last_pre == "," and cue_near)
                    or (cue_near and pre[-1] == found.cue_index and inner[:1].isupper())):
                kind = "partial"
        if kind == "partial" and not q.closed:
            kind = "direct"
        if found is not None:
            self._emit(q.start, q.end, kind, (found.speaker, found.rule), found.cue, p, si0, si1)
            return
        # no cue: a quote that continues the previous statement (same or previous paragraph);
        # its speaker is filled in once the paragraph's reported speech is known
        if starts_sentence and kind == "direct":
            self.out.append(Statement(q.start, q.end, "direct", "", "", "continuation",
                                      p.sents[si0][0], p.sents[si1][1]))

    def _find_cue(self, p: _Para, tokens: list[int], lo: int, hi: int) -> bool:
        return any(map(p.cues.__getitem__, tokens))  # a cue at any of them, by a C-level map

    def _cue_in(self, p: _Para, tokens: list[int], lo: int, hi: int, used: set[int]
                ) -> _Found | None:
        prev = None
        cues = p.cues
        for t in tokens:
            hit = cues[t]
            if not hit:
                continue
            surface, lemma, _frame, cend = hit
            speaker, _, _ = self._speaker_for(p, t, cend, lemma, lo, hi,
                                              self._previous_cue(p, t, lo))
            if speaker is None and self._unnamed_subject(p, t, lo):
                speaker = ("unknown", "none")  # '"...," the former monopoly said'
            if speaker is None:
                continue
            used.update(range(t, cend + 1))
            prev = _Found(speaker[0], speaker[1], surface, t)
            return prev
        return None

    def _unnamed_subject(self, p: _Para, t: int, lo: int) -> bool:
        """A determiner-led noun phrase right before cue t ("the former monopoly said")."""
        j = self._skip_left(p, t - 1, lo)
        k = j
        while k >= lo and j - k < 4 and p.qid[k] < 0 and not p.cap[k] \
                and p.low[k][0].isalpha() and p.low[k] not in _PRONOUNS:
            if p.low[k] in ("the", "a", "an") and k < j:
                return True
            k -= 1
        return False

    def _previous_cue(self, p: _Para, t: int, lo: int) -> _Found | None:
        """The speaker of an earlier cue in the same sentence (for "and expressed", "adding")."""
        # the tokens that start a cue in [lo, t), last first: no other token has a hit
        at = p.cue_at
        for k in reversed(at[bisect_left(at, lo):bisect_left(at, t)]):
            if p.qid[k] >= 0:
                continue
            hit = p.cues[k]
            if hit[3] < t:
                sp, _, _ = self._speaker_for(p, k, hit[3], hit[1], lo, t, None)
                if sp is not None:
                    return _Found(sp[0], sp[1], hit[0], k)
        # the subject of the sentence: "The Trump administration has ..., emphasizing ..."
        rng = self._np_right(p, lo, t)
        if rng is not None and rng[0] == lo:
            sp = self._resolve(p, rng)
            if sp is not None and sp[0] != "unknown":
                return _Found(sp[0], sp[1], "", -1)
        return None

    def _reported(self, p: _Para, used: set[int]) -> None:
        covered = bytearray(len(p.low))  # tokens already inside a reported statement
        cues, at = p.cues, p.cue_at  # only a cue can start a reported statement
        if not at:
            return
        # only sentences that hold a cue: a cue inside sentence si's tokens has p.sent == si
        # (sentences do not overlap), so no other sentence has anything to report
        for si in dict.fromkeys(map(p.sent.__getitem__, at)):  # in order, as ``at`` is
            lo, hi = p.sent_tokens[si]
            if lo >= hi:
                continue
            t = lo
            prev: _Found | None = None
            for c in at[bisect_left(at, lo):bisect_left(at, hi)]:
                if c < t or p.qid[c] >= 0 or c in used or covered[c]:
                    continue
                t = c
                surface, lemma, frame, cend = cues[t]
                stmt = self._reported_one(p, t, cend, surface, lemma, frame, lo, hi, si, prev)
                if stmt is not None:
                    (c0, c1), found = stmt
                    covered[c0:c1 + 1] = b"\x01" * (c1 + 1 - c0)
                    prev = found
                t = cend + 1

    def _source(self, p: _Para, i: int, k: int) -> tuple[str, str] | None:
        """The speaker named in tokens [i, k) after "according to"."""
        rng = self._np_right(p, i, k)
        speaker = self._resolve(p, rng) if rng else None
        if speaker is not None and speaker[1] == "explicit":
            return speaker
        caps = [x for x in range(i, k) if p.cap[x]]
        if caps:  # "a report from the British Retail Consortium", "data from the US Treasury"
            rng2 = self._np_left(p, caps[-1], i)
            found = self._resolve(p, rng2) if rng2 else None
            if found is not None and found[0] != "unknown":
                return found
        return speaker

    def _reported_one(self, p: _Para, t: int, cend: int, surface: str, lemma: str, frame: str,
                      lo: int, hi: int, si: int, prev: _Found | None):
        low = p.low
        if frame == "quote":
            return None
        if frame == "according":
            # "according to X, A" / "A, according to X"
            k = cend + 1
            while k < hi and low[k] not in (",", ".", ";") and p.qid[k] < 0 and k - cend < 16:
                k += 1  # the end of "according to a report earlier this week from the BRC,"
            speaker = self._source(p, cend + 1, k)
            if speaker is None:
                return None
            if t == lo or (t - 1 >= lo and low[t - 1] in (",", "(")) and k < hi and low[k] == ",":
                if t > lo and low[t - 1] == ",":  # "A, according to X, B": take A
                    span = self._clause_span(p, lo, t - 1)
                else:
                    span = self._clause_span(p, k + 1, hi)
            elif t > lo and low[t - 1] == ",":
                span = self._clause_span(p, lo, t - 1)
            else:
                return None
            if span is None or any(map(_IN_QUOTE, p.qid[span[0]:span[1] + 1])):
                return None
            self._emit_tokens(p, span, "indirect", speaker, surface, si)
            return span, _Found(speaker[0], speaker[1], surface, t)
        speaker, a0, a1 = self._speaker_for(p, t, cend, lemma, lo, hi, prev)
        if speaker is None:
            return None
        # "A, Mr Brown said (on Monday)." : the statement is before the attribution
        k = a0 - 1
        after = max(a1, cend) + 1
        if lemma == "tell":
            while after < hi and (low[after] in _LISTENERS or p.cap[after]) and low[after] != ",":
                after += 1
        if k > lo and low[k] in (",", "—", "–"):
            before = self._clause_span(p, lo, k)
            ok = before is not None and not any(
                map(_IN_QUOTE, p.qid[before[0]:before[1] + 1]))
            # the first word after the attribution, if any (only it is looked at)
            rest = next((x for x in range(after, hi) if low[x][0].isalnum()), None) \
                if ok else None
            if ok and (rest is None or (low[rest] in _PREPOSITIONS
                                        and "that" not in low[after:hi])):
                self._emit_tokens(p, before, "indirect", speaker, surface, si)
                return before, _Found(speaker[0], speaker[1], surface, t)
            if ok and after < hi and low[after] == ",":
                # "A, they said, but B": the attribution splits the statement in two
                self._emit_tokens(p, before, "indirect", speaker, surface, si)
                tail = self._clause_span(p, after + 1, hi)
                if tail is not None and not any(map(_IN_QUOTE, p.qid[tail[0]:tail[1] + 1])):
                    self._emit_tokens(p, tail, "indirect", speaker, surface, si)
                    return (before[0], tail[1]), _Found(speaker[0], speaker[1], surface, t)
                return before, _Found(speaker[0], speaker[1], surface, t)
        end_from = max(cend, a1)  # after "said Mr X" or the agent of "was welcomed by X"
        span = self._clause_after(p, end_from, hi, lemma, frame)
        if span is None:
            return None
        if frame == "object":  # "condemned the document, which the Foreign Office says ..."
            rel = next((k for k in range(span[0], span[1]) if low[k] == ","
                        and low[k + 1] in ("which", "who", "whom", "whose")), None)
            if rel is not None:
                span = (span[0], rel - 1)
        if a0 - 1 >= lo and low[a0 - 1] in _SUBORDINATORS:
            # "Since April 2, when Trump announced X, Japan has ...": X ends at the comma
            comma = next((k for k in range(span[0], span[1]) if low[k] == ","
                          and (p.cap[k + 1] or low[k + 1] in _PRONOUNS)), None)
            if comma is not None:
                if comma - span[0] < 2:
                    return None
                span = (span[0], comma - 1)
        if frame == "object" and span[1] - span[0] < 4 and low[span[0]] in _ANAPHORIC:
            return None  # "welcomed the move", "dismissed the US complaint": nothing new said
        if any(map(_IN_QUOTE, p.qid[span[0]:span[1] + 1])):
            return None  # it holds a quote: the quote is the statement
        self._emit_tokens(p, span, "indirect", speaker, surface, si)
        return span, _Found(speaker[0], speaker[1], surface, t)

    def _emit_tokens(self, p: _Para, span: tuple[int, int], kind: str, speaker: tuple[str, str],
                     cue: str, si: int) -> None:
        start, end = p.starts[span[0]], p.ends[span[1]]
        self._emit(start, end, kind, speaker, cue, p, si, si)


def extract_statements(text: str, *, registry: Registry | None = None,
                       cues: Cues | None = None) -> list[Statement]:
    """Statements of one article's cleaned text, in reading order.

    Examples
    --------
    >>> [s.speaker for s in extract_statements('“We are ready,” Akazawa said.')]
    ['Ryosei Akazawa']
    """
    ex = _Extractor(text, registry or load_registry(), cues or load_cues())
    paras = paragraph_spans(text)
    quotes = []
    may_open = _MAY_OPEN.search
    for lo, hi in paras:
        quotes.append(find_quote_spans(text, lo, hi) if may_open(text, lo, hi) else [])
    ex.quoted = [(q.start, q.end) for qs in quotes for q in qs]
    last: Statement | None = None
    last_para = -10
    for n, (lo, hi) in enumerate(paras):
        before = len(ex.out)
        ex.paragraph(lo, hi, n, last, last_para, quotes[n])
        if len(ex.out) > before:
            last, last_para = ex.out[-1], n
    return ex.out


def _side(reg: Registry, speaker: str) -> str:
    """The registry side; joint speakers ("A and B") have a side when both share it."""
    side = reg.side(speaker)
    if side == "unknown" and " and " in speaker and speaker not in reg:
        sides = {reg.side(part) for part in speaker.split(" and ")}
        if len(sides) == 1:
            return sides.pop()
    return side


def _as_articles(articles: pd.DataFrame | str | Iterable[str]) -> pd.DataFrame:
    if isinstance(articles, pd.DataFrame):
        if "text" not in articles.columns:
            raise ValueError("extract_quotes needs a 'text' column (see stance.load_corpus)")
        return articles
    if isinstance(articles, str):
        articles = [articles]
    texts = list(articles)
    return pd.DataFrame({
        "article_id": [f"text-{i}" if len(texts) > 1 else "text" for i in range(len(texts))],
        "date": pd.Series([pd.NaT] * len(texts), dtype="datetime64[ns]"),
        "text": texts,
    })


def empty_quotes() -> pd.DataFrame:
    """An empty quotes table with the right columns and dtypes."""
    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in QUOTE_DTYPES.items()})


def extract_quotes(articles: pd.DataFrame | str | Iterable[str], *,
                   registry: str | Path | Registry | None = None,
                   cues: str | Path | None = None) -> pd.DataFrame:
    """Find every attributed statement and its speaker.

    Parameters
    ----------
    articles : DataFrame, str or iterable of str
        The articles frame of :func:`stance.load_corpus` (``article_id``, ``date``, ``text``),
        or raw article text(s).
    registry : path or Registry, optional
        A speaker registry TOML file of your own (default: the packaged seed-study registry).
    cues : path, optional
        A reporting-cue CSV of your own (``form,lemma,frame``).

    Returns
    -------
    pandas.DataFrame
        One row per statement in reading order, with the columns of
        :data:`stance.types.QUOTE_COLUMNS`; ``text[start:end]`` of the article is the
        statement.

    Examples
    --------
    >>> q = extract_quotes('Ishiba said Japan would not rush to reach an agreement.')
    >>> q[["speaker", "side", "kind", "text"]].values.tolist()
    [['Shigeru Ishiba', 'Japan', 'indirect', 'Japan would not rush to reach an agreement']]
    """
    frame = _as_articles(articles)
    reg = load_registry(registry)
    cue_table = load_cues(cues)
    records: list[tuple] = []  # one tuple per statement, in the order of _ROW
    sides: dict[str, str] = {}  # a speaker's side, looked up once
    ids = frame["article_id"].tolist() if "article_id" in frame else list(range(len(frame)))
    dates = frame["date"].tolist() if "date" in frame else [pd.NaT] * len(frame)
    with paused_gc():
        for aid, date, text in zip(ids, dates, frame["text"].tolist(), strict=True):
            if not isinstance(text, str) or not text:
                continue
            for s in extract_statements(text, registry=reg, cues=cue_table):
                side = sides.get(s.speaker)
                if side is None:
                    side = sides[s.speaker] = _side(reg, s.speaker)
                records.append((aid, date, s.speaker, side, s.kind, text[s.start:s.end],
                                s.start, s.end, s.cue, s.attribution,
                                text[s.sent_start:s.sent_end]))
        if not records:
            return empty_quotes()
        # the frame is built before the collector resumes, and the rows are gone by then:
        # else its first collections walk one tuple per statement, twice over
        columns = dict(zip(_ROW, map(list, zip(*records, strict=True)), strict=True))
        del records
        return _quote_frame({c: columns[c] for c in QUOTE_COLUMNS})


# The fields of extract_quotes' statement tuples, by name (QUOTE_COLUMNS gives the frame's order).
_ROW = ("article_id", "date", "speaker", "side", "kind", "text", "start", "end", "cue",
        "attribution", "sentence")


# Columns that hold only Python str made here (never None): no dtype to infer.
_STR_COLUMNS = frozenset({"speaker", "side", "kind", "text", "cue", "attribution", "sentence"})


def _quote_frame(rows: dict[str, list]) -> pd.DataFrame:
    """``pd.DataFrame(rows).astype(QUOTE_DTYPES)``, without inferring a dtype for the string
    columns only to convert them back to object (most of that call's time): those become
    object arrays directly; the columns that come from the caller (``article_id``,
    ``date``) go through the same inference and conversion as before."""
    cols: dict[str, pd.Series] = {}
    for c, values in rows.items():
        dtype = QUOTE_DTYPES[c]
        if c in _STR_COLUMNS and dtype == "object":
            arr = np.empty(len(values), dtype=object)
            arr[:] = values
            cols[c] = pd.Series(arr, dtype=object, copy=False)
        elif dtype == "int64" and c in ("start", "end"):
            cols[c] = pd.Series(np.array(values, dtype=np.int64), copy=False)
        else:
            cols[c] = pd.Series(values).astype(dtype)
    return pd.DataFrame(cols, copy=False)
