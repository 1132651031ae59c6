"""Rules on multiscales, axes and their transformations that a JSON Schema cannot state.

This runs once per image document, so it is written for speed: one pass per list, and JSON
pointers are only built for the issues actually reported.
"""

from __future__ import annotations

from typing import Any

from omezarr_models.rules.collector import Collector

# Rank of an axis type in the required order: time, then channel/custom/none, then space.
_RANK = {"time": 0, "space": 2}
_ORDER_WORDS = ("time", "channel or custom", "space")
_ZYX = ["z", "y", "x"]


def check_multiscales(multiscales: Any, ptr: str, c: Collector) -> None:
    """Check every multiscale of a ``multiscales`` list (§multiscale-md)."""
    if type(multiscales) is not list:
        return
    for i, ms in enumerate(multiscales):
        if type(ms) is dict:
            check_multiscale(ms, f"{ptr}/{i}", c)


def check_multiscale(ms: dict[str, Any], ptr: str, c: Collector) -> None:
    """Check one multiscale: its axes, dataset paths and transformation vectors."""
    axes = ms.get("axes")
    n_axes: int | None = None
    if type(axes) is list:
        n_axes = len(axes)
        check_axes(axes, ptr, c)
    datasets = ms.get("datasets")
    if type(datasets) is list:
        seen: set[str] = set()
        for j, ds in enumerate(datasets):
            if type(ds) is not dict:
                continue
            path = ds.get("path")
            if type(path) is str:
                if path in seen:
                    c.must(
                        f"{ptr}/datasets/{j}/path",
                        "dataset-paths-not-unique",
                        f"dataset path {path!r} is listed more than once",
                        "multiscale-md",
                    )
                seen.add(path)
            cts = ds.get("coordinateTransformations")
            if type(cts) is list and not _plainly_fine(cts, n_axes):
                _check_transformations(cts, ptr, f"/datasets/{j}", n_axes, c)
    cts = ms.get("coordinateTransformations")
    if type(cts) is list:
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


def _plainly_fine(cts: list[Any], n_axes: int | None) -> bool:
    """True for the usual ``[scale]`` or ``[scale, translation]`` with vectors of the right length.

    A shortcut only: False means "look closer", not "wrong".
    """
    n = len(cts)
    if n == 0 or n > 2:
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
