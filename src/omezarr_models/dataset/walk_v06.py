"""The dataset walk's checks for OME-Zarr 0.6rc0: what a transformation refers to in other
groups and arrays.

A transformation may name a coordinate system of another group (a scene's images, a multiscale's
child label images) and store its parameters in zarr arrays (``path``): those groups and arrays
exist, name the coordinate systems referred to, and have the shapes the coordinate systems ask
for (0.6rc0 §coord-trafo-constraints, §trafo-types-md, §coordinates-displacements-md,
§scene-md). A scene's transformations are checked again with the dimensionality of the images'
coordinate systems, which its own document cannot know.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import TYPE_CHECKING, Any

from omezarr_models.rules.collector import Collector, is_inner_path
from omezarr_models.rules.coordinates import (
    Context,
    Parameters,
    check_transformation,
    expected_shape,
    intrinsic_axes,
    ref,
    stored_parameters,
    systems_of,
)

if TYPE_CHECKING:
    from omezarr_models.dataset.walk import Group, Walk

_LOCAL_ONLY = frozenset({"coordinate-system-unknown"})


async def _meta_at(walk: Walk, path: str) -> tuple[bool, dict[str, Any] | None, Any]:
    """A light read of the zarr.json at ``path``: (exists, OME metadata, the document)."""
    read = await walk.reader.read_json(walk._key(path, "zarr.json"))
    if not read.present or read.error is not None or type(read.value) is not dict:
        return read.present, None, None
    attrs = read.value.get("attributes")
    meta = attrs.get("ome") if type(attrs) is dict else None
    return True, meta if type(meta) is dict else None, read.value


async def image_references(walk: Walk, group: Group) -> None:
    """A multiscale's own transformations: child label images they name exist and define the
    coordinate systems named; parameters stored in zarr exist with the right shape."""
    meta = group.meta or {}
    multiscales = meta.get("multiscales")
    if type(multiscales) is not list:
        return
    jobs: list[Coroutine[Any, Any, object]] = []
    for i, ms in enumerate(multiscales):
        if type(ms) is not dict:
            continue
        ptr = f"/ome/multiscales/{i}"
        local = systems_of({"multiscales": [ms]})
        axes = intrinsic_axes(ms)
        n = len(axes) if axes is not None else None
        datasets = ms.get("datasets")
        for j, ds in enumerate(datasets if type(datasets) is list else ()):
            cts = ds.get("coordinateTransformations") if type(ds) is dict else None
            if type(cts) is list and cts:
                tp = f"{ptr}/datasets/{j}/coordinateTransformations/0"
                for p in stored_parameters(cts[0], tp, n, n):
                    jobs.append(_parameters(walk, group, p))
        cts = ms.get("coordinateTransformations")
        for k, t in enumerate(cts if type(cts) is list else ()):
            if type(t) is not dict:
                continue
            tp = f"{ptr}/coordinateTransformations/{k}"
            ends = {end: ref(t.get(end)) for end in ("input", "output")}
            dims = {
                end: local.get(r.name) if r.local and r.name else None for end, r in ends.items()
            }
            for end, r in ends.items():
                if r.path is not None and r.name is not None and is_inner_path(r.path):
                    jobs.append(
                        _external_system(walk, group, r.path, r.name, f"{tp}/{end}", "label image")
                    )
            for p in stored_parameters(t, tp, dims["input"], dims["output"]):
                jobs.append(_parameters(walk, group, p))
    await asyncio.gather(*jobs)


async def _external_system(
    walk: Walk, holder: Group, path: str, name: str, ptr: str, what: str
) -> dict[str, int | None] | None:
    """The coordinate systems of the group at ``path`` (below ``holder``); report the group
    missing or without a coordinate system ``name``."""
    exists, meta, _ = await _meta_at(walk, walk._key(holder.path, path))
    if not exists:
        walk.error(
            holder.file,
            f"{ptr}/path",
            "group-missing",
            f"the {what} {path!r} does not exist",
            "coord-trafo-constraints",
        )
        return None
    systems = systems_of(meta)
    if name not in systems:
        walk.error(
            holder.file,
            f"{ptr}/name",
            "coordinate-system-unknown",
            f"the {what} {path!r} defines no coordinate system named {name!r}",
            "coord-trafo-constraints",
        )
    return systems


async def _parameters(walk: Walk, holder: Group, p: Parameters) -> None:
    """Parameters stored in zarr: the array (or, for coordinates and displacements, the
    multiscale group) exists below ``holder`` and has the shape the dimensionality asks for."""
    exists, meta, doc = await _meta_at(walk, walk._key(holder.path, p.path))
    where = f"{p.pointer}/path"
    field = p.kind in ("coordinates", "displacements")
    if not exists:
        walk.error(
            holder.file,
            where,
            "transformation-array-missing",
            f"the {'multiscale group' if field else 'array'} {p.path!r} holding the {p.kind} "
            "parameters does not exist",
            "coordinates-displacements-md" if field else "transform-type-md",
        )
        return
    if field:
        multiscales = meta.get("multiscales") if meta is not None else None
        first = multiscales[0] if type(multiscales) is list and multiscales else None
        axes = intrinsic_axes(first) if type(first) is dict else None
        kind = "coordinate" if p.kind == "coordinates" else "displacement"
        vectors = [a for a in axes or () if type(a) is dict and a.get("type") == kind]
        if axes is not None and (len(vectors) != 1 or vectors[0].get("discrete") is not True):
            walk.error(
                holder.file,
                where,
                "field-vector-axis-invalid",
                f"the {p.kind} field {p.path!r} must have one axis of type {kind!r} with "
                f'"discrete": true for its vectors; it has {len(vectors)}',
                "coordinates-displacements-md",
            )
        if p.n_in is not None and axes is not None and len(axes) != p.n_in + 1:
            walk.error(
                holder.file,
                where,
                "transformation-array-shape-mismatch",
                f"the {p.kind} field {p.path!r} has {len(axes)} dimensions; for {p.n_in} input "
                f"axes it must have {p.n_in + 1}",
                "coordinates-displacements-md",
            )
        if len(vectors) == 1 and axes is not None and type(first) is dict:
            await _vector_length(walk, holder, p, first, axes.index(vectors[0]))
        return
    shape = doc.get("shape") if type(doc) is dict and doc.get("node_type") == "array" else None
    wanted = expected_shape(p)
    if type(shape) is not list:
        walk.error(
            holder.file,
            where,
            "transformation-array-missing",
            f"{p.path!r} is not a zarr array holding the {p.kind} parameters",
            "transform-type-md",
        )
    elif wanted is not None and shape != wanted:
        walk.error(
            holder.file,
            where,
            "transformation-array-shape-mismatch",
            f"the {p.kind} parameters {p.path!r} have shape {shape}; the coordinate systems ask "
            f"for {wanted}",
            f"{p.kind}-md",
        )


async def scene(walk: Walk, group: Group) -> None:
    """A scene: the images its transformations name exist, are images, define the coordinate
    systems named; the transformations fit those coordinate systems; stored parameters exist."""
    sc = (group.meta or {}).get("scene")
    if type(sc) is not dict or type(sc.get("coordinateTransformations")) is not list:
        return
    cts = sc["coordinateTransformations"]
    local = systems_of({"scene": sc})
    images: dict[str, asyncio.Task[Group | None]] = {}
    refs: list[tuple[int, str, str, str]] = []
    for k, t in enumerate(cts):
        if type(t) is not dict:
            continue
        for end in ("input", "output"):
            r = ref(t.get(end))
            if r.path is None or r.name is None or not is_inner_path(r.path):
                continue
            ptr = f"/ome/scene/coordinateTransformations/{k}/{end}"
            refs.append((k, end, r.path, r.name))
            if r.path not in images:
                images[r.path] = asyncio.ensure_future(
                    walk.group(
                        walk._key(group.path, r.path),
                        referrer=(group.file, f"{ptr}/path"),
                        what="image",
                    )
                )
    found = dict(zip(images, await asyncio.gather(*images.values()), strict=True))
    await asyncio.gather(*(walk._expect_image(g) for g in found.values() if g is not None))
    systems = {path: systems_of(g.meta) if g is not None else None for path, g in found.items()}
    for k, end, path, name in refs:
        known = systems[path]
        if known is not None and name not in known:
            walk.error(
                group.file,
                f"/ome/scene/coordinateTransformations/{k}/{end}/name",
                "coordinate-system-unknown",
                f"the image {path!r} defines no coordinate system named {name!r}",
                "scene-md",
            )
    already = {(i.path, i.code) for i in group.report.issues}
    jobs: list[Coroutine[Any, Any, object]] = []
    for k, t in enumerate(cts):
        if type(t) is not dict:
            continue
        ptr = f"/ome/scene/coordinateTransformations/{k}"
        dims = []
        for end in ("input", "output"):
            r = ref(t.get(end))
            table = local if r.path is None else (systems.get(r.path) or {})
            dims.append(table.get(r.name) if r.name is not None else None)
        sub = Collector(walk.version, strict=walk.strict, file=group.file)
        check_transformation(t, ptr, dims[0], dims[1], Context(sub, local))
        for issue in sub.issues:
            if issue.code not in _LOCAL_ONLY and (issue.path, issue.code) not in already:
                walk.issues.append(issue)
        for p in stored_parameters(t, ptr, dims[0], dims[1]):
            jobs.append(_parameters(walk, group, p))
    await asyncio.gather(*jobs)


async def _vector_length(
    walk: Walk, holder: Group, p: Parameters, ms: dict[str, Any], index: int
) -> None:
    """The field's vectors have one component per output axis (coordinates: M) or per input
    axis (displacements: N); read from the shape of its first level along the vector axis."""
    wanted = p.n_out if p.kind == "coordinates" else p.n_in
    datasets = ms.get("datasets")
    first = datasets[0] if type(datasets) is list and datasets else None
    level = first.get("path") if type(first) is dict else None
    if wanted is None or type(level) is not str or not is_inner_path(level):
        return
    _, _, doc = await _meta_at(walk, walk._key(walk._key(holder.path, p.path), level))
    shape = doc.get("shape") if type(doc) is dict else None
    if type(shape) is list and index < len(shape) and shape[index] != wanted:
        what = "output" if p.kind == "coordinates" else "input"
        walk.error(
            holder.file,
            f"{p.pointer}/path",
            "transformation-array-shape-mismatch",
            f"the vectors of the {p.kind} field {p.path!r} have {shape[index]} components; "
            f"the {what} has {wanted} axes",
            "coordinates-displacements-md",
        )
