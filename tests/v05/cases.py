"""Test documents for OME-Zarr 0.5 and the way every rule case is checked.

Every document here is written for these tests. The builders return whole attributes documents,
``{"ome": {"version": "0.5", ...}}``, that are valid even with ``strict=True`` unless a test
changes them. A rule case (:class:`Case`) is one document with the verdict expected of it:

* ``valid``: no issue at all, with or without ``strict``;
* ``must``: an error of ``code`` at the JSON pointer ``pointer``, with or without ``strict``;
* ``should``: a warning of ``code`` at ``pointer`` and a valid document without ``strict``; an
  error of the same code at the same place with ``strict=True``.

The section files (``test_axes.py``, ...) list their cases in ``CASES``; ``test_oracle.py`` and
``test_models.py`` reuse them.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any, Literal

import pytest

from omezarr_models import Report, validate_attributes
from tests.conftest import assert_error, assert_valid, assert_warning

VERSION = "0.5"

# JSON pointers of the builders' documents.
OME = "/ome"
MS = "/ome/multiscales/0"
AXES = f"{MS}/axes"
DS = f"{MS}/datasets/0"
CT = f"{DS}/coordinateTransformations"
MS_CT = f"{MS}/coordinateTransformations"
OMERO = "/ome/omero"
CH = f"{OMERO}/channels/0"
IL = "/ome/image-label"
PLATE = "/ome/plate"
WELL = "/ome/well"

Level = Literal["valid", "must", "should"]


# --------------------------------------------------------------------------------------------
# Builders


def ome(**keys: Any) -> dict[str, Any]:
    """An attributes document: ``keys`` in a 0.5 ``ome`` object."""
    return {"ome": {"version": VERSION, **keys}}


def ome_keys(keys: dict[str, Any]) -> dict[str, Any]:
    """Like :func:`ome`, for keys that are not Python names (``image-label``, ...)."""
    return {"ome": {"version": VERSION, **keys}}


def axis(name: str, type_: str | None = None, unit: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"name": name}
    if type_ is not None:
        out["type"] = type_
    if unit is not None:
        out["unit"] = unit
    return out


def space(name: str, unit: str = "micrometer") -> dict[str, Any]:
    return axis(name, "space", unit)


T_AXIS = axis("t", "time", "second")
C_AXIS = axis("c", "channel")
YX = [space("y"), space("x")]
ZYX = [space("z"), space("y"), space("x")]
TCZYX = [T_AXIS, C_AXIS, *ZYX]


def scale(*values: Any) -> dict[str, Any]:
    return {"type": "scale", "scale": list(values)}


def translation(*values: Any) -> dict[str, Any]:
    return {"type": "translation", "translation": list(values)}


def dataset(path: str, *transformations: dict[str, Any]) -> dict[str, Any]:
    return {"path": path, "coordinateTransformations": list(transformations)}


def multiscale(
    axes: list[dict[str, Any]] | None = None,
    datasets: list[dict[str, Any]] | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """One multiscale with its SHOULD keys, two levels by default (scale 1 then 2 per axis)."""
    axes = copy.deepcopy(YX if axes is None else axes)
    n = len(axes)
    if datasets is None:
        datasets = [dataset("0", scale(*[1.0] * n)), dataset("1", scale(*[2.0] * n))]
    out: dict[str, Any] = {
        "name": "cells",
        "type": "local_mean",
        "metadata": {"method": "a mean over 2x2 blocks"},
        "axes": axes,
        "datasets": datasets,
    }
    out.update(extra)
    return out


def image(
    axes: list[dict[str, Any]] | None = None,
    datasets: list[dict[str, Any]] | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """An image document: one multiscale (see :func:`multiscale`)."""
    return ome(multiscales=[multiscale(axes, datasets, **extra)])


def window(**overrides: Any) -> dict[str, Any]:
    return {"min": 0, "max": 4095, "start": 100, "end": 2000, **overrides}


def channel(**overrides: Any) -> dict[str, Any]:
    return {"color": "00FF7f", "window": window(), **overrides}


def with_omero(omero: Any) -> dict[str, Any]:
    """A CZYX image with ``omero`` rendering metadata."""
    doc = image([C_AXIS, *ZYX])
    doc["ome"]["omero"] = omero
    return doc


def label_image(image_label: Any) -> dict[str, Any]:
    """A label image: a ZYX multiscale and ``image-label``."""
    doc = image(ZYX)
    doc["ome"]["image-label"] = image_label
    return doc


def colors(*values: int) -> list[dict[str, Any]]:
    return [{"label-value": v, "rgba": [v % 256, 40, 200, 255]} for v in values]


def plate_meta(**overrides: Any) -> dict[str, Any]:
    """A 2x3 plate with two acquisitions and three wells, with every SHOULD key."""
    out: dict[str, Any] = {
        "name": "screen 7",
        "field_count": 2,
        "acquisitions": [
            {"id": 0, "name": "first pass", "maximumfieldcount": 2},
            {"id": 5, "name": "second pass", "maximumfieldcount": 1, "starttime": 1700000000},
        ],
        "rows": [{"name": "A"}, {"name": "B"}],
        "columns": [{"name": "1"}, {"name": "2"}, {"name": "3"}],
        "wells": [
            {"path": "A/1", "rowIndex": 0, "columnIndex": 0},
            {"path": "A/3", "rowIndex": 0, "columnIndex": 2},
            {"path": "B/2", "rowIndex": 1, "columnIndex": 1},
        ],
    }
    out.update(overrides)
    return out


def plate(**overrides: Any) -> dict[str, Any]:
    return ome(plate=plate_meta(**overrides))


def plate_well(path: str, row: Any, column: Any) -> dict[str, Any]:
    return {"path": path, "rowIndex": row, "columnIndex": column}


def well(images: Any, **extra: Any) -> dict[str, Any]:
    return ome(well={"images": images, **extra})


def changed(doc: dict[str, Any], pointer: str, value: Any = ..., *, delete: bool = False) -> Any:
    """A deep copy of ``doc`` with the value at JSON ``pointer`` replaced, added or deleted
    (an ``-`` last token appends to a list)."""
    out = copy.deepcopy(doc)
    tokens = [t.replace("~1", "/").replace("~0", "~") for t in pointer.split("/")[1:]]
    target: Any = out
    for token in tokens[:-1]:
        target = target[int(token)] if isinstance(target, list) else target[token]
    last = tokens[-1]
    if isinstance(target, list):
        if delete:
            del target[int(last)]
        elif last == "-":
            target.append(value)
        else:
            target[int(last)] = value
    elif delete:
        del target[last]
    else:
        target[last] = value
    return out


def resolve(doc: Any, pointer: str) -> Any:
    """The value at JSON ``pointer`` in ``doc``."""
    target = doc
    for token in pointer.split("/")[1:]:
        token = token.replace("~1", "/").replace("~0", "~")
        target = target[int(token)] if isinstance(target, list) else target[token]
    return target


# --------------------------------------------------------------------------------------------
# Rule cases


@dataclass(frozen=True)
class Case:
    """One document and the verdict expected of it (see the module docstring)."""

    id: str
    level: Level
    doc: Any
    code: str | None = None
    pointer: str | None = None
    section: str | None = None
    version: str | None = None
    marks: tuple[Any, ...] = field(default=())

    def report(self, *, strict: bool = False) -> Report:
        return validate_attributes(self.doc, version=self.version, strict=strict)


def valid(id: str, doc: Any, *, marks: tuple[Any, ...] = ()) -> Case:
    return Case(id, "valid", doc, marks=marks)


def must(
    id: str,
    doc: Any,
    code: str,
    pointer: str,
    section: str | None = None,
    *,
    version: str | None = None,
    marks: tuple[Any, ...] = (),
) -> Case:
    return Case(id, "must", doc, code, pointer, section, version, marks)


def should(
    id: str,
    doc: Any,
    code: str,
    pointer: str,
    section: str | None = None,
    *,
    marks: tuple[Any, ...] = (),
) -> Case:
    return Case(id, "should", doc, code, pointer, section, None, marks)


def params(cases: list[Case]) -> list[Any]:
    """``cases`` as pytest parameters named ``<level>:<id>``; ids must be unique."""
    ids = [f"{c.level}:{c.id}" for c in cases]
    duplicates = {i for i in ids if ids.count(i) > 1}
    assert not duplicates, f"duplicate case ids: {sorted(duplicates)}"
    return [pytest.param(c, id=i, marks=c.marks) for c, i in zip(cases, ids, strict=True)]


def _spec_of(report: Report, code: str, pointer: str) -> set[str]:
    return {i.spec for i in report.issues if i.code == code and i.path == pointer}


def run_case(case: Case) -> None:
    """Check the verdicts of ``case`` without and with ``strict``."""
    report = case.report()
    strict = case.report(strict=True)
    if case.level == "valid":
        assert_valid(report, no_warnings=True)
        assert_valid(strict, no_warnings=True)
        assert report.version == VERSION
        return
    assert case.code is not None
    assert case.pointer is not None
    if case.level == "must":
        assert_error(report, case.code, case.pointer)
        assert_error(strict, case.code, case.pointer)
    else:
        assert report.valid, report.message
        assert_warning(report, case.code, case.pointer)
        assert case.code not in {i.code for i in report.errors}
        assert_error(strict, case.code, case.pointer)
    if case.section is not None:
        assert _spec_of(report, case.code, case.pointer) == {f"{VERSION} §{case.section}"}
