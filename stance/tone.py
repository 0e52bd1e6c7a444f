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
- **direction of change** (economic news): a word of change or level ("slow", "fell", "cut",
  "higher", "fight") takes its sign from what changes: "growth will slow" and "higher taxes" are
  bad news, "unemployment fell" and "an assault on poverty" good news (the categories
  ``direction-*``, ``level-*``, ``against`` and ``*-quantity`` of the lexicon; Malo et al. 2014);
  two verbs give the same sign whatever they govern: a **threat** is bad news whether it
  threatens jobs or threatens tariffs, and to **lift** is good news whether it raises growth or
  removes sanctions (the categories ``threat`` and ``lift``);
- **fear**: the good words of a feared clause ("I fear that we have promised more than we can
  deliver", "warned that the recovery ...") name what is at risk and carry no warmth;
- **excess**: "too", "overly", "excessively" before a positive word make it a criticism ("too
  optimistic"); **degree**: a praise word right before a negative one measures it
  ("breathtaking hypocrisy", "a great loss") and is not praise; **"like"** is a liking only as
  a verb ("we like it"), not as the preposition of "sounds like", "countries like China";
- **"far from"** negates ("far from rosy"); **"amid"** backgrounds its clause as "despite" does;
- **caution** and **optimism** (0..1) from cue lists (hedges, conditions, refusals, words of
  caution; progress, hope, confidence, a deal in sight), combined as independent evidence.

Typographic quotes, dashes and ellipses are normalised first (one character for one), since
VADER keeps a word glued to a curly quote mark ("optimistic,”") out of its lexicon.
"""

from __future__ import annotations

import math
import operator
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

from .attribution import vocabulary
from .resources import paused_gc, read_lines, read_table
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
# Words that negate what they govern when followed by these words: "unable to agree",
# "insufficient to deliver", "a lack of progress", "questioned the effectiveness of ...".
# (Negation cues of the BioScope and SFU Review annotation guidelines beyond "not".)
_GOVERNING_NEGATORS = {
    **dict.fromkeys("unable insufficient inadequate".split(), frozenset({"to"})),
    **dict.fromkeys("lack lacks lacked absence".split(), frozenset({"of"})),
    "lacking": frozenset({"in", "the", "any"}),
    **dict.fromkeys(
        "question questions questioned questioning doubt doubts doubted doubting dispute"
        " disputes disputed disputing".split(),
        frozenset({"the", "whether", "if", "his", "her", "their", "its"}),
    ),
}
# Pseudo-negations (NegEx): a negator followed by these words negates nothing.
_PSEUDO = {
    "no": {("doubt",), ("wonder",)},
    "not": {("only",), ("just",), ("merely",), ("least",), ("to", "mention")},
    "nothing": {("but",)},
    "never": {("so",), ("this",)},
    "without": {("doubt",), ("a", "doubt"), ("question",), ("a", "question")},
}
# Words that end a negation's scope (NegEx termination terms and clause openers).
_TERMINATORS = frozenset(
    "but however although though whereas while because since unless except nevertheless"
    " nonetheless which who whom whose where when whether".split()
)
_SUBJECTS = frozenset("i we you he she they it this there".split())
# "Never has there been a worse time", "Rarely has so much laughter bubbled up": a negative
# adverb that opens its clause and is followed by the auxiliary (negative inversion), with a
# comparison in the clause, emphasises the comparison instead of negating it.
_INVERTING = frozenset("never rarely seldom nowhere hardly scarcely barely".split())
_AUXILIARIES = frozenset(
    "is are was were am has have had do does did will would shall should can could may might"
    " must".split()
)
_POSSESSIVE = ("'s", "’s")
_CLAUSE_OPENERS = frozenset("and but yet or so".split())
_DEGREE_WORDS = frozenset(
    "so such more less worse worst better best greater greatest bigger biggest higher highest"
    " lower lowest".split()
)
# Contrast markers: forward ones weight what follows; concessive ones weight their own clause down.
_FORWARD = frozenset("but however nevertheless nonetheless yet".split())
_CONCESSIVE = frozenset("although though despite whereas notwithstanding amid amidst".split())
_MARKERS = _FORWARD | _CONCESSIVE
_BUT_NOT_AFTER = frozenset("all nothing anything".split())  # "all but", "anything but"
# Direction of change (Malo, Sinha, Korhonen, Wallenius & Takala 2014, "Good debt or bad debt",
# JASIST 65(4)): a word of change or level composes with the quantity it governs, the sign of
# the change times the sign of the quantity. category: (sign, words looked at after, before).
_COMPOSE = {
    "direction-up": (1, 3, 6),  # "growth picked up", "raise taxes", "a rise in unemployment"
    "direction-down": (-1, 3, 6),  # "growth will slow", "cut the deficit", "job cuts"
    "level-up": (1, 2, 3),  # "higher taxes", "more jobs", "unemployment is high"
    "level-down": (-1, 2, 3),  # "lower inflation", "fewer jobs"
    "against": (-1, 3, 0),  # acting on what follows: "fight inflation", "harm growth"
    "threat": (-1, 3, 0),  # "threaten jobs", and also "threaten tariffs": bad news either way
    "lift": (1, 3, 6),  # "lift growth" raises it, "lift sanctions" removes them: good news
}
# Categories whose composed sign is their own, whatever the sign of what they govern.
_FIXED_SIGN = frozenset({"threat", "lift"})
_QUANTITY = {"good-quantity": 1, "bad-quantity": -1}
# A composed change is at least as strong as 'stable' / 'worried' (1.2) and at most as strong
# as 'improved' (2.1) / 'worsening' (-2.0), whatever the words' own valences.
_COMPOSE_MIN, _COMPOSE_MAX = 1.2, 2.0
# Words a change does not reach across: clause words, "for" ("fight for jobs"), "than", and
# "and"/"or" (each conjunct has its own change: "inflation remains low and growth is picking up").
_COMPOSE_STOP = _TERMINATORS | {"for", "than", "and", "or"}
# Between a quantity and a later word of change only auxiliaries, copulas and adverbs may stand
# ("growth will slow", "the deficit is set to continue to widen"); any other word ends the
# search, so a noun that modifies another is not taken for the subject ("the trade surplus
# narrowed" is not about trade).
_COMPOSE_BRIDGE = frozenset(
    "will would shall should can could may might must to be been being is are was were has have"
    " had do does did not never also still now then again already further even only set"
    " expected likely continue continues continued continuing remain remains remained stay"
    " stays stayed seem seems seemed look looks looked appear appears appeared".split()
)
# Fear and warning: what is feared is not praised ("I fear that we have promised more than we
# can deliver"); the good words of the feared clause are what is at risk, not warmth.
_FEAR = frozenset(
    "fear fears feared afraid worried worry worries concerned warn warns warned".split()
)
_FEAR_FIRST_PERSON = frozenset("i we am i'm we're are".split())
# Excess: "too optimistic" is criticism; not in "only too happy" or "not too".
_EXCESS = frozenset("too overly excessively unduly".split())
_EXCESS_NOT_AFTER = frozenset("only not none".split())
# Degree adjectives: praise words that, right before a negative word, measure it instead
# ("breathtaking hypocrisy", "a great loss", "strong criticism"), as VADER's boosters do.
_DEGREE = frozenset("breathtaking stunning amazing remarkable great strong true perfect".split())
# "like" is the verb (a liking) after these; otherwise the preposition ("sounds like").
_LIKE_VERB_AFTER = frozenset(
    "i we you they would do does did not to really also still genuinely certainly".split()
)
_YET_TIME_BEFORE = frozenset("has have had is are was were as be been".split()) | _NEGATORS
_YET_TIME_AFTER = frozenset("to another again more".split())
_SO_THIS = ("so", "this")
# Trigger bits: which rules a text's words let apply (ToneScorer._trigger).
_T_NEGATOR, _T_FAR, _T_FROM, _T_COMPOSE, _T_FEAR, _T_MARKER = 1, 2, 4, 8, 16, 32
_T_IDIOM, _T_PHRASE, _T_CAUTION, _T_OPTIMISM = 64, 128, 256, 512
_T_FAR_FROM = _T_FAR | _T_FROM
_T_STARTS = _T_PHRASE | _T_CAUTION | _T_OPTIMISM


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
    """Longest-match lookup of entries by their first word.

    ``first`` holds each first word's entries, longest first; ``second`` the entries of two
    words or more by first and second word (in that order), and ``single`` the first one-word
    entry of a first word: a match is the first of ``second[w][next]`` whose words all follow,
    else ``single[w]``, and most first words ("to", "in") start no phrase where they stand.
    """

    def __init__(self, entries: Iterable[_Entry]) -> None:
        first: dict[str, list[_Entry]] = {}
        for e in entries:
            first.setdefault(e.words[0], []).append(e)
        for lst in first.values():
            lst.sort(key=lambda e: -len(e.words))
        self.first = first
        self.second: dict[str, dict[str, list[_Entry]]] = {}
        self.single: dict[str, _Entry] = {}
        for w, lst in first.items():
            for e in lst:
                if len(e.words) == 1:
                    self.single.setdefault(w, e)
                else:
                    self.second.setdefault(w, {}).setdefault(e.words[1], []).append(e)

    def match(self, lw: list[str], i: int) -> _Entry | None:
        w = lw[i]
        n = len(lw)
        if i + 1 < n:
            by_second = self.second.get(w)
            if by_second is not None:
                cands = by_second.get(lw[i + 1])
                if cands is not None:
                    for e in cands:
                        k = len(e.words)
                        if k == 2 or (i + k <= n and tuple(lw[i : i + k]) == e.words):
                            return e
        return self.single.get(w)

    def scan(self, lw: list[str], starts: list[int]) -> list[tuple[int, _Entry]]:
        """Longest matches in reading order, none inside another.

        ``starts``: the positions where a match may start, in order (a superset of those of
        the first words, shared by the indexes a text is scanned with).
        """
        first, second, single = self.first, self.second, self.single
        n = len(lw)
        out: list[tuple[int, _Entry]] = []
        taken = -1
        for i in starts:
            if i <= taken:
                continue
            w = lw[i]
            if w not in first:
                continue
            if w not in single and (i + 1 == n or lw[i + 1] not in second.get(w, ())):
                continue  # a first word whose phrases need another second word
            e = self.match(lw, i)
            if e is not None:
                out.append((i, e))
                taken = i + len(e.words) - 1
        return out


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
    _cap_diff: bool | None = None

    @property
    def flags(self) -> tuple[list[bool], list[bool]]:
        """Per token: does a clause end after it, does a sentence end after it."""
        if self._flags is None:
            self._flags = _boundaries(self)
        return self._flags

    @property
    def cap_diff(self) -> bool:
        """VADER's capitals rule applies: some, but not all, words are in capitals.

        Computed when first asked, which is for a word in capitals next to a scored word.
        """
        if self._cap_diff is None:
            self._cap_diff = _cap_differential(self.items)
        return self._cap_diff

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
    stripped = [r.strip(_PUNCT) for r in raws]
    if domain and text.isascii() and text.isprintable():
        # a word of printable ASCII is letters, digits and punctuation: stripped, it is empty
        # or alphanumeric at both ends, so alphanumeric if two characters or fewer long
        items = stripped
        if "" in stripped:
            items = [s or r for s, r in zip(stripped, raws, strict=True)]
        # an ASCII word that is lower case already is its own lower case
        lw = [w if w.islower() else w.lower() for w in items]
        return _Tokens(items, lw, raws, text, orig, offs)
    if domain:
        items = [s if len(s) > 2 or s.isalnum() else r for s, r in zip(stripped, raws, strict=True)]
    else:
        items = [s if len(s) > 2 else r for s, r in zip(stripped, raws, strict=True)]
    return _Tokens(items, [w.lower() for w in items], raws, text, orig, offs)


def _boundaries(t: _Tokens) -> tuple[list[bool], list[bool]]:
    """Clause and sentence ends: punctuation after a word, a dash between words."""
    n = len(t.raws)
    clause, sent = [False] * n, [False] * n
    abbrev = _abbreviations()
    raws, items = t.raws, t.items
    for k in [k for k, raw in enumerate(raws) if raw[-1] in _PUNCT_SET]:  # most words: none
        raw, item = raws[k], items[k]
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
    if t.offs is None and ("\u2014" in t.orig or "\u2013" in t.orig):  # _DASHES
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


# every word for which _is_negator can be true, but for those with "n't"
_NEGATOR_WORDS = (
    _NEGATORS | _VERB_NEGATORS | _GOVERNING_NEGATORS.keys() | _APPROX_NEGATORS | {"far"}
)


def _is_negator(lw: list[str], i: int) -> bool:
    """A negator, unless part of a pseudo-negation ("no doubt", "not only").

    "Refused to", "declined to", "failed to" negate the verb they govern ("refuses to accept"
    is "does not accept"); so do the approximate negators "little", "few", "hardly", "barely",
    "scarcely" ("showed little willingness"), but not "a little" or "a few", and "far from"
    ("far from rosy").
    """
    w = lw[i]
    if w in _VERB_NEGATORS:
        return i + 1 < len(lw) and lw[i + 1] == "to"
    if w in _GOVERNING_NEGATORS:  # but not "no doubt the", "without question whether"
        if i and (lw[i - 1] in _NEGATORS or lw[i - 1] == "without"):
            return False
        return i + 1 < len(lw) and lw[i + 1] in _GOVERNING_NEGATORS[w]
    if w == "far":  # "far from rosy" (a negation cue of the SFU Review corpus)
        return i + 1 < len(lw) and lw[i + 1] == "from"
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
        if (
            (w in _NEGATOR_WORDS or "n't" in w)  # what _is_negator can accept, tested inline
            and _is_negator(lw, i)
            and not _fronted(lw, i, clause_end)
        ):
            owner = i
        if clause_end[i]:
            owner = -1
    return scope


def _fronted(lw: list[str], i: int, clause_end: list[bool]) -> bool:
    """True for a fronted negative adverb with inversion and a degree word in its clause.

    "Never has there been a worse time", "Rarely has so much ...": the comparison is what is
    negated ("no time was worse"), which emphasises it. Without a degree word the adverb
    negates ("Seldom do talks go well").
    """
    n = len(lw)
    if lw[i] not in _INVERTING or i + 1 >= n or lw[i + 1] not in _AUXILIARIES:
        return False
    if not (i == 0 or clause_end[i - 1] or lw[i - 1] in _CLAUSE_OPENERS):
        return False
    for j in range(i + 2, n):
        if lw[j] in _DEGREE_WORDS:
            return True
        if clause_end[j]:
            break
    return False


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
        fwd = [i for i in range(s0, s1) if lw[i] in _FORWARD and _is_forward(lw, i)]
        for k, i in enumerate(fwd):
            lo = fwd[k - 1] + 1 if k else s0
            before = range(lo, i) if i > s0 else (range(*prev) if prev else range(0))
            after = range(i + 1, fwd[k + 1] if k + 1 < len(fwd) else s1)
            if not len(after):
                continue
            _shift_weight(weight, by, i, down=before, up=after)
        for i in range(s0, s1):
            if lw[i] not in _CONCESSIVE or (lw[i] == "though" and (i + 1 == s1 or sent_end[i])):
                continue
            end = i + 1
            while end < s1 and not clause_end[end - 1]:
                end += 1
            own = range(i + 1, end)
            rest = [j for j in range(s0, s1) if not i <= j < end]
            if len(own) and rest:
                _shift_weight(weight, by, i, down=own, up=rest)
        prev = (s0, s1)
    return weight, by


def _shift_weight(weight: list[float], by: list[int], i: int, *, down, up) -> None:
    """Contrast at token ``i``: the clause it concedes counts half, the other one and a half."""
    for j in down:
        weight[j] *= 0.5
        by[j] = i
    for j in up:
        weight[j] *= 1.5
        by[j] = i


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
        self._compose_first = frozenset(
            e.words[0] for e in [*self.domain_words.values(), *phrases] if e.category in _COMPOSE
        ) if self.domain else frozenset()  # fmt: skip
        self._caution = _PhraseIndex(_load_cues(caution, "caution_cues.csv"))
        self._optimism = _PhraseIndex(_load_cues(optimism, "optimism_cues.csv"))
        self._negated = _vader_negated if not self.domain else _never
        # Words that let a rule apply, each with the bits of the rules (_T_*): a text's words
        # are looked up once, instead of once per rule.
        trigger: dict[str, int] = {}
        for words, bit in (
            (_NEGATORS | _VERB_NEGATORS | _GOVERNING_NEGATORS.keys(), _T_NEGATOR),
            (("far",), _T_FAR),
            (("from",), _T_FROM),
            (self._compose_first, _T_COMPOSE),
            (_FEAR, _T_FEAR),
            (_MARKERS, _T_MARKER),
            (_IDIOM_WORDS, 0),  # kept in a text's hits, where the idioms are looked for
            (_IDIOM_RARE, _T_IDIOM),
            (self._phrases.first if self._phrases is not None else (), _T_PHRASE),
            (self._caution.first, _T_CAUTION),
            (self._optimism.first, _T_OPTIMISM),
        ):
            for w in words:
                trigger[w] = trigger.get(w, 0) | bit
        self._trigger = trigger
        self._trigger_words = frozenset(trigger)
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
        # which rules can apply, from one look-up per word that triggers any (see __init__)
        trigger = self._trigger
        hit = self._trigger_words.intersection(lw)
        mask = 0
        for w in hit:
            mask |= trigger[w]
        # where a phrase or cue may start: at a word that triggers some rule
        starts = [i for i, w in enumerate(lw) if w in hit] if mask & _T_STARTS else []
        if mask & _T_PHRASE:
            for i, e in self._phrases.scan(lw, starts):  # type: ignore[union-attr]
                heads[i] = e
                inside.update(range(i + 1, i + len(e.words)))
        scope = None
        if self.domain and (
            mask & _T_NEGATOR
            or (("'t" in text or "'T" in text) and "n't" in text.lower())
            or mask & _T_FAR_FROM == _T_FAR_FROM
        ):
            scope = _negation_scopes(t)
        sentiments = [0.0] * n
        neg_by = [-1] * n
        shifted: dict[int, str] = {}  # token -> "excess", "degree" or "preposition"
        scored = [i for i, w in enumerate(lw) if w in lex]
        if heads:
            scored = sorted(scored + list(heads))
        # VADER's idioms and multi-word boosters need all their words in the text
        idioms = bool(scored) and bool(mask & _T_IDIOM) and any(key <= hit for key in _IDIOM_KEYS)
        for i in scored:
            if i in inside:
                continue
            w = lw[i]
            if i in heads:
                v = heads[i].value
            elif w in BOOSTER_DICT or (w == "kind" and i + 1 < n and lw[i + 1] == "of"):
                continue
            elif w == "like" and self.domain and not (i and _like_verb(lw[i - 1])):
                shifted[i] = "preposition"
                continue
            elif self.domain and t.items[i][:1].isupper() and _proper_name(t, i):
                shifted[i] = "name"
                continue
            else:
                v = lex[w]
            v = self._valence(i, v, t, heads, inside, idioms)
            if v > 0 and self.domain:
                if _excess(lw, i):
                    v *= N_SCALAR
                    shifted[i] = "excess"
                elif w in _DEGREE and i + 1 < n and self._negative(i + 1, lw, heads):
                    v = 0.0
                    shifted[i] = "degree"
            sentiments[i] = v
        composed: dict[int, int] = {}
        if mask & _T_COMPOSE:
            composed = self._compose(t, sentiments, heads, inside)
        cues = self._cues(t, scope, mask, starts) if mask & (_T_CAUTION | _T_OPTIMISM) else []
        pre = list(sentiments) if trace else sentiments
        if scope is not None:
            refusals = {c.trigger for c in cues if c.rule == "refusal" and c.trigger >= 0}
            neg_by = self._negate(sentiments, scope, lw, refusals)
        feared: dict[int, int] = {}
        if self.domain and mask & _T_FEAR:
            feared = _fear_scope(t)
            for j in feared:
                if sentiments[j] > 0:
                    sentiments[j] = 0.0
        raw = sentiments
        weight, by = [1.0] * n, [-1] * n
        if not self.domain:
            sentiments = self._an._but_check(t.items, list(sentiments))
        elif mask & _T_MARKER and any(sentiments):
            weight, by = _contrast_weights(t)
            sentiments = [s * k for s, k in zip(sentiments, weight, strict=True)]
        compound, pos, neu, neg = _score_valence(sentiments, t.text)
        caution = optimism = 0.0
        if cues:
            caution = 1.0 - math.prod([1.0 - c.weight for c in cues if c.score == "caution"])
            optimism = 1.0 - math.prod([1.0 - c.weight for c in cues if c.score == "optimism"])
        result = _result(compound, pos, neu, neg, caution, optimism)
        if not trace:
            return result, []
        spans = t.spans()
        rows = self._trace_tone(
            t, spans, pre, raw, sentiments, weight, by, heads, inside, neg_by, cues, composed,
            shifted, feared,
        )  # fmt: skip
        rows += _trace_cues(t, spans, cues)
        return result, rows

    def _negative(self, j: int, lw: list[str], heads: dict[int, _Entry]) -> bool:
        """True when the word or phrase at ``j`` has a negative valence of its own."""
        if j in heads:
            return heads[j].value < 0
        return self.lexicon.get(lw[j], 0.0) < 0

    def _compose(
        self,
        t: _Tokens,
        sentiments: list[float],
        heads: dict[int, _Entry],
        inside: set[int],
    ) -> dict[int, int]:
        """Give each word of change the sign of what changes (in place); return quantity -> change.

        A word of change or level (lexicon categories ``direction-up``/``-down``, ``level-up``/
        ``-down``) or of action on something (``against``: "fight", "curb", "harm") looks for
        the nearest quantity (``good-quantity``, ``bad-quantity``) in its clause: up to three
        words after it (a possessor not counted: "cut the country's deficit"), or six before it
        across only auxiliaries, copulas and adverbs ("the deficit is expected to continue to
        widen"), never across "and" or "or" (two after and three before for a level word; only
        after for an action, which acts on its object).
        Found, the change carries the product of the two signs, as strong as the stronger of
        the two words, within [1.2, 2.0] on VADER's scale, and the quantity itself is
        neutralised: it is what the news is about, the change says whether the news is good.
        "Growth will slow" is bad news although VADER hears only "growth"; "unemployment fell"
        and "fight inflation" are good news. A threat is bad news and a lift good news whatever
        they govern (``threat``, ``lift``: "threatened tariffs", "lifted the embargo"). A change
        does not reach past another verb of change after an auxiliary or "to" ("rate cuts will
        lift growth": the growth is lifted, not cut; but "fight rising inflation" reaches it).
        Of nouns in a row the last is the one that changes ("a widening trade deficit");
        quantities joined by "and" or "or" share the change, which carries the sum of their
        products ("growth and unemployment fell" is mixed news). A word of change with no
        quantity in reach keeps its own valence.
        """
        lw, n = t.lw, len(t.lw)
        clause_end = t.flags[0]
        dw = self.domain_words

        def entry(j: int) -> _Entry | None:
            if j in heads:
                return heads[j]
            return None if j in inside else dw.get(lw[j])

        def quantity(j: int) -> int:
            e = entry(j)
            return _QUANTITY.get(e.category, 0) if e is not None else 0

        out: dict[int, int] = {}
        first = self._compose_first
        for i in [i for i, w in enumerate(lw) if w in first]:
            e = entry(i)
            rule = _COMPOSE.get(e.category) if e is not None else None
            if rule is None:
                continue
            sign, after, before = rule
            best, dist = -1, 0
            end = i + len(e.words) - 1
            reach = after
            for d in range(1, n):
                if d > reach:
                    break
                j = end + d
                if j >= n or clause_end[j - 1] or lw[j] in _COMPOSE_STOP:
                    break
                if lw[j].endswith(_POSSESSIVE):
                    reach += 1  # a possessor is part of the object: "cut the country's deficit"
                    continue
                if quantity(j):
                    best, dist = j, d
                    break
                if (
                    lw[j] in first
                    and lw[j - 1] in _COMPOSE_BRIDGE
                    and (f := entry(j)) is not None
                    and f.category in _COMPOSE
                ):
                    break  # a verb of change of its own ("cuts will lift growth") takes its object
            while best >= 0:  # a noun compound is about its last noun: "a widening trade deficit"
                nxt = best + len(entry(best).words)  # type: ignore[union-attr]
                if nxt >= n or clause_end[nxt - 1] or not quantity(nxt):
                    break
                best = nxt
            for d in range(1, (min(before, dist - 1) if best >= 0 else before) + 1):
                j = i - d
                if j < 0 or clause_end[j] or lw[j] in _COMPOSE_STOP:
                    break
                if quantity(j):
                    best = j
                    break
                if lw[j] not in _COMPOSE_BRIDGE and not lw[j].endswith("ly"):
                    break
            if best < 0:
                continue
            # The change reaches every conjunct ("fight corruption and poverty", "unemployment
            # and inflation fell") and carries the sum of their products.
            own, total = sentiments[i], 0.0
            fixed = e.category in _FIXED_SIGN
            # the quantity's own modifiers between the change and it go with it: "smash the
            # criminal gangs" is about the gangs; "criminal" is not a second, separate blow
            for j in range(end + 1, best):
                if sentiments[j] * quantity(best) > 0:
                    sentiments[j] = 0.0
                    out[j] = i
            for q in [best, *_conjuncts(lw, best, i, clause_end, inside, entry, quantity)]:
                strength = max(abs(own), abs(sentiments[q]), _COMPOSE_MIN)
                total += (sign if fixed else sign * quantity(q)) * min(strength, _COMPOSE_MAX)
                sentiments[q] = 0.0
                out[q] = i
            sentiments[i] = total
        return out

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
        idioms: bool,
    ) -> float:
        """VADER's per-word rules (``sentiment_valence``), reading a lowered word list once.

        ``idioms``: whether any of VADER's idioms has all its words in the text (else its idiom
        check cannot match and is skipped).
        """
        lex, lw, items, n = self.lexicon, t.lw, t.items, len(t.lw)
        # a word "in the lexicon" here: lw[j] in lex or j in heads or j in inside
        w = lw[i]
        if w == "no" and i != n - 1 and (lw[i + 1] in lex or i + 1 in heads or i + 1 in inside):
            v = 0.0
        if not self.domain and (
            (i > 0 and lw[i - 1] == "no")
            or (i > 1 and lw[i - 2] == "no")
            or (i > 2 and lw[i - 3] == "no" and lw[i - 1] in ("or", "nor"))
        ):
            v = lex[w] * N_SCALAR
        if items[i].isupper() and t.cap_diff:
            v += C_INCR if v > 0 else -C_INCR
        # under domain rules VADER's look-back negation negates nothing: only its "never so"
        # emphasis is left of _negation_check, tested here without the call
        own_check = self._negated is _never
        for k in range(3):
            j = i - k - 1
            if j < 0:
                break
            wj = lw[j]
            if wj in lex or j in heads or j in inside:
                continue
            # the capitals rule is for a booster in capitals only
            s = (
                scalar_inc_dec(items[j], v, items[j].isupper() and t.cap_diff)
                if wj in BOOSTER_DICT
                else 0.0
            )
            if s and k == 1:
                s *= 0.95
            elif s and k == 2:
                s *= 0.9
            v += s
            if not own_check:
                v = self._negation_check(v, lw, k, i)
            elif k == 1 and lw[i - 2] == "never" and lw[i - 1] in _SO_THIS:
                v *= 1.25
            elif k == 2 and (
                lw[i - 1] in _SO_THIS or (lw[i - 3] == "never" and lw[i - 2] in _SO_THIS)
            ):
                v *= 1.25
            if k == 2 and idioms:
                v = _idioms_check(v, lw, i)
        if (
            i > 0
            and lw[i - 1] == "least"
            and not ("least" in lex or i - 1 in heads or i - 1 in inside)
            and (i == 1 or lw[i - 2] not in ("at", "very"))
        ):
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

    def _cues(
        self, t: _Tokens, scope: list[int] | None, mask: int, starts: list[int]
    ) -> list[_Cue]:
        """Caution and optimism cues in reading order, longest match first.

        ``mask``: the text's trigger bits (a cue list none of whose first words is in the
        text is not scanned); ``starts``: where a cue may start (see _PhraseIndex.scan).
        """
        out: list[_Cue] = []
        lw = t.lw
        for index, score, bit in (
            (self._caution, "caution", _T_CAUTION),
            (self._optimism, "optimism", _T_OPTIMISM),
        ):
            if not mask & bit:
                continue
            for i, e in index.scan(lw, starts):
                k = len(e.words)
                neg = scope[i] if scope is not None else -1
                if e.value <= 0:
                    continue
                if score == "optimism" and neg < 0 and _excess(lw, i):
                    continue  # "too optimistic" criticises someone's optimism: neither score
                if score == "optimism" and neg >= 0:
                    out.append(_Cue(i, i + k, e, "caution", "negated-optimism", e.value / 2, neg))
                elif (
                    e.when == "any"
                    or (e.when == "affirmed" and neg < 0)
                    # "unable to agree", "questioned the plan": a negation, not a refusal
                    or (e.when == "negated" and neg >= 0 and lw[neg] not in _GOVERNING_NEGATORS)
                ):
                    trig = neg if e.when == "negated" else -1
                    if trig < 0 and e.category == "refusal":
                        own = [m for m in range(i, i + k) if _is_negator(lw, m)]
                        trig = own[0] if own else -1
                    out.append(_Cue(i, i + k, e, score, e.category, e.value, trig))
        if len(out) > 1:
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
        composed: dict[int, int],
        shifted: dict[int, str],
        feared: dict[int, int],
    ) -> list[dict[str, Any]]:
        refusals = {c.trigger for c in cues if c.rule == "refusal" and c.trigger >= 0}
        changes: dict[int, int] = {}  # change -> the (first) quantity it took
        for q, ch in sorted(composed.items()):
            changes.setdefault(ch, q)
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
            if final[i] == 0 and not (
                (domain and vader_value) or pre[i] or i in composed or i in shifted
            ):
                continue
            rules = ["domain-lexicon" if domain else "lexicon"]
            trigger = []
            if i in composed or i in changes:  # the change and what changes name each other
                rules.append("direction")
                trigger.append(t.items[composed[i] if i in composed else changes[i]])
            if i in shifted:
                rules.append(shifted[i])
                if shifted[i] == "excess":
                    trigger.append(t.items[i - 1])
            if neg_by[i] >= 0:
                j = neg_by[i]
                rules.append(
                    "refusal" if j in refusals else "negation" if i - j <= 3 else "negation-scope"
                )
                trigger.append(t.items[j])
            elif pre[i] > 0 and not raw[i] and i in feared:  # a good word in a feared clause
                rules.append("fear")
                trigger.append(t.items[feared[i]])
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


def _conjuncts(
    lw: list[str],
    q: int,
    change: int,
    clause_end: list[bool],
    inside: set[int],
    entry: Callable[[int], _Entry | None],
    quantity: Callable[[int], int],
) -> list[int]:
    """Quantities joined to quantity ``q`` by "and"/"or", on the side away from ``change``."""
    out = []
    n = len(lw)
    if q > change:
        e = entry(q)
        j = q + (len(e.words) if e else 1)
        while j + 1 < n and lw[j] in ("and", "or") and not clause_end[j - 1] and quantity(j + 1):
            out.append(j + 1)
            e = entry(j + 1)
            j += 1 + (len(e.words) if e else 1)
    else:
        j = q - 1
        while j > 0 and lw[j] in ("and", "or") and not clause_end[j - 1]:
            h = j - 1
            while h > 0 and h in inside:
                h -= 1
            if not quantity(h):
                break
            out.append(h)
            j = h - 1
    return out


def _fear_scope(t: _Tokens) -> dict[int, int]:
    """Tokens of a feared clause and the fear word that governs each.

    A fear or warning word followed by "that" ("fears that", "warned that"), or "fear" and
    "afraid" after a first person ("I fear we ...", "I am afraid"), governs the rest of its
    sentence.
    """
    lw, n = t.lw, len(t.lw)
    sent_end = t.flags[1]
    out: dict[int, int] = {}
    for i, w in enumerate(lw):
        if w not in _FEAR or i + 1 >= n or sent_end[i]:
            continue
        if lw[i + 1] != "that" and not (
            w in ("fear", "afraid") and i and lw[i - 1] in _FEAR_FIRST_PERSON
        ):
            continue
        j = i + 1
        while j < n:
            out.setdefault(j, i)
            if sent_end[j]:
                break
            j += 1
    return out


def _proper_name(t: _Tokens, i: int) -> bool:
    """A capitalised word inside a sentence that is part of a name ("Grant Samuel", "Hope").

    A name's word carries no sentiment: VADER reads "Grant", "Joy" and "Fair" (in "Office of
    Fair Trading") as praise. A word counts when it is capitalised but not all capitals (VADER's
    shouting), does not open its sentence or a quotation, and is a given name or stands next to
    another capitalised word that does not open a sentence.
    """
    items, raws = t.items, t.raws
    if i == 0 or not _title_case(items[i]) or _opens(t, i):
        return False
    if t.lw[i] in vocabulary().given_names:
        return True
    before = _title_case(items[i - 1]) and not _opens(t, i - 1) and raws[i - 1] == items[i - 1]
    after = i + 1 < len(items) and _title_case(items[i + 1]) and raws[i] == items[i]
    return before or after


def _title_case(w: str) -> bool:
    return w[:1].isupper() and not w.isupper() and w.isalpha()


def _opens(t: _Tokens, i: int) -> bool:
    """True for a word that opens a sentence, clause after a colon, or a quotation."""
    if i == 0 or t.raws[i][:1] in "\"'(":
        return True
    prev = t.raws[i - 1]
    if prev[-1] == "." and t.lw[i - 1].rstrip(".") in _abbreviations():  # "Mr. Grant"
        return False
    return prev[-1] in '.!?:;"'


def _like_verb(prev: str) -> bool:
    """True when "like" after ``prev`` is the verb ("we like", "would like", "I'd like")."""
    return prev in _LIKE_VERB_AFTER or prev.endswith("'d") or prev.endswith("n't")


def _excess(lw: list[str], i: int) -> bool:
    """True when word ``i`` follows "too", "overly", ... ("too optimistic"), not "only too"."""
    if i == 0 or lw[i - 1] not in _EXCESS:
        return False
    return not (i > 1 and lw[i - 2] in _EXCESS_NOT_AFTER)


def _vader_negated(w: str) -> bool:
    return w in _VADER_NEGATE or "n't" in w


def _never(w: str) -> bool:
    return False


_IDIOM_KEYS = tuple(
    frozenset(k.split()) for k in (*SPECIAL_CASES, *BOOSTER_DICT) if " " in k
)
_IDIOM_WORDS = frozenset().union(*_IDIOM_KEYS)
# one word of each idiom, the longest: no idiom is in a text without its word
_IDIOM_RARE = frozenset(max(sorted(key), key=len) for key in _IDIOM_KEYS)


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


def _score_valence(sentiments: list[float], text: str) -> tuple[float, float, float, float]:
    """VADER's ``score_valence`` as (compound, pos, neu, neg), without its six calls per text.

    The same floating-point operations in the same order, so the same floats; a text whose
    words all score zero (a third of news quotes) gets VADER's result for it at once.
    """
    if not sentiments:
        return 0.0, 0.0, 0.0, 0.0
    if not any(sentiments):  # VADER: compound 0/sqrt(15), pos and neg 0/n, neu n/n
        return 0.0, 0.0, 1.0, 0.0
    sum_s = float(sum(sentiments))
    ep = text.count("!")
    qm = text.count("?")
    amp = (4 if ep > 4 else ep) * 0.292 + ((qm * 0.18 if qm <= 3 else 0.96) if qm > 1 else 0)
    if sum_s > 0:
        sum_s += amp
    elif sum_s < 0:
        sum_s -= amp
    compound = sum_s / math.sqrt((sum_s * sum_s) + 15)
    if compound < -1.0:
        compound = -1.0
    elif compound > 1.0:
        compound = 1.0
    pos_sum = neg_sum = 0.0
    scored = [s for s in sentiments if s]  # the zeros only count (a NaN is neither)
    neu_count = len(sentiments) - len(scored)
    for s in scored:
        if s > 0:
            pos_sum += float(s) + 1
        elif s < 0:
            neg_sum += float(s) - 1
    if pos_sum > math.fabs(neg_sum):
        pos_sum += amp
    elif pos_sum < math.fabs(neg_sum):
        neg_sum -= amp
    total = pos_sum + math.fabs(neg_sum) + neu_count
    pos = math.fabs(pos_sum / total)
    neu = math.fabs(neu_count / total)
    neg = math.fabs(neg_sum / total)
    # round(0.0, n) is 0.0 (fabs gives no -0.0): a statement without a negative word, say
    return (
        round(compound, 4) if compound else compound,
        round(pos, 3) if pos else pos,
        round(neu, 3) if neu else neu,
        round(neg, 3) if neg else neg,
    )


def _result(
    tone: float, pos: float, neu: float, neg: float, caution: float, optimism: float
) -> dict[str, Any]:
    # round(0.0, 3) is 0.0: most statements have no cue of one kind or the other
    caution = round(caution, 3) if caution else caution
    optimism = round(optimism, 3) if optimism else optimism
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
    optimism); ``rule`` (lexicon, domain-lexicon, then any of direction, excess, degree,
    preposition, negation, negation-scope, refusal, fear, contrast; for cues the cue's
    category: hedge, condition, refusal, caution-word, ...); ``trigger`` (the quantity a change
    composed with, or the change that took a quantity; the "too" of an excess; the negator,
    fear word or contrast word that applied); ``value`` (the word's valence on VADER's -4..4
    scale, with boosters and capitals, after direction, excess and degree, before negation,
    fear and contrast; or the cue's weight); ``vader_value`` (raw VADER's lexicon valence for
    the same words); ``contribution`` (its share of the score: tone rows plus the emphasis row
    sum to ``tone`` before rounding, cue rows sum to caution or optimism). A word that VADER
    scores but the layer neutralises (a name, a domain noun, what a refusal governs, the
    quantity a change speaks of, the preposition "like", a degree word, a good word in a
    feared clause) appears with contribution 0.

    Examples
    --------
    >>> ex = explain("The talks were constructive, but Japan has concerns.")
    >>> sorted(set(ex["score"]))
    ['caution', 'optimism', 'tone']
    """
    return (scorer or make_scorer()).explain(text)


_SCORE_KEYS = frozenset(SCORE_COLUMNS)
_score_row = operator.itemgetter(*SCORE_COLUMNS)


def score_quotes(
    quotes: pd.DataFrame, *, scorer: Scorer | None = None, column: str = "text"
) -> pd.DataFrame:
    """A copy of ``quotes`` with the score columns appended: tone, pos, neu, neg, caution,
    optimism, stance.

    ``scorer`` is any callable text -> dict (the domain scorer by default; :func:`score_vader`,
    or a model of one's own), so scorers can be compared on the same statements. A scorer that
    returns ``compound`` but no ``tone`` has its compound used as tone; keys it does not return
    are NaN, and so are the scores of a missing (non-string) text. A text that occurs more
    than once is scored once.

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
    # a text is scored once however often it recurs (syndicated copies, repeated soundbites):
    # a scorer is a function of the text alone. Each row gets the number of its distinct text;
    # a missing (non-string) text gets the last, all-NaN, row.
    texts = quotes[column].tolist()
    slot: dict[str, int] = {}
    where = [slot.setdefault(x, len(slot)) if isinstance(x, str) else -1 for x in texts]
    rows: list[tuple[Any, ...]] = []
    with paused_gc():
        for text in slot:
            got: Mapping[str, Any] = fn(text)
            if "tone" not in got and "compound" in got:
                got = {**got, "tone": got["compound"]}
            # a plain dict with every score (the domain scorer's) is read in one call
            if type(got) is dict and _SCORE_KEYS <= got.keys():
                rows.append(_score_row(got))
            else:
                rows.append(tuple(got.get(c, np.nan) for c in SCORE_COLUMNS))
    rows.append((np.nan,) * len(SCORE_COLUMNS))
    take = np.array(where, dtype=np.intp)
    out = quotes.drop(columns=[c for c in SCORE_COLUMNS if c in quotes.columns]).copy()
    for c, values in zip(SCORE_COLUMNS, zip(*rows, strict=True), strict=True):
        column_values = np.fromiter(values, dtype=object, count=len(rows)).take(take)
        if c == "stance":
            out[c] = pd.Series(column_values, index=out.index, dtype=object)
        else:
            out[c] = pd.to_numeric(
                pd.Series(column_values, index=out.index, dtype=object), errors="coerce"
            ).astype("float64")
    return out
