"""Page-furniture removal on made-up articles: general rules, not the seeds' strings."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stance.clean import boilerplate_patterns, clean_text, is_headline_like, normalize_newlines

__all__: list[str] = []

BODY = (
    "Japan and the United States held a second round of tariff talks in Washington on "
    "Thursday, officials said.\n"
    "“We had frank and constructive discussions,” Akazawa told reporters after the meeting.\n"
    "Both sides agreed to meet again before the July deadline, when higher tariffs take effect."
)
LAST_PARAGRAPH = BODY.rsplit("\n", 1)[1]


def test_trailing_list_of_unrelated_headlines_is_removed():
    headlines = (
        "Oil Prices Hold Steady as Traders Weigh Fed Signals\n"
        "Dollar Slides to Five-Week Low as Asian Stocks Struggle\n"
        "Will the Bank of England Cut Rates Again?\n"
        "Trump Says Talks With Canada Are ‘Going Well’\n"
        "Australia Progresses AUKUS Review as U.S. Affirms Strong Support \n"
    )
    title, body = clean_text(BODY + "\n\n\n" + headlines + "\n\n")
    assert body == BODY
    assert body.endswith(LAST_PARAGRAPH)
    assert title == ""


def test_headline_list_is_removed_with_the_footer_below_it():
    tail = (
        "\nRelated stories:\n"
        "Markets Rally as Central Banks Signal Rate Cuts\n"
        "Tokyo Stocks Close Higher on Exporter Gains\n"
        "© 2025 Example News. All rights reserved.\n"
    )
    assert clean_text(BODY + "\n" + tail)[1] == BODY


def test_single_short_last_sentence_is_kept():
    text = BODY + "\nTalks resume next week."
    assert clean_text(text)[1] == text


def test_short_last_lines_in_sentence_case_are_kept():
    text = BODY + "\nNo deal was reached\nThe talks resume next week"
    assert clean_text(text)[1] == text


def test_mid_article_subheadings_are_kept():
    text = (
        "Akazawa left Tokyo for Washington on Wednesday.\n"
        "The Road Ahead for Japan\n"
        "Officials expect the talks to last several weeks.\n"
        "Skepticism: Balancing Caution and Opportunity\n"
        "Analysts doubt that a deal can be reached by July."
    )
    assert clean_text(text)[1] == text


def test_whole_article_of_title_case_lines_is_not_emptied():
    text = "Japan Seeks Balanced Deal\nUS Pushes for Quick Agreement\nTalks Continue in Washington"
    assert clean_text(text)[1] == text


@pytest.mark.parametrize(
    "line",
    [
        "We use cookies to improve your experience on our site.",
        "By continuing to browse, you agree to our use of cookies.",
        "Accept all cookies",
        "Cookie settings",
        "The comments posted here are not from Example News. Kindly refrain from using "
        "derogatory, personal, or obscene words in your comments.",
        "Please keep your comments civil and on topic.",
        "Comments are moderated.",
        "Subscribe to our daily newsletter",
        "Share this article",
        "Follow us on X and Facebook",
        "Read more: Japan's economy in 2025",
        "Advertisement",
        "Copyright 2025 Example News",
        "© 2025 Example News. All rights reserved.",
        "Photo credit: Example Agency",
        "(Some parts of this article were referenced from Reuters.)",
        "(Reporting by Leika Kihara; Editing by Sam Holmes)",
        "Additional reporting by Jane Doe in Tokyo",
    ],
)
def test_boilerplate_line_is_removed_wherever_it_stands(line):
    text = BODY.replace("\n", f"\n{line}\n", 1)
    assert clean_text(text)[1] == BODY


@pytest.mark.parametrize(
    "sentence",
    [
        "Reporting by the Nikkei suggested the talks had stalled.",
        "Regulators said sites must let users reject cookies.",
        "The EU cookie policy was not on the agenda, officials said.",
        "The ministry said comments posted here by officials were taken out of context.",
        "Parts of this report were taken from a leaked memo, officials said.",
        "The company said all rights reserved under the treaty would be kept.",
        "Japan will not accept all the terms, Akazawa said.",
        "Follow-up talks are due in May.",
    ],
)
def test_sentences_a_journalist_would_write_are_not_boilerplate(sentence):
    assert not any(p.search(sentence) for p in boilerplate_patterns())
    text = BODY + "\n" + sentence
    assert clean_text(text)[1] == text


def test_leading_title_and_its_repeat_are_removed():
    text = (
        "U.S. and Japan Begin Trade Talks, but Tokyo Voices Doubts\n\n"
        "U.S. and Japan Begin Trade Talks, but Tokyo Voices Doubts\n\n" + BODY
    )
    assert clean_text(text) == ("U.S. and Japan Begin Trade Talks, but Tokyo Voices Doubts", BODY)


def test_leading_title_without_repeat():
    title, body = clean_text("Japan Presses for Tariff Relief\n\n" + BODY)
    assert (title, body) == ("Japan Presses for Tariff Relief", BODY)


def test_first_paragraph_that_is_a_sentence_is_not_a_title():
    assert clean_text(BODY + "\n\nMore text follows.") == ("", BODY + "\n\nMore text follows.")


def test_own_boilerplate_file(tmp_path):
    patterns = tmp_path / "furniture.txt"
    patterns.write_text("# house style\n^this story first appeared in\\b\n", encoding="utf-8")
    text = BODY + "\nThis story first appeared in The Example Weekly"
    assert clean_text(text, boilerplate=patterns)[1] == BODY
    assert clean_text(text)[1] == text


def test_blank_line_runs_are_folded_and_trailing_spaces_stripped():
    text = "First paragraph.   \n\n\n\n\nSecond paragraph.\t\n"
    assert clean_text(text)[1] == "First paragraph.\n\nSecond paragraph."


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a\r\nb\r\n", "a\nb\n"),
        ("a\rb", "a\nb"),
        ("\ufeffa\r\n\r\nb", "a\n\nb"),
    ],
)
def test_normalize_newlines(raw, expected):
    assert normalize_newlines(raw) == expected


def test_crlf_article_is_cleaned_to_lf():
    title, body = clean_text(("Japan Presses for Tariff Relief\n\n" + BODY).replace("\n", "\r\n"))
    assert "\r" not in body
    assert (title, body) == ("Japan Presses for Tariff Relief", BODY)


@pytest.mark.parametrize(
    "line",
    [
        "Dollar Slides to Five-Week Low as Asian Stocks Struggle",
        "Trump Claims He Will Void Biden Documents Signed with Autopen",
        "Will Japan Strike a Deal Before July?",
        "Trump Says Talks Are ‘Going Well’",
        "China Urged to Prioritize Economy Over Territorial Ambitions, Says Taiwan’s President Lai",
    ],
)
def test_headline_like(line):
    assert is_headline_like(line)


@pytest.mark.parametrize(
    "line",
    [
        "",
        "Commentary",
        "Talks resume next week.",
        "The talks resume next week",
        "Japan Seeks a Deal.",
        "Officials in Tokyo and Washington Said:",
        LAST_PARAGRAPH,
        "Japan " * 40,
    ],
)
def test_not_headline_like(line):
    assert not is_headline_like(line)


def test_body_loses_leading_spaces_and_tabs_of_its_first_line_only():
    assert clean_text(" \t They met.\n  Then they left.")[1] == "They met.\n  Then they left."



@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="a. \t", max_size=6), max_size=6))
def test_body_trim_matches_the_regex_it_replaced(lines):
    """clean_text's last step, str.strip(" \\t"), does what re.sub(r"^[ \\t]+|[ \\t]+$") did to
    a body of right-stripped lines."""
    body = "\n".join(ln.rstrip() for ln in lines).strip("\n")
    assert body.strip(" \t") == re.sub(r"^[ \t]+|[ \t]+$", "", body)


_LINE_WORDS = ["we", "We", "use", "cookies", "cookie", "all", "All", "rights", "reserved.",
               "by", "By", "clicking", "agree", "comments", "Comments", "are", "moderated",
               "comment", "policy", "refrain", "from", "abusive", "xwe", "_we", "3all", "-all",
               "’s", "Ṡ", "ſ", "K", ".", ",", "(c)", "2024", "Reporting", "Jane", "Doe"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_LINE_WORDS), max_size=12), st.sampled_from([" ", "", "  "]))
def test_fast_boilerplate_patterns_match_as_written(words, sep):
    from stance.clean import _compiled, read_lines

    line = sep.join(words)
    written = [re.compile(p, re.IGNORECASE) for p in read_lines(None, "boilerplate.txt")]
    fast = _compiled(None)
    assert [bool(p.search(line)) for p in fast] == [bool(p.search(line)) for p in written]


def test_fast_form_only_moves_a_leading_boundary_before_a_plain_letter():
    from stance.clean import _fast_form

    assert _fast_form(r"\bby (clicking)\b") == r"b(?<=\bb)y (clicking)\b"
    for kept in (r"\b(our|the) site", r"\ba*b", r"\bx{2}", r"^click here\b", r"\b3 items",
                 r"\bb?y"):
        assert _fast_form(kept) == kept


def test_folds_to_ascii_lists_every_character_that_matches_ascii_case_insensitively():
    """The needle pre-filter lower-cases text; it is only sound when no other character than
    those listed matches an ASCII literal under re.IGNORECASE. Checked over every code point."""
    import sys

    from stance.clean import _FOLDS_TO_ASCII

    others = "".join(chr(c) for c in range(128, sys.maxunicode + 1))
    found = {m for a in range(128)
             for m in re.compile(re.escape(chr(a)), re.IGNORECASE).findall(others)}
    assert found == set(_FOLDS_TO_ASCII)


@pytest.mark.parametrize(
    ("pattern", "needles"),
    [
        (r"\bwe use cookies\b", {"we use cookies"}),
        (r"^(accept|allow) (all )?cookies\b", {"cookies"}),
        (r"^(share|email) this", {" this"}),
        (r"^(image|photo) (copyright|credit)", {"image", "photo"}),
        (r"a(?<=\ba)ll rights", {"all rights"}),  # a lookbehind takes no character
        (r"(ab)+cd?", {"ab"}),  # "c" alone is shorter; "d" may be absent
        (r"x[ab]y", {"x"}),
        (r"^(copyright|©)", None),  # no ASCII needle in one alternative
        (r"(?-i:News)", {"news"}),
        (r"[a-z]+", None),
        (r"a*", None),
    ],
)
def test_needles_are_strings_every_match_contains(pattern, needles):
    from stance.clean import _needles

    assert _needles(re.compile(pattern, re.IGNORECASE)) == needles


_BOILER_WORDS = _LINE_WORDS + [
    "Accept", "cookies", "Share", "this", "article", "Follow", "us", "on", "Read", "more:",
    "Related", "stories:", "Advertisement", "Click", "here", "Copyright", "©", "Image",
    "credit", "Some", "parts", "of", "report", "were", "taken", "İ", "ı", "COOKİES", "ſhare",
    "\u00a0", "\t", "é", "\n", "\r\n", "\n\n\n", "x" * 390,
    # whole lines of furniture, so that many examples hold one
    "We use cookies", "WE USE COOKİES", "Accept all cookies", "Share this article",
    "© 2024 News", "All rights reserved.", "(Reporting by Jane Doe)", "Comment policy",
    "By clicking OK you agree to cookies", "Read more: x", "Advertisement"]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(_BOILER_WORDS), max_size=30),
       st.sampled_from([" ", "", "\n", " \n "]))
def test_needle_prefilter_drops_exactly_the_lines_a_search_of_every_pattern_drops(words, sep):
    from stance.clean import _drop_boilerplate

    lines = sep.join(words).split("\n")
    patterns = boilerplate_patterns()

    def matches(line: str) -> bool:
        s = line.strip()
        return 0 < len(s) < 400 and any(p.search(s) for p in patterns)

    assert _drop_boilerplate(lines, None) == [ln for ln in lines if not matches(ln)]
