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

from importlib import import_module
from typing import TYPE_CHECKING

from .corpus import load_corpus
from .evaluate import Evaluation, evaluate, read_gold
from .quotes import extract_quotes
from .registry import Registry, Speaker, load_registry
from .stats import Contrast, contrast, summarize
from .text import paragraph_spans, sentence_spans, sentences
from .tone import explain, make_scorer, score_quotes, score_text, score_vader
from .validate import read_ratings, validate

if TYPE_CHECKING:
    from .figures import build_figures, write_figures
    from .plots import plot_by_side, plot_over_time, plot_speakers, plot_stance_map

__version__ = "0.1.0"

# Plotting needs matplotlib, which takes longer to import than the rest of the package; it is
# imported on first use, so `stance quotes` and worker processes never pay for it.
_LAZY = {
    "build_figures": ".figures",
    "write_figures": ".figures",
    "plot_by_side": ".plots",
    "plot_over_time": ".plots",
    "plot_speakers": ".plots",
    "plot_stance_map": ".plots",
}


def __getattr__(name: str):
    if name in _LAZY:
        value = getattr(import_module(_LAZY[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'stance' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))

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
