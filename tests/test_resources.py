"""The collector pause that extraction and scoring run under leaves the process as it was."""

from __future__ import annotations

import gc

import pytest

from stance import extract_quotes, score_quotes
from stance.resources import paused_gc


def test_pause_restores_the_collector_after_an_error():
    assert gc.isenabled()
    with pytest.raises(ValueError), paused_gc():
        assert not gc.isenabled()
        raise ValueError("boom")
    assert gc.isenabled()


def test_a_collector_the_caller_turned_off_stays_off():
    gc.disable()
    try:
        with paused_gc():
            with paused_gc():
                assert not gc.isenabled()
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_extraction_and_scoring_leave_the_collector_on():
    scored = score_quotes(extract_quotes('"We are ready," Akazawa said.'))
    assert len(scored) == 1
    assert gc.isenabled()


def test_scoring_leaves_the_collector_on_when_a_scorer_fails():
    quotes = extract_quotes('"We are ready," Akazawa said.')

    def broken(text: str) -> dict:
        raise RuntimeError("scorer failed")

    with pytest.raises(RuntimeError):
        score_quotes(quotes, scorer=broken)
    assert gc.isenabled()
