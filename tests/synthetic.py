"""A synthetic scored table shared by the statistics, plot and figure tests."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from stance.types import SCORED_COLUMNS

__all__ = ["scored_table"]


def scored_table(seed: int = 0,
                 text: Callable[[str, int], str] = lambda speaker, k: f"{speaker} {k}",
                 ) -> pd.DataFrame:
    """US warm, Japan guarded, one analyst, dates in the seeds' span; ``text`` names each row."""
    rng = np.random.default_rng(seed)
    plan = [("Scott Bessent", "US", 0.4, 0.2, 6), ("Donald Trump", "US", 0.5, 0.1, 5),
            ("Ryosei Akazawa", "Japan", 0.05, 0.6, 7), ("Shigeru Ishiba", "Japan", -0.05, 0.7, 4),
            ("Richard Katz", "analyst", -0.2, 0.4, 3)]
    dates = pd.to_datetime(["2025-04-17", "2025-04-18", "2025-04-30", "2025-07-06"])
    rows = []
    for speaker, side, tone, caution, n in plan:
        for k in range(n):
            art = int(rng.integers(0, 4))
            t = float(np.clip(rng.normal(tone, 0.3), -1, 1))
            rows.append({
                "article_id": f"a{art}", "date": dates[art], "speaker": speaker, "side": side,
                "kind": "direct", "text": text(speaker, k), "start": 100 * k,
                "end": 100 * k + 9, "cue": "said", "attribution": "explicit", "sentence": "s.",
                "tone": t, "pos": 0.1, "neu": 0.8, "neg": 0.1,
                "caution": float(np.clip(rng.normal(caution, 0.2), 0, 1)),
                "optimism": max(t, 0.0), "stance": "neutral",
            })
    return pd.DataFrame(rows)[SCORED_COLUMNS]
