"""Test documents for OME-Zarr 0.6rc0 and the way every rule case is checked.

Every document here is written for these tests. The builders return whole attributes documents,
``{"ome": {"version": "0.6rc0", ...}}``, valid even with ``strict=True`` unless a test changes
them. A rule case (:class:`Case`) is one document with the verdict expected of it (the same
machinery as the 0.5 suite, :mod:`tests.v05.cases`):

* ``valid``: no issue at all, with or without ``strict``;
* ``must``: an error of ``code`` at the JSON pointer ``pointer``, with or without ``strict``;
* ``should``: a warning of ``code`` at ``pointer`` and a valid document without ``strict``; an
  error of the same code at the same place with ``strict=True``.

:func:`port` carries a rule case of the 0.5 suite over to 0.6rc0 where the text did not change
(plate, omero, labels, bioformats2raw): the version becomes 0.6rc0 and a 0.5 multiscale is
rewritten with a coordinate system and one transformation per level.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field, replace
from typing import Any, Literal

import pytest

from omezarr_models import Report, validate_attributes
from tests.conftest import assert_error, assert_valid, assert_warning
from tests.v05 import cases as v05

VERSION = "0.6rc0"

# JSON pointers of the builders' documents.
OME = "/ome"
MS = "/ome/multiscales/0"
CS = f"{MS}/coordinateSystems/0"
AXES = f"{CS}/axes"
DS = f"{MS}/datasets/0"
CT = f"{DS}/coordinateTransformations/0"
MS_CT = f"{MS}/coordinateTransformations"
SCENE = "/ome/scene"
SC_CT = f"{SCENE}/coordinateTransformations"
SC_CS = f"{SCENE}/coordinateSystems"
IL = "/ome/image-label"
PLATE = "/ome/plate"
WELL = "/ome/well"

Level = Literal["valid", "must", "should"]

# Re-exported helpers whose behaviour does not depend on the version.
changed = v05.changed
resolve = v05.resolve
axis = v05.axis
space = v05.space
colors = v05.colors
T_AXIS = v05.T_AXIS
C_AXIS = v05.C_AXIS
YX = v05.YX
ZYX = v05.ZYX
TCZYX = v05.TCZYX


# --------------------------------------------------------------------------------------------
# Builders


def ome(**keys: Any) -> dict[str, Any]:
    """An attributes document: ``keys`` in a 0.6rc0 ``ome`` object."""
    return {"ome": {"version": VERSION, **keys}}


def ome_keys(keys: dict[str, Any]) -> dict[str, Any]:
    """Like :func:`ome`, for keys that are not Python names (``image-label``, ...)."""
    return {"ome": {"version": VERSION, **keys}}


def system(name: str, axes: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """A coordinate system (YX by default)."""
    return {"name": name, "axes": copy.deepcopy(YX if axes is None else axes)}


def cs_ref(name: str | None = None, path: str | None = None) -> dict[str, Any]:
    """An ``input``/``output`` object."""
    out: dict[str, Any] = {}
    if name is not None:
        out["name"] = name
    if path is not None:
        out["path"] = path
    return out


def bound(t: dict[str, Any], source: Any, target: Any) -> dict[str, Any]:
    """``t`` with its ``input`` and ``output`` (strings are names of local coordinate systems)."""
    out = dict(t)
    out["input"] = cs_ref(source) if isinstance(source, str) else source
    out["output"] = cs_ref(target) if isinstance(target, str) else target
    return out


def scale(*values: Any) -> dict[str, Any]:
    return {"type": "scale", "scale": list(values)}


def translation(*values: Any) -> dict[str, Any]:
    return {"type": "translation", "translation": list(values)}


def sequence(*parts: dict[str, Any]) -> dict[str, Any]:
    return {"type": "sequence", "transformations": list(parts)}


def level(path: str, t: dict[str, Any], target: str = "physical") -> dict[str, Any]:
    """A dataset whose one transformation ``t`` goes from its array to ``target``."""
    return {"path": path, "coordinateTransformations": [bound(t, cs_ref(path=path), target)]}


def multiscale(
    axes: list[dict[str, Any]] | None = None,
    datasets: list[dict[str, Any]] | None = None,
    *,
    systems: list[dict[str, Any]] | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """One multiscale with its SHOULD keys: the coordinate system "physical" (YX by default)
    and two levels, "0" scaled by 1 and "1" by 2 then shifted by 0.5."""
    axes = copy.deepcopy(YX if axes is None else axes)
    n = len(axes)
    if datasets is None:
        datasets = [
            level("0", scale(*[1.0] * n)),
            level("1", sequence(scale(*[2.0] * n), translation(*[0.5] * n))),
        ]
    out: dict[str, Any] = {
        "name": "cells",
        "type": "local_mean",
        "metadata": {"method": "a mean over 2x2 blocks"},
        "coordinateSystems": systems if systems is not None else [system("physical", axes)],
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


def extra_system(t: dict[str, Any], name: str = "aligned", **kw: Any) -> dict[str, Any]:
    """A YX image with a second coordinate system ``name`` reached from "physical" by ``t``."""
    systems = [system("physical"), system(name)]
    return image(systems=systems, coordinateTransformations=[bound(t, "physical", name)], **kw)


def scene(
    transformations: list[dict[str, Any]], systems: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    """A scene document."""
    out: dict[str, Any] = {"coordinateTransformations": transformations}
    if systems is not None:
        out["coordinateSystems"] = systems
    return ome(scene=out)


def local(t: dict[str, Any], n_in: int = 2, n_out: int | None = None) -> dict[str, Any]:
    """A scene with the coordinate systems "in" (``n_in`` space axes) and "out" (``n_out``,
    the same by default) and the one transformation ``t`` from "in" to "out"."""
    names = "abcdefgh"
    n_out = n_in if n_out is None else n_out
    systems = [
        system("in", [space(f"i{names[k]}") for k in range(n_in)]),
        system("out", [space(f"o{names[k]}") for k in range(n_out)]),
    ]
    return scene([bound(t, "in", "out")], systems)


def label_image(image_label: Any) -> dict[str, Any]:
    """A label image: a ZYX multiscale and ``image-label``."""
    doc = image(ZYX)
    doc["ome"]["image-label"] = image_label
    return doc


def well(images: Any, **extra: Any) -> dict[str, Any]:
    return ome(well={"images": images, **extra})


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


def valid(id: str, doc: Any) -> Case:
    return Case(id, "valid", doc)


def must(
    id: str,
    doc: Any,
    code: str,
    pointer: str,
    section: str | None = None,
    *,
    version: str | None = None,
) -> Case:
    return Case(id, "must", doc, code, pointer, section, version)


def should(id: str, doc: Any, code: str, pointer: str, section: str | None = None) -> Case:
    return Case(id, "should", doc, code, pointer, section)


def params(cases: list[Case]) -> list[Any]:
    """``cases`` as pytest parameters named ``<level>:<id>``; ids must be unique."""
    ids = [f"{c.level}:{c.id}" for c in cases]
    duplicates = {i for i in ids if ids.count(i) > 1}
    assert not duplicates, f"duplicate case ids: {sorted(duplicates)}"
    return [pytest.param(c, id=i, marks=c.marks) for c, i in zip(cases, ids, strict=True)]


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
        found = {i.spec for i in report.issues if i.code == case.code and i.path == case.pointer}
        assert found == {f"{VERSION} §{case.section}"}


# --------------------------------------------------------------------------------------------
# Cases carried over from 0.5


def _port_multiscale(ms: Any) -> Any:
    """A 0.5 multiscale as 0.6rc0 writes it; None when it is not a well-formed 0.5 multiscale."""
    if type(ms) is not dict or type(ms.get("axes")) is not list or "datasets" not in ms:
        return None
    if "coordinateTransformations" in ms:
        return None
    out = {k: v for k, v in ms.items() if k not in ("axes", "version")}
    out = {
        **{k: v for k, v in out.items() if k != "datasets"},
        "coordinateSystems": [{"name": "physical", "axes": ms["axes"]}],
    }
    datasets = []
    for ds in ms["datasets"]:
        if type(ds) is not dict or type(ds.get("coordinateTransformations")) is not list:
            return None
        cts = ds["coordinateTransformations"]
        if not 1 <= len(cts) <= 2:
            return None
        t = cts[0] if len(cts) == 1 else sequence(*cts)
        datasets.append(level(ds["path"], t))
    out["datasets"] = datasets
    return out


def _port_value(value: Any) -> Any:
    if value == "0.5":
        return VERSION
    if type(value) is dict:
        return {k: _port_value(v) for k, v in value.items()}
    if type(value) is list:
        return [_port_value(v) for v in value]
    return value


def port(case: v05.Case) -> Case | None:
    """The 0.6rc0 form of a 0.5 rule case, or None when the case is about what 0.6 changed
    (multiscales, axes, transformations) and cannot be carried over."""
    if case.pointer is not None and case.pointer.startswith("/ome/multiscales"):
        return None
    doc = _port_value(copy.deepcopy(case.doc))
    meta = doc.get("ome") if type(doc) is dict else None
    if type(meta) is dict and "multiscales" in meta:
        if type(meta["multiscales"]) is not list:
            return None
        ported = [_port_multiscale(ms) for ms in meta["multiscales"]]
        if any(p is None for p in ported):
            return None
        meta["multiscales"] = ported
    if case.version not in (None, "0.5"):
        return None
    declared = type(meta) is dict and "version" in meta
    # a 0.5 case without a declared version is judged as 0.5: judge its port as 0.6rc0
    version = VERSION if case.version == "0.5" or not declared else None
    return replace(
        Case(case.id, case.level, doc, case.code, case.pointer, case.section, version),
        marks=case.marks,
    )


def ported(cases: list[v05.Case]) -> list[Case]:
    """The 0.5 cases that carry over (see :func:`port`)."""
    out = [port(c) for c in cases]
    return [c for c in out if c is not None]
