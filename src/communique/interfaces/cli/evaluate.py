"""``communique eval …``: quality against the gold set and public benchmarks, and the gate.

Every command reads its data from ``../shared`` unless given a path; when the
data is absent it prints "skipped: … not found" and exits 0, since a fresh clone
has no shared data. ``eval all --check`` exits 1 when a figure falls below the
baseline; ``--update-baseline`` exits 1 when it would lower one.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer

from communique.evaluation import report
from communique.evaluation.corpus import SHARED
from communique.evaluation.gate import BaselineLoweredError, drops, load_baseline, update_baseline
from communique.evaluation.goldscore import evaluate_gold
from communique.evaluation.results import DataMissingError, SetResult
from communique.evaluation.runner import SETS, EvaluationSet, run_all
from communique.interfaces.cli.common import EXIT_FAILED, err, out, reported, settings_from
from communique.pipeline import Extractor

app = typer.Typer(
    help="Measure quality: the in-domain gold set, public benchmarks, the quality gate.",
    no_args_is_help=True,
)

JsonFlag = Annotated[bool, typer.Option("--json", help="Print the figures as one JSON object.")]
LimitOption = Annotated[
    int | None, typer.Option("--limit", help="Read only the first N documents.", show_default=False)
]
ModelOption = Annotated[str | None, typer.Option(help="spaCy pipeline to use.", show_default=False)]


def _extractor(model: str | None) -> Extractor:
    return Extractor(settings_from(model=model))


def _skip(error: DataMissingError) -> typer.Exit:
    out.print(f"skipped: {error.message}", markup=False)
    return typer.Exit(0)


def _print_result(
    result: SetResult, as_json: bool, issues: list[dict[str, str]] | None = None
) -> None:
    if as_json:
        data = {result.name: result.as_json()}
        if issues is not None:
            data[result.name]["issues"] = issues
        sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
    elif result.name == "gold":
        out.print(report.gold_table(result))
    else:
        out.print(report.set_table(result))


@app.command()
def gold(
    gold_dir: Annotated[
        Path, typer.Argument(help="Folder of <article>.gold.json files.", show_default=False)
    ],
    articles: Annotated[
        Path | None,
        typer.Option(
            help="Folder of the articles (default: beside the gold files).", show_default=False
        ),
    ] = None,
    errors: Annotated[
        bool, typer.Option("--errors", help="Also list every miss and false positive.")
    ] = False,
    as_json: JsonFlag = False,
    limit: LimitOption = None,
    model: ModelOption = None,
    readouts: Annotated[
        Path | None,
        typer.Option(
            help="Score saved readouts <article>.json from this folder instead of extracting.",
            show_default=False,
        ),
    ] = None,
    save: Annotated[
        Path | None,
        typer.Option(
            "--save-readouts",
            help="Also write each readout to this folder as <article>.json.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Score readouts of the gold articles against the gold files (rules: eval GUIDELINES).

    The articles are extracted in this process, in one batch. Prints precision,
    recall and F1 per part and the accuracy of matched items' fields; --errors
    lists every miss, false positive and wrong field with the text that shows why
    (in the JSON as "issues").
    """
    with reported():
        extractor = _extractor(model)
        try:
            result, score = evaluate_gold(
                gold_dir, extractor, articles=articles, readouts=readouts, limit=limit, save=save
            )
        except DataMissingError as e:
            raise _skip(e) from None
        if as_json:
            issues = [dataclasses.asdict(issue) for issue in score.issues] if errors else None
            _print_result(result, as_json, issues)
        else:
            _print_result(result, as_json)
            for line in report.issue_lines(score.issues) if errors else ():
                out.print(line, markup=False)
        for failure in score.failures:
            err.print(f"failed: {failure.source}: {failure.error}", markup=False)


def _benchmark_command(item: EvaluationSet) -> Callable[..., None]:
    data_help = f"The data (default: {item.default_path(SHARED)})."

    def command(
        # A plain default, not Annotated: the help text is built per benchmark.
        data: Path | None = typer.Option(None, help=data_help, show_default=False),  # noqa: B008
        as_json: JsonFlag = False,
        limit: LimitOption = None,
        model: ModelOption = None,
    ) -> None:
        with reported():
            try:
                result = item.evaluate(_extractor(model), data or item.default_path(SHARED), limit)
            except DataMissingError as e:
                raise _skip(e) from None
            _print_result(result, as_json)

    command.__doc__ = f"{item.title}: {item.metrics}.\n\nThe metrics and approximations are described in docs/quality.md."
    return command


for _item in SETS[1:]:
    app.command(name="ngec-actors" if _item.name == "ngec" else _item.name)(
        _benchmark_command(_item)
    )


@app.command(name="all")
def all_sets(
    json_file: Annotated[
        Path | None,
        typer.Option(
            "--json",
            help="Write every figure to this file as one JSON object (- for stdout).",
            show_default=False,
        ),
    ] = None,
    fast: Annotated[
        bool, typer.Option("--fast", help="Only the small subsets the CI gate uses.")
    ] = False,
    markdown: Annotated[
        bool, typer.Option("--markdown", help="Print the figures as Markdown tables.")
    ] = False,
    shared: Annotated[Path, typer.Option(help="Folder of the shared evaluation data.")] = SHARED,
    only: Annotated[
        list[str] | None,
        typer.Option(
            "--set",
            help=f"Only this set (repeatable): {', '.join(s.name for s in SETS)}.",
            show_default=False,
        ),
    ] = None,
    check: Annotated[
        Path | None,
        typer.Option(
            help="Fail (exit 1) when a figure drops below this baseline.", show_default=False
        ),
    ] = None,
    update: Annotated[
        Path | None,
        typer.Option(
            "--update-baseline", help="Write the figures as the new baseline.", show_default=False
        ),
    ] = None,
    allow_lower: Annotated[
        bool, typer.Option("--allow-lower", help="Let --update-baseline lower figures.")
    ] = False,
    model: ModelOption = None,
) -> None:
    """Run every evaluation set; sets whose data is absent are skipped.

    With --fast this is the quality gate's run: compare it with --check, raise
    the baseline with --update-baseline (the diff is printed for review).
    """
    with reported():
        unknown = set(only or ()) - {item.name for item in SETS}
        if unknown:
            raise typer.BadParameter(
                f"unknown set(s): {', '.join(sorted(unknown))}", param_hint="--set"
            )
        to_stdout = markdown or str(json_file) == "-"
        console = err if to_stdout else out

        def progress(result: SetResult) -> None:
            if result.skipped:
                console.print(f"{result.name}: {result.skipped}", markup=False)
            else:
                console.print(
                    report.gold_table(result) if result.name == "gold" else report.set_table(result)
                )

        run = run_all(_extractor(model), shared=shared, fast=fast, names=only, progress=progress)
        if json_file is not None:
            text = json.dumps(run.as_json(), indent=2, ensure_ascii=False) + "\n"
            if str(json_file) == "-":
                sys.stdout.write(text)
            else:
                json_file.write_text(text, encoding="utf-8")
        if markdown:
            sys.stdout.write(report.markdown(run) + "\n")
        if update is not None:
            _update(update, run.figures, allow_lower)
        if check is not None:
            _check(check, run.figures)


def _update(path: Path, figures: dict[str, dict[str, float | None]], allow_lower: bool) -> None:
    try:
        diff = update_baseline(path, figures, allow_lower=allow_lower)
    except BaselineLoweredError as e:
        for change in e.lowered:
            err.print(f"lower: {change.line()}", markup=False)
        raise typer.Exit(EXIT_FAILED) from None
    for change in diff:
        err.print(f"{'raised' if change.gain >= 0 else 'lowered'}: {change.line()}", markup=False)
    err.print(f"baseline written to {path} ({len(diff)} figure(s) changed)")


def _check(path: Path, figures: dict[str, dict[str, float | None]]) -> None:
    baseline = load_baseline(path)
    failed = drops(baseline, figures)
    for change in failed:
        err.print(f"drop: {change.line()}", markup=False)
    if failed:
        err.print(
            f"quality gate failed: {len(failed)} figure(s) below {path} (tolerance {baseline.tolerance})"
        )
        raise typer.Exit(EXIT_FAILED)
    err.print(f"quality gate passed against {path}")
