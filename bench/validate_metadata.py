"""Benchmark: validate the metadata of a full 1536-well high-content screening plate.

The documents are built in memory: one plate document (32 rows x 48 columns, every well
present), one well document per well (4 fields of view each) and one image document per field
of view (a three-level multiscale pyramid with an omero block), 7681 documents in all. They are
validated with :func:`omezarr_models.validate_attributes`, as a reader walking the plate would.

The target (from the issue): validating all 7681 documents takes at most 50 ms on the 2-core
development machine.

Run ``python bench/validate_metadata.py --help`` for the options. The last line printed is one
JSON object with the figures; everything before it is for people.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import json
import os
import platform
import pstats
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from omezarr_models import Report, validate_attributes

#: An attributes document as parsed from JSON.
Attrs = dict[str, Any]

#: The issue's target for one pass over every document of the plate, in seconds.
TARGET_S = 0.050

N_ROWS = 32
N_COLUMNS = 48
FIELDS_PER_WELL = 4
N_LEVELS = 3
VERSIONS = ("0.4", "0.5")

#: Channel pairs of a plausible screen: a nuclear stain and a marker that changes every
#: 12 columns (one marker per column block, as in an antibody panel).
_NUCLEAR = ("DAPI", "0000FF")
_MARKERS = (
    ("anti-TUBB AF488", "00FF00"),
    ("Phalloidin AF568", "FF0000"),
    ("anti-LMNB1 AF647", "FF00FF"),
    ("MitoTracker Deep Red", "00FFFF"),
)

#: Objectives, alternating every 8 rows: (name, xy pixel size in µm, z step in µm).
_OBJECTIVES = (
    ("20x/0.8", 0.325, 1.0),
    ("40x/0.95", 0.1625, 0.5),
)

#: Sent to a fresh interpreter to time ``import omezarr_models``; only ``sys`` and ``time``
#: (both cheap and already loaded by then) are imported before the timed import.
_IMPORT_PROBE = (
    "import sys, time\n"
    "t = time.perf_counter()\n"
    "import omezarr_models\n"
    "dt = time.perf_counter() - t\n"
    "import json\n"
    "mods = set(sys.modules)\n"
    "def loaded(top):\n"
    "    return any(m == top or m.startswith(top + '.') for m in mods)\n"
    "print(json.dumps({'import_s': dt, 'dask': loaded('dask'), 'zarr': loaded('zarr'),"
    " 'pydantic': loaded('pydantic')}))\n"
)


@dataclass(frozen=True, slots=True)
class Document:
    """One attributes document of the plate and what it is, for messages.

    Attributes
    ----------
    label
        Where the document lives in the plate, e.g. ``plate``, ``well B/7``, ``image B/7/2``.
    attrs
        The attributes, as ``validate_attributes`` receives them.
    """

    label: str
    attrs: Attrs


@dataclass(frozen=True, slots=True)
class ImportProbe:
    """What importing ``omezarr_models`` in a fresh interpreter costs and pulls in.

    Attributes
    ----------
    seconds
        The fastest of the timed imports, in seconds.
    dask, zarr, pydantic
        Whether the import loaded that package (or any of its submodules).
    """

    seconds: float
    dask: bool
    zarr: bool
    pydantic: bool


def row_name(index: int) -> str:
    """Return the spreadsheet-style name of a plate row.

    Parameters
    ----------
    index
        The 0-based row index.

    Returns
    -------
    str
        ``A`` .. ``Z`` for the first 26 rows, then ``AA``, ``AB``, ...
    """
    name = ""
    n = index + 1
    while n:
        n, rest = divmod(n - 1, 26)
        name = chr(ord("A") + rest) + name
    return name


def wrap(meta: Attrs, version: str) -> Attrs:
    """Return the attributes document that holds the OME metadata ``meta`` in ``version``.

    Parameters
    ----------
    meta
        The OME keys (``plate``, ``well``, ``multiscales``, ``omero``, ...).
    version
        ``"0.4"`` keeps them at the top of the attributes; ``"0.5"`` puts them under ``ome``
        with the version.

    Returns
    -------
    dict
        The attributes document.
    """
    if version == "0.4":
        return meta
    return {"ome": {"version": version, **meta}}


def build_plate(version: str, rows: Sequence[str], columns: Sequence[str]) -> Attrs:
    """Build the plate document: every row, column and well, one acquisition.

    Parameters
    ----------
    version
        ``"0.4"`` or ``"0.5"``; in 0.4 the plate carries its own ``version``.
    rows, columns
        The row and column names, in plate order.

    Returns
    -------
    dict
        The attributes of the plate group.
    """
    plate: Attrs = {
        "name": "HCS-2024-117 siRNA kinome screen, replicate 2",
        "acquisitions": [
            {
                "id": 0,
                "name": "Scan 1 (fixed, 4 fields per well)",
                "maximumfieldcount": FIELDS_PER_WELL,
                "description": "Yokogawa CV8000, confocal, 2 channels",
                "starttime": 1710140400,
                "endtime": 1710162000,
            }
        ],
        "rows": [{"name": r} for r in rows],
        "columns": [{"name": c} for c in columns],
        "wells": [
            {"path": f"{r}/{c}", "rowIndex": i, "columnIndex": j}
            for i, r in enumerate(rows)
            for j, c in enumerate(columns)
        ],
        "field_count": FIELDS_PER_WELL,
    }
    if version == "0.4":
        plate["version"] = version
    return wrap({"plate": plate}, version)


def build_well(version: str) -> Attrs:
    """Build one well document listing its fields of view, all from acquisition 0.

    Parameters
    ----------
    version
        ``"0.4"`` or ``"0.5"``; in 0.4 the well carries its own ``version``.

    Returns
    -------
    dict
        The attributes of the well group.
    """
    well: Attrs = {"images": [{"path": str(f), "acquisition": 0} for f in range(FIELDS_PER_WELL)]}
    if version == "0.4":
        well["version"] = version
    return wrap({"well": well}, version)


def build_image(version: str, path: str, row: int, column: int, rng: random.Random) -> Attrs:
    """Build one field-of-view image: a c, z, y, x pyramid of three levels and its omero block.

    The values follow what an acquisition produces: the objective (hence pixel size and z step)
    depends on the row block, the marker channel on the column block, the stage calibration
    adds a small per-image jitter to the pixel size, and the display windows come from each
    image's own intensities. No two image documents are equal.

    Parameters
    ----------
    version
        ``"0.4"`` or ``"0.5"``; in 0.4 the multiscale carries its own ``version``.
    path
        The path of the image inside the plate, e.g. ``B/7/2``; names the multiscale.
    row, column
        The 0-based well position, which selects the objective and the marker.
    rng
        The source of the per-image variation.

    Returns
    -------
    dict
        The attributes of the image group.
    """
    objective, pixel_um, z_step = _OBJECTIVES[(row // 8) % len(_OBJECTIVES)]
    xy = round(pixel_um * rng.uniform(0.998, 1.002), 6)
    datasets: list[Attrs] = []
    for level in range(N_LEVELS):
        factor = 2**level
        transforms: list[Attrs] = [
            {"type": "scale", "scale": [1.0, z_step, xy * factor, xy * factor]}
        ]
        if level:
            # Downsampling by averaging shifts the centre of the first pixel by half a pixel.
            shift = round(xy * (factor - 1) / 2, 6)
            transforms.append({"type": "translation", "translation": [0.0, 0.0, shift, shift]})
        datasets.append({"path": str(level), "coordinateTransformations": transforms})
    multiscale: Attrs = {
        "name": path,
        "axes": [
            {"name": "c", "type": "channel"},
            {"name": "z", "type": "space", "unit": "micrometer"},
            {"name": "y", "type": "space", "unit": "micrometer"},
            {"name": "x", "type": "space", "unit": "micrometer"},
        ],
        "datasets": datasets,
        "type": "local_mean",
        "metadata": {
            "description": f"2x2 mean in y and x, {objective} objective",
            "method": "skimage.transform.downscale_local_mean",
            "version": "0.24.0",
            "kwargs": {"factors": [1, 1, 2, 2]},
        },
    }
    if version == "0.4":
        multiscale["version"] = version
    marker, marker_color = _MARKERS[(column // 12) % len(_MARKERS)]
    channels: list[Attrs] = []
    for label, color in (_NUCLEAR, (marker, marker_color)):
        start = rng.randint(80, 400)
        channels.append(
            {
                "color": color,
                "label": label,
                "active": True,
                "window": {
                    "min": 0,
                    "max": 65535,
                    "start": start,
                    "end": start + rng.randint(1500, 9000),
                },
            }
        )
    n_z = rng.randint(12, 40)
    omero: Attrs = {
        "name": path,
        "channels": channels,
        "rdefs": {"model": "color", "defaultT": 0, "defaultZ": n_z // 2},
    }
    return wrap({"multiscales": [multiscale], "omero": omero}, version)


def build_documents(version: str, seed: int = 2024) -> list[Document]:
    """Build the plate, its wells and their images, in the order a reader walks the plate.

    Parameters
    ----------
    version
        ``"0.4"`` or ``"0.5"``.
    seed
        Seed of the per-image variation, so that runs validate the same documents.

    Returns
    -------
    list of Document
        The plate document, then for each well its document followed by its images:
        ``1 + 1536 * (1 + 4)`` = 7681 documents.
    """
    rng = random.Random(seed)
    rows = [row_name(i) for i in range(N_ROWS)]
    columns = [str(j + 1) for j in range(N_COLUMNS)]
    docs = [Document("plate", as_read(build_plate(version, rows, columns)))]
    for i, r in enumerate(rows):
        for j, c in enumerate(columns):
            docs.append(Document(f"well {r}/{c}", as_read(build_well(version))))
            for f in range(FIELDS_PER_WELL):
                path = f"{r}/{c}/{f}"
                image = build_image(version, path, i, j, rng)
                docs.append(Document(f"image {path}", as_read(image)))
    return docs


def as_read(doc: Attrs) -> Attrs:
    """Return ``doc`` as a reader gets it: serialised to JSON text and parsed back.

    Parsing allocates each document's objects together, as reading a file does; documents
    assembled piece by piece in Python are scattered in memory and slower to walk, which is
    not what validating a dataset looks like.
    """
    parsed: Attrs = json.loads(json.dumps(doc))
    return parsed


def validate_all(attrs: Sequence[Attrs], *, strict: bool) -> list[Report]:
    """Validate every document once.

    Parameters
    ----------
    attrs
        The documents.
    strict
        Passed to ``validate_attributes``.

    Returns
    -------
    list of Report
        One report per document, in order.
    """
    return [validate_attributes(a, strict=strict) for a in attrs]


def timed_pass(attrs: Sequence[Attrs], *, strict: bool) -> tuple[float, list[Report]]:
    """Time one validation pass over every document with ``time.perf_counter``.

    A garbage collection runs first, outside the timing, so that each pass starts alike; the
    collector stays enabled during the pass, as in real use.

    Parameters
    ----------
    attrs
        The documents.
    strict
        Passed to ``validate_attributes``.

    Returns
    -------
    tuple
        The elapsed seconds and the reports.
    """
    gc.collect()
    start = time.perf_counter()
    reports = validate_all(attrs, strict=strict)
    return time.perf_counter() - start, reports


def first_failure(docs: Sequence[Document], reports: Sequence[Report]) -> str | None:
    """Describe the first invalid report, if any.

    Parameters
    ----------
    docs
        The documents, in the order they were validated.
    reports
        Their reports.

    Returns
    -------
    str or None
        A message naming the document and its first error, or None when every report is valid.
    """
    if len(reports) != len(docs):
        return f"{len(reports)} reports for {len(docs)} documents"
    for doc, report in zip(docs, reports, strict=True):
        if not report.valid:
            n_bad = sum(not r.valid for r in reports)
            return f"{doc.label}: {report.message} ({n_bad} invalid documents in all)"
    return None


def require_valid(docs: Sequence[Document], reports: Sequence[Report]) -> None:
    """Exit with status 1 when any report is invalid: the benchmark must time the valid path.

    Parameters
    ----------
    docs
        The documents, in the order they were validated.
    reports
        Their reports.
    """
    failure = first_failure(docs, reports)
    if failure is not None:
        print(f"error: a benchmark document is invalid: {failure}", file=sys.stderr)
        raise SystemExit(1)


def probe_import(runs: int = 5) -> ImportProbe:
    """Time ``import omezarr_models`` in fresh interpreters and see what it loads.

    Parameters
    ----------
    runs
        How many interpreters to start; the fastest import is kept.

    Returns
    -------
    ImportProbe
        The fastest import time and whether dask, zarr or pydantic were loaded.

    Raises
    ------
    RuntimeError
        If the probe interpreter fails.
    """
    times: list[float] = []
    found: dict[str, Any] = {}
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-c", _IMPORT_PROBE], capture_output=True, text=True, check=False
        )
        if done.returncode != 0:
            raise RuntimeError(f"the import probe failed:\n{done.stderr}")
        found = json.loads(done.stdout.strip().splitlines()[-1])
        times.append(float(found["import_s"]))
    return ImportProbe(
        seconds=min(times),
        dask=bool(found["dask"]),
        zarr=bool(found["zarr"]),
        pydantic=bool(found["pydantic"]),
    )


def profile_pass(attrs: Sequence[Attrs], *, strict: bool, top: int = 25) -> list[Report]:
    """Run one pass under cProfile and print the hottest functions to stderr.

    Parameters
    ----------
    attrs
        The documents.
    strict
        Passed to ``validate_attributes``.
    top
        How many functions to list, by cumulative and by own (total) time.

    Returns
    -------
    list of Report
        The reports of the profiled pass, to be checked like any other.
    """
    profiler = cProfile.Profile()
    profiler.enable()
    reports = validate_all(attrs, strict=strict)
    profiler.disable()
    stats = pstats.Stats(profiler, stream=sys.stderr).strip_dirs()
    for key, what in (("cumulative", "cumulative time"), ("tottime", "own (total) time")):
        print(f"\n=== profile of one pass: top {top} by {what} ===", file=sys.stderr)
        stats.sort_stats(key).print_stats(top)
    return reports


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Read the command line.

    Parameters
    ----------
    argv
        The arguments (without the program name); None reads ``sys.argv``.

    Returns
    -------
    argparse.Namespace
        ``version``, ``repeat``, ``strict``, ``profile``, ``seed``.
    """
    parser = argparse.ArgumentParser(
        description="Time validate_attributes over a 1536-well plate: 1 plate, 1536 wells, "
        "6144 images (7681 documents). The last output line is JSON."
    )
    parser.add_argument("--version", choices=VERSIONS, default="0.4", help="metadata version")
    parser.add_argument("--repeat", type=int, default=5, help="timed passes (default 5)")
    parser.add_argument("--strict", action="store_true", help="validate with strict=True")
    parser.add_argument(
        "--profile", action="store_true", help="profile one more pass; top functions to stderr"
    )
    parser.add_argument("--seed", type=int, default=2024, help="seed of the per-image variation")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Build the documents, time their validation and print the figures.

    Parameters
    ----------
    argv
        The command-line arguments (without the program name); None reads ``sys.argv``.

    Returns
    -------
    int
        The exit status: 0 (an invalid document exits with 1 through ``SystemExit``).
    """
    args = parse_args(argv)
    strict: bool = args.strict
    t0 = time.perf_counter()
    docs = build_documents(args.version, args.seed)
    attrs = [d.attrs for d in docs]
    build_s = time.perf_counter() - t0
    n_docs = len(docs)
    print(
        f"built {n_docs} OME-Zarr {args.version} documents (1 plate, {N_ROWS * N_COLUMNS} wells, "
        f"{N_ROWS * N_COLUMNS * FIELDS_PER_WELL} images) in {build_s:.3f} s"
    )

    start = time.perf_counter()
    first = validate_attributes(attrs[0], strict=strict)
    first_call_s = time.perf_counter() - start
    require_valid(docs[:1], [first])
    print(f"first call (compiles the schemas): {first_call_s * 1e3:.1f} ms")
    from omezarr_models._fast import speedups

    native = speedups() is not None
    print(
        "native fast path (omezarr_models._speedups): "
        + ("in use" if native else "not built or switched off (OMEZARR_NO_SPEEDUPS)")
    )

    warm_s, reports = timed_pass(attrs, strict=strict)
    require_valid(docs, reports)
    n_issues = sum(len(r.issues) for r in reports)
    print(f"warm-up pass: {warm_s * 1e3:.1f} ms, {n_issues} issues (warnings) in all")

    times: list[float] = []
    for k in range(args.repeat):
        elapsed, reports = timed_pass(attrs, strict=strict)
        require_valid(docs, reports)
        times.append(elapsed)
        print(f"pass {k + 1}/{args.repeat}: {elapsed * 1e3:.1f} ms")
    min_s = min(times)
    median_s = statistics.median(times)
    per_doc_us = min_s / n_docs * 1e6
    verdict = "met" if min_s <= TARGET_S else f"missed, {min_s / TARGET_S:.1f}x over"
    print(
        f"min {min_s * 1e3:.1f} ms, median {median_s * 1e3:.1f} ms, {per_doc_us:.1f} µs/document "
        f"(target ≤ {TARGET_S * 1e3:.0f} ms: {verdict})"
    )

    probe = probe_import()
    print(
        f"import omezarr_models: {probe.seconds * 1e3:.1f} ms (min of 5 fresh interpreters); "
        f"loads dask: {probe.dask}, zarr: {probe.zarr}, pydantic: {probe.pydantic}"
    )
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        print(
            "  (PYTHONDONTWRITEBYTECODE is set: modules without a cached .pyc are compiled "
            "from source on every import, which the import time includes)"
        )

    if args.profile:
        require_valid(docs, profile_pass(attrs, strict=strict))

    result = {
        "bench": "validate_metadata",
        "version": args.version,
        "strict": strict,
        "documents": n_docs,
        "repeat": args.repeat,
        "min_s": round(min_s, 6),
        "median_s": round(median_s, 6),
        "per_doc_us": round(per_doc_us, 3),
        "first_call_s": round(first_call_s, 6),
        "target_s": TARGET_S,
        "meets_target": min_s <= TARGET_S,
        "import_s": round(probe.seconds, 6),
        "imports_dask": probe.dask,
        "imports_zarr": probe.zarr,
        "imports_pydantic": probe.pydantic,
        "python": platform.python_version(),
        "native": native,
    }
    sys.stdout.flush()
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
