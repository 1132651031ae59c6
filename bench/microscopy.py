"""Synthetic microscopy-like test images shared by the writer benchmarks.

Fluorescence images are mostly dark background with camera noise plus bright, smooth
structures; that mix (not white noise, not constant planes) is what decides how codecs and
downsampling methods behave, so the benchmarks draw their data from here.
"""

from __future__ import annotations

from typing import Any

import numpy as np


def plane_block(shape: tuple[int, ...], seed: int, dtype: str = "uint16") -> np.ndarray[Any, Any]:
    """A block of fluorescence-like data: offset + Poisson-ish noise + smooth blobs.

    Parameters
    ----------
    shape
        Any shape whose last two axes are y, x.
    seed
        Seeds the noise and blob positions, so that a block is reproducible.
    dtype
        An unsigned integer dtype; values stay within 12 bits like a typical sCMOS camera.
    """
    rng = np.random.default_rng(seed)
    y = np.arange(shape[-2], dtype=np.float32)[:, None]
    x = np.arange(shape[-1], dtype=np.float32)[None, :]
    signal = np.zeros(shape[-2:], dtype=np.float32)
    for _ in range(max(1, shape[-1] * shape[-2] // 20000)):
        cy, cx = rng.uniform(0, shape[-2]), rng.uniform(0, shape[-1])
        r = rng.uniform(3, 25)
        signal += rng.uniform(200, 2500) * np.exp(-((y - cy) ** 2 + (x - cx) ** 2) / (2 * r * r))
    out = np.empty(shape, dtype=dtype)
    flat = out.reshape(-1, shape[-2], shape[-1])
    for i in range(flat.shape[0]):
        noise = rng.normal(0.0, 6.0, size=shape[-2:]).astype(np.float32)
        mean = 100.0 + signal * (0.8 + 0.4 * ((i % 7) / 7.0))
        flat[i] = np.clip(mean + noise * np.sqrt(mean / 100.0), 0, 4095).astype(dtype)
    return out
