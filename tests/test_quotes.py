"""Finding statements: direct, partial and reported speech, posts, and what is not a statement.

Every expected value here was written from the example text (who said it, which words are the
statement), not from the extractor's output. Speaker resolution in depth is in
``test_attribution.py``; the registry in ``test_registry.py``.
"""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stance import extract_quotes
from stance.quotes import extract_statements, find_quote_spans, load_cues
from stance.types import ATTRIBUTIONS, KINDS, QUOTE_COLUMNS, QUOTE_DTYPES, SIDES

__all__: list[str] = []


def rows(text: str, **kw) -> list[tuple[str, str, str]]:
    """(speaker, kind, text) of every statement, in reading order."""
    q = extract_quotes(text, **kw)
    return list(zip(q["speaker"], q["kind"], q["text"], strict=True))


def texts(text: str) -> list[str]:
    return extract_quotes(text)["text"].tolist()


# --- the table --------------------------------------------------------------------------------


def test_table_has_the_contract_columns_and_dtypes():
    q = extract_quotes("Ann Lee said the talks went well.")
    assert list(q.columns) == QUOTE_COLUMNS
    assert {c: str(q[c].dtype) for c in ("start", "end")} == {"start": "int64", "end": "int64"}
    assert pd.api.types.is_datetime64_any_dtype(q["date"])


def test_no_statement_gives_an_empty_table_with_the_contract_columns():
    q = extract_quotes("The sun rose over Tokyo. Markets were calm.")
    assert len(q) == 0
    assert list(q.columns) == QUOTE_COLUMNS
    assert {c: str(q[c].dtype) for c in q.columns} == {
        c: str(pd.Series(dtype=t).dtype) for c, t in QUOTE_DTYPES.items()}


def test_articles_frame_keeps_ids_and_dates_and_skips_empty_text():
    articles = pd.DataFrame({
        "article_id": ["a1", "a2", "a3"],
        "date": pd.to_datetime(["2025-04-16", "2025-04-17", "2025-04-18"]),
        "text": ["Ann Lee said the talks went well.", "", "“We will win,” said Tom Hardy."],
    })
    q = extract_quotes(articles)
    assert q["article_id"].tolist() == ["a1", "a3"]
    assert q["date"].tolist() == [pd.Timestamp("2025-04-16"), pd.Timestamp("2025-04-18")]
    assert q["speaker"].tolist() == ["Ann Lee", "Tom Hardy"]


def test_a_list_of_texts_is_a_corpus_of_several_articles():
    q = extract_quotes(["Ann Lee said the talks went well.", "Tom Hardy said prices would fall."])
    assert len(q) == 2
    assert q["article_id"].nunique() == 2
    assert q["speaker"].tolist() == ["Ann Lee", "Tom Hardy"]


def test_a_frame_without_text_column_is_refused_with_a_clear_message():
    with pytest.raises(ValueError, match="text"):
        extract_quotes(pd.DataFrame({"article_id": ["a"], "body": ["Ann Lee said so."]}))


def test_rows_come_in_reading_order():
    text = ("“We will win,” said Tom Hardy. Ann Lee said the talks went well.\n"
            "Bo Chan told reporters that prices would fall.")
    q = extract_quotes(text)
    assert q["speaker"].tolist() == ["Tom Hardy", "Ann Lee", "Bo Chan"]
    assert q["start"].is_monotonic_increasing


def test_extract_statements_gives_offsets_into_the_text():
    text = "Ann Lee said the talks went well."
    [s] = extract_statements(text)
    assert text[s.start:s.end] == "the talks went well"
    assert (s.kind, s.speaker, s.cue) == ("indirect", "Ann Lee", "said")
    assert text[s.sent_start:s.sent_end] == text


# --- direct quotes ----------------------------------------------------------------------------


def test_direct_quote_in_curly_marks():
    assert rows("“We are ready to talk,” said Ann Lee.") == [
        ("Ann Lee", "direct", "We are ready to talk,")]


def test_direct_quote_in_straight_marks():
    assert rows('"We are ready to talk," said Ann Lee.') == [
        ("Ann Lee", "direct", "We are ready to talk,")]


def test_direct_quote_after_a_colon():
    assert rows("Ann Lee said: “We will not give up.”") == [
        ("Ann Lee", "direct", "We will not give up.")]


def test_quote_over_several_sentences_is_one_statement():
    text = "“We are ready to talk. We want a deal. We will not wait,” Ryosei Akazawa said."
    assert rows(text) == [
        ("Ryosei Akazawa", "direct", "We are ready to talk. We want a deal. We will not wait,")]


def test_quote_split_by_its_attribution_gives_two_statements_by_one_speaker():
    text = "Ryosei Akazawa spoke first. “We are ready,” he said, “but not at any price.”"
    assert rows(text) == [
        ("Ryosei Akazawa", "direct", "We are ready,"),
        ("Ryosei Akazawa", "direct", "but not at any price."),
    ]


def test_split_quote_in_straight_marks():
    text = '"We are ready," said Ann Lee, "but not at any price."'
    assert rows(text) == [("Ann Lee", "direct", "We are ready,"),
                          ("Ann Lee", "direct", "but not at any price.")]


def test_paragraph_continuation_unclosed_quote_reopened_next_paragraph():
    # US style: a quote running over two paragraphs has no closer at the end of the first
    text = ("Ryosei Akazawa said: “We will defend our car makers. Our workers matter.\n"
            "“We will not accept a deal that hurts them.”\n"
            "The talks continue next week.")
    assert rows(text) == [
        ("Ryosei Akazawa", "direct", "We will defend our car makers. Our workers matter."),
        ("Ryosei Akazawa", "direct", "We will not accept a deal that hurts them."),
    ]
    q = extract_quotes(text)
    assert q["attribution"].tolist()[1] == "continuation"


def test_paragraph_continuation_in_straight_marks():
    text = 'Ann Lee said: "We will defend our car makers.\n"We will not accept a bad deal."'
    assert rows(text) == [("Ann Lee", "direct", "We will defend our car makers."),
                          ("Ann Lee", "direct", "We will not accept a bad deal.")]


def test_later_quote_of_the_same_paragraph_continues_its_speaker_until_another_speaks():
    text = ("“Tariffs hurt,” Ann Lee said. “They hurt everyone.” Tom Hardy disagreed. "
            "“They help,” he said.")
    assert rows(text) == [("Ann Lee", "direct", "Tariffs hurt,"),
                          ("Ann Lee", "direct", "They hurt everyone."),
                          ("Tom Hardy", "direct", "They help,")]


def test_quote_only_paragraph_inherits_the_previous_speaker():
    text = "Ann Lee said: “We will hold firm.”\n“We will not move an inch.”"
    q = extract_quotes(text)
    assert list(zip(q["speaker"], q["text"], q["attribution"], strict=True)) == [
        ("Ann Lee", "We will hold firm.", "explicit"),
        ("Ann Lee", "We will not move an inch.", "continuation"),
    ]


def test_quote_only_paragraph_after_a_paragraph_without_statements_is_not_inherited():
    # the speaker of two paragraphs back is not carried over a paragraph of narration
    text = ("Ann Lee said the talks went well.\nThe weather was fine.\n"
            "“We will not move an inch.”")
    assert rows(text) == [("Ann Lee", "indirect", "the talks went well")]


def test_nested_single_marks_and_mismatched_closer_stay_inside_the_quote():
    # seed 004: ‘fair trade.' opens curly and closes straight, inside a double quote
    text = ("Akazawa posted on “Truth Social,” stating, “Today, Japan will negotiate on "
            "tariffs, military support costs, and ‘fair trade.'”")
    assert rows(text) == [(
        "Ryosei Akazawa", "direct",
        "Today, Japan will negotiate on tariffs, military support costs, and ‘fair trade.'")]


def test_apostrophes_are_never_quote_marks():
    text = ("Japan’s exports fell, and we’re told businesses’ profits suffered. "
            "The ministers' talks went on. “It is hard,” said Ann Lee.")
    spans = [text[q.start:q.end] for q in find_quote_spans(text)]
    assert spans == ["It is hard,"]
    assert rows(text) == [("Ann Lee", "direct", "It is hard,")]


def test_apostrophes_inside_a_quote_do_not_end_it():
    text = "“We’re ready, and Japan’s car makers aren’t afraid,” said Ann Lee."
    assert rows(text) == [
        ("Ann Lee", "direct", "We’re ready, and Japan’s car makers aren’t afraid,")]


def test_single_quotes_at_top_level_are_quotes():
    # British style: single marks are quote marks when they pair up
    text = "‘We will win,’ said Ann Lee."
    assert rows(text) == [("Ann Lee", "direct", "We will win,")]


def test_find_quote_spans_pairs_curly_and_straight_and_nested_singles():
    text = 'He said “we won’t move.” Then "fair trade" came up, and ‘free trade’ too.'
    spans = [text[q.start:q.end] for q in find_quote_spans(text)]
    assert spans == ["we won’t move.", "fair trade", "free trade"]


def test_find_quote_spans_stops_an_unclosed_quote_at_the_paragraph_end():
    text = "Ann Lee said: “We will win\nTom Hardy disagreed."
    first_para_end = text.index("\n")
    [q] = find_quote_spans(text, 0, first_para_end)
    assert text[q.start:q.end] == "We will win"
    assert q.closed is False


# --- unbalanced marks never fail an article -------------------------------------------------

OTHER_PARAS = ("Tom Hardy said the talks were useful.", "Bo Chan said prices would fall.")


def _with_others(broken: str) -> str:
    return f"{OTHER_PARAS[0]}\n{broken}\n{OTHER_PARAS[1]}"


def _others_found(text: str) -> None:
    got = rows(text)
    assert ("Tom Hardy", "indirect", "the talks were useful") in got
    assert ("Bo Chan", "indirect", "prices would fall") in got


def test_missing_closer_keeps_the_other_statements():
    _others_found(_with_others("“We will not give up, said Ann Lee, and left the room."))


def test_stray_closer_keeps_the_other_statements_and_its_own_reported_speech():
    text = _with_others("The mood was tense.” Ann Lee said the deal was close.")
    _others_found(text)
    assert ("Ann Lee", "indirect", "the deal was close") in rows(text)


def test_two_openers_keep_the_other_statements_and_the_closed_quote():
    text = _with_others("“We are ready. “We will win,” said Ann Lee.")
    _others_found(text)
    assert ("Ann Lee", "direct", "We will win,") in rows(text)


def test_unclosed_quote_before_an_attributed_quote_is_not_given_to_the_previous_paragraph():
    # '“We are ready.' lost its closer; both sentences are Ann Lee's, never Tom Hardy's
    text = _with_others("“We are ready. “We will win,” said Ann Lee.")
    tom = [r for r in rows(text) if r[0] == "Tom Hardy"]
    assert tom == [("Tom Hardy", "indirect", "the talks were useful")]


def test_only_marks_and_mixed_marks_do_not_raise():
    for text in ['"', "“”", "”“", "‘’'\"", '"""', "“ ” ‘ ’", "'", "\n“\n”\n", "a ” b “ c"]:
        assert len(extract_quotes(text)) == 0


# --- partial quotes ---------------------------------------------------------------------------


def test_partial_quote_after_declared():
    text = ("Japanese Prime Minister Shigeru Ishiba later declared the tariffs on cars "
            "“completely unacceptable,” and left.")
    assert rows(text) == [("Shigeru Ishiba", "partial", "completely unacceptable,")]


def test_partial_quote_as_object_of_giving():
    text = ("Bessent noted that over 75 countries have requested negotiations, giving Japan a "
            "“first-mover advantage.”")
    assert rows(text) == [("Scott Bessent", "partial", "first-mover advantage.")]


def test_partial_quote_after_called():
    assert rows("Ann Lee called the deal “a disaster” on Monday.") == [
        ("Ann Lee", "partial", "a disaster")]


def test_partial_quote_then_direct_quote_in_one_sentence():
    # seed 001: the fragment and the full quote after 'adding' are two statements
    text = ("But Japanese Prime Minister Shigeru Ishiba later declared the tariffs on cars "
            "“completely unacceptable,” adding in a Fuji News Network interview, “Reducing "
            "the U.S. trade deficit is possible—and we’re ready to work on that—but not at "
            "the cost of Japanese jobs.”")
    assert rows(text) == [
        ("Shigeru Ishiba", "partial", "completely unacceptable,"),
        ("Shigeru Ishiba", "direct", "Reducing the U.S. trade deficit is possible—and we’re "
                                     "ready to work on that—but not at the cost of Japanese "
                                     "jobs."),
    ]


# --- reported speech --------------------------------------------------------------------------


def test_reported_clause_without_that():
    text = ("While both nations had hoped to secure a deal by July, Richard Katz suggested the "
            "chances of meeting that goal are now fading.")
    assert rows(text) == [
        ("Richard Katz", "indirect", "the chances of meeting that goal are now fading")]


def test_reported_clause_with_that():
    assert rows("Ann Lee said that Japan would not rush to a deal.") == [
        ("Ann Lee", "indirect", "Japan would not rush to a deal")]


def test_speaker_after_the_clause():
    text = "Peter Mandelson arrived. The deal will be signed next month, Mandelson said."
    assert rows(text) == [("Peter Mandelson", "indirect", "The deal will be signed next month")]


def test_according_to_before_the_clause():
    assert rows("According to Ann Lee, the talks have stalled.") == [
        ("Ann Lee", "indirect", "the talks have stalled")]


def test_according_to_after_the_clause():
    assert rows("The talks have stalled, according to Ann Lee.") == [
        ("Ann Lee", "indirect", "The talks have stalled")]


def test_according_to_cue_is_recorded():
    q = extract_quotes("According to Ann Lee, the talks have stalled.")
    assert q["cue"].tolist() == ["according to"]


def test_participial_report_after_echoed():
    text = "Jamieson Greer echoed this sentiment, highlighting the strength of U.S.-Japan ties."
    [(speaker, kind, said)] = rows(text)
    assert (speaker, kind) == ("Jamieson Greer", "indirect")
    assert said.endswith("highlighting the strength of U.S.-Japan ties")


def test_expressed_his_hopes_stops_before_the_writers_clause():
    text = ("Bessent expressed his hopes to reach an agreement covering tariffs, non-tariff "
            "barriers, and exchange rates, but Japan prefers to address the exchange rate issue "
            "separately.")
    assert rows(text) == [(
        "Scott Bessent", "indirect",
        "his hopes to reach an agreement covering tariffs, non-tariff barriers, and exchange "
        "rates")]


def test_stated_on_monday_that():
    text = ("Japanese Prime Minister Shigeru Ishiba stated on Monday that as a close ally of the "
            "US, Japan would not rush to reach an agreement.")
    assert rows(text) == [(
        "Shigeru Ishiba", "indirect",
        "as a close ally of the US, Japan would not rush to reach an agreement")]


def test_told_reporters_that():
    assert rows("Ann Lee told reporters that Japan would not rush to a deal.") == [
        ("Ann Lee", "indirect", "Japan would not rush to a deal")]


def test_two_reports_in_one_sentence_keep_their_own_speakers():
    text = "Ann Lee warned that tariffs would hurt, while Tom Hardy argued that they would help."
    assert rows(text) == [("Ann Lee", "indirect", "tariffs would hurt"),
                          ("Tom Hardy", "indirect", "they would help")]


def test_adding_that_after_a_quote_is_the_same_speaker():
    assert rows("“We will win,” said Ann Lee, adding that the talks would resume.") == [
        ("Ann Lee", "direct", "We will win,"),
        ("Ann Lee", "indirect", "the talks would resume")]


def test_according_to_a_report_from_an_organisation():
    text = "Prices rose by 2%, according to a report from the British Retail Consortium."
    assert rows(text) == [("British Retail Consortium", "indirect", "Prices rose by 2%")]


def test_reported_speech_in_the_main_clause_only():
    # the writer's main clause after a time clause is not Trump's statement
    text = ("Since April 2, when Trump announced new tariffs on dozens of trading partners, "
            "Japan has been among the first countries to negotiate.")
    [(speaker, kind, said)] = rows(text)
    assert (speaker, kind) == ("Donald Trump", "indirect")
    assert said.startswith("new tariffs on dozens of trading partners")


def test_reported_clause_in_a_time_clause_stops_at_the_clause_end():
    text = ("Since April 2, when Trump announced new tariffs on dozens of trading partners, "
            "Japan has been among the first countries to negotiate.")
    assert rows(text) == [("Donald Trump", "indirect", "new tariffs on dozens of trading partners")]


def test_progressive_cue_with_a_named_subject():
    assert rows("Scott Bessent is urging Japan to increase imports of autos.") == [
        ("Scott Bessent", "indirect", "Japan to increase imports of autos")]


# --- posts ------------------------------------------------------------------------------------


def test_wrote_on_truth_social_saying_quote():
    text = ("Later that day, Trump wrote on “Truth Social,” saying, “Very honored to have just "
            "met with the Japanese trade delegation. Big progress!”")
    q = extract_quotes(text)
    assert list(zip(q["speaker"], q["kind"], q["text"], strict=True)) == [(
        "Donald Trump", "direct",
        "Very honored to have just met with the Japanese trade delegation. Big progress!")]
    assert q["cue"].iloc[0] in ("wrote", "saying")


def test_posted_on_x_that():
    q = extract_quotes("Scott Bessent posted on X that the talks were productive.")
    assert list(zip(q["speaker"], q["kind"], q["text"], q["cue"], strict=True)) == [
        ("Scott Bessent", "indirect", "the talks were productive", "posted")]


def test_posted_on_x_with_a_quote():
    assert rows("Scott Bessent posted on X: “Great talks with Japan today.”") == [
        ("Scott Bessent", "direct", "Great talks with Japan today.")]


def test_tweeted():
    q = extract_quotes("Donald Trump tweeted that Japan had treated America unfairly.")
    assert list(zip(q["speaker"], q["text"], q["cue"], strict=True)) == [
        ("Donald Trump", "Japan had treated America unfairly", "tweeted")]
    assert rows("Donald Trump tweeted: “Big progress with Japan!”") == [
        ("Donald Trump", "direct", "Big progress with Japan!")]


# --- not statements ---------------------------------------------------------------------------


def test_platform_name_in_quote_marks_is_not_a_statement():
    text = "Donald Trump wrote on “Truth Social” that the talks went well."
    assert rows(text) == [("Donald Trump", "indirect", "the talks went well")]


def test_report_title_in_quote_marks_is_not_a_statement():
    text = "The ministry published its report “Trade Policy Review 2025” on Monday."
    assert rows(text) == []


def test_nickname_in_quote_marks_is_not_a_statement():
    assert rows("The senator, known as “The Hammer,” arrived in Tokyo.") == []


def test_scare_quotes_with_no_cue_are_not_statements():
    assert rows("The so-called “reciprocal” tariffs took effect in April.") == []
    assert rows("Japan’s “strategic patience” has limits.") == []


def test_writers_own_opinion_is_not_a_statement():
    text = ("I think the deal is good. In my view, the tariffs are a mistake. "
            "From my perspective, patience will pay.")
    assert rows(text) == []


def test_passive_with_no_speaker_is_not_a_statement():
    assert rows("The talks were described as cordial yet intensive.") == []
    assert rows("The plan was said to be ambitious.") == []


def test_custom_cue_list_replaces_the_packaged_one(tmp_path):
    cues = tmp_path / "cues.csv"
    cues.write_text("form,lemma,frame\nmused,muse,clause\n", encoding="utf-8")
    text = "Ann Lee mused that the talks went well. Tom Hardy said prices would fall."
    assert rows(text) == [("Tom Hardy", "indirect", "prices would fall")]
    q = extract_quotes(text, cues=cues)
    assert list(zip(q["speaker"], q["text"], q["cue"], strict=True)) == [
        ("Ann Lee", "the talks went well", "mused")]


def test_packaged_cues_cover_the_issue_list():
    cues = load_cues()
    for form in ("said", "told", "added", "stated", "declared", "noted", "warned", "argued",
                 "insisted", "described", "characterized", "praised", "echoed", "expressed",
                 "mentioned", "suggested", "emphasized", "reiterated", "confirmed", "posted",
                 "wrote", "tweeted"):
        assert form in cues.single, form
    assert ("according", "to") in [parts for parts, _ in cues.multi["according"]]


# --- the seeds --------------------------------------------------------------------------------


def _seed(seed_articles, stem: str) -> tuple[str, pd.DataFrame]:
    art = seed_articles[seed_articles["article_id"] == stem]
    return art["text"].iloc[0], extract_quotes(art)


def test_seed_003_commentary_gives_no_statements(seed_articles):
    text, q = _seed(seed_articles, "003_f1b0bbbe5995592c")
    commentary = text.index("\nCommentary\n")
    assert len(q) > 0
    assert (q["start"] < commentary).all()


def test_no_platform_name_is_a_statement_in_the_seeds(seed_articles):
    q = extract_quotes(seed_articles)
    stripped = q["text"].str.strip(" ,.“”\"'")
    assert not stripped.str.fullmatch(r"(?i)truth social|x|twitter").any()


def test_seed_004_pronoun_quote_is_akazawas(seed_articles):
    _, q = _seed(seed_articles, "004_e511f39658b70002")
    hit = q[q["text"].str.startswith("Our goal is for the US to completely cancel")]
    assert hit[["speaker", "kind", "attribution"]].values.tolist() == [
        ["Ryosei Akazawa", "direct", "pronoun"]]


def test_seed_004_quote_only_paragraph_continues_akazawas_post(seed_articles):
    _, q = _seed(seed_articles, "004_e511f39658b70002")
    hit = q[q["text"].str.startswith("I will participate in this meeting")]
    assert hit[["speaker", "kind", "attribution"]].values.tolist() == [
        ["Ryosei Akazawa", "direct", "continuation"]]
    assert hit["text"].iloc[0].endswith("both Japan and the United States (very good!)")


# --- property-based ---------------------------------------------------------------------------

_PIECES = st.sampled_from([
    "“", "”", "‘", "’", '"', "'", "„", "«", "»", " ", "\n", "\n\n", "\r\n", "\t", ",", ".", ":",
    ";", "—", "!", "?", "(", ")", "said", " said ", "told reporters that", "according to",
    "he", "She", "they", "Ann Lee", "Trump", "Akazawa", "Mr", "the President", "Japan’s",
    "we’re", "businesses’", "that", " the ", "é", "日本", "😀", "\u2028", "\u00a0", "\x00",
])
_TEXTS = st.one_of(
    st.text(max_size=200),
    st.lists(_PIECES, max_size=60).map("".join),
    st.lists(st.one_of(_PIECES, st.text(max_size=6)), max_size=40).map("".join),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXTS)
def test_any_text_gives_valid_rows(text):
    q = extract_quotes(text)
    assert list(q.columns) == QUOTE_COLUMNS
    for r in q.itertuples():
        assert 0 <= r.start < r.end <= len(text)
        assert text[r.start:r.end] == r.text
        assert r.text in r.sentence
        assert r.sentence in text
        assert r.kind in KINDS
        assert r.attribution in ATTRIBUTIONS
        assert r.side in SIDES


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_TEXTS, min_size=1, max_size=4))
def test_any_corpus_keeps_offsets_inside_each_article(parts):
    articles = pd.DataFrame({"article_id": [f"a{i}" for i in range(len(parts))], "text": parts})
    q = extract_quotes(articles)
    by_id = dict(zip(articles["article_id"], articles["text"], strict=True))
    for r in q.itertuples():
        article = by_id[r.article_id]
        assert 0 <= r.start < r.end <= len(article)
        assert article[r.start:r.end] == r.text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PIECES, max_size=30).map("".join), st.lists(_PIECES, max_size=30).map("".join))
def test_a_broken_paragraph_never_costs_a_good_one(noise, more):
    # blank lines around the good paragraph: it is a paragraph of its own in any layout
    good = "Ann Lee told reporters that prices would fall."
    text = f"{noise}\n\n{good}\n\n{more}"
    q = extract_quotes(text)
    start = len(noise) + 2 + good.index("prices")
    hit = q[(q["start"] == start) & (q["text"] == "prices would fall")]
    assert hit["speaker"].tolist() == ["Ann Lee"]
