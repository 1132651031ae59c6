"""Rules on multiscales, axes and their transformations that a JSON Schema cannot state.

This runs once per image document, so it is written for speed: one pass per list, and JSON
pointers are only built for the issues actually reported.
"""

from __future__ import annotations

from typing import Any

from omezarr_models.rules.collector import EARLY, Collector, is_inner_path
from omezarr_models.rules.coordinates import V06, check_multiscale_v06

# Rank of an axis type in the required order: time, then channel/custom/none, then space.
_RANK = {"time": 0, "space": 2}
_ORDER_WORDS = ("time", "channel or custom", "space")
_ZYX = ["z", "y", "x"]


def check_multiscales(multiscales: Any, ptr: str, c: Collector) -> None:
    """Check every multiscale of a ``multiscales`` list (§multiscale-md)."""
    if type(multiscales) is not list:
        return
    v06 = c.version == V06  # 0.6rc0: coordinate systems; no fast path
    for i, ms in enumerate(multiscales):
        if type(ms) is dict and (v06 or not is_plain_multiscale(ms)):
            check_multiscale(ms, f"{ptr}/{i}", c)


def is_plain_multiscale(ms: dict[str, Any]) -> bool:
    """True when :func:`check_multiscale` has nothing to report; False means "look closer".

    The common case in one quick pass: unique string axis names in the required order, x/y/z
    (if all three) as z, y, x; unique dataset paths; transformations ``[scale]`` or
    ``[scale, translation]`` with vectors as long as the axes. Anything unusual returns False
    and the reporting path decides (a test checks that this never hides an issue).
    """
    axes = ms.get("axes")
    n_axes = -1
    if type(axes) is list:
        n_axes = len(axes)
        names: set[str] = set()
        highest = 0
        n_space = 0
        for axis in axes:
            if type(axis) is not dict:
                return False
            name = axis.get("name")
            if type(name) is not str or name in names:
                return False
            names.add(name)
            kind = axis.get("type")
            if kind == "space":
                rank = 2
                n_space += 1
            elif kind == "time":
                rank = 0
            else:
                rank = 1
            if rank < highest:
                return False
            highest = rank
        # space axes come last (the order was checked): x, y and z must read z, y, x
        xyz = n_space == 3 and "x" in names and "y" in names and "z" in names
        if xyz and (axes[-3]["name"], axes[-2]["name"], axes[-1]["name"]) != ("z", "y", "x"):
            return False
    datasets = ms.get("datasets")
    if type(datasets) is list:
        paths: set[str] = set()
        for ds in datasets:
            if type(ds) is not dict:
                continue
            path = ds.get("path")
            if type(path) is str:
                # conservative: any "." or "//" (or a leading "/") defers to the exact check
                if not path or path[0] == "/" or "." in path or "//" in path or path in paths:
                    return False
                paths.add(path)
            cts = ds.get("coordinateTransformations")
            if type(cts) is list and not _is_plain_transformations(cts, n_axes):
                return False
    cts = ms.get("coordinateTransformations")
    return type(cts) is not list or _is_plain_transformations(cts, n_axes)


def _is_plain_transformations(cts: list[Any], n_axes: int) -> bool:
    """``[scale]`` or ``[scale, translation]`` whose vectors have ``n_axes`` entries."""
    n = len(cts)
    if n != 1 and n != 2:
        return False
    first = cts[0]
    if type(first) is not dict or first.get("type") != "scale":
        return False
    vector = first.get("scale")
    if type(vector) is list and len(vector) != n_axes:
        return False
    if n == 1:
        return True
    second = cts[1]
    if type(second) is not dict or second.get("type") != "translation":
        return False
    vector = second.get("translation")
    return type(vector) is not list or len(vector) == n_axes


def check_multiscale(ms: dict[str, Any], ptr: str, c: Collector) -> None:
    """Check one multiscale: its axes, dataset paths and transformation vectors."""
    if c.version == V06:
        check_multiscale_v06(ms, ptr, c)
        return
    axes = ms.get("axes") if c.version not in ("0.1", "0.2") else None  # no axes before 0.3
    n_axes: int | None = None
    if type(axes) is list:
        n_axes = len(axes)
        if axes and all(type(a) is str for a in axes):
            check_axis_names(axes, ptr, c)  # 0.3: a list of names
        else:
            check_axes(axes, ptr, c)
    datasets = ms.get("datasets")
    if type(datasets) is list:
        seen: set[str] = set()
        for j, ds in enumerate(datasets):
            if type(ds) is not dict:
                continue
            path = ds.get("path")
            if type(path) is str:
                if not is_inner_path(path):
                    c.must(
                        f"{ptr}/datasets/{j}/path",
                        "dataset-path-invalid",
                        f"dataset path {path!r} must be a relative path inside the image group",
                        "multiscale-md",
                    )
                if path in seen:
                    c.must(
                        f"{ptr}/datasets/{j}/path",
                        "dataset-paths-not-unique",
                        f"dataset path {path!r} is listed more than once",
                        "multiscale-md",
                    )
                seen.add(path)
            cts = ds.get("coordinateTransformations")
            if type(cts) is list and c.version not in EARLY:  # transformations: from 0.4
                _check_transformations(cts, ptr, f"/datasets/{j}", n_axes, c)
    cts = ms.get("coordinateTransformations")
    if type(cts) is list and c.version not in EARLY:
        _check_transformations(cts, ptr, "", n_axes, c)


def check_axes(axes: list[Any], ptr: str, c: Collector) -> None:
    """Unique names; order time -> channel/custom -> space; x, y, z ordered z, y, x."""
    names: set[str] = set()
    highest = -1
    order_reported = False
    space_names: list[Any] = []
    for j, axis in enumerate(axes):
        if type(axis) is not dict:
            continue
        name = axis.get("name")
        if type(name) is str:
            if name in names:
                c.must(
                    f"{ptr}/axes/{j}/name",
                    "axis-names-not-unique",
                    f"axis name {name!r} is used more than once",
                    "axes-md",
                )
            names.add(name)
        kind = axis.get("type")
        rank = _RANK.get(kind, 1) if type(kind) is str else 1
        if rank == 2:
            space_names.append(name)
        if rank < highest and not order_reported:
            c.must(
                f"{ptr}/axes/{j}",
                "axes-order",
                f"axis {name!r} ({_ORDER_WORDS[rank]}) comes after a {_ORDER_WORDS[highest]} axis; "
                "axes must be ordered time, channel or custom, space",
                "multiscale-md",
            )
            order_reported = True
        if rank > highest:
            highest = rank
    if len(space_names) == 3 and space_names != _ZYX and set(space_names) == {"x", "y", "z"}:
        c.should(
            f"{ptr}/axes",
            "space-axes-not-zyx",
            f"spatial axes are ordered {''.join(space_names)}; they should be ordered zyx",
            "multiscale-md",
        )


_TCZYX = "tczyx"


def check_axis_names(names: list[str], ptr: str, c: Collector) -> None:
    """0.3 axes: unique names, in the order of t, c, z, y, x, ending with y and x (§multiscale-md).

    The text gives the arrays' dimension order as (t, c, z, y, x), up to 5 dimensions: the axes
    are that sequence with some of t, c and z left out.
    """
    seen: set[str] = set()
    for j, name in enumerate(names):
        if name in seen:
            c.must(
                f"{ptr}/axes/{j}",
                "axis-names-not-unique",
                f"axis name {name!r} is used more than once",
                "multiscale-md",
            )
        seen.add(name)
    if len(seen) != len(names) or not seen <= set(_TCZYX):
        return  # duplicates are reported above, unknown names by the schema
    positions = [_TCZYX.index(n) for n in names]
    if positions != sorted(positions) or names[-2:] != ["y", "x"]:
        c.must(
            f"{ptr}/axes",
            "axes-order",
            f"axes {''.join(names)} are not in the order t, c, z, y, x (ending with y, x)",
            "multiscale-md",
        )


def _check_transformations(
    cts: list[Any], ptr: str, owner: str, n_axes: int | None, c: Collector
) -> None:
    """Translation after scale; vector lengths equal to the number of axes.

    ``ptr + owner`` is the object holding ``coordinateTransformations``.
    """
    early_translation = -1  # a translation seen before any scale
    seen_scale = False
    for k, t in enumerate(cts):
        if type(t) is not dict:
            continue
        kind = t.get("type")
        if kind == "scale":
            if not seen_scale and early_translation >= 0:
                c.must(
                    f"{ptr}{owner}/coordinateTransformations/{early_translation}",
                    "translation-before-scale",
                    "the translation is listed before the scale; it must come after it",
                    "multiscale-md",
                )
            seen_scale = True
        elif kind == "translation":
            if not seen_scale and early_translation < 0:
                early_translation = k
        else:
            continue
        vector = t.get(kind)
        if n_axes is not None and type(vector) is list and len(vector) != n_axes:
            c.must(
                f"{ptr}{owner}/coordinateTransformations/{k}/{kind}",
                f"{kind}-length-mismatch",
                f"the {kind} vector has {len(vector)} entries but there are {n_axes} axes",
                "multiscale-md",
            )
