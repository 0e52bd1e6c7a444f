"""Tests for the tone layer: each rule moves scores the way it says, and nothing else changes.

Expected values are directions and orderings on hand-written sentences, or raw VADER itself
(the layer must reproduce it exactly when its own rules and lexicon are switched off).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from stance.tone import (
    EXPLAIN_COLUMNS,
    ToneScorer,
    explain,
    make_scorer,
    score_quotes,
    score_text,
    score_vader,
    stance_label,
)
from stance.types import SCORE_COLUMNS, STANCES

ISHIBA = "Japan would not rush to reach an agreement, nor make significant concessions"
ONODERA = (
    "As an ally of the United States, the government of Japan should not consider deliberately"
    " leveraging US treasuries (for retaliation)"
)


def tone(text: str) -> float:
    return score_text(text)["tone"]


def caution(text: str) -> float:
    return score_text(text)["caution"]


def rows(text: str, score: str | None = None) -> pd.DataFrame:
    ex = explain(text)
    return ex if score is None else ex[ex["score"] == score]


# ------------------------------------------------------------------ the dict and its ranges


def test_score_text_returns_the_seven_scores_in_order():
    got = score_text("The talks were productive, but we remain cautious.")
    assert list(got) == SCORE_COLUMNS
    assert -1 <= got["tone"] <= 1
    assert 0 <= got["caution"] <= 1 and 0 <= got["optimism"] <= 1
    assert got["stance"] in STANCES


def test_empty_and_blank_text_score_zero_and_neutral():
    for text in ("", "   \n"):
        got = score_text(text)
        assert got["tone"] == got["caution"] == got["optimism"] == 0
        assert got["stance"] == "neutral"


def test_score_text_rejects_non_strings():
    with pytest.raises(TypeError):
        score_text(None)  # type: ignore[arg-type]


# ------------------------------------------------------------------ faithful to VADER


@pytest.fixture(scope="module")
def plain_vader(tmp_path_factory) -> ToneScorer:
    empty = tmp_path_factory.mktemp("lex") / "empty.csv"
    empty.write_text("term,valence,why\n", encoding="utf-8")
    return ToneScorer(lexicon=empty, rules="vader")


VADER_CASES = [
    "VADER is smart, handsome, and funny.",
    "VADER is VERY SMART, handsome, and FUNNY!!!",
    "The book was kind of good.",
    "The plot was good, but the characters are uncompelling and the dialog is not great.",
    "At least it isn't a horrible book.",
    "Sentiment analysis has never been this good!",
    "Roger Dodger is one of the least compelling variations on this theme.",
    "Without a doubt, an excellent idea.",
    "Today kinda sux! But I'll get by, lol",
    "Catch utf-8 emoji such as 💘 and 💋 and 😁",
    "No good deed goes unpunished, but good good good is bad bad.",
    "",
]


def _assert_same_as_vader(plain_vader, text: str) -> None:
    want = SentimentIntensityAnalyzer().polarity_scores(text)
    got = plain_vader(text)
    assert (got["tone"], got["pos"], got["neu"], got["neg"]) == (
        want["compound"], want["pos"], want["neu"], want["neg"])


@pytest.mark.parametrize("text", VADER_CASES)
def test_vader_rules_with_no_lexicon_reproduce_vader_exactly(plain_vader, text):
    _assert_same_as_vader(plain_vader, text)


WORDS = [
    "good", "bad", "not", "no", "but", "very", "kind", "of", "least", "at", "never", "so",
    "this", "without", "doubt", "GREAT", "terrible", "isn't", "the", "talks", "nor", "or",
    "sort", "!", "?", "happy", "sad", "hardly", ":)", "cool,", "fine.",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=14))
def test_vader_rules_match_vader_on_any_word_sequence(plain_vader, words):
    text = " ".join(words)
    _assert_same_as_vader(plain_vader, text)


def test_score_vader_is_raw_vader():
    text = "The talks were good, but the outcome was bad."
    assert (
        score_vader(text)["tone"] == SentimentIntensityAnalyzer().polarity_scores(text)["compound"]
    )


# ------------------------------------------------------------------ domain lexicon and phrases


def test_domain_words_vader_lacks_carry_tone():
    assert score_vader("frank and constructive")["tone"] == 0
    assert tone("frank and constructive") > 0
    assert (
        tone("They threatened retaliation and escalation.")
        < score_vader("They threatened retaliation and escalation.")["tone"]
    )


def test_names_and_domain_nouns_are_neutral():
    for text in ("talks with the United States", "the interest rate", "the trade deficit"):
        assert score_vader(text)["tone"] != 0
        assert tone(text) == 0


def test_multiword_phrase_is_matched_as_one_unit():
    # VADER reads 'war' as armed war; a trade war is hostile but less so.
    assert score_vader("a trade war")["tone"] < tone("a trade war") < 0
    ex = rows("They fear a trade war.", "tone")
    assert "trade war" in ex["token"].tolist()


def test_curly_quotes_do_not_hide_words():
    assert tone("“We are optimistic,” he said.") == pytest.approx(
        tone('"We are optimistic," he said.')
    )
    assert tone("“We are optimistic,” he said.") > 0


# ------------------------------------------------------------------ negation and refusal


@pytest.mark.parametrize(
    ("refusal", "plain"),
    [
        ("Japan would not rush to reach an agreement", "Japan would rush to reach an agreement"),
        ("we do not think the tariffs are acceptable", "we think the tariffs are acceptable"),
        ("Japan should not consider a good offer", "Japan should consider a good offer"),
        ("Tokyo will not make significant concessions", "Tokyo will make significant concessions"),
        (
            "Japan will neither rush nor make significant concessions",
            "Japan will rush and make significant concessions",
        ),
    ],
)
def test_a_refusal_is_less_warm_and_more_guarded_than_the_same_words_without_it(refusal, plain):
    assert tone(refusal) < tone(plain)
    assert caution(refusal) > caution(plain)


def test_negation_reaches_past_vaders_three_words():
    text = "we do not think the tariffs are acceptable"
    assert score_vader(text)["tone"] > 0  # VADER misses the "not" five words back
    assert tone(text) <= 0
    ex = rows(text, "tone")
    assert ex.set_index("token").loc["acceptable", "rule"].endswith("refusal")


def test_negation_scope_ends_at_the_clause():
    # "not" does not reach past the comma into the next clause.
    assert tone("They did not agree, and the result is good.") > 0
    assert tone("They did not agree, and the result is good.") > tone("They did not agree.")


def test_negation_focuses_on_the_first_strong_word_only():
    # "discouraged" is negated; "complaints" later in the clause stays negative.
    text = "It ought not to be discouraged by the bitter complaints of riders."
    ex = rows(text, "tone").set_index("token")
    assert ex.loc["complaints", "contribution"] < 0
    assert ex.loc["discouraged", "contribution"] > 0
    assert "negation" in ex.loc["discouraged", "rule"]


def test_pseudo_negation_negates_nothing():
    assert tone("No doubt the talks were productive.") == pytest.approx(
        tone("The talks were productive.")
    )
    assert tone("Not only productive but cordial.") > 0


def test_fronted_negative_with_a_comparison_emphasises_instead_of_negating():
    # "Never has there been a worse time": no time was worse, which is emphasis
    assert tone("Never has there been a worse time for the talks.") < 0
    assert tone("Never have relations been better.") > 0
    assert tone("Trade is slow, and rarely has so much goodwill been wasted.") == pytest.approx(
        tone("Trade is slow, and so much goodwill has been wasted.")
    )
    ex = explain("Never have relations been better.").set_index("token")
    assert "negation" not in ex.loc["better", "rule"]


def test_fronted_negative_without_a_comparison_or_inversion_still_negates():
    assert tone("Seldom do talks go well.") < 0  # no comparison: it negates "well"
    assert tone("They said never have relations been good.") < 0  # not at a clause start


def test_approximate_negators_but_not_a_little():
    assert tone("They showed little willingness to ease tariffs.") < tone(
        "They showed willingness to ease tariffs."
    )
    assert tone("They made a little progress.") > 0


def test_refusal_verb_negates_what_it_governs():
    assert tone("Syria refused to accept the report.") < tone("Syria accepted the report.")
    assert caution("Syria refused to accept the report.") > 0


def test_renouncing_retaliation_is_not_hostile():
    assert tone("Japan will not retaliate.") > tone("Japan will retaliate.")


def test_a_denied_outcome_is_not_a_refusal():
    assert caution("Turkey will not be a burden for the EU budget.") < caution(
        "Turkey will not accept the EU budget."
    )


# ------------------------------------------------------------------ contrast


def test_clause_after_but_weighs_more():
    assert tone("The talks were difficult, but the outcome was good.") > 0
    assert tone("The outcome was good, but the talks were difficult.") < 0
    ex = rows("The outcome was good, but the talks were difficult.", "tone").set_index("token")
    assert "contrast" in ex.loc["difficult", "rule"] and ex.loc["difficult", "trigger"] == "but"


@pytest.mark.parametrize("marker", ["However,", "Nevertheless,", "But"])
def test_sentence_opening_contrast_weighs_down_the_sentence_before(marker):
    text = f"The plan was good. {marker} the execution was terrible."
    assert tone(text) < tone("The plan was good. The execution was terrible.")


def test_concessive_clause_weighs_less_than_the_main_clause():
    assert tone("Although the talks were difficult, the outcome was good.") > tone(
        "The talks were difficult, the outcome was good."
    )
    assert tone("The outcome was good, although the talks were difficult.") > 0


def test_contrast_applies_in_every_sentence_not_only_the_first_but():
    # VADER applies only the first "but" of a text.
    text = "It was bad but good. It was good but bad."
    first, second = "It was bad but good.", "It was good but bad."
    assert tone(first) > 0 > tone(second)
    assert tone(text) == pytest.approx(
        ToneScorer()._an.score_valence(  # the two sentences weighted on their own
            [s * w for s, w in zip(_sentiments(first) + _sentiments(second),
                                   [0.5, 1.5, 0.5, 1.5], strict=True)],
            text,
        )["compound"], abs=1e-4,
    )  # fmt: skip


def _sentiments(text: str) -> list[float]:
    """The two lexicon words' valences in a 'It was X but Y.' sentence (VADER's lexicon)."""
    lex = SentimentIntensityAnalyzer().lexicon
    words = text.rstrip(".").split()
    return [lex[words[2]], lex[words[4]]]


def test_yet_as_so_far_is_not_a_contrast():
    ex = rows("No deal has been agreed yet, officials said.", "caution")
    assert "refusal" in ex["rule"].tolist()
    assert "contrast" not in " ".join(rows("It is not yet good.", "tone")["rule"])


# ------------------------------------------------------------------ direction of change


def test_a_slowing_good_quantity_is_bad_news():
    text = "The country's economic growth will slow to 1.6% next year."
    assert score_vader(text)["tone"] > 0  # VADER hears only "growth"
    assert tone(text) < 0
    ex = rows(text, "tone").set_index("token")
    assert ex.loc["growth", "contribution"] == 0 and "direction" in ex.loc["growth", "rule"]
    assert ex.loc["slow", "trigger"] == "growth" and ex.loc["slow", "contribution"] < 0


@pytest.mark.parametrize(
    ("good", "bad"),
    [
        ("Unemployment fell in May.", "Unemployment rose in May."),
        ("Exports rose in May.", "Exports fell in May."),
        ("The company narrowed its losses.", "Losses widened in the second quarter."),
        ("The plan will cut taxes.", "The plan will cut jobs."),
        ("Inflation is low.", "Inflation is high."),
        ("There will be more jobs.", "There will be fewer jobs."),
        ("Both sides agreed to lower tariffs.", "Both sides agreed to raise tariffs."),
    ],
)
def test_the_sign_of_a_change_times_the_sign_of_what_changes(good, bad):
    assert tone(good) > 0 > tone(bad)


def test_acting_against_a_bad_thing_is_good_news():
    text = "It is possible to launch a direct assault on poverty."
    assert score_vader(text)["tone"] < 0
    assert tone(text) > 0
    assert tone("We will fight inflation.") > 0 > tone("This will harm growth.")
    assert tone("This will harm growth.") < score_vader("This will harm growth.")["tone"]
    # "for" is not "against": fighting for jobs is not composed with the jobs
    assert "direction" not in " ".join(rows("They are fighting for jobs.", "tone")["rule"])


def test_a_change_reaches_its_subject_only_across_auxiliaries():
    assert tone("The deficit is expected to continue to widen.") < 0
    assert tone("Growth did not slow.") > 0  # the composed change is then negated
    # "trade" modifies "surplus": the surplus narrowed, not trade
    assert "direction" not in " ".join(rows("The trade surplus narrowed.", "tone")["rule"])
    # a noun compound is about its last noun
    assert tone("They expect a widening trade deficit.") < 0


def test_a_possessor_does_not_count_towards_a_changes_reach():
    assert tone("They will cut the country's budget deficit.") == pytest.approx(
        tone("They will cut the budget deficit.")
    )
    assert tone("The plan will reduce a person's cancer risk.") > 0
    # without the possessive the fourth word is out of reach: "cut" keeps its own valence
    assert tone("They will cut the country budget deficit.") != pytest.approx(
        tone("They will cut the budget deficit.")
    )


def test_each_conjunct_has_its_own_change():
    assert tone("Inflation remains low and growth is picking up.") > 0
    assert tone("We must fight corruption and poverty.") > 0
    assert tone("Unemployment and inflation fell.") > 0
    mixed = tone("Growth and unemployment fell.")
    assert abs(mixed) < tone("Unemployment fell.")
    assert tone("It is unlikely that investment and exports will rise.") < 0


def test_a_change_with_nothing_to_change_keeps_its_own_valence():
    assert tone("Prices fell.") < 0  # 'fell' alone, as 'falling' in VADER
    assert tone("Prices rose.") == 0  # a rise alone is not good news
    assert tone("A recovery is under way.") > 0


def test_a_threat_is_bad_news_whatever_it_threatens():
    # 'threaten' acts against a good thing, and threatening a penalty is hostile too
    assert tone("The row threatens jobs.") < 0
    for text in ("The US threatened tariffs.", "They threatened sanctions on Iran."):
        assert tone(text) < 0
    assert tone("The US threatened to impose tariffs.") < tone("The US imposed tariffs.") < 0


def test_lifting_is_good_news_whether_it_raises_or_removes():
    assert tone("The EU lifted the embargo.") > 0 > tone("The EU imposed an embargo.")
    assert tone("The ban was lifted.") > 0 > tone("The ban remains.")
    assert tone("Sanctions were eased.") > 0 > tone("Sanctions were imposed.")
    assert tone("The reforms will lift growth.") > 0
    assert tone("The crane will lift the box.") == 0  # nothing to raise or remove


def test_a_verb_of_change_after_an_auxiliary_takes_its_own_object():
    # "cuts" does not reach past "will lift": the growth is lifted
    assert tone("Rate cuts will lift growth.") > 0
    ex = rows("Rate cuts will lift growth.", "tone").set_index("token")
    assert ex.loc["lift", "trigger"] == "growth"
    # an attribute is not a verb: "fight" still reaches the inflation and turns good
    fight = rows("We will fight rising inflation.", "tone").set_index("token").loc["fight"]
    assert fight["vader_value"] < 0 < fight["value"]


def test_a_user_lexicon_without_categories_composes_nothing():
    scorer = make_scorer(lexicon={"slow": -0.8, "growth": 1.6})
    assert scorer("growth will slow")["tone"] > 0  # both words as they are


# ------------------------------------------------------------------ excess, degree, like, fear


def test_too_before_a_good_word_is_criticism():
    assert tone("The forecasts were too optimistic.") < 0 < tone("The forecasts were optimistic.")
    assert score_text("The forecasts were too optimistic.")["optimism"] == 0
    assert "excess" in rows("The forecasts were too optimistic.", "tone")["rule"].iloc[0]
    assert tone("We would be only too happy to help.") > 0


def test_a_praise_word_before_a_negative_one_measures_it():
    assert score_vader("It is a great loss.")["tone"] > 0
    assert tone("It is a great loss.") < 0
    ex = rows("It is a great loss.", "tone").set_index("token")
    assert ex.loc["great", "rule"] == "lexicon+degree" and ex.loc["great", "contribution"] == 0
    assert tone("It is a great deal.") > 0  # before a neutral word it is still praise


def test_like_is_a_liking_only_as_a_verb():
    assert score_vader("It sounds like another attempt.")["tone"] > 0
    assert tone("It sounds like another attempt.") == 0
    assert tone("We like the plan.") > 0
    assert tone("We would like a deal.") > 0


@pytest.mark.parametrize(
    ("negated", "plain"),
    [
        (
            "The rise is insufficient to deliver positive momentum.",
            "The rise will deliver positive momentum.",
        ),
        ("They were unable to agree.", "They were able to agree."),
        ("There is a lack of progress.", "There is progress."),
        (
            "He questioned the effectiveness of the plan.",
            "He described the effectiveness of the plan.",
        ),
        ("Analysts doubt the benefits of the deal.", "Analysts see the benefits of the deal."),
    ],
)
def test_words_that_negate_what_they_govern(negated, plain):
    assert tone(negated) < 0 < tone(plain)
    row = rows(negated, "tone")
    assert row["rule"].str.contains("negation").any()


def test_a_governing_negator_after_a_negation_negates_nothing():
    assert tone("No doubt the benefits are real.") == pytest.approx(tone("The benefits are real."))
    assert tone("Without question the talks were productive.") > 0


def test_a_governed_negation_is_not_a_refusal():
    ex = rows("They were unable to agree a plan.")
    assert not ex["rule"].str.contains("refusal").any()
    assert "refusal" in rows("They would not agree a plan.")["rule"].str.cat(sep=" ")


@pytest.mark.parametrize(
    "text",
    [
        "We will review the report by Grant Samuel in detail.",
        "The Office of Fair Trading said so.",
        "They met Hope Jones on Monday.",
    ],
)
def test_words_of_a_name_carry_no_tone(text):
    assert tone(text) == 0
    assert (rows(text, "tone")["rule"].str.contains("name")).all()


def test_a_capitalised_word_opening_a_sentence_or_quote_keeps_its_tone():
    assert tone("Great progress was made.") > 0
    assert tone('He said: "Excellent talks."') > 0
    assert tone("Big progress! Great talks.") > 0
    assert tone("The talks were GREAT.") > tone("The talks were great.") > 0


@pytest.mark.parametrize(
    ("good", "bad"),
    [
        ("We will smash the criminal gangs.", "The criminal gangs are growing."),
        ("We will tackle abuse of the system.", "Abuse of the system is growing."),
        ("They want to eradicate the disease.", "The disease is spreading."),
    ],
)
def test_acting_against_a_social_harm_is_good_news(good, bad):
    assert tone(good) > 0 > tone(bad)


def test_the_harms_own_modifier_goes_with_it():
    ex = rows("We will smash the criminal gangs.", "tone").set_index("token")
    assert ex.loc["criminal", "contribution"] == 0
    assert "direction" in ex.loc["criminal", "rule"]


def test_adversarial_legal_moves_are_negative_but_seizing_a_chance_is_not():
    assert tone("They will sue the company.") < 0
    assert tone("The state seized the assets.") < 0
    assert tone("They should seize the moment.") > 0


def test_far_from_negates():
    assert tone("The outlook is far from good.") < 0 < tone("The outlook is good.")
    assert tone("The town is far from the coast.") == 0


def test_amid_backgrounds_its_clause():
    assert tone("We are on track amid difficult conditions.") > tone(
        "We are on track in difficult conditions."
    )


def test_good_words_in_a_feared_clause_carry_no_warmth():
    text = "I fear that we have promised more than we can deliver."
    ex = rows(text, "tone").set_index("token")
    assert ex.loc["promised", "contribution"] == 0 and "fear" in ex.loc["promised", "rule"]
    assert tone(text) < 0
    # bad words in the feared clause stay bad
    ex = rows("They warned that the crisis will deepen.", "tone").set_index("token")
    assert ex.loc["crisis", "contribution"] < 0
    # a fear word without "that" or a first person governs nothing
    harvest = rows("Fears of a good harvest.", "tone").set_index("token")
    assert harvest.loc["good", "contribution"] > 0


# ------------------------------------------------------------------ news vocabulary


@pytest.mark.parametrize(
    "word",
    ["hypocrisy", "riles", "undermine", "shambles", "jeopardise", "bleak", "intransigent",
     "tit-for-tat", "unjustified", "yet another"],
)  # fmt: skip
def test_criticism_vader_lacks_or_underrates_is_negative(word):
    assert tone(f"It is {word}.") < min(0.0, score_vader(f"It is {word}.")["tone"] + 1e-9)


@pytest.mark.parametrize(
    "word", ["resilient", "rosy", "upbeat", "thriving", "truce", "rapprochement", "goodwill"]
)
def test_good_news_words_vader_lacks_are_positive(word):
    assert score_vader(f"It is {word}.")["tone"] == 0
    assert tone(f"It is {word}.") > 0


def test_news_senses_of_vader_praise_words_are_neutral():
    text = "It is clear that the energy firm's huge interest in the credit is like that."
    assert score_vader(text)["tone"] > 0.5
    assert tone(text) == 0


def test_negotiation_phrases():
    assert tone("They struck a deal.") > 0 > score_vader("They struck a deal.")["tone"]
    assert tone("The deal fell through.") < 0 < tone("They made headway.")
    assert tone("They may give up on the deal.") < 0


# Second pass: broad classes of news vocabulary. Each pair holds the same frame with and without
# the word, so only the word moves the score.


@pytest.mark.parametrize(
    "text",
    [
        "The plan is a sham.",
        "The plan is a charade.",
        "The inquiry was a whitewash.",
        "The inquiry is a witch-hunt.",
        "The charges are politically motivated.",
        "The plan is deplorable.",
        "The plan is ill-conceived.",
        "The claims are baseless.",
        "The plan is laughable.",
        "The plan smacks of cronyism.",
    ],
)
def test_criticism_scores_below_the_same_frame_without_it(text):
    plain = "The plan is a plan."
    assert tone(text) < tone(plain) == 0
    assert tone(text) < score_vader(text)["tone"] + 1e-9


@pytest.mark.parametrize(
    ("verb", "neutral"),
    [("lambasted", "discussed"), ("denounced", "described"), ("vilified", "received"),
     ("deplored", "noted"), ("castigated", "met"), ("berated", "read")],
)  # fmt: skip
def test_verbs_of_condemnation_are_negative(verb, neutral):
    frame = "The minister {} the proposal."
    assert tone(frame.format(verb)) < tone(frame.format(neutral)) == 0


def test_shortfall_scores_below_adequacy():
    assert tone("The offer is insufficient.") < tone("The offer is on the table.") == 0
    assert tone("The offer is not good enough.") < 0
    assert tone("It is not enough.") < 0 == tone("It is enough.")
    assert tone("Sales came in below expectations.") < 0 < tone("Sales beat expectations.")
    assert tone("The project is behind schedule.") < 0 < tone("The project is ahead of schedule.")
    assert tone("The results were underwhelming.") < tone("The results were in.")


@pytest.mark.parametrize("word", ["unrealistic", "far-fetched", "unconvincing", "implausible"])
def test_doubt_as_a_verdict_is_negative(word):
    assert tone(f"The target is {word}.") < 0 == tone("The target is set.")


def test_praise_scores_above_the_same_frame_without_it():
    for word in ("commendable", "exemplary", "a boon", "a windfall", "a masterstroke"):
        assert tone(f"The deal is {word}.") > 0 == tone("The deal is done.")
    assert tone("It is a historic agreement.") > tone("It is an agreement.") > 0
    assert tone("The minister was vindicated.") > 0
    assert tone("We see green shoots.") > 0 and tone("Demand got a shot in the arm.") > 0


def test_economic_conditions_in_both_directions():
    assert tone("The firm went bust.") < 0 < tone("The firm is in the black.")
    assert tone("The bank needed a bailout.") < score_vader("The bank needed a bailout.")["tone"]
    assert tone("The market faces a glut.") < 0
    assert tone("Insolvencies fell in May.") > 0 > tone("Insolvencies rose in May.")
    assert tone("Hopes faded.") < 0 < tone("Hopes rose.")
    assert tone("The outlook is gloomy.") < score_vader("The outlook is gloomy.")["tone"]
    assert tone("The business is lucrative.") > 0


def test_conflict_and_reconciliation_in_diplomacy():
    for text in ("Relations are belligerent.", "It was a war of words.", "They walked out."):
        assert tone(text) < 0, text
    for text in ("They agreed to mend fences.", "They buried the hatchet.", "There is a rapport."):
        assert tone(text) > 0, text
    assert tone("The minister rebuffed the offer.") < tone("The minister received the offer.")
    # a war of words is hostile, but not as an armed war is
    assert tone("It was a war of words.") > tone("It was a war.")


@pytest.mark.parametrize(
    "text",
    [
        "The charity said it was in the heart of the city.",
        "Thanks to higher prices, certain countries held fresh talks.",
        "The Supreme Court heard the case of a rich investor.",
        "It is a kind of top official in US intelligence.",
    ],
)
def test_news_senses_of_vader_words_are_neutral(text):
    assert score_vader(text)["tone"] > 0.3
    assert tone(text) == 0


def test_names_of_wars_and_periods_are_neutral():
    for text in ("Since the end of the Cold War.", "It was the worst since the Great Depression."):
        assert score_vader(text)["tone"] < 0
    assert tone("Since the end of the Cold War.") == 0
    assert tone("Growth is the weakest since the Second World War.") == tone(
        "Growth is the weakest since 1945."
    )


# ------------------------------------------------------------------ caution and optimism


@pytest.mark.parametrize(
    ("guarded", "plain"),
    [
        ("The deal may be signed next week.", "The deal will be signed next week."),
        ("Perhaps the talks could resume.", "The talks resume."),
        ("We will sign only if tariffs are cut.", "We will sign."),
        ("We will sign unless tariffs rise.", "We will sign."),
        ("We will agree as long as jobs are safe.", "We will agree."),
        ("A deal, but not at the cost of Japanese jobs.", "A deal for Japanese jobs."),
        ("We remain cautious about the talks.", "We remain in the talks."),
        ("Analysts are sceptical of the plan.", "Analysts are aware of the plan."),
        ("It remains to be seen whether a deal is close.", "A deal is close."),
        ("The minister declined to comment.", "The minister commented."),
        ("Japan ruled out using its bonds as leverage.", "Japan used its bonds as leverage."),
    ],
)
def test_cues_raise_caution(guarded, plain):
    assert caution(guarded) > caution(plain)


def test_each_caution_category_is_named_in_explain():
    text = "We may sign only if tariffs fall, but we are cautious and will not rush."
    found = set(rows(text, "caution")["rule"])
    assert {"hedge", "condition", "caution-word", "refusal"} <= found


def test_more_cues_add_less_and_stay_below_one():
    one, two = caution("We may sign."), caution("We may sign, perhaps.")
    assert 0 < one < two < 1
    assert two - one < one


def test_optimism_cues_and_their_negation():
    warm = score_text("We are optimistic and confident that a deal is within reach.")
    assert warm["optimism"] > 0.8 and warm["stance"] == "optimistic"
    cold = score_text("We are not optimistic about the talks.")
    assert cold["optimism"] == 0
    assert cold["caution"] > 0
    assert (
        "negated-optimism"
        in rows("We are not optimistic about the talks.", "caution")["rule"].tolist()
    )


def test_no_progress_is_not_optimism():
    assert score_text("There has been no progress.")["optimism"] == 0
    assert score_text("There has been progress.")["optimism"] > 0


# ------------------------------------------------------------------ stance label


@pytest.mark.parametrize(
    ("tone_", "caution_", "optimism_", "label"),
    [
        (-0.7, 0.9, 0.0, "critical"),  # strong negativity outweighs hedging
        (-0.4, 0.0, 0.0, "critical"),
        (-0.4, 0.5, 0.0, "cautious"),
        (0.3, 0.2, 0.6, "optimistic"),
        (0.3, 0.7, 0.6, "cautious"),  # more guarded than hopeful
        (-0.1, 0.0, 0.6, "neutral"),  # hope words in a cool statement
        (0.6, 0.0, 0.0, "optimistic"),
        (0.2, 0.1, 0.1, "neutral"),
    ],
)
def test_stance_rule(tone_, caution_, optimism_, label):
    assert stance_label(tone_, caution_, optimism_) == label


def test_the_study_statements_get_the_labels_their_words_give():
    assert score_text(ISHIBA)["stance"] == "cautious"
    assert (
        score_text("Very honored to have met the delegation. Big progress!")["stance"]
        == "optimistic"
    )
    assert score_text("That is completely unacceptable and aggressive.")["stance"] == "critical"


# ------------------------------------------------------------------ explain


def test_explain_ishiba_shows_the_refusal_and_its_words():
    ex = explain(ISHIBA)
    assert list(ex.columns) == EXPLAIN_COLUMNS
    caution_rows = ex[ex["score"] == "caution"]
    refusals = caution_rows[caution_rows["rule"] == "refusal"]
    assert {"rush", "concessions"} <= set(refusals["token"])
    assert set(refusals["trigger"]) <= {"not", "nor"}
    tone_rows = ex[ex["score"] == "tone"].set_index("token")
    # the agreement is what is refused: neutralised, where raw VADER counted it as warm
    assert tone_rows.loc["agreement", "rule"] == "lexicon+refusal"
    assert tone_rows.loc["agreement", "vader_value"] > 0
    assert tone_rows.loc["agreement", "contribution"] == 0
    assert score_text(ISHIBA)["tone"] < score_vader(ISHIBA)["tone"]


def test_explain_onodera_shows_names_neutralised_and_the_refusal():
    ex = explain(ONODERA)
    tone_rows = ex[ex["score"] == "tone"].set_index("token")
    assert tone_rows.loc["United States", "rule"] == "domain-lexicon"
    assert tone_rows.loc["United States", "contribution"] == 0
    assert tone_rows.loc["retaliation", "rule"] == "domain-lexicon+refusal"
    assert tone_rows.loc["ally", "contribution"] > 0
    refusal = ex[(ex["score"] == "caution") & (ex["rule"] == "refusal")]
    assert "consider" in set(refusal["token"])
    assert score_text(ONODERA)["tone"] < score_vader(ONODERA)["tone"]


@pytest.mark.parametrize(
    "text",
    [
        ISHIBA,
        ONODERA,
        "The plan was good. However, the execution was terrible!",
        "We may agree, but only if tariffs fall; we are hopeful of progress.",
        "Growth will slow, but we will fight inflation and unemployment.",
        "I fear that the forecasts were “too optimistic”, like a great loss.",
    ],
)
def test_explain_contributions_add_up_and_offsets_point_at_the_words(text):
    ex = explain(text)
    got = score_text(text)
    for score in ("caution", "optimism"):
        assert ex.loc[ex["score"] == score, "contribution"].sum() == pytest.approx(
            got[score], abs=2e-3
        )
    assert ex.loc[ex["score"] == "tone", "contribution"].sum() == pytest.approx(
        got["tone"], abs=2e-3
    )
    for r in ex.itertuples():
        assert text[r.start : r.end] == r.token


def test_explain_of_nothing_is_an_empty_table():
    ex = explain("")
    assert ex.empty and list(ex.columns) == EXPLAIN_COLUMNS


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(list("ab ,.!?“”’—😁") + ["good", "bad ", "won't ", "no", "but"]),
        max_size=30,
    ).map("".join)
)
def test_any_text_scores_in_range_and_explains_at_valid_offsets(text):
    got = score_text(text)
    assert -1 <= got["tone"] <= 1 and 0 <= got["caution"] <= 1 and 0 <= got["optimism"] <= 1
    for r in explain(text).itertuples():
        assert 0 <= r.start < r.end <= len(text)


# ------------------------------------------------------------------ score_quotes


def test_score_quotes_appends_the_score_columns_to_a_copy():
    quotes = pd.DataFrame(
        {"speaker": ["A", "B"], "text": ["We are confident of a deal.", "That is unacceptable."]},
        index=[10, 20],
    )
    before = quotes.copy()
    out = score_quotes(quotes)
    pd.testing.assert_frame_equal(quotes, before)
    assert list(out.columns) == ["speaker", "text", *SCORE_COLUMNS]
    assert list(out.index) == [10, 20]
    assert out.loc[10, "tone"] > 0 > out.loc[20, "tone"]
    assert out["tone"].dtype == "float64" and out["stance"].dtype == object


def test_score_quotes_with_another_scorer():
    quotes = pd.DataFrame({"text": ["good talks", np.nan]})
    out = score_quotes(quotes, scorer=lambda t: {"compound": 0.5, "caution": 0.25})
    assert out.loc[0, "tone"] == 0.5 and out.loc[0, "caution"] == 0.25
    assert math.isnan(out.loc[0, "optimism"]) and pd.isna(out.loc[0, "stance"])
    assert out.loc[1, SCORE_COLUMNS].isna().all()
    vader = score_quotes(quotes, scorer=score_vader)
    assert vader.loc[0, "tone"] == score_vader("good talks")["tone"]
    assert vader["caution"].isna().all()


def test_score_quotes_scores_a_recurring_text_once_and_gives_every_row_its_scores():
    calls: list[str] = []

    def scorer(text):
        calls.append(text)
        return {"tone": len(text) / 100, "caution": 0.5}

    texts = ["talks went well", "no deal", "talks went well", np.nan, "no deal", "talks went well"]
    out = score_quotes(pd.DataFrame({"text": texts}), scorer=scorer)
    assert sorted(calls) == ["no deal", "talks went well"]
    assert out["tone"].tolist()[:3] == [0.15, 0.07, 0.15] and out.loc[5, "tone"] == 0.15
    assert math.isnan(out.loc[3, "tone"]) and out.loc[4, "caution"] == 0.5


def test_score_quotes_replaces_old_scores_and_names_a_missing_column():
    quotes = pd.DataFrame({"statement": ["good"], "tone": [9.0]})
    out = score_quotes(quotes, column="statement")
    assert list(out.columns) == ["statement", *SCORE_COLUMNS]
    assert out.loc[0, "tone"] == tone("good")
    with pytest.raises(KeyError, match="statement"):
        score_quotes(pd.DataFrame({"x": ["a"]}), column="statement")


# ------------------------------------------------------------------ a user's own files


def test_user_lexicon_replaces_the_packaged_one(tmp_path):
    lex = tmp_path / "lex.csv"
    lex.write_text(
        "term,valence,why\nfrank,-1.5,diplomatic code\nbig talks,2.0,test\n", encoding="utf-8"
    )
    scorer = make_scorer(lexicon=lex)
    assert scorer("a frank exchange")["tone"] < 0
    assert scorer("big talks")["tone"] > 0
    assert scorer("constructive")["tone"] == 0  # the packaged entry is not there any more
    assert make_scorer(lexicon=lex) is scorer
    assert make_scorer(lexicon={"frank": 1.0})("a frank exchange")["tone"] > 0


def test_user_cue_files(tmp_path):
    cues = tmp_path / "caution.csv"
    cues.write_text("cue,category,weight,when,source\nmull,hedge,0.5,any,mine\n", encoding="utf-8")
    opt = tmp_path / "optimism.csv"
    opt.write_text(
        "cue,category,weight,when,source\nsunny,hope,0.7,affirmed,mine\n", encoding="utf-8"
    )
    scorer = make_scorer(caution=cues, optimism=opt)
    assert scorer("We mull it")["caution"] == 0.5
    assert scorer("We may mull it")["caution"] == 0.5  # the packaged 'may' is not there
    assert scorer("A sunny outlook")["optimism"] == 0.7
    assert scorer("Not a sunny outlook")["optimism"] == 0


@pytest.mark.parametrize(
    ("kind", "content", "message"),
    [
        ("lexicon", "word,score\nx,1\n", "'term' and 'valence'"),
        ("lexicon", "term,valence\nx,high\n", "not a number"),
        ("caution", "cue,weight\nx,1.5\n", "must be in"),
        ("caution", "cue,weight,when\nx,0.5,sometimes\n", "any, affirmed or negated"),
        ("optimism", "term,weight\nx,0.5\n", "'cue' and 'weight'"),
    ],
)
def test_bad_user_files_are_named_with_the_reason(tmp_path, kind, content, message):
    path = tmp_path / f"{kind}.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=message) as info:
        make_scorer(**{kind: path})
    assert str(path) in str(info.value)


def test_missing_user_file_is_named(tmp_path):
    with pytest.raises(FileNotFoundError, match="nope.csv"):
        make_scorer(lexicon=tmp_path / "nope.csv")


def test_rules_must_be_known():
    with pytest.raises(ValueError, match="rules"):
        ToneScorer(rules="fancy")


# ------------------------------------------------------------------ data files


@pytest.mark.parametrize(
    ("name", "need"),
    [
        ("tone_lexicon.csv", {"term", "valence", "category", "why"}),
        ("caution_cues.csv", {"cue", "category", "weight", "when", "source"}),
        ("optimism_cues.csv", {"cue", "category", "weight", "when", "source"}),
    ],
)
def test_every_packaged_entry_says_where_it_comes_from(name, need):
    from stance.resources import read_table

    table = read_table(None, name)
    assert table and need <= set(table[0])
    for row in table:
        assert (row.get("why") or row.get("source") or "").strip(), row
    keys = [row.get("term") or row.get("cue") for row in table]
    assert len(keys) == len(set(keys)), "duplicate entries"


def test_lexicon_categories_are_known():
    from stance.resources import read_table
    from stance.tone import _COMPOSE, _QUANTITY

    known = {
        *_COMPOSE, *_QUANTITY, "diplomacy-positive", "diplomacy-negative", "economy", "caution",
        "neutral-domain", "neutral-name", "news-negative", "news-positive",
    }  # fmt: skip
    for row in read_table(None, "tone_lexicon.csv"):
        assert row["category"] in known, row
