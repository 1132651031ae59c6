"""Writers of small OME-Zarr hierarchies for the dataset tests (metadata only: no chunks needed).

A hierarchy is described as a dict ``{group path: attributes}`` plus ``{array path: (shape,
dtype)}`` and written as zarr v2 (``.zgroup``/``.zattrs``/``.zarray``) or v3 (``zarr.json``).
Tests take a valid hierarchy from here and break one thing.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

V2_DTYPES = {
    "uint8": "|u1",
    "uint16": "<u2",
    "int32": "<i4",
    "uint32": "<u4",
    "float32": "<f4",
    "int64": "<i8",
}


@dataclass
class Hierarchy:
    """Groups (path -> OME metadata as it sits in the attributes) and arrays (path -> spec)."""

    version: str
    groups: dict[str, dict[str, Any]] = field(default_factory=dict)
    arrays: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def zarr_format(self) -> int:
        return 2 if self.version in ("0.1", "0.2", "0.3", "0.4") else 3

    def attrs(self, meta: dict[str, Any]) -> dict[str, Any]:
        """Wrap OME metadata as the attributes of this version."""
        if self.zarr_format == 2 or not meta:
            return meta
        return {"ome": {"version": self.version, **meta}}

    def write(self, root: Path, *, zarr_format: int | None = None) -> Path:
        """Write the hierarchy under ``root`` and return ``root``."""
        fmt = zarr_format or self.zarr_format
        for path, meta in self.groups.items():
            folder = root / path if path else root
            folder.mkdir(parents=True, exist_ok=True)
            attrs = self.attrs(meta)
            if fmt == 3:
                _dump(
                    folder / "zarr.json",
                    {"zarr_format": 3, "node_type": "group", "attributes": attrs},
                )
            else:
                _dump(folder / ".zgroup", {"zarr_format": 2})
                if attrs:
                    _dump(folder / ".zattrs", attrs)
        for path, spec in self.arrays.items():
            folder = root / path
            folder.mkdir(parents=True, exist_ok=True)
            shape, dtype = spec["shape"], spec.get("dtype", "uint16")
            chunks = [min(n, 32) for n in shape]
            if fmt == 3:
                doc: dict[str, Any] = {
                    "zarr_format": 3,
                    "node_type": "array",
                    "shape": shape,
                    "data_type": dtype,
                    "chunk_grid": {"name": "regular", "configuration": {"chunk_shape": chunks}},
                    "chunk_key_encoding": {"name": "default", "configuration": {"separator": "/"}},
                    "fill_value": 0,
                    "codecs": [{"name": "bytes", "configuration": {"endian": "little"}}],
                    "attributes": {},
                }
                if "dimension_names" in spec:
                    doc["dimension_names"] = spec["dimension_names"]
                _dump(folder / "zarr.json", doc)
            else:
                if "array_dimensions" in spec:  # 0.3 repeats the axes in each level's attributes
                    _dump(folder / ".zattrs", {"_ARRAY_DIMENSIONS": spec["array_dimensions"]})
                _dump(
                    folder / ".zarray",
                    {
                        "zarr_format": 2,
                        "shape": shape,
                        "chunks": chunks,
                        "dtype": V2_DTYPES[dtype],
                        "compressor": None,
                        "fill_value": 0,
                        "order": "C",
                        "filters": None,
                        "dimension_separator": spec.get("separator", "/"),
                    },
                )
        return root


def _dump(path: Path, doc: Any) -> None:
    path.write_text(json.dumps(doc), encoding="utf-8")


AXES = [
    {"name": "c", "type": "channel"},
    {"name": "y", "type": "space", "unit": "micrometer"},
    {"name": "x", "type": "space", "unit": "micrometer"},
]


OLD_VERSIONS = ("0.1", "0.2", "0.3")


def multiscale(version: str, levels: int = 2, name: str = "image") -> dict[str, Any]:
    """A strictly valid multiscale of ``levels`` levels with axes c, y, x."""
    ms: dict[str, Any] = {
        "name": name,
        "axes": copy.deepcopy(AXES),
        "datasets": [
            {
                "path": str(i),
                "coordinateTransformations": [{"type": "scale", "scale": [1, 2.0**i, 2.0**i]}],
            }
            for i in range(levels)
        ],
        "type": "mean",
        "metadata": {"method": "block mean"},
    }
    if version in OLD_VERSIONS:  # no transformations; 0.3 names its axes, 0.1/0.2 are 5-D
        ms["datasets"] = [{"path": str(i)} for i in range(levels)]
        if version == "0.3":
            ms["axes"] = ["c", "y", "x"]
        else:
            del ms["axes"]
    if version != "0.5":
        ms["version"] = version
    return ms


def add_image(
    h: Hierarchy,
    path: str,
    *,
    levels: int = 2,
    shape: tuple[int, ...] = (2, 64, 64),
    dtype: str = "uint16",
) -> None:
    """An image group at ``path`` with its level arrays."""
    h.groups[path] = {"multiscales": [multiscale(h.version, levels)]}
    for i in range(levels):
        level_shape = [shape[0], *(n // 2**i for n in shape[1:])]
        if h.version in ("0.1", "0.2"):
            level_shape = [1, *level_shape[:1], 1, *level_shape[1:]]  # t, c, z, y, x
        spec: dict[str, Any] = {"shape": level_shape, "dtype": dtype}
        if h.zarr_format == 3:
            spec["dimension_names"] = ["c", "y", "x"]
        if h.version == "0.3":
            spec["array_dimensions"] = ["c", "y", "x"]
        if h.version == "0.1":
            spec["separator"] = "."
        h.arrays[_join(path, str(i))] = spec


def add_label(
    h: Hierarchy,
    image: str,
    name: str,
    *,
    levels: int = 2,
    shape: tuple[int, ...] = (1, 64, 64),
    dtype: str = "uint32",
) -> None:
    """A label image ``labels/<name>`` under ``image``, listed in the labels group."""
    labels = _join(image, "labels")
    listed = h.groups.setdefault(labels, {"labels": []})["labels"]
    listed.append(name)
    path = _join(labels, name)
    add_image(h, path, levels=levels, shape=shape, dtype=dtype)
    colors: dict[str, Any] = {"colors": [{"label-value": 1, "rgba": [255, 0, 0, 255]}]}
    if h.version != "0.5":
        colors["version"] = h.version
    h.groups[path]["image-label"] = colors


def image(version: str, *, labels: bool = False) -> Hierarchy:
    """An image (optionally with one label image)."""
    h = Hierarchy(version)
    add_image(h, "")
    if labels:
        add_label(h, "", "cells")
    return h


def plate(
    version: str, *, rows: int = 2, columns: int = 3, fields: int = 2, acquisitions: int = 1
) -> Hierarchy:
    """A full plate: every well present, ``fields`` images per well."""
    h = Hierarchy(version)
    row_names = [chr(ord("A") + r) for r in range(rows)]
    col_names = [str(c + 1) for c in range(columns)]
    meta: dict[str, Any] = {
        "name": "test plate",
        "rows": [{"name": r} for r in row_names],
        "columns": [{"name": c} for c in col_names],
        "wells": [
            {"path": f"{r}/{c}", "rowIndex": i, "columnIndex": j}
            for i, r in enumerate(row_names)
            for j, c in enumerate(col_names)
        ],
        "field_count": fields,
        "acquisitions": [
            {"id": a, "name": f"run {a}", "maximumfieldcount": fields} for a in range(acquisitions)
        ],
    }
    if version == "0.4":
        meta["version"] = "0.4"
    h.groups[""] = {"plate": meta}
    for r in row_names:
        h.groups[r] = {}
        for c in col_names:
            well: dict[str, Any] = {
                "images": [{"path": str(f), "acquisition": f % acquisitions} for f in range(fields)]
            }
            if version == "0.4":
                well["version"] = "0.4"
            h.groups[f"{r}/{c}"] = {"well": well}
            for f in range(fields):
                add_image(h, f"{r}/{c}/{f}", shape=(1, 32, 32))
    return h


def bioformats2raw(version: str, *, images: int = 2, series: bool = True) -> Hierarchy:
    """A bioformats2raw collection of ``images`` images, listed in OME/series or not."""
    h = Hierarchy(version)
    h.groups[""] = {"bioformats2raw.layout": 3}
    if series:
        h.groups["OME"] = {"series": [str(i) for i in range(images)]}
    for i in range(images):
        add_image(h, str(i))
    return h


def _join(a: str, b: str) -> str:
    return f"{a}/{b}" if a else b
