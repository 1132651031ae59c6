"""Rules on multiscales, axes and their transformations that a JSON Schema cannot state."""

from __future__ import annotations

from typing import Any

from omezarr_models.rules.collector import Collector

# Position classes of axis types in the required order: time, then channel/custom/none, then space.
_TIME, _OTHER, _SPACE = 0, 1, 2
_ORDER_WORDS = ("time", "channel or custom", "space")


def check_multiscales(multiscales: Any, ptr: str, c: Collector) -> None:
    """Check every multiscale of a ``multiscales`` list (§multiscale-md)."""
    if not isinstance(multiscales, list):
        return
    for i, ms in enumerate(multiscales):
        if isinstance(ms, dict):
            check_multiscale(ms, f"{ptr}/{i}", c)


def check_multiscale(ms: dict[str, Any], ptr: str, c: Collector) -> None:
    """Check one multiscale: its axes, dataset paths and transformation vectors."""
    axes = ms.get("axes")
    n_axes: int | None = None
    if isinstance(axes, list):
        n_axes = len(axes)
        check_axes(axes, f"{ptr}/axes", c)
    datasets = ms.get("datasets")
    if isinstance(datasets, list):
        seen: set[str] = set()
        for j, ds in enumerate(datasets):
            if not isinstance(ds, dict):
                continue
            path = ds.get("path")
            if isinstance(path, str):
                if path in seen:
                    c.must(
                        f"{ptr}/datasets/{j}/path",
                        "dataset-paths-not-unique",
                        f"dataset path {path!r} is listed more than once",
                        "multiscale-md",
                    )
                seen.add(path)
            cts = ds.get("coordinateTransformations")
            check_transformations(cts, f"{ptr}/datasets/{j}/coordinateTransformations", n_axes, c)
    if "coordinateTransformations" in ms:
        cts = ms["coordinateTransformations"]
        check_transformations(cts, f"{ptr}/coordinateTransformations", n_axes, c)


def check_axes(axes: list[Any], ptr: str, c: Collector) -> None:
    """Unique names; order time -> channel/custom -> space; x, y, z ordered z, y, x."""
    names: set[str] = set()
    highest = -1
    order_reported = False
    space_names: list[Any] = []
    for j, axis in enumerate(axes):
        if not isinstance(axis, dict):
            continue
        name = axis.get("name")
        if isinstance(name, str):
            if name in names:
                c.must(
                    f"{ptr}/{j}/name",
                    "axis-names-not-unique",
                    f"axis name {name!r} is used more than once",
                    "axes-md",
                )
            names.add(name)
        kind = axis.get("type")
        rank = _TIME if kind == "time" else _SPACE if kind == "space" else _OTHER
        if rank == _SPACE:
            space_names.append(name)
        if rank < highest and not order_reported:
            c.must(
                f"{ptr}/{j}",
                "axes-order",
                f"axis {name!r} ({_ORDER_WORDS[rank]}) comes after a {_ORDER_WORDS[highest]} axis; "
                "axes must be ordered time, channel or custom, space",
                "multiscale-md",
            )
            order_reported = True
        highest = max(highest, rank)
    if (
        len(space_names) == 3
        and set(space_names) == {"x", "y", "z"}
        and space_names != ["z", "y", "x"]
    ):
        c.should(
            ptr,
            "space-axes-not-zyx",
            f"spatial axes are ordered {''.join(space_names)}; they should be ordered zyx",
            "multiscale-md",
        )


def check_transformations(cts: Any, ptr: str, n_axes: int | None, c: Collector) -> None:
    """Translation after scale; vector lengths equal to the number of axes."""
    if not isinstance(cts, list):
        return
    first_scale: int | None = None
    for k, t in enumerate(cts):
        if isinstance(t, dict) and t.get("type") == "scale":
            first_scale = k
            break
    for k, t in enumerate(cts):
        if not isinstance(t, dict):
            continue
        kind = t.get("type")
        if kind not in ("scale", "translation"):
            continue
        if kind == "translation" and first_scale is not None and k < first_scale:
            c.must(
                f"{ptr}/{k}",
                "translation-before-scale",
                "the translation is listed before the scale; it must come after it",
                "multiscale-md",
            )
        vector = t.get(kind)
        if n_axes is not None and isinstance(vector, list) and len(vector) != n_axes:
            c.must(
                f"{ptr}/{k}/{kind}",
                f"{kind}-length-mismatch",
                f"the {kind} vector has {len(vector)} entries but there are {n_axes} axes",
                "multiscale-md",
            )
