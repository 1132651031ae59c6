"""Block reducers: one numpy block in, the block reduced by integer factors out.

Every function here works on one in-memory block whose extent along each reduced axis is a
multiple of its factor, except possibly the last block of an axis: windows that run past the
end are *partial* and reduced over the pixels they have (an odd size 5 with factor 2 gives 3
pixels, the last one made from one source pixel). Nothing is padded with invented values, so
``mode`` never creates a label and ``mean`` never darkens an edge.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

import numpy as np

Method = Literal["mean", "nearest", "mode", "min", "max", "gaussian"]
METHODS: tuple[Method, ...] = ("mean", "nearest", "mode", "min", "max", "gaussian")
#: Methods whose output pixel sits at the centre of its window (the metadata's translation
#: moves by half a window); ``nearest`` keeps the window's first pixel instead.
CENTRED: frozenset[str] = frozenset({"mean", "mode", "min", "max", "gaussian"})

Array = np.ndarray[Any, Any]


def reduced_shape(shape: tuple[int, ...], factors: tuple[int, ...]) -> tuple[int, ...]:
    """Shape after reduction: every started window gives one pixel (ceiling division)."""
    return tuple(-(-n // f) for n, f in zip(shape, factors, strict=True))


def _windows(block: Array, factors: tuple[int, ...]) -> tuple[Array, tuple[int, ...]]:
    """View a block of whole windows as ``(out_0, f_0, out_1, f_1, ...)``; the window axes."""
    shape: list[int] = []
    for n, f in zip(block.shape, factors, strict=True):
        shape += [n // f, f]
    return block.reshape(shape), tuple(2 * i + 1 for i in range(block.ndim))


def _cast(values: Array, dtype: np.dtype[Any]) -> Array:
    """Round float results back into ``dtype`` (half to even, clipped to its range)."""
    if np.issubdtype(dtype, np.integer):
        info = np.iinfo(dtype)
        return np.clip(np.rint(values), info.min, info.max).astype(dtype)
    if dtype == np.bool_:
        return values >= 0.5
    return values.astype(dtype)


def _accumulator(dtype: np.dtype[Any], count: int) -> np.dtype[Any]:
    """An exact, fast dtype for the sum of ``count`` values of ``dtype``."""
    if dtype.kind == "b":
        return np.dtype(np.uint32)
    if dtype.kind == "u" and dtype.itemsize <= 2 and count <= 2**16:
        return np.dtype(np.uint32)  # 65535 × 65536 < 2**32
    if dtype.kind == "i" and dtype.itemsize <= 2 and count <= 2**15:
        return np.dtype(np.int32)
    if dtype.kind in "iu":
        return np.dtype(np.float64)
    return np.dtype(np.float64) if dtype.itemsize == 8 else np.dtype(np.float32)


def _window_sums(values: Array, factors: tuple[int, ...], acc: np.dtype[Any]) -> Array:
    """The sum of each whole window in dtype ``acc``, adding strided slices axis by axis.

    Several times faster than numpy's reduction over the window axes of a reshaped view; the
    first addition widens into ``acc`` as it goes, so the block is never copied whole first.
    """
    total: Array = values
    for axis in sorted(range(values.ndim), key=lambda a: -factors[a]):
        f = factors[axis]
        if f == 1:
            continue
        lead = (slice(None),) * axis
        summed = np.add(
            total[(*lead, slice(0, None, f))], total[(*lead, slice(1, None, f))], dtype=acc
        )
        for k in range(2, f):
            np.add(summed, total[(*lead, slice(k, None, f))], out=summed)
        total = summed
    return total if total.dtype == acc else total.astype(acc)


def _round_div(sums: Array, count: int, dtype: np.dtype[Any]) -> Array:
    """``sums / count`` rounded half to even, exactly, in integer arithmetic."""
    if count & (count - 1) == 0:  # a power of two: shifts
        shift = count.bit_length() - 1
        q, r = sums >> shift, sums & (count - 1)
    else:
        q, r = np.divmod(sums, count)
    twice = r * 2
    up = (twice > count) | ((twice == count) & ((q & 1) == 1))
    out: Array = np.add(q, up, dtype=q.dtype).astype(dtype)
    return out


def _mean(block: Array, factors: tuple[int, ...]) -> Array:
    count = int(np.prod(factors))
    if block.dtype.kind in "iu" and block.dtype.itemsize == 8:
        return _mean_64bit(block, factors, count)
    acc = _accumulator(block.dtype, count)
    sums = _window_sums(block, factors, acc)
    if acc.kind in "iu" and block.dtype.kind in "iu":
        return _round_div(sums, count, block.dtype)
    if acc.kind == "f":
        return _cast(sums * (1.0 / count), block.dtype)
    return _cast(sums / count, block.dtype)


def _mean_64bit(block: Array, factors: tuple[int, ...], count: int) -> Array:
    """Exact mean of 64-bit integers, rounded half to even (float64 is exact only to 2**53).

    Signed values are shifted into the unsigned range (flipping the sign bit adds 2**63, which
    commutes with the mean and keeps parity); each value is split into 32-bit halves whose
    window sums fit in 64 bits, and the quotient is put together from the halves.
    """
    sign = np.uint64(1 << 63)
    u = block.astype(np.uint64) if block.dtype.kind == "u" else block.view(np.uint64) ^ sign
    low_mask = np.uint64(0xFFFFFFFF)
    high = _window_sums(u >> np.uint64(32), factors, np.dtype(np.uint64))
    low = _window_sums(u & low_mask, factors, np.dtype(np.uint64))
    n = np.uint64(count)
    q_high, r_high = np.divmod(high, n)
    q_low, rest = np.divmod((r_high << np.uint64(32)) + low, n)
    floor = (q_high << np.uint64(32)) + q_low
    twice = rest * np.uint64(2)
    up = (twice > n) | ((twice == n) & ((floor & np.uint64(1)) == 1))
    out: Array = np.asarray(floor + up.astype(np.uint64))
    if block.dtype.kind == "u":
        return out.astype(block.dtype)
    return np.asarray(out ^ sign).view(np.int64).astype(block.dtype)


def _nearest(block: Array, factors: tuple[int, ...]) -> Array:
    return block[tuple(slice(None, None, f) for f in factors)]


def _min(block: Array, factors: tuple[int, ...]) -> Array:
    view, axes = _windows(block, factors)
    return np.asarray(view.min(axis=axes))


def _max(block: Array, factors: tuple[int, ...]) -> Array:
    view, axes = _windows(block, factors)
    return np.asarray(view.max(axis=axes))


def _mode(block: Array, factors: tuple[int, ...]) -> Array:
    view, axes = _windows(block, factors)
    keep = tuple(2 * i for i in range(block.ndim))
    flat = view.transpose(keep + axes).reshape(*(view.shape[a] for a in keep), -1)
    if flat.shape[-1] == 1:
        return flat[..., 0]
    # sorting a window puts equal values side by side: the longest run wins, and as runs come
    # in ascending order, a strict ``>`` leaves ties to the smallest value
    order = np.sort(flat, axis=-1)
    best_val = order[..., 0].copy()
    best_len = np.ones(order.shape[:-1], dtype=np.int32)
    run_len = np.ones(order.shape[:-1], dtype=np.int32)
    for j in range(1, order.shape[-1]):
        run_len = np.where(order[..., j] == order[..., j - 1], run_len + 1, 1)
        better = run_len > best_len
        best_len = np.where(better, run_len, best_len)
        best_val = np.where(better, order[..., j], best_val)
    return best_val


_WHOLE: dict[str, Callable[[Array, tuple[int, ...]], Array]] = {
    "mean": _mean,
    "nearest": _nearest,
    "mode": _mode,
    "min": _min,
    "max": _max,
}


def reduce(block: Array, factors: tuple[int, ...], method: str) -> Array:
    """Reduce ``block`` by ``factors`` with ``method`` (any but ``gaussian``).

    A partial window at the end of an axis is a whole window of a smaller factor, so the
    block is split into at most two parts per axis (the whole windows and the remainder),
    each reduced on its own and the results put back together.
    """
    whole = _WHOLE[method]
    if method == "nearest":
        # the first pixel of a partial window exists: no splitting needed
        return np.ascontiguousarray(whole(block, factors))
    return np.ascontiguousarray(_reduce_parts(block, factors, whole))


def _reduce_parts(
    block: Array, factors: tuple[int, ...], whole: Callable[[Array, tuple[int, ...]], Array]
) -> Array:
    for axis, (n, f) in enumerate(zip(block.shape, factors, strict=True)):
        rest = n % f
        if rest:
            cut = n - rest
            tail_factors = (*factors[:axis], rest, *factors[axis + 1 :])
            tail = _reduce_parts(np.take(block, range(cut, n), axis=axis), tail_factors, whole)
            if cut == 0:
                return tail
            head = _reduce_parts(np.take(block, range(cut), axis=axis), factors, whole)
            return np.concatenate([head, tail], axis=axis)
    return whole(block, factors)


def gaussian(block: Array, factors: tuple[int, ...], depth: tuple[int, ...]) -> Array:
    """Gaussian anti-aliasing then the window mean.

    ``block`` carries ``depth`` pixels of neighbouring data on each side (dask's overlap), so
    the blur is continuous across block borders; they are cut off before reducing. The sigma
    per axis is ``(factor - 1) / 2``, the usual choice for pyramid anti-aliasing (no blur
    on axes that are not reduced). Needs scipy (the ``gaussian`` extra).
    """
    from scipy import ndimage

    sigma = [(f - 1) / 2 for f in factors]
    blurred = ndimage.gaussian_filter(block.astype(np.float32), sigma=sigma, mode="nearest")
    core = blurred[tuple(slice(d, n - d) for d, n in zip(depth, block.shape, strict=True))]
    return _cast(reduce(core, factors, "mean"), block.dtype)


def gaussian_depth(factors: tuple[int, ...]) -> tuple[int, ...]:
    """Overlap the gaussian method needs on each side: four sigmas, as scipy truncates."""
    return tuple(int(np.ceil(4 * (f - 1) / 2)) for f in factors)
