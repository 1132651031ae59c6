"""``omezarr``: validate OME-Zarr metadata and print the project's schemas."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console

from omezarr_cli.output import Outcome, print_json, print_text
from omezarr_cli.write_cmd import register as register_write_commands
from omezarr_models import UnusableInputError, load_schema, supported_versions, validate_path
from omezarr_models.dataset import validate_dataset
from omezarr_models.dataset.walk import Fields

app = typer.Typer(
    name="omezarr",
    help="Schema-first OME-Zarr (OME-NGFF) toolkit.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class OutputFormat(StrEnum):
    """Output formats of ``omezarr validate``."""

    text = "text"
    json = "json"


@app.command()
def validate(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="JSON attributes files, zarr.json/.zattrs files or zarr group folders ('-' for stdin).",
            show_default=False,
        ),
    ],
    version: Annotated[
        str | None,
        typer.Option("--version", help="Judge as this version instead of the declared one."),
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Treat SHOULD rules as errors.")] = False,
    output: Annotated[
        OutputFormat, typer.Option("--format", help="text or json.")
    ] = OutputFormat.text,
    exit_zero: Annotated[
        bool,
        typer.Option("--exit-zero", help="Exit 0 whatever the verdict (the output is unchanged)."),
    ] = False,
    fields: Annotated[
        str,
        typer.Option(
            "--fields", help="Fields checked per well of a plate: all, first or a number."
        ),
    ] = "all",
    check_data: Annotated[
        bool,
        typer.Option("--check-data", help="Also decode the first and last chunk of every array."),
    ] = False,
) -> None:
    """Validate OME-Zarr datasets and metadata documents.

    A folder, a .zip file or a URL (http, https, s3) is validated as a whole dataset; a JSON file
    (an attributes document, a zarr.json or a .zattrs) as one document.
    Exit status: 0 when all are valid, 1 when any is invalid, 2 when an input cannot be used.
    """
    known = supported_versions()
    if version is not None and version not in known:
        _fail(
            f"unknown --version {version!r}; choose one of {', '.join(known)}",
            exit_zero,
            output,
            paths,
        )
    wanted = _fields(fields)
    if wanted is None:
        _fail(
            f"--fields must be all, first or a positive number, not {fields!r}",
            exit_zero,
            output,
            paths,
        )
    outcomes = [_judge(path, version, strict, wanted, check_data) for path in paths]
    if output is OutputFormat.json:
        print_json(outcomes)
    else:
        print_text(outcomes, Console(highlight=False))
    status = max(o.exit_code for o in outcomes)
    raise typer.Exit(0 if exit_zero else status)


def _fields(text: str) -> Fields | None:
    """``all``, ``first`` or a positive number; None when ``text`` is none of these."""
    if text == "all":
        return "all"
    if text == "first":
        return "first"
    return int(text) if text.isdigit() and int(text) > 0 else None


def _is_dataset(path: str) -> bool:
    return "://" in path or path.lower().endswith(".zip") or Path(path).is_dir()


def _judge(
    path: str, version: str | None, strict: bool, fields: Fields, check_data: bool = False
) -> Outcome:
    """Validate one input: a whole dataset, or one document."""
    if _is_dataset(path):
        report = validate_dataset(
            path, version=version, strict=strict, fields=fields, check_data=check_data
        )
        if report.unusable is not None:
            return Outcome(path, unusable=report.unusable)
        return Outcome(path, report=report)
    try:
        return Outcome(path, report=validate_path(path, version=version, strict=strict))
    except UnusableInputError as exc:
        return Outcome(path, unusable=exc.reason)


def _fail(message: str, exit_zero: bool, output: OutputFormat, paths: list[str]) -> NoReturn:
    if output is OutputFormat.json:
        print_json([Outcome(p, unusable=message) for p in paths])
    else:
        Console(stderr=True, highlight=False).print(f"omezarr: {message}")
    raise typer.Exit(0 if exit_zero else 2)


@app.command()
def info(
    source: Annotated[
        str, typer.Argument(help="A dataset: folder, .zip or URL (http, https, s3).")
    ],
    strict: Annotated[bool, typer.Option("--strict", help="Treat SHOULD rules as errors.")] = False,
    fields: Annotated[
        str,
        typer.Option("--fields", help="Fields shown per well of a plate: all, first or a number."),
    ] = "all",
) -> None:
    """Show a dataset's hierarchy: each group's version and kind, each array's shape, dtype,
    chunks, shards and codecs, and the problems found. Exit status as for validate."""
    from omezarr_cli.info import render

    wanted = _fields(fields)
    if wanted is None:
        Console(stderr=True).print(
            f"omezarr: --fields must be all, first or a positive number, not {fields!r}"
        )
        raise typer.Exit(2)
    report = validate_dataset(source, strict=strict, fields=wanted)
    console = Console(highlight=False)
    if report.unusable is not None:
        console.print(f"{source}: [bold red]unusable[/]: {report.unusable}")
        raise typer.Exit(2)
    render(report, console)
    raise typer.Exit(0 if report.valid else 1)


@app.command()
def schema(
    version: Annotated[str, typer.Argument(help="Spec version, e.g. 0.4 or 0.5.")],
    kind: Annotated[
        str,
        typer.Argument(
            help="Document kind: attributes, image, label-image, labels, plate, well, ..."
        ),
    ] = "attributes",
    strict: Annotated[bool, typer.Option("--strict", help="Print the strict variant.")] = False,
) -> None:
    """Print one of the project's JSON Schemas."""
    if version not in supported_versions():
        Console(stderr=True).print(
            f"omezarr: unknown version {version!r}; choose one of {', '.join(supported_versions())}"
        )
        raise typer.Exit(2)
    try:
        doc = load_schema(version, kind, strict=strict)
    except KeyError as exc:
        Console(stderr=True).print(f"omezarr: {exc.args[0]}")
        raise typer.Exit(2) from None
    sys.stdout.write(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")


@app.command()
def docs(
    out: Annotated[str, typer.Argument(help="Folder to write the Markdown pages into.")],
) -> None:
    """Generate the spec reference (Markdown) from the project's schemas: a page per version and
    kind, a rule index and the changes between versions."""
    from omezarr_models.docs import generate_docs

    files = generate_docs(out)
    Console(highlight=False).print(f"wrote {len(files)} pages to {out}")


@app.command()
def convert(
    source: Annotated[str, typer.Argument(help="The dataset: folder, .zip or URL.")],
    dest: Annotated[
        str | None,
        typer.Argument(
            help="The new dataset (a folder or .zip); omit with --in-place.",
            show_default=False,
        ),
    ] = None,
    to: Annotated[str, typer.Option("--to", help="Target version: 0.1 ... 0.5, 0.6rc0.")] = "0.5",
    lossy: Annotated[
        bool, typer.Option("--lossy", help="Drop what the target cannot hold (each item listed).")
    ] = False,
    overwrite: Annotated[
        bool, typer.Option("--overwrite", help="Replace DEST if it exists and is not empty.")
    ] = False,
    in_place: Annotated[
        bool,
        typer.Option("--in-place", help="Rewrite SOURCE's metadata (same zarr format only)."),
    ] = False,
    chunks: Annotated[
        str | None,
        typer.Option("--chunks", help="New chunks: 'y=512,x=512' by axis name, or '1,1,512,512'."),
    ] = None,
    shards: Annotated[
        str | None,
        typer.Option("--shards", help="Shards (zarr v3 targets), written as --chunks."),
    ] = None,
    output: Annotated[
        OutputFormat, typer.Option("--format", help="text or json.")
    ] = OutputFormat.text,
) -> None:
    """Convert a whole dataset to another OME-Zarr version: metadata of every group (labels,
    plates, wells, collections, omero and unknown attributes kept) and arrays (zarr v2 <-> v3,
    chunk by chunk). Exit status: 0 converted and valid, 1 refused or invalid, 2 unusable input."""
    from omezarr_cli.convert_output import parse_chunks, print_conversion
    from omezarr_models.conversion import ConversionError, target_versions

    err = Console(stderr=True, highlight=False)
    if to not in target_versions():
        err.print(f"omezarr: unknown --to {to!r}; choose one of {', '.join(target_versions())}")
        raise typer.Exit(2)
    if (dest is None) != in_place:
        err.print("omezarr: give DEST, or --in-place without DEST")
        raise typer.Exit(2)
    try:
        chunk_spec = parse_chunks(chunks, "--chunks")
        shard_spec = parse_chunks(shards, "--shards")
    except ValueError as exc:
        err.print(f"omezarr: {exc}")
        raise typer.Exit(2) from None
    raise typer.Exit(
        print_conversion(
            source,
            dest,
            to=to,
            lossy=lossy,
            overwrite=overwrite,
            in_place=in_place,
            chunks=chunk_spec,
            shards=shard_spec,
            json_output=output is OutputFormat.json,
            error_type=ConversionError,
        )
    )


register_write_commands(app)


def run() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    run()
