"""Other OME-Zarr tools beside omezarr_write: their write speed, and reading what we write.

Run it with the Python of a **separate** environment holding those tools (they are never
dependencies of this project)::

    python3 -m venv /tmp/other && /tmp/other/bin/pip install ome-zarr ngff-zarr "dask[array]"
    /tmp/other/bin/python bench/compare_tools.py --write          # their speed, small case
    /tmp/other/bin/python bench/compare_tools.py --read DATASET    # open our output with each

``--write`` times each tool on the 1×2×64×1024×1024 uint16 image of
``bench/pyramid_write.py`` (4 levels), each run in its own process with its peak RSS, best
of ``--repeat``. ``--read`` opens a dataset written by ``omezarr write`` with ome-zarr-py's
reader, ome-zarr-models and ngff-zarr and reports what each sees (levels, shapes) or its error.
One JSON line at the end either way.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from microscopy import plane_block  # noqa: E402

SHAPE = (1, 2, 64, 1024, 1024)


def _data() -> np.ndarray[Any, Any]:
    """The same content as pyramid_write.py's small case (tile rolled per plane)."""
    tiles = [plane_block((1, 1024, 1024), seed=c)[0] for c in range(2)]
    out = np.empty(SHAPE, dtype=np.uint16)
    for c in range(2):
        for z in range(SHAPE[2]):
            out[0, c, z] = np.roll(tiles[c], shift=(7 * z, 11 * z), axis=(0, 1)) + np.uint16(z % 13)
    return out


def _ome_zarr_py(out: Path, method: str | None) -> None:
    import zarr
    from ome_zarr.format import FormatV04
    from ome_zarr.scale import Methods
    from ome_zarr.writer import write_image

    group = zarr.open_group(str(out), mode="w", zarr_format=2)
    kwargs: dict[str, Any] = {"scale_factors": (2, 4, 8), "fmt": FormatV04(), "axes": "tczyx"}
    if method is not None:
        kwargs["method"] = Methods(method)
    write_image(_data(), group, **kwargs)


def _ngff_zarr(out: Path) -> None:
    import ngff_zarr as nz

    image = nz.to_ngff_image(_data(), dims=["t", "c", "z", "y", "x"])
    multiscales = nz.to_multiscales(image, scale_factors=[2, 4, 8])
    nz.to_ngff_zarr(str(out), multiscales, version="0.4")


TOOLS = {
    "ome-zarr-py-local_mean": lambda out: _ome_zarr_py(out, "local_mean"),
    "ome-zarr-py-default": lambda out: _ome_zarr_py(out, None),
    "ngff-zarr-default": _ngff_zarr,
}


def _child(name: str) -> dict[str, Any]:
    _data()  # warm the generator's caches; the data is rebuilt inside the timed call
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        TOOLS[name](Path(tmp) / "out.zarr")
        seconds = time.perf_counter() - start
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"tool": name, "seconds": round(seconds, 3), "peak_rss_mib": round(rss)}


def _read(path: str) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    try:
        from ome_zarr.io import parse_url
        from ome_zarr.reader import Reader

        nodes = list(Reader(parse_url(path))())
        seen["ome-zarr-py"] = {
            "levels": [list(a.shape) for a in nodes[0].data],
            "nodes": len(nodes),
        }
    except Exception as exc:
        seen["ome-zarr-py"] = {"error": f"{type(exc).__name__}: {exc}"}
    try:
        import ome_zarr_models
        import zarr

        model = ome_zarr_models.open_ome_zarr(zarr.open_group(path, mode="r"))
        seen["ome-zarr-models"] = {"model": type(model).__module__ + "." + type(model).__name__}
    except Exception as exc:
        seen["ome-zarr-models"] = {"error": f"{type(exc).__name__}: {exc}"}
    try:
        import ngff_zarr as nz

        ms = nz.from_ngff_zarr(path)
        seen["ngff-zarr"] = {"levels": [list(i.data.shape) for i in ms.images]}
    except Exception as exc:
        seen["ngff-zarr"] = {"error": f"{type(exc).__name__}: {exc}"}
    return seen


def main() -> None:
    """Parse the arguments and run the comparison or the read check."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--read", action="append", default=[])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(_child(args.child)))
        return
    out: dict[str, Any] = {"benchmark": "compare_tools"}
    if args.write:
        results = []
        for name in TOOLS:
            runs: list[dict[str, Any]] = []
            for _ in range(args.repeat):
                done = subprocess.run(
                    [sys.executable, __file__, "--child", name],
                    capture_output=True,
                    text=True,
                    check=False,
                )
                if done.returncode != 0:
                    runs.append({"tool": name, "error": done.stderr.strip().splitlines()[-1:]})
                    break
                runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
            timed = [r for r in runs if "seconds" in r]
            best = min(timed, key=lambda r: r["seconds"]) if timed else runs[-1]
            results.append(best)
            print(name, best)
        out["write"] = results
    if args.read:
        out["read"] = {path: _read(path) for path in args.read}
        for path, seen in out["read"].items():
            print(path, seen)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
