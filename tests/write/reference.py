"""A naive, independent reference of the writer's pyramid reducers, and shared helpers.

Everything here walks the windows with explicit Python loops: output pixel ``i`` along an
axis of extent ``n`` with factor ``f`` covers source pixels ``i*f .. min((i+1)*f, n) - 1``
(a window running past the end keeps the pixels it has). Exact arithmetic (``Fraction``)
decides the mean of integers, so rounding half to even is judged on the true value.
"""

from __future__ import annotations

import itertools
from collections import Counter
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np

Array = np.ndarray[Any, Any]


def windows(
    shape: tuple[int, ...], factors: tuple[int, ...]
) -> list[tuple[tuple[int, ...], tuple[slice, ...]]]:
    """Every output index with the source slices of its window."""
    out_shape = [(n + f - 1) // f for n, f in zip(shape, factors, strict=True)]
    result = []
    for index in itertools.product(*(range(m) for m in out_shape)):
        slices = tuple(
            slice(i * f, min((i + 1) * f, n)) for i, f, n in zip(index, factors, shape, strict=True)
        )
        result.append((index, slices))
    return result


def _mean(values: list[Any], dtype: np.dtype[Any]) -> Any:
    if dtype == np.bool_:
        # a mask stays a mask: set where at least half of the window is set
        return 2 * sum(bool(v) for v in values) >= len(values)
    if np.issubdtype(dtype, np.integer):
        exact = Fraction(sum(int(v) for v in values), len(values))
        return round(exact)  # Fraction rounds half to even
    return np.float64(sum(float(v) for v in values) / len(values))


def _mode(values: list[Any]) -> Any:
    counts = Counter(values)
    best = max(counts.values())
    return min(v for v, c in counts.items() if c == best)


def naive_reduce(array: Array, factors: tuple[int, ...], method: str) -> Array:
    """``array`` reduced by ``factors`` with ``method``, one window at a time."""
    assert array.ndim == len(factors)
    out_shape = tuple((n + f - 1) // f for n, f in zip(array.shape, factors, strict=True))
    if method == "mean" and np.issubdtype(array.dtype, np.floating):
        out = np.empty(out_shape, dtype=np.float64)
    else:
        out = np.empty(out_shape, dtype=array.dtype)
    for index, slices in windows(array.shape, factors):
        window = array[slices]
        values = window.ravel().tolist()
        if method == "mean":
            value = _mean(values, array.dtype)
        elif method == "nearest":
            value = array[tuple(s.start for s in slices)]
        elif method == "mode":
            value = _mode(values)
        elif method == "min":
            value = min(values)
        elif method == "max":
            value = max(values)
        else:  # pragma: no cover - a test asked for a method this reference lacks
            raise ValueError(method)
        out[index] = value
    return out


def assert_reduced(actual: Array, source: Array, factors: tuple[int, ...], method: str) -> None:
    """``actual`` is ``source`` reduced by the naive reference (floats: to their precision)."""
    expected = naive_reduce(source, factors, method)
    assert actual.shape == expected.shape, (actual.shape, expected.shape)
    assert actual.dtype == source.dtype, (actual.dtype, source.dtype)
    if method == "mean" and np.issubdtype(source.dtype, np.floating):
        # summing in the data's own precision: a few ulps of the largest value of the window
        eps = float(np.finfo(source.dtype).eps)
        scale = float(np.max(np.abs(source))) if source.size else 0.0
        np.testing.assert_allclose(
            actual.astype(np.float64), expected, rtol=0, atol=32 * eps * scale + 1e-300
        )
    else:
        np.testing.assert_array_equal(actual, expected)


def tree(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` (relative POSIX path → content), to prove nothing changed."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def leftovers(folder: Path) -> list[str]:
    """Hidden staging or aside folders a write left in ``folder``."""
    return sorted(p.name for p in folder.iterdir() if ".omezarr-" in p.name)
