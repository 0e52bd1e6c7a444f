"""The whole pipeline next to raw VADER, in one process, on the 2,095 BBC articles.

Measures, side by side and interleaved (best of ``--repeat`` each):

(a) the whole pipeline: ``stance.load_corpus`` + ``stance.extract_quotes`` +
    ``stance.score_quotes`` over the BBC folder, as a researcher's one run over a corpus
    meets it: a *first pass*. Before each one, :func:`forget` empties everything the package
    remembers about text it has seen (classified names, normalised keys, sentence-break
    contexts), so no run profits from an earlier run over the same articles; the package's
    data files and VADER's lexicon stay loaded (they are loaded before any clock starts, on a
    text that is not from the corpus). The pipeline then runs a second time and that *warm*
    pass is reported too: what a second pass over the same articles costs, and all that
    versions of this script before 2026-11-22 (fourth session) reported;
(b) raw VADER: ``vaderSentiment``'s ``SentimentIntensityAnalyzer.polarity_scores`` over every
    sentence of the same articles (sentences cut with ``stance.sentence_spans`` from the loaded
    texts *before* the clock starts).

Each timed pass starts after a full garbage collection, and (a)'s first pass and (b) after
:func:`forget` too, so neither side's run walks objects the other left alive.

Prints both times (wall and this process's CPU time, which other load on the machine does not
inflate), the ratio (target: (a) <= (b)), the time of each stage of (a), and articles per
second of extraction alone. ``--profile`` adds a cProfile of one first pass of (a), by own
time and by cumulative time. ``--readme`` writes the figures into ``benchmarks/README.md``
(its "Pipeline" section only).

Run: ``.venv/bin/python benchmarks/bench_pipeline.py [--repeat 3] [--profile] [--readme]``

Examples
--------
>>> main(["--repeat", "1"])  # doctest: +SKIP
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import os
import platform
import pstats
import sys
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from _bbc import ROOT, bbc_folder
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

import stance

__all__ = ["main", "machine", "code_version", "load_average", "update_readme", "forget"]

README = ROOT / "benchmarks" / "README.md"


def machine() -> str:
    """One line naming the machine: ``uname -a``, usable CPUs, Python, stance.

    Examples
    --------
    >>> "Python" in machine()
    True
    """
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:
        cpus = os.cpu_count() or 1
    uname = " ".join(os.uname()) if hasattr(os, "uname") else platform.platform()
    return (f"{uname}; {cpus} CPUs usable ({os.cpu_count()} online); Python "
            f"{platform.python_version()}; stance {stance.__version__}")


def code_version() -> str:
    """The commit this process's ``stance`` comes from, and whether ``stance/`` has edits."""
    import subprocess

    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, check=True,
                                capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "stance"], cwd=ROOT,
                               check=True, capture_output=True, text=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown (no git)"
    return f"commit {commit}" + (" plus uncommitted edits in stance/" if dirty else "")


def load_average() -> str:
    """The 1-minute load average (other work on the machine), or ``"n/a"``."""
    try:
        return f"{os.getloadavg()[0]:.2f}"
    except (AttributeError, OSError):
        return "n/a"


def update_readme(section: str, body: str, path=README) -> None:
    """Replace the text between ``<!-- section:begin -->`` and ``<!-- section:end -->``.

    Other sections of the file (other benchmarks' results) are left as they are; a missing
    section is appended.

    Examples
    --------
    >>> update_readme("pipeline", "| a | b |")  # doctest: +SKIP
    """
    begin, end = f"<!-- {section}:begin -->", f"<!-- {section}:end -->"
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    block = f"{begin}\n{body.strip()}\n{end}"
    if begin in text and end in text:
        head, rest = text.split(begin, 1)
        text = head + block + rest.split(end, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    path.write_text(text, encoding="utf-8")


def _timed(fn: Callable[[], object]) -> tuple[float, float, object]:
    wall, cpu = time.perf_counter(), time.process_time()
    out = fn()
    return time.perf_counter() - wall, time.process_time() - cpu, out


def _pipeline(folder) -> dict[str, float]:
    times: dict[str, float] = {}
    cpu: dict[str, float] = {}
    times["load"], cpu["load"], articles = _timed(lambda: stance.load_corpus(folder))
    times["extract"], cpu["extract"], quotes = _timed(lambda: stance.extract_quotes(articles))
    times["score"], cpu["score"], scored = _timed(lambda: stance.score_quotes(quotes))
    return {"wall": sum(times.values()), "cpu": sum(cpu.values()),
            **{f"{k}_wall": v for k, v in times.items()},
            **{f"{k}_cpu": v for k, v in cpu.items()},
            "articles": len(articles), "statements": len(scored)}


# Loads what both sides may have ready before a clock starts (the registry, cue tables,
# lexicons, VADER's analyzer) without touching the corpus: not a sentence of it.
_WARM_UP = ('Ishiba said on Monday that Japan was "not in a hurry" to reach a deal. '
            '"We are ready," Greer told reporters.')


def _warm_up() -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:  # the reader's first use, on a file of its own
        (Path(tmp) / "warm-up.txt").write_text(f"Talks\n\n{_WARM_UP}\n", encoding="utf-8")
        articles = stance.load_corpus(tmp)
    stance.score_quotes(stance.extract_quotes(articles))


def _profile(folder, top: int) -> str:
    prof = cProfile.Profile()
    prof.enable()
    articles = stance.load_corpus(folder)
    stance.score_quotes(stance.extract_quotes(articles))
    prof.disable()
    out = io.StringIO()
    stats = pstats.Stats(prof, stream=out).strip_dirs()
    out.write(f"--- by own time (top {top}) ---\n")
    stats.sort_stats("tottime").print_stats(top)
    out.write(f"--- by cumulative time (top {top}) ---\n")
    stats.sort_stats("cumulative").print_stats(top)
    return out.getvalue()


def forget() -> None:
    """Empty what ``stance`` remembers about text it has seen, in this process.

    That is: every ``functools.lru_cache`` of a ``stance`` module with room for 1,024 entries
    or more (those that remember words, names and keys; the loaders of the package's data
    files are smaller and stay filled, as VADER's lexicon does), the packaged registry's
    cache of classified names, and Punkt's remembered sentence-break contexts.
    """
    for name, module in list(sys.modules.items()):
        if name != "stance" and not name.startswith("stance."):
            continue
        for obj in vars(module).values():
            info = getattr(obj, "cache_info", None)
            if callable(info) and hasattr(obj, "cache_clear") and (info().maxsize or 0) >= 1024:
                obj.cache_clear()
    stance.load_registry().cache.clear()
    stance.text._tokenizer(None)._decided.clear()
    stance.text._LAST_FLAT[:] = ["", "", False]


def _best(best: dict[str, float] | None, run: dict[str, float]) -> dict[str, float]:
    """The run with the least wall time, with the least CPU time of all runs."""
    if best is None or run["wall"] < best["wall"]:
        return {**run, "cpu": min(run["cpu"], (best or run)["cpu"])}
    return {**best, "cpu": min(best["cpu"], run["cpu"])}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the comparison and print it; returns 0.

    Examples
    --------
    >>> main(["--repeat", "1"])  # doctest: +SKIP
    0
    """
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs of each; the best counts")
    parser.add_argument("--profile", action="store_true", help="cProfile one run of (a)")
    parser.add_argument("--top", type=int, default=25, help="rows of the profile")
    parser.add_argument("--readme", action="store_true",
                        help="write the figures into benchmarks/README.md")
    args = parser.parse_args(argv)

    folder = bbc_folder()
    print(machine())
    code = code_version()
    print(f"code: {code}")
    load_before = load_average()
    print(f"load average before: {load_before}")

    # what both sides may prepare before any clock starts: the package's data files and
    # VADER's lexicon, and for (b) the sentences
    _warm_up()
    articles = stance.load_corpus(folder)
    analyzer = SentimentIntensityAnalyzer()
    sentences = [text[s:e] for text in articles["text"] for s, e in stance.sentence_spans(text)]
    print(f"{len(articles)} articles, {len(sentences)} sentences")

    best_a: dict[str, float] | None = None
    best_warm: dict[str, float] | None = None
    best_b = {"wall": float("inf"), "cpu": float("inf")}
    for _ in range(args.repeat):  # interleaved, so a burst of other load hits both sides
        # each side starts with a clean heap: what the other side left alive (the package's
        # caches of names) would otherwise be walked by the garbage collections made during
        # its run; before 2026-11-22 (fifth session) VADER's passes paid about 0.05-0.09 s so
        forget()
        gc.collect()
        best_a = _best(best_a, _pipeline(folder))
        gc.collect()
        best_warm = _best(best_warm, _pipeline(folder))
        forget()
        gc.collect()
        wall, cpu, _ = _timed(lambda: [analyzer.polarity_scores(s) for s in sentences])
        best_b = {"wall": min(best_b["wall"], wall), "cpu": min(best_b["cpu"], cpu)}
    assert best_a is not None and best_warm is not None
    n = best_a["articles"]
    extract_rate = n / best_a["extract_wall"]
    extract_rate_cpu = n / best_a["extract_cpu"]
    ratio_wall = best_a["wall"] / best_b["wall"]
    ratio_cpu = best_a["cpu"] / best_b["cpu"]
    verdict = "met" if ratio_cpu <= 1 and ratio_wall <= 1 else "MISSED"
    rows = [
        ("(a) pipeline: load + extract + score", best_a["wall"], best_a["cpu"]),
        ("    load_corpus", best_a["load_wall"], best_a["load_cpu"]),
        ("    extract_quotes", best_a["extract_wall"], best_a["extract_cpu"]),
        ("    score_quotes", best_a["score_wall"], best_a["score_cpu"]),
        ("(b) raw VADER, every sentence", best_b["wall"], best_b["cpu"]),
        ("(a) second, warm pass in the same process", best_warm["wall"], best_warm["cpu"]),
        ("    load_corpus", best_warm["load_wall"], best_warm["load_cpu"]),
        ("    extract_quotes", best_warm["extract_wall"], best_warm["extract_cpu"]),
        ("    score_quotes", best_warm["score_wall"], best_warm["score_cpu"]),
    ]
    table = ["| measurement | wall s | CPU s |", "| --- | ---: | ---: |"]
    table += [f"| {name.strip()} | {w:.2f} | {c:.2f} |" for name, w, c in rows]
    lines = [
        f"{n} articles, {best_a['statements']} statements scored; {len(sentences)} sentences "
        f"for VADER; best of {args.repeat}; (a) is a first pass over the articles (what the "
        "package remembers of text emptied before it), then a second pass",
        "",
        *table,
        "",
        f"ratio (a)/(b), first pass: {ratio_wall:.2f} wall, {ratio_cpu:.2f} CPU "
        f"(target <= 1: {verdict})",
        f"ratio (a)/(b), warm pass: {best_warm['wall'] / best_b['wall']:.2f} wall, "
        f"{best_warm['cpu'] / best_b['cpu']:.2f} CPU",
        f"extraction alone: {extract_rate:.0f} articles/s wall, "
        f"{extract_rate_cpu:.0f} articles/s CPU",
        f"load average before: {load_before}, after: {load_average()}",
    ]
    print("\n".join(lines))
    forget()
    profile = _profile(folder, args.top) if args.profile else ""
    if profile:
        print(profile)
    if args.readme:
        body = "\n".join([
            "## Pipeline vs raw VADER (`bench_pipeline.py`)",
            "",
            f"Run on {date.today().isoformat()}: `.venv/bin/python benchmarks/bench_pipeline.py "
            f"--repeat {args.repeat} --readme`; the load average is the machine's 1-minute "
            "load (this run included)",
            "",
            f"Machine: `{machine()}`",
            "",
            f"Code: {code}.",
            "",
            *lines,
        ])
        update_readme("pipeline", body)
        print(f"written to {README.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
