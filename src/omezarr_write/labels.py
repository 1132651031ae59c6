"""``write_labels``: a label image beside an existing image, listed in its labels group."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any, Literal

import numpy as np

from omezarr_write import _metadata
from omezarr_write._target import prepare
from omezarr_write.errors import InvalidArgumentError
from omezarr_write.image import as_dask, image_job, write_jobs
from omezarr_write.pyramid import _vector, image_axes, level0_transforms, open_image

__all__ = ["write_labels"]


def _factor(previous: int, current: int, axis: str, level: int) -> int:
    """The integer factor that took ``previous`` to ``current`` pixels (ceiling division)."""
    if current >= previous:
        return 1
    for f in (round(previous / current), previous // current, -(-previous // current)):
        if f >= 1 and -(-previous // f) == current:
            return f
    raise InvalidArgumentError(
        "image",
        f"level {level} is not an integer reduction of level {level - 1} along {axis!r} ({previous} → {current})",
    )


def _level_factors(
    datasets: Sequence[Mapping[str, Any]], shapes: Sequence[tuple[int, ...]], names: Sequence[str]
) -> list[tuple[int, ...]]:
    """Each level's factors: the ratio of the image's scales when it is an integer that gives
    the level's shape, else inferred from the shapes (6 → 2 pixels may be a factor 3 or 4)."""
    scales: list[list[Decimal] | None] = []
    for ds in datasets:
        transforms = list(ds.get("coordinateTransformations", []))
        if len(transforms) == 1 and transforms[0].get("type") == "sequence":
            transforms = list(transforms[0].get("transformations", []))
        try:
            scales.append(_vector(transforms, "scale"))
        except InvalidArgumentError:
            scales.append(None)
    out = []
    for level in range(1, len(shapes)):
        before, after = scales[level - 1], scales[level]
        step = []
        for i, (p, c, a) in enumerate(zip(shapes[level - 1], shapes[level], names, strict=True)):
            f = _factor(p, c, a, level)
            if before is not None and after is not None and before[i] > 0:
                ratio = after[i] / before[i]
                if ratio >= 1 and ratio == ratio.to_integral_value() and -(-p // int(ratio)) == c:
                    f = int(ratio)
            step.append(f)
        out.append(tuple(step))
    return out


def _colors(colors: Any) -> list[dict[str, Any]] | None:
    if colors is None:
        return None
    if isinstance(colors, Mapping):
        out = []
        for value, rgba in colors.items():
            if isinstance(rgba, str):
                text = rgba.lstrip("#")
                if len(text) not in (6, 8):
                    raise InvalidArgumentError(
                        "colors", f"label {value}: {rgba!r} is not RRGGBB or RRGGBBAA"
                    )
                rgba = [int(text[i : i + 2], 16) for i in range(0, len(text), 2)] + (
                    [255] if len(text) == 6 else []
                )
            rgba = list(rgba)
            if len(rgba) == 3:
                rgba.append(255)
            out.append({"label-value": value, "rgba": rgba})
        return out
    return [dict(c) for c in colors]


def _properties(properties: Any) -> list[dict[str, Any]] | None:
    if properties is None:
        return None
    if isinstance(properties, Mapping):
        return [{"label-value": value, **dict(props)} for value, props in properties.items()]
    return [dict(p) for p in properties]


def write_labels(
    image: Any,
    name: str,
    data: Any,
    *,
    colors: Any = None,
    properties: Any = None,
    method: str = "mode",
    chunks: Any = "auto",
    shards: Any = None,
    compressor: Any = "default",
    overwrite: bool = False,
    progress: bool = False,
    storage_options: dict[str, Any] | None = None,
) -> Any:
    """Write a label image under ``image/labels/name`` and list it in the labels group.

    The label image gets as many levels as the image, reduced by the same factors (read from
    the image's level shapes), with ``mode`` by default so that no label value is invented;
    its transformations follow from the image's full-resolution scale and translation.

    Parameters
    ----------
    image
        An existing OME-Zarr 0.4 or 0.5 image: path, URL or zarr store.
    name
        The label image's name (a folder name: no ``/``).
    data
        Integer numpy, dask or zarr array with the image's shape (1 along ``c`` allowed).
    colors
        ``{label value: (r, g, b[, a]) or "RRGGBB[AA]"}`` or image-label ``colors`` dicts.
    properties
        ``{label value: {key: value}}`` or image-label ``properties`` dicts.
    method
        ``"mode"`` (default), ``"nearest"``, ``"min"`` or ``"max"``: methods that never
        invent a value.
    chunks, shards, compressor, overwrite, progress, storage_options
        As in :func:`omezarr_write.write_image`.

    Returns
    -------
    The label image model (``LabelImage`` of the image's version).
    """
    if not isinstance(name, str) or not name or "/" in name or name in (".", ".."):
        raise InvalidArgumentError("name", f"{name!r} is not a folder name")
    if method not in ("mode", "nearest", "min", "max"):
        raise InvalidArgumentError(
            "method", f"{method!r} can invent label values; use mode, nearest, min or max"
        )
    source = as_dask(data)
    if not np.issubdtype(source.dtype, np.integer):
        raise InvalidArgumentError("data", f"label images hold integers, not {source.dtype}")
    node = open_image(image, storage_options)
    ms = node.multiscale
    axes, _ = image_axes(ms)
    names = [a["name"] for a in axes]
    shapes = [tuple(level.shape) for level in node.levels]
    if source.ndim != len(names):
        raise InvalidArgumentError(
            "data", f"{source.ndim} dimensions, but the image has axes {names}"
        )
    for axis, n, m in zip(names, source.shape, shapes[0], strict=True):
        if n != m and not (axis == "c" and n == 1):
            raise InvalidArgumentError(
                "data",
                f"shape {tuple(source.shape)} differs from the image's {shapes[0]} along {axis!r}",
            )
    factors = _level_factors(ms["datasets"], shapes, names)
    scale, translation = level0_transforms(ms)
    version = node.version
    image_label: dict[str, Any] = {}
    if version == "0.4":
        image_label["version"] = "0.4"
    color_list = _colors(colors)
    if color_list is not None:
        image_label["colors"] = color_list
    prop_list = _properties(properties)
    if prop_list is not None:
        image_label["properties"] = prop_list
    image_label["source"] = {"image": "../../"}
    options = {
        "axes": axes,
        "version": version,
        "scale": scale,
        "translation": translation,
        "levels": len(shapes),
        "factors": factors,
        "method": method,
        "chunks": chunks,
        "shards": shards,
        "compressor": compressor,
        "name": name,
    }
    job = image_job("", source, options, extra={"image-label": image_label})
    job.write_empty_chunks = False  # labels are mostly background: skip all-zero chunks
    target = prepare(
        image, overwrite=overwrite, storage_options=storage_options, subpath=f"labels/{name}"
    )
    attrs = write_jobs(
        image,
        [job],
        [],
        overwrite=overwrite,
        progress=progress,
        compute=True,
        storage_options=storage_options,
        result=lambda written: written[""],
        target=target,
    )
    _list_label(image, node, name, storage_options)
    return _metadata.model("LabelImage", attrs, version)


def _list_label(image: Any, node: Any, name: str, storage_options: dict[str, Any] | None) -> None:
    """Add ``name`` to the image's labels group (created if missing), after the label is complete."""
    import zarr
    from zarr.abc.store import Store

    if isinstance(image, Store):
        store: Any = image
    else:
        text = os.fspath(image) if isinstance(image, os.PathLike) else str(image)
        store = (
            text.removeprefix("file://")
            if "://" not in text or text.startswith("file://")
            else text
        )
    fmt: Literal[2, 3] = 2 if node.version == "0.4" else 3
    remote = not isinstance(store, Store) and "://" in str(store)
    root = zarr.open_group(
        store, mode="a", zarr_format=fmt, storage_options=storage_options if remote else None
    )
    group = root.require_group("labels")
    attrs: dict[str, Any] = dict(group.attrs)
    ome: dict[str, Any] = attrs if node.version == "0.4" else dict(attrs.get("ome") or {})
    listed = list(ome.get("labels", []))
    if name not in listed:
        listed.append(name)
    ome["labels"] = listed
    if node.version != "0.4":
        ome["version"] = node.version
        attrs["ome"] = ome
    _metadata.check(attrs, node.version, "the labels group")
    group.attrs.put(attrs)
