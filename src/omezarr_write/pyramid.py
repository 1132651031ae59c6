"""``build_pyramid``: (re)compute the lower resolutions of an existing image from its level 0.

For an image written with one level (or whose levels should be redone with another method
or factors). Level 0 is never touched. The image stays valid at every moment: its metadata
is first cut down to level 0 alone, then old levels are deleted and new ones written, and
the metadata listing every level is written last.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

import numpy as np

from omezarr_write import _metadata
from omezarr_write._numbers import exact
from omezarr_write._plan import plan_image
from omezarr_write._pyramid import pyramid
from omezarr_write._run import compute as run
from omezarr_write._target import Target
from omezarr_write.errors import DestinationError, DestinationExistsError, InvalidArgumentError
from omezarr_write.image import create_arrays

__all__ = ["build_pyramid"]


def _vector(transforms: Sequence[Mapping[str, Any]], kind: str) -> list[Decimal] | None:
    """The inline ``scale``/``translation`` vector of a dataset's transformations."""
    for t in transforms:
        if t.get("type") == kind:
            if kind not in t:
                raise InvalidArgumentError(
                    "image", f"its {kind} is stored in a file ({t.get('path')}); give it inline"
                )
            return [exact(v) for v in t[kind]]
    return None


def level0_transforms(
    multiscale: Mapping[str, Any],
) -> tuple[list[Decimal] | None, list[Decimal] | None]:
    """The full-resolution scale and translation of a 0.4, 0.5 or 0.6 multiscale.

    In 0.6 the level's one transformation is a scale, an identity, or a sequence of a scale
    and a translation (what the text allows for a dataset).
    """
    base = list(multiscale["datasets"][0].get("coordinateTransformations", []))
    if len(base) == 1 and base[0].get("type") == "sequence":
        base = list(base[0].get("transformations", []))
    return _vector(base, "scale"), _vector(base, "translation")


def image_axes(multiscale: Mapping[str, Any]) -> tuple[list[dict[str, Any]], str]:
    """The axes of a multiscale's levels, and (0.6) the coordinate system they belong to."""
    from omezarr_models.dataset.nodes import multiscale_axes
    from omezarr_models.errors import OmeZarrError

    try:
        axes, system = multiscale_axes(dict(multiscale))
    except (OmeZarrError, KeyError, IndexError, TypeError) as exc:
        raise InvalidArgumentError("image", f"its axes cannot be read ({exc})") from None
    return axes, system or _metadata.SYSTEM


def open_image(
    image: Any, storage_options: dict[str, Any] | None, *, kinds: tuple[str, ...] = ("image",)
) -> Any:
    """Open an existing 0.4/0.5 image node (of one of ``kinds``)."""
    from omezarr_models.dataset import open_ome_zarr
    from omezarr_models.dataset.nodes import ImageNode
    from omezarr_models.errors import OmeZarrError

    try:
        node = open_ome_zarr(image, validate="skip", storage_options=storage_options)
    except OmeZarrError as exc:
        raise DestinationError(str(image), f"cannot open the image ({exc})") from None
    if not isinstance(node, ImageNode) or node.kind not in kinds:
        found = node.kind or "no OME metadata"
        raise DestinationError(str(image), f"not an OME-Zarr image (found {found})")
    if node.version not in ("0.4", "0.5", "0.6rc0"):
        raise DestinationError(str(image), f"0.4, 0.5 and 0.6rc0 images only, not {node.version}")
    return node


def writable_target(image: Any, storage_options: dict[str, Any] | None) -> Target:
    """The image's own store, opened for writing in place."""
    import os

    from zarr.abc.store import Store
    from zarr.storage import FsspecStore, LocalStore

    if isinstance(image, Store):
        return Target(image, "", str(image))
    text = os.fspath(image) if isinstance(image, os.PathLike) else str(image)
    if text.startswith(("http://", "https://")):
        raise DestinationError(text, "HTTP is read-only here: write to a folder, s3:// or a store")
    if "://" in text and not text.startswith("file://"):
        store: Any = FsspecStore.from_url(
            text, storage_options=storage_options or {}, read_only=False
        )
    else:
        store = LocalStore(text.removeprefix("file://"))
    return Target(store, "", text)


def build_pyramid(
    image: Any,
    *,
    levels: int | None = None,
    factors: Any = None,
    method: str | None = None,
    chunks: Any = None,
    shards: Any = None,
    compressor: Any = "default",
    overwrite: bool = False,
    progress: bool = False,
    storage_options: dict[str, Any] | None = None,
    _kinds: tuple[str, ...] = ("image",),
) -> Any:
    """Compute and write the levels below level 0 of an existing image (and of its labels).

    Parameters
    ----------
    image
        An OME-Zarr 0.4 or 0.5 image (path, URL or zarr store), written in place.
    levels, factors, method
        As in :func:`omezarr_write.write_image`; ``method`` defaults to the multiscale's
        ``type`` when it names one of the writer's methods, else ``mean``.
    chunks, shards
        Of the new levels; by default those of level 0.
    compressor
        As in :func:`omezarr_write.write_image`.
    overwrite
        Needed when the image already has more than one level: they are replaced.
    progress, storage_options
        As in :func:`omezarr_write.write_image`.

    Returns
    -------
    The image model with its new levels.

    The image's label images get the same levels and factors (with their own method when
    it is one that keeps label values, else ``mode``), so they keep matching the image.
    """
    import dask.array as da
    import zarr

    node = open_image(image, storage_options, kinds=_kinds)
    ms = node.multiscale
    datasets = ms["datasets"]
    if len(datasets) > 1 and not overwrite:
        raise DestinationExistsError(f"{image} (it has {len(datasets)} levels)")
    base = node.levels[0]
    if method is None:
        kind = ms.get("type")
        method = kind if kind in ("mean", "nearest", "mode", "min", "max", "gaussian") else "mean"
    scale, translation = level0_transforms(ms)
    axes, system = image_axes(ms)
    plan = plan_image(
        shape=tuple(base.shape),
        dtype=np.dtype(base.dtype),
        axes=axes,
        version=node.version,
        scale=scale,
        translation=translation,
        units=None,
        levels=levels,
        factors=factors,
        method=method,
        chunks=chunks if chunks is not None else tuple(base.chunks),
        shards=shards if shards is not None else getattr(base, "shards", None),
    )
    if plan.levels[0].path != datasets[0]["path"]:
        # level 0 keeps its own path; new levels are numbered after it
        plan = _renamed(plan, datasets[0]["path"], {d["path"] for d in datasets[:1]})
    new = dict(ms)
    new.update(_metadata.multiscale(plan, ms.get("name"), system))
    for key in ("axes", "coordinateSystems"):
        if key in ms:
            new[key] = ms[key]
    new["datasets"] = [datasets[0], *new["datasets"][1:]]
    attrs = _with_multiscale(node, new)
    _metadata.check(attrs, node.version, "the image")

    target = writable_target(image, storage_options)
    group = zarr.open_group(target.store, mode="a", zarr_format=plan.zarr_format)
    # 1. the image lists level 0 only: valid while the other levels change
    alone = _with_multiscale(node, {**ms, "datasets": [datasets[0]]})
    group.attrs.put(alone)
    # 2. old levels go, new ones are written
    for d in datasets[1:]:
        if d["path"] in group:
            del group[d["path"]]
    arrays = create_arrays(target, plan, compressor, write_empty_chunks=True, first=1)
    source = da.from_zarr(base)
    computed = pyramid(source, plan.levels, plan.method, plan.axes)[1:]
    if computed:
        run(
            da.store(computed, arrays, lock=False, compute=False),
            progress=progress,
            label=f"pyramid {target.name}",
        )
    # 3. the metadata with every level
    group.attrs.put(attrs)
    steps = [list(level.factors) for level in plan.levels[1:]]
    for name in node.labels:
        label = node.labels[name]
        kind = label.multiscale.get("type")
        build_pyramid(
            _join(image, f"labels/{name}"),
            levels=len(plan.levels),
            factors=steps,
            method=kind if kind in ("mode", "nearest", "min", "max") else "mode",
            compressor=compressor,
            overwrite=True,
            progress=progress,
            storage_options=storage_options,
            _kinds=("label-image",),
        )
    return _metadata.model("LabelImage" if _kinds != ("image",) else "Image", attrs, node.version)


def _join(image: Any, path: str) -> Any:
    """The location of ``path`` inside ``image`` (a path, URL or store)."""
    import os

    from zarr.abc.store import Store

    if isinstance(image, Store):
        raise InvalidArgumentError("image", "images with labels are rebuilt from a path or URL")
    text = os.fspath(image) if isinstance(image, os.PathLike) else str(image)
    return f"{text.rstrip('/')}/{path}"


def _with_multiscale(node: Any, multiscale: dict[str, Any]) -> dict[str, Any]:
    """The node's attributes with ``multiscale`` in place of its first multiscale."""
    attrs = dict(node.attrs)
    ome = attrs if node.version == "0.4" else dict(attrs["ome"])
    ome["multiscales"] = [multiscale, *ome["multiscales"][1:]]
    if node.version != "0.4":
        attrs["ome"] = ome
    return attrs


def _renamed(plan: Any, base_path: str, taken: set[str]) -> Any:
    """The plan with level 0 at ``base_path`` and the others at free numeric paths."""
    from dataclasses import replace

    levels = [replace(plan.levels[0], path=base_path)]
    n = 1
    for level in plan.levels[1:]:
        while str(n) in taken or str(n) == base_path:
            n += 1
        levels.append(replace(level, path=str(n)))
        n += 1
    return replace(plan, levels=tuple(levels))
