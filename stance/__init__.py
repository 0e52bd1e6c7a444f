"""stance: who said what in negotiation news, how warm or guarded it was, and how sure we can be.

The public API is exactly what this module re-exports. Expensive resources (the VADER analyzer,
lexicons, the speaker registry) load on first use, never at import.

Examples
--------
>>> import stance
>>> articles = stance.load_corpus("seeds")  # doctest: +SKIP
>>> scored = stance.score_quotes(stance.extract_quotes(articles))  # doctest: +SKIP
>>> print(stance.contrast(scored, "US", "Japan", "tone").sentence)  # doctest: +SKIP
"""

from .corpus import load_corpus
from .evaluate import Evaluation, evaluate, read_gold
from .figures import build_figures, write_figures
from .plots import plot_by_side, plot_over_time, plot_speakers, plot_stance_map
from .quotes import extract_quotes
from .registry import Registry, Speaker, load_registry
from .stats import Contrast, contrast, summarize
from .text import paragraph_spans, sentence_spans, sentences
from .tone import explain, make_scorer, score_quotes, score_text, score_vader
from .validate import read_ratings, validate

__version__ = "0.1.0"

__all__ = [
    "Contrast",
    "Evaluation",
    "Registry",
    "Speaker",
    "build_figures",
    "contrast",
    "evaluate",
    "explain",
    "extract_quotes",
    "load_corpus",
    "load_registry",
    "make_scorer",
    "paragraph_spans",
    "plot_by_side",
    "plot_over_time",
    "plot_speakers",
    "plot_stance_map",
    "read_gold",
    "read_ratings",
    "score_quotes",
    "score_text",
    "score_vader",
    "sentence_spans",
    "sentences",
    "summarize",
    "validate",
    "write_figures",
    "__version__",
]
