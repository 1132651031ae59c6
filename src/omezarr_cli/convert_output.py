"""``omezarr convert``: running a dataset conversion and printing what it did."""

from __future__ import annotations

import json
import sys
import warnings
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markup import escape

__all__ = ["parse_chunks", "print_conversion"]


def parse_chunks(text: str | None, option: str) -> dict[str, int] | tuple[int, ...] | None:
    """``"y=512,x=512"`` (by axis name) or ``"1,1,512,512"`` (by position).

    Raises
    ------
    ValueError
        Naming ``option`` and what is wrong.
    """
    if text is None:
        return None
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if not parts:
        raise ValueError(f"{option} is empty")
    try:
        if all("=" in p for p in parts):
            named = {k.strip(): int(v) for k, v in (p.split("=", 1) for p in parts)}
            if any(v <= 0 for v in named.values()):
                raise ValueError
            return named
        sizes = tuple(int(p) for p in parts)
        if any(v <= 0 for v in sizes):
            raise ValueError
        return sizes
    except ValueError:
        raise ValueError(
            f"{option} {text!r}: give positive sizes, by axis name (y=512,x=512) or by "
            "position (1,1,512,512)"
        ) from None


def print_conversion(
    source: str,
    dest: str | None,
    *,
    to: str,
    lossy: bool,
    overwrite: bool,
    in_place: bool,
    chunks: dict[str, int] | tuple[int, ...] | None,
    shards: dict[str, int] | tuple[int, ...] | None,
    json_output: bool,
    error_type: type[Exception],
) -> int:
    """Run the conversion, print its report; return the exit status (0, 1 or 2)."""
    from omezarr_write.convert import convert_dataset

    console = Console(highlight=False, soft_wrap=True)
    if "://" not in source and not Path(source).exists():
        _refused(console, json_output, source, "no such file or folder", unusable=True)
        return 2
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            result = convert_dataset(
                source,
                source if in_place else dest,
                to=to,
                overwrite=overwrite,
                in_place=in_place,
                chunks=chunks,
                shards=shards,
                lossy=lossy,
            )
        except error_type as exc:
            unusable = "unusable" in str(exc).split("\n", 1)[0]
            _refused(console, json_output, source, str(exc), unusable=unusable)
            return 2 if unusable else 1
    if json_output:
        sys.stdout.write(json.dumps(result.to_dict(), indent=2) + "\n")
        return 0 if result.valid else 1
    for path, report in result.documents.items():
        if not report.changes:
            continue
        console.print(f"[bold]{escape(path)}[/] ({report.source_version} -> {to})")
        for change in report.changes:
            style = "yellow" if change.lossy else "dim"
            flag = " [yellow]\\[lossy][/]" if change.lossy else ""
            console.print(
                f"  [{style}]{escape(change.pointer or '/')}[/]  {change.action}  "
                f"{escape(change.message)}{flag}"
            )
    for array in result.array_changes:
        if array.notes:
            console.print(f"[bold]{escape(array.path)}[/]: " + escape("; ".join(array.notes)))
    for note in result.notes:
        console.print(f"[yellow]note[/]: {escape(note)}")
    if caught and not json_output:
        console.print(f"[yellow]{len(caught)} item(s) dropped (--lossy)[/]")
    verdict = "[green]valid[/]" if result.valid else "[bold red]invalid[/]"
    mib = result.bytes / 2**20
    console.print(
        f"{escape(result.dest)}: {verdict} OME-Zarr {to} — {result.groups} groups, "
        f"{result.arrays} arrays, {result.chunks} blocks, {mib:.1f} MiB in {result.seconds:.2f} s"
    )
    return 0 if result.valid else 1


def _refused(
    console: Console, json_output: bool, source: str, message: str, *, unusable: bool
) -> None:
    if json_output:
        out: dict[str, Any] = {
            "source": source,
            "valid": False,
            "unusable": unusable,
            "message": message,
        }
        sys.stdout.write(json.dumps(out, indent=2) + "\n")
        return
    word = "unusable" if unusable else "refused"
    Console(stderr=True, highlight=False, soft_wrap=True).print(
        f"{escape(source)}: [bold red]{word}[/]: {escape(message)}"
    )
