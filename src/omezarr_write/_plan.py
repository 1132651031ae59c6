"""Turn the writer's keyword arguments into a checked plan: axes, levels, chunks, metadata.

Everything a write needs is decided and checked here, before anything touches the
destination, so that a bad argument fails with a message naming it and leaves no trace.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

import numpy as np

from omezarr_write._downsample import CENTRED, METHODS, reduced_shape
from omezarr_write._numbers import exact, to_json
from omezarr_write.errors import InvalidArgumentError

#: Axis types implied by the conventional one-letter names.
IMPLIED_TYPES = {"t": "time", "c": "channel", "z": "space", "y": "space", "x": "space"}
#: Largest auto chunk, and the largest chunk extent along one spatial axis.
CHUNK_BYTES = 4 * 2**20
CHUNK_EXTENT = 1024
#: Largest auto shard: a dask task holds one shard in memory while encoding it.
SHARD_BYTES = 64 * 2**20
#: What one dask task computes and writes (whole chunks or shards, see ``LevelSpec.block``).
TASK_BYTES = 8 * 2**20
MAX_LEVELS = 32
VERSIONS = ("0.4", "0.5", "0.6rc0")


@dataclass(frozen=True)
class AxisSpec:
    """One axis as it will be written: name, optional type and unit."""

    name: str
    type: str | None
    unit: str | None

    def to_json(self) -> dict[str, Any]:
        """The axis object of the metadata."""
        out: dict[str, Any] = {"name": self.name}
        if self.type is not None:
            out["type"] = self.type
        if self.unit is not None:
            out["unit"] = self.unit
        return out


@dataclass(frozen=True)
class LevelSpec:
    """One resolution level: its array shape, chunks, shards and transformations."""

    path: str
    shape: tuple[int, ...]
    chunks: tuple[int, ...]
    shards: tuple[int, ...] | None
    #: factors relative to the previous level (all 1 for the base)
    factors: tuple[int, ...]
    scale: tuple[Decimal, ...]
    translation: tuple[Decimal, ...] | None

    @property
    def unit(self) -> tuple[int, ...]:
        """The smallest region a task may write: a shard when sharded (written whole)."""
        return self.shards if self.shards is not None else self.chunks

    def block(self, itemsize: int, axes: Sequence[AxisSpec]) -> tuple[int, ...]:
        """The region one task computes and writes: whole units, grown to about 8 MiB.

        Tasks of a few chunks rather than one keep dask's per-task cost and the threads'
        hand-overs small against the arithmetic, and let zarr encode a task's chunks in
        parallel; 8 MiB keeps a worker's memory to a few tens of MiB.
        """
        unit = list(self.unit)
        if math.prod(unit) * itemsize >= TASK_BYTES:
            return tuple(unit)
        space = [i for i, a in enumerate(axes) if a.type == "space"] or list(range(len(unit)))[-2:]
        grown = list(unit)
        while True:
            room = [i for i in space if grown[i] < self.shape[i]]
            if not room or math.prod(grown) * 2 * itemsize > TASK_BYTES:
                return tuple(min(g, n) for g, n in zip(grown, self.shape, strict=True))
            i = min(room, key=lambda k: (grown[k] // unit[k], -k))
            grown[i] *= 2

    def transformations(self) -> list[dict[str, Any]]:
        """The dataset's ``coordinateTransformations``: scale, then translation if any."""
        out: list[dict[str, Any]] = [{"type": "scale", "scale": [to_json(v) for v in self.scale]}]
        if self.translation is not None:
            out.append(
                {"type": "translation", "translation": [to_json(v) for v in self.translation]}
            )
        return out

    def transformation_06(self, system: str) -> dict[str, Any]:
        """The 0.6 dataset transformation: array space → ``system``, a scale or a sequence."""
        ends = {"input": {"path": self.path}, "output": {"name": system}}
        steps = self.transformations()
        if len(steps) == 1:
            return {**steps[0], **ends}
        return {"type": "sequence", **ends, "transformations": steps}


@dataclass(frozen=True)
class ImagePlan:
    """A checked description of one multiscale image write."""

    version: str
    axes: tuple[AxisSpec, ...]
    dtype: np.dtype[Any]
    levels: tuple[LevelSpec, ...]
    method: str

    @property
    def zarr_format(self) -> Literal[2, 3]:
        """2 for 0.4 and earlier, 3 from 0.5 on."""
        return 2 if self.version == "0.4" else 3

    @property
    def names(self) -> tuple[str, ...]:
        """The axis names, in array order."""
        return tuple(a.name for a in self.axes)


# -- axes ---------------------------------------------------------------------------------


def parse_axes(
    axes: str | Sequence[Any], ndim: int, units: str | Mapping[str, str] | None
) -> tuple[AxisSpec, ...]:
    """Axes from ``"tczyx"``-style letters, a list of names, or axis objects/dicts.

    Types are implied for ``t``, ``c``, ``z``, ``y``, ``x``; ``units`` is one unit for every
    space axis, or a mapping from axis name to unit.
    """
    items: list[Any] = list(axes)  # letters of a string, or the items of a sequence
    if len(items) != ndim:
        raise InvalidArgumentError(
            "axes", f"{len(items)} axes given ({axes!r}) but the data has {ndim} dimensions"
        )
    out: list[AxisSpec] = []
    for item in items:
        if hasattr(item, "to_json_dict"):
            item = item.to_json_dict()
        if isinstance(item, str):
            out.append(AxisSpec(item, IMPLIED_TYPES.get(item), None))
        elif isinstance(item, Mapping) and isinstance(item.get("name"), str):
            out.append(AxisSpec(item["name"], item.get("type"), item.get("unit")))
        else:
            raise InvalidArgumentError("axes", f"{item!r} is not an axis name or axis object")
    names = [a.name for a in out]
    if len(set(names)) != len(names):
        raise InvalidArgumentError("axes", f"axis names must be unique, got {names}")
    if units is None:
        return tuple(out)
    if isinstance(units, str):
        return tuple(AxisSpec(a.name, a.type, units if a.type == "space" else a.unit) for a in out)
    unknown = sorted(set(units) - set(names))
    if unknown:
        raise InvalidArgumentError("units", f"no axis named {unknown} (axes are {names})")
    return tuple(AxisSpec(a.name, a.type, units.get(a.name, a.unit)) for a in out)


def per_axis(
    argument: str, value: Any, names: Sequence[str], default: float | int
) -> tuple[Decimal, ...]:
    """A per-axis number from a scalar, a sequence in axis order or a name → value mapping."""
    if value is None:
        return tuple(exact(default) for _ in names)
    if isinstance(value, Mapping):
        unknown = sorted(set(value) - set(names))
        if unknown:
            raise InvalidArgumentError(
                argument, f"no axis named {unknown} (axes are {list(names)})"
            )
        raw = [value.get(n, default) for n in names]
    elif isinstance(value, int | float) and not isinstance(value, bool):
        raw = [value] * len(names)
    else:
        raw = list(value)
        if len(raw) != len(names):
            raise InvalidArgumentError(
                argument, f"{len(raw)} values for {len(names)} axes {list(names)}"
            )
    out = []
    for name, v in zip(names, raw, strict=True):
        if isinstance(v, Decimal) and v.is_finite():
            out.append(v)
            continue
        if isinstance(v, bool) or not isinstance(v, int | float) or not math.isfinite(v):
            raise InvalidArgumentError(argument, f"axis {name!r}: {v!r} is not a finite number")
        out.append(exact(v))
    return tuple(out)


# -- levels -------------------------------------------------------------------------------


def _default_reduced(axes: Sequence[AxisSpec], scale: Sequence[Decimal]) -> tuple[bool, ...]:
    """Space axes are reduced, but the first of three (z) only when the voxels are isotropic."""
    space = [i for i, a in enumerate(axes) if a.type == "space"]
    reduced = [i in space for i in range(len(axes))]
    if len(space) == 3 and len({scale[i] for i in space}) != 1:
        reduced[space[0]] = False
    return tuple(reduced)


def _factor_tuple(argument: str, value: Any, names: Sequence[str]) -> tuple[int, ...]:
    if isinstance(value, Mapping):
        unknown = sorted(set(value) - set(names))
        if unknown:
            raise InvalidArgumentError(
                argument, f"no axis named {unknown} (axes are {list(names)})"
            )
        raw = [value.get(n, 1) for n in names]
    else:
        try:
            raw = list(value)
        except TypeError:
            raise InvalidArgumentError(
                argument, f"{value!r} is not an integer ≥ 1, a mapping or a sequence of factors"
            ) from None
        if len(raw) != len(names):
            raise InvalidArgumentError(argument, f"{len(raw)} factors for {len(names)} axes")
    for name, f in zip(names, raw, strict=True):
        if isinstance(f, bool) or not isinstance(f, int | np.integer) or f < 1:
            raise InvalidArgumentError(
                argument, f"axis {name!r}: factor {f!r} is not an integer ≥ 1"
            )
    return tuple(int(f) for f in raw)


def level_factors(
    factors: Any,
    levels: int | None,
    shape: tuple[int, ...],
    chunks: tuple[int, ...],
    axes: Sequence[AxisSpec],
    scale: Sequence[Decimal],
) -> list[tuple[int, ...]]:
    """The factors of each level relative to the one before (``levels - 1`` tuples).

    ``factors``: ``None`` (2 on the default reduced axes), an int (that factor on them), a
    mapping axis → factor or a tuple in axis order (every level), or a list of those, one per
    level after the base. ``levels`` counts the base; by default levels are added until every
    reduced axis fits one chunk.
    """
    names = [a.name for a in axes]
    if levels is not None and (
        isinstance(levels, bool) or not isinstance(levels, int) or not 1 <= levels <= MAX_LEVELS
    ):
        raise InvalidArgumentError(
            "levels", f"{levels!r} is not a number of levels in 1..{MAX_LEVELS}"
        )
    explicit: list[tuple[int, ...]] | None = None
    # a list of per-level factors; an empty one means the base level only
    per_level = isinstance(factors, list) and (
        not factors or not isinstance(factors[0], int | np.integer)
    )
    if per_level:
        explicit = [_factor_tuple("factors", f, names) for f in factors]
        if levels is not None and levels != len(explicit) + 1:
            raise InvalidArgumentError(
                "levels",
                f"{levels} levels but {len(explicit)} per-level factors (one per level after the base)",
            )
        return explicit
    reduced = _default_reduced(axes, scale)
    if factors is None or (isinstance(factors, int) and not isinstance(factors, bool)):
        step_value = 2 if factors is None else int(factors)
        if step_value < 1:
            raise InvalidArgumentError("factors", f"factor {factors!r} is not an integer ≥ 1")
        step = tuple(step_value if r else 1 for r in reduced)
        adaptive = True
    else:
        step = _factor_tuple("factors", factors, names)
        adaptive = False
    if levels is None and all(f == 1 for f in step):
        return []
    out: list[tuple[int, ...]] = []
    current = shape
    while True:
        if levels is not None:
            if len(out) == levels - 1:
                return out
        elif (
            all(n <= c for n, c, f in zip(current, chunks, step, strict=True) if f > 1)
            or len(out) >= MAX_LEVELS - 1
        ):
            return out
        # default factors stop reducing an axis that is down to one pixel
        this = tuple(1 if adaptive and n == 1 else f for n, f in zip(current, step, strict=True))
        if levels is None and all(f == 1 for f in this):
            return out
        out.append(this)
        current = reduced_shape(current, this)


# -- chunks and shards --------------------------------------------------------------------


def auto_chunks(shape: tuple[int, ...], axes: Sequence[AxisSpec], itemsize: int) -> tuple[int, ...]:
    """About 1–4 MiB per chunk: one step of non-space axes, power-of-two space extents.

    Space extents start at the smaller of 1024 and the next power of two. While the chunk
    holds more than 4 MiB, the in-plane axes are halved down to 256, then the first of three
    space axes (z), then the in-plane axes again: planes stay large for 2-D viewers and 3-D
    chunks stay compact (1×2×64×1024×1024 uint16 gets 32×256×256).
    """
    chunk = [1] * len(shape)
    space = [i for i, a in enumerate(axes) if a.type == "space"] or list(range(len(shape)))[-2:]
    for i in space:
        chunk[i] = min(CHUNK_EXTENT, 1 << max(0, (shape[i] - 1).bit_length()))
    plane = space[1:] if len(space) == 3 else space
    depth = space[:1] if len(space) == 3 else []

    def size() -> int:
        return math.prod(min(c, n) for c, n in zip(chunk, shape, strict=True)) * itemsize

    for group, floor in ((plane, 256), (depth, 1), (space, 1)):
        while size() > CHUNK_BYTES:
            candidates = [k for k in group if min(chunk[k], shape[k]) > floor]
            if not candidates:
                break
            i = max(candidates, key=lambda k: (min(chunk[k], shape[k]), -k))
            chunk[i] = min(chunk[i], 1 << max(0, (shape[i] - 1).bit_length())) // 2
    return tuple(min(c, n) for c, n in zip(chunk, shape, strict=True))


def auto_shards(
    shape: tuple[int, ...], chunks: tuple[int, ...], axes: Sequence[AxisSpec], itemsize: int
) -> tuple[int, ...]:
    """Shards of whole chunks, grown along space axes up to 64 MiB or the array's extent."""
    shard = list(chunks)
    space = [i for i, a in enumerate(axes) if a.type == "space"] or list(range(len(shape)))[-2:]
    while True:
        grow = [i for i in space if shard[i] < shape[i]]
        if not grow:
            break
        i = min(grow, key=lambda k: (shard[k], k))
        if math.prod(shard) * 2 * itemsize > SHARD_BYTES:
            break
        shard[i] *= 2
    return tuple(shard)


def check_chunks(argument: str, value: Any, names: Sequence[str]) -> tuple[int, ...]:
    """A chunk or shard shape given by the user: positive ints, one per axis (or a mapping)."""
    if isinstance(value, Mapping):
        unknown = sorted(set(value) - set(names))
        if unknown:
            raise InvalidArgumentError(
                argument, f"no axis named {unknown} (axes are {list(names)})"
            )
        missing = [n for n in names if n not in value]
        if missing:
            raise InvalidArgumentError(argument, f"no size for axes {missing}")
        value = [value[n] for n in names]
    try:
        out = tuple(value)
    except TypeError:
        raise InvalidArgumentError(argument, f"{value!r} is not a shape") from None
    if len(out) != len(names):
        raise InvalidArgumentError(
            argument, f"{len(out)} sizes for {len(names)} axes {list(names)}"
        )
    for name, c in zip(names, out, strict=True):
        if isinstance(c, bool) or not isinstance(c, int | np.integer) or c < 1:
            raise InvalidArgumentError(argument, f"axis {name!r}: {c!r} is not a positive integer")
    return tuple(int(c) for c in out)


# -- the plan ------------------------------------------------------------------------------


def plan_image(
    *,
    shape: tuple[int, ...],
    dtype: np.dtype[Any],
    axes: str | Sequence[Any],
    version: str,
    scale: Any,
    translation: Any,
    units: str | Mapping[str, str] | None,
    levels: int | None,
    factors: Any,
    method: str,
    chunks: Any,
    shards: Any,
) -> ImagePlan:
    """Check every argument and decide the levels; raises :class:`InvalidArgumentError`."""
    if version not in VERSIONS:
        raise InvalidArgumentError(
            "version", f"{version!r} cannot be written; choose one of {VERSIONS}"
        )
    if not 2 <= len(shape) <= 5:
        raise InvalidArgumentError("data", f"{len(shape)} dimensions; OME-Zarr images have 2 to 5")
    if any(n == 0 for n in shape):
        raise InvalidArgumentError("data", f"shape {shape} is empty")
    if method not in METHODS:
        raise InvalidArgumentError("method", f"{method!r} is not one of {METHODS}")
    ax = parse_axes(axes, len(shape), units)
    names = [a.name for a in ax]
    base_scale = per_axis("scale", scale, names, 1.0)
    for name, s in zip(names, base_scale, strict=True):
        if s <= 0:
            raise InvalidArgumentError("scale", f"axis {name!r}: {s} is not positive")
    base_translation = (
        None if translation is None else per_axis("translation", translation, names, 0.0)
    )
    if chunks is None or chunks == "auto":
        base_chunks = auto_chunks(shape, ax, dtype.itemsize)
    else:
        base_chunks = tuple(
            min(c, n) for c, n in zip(check_chunks("chunks", chunks, names), shape, strict=True)
        )
    base_shards: tuple[int, ...] | None = None
    if shards is not None:
        if version == "0.4":
            raise InvalidArgumentError("shards", "sharding needs zarr v3: write version 0.5")
        if shards == "auto":
            base_shards = auto_shards(shape, base_chunks, ax, dtype.itemsize)
        else:
            base_shards = check_chunks("shards", shards, names)
            bad = [n for n, s, c in zip(names, base_shards, base_chunks, strict=True) if s % c]
            if bad:
                raise InvalidArgumentError(
                    "shards",
                    f"shards {base_shards} are not whole multiples of the chunks {base_chunks} along {bad}",
                )
    steps = level_factors(factors, levels, shape, base_chunks, ax, base_scale)
    centred = method in CENTRED
    out: list[LevelSpec] = []
    level_shape = shape
    cumulative = [1] * len(shape)
    for index, step in enumerate([tuple(1 for _ in shape), *steps]):
        level_shape = reduced_shape(level_shape, step)
        cumulative = [c * f for c, f in zip(cumulative, step, strict=True)]
        level_scale = tuple(s * f for s, f in zip(base_scale, cumulative, strict=True))
        shift = any(f > 1 for f in cumulative) and centred
        if base_translation is None and not shift:
            level_translation = None
        else:
            t0 = base_translation or tuple(Decimal(0) for _ in shape)
            # a centred window of F base pixels sits (F - 1) / 2 base pixels further on
            level_translation = tuple(
                t + (s * (f - 1) / 2 if centred else 0)
                for t, s, f in zip(t0, base_scale, cumulative, strict=True)
            )
        level_chunks = tuple(min(c, n) for c, n in zip(base_chunks, level_shape, strict=True))
        level_shards = None
        if base_shards is not None:
            level_shards = tuple(
                min(s, -(-n // c) * c)
                for s, c, n in zip(base_shards, level_chunks, level_shape, strict=True)
            )
        out.append(
            LevelSpec(
                path=str(index),
                shape=level_shape,
                chunks=level_chunks,
                shards=level_shards,
                factors=step,
                scale=level_scale,
                translation=level_translation,
            )
        )
    return ImagePlan(version=version, axes=ax, dtype=dtype, levels=tuple(out), method=method)
