"""Benchmark: convert a 1 GiB OME-Zarr 0.4 image to 0.5, against a plain copy of its chunks.

The source is an image of 2 channels, 16 planes of 4096 x 4096 uint16 pixels (1 GiB at level 0)
plus a second level at half resolution, stored as zarr v2 with blosc/zstd chunks of 1 x 1 x 1024
x 1024. The conversion (:func:`omezarr_write.convert.convert_dataset`, to 0.5: zarr v3 arrays,
same chunks and codec) is timed against zarr-python's own streaming copy of the same arrays into
zarr v3 with the same codec (:func:`zarr.from_array`: every chunk decoded and re-encoded, no
metadata work): the baseline "plain copy with re-encoding". Each is run ``--repeat`` times,
alternating which goes first, after an ``os.sync()``, and the best time of each is kept.

The last line printed is one JSON object: both times, the throughputs and ``speed_ratio``
(copy time / conversion time, of the best runs: 1.0 is as fast as the plain copy; the target is
>= 0.8) and ``speed_ratio_median`` (of the median runs, steadier on a shared machine).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

import numcodecs  # noqa: E402
import numpy as np  # noqa: E402
import zarr  # noqa: E402
from zarr.codecs import BloscCodec  # noqa: E402

from omezarr_write.convert import convert_dataset  # noqa: E402

SHAPE = (2, 16, 4096, 4096)
CHUNKS = (1, 1, 1024, 1024)


def write_source(root: Path, shape: Sequence[int]) -> int:
    """Write the 0.4 image (two levels) under ``root``; return the bytes of its level 0."""
    group = zarr.open_group(str(root), mode="w", zarr_format=2)
    rng = np.random.default_rng(0)
    yy, xx = np.mgrid[0:1024, 0:1024]
    base = ((np.sin(yy / 37.0) + np.cos(xx / 23.0)) * 800 + 2000).astype(np.uint16)
    datasets: list[Any] = []
    for level in range(2):
        level_shape = (*shape[:2], shape[2] // 2**level, shape[3] // 2**level)
        array = group.create_array(
            str(level),
            shape=level_shape,
            dtype="uint16",
            chunks=CHUNKS,
            compressors=numcodecs.Blosc(cname="zstd", clevel=3, shuffle=1),
            chunk_key_encoding={"name": "v2", "separator": "/"},
        )
        for c in range(level_shape[0]):
            for z in range(level_shape[1]):
                for y in range(0, level_shape[2], 1024):
                    for x in range(0, level_shape[3], 1024):
                        noise = rng.integers(0, 64, (1024, 1024), dtype=np.uint16)
                        h = min(1024, level_shape[2] - y)
                        w = min(1024, level_shape[3] - x)
                        array[c, z, y : y + h, x : x + w] = (base + noise)[:h, :w]
        datasets.append(
            {
                "path": str(level),
                "coordinateTransformations": [
                    {"type": "scale", "scale": [1.0, 1.0, 2.0**level, 2.0**level]}
                ],
            }
        )
    attrs: dict[str, Any] = {
        "multiscales": [
            {
                "version": "0.4",
                "name": "bench",
                "axes": [
                    {"name": "c", "type": "channel"},
                    {"name": "z", "type": "space", "unit": "micrometer"},
                    {"name": "y", "type": "space", "unit": "micrometer"},
                    {"name": "x", "type": "space", "unit": "micrometer"},
                ],
                "datasets": datasets,
            }
        ]
    }
    group.attrs.update(attrs)
    return int(np.prod(shape)) * 2


def plain_copy(source: Path, dest: Path) -> float:
    """Seconds to copy every array of ``source`` into zarr v3 with the same chunks and codec."""
    started = time.perf_counter()
    for level in ("0", "1"):
        src = zarr.open_array(str(source / level), mode="r")
        zarr.from_array(
            str(dest / level),
            data=src,
            zarr_format=3,
            compressors=BloscCodec(cname="zstd", clevel=3, shuffle="shuffle"),
            overwrite=True,
        )
    return time.perf_counter() - started


def conversion(source: Path, dest: Path) -> float:
    """Seconds of the whole conversion (validation of source and destination included)."""
    started = time.perf_counter()
    result = convert_dataset(source, dest, to="0.5")
    elapsed = time.perf_counter() - started
    if not result.valid:
        raise SystemExit(f"conversion not valid: {result.validation}")
    return elapsed


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; print one JSON line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each (best kept)")
    parser.add_argument(
        "--scale", type=float, default=1.0, help="fraction of the 1 GiB size (quick checks)"
    )
    parser.add_argument("--dir", default=None, help="working folder (default: a temporary one)")
    args = parser.parse_args(argv)
    side = max(1024, int(4096 * args.scale**0.5) // 1024 * 1024)
    shape = (*SHAPE[:2], side, side)
    work = Path(tempfile.mkdtemp(dir=args.dir, prefix="omezarr-convert-bench-"))
    try:
        source = work / "src.zarr"
        nbytes = write_source(source, shape)
        copies: list[float] = []
        conversions: list[float] = []
        jobs = [("copy", plain_copy, copies), ("convert", conversion, conversions)]
        for i in range(args.repeat):
            for name, run, times in jobs if i % 2 == 0 else jobs[::-1]:  # alternate the order
                dest = work / f"{name}-{i}.zarr"
                os.sync()  # each run starts with no dirty pages of the previous one to write back
                times.append(run(source, dest))
                shutil.rmtree(dest)
                print(f"{name} run {i}: {times[-1]:.2f} s", file=sys.stderr)
        best_copy, best_convert = min(copies), min(conversions)
        gib = nbytes / 2**30
        out: dict[str, Any] = {
            "benchmark": "convert_dataset 0.4 -> 0.5",
            "level0_gib": round(gib, 3),
            "shape": list(shape),
            "chunks": list(CHUNKS),
            "copy_seconds": round(best_copy, 3),
            "convert_seconds": round(best_convert, 3),
            "copy_gib_per_s": round(gib * 1.25 / best_copy, 3),
            "convert_gib_per_s": round(gib * 1.25 / best_convert, 3),
            "speed_ratio": round(best_copy / best_convert, 3),
            "speed_ratio_median": round(
                statistics.median(copies) / statistics.median(conversions), 3
            ),
            "copy_runs": [round(t, 3) for t in copies],
            "convert_runs": [round(t, 3) for t in conversions],
        }
        print(json.dumps(out))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
