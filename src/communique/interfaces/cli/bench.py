"""``communique bench``: throughput and memory on a corpus, against bare spaCy."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from communique.errors import InputError
from communique.evaluation.bench import DEFAULT_EXCLUDE, BenchReport, run_bench
from communique.evaluation.scale import CONFIGS as SCALE_CONFIGS
from communique.evaluation.scale import ScaleRun, run_scale
from communique.interfaces.cli.common import err, out, reported, settings_from
from communique.interfaces.cli.output import print_wide

DEFAULT_CORPUS = Path("examples")


def bench(
    corpus: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Files or folders to measure on (default: the bundled examples/). "
            "For a larger corpus pass e.g. ../shared/eval/articles/raw.",
            show_default=False,
        ),
    ] = None,
    multiply: Annotated[
        int,
        typer.Option("--multiply", "-n", min=1, help="Process the corpus this many times over."),
    ] = 1,
    processes: Annotated[
        int,
        typer.Option(
            "--processes", "-p", min=1, help="Also measure with this many worker processes."
        ),
    ] = 1,
    repeat: Annotated[
        int,
        typer.Option(
            "--repeat", "-r", min=1, help="Time each stage this many times; keep the fastest."
        ),
    ] = 1,
    exclude: Annotated[
        list[str] | None,
        typer.Option(
            "--exclude",
            "-x",
            help="Skip files matching this glob (default: *.md).",
            show_default=False,
        ),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the measurements as JSON.")
    ] = False,
    model: Annotated[
        str | None, typer.Option(help="spaCy pipeline to use.", show_default=False)
    ] = None,
    scale: Annotated[
        bool,
        typer.Option(
            "--scale",
            help="The scale run instead: a synthetic corpus (or a CORPUS folder) ingested into a "
            "fresh store with 1 process, 2 processes and a 2-worker Dask cluster; articles/s, "
            "memory of the whole process tree over the run, store size, and time per article "
            "in the first and last 10%.",
        ),
    ] = False,
    articles: Annotated[
        int,
        typer.Option(
            "--articles",
            min=1,
            help="With --scale: how many articles to generate (not used with a CORPUS folder).",
        ),
    ] = 100_000,
    configs: Annotated[
        str,
        typer.Option(
            "--configs",
            help="With --scale: which runs, comma-separated, from "
            f"{', '.join(SCALE_CONFIGS)} (default: all three).",
        ),
    ] = ",".join(SCALE_CONFIGS),
    save: Annotated[
        Path | None,
        typer.Option(
            "--save",
            help="With --scale: also append each run's figures to this file (JSON lines).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Measure articles/s and words/s of extract and ingest, and of bare spaCy on the same texts.

    Extract runs in this process (model loaded once); ingest writes to temporary
    SQLite stores; bare spaCy is the same model without communique's components.
    With --processes N, each is measured with 1 and with N processes. Peak memory
    is the resident-set high-water mark of this process and of its workers.
    """
    if scale:
        with reported():
            ignored = [
                name
                for name, value in (("--multiply", multiply), ("--processes", processes),
                                    ("--repeat", repeat))
                if value != 1
            ] + (["--exclude"] if exclude else [])  # fmt: skip
            if ignored:
                raise InputError(
                    "not used by --scale (its runs are fixed: see --configs)",
                    source=", ".join(ignored),
                )
            _scale(corpus, articles, configs, save, as_json, model)
        return
    with reported():
        paths = corpus or [DEFAULT_CORPUS]
        missing = [str(path) for path in paths if not path.exists()]
        if missing:
            raise InputError(
                "no such file or folder (run from the repository, or pass a corpus)",
                source=", ".join(missing),
            )
        settings = settings_from(model=model)

        def progress(message: str) -> None:
            err.print(f"measuring {message} …", markup=False)

        report = run_bench(
            paths,
            settings,
            multiply=multiply,
            processes=processes,
            repeat=repeat,
            exclude=exclude if exclude is not None else DEFAULT_EXCLUDE,
            progress=progress,
        )
        if as_json:
            sys.stdout.write(json.dumps(report.as_json(), indent=2) + "\n")
        else:
            _print(report)


def _print(report: BenchReport) -> None:
    facts = report.machine
    out.print(
        f"{report.corpus}: {report.articles} articles, {report.words:,} words "
        f"(×{report.multiply}, best of {report.repeat}); model {report.model}; {facts['cpus']} CPUs, "
        f"Python {facts['python']}, {facts['platform']}",
        markup=False,
    )
    table = Table("stage", "procs", "wall s", "articles/s", "words/s", "CPU s", "words/CPU s")
    for run in report.runs:
        table.add_row(
            run.stage,
            str(run.processes),
            f"{run.seconds:.2f}",
            f"{run.articles_per_s:.2f}",
            f"{run.words_per_s:,.0f}",
            f"{run.cpu_seconds:.2f}",
            f"{run.words_per_cpu_s:,.0f}",
        )
    out.print(table)
    for n in sorted({run.processes for run in report.runs}):
        wall, cpu = report.ratio(n), report.ratio(n, cpu=True)
        if wall is not None and cpu is not None:
            out.print(f"extract ÷ bare spaCy, {n} process(es): {wall:.2f} (wall), {cpu:.2f} (CPU)")
    loads = ", ".join(f"{name} {seconds:.1f} s" for name, seconds in report.load_seconds.items())
    rss = ", ".join(f"{name} {mb:,.0f} MB" for name, mb in report.peak_rss_mb.items())
    out.print(f"model load: {loads}", markup=False)
    out.print(f"peak RSS: {rss}", markup=False)


def _scale(
    corpus: list[Path] | None,
    articles: int,
    configs: str,
    save: Path | None,
    as_json: bool,
    model: str | None,
) -> None:
    if corpus and len(corpus) > 1:
        raise InputError("--scale takes one corpus folder", source=", ".join(map(str, corpus)))
    if corpus and not corpus[0].is_dir():
        raise InputError(
            "--scale needs a folder of articles made by scripts/scale_corpus.py",
            source=str(corpus[0]),
        )
    chosen = tuple(c.strip() for c in configs.split(",") if c.strip())
    unknown = [c for c in chosen if c not in SCALE_CONFIGS]
    if unknown or not chosen:
        raise InputError(
            f"unknown run {', '.join(unknown) or '(none given)'}; "
            f"choose from {', '.join(SCALE_CONFIGS)}",
            source="--configs",
        )
    settings = settings_from(model=model)

    def done(run: ScaleRun) -> None:
        if save is not None:
            save.parent.mkdir(parents=True, exist_ok=True)
            with save.open("a", encoding="utf-8") as handle:
                handle.write(json.dumps(run.as_json()) + "\n")
        err.print(f"done: {json.dumps(run.as_json())}", markup=False)

    runs = run_scale(
        settings,
        articles=articles,
        corpus=corpus[0] if corpus else None,
        configs=chosen,
        progress=lambda message: err.print(f"{message} …", markup=False),
        done=done,
    )
    if as_json:
        sys.stdout.write(json.dumps([run.as_json() for run in runs], indent=2) + "\n")
        return
    table = Table(
        "run", "articles", "failed", "wall s", "articles/s", "steady articles/s",
        "ms/article first 10%", "last 10%", "CPU ms/article first 10%", "last 10%",
        "write CPU ms first 10%", "last 10%", "peak tree RSS MB", "peak tree PSS MB",
        "RSS MB at 10%", "at 50%", "at 90%", "store MB", "load avg",
    )  # fmt: skip
    for run in runs:
        cpu, writes = run.cpu_ms_per_article or (0.0,), run.write_cpu_ms or (0.0,)
        table.add_row(
            run.config, f"{run.articles:,}", str(run.failed), f"{run.seconds:.0f}",
            f"{run.articles_per_s:.2f}", f"{run.steady_articles_per_s:.2f}",
            f"{run.start_ms:.0f}", f"{run.end_ms:.0f}", f"{cpu[0]:.0f}", f"{cpu[-1]:.0f}",
            f"{writes[0]:.1f}", f"{writes[-1]:.1f}",
            f"{run.peak.tree_rss:,.0f}", f"{run.peak.tree_pss:,.0f}", f"{run.at(10):,.0f}",
            f"{run.at(50):,.0f}", f"{run.at(90):,.0f}", f"{run.store_mb:,.1f}",
            f"{run.load_avg:.1f}",
        )  # fmt: skip
    print_wide(table)
