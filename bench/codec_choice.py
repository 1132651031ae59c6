"""Measure candidate default codecs on microscopy-like uint16 chunks: ratio and speed.

Usage: ``python bench/codec_choice.py``. Prints a table, then one JSON line with every
candidate's figures. The writer's default compressor was chosen from this table.
"""

from __future__ import annotations

import json
import time
from typing import Any

import numpy as np
from microscopy import plane_block
from numcodecs import GZip, Zstd
from numcodecs.abc import Codec
from numcodecs.blosc import Blosc

CANDIDATES: dict[str, Codec] = {
    "zstd-1": Zstd(level=1),
    "zstd-3 (zarr-python's default)": Zstd(level=3),
    "gzip-1": GZip(level=1),
    "blosc-lz4-5-shuffle": Blosc("lz4", 5, Blosc.SHUFFLE),
    "blosc-lz4-5-bitshuffle": Blosc("lz4", 5, Blosc.BITSHUFFLE),
    "blosc-zstd-1-shuffle": Blosc("zstd", 1, Blosc.SHUFFLE),
    "blosc-zstd-3-shuffle": Blosc("zstd", 3, Blosc.SHUFFLE),
    "blosc-zstd-1-bitshuffle": Blosc("zstd", 1, Blosc.BITSHUFFLE),
    "blosc-zstd-5-shuffle": Blosc("zstd", 5, Blosc.SHUFFLE),
}


def _best(fn: Any, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def main() -> None:
    """Encode 4×256×256 chunks of a 16×1024×1024 image with every candidate."""
    Blosc.use_threads = False  # one core per chunk, as in a dask worker thread
    data = plane_block((16, 1024, 1024), seed=1)
    chunks = [
        np.ascontiguousarray(data[z : z + 4, y : y + 256, x : x + 256])
        for z in range(0, 16, 4)
        for y in range(0, 1024, 256)
        for x in range(0, 1024, 256)
    ]
    raw = sum(c.nbytes for c in chunks)
    rows = []
    for name, codec in CANDIDATES.items():
        encoded = [codec.encode(c) for c in chunks]
        enc = _best(lambda codec=codec: [codec.encode(c) for c in chunks])
        dec = _best(lambda codec=codec, encoded=encoded: [codec.decode(e) for e in encoded])
        size = sum(len(e) for e in encoded)
        row = {
            "codec": name,
            "ratio": round(raw / size, 3),
            "encode_mib_s": round(raw / enc / 2**20),
            "decode_mib_s": round(raw / dec / 2**20),
        }
        rows.append(row)
        print(
            f"{name:32s} ratio {row['ratio']:5.2f}  encode {row['encode_mib_s']:6d} MiB/s  "
            f"decode {row['decode_mib_s']:6d} MiB/s"
        )
    print(json.dumps({"benchmark": "codec_choice", "raw_mib": raw / 2**20, "codecs": rows}))


if __name__ == "__main__":
    main()
