"""The ``stance`` command line: thin wrappers over the public functions, nothing more.

Exit codes: 0 when something was processed, 1 when nothing could be (every input skipped, or a
file that cannot be read), 2 for wrong arguments.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence

from . import __version__

__all__ = ["main", "build_parser"]

log = logging.getLogger("stance")


def _cmd_quotes(args: argparse.Namespace) -> int:
    from .stream import write_quotes

    n_articles, n_quotes = write_quotes(args.path, args.output, registry=args.registry,
                                        jobs=args.jobs, chunk_size=args.chunk_size)
    if args.output:
        print(f"stance: {n_quotes} statements from {n_articles} articles -> {args.output}",
              file=sys.stderr)
    return 0 if n_articles else 1


def _cmd_score(args: argparse.Namespace) -> int:
    from .tone import score_text

    texts = args.text
    if texts == ["-"]:
        texts = [line.rstrip("\n") for line in sys.stdin if line.strip()]
    out = [{"text": t, **score_text(t)} for t in texts]
    json.dump(out if len(out) != 1 else out[0], sys.stdout, indent=2, ensure_ascii=False)
    print()
    return 0


def _cmd_figures(args: argparse.Namespace) -> int:
    from .figures import build_figures

    manifest = build_figures(args.corpus, args.out, registry=args.registry)
    for metric, sentence in manifest["contrasts"].items():
        print(f"{metric}: {sentence}")
    print(f"stance: {manifest['statements']} statements; figures written to {args.out}",
          file=sys.stderr)
    return 0 if manifest.get("notes", {}).get("articles", 1) else 1


def _cmd_evaluate(args: argparse.Namespace) -> int:
    from .corpus import load_corpus
    from .evaluate import evaluate, read_gold
    from .quotes import extract_quotes

    gold = read_gold(args.gold)
    articles = load_corpus(args.corpus)  # skipped inputs are logged on stderr as they are met
    if not len(articles):
        return 1
    quotes = extract_quotes(articles, registry=args.registry)
    result = evaluate(quotes, gold, articles, min_cover=args.min_cover)
    print(f"{len(gold)} gold statements, {len(quotes)} found, "
          f"{articles['article_id'].nunique()} articles")
    print(result)
    if args.verbose:
        for title, frame in (("missed", result.missed), ("spurious", result.spurious)):
            print(f"\n{title} ({len(frame)}):")
            for row in frame.itertuples():
                print(f"  [{row.article_id}] {row.kind} / {row.speaker}: {row.text[:120]}")
        wrong = result.matches[~result.matches["speaker_ok"]]
        print(f"\nwrong speaker ({len(wrong)}):")
        for row in wrong.itertuples():
            print(f"  [{row.article_id}] gold {row.gold_speaker} / found {row.pred_speaker}"
                  f" ({row.attribution}): {row.gold_text[:100]}")
    return 0


def _cmd_validate(args: argparse.Namespace) -> int:
    from .validate import read_ratings, validate

    ratings = read_ratings(args.ratings)
    table = validate(ratings)
    print(f"{len(ratings)} rated statements from {args.ratings}")
    print(table.to_string(index=False, float_format=lambda x: f"{x:.3f}"))
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (one subcommand per public task)."""
    parser = argparse.ArgumentParser(
        prog="stance",
        description="Who said what in negotiation news, how warm or guarded it was.",
    )
    parser.add_argument("--version", action="version", version=f"stance {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("quotes", help="find every attributed statement in a corpus",
                       description="Write the quotes table (CSV, JSONL or Parquet by the "
                                   "suffix of OUT; CSV to stdout without -o).")
    p.add_argument("path", help="a folder of .txt files, one .txt file, or a CSV/JSONL/Parquet "
                                "table with a 'text' column")
    p.add_argument("-o", "--output", help="output file (.csv, .jsonl or .parquet)")
    p.add_argument("--registry", help="your own speaker registry (TOML)")
    p.add_argument("--jobs", type=int, default=None,
                   help="worker processes (default: all cores; 1 for a serial run)")
    p.add_argument("--chunk-size", type=int, default=500,
                   help="articles read and processed at a time (bounds memory)")
    p.set_defaults(func=_cmd_quotes)

    p = sub.add_parser("score", help="score texts for tone, caution and optimism (JSON)")
    p.add_argument("text", nargs="+", help="texts to score; '-' reads one text a line from stdin")
    p.set_defaults(func=_cmd_score)

    p = sub.add_parser("figures", help="rebuild every figure from a corpus")
    p.add_argument("--corpus", default="seeds", help="corpus folder (default: seeds)")
    p.add_argument("--out", default="figures", help="output folder (default: figures)")
    p.add_argument("--registry", help="your own speaker registry (TOML)")
    p.set_defaults(func=_cmd_figures)

    p = sub.add_parser("evaluate", help="precision, recall, F1 and speaker accuracy vs a gold set")
    p.add_argument("gold", help="gold CSV: article_id, speaker, kind, text")
    p.add_argument("corpus", help="the corpus the gold statements come from")
    p.add_argument("--registry", help="your own speaker registry (TOML)")
    p.add_argument("--min-cover", type=float, default=0.5,
                   help="share of a gold statement a match must cover (default 0.5)")
    p.add_argument("-v", "--verbose", action="store_true",
                   help="list missed, spurious and wrongly attributed statements")
    p.set_defaults(func=_cmd_evaluate)

    p = sub.add_parser("validate", help="agreement of the scorers with human ratings")
    p.add_argument("ratings", help="CSV or TSV with 'text' and 'rating' (optionally 'caution')")
    p.set_defaults(func=_cmd_validate)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 ok, 1 nothing processed, 2 bad arguments).

    Examples
    --------
    >>> main(["score", "Big progress!"])  # doctest: +SKIP
    """
    logging.basicConfig(level=logging.WARNING, format="stance: %(message)s", stream=sys.stderr)
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on bad arguments, 0 on --help
        return int(exc.code or 0)
    if args.command is None:
        parser.print_help()
        return 2
    try:
        return args.func(args)
    except (FileNotFoundError, ValueError) as exc:
        print(f"stance: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # `stance quotes ... | head`
        sys.stderr.close()
        return 0

