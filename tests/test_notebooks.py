"""The notebooks in notebooks/ run top to bottom in a fresh kernel and are committed clean.

Each notebook is executed with nbclient in a new ``python3`` kernel (the interpreter running
the tests) with the notebooks folder as working directory, as Jupyter runs it. The executed
copy is kept in memory, never written back. The time each notebook took is printed at the end
of this module's tests; it is measured, not asserted.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

REPO_ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS_DIR = REPO_ROOT / "notebooks"
NOTEBOOKS = sorted(NOTEBOOKS_DIR.glob("*.ipynb"))
EXPECTED = ("01-who-said-what.ipynb", "02-tone-by-side.ipynb", "03-your-own-corpus.ipynb")
CELL_TIMEOUT = 180  # seconds per cell

#: Seconds each notebook took to run, reported when the module's tests are done.
_TIMES: dict[str, float] = {}

# A string literal that is an absolute path (starting with a slash, or a Windows drive letter)
# or names the machine's shared folder: notebooks must run on any clone.
_ABSOLUTE = re.compile(r"""["'](/[A-Za-z]|[A-Za-z]:\\)""")


def _read(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=4)


def _snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Size and modification time of every file below ``folder``."""
    if not folder.is_dir():
        return {}
    return {
        str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in folder.rglob("*")
        if p.is_file()
    }


@pytest.fixture(scope="module")
def timings(request):
    """Collect the run time of each notebook and print them when the module is done."""
    yield _TIMES
    if not _TIMES:
        return
    parts = ", ".join(f"{name} {secs:.1f} s" for name, secs in _TIMES.items())
    line = f"notebook run times: {parts}; total {sum(_TIMES.values()):.1f} s"
    # Printed past pytest's output capture, so it shows on every run, not only on failures.
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    if capture is not None:
        with capture.global_and_fixture_disabled():
            print(f"\n{line}")
    else:
        print(line)


def test_the_three_notebooks_are_there():
    assert tuple(p.name for p in NOTEBOOKS) == EXPECTED


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_committed_without_outputs(path):
    nb = _read(path)
    nbformat.validate(nb)
    dirty = [
        i for i, cell in enumerate(nb.cells)
        if cell.cell_type == "code" and (cell.get("outputs") or cell.get("execution_count"))
    ]
    assert not dirty, f"{path.name}: cells {dirty} have outputs or execution counts; strip them"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_no_machine_paths(path):
    nb = _read(path)
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        assert not _ABSOLUTE.search(cell.source), f"{path.name} cell {i}: absolute path"
        assert "shared" not in cell.source, f"{path.name} cell {i}: refers to a shared folder"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs(path, timings):
    nb = _read(path)
    figures_before = _snapshot(REPO_ROOT / "figures")
    client = NotebookClient(
        nb,
        timeout=CELL_TIMEOUT,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOKS_DIR)}},
    )
    start = time.perf_counter()
    client.execute()  # raises CellExecutionError, with the cell and traceback, on any error
    timings[path.name] = time.perf_counter() - start

    # Every cell that draws with a stance.plot_* function shows its figure.
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code" and "stance.plot_" in cell.source:
            images = [o for o in cell.outputs if "image/png" in o.get("data", {})]
            assert images, f"{path.name} cell {i} drew a figure but displayed none"
    # Figures in notebooks are displayed, never written into the reproducible build's folder.
    assert _snapshot(REPO_ROOT / "figures") == figures_before
