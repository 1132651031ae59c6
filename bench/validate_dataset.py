"""Benchmark: validate a whole plate dataset, on local disk and over HTTP with injected latency.

Local: an 8x12-well plate with 2 fields per well (the issue's "289 groups" plate), written as
zarr metadata in a temporary folder, validated with :func:`validate_dataset`; the time of just
reading and parsing every metadata document is printed beside it.

HTTP: a 16x24-well plate with 2 fields served by a stdlib HTTP server on 127.0.0.1, in its own
process (as a remote server is), that sleeps ``--latency`` seconds per request; the speed-up is the estimated one-request-at-a-time time
(requests x latency) over the measured time.

The last line printed is one JSON object with the figures.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from omezarr_models.dataset import validate_dataset  # noqa: E402
from tests.dataset.builders import plate  # noqa: E402
from tests.dataset.servers import http_server_process  # noqa: E402


def read_all(root: Path) -> float:
    """Seconds to read and parse every metadata document under ``root`` (the I/O floor).

    Parameters
    ----------
    root
        The dataset folder.

    Returns
    -------
    float
        Elapsed seconds.
    """
    names = {"zarr.json", ".zattrs", ".zgroup", ".zarray"}
    start = time.perf_counter()
    for path in root.rglob("*"):
        if path.name in names:
            json.loads(path.read_bytes())
    return time.perf_counter() - start


def local(version: str, repeat: int) -> dict[str, float | int]:
    """Validate the 8x12x2 plate ``repeat`` times; return min/median and the read floor.

    Parameters
    ----------
    version
        ``"0.4"`` or ``"0.5"``.
    repeat
        Timed runs.

    Returns
    -------
    dict
        Figures for the JSON line.
    """
    with tempfile.TemporaryDirectory() as tmp:
        root = plate(version, rows=8, columns=12, fields=2).write(Path(tmp) / "plate.zarr")
        first = validate_dataset(root)  # warm: schemas compiled, modules imported
        if not first.valid:
            raise SystemExit(f"benchmark dataset is invalid: {first.message}")
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            report = validate_dataset(root)
            times.append(time.perf_counter() - start)
        floor = min(read_all(root) for _ in range(repeat))
    return {
        "local_groups": report.groups,
        "local_arrays": report.arrays,
        "local_documents": report.documents,
        "local_min_s": round(min(times), 4),
        "local_median_s": round(statistics.median(times), 4),
        "local_read_json_s": round(floor, 4),
    }


def remote(version: str, latency: float) -> dict[str, float | int]:
    """Validate the 16x24x2 plate over HTTP with ``latency`` seconds per request.

    Parameters
    ----------
    version
        ``"0.4"`` or ``"0.5"``.
    latency
        Seconds the server sleeps before answering each request.

    Returns
    -------
    dict
        Figures for the JSON line.
    """
    with tempfile.TemporaryDirectory() as tmp:
        root = plate(version, rows=16, columns=24, fields=2).write(Path(tmp) / "plate.zarr")
        with http_server_process(root, latency=latency) as (url, counter):
            validate_dataset(url)  # warm
            before = counter.value
            start = time.perf_counter()
            report = validate_dataset(url)
            elapsed = time.perf_counter() - start
            requests = counter.value - before
        if not report.valid:
            raise SystemExit(f"benchmark dataset is invalid over HTTP: {report.message}")
        serial = requests * latency
    return {
        "http_groups": report.groups,
        "http_requests": requests,
        "http_latency_s": latency,
        "http_s": round(elapsed, 3),
        "http_serial_estimate_s": round(serial, 3),
        "http_speedup": round(serial / elapsed, 1),
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print one JSON line of figures.

    Parameters
    ----------
    argv
        Command-line arguments (default: ``sys.argv[1:]``).

    Returns
    -------
    int
        The exit status.
    """
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--version", choices=["0.4", "0.5"], default="0.5")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--latency", type=float, default=0.02)
    parser.add_argument("--no-http", action="store_true", help="skip the HTTP part")
    args = parser.parse_args(argv)
    figures: dict[str, object] = {"bench": "validate_dataset", "version": args.version}
    figures.update(local(args.version, args.repeat))
    print(
        f"local 8x12x2 plate: min {figures['local_min_s']} s, reading the JSON alone {figures['local_read_json_s']} s"
    )
    if not args.no_http:
        figures.update(remote(args.version, args.latency))
        print(
            f"HTTP 16x24x2 plate, {args.latency * 1e3:.0f} ms/request: {figures['http_s']} s, "
            f"{figures['http_speedup']}x faster than one request at a time"
        )
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
