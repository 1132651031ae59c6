"""The block reducers against the naive reference: every method, factor, size and dtype."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from omezarr_write._downsample import CENTRED, gaussian, gaussian_depth, reduce, reduced_shape
from tests.write.reference import assert_reduced, naive_reduce

METHODS = ("mean", "nearest", "mode", "min", "max")
DTYPES = (
    "bool",
    "uint8",
    "int8",
    "uint16",
    "int16",
    "uint32",
    "int32",
    "int64",
    "float32",
    "float64",
)


def _data(shape: tuple[int, ...], dtype: str, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    dt = np.dtype(dtype)
    if dt == np.bool_:
        return rng.random(shape) < 0.5
    if dt.kind == "f":
        return (rng.standard_normal(shape) * 1000).astype(dt)
    info = np.iinfo(dt)
    lo, hi = max(int(info.min), -(2**40)), min(int(info.max), 2**40)
    return rng.integers(lo, hi, size=shape, endpoint=True, dtype=dt)


# ----------------------------------------------------------------------------- fixed cases


def test_reduced_shape_is_ceiling_division() -> None:
    assert reduced_shape((5, 8, 7, 1), (2, 2, 3, 4)) == (3, 4, 3, 1)


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize(
    ("shape", "factors"),
    [
        ((8, 8), (2, 2)),  # whole windows
        ((7, 9), (2, 2)),  # odd sizes: partial windows at both ends
        ((9, 10), (3, 4)),
        ((5, 6, 7), (1, 2, 3)),  # factor 1 on one axis
        ((3, 5, 6, 7), (1, 3, 4, 2)),
        ((2, 3, 5, 6, 7), (1, 2, 2, 3, 4)),  # 5-D
        ((3, 2), (4, 4)),  # factor larger than the extent: one partial window
        ((1, 1), (2, 3)),
    ],
)
@pytest.mark.parametrize(
    "dtype", ["bool", "uint8", "int16", "uint16", "int64", "float32", "float64"]
)
def test_reduce_equals_the_naive_reference(
    method: str, shape: tuple[int, ...], factors: tuple[int, ...], dtype: str
) -> None:
    source = _data(shape, dtype, seed=len(shape) * 7 + sum(factors))
    actual = reduce(source, factors, method)
    assert actual.flags.c_contiguous
    assert_reduced(actual, source, factors, method)


def test_mean_rounds_half_to_even() -> None:
    # windows of 2: means 0.5, 1.5, 2.5, 3.5 → 0, 2, 2, 4
    source = np.array([[0, 1, 1, 2, 2, 3, 3, 4]], dtype=np.uint8)
    assert reduce(source, (1, 2), "mean").tolist() == [[0, 2, 2, 4]]
    # a window of 6 whose mean is exactly k + 1/2, with large values
    source = np.array([[65532, 65533, 65534], [65533, 65534, 65535]], dtype=np.uint16)
    assert reduce(source, (2, 3), "mean").tolist() == [[65534]]  # 65533.5 → even
    source = np.array([[-3, -2]], dtype=np.int16)
    assert reduce(source, (1, 2), "mean").tolist() == [[-2]]  # -2.5 → -2


def test_mean_of_a_partial_window_uses_the_pixels_it_has() -> None:
    # 5 pixels, factor 2: the last output pixel is the last source pixel, not darkened
    source = np.array([10, 20, 30, 40, 50], dtype=np.uint8).reshape(1, 5)
    assert reduce(source, (1, 2), "mean").tolist() == [[15, 35, 50]]


def test_mean_keeps_float_dtypes() -> None:
    source = np.array([[0.25, 0.5, 1.0]], dtype=np.float32)
    out = reduce(source, (1, 2), "mean")
    assert out.dtype == np.float32
    assert out.tolist() == [[0.375, 1.0]]


def test_nearest_takes_the_first_pixel_of_each_window() -> None:
    source = np.arange(35, dtype=np.int32).reshape(5, 7)
    assert reduce(source, (2, 3), "nearest").tolist() == [[0, 3, 6], [14, 17, 20], [28, 31, 34]]


def test_mode_breaks_ties_with_the_smallest_value_and_never_invents_one() -> None:
    source = np.array([[7, 3, 3, 7, 9, 9, 1, 1, 1, 200]], dtype=np.uint8)
    # windows (7,3,3,7) tie → 3; (9,9,1,1) tie → 1; (1,200) tie → 1
    assert reduce(source, (1, 4), "mode").tolist() == [[3, 1, 1]]
    # the mean of a window of labels 1 and 5 would be 3, a label present nowhere
    labels = np.array([[1, 5], [5, 1]], dtype=np.uint32)
    assert reduce(labels, (2, 2), "mode").tolist() == [[1]]
    assert reduce(labels, (2, 2), "mean").tolist() == [[3]]


def test_mode_finds_the_majority_beyond_ties() -> None:
    source = np.array([[4, 2, 4, 2, 4, 8, 8, 8, 8]], dtype=np.int64)
    assert reduce(source, (1, 9), "mode").tolist() == [[8]]
    negative = np.array([[-5, -1, -5, -1]], dtype=np.int8)
    assert reduce(negative, (1, 4), "mode").tolist() == [[-5]]


def test_min_and_max() -> None:
    source = np.array([[3, 1, 2], [9, 0, 5]], dtype=np.int16)
    assert reduce(source, (2, 2), "min").tolist() == [[0, 2]]
    assert reduce(source, (2, 2), "max").tolist() == [[9, 5]]


def test_bool_mean_is_a_majority_with_ties_set() -> None:
    source = np.array([[True, False, True, True, False, False, False, True]])
    assert reduce(source, (1, 2), "mean").tolist() == [[True, True, False, True]]
    assert reduce(source, (1, 4), "mean").tolist() == [[True, False]]


@pytest.mark.parametrize("method", METHODS)
def test_factors_of_one_change_nothing(method: str) -> None:
    source = _data((3, 4, 5), "uint16")
    np.testing.assert_array_equal(reduce(source, (1, 1, 1), method), source)


def test_centred_methods() -> None:
    assert "nearest" not in CENTRED
    assert {"mean", "mode", "min", "max", "gaussian"} <= CENTRED


# ----------------------------------------------------------------------------- gaussian


def _gaussian_reference(source: np.ndarray, factors: tuple[int, ...]) -> np.ndarray:
    """Blur the whole array (sigma (f-1)/2, edges repeated), then the naive window mean."""
    from scipy import ndimage

    sigma = [(f - 1) / 2 for f in factors]
    blurred = ndimage.gaussian_filter(source.astype(np.float64), sigma=sigma, mode="nearest")
    return naive_reduce(blurred, factors, "mean")


@pytest.mark.parametrize(("shape", "factors"), [((9, 12), (2, 3)), ((4, 7, 9), (1, 2, 4))])
def test_gaussian_equals_blur_then_mean(shape: tuple[int, ...], factors: tuple[int, ...]) -> None:
    pytest.importorskip("scipy")
    source = _data(shape, "float32")
    out = gaussian(source, factors, (0,) * len(shape))
    assert out.dtype == np.float32
    expected = _gaussian_reference(source, factors)
    np.testing.assert_allclose(out, expected, rtol=1e-4, atol=1e-2)


def test_gaussian_with_overlap_is_continuous_across_blocks() -> None:
    pytest.importorskip("scipy")
    source = _data((40, 36), "float32", seed=3)
    factors = (2, 3)
    depth = gaussian_depth(factors)
    assert depth == (2, 4)
    # the middle block of 12 rows, with its overlap, gives the middle of the whole result
    block = np.pad(source, [(d, d) for d in depth], mode="edge")[12 : 24 + 2 * depth[0], :]
    out = gaussian(block, factors, depth)
    expected = _gaussian_reference(source, factors)[6:12]
    np.testing.assert_allclose(out, expected, rtol=1e-4, atol=1e-2)


def test_gaussian_on_integers_rounds_back() -> None:
    pytest.importorskip("scipy")
    source = _data((16, 16), "uint16")
    out = gaussian(source, (2, 2), (0, 0))
    assert out.dtype == np.uint16
    expected = _gaussian_reference(source, (2, 2))
    assert np.abs(out.astype(np.int64) - np.rint(expected).astype(np.int64)).max() <= 1
    # a constant image stays that constant
    flat = np.full((9, 9), 1234, dtype=np.uint16)
    assert (gaussian(flat, (3, 3), (0, 0)) == 1234).all()


# ----------------------------------------------------------------------------- properties

_SMALL_DTYPES = st.sampled_from(
    [
        np.bool_,
        np.uint8,
        np.int8,
        np.uint16,
        np.int16,
        np.int32,
        np.uint32,
        np.int64,
        np.float32,
        np.float64,
    ]
)


@st.composite
def _case(draw: st.DrawFn) -> tuple[np.ndarray, tuple[int, ...]]:
    ndim = draw(st.integers(2, 5))
    shape = tuple(draw(st.lists(st.integers(1, 7), min_size=ndim, max_size=ndim)))
    if np.prod(shape) > 600:
        shape = (*shape[:-2], 3, 3)
    dtype = np.dtype(draw(_SMALL_DTYPES))
    if dtype.kind == "f":
        elements = st.floats(
            -1e6, 1e6, allow_nan=False, allow_infinity=False, width=dtype.itemsize * 8
        )
    elif dtype.kind in "iu":
        info = np.iinfo(dtype)
        # int64 means are taken in float64: values within 2**40 keep them exact
        elements = st.integers(max(int(info.min), -(2**40)), min(int(info.max), 2**40))
    else:
        elements = None
    array = draw(hnp.arrays(dtype, shape, elements=elements))
    factors = tuple(draw(st.lists(st.integers(1, 4), min_size=ndim, max_size=ndim)))
    return array, factors


@pytest.mark.parametrize("method", METHODS)
@settings(max_examples=150)
@given(case=_case())
def test_property_reduce_equals_the_reference(
    method: str, case: tuple[np.ndarray, tuple[int, ...]]
) -> None:
    array, factors = case
    assert_reduced(reduce(array, factors, method), array, factors, method)


@settings(max_examples=150)
@given(
    array=hnp.arrays(np.uint16, hnp.array_shapes(min_dims=2, max_dims=4, max_side=7)),
    data=st.data(),
)
def test_property_mode_and_extremes_never_invent_values(
    array: np.ndarray, data: st.DataObject
) -> None:
    factors = tuple(data.draw(st.integers(1, 4)) for _ in range(array.ndim))
    present = set(np.unique(array).tolist())
    for method in ("mode", "nearest", "min", "max"):
        assert set(np.unique(reduce(array, factors, method)).tolist()) <= present


@pytest.mark.parametrize("dtype", ["int32", "uint32"])
def test_mean_of_32_bit_integers_is_exact(dtype: str) -> None:
    # float32 sums would lose these (2**24 + 1 is not a float32)
    source = np.full((1, 4), 2**24 + 1, dtype=dtype)
    assert reduce(source, (1, 4), "mean").tolist() == [[2**24 + 1]]
    top = np.array([[4_294_967_295, 4_294_967_293]], dtype=np.uint32)
    if dtype == "uint32":
        assert reduce(top, (1, 2), "mean").tolist() == [[4_294_967_294]]


def test_mean_of_64_bit_integers_beyond_2_53() -> None:
    source = np.array([[2**60 + 1, 2**60 + 3]], dtype=np.uint64)
    assert reduce(source, (1, 2), "mean").tolist() == [[2**60 + 2]]
