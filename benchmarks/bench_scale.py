"""Scale: time, articles per second and peak memory of ``stance quotes`` at 1x, 10x, 50x BBC.

The 2,095 BBC articles are replicated (hard links where the file system allows, copies
otherwise; every copy under its own ``copyNN/`` folder, so every article id is unique) into a
temporary folder, 1, 10 and 50 times (50x = 104,750 articles). Each run is a child process, so
its time and peak memory are its own:

- ``serial``: ``python -m stance quotes DIR -o OUT.csv --jobs 1``
- ``jobs2``:  ``python -m stance quotes DIR -o OUT.csv --jobs 2``
- ``dask``:   this script in ``--dask-run`` mode: a ``distributed.LocalCluster`` of 2 worker
  processes (1 thread each), ``stance.dask.read_corpus`` + ``stance.dask.extract_quotes``,
  written with ``to_csv(single_file=True)`` in the format of ``stance quotes``.
- ``pair``:   two ``serial`` runs side by side, one on each half of the corpus (the files in
  sorted order, cut in two): what two cores give at most with no coordination between the
  processes and no work shared, so the ceiling ``--jobs 2`` is measured against on this
  machine. Its output is the two halves' statements one after the other.

For each run: wall time, articles per second, CPU time (user + system of the whole process
tree, from ``os.wait4``; other load on the machine does not inflate it), peak RSS of the largest
process (``ru_maxrss`` from ``os.wait4``) and, when psutil is installed, the peak of the summed
RSS of the process and all its children (sampled every 50 ms), and whether the output file is
byte for byte the serial one. Then the targets: 10x takes at most 11x the time of 1x; ``stance
quotes`` at 50x peaks under 1 GB; ``--jobs 2`` on two cores at least 1.7x faster than serial;
Dask's results equal serial's. The table goes to stdout and (unless ``--no-readme``) into the
"Scale" section of ``benchmarks/README.md`` with the date and the machine.

With ``--repeat N`` every mode runs N times at each scale, in interleaved rounds, and the table
keeps each mode's fastest run (the one least slowed by other work on a shared machine), the
highest peak memory of its runs, and every run's wall time; the speed-up is also given by the
medians.

Run: ``.venv/bin/python benchmarks/bench_scale.py [--scales 1 10 50] [--modes serial jobs2
dask] [--chunk-size 500] [--repeat 3] [--keep]`` (about half an hour on two cores for the full
table at ``--repeat 1``).

Examples
--------
>>> main(["--scales", "1", "--modes", "serial", "--no-readme"])  # doctest: +SKIP
0
"""

from __future__ import annotations

import argparse
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from statistics import median

from _bbc import ROOT, bbc_folder
from bench_pipeline import machine, update_readme

__all__ = ["main", "replicate", "measure", "measure_many", "halves", "Run", "summarize"]

MODES = ("serial", "jobs2", "dask", "pair")
MB = 1024 * 1024


@dataclass
class Run:
    """One measured child process."""

    scale: int
    mode: str
    articles: int
    wall: float
    cpu: float
    max_rss: int  # bytes, the largest single process
    tree_rss: int | None  # bytes, all processes together (sampled), None without psutil
    statements: int
    same_as_serial: bool | None
    quiet_before: float | None  # CPUs busy with other work just before the run
    others: float | None  # CPUs busy with other work during the run, on average
    returncode: int
    walls: tuple[float, ...] = ()  # with --repeat: the wall time of every run of this mode


def summarize(runs: list[Run]) -> list[Run]:
    """One run per scale and mode: the fastest, with the highest peak memory of them all, the
    wall time of every run (``walls``), and whether every run's output equalled serial's.

    Examples
    --------
    >>> a = Run(1, "jobs2", 5, 2.0, 3.0, 10, 20, 7, True, 0.0, 0.0, 0)
    >>> b = Run(1, "jobs2", 5, 1.5, 2.9, 12, 18, 7, True, 0.0, 0.0, 0)
    >>> best, = summarize([a, b])
    >>> best.wall, best.max_rss, best.tree_rss, best.walls
    (1.5, 12, 20, (2.0, 1.5))
    """
    groups: dict[tuple[int, str], list[Run]] = {}
    for r in runs:
        groups.setdefault((r.scale, r.mode), []).append(r)
    out = []
    for group in groups.values():
        best = min(group, key=lambda r: r.wall)
        trees = [r.tree_rss for r in group if r.tree_rss is not None]
        same = [r.same_as_serial for r in group if r.same_as_serial is not None]
        failed = [r.returncode for r in group if r.returncode]
        out.append(replace(
            best, max_rss=max(r.max_rss for r in group), tree_rss=max(trees) if trees else None,
            same_as_serial=all(same) if same else None, returncode=failed[0] if failed else 0,
            walls=tuple(r.wall for r in group)))
    return out


def replicate(source: Path, target: Path, times: int) -> int:
    """``times`` copies of every ``.txt`` below ``source`` in ``target/copyNN/``; the count.

    Hard links when ``target`` is on the same file system, copies otherwise.

    Examples
    --------
    >>> replicate(Path("seeds"), Path("/tmp/x5"), 2)  # doctest: +SKIP
    10
    """
    files = sorted(p for p in source.rglob("*.txt") if p.is_file())
    link = True
    count = 0
    for k in range(times):
        for src in files:
            dst = target / f"copy{k:02d}" / src.relative_to(source)
            dst.parent.mkdir(parents=True, exist_ok=True)
            if link:
                try:
                    os.link(src, dst)
                except OSError:
                    link = False
            if not link:
                shutil.copyfile(src, dst)
            count += 1
    return count


def _tree_rss(proc) -> int:
    import psutil

    total = 0
    try:
        procs = [proc, *proc.children(recursive=True)]
    except psutil.Error:
        return 0
    for p in procs:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


def busy_cpu_seconds() -> float | None:
    """CPU seconds the whole machine has spent busy since boot (Linux ``/proc/stat``)."""
    try:
        with open("/proc/stat", encoding="ascii") as fh:
            fields = fh.readline().split()
    except OSError:
        return None
    user, nice, system, _idle, _iowait, irq, softirq, steal = map(int, fields[1:9])
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def other_load(seconds: float = 2.0) -> float | None:
    """CPUs kept busy by other processes over the next ``seconds`` (this one is idle)."""
    before = busy_cpu_seconds()
    if before is None:
        return None
    time.sleep(seconds)
    return (busy_cpu_seconds() - before) / seconds


def wait_for_quiet(limit: float, threshold: float = 0.3) -> float | None:
    """Wait (at most ``limit`` s) until other processes use under ``threshold`` CPUs."""
    deadline = time.monotonic() + limit
    while True:
        load = other_load()
        if load is None or load < threshold or time.monotonic() >= deadline:
            return load
        time.sleep(3)


def measure(cmd: Sequence[str], log: Path, env: dict[str, str] | None = None,
            cwd: Path | None = None) -> tuple[float, float, int, int | None, int]:
    """Run ``cmd``; ``(wall s, CPU s, max RSS bytes, summed-tree peak RSS or None, exit code)``.

    Examples
    --------
    >>> measure([sys.executable, "-c", "pass"], Path("/tmp/log"))[-1]  # doctest: +SKIP
    0
    """
    return measure_many([cmd], [log], env, cwd)


def measure_many(cmds: Sequence[Sequence[str]], logs: Sequence[Path],
                 env: dict[str, str] | None = None, cwd: Path | None = None
                 ) -> tuple[float, float, int, int | None, int]:
    """Run ``cmds`` side by side, as :func:`measure` runs one: wall time until the last ends,
    CPU time of them all, the largest process's peak RSS, the peak of their summed RSS, and
    the first non-zero exit code (else 0)."""
    try:
        import psutil
    except ImportError:
        psutil = None
    errs = [open(log, "wb") for log in logs]
    try:
        start = time.perf_counter()
        children = [subprocess.Popen(list(cmd), stdout=subprocess.DEVNULL, stderr=err,
                                     cwd=cwd or ROOT, env=env)
                    for cmd, err in zip(cmds, errs, strict=True)]
        watched = {c.pid: psutil.Process(c.pid) for c in children} if psutil else None
        peak = 0
        done: dict[int, tuple] = {}
        while len(done) < len(children):
            for c in children:
                if c.pid not in done:
                    pid, status, usage = os.wait4(c.pid, os.WNOHANG)
                    if pid:
                        done[c.pid] = (status, usage)
            if len(done) < len(children):
                if watched is not None:
                    peak = max(peak, sum(_tree_rss(w) for pid, w in watched.items()
                                         if pid not in done))
                time.sleep(0.05)
        wall = time.perf_counter() - start
    finally:
        for err in errs:
            err.close()
    for c in children:  # reaped here by os.wait4: Popen must not wait for them again
        c.returncode = os.waitstatus_to_exitcode(done[c.pid][0])
    codes = [c.returncode for c in children]
    usages = [usage for _, usage in done.values()]
    # ru_maxrss is in kilobytes on Linux (bytes on macOS)
    scale = 1 if sys.platform == "darwin" else 1024
    return (wall, sum(u.ru_utime + u.ru_stime for u in usages),
            max(u.ru_maxrss for u in usages) * scale, peak if watched is not None else None,
            next((c for c in codes if c), 0))


def halves(folder: Path, target: Path) -> tuple[Path, Path]:
    """The ``.txt`` files below ``folder`` in two folders of ``target``: the first and the
    second half of them in sorted order, each under its own relative path (hard links where
    the file system allows). Read one after the other, they are the corpus in serial order.

    Examples
    --------
    >>> halves(Path("seeds"), Path("/tmp/h"))  # doctest: +SKIP
    (PosixPath('/tmp/h/half0'), PosixPath('/tmp/h/half1'))
    """
    files = sorted(p for p in folder.rglob("*.txt") if p.is_file())
    middle = (len(files) + 1) // 2
    out = (target / "half0", target / "half1")
    for half, chunk in zip(out, (files[:middle], files[middle:]), strict=True):
        for src in chunk:
            dst = half / src.relative_to(folder)
            if dst.exists():
                continue
            dst.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(src, dst)
            except OSError:
                shutil.copyfile(src, dst)
    return out


def _one_run(scale: int, mode: str, n: int, folder: Path, out: Path, ref: Path, work: Path,
             env: dict[str, str], args: argparse.Namespace) -> Run:
    """Run one mode once, after waiting for the machine to be quiet; print and return it."""
    if mode == "pair":  # two serial runs side by side, on the two halves of the corpus
        outs = [out.with_suffix(f".half{i}.csv") for i in (0, 1)]
        parts = halves(folder, work / f"x{scale}-halves")
        cmds = [_command("serial", half, o, args.chunk_size)
                for half, o in zip(parts, outs, strict=True)]
        logs = [work / f"x{scale}-pair{i}.log" for i in (0, 1)]
    else:
        outs, cmds = [out], [_command(mode, folder, out, args.chunk_size)]
        logs = [work / f"x{scale}-{mode}.log"]
    quiet = wait_for_quiet(args.wait_quiet)
    busy, mine = busy_cpu_seconds(), time.process_time()
    wall, cpu, max_rss, tree, rc = measure_many(cmds, logs, env, work)
    # the machine's busy time, less the run's and this watcher's own
    others = None if busy is None else max(
        0.0, (busy_cpu_seconds() - busy - cpu - (time.process_time() - mine)) / wall)
    if mode == "pair":  # the halves' statements one after the other, as one CSV
        with open(out, "wb") as whole:
            for i, o in enumerate(outs):
                if o.exists():
                    with open(o, "rb") as part:
                        if i:
                            part.readline()  # the header, once
                        shutil.copyfileobj(part, whole)
                    o.unlink()
    same = None
    if out != ref and ref.exists() and out.exists():
        same = filecmp.cmp(ref, out, shallow=False)
    rows = _count_rows(out) if out.exists() else 0
    print(f"  {mode:6s} {wall:7.1f} s  {n / wall:6.0f} articles/s  CPU {cpu:7.1f} s"
          f"  max RSS {_fmt_mb(max_rss)} MB  tree {_fmt_mb(tree)} MB  "
          f"{rows:,} statements  same={same}  other CPUs busy {_fmt_cpus(quiet)} "
          f"before, {_fmt_cpus(others)} during  exit {rc}", flush=True)
    if rc:
        for log in logs:
            print(log.read_text(errors="replace")[-2000:])
    return Run(scale, mode, n, wall, cpu, max_rss, tree, rows, same, quiet, others, rc)


def snapshot(target: Path, ref: str | None) -> str:
    """Freeze the package for the whole benchmark; returns a description of the code.

    With ``ref`` (a commit, e.g. ``HEAD``) the ``stance`` folder of that commit is exported
    with ``git archive``; without, the working tree's ``stance`` folder is copied. Every run
    then imports it first (``PYTHONPATH``), so edits made to the repository while the
    benchmark runs cannot make one run differ from another.
    """
    target.mkdir(parents=True, exist_ok=True)
    if ref is None:
        shutil.copytree(ROOT / "stance", target / "stance",
                        ignore=shutil.ignore_patterns("__pycache__"))
        return "the working tree's stance/ (copied at the start)"
    commit = subprocess.run(["git", "rev-parse", "--short", ref], cwd=ROOT, check=True,
                            capture_output=True, text=True).stdout.strip()
    archive = subprocess.run(["git", "archive", "--format=tar", commit, "stance"], cwd=ROOT,
                             check=True, capture_output=True).stdout
    import io
    import tarfile

    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(target, filter="data")
    return f"commit {commit} (stance/ exported with git archive)"


def _count_rows(csv: Path) -> int:
    import pandas as pd

    return sum(len(c) for c in pd.read_csv(csv, usecols=["article_id"], chunksize=200_000))


def _command(mode: str, folder: Path, out: Path, chunk_size: int) -> list[str]:
    if mode == "dask":
        return [sys.executable, str(Path(__file__).resolve()), "--dask-run", str(folder),
                str(out), "--chunk-size", str(chunk_size)]
    jobs = "1" if mode == "serial" else "2"
    return [sys.executable, "-m", "stance", "quotes", str(folder), "-o", str(out),
            "--jobs", jobs, "--chunk-size", str(chunk_size)]


def _dask_run(folder: str, out: str, blocksize: int) -> int:
    """The Dask side of the benchmark (runs in its own process)."""
    from dask.distributed import Client, LocalCluster

    import stance.dask as sd

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster):
        quotes = sd.extract_quotes(sd.read_corpus(folder, blocksize=blocksize))
        # the same CSV dialect as `stance quotes -o OUT.csv`
        quotes.to_csv(out, single_file=True, index=False, date_format="%Y-%m-%d")
    return 0


def _fmt_mb(n: int | None) -> str:
    return "n/a" if n is None else f"{n / MB:.0f}"


def _fmt_cpus(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.2f}"


def _table(runs: list[Run]) -> list[str]:
    several = any(len(r.walls) > 1 for r in runs)
    head = ("| scale | articles | mode | wall s | articles/s | CPU s | CPUs used | peak RSS, "
            "largest process MB | peak RSS, all processes MB | statements | output = serial | "
            "other work, CPUs |" + (" wall s, every run |" if several else ""))
    lines = [head, "| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- "
                   "| ---: |" + (" --- |" if several else "")]
    for r in runs:
        if r.mode == "serial":
            same = {None: "(reference)", True: "(reference; reruns equal)",
                    False: "(reference; reruns DIFFER)"}[r.same_as_serial]
        else:
            same = {None: "n/a", True: "yes", False: "NO"}[r.same_as_serial]
        if r.returncode:
            same = f"exit {r.returncode}"
        lines.append(
            f"| {r.scale}x | {r.articles:,} | {r.mode} | {r.wall:.1f} | "
            f"{r.articles / r.wall:.0f} | {r.cpu:.1f} | {r.cpu / r.wall:.2f} | "
            f"{_fmt_mb(r.max_rss)} | {_fmt_mb(r.tree_rss)} | {r.statements:,} | {same} | "
            f"{_fmt_cpus(r.others)} |" + (f" {', '.join(f'{w:.1f}' for w in r.walls)} |"
                                          if several else "")
        )
    return lines


def _targets(runs: list[Run]) -> list[str]:
    by = {(r.scale, r.mode): r for r in runs}
    out = []
    for mode in MODES:
        one, ten = by.get((1, mode)), by.get((10, mode))
        if one and ten:
            ratio = ten.wall / one.wall
            out.append(f"- {mode}: 10x took {ratio:.2f}x the time of 1x (target <= 11: "
                       f"{'met' if ratio <= 11 else 'MISSED'}); CPU time {ten.cpu / one.cpu:.2f}x")
        fifty = by.get((50, mode))
        if one and fifty:
            out.append(f"- {mode}: 50x took {fifty.wall / one.wall:.2f}x the time of 1x "
                       f"(linear would be 50)")
    for mode in ("serial", "jobs2"):
        r = by.get((50, mode))
        if r:
            peak = r.tree_rss if r.tree_rss is not None else r.max_rss
            out.append(f"- {mode} at 50x: peak memory {peak / MB:.0f} MB, all processes "
                       f"together (target < 1024 MB: {'met' if peak < 1024 * MB else 'MISSED'});"
                       f" largest process {r.max_rss / MB:.0f} MB")
    for scale in sorted({r.scale for r in runs}):
        s, j = by.get((scale, "serial")), by.get((scale, "jobs2"))
        if s and j:
            speed = s.wall / j.wall
            runs_note = ""
            if len(s.walls) > 1 or len(j.walls) > 1:
                runs_note = (f" (fastest runs; {median(s.walls) / median(j.walls):.2f}x by the "
                             f"medians of {len(s.walls)} and {len(j.walls)} runs)")
            out.append(f"- {scale}x: --jobs 2 is {speed:.2f}x as fast as serial{runs_note} "
                       f"(target >= 1.7: {'met' if speed >= 1.7 else 'MISSED'}); it kept "
                       f"{j.cpu / j.wall:.2f} CPUs busy while other work kept "
                       f"{_fmt_cpus(j.others)} busy")
    for scale in sorted({r.scale for r in runs}):
        s, j, pair = (by.get((scale, m)) for m in ("serial", "jobs2", "pair"))
        if s and pair:
            ceiling = s.wall / pair.wall
            line = (f"- {scale}x: two serial runs side by side on the two halves of the corpus "
                    f"(no coordination, no shared work: what two cores give this code at most) "
                    f"were {ceiling:.2f}x as fast as serial")
            if j:
                line += f"; --jobs 2 reached {(s.wall / j.wall) / ceiling:.0%} of that"
            out.append(line)
    for r in runs:
        if r.mode == "dask" and r.same_as_serial is not None:
            verdict = "byte for byte" if r.same_as_serial else "NOT"
            out.append(f"- {r.scale}x: Dask's output is {verdict} the serial output")
    return out


def main(argv: Sequence[str] | None = None) -> int:
    """Build the replicated corpora, run every mode at every scale, print and record the table.

    Examples
    --------
    >>> main(["--scales", "1", "--modes", "serial", "--no-readme"])  # doctest: +SKIP
    0
    """
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 50])
    parser.add_argument("--modes", nargs="+", choices=MODES, default=list(MODES))
    parser.add_argument("--chunk-size", type=int, default=500,
                        help="--chunk-size of stance quotes and blocksize of read_corpus")
    parser.add_argument("--workdir", type=Path, default=None,
                        help="where the replicated corpora go (default: a temporary folder)")
    parser.add_argument("--keep", action="store_true", help="keep the corpora and outputs")
    parser.add_argument("--wait-quiet", type=float, default=120, metavar="SECONDS",
                        help="before each run, wait up to this long for other processes to "
                             "use under 0.3 CPUs (default 120)")
    parser.add_argument("--no-readme", action="store_true",
                        help="do not write the table into benchmarks/README.md")
    parser.add_argument("--section", default="scale",
                        help="README section to write (default 'scale'; another name keeps a "
                             "partial re-run beside the full table)")
    parser.add_argument("--code", default="HEAD", metavar="REF",
                        help="commit whose stance/ is benchmarked (default HEAD); 'worktree' "
                             "for the working tree as it is at the start")
    parser.add_argument("--repeat", type=int, default=1, metavar="N",
                        help="run every mode N times at each scale, in interleaved rounds; "
                             "the table keeps each mode's fastest run (default 1)")
    parser.add_argument("--dask-run", nargs=2, metavar=("DIR", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.dask_run:
        return _dask_run(*args.dask_run, args.chunk_size)

    source = bbc_folder()
    print(machine())
    work = Path(tempfile.mkdtemp(prefix="stance-scale-", dir=args.workdir))
    runs: list[Run] = []
    try:
        code = snapshot(work / "code", None if args.code == "worktree" else args.code)
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(
            [str(work / "code"), *filter(None, [os.environ.get("PYTHONPATH")])])}
        # runs start in the work folder: from the repository root, `python -m stance` would
        # import the live working tree ahead of PYTHONPATH
        check = subprocess.run([sys.executable, "-c", "import stance; print(stance.__file__)"],
                               env=env, capture_output=True, text=True, cwd=work)
        print(f"code: {code}; runs import {check.stdout.strip()}")
        if not check.stdout.startswith(str(work)):
            raise SystemExit("the snapshot of the code is not what the runs would import")
        for scale in args.scales:
            folder = work / f"x{scale}"
            n = replicate(source, folder, scale)
            print(f"\n{scale}x: {n:,} articles in {folder}", flush=True)
            ref = work / f"x{scale}-serial.csv"  # the first serial run's output
            for k in range(max(1, args.repeat)):  # rounds of every mode: noise hits all alike
                for mode in args.modes:
                    out = ref if k == 0 and mode == "serial" else work / f"x{scale}-{mode}-{k}.csv"
                    runs.append(_one_run(scale, mode, n, folder, out, ref, work, env, args))
                    if out != ref:
                        out.unlink(missing_ok=True)
            if not args.keep:
                shutil.rmtree(folder)
                shutil.rmtree(work / f"x{scale}-halves", ignore_errors=True)
                ref.unlink(missing_ok=True)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"kept {work}")

    best = summarize(runs)
    lines = _table(best)
    targets = _targets(best)
    print("\n" + "\n".join(lines) + "\n\n" + "\n".join(targets))
    if not args.no_readme:
        scales = " ".join(map(str, args.scales))
        modes = " ".join(args.modes)
        title = "Scale" if args.section == "scale" else f"Scale, {args.section}"
        section = "" if args.section == "scale" else f" --section {args.section}"
        body = "\n".join([
            f"{'##' if args.section == 'scale' else '###'} {title} (`bench_scale.py`)",
            "",
            f"Run on {date.today().isoformat()}: `.venv/bin/python benchmarks/bench_scale.py "
            f"--scales {scales} --modes {modes} --chunk-size {args.chunk_size}"
            f"{f' --repeat {args.repeat}' if args.repeat > 1 else ''}{section}`",
            "",
            f"Machine: `{machine()}`",
            "",
            f"Code: {code}.",
            "",
            "CPU s is user + system time of the whole process tree and CPUs used is CPU s / "
            "wall s; peak RSS of the largest process is `ru_maxrss` from `os.wait4`; all "
            "processes together is the summed RSS of the process and its children, sampled "
            "every 50 ms (psutil). Other work is the CPUs kept busy by other processes on the "
            "machine during the run (`/proc/stat` minus the run's own CPU time): wall times, "
            "and the `--jobs 2` speed-up above all, are only clean where it is near 0.",
            *([] if args.repeat <= 1 else [
                "",
                f"Each mode ran {args.repeat} times at each scale, in interleaved rounds (serial, "
                "then `--jobs 2`, then again): a row is the mode's fastest run, with the highest "
                "peak memory of its runs; the last column gives every run's wall time. On a "
                "shared VM whose speed drifts, the fastest run is the one least slowed by "
                "others."]),
            "",
            *lines,
            "",
            *targets,
        ])
        update_readme(args.section, body)
        print(f"\nwritten to {(ROOT / 'benchmarks' / 'README.md').relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
