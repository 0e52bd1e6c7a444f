"""Paragraphs and sentences with character offsets into an article's cleaned text.

Sentence splitting uses NLTK's Punkt algorithm with parameters we ship (an abbreviation list and
frequent sentence starters), so nothing is downloaded. Curly quote marks are mapped one-for-one
to straight ones before splitting, which keeps offsets exact and lets Punkt keep a closing
quote mark in the sentence it closes (``... Japanese jobs.”``).
"""

from __future__ import annotations

import re
import string
import unicodedata
from functools import lru_cache
from pathlib import Path

from nltk.tokenize.punkt import (
    PunktLanguageVars,
    PunktParameters,
    PunktSentenceTokenizer,
    PunktToken,
)

from .resources import read_lines
from .types import Span

__all__ = ["paragraph_spans", "sentence_spans", "sentences", "straighten_quotes"]

# Words that, capitalised after an abbreviation's full stop, start a new sentence
# ("... with the U.S. The talks ..."). Function words only: names never follow here.
_SENT_STARTERS = frozenset(
    "the a an it its he she they we i you this that these those there his her their our but"
    " and so yet however meanwhile in on at for if when while as after before since although"
    " though what who why how mr mrs ms dr"
    # more function words that open sentences but not names or titles ("Under Secretary",
    # "No. 2" and "One" are left out on purpose)
    " then now still also even many some both all most several each such another with from"
    " by during despite according because unless once where which whether".split()
)

_QUOTE_TABLE = str.maketrans({
    "“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"',
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "‹": "'", "›": "'",
})  # fmt: skip

_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")
_NEWLINE = re.compile(r"\n\s*")


_QUOTE_PAIRS = tuple((chr(k), v) for k, v in _QUOTE_TABLE.items())


def straighten_quotes(text: str) -> str:
    """Map curly and angled quote marks to straight ones, one character for one.

    Same as ``text.translate(_QUOTE_TABLE)``; a ``replace`` per mark present runs at C speed,
    where ``translate`` looks every character up in the table.
    """
    for mark, straight in _QUOTE_PAIRS:
        if mark in text:
            text = text.replace(mark, straight)
    return text


_LAST_FLAT: list = ["", "", False]


def _straightened_plain(text: str) -> tuple[str, bool]:
    """straighten_quotes of the text, remembered for the last text (callers go paragraph by
    paragraph), and whether that text is *plain*: no whitespace but spaces and newlines (so
    a stretch without a newline has only spaces) and none on which NLTK and ``re`` disagree.
    Punkt's per-call checks then need no regex scan."""
    if _LAST_FLAT[0] is not text:
        _LAST_FLAT[0], _LAST_FLAT[1] = text, straighten_quotes(text)
        _LAST_FLAT[2] = not _NOT_PLAIN.search(text)
    return _LAST_FLAT[1], _LAST_FLAT[2]


@lru_cache(maxsize=8)
def _tokenizer(abbreviations: str | None) -> _Punkt:
    params = PunktParameters()
    abbrevs = read_lines(abbreviations, "abbreviations.txt")
    params.abbrev_types = {a.lower().rstrip(".") for a in abbrevs}
    params.sent_starters = set(_SENT_STARTERS)
    return _Punkt(PunktSentenceTokenizer(params))


# Characters that NLTK's regular expressions (the third-party ``regex`` engine in recent NLTK)
# and ``re`` disagree on as whitespace; a text holding one is split by NLTK itself.
_WHITESPACE_DISAGREE = re.compile("[\x1c-\x1f]")
_PUNKT_WHITESPACE = string.whitespace  # what Punkt's "last whitespace" search looks for
_OTHER_WHITESPACE = re.compile("[" + re.escape(_PUNKT_WHITESPACE.replace(" ", "")) + "]")
_CONTEXT_CACHE_LIMIT = 100_000
# What makes a text not plain (see _straightened_plain): whitespace other than space and
# newline that Punkt's search looks for, or whitespace NLTK and ``re`` disagree on.
_NOT_PLAIN = re.compile("[\t\r\x0b\x0c\x1c-\x1f]")


class _Punkt:
    """NLTK Punkt's ``span_tokenize``, same spans, at a fraction of the cost.

    Punkt decides each candidate boundary by tokenising and annotating a few characters of
    context around it with Python objects, under a timed regular-expression wrapper. Here the
    same steps (candidate contexts, boundary decisions, realignment of closing marks) run with
    plain ``re`` patterns compiled from Punkt's own, the decision for the common contexts
    (``?``, ``!``, or a full stop after a plain word that is no abbreviation) is taken without
    tokenising (it is always a break there), every other context is decided by Punkt's
    annotation rules worked out for our parameters (``_annotated_break``), or by Punkt
    itself where ``re`` and NLTK's regex engine might disagree, remembered per context string.
    """

    def __init__(self, punkt: PunktSentenceTokenizer) -> None:
        self.punkt = punkt
        lang = punkt._lang_vars
        self._period = re.compile(lang.period_context_re().pattern, re.UNICODE | re.VERBOSE)
        self._realign = re.compile(lang.re_boundary_realignment.pattern, re.MULTILINE)
        params = punkt._params
        self._abbrevs = params.abbrev_types
        self._starters = params.sent_starters
        self._punctuation = frozenset(punkt.PUNCTUATION)
        token = punkt._Token
        self._words = re.compile(lang._word_tokenizer_re().pattern, re.UNICODE | re.VERBOSE)
        self._numeric = re.compile(token._RE_NUMERIC.pattern)
        # _annotated_break works out Punkt's decision for these parameters only: stock classes,
        # no collocations and no orthographic evidence (what _tokenizer builds).
        self._annotate = (
            type(punkt) is PunktSentenceTokenizer and token is PunktToken
            and type(lang) is PunktLanguageVars and not params.collocations
            and not any(params.ortho_context.values())
        )
        self._decided: dict[str, bool] = {}

    def span_tokenize(self, text: str, plain: bool = False) -> list[tuple[int, int]]:
        """Sentence spans of ``text``, as ``PunktSentenceTokenizer.span_tokenize`` gives.

        ``plain``: the caller knows ``text`` holds no whitespace but spaces and newlines
        (see ``_straightened_plain``), which spares two scans of it.
        """
        if not plain and _WHITESPACE_DISAGREE.search(text):
            return list(self.punkt.span_tokenize(text))
        return self._realigned(text, self._slices(text, plain))

    def _candidates(self, text: str, plain: bool = False
                    ) -> list[tuple[re.Match[str], int, int]]:
        """Candidate boundaries with the span of the word before each, as Punkt's
        ``_match_potential_end_contexts`` keeps them (a candidate whose word overlaps the
        next candidate's is dropped)."""
        out: list[tuple[re.Match[str], int, int]] = []
        prev_start = prev_stop = 0
        prev_match: re.Match[str] | None = None
        only_spaces = "\n" not in text if plain else not _OTHER_WHITESPACE.search(text)
        for match in self._period.finditer(text):
            m_start = match.start()
            last = text.rfind(" ", prev_stop, m_start) if only_spaces else \
                max(text.rfind(c, prev_stop, m_start) for c in _PUNKT_WHITESPACE)
            # Punkt takes a whitespace at the very start of the gap for "none found"
            word_start = last + 1 if last > prev_stop else prev_start
            if prev_match is not None and prev_stop <= word_start:
                out.append((prev_match, prev_start, prev_stop))
            prev_match, prev_start, prev_stop = match, word_start, m_start
        if prev_match is not None:
            out.append((prev_match, prev_start, prev_stop))
        return out

    def _breaks(self, word: str, match: re.Match[str]) -> bool:
        """Punkt's ``text_contains_sentbreak`` for the context ``word`` + ``match``."""
        if match.group() != ".":
            return True  # "?" and "!" are tokens of their own, breaks, and a token follows
        if len(word) >= 2 and word.isascii() and word.isalpha() \
                and word.lower() not in self._abbrevs:
            return True  # "word." is a break (no abbreviation, initial or number)
        context = word + "." + match.group("after_tok")
        found = self._decided.get(context)
        if found is None:
            if len(self._decided) >= _CONTEXT_CACHE_LIMIT:
                self._decided.clear()
            found = self._annotated_break(context) if self._annotate else None
            if found is None:
                found = self.punkt.text_contains_sentbreak(context)
            self._decided[context] = found
        return found

    def _abbr(self, tok: str) -> bool:
        """Punkt's first-pass abbreviation test of a token ending in one full stop."""
        low = tok[:-1].lower()
        return low in self._abbrevs or low.split("-")[-1] in self._abbrevs

    def _starts_sentence(self, tok: str) -> bool:
        """Punkt's frequent-sentence-starter test of the token after an abbreviation or
        ellipsis: capitalised, and its ``type_no_sentperiod`` a sentence starter. A type in
        the (alphabetic) starter list is never ``##number##``, so the number rewrite of the
        type cannot matter; the full stop goes only when the first pass broke there."""
        if not tok[0].isupper():
            return False
        low = tok.lower()
        if len(low) > 1 and low[-1] == "." and tok[-2:] != ".." and not self._abbr(tok):
            low = low[:-1]  # a sentence break in the first pass: type_no_period
        return low in self._starters

    def _annotated_break(self, context: str) -> bool | None:
        """``text_contains_sentbreak(context)`` worked out from Punkt's annotation rules
        without its token objects and timed regex, or None where that is not proven.

        With no collocations and no orthographic context, Punkt's orthographic heuristic is
        never True: it is False before a lower-case word or one of ``;:,.!?``, else
        "unknown". A token is then a break, if a token follows it, when it is ``.``, ``?``
        or ``!``; when it is an ellipsis or abbreviation (no initial) followed by a
        capitalised sentence starter; or when it ends in one full stop, is no abbreviation,
        and is neither an initial followed by a cased word or one of ``;:,.!?`` nor a
        number followed by a lower-case word or one of those. NLTK's ``regex`` engine and
        ``re`` agree on ``\\s`` except for \\x1c-\\x1f, on ``\\d`` for every character
        Python's Unicode data assigns, and on ``[^\\W\\d]`` for ASCII; anything else goes
        back to NLTK.
        """
        if _WHITESPACE_DISAGREE.search(context):
            return None
        if "\n" in context:
            toks = [t for line in context.split("\n") if line.strip()
                    for t in self._words.findall(line)]
        else:
            toks = self._words.findall(context) if context.strip() else []
        for i in range(len(toks) - 1):
            tok = toks[i]
            if tok in _SENT_END:
                return True
            if tok[-1] != ".":
                continue  # no full stop: no break
            if tok[-2] == ".":  # len(tok) >= 2 here, as "." was handled
                if tok.strip(".") == "" and self._starts_sentence(toks[i + 1]):
                    return True  # an ellipsis before a sentence starter
                continue  # otherwise ".." ends no sentence
            nxt = toks[i + 1]
            if len(tok) == 2:  # an initial if its first character is in [^\W\d]
                if not tok.isascii():
                    return None
                if tok[0].isalpha() or tok[0] == "_":
                    # an initial: no sentence-starter rule; as an abbreviation no break,
                    # else a break unless a cased word or one of ;:,.!? follows
                    if not (self._abbr(tok) or nxt in self._punctuation
                            or nxt[0].islower() or nxt[0].isupper()):
                        return True
                    continue
            if self._abbr(tok):
                if self._starts_sentence(nxt):
                    return True
                continue
            if nxt in self._punctuation or nxt[0].islower():
                if not tok.isascii() and _has_unassigned(tok):
                    return None
                typ = tok.lower()
                if self._numeric.match(typ) or typ[:-1] == "##number##":
                    continue  # a number before a lower-case word or punctuation
            return True
        return False

    def _slices(self, text: str, plain: bool = False) -> list[tuple[int, int]]:
        """Punkt's ``_slices_from_text``."""
        out: list[tuple[int, int]] = []
        last_break = 0
        for match, w_start, w_stop in self._candidates(text, plain):
            if self._breaks(text[w_start:w_stop], match):
                out.append((last_break, match.end()))
                last_break = match.start("next_tok") if match.group("next_tok") \
                    else match.end()
        out.append((last_break, len(text.rstrip())))
        return out

    def _realigned(self, text: str, slices: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Punkt's ``_realign_boundaries``: closing marks after a break join its sentence."""
        out: list[tuple[int, int]] = []
        realign = 0
        n = len(text)
        for k, (start1, stop1) in enumerate(slices):
            start1 += realign
            if k + 1 == len(slices):
                if start1 < min(stop1, n):
                    out.append((start1, stop1))
                break
            start2, stop2 = slices[k + 1]
            m = self._realign.match(text[start2:stop2]) if start2 < n and \
                text[start2] in _REALIGN_FIRST else None
            if m:
                out.append((start1, start2 + len(m.group(0).rstrip())))
                realign = m.end()
            else:
                realign = 0
                if start1 < min(stop1, n):
                    out.append((start1, stop1))
        return out


_SENT_END = frozenset(PunktLanguageVars.sent_end_chars)


def _has_unassigned(text: str) -> bool:
    """Whether ``text`` holds a character Python's Unicode data leaves unassigned (where
    NLTK's newer ``regex`` tables may see a digit)."""
    return any(unicodedata.category(c) == "Cn" for c in text if not c.isascii())


# The characters Punkt's realignment pattern can start with.
_REALIGN_FIRST = frozenset("\"')]}\u2018\u2019\u201c\u201d\xab\xbb")


def _hard_wrapped(text: str) -> bool:
    """True when single newlines wrap lines inside paragraphs (blank lines separate them)."""
    if "\n\n" not in text:
        return False
    lines = [ln for ln in text.split("\n") if ln.strip()]
    if len(lines) < 6:
        return False
    short = sum(1 for ln in lines if len(ln) <= 90)
    return short / len(lines) >= 0.8


def paragraph_spans(text: str) -> list[Span]:
    """Paragraphs as character spans, whitespace trimmed.

    A paragraph is a line, unless the text is hard-wrapped (most lines short, blank lines
    between blocks), in which case it is a block between blank lines.

    Examples
    --------
    >>> t = "First para.\\nSecond para."
    >>> [t[s:e] for s, e in paragraph_spans(t)]
    ['First para.', 'Second para.']
    """
    splitter = _BLANK_LINE if _hard_wrapped(text) else _NEWLINE
    spans: list[Span] = []
    pos = 0
    for m in splitter.finditer(text):
        _add_trimmed(text, pos, m.start(), spans)
        pos = m.end()
    _add_trimmed(text, pos, len(text), spans)
    return spans


def _add_trimmed(text: str, start: int, end: int, out: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Span(start, end))


def sentence_spans(
    text: str,
    paragraphs: list[Span] | None = None,
    *,
    abbreviations: str | Path | None = None,
) -> list[Span]:
    """Sentences as character spans; a sentence never crosses a paragraph break.

    Parameters
    ----------
    text : str
        Cleaned article text.
    paragraphs : list of Span, optional
        Paragraph spans if already computed.
    abbreviations : path, optional
        A file of abbreviations (one a line, without the final full stop) to use instead of
        the packaged list.

    Examples
    --------
    >>> t = "Talks on the U.S. trade deficit began. “We are ready,” he said."
    >>> [t[s:e] for s, e in sentence_spans(t)]
    ['Talks on the U.S. trade deficit began.', '“We are ready,” he said.']
    """
    tok = _tokenizer(None if abbreviations is None else str(abbreviations))
    flat, plain = _straightened_plain(text)
    out: list[Span] = []
    for p_start, p_end in paragraphs if paragraphs is not None else paragraph_spans(text):
        out.extend(_join_continuations(flat, _punkt_spans(tok, flat, p_start, p_end, plain)))
    return out


def paragraph_sentences(text: str, start: int, end: int) -> list[Span]:
    """``sentence_spans(text, [(start, end)])`` with the packaged abbreviations: the
    sentences of one paragraph, for callers that go paragraph by paragraph."""
    flat, plain = _straightened_plain(text)
    return _join_continuations(flat, _punkt_spans(_tokenizer(None), flat, start, end, plain))


#: Longest stretch of text handed to Punkt in one call. NLTK runs Punkt's regular expression
#: under a 5-second wall-clock limit per call (``nltk.redos``), which a paragraph of a few MB
#: exceeds; longer paragraphs are fed in windows of this size instead. The replica in
#: :class:`_Punkt` runs plain ``re``, but a text holding \x1c-\x1f still goes to NLTK's own
#: Punkt, and every text is windowed alike, whichever of the two splits it.
_MAX_PUNKT_CHARS = 20_000

# A sentence that ends in ? or ! (or in a closing quote mark) and is followed by one that
# starts in lower case was split inside a quotation: “Is it fair?” she asked.
_OPEN_ENDING = re.compile(r"""(?:[?!][)\]"']*|[.,][)\]]*["'][)\]"']*)$""")


def _punkt_spans(
    tok: _Punkt, flat: str, start: int, end: int, plain: bool = False
) -> list[Span]:
    """Punkt's sentence spans of ``flat[start:end]``, in bounded windows.

    Each window ends just before whitespace, so every candidate boundary inside it sees the
    same neighbouring tokens as in the whole paragraph, and only the window's last
    (possibly cut) sentence is re-read from its start in the next window. A window with no
    boundary at all (a "sentence" longer than the window) is cut at its last whitespace.
    """
    spans: list[Span] = []
    pos = start
    while pos < end:
        stop = end
        if end - pos > _MAX_PUNKT_CHARS:
            limit = pos + _MAX_PUNKT_CHARS
            cut = _last_space(flat, pos, limit)
            stop = cut if cut > pos else limit
        found = [Span(pos + s, pos + e) for s, e in tok.span_tokenize(flat[pos:stop], plain)]
        if stop == end or not found:
            spans.extend(found)
            pos = stop
        elif len(found) == 1:
            spans.append(found[0])
            pos = stop
        else:
            spans.extend(found[:-1])
            pos = found[-1].start
        while pos < end and flat[pos].isspace():
            pos += 1
    return spans


def _last_space(text: str, start: int, limit: int) -> int:
    """Index of the last whitespace character in ``text[start + 1:limit + 1]``, or -1."""
    for i in range(min(limit, len(text) - 1), start, -1):
        if text[i].isspace():
            return i
    return -1


def _join_continuations(flat: str, spans: list[Span]) -> list[Span]:
    """Rejoin sentences that Punkt split inside a quotation before a lower-case word."""
    out: list[Span] = []
    for span in spans:
        if out and flat[span.start].islower() and _OPEN_ENDING.search(flat, out[-1].start,
                                                                      out[-1].end):
            out[-1] = Span(out[-1].start, span.end)
        else:
            out.append(span)
    return out


def sentences(text: str) -> list[str]:
    """The sentences of ``text`` as strings (see :func:`sentence_spans`)."""
    return [text[s:e] for s, e in sentence_spans(text)]
