"""The notebooks run top to bottom on a fresh embedded engine, show real
answers, stop the engine they started, and are committed without outputs."""
import os
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from orgkg.graph import notebook
from orgkg.graph.errors import QueryError
from orgkg.graph.store import engine

from conftest import pid_running, redis_pids as engine_processes

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK_DIR = ROOT / "notebooks"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))
CELL_TIMEOUT = 300  # seconds; the build cell extracts the whole sample corpus


def engine_left(home):
    """Engine pids still alive for ``home``: from /proc, and the pid file if it names a live process."""
    pids = set(engine_processes(home))
    try:
        pid = int((Path(home) / "engine.pid").read_text().strip())
    except (OSError, ValueError):
        return sorted(pids)
    if pid_running(pid):
        pids.add(pid)
    return sorted(pids)


def execute(nb):
    # Same kernel name as the notebooks' metadata; jupyter_client maps the
    # kernelspec's "python" to sys.executable, i.e. this venv's python.
    client = NotebookClient(nb, kernel_name="python3", timeout=CELL_TIMEOUT,
                            resources={"metadata": {"path": str(NOTEBOOK_DIR)}})
    client.execute()
    return nb


def outputs(nb, mime=None):
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if mime is None or mime in out.get("data", {}):
                yield out


def text_of(nb):
    return "".join(out.get("text", "") + "".join(str(v) for v in out.get("data", {}).values())
                   for out in outputs(nb))


def embedded_env(mp, home):
    """A private ORGKG_HOME for the kernel, and no Neo4j: the embedded engine."""
    mp.setenv("ORGKG_HOME", str(home))
    mp.delenv("NEO4J_URI", raising=False)
    mp.setenv("PYDEVD_DISABLE_FILE_VALIDATION", "1")  # quiet ipykernel's debugger


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    """Execute a notebook once per session on its own fresh engine home:
    returns (executed notebook, home, engine pids still alive afterwards)."""
    done = {}

    def run_one(name):
        if name not in done:
            home = tmp_path_factory.mktemp("home")
            try:
                with pytest.MonkeyPatch.context() as mp:
                    embedded_env(mp, home)
                    nb = execute(nbformat.read(NOTEBOOK_DIR / name, as_version=4))
            finally:
                left = engine_left(home)
                if left:  # a failed or leaky notebook: record it, but leave no engine behind
                    engine.stop(home)
            done[name] = (nb, home, left)
        return done[name]
    return run_one


def test_notebooks_repo_root_found_from_notebooks_folder_and_elsewhere(monkeypatch, tmp_path):
    monkeypatch.chdir(NOTEBOOK_DIR)
    assert notebook.repo_root() == ROOT
    monkeypatch.chdir(tmp_path)  # outside the checkout: found from the (editable) package instead
    assert notebook.repo_root() == ROOT
    with pytest.raises(FileNotFoundError):
        notebook.repo_root(start=tmp_path)


def test_notebooks_engine_home_defaults_to_the_checkout(monkeypatch):
    monkeypatch.chdir(NOTEBOOK_DIR)
    monkeypatch.delenv("ORGKG_HOME", raising=False)
    assert notebook.engine_home() == ROOT / "data" / "engine"  # not notebooks/data/engine
    monkeypatch.setenv("ORGKG_HOME", "/tmp/elsewhere")
    assert notebook.engine_home() is None  # open_store reads ORGKG_HOME itself


def test_notebooks_session_q_passes_name_as_a_query_parameter():
    session = notebook.Session(store=None)
    # name= is the query's $name, not the query's own name; a wrong parameter is named
    with pytest.raises(QueryError, match="needs \\$name"):
        session.q("people_of")
    with pytest.raises(QueryError, match="takes no parameter \\$nmae"):
        session.q("hubs", nmae="贺军科")


def test_notebooks_cjk_font_draws_chinese_without_warnings(tmp_path):
    import warnings

    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib import font_manager

    notebook.use_cjk_font()
    chosen = font_manager.findfont(font_manager.FontProperties(family=["sans-serif"]))
    assert "wqy" in chosen.lower() or "notosanscjk" in chosen.lower().replace("-", ""), chosen
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig, ax = plt.subplots()
        ax.set_title("重庆市科学技术协会")
        fig.savefig(tmp_path / "title.png")
        plt.close(fig)


def test_notebooks_all_found():
    assert [p.stem[:3] for p in NOTEBOOKS] == ["01_", "02_", "03_", "04_", "05_"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebooks_are_stored_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, f"{path.name}: cell {cell.id} has outputs"


def test_notebooks_kernel_is_this_venv(tmp_path, monkeypatch):
    embedded_env(monkeypatch, tmp_path)
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "import sys, os; print(sys.executable); print(os.environ['ORGKG_HOME'])")])
    printed = text_of(execute(nb)).split()
    assert Path(printed[0]).resolve() == Path(sys.executable).resolve()
    assert printed[1] == str(tmp_path)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebooks_run_and_stop_their_engine(path, run):
    nb, home, left = run(path.name)
    assert not [out for out in outputs(nb) if out.output_type == "error"]
    assert not left, f"{path.name} left an engine running for {home}: pids {left}"
    if path.stem.startswith("05_"):
        assert "NEO4J_URI is not set: skipping the Neo4j cells" in text_of(nb)
    else:
        assert list(outputs(nb, "text/html")), f"{path.name} shows no DataFrame"


def test_notebooks_quickstart_draws_a_figure(run):
    nb, _, _ = run("01_quickstart.ipynb")
    figures = list(outputs(nb, "image/png"))
    assert figures and all(len(f["data"]["image/png"]) > 1000 for f in figures)


def test_notebooks_chains_have_a_chart_and_a_pyvis_view(run):
    nb, _, _ = run("02_who_directs_which_bodies.ipynb")
    assert list(outputs(nb, "image/png"))
    pages = [str(o["data"]["text/html"]) for o in outputs(nb, "text/html")]
    assert any("vis-network" in page or "<iframe" in page for page in pages)


@pytest.mark.neo4j
@pytest.mark.skipif(not os.environ.get("NEO4J_URI"), reason="needs a Neo4j server from NEO4J_URI")
def test_notebooks_neo4j_runs_against_a_server(monkeypatch):
    monkeypatch.setenv("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    nb = execute(nbformat.read(NOTEBOOK_DIR / "05_neo4j.ipynb", as_version=4))
    assert "skipping the Neo4j cells" not in text_of(nb)
    assert list(outputs(nb, "text/html"))


def test_notebooks_session_evidence_gives_rows(falkor, make_kg):
    falkor.load(make_kg())
    frame = notebook.Session(store=falkor).evidence("市科协", type="issued")
    assert list(frame.columns) == ["source", "target", "relation", "document", "date", "file", "start", "end",
                                   "sentence"]
    assert frame["sentence"].tolist() == ["市科协印发《2022年全市科协系统工作要点》。"]
