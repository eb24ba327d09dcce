"""The `orgkg` command line: each command parses options and calls one library
function. The package's own errors become ClickException (exit 1); usage
errors exit 2."""
from __future__ import annotations

import functools
import json
import signal
import sys
from pathlib import Path

import click

from .errors import OrgkgError
from .printable import file_name, printable


def library_errors(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except OrgkgError as exc:
            raise click.ClickException(printable(exc)) from None
        except OSError as exc:          # an output path that cannot be written, a full disk
            where = file_name(exc.filename) if exc.filename else "output"
            raise click.ClickException(f"{where}: {exc.strerror or exc}") from None
    return wrapper


def echo_skipped(skipped):
    for path, reason in skipped:
        click.echo(f"skipped {file_name(path)}: {printable(reason)}", err=True)


def progress_printer(quiet):
    if quiet:
        return None
    return lambda message: click.echo(printable(message), err=True)


def scale_options(func):
    """--jobs, --cache, --no-cache and --scheduler: how extract and build spread the work."""
    options = [
        click.option("-j", "--jobs", default=0, show_default=True, type=click.IntRange(0),
                     help="worker processes; 0 uses every core"),
        click.option("--cache", "cache", envvar="ORGKG_CACHE", type=click.Path(file_okay=False),
                     help="folder of per-file results reused while a file and the extractor are "
                          "unchanged [default: .orgkg-cache beside the output]"),
        click.option("--no-cache", is_flag=True, help="extract every file again and keep nothing"),
        click.option("--scheduler", envvar="ORGKG_SCHEDULER", metavar="ADDRESS",
                     help="extract on this Dask scheduler (tcp://host:8786) instead of local processes"),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def scale_args(jobs, cache, no_cache, scheduler, beside) -> dict:
    cache_dir = None if no_cache else Path(cache) if cache else Path(beside) / ".orgkg-cache"
    return {"jobs": jobs, "cache_dir": cache_dir, "scheduler": scheduler}


def _exit_on_signal(signum, frame):
    # SystemExit unwinds the `with open_store()` blocks, so an engine started
    # on demand is stopped, as it is when the command ends normally
    raise SystemExit(128 + signum)


@click.group()
@click.version_option(package_name="orgkg")
def main():
    """orgkg: a knowledge graph of organisations, people and initiatives from
    Chinese party and government documents.

    The store is Neo4j when NEO4J_URI is set (with NEO4J_USER, NEO4J_PASSWORD,
    NEO4J_DATABASE), otherwise the embedded FalkorDB engine kept in ORGKG_HOME
    (default ./data/engine)."""
    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, _exit_on_signal)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False), help="export JSON to write")
@click.option("-q", "--quiet", is_flag=True, help="no progress bar")
@scale_options
@library_errors
def extract(paths, out, quiet, jobs, cache, no_cache, scheduler):
    """Extract entities and relations from files or folders into FILE.json."""
    from .build import extract as run_extract
    from .progress import file_bar
    with file_bar(quiet) as bar:
        result = run_extract(paths, progress=bar, **scale_args(jobs, cache, no_cache, scheduler, Path(out).parent))
    result.kg.write_json(out)
    echo_skipped(result.skipped)
    counts = result.kg.counts()
    click.echo(f"{len(result.files)} files, {counts['nodes']} nodes, {counts['edges']} edges -> {out}")


@main.command()
@click.argument("export", type=click.Path(dir_okay=False))
@click.option("--batch-size", default=500, show_default=True, type=click.IntRange(1))
@click.option("-q", "--quiet", is_flag=True)
@library_errors
def load(export, batch_size, quiet):
    """Load an export into the configured store (idempotent)."""
    from .kg import KnowledgeGraph
    from .store import open_store
    kg = KnowledgeGraph.read_json(export)
    with open_store() as store:
        stats = store.load(kg, batch_size=batch_size, progress=progress_printer(quiet))
        click.echo(f"{store.name}: {stats}")


def as_of_option(func):
    return click.option("--as-of", "as_of", metavar="DATE",
                        help="only what documents dated up to DATE say (2021, 2021-06 or 2021-06-30)")(func)


def rows_options(func):
    for option in reversed([
            click.option("--format", "fmt", type=click.Choice(["table", "json", "csv", "xlsx"]), default="table",
                         show_default=True, help="xlsx needs --out"),
            click.option("--excel", is_flag=True, help="csv: start with a byte-order mark so Excel reads UTF-8"),
            click.option("--out", type=click.Path(dir_okay=False), help="write to this file instead of stdout"),
            click.option("--all", "every", is_flag=True, help="a name that several nodes share: answer for all")]):
        func = option(func)
    return func


def echo_rows(result, fmt, out, excel):
    """Query rows to stdout or, atomically, to ``out``."""
    # exports (and networkx with it) only when a file or CSV is asked for: a query starts faster
    from . import queries
    if out or fmt == "csv":
        from . import exports
    if out:
        click.echo(f"{len(result.rows)} rows -> {exports.write_rows(result, fmt, out, excel=excel)}", err=True)
    elif fmt == "xlsx":
        raise click.UsageError("--format xlsx writes a file: give --out FILE.xlsx")
    elif fmt == "csv":
        click.echo(exports.csv_text(result, excel=excel), nl=False)
    else:
        click.echo(queries.format_result(result, fmt))


def answer(run):
    """``run()``; a name that matches no node, or several, goes to stderr and exits 3."""
    from .errors import UnresolvedName
    try:
        return run()
    except UnresolvedName as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(UnresolvedName.exit_code)


@main.command()
@click.argument("cypher", required=False)
@click.option("-f", "--file", "query_file", help="a .cypher file, the name of one in cypher/queries, or - for stdin")
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE", help="a typed parameter (repeatable)")
@rows_options
@as_of_option
@click.option("--any", "any_relation", is_flag=True, help="path_between: through any relation, not only the chain of command")
@click.option("--write", is_flag=True, help="allow the query to change the graph")
@click.option("--list", "list_queries", is_flag=True, help="list the named queries and their parameters")
@library_errors
def query(cypher, query_file, params, fmt, excel, out, every, as_of, any_relation, write, list_queries):
    """Run a Cypher query (read-only unless --write).

    A name given to a named query that matches no node exits with code 3 and
    the closest names on stderr; one that several nodes share lists them."""
    from . import queries
    if list_queries:
        for name, purpose, names in queries.list_queries():
            click.echo(f"{name:22} {purpose}  params: {', '.join(names) or '-'}")
        return
    if bool(cypher) == bool(query_file):
        raise click.UsageError("give either a CYPHER string or -f FILE")
    if any_relation:
        query_file = queries.any_variant(query_file)
    text = sys.stdin.read() if query_file == "-" else \
        queries.load_query(query_file) if query_file else cypher
    try:
        values = dict(queries.parse_param(p) for p in params)
        if as_of and "as_of" not in queries.declared_params(text):
            raise click.UsageError("--as-of needs a query that takes $as_of (see orgkg query --list)")
        if as_of:
            values["as_of"] = queries.as_of_date(as_of)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="-p/--as-of") from None
    result = answer(lambda: queries.run_query(text, values, write=write, every=every))
    echo_rows(result, fmt, out, excel)


@main.command()
@click.argument("name")
@click.option("--type", "rtype", metavar="TYPE", help="only this relation type (LEADS, SUPERVISES, ...)")
@rows_options
@as_of_option
@library_errors
def evidence(name, rtype, fmt, excel, out, every, as_of):
    """One row per sentence behind NAME's relations: source, target, relation,
    document, date, file, offsets and the sentence on one line."""
    from . import queries
    try:
        values = {"name": name, "type": queries.relation_type(rtype), "as_of": queries.as_of_date(as_of)}
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None
    echo_rows(answer(lambda: queries.run_named("evidence", values, every=every)), fmt, out, excel)


@main.command()
@click.argument("export", type=click.Path(dir_okay=False))
@click.option("--out", required=True, type=click.Path(dir_okay=False))
@click.option("--focus", help="draw only the neighbourhood of this body or person")
@click.option("--hops", default=2, show_default=True, type=click.IntRange(0))
@click.option("--physics-threshold", default=500, show_default=True, type=click.IntRange(0),
              help="above this many nodes, positions are computed in Python and physics is off")
@click.option("--layout", type=click.Choice(["spring", "kamada_kawai", "circular", "random"]), default="spring", show_default=True)
@click.option("--sources", multiple=True, type=click.Path(exists=True),
              help="the files or folders the export came from: the side panel shows each sentence's passage")
@library_errors
def viz(export, out, focus, hops, physics_threshold, layout, sources):
    """Write an offline interactive page of an export. It opens on --focus, or on
    the most connected body when the graph is large; double-click a node to bring
    in its neighbours."""
    from .kg import KnowledgeGraph
    from .viz import write_page
    kg = KnowledgeGraph.read_json(export)
    path = write_page(kg, out, focus=focus, hops=hops, physics_threshold=physics_threshold, layout=layout,
                      sources=sources)
    click.echo(f"page: {path}")


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--out", "out_dir", default="out", show_default=True, type=click.Path(file_okay=False))
@click.option("--batch-size", default=500, show_default=True, type=click.IntRange(1))
@click.option("-q", "--quiet", is_flag=True, help="no progress bar")
@scale_options
@library_errors
def build(paths, out_dir, batch_size, quiet, jobs, cache, no_cache, scheduler):
    """Extract, load, and write OUT/graph.json and OUT/graph.html."""
    from .build import build as run_build, summary
    from .progress import file_bar
    with file_bar(quiet) as bar:
        result = run_build(paths, out_dir, batch_size=batch_size, progress=bar,
                           **scale_args(jobs, cache, no_cache, scheduler, out_dir))
    click.echo(summary(result))


@main.command("eval")
@click.argument("export", type=click.Path(dir_okay=False))
@click.option("--gold", "gold_dir", required=True, type=click.Path(file_okay=False, exists=True))
@click.option("--json", "as_json", is_flag=True, help="print the figures as JSON")
@library_errors
def evaluate_cmd(export, gold_dir, as_json):
    """Precision, recall and F1 per type against gold annotations."""
    from .evaluate import evaluate, format_report
    report = evaluate(gold_dir, export)
    if as_json:
        click.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=1))
    else:
        click.echo(format_report(report))


@main.command("export")
@click.argument("export", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["graphml", "gexf", "neo4j-csv"]), required=True)
@click.option("--out", required=True, type=click.Path(), help="a file (graphml, gexf) or a folder (neo4j-csv)")
@library_errors
def export_cmd(export, fmt, out):
    """Write an export as GraphML, GEXF (Gephi) or neo4j-admin import CSVs."""
    from . import exports
    from .kg import KnowledgeGraph
    kg = KnowledgeGraph.read_json(export)
    written = exports.write(kg, fmt, out)
    click.echo(f"{fmt}: {written}")


@main.group()
def db():
    """Start, stop or inspect the embedded engine."""


@db.command()
@library_errors
def start():
    """Start the embedded engine and keep it running until `orgkg db stop`."""
    from .store import engine
    info = engine.start(keep=True)
    click.echo(f"running: pid {info.pid}, socket {info.socket}, data {info.data_dir}")


@db.command()
@library_errors
def stop():
    """Stop the embedded engine (its data stays in ORGKG_HOME)."""
    from .store import engine
    click.echo("stopped" if engine.stop() else "not running")


@db.command()
@library_errors
def status():
    """Say whether the embedded engine runs, and where its data is."""
    from .store import engine
    info = engine.status()
    state = f"running: pid {info.pid}, socket {info.socket}" if info.running else "not running"
    click.echo(f"{state}; data {info.data_dir}")


if __name__ == "__main__":
    sys.exit(main())
