"""Tone, caution and optimism of a statement: VADER with a trade-diplomacy layer on top.

VADER (Hutto & Gilbert 2014) reads news with a social-media ear: "United States" and "interest
rates" sound warm, "constructive" and "retaliation" are unknown words, negation reaches only
three words back, and "but" is handled once per text. The layer keeps VADER's lexicon, its
human-rated intensities and its rules for boosters, capitals, "least" and punctuation, and
changes only these, each visible in :func:`explain`:

- **domain lexicon** (``stance/data/tone_lexicon.csv``): trade-diplomacy words VADER lacks or
  misreads, and multi-word phrases matched as one unit ("trade war", "United States");
- **negation scope**: a negator ("not", "n't", "nor", "no", "never", "without", ...) reaches
  to the end of its clause (punctuation or a clause word such as "but", "because", "which"),
  the punctuation baseline of Councill, McDonald & Velikovich (2010) with NegEx termination
  terms (Chapman et al. 2001); pseudo-negations ("no doubt", "not only") negate nothing;
- **refusal**: a negation whose scope holds a refusal cue ("would not rush", "nor make ...
  concessions") is labelled a refusal, and adds to caution;
- **contrast** at clause level: after "but", "however", "nevertheless", "yet" the following
  clause weighs 1.5 and the one before 0.5 (VADER's weights), and a concessive clause
  ("although", "though", "despite") weighs 0.5 against 1.5 for the rest of its sentence;
- **caution** and **optimism** (0..1) from cue lists (hedges, conditions, refusals, words of
  caution; progress, hope, confidence, a deal in sight), combined as independent evidence.

Typographic quotes, dashes and ellipses are normalised first (one character for one), since
VADER keeps a word glued to a curly quote mark ("optimistic,”") out of its lexicon.
"""

from __future__ import annotations

import math
import re
import string
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from vaderSentiment.vaderSentiment import (
    BOOSTER_DICT,
    C_INCR,
    N_SCALAR,
    NEGATE,
    SPECIAL_CASES,
    SentimentIntensityAnalyzer,
    scalar_inc_dec,
)

from .resources import read_lines, read_table
from .types import SCORE_COLUMNS

__all__ = [
    "EXPLAIN_COLUMNS",
    "STANCE_RULE",
    "ToneScorer",
    "explain",
    "make_scorer",
    "score_quotes",
    "score_text",
    "score_vader",
    "stance_label",
    "vader_analyzer",
]

Scorer = Callable[[str], Mapping[str, Any]]

#: Columns of :func:`explain`.
EXPLAIN_COLUMNS: list[str] = [
    "token", "start", "end", "score", "rule", "trigger", "value", "vader_value", "contribution",
]  # fmt: skip

#: The stance label rule, applied in this order (see :func:`stance_label`).
STANCE_RULE = (
    "critical if tone <= -0.6, or tone <= -0.3 with caution < 0.4; "
    "optimistic if optimism >= 0.4 and optimism >= caution and tone > -0.05; "
    "cautious if caution >= 0.4; "
    "optimistic if tone >= 0.5; "
    "neutral otherwise"
)

_ALPHA = 15.0  # VADER's normalisation constant
_FOCUS = 0.5  # a word this strong (VADER scale) is the focus of a negation past VADER's reach
_PUNCT = string.punctuation
_TYPO = str.maketrans({
    "“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"',
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "‹": "'", "›": "'",
    "…": ".", "\u2014": " ", "\u2013": " ",
})  # fmt: skip
_DASHES = ("\u2014", "\u2013")
_TOKEN = re.compile(r"\S+")
_PUNCT_SET = frozenset(_PUNCT)
_CLAUSE_PUNCT = frozenset(",;:.!?")
_SENT_PUNCT = frozenset(".!?")

# Negators: VADER's list, less "despite" (a concession, handled as contrast), plus "no".
_VADER_NEGATE = frozenset(NEGATE)
_APPROX_NEGATORS = frozenset("little few hardly barely scarcely".split())
_NEGATORS = frozenset(w for w in NEGATE if w != "despite") | {"no", "unlikely"} | _APPROX_NEGATORS
_VERB_NEGATORS = frozenset(
    "refuse refuses refused refusing decline declines declined declining fail fails failed"
    " failing".split()
)
# Pseudo-negations (NegEx): a negator followed by these words negates nothing.
_PSEUDO = {
    "no": {("doubt",), ("wonder",)},
    "not": {("only",), ("just",), ("merely",), ("least",), ("to", "mention")},
    "nothing": {("but",)},
    "never": {("so",), ("this",)},
    "without": {("doubt",), ("a", "doubt")},
}
# Words that end a negation's scope (NegEx termination terms and clause openers).
_TERMINATORS = frozenset(
    "but however although though whereas while because since unless except nevertheless"
    " nonetheless which who whom whose where when whether".split()
)
_SUBJECTS = frozenset("i we you he she they it this there".split())
# Contrast markers: forward ones weight what follows; concessive ones weight their own clause down.
_FORWARD = frozenset("but however nevertheless nonetheless yet".split())
_CONCESSIVE = frozenset("although though despite whereas notwithstanding".split())
_MARKERS = _FORWARD | _CONCESSIVE
_BUT_NOT_AFTER = frozenset("all nothing anything".split())  # "all but", "anything but"
_YET_TIME_BEFORE = frozenset("has have had is are was were as be been".split()) | _NEGATORS
_YET_TIME_AFTER = frozenset("to another again more".split())


# ---------------------------------------------------------------------------------- loading


@lru_cache(maxsize=1)
def vader_analyzer() -> SentimentIntensityAnalyzer:
    """vaderSentiment's analyzer, built once per process (it parses a 7,500-word lexicon).

    Examples
    --------
    >>> vader_analyzer().polarity_scores("good")["compound"] > 0
    True
    """
    return SentimentIntensityAnalyzer()


def score_vader(text: str) -> dict[str, float]:
    """Raw VADER, for comparison: ``tone`` (its compound), ``pos``, ``neu``, ``neg``.

    Examples
    --------
    >>> score_vader("The talks were frank and constructive.")["tone"]
    0.0
    """
    vs = vader_analyzer().polarity_scores(text)
    return {"tone": vs["compound"], "pos": vs["pos"], "neu": vs["neu"], "neg": vs["neg"]}


def _words(term: str) -> tuple[str, ...]:
    """A lexicon or cue term as the tokens the scorer sees (VADER's punctuation stripping)."""
    out = []
    for raw in term.translate(_TYPO).lower().split():
        stripped = raw.strip(_PUNCT)
        out.append(stripped if len(stripped) > 2 or stripped.isalnum() else raw)
    return tuple(out)


@dataclass(frozen=True)
class _Entry:
    """One lexicon entry or cue: its words, value, category, when it counts, and why."""

    words: tuple[str, ...]
    value: float
    category: str
    when: str
    why: str


class _PhraseIndex:
    """Longest-match lookup of entries by their first word."""

    def __init__(self, entries: Iterable[_Entry]) -> None:
        first: dict[str, list[_Entry]] = {}
        for e in entries:
            first.setdefault(e.words[0], []).append(e)
        for lst in first.values():
            lst.sort(key=lambda e: -len(e.words))
        self.first = first

    def match(self, lw: list[str], i: int) -> _Entry | None:
        cands = self.first.get(lw[i])
        if cands is None:
            return None
        n = len(lw)
        for e in cands:
            k = len(e.words)
            if i + k <= n and (k == 1 or tuple(lw[i : i + k]) == e.words):
                return e
        return None


def _number(value: str, where: str, column: str) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{where}: {column} {value!r} is not a number") from None


def _load_lexicon(source: str | Path | Mapping[str, float] | None) -> list[_Entry]:
    if isinstance(source, Mapping):
        return [_Entry(_words(t), float(v), "user", "any", "mapping") for t, v in source.items()]
    where = str(source) if source is not None else "stance/data/tone_lexicon.csv"
    rows = read_table(source, "tone_lexicon.csv")
    if rows and not {"term", "valence"} <= set(rows[0]):
        raise ValueError(f"{where}: a lexicon needs columns 'term' and 'valence'")
    return [
        _Entry(_words(r["term"]), _number(r["valence"], where, "valence"),
               r.get("category") or "", "any", r.get("why") or r.get("source") or "")
        for r in rows if (r.get("term") or "").strip()
    ]  # fmt: skip


def _load_cues(source: str | Path | None, default: str) -> list[_Entry]:
    where = str(source) if source is not None else f"stance/data/{default}"
    rows = read_table(source, default)
    if rows and not {"cue", "weight"} <= set(rows[0]):
        raise ValueError(f"{where}: a cue list needs columns 'cue' and 'weight'")
    out = []
    for r in rows:
        if not (r.get("cue") or "").strip():
            continue
        w = _number(r["weight"], where, "weight")
        if not 0 <= w < 1:
            raise ValueError(f"{where}: weight of {r['cue']!r} must be in [0, 1), got {w}")
        when = (r.get("when") or "any").strip()
        if when not in ("any", "affirmed", "negated"):
            raise ValueError(f"{where}: 'when' of {r['cue']!r} must be any, affirmed or negated")
        category, source_note = r.get("category") or "", r.get("source") or ""
        out.append(_Entry(_words(r["cue"]), w, category, when, source_note))
    return out


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    return frozenset(read_lines(None, "abbreviations.txt"))


@lru_cache(maxsize=1)
def _emoji_chars() -> frozenset[str]:
    """The emoji VADER rewrites (it looks at one character at a time)."""
    return frozenset(k for k in vader_analyzer().emojis if len(k) == 1)


# ---------------------------------------------------------------------------------- analysis


@dataclass
class _Tokens:
    """The words VADER would see (``items``), lower-cased (``lw``), and their raw forms."""

    items: list[str]
    lw: list[str]
    raws: list[str]
    text: str  # what VADER's punctuation rules read (after emoji and typography rewrites)
    orig: str  # the caller's text, which offsets index
    offs: list[int] | None  # offset in ``orig`` of each character of ``text``, if they differ
    _flags: tuple[list[bool], list[bool]] | None = None

    @property
    def flags(self) -> tuple[list[bool], list[bool]]:
        """Per token: does a clause end after it, does a sentence end after it."""
        if self._flags is None:
            self._flags = _boundaries(self)
        return self._flags

    def spans(self) -> list[tuple[int, int]]:
        """Character offsets of each item in the caller's text."""
        out = []
        for m, item in zip(_TOKEN.finditer(self.text), self.items, strict=True):
            raw = m.group()
            s = m.start() + (raw.index(item) if item != raw else 0)
            out.append((s, s + len(item)))
        if self.offs is not None:
            out = [(self.offs[s], self.offs[e - 1] + 1) for s, e in out]
        return out


def _tokenize(text: str, domain: bool) -> _Tokens:
    """Split like VADER: on whitespace, then strip punctuation off words longer than two.

    Under domain rules short words are stripped too ("no," is "no"), and typographic quotes,
    ellipses and dashes are normalised one character for one.
    """
    orig, offs = text, None
    if not text.isascii():
        if not _emoji_chars().isdisjoint(text):
            text, offs = _demoji(text)
        if domain:
            text = text.translate(_TYPO)
    raws = text.split()
    items = []
    for r in raws:
        s = r.strip(_PUNCT)
        items.append(s if len(s) > 2 or (domain and s.isalnum()) else r)
    return _Tokens(items, [w.lower() for w in items], raws, text, orig, offs)


def _boundaries(t: _Tokens) -> tuple[list[bool], list[bool]]:
    """Clause and sentence ends: punctuation after a word, a dash between words."""
    n = len(t.raws)
    clause, sent = [False] * n, [False] * n
    abbrev = _abbreviations()
    for k, (raw, item) in enumerate(zip(t.raws, t.items, strict=True)):
        if raw[-1] not in _PUNCT_SET:
            continue
        tail = raw[len(raw.rstrip(_PUNCT)) :]
        if not _SENT_PUNCT.isdisjoint(tail) and not (
            tail[0] == "." and ("." in item or item.lower().rstrip(".") in abbrev)
        ):
            sent[k] = clause[k] = True
        elif not _CLAUSE_PUNCT.isdisjoint(tail):
            clause[k] = True
        if raw.strip("-") == "" and len(raw) <= 3:  # a free-standing hyphen used as a dash
            clause[k] = True
            if k:
                clause[k - 1] = True
    if t.offs is None and any(d in t.orig for d in _DASHES):
        spans = [m.span() for m in _TOKEN.finditer(t.text)]
        for k in range(n - 1):
            gap = t.orig[spans[k][1] : spans[k + 1][0]]
            if any(d in gap for d in _DASHES):
                clause[k] = True
    return clause, sent


def _demoji(text: str) -> tuple[str, list[int]]:
    """VADER's emoji-to-description rewrite, keeping each character's original offset."""
    emojis = vader_analyzer().emojis
    out: list[str] = []
    offs: list[int] = []
    prev_space = True
    for pos, ch in enumerate(text):
        if ch in emojis:
            desc = emojis[ch]
            if not prev_space:
                out.append(" ")
                offs.append(pos)
            out.append(desc)
            offs.extend([pos] * len(desc))
            prev_space = False
        else:
            out.append(ch)
            offs.append(pos)
            prev_space = ch == " "
    return "".join(out), offs


def _is_negator(lw: list[str], i: int) -> bool:
    """A negator, unless part of a pseudo-negation ("no doubt", "not only").

    "Refused to", "declined to", "failed to" negate the verb they govern ("refuses to accept"
    is "does not accept"); so do the approximate negators "little", "few", "hardly", "barely",
    "scarcely" ("showed little willingness"), but not "a little" or "a few".
    """
    w = lw[i]
    if w in _VERB_NEGATORS:
        return i + 1 < len(lw) and lw[i + 1] == "to"
    if w in _APPROX_NEGATORS:  # "little willingness", but not "a little progress"
        return not (i and lw[i - 1] == "a")
    if w not in _NEGATORS and "n't" not in w:
        return False
    pseudo = _PSEUDO.get(w)
    if pseudo and (tuple(lw[i + 1 : i + 2]) in pseudo or tuple(lw[i + 1 : i + 3]) in pseudo):
        return False
    return not (w == "not" and i and lw[i - 1] in ("or", "if"))


def _contrast_yet(lw: list[str], i: int) -> bool:
    """True when "yet" means "but", not "so far" ("not yet", "has yet to")."""
    if i == 0 or lw[i - 1] in _YET_TIME_BEFORE or "n't" in lw[i - 1]:
        return False
    return not (i + 1 < len(lw) and lw[i + 1] in _YET_TIME_AFTER)


def _negation_scopes(t: _Tokens) -> list[int]:
    """For each token, the index of the negator whose scope holds it, or -1.

    A scope runs from its negator to the end of the clause: punctuation, a dash, a clause word
    ("but", "because", "which", ...), or "and"/"or" before a new subject.
    """
    lw, n = t.lw, len(t.lw)
    clause_end = t.flags[0]
    scope = [-1] * n
    owner = -1
    for i in range(n):
        w = lw[i]
        if owner >= 0 and (
            (w in _TERMINATORS and (w != "yet" or _contrast_yet(lw, i)))
            or (w in ("and", "or") and i + 1 < n and lw[i + 1] in _SUBJECTS)
        ):
            owner = -1
        scope[i] = owner
        if _is_negator(lw, i):
            owner = i
        if clause_end[i]:
            owner = -1
    return scope


def _is_forward(lw: list[str], i: int) -> bool:
    """True for a contrast word that shifts weight to what follows ("but", not "but also")."""
    w = lw[i]
    if w not in _FORWARD:
        return False
    if w == "yet":
        return _contrast_yet(lw, i)
    if w == "but":
        nxt = lw[i + 1] if i + 1 < len(lw) else ""
        return nxt != "also" and (i == 0 or lw[i - 1] not in _BUT_NOT_AFTER)
    return True


def _contrast_weights(t: _Tokens) -> tuple[list[float], list[int]]:
    """Clause-level contrast: each token's weight and the marker that set it (-1 for none).

    A forward marker ("but", "however") weighs the stretch after it (to the next marker or the
    sentence end) 1.5 and the stretch before it (from the previous marker or the sentence
    start; the previous sentence when the marker opens its sentence) 0.5. A concessive marker
    ("although") weighs its own clause 0.5 and the rest of its sentence 1.5. As in VADER, a
    sentence that opens with "But" is weighted 1.5 even with nothing before it to weigh down.
    """
    lw, n = t.lw, len(t.lw)
    clause_end, sent_end = t.flags
    weight = [1.0] * n
    by = [-1] * n
    bounds, start = [], 0
    for i in range(n):
        if sent_end[i] or i == n - 1:
            bounds.append((start, i + 1))
            start = i + 1
    prev: tuple[int, int] | None = None
    for s0, s1 in bounds:
        fwd = [i for i in range(s0, s1) if _is_forward(lw, i)]
        for k, i in enumerate(fwd):
            lo = fwd[k - 1] + 1 if k else s0
            before = range(lo, i) if i > s0 else (range(*prev) if prev else range(0))
            after = range(i + 1, fwd[k + 1] if k + 1 < len(fwd) else s1)
            if not len(after):
                continue
            for j in before:
                weight[j] *= 0.5
                by[j] = i
            for j in after:
                weight[j] *= 1.5
                by[j] = i
        for i in range(s0, s1):
            if lw[i] not in _CONCESSIVE or (lw[i] == "though" and (i + 1 == s1 or sent_end[i])):
                continue
            end = i + 1
            while end < s1 and not clause_end[end - 1]:
                end += 1
            own = range(i + 1, end)
            rest = [j for j in range(s0, s1) if not i <= j < end]
            if len(own) and rest:
                for j in own:
                    weight[j] *= 0.5
                    by[j] = i
                for j in rest:
                    weight[j] *= 1.5
                    by[j] = i
        prev = (s0, s1)
    return weight, by


@dataclass
class _Cue:
    """A cue found in a text: tokens ``start:end``, the score it feeds, and its negator."""

    start: int
    end: int
    entry: _Entry
    score: str
    rule: str
    weight: float
    trigger: int


class ToneScorer:
    """A scorer: ``scorer(text) -> dict`` of tone, pos, neu, neg, caution, optimism, stance.

    Parameters
    ----------
    lexicon, caution, optimism : path, optional
        A user's own files in the format of ``stance/data/tone_lexicon.csv``,
        ``caution_cues.csv`` and ``optimism_cues.csv``, each used instead of the packaged one.
        ``lexicon`` may also be a mapping ``{term: valence}``.
    rules : {"domain", "vader"}
        ``"vader"`` keeps VADER's own negation and "but" rules (with an empty lexicon it gives
        exactly vaderSentiment's scores); it exists to show what the domain rules change.

    Examples
    --------
    >>> scorer = ToneScorer()
    >>> scorer("We are optimistic about the talks.")["stance"]
    'optimistic'
    """

    def __init__(
        self,
        lexicon: str | Path | Mapping[str, float] | None = None,
        caution: str | Path | None = None,
        optimism: str | Path | None = None,
        *,
        rules: str = "domain",
    ) -> None:
        if rules not in ("domain", "vader"):
            raise ValueError(f"rules must be 'domain' or 'vader', not {rules!r}")
        self.domain = rules == "domain"
        self._an = vader_analyzer()
        self.vader_lexicon: dict[str, float] = self._an.lexicon
        lex = dict(self.vader_lexicon)
        phrases = []
        self.domain_words: dict[str, _Entry] = {}
        for e in _load_lexicon(lexicon):
            if len(e.words) > 1:
                phrases.append(e)
                continue
            self.domain_words[e.words[0]] = e
            if e.value == 0:
                lex.pop(e.words[0], None)
            else:
                lex[e.words[0]] = e.value
        self.lexicon = lex
        self._phrases = _PhraseIndex(phrases) if phrases and self.domain else None
        self._caution = _PhraseIndex(_load_cues(caution, "caution_cues.csv"))
        self._optimism = _PhraseIndex(_load_cues(optimism, "optimism_cues.csv"))
        self._negated = _vader_negated if not self.domain else _never
        self._neg_pos = self._neg_neg = N_SCALAR

    def __call__(self, text: str) -> dict[str, Any]:
        return self._run(text, trace=False)[0]

    def explain(self, text: str) -> pd.DataFrame:
        """One row per word or phrase that moved a score (see :func:`explain`)."""
        return pd.DataFrame(self._run(text, trace=True)[1], columns=EXPLAIN_COLUMNS)

    # -- scoring ------------------------------------------------------------------------

    def _run(self, text: str, trace: bool) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        if not isinstance(text, str):
            raise TypeError(f"text must be a str, not {type(text).__name__}")
        t = _tokenize(text, self.domain)
        lw, n = t.lw, len(t.lw)
        if n == 0:
            return _result(0.0, 0.0, 0.0, 0.0, 0.0, 0.0), []
        lex = self.lexicon
        heads: dict[int, _Entry] = {}
        inside: set[int] = set()
        if self._phrases is not None:
            first = self._phrases.first
            for i in [i for i, w in enumerate(lw) if w in first]:
                if i in inside:
                    continue
                e = self._phrases.match(lw, i)
                if e is not None:
                    heads[i] = e
                    inside.update(range(i + 1, i + len(e.words)))
        scope = None
        words = set(lw)
        if self.domain and (
            not _NEGATORS.isdisjoint(words)
            or not _VERB_NEGATORS.isdisjoint(words)
            or "n't" in text.lower()
        ):
            scope = _negation_scopes(t)
        cap_diff = _cap_differential(t.items)
        sentiments = [0.0] * n
        neg_by = [-1] * n
        for i in sorted([i for i, w in enumerate(lw) if w in lex] + list(heads)):
            if i in inside:
                continue
            w = lw[i]
            if i in heads:
                v = heads[i].value
            elif w in BOOSTER_DICT or (w == "kind" and i + 1 < n and lw[i + 1] == "of"):
                continue
            else:
                v = lex[w]
            sentiments[i] = self._valence(i, v, t, heads, inside, cap_diff)
        cues = self._cues(t, scope)
        pre = list(sentiments) if trace else sentiments
        if scope is not None:
            refusals = {c.trigger for c in cues if c.rule == "refusal" and c.trigger >= 0}
            neg_by = self._negate(sentiments, scope, lw, refusals)
        raw = sentiments
        weight, by = [1.0] * n, [-1] * n
        if not self.domain:
            sentiments = self._an._but_check(t.items, list(sentiments))
        elif not _MARKERS.isdisjoint(lw) and any(sentiments):
            weight, by = _contrast_weights(t)
            sentiments = [s * k for s, k in zip(sentiments, weight, strict=True)]
        vs = self._an.score_valence(sentiments, t.text)
        caution = 1.0 - math.prod([1.0 - c.weight for c in cues if c.score == "caution"])
        optimism = 1.0 - math.prod([1.0 - c.weight for c in cues if c.score == "optimism"])
        result = _result(vs["compound"], vs["pos"], vs["neu"], vs["neg"], caution, optimism)
        if not trace:
            return result, []
        spans = t.spans()
        rows = self._trace_tone(
            t, spans, pre, raw, sentiments, weight, by, heads, inside, neg_by, cues
        )
        rows += _trace_cues(t, spans, cues)
        return result, rows

    def _negate(
        self, sentiments: list[float], scope: list[int], lw: list[str], refusals: set[int]
    ) -> list[int]:
        """Apply each negator to its scope (in place); return the negator of each token.

        Every sentiment word within VADER's reach of the negator (three words, two after
        "no") is negated, as VADER does. Past that reach, and only when no strong word
        (|valence| >= 0.5) was within it, the first strong word of the clause is negated: the
        focus of "we do not think the tariffs are acceptable" is "acceptable", while in "ought
        not to be deterred by complaints" it is "deterred" and "complaints" stays negative.

        A refusal ("would not rush to reach an agreement", "no concessions") states a position:
        the words it governs name what is refused, not how the speaker feels, so they are
        neutralised rather than turned over. A refusal verb that negates ("refused to") gives
        its valence to the negation.
        """
        neg_by = [-1] * len(lw)
        focused: set[int] = set()
        for i, v in enumerate(sentiments):
            if v and lw[i] in _VERB_NEGATORS and i + 1 < len(lw) and lw[i + 1] == "to":
                sentiments[i] = 0.0
                continue
            j = scope[i]
            if j < 0 or not v:
                continue
            near = i - j <= (2 if lw[j] == "no" else 3)
            if near or (j not in focused and abs(v) >= _FOCUS):
                if j in refusals:
                    sentiments[i] = 0.0
                else:
                    sentiments[i] = v * (self._neg_pos if v > 0 else self._neg_neg)
                neg_by[i] = j
                if abs(v) >= _FOCUS:
                    focused.add(j)
        return neg_by

    def _valence(
        self,
        i: int,
        v: float,
        t: _Tokens,
        heads: dict[int, _Entry],
        inside: set[int],
        cap_diff: bool,
    ) -> float:
        """VADER's per-word rules (``sentiment_valence``), reading a lowered word list once."""
        lex, lw, items, n = self.lexicon, t.lw, t.items, len(t.lw)

        def in_lex(j: int) -> bool:
            return lw[j] in lex or j in heads or j in inside

        w = lw[i]
        if w == "no" and i != n - 1 and in_lex(i + 1):
            v = 0.0
        if not self.domain and (
            (i > 0 and lw[i - 1] == "no")
            or (i > 1 and lw[i - 2] == "no")
            or (i > 2 and lw[i - 3] == "no" and lw[i - 1] in ("or", "nor"))
        ):
            v = lex[w] * N_SCALAR
        if cap_diff and items[i].isupper():
            v += C_INCR if v > 0 else -C_INCR
        for k in range(3):
            j = i - k - 1
            if j >= 0 and not in_lex(j):
                s = scalar_inc_dec(items[j], v, cap_diff) if lw[j] in BOOSTER_DICT else 0.0
                if s and k == 1:
                    s *= 0.95
                elif s and k == 2:
                    s *= 0.9
                v += s
                v = self._negation_check(v, lw, k, i)
                if k == 2:
                    v = _idioms_check(v, lw, i)
        if i > 1 and not in_lex(i - 1) and lw[i - 1] == "least":
            if lw[i - 2] not in ("at", "very"):
                v *= N_SCALAR
        elif i > 0 and not in_lex(i - 1) and lw[i - 1] == "least":
            v *= N_SCALAR
        return v

    def _negation_check(self, v: float, lw: list[str], k: int, i: int) -> float:
        """VADER's look-back negation; under domain rules only its "never so" emphasis stays."""
        neg = self._negated
        if k == 0:
            if neg(lw[i - 1]):
                v *= N_SCALAR
        elif k == 1:
            if lw[i - 2] == "never" and lw[i - 1] in ("so", "this"):
                v *= 1.25
            elif lw[i - 2] == "without" and lw[i - 1] == "doubt":
                pass
            elif neg(lw[i - 2]):
                v *= N_SCALAR
        else:
            so_this = ("so", "this")
            if lw[i - 1] in so_this or (lw[i - 3] == "never" and lw[i - 2] in so_this):
                v *= 1.25
            elif lw[i - 3] == "without" and "doubt" in (lw[i - 2], lw[i - 1]):
                pass
            elif neg(lw[i - 3]):
                v *= N_SCALAR
        return v

    def _cues(self, t: _Tokens, scope: list[int] | None) -> list[_Cue]:
        """Caution and optimism cues in reading order, longest match first."""
        out: list[_Cue] = []
        lw = t.lw
        for index, score in ((self._caution, "caution"), (self._optimism, "optimism")):
            first = index.first
            taken = -1
            for i in [i for i, w in enumerate(lw) if w in first]:
                if i <= taken:
                    continue
                e = index.match(lw, i)
                if e is None:
                    continue
                k = len(e.words)
                taken = i + k - 1
                neg = scope[i] if scope is not None else -1
                if e.value <= 0:
                    continue
                if score == "optimism" and neg >= 0:
                    out.append(_Cue(i, i + k, e, "caution", "negated-optimism", e.value / 2, neg))
                elif e.when == "any" or (e.when == "negated") == (neg >= 0):
                    trig = neg if e.when == "negated" else -1
                    if trig < 0 and e.category == "refusal":
                        own = [m for m in range(i, i + k) if _is_negator(lw, m)]
                        trig = own[0] if own else -1
                    out.append(_Cue(i, i + k, e, score, e.category, e.value, trig))
        out.sort(key=lambda c: (c.start, c.score))
        return out

    # -- explanation --------------------------------------------------------------------

    def _trace_tone(
        self,
        t: _Tokens,
        spans: list[tuple[int, int]],
        pre: list[float],
        raw: list[float],
        final: list[float],
        weight: list[float],
        by: list[int],
        heads: dict[int, _Entry],
        inside: set[int],
        neg_by: list[int],
        cues: list[_Cue],
    ) -> list[dict[str, Any]]:
        refusals = {c.trigger for c in cues if c.rule == "refusal" and c.trigger >= 0}
        total = sum(final)
        amp = self._an._punctuation_emphasis(t.text)
        if total > 0:
            total += amp
        elif total < 0:
            total -= amp
        gain = 1.0 / math.sqrt(total * total + _ALPHA)
        rows = []
        lw = t.lw
        for i in range(len(lw)):
            if i in inside:
                continue
            e = heads.get(i)
            k = len(e.words) if e else 1
            vader_value = sum(self.vader_lexicon.get(lw[j], 0.0) for j in range(i, i + k))
            domain = e is not None or lw[i] in self.domain_words
            if final[i] == 0 and not ((domain and vader_value) or pre[i]):
                continue
            rules = ["domain-lexicon" if domain else "lexicon"]
            trigger = []
            if neg_by[i] >= 0:
                j = neg_by[i]
                rules.append(
                    "refusal" if j in refusals else "negation" if i - j <= 3 else "negation-scope"
                )
                trigger.append(t.items[j])
            elif pre[i] and not raw[i]:  # "refused to": the verb's valence went to the negation
                rules.append("negation")
            if weight[i] != 1.0:
                rules.append("contrast")
                trigger.append(t.items[by[i]])
            rows.append(_row(t, spans, i, i + k, "tone", "+".join(rules), " ".join(trigger),
                             pre[i], vader_value, final[i] * gain))  # fmt: skip
        if amp and total:
            mark = re.search(r"[!?]", t.orig)
            at = mark.start() if mark else 0
            rows.append({
                "token": t.orig[at : at + 1], "start": at, "end": at + 1, "score": "tone",
                "rule": "emphasis", "trigger": "", "value": round(amp, 4),
                "vader_value": round(amp, 4),
                "contribution": round(math.copysign(amp, total) * gain, 4),
            })  # fmt: skip
        return rows


def _vader_negated(w: str) -> bool:
    return w in _VADER_NEGATE or "n't" in w


def _never(w: str) -> bool:
    return False


def _idioms_check(v: float, lw: list[str], i: int) -> float:
    """VADER's special-case idioms and two- and three-word dampeners ("kind of")."""
    onezero = f"{lw[i - 1]} {lw[i]}"
    twoonezero = f"{lw[i - 2]} {lw[i - 1]} {lw[i]}"
    twoone = f"{lw[i - 2]} {lw[i - 1]}"
    threetwoone = f"{lw[i - 3]} {lw[i - 2]} {lw[i - 1]}"
    threetwo = f"{lw[i - 3]} {lw[i - 2]}"
    for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
        if seq in SPECIAL_CASES:
            v = SPECIAL_CASES[seq]
            break
    n = len(lw)
    if n - 1 > i:
        zeroone = f"{lw[i]} {lw[i + 1]}"
        if zeroone in SPECIAL_CASES:
            v = SPECIAL_CASES[zeroone]
    if n - 1 > i + 1:
        zeroonetwo = f"{lw[i]} {lw[i + 1]} {lw[i + 2]}"
        if zeroonetwo in SPECIAL_CASES:
            v = SPECIAL_CASES[zeroonetwo]
    for ngram in (threetwoone, threetwo, twoone):
        if ngram in BOOSTER_DICT:
            v += BOOSTER_DICT[ngram]
    return v


def _cap_differential(items: list[str]) -> bool:
    """VADER's ``allcap_differential``: some, but not all, words are in capitals."""
    caps = sum(map(str.isupper, items))
    return 0 < len(items) - caps < len(items)


def _row(
    t: _Tokens,
    spans: list[tuple[int, int]],
    i: int,
    j: int,
    score: str,
    rule: str,
    trigger: str,
    value: float,
    vader_value: float,
    contribution: float,
) -> dict[str, Any]:
    s, e = spans[i][0], spans[j - 1][1]
    return {
        "token": t.orig[s:e],
        "start": s,
        "end": e,
        "score": score,
        "rule": rule,
        "trigger": trigger,
        "value": round(value, 4),
        "vader_value": round(vader_value, 4),
        "contribution": round(contribution, 4),
    }


def _trace_cues(t: _Tokens, spans: list[tuple[int, int]], cues: list[_Cue]) -> list[dict[str, Any]]:
    rows = []
    left = {"caution": 1.0, "optimism": 1.0}
    for c in cues:
        gain = left[c.score] * c.weight
        left[c.score] -= gain
        trig = t.items[c.trigger] if c.trigger >= 0 else ""
        rows.append(_row(t, spans, c.start, c.end, c.score, c.rule, trig, c.weight, 0.0, gain))
    return rows


def _result(
    tone: float, pos: float, neu: float, neg: float, caution: float, optimism: float
) -> dict[str, Any]:
    caution, optimism = round(caution, 3), round(optimism, 3)
    return {
        "tone": tone,
        "pos": pos,
        "neu": neu,
        "neg": neg,
        "caution": caution,
        "optimism": optimism,
        "stance": stance_label(tone, caution, optimism),
    }


def stance_label(tone: float, caution: float, optimism: float) -> str:
    """The stance of a statement from its three scores (the rule is :data:`STANCE_RULE`).

    Strong negativity outweighs hedging (a hedged attack is still an attack); then cues decide
    between optimism and caution, and a warm statement without cues counts as optimistic.

    Examples
    --------
    >>> stance_label(tone=0.1, caution=0.6, optimism=0.0)
    'cautious'
    >>> stance_label(tone=-0.7, caution=0.6, optimism=0.0)
    'critical'
    """
    if tone <= -0.6 or (tone <= -0.3 and caution < 0.4):
        return "critical"
    if optimism >= 0.4 and optimism >= caution and tone > -0.05:
        return "optimistic"
    if caution >= 0.4:
        return "cautious"
    if tone >= 0.5:
        return "optimistic"
    return "neutral"


# ---------------------------------------------------------------------------------- public


@lru_cache(maxsize=8)
def _cached_scorer(lexicon: str | None, caution: str | None, optimism: str | None) -> ToneScorer:
    return ToneScorer(lexicon, caution, optimism)


def make_scorer(
    lexicon: str | Path | Mapping[str, float] | None = None,
    caution: str | Path | None = None,
    optimism: str | Path | None = None,
) -> ToneScorer:
    """A domain scorer built from a user's own lexicon and cue files (packaged ones by default).

    Each file replaces the packaged one of the same kind; copy the packaged file to extend it.
    Scorers built from the same paths are shared.

    Examples
    --------
    >>> scorer = make_scorer(lexicon={"frank": -0.5})
    >>> scorer("a frank exchange")["tone"] < 0
    True
    """
    if isinstance(lexicon, Mapping):
        return ToneScorer(lexicon, caution, optimism)
    key = tuple(None if p is None else str(Path(p).resolve()) for p in (lexicon, caution, optimism))
    return _cached_scorer(*key)


def score_text(text: str) -> dict[str, Any]:
    """Scores of one statement: tone, pos, neu, neg, caution, optimism, stance.

    ``tone`` is VADER's compound (-1..1) after the trade-diplomacy layer; ``caution`` and
    ``optimism`` are 0..1; ``stance`` is one of optimistic, cautious, critical, neutral.

    Examples
    --------
    >>> s = score_text("Japan would not rush to reach an agreement, nor make concessions")
    >>> s["tone"], s["caution"] > 0.5, s["stance"]
    (0.0, True, 'cautious')
    """
    return make_scorer()(text)


def explain(text: str, scorer: ToneScorer | None = None) -> pd.DataFrame:
    """Which words and rules gave a statement its scores, one row per word or phrase.

    Columns: ``token`` and its ``start``/``end`` in ``text``; ``score`` it moved (tone, caution,
    optimism); ``rule`` (lexicon, domain-lexicon, then any of negation, negation-scope, refusal,
    contrast; for cues the cue's category: hedge, condition, refusal, caution-word, ...);
    ``trigger`` (the negator or contrast word that applied); ``value`` (the word's valence on
    VADER's -4..4 scale, with boosters and capitals, before negation and contrast; or the
    cue's weight); ``vader_value`` (raw VADER's lexicon valence for the same words);
    ``contribution`` (its share of the score: tone rows plus the emphasis row sum to ``tone``
    before rounding, cue rows sum to caution or optimism). A word that VADER scores but the
    layer neutralises (a name, a domain noun, what a refusal governs) appears with
    contribution 0.

    Examples
    --------
    >>> ex = explain("The talks were constructive, but Japan has concerns.")
    >>> sorted(set(ex["score"]))
    ['caution', 'optimism', 'tone']
    """
    return (scorer or make_scorer()).explain(text)


def score_quotes(
    quotes: pd.DataFrame, *, scorer: Scorer | None = None, column: str = "text"
) -> pd.DataFrame:
    """A copy of ``quotes`` with the score columns appended: tone, pos, neu, neg, caution,
    optimism, stance.

    ``scorer`` is any callable text -> dict (the domain scorer by default; :func:`score_vader`,
    or a model of one's own), so scorers can be compared on the same statements. A scorer that
    returns ``compound`` but no ``tone`` has its compound used as tone; keys it does not return
    are NaN, and so are the scores of a missing (non-string) text.

    Examples
    --------
    >>> q = pd.DataFrame({"text": ["We are confident of a deal.", "That is unacceptable."]})
    >>> score_quotes(q)["stance"].tolist()
    ['optimistic', 'critical']
    >>> bool(score_quotes(q, scorer=score_vader)["caution"].isna().all())
    True
    """
    if column not in quotes.columns:
        have = ", ".join(map(str, quotes.columns))
        raise KeyError(f"no column {column!r} to score (columns: {have})")
    fn = scorer if scorer is not None else make_scorer()
    cols: dict[str, list[Any]] = {c: [] for c in SCORE_COLUMNS}
    for text in quotes[column].tolist():
        got: Mapping[str, Any] = fn(text) if isinstance(text, str) else {}
        if "tone" not in got and "compound" in got:
            got = {**got, "tone": got["compound"]}
        for c in SCORE_COLUMNS:
            cols[c].append(got.get(c, np.nan))
    out = quotes.drop(columns=[c for c in SCORE_COLUMNS if c in quotes.columns]).copy()
    for c in SCORE_COLUMNS:
        if c == "stance":
            out[c] = pd.Series(cols[c], index=out.index, dtype=object)
        else:
            out[c] = pd.to_numeric(
                pd.Series(cols[c], index=out.index, dtype=object), errors="coerce"
            ).astype("float64")
    return out
