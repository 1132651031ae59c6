"""The levels of a multiscale image as one dask graph over a single read of the source.

Level ``l + 1`` is computed from the blocks of level ``l``, which come from the source's
blocks: storing every level in one ``dask.compute`` reads each source chunk once, and the
scheduler frees a block as soon as the levels that need it have it. Every level is blocked
by its write unit (a chunk, or a shard when sharded), so each store task writes whole chunks
or shards and tasks never race on one.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING, Any

import numpy as np

from omezarr_write._downsample import gaussian, gaussian_depth, reduce, reduced_shape

if TYPE_CHECKING:
    import dask.array as da

    from omezarr_write._plan import AxisSpec, LevelSpec


def _aligned(chunks: tuple[tuple[int, ...], ...], factors: Sequence[int]) -> bool:
    """Every block but the last along each axis is a whole number of windows."""
    return all(all(c % f == 0 for c in axis[:-1]) for axis, f in zip(chunks, factors, strict=True))


def _align(
    block: tuple[int, ...], factors: Sequence[int], shape: tuple[int, ...]
) -> tuple[int, ...]:
    """The smallest block at least ``block`` made of whole windows."""
    return tuple(min(n, -(-b // f) * f) for b, f, n in zip(block, factors, shape, strict=True))


def _reduce_block(
    block: np.ndarray[Any, Any], factors: tuple[int, ...], method: str
) -> np.ndarray[Any, Any]:
    return reduce(block, factors, method)


def _gaussian_block(
    block: np.ndarray[Any, Any], factors: tuple[int, ...], depth: tuple[int, ...]
) -> np.ndarray[Any, Any]:
    return gaussian(block, factors, depth)


def next_level(
    previous: da.Array, factors: tuple[int, ...], method: str, block: tuple[int, ...]
) -> da.Array:
    """Reduce ``previous`` by ``factors`` and block the result by ``block``."""
    import dask.array as da

    if all(f == 1 for f in factors):
        same: da.Array = previous.rechunk(block)
        return same
    shape = tuple(int(n) for n in previous.shape)
    if not _aligned(previous.chunks, factors):
        size = tuple(int(c) for c in previous.chunksize)
        previous = previous.rechunk(_align(size, factors, shape))
    out_chunks = tuple(
        tuple(-(-c // f) for c in axis) for axis, f in zip(previous.chunks, factors, strict=True)
    )
    if method == "gaussian":
        depth = gaussian_depth(factors)
        depth = tuple(min(d, min(axis)) for d, axis in zip(depth, previous.chunks, strict=True))
        reduced = da.map_overlap(
            partial(_gaussian_block, factors=factors, depth=depth),
            previous,
            depth=dict(enumerate(depth)),
            boundary="nearest",
            trim=False,
            chunks=out_chunks,
            dtype=previous.dtype,
            meta=np.empty((0,) * previous.ndim, dtype=previous.dtype),
        )
    else:
        reduced = da.map_blocks(
            partial(_reduce_block, factors=factors, method=method),
            previous,
            chunks=out_chunks,
            dtype=previous.dtype,
            meta=np.empty((0,) * previous.ndim, dtype=previous.dtype),
        )
    assert reduced.shape == reduced_shape(shape, factors)
    out: da.Array = reduced.rechunk(block)
    return out


def pyramid(
    source: da.Array, levels: Sequence[LevelSpec], method: str, axes: Sequence[AxisSpec]
) -> list[da.Array]:
    """Every level of the plan as a dask array blocked by whole write units (chunks/shards)."""
    itemsize = source.dtype.itemsize
    out = [source.rechunk(levels[0].block(itemsize, axes))]
    for level in levels[1:]:
        out.append(next_level(out[-1], level.factors, method, level.block(itemsize, axes)))
    return out
