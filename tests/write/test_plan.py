"""The write plan: exact level metadata, default factors and levels, chunks, shards, refusals."""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from omezarr_write import InvalidArgumentError
from omezarr_write._plan import (
    CHUNK_BYTES,
    SHARD_BYTES,
    AxisSpec,
    auto_chunks,
    auto_shards,
    level_factors,
    parse_axes,
    plan_image,
)


def plan(shape: tuple[int, ...] = (64, 64), axes: Any = "yx", **kw: Any) -> Any:
    options: dict[str, Any] = {
        "dtype": np.dtype("uint16"),
        "version": "0.5",
        "scale": None,
        "translation": None,
        "units": None,
        "levels": None,
        "factors": None,
        "method": "mean",
        "chunks": "auto",
        "shards": None,
    }
    options.update(kw)
    return plan_image(shape=shape, axes=axes, **options)


def _json(level: Any) -> dict[str, list[float]]:
    return {t["type"]: t[t["type"]] for t in level.transformations()}


# ----------------------------------------------------------------------------- scales


def test_level_scales_are_exact_decimals() -> None:
    p = plan((90, 90), scale=0.05, factors=3, levels=3)
    scales = [_json(level)["scale"] for level in p.levels]
    assert scales == [[0.05, 0.05], [0.15, 0.15], [0.45, 0.45]]
    # float arithmetic gives 0.15000000000000002 and 0.45000000000000007
    assert 0.05 * 3 != 0.15
    assert repr(scales[1][0]) == "0.15"
    assert repr(scales[2][0]) == "0.45"
    assert p.levels[1].scale == (Decimal("0.15"), Decimal("0.15"))


def test_centred_methods_shift_the_translation_by_half_a_window() -> None:
    p = plan((90, 90), scale=[0.05, 0.1], translation=[1.1, -2.0], factors=3, levels=3)
    t = [_json(level).get("translation") for level in p.levels]
    # level 1: (3 - 1) / 2 × base scale; level 2: (9 - 1) / 2 × base scale
    assert t == [[1.1, -2.0], [1.15, -1.9], [1.3, -1.6]]
    assert [repr(v) for v in t[1]] == ["1.15", "-1.9"]


def test_centred_shift_without_a_base_translation() -> None:
    p = plan((64, 64), scale=0.3, levels=3, method="max")
    assert _json(p.levels[0]).keys() == {"scale"}  # no translation at full resolution
    assert _json(p.levels[1])["translation"] == [0.15, 0.15]
    assert _json(p.levels[2])["translation"] == [0.45, 0.45]  # (4 - 1) / 2 × 0.3


def test_per_axis_factors_shift_each_axis_by_its_own_window() -> None:
    p = plan((16, 32, 32), axes="zyx", scale=[2, 0.5, 0.5], factors=[(1, 2, 4), (2, 2, 2)])
    assert [level.factors for level in p.levels] == [(1, 1, 1), (1, 2, 4), (2, 2, 2)]
    assert [level.shape for level in p.levels] == [(16, 32, 32), (16, 16, 8), (8, 8, 4)]
    assert _json(p.levels[2])["scale"] == [4.0, 2.0, 4.0]
    assert _json(p.levels[2])["translation"] == [1.0, 0.75, 1.75]


def test_nearest_does_not_shift() -> None:
    p = plan((64, 64), scale=0.05, levels=3, method="nearest")
    assert all("translation" not in _json(level) for level in p.levels)
    p = plan((64, 64), scale=0.05, translation=[3.5, 1], levels=3, method="nearest")
    assert [_json(level)["translation"] for level in p.levels] == [[3.5, 1.0]] * 3
    assert _json(p.levels[2])["scale"] == [0.2, 0.2]


def test_scale_and_translation_as_mappings() -> None:
    p = plan((4, 8, 8), axes="czyx"[1:], scale={"x": 0.7}, translation={"z": 5}, levels=2)
    assert _json(p.levels[0]) == {"scale": [1.0, 1.0, 0.7], "translation": [5.0, 0.0, 0.0]}


# ----------------------------------------------------------------------------- factors and levels


def test_z_is_not_reduced_unless_isotropic() -> None:
    axes = [AxisSpec("t", "time", None), AxisSpec("z", "space", None)]
    axes += [AxisSpec("y", "space", None), AxisSpec("x", "space", None)]
    shape, chunks = (3, 64, 64, 64), (1, 16, 16, 16)
    anisotropic = [Decimal(1), Decimal(2), Decimal("0.5"), Decimal("0.5")]
    assert level_factors(None, 3, shape, chunks, axes, anisotropic) == [(1, 1, 2, 2)] * 2
    isotropic = [Decimal(7), Decimal("0.5"), Decimal("0.5"), Decimal("0.5")]
    assert level_factors(None, 3, shape, chunks, axes, isotropic) == [(1, 2, 2, 2)] * 2
    assert level_factors(3, 2, shape, chunks, axes, isotropic) == [(1, 3, 3, 3)]
    # asked for: z reduced although anisotropic
    assert level_factors({"z": 2}, 2, shape, chunks, axes, anisotropic) == [(1, 2, 1, 1)]


def test_2d_default_factors() -> None:
    p = plan((40, 40), chunks=(16, 16))
    assert [level.factors for level in p.levels[1:]] == [(2, 2), (2, 2)]
    assert [level.shape for level in p.levels] == [(40, 40), (20, 20), (10, 10)]


def test_default_level_count_stops_when_the_reduced_axes_fit_one_chunk() -> None:
    p = plan((1, 2, 64, 1000, 3000), axes="tczyx", scale=[1, 1, 2, 0.5, 0.5])
    chunks = p.levels[0].chunks
    assert chunks == (1, 1, 32, 256, 256)
    shapes = [level.shape for level in p.levels]
    assert shapes[-1][3] <= chunks[3]
    assert shapes[-1][4] <= chunks[4]
    assert shapes[-2][4] > chunks[4]  # one level fewer would not fit
    assert [s[2] for s in shapes] == [64] * len(shapes)  # anisotropic z kept
    assert shapes == [
        (1, 2, 64, 1000, 3000),
        (1, 2, 64, 500, 1500),
        (1, 2, 64, 250, 750),
        (1, 2, 64, 125, 375),
        (1, 2, 64, 63, 188),
    ]


def test_an_image_within_one_chunk_has_one_level() -> None:
    assert len(plan((100, 100)).levels) == 1


def test_default_factors_stop_reducing_an_axis_at_one_pixel() -> None:
    p = plan((2, 300), chunks=(1, 16))
    assert p.levels[-1].shape == (1, 10)
    assert p.levels[-1].factors == (1, 2)
    assert p.levels[-1].shape[1] <= 16 < p.levels[-2].shape[1]


def test_explicit_levels() -> None:
    p = plan((64, 64), levels=4, chunks=(64, 64))
    assert [level.shape for level in p.levels] == [(64, 64), (32, 32), (16, 16), (8, 8)]
    assert [level.path for level in p.levels] == ["0", "1", "2", "3"]


# ----------------------------------------------------------------------------- chunks and shards


def _space(ndim: int) -> list[AxisSpec]:
    names = "tczyx"[5 - ndim :]
    return [AxisSpec(n, {"t": "time", "c": "channel"}.get(n, "space"), None) for n in names]


def test_auto_chunks_documented_example() -> None:
    assert auto_chunks((1, 2, 64, 1024, 1024), _space(5), 2) == (1, 1, 32, 256, 256)
    assert auto_chunks((10, 20), _space(2), 8) == (10, 20)
    assert auto_chunks((5000, 5000), _space(2), 1) == (1024, 1024)


@settings(max_examples=200)
@given(
    ndim=st.integers(2, 5),
    sizes=st.lists(st.integers(1, 5000), min_size=5, max_size=5),
    itemsize=st.sampled_from([1, 2, 4, 8]),
)
def test_property_auto_chunks(ndim: int, sizes: list[int], itemsize: int) -> None:
    shape = tuple(sizes[:ndim])
    axes = _space(ndim)
    chunks = auto_chunks(shape, axes, itemsize)
    assert math.prod(chunks) * itemsize <= CHUNK_BYTES
    for c, n, axis in zip(chunks, shape, axes, strict=True):
        assert 1 <= c <= n
        if axis.type == "space":
            assert c == n or c & (c - 1) == 0, (chunks, shape)  # a power of two, or the extent
            assert c <= 1024
        else:
            assert c == 1
    shards = auto_shards(shape, chunks, axes, itemsize)
    for s, c, n in zip(shards, chunks, shape, strict=True):
        assert s % c == 0
        assert s < 2 * max(n, c)  # never a shard beyond what the array needs
    assert math.prod(shards) * itemsize <= max(SHARD_BYTES, math.prod(chunks) * itemsize)


def test_level_shards_are_multiples_of_the_level_chunks() -> None:
    p = plan((1000, 1000), chunks=(64, 64), shards=(256, 512), levels=4)
    for level in p.levels:
        assert level.shards is not None
        assert all(s % c == 0 for s, c in zip(level.shards, level.chunks, strict=True))
        assert level.unit == level.shards
    assert p.levels[0].shards == (256, 512)
    assert p.levels[3].shape == (125, 125)
    assert p.levels[3].shards == (128, 128)


def test_explicit_chunks_are_clipped_to_the_shape() -> None:
    p = plan((10, 300), chunks={"y": 64, "x": 64}, levels=3)
    assert [level.chunks for level in p.levels] == [(10, 64), (5, 64), (3, 64)]


# ----------------------------------------------------------------------------- axes


def test_parse_axes_forms() -> None:
    assert parse_axes("tczyx", 5, "micrometer") == (
        AxisSpec("t", "time", None),
        AxisSpec("c", "channel", None),
        AxisSpec("z", "space", "micrometer"),
        AxisSpec("y", "space", "micrometer"),
        AxisSpec("x", "space", "micrometer"),
    )
    axes = parse_axes(["y", {"name": "x", "type": "space", "unit": "nanometer"}], 2, {"y": "meter"})
    assert axes == (AxisSpec("y", "space", "meter"), AxisSpec("x", "space", "nanometer"))
    assert parse_axes(["p", "q"], 2, None) == (AxisSpec("p", None, None), AxisSpec("q", None, None))


# ----------------------------------------------------------------------------- refusals


@pytest.mark.parametrize(
    ("argument", "shape", "kw"),
    [
        ("axes", (8, 8), {"axes": "zyx"}),
        ("axes", (8, 8, 8), {"axes": "yx"}),
        ("axes", (8, 8), {"axes": "xx"}),
        ("axes", (8, 8), {"axes": [1, 2]}),
        ("units", (8, 8), {"units": {"z": "micrometer"}}),
        ("scale", (8, 8), {"scale": {"z": 2}}),
        ("scale", (8, 8), {"scale": [1, 2, 3]}),
        ("scale", (8, 8), {"scale": [1, 0]}),
        ("scale", (8, 8), {"scale": [1, float("nan")]}),
        ("scale", (8, 8), {"scale": [1, "2"]}),
        ("translation", (8, 8), {"translation": {"q": 1}}),
        ("factors", (8, 8), {"factors": {"z": 2}}),
        ("factors", (8, 8), {"factors": 0}),
        ("factors", (8, 8), {"factors": 2.5}),
        ("factors", (8, 8), {"factors": (2, 2.5)}),
        ("factors", (8, 8), {"factors": [(2, 2), (2, 0)]}),
        ("factors", (8, 8), {"factors": (2, 2, 2)}),
        ("factors", (8, 8), {"factors": True}),
        ("levels", (8, 8), {"levels": 0}),
        ("levels", (8, 8), {"levels": 33}),
        ("levels", (8, 8), {"levels": 2.0}),
        ("levels", (8, 8), {"levels": 4, "factors": [(2, 2)]}),
        ("method", (8, 8), {"method": "median"}),
        ("shards", (8, 8), {"version": "0.4", "shards": (8, 8)}),
        ("shards", (64, 64), {"chunks": (16, 16), "shards": (24, 32)}),
        ("shards", (8, 8), {"shards": (8, 0)}),
        ("chunks", (8, 8), {"chunks": (8,)}),
        ("chunks", (8, 8), {"chunks": {"y": 4}}),
        ("chunks", (8, 8), {"chunks": (4, -1)}),
        ("version", (8, 8), {"version": "0.3"}),
        ("version", (8, 8), {"version": "0.6"}),
        ("data", (8,), {"axes": "x"}),
        ("data", (2, 2, 2, 2, 2, 2), {"axes": "abcdef"}),
        ("data", (0, 8), {}),
    ],
)
def test_bad_arguments_are_refused_by_name(
    argument: str, shape: tuple[int, ...], kw: dict[str, Any]
) -> None:
    with pytest.raises(InvalidArgumentError) as info:
        plan(shape, **kw)
    assert info.value.argument == argument
    assert str(info.value).startswith(f"{argument}: ")
