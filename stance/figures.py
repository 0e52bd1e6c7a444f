"""The reproducible figure build: corpus in, figures with their numbers and a manifest out.

Two builds from the same inputs with the same package versions write byte-identical files:
the style is fixed (``stance/data/stance.mplstyle``), images carry no software or date
metadata, SVG ids come from a fixed salt, CSVs have sorted rows and a fixed float format, and
the manifest has sorted keys and no timestamps. Everything is rendered in memory first and then
written to temporary files beside the targets, which are renamed into place only when every
file is ready, so a build that fails leaves the last good figures untouched.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Mapping, Sequence
from importlib import metadata, resources
from io import BytesIO
from pathlib import Path

import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from . import plots
from .stats import DEFAULT_SEED, EXACT_LIMIT, N_BOOT, N_PERM, Contrast, contrast
from .types import SCORED_COLUMNS

__all__ = [
    "build_figures",
    "write_figures",
    "corpus_inputs",
    "FIGURES",
    "METRICS",
    "MANIFEST",
    "VERSIONED_PACKAGES",
]

#: The figures of a build; each is written as ``NAME.png``, ``NAME.svg`` and ``NAME.csv``.
FIGURES: tuple[str, ...] = ("by_side", "over_time", "speakers", "stance_map")
#: Score columns contrasted and shown side by side.
METRICS: tuple[str, ...] = ("tone", "caution")
#: Name of the manifest file in the output folder.
MANIFEST = "manifest.json"
#: Packages whose versions the manifest records.
VERSIONED_PACKAGES: tuple[str, ...] = (
    "stance", "numpy", "pandas", "matplotlib", "nltk", "vaderSentiment",
)

#: The speakers figure shows this many of the most quoted speakers; the map names this many.
MAX_SPEAKERS = 30
MAX_LABELS = 20

_FLOAT = "%.6f"
_TITLES = {"tone": "Tone", "caution": "Caution"}


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _csv(frame: pd.DataFrame) -> bytes:
    """CSV bytes that do not depend on the platform: fixed floats, ISO dates, LF line ends."""
    text = frame.to_csv(index=False, float_format=_FLOAT, date_format="%Y-%m-%d",
                        lineterminator="\n", na_rep="")
    return text.encode("utf-8")


def _images(fig: Figure) -> tuple[bytes, bytes]:
    """PNG and SVG bytes of ``fig`` without creation software or date."""
    png, svg = BytesIO(), BytesIO()
    fig.savefig(png, format="png", metadata={"Software": None})
    fig.savefig(svg, format="svg", metadata={"Date": None, "Creator": None})
    return png.getvalue(), svg.getvalue()


def _new_figure(figsize: tuple[float, float]) -> Figure:
    fig = Figure(figsize=figsize)
    FigureCanvasAgg(fig)  # a canvas of its own: no pyplot, no global figure registry
    return fig


def _sorted_statements(scored: pd.DataFrame) -> pd.DataFrame:
    """Every scored statement in a fixed order, the contract's columns first."""
    columns = [c for c in SCORED_COLUMNS if c in scored.columns]
    columns += [c for c in scored.columns if c not in columns]
    keys = [c for c in ("article_id", "start", "end", "speaker", "text") if c in scored.columns]
    table = scored[columns]
    if keys:
        table = table.sort_values(keys, kind="mergesort", na_position="last")
    return table.reset_index(drop=True)


def _short(c: Contrast) -> str:
    """The contrast in a figure subtitle: difference, interval, p, n."""
    def num(v: float) -> str:
        return "n/a" if v != v else f"{v:+.2f}"

    if c.p_value != c.p_value:
        p = "p n/a"
    elif c.p_value < 0.001:
        p = "p < 0.001"
    else:
        p = f"p = {c.p_value:.3f}" if c.p_value < 0.01 else f"p = {c.p_value:.2f}"
    return (f"{c.a} − {c.b}: {num(c.difference)} [{num(c.ci_low)}, {num(c.ci_high)}]\n"
            f"{p}; n = {c.n_a} vs {c.n_b}")


def _by_side(scored: pd.DataFrame, contrasts: Mapping[str, Contrast], seed: int,
             n_boot: int) -> tuple[pd.DataFrame, Figure]:
    data = pd.concat([plots.by_side_data(scored, m, n_boot=n_boot, seed=seed) for m in METRICS],
                     ignore_index=True)
    fig = _new_figure((7.5, 4.2))
    for ax, metric in zip(fig.subplots(1, len(METRICS)), METRICS, strict=True):
        plots.draw_by_side(data, metric, seed=seed, ax=ax)
        ax.set_title(f"{_TITLES.get(metric, metric)}\n{_short(contrasts[metric])}",
                     fontsize=8.5, fontweight="normal", loc="left")
    return data, fig


def _over_time(scored: pd.DataFrame) -> tuple[pd.DataFrame, Figure]:
    data = pd.concat([plots.over_time_data(scored, m) for m in METRICS], ignore_index=True)
    fig = _new_figure((7.5, 6.0))
    axes = fig.subplots(len(METRICS), 1, sharex=True)
    for ax, metric in zip(axes, METRICS, strict=True):
        plots.draw_over_time(data, metric, ax=ax)
        ax.set_title(_TITLES.get(metric, metric), loc="left")
    handles, labels = axes[0].get_legend_handles_labels()
    for ax in axes:
        if ax.get_legend() is not None:
            ax.get_legend().remove()
    if handles:  # one legend for both panels, above them
        fig.legend(handles, labels, loc="outside upper center", ncols=min(len(labels), 4))
    return data, fig


def _speakers(scored: pd.DataFrame, seed: int, n_boot: int) -> tuple[pd.DataFrame, Figure]:
    data = pd.concat([plots.speakers_data(scored, m, top=MAX_SPEAKERS, n_boot=n_boot, seed=seed)
                      for m in METRICS], ignore_index=True)
    order = plots.speaker_order(data, METRICS[0])
    fig = _new_figure((8.0, 1.4 + 0.3 * max(len(order), 1)))
    axes = fig.subplots(1, len(METRICS))
    for i, (ax, metric) in enumerate(zip(axes, METRICS, strict=True)):
        plots.draw_speakers(data, metric, order=order, seed=seed, ax=ax)
        ax.set_title(_TITLES.get(metric, metric), loc="left")
        if i > 0:
            ax.tick_params(labelleft=False)
            if ax.get_legend() is not None:
                ax.get_legend().remove()
    return data, fig


def _stance_map(scored: pd.DataFrame) -> tuple[pd.DataFrame, Figure]:
    data = plots.stance_map_data(scored, "tone", "caution")
    fig = _new_figure((6.5, 5.0))
    ax = fig.subplots()
    plots.draw_stance_map(data, "tone", "caution", max_labels=MAX_LABELS, ax=ax)
    ax.set_title("Stance map: each point a statement, each name a speaker's centre", loc="left",
                 fontsize=9)
    return data, fig


def _package_data() -> dict[str, bytes]:
    """The packaged data files (registry, lexicons, style) that shape every result."""
    folder = resources.files("stance").joinpath("data")
    return {f"stance/data/{item.name}": item.read_bytes()
            for item in sorted(folder.iterdir(), key=lambda t: t.name) if item.is_file()}


def _versions() -> dict[str, str]:
    from . import __version__

    out = {}
    for name in VERSIONED_PACKAGES:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = __version__ if name == "stance" else "not installed"
    return out


def _publish(out: Path, files: Mapping[str, bytes]) -> None:
    """Write every file to a temporary name in ``out``, then rename all of them into place.

    Nothing is renamed until every temporary file is complete; the manifest is renamed last.
    """
    out.mkdir(parents=True, exist_ok=True)
    temps: dict[str, str] = {}
    try:
        for name, data in files.items():
            fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=out)
            temps[name] = tmp
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(tmp, 0o644)
        for name in sorted(files, key=lambda n: (n == MANIFEST, n)):
            os.replace(temps.pop(name), out / name)
    finally:
        for tmp in temps.values():
            try:
                os.unlink(tmp)
            except OSError:
                pass


def write_figures(scored: pd.DataFrame, out: str | Path = "figures", *,
                  inputs: Mapping[str, bytes] | None = None, seed: int = DEFAULT_SEED,
                  n_boot: int = N_BOOT, n_perm: int = N_PERM,
                  sides: Sequence[str] = ("US", "Japan"),
                  notes: Mapping[str, object] | None = None) -> dict:
    """Draw every figure from a scored table and write them, their data and a manifest.

    Parameters
    ----------
    scored : pandas.DataFrame
        The scored table (columns of :data:`stance.types.SCORED_COLUMNS`).
    out : str or Path
        Output folder, created if needed; files already there are replaced only when the
        whole build has succeeded.
    inputs : mapping of str to bytes, optional
        Input files by name, hashed into the manifest (:func:`build_figures` passes the corpus).
    seed, n_boot, n_perm : int
        Seed, bootstrap resamples and random permutations (see :func:`stance.contrast`).
    sides : pair of str
        The two sides contrasted, ``a`` then ``b``.
    notes : mapping, optional
        Extra JSON-ready facts for the manifest (e.g. skipped inputs).

    Returns
    -------
    dict
        The manifest: ``contrasts`` (metric to sentence; per statement),
        ``contrasts_speaker_weighted``, ``outputs`` and ``inputs`` (name to sha256),
        ``figures``, ``versions``, ``settings``, ``statements``.

    Examples
    --------
    >>> manifest = write_figures(scored, "figures")  # doctest: +SKIP
    >>> print(manifest["contrasts"]["tone"])  # doctest: +SKIP
    """
    a, b = sides
    out = Path(out)
    files: dict[str, bytes] = {"quotes.csv": _csv(_sorted_statements(scored))}

    kwargs = {"n_boot": n_boot, "n_perm": n_perm, "seed": seed}
    plain = {m: contrast(scored, a, b, m, **kwargs) for m in METRICS}
    weighted = ({m: contrast(scored, a, b, m, cluster="speaker", **kwargs) for m in METRICS}
                if "speaker" in scored.columns else {})
    rows = [c.to_frame() for c in list(plain.values()) + list(weighted.values())]
    files["contrast.csv"] = _csv(pd.concat(rows, ignore_index=True))

    with plots.style_context():
        built = {
            "by_side": _by_side(scored, plain, seed, n_boot),
            "over_time": _over_time(scored),
            "speakers": _speakers(scored, seed, n_boot),
            "stance_map": _stance_map(scored),
        }
        for name in FIGURES:
            data, fig = built[name]
            files[f"{name}.csv"] = _csv(data)
            files[f"{name}.png"], files[f"{name}.svg"] = _images(fig)

    figures = {name: {"images": [f"{name}.png", f"{name}.svg"], "data": [f"{name}.csv"]}
               for name in FIGURES}
    figures["by_side"]["data"].append("contrast.csv")  # the subtitles come from the contrasts
    manifest = {
        "contrasts": {m: c.sentence for m, c in plain.items()},
        "contrasts_speaker_weighted": {m: c.sentence for m, c in weighted.items()},
        "figures": figures,
        "inputs": {name: _sha256(data) for name, data in sorted((inputs or {}).items())},
        "package_data": {name: _sha256(data) for name, data in _package_data().items()},
        "outputs": {name: _sha256(data) for name, data in sorted(files.items())},
        "settings": {"seed": seed, "n_boot": n_boot, "n_perm": n_perm,
                     "exact_limit": EXACT_LIMIT, "sides": [a, b], "metrics": list(METRICS),
                     "float_format": _FLOAT, "max_speakers": MAX_SPEAKERS,
                     "max_labels": MAX_LABELS},
        "statements": int(len(scored)),
        "versions": _versions(),
    }
    if notes:
        manifest["notes"] = dict(notes)
    text = json.dumps(manifest, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
    files[MANIFEST] = text.encode("utf-8")
    _publish(out, files)
    return manifest


def corpus_inputs(corpus: str | Path, registry: str | Path | None = None) -> dict[str, bytes]:
    """The files a build reads, by a name that does not depend on where the corpus lives.

    A folder gives its ``.txt`` files and ``metadata.csv`` as ``FOLDER/relative/path``; a
    single file gives ``FILE``; a registry gives ``registry/FILE``.
    """
    from .corpus import iter_corpus_files

    corpus = Path(corpus)
    found: dict[str, bytes] = {}
    if corpus.is_dir():
        paths = list(iter_corpus_files(corpus))
        if (corpus / "metadata.csv").is_file():
            paths.append(corpus / "metadata.csv")
        root = corpus.resolve().name
        for path in paths:
            found[f"{root}/{path.relative_to(corpus).as_posix()}"] = path.read_bytes()
    elif corpus.is_file():
        found[corpus.name] = corpus.read_bytes()
    if registry is not None:
        found[f"registry/{Path(registry).name}"] = Path(registry).read_bytes()
    return found


def _relative(path: str, corpus: Path) -> str:
    try:
        rel = Path(path).resolve().relative_to(corpus.resolve())
    except ValueError:
        return Path(path).name
    return f"{corpus.resolve().name}/{rel.as_posix()}"


def build_figures(corpus: str | Path = "seeds", out: str | Path = "figures", *,
                  registry: str | Path | None = None, seed: int = DEFAULT_SEED,
                  n_boot: int = N_BOOT, n_perm: int = N_PERM,
                  sides: Sequence[str] = ("US", "Japan")) -> dict:
    """Run the whole study: load, find quotes, score, compare, draw, and write ``out``.

    Parameters
    ----------
    corpus : str or Path
        A corpus as :func:`stance.load_corpus` reads it (the seed articles by default).
    out : str or Path
        Output folder: ``by_side``, ``over_time``, ``speakers``, ``stance_map`` as PNG, SVG
        and CSV, ``quotes.csv``, ``contrast.csv`` and ``manifest.json``.
    registry : str or Path, optional
        A speaker registry TOML instead of the packaged one.
    seed, n_boot, n_perm : int
        Seed, bootstrap resamples, random permutations.
    sides : pair of str
        The two sides contrasted.

    Returns
    -------
    dict
        The manifest (see :func:`write_figures`); ``manifest["contrasts"]`` holds the tone and
        caution sentences.

    Examples
    --------
    >>> manifest = build_figures("seeds", "figures")  # doctest: +SKIP
    >>> for sentence in manifest["contrasts"].values():  # doctest: +SKIP
    ...     print(sentence)
    """
    from .corpus import load_corpus
    from .quotes import extract_quotes
    from .tone import score_quotes

    corpus = Path(corpus)
    inputs = corpus_inputs(corpus, registry)  # read first: a missing corpus fails before work
    articles = load_corpus(corpus)
    quotes = extract_quotes(articles, registry=registry)
    scored = score_quotes(quotes)
    skipped = [{"path": _relative(s["path"], corpus), "reason": s["reason"]}
               for s in articles.attrs.get("skipped", [])]
    notes = {"articles": int(len(articles)), "skipped": skipped}
    return write_figures(scored, out, inputs=inputs, seed=seed, n_boot=n_boot, n_perm=n_perm,
                         sides=sides, notes=notes)
