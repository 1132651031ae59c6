"""Write a multiscale pyramid: omezarr_write against plain numpy + zarr-python and the floor.

Usage::

    python bench/pyramid_write.py                      # 1×2×64×1024×1024 uint16 (256 MiB), 4 levels
    python bench/pyramid_write.py --case large         # 1×2×192×4096×4096 (12 GiB), lazily generated
    python bench/pyramid_write.py --only omezarr-0.5   # one contestant

Every contestant runs in its own process (so that its peak RSS is its own), writes the same
levels (mean, factor 2 on y and x) with the same chunks and codec (blosc zstd-1 shuffle),
and the best of ``--repeat`` runs is kept. Contestants:

- ``omezarr-0.4`` / ``omezarr-0.5``: :func:`omezarr_write.write_image`;
- ``numpy-zarr``: levels computed with numpy, written with zarr-python's ``array[...] = level``
  (small case: whole levels; large case: slab by slab);
- ``floor``: the physical floor — the same levels computed with numpy and every chunk encoded
  with numcodecs and written straight to its file, on two threads; no zarr, no dask;

Prints a line per contestant, then one JSON line with every figure.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from microscopy import plane_block  # noqa: E402

CASES: dict[str, dict[str, Any]] = {
    "small": {"shape": (1, 2, 64, 1024, 1024), "lazy": False},
    "large": {"shape": (1, 2, 192, 4096, 4096), "lazy": True},
}
LEVELS = 4
CHUNKS = (1, 1, 32, 256, 256)
TILE = 1024


def _tiles() -> np.ndarray[Any, Any]:
    """Two channels of a 1024×1024 fluorescence-like tile, the source's building block."""
    return np.stack([plane_block((1, TILE, TILE), seed=c)[0] for c in range(2)])


def _block(
    tiles: np.ndarray[Any, Any], c: int, z0: int, nz: int, y0: int, ny: int, x0: int, nx: int
) -> np.ndarray[Any, Any]:
    """A source block: the channel's tile rolled per z, so every plane differs."""
    out = np.empty((nz, ny, nx), dtype=np.uint16)
    for k in range(nz):
        z = z0 + k
        rolled = np.roll(tiles[c], shift=(7 * z + y0 // 3, 11 * z + x0 // 5), axis=(0, 1))
        plane = np.tile(rolled, (-(-ny // TILE), -(-nx // TILE)))[:ny, :nx]
        out[k] = plane + np.uint16(z % 13)
    return out


@functools.cache
def source(case: str) -> Any:
    """The case's source: an in-memory numpy array, or a lazily generated dask array.

    Cached: :func:`one` builds it before the clock starts, so the small case times the write
    alone; the large case's data is generated inside the write, for every contestant alike.
    """
    shape = CASES[case]["shape"]
    tiles = _tiles()
    if not CASES[case]["lazy"]:
        data = np.empty(shape, dtype=np.uint16)
        for c in range(shape[1]):
            data[0, c] = _block(tiles, c, 0, shape[2], 0, shape[3], 0, shape[4])
        return data
    import dask.array as da

    def make(block_info: dict[Any, Any] | None = None) -> np.ndarray[Any, Any]:
        assert block_info is not None
        (_, _), (c, _), (z0, z1), (y0, y1), (x0, x1) = block_info[None]["array-location"]
        return _block(tiles, c, z0, z1 - z0, y0, y1 - y0, x0, x1 - x0)[None, None]

    return da.map_blocks(
        make,
        chunks=tuple((c,) * (n // c) for n, c in zip(shape, (1, 1, 16, 1024, 1024), strict=True)),
        dtype=np.uint16,
    )


def _mean2(block: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """Mean over 2×2 windows of the last two axes: the writer's own numpy kernel, so that the
    baselines differ from the writer only by what surrounds the arithmetic."""
    from omezarr_write._downsample import reduce

    return reduce(block, (1,) * (block.ndim - 2) + (2, 2), "mean")


def _codec_v2() -> Any:
    from numcodecs.blosc import Blosc

    return Blosc(cname="zstd", clevel=1, shuffle=Blosc.SHUFFLE)


# -- contestants --------------------------------------------------------------------------


def run_omezarr(case: str, out: Path, version: str) -> None:
    from omezarr_write import write_image

    write_image(
        out,
        source(case),
        axes="tczyx",
        version=version,
        levels=LEVELS,
        chunks=CHUNKS,
        units="micrometer",
        name="bench",
        scale=[1, 1, 1, 0.1, 0.1],
        overwrite=True,
    )


def _levels_of(slab: np.ndarray[Any, Any]) -> list[np.ndarray[Any, Any]]:
    out = [slab]
    for _ in range(LEVELS - 1):
        out.append(_mean2(out[-1]))
    return out


#: In-plane extent of the tiles the baselines work on: its 8× reduction (level 3) is still a
#: whole chunk, so every level's chunks are written whole and once.
WORK_TILE = 2048


def _tiles_of(case: str) -> list[tuple[int, int, int, int]]:
    """(c, z0, y0, x0) of every 32-plane, up to 2048×2048 tile of the source."""
    shape = CASES[case]["shape"]
    return [
        (c, z0, y0, x0)
        for c in range(shape[1])
        for z0 in range(0, shape[2], CHUNKS[2])
        for y0 in range(0, shape[3], WORK_TILE)
        for x0 in range(0, shape[4], WORK_TILE)
    ]


def _tile(case: str, data: Any, c: int, z0: int, y0: int, x0: int) -> list[np.ndarray[Any, Any]]:
    """The levels of one tile, read (or generated) from the source."""
    region = np.s_[:, c : c + 1, z0 : z0 + CHUNKS[2], y0 : y0 + WORK_TILE, x0 : x0 + WORK_TILE]
    if CASES[case]["lazy"]:
        block = np.asarray(data[region].compute(scheduler="sync"))
    else:
        block = data[region]
    return _levels_of(block)


def run_numpy_zarr(case: str, out: Path) -> None:
    import zarr
    from zarr.codecs import BloscCodec

    shape = CASES[case]["shape"]
    data = source(case)
    group = zarr.open_group(out, mode="w")
    arrays = []
    for level in range(LEVELS):
        f = 2**level
        lshape = (*shape[:3], shape[3] // f, shape[4] // f)
        arrays.append(
            group.create_array(
                str(level),
                shape=lshape,
                dtype="uint16",
                chunks=tuple(min(c, n) for c, n in zip(CHUNKS, lshape, strict=True)),
                compressors=BloscCodec(cname="zstd", clevel=1, shuffle="shuffle"),
            )
        )
    for c, z0, y0, x0 in _tiles_of(case):
        for level, (arr, lev) in enumerate(
            zip(arrays, _tile(case, data, c, z0, y0, x0), strict=True)
        ):
            y, x = y0 // 2**level, x0 // 2**level
            arr[
                :, c : c + 1, z0 : z0 + lev.shape[2], y : y + lev.shape[3], x : x + lev.shape[4]
            ] = lev


def run_floor(case: str, out: Path) -> None:
    """Two threads, each taking whole tiles: read/generate, reduce, encode, write files.

    numpy's arithmetic and blosc release the GIL, so the two tiles in flight use both cores;
    nothing else (no dask, no zarr, no metadata) runs.
    """
    codec = _codec_v2()
    data = source(case)
    folders: set[Path] = set()

    def tile(c: int, z0: int, y0: int, x0: int) -> None:
        for level, lev in enumerate(_tile(case, data, c, z0, y0, x0)):
            f = 2**level
            shape = CASES[case]["shape"]
            cy, cx = min(CHUNKS[3], shape[3] // f), min(CHUNKS[4], shape[4] // f)
            for y in range(0, lev.shape[3], cy):
                row = (y0 // f + y) // cy
                folder = out / str(level) / "c" / "0" / str(c) / str(z0 // CHUNKS[2]) / str(row)
                if folder not in folders:
                    folder.mkdir(parents=True, exist_ok=True)
                    folders.add(folder)
                for x in range(0, lev.shape[4], cx):
                    chunk = np.ascontiguousarray(lev[:, :, :, y : y + cy, x : x + cx])
                    (folder / str((x0 // f + x) // cx)).write_bytes(codec.encode(chunk))

    with ThreadPoolExecutor(2) as pool:
        for done in [pool.submit(tile, *t) for t in _tiles_of(case)]:
            done.result()


CONTESTANTS = {
    "omezarr-0.5": lambda case, out: run_omezarr(case, out, "0.5"),
    "omezarr-0.4": lambda case, out: run_omezarr(case, out, "0.4"),
    "numpy-zarr": run_numpy_zarr,
    "floor": run_floor,
}


def one(name: str, case: str) -> dict[str, Any]:
    """Run one contestant in this process: cold (first call), and for the small case warm too.

    The cold time includes what the first call of a fresh process pays (imports, the
    validator's schemas, thread pools); the warm time is a second write in the same process,
    what a session writing many images sees.
    """
    # the source's preparation (tiles, and the whole array in the small case) is not timed
    source(case)
    times = []
    size = 0
    for _ in range(1 if CASES[case]["lazy"] else 2):
        with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_DIR")) as tmp:
            out = Path(tmp) / "out.zarr"
            start = time.perf_counter()
            CONTESTANTS[name](case, out)
            times.append(time.perf_counter() - start)
            size = sum(f.stat().st_size for f in out.rglob("*") if f.is_file())
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result = {
        "contestant": name,
        "seconds": round(times[0], 3),
        "peak_rss_mib": round(rss),
        "written_mib": round(size / 2**20, 1),
    }
    if len(times) > 1:
        result["warm_seconds"] = round(times[1], 3)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--case", choices=sorted(CASES), default="small")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", action="append", choices=sorted(CONTESTANTS))
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(one(args.child, args.case)))
        return
    names = args.only or list(CONTESTANTS)
    results = []
    for name in names:
        runs = []
        for _ in range(args.repeat):
            done = subprocess.run(
                [sys.executable, __file__, "--case", args.case, "--child", name],
                capture_output=True,
                text=True,
                check=True,
            )
            runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
        best = min(runs, key=lambda r: r["seconds"])
        best["peak_rss_mib"] = max(r["peak_rss_mib"] for r in runs)
        if "warm_seconds" in best:
            best["warm_seconds"] = min(r["warm_seconds"] for r in runs)
        results.append(best)
        print(
            f"{name:14s} {best['seconds']:8.2f} s cold"
            + (f" {best['warm_seconds']:6.2f} s warm" if "warm_seconds" in best else "")
            + f"   peak RSS {best['peak_rss_mib']:6d} MiB   {best['written_mib']} MiB written"
        )
    floor = next((r["seconds"] for r in results if r["contestant"] == "floor"), None)
    if floor:
        warm_floor = next(
            (r.get("warm_seconds") for r in results if r["contestant"] == "floor"), None
        )
        for r in results:
            r["vs_floor"] = round(r["seconds"] / floor, 3)
            if warm_floor and "warm_seconds" in r:
                r["warm_vs_floor"] = round(r["warm_seconds"] / warm_floor, 3)
    shape = CASES[args.case]["shape"]
    print(
        json.dumps(
            {
                "benchmark": "pyramid_write",
                "case": args.case,
                "shape": shape,
                "levels": LEVELS,
                "chunks": CHUNKS,
                "results": results,
            }
        )
    )


if __name__ == "__main__":
    main()
