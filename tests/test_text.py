"""Sentence and paragraph segmentation: abbreviations, quotes, offsets, paragraph breaks."""

from __future__ import annotations

import re
import sys
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from nltk import redos
from nltk.tokenize.punkt import PunktSentenceTokenizer

import stance
import stance.text as text_mod
from stance.text import paragraph_spans, sentence_spans, sentences, straighten_quotes

__all__: list[str] = []


def _check_spans(text: str, spans: list) -> None:
    """Spans lie inside the text, in order, without overlap or surrounding whitespace."""
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert text[start:end] == text[start:end].strip()
        previous_end = end


# --- abbreviations -----------------------------------------------------------------------


def test_us_before_a_noun_stays_in_one_sentence():
    text = "Akazawa raised the U.S. trade deficit with Bessent. Talks resume next week."
    assert sentences(text) == [
        "Akazawa raised the U.S. trade deficit with Bessent.",
        "Talks resume next week.",
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Mr. Akazawa met Treasury officials on Thursday.",
        "Dr. Katz called the refusal an aggressive stance.",
        "Gen. Nakatani inspected the base near Tokyo.",
        "The first round of talks began on Jan. 16 in Washington.",
        "The delegation landed at 9 a.m. Tokyo time on Wednesday.",
        "Toyota Motor Inc. Chief Executive Koji Sato declined to comment.",
        "The tariff on cars is No. 1 on the list of Japanese demands.",
        "Sen. Lee and Gov. Abe met Mrs. Ito and Ms. Sato on Sept. 4.",
        "U.S. President Donald Trump joined the talks.",
        "The U.S. Under Secretary of Commerce attended.",
        "Howard W. Lutnick spoke to reporters.",
        "The meeting ended at 5 p.m. with no statement.",
    ],
)
def test_abbreviations_do_not_end_sentences(sentence):
    assert sentences(sentence) == [sentence]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Akazawa flew back from the U.S. The talks had ended without a deal.",
            ["Akazawa flew back from the U.S.", "The talks had ended without a deal."],
        ),
        (
            "Tokyo sent a team to the U.K. It returned on Monday.",
            ["Tokyo sent a team to the U.K.", "It returned on Monday."],
        ),
        (
            "The statement came at 10 a.m. However, no details followed.",
            ["The statement came at 10 a.m.", "However, no details followed."],
        ),
        (
            "He met officials in the U.S. Then he flew to Ottawa.",
            ["He met officials in the U.S.", "Then he flew to Ottawa."],
        ),
    ],
)
def test_abbreviation_that_really_ends_a_sentence_splits(text, expected):
    assert sentences(text) == expected


def test_own_abbreviation_file_is_used(tmp_path):
    text = "Costs rose etc. and prices fell."
    assert sentences(text) == [text]
    abbrevs = tmp_path / "abbrevs.txt"
    abbrevs.write_text("# only titles\nmr\n", encoding="utf-8")
    custom = [text[s:e] for s, e in sentence_spans(text, abbreviations=abbrevs)]
    assert custom == ["Costs rose etc.", "and prices fell."]


# --- quotation marks ---------------------------------------------------------------------


def test_curly_closing_quote_stays_with_its_sentence():
    text = (
        "Ishiba said, “Reducing the U.S. trade deficit is possible, but not at the cost of "
        "Japanese jobs.” Katz was sceptical."
    )
    assert sentences(text) == [
        "Ishiba said, “Reducing the U.S. trade deficit is possible, but not at the cost of "
        "Japanese jobs.”",
        "Katz was sceptical.",
    ]


def test_straight_closing_quote_stays_with_its_sentence():
    text = 'Ishiba said, "Not at the cost of Japanese jobs." Katz was sceptical.'
    assert sentences(text) == [
        'Ishiba said, "Not at the cost of Japanese jobs."',
        "Katz was sceptical.",
    ]


def test_closing_single_quote_and_bracket_stay_with_their_sentence():
    text = "He called it ‘fair trade.’ Talks went on. (They ended at noon.) Both sides left."
    assert sentences(text) == [
        "He called it ‘fair trade.’",
        "Talks went on.",
        "(They ended at noon.)",
        "Both sides left.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "“Is this a fair deal?” she asked.",
        "“We are ready!” he said.",
        '"Is this a fair deal?" she asked reporters.',
        "“We had ‘in-depth talks.’” he said.",
    ],
)
def test_quote_ending_in_a_mark_then_lower_case_attribution_is_one_sentence(text):
    assert sentences(text) == [text]


def test_question_mark_then_capitalised_sentence_splits():
    text = "“Is this a fair deal?” Nobody answered. Will Japan agree? The minister was silent."
    assert sentences(text) == [
        "“Is this a fair deal?”",
        "Nobody answered.",
        "Will Japan agree?",
        "The minister was silent.",
    ]


def test_straighten_quotes_is_one_for_one():
    text = "“Fair,” he said. ‘Yes’ «non» „ja“"
    flat = straighten_quotes(text)
    assert len(flat) == len(text)
    assert flat == "\"Fair,\" he said. 'Yes' \"non\" \"ja\""


# --- paragraphs --------------------------------------------------------------------------


def test_sentences_never_cross_a_paragraph_break():
    text = "Japan Weighs Its Options\nThe talks went on\nfor hours. Nothing was agreed.\n\nA deal"
    got = sentences(text)
    assert got == [
        "Japan Weighs Its Options",
        "The talks went on",
        "for hours.",
        "Nothing was agreed.",
        "A deal",
    ]
    for start, end in sentence_spans(text):
        assert "\n" not in text[start:end]


def test_hard_wrapped_text_keeps_paragraphs_between_blank_lines():
    para1 = (
        "Japan and the United States began a second round of\n"
        "tariff talks in Washington on Thursday, officials said.\n"
        "The Japanese side hopes for a deal by July."
    )
    para2 = (
        "Akazawa told reporters he would press for the\n"
        "removal of all tariffs. Bessent was more upbeat\n"
        "and spoke of a deal within weeks."
    )
    text = para1 + "\n\n" + para2
    paras = [text[s:e] for s, e in paragraph_spans(text)]
    assert paras == [para1, para2]
    got = sentences(text)
    assert len(got) == 4
    assert got[1] == "The Japanese side hopes for a deal by July."
    assert got[2].startswith("Akazawa told") and got[2].endswith("all tariffs.")


def test_paragraph_spans_trim_whitespace():
    text = "  First para.  \n\n\t Second para.\n   \n"
    assert [text[s:e] for s, e in paragraph_spans(text)] == ["First para.", "Second para."]


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t\n"])
def test_empty_text_has_no_sentences_or_paragraphs(text):
    assert sentence_spans(text) == []
    assert paragraph_spans(text) == []


def test_given_paragraphs_are_used():
    text = "One. Two. Three."
    assert [text[s:e] for s, e in sentence_spans(text, paragraphs=[(0, 4), (5, 16)])] == [
        "One.",
        "Two.",
        "Three.",
    ]


# --- offsets -----------------------------------------------------------------------------


def test_spans_slice_back_to_the_sentences():
    text = (
        "Japan’s top negotiator met Mr. Lutnick.\n"
        "  “We had in-depth talks,” Akazawa said.   He left at 6 p.m. on Saturday.\n\n"
        "Tokyo wants the 24% tariff removed."
    )
    spans = sentence_spans(text)
    _check_spans(text, spans)
    assert [text[s:e] for s, e in spans] == [
        "Japan’s top negotiator met Mr. Lutnick.",
        "“We had in-depth talks,” Akazawa said.",
        "He left at 6 p.m. on Saturday.",
        "Tokyo wants the 24% tariff removed.",
    ]
    assert sentences(text) == [text[s:e] for s, e in spans]


def test_public_api_reexports():
    assert stance.sentences is sentences
    assert stance.sentence_spans is sentence_spans
    assert stance.paragraph_spans is paragraph_spans


_NEWS_ALPHABET = st.sampled_from(
    list("abcXY .!?,;:\"'“”‘’()[]-–—…\n\t0123456789")
    + ["U.S.", "Mr.", " The ", " he said", "\n\n", "\r", "\u00a0", "\u2028", "\x85", "a.m."]
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), st.lists(_NEWS_ALPHABET, max_size=80).map("".join)))
def test_spans_are_sound_on_arbitrary_text(text):
    spans = sentence_spans(text)
    _check_spans(text, spans)
    paras = paragraph_spans(text)
    _check_spans(text, paras)
    # every sentence lies inside one paragraph
    for start, end in spans:
        assert any(p_start <= start and end <= p_end for p_start, p_end in paras)
    # nothing but whitespace is left out between sentences of a paragraph
    covered = "".join(text[s:e] for s, e in spans)
    assert "".join(covered.split()) == "".join(text.split())


# --- long paragraphs ---------------------------------------------------------------------


def test_windowed_splitting_matches_whole_paragraph_splitting(monkeypatch, seed_articles):
    """Feeding a long paragraph to Punkt in windows gives the same sentences as one call."""
    one_paragraph = " ".join(t.replace("\n", " ") for t in seed_articles["text"])
    whole = sentence_spans(one_paragraph)
    assert len(whole) > 100
    longest = max(e - s for s, e in whole)
    monkeypatch.setattr(text_mod, "_MAX_PUNKT_CHARS", longest + 50)
    assert sentence_spans(one_paragraph) == whole


def test_a_sentence_longer_than_the_window_is_cut_at_whitespace(monkeypatch):
    monkeypatch.setattr(text_mod, "_MAX_PUNKT_CHARS", 50)
    text = "word " * 40 + "end."
    spans = sentence_spans(text)
    _check_spans(text, spans)
    assert len(spans) > 1
    assert all(e - s <= 50 for s, e in spans)
    assert "".join(text[s:e] for s, e in spans).replace(" ", "") == text.replace(" ", "")


def test_punkt_never_sees_more_than_one_window(monkeypatch):
    """NLTK aborts a Punkt call that runs past 5 s, so a huge paragraph goes in windows."""
    seen: list[int] = []
    original = text_mod._Punkt.span_tokenize

    def spy(self, text, *args, **kwargs):
        seen.append(len(text))
        return original(self, text, *args, **kwargs)

    monkeypatch.setattr(text_mod._Punkt, "span_tokenize", spy)
    sentence = "Mr. Akazawa met U.S. officials at 10 a.m. on Jan. {i}, and “nothing” was agreed."
    n = 5 * text_mod._MAX_PUNKT_CHARS // len(sentence)
    text = " ".join(sentence.format(i=i) for i in range(n))
    spans = sentence_spans(text)
    assert len(seen) > 5
    assert max(seen) <= text_mod._MAX_PUNKT_CHARS
    assert [text[s:e] for s, e in spans] == [sentence.format(i=i) for i in range(n)]


# --- the fast Punkt replica gives NLTK Punkt's spans ---------------------------------------

_ATOMS = ["word", "Word", "U.S.", "Mr.", "a.m.", "etc.", "e.g.", "J.", "No.", "1.", "3.5", "--",
          "...", ". . .", ".", "?", "!", "?!", '"', "'", "(", ")", "]", "}", ",", ";", ":", "-",
          "—", "“", "”", "‘", "’", "«", "»", "The", "the", "However", "i.e.", "Inc.", "A.", "x",
          "..", "*", "@", "&", "été", "Élan", "2004.", "-5.", "ab-cd.", "co-op.", "\x0b", "\r",
          "\t", "\xa0", "\u2028", "`"]
_SEPARATORS = [" ", " ", "", "  ", "\n", "\n\n", "\t", " \n "]


def _nltk_spans(text: str) -> list[tuple[int, int]]:
    return list(text_mod._tokenizer(None).punkt.span_tokenize(text))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_ATOMS), st.sampled_from(_SEPARATORS)), max_size=16))
def test_fast_punkt_matches_nltk_on_tricky_text(parts):
    text = "".join(a + b for a, b in parts)
    assert text_mod._tokenizer(None).span_tokenize(text) == _nltk_spans(text)


def test_fast_punkt_matches_nltk_on_articles(seed_articles):
    fast = text_mod._tokenizer(None)
    for article in seed_articles["text"]:
        flat = straighten_quotes(article)
        for start, end in paragraph_spans(flat):
            assert fast.span_tokenize(flat[start:end]) == _nltk_spans(flat[start:end])
        assert fast.span_tokenize(flat) == _nltk_spans(flat)


def test_fast_punkt_decides_by_word_before_a_full_stop():
    fast = text_mod._tokenizer(None)
    text = "He met Dr. Lee. Then he left at 5 p.m. on Monday. Was it over? Yes! J. Smith came."
    assert fast.span_tokenize(text) == _nltk_spans(text)
    assert [text[s:e] for s, e in fast.span_tokenize(text)] == [
        "He met Dr. Lee.", "Then he left at 5 p.m. on Monday.", "Was it over?", "Yes!",
        "J. Smith came."]


def test_text_with_control_separators_is_split_by_nltk_itself(monkeypatch):
    """NLTK's regex engine and re disagree whether \\x1c-\\x1f are whitespace."""
    calls: list[str] = []
    original = PunktSentenceTokenizer.span_tokenize

    def spy(self, text, *args, **kwargs):
        calls.append(text)
        return original(self, text, *args, **kwargs)

    monkeypatch.setattr(PunktSentenceTokenizer, "span_tokenize", spy)
    text = "First one.\x1c Second one. Third."
    spans = text_mod._tokenizer(None).span_tokenize(text)
    assert calls == [text]
    assert spans == list(original(text_mod._tokenizer(None).punkt, text))


# --- the seed corpus ---------------------------------------------------------------------


def test_seed_sentences_are_sound(seed_articles):
    for text in seed_articles["text"]:
        spans = sentence_spans(text)
        _check_spans(text, spans)
        assert len(spans) >= 10


@pytest.mark.parametrize(
    ("article_id", "sentence"),
    [
        (
            "001_e714094618a5e767",
            "But Japanese Prime Minister Shigeru Ishiba later declared the tariffs on cars "
            "“completely unacceptable,” adding in a Fuji News Network interview, “Reducing the "
            "U.S. trade deficit is possible—and we’re ready to work on that—but not at the cost "
            "of Japanese jobs.”",
        ),
        (
            "001_e714094618a5e767",
            "Richard Katz, a former senior fellow at the Carnegie Council, characterized the U.S. "
            "refusal to even discuss Trump’s 25% tariffs on autos and auto parts as “an "
            "aggressive stance.”",
        ),
        (
            "004_e511f39658b70002",
            "President Trump stated that the talks had made “significant progress.”",
        ),
        (
            "004_e511f39658b70002",
            "“Our goal is for the US to completely cancel the imposed tariffs, which affect "
            "Japanese businesses’ profits every day,” he said.",
        ),
        (
            "002_bba6adc186d38d3d",
            "Japan’s top trade negotiator Ryosei Akazawa held “in-depth” phone discussions with "
            "U.S. Commerce Secretary Howard Lutnick on Thursday and Saturday, as both nations "
            "seek resolution before a 24% reciprocal tariff on Japanese imports is set to expire "
            "next week.",
        ),
    ],
)
def test_seed_sentences_read_by_eye(seed_articles, article_id, sentence):
    text = seed_articles.set_index("article_id").loc[article_id, "text"]
    assert sentence in sentences(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab “”„‟«»‘’‚‛‹›\"'\n", max_size=30))
def test_straighten_quotes_maps_each_mark_one_for_one(text):
    assert straighten_quotes(text) == text.translate(text_mod._QUOTE_TABLE)
    assert len(straighten_quotes(text)) == len(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_ATOMS), st.sampled_from(_SEPARATORS)), max_size=16))
def test_paragraph_sentences_match_sentence_spans(parts):
    text = "".join(a + b for a, b in parts)
    for start, end in paragraph_spans(text):
        assert text_mod.paragraph_sentences(text, start, end) == \
            sentence_spans(text, [(start, end)])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([a for a in _ATOMS if a.isprintable()]),
                          st.sampled_from([" ", "", "  ", "\n", " \n "])), max_size=16))
def test_plain_text_needs_no_whitespace_scan(parts):
    """A text with no whitespace but spaces and newlines is split the same when the caller
    says so (``plain``), sparing Punkt's two scans of it."""
    text = straighten_quotes("".join(a + b for a, b in parts))
    assert text_mod._straightened_plain(text) == (text, True)
    fast = text_mod._tokenizer(None)
    assert fast.span_tokenize(text, True) == fast.span_tokenize(text) == _nltk_spans(text)


def test_texts_with_other_whitespace_are_not_plain():
    assert text_mod._straightened_plain("a\tb")[1] is False
    assert text_mod._straightened_plain("a\x1cb")[1] is False
    assert text_mod._straightened_plain("“a”\nb c") == ('"a"\nb c', True)


# --- Punkt's decisions worked out without NLTK (_Punkt._annotated_break) -------------------

# Pieces of the word before a full stop and of the token after it: numbers, amounts, closing
# quotes and brackets, abbreviations, initials, ellipses, sentence starters, cased and
# uncased letters, digits of other scripts, unassigned characters, odd whitespace.
_CONTEXT_ATOMS = sorted(text_mod._tokenizer(None)._abbrevs) + [
    "word", "Word", "the", "The", "In", "in", "However", "But", "Mr", "Mr.", "The.", "I", "A", "a",
    "x", "_", "é", "É", "ß", "İ", "ǅ", "ΑΣ", "2003", "3.817.69", "4%", "-5", ".5", ",5", "5,000",
    "5-6", "##number##", "(£4.4bn)", "$42.09bn", "£", "٣", "\U00011f53", "²", "Ⅻ", "co-op",
    "U.S", "A.M", "No", "Inc", "...", "..", ". . .", "--", "-", "—", "…", "?", "!", "'", '"', "(",
    ")", "]", "}", ";", ":", ",", "*", "@", "&", "#", "`", "‘", "’", "“", "”", "«", "»", "%",
    "\u0301", "\u200d", "\xa0", "\u2028", "\x85", "\t", "\r", "\x1c", "\n", " ", "1st", "B2B",
]
_AFTER_FULL_STOP = st.one_of(
    st.sampled_from(list(")\";}]*:@'({[‘’“”«»?!")),
    st.tuples(st.sampled_from([" ", "  ", "\n", " \n\n ", "\t", "\xa0 ", "\r\n"]),
              st.lists(st.sampled_from(_CONTEXT_ATOMS), min_size=1, max_size=3).map("".join))
    .map("".join),
)


def _check_against_nltk(context: str) -> bool:
    """The annotated decision, where there is one, is NLTK's; True if there was one."""
    fast = text_mod._tokenizer(None)
    got = fast._annotated_break(context)
    assert got in (None, fast.punkt.text_contains_sentbreak(context)), context
    return got is not None


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(_CONTEXT_ATOMS), max_size=4).map("".join), _AFTER_FULL_STOP)
def test_annotated_break_is_nltks_on_full_stop_contexts(word, after):
    _check_against_nltk(word + "." + after)


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(max_size=20),
                 st.lists(st.sampled_from(_CONTEXT_ATOMS + [".", ". ", " "]), max_size=10)
                 .map("".join)))
def test_annotated_break_is_nltks_on_any_text(text):
    _check_against_nltk(text)


@pytest.mark.parametrize(
    ("context", "expected"),
    [
        ("2003. In", True), ("(£4.4bn). Analysts", True), ('$42.09bn. "Our', True),
        ('legislation". Previously,', True), ('out". In', True), ("years... but", False),
        ("years... But", True), ("years... Bob", False), ("4%. The", True),
        ("3.817.69. Investors", True), ("3.817.69. investors", False), ("2003. ,", False),
        ("J. Smith", False), ("J. 5", True), ("U.S. The", True), ("U.S. Mr.", False),
        ("U.S. The.", True), ("Mr. Smith", False), ("co. The", True), ("é. Smith", None),
        ("word.\x1c Next", None),
    ],
)
def test_annotated_break_decides_news_contexts(context, expected):
    fast = text_mod._tokenizer(None)
    assert fast._annotated_break(context) is expected
    if expected is not None:
        assert fast.punkt.text_contains_sentbreak(context) is expected


def test_annotated_break_decides_every_seed_context(seed_articles):
    fast = text_mod._tokenizer(None)
    decided = 0
    for article in seed_articles["text"]:
        for _, context in fast.punkt._match_potential_end_contexts(straighten_quotes(article)):
            decided += _check_against_nltk(context)
    assert decided > 100


def test_re_and_nltks_regex_engine_agree_where_annotated_break_relies_on_it():
    """``_annotated_break`` runs Punkt's patterns under ``re``; NLTK's engine agrees on
    ``\\s`` but for \\x1c-\\x1f, on ``\\d`` for every character Python's Unicode data
    assigns, and on ``[^\\W\\d]`` for ASCII."""
    chars = "".join(chr(i) for i in range(sys.maxunicode + 1) if not 0xD800 <= i < 0xE000)
    for pattern, allowed in [
        (r"\s", set("\x1c\x1d\x1e\x1f")),
        (r"\d", {c for c in chars if unicodedata.category(c) == "Cn"}),
        (r"[^\W\d]", {c for c in chars if not c.isascii()}),
    ]:
        ours = set(re.findall(pattern, chars))
        nltks = set(redos.compile(pattern).findall(chars, timeout=None))
        assert ours ^ nltks <= allowed, pattern


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_CONTEXT_ATOMS + _ATOMS),
                          st.sampled_from(_SEPARATORS + [". ", '". ', "). ", "... "])),
                max_size=20))
def test_fast_punkt_with_annotated_breaks_matches_nltk(parts):
    """Spans with a fresh context memory (every decision made anew) are NLTK's."""
    text = "".join(a + b for a, b in parts)
    fast = text_mod._tokenizer(None)
    saved = dict(fast._decided)
    fast._decided.clear()
    try:
        assert fast.span_tokenize(text) == _nltk_spans(text)
    finally:
        fast._decided.clear()
        fast._decided.update(saved)
