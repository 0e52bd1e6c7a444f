"""Direction tests for the caution and optimism cue lists (``stance/data/*_cues.csv``).

Every sentence here is hand-written for the test: a hedged, conditional, limited, refused,
non-committal or doubting version of a statement must score more caution than the plain,
committed version of the same statement, and the optimism classes must raise optimism. The
tests check directions, not values, so the weights can be revised without rewriting them.
"""

from __future__ import annotations

import pytest

from stance import explain, score_text
from stance.resources import read_table


def caution(text: str) -> float:
    return score_text(text)["caution"]


def optimism(text: str) -> float:
    return score_text(text)["optimism"]


# ------------------------------------------------------------------ hedges


@pytest.mark.parametrize(
    ("hedged", "plain"),
    [
        ("The talks will probably resume next week.", "The talks will resume next week."),
        ("Presumably the talks will resume next week.", "The talks will resume next week."),
        ("The talks could conceivably resume next week.", "The talks resume next week."),
        ("Arguably the offer is fair.", "The offer is fair."),
        ("The offer is plausibly the best on the table.", "The offer is the best on the table."),
        ("The ministry seemingly accepts the offer.", "The ministry accepts the offer."),
        ("Tokyo appears to favour the offer.", "Tokyo favours the offer."),
        ("It would appear that Tokyo favours the offer.", "Tokyo favours the offer."),
        ("Beijing has reportedly eased its export curbs.", "Beijing has eased its export curbs."),
        ("I suspect that the tariffs will stay.", "The tariffs will stay."),
        ("We expect growth to pick up in the spring.", "Growth will pick up in the spring."),
        ("Growth is forecast to pick up in the spring.", "Growth will pick up in the spring."),
        ("Exports tend to rise in the spring.", "Exports rise in the spring."),
        ("Exports usually rise in the spring.", "Exports rise in the spring."),
        ("To some degree the tariffs hurt exporters.", "The tariffs hurt exporters."),
        ("The tariffs partly explain the slowdown.", "The tariffs explain the slowdown."),
    ],
)
def test_a_hedge_raises_caution(hedged, plain):
    assert caution(hedged) > caution(plain)


@pytest.mark.parametrize(
    ("uncertain", "plain"),
    [
        ("We do not know when the talks will end.", "The talks will end in May."),
        ("It is not known whether Japan will join.", "Japan will join."),
        ("Investors are unsure whether rates will rise.", "Investors say rates will rise."),
        ("The outlook is uncertain.", "The outlook is bright."),
    ],
)
def test_explicit_uncertainty_raises_caution(uncertain, plain):
    assert caution(uncertain) > caution(plain)


def test_stacked_hedges_add_less_than_their_sum_but_more_than_one():
    one = caution("The deal might be signed.")
    two = caution("The deal might possibly be signed.")
    assert one < two < 1


def test_a_strong_hedge_outweighs_a_mere_limiter():
    # an epistemic hedge ("perhaps") says more than a hedge of scope ("mainly")
    assert caution("Perhaps exports will rise.") > caution("Exports will mainly rise.") > 0


# ------------------------------------------------------------------ conditions and limits


@pytest.mark.parametrize(
    ("conditional", "plain"),
    [
        (
            "Japan will cut tariffs provided that Washington does the same.",
            "Japan will cut tariffs and Washington will do the same.",
        ),
        ("The deal hinges on car tariffs.", "The deal covers car tariffs."),
        ("Any deal is contingent on access for farmers.", "The deal gives access to farmers."),
        ("Seoul will retaliate if necessary.", "Seoul will retaliate."),
        ("In the event of a strike, flights will stop.", "Because of the strike, flights stopped."),
        ("The offer stands even if talks fail.", "The offer stands."),
        ("Only after the election will we sign.", "After the election we will sign."),
        ("We will act, otherwise prices will rise.", "We will act and prices will fall."),
        ("We want quotas in return for lower tariffs.", "We want quotas and lower tariffs."),
        ("Support is subject to a vote in parliament.", "Support was confirmed by parliament."),
    ],
)
def test_a_condition_raises_caution(conditional, plain):
    assert caution(conditional) > caution(plain)


@pytest.mark.parametrize(
    ("limited", "plain"),
    [
        ("The tariffs stay for the time being.", "The tariffs stay."),
        ("A deal is due in 2026 at the earliest.", "A deal is due in 2026."),
        ("There will be no deal before the summit.", "There will be a deal at the summit."),
        ("Not until the tariffs go will we talk.", "When the tariffs go we will talk."),
        ("Japan has yet to respond to the offer.", "Japan has responded to the offer."),
        ("The details are still to be agreed.", "The details are agreed."),
        ("In theory the pact covers steel.", "The pact covers steel."),
        ("A decision will follow in due course.", "A decision follows today."),
    ],
)
def test_a_limit_in_time_or_scope_raises_caution(limited, plain):
    assert caution(limited) > caution(plain)


# ------------------------------------------------------------------ refusals and non-commitment


@pytest.mark.parametrize(
    ("refusal", "acceptance"),
    [
        ("The ministry had no comment on the report.", "The ministry welcomed the report."),
        ("He would not be drawn on a date for the deal.", "He gave a date for the deal."),
        ("The minister would not comment on the tariffs.", "The minister spoke on the tariffs."),
        ("Officials declined to speculate on a deal.", "Officials spoke of a deal."),
        ("Tokyo is not prepared to cut rice tariffs.", "Tokyo is prepared to cut rice tariffs."),
        ("Seoul is unwilling to reopen the pact.", "Seoul is willing to reopen the pact."),
        ("Paris is reluctant to back the plan.", "Paris is glad to back the plan."),
        ("Brussels turned down the offer.", "Brussels took up the offer."),
        ("Ottawa rebuffed the proposal.", "Ottawa embraced the proposal."),
        ("The EU vetoed the proposal.", "The EU backed the proposal."),
        ("We are not in a position to sign.", "We are in a position to sign."),
        ("Under no circumstances will we lift the ban.", "We will lift the ban."),
        ("There are no guarantees of a deal.", "There are guarantees of a deal."),
        ("We have no plan to raise tariffs.", "We have a plan to raise tariffs."),
        ("The government refused to accept the terms.", "The government accepted the terms."),
    ],
)
def test_a_refusal_is_more_guarded_than_an_acceptance(refusal, acceptance):
    assert caution(refusal) > caution(acceptance)


@pytest.mark.parametrize(
    ("guarded", "committed"),
    [
        ("We reserve the right to respond.", "We will respond on Monday."),
        ("We are keeping our options open.", "We have made our choice."),
        ("It is too early to say whether talks will work.", "The talks will work."),
        ("It is hard to say when growth will return.", "Growth will return next year."),
        ("It remains to be seen whether the truce holds.", "The truce holds."),
        ("The minister was non-committal about the offer.", "The minister backed the offer."),
        ("We will wait and see.", "We will act now."),
        ("Whether the plan works is an open question.", "The plan works."),
        ("Berlin is undecided on the tariffs.", "Berlin has decided on the tariffs."),
    ],
)
def test_a_non_committal_answer_is_more_guarded_than_a_commitment(guarded, committed):
    assert caution(guarded) > caution(committed)


# ------------------------------------------------------------------ doubt, caution, worry, risk


@pytest.mark.parametrize(
    ("doubting", "plain"),
    [
        ("Analysts are unconvinced by the plan.", "Analysts are impressed by the plan."),
        ("Officials are not convinced the deal will hold.", "Officials say the deal will hold."),
        ("Many doubt the truce will last.", "Many expect the truce to last."),
        ("The figures look dubious.", "The figures look sound."),
        ("I find it hard to believe the offer is serious.", "The offer is serious."),
        ("Investors wonder whether the cuts will come.", "Investors say the cuts will come."),
        ("Exporters are sceptical of the pact.", "Exporters are fond of the pact."),
    ],
)
def test_doubt_and_scepticism_raise_caution(doubting, plain):
    assert caution(doubting) > caution(plain)


@pytest.mark.parametrize(
    ("guarded", "plain"),
    [
        ("We urge restraint on both sides.", "We urge talks on both sides."),
        ("The bank acted warily.", "The bank acted."),
        ("The ministry is circumspect about the pact.", "The ministry is proud of the pact."),
        ("Markets are jittery about the tariffs.", "Markets are quiet about the tariffs."),
        ("Farmers are anxious about the deal.", "Farmers are happy about the deal."),
        ("Farmers have misgivings about the deal.", "Farmers have hopes for the deal."),
        ("We signed, with some caveats.", "We signed."),
        ("The plan is risky for exporters.", "The plan is good for exporters."),
        ("There are sticking points over steel.", "There are talks over steel."),
        ("A deal is still a long way off.", "A deal is done."),
        ("There is still work to do.", "The work is done."),
    ],
)
def test_caution_worry_risk_and_obstacles_raise_caution(guarded, plain):
    assert caution(guarded) > caution(plain)


def test_certainty_is_not_doubt():
    assert caution("There is no doubt the deal will hold.") < caution(
        "We doubt the deal will hold."
    )


# ------------------------------------------------------------------ what is left out on purpose


def test_would_in_reported_speech_is_tense_not_a_hedge():
    assert caution("He said Japan would attend the talks.") == caution(
        "He said Japan will attend the talks."
    )


@pytest.mark.parametrize(
    "text",
    [
        "They talked about trade for an hour.",  # 'about' the preposition
        "The ministers met around noon.",  # 'around' the preposition
        "He appeared on television on Sunday.",  # 'appear' without 'to'
        "I think the tariffs are wrong.",  # an opinion marker, not a hedge
    ],
)
def test_words_left_out_of_the_hedges_add_no_caution(text):
    assert caution(text) == 0


# ------------------------------------------------------------------ optimism, the mirror classes


@pytest.mark.parametrize(
    ("hopeful", "plain"),
    [
        ("We are upbeat about the talks.", "We are at the talks."),
        ("Negotiators made headway on tariffs.", "Negotiators met on tariffs."),
        ("The talks are a step in the right direction.", "The talks are a step."),
        ("We are on the right track.", "We are on the road."),
        ("Growth is on course for 2%.", "Growth is 2%."),
        ("There is a good chance of an agreement.", "There is a meeting on the agreement."),
        ("Negotiators found common ground on steel.", "Negotiators talked about steel."),
        ("A deal is in sight.", "A deal is discussed."),
        ("The sides are closer to a deal.", "The sides discussed a deal."),
        ("Hopefully the talks will end soon.", "The talks will end."),
        ("The result was heartening.", "The result was announced."),
        ("The goal is achievable.", "The goal is set."),
    ],
)
def test_optimism_cues_raise_optimism(hopeful, plain):
    assert optimism(hopeful) > optimism(plain)


def test_negated_optimism_is_caution_not_optimism():
    got, plain = score_text("There is no deal in sight."), score_text("A deal is in sight.")
    assert got["optimism"] == 0 < plain["optimism"]
    assert got["caution"] > plain["caution"]


def test_confidence_and_caution_point_opposite_ways():
    confident = score_text("We are confident of a deal.")
    cautious = score_text("We are cautious about a deal.")
    assert confident["optimism"] > confident["caution"]
    assert cautious["caution"] > cautious["optimism"]


# ------------------------------------------------------------------ explain and the data files


def test_explain_names_the_new_cue_classes():
    ex = explain("We reserve the right to respond; doubts remain, for the time being.")
    rules = set(ex.loc[ex["score"] == "caution", "rule"])
    assert {"non-commitment", "doubt", "limit"} <= rules


CAUTION_CATEGORIES = {
    "hedge", "limiter", "condition", "limit", "refusal", "non-commitment", "caution-word",
    "doubt", "concession", "certainty",
}  # fmt: skip
OPTIMISM_CATEGORIES = {"confidence", "hope", "progress", "engagement", "deal"}


@pytest.mark.parametrize(
    ("name", "known"),
    [("caution_cues.csv", CAUTION_CATEGORIES), ("optimism_cues.csv", OPTIMISM_CATEGORIES)],
)
def test_every_cue_has_a_known_category_a_source_and_a_weight_in_range(name, known):
    rows = read_table(None, name)
    assert rows
    for row in rows:
        assert row["category"] in known, row
        assert row["source"].strip(), row
        assert 0 <= float(row["weight"]) < 1, row
        assert row["when"] in ("any", "affirmed", "negated"), row


def test_words_judged_not_hedges_in_news_are_not_cues():
    cues = {row["cue"] for row in read_table(None, "caution_cues.csv")}
    assert not {"would", "about", "around", "think", "quite", "rather"} & cues
