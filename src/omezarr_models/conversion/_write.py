"""Writing the internal representation as the metadata of one version.

Writing to a newer version fills what it requires (axes, scales, row and column indices, omero
windows); writing to an older one keeps as unknown keys what it does not define but can carry
(``kept``), records every piece of information it cannot hold as a lossy change (the caller
refuses, or warns, on those) and refuses outright what it cannot express at all (axis names
outside t, c, z, y, x before 0.4, bioformats2raw collections before 0.4).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from omezarr_models._numbers import dtype_window
from omezarr_models.conversion._ir import (
    EARLY,
    IMPLIED_TYPES,
    NAMESPACED,
    OME_KEYS,
    TCZYX,
    Axis,
    Meta,
    Multiscale,
    Transform,
)
from omezarr_models.conversion.report import Action, ConversionError, ConversionReport

__all__ = ["ArrayInfo", "level_factors", "write"]

_VERSIONED = ("plate", "well", "image-label")


@dataclass(frozen=True, slots=True)
class ArrayInfo:
    """What a conversion may know about the array of a resolution level.

    Attributes
    ----------
    shape
        The array's shape.
    dtype
        Its data type (``"uint16"``, ...).
    """

    shape: tuple[int, ...]
    dtype: str


@dataclass(slots=True)
class _Ctx:
    report: ConversionReport
    to: str
    arrays: Mapping[str, ArrayInfo]

    def lose(self, pointer: str, message: str) -> None:
        self.report.add(pointer, Action.DROPPED, message, lossy=True)


def write(meta: Meta, to: str, report: ConversionReport, arrays: Mapping[str, ArrayInfo]) -> Any:
    """The attributes of ``meta`` in version ``to``; losses are recorded in ``report``."""
    ctx = _Ctx(report, to, arrays)
    namespaced = to in NAMESPACED
    src_ptr = "/ome" if meta.namespaced else ""
    dst_ptr = "/ome" if namespaced else ""
    body: dict[str, Any] = {}
    for key in meta.order:
        if key == "multiscales":
            assert meta.multiscales is not None
            body[key] = [
                _multiscale(
                    ms,
                    meta.version,
                    ctx,
                    f"{src_ptr}/multiscales/{i}",
                    f"{dst_ptr}/multiscales/{i}",
                )
                for i, ms in enumerate(meta.multiscales)
            ]
        else:
            value = _other(
                key,
                meta.other[key],
                ctx,
                f"{src_ptr}/{key}",
                f"{dst_ptr}/{key}",
                versioned=meta.namespaced and key in meta.versioned,
                keys=frozenset(meta.other),
            )
            if value is not _DROP:
                body[key] = value
    if namespaced:
        ome: dict[str, Any] = {"version": to, **body}
        for key, value in meta.ome_extra.items():
            ome[key] = value
        out: dict[str, Any] = {"ome": ome}
        for key, value in meta.attrs_extra.items():
            if key == "_ARRAY_DIMENSIONS" and meta.version == "0.3":
                report.add(
                    f"/{key}", Action.DROPPED, "0.3's copy of the axis names (the axes say it)"
                )
                continue
            out[key] = value
        if meta.namespaced:
            report.add("/ome/version", Action.VERSION, f"version {meta.version} -> {to}")
        else:
            report.add("/ome", Action.MOVED, "OME metadata moved into the 'ome' object")
            report.add("/ome/version", Action.VERSION, f"version {to} declared once, here")
        return out
    out = dict(body)
    for key, value in meta.ome_extra.items():
        if key in out:
            ctx.lose(f"/ome/{key}", f"unknown key {key!r} clashes with the OME key of {to}")
            continue
        out[key] = value
        report.add(f"/{key}", Action.MOVED, f"unknown key {key!r} moved out of the 'ome' object")
    for key, value in meta.attrs_extra.items():
        if key in out or (meta.namespaced and key in OME_KEYS and defines(to, key)):
            where = "an OME key outside 'ome', ignored by readers of " + meta.version
            ctx.lose(f"/{key}", f"{key!r}: {where}" if key in OME_KEYS else f"{key!r} clashes")
            continue
        if meta.namespaced and key in OME_KEYS:
            report.add(
                f"/{key}",
                Action.KEPT,
                f"unknown key {key!r} (outside 'ome' in {meta.version}), which {to} does not "
                "define either",
            )
        if key == "_ARRAY_DIMENSIONS" and meta.version == "0.3" and to != "0.3":
            report.add(f"/{key}", Action.DROPPED, "0.3's copy of the axis names (the axes say it)")
            continue
        out[key] = value
    if meta.namespaced:
        report.add("/ome", Action.MOVED, "OME metadata moved out of the 'ome' object")
    return out


_DROP = object()

#: The OME keys that begin after 0.1, and the version they begin with: before it they are
#: unknown keys, which readers keep and ignore.
_SINCE = {"bioformats2raw.layout": "0.4", "series": "0.4", "scene": "0.6rc0"}
_ORDER = ("0.1", "0.2", "0.3", "0.4", "0.5", "0.6rc0")


def defines(version: str, key: str) -> bool:
    """Whether ``version`` gives the top-level OME key ``key`` a meaning."""
    since = _SINCE.get(key)
    return since is None or _ORDER.index(version) >= _ORDER.index(since)


# ------------------------------------------------------------------------------------------
# Multiscales


def _multiscale(ms: Multiscale, source: str, ctx: _Ctx, src: str, dst: str) -> dict[str, Any]:
    to = ctx.to
    if to == "0.6rc0":
        return _multiscale_06(ms, source, ctx, src, dst)
    fields: dict[str, Any] = {}
    if to not in NAMESPACED:
        fields["version"] = to
        if "version" not in ms.order:
            ctx.report.add(f"{dst}/version", Action.VERSION, f"version {to} declared here")
        else:
            ctx.report.add(f"{dst}/version", Action.VERSION, f"version {source} -> {to}")
    elif source not in NAMESPACED:
        ctx.report.add(
            f"{src}/version", Action.VERSION, f"dropped: {to} declares its version in ome.version"
        )
    elif "version" in ms.order:  # a 0.5+ multiscale that repeats the version
        fields["version"] = to
        ctx.report.add(f"{dst}/version", Action.VERSION, f"version {source} -> {to}")
    for key, value in ms.info.items():
        if key in ("type", "metadata") and to == "0.1" and source != "0.1":
            ctx.report.add(
                f"{dst}/{key}",
                Action.KEPT,
                f"0.1 does not define {key!r}: an unknown key there (readers of 0.1 ignore it)",
            )
        fields[key] = value
    axes = _axes(ms.axes, ctx, src, dst)
    if axes is not None:
        fields["axes"] = axes
    n_axes = 5 if ms.axes is None else len(ms.axes)
    if to in EARLY:
        _drop_transforms(ms, ctx, src, n_axes)
        fields["datasets"] = [
            {"path": level.path, **_known_free(level.extra, ctx, f"{src}/datasets/{j}", ())}
            for j, level in enumerate(ms.levels)
        ]
    else:
        fields["datasets"] = _levels(ms, ctx, src, dst, n_axes)
        if ms.transforms:
            kept = _multiscale_transforms(ms.transforms, ctx, src)
            if kept:
                fields["coordinateTransformations"] = _scale_translation(
                    kept, ctx, f"{dst}/coordinateTransformations", n_axes
                )
    defined = _MULTISCALE_KEYS[to]
    fields.update(_known_free(ms.extra, ctx, src, defined))
    if ms.systems or ms.links:
        ctx.lose(
            f"{src}/coordinateTransformations",
            f"{len(ms.systems)} further coordinate system(s) and {len(ms.links)} "
            f"transformation(s) between systems have no equivalent in {to}",
        )
    if ms.system_extra:
        ctx.lose(f"{src}/coordinateSystems", "keys of the coordinate system other than its axes")
    for what, name in (("intrinsic coordinate system", ms.system), ("outer system", ms.outer)):
        if name is not None:
            ctx.report.add(
                f"{src}/coordinateSystems",
                Action.DROPPED,
                f"the name {name!r} of the {what} ({to} names none)",
            )
    return _ordered(fields, ms.order)


def _multiscale_06(ms: Multiscale, source: str, ctx: _Ctx, src: str, dst: str) -> dict[str, Any]:
    """0.6rc0: the axes become the intrinsic coordinate system, which every level maps into;
    the transformations of the whole multiscale map it into a second system of the same axes."""
    fields: dict[str, Any] = dict(ms.info)
    if "version" in ms.order and source in NAMESPACED:
        fields["version"] = "0.6rc0"
        ctx.report.add(f"{dst}/version", Action.VERSION, f"version {source} -> 0.6rc0")
    axes = _axes(ms.axes, ctx, src, dst)
    assert axes is not None
    n_axes = len(axes)
    for j, axis in enumerate(axes):
        if not axis["name"]:
            raise ConversionError(f"{src}/axes/{j}/name: 0.6rc0 axis names must not be empty")
    name = ms.system or "intrinsic"
    systems: list[dict[str, Any]] = [{"name": name, "axes": axes}]
    if ms.system is None:
        ctx.report.add(
            f"{dst}/coordinateSystems/0",
            Action.NORMALISED,
            f"the axes are the intrinsic coordinate system {name!r}",
        )
    levels = _levels(ms, ctx, src, dst, n_axes)
    for j, level in enumerate(levels):
        cts = level["coordinateTransformations"]
        for t in cts:
            if "path" in t:
                raise ConversionError(
                    f"{src}/datasets/{j}/coordinateTransformations: a {t['type']} stored at "
                    f"{t['path']!r} cannot be written in 0.6rc0 (its 'path' names a zarr array)"
                )
        ends = {"input": {"path": level["path"]}, "output": {"name": name}}
        if len(cts) == 1:
            level["coordinateTransformations"] = [{**cts[0], **ends}]
        else:
            level["coordinateTransformations"] = [
                {"type": "sequence", **ends, "transformations": cts}
            ]
    fields["datasets"] = levels
    kept = _multiscale_transforms(ms.transforms or [], ctx, src)
    if kept:
        taken = {name}
        outer = ms.outer or "physical"
        while outer in taken:
            outer += "_"
        systems.append({"name": outer, "axes": [dict(a) for a in axes]})
        ends = {"input": {"name": name}, "output": {"name": outer}}
        link = (
            {**kept[0], **ends}
            if len(kept) == 1
            else {"type": "sequence", **ends, "transformations": kept}
        )
        fields["coordinateTransformations"] = [link]
        ctx.report.add(
            f"{dst}/coordinateTransformations/0",
            Action.MOVED,
            f"the transformations of the whole multiscale map {name!r} into {outer!r}",
        )
    fields["coordinateSystems"] = systems
    fields.update(_known_free(ms.extra, ctx, src, _MULTISCALE_KEYS["0.6rc0"]))
    order = [("coordinateSystems" if k == "axes" else k) for k in ms.order]
    return _ordered(fields, order)


_MULTISCALE_KEYS = {
    "0.1": ("version", "name", "datasets", "type", "metadata"),
    "0.2": ("version", "name", "datasets", "type", "metadata"),
    "0.3": ("version", "name", "datasets", "type", "metadata", "axes"),
    "0.4": (
        "version",
        "name",
        "datasets",
        "type",
        "metadata",
        "axes",
        "coordinateTransformations",
    ),
    "0.5": ("name", "datasets", "type", "metadata", "axes", "coordinateTransformations"),
    "0.6rc0": (
        "name",
        "datasets",
        "type",
        "metadata",
        "coordinateSystems",
        "coordinateTransformations",
    ),
}


def _known_free(
    extra: dict[str, Any], ctx: _Ctx, ptr: str, defined: tuple[str, ...]
) -> dict[str, Any]:
    """Unknown keys, kept; one that the target version gives a meaning to is dropped."""
    out = {}
    for key, value in extra.items():
        if key in defined:
            ctx.lose(f"{ptr}/{key}", f"unknown key {key!r} has a meaning in {ctx.to}")
        else:
            out[key] = value
    return out


def _ordered(fields: dict[str, Any], order: list[str]) -> dict[str, Any]:
    """``fields`` in the source's key order; a key the source lacked follows the key it
    follows in ``fields`` (or comes first)."""
    rank = {k: i for i, k in enumerate(order)}
    keys = sorted((k for k in fields if k in rank), key=rank.__getitem__)
    previous: str | None = None
    for key in fields:
        if key not in rank:
            keys.insert(0 if previous is None else keys.index(previous) + 1, key)
        previous = key
    return {k: fields[k] for k in keys}


def _axes(axes: list[Axis] | None, ctx: _Ctx, src: str, dst: str) -> list[Any] | None:
    to = ctx.to
    if to in ("0.1", "0.2"):
        if axes is not None:
            _check_tczyx(axes, ctx, src)
            if len(axes) < 5:
                names = [a.name for a in axes]
                added = [n for n in TCZYX if n not in names]
                ctx.report.add(
                    f"{src}/axes",
                    Action.RESHAPED,
                    f"{to} images are 5-D (t, c, z, y, x): the arrays gain singleton axes "
                    f"{', '.join(added)}",
                )
            ctx.report.add(f"{src}/axes", Action.DROPPED, f"{to} implies the axes t, c, z, y, x")
        return None
    if axes is None:
        filled = list(TCZYX)
        ctx.report.add(
            f"{dst}/axes",
            Action.FILLED,
            "the axes t, c, z, y, x that the 5-D arrays of 0.1/0.2 imply",
        )
        if to == "0.3":
            return filled
        return [{"name": n, "type": IMPLIED_TYPES[n]} for n in filled]
    if to == "0.3":
        _check_tczyx(axes, ctx, src)
        return [a.name for a in axes]
    out = []
    for j, axis in enumerate(axes):
        obj: dict[str, Any] = {"name": axis.name}
        if axis.type is not None:
            obj["type"] = axis.type
            if axis.implied:
                ctx.report.add(
                    f"{dst}/axes/{j}/type",
                    Action.FILLED,
                    f"type {axis.type!r}, which the axis name {axis.name!r} implies",
                )
        if axis.unit is not None:
            obj["unit"] = axis.unit
        defined = ("discrete", "longName") if to == "0.6rc0" else ()
        obj.update(_known_free(axis.extra, ctx, f"{src}/axes/{j}", defined))
        if to != "0.6rc0":
            for key in ("discrete", "longName"):
                if key in obj and ctx.report.source_version == "0.6rc0":
                    ctx.lose(f"{src}/axes/{j}/{key}", f"{to} axes have no {key!r}")
                    del obj[key]
        out.append(obj)
    return out


def _check_tczyx(axes: list[Axis], ctx: _Ctx, src: str) -> None:
    names = [a.name for a in axes]
    positions = [TCZYX.index(n) if n in TCZYX else -1 for n in names]
    if -1 in positions or positions != sorted(set(positions)) or names[-2:] != ["y", "x"]:
        raise ConversionError(
            f"{src}/axes: axes {names} cannot be written in {ctx.to}, whose axes are "
            "t, c, z, y, x in this order (some of t, c, z may be left out before 0.3's end y, x)"
        )
    for j, axis in enumerate(axes):
        ptr = f"{src}/axes/{j}"
        if axis.type is not None and axis.type != IMPLIED_TYPES[axis.name]:
            ctx.lose(
                f"{ptr}/type",
                f"axis {axis.name!r} has type {axis.type!r}; {ctx.to} implies "
                f"{IMPLIED_TYPES[axis.name]!r}",
            )
        if axis.unit is not None:
            ctx.lose(f"{ptr}/unit", f"unit {axis.unit!r} of axis {axis.name!r}")
        for key in axis.extra:
            ctx.lose(f"{ptr}/{key}", f"key {key!r} of axis {axis.name!r}")


# ------------------------------------------------------------------------------------------
# Transformations


def level_factors(shape0: tuple[int, ...], shape: tuple[int, ...]) -> list[Fraction]:
    """The downsampling factor of each axis from level 0 to a level of ``shape``.

    An integer factor ``f`` when the level's size is level 0's divided by ``f`` (rounded either
    way, as downsamplers do), else the exact ratio.
    """
    out = []
    for n0, n in zip(shape0, shape, strict=True):
        if n <= 0 or n0 <= 0 or n == n0:
            out.append(Fraction(1))
            continue
        guess = max(1, round(n0 / n))
        found = None
        for f in (guess, guess - 1, guess + 1):
            if f >= 1 and (n0 // f == n or -(-n0 // f) == n):
                found = Fraction(f)
                break
        out.append(found if found is not None else Fraction(n0, n))
    return out


def _shapes(ms: Multiscale, ctx: _Ctx) -> list[tuple[int, ...]] | None:
    shapes = []
    for level in ms.levels:
        info = ctx.arrays.get(level.path)
        if info is None:
            return None
        shapes.append(tuple(info.shape))
    return shapes


def _is_ones(values: list[Any] | None) -> bool:
    return values is not None and all(v == 1 for v in values)


def _is_zeros(values: list[Any] | None) -> bool:
    return values is not None and all(v == 0 for v in values)


def _drop_transforms(ms: Multiscale, ctx: _Ctx, src: str, n_axes: int) -> None:
    """Before 0.4 there are no transformations: say what dropping them loses."""
    dropped = False
    shapes = _shapes(ms, ctx)
    base_is_identity = True
    for j, level in enumerate(ms.levels):
        if level.transforms is None:
            continue
        dropped = True
        ptr = f"{src}/datasets/{j}/coordinateTransformations"
        for k, t in enumerate(level.transforms):
            if t.path is not None:
                ctx.lose(f"{ptr}/{k}", f"the {t.type} stored at {t.path!r}")
                base_is_identity = base_is_identity and j != 0
                continue
            if t.type == "identity":
                continue
            if t.type == "translation":
                if not _is_zeros(t.values):
                    ctx.lose(f"{ptr}/{k}/translation", f"translation {t.values} of level {j}")
                continue
            if t.type != "scale":
                ctx.lose(f"{ptr}/{k}", f"the {t.type} transformation of level {j}")
                continue
            if j == 0:
                if not _is_ones(t.values):
                    base_is_identity = False
                    ctx.lose(f"{ptr}/{k}/scale", f"scale {t.values} (the pixel size) of level 0")
                continue
            assert t.values is not None
            if shapes is not None:
                expected = level_factors(shapes[0], shapes[j])
                if [Fraction(str(v)) for v in t.values] != expected:
                    ctx.lose(
                        f"{ptr}/{k}/scale",
                        f"scale {t.values} of level {j}, which its shape does not imply",
                    )
            elif not base_is_identity:
                ctx.lose(f"{ptr}/{k}/scale", f"scale {t.values} of level {j}")
    for k, t in enumerate(ms.transforms or []):
        dropped = True
        value = t.values
        trivial = t.path is None and (
            t.type == "identity"
            or (t.type == "scale" and _is_ones(value))
            or (t.type == "translation" and _is_zeros(value))
        )
        if not trivial:
            ctx.lose(
                f"{src}/coordinateTransformations/{k}",
                f"the {t.type} of the whole multiscale",
            )
    if dropped:
        ctx.report.add(
            f"{src}/datasets",
            Action.DROPPED,
            f"{ctx.to} has no coordinate transformations (levels are related by their shapes)",
        )


def _transform_json(t: Transform) -> dict[str, Any]:
    out: dict[str, Any] = {"type": t.type}
    if t.path is not None:
        out["path"] = t.path
    elif t.values is not None:
        out[t.type] = t.values
    out.update(t.extra)
    return out


def _levels(ms: Multiscale, ctx: _Ctx, src: str, dst: str, n_axes: int) -> list[dict[str, Any]]:
    shapes = _shapes(ms, ctx)
    out = []
    for j, level in enumerate(ms.levels):
        ptr = f"{dst}/datasets/{j}/coordinateTransformations"
        transforms = level.transforms
        if transforms is None:
            if shapes is not None:
                factors = level_factors(shapes[0], shapes[j])
                how = "the downsampling factors of its shape"
            else:
                factors = [Fraction(1)] * n_axes
                how = "identity (the level shapes were not given)"
            scale = [float(f) for f in factors]
            cts = [{"type": "scale", "scale": scale}]
            ctx.report.add(ptr, Action.FILLED, f"scale {scale} of level {j}: {how}")
        else:
            cts = []
            for k, t in enumerate(transforms):
                if t.type == "identity" and t.path is None:
                    ones = [1.0] * n_axes
                    cts.append({"type": "scale", "scale": ones, **t.extra})
                    ctx.report.add(
                        f"{ptr}/{k}", Action.NORMALISED, f"identity written as scale {ones}"
                    )
                    continue
                cts.append(_transform_json(t))
        out.append(
            {
                "path": level.path,
                "coordinateTransformations": cts,
                **_known_free(
                    level.extra, ctx, f"{src}/datasets/{j}", ("coordinateTransformations",)
                ),
            }
        )
    return out


def _multiscale_transforms(
    transforms: list[Transform], ctx: _Ctx, src: str
) -> list[dict[str, Any]]:
    out = []
    for k, t in enumerate(transforms):
        if t.type == "identity":
            ctx.report.add(
                f"{src}/coordinateTransformations/{k}",
                Action.DROPPED,
                f"an identity (does nothing; {ctx.to} multiscales allow scale and translation)",
            )
            continue
        out.append(_transform_json(t))
    return out


def _scale_translation(
    kept: list[dict[str, Any]], ctx: _Ctx, ptr: str, n_axes: int
) -> list[dict[str, Any]]:
    """The transformations of a whole multiscale in the one form 0.4/0.5 allow: a scale,
    optionally followed by a translation.

    A 0.6rc0 link into a second coordinate system may be a lone translation, or scales and
    translations in any order; those are composed exactly (``x -> s * x + t``) into that form.
    Transformations stored at a path, or with other keys, are left as they are.
    """
    types = [t["type"] for t in kept]
    if types in (["scale"], ["scale", "translation"]) or any(
        t["type"] not in ("scale", "translation") or set(t) != {"type", t["type"]} for t in kept
    ):
        return kept
    from omezarr_models._numbers import exact, number

    scale = [Fraction(1)] * n_axes
    shift = [Fraction(0)] * n_axes
    for t in kept:
        values = [exact(v) for v in t[t["type"]]]
        if len(values) != n_axes:
            return kept
        if t["type"] == "scale":
            scale = [a * v for a, v in zip(scale, values, strict=True)]
            shift = [a * v for a, v in zip(shift, values, strict=True)]
        else:
            shift = [a + v for a, v in zip(shift, values, strict=True)]
    out: list[dict[str, Any]] = [{"type": "scale", "scale": [number(v) for v in scale]}]
    if "translation" in types:
        out.append({"type": "translation", "translation": [number(v) for v in shift]})
    ctx.report.add(
        ptr,
        Action.NORMALISED,
        f"{', '.join(types)} written as one scale and translation ({ctx.to} allows no other order)",
    )
    return out


# ------------------------------------------------------------------------------------------
# The other keys


def _other(
    key: str,
    value: Any,
    ctx: _Ctx,
    src: str,
    dst: str,
    *,
    versioned: bool,
    keys: frozenset[str] = frozenset(),
) -> Any:
    """One OME key other than multiscales. ``versioned``: a 0.5+ source whose object repeats
    the version (kept, with the new version, when the target is 0.5+ too). ``keys``: the OME
    keys of the document."""
    to = ctx.to
    if key in _SINCE:
        return _later_key(key, value, ctx, src, dst, keys)
    if key in _VERSIONED and type(value) is dict:
        if to not in NAMESPACED or versioned:
            value = {"version": to, **value}
            ctx.report.add(f"{dst}/version", Action.VERSION, f"version {to}")
        elif ctx.report.source_version not in NAMESPACED:
            ctx.report.add(
                f"{src}/version", Action.VERSION, f"dropped: {to} declares it in ome.version"
            )
        if key == "plate":
            value = _plate(value, ctx, src, dst)
        elif (
            key == "image-label"
            and to == "0.1"
            and "properties" in value
            and ctx.report.source_version != "0.1"
        ):
            ctx.report.add(
                f"{dst}/properties",
                Action.KEPT,
                "0.1 does not define 'properties': an unknown key there (readers of 0.1 ignore it)",
            )
    if key == "omero" and to not in EARLY and type(value) is dict:
        return _omero(value, ctx, src, dst)
    return value


def _later_key(key: str, value: Any, ctx: _Ctx, src: str, dst: str, keys: frozenset[str]) -> Any:
    """A top-level OME key that begins after 0.1 (bioformats2raw.layout, series, scene).

    Where neither version defines it, or both do, it is written as it is. Into a version that
    does not define it, it is an unknown key, kept, unless it is what the source is: a scene
    (lost) or a bioformats2raw collection (its root, with ``bioformats2raw.layout``, or the
    ``series`` of its OME group: refused, whatever ``lossy``). From a version that does not
    define it, an unknown key that would give the document a meaning it did not have (a scene,
    a collection) is lost; a ``series`` beside other OME metadata, which is no collection, is
    written as it is.
    """
    to, source = ctx.to, ctx.report.source_version
    in_source, in_target = defines(source, key), defines(to, key)
    if in_source == in_target:
        return value
    collection = "bioformats2raw.layout" in keys or ctx.report.kind in ("series", "bioformats2raw")
    if in_source:  # downgrading into a version without it
        if key == "scene":
            ctx.lose(src, f"a scene (transformations between images) has no equivalent in {to}")
            return _DROP
        if collection:
            raise ConversionError(
                f"{src}: {to} has no bioformats2raw collections ({key!r} begins with 0.4); "
                "convert the images of the collection one by one"
            )
        ctx.report.add(
            dst,
            Action.KEPT,
            f"{key!r} of a document that is no bioformats2raw collection: an unknown key in {to}",
        )
        return value
    if key == "series" and not collection:
        return value
    if key == "bioformats2raw.layout" and ctx.report.kind == "bioformats2raw":
        return value  # the root of a collection that bioformats2raw wrote before 0.4
    what = "a scene" if key == "scene" else "a bioformats2raw collection"
    ctx.lose(src, f"unknown key {key!r} of {source} would make the document {what} in {to}")
    return _DROP


_INDICES = ("rowIndex", "columnIndex")


def _plate(plate: dict[str, Any], ctx: _Ctx, src: str, dst: str) -> dict[str, Any]:
    plate = dict(plate)
    to = ctx.to
    if to in EARLY:
        for j, well in enumerate(plate.get("wells", [])):
            given = [k for k in _INDICES if k in well]
            if given and ctx.report.source_version not in EARLY:
                ctx.report.add(
                    f"{dst}/wells/{j}",
                    Action.KEPT,
                    f"{'/'.join(given)}: {to} does not define them, an unknown key there "
                    f"(before 0.4 the path {well.get('path')!r} says it)",
                )
        return plate
    for axis in ("rows", "columns"):
        for j, entry in enumerate(plate.get(axis, [])):
            if "name" not in entry:
                raise ConversionError(
                    f"{src}/{axis}/{j}: {to} plate {axis} need a name and this one has none"
                )
    rows = [r["name"] for r in plate.get("rows", [])]
    columns = [c["name"] for c in plate.get("columns", [])]
    wells = []
    for j, well in enumerate(plate.get("wells", [])):
        if ctx.report.source_version in EARLY:
            well = _early_indices(well, rows, columns, ctx, f"{src}/wells/{j}")
        if "rowIndex" not in well or "columnIndex" not in well:
            row, _, column = str(well.get("path", "")).partition("/")
            if row not in rows or column not in columns:
                raise ConversionError(
                    f"{src}/wells/{j}: the path {well.get('path')!r} names no row and column "
                    "of the plate, so its rowIndex/columnIndex cannot be derived"
                )
            well = {**well, "rowIndex": rows.index(row), "columnIndex": columns.index(column)}
            ctx.report.add(
                f"{dst}/wells/{j}",
                Action.FILLED,
                f"rowIndex {well['rowIndex']}, columnIndex {well['columnIndex']} from the path",
            )
        wells.append(well)
    plate["wells"] = wells
    acquisitions = []
    for j, acq in enumerate(plate.get("acquisitions", []) or []):
        acq = dict(acq)
        for key in ("starttime", "endtime"):
            stamp = acq.get(key)
            if type(stamp) is str:
                if stamp.isdigit():
                    acq[key] = int(stamp)
                    ctx.report.add(
                        f"{dst}/acquisitions/{j}/{key}",
                        Action.NORMALISED,
                        f"epoch string {stamp!r} written as the integer {to} requires",
                    )
                else:
                    ctx.lose(
                        f"{src}/acquisitions/{j}/{key}",
                        f"{key} {stamp!r} is not an epoch integer, which {to} requires",
                    )
                    del acq[key]
        acquisitions.append(acq)
    if "acquisitions" in plate and plate["acquisitions"] is not None:
        plate["acquisitions"] = acquisitions
    return plate


def _early_indices(
    well: dict[str, Any], rows: list[Any], columns: list[Any], ctx: _Ctx, src: str
) -> dict[str, Any]:
    """The unknown rowIndex/columnIndex of a well before 0.4: what 0.4 reads as the well's
    indices. One the path contradicts (or that is no index) would change meaning: lost."""
    row, _, column = str(well.get("path", "")).partition("/")
    if row not in rows or column not in columns:
        return well  # the path says nothing: the indices, if both given, are all there is
    implied = {"rowIndex": rows.index(row), "columnIndex": columns.index(column)}
    out = dict(well)
    for key in _INDICES:
        if key not in well:
            continue
        value = well[key]
        if type(value) in (int, float) and value == implied[key]:
            if type(value) is float:
                out[key] = implied[key]
                ctx.report.add(
                    f"{src}/{key}",
                    Action.NORMALISED,
                    f"{key} {value!r} written as the integer {ctx.to} requires",
                )
            continue
        ctx.lose(
            f"{src}/{key}",
            f"unknown key {key!r} ({value!r}) has a meaning in {ctx.to}, and the path "
            f"{well.get('path')!r} says {implied[key]}",
        )
        del out[key]
    return out


_HEX6 = re.compile(r"[0-9A-Fa-f]{6}")
_COLOR_NAMES = {
    "red": "FF0000",
    "green": "00FF00",
    "blue": "0000FF",
    "cyan": "00FFFF",
    "magenta": "FF00FF",
    "yellow": "FFFF00",
    "white": "FFFFFF",
    "black": "000000",
    "gray": "808080",
    "grey": "808080",
}


def _omero(omero: dict[str, Any], ctx: _Ctx, src: str, dst: str) -> Any:
    """From 0.4 omero needs channels, each with a colour and a full window."""
    if "channels" not in omero:
        ctx.lose(src, f"omero metadata without 'channels', which {ctx.to} requires")
        return _DROP
    window_range: tuple[int | float, int | float] | None = None
    dtypes = {info.dtype for info in ctx.arrays.values()}
    if len(dtypes) == 1:
        try:
            window_range = dtype_window(next(iter(dtypes)))
        except ValueError:
            window_range = None
    channels = []
    for j, channel in enumerate(omero["channels"]):
        channel = dict(channel)
        ptr = f"{dst}/channels/{j}"
        if "color" not in channel:
            channel["color"] = "FFFFFF"
            ctx.report.add(f"{ptr}/color", Action.FILLED, "colour FFFFFF (white)")
        elif type(channel["color"]) is str and not _HEX6.fullmatch(channel["color"]):
            given = channel["color"]
            hex6 = _COLOR_NAMES.get(given.strip().lower(), given.strip().removeprefix("#"))
            if _HEX6.fullmatch(hex6):
                channel["color"] = hex6.upper()
                ctx.report.add(
                    f"{ptr}/color",
                    Action.NORMALISED,
                    f"colour {given!r} written as {hex6.upper()!r} (6 hexadecimal digits)",
                )
        window = dict(channel.get("window") or {})
        filled = []
        sources = {
            "min": ("start",),
            "max": ("end",),
            "start": ("min",),
            "end": ("max",),
        }
        for name in ("min", "max", "start", "end"):
            if name in window:
                continue
            if window_range is not None and name in ("min", "max"):
                window[name] = window_range[0 if name == "min" else 1]
            else:
                other = next((window[o] for o in sources[name] if o in window), None)
                if other is None and window_range is not None:
                    other = window_range[0 if name == "start" else 1]
                if other is None:
                    ctx.lose(
                        src,
                        f"channel {j} has no window {name!r} and the data type is unknown; "
                        f"{ctx.to} requires one (omero dropped)",
                    )
                    return _DROP
                window[name] = other
            filled.append(f"{name} {window[name]}")
        if filled:
            channel["window"] = window
            ctx.report.add(f"{ptr}/window", Action.FILLED, "window " + ", ".join(filled))
        channels.append(channel)
    return {**omero, "channels": channels}
