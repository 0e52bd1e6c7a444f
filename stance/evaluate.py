"""Score extracted statements against a hand-made gold set.

A predicted statement matches a gold statement of the same article when it covers most of the
gold text (by default at least half of its characters). Matching is one-to-one and greedy by
coverage, so one long prediction cannot claim two gold rows. Reported per kind: precision,
recall and F1 of statements, and the share of matches with the right canonical speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .registry import normalize_name

__all__ = ["evaluate", "read_gold", "Evaluation", "GOLD_COLUMNS"]

#: Columns a gold CSV must have.
GOLD_COLUMNS = ["article_id", "speaker", "kind", "text"]

_WORD = re.compile(r"\w+")


def read_gold(path: str | Path) -> pd.DataFrame:
    """Read a gold CSV (``article_id, speaker, kind, text``, any other columns kept)."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such gold file")
    gold = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    missing = [c for c in GOLD_COLUMNS if c not in gold.columns]
    if missing:
        raise ValueError(f"{path}: gold file lacks column(s) {', '.join(missing)}")
    return gold


@dataclass
class Evaluation:
    """The result of :func:`evaluate`.

    Attributes
    ----------
    summary : DataFrame
        One row per kind plus ``all``: n_gold, n_pred, matched, precision, recall, f1,
        speaker_accuracy (share of matches with the right speaker), kind_accuracy.
    matches, missed, spurious : DataFrame
        Matched pairs (gold and predicted text and speaker), gold rows not found, predicted
        rows that match no gold row.
    """

    summary: pd.DataFrame
    matches: pd.DataFrame
    missed: pd.DataFrame
    spurious: pd.DataFrame

    def __str__(self) -> str:
        cols = ["n_gold", "n_pred", "matched", "precision", "recall", "f1", "speaker_accuracy"]
        return self.summary[cols].to_string(float_format=lambda x: f"{x:.3f}")


def _spans(texts: list[str], article: str | None) -> list[tuple[int, int] | None]:
    """Locate gold texts in their article in reading order (None if not found)."""
    out: list[tuple[int, int] | None] = []
    pos = 0
    for t in texts:
        if article is None:
            out.append(None)
            continue
        i = article.find(t, pos)
        if i < 0:
            i = article.find(t)
        if i < 0:
            out.append(None)
            continue
        out.append((i, i + len(t)))
        pos = i + 1
    return out


def _cover(g_text: str, g_span, p_text: str, p_span) -> float:
    """Share of the gold statement the prediction covers."""
    if g_span is not None and p_span is not None:
        overlap = min(g_span[1], p_span[1]) - max(g_span[0], p_span[0])
        return max(0, overlap) / max(1, g_span[1] - g_span[0])
    g = _WORD.findall(g_text.lower())
    if not g:
        return 0.0
    p = _WORD.findall(p_text.lower())
    if " ".join(g) in " ".join(p):
        return 1.0
    pool: dict[str, int] = {}
    for w in p:
        pool[w] = pool.get(w, 0) + 1
    hit = 0
    for w in g:
        if pool.get(w, 0) > 0:
            pool[w] -= 1
            hit += 1
    return hit / len(g)


def _same_speaker(a: str, b: str) -> bool:
    return normalize_name(str(a)) == normalize_name(str(b))


def evaluate(quotes: pd.DataFrame, gold: pd.DataFrame | str | Path,
             articles: pd.DataFrame | None = None, *, min_cover: float = 0.5) -> Evaluation:
    """Precision, recall and F1 of statements by kind, and speaker accuracy of the matches.

    Parameters
    ----------
    quotes : DataFrame
        The output of :func:`stance.extract_quotes`.
    gold : DataFrame or path
        Gold statements: ``article_id, speaker, kind, text``.
    articles : DataFrame, optional
        The articles the quotes came from; with it, overlap is measured in characters at the
        gold text's place in the article, otherwise by shared words, and gold rows of articles
        not in it are left out.
    min_cover : float
        The share of a gold statement a prediction must cover to match it.

    Examples
    --------
    >>> import pandas as pd
    >>> gold = pd.DataFrame({"article_id": ["a"], "speaker": ["Ann Lee"], "kind": ["direct"],
    ...                      "text": ["We will win."]})
    >>> pred = gold.assign(start=0, end=12)
    >>> evaluate(pred, gold).summary.loc["all", "f1"]
    1.0
    """
    if not isinstance(gold, pd.DataFrame):
        gold = read_gold(gold)
    gold = gold.reset_index(drop=True)
    quotes = quotes.reset_index(drop=True)
    texts = {}
    if articles is not None:
        texts = dict(zip(articles["article_id"].astype(str), articles["text"], strict=True))
        # only the articles evaluated: gold rows of other articles are not misses
        gold = gold[gold["article_id"].astype(str).isin(texts)].reset_index(drop=True)
    ids = sorted(set(gold["article_id"].astype(str)) | set(quotes["article_id"].astype(str)))
    matches, missed, spurious = [], [], []
    for aid in ids:
        g = gold[gold["article_id"].astype(str) == aid]
        p = quotes[quotes["article_id"].astype(str) == aid]
        g_spans = _spans(g["text"].tolist(), texts.get(aid))
        p_spans = ([(int(s), int(e)) for s, e in zip(p["start"], p["end"], strict=True)]
                   if aid in texts and "start" in p else [None] * len(p))
        pairs = []
        for gi, (g_row, g_span) in enumerate(zip(g.itertuples(), g_spans, strict=True)):
            for pi, (p_row, p_span) in enumerate(zip(p.itertuples(), p_spans, strict=True)):
                c = _cover(g_row.text, g_span, p_row.text, p_span)
                if c >= min_cover:
                    pairs.append((c, gi, pi))
        pairs.sort(key=lambda x: (-x[0], x[1], x[2]))
        g_used, p_used = set(), set()
        g_rows, p_rows = list(g.itertuples()), list(p.itertuples())
        for c, gi, pi in pairs:
            if gi in g_used or pi in p_used:
                continue
            g_used.add(gi)
            p_used.add(pi)
            gr, pr = g_rows[gi], p_rows[pi]
            matches.append({
                "article_id": aid, "gold_kind": gr.kind, "pred_kind": pr.kind,
                "gold_speaker": gr.speaker, "pred_speaker": pr.speaker,
                "speaker_ok": _same_speaker(gr.speaker, pr.speaker), "cover": round(c, 3),
                "gold_text": gr.text, "pred_text": pr.text,
                "attribution": getattr(pr, "attribution", ""),
            })
        for gi, gr in enumerate(g_rows):
            if gi not in g_used:
                missed.append({"article_id": aid, "kind": gr.kind, "speaker": gr.speaker,
                               "text": gr.text})
        for pi, pr in enumerate(p_rows):
            if pi not in p_used:
                spurious.append({"article_id": aid, "kind": pr.kind, "speaker": pr.speaker,
                                 "text": pr.text})
    m = pd.DataFrame(matches, columns=["article_id", "gold_kind", "pred_kind", "gold_speaker",
                                       "pred_speaker", "speaker_ok", "cover", "gold_text",
                                       "pred_text", "attribution"])
    summary = _summary(gold, quotes, m)
    return Evaluation(summary, m, pd.DataFrame(missed, columns=["article_id", "kind", "speaker",
                                                               "text"]),
                      pd.DataFrame(spurious, columns=["article_id", "kind", "speaker", "text"]))


def _summary(gold: pd.DataFrame, quotes: pd.DataFrame, m: pd.DataFrame) -> pd.DataFrame:
    rows = {}
    kinds = ["direct", "partial", "indirect"]
    for kind in [*kinds, "all"]:
        if kind == "all":
            n_gold, n_pred = len(gold), len(quotes)
            matched_g = matched_p = len(m)
            mk = m
        else:
            n_gold = int((gold["kind"] == kind).sum())
            n_pred = int((quotes["kind"] == kind).sum()) if len(quotes) else 0
            matched_g = int((m["gold_kind"] == kind).sum())
            matched_p = int((m["pred_kind"] == kind).sum())
            mk = m[m["gold_kind"] == kind]
        precision = matched_p / n_pred if n_pred else float("nan")
        recall = matched_g / n_gold if n_gold else float("nan")
        f1 = (2 * precision * recall / (precision + recall)
              if n_pred and n_gold and precision + recall > 0 else float("nan"))
        rows[kind] = {
            "n_gold": n_gold, "n_pred": n_pred, "matched": matched_g,
            "precision": precision, "recall": recall, "f1": f1,
            "speaker_accuracy": float(mk["speaker_ok"].mean()) if len(mk) else float("nan"),
            "kind_accuracy": float((mk["gold_kind"] == mk["pred_kind"]).mean())
            if len(mk) else float("nan"),
        }
    return pd.DataFrame.from_dict(rows, orient="index")
