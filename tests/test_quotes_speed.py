"""The extractor's fast helpers give what their plain definitions give.

Each helper was rewritten for speed; these tests hold it to the slower, obvious form it
replaced (kept here as the reference) and to hand-written examples.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from stance.quotes import (
    _MAY_OPEN,
    _TOKEN,
    _Extractor,
    _lowered,
    _Para,
    _quote_ids,
    _sentence_guesses,
    find_quote_spans,
    load_cues,
)
from stance.registry import load_registry

__all__: list[str] = []

# the definitions the fast forms replaced
_PLAIN_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W_](?:\w|[’'\-&.](?=[^\W_]))*|\S")
_PLAIN_SENT_GUESS = re.compile(r"(?:^|\n|(?<=[.!?][\"”’']) |(?<=[.!?]) )(?=[\"“‘']?[A-Z])")

_CHARS = "aZé3_ .,!?'’\"“”‘-&\n"


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=_CHARS, max_size=30))
def test_token_pattern_matches_its_plain_form(text):
    assert [m.span() for m in _TOKEN.finditer(text)] == \
        [m.span() for m in _PLAIN_TOKEN.finditer(text)]


def test_tokens_of_a_sentence():
    text = "U.S. co-op's chief said: “We'll wait.”"
    assert _TOKEN.findall(text) == ["U.S.", "co-op's", "chief", "said", ":", "“", "We'll",
                                    "wait", ".", "”"]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=".!? \n\"”’'“‘Aa", max_size=12))
def test_sentence_guesses_match_their_plain_form(text):
    assert _sentence_guesses(text) == [m.start() for m in _PLAIN_SENT_GUESS.finditer(text)]


def test_sentence_guesses_mark_the_whitespace_before_a_sentence():
    text = 'It rained. "Go," he said! Then\nNext. a b? “C'
    assert _sentence_guesses(text) == [0, 10, 25, 30, 41]
    assert _sentence_guesses(" lower. no") == []


def _para(text: str) -> tuple[_Extractor, _Para]:
    ex = _Extractor(text, load_registry(), load_cues())
    p = _Para(text, 0, len(text), find_quote_spans(text), [(0, len(text))])
    p.cues = ex._find_cues(p)
    return ex, p


def test_paragraph_tokens_offsets_case_and_quote_membership():
    text = "Ishiba said “No deal.” Later"
    _, p = _para(text)
    assert [text[s:e] for s, e in zip(p.starts, p.ends, strict=True)] == \
        ["Ishiba", "said", "“", "No", "deal", ".", "”", "Later"]
    assert p.low == ["ishiba", "said", "“", "no", "deal", ".", "”", "later"]
    assert p.cap == [True, False, False, True, False, False, False, True]
    assert p.qid == [-1, -1, 0, 0, 0, 0, 0, -1]


def test_cues_are_found_only_at_cue_words_in_verb_position():
    text = "The report said tariffs rose, Akazawa told reporters, according to the Post."
    _, p = _para(text)
    found = {p.low[i]: hit[:2] for i, hit in enumerate(p.cues) if hit}
    assert found == {"said": ("said", "say"), "told": ("told", "tell"),
                     "according": ("according to", "according to")}
    text = "A report on tariffs was published."  # "report" after a determiner is the noun
    _, p = _para(text)
    assert not any(p.cues)


def _plain_quote_ids(starts: list[int], quotes: list) -> list[int]:
    """The token-at-a-time loop that _quote_ids replaced."""
    qid = [-1] * len(starts)
    qi = 0
    for ti, s in enumerate(starts):
        while qi < len(quotes) and s > quotes[qi].close:
            qi += 1
        if qi == len(quotes):
            break
        if quotes[qi].open <= s:
            qid[ti] = qi
    return qid


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab '\"“”‘’.,", max_size=40))
def test_quote_ids_match_the_token_loop(text):
    quotes = find_quote_spans(text)
    starts = [m.start() for m in _TOKEN.finditer(text)]
    assert _quote_ids(starts, quotes) == _plain_quote_ids(starts, quotes)


def test_a_quote_inside_a_longer_one_belongs_to_the_outer_one():
    text = "x 'a \"b\" c' d \"e\""
    quotes = find_quote_spans(text)
    assert [(q.open, q.close) for q in quotes] == [(2, 10), (5, 7), (14, 16)]
    starts = [m.start() for m in _TOKEN.finditer(text)]
    # x  '  a  "  b  "  c  '  d  "  e  "
    assert _quote_ids(starts, quotes) == [-1, 0, 0, 0, 0, 0, 0, 0, -1, 2, 2, 2]


def test_lowering_keeps_every_token_class_but_the_kelvin_sign():
    """Why _lowered may tokenise the lower-cased text: over all of Unicode, a character that
    lower-cases to one other character stays in every character class of _TOKEN, save one."""
    import sys

    classes = [re.compile(c) for c in (r"\w", r"\S", r"[^\W_]", r"[A-Za-z]", r"[’'\-&.]")]
    changed = []
    for cp in range(sys.maxunicode + 1):
        c = chr(cp)
        low = c.lower()
        if low != c and len(low) == 1 and any(
                bool(k.match(c)) != bool(k.match(low)) for k in classes):
            changed.append(c)
    assert changed == ["\u212a"]  # KELVIN SIGN -> "k": _lowered refuses texts holding it


def test_lowered_refuses_what_would_move_offsets_or_tokens():
    assert _lowered("Ishiba SAID “No.”") == "ishiba said “no.”"
    assert _lowered("İzmir") is None  # two characters in lower case
    assert _lowered("ΟΔΟΣ:Α") is None  # the capital sigma's lower case depends on context
    assert _lowered("5 \u212a") is None


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=_CHARS + "AÉΣİ\u212aß", max_size=40))
def test_paragraph_tokens_from_the_lowered_text_match_the_plain_ones(text):
    flat = _lowered(text)
    plain = _Para(text, 0, len(text), find_quote_spans(text), [(0, len(text))])
    if flat is None:
        return
    fast = _Para(text, 0, len(text), find_quote_spans(text), [(0, len(text))], flat)
    assert (fast.starts, fast.ends, fast.low, fast.cap, fast.qid, fast.sent) == \
        (plain.starts, plain.ends, plain.low, plain.cap, plain.qid, plain.sent)


def test_quote_frame_is_the_frame_pandas_infers_then_converts():
    import numpy as np
    import pandas as pd

    from stance.quotes import _quote_frame
    from stance.types import QUOTE_DTYPES

    n = 4
    strs = {c: [f"{c} {i}" for i in range(n)] for c in
            ("speaker", "side", "kind", "text", "cue", "attribution", "sentence")}
    for ids, dates in [
        (["a", "b", "c", "d"], [pd.Timestamp("2025-01-02"), pd.NaT, pd.NaT,
                                pd.Timestamp("2025-03-04")]),
        ([1, 2, None, 4], ["2025-01-02", None, "2025-02-03", "2025-02-03"]),
        (["x", None, 3, 4.5], [pd.NaT] * n),
        ([np.int64(7), 8, 9, 10], [pd.Timestamp("2025-01-02 10:00")] * n),
    ]:
        rows = {"article_id": ids, "date": dates, **strs, "start": [0, 5, 9, 12],
                "end": [3, 8, 11, 20]}
        rows = {c: rows[c] for c in QUOTE_DTYPES}
        plain = pd.DataFrame(rows).astype(QUOTE_DTYPES)
        fast = _quote_frame(rows)
        pd.testing.assert_frame_equal(fast, plain, check_exact=True)
        assert fast.dtypes.equals(plain.dtypes)
        assert type(fast.index) is type(plain.index)


def _plain_find_quote_spans(text, start=0, end=None):
    """find_quote_spans as it was: every single mark handed to _pair, alnum by a generator."""
    from bisect import bisect_right

    from stance.quotes import _DOUBLE_RE, _SINGLE_RE, _pair

    hi = len(text) if end is None else end
    doubles = [m.start() for m in _DOUBLE_RE.finditer(text, start, hi)]
    pairs = _pair(text, doubles, start, hi, True)
    opens = [a for a, _, _ in pairs]

    def inside(i):
        k = bisect_right(opens, i) - 1
        return k >= 0 and i < pairs[k][1]

    singles = [m.start() for m in _SINGLE_RE.finditer(text, start, hi) if not inside(m.start())]
    if singles:
        pairs += [p for p in _pair(text, singles, start, hi, False) if p[2]]
        pairs.sort()
    out = []
    for a, b, closed in pairs:
        s, e = a + 1, b
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s and any(ch.isalnum() for ch in text[s:e]):
            out.append((a, b, s, e, closed))
    return out


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="ab3é_ '’‘\"“”.,:(-\n", max_size=40), st.integers(0, 40),
       st.integers(0, 40))
def test_find_quote_spans_match_their_plain_form(text, i, j):
    start, end = min(i, j, len(text)), min(max(i, j), len(text))
    got = [(q.open, q.close, q.start, q.end, q.closed)
           for q in find_quote_spans(text, start, end)]
    assert got == _plain_find_quote_spans(text, start, end)


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet="ab3é_ '’‘\"“”«»„.,:(-\n", max_size=30), st.integers(0, 30))
def test_a_paragraph_without_a_mark_that_can_open_has_no_quote(text, i):
    """extract_statements skips find_quote_spans where _MAY_OPEN finds nothing; a paragraph
    starts at the text's start or after whitespace."""
    start = min(i, len(text))
    if start and not text[start - 1].isspace():
        start = 0
    if not _MAY_OPEN.search(text, start):
        assert find_quote_spans(text, start) == []


def test_marks_that_can_open():
    assert not _MAY_OPEN.search("Japan's rock'n'roll, it’s over’")
    assert [m.start() for m in _MAY_OPEN.finditer("'a' b'c d' “e” ‘f")] == [0, 2, 9, 11, 13, 15]


def test_alnum_pattern_is_str_isalnum():
    import sys

    from stance.quotes import _ALNUM

    assert all(bool(_ALNUM.match(chr(c))) == chr(c).isalnum()
               for c in range(sys.maxunicode + 1))


_GATE_WORDS = ["said", "Said", "ésaid", "well-said", "3said", "said_x", "U.S.said", "told",
               "tolde", "according", "to", "Mr", "Smith", "he", "“", "”", '"', ".", ",", " ",
               "\n", "adding", "Akazawa"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_GATE_WORDS), max_size=30))
def test_token_gate_gives_what_the_word_gate_gives(words):
    """Paragraphs gated by their tokens (cue words among them) yield the statements that
    gating by their [a-z]+ runs yields."""
    import pytest

    import stance.quotes as q
    from stance.quotes import extract_statements

    text = " ".join(words)
    fast = extract_statements(text)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(q, "_plain_words", lambda words: False)
        plain = extract_statements(text)
    assert fast == plain


def test_token_gate_only_for_plain_cue_words():
    from stance.quotes import _plain_words

    assert _plain_words(load_cues().first_words)
    assert not _plain_words(frozenset({"said", "co-signed"}))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_GATE_WORDS + ["The", "a", "report", "making", "point", "made"]),
                max_size=30))
def test_cue_at_lists_exactly_the_tokens_that_start_a_cue(words):
    """_previous_cue walks p.cue_at instead of testing every token for a cue."""
    _, p = _para(" ".join(words))
    assert p.cue_at == [i for i, hit in enumerate(p.cues) if hit]


def _plain_is_name_of_thing(inner: str) -> bool:
    """_is_name_of_thing as it was: every word split off before the length test."""
    from stance.quotes import _SMALL

    s = inner.strip().rstrip(",.;:")
    if not s or s.endswith(("!", "?")):
        return False
    words = s.split()
    if len(words) > 6:
        return False
    content = [w for w in words if w.lower() not in _SMALL]
    return bool(content) and words[0][0].isupper() and all(w[0].isupper() for w in content)


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(
    ["Truth", "Social", "of", "the", "a", "x", "Y", " ", "  ", "\n", "\t", "\u2003", "\x1c",
     ",", ".", ";", ":", "!", "?", "É", "é"]), max_size=20).map("".join))
def test_name_of_thing_matches_its_plain_form(inner):
    from stance.quotes import _is_name_of_thing

    assert _is_name_of_thing(inner) == _plain_is_name_of_thing(inner)


def test_names_of_things():
    from stance.quotes import _is_name_of_thing

    assert _is_name_of_thing("Truth Social")
    assert _is_name_of_thing(" The Art of the Deal, ")
    assert not _is_name_of_thing("A B C D E F G")  # seven words: too long for a name
    assert _is_name_of_thing("A B C D E F ,")
    assert not _is_name_of_thing("We won")


_SKIP_WORDS = _GATE_WORDS + ["The", "a", "report", "Report", "the", "said.", "Mr.", "claims",
                             "warned", "a", "statement", "point", "made", "stressed", "that",
                             "on", "Monday", "The", "Lib", "Dems'", "call", "Japan's", "rise"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([w for w in _SKIP_WORDS if w not in ("“", "”", '"')]),
                max_size=30))
def test_a_paragraph_without_quote_or_cue_has_no_statement_whatever_its_sentences(words):
    """paragraph() returns before Punkt when a paragraph has no quote and _find_cues finds no
    cue in its tokens: with its sentences, the rules would find nothing in it either."""
    from stance.text import paragraph_sentences

    text = " ".join(words)
    ex = _Extractor(text, load_registry(), load_cues())
    quotes = find_quote_spans(text)
    p = _Para(text, 0, len(text), quotes, None, ex.flat)
    p.cues = ex._find_cues(p)
    sents = paragraph_sentences(text, 0, len(text))
    late = _Para(text, 0, len(text), quotes, sents, ex.flat)
    if sents:
        p.set_sentences(sents)
        assert (p.sents, p.sent_tokens, p.sent) == (late.sents, late.sent_tokens, late.sent)
    if quotes or p.cue_at or not sents:
        return
    ex._reported(p, set())
    assert ex.out == []


def test_in_quote_is_a_quote_id_not_minus_one():
    """_reported_one tests qid slices by _IN_QUOTE where it tested ``qid[x] >= 0``."""
    from stance.quotes import _IN_QUOTE

    assert [_IN_QUOTE(x) for x in range(-1, 40)] == [x >= 0 for x in range(-1, 40)]


def _plain_clause_span(ex, p, i, hi):
    """_Extractor._clause_span as it was: a Python step per token of the clause."""
    from stance.quotes import _CLOSING, _PRONOUNS, _SENT_END

    low = p.low
    e = hi - 1
    while e >= i and (low[e] in _SENT_END or low[e] in _CLOSING):
        e -= 1
    for k in range(i, e + 1):
        w = low[k]
        if w == ";":
            e = k - 1
            break
        if w in ("—", "–", "-") and k > i and k + 1 <= e and (
                (low[k + 1].endswith("ing") and low[k + 1] not in ("including", "excluding"))
                or low[k + 1] in ("a", "an")):
            e = k - 1
            break
        if w in ("and", "but") and k > i and ex._cue_follows(p, k + 1, e + 1):
            e = k - 2 if low[k - 1] == "," else k - 1
            break
        if w == "," and k + 1 <= e:
            nxt = low[k + 1]
            if nxt == "according":
                e = k - 1
                break
            if nxt.endswith("ing") and ex._cue_follows(p, k + 1, e + 1, "clause"):
                e = k - 1
                break
            if k + 2 <= e and nxt in ("but", "while", "whereas") and p.cap[k + 2] \
                    and low[k + 2] not in _PRONOUNS:
                e = k - 1
                break
    if e - i + 1 < 2 or i >= hi:
        return None
    return i, e


_CLAUSE_WORDS = ["a", "an", "we", "Japan", "He", "he", "said", "adding", "including", "and",
                 "but", "while", "While", "whereas", ",", ";", "—", "–", "-", ".", "”", "'",
                 "according", "to", "stressed", "that", "also", "rise", "making", "point"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_CLAUSE_WORDS), max_size=25))
def test_clause_span_matches_its_plain_form(words):
    ex, p = _para(" ".join(words))
    n = len(p.low)
    for i in range(n + 1):
        for hi in range(i, n + 1):
            assert ex._clause_span(p, i, hi) == _plain_clause_span(ex, p, i, hi)
