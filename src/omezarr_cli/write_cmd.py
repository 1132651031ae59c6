"""``omezarr write`` and ``omezarr pyramid``: the writer from the command line.

Inputs are ``.npy`` files (memory-mapped, so larger-than-memory arrays stream) and TIFF files
(tifffile, the ``tiff`` extra; read through its zarr view, page by page). Axes named with the
conventional letters are put in the order OME-Zarr requires (t, c, z, y, x) whatever the
input's order.
"""

from __future__ import annotations

import sys
import warnings
from contextlib import ExitStack
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

#: The order OME-Zarr 0.4/0.5 requires of the conventional axes.
CANONICAL = "tczyx"
#: TIFF axis letters (tifffile's series.axes) that map onto OME-Zarr axes.
TIFF_AXES = {"T": "t", "C": "c", "S": "c", "Z": "z", "Y": "y", "X": "x", "I": "z", "Q": "z"}


class UsageError(Exception):
    """A command-line value cannot be used (exit status 2)."""


def parse_numbers(text: str | None, option: str) -> dict[str, float] | list[float] | None:
    """``"z=0.5,y=0.1"`` (by axis name) or ``"0.5,0.1,0.1"`` (by position)."""
    if text is None:
        return None
    parts = [p.strip() for p in text.split(",") if p.strip()]
    try:
        if parts and all("=" in p for p in parts):
            return {k.strip(): float(v) for k, v in (p.split("=", 1) for p in parts)}
        if parts:
            return [float(p) for p in parts]
    except ValueError:
        pass
    raise UsageError(f"{option} {text!r}: give numbers by axis name (z=0.5,y=0.1) or by position")


def parse_sizes(text: str | None, option: str) -> dict[str, int] | tuple[int, ...] | str | None:
    """``"y=512,x=512"``, ``"1,1,512,512"`` or ``"auto"``."""
    if text is None or text == "auto":
        return text
    numbers = parse_numbers(text, option)
    try:
        if isinstance(numbers, dict):
            out = {k: int(v) for k, v in numbers.items() if float(v).is_integer()}
            if len(out) == len(numbers):
                return out
        elif numbers is not None:
            sizes = tuple(int(v) for v in numbers if float(v).is_integer())
            if len(sizes) == len(numbers):
                return sizes
    except (TypeError, ValueError):
        pass
    raise UsageError(f"{option} {text!r}: give whole numbers")


def parse_units(text: str | None) -> str | dict[str, str] | None:
    """``"micrometer"`` (every space axis) or ``"z=micrometer,t=second"``."""
    if text is None or "=" not in text:
        return text
    return {
        k.strip(): v.strip() for k, v in (p.split("=", 1) for p in text.split(",") if p.strip())
    }


def open_input(path: str, stack: ExitStack) -> tuple[Any, str | None]:
    """The input array (lazy where the format allows) and the axes the file declares."""
    source = Path(path)
    if not source.exists():
        raise UsageError(f"{path}: no such file")
    suffix = source.suffix.lower()
    if suffix == ".npy":
        import numpy as np

        try:
            return np.load(source, mmap_mode="r"), None
        except (ValueError, OSError) as exc:
            raise UsageError(f"{path}: not a readable .npy file ({exc})") from None
    if suffix in (".tif", ".tiff"):
        try:
            import tifffile
        except ImportError:
            raise UsageError("reading TIFF needs tifffile: pip install 'omezarr[tiff]'") from None
        import zarr

        try:
            tif = stack.enter_context(tifffile.TiffFile(source))
            series = tif.series[0]
            store = stack.enter_context(series.aszarr())
            array = zarr.open_array(store, mode="r")
        except Exception as exc:  # tifffile raises many types for a broken file
            raise UsageError(f"{path}: not a readable TIFF file ({exc})") from None
        letters = "".join(TIFF_AXES.get(a, "?") for a in series.axes)
        return array, (
            letters if "?" not in letters and len(set(letters)) == len(letters) else None
        )
    raise UsageError(f"{path}: give a .npy or .tif/.tiff file")


def default_axes(ndim: int) -> str:
    """``yx``, ``zyx``, ``czyx``, ``tczyx`` for 2 to 5 dimensions."""
    if not 2 <= ndim <= 5:
        raise UsageError(f"the input has {ndim} dimensions; OME-Zarr images have 2 to 5")
    return CANONICAL[-ndim:]


def canonical(data: Any, axes: str) -> tuple[Any, str]:
    """Reorder conventional axes into t, c, z, y, x order (lazily, with dask)."""
    if set(axes) - set(CANONICAL) or len(set(axes)) != len(axes):
        return data, axes
    order = sorted(range(len(axes)), key=lambda i: CANONICAL.index(axes[i]))
    if order == list(range(len(axes))):
        return data, axes
    import dask.array as da

    lazy = data
    if not isinstance(data, da.Array):
        chunks = getattr(data, "chunks", "auto")
        lazy = da.from_array(data, chunks=chunks)  # type: ignore[no-untyped-call]
    return lazy.transpose(order), "".join(axes[i] for i in order)


def progress_default(progress: bool | None) -> bool:
    """On by default when standard error is a terminal."""
    return sys.stderr.isatty() if progress is None else progress


def _writer_installed() -> bool:
    """Whether the writer's dependencies (the ``write`` extra) import; says what to do if not."""
    try:
        import dask.array  # noqa: F401
    except ImportError as exc:
        err = Console(stderr=True, highlight=False, soft_wrap=True)
        err.print(
            f"omezarr: writing needs the write extra ({exc.name} is missing): "
            "pip install 'omezarr[write]'",
            markup=False,
        )
        return False
    return True


def report_error(exc: BaseException) -> int:
    """Print why a write did not happen; exit status 2 for unusable input, else 1."""
    from omezarr_write.errors import (
        DestinationError,
        DestinationExistsError,
        InvalidArgumentError,
        InvalidMetadataError,
    )

    err = Console(stderr=True, highlight=False, soft_wrap=True)
    err.print(f"omezarr: {exc}", markup=False)
    unusable = (
        UsageError,
        InvalidArgumentError,
        InvalidMetadataError,
        DestinationExistsError,
        DestinationError,
    )
    return 2 if isinstance(exc, unusable) else 1


#: Options shared by ``write`` and ``pyramid``.
LevelsOption = Annotated[
    int | None, typer.Option("--levels", help="Number of levels (default: until one chunk).")
]
FactorsOption = Annotated[
    str | None, typer.Option("--factors", help="Per-level factors: y=2,x=2 or by position.")
]
ProgressOption = Annotated[
    bool | None,
    typer.Option("--progress/--no-progress", help="Progress bar (default: on a terminal)."),
]


def register(app: typer.Typer) -> None:
    """Add ``write`` and ``pyramid`` to the ``omezarr`` typer app."""

    @app.command()
    def write(
        input: Annotated[
            str, typer.Argument(help="A .npy or .tif/.tiff file.", show_default=False)
        ],
        output: Annotated[
            str, typer.Argument(help="The new OME-Zarr image: a folder or URL.", show_default=False)
        ],
        axes: Annotated[
            str | None,
            typer.Option(
                "--axes",
                help="The input's axes as letters, e.g. zyx or tczyx (default: from the TIFF, or the last letters of tczyx).",
            ),
        ] = None,
        version: Annotated[
            str, typer.Option("--version", help="0.4 (zarr v2), 0.5 or 0.6rc0 (zarr v3).")
        ] = "0.5",
        scale: Annotated[
            str | None,
            typer.Option("--scale", help="Pixel size: z=0.5,y=0.1,x=0.1 or by position."),
        ] = None,
        translation: Annotated[
            str | None, typer.Option("--translation", help="Origin, as --scale.")
        ] = None,
        units: Annotated[
            str | None,
            typer.Option("--units", help="micrometer (every space axis) or z=micrometer,t=second."),
        ] = None,
        levels: LevelsOption = None,
        factors: FactorsOption = None,
        method: Annotated[
            str, typer.Option("--method", help="mean, nearest, mode, min, max or gaussian.")
        ] = "mean",
        chunks: Annotated[
            str, typer.Option("--chunks", help="auto, y=512,x=512 or 1,1,512,512.")
        ] = "auto",
        shards: Annotated[
            str | None, typer.Option("--shards", help="auto or a shape (0.5 only).")
        ] = None,
        compressor: Annotated[
            str,
            typer.Option(
                "--compressor", help="default, blosc-zstd, blosc-lz4, zstd, gzip or none."
            ),
        ] = "default",
        name: Annotated[str | None, typer.Option("--name", help="The multiscale's name.")] = None,
        channels: Annotated[
            str | None,
            typer.Option("--channels", help="Channel names, comma-separated (writes omero)."),
        ] = None,
        overwrite: Annotated[
            bool, typer.Option("--overwrite", help="Replace OUTPUT if it is not empty.")
        ] = False,
        progress: ProgressOption = None,
    ) -> None:
        """Write an array file as a multiscale OME-Zarr image with its pyramid.

        Exit status: 0 written and valid, 1 the write failed, 2 unusable input or arguments.
        """
        raise typer.Exit(
            _write(
                input,
                output,
                axes=axes,
                version=version,
                scale=scale,
                translation=translation,
                units=units,
                levels=levels,
                factors=factors,
                method=method,
                chunks=chunks,
                shards=shards,
                compressor=compressor,
                name=name,
                channels=channels,
                overwrite=overwrite,
                progress=progress,
            )
        )

    @app.command()
    def pyramid(
        source: Annotated[
            str,
            typer.Argument(help="An OME-Zarr 0.4/0.5 image: folder or URL.", show_default=False),
        ],
        levels: LevelsOption = None,
        factors: FactorsOption = None,
        method: Annotated[
            str | None,
            typer.Option(
                "--method",
                help="mean, nearest, mode, min, max or gaussian (default: the multiscale's type).",
            ),
        ] = None,
        overwrite: Annotated[
            bool, typer.Option("--overwrite", help="Replace existing lower levels.")
        ] = False,
        progress: ProgressOption = None,
    ) -> None:
        """(Re)build the lower resolution levels of an image from its level 0, in place.

        Its label images are rebuilt to match. Exit status as for write.
        """
        raise typer.Exit(
            _pyramid(
                source,
                levels=levels,
                factors=factors,
                method=method,
                overwrite=overwrite,
                progress=progress,
            )
        )


def _write(input: str, output: str, **options: Any) -> int:
    from omezarr_models.errors import OmeZarrError

    if not _writer_installed():
        return 2
    from omezarr_write import write_image

    with ExitStack() as stack:
        caught = _quiet_warnings(stack)
        warnings.simplefilter("always")
        try:
            data, declared = open_input(input, stack)
            letters = options.pop("axes") or declared or default_axes(len(data.shape))
            if len(letters) != len(data.shape):
                raise UsageError(
                    f"--axes {letters!r} has {len(letters)} letters for {len(data.shape)} dimensions"
                )
            data, letters = canonical(data, letters)
            channels = options.pop("channels")
            model = write_image(
                output,
                data,
                axes=letters,
                version=options["version"],
                scale=parse_numbers(options["scale"], "--scale"),
                translation=parse_numbers(options["translation"], "--translation"),
                units=parse_units(options["units"]),
                levels=options["levels"],
                factors=parse_sizes(options["factors"], "--factors"),
                method=options["method"],
                chunks=parse_sizes(options["chunks"], "--chunks"),
                shards=parse_sizes(options["shards"], "--shards"),
                compressor=None if options["compressor"] == "none" else options["compressor"],
                name=options["name"],
                channels=channels.split(",") if channels else None,
                overwrite=options["overwrite"],
                progress=progress_default(options["progress"]),
            )
        except (UsageError, OmeZarrError, OSError) as exc:
            _print_warnings(caught)
            return report_error(exc)
        _print_warnings(caught)
    return _verdict(output, model, "wrote")


def _pyramid(source: str, **options: Any) -> int:
    from omezarr_models.errors import OmeZarrError

    if not _writer_installed():
        return 2
    from omezarr_write import build_pyramid

    with ExitStack() as stack:
        caught = _quiet_warnings(stack)
        warnings.simplefilter("always")
        try:
            model = build_pyramid(
                source,
                levels=options["levels"],
                factors=parse_sizes(options["factors"], "--factors"),
                method=options["method"],
                overwrite=options["overwrite"],
                progress=progress_default(options["progress"]),
            )
        except (UsageError, OmeZarrError, OSError) as exc:
            _print_warnings(caught)
            return report_error(exc)
        _print_warnings(caught)
    return _verdict(source, model, "rebuilt")


def _quiet_warnings(stack: ExitStack) -> list[warnings.WarningMessage]:
    """Collect the writer's warnings, to print them as plain lines rather than Python's form."""
    return stack.enter_context(warnings.catch_warnings(record=True))


def _print_warnings(caught: list[warnings.WarningMessage]) -> None:
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    for w in caught:
        err.print(f"omezarr: warning: {w.message}", markup=False)


def _verdict(path: str, model: Any, verb: str) -> int:
    """Validate what was written and say so in one line; the exit status."""
    from omezarr_models.dataset import validate_dataset

    report = validate_dataset(path)
    out = Console(highlight=False, soft_wrap=True)
    levels = len(model.multiscales[0].datasets)
    if report.valid:
        out.print(f"{verb} {path}: {report.message}, {levels} levels", markup=False)
        return 0
    out.print(f"{verb} {path}, but: {report.message}", markup=False)
    return 1
