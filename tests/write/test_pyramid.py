"""The dask pyramid: any source chunking gives the reference levels, from one read of the source."""

from __future__ import annotations

import math
import threading
from pathlib import Path
from typing import Any

import dask
import dask.array as da
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from omezarr_write import write_image
from omezarr_write._plan import plan_image
from omezarr_write._pyramid import pyramid
from tests.write.helpers import assert_pyramid
from tests.write.reference import assert_reduced

pytestmark = pytest.mark.filterwarnings("ignore::omezarr_write._metadata.WriteWarning")


def _plan(
    shape: tuple[int, ...], chunks: tuple[int, ...], factors: Any, method: str, shards: Any = None
) -> Any:
    return plan_image(
        shape=shape,
        dtype=np.dtype("uint16"),
        axes="zyx"[3 - len(shape) :],
        version="0.5",
        scale=None,
        translation=None,
        units=None,
        levels=3,
        factors=factors,
        method=method,
        chunks=chunks,
        shards=shards,
    )


@settings(max_examples=25)
@given(
    shape=st.tuples(st.integers(1, 4), st.integers(1, 21), st.integers(1, 21)),
    source_chunks=st.tuples(st.integers(1, 4), st.integers(3, 11), st.integers(3, 11)),
    write_chunks=st.tuples(st.integers(1, 4), st.integers(3, 9), st.integers(3, 9)),
    factors=st.tuples(st.integers(1, 3), st.integers(1, 4), st.integers(1, 4)),
    method=st.sampled_from(["mean", "nearest", "mode", "min", "max"]),
    seed=st.integers(0, 2**16),
)
def test_property_any_chunking_gives_the_reference_levels(
    shape: tuple[int, int, int],
    source_chunks: tuple[int, int, int],
    write_chunks: tuple[int, int, int],
    factors: tuple[int, int, int],
    method: str,
    seed: int,
) -> None:
    data = np.random.default_rng(seed).integers(0, 7, size=shape, dtype=np.uint16)
    plan = _plan(shape, write_chunks, factors, method)
    levels = pyramid(da.from_array(data, chunks=source_chunks), plan.levels, method, plan.axes)
    with dask.config.set(scheduler="sync"):
        computed = dask.compute(*levels)
    np.testing.assert_array_equal(computed[0], data)
    for spec, previous, level, array in zip(
        plan.levels[1:], computed[:-1], computed[1:], levels[1:], strict=True
    ):
        assert_whole_units(array, spec.unit)
        assert_reduced(level, previous, spec.factors, method)


def assert_whole_units(array: da.Array, unit: tuple[int, ...]) -> None:
    """Every block but the last along each axis is whole units: tasks never share a unit."""
    for axis, u in zip(array.chunks, unit, strict=True):
        assert all(c % u == 0 for c in axis[:-1]), (array.chunks, unit)


def test_sharded_levels_are_blocked_by_whole_shards() -> None:
    plan = _plan((4, 64, 64), (2, 8, 8), (1, 2, 2), "mean", shards=(4, 32, 16))
    source = da.zeros((4, 64, 64), dtype=np.uint16, chunks=(3, 7, 7))
    levels = pyramid(source, plan.levels, "mean", plan.axes)
    for spec, level in zip(plan.levels, levels, strict=True):
        assert_whole_units(level, spec.unit)


def test_tasks_grow_to_several_units_up_to_8_mib() -> None:
    plan = _plan((8, 1024, 1024), (8, 64, 64), (1, 2, 2), "mean")
    levels = pyramid(
        da.zeros((8, 1024, 1024), dtype=np.uint16, chunks=(8, 64, 64)),
        plan.levels,
        "mean",
        plan.axes,
    )
    block = levels[0].chunksize
    assert math.prod(block) * 2 <= 8 * 2**20
    assert math.prod(block) > 8 * 64 * 64  # more than one chunk per task
    assert_whole_units(levels[0], (8, 64, 64))


def test_every_source_block_is_read_once(tmp_path: Path) -> None:
    """One pass: all levels come from one read of each source chunk."""
    calls: dict[tuple[int, ...], int] = {}
    lock = threading.Lock()

    def source(block: np.ndarray, block_info: Any = None) -> np.ndarray:
        if block_info is not None and block.size:
            key = tuple(block_info[0]["chunk-location"])
            with lock:
                calls[key] = calls.get(key, 0) + 1
        return block + 1

    base = da.zeros((2, 64, 64), dtype=np.uint16, chunks=(1, 16, 32))
    data = base.map_blocks(source, dtype=np.uint16)
    dest = tmp_path / "a.zarr"
    write_image(dest, data, axes="zyx", chunks=(1, 8, 8), levels=4, channels=None)
    assert sorted(calls) == [(z, y, x) for z in range(2) for y in range(4) for x in range(2)]
    assert set(calls.values()) == {1}
    assert_pyramid(dest, np.ones((2, 64, 64), dtype=np.uint16), "mean")
