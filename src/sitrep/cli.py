"""The ``sitrep`` command line: argument parsing and output only; the work is in the library."""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path
from typing import IO, Any

import click

from . import __version__
from .config import default_db_url
from .errors import InputError, SitrepError
from .records import Article, Event, Rejected


def _published(value: str | None) -> str | None:
    if value is None:
        return None
    from .events.dates import parse_iso

    if parse_iso(value) is None or len(value) != 10:
        raise InputError(f"--published {value!r} is not a date; use YYYY-MM-DD, e.g. --published 2015-06-15")
    return value


def _options(published: str | None, encoding: str | None, jsonl_input: bool = False, max_bytes: int | None = None):  # type: ignore[no-untyped-def]
    from .ingest import DEFAULT_MAX_BYTES, IngestOptions

    return IngestOptions(published=_published(published), encoding=encoding, jsonl_input=jsonl_input,
                         max_bytes=max_bytes or DEFAULT_MAX_BYTES)


class _Tally:
    """Counts and a one-line progress display on stderr (only when stderr is a terminal)."""

    def __init__(self, label: str, show: bool | None = None) -> None:
        self.label = label
        self.counts: Counter[str] = Counter()
        self.reasons: Counter[str] = Counter()
        self.show = sys.stderr.isatty() if show is None else show
        self.start = time.monotonic()
        self._last = 0.0

    def add(self, key: str, reason: str | None = None, n: int = 1) -> None:
        self.counts[key] += n
        if reason:
            self.reasons[reason] += n
        now = time.monotonic()
        if self.show and now - self._last > 0.2:
            self._last = now
            sys.stderr.write(f"\r{self.label}: {self.line()}")
            sys.stderr.flush()

    def line(self) -> str:
        docs = sum(v for k, v in self.counts.items() if k != "events")
        rate = docs / max(time.monotonic() - self.start, 1e-6)
        order = ["ok", "duplicate", "skipped", "failed", "events"]
        parts = ", ".join(f"{k} {self.counts[k]}" for k in order if k in self.counts or k != "duplicate")
        return f"{docs} documents ({parts}) {rate:.1f} docs/s"

    def finish(self) -> None:
        if self.show:
            sys.stderr.write("\r" + " " * 100 + "\r")
        click.echo(f"{self.label}: {self.line()}", err=True)
        for reason, n in self.reasons.most_common():
            click.echo(f"  {n} {reason}", err=True)


def _warn_rejected(rej: Rejected) -> None:
    click.echo(f"sitrep: skipped {rej.message()}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="sitrep")
def cli() -> None:
    """sitrep: news about armed conflict -> an auditable event dataset (ACLED + PLOVER)."""


# -- parse ------------------------------------------------------------------------------------
@cli.command()
@click.argument("path")
@click.option("--published", help="Publication date YYYY-MM-DD when the document states none.")
@click.option("--encoding", help="Text encoding of the input (default: strict UTF-8).")
def parse(path: str, published: str | None, encoding: str | None) -> None:
    """Print the ingested Article of PATH as JSON (body, comments and boilerplate apart)."""
    from .ingest import read_path

    found = False
    for item in read_path(path, _options(published, encoding)):
        if isinstance(item, Rejected):
            _warn_rejected(item)
            continue
        found = True
        click.echo(json.dumps(item.to_contract(), ensure_ascii=False, indent=2))
    if not found:
        raise InputError(f"{path}: no document could be parsed (see the reasons above)")


# -- extract ----------------------------------------------------------------------------------
def _check_paths(paths: list[str]) -> None:
    """Fail on a missing path before loading any model."""
    for p in paths:
        if p != "-" and not Path(p).exists():
            raise InputError(f"{p}: no such file or directory")


def _code(paths: list[str], opts: Any, pipeline: Any) -> Iterator[Any]:
    from .ingest import read_sources

    _check_paths(paths)
    tally = {"ok": 0}

    def articles() -> Iterator[Article]:
        for item in read_sources(paths, opts):
            if isinstance(item, Rejected):
                _warn_rejected(item)
            else:
                tally["ok"] += 1
                yield item

    yield from pipeline.run(articles())
    if tally["ok"] == 0:
        raise InputError("no document could be read (see the reasons above)")


def _input_options(f: Any) -> Any:
    """The input options shared by extract and geoparse."""
    options = [
        click.argument("paths", nargs=-1, required=True),
        click.option("--jsonl-input", is_flag=True, help='Each input line is {"id", "text"|"html", "published"?, "url"?}.'),
        click.option("--published", help="Reference date YYYY-MM-DD for relative dates in a single document."),
        click.option("--encoding", help="Text encoding of the input (default: strict UTF-8)."),
        click.option("--actors", type=click.Path(dir_okay=False), help="Extra actors (JSON, same shape as the shipped file)."),
        click.option("--places", type=click.Path(dir_okay=False), help="Extra places (TSV, same columns as the supplement)."),
    ]
    for option in reversed(options):
        f = option(f)
    return f


def _pipeline(actors: str | None, places: str | None, prefilter: bool = True) -> Any:
    from .pipeline import Pipeline

    return Pipeline(actors_file=actors, places_file=places, prefilter=prefilter)


@cli.command()
@_input_options
def extract(paths: tuple[str, ...], jsonl_input: bool, published: str | None, encoding: str | None,
            actors: str | None, places: str | None) -> None:
    """Print the events of PATHS (files, directories or '-') as JSON Lines."""
    opts = _options(published, encoding, jsonl_input)
    for coded in _code(list(paths), opts, _pipeline(actors, places)):
        if coded.skipped:
            click.echo(f"sitrep: not coded {coded.article.source}: {coded.skipped}", err=True)
        for ev in coded.events:
            sys.stdout.write(json.dumps(ev.to_contract(), ensure_ascii=False) + "\n")
        sys.stdout.flush()


# -- geoparse ---------------------------------------------------------------------------------
@cli.command()
@_input_options
def geoparse(paths: tuple[str, ...], jsonl_input: bool, published: str | None, encoding: str | None,
             actors: str | None, places: str | None) -> None:
    """Print, per document, the places it names, resolved against the gazetteer (JSON Lines)."""
    opts = _options(published, encoding, jsonl_input)
    pipeline = _pipeline(actors, places, prefilter=False)  # every paragraph: places need no trigger word
    geo = pipeline.geocoder
    for coded in _code(list(paths), opts, pipeline):
        tops = geo.toponyms(coded.article)
        click.echo(json.dumps({"doc_id": coded.article.id, "toponyms": [t.to_contract(geo.gaz) for t in tops]},
                              ensure_ascii=False))


# -- ingest -----------------------------------------------------------------------------------
def _store(db: str | None):  # type: ignore[no-untyped-def]
    from .store import Store

    return Store(db or default_db_url())


def ingest_paths(paths: list[str], db: str | None, opts: Any, actors: str | None = None,
                 places: str | None = None, progress: bool | None = None, jobs: int = 1) -> tuple[Counter[str], Any]:
    """Read, code and store documents; returns the counts and the store (used by ingest and demo)."""
    from .runner import ingest_documents

    if jobs < 1:
        raise InputError(f"--jobs {jobs}: give 1 or more worker processes")
    _check_paths(paths)
    store = _store(db)
    tally = _Tally("ingest", progress)
    pipeline_args = {"actors_file": actors, "places_file": places}
    for outcome in ingest_documents(paths, store, opts, jobs=jobs, pipeline_args=pipeline_args):
        tally.add(outcome.status, f"{outcome.status}: {outcome.reason}" if outcome.reason else None)
        tally.counts["events"] += outcome.events
    tally.finish()
    return tally.counts, store


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", help="Database: a SQLite file path or a SQLAlchemy URL (default: $SITREP_DB or the data dir).")
@click.option("--jsonl-input", is_flag=True, help="Inputs are JSONL records, as for extract.")
@click.option("--published", help="Publication date YYYY-MM-DD for documents that state none.")
@click.option("--encoding", help="Text encoding of the input.")
@click.option("--max-bytes", type=int, help="Skip documents larger than this (default 64 MiB).")
@click.option("--max-html-bytes", type=int, help="Skip HTML pages larger than this (default 16 MiB).")
@click.option("--jobs", "-j", type=int, default=1, show_default=True, help="Worker processes for parsing and coding.")
@click.option("--actors", type=click.Path(dir_okay=False), help="Extra actors (JSON).")
@click.option("--places", type=click.Path(dir_okay=False), help="Extra places (TSV).")
def ingest(paths: tuple[str, ...], db: str | None, jsonl_input: bool, published: str | None, encoding: str | None,
           max_bytes: int | None, max_html_bytes: int | None, jobs: int, actors: str | None,
           places: str | None) -> None:
    """Read, code and store documents (text, HTML, WARC, RSS/Atom, JSONL) and their events."""
    opts = _options(published, encoding, jsonl_input, max_bytes)
    if max_html_bytes:
        opts.max_html_bytes = max_html_bytes
    counts, store = ingest_paths(list(paths), db, opts, actors, places, jobs=jobs)
    total = store.counts()
    click.echo(f"database {store.url}: {total['articles']} articles, {total['events']} events, "
               f"{total['rejects']} rejected documents", err=True)
    if counts["failed"] + counts["skipped"] + counts["duplicate"]:
        click.echo(f"  every document not coded is listed, with its reason, by: sitrep rejects --db {store.url}", err=True)
    if counts["ok"] + counts["duplicate"] + counts["skipped"] == 0:
        raise InputError("no document could be ingested (see the reasons above)")


# -- batch / load -----------------------------------------------------------------------------
@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", "out", required=True, help="Output folder (path, or a URL such as s3://bucket/run for --engine ray).")
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True,
              help="local: a process pool on this machine; ray: Ray Data (pip install \"sitrep[ray]\").")
@click.option("--jobs", "-j", type=int, help="Worker processes (local; default: the CPU count) or Ray actors "
              "(default and at most: the CPU count - 1).")
@click.option("--shard-size", type=int, default=500, show_default=True, help="Documents per output shard.")
@click.option("--jsonl-input", is_flag=True, help="Inputs are JSONL records, as for extract.")
@click.option("--published", help="Publication date YYYY-MM-DD for documents that state none.")
@click.option("--encoding", help="Text encoding of the input.")
@click.option("--max-bytes", type=int, help="Skip documents larger than this (default 64 MiB).")
@click.option("--actors", type=click.Path(dir_okay=False), help="Extra actors (JSON).")
@click.option("--places", type=click.Path(dir_okay=False), help="Extra places (TSV).")
def batch(inputs: tuple[str, ...], out: str, engine: str, jobs: int | None, shard_size: int, jsonl_input: bool,
          published: str | None, encoding: str | None, max_bytes: int | None, actors: str | None,
          places: str | None) -> None:
    """Code files, folders, WARC/JSONL shards or @list files into Parquet shards in --out (resumable)."""
    from .runners import BatchTotals, run_batch

    tally = _Tally("batch")
    totals = BatchTotals()
    reports = run_batch(inputs, out, engine, jobs, shard_size, _options(published, encoding, jsonl_input, max_bytes),
                        {"actors_file": actors, "places_file": places})
    for report in reports:
        totals.add(report)
        tally.add("ok", n=report.coded)
        for key, reasons in (("skipped", report.skipped), ("failed", report.failed)):
            for reason, n in reasons.items():
                tally.add(key, f"{key}: {reason}", n)
        tally.counts["events"] += report.events
    if tally.show:
        sys.stderr.write("\r" + " " * 100 + "\r")
    for line in totals.lines(time.monotonic() - tally.start):
        click.echo(f"batch: {line}" if not line.startswith(" ") else line, err=True)
    click.echo(f"output {out}: load it into the database with: sitrep load {out}", err=True)


@cli.command()
@click.argument("directory")
@click.option("--db", help="Database: a SQLite file path or a SQLAlchemy URL (default: $SITREP_DB or the data dir).")
def load(directory: str, db: str | None) -> None:
    """Load the complete shards of a sitrep batch output folder into the database (idempotent)."""
    from .runners import load_results

    store = _store(db)
    tally = _Tally("load")
    for outcome in load_results(directory, store):
        tally.add(outcome.status, f"{outcome.status}: {outcome.reason}" if outcome.reason else None)
        tally.counts["events"] += outcome.events
    tally.finish()
    total = store.counts()
    click.echo(f"database {store.url}: {total['articles']} articles, {total['events']} events, "
               f"{total['rejects']} rejected documents", err=True)


# -- events / export / rejects ------------------------------------------------------------------
def _filters(f: Any) -> Any:
    f = click.option("--since", help="Events on or after YYYY-MM-DD.")(f)
    f = click.option("--until", help="Events on or before YYYY-MM-DD.")(f)
    f = click.option("--country", help="Country name, e.g. Libya.")(f)
    f = click.option("--actor", help="Part of an actor name (actor1, actor2 or associated).")(f)
    f = click.option("--type", "event_type", help="ACLED event type or sub-event type.")(f)
    f = click.option("--certainty", type=click.Choice(["stated", "reported", "claimed", "unconfirmed"]))(f)
    f = click.option("--db", help="Database file or URL (default: $SITREP_DB or the data dir).")(f)
    return f


def _query(db: str | None, limit: int | None = None, **filters: Any) -> tuple[Any, Iterable[Event]]:
    for key in ("since", "until"):
        if filters.get(key):
            _published(filters[key])
    store = _store(db)
    return store, store.events(limit=limit, **filters)


TABLE_COLUMNS = [("event_date", 10), ("sub_event_type", 28), ("actor1", 30), ("actor2", 26), ("location", 22),
                 ("fatalities", 4), ("certainty", 11)]


def _table(events: Iterable[Event], out: IO[str]) -> int:
    header = "  ".join(name[:w].ljust(w) for name, w in TABLE_COLUMNS)
    out.write(header + "\n" + "-" * len(header) + "\n")
    n = 0
    for n, ev in enumerate(events, start=1):
        d = ev.to_contract()
        if d["sub_event_type"] is None and d["plover_event"]:
            d["sub_event_type"] = f"(PLOVER {d['plover_event']})"  # not an ACLED event
        cells = []
        for name, w in TABLE_COLUMNS:
            v = "" if d[name] is None else str(d[name])
            cells.append((v[: w - 1] + "\u2026" if len(v) > w else v).ljust(w))
        out.write("  ".join(cells).rstrip() + "\n")
    return n


@cli.command("events")
@_filters
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True)
@click.option("--limit", type=int, help="At most this many events.")
def events_cmd(db: str | None, fmt: str, limit: int | None, **filters: Any) -> None:
    """List stored events, filtered, as a table, JSON Lines or ACLED CSV."""
    from .export import export

    store, evs = _query(db, limit, **filters)
    out = sys.stdout
    if fmt == "table":
        n = _table(evs, out)
        click.echo(f"{n} events", err=True)
    else:
        export(evs, "jsonl" if fmt == "jsonl" else "acled-csv", out)


@cli.command("export")
@_filters
@click.option("--format", "fmt", required=True, help="training-jsonl: reviewed events as rows for sitrep train.",
              type=click.Choice(["acled-csv", "plover-jsonl", "geojson", "parquet", "training-jsonl"]))
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Output file (default: stdout; parquet needs a file).")
def export_cmd(db: str | None, fmt: str, output: str | None, **filters: Any) -> None:
    """Export stored events as ACLED-compatible CSV, PLOVER JSONL, GeoJSON or Parquet, or analysts'
    reviews as training data (training-jsonl)."""
    from contextlib import nullcontext

    from .export import export

    if fmt == "training-jsonl":
        with open(output, "w", encoding="utf-8") if output else nullcontext(sys.stdout) as out:
            n = 0
            for n, row in enumerate(_store(db).training_corrections(), start=1):
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
        click.echo(f"exported {n} reviewed events as training rows" + (f" to {output}" if output else ""), err=True)
        return
    store, evs = _query(db, **filters)
    n = export(evs, fmt, output if output else sys.stdout)
    click.echo(f"exported {n} events" + (f" to {output}" if output else ""), err=True)


@cli.command("rejects")
@click.option("--db", help="Database file or URL.")
def rejects_cmd(db: str | None) -> None:
    """List documents that were read but not stored, or stored but not coded, with the reason."""
    store = _store(db)
    rows = store.rejects()
    for r in rows:
        click.echo(f"{r.reason}\t{r.source}\t{r.detail}")
    kept = store.not_coded()
    for r in kept:
        click.echo(f"{r.reason}\t{r.source}\t{r.detail}")
    click.echo(f"{len(rows)} rejected documents; {len(kept)} stored but not coded", err=True)


# -- serve ------------------------------------------------------------------------------------
def _read_token(token_file: str | None) -> str | None:
    import os

    if token_file:
        try:
            token = Path(token_file).read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise InputError(f"--token-file {token_file}: {exc.strerror}") from exc
        if not token:
            raise InputError(f"--token-file {token_file} is empty")
        return token
    return os.environ.get("SITREP_TOKEN", "").strip() or None


@cli.command()
@click.option("--db", help="Database file or URL (default: $SITREP_DB or the data dir).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port to listen on.")
@click.option("--token-file", type=click.Path(dir_okay=False), help="File holding the token for write routes "
              "(default: $SITREP_TOKEN; without a token the server is read-only).")
def serve(db: str | None, host: str, port: int, token_file: str | None) -> None:
    """Serve the HTTP API (OpenAPI at /openapi.json) and the dashboard at http://HOST:PORT/."""
    from .serve import serve as run_server

    token = _read_token(token_file)
    store = _store(db)
    click.echo(f"sitrep serve: database {store.url}; dashboard at http://{host}:{port}/", err=True)
    if token is None:
        click.echo("sitrep serve: no token configured (--token-file or $SITREP_TOKEN): read-only, "
                   "the write routes (submit, review, merge, split, audit) are not served", err=True)
    run_server(store, token, host=host, port=port)


# -- eval -------------------------------------------------------------------------------------
@cli.group("eval")
def eval_group() -> None:
    """Score the extractor against gold data you hold (nothing is shipped)."""


@eval_group.command("acled")
@click.argument("csv_path", type=click.Path(dir_okay=False))
@click.option("--limit", type=int, help="Only the first N rows.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--model", "model_file", help="Event classifier (sitrep train; 'default': the shipped one). Default: $SITREP_MODEL.")
def eval_acled(csv_path: str, limit: int | None, as_json: bool, model_file: str | None) -> None:
    """Code each note of an ACLED-format CSV and score the top event against its row."""
    from .evaluate import evaluate_acled, read_acled_rows
    from .pipeline import Pipeline

    _print_scores(evaluate_acled(read_acled_rows(csv_path, limit), Pipeline(model_file=model_file)), "notes", as_json)


def _print_scores(scores: Any, unit: str, as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps({"rows": scores.rows, **scores.rates}))
        return
    click.echo(f"{scores.rows} {unit}")
    for line in scores.lines():
        click.echo(line)


@eval_group.command("plover")
@click.argument("json_path", type=click.Path(dir_okay=False))
@click.option("--limit", type=int, help="Only the first N records.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--model", "model_file", help="Event classifier, as for eval acled.")
def eval_plover(json_path: str, limit: int | None, as_json: bool, model_file: str | None) -> None:
    """Score event type and source/target actors against PLOVER gold records (a JSON list)."""
    from .evaluate import evaluate_plover, read_plover_records
    from .pipeline import Pipeline

    records = read_plover_records(json_path)
    _print_scores(evaluate_plover(records[:limit] if limit else records, Pipeline(model_file=model_file)),
                  "records", as_json)


@eval_group.command("cameo")
@click.argument("conll_path", type=click.Path(dir_okay=False))
@click.option("--limit", type=int, help="Only the first N sentences.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--model", "model_file", help="Event classifier, as for eval acled.")
def eval_cameo(conll_path: str, limit: int | None, as_json: bool, model_file: str | None) -> None:
    """Span F1 of actor1/actor2 against CAMEO Source/Target actor spans (CoNLL BIO)."""
    from .evaluate import evaluate_cameo_spans, read_conll_spans
    from .pipeline import Pipeline

    _print_scores(evaluate_cameo_spans(read_conll_spans(conll_path, limit), Pipeline(model_file=model_file)),
                  "sentences", as_json)


# -- train ------------------------------------------------------------------------------------
@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--out", "-o", required=True, type=click.Path(dir_okay=False), help="Model file to write (.npz or .json).")
@click.option("--folds", type=int, default=5, show_default=True, help="Cross-validation folds (0: no cross-validation).")
@click.option("--epochs", type=int, default=8, show_default=True, help="Passes over the training data.")
@click.option("--scope", type=click.Choice(["any", "same-type"]), default="any", show_default=True,
              help="In use, may the model change the rules' event type (any) or only the sub-type within it?")
@click.option("--min-probability", type=float, default=0.6, show_default=True,
              help="In use, the model re-types an event only at this probability or above.")
def train(paths: tuple[str, ...], out: str, folds: int, epochs: int, scope: str, min_probability: float) -> None:
    """Fit the event (sub-)type classifier from labelled files: ACLED-format CSV, PLOVER JSON or JSONL."""
    from .events.classifier import EventClassifier, cross_validate, train_file

    examples = train_file(paths)
    labels = {e.label for e in examples}
    click.echo(f"{len(examples)} examples, {len(labels)} labels", err=True)
    if folds > 1:
        for key, value in cross_validate(examples, folds, epochs=epochs).items():
            by = " (whole groups held out)" if all(e.group for e in examples) else ""
            click.echo(f"cv_{key:22s} {value:.3f}" if key != "examples" else f"cv_folds                  {folds}{by}")
    model = EventClassifier.fit(examples, epochs=epochs)
    model.meta.update(scope=scope, min_probability=min_probability)
    path = model.save(out)
    click.echo(f"wrote {path}", err=True)


# -- demo -------------------------------------------------------------------------------------
@cli.command()
@click.option("--db", help="Database for the demo (default: demo.sqlite in the data dir).")
def demo(db: str | None) -> None:
    """Ingest the bundled example articles (written for sitrep, illustrative) and print their events."""
    from .config import data_dir

    examples = Path(str(resources.files("sitrep").joinpath("examples")))
    db = db or str(data_dir() / "demo.sqlite")
    click.echo(f"sitrep demo: ingesting the illustrative articles in {examples}", err=True)
    _, store = ingest_paths([str(examples)], db, _options(None, None))
    _table(store.events(), sys.stdout)
    click.echo(f"\nBrowse them with: sitrep events --db {db} --format jsonl", err=True)


def main(argv: list[str] | None = None) -> None:
    """Entry point: translate sitrep's errors into one line and an exit code."""
    try:
        cli.main(args=argv, prog_name="sitrep", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("sitrep: aborted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except SitrepError as exc:
        click.echo(f"sitrep: error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except BrokenPipeError:
        sys.exit(0)
    except KeyboardInterrupt:
        click.echo("sitrep: interrupted", err=True)
        sys.exit(130)


if __name__ == "__main__":
    main()
