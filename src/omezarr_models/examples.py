"""One valid example document per version and kind, as a group stores it.

The spec reference (``omezarr docs``) shows them on each kind's page, and the tests check that
each one validates as its version and kind with no issue at all, also with ``strict=True``, and
that the version's typed model reads and writes it back unchanged. (Groups whose metadata
carries no version, such as ``labels`` before 0.5, are judged with ``version=`` given: detected
by their layout alone they come with a ``version-missing`` warning.) They are written for this
project (none is copied from the spec text) and kept small: one multiscale of two levels, one
channel, a plate of two rows and two columns.

>>> from omezarr_models import validate_attributes
>>> from omezarr_models.examples import example
>>> report = validate_attributes(example("0.4", "plate"), strict=True)
>>> report.valid, report.version, report.kind
(True, '0.4', 'plate')
"""

from __future__ import annotations

import copy
from typing import Any

__all__ = ["KINDS", "VERSIONS", "example", "kinds"]

#: The kinds of group an example exists for, in reading order (``attributes``: any group).
KINDS = (
    "image",
    "label-image",
    "labels",
    "plate",
    "well",
    "bioformats2raw",
    "series",
    "attributes",
)
_TRANSITIONAL = ("bioformats2raw", "series")  # the bioformats2raw collection, from 0.4 on
#: The versions with examples.
VERSIONS = ("0.1", "0.2", "0.3", "0.4", "0.5")


def kinds(version: str) -> tuple[str, ...]:
    """The kinds that ``version`` has an example of (0.1-0.3 have no bioformats2raw layout)."""
    if version not in VERSIONS:
        raise KeyError(f"no examples for version {version!r}; choose one of {VERSIONS}")
    if version in ("0.4", "0.5"):
        return KINDS
    return tuple(k for k in KINDS if k not in _TRANSITIONAL)


def _versioned(version: str, obj: dict[str, Any]) -> dict[str, Any]:
    """``obj`` with the version first, as each object holds it up to 0.4 (0.5: in ``ome``)."""
    return obj if version == "0.5" else {"version": version, **obj}


def _multiscale(version: str, name: str, ndim: int) -> dict[str, Any]:
    """One multiscale of two levels, ``0`` and ``1`` (half the size in y and x)."""
    out: dict[str, Any] = _versioned(version, {"name": name})
    if version == "0.3":
        out["axes"] = ["c", "y", "x"][-ndim:]
    if version in ("0.4", "0.5"):
        out["axes"] = [
            {"name": "c", "type": "channel"},
            {"name": "y", "type": "space", "unit": "micrometer"},
            {"name": "x", "type": "space", "unit": "micrometer"},
        ][-ndim:]
        out["datasets"] = [
            {
                "path": str(level),
                "coordinateTransformations": [
                    {"type": "scale", "scale": ([1.0] * (ndim - 2)) + [0.5 * 2**level] * 2}
                ],
            }
            for level in (0, 1)
        ]
    else:
        out["datasets"] = [{"path": "0"}, {"path": "1"}]
    out["type"] = "mean"
    out["metadata"] = {"description": "2x2 box mean"}
    return out


def _omero(version: str) -> dict[str, Any]:
    out: dict[str, Any] = {
        "channels": [
            {
                "label": "DAPI",
                "color": "0000FF",
                "active": True,
                "window": {"min": 0, "max": 65535, "start": 100, "end": 4000},
            }
        ],
        "rdefs": {"model": "color"},
    }
    return _versioned(version, out)


def _image_label(version: str) -> dict[str, Any]:
    out: dict[str, Any] = {
        "colors": [
            {"label-value": 1, "rgba": [255, 0, 0, 255]},
            {"label-value": 2, "rgba": [0, 255, 0, 255]},
        ],
        "source": {"image": "../../"},
    }
    if version in ("0.4", "0.5"):
        out["properties"] = [
            {"label-value": 1, "area (pixels)": 1200, "class": "nucleus"},
            {"label-value": 2, "area (pixels)": 950, "class": "nucleus"},
        ]
    return _versioned(version, out)


def _plate(version: str) -> dict[str, Any]:
    wells: list[dict[str, Any]] = [{"path": "A/1"}, {"path": "B/2"}]
    if version in ("0.4", "0.5"):
        wells[0].update(rowIndex=0, columnIndex=0)
        wells[1].update(rowIndex=1, columnIndex=1)
    out: dict[str, Any] = {
        "name": "screen 1, plate 1",
        "field_count": 2,
        "acquisitions": [{"id": 0, "name": "first pass", "maximumfieldcount": 2}],
        "rows": [{"name": "A"}, {"name": "B"}],
        "columns": [{"name": "1"}, {"name": "2"}],
        "wells": wells,
    }
    return _versioned(version, out)


def _well(version: str) -> dict[str, Any]:
    out: dict[str, Any] = {
        "images": [{"path": "0", "acquisition": 0}, {"path": "1", "acquisition": 0}]
    }
    return _versioned(version, out)


def _metadata(version: str, kind: str) -> dict[str, Any]:
    """The OME metadata of a group of ``kind`` (without the ``ome`` wrapping of 0.5)."""
    if kind in ("image", "attributes"):
        return {"multiscales": [_multiscale(version, "cells", 3)], "omero": _omero(version)}
    if kind == "label-image":
        return {
            "multiscales": [_multiscale(version, "nuclei", 2)],
            "image-label": _image_label(version),
        }
    if kind == "labels":
        return {"labels": ["nuclei"]}
    if kind == "plate":
        return {"plate": _plate(version)}
    if kind == "well":
        return {"well": _well(version)}
    if kind == "bioformats2raw":
        return {"bioformats2raw.layout": 3}
    return {"series": ["0", "1"]}  # series


def example(version: str, kind: str) -> dict[str, Any]:
    """A valid document of ``kind`` for ``version``, as stored in the group's attributes.

    That is the content of ``.zattrs`` up to 0.4 and the ``attributes`` of ``zarr.json`` in 0.5
    (the metadata under ``ome``, with the version). ``attributes`` (any group) gives the image.
    Each call returns a new copy.

    Raises
    ------
    KeyError
        When ``version`` has no such kind (see :func:`kinds`).
    """
    if kind not in kinds(version):
        raise KeyError(f"OME-Zarr {version} has no example of kind {kind!r}")
    metadata = copy.deepcopy(_metadata(version, kind))
    if version == "0.5":
        return {"ome": {"version": "0.5", **metadata}}
    return metadata
