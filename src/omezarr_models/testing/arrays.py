"""Hypothesis strategies for small images and the writes that turn them into datasets.

:func:`images` draws ``(array, axes)`` pairs: numpy arrays of 2 to 5 dimensions with axis
names in an order every version from 0.4 allows (``t``, then ``c``, then 2 or 3 of ``z``,
``y``, ``x``), odd and even extents, integer, float and boolean dtypes.
:func:`image_writes` draws the keyword arguments of :func:`omezarr_write.write_image` for such
an array (version, levels and factors per axis, method, scale, translation, units, chunks),
and :func:`label_arrays` integer label images for a given shape. Tests write them and check
that what lands on disk validates and reads back.

Examples
--------
>>> from hypothesis import given, settings
>>> from omezarr_models.testing.arrays import image_writes
>>> @settings(max_examples=5)
... @given(image_writes())
... def test_draws_fit(write):
...     assert write["data"].ndim == len(write["axes"])
>>> test_draws_fit()

Needs ``hypothesis`` and numpy (test dependencies); ``import omezarr_models`` never imports it.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from hypothesis.strategies import SearchStrategy

#: Dtypes drawn for images; labels use the integer ones.
IMAGE_DTYPES = ("uint8", "uint16", "int16", "int32", "float32", "float64", "bool")
LABEL_DTYPES = ("uint8", "uint16", "uint32", "int32", "int64")
#: Methods of the writer; ``gaussian`` needs scipy and is drawn only when asked for.
METHODS = ("mean", "nearest", "mode", "min", "max")
VERSIONS = ("0.4", "0.5", "0.6rc0")


def axis_names(min_dims: int = 2, max_dims: int = 5) -> SearchStrategy[str]:
    """Axis letters in an order the spec allows: ``[t][c](zyx | yx)``."""
    options = [
        lead + space
        for lead in ("", "t", "c", "tc")
        for space in ("yx", "zyx")
        if min_dims <= len(lead + space) <= max_dims
    ]
    return st.sampled_from(options)


def _values(dtype: np.dtype[Any]) -> SearchStrategy[Any]:
    if dtype.kind == "b":
        return st.booleans()
    if dtype.kind == "f":
        return st.floats(-1e4, 1e4, width=32 if dtype.itemsize == 4 else 64, allow_nan=False)
    info = np.iinfo(dtype)
    return st.integers(int(info.min), int(info.max))


@st.composite
def images(
    draw: st.DrawFn, *, max_side: int = 24, dtypes: tuple[str, ...] = IMAGE_DTYPES
) -> tuple[np.ndarray[Any, Any], str]:
    """A small image and its axis letters: channels and time short, space up to ``max_side``."""
    axes = draw(axis_names())
    shape = tuple(
        draw(st.integers(1, 3)) if a in "tc" else draw(st.integers(1, max_side)) for a in axes
    )
    dtype = np.dtype(draw(st.sampled_from(dtypes)))
    array = draw(hnp.arrays(dtype, shape, elements=_values(dtype)))
    return array, axes


def label_arrays(shape: tuple[int, ...]) -> SearchStrategy[np.ndarray[Any, Any]]:
    """Integer label images of ``shape``: few labels, much background, as segmentations are."""
    return st.sampled_from(LABEL_DTYPES).flatmap(
        lambda dtype: hnp.arrays(
            np.dtype(dtype),
            shape,
            elements=st.sampled_from([0, 0, 0, 1, 2, 7, 255]),
        )
    )


@st.composite
def image_writes(
    draw: st.DrawFn,
    *,
    versions: tuple[str, ...] = VERSIONS,
    methods: tuple[str, ...] = METHODS,
    max_side: int = 24,
) -> dict[str, Any]:
    """Keyword arguments of ``write_image`` (with ``data``) for a small drawn image.

    Levels come with explicit per-level factors (1 to 3 per space axis) so that every axis
    and factor combination is reached; scales and translations are short decimals, whose
    exact products the metadata must show.
    """
    array, axes = draw(images(max_side=max_side))
    n_levels = draw(st.integers(1, 3))
    factors = [
        {a: draw(st.integers(1, 3)) for a in axes if a in "zyx"} for _ in range(n_levels - 1)
    ]
    decimals = st.sampled_from([0.05, 0.1, 0.125, 0.2, 0.25, 0.3, 0.5, 1.0, 1.5, 2.0, 3.7])
    write: dict[str, Any] = {
        "data": array,
        "axes": axes,
        "version": draw(st.sampled_from(versions)),
        "levels": n_levels,
        "factors": factors,
        "method": draw(st.sampled_from(methods)),
        "scale": {a: draw(decimals) for a in axes if a in "zyx"},
        "units": "micrometer",
        "name": "drawn",
    }
    if draw(st.booleans()):
        write["translation"] = {a: draw(decimals) for a in axes if a in "zyx"}
    if draw(st.booleans()):
        write["chunks"] = tuple(
            1 if a in "tc" else draw(st.integers(1, max(1, n)))
            for a, n in zip(axes, array.shape, strict=True)
        )
    return write
