"""stance: who said what in negotiation news, how warm or guarded it was, and how sure we can be.

The public API is exactly what this module re-exports.
"""

from .corpus import load_corpus
from .text import paragraph_spans, sentence_spans, sentences

__version__ = "0.1.0"

__all__ = [
    "load_corpus",
    "paragraph_spans",
    "sentence_spans",
    "sentences",
    "__version__",
]
