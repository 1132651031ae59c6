"""The one internal representation every version is read into and written from.

It holds the meaning of the metadata, not the layout of one version:

* axes as objects (name, type, unit) whether the source gave objects (0.4+), names (0.3) or
  nothing (0.1/0.2: the implied t, c, z, y, x); ``implied`` says which fields the source left
  unsaid, so that writing back to an older version loses nothing that was not there;
* per level a list of simple transformations (scale, translation, identity: by vector or by
  path) in the order they apply, ``None`` when the source had none (before 0.4), and the same for
  the whole multiscale; 0.6's coordinate systems name the space the levels map into
  (``system``), which 0.4/0.5 leave unnamed;
* the other OME keys (omero, image-label, labels, plate, well, bioformats2raw.layout, series)
  as JSON without their per-object ``version`` keys, which belong to the layout;
* unknown keys, where they were: inside objects they stay with their object; at the top they are
  split into those inside the ``ome`` object (0.5+) and those beside it.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from omezarr_models.conversion.report import Action, ConversionError, ConversionReport

__all__ = [
    "EARLY",
    "IMPLIED_TYPES",
    "NAMESPACED",
    "OME_KEYS",
    "TCZYX",
    "Axis",
    "Level",
    "Meta",
    "Multiscale",
    "Transform",
    "read",
]

OME_KEYS: tuple[str, ...] = (
    "multiscales",
    "omero",
    "image-label",
    "labels",
    "plate",
    "well",
    "bioformats2raw.layout",
    "series",
    "scene",
)
#: Versions before axis objects and transformations.
EARLY = frozenset({"0.1", "0.2", "0.3"})
#: Versions whose metadata lives in the ``ome`` object of zarr v3 attributes.
NAMESPACED = frozenset({"0.5", "0.6rc0"})
TCZYX = ("t", "c", "z", "y", "x")
#: The axis types the names of 0.1-0.3 imply.
IMPLIED_TYPES = {"t": "time", "c": "channel", "z": "space", "y": "space", "x": "space"}
_VERSIONED = ("plate", "well", "image-label")


@dataclass(slots=True)
class Axis:
    """One axis. ``type``/``unit`` None: not given. ``implied``: the type came from the name."""

    name: str
    type: str | None = None
    unit: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    implied: bool = False


@dataclass(slots=True)
class Transform:
    """A scale, translation or identity, by vector (``values``) or by ``path``."""

    type: str
    values: list[Any] | None = None
    path: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Level:
    """One resolution level: its array path and the transformations into the image's space."""

    path: str
    transforms: list[Transform] | None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Multiscale:
    """One multiscale image.

    ``axes`` None: the implied t, c, z, y, x of 0.1/0.2. ``transforms``: those of the whole
    multiscale (0.4+). ``info``: name, type and metadata as given. ``system``: the name of the
    space the levels map into (0.6 coordinate systems; None when unnamed). ``systems`` and
    ``links``: further coordinate systems and the transformations to them (0.6), as JSON.
    """

    axes: list[Axis] | None
    levels: list[Level]
    transforms: list[Transform] | None = None
    info: dict[str, Any] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)
    order: list[str] = field(default_factory=list)
    system: str | None = None
    outer: str | None = None
    system_extra: dict[str, Any] = field(default_factory=dict)
    systems: list[dict[str, Any]] = field(default_factory=list)
    links: list[dict[str, Any]] = field(default_factory=list)


@dataclass(slots=True)
class Meta:
    """A whole attributes document, read."""

    version: str
    namespaced: bool
    multiscales: list[Multiscale] | None = None
    other: dict[str, Any] = field(default_factory=dict)
    order: list[str] = field(default_factory=list)
    ome_extra: dict[str, Any] = field(default_factory=dict)
    attrs_extra: dict[str, Any] = field(default_factory=dict)
    #: the keys among plate, well and image-label whose object declared a version
    versioned: set[str] = field(default_factory=set)


# ------------------------------------------------------------------------------------------
# Reading


def read(attrs: dict[str, Any], version: str, report: ConversionReport) -> Meta:
    """Read the attributes ``attrs`` of ``version`` into a :class:`Meta` (a deep copy)."""
    attrs = copy.deepcopy(attrs)
    namespaced = version in NAMESPACED
    meta_ptr = "/ome" if namespaced else ""
    if namespaced:
        ome = attrs.pop("ome", None)
        if ome is None:
            ome = {}
        elif type(ome) is not dict:
            raise ConversionError("the 'ome' attribute is not an object")
        ome.pop("version", None)
        source = ome
    else:
        source = attrs
    out = Meta(version, namespaced)
    for key in list(source):
        if key not in OME_KEYS:
            continue
        value = source.pop(key)
        out.order.append(key)
        if key == "multiscales":
            out.multiscales = [
                _read_multiscale(ms, version, f"{meta_ptr}/multiscales/{i}")
                for i, ms in enumerate(value)
            ]
        else:
            if key in _VERSIONED and type(value) is dict and "version" in value:
                value.pop("version")
                out.versioned.add(key)
            out.other[key] = value
    if namespaced:
        out.ome_extra = source
        out.attrs_extra = attrs
    else:
        out.attrs_extra = source
    return out


def _split(obj: dict[str, Any], known: tuple[str, ...]) -> tuple[dict[str, Any], dict[str, Any]]:
    return (
        {k: v for k, v in obj.items() if k in known},
        {k: v for k, v in obj.items() if k not in known},
    )


def _read_transform(t: dict[str, Any]) -> Transform:
    kind = t["type"]
    known, extra = _split(t, ("type", kind, "path"))
    return Transform(kind, known.get(kind), known.get("path"), extra)


def _read_transforms(cts: Any) -> list[Transform] | None:
    if cts is None:
        return None
    return [_read_transform(t) for t in cts]


_MULTISCALE_KEYS = (
    "version",
    "name",
    "type",
    "metadata",
    "axes",
    "datasets",
    "coordinateTransformations",
    "coordinateSystems",
)


def _read_multiscale(ms: dict[str, Any], version: str, ptr: str) -> Multiscale:
    known, extra = _split(ms, _MULTISCALE_KEYS)
    info: dict[str, Any] = {k: known[k] for k in ("name", "type", "metadata") if k in known}
    order = list(ms)
    if version == "0.6rc0":
        return _read_multiscale_06(known, info, extra, order, ptr)
    axes: list[Axis] | None = None
    raw_axes = known.get("axes")
    if version in ("0.1", "0.2"):
        axes = None
    elif version == "0.3":
        axes = [Axis(n, IMPLIED_TYPES.get(n), None, {}, True) for n in raw_axes or []]
    else:
        axes = []
        for a in raw_axes or []:
            a_known, a_extra = _split(a, ("name", "type", "unit"))
            axes.append(Axis(a_known["name"], a_known.get("type"), a_known.get("unit"), a_extra))
    if version in EARLY:  # no transformations yet: such a key is an unknown one there
        if "coordinateTransformations" in known:
            extra["coordinateTransformations"] = known.pop("coordinateTransformations")
        if version != "0.3" and "axes" in known:
            extra["axes"] = known.pop("axes")
    levels = []
    for ds in known["datasets"]:
        ds_keys = ("path",) if version in EARLY else ("path", "coordinateTransformations")
        d_known, d_extra = _split(ds, ds_keys)
        transforms = _read_transforms(d_known.get("coordinateTransformations"))
        if version in EARLY:
            transforms = None
        levels.append(Level(d_known["path"], transforms, d_extra))
    ms_transforms = _read_transforms(known.get("coordinateTransformations"))
    return Multiscale(axes, levels, ms_transforms, info, extra, order)


def _read_multiscale_06(
    known: dict[str, Any], info: dict[str, Any], extra: dict[str, Any], order: list[str], ptr: str
) -> Multiscale:
    """0.6rc0: the levels map into the "intrinsic" coordinate system (the output of the levels'
    transformations); its axes are the image's. Other systems and transformations are kept."""
    systems = list(known.get("coordinateSystems") or [])
    levels = []
    target: str | None = None
    for ds in known["datasets"]:
        d_known, d_extra = _split(ds, ("path", "coordinateTransformations"))
        cts = d_known.get("coordinateTransformations") or []
        transforms: list[Transform] = []
        for t in cts:
            output = t.get("output")
            if type(output) is dict and type(output.get("name")) is str:
                target = target or output["name"]
            inner = t.get("transformations") if t.get("type") == "sequence" else [t]
            for step in inner or []:
                step = {k: v for k, v in step.items() if k not in ("input", "output")}
                transforms.append(_read_transform(step))
        levels.append(Level(d_known["path"], transforms, d_extra))
    intrinsic = next(
        (s for s in systems if s.get("name") == target), systems[0] if systems else None
    )
    if intrinsic is None:
        raise ConversionError(f"{ptr}: the multiscale has no coordinate system")
    axes = []
    for a in intrinsic.get("axes", []):
        a_known, a_extra = _split(a, ("name", "type", "unit"))
        axes.append(Axis(a_known["name"], a_known.get("type"), a_known.get("unit"), a_extra))
    others = [s for s in systems if s is not intrinsic]
    links = list(known.get("coordinateTransformations") or [])
    ms_transforms, outer = _outer_link(links, intrinsic, others)
    if outer is not None:
        others = [s for s in others if s.get("name") != outer]
        links = []
    order = [("axes" if k == "coordinateSystems" else k) for k in order]
    return Multiscale(
        axes,
        levels,
        ms_transforms,
        info,
        extra,
        order,
        system=intrinsic.get("name"),
        outer=outer,
        system_extra={k: v for k, v in intrinsic.items() if k not in ("name", "axes")},
        systems=others,
        links=links,
    )


def _outer_link(
    links: list[dict[str, Any]], intrinsic: dict[str, Any], others: list[dict[str, Any]]
) -> tuple[list[Transform] | None, str | None]:
    """The one transformation from the intrinsic system to another of the same axes, made of
    scales and translations: what 0.4/0.5 state as the transformations of the whole multiscale."""
    if len(links) != 1:
        return None, None
    link = links[0]
    source, target = link.get("input") or {}, link.get("output") or {}
    if source.get("name") != intrinsic.get("name") or source.get("path") or target.get("path"):
        return None, None
    outer = next((s for s in others if s.get("name") == target.get("name")), None)
    if outer is None or outer.get("axes") != intrinsic.get("axes") or len(outer) != 2:
        return None, None
    steps = link.get("transformations") if link.get("type") == "sequence" else [link]
    extra = {
        k: v for k, v in link.items() if k not in ("type", "input", "output", "transformations")
    }
    if link.get("type") == "sequence" and extra:
        return None, None
    out = []
    for step in steps or []:
        if step.get("type") not in ("scale", "translation", "identity"):
            return None, None
        step = {k: v for k, v in step.items() if k not in ("input", "output")}
        out.append(_read_transform(step))
    return out, target.get("name")


def note_version(report: ConversionReport, pointer: str, old: str, new: str) -> None:
    """Record the change of the declared version."""
    report.add(pointer, Action.VERSION, f"version {old} -> {new}")
