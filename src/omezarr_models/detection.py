"""Which OME-Zarr version a document is written in, and where it says so."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

#: OME keys, as they appear in the attributes (up to 0.4) or in the ``ome`` object (0.5+).
OME_KEYS: tuple[str, ...] = (
    "multiscales",
    "omero",
    "image-label",
    "labels",
    "plate",
    "well",
    "scene",
    "bioformats2raw.layout",
    "series",
)

#: The newest version whose metadata may leave the version out: the assumption when none is found.
VERSIONLESS_DEFAULT = "0.4"


@dataclass(frozen=True, slots=True)
class Detection:
    """What the document declares.

    Attributes
    ----------
    declared
        The first version value found (any JSON type), or None.
    pointer
        Where that value is (a JSON pointer), or None.
    looked_at
        Every pointer consulted, in order, for messages.
    namespaced
        True when the document keeps its metadata under ``ome`` (the 0.5+ layout).
    """

    declared: Any
    pointer: str | None
    looked_at: tuple[str, ...]
    namespaced: bool


def declared_versions(meta: dict[str, Any], ptr: str) -> list[tuple[str, Any]]:
    """Return every ``(pointer, value)`` of a version key inside the OME keys of ``meta``.

    The order is the order of precedence for detection: multiscales, plate, well, image-label.
    The ``omero`` block's ``version`` is its own (transitional) version and is not included.
    """
    found: list[tuple[str, Any]] = []
    ms = meta.get("multiscales")
    if type(ms) is list:
        for i, item in enumerate(ms):
            if type(item) is dict and "version" in item:
                found.append((f"{ptr}/multiscales/{i}/version", item["version"]))
    for key in ("plate", "well", "image-label"):
        obj = meta.get(key)
        if type(obj) is dict and "version" in obj:
            found.append((f"{ptr}/{key}/version", obj["version"]))
    return found


def detect(attrs: dict[str, Any], found: list[tuple[str, Any]] | None = None) -> Detection:
    """Find the version a document declares.

    The order is: ``ome.version``, then ``multiscales[].version``, ``plate.version``,
    ``well.version`` and ``image-label.version``. ``found`` may pass the result of
    :func:`declared_versions` on ``attrs`` when the caller has it already.
    """
    if "ome" in attrs:
        ome = attrs["ome"]
        looked: tuple[str, ...] = ("/ome/version",)
        if type(ome) is dict and "version" in ome:
            return Detection(ome["version"], "/ome/version", looked, True)
        return Detection(None, None, looked, True)
    if found is None:
        found = declared_versions(attrs, "")
    if found:
        pointer, value = found[0]
        return Detection(value, pointer, _LOOKED, False)
    return Detection(None, None, _LOOKED, False)


_LOOKED = ("/multiscales/0/version", "/plate/version", "/well/version", "/image-label/version")


def detect_kind(meta: dict[str, Any]) -> str | None:
    """Name what a metadata object describes: plate, well, label-image, image, scene, labels, ...

    A bioformats2raw top group that holds a plate is a plate: the spec says plate takes precedence.
    """
    if "plate" in meta:
        return "plate"
    if "well" in meta:
        return "well"
    if "image-label" in meta:
        return "label-image"
    if "multiscales" in meta:
        return "image"
    if "scene" in meta:
        return "scene"
    if "labels" in meta:
        return "labels"
    if "bioformats2raw.layout" in meta:
        return "bioformats2raw"
    if "series" in meta:
        return "series"
    if "omero" in meta:
        return "omero"
    return None


def infer_namespaced_version(ome: Any) -> str:
    """The version a version-less ``ome`` object is judged as: 0.6rc0 when its layout is 0.6's
    (a ``scene``, or multiscales with ``coordinateSystems``), 0.5 otherwise (the ``ome`` layout
    begins with 0.5)."""
    if type(ome) is dict:
        if "scene" in ome:
            return "0.6rc0"
        ms = ome.get("multiscales")
        if type(ms) is list and any(type(m) is dict and "coordinateSystems" in m for m in ms):
            return "0.6rc0"
    return "0.5"


def infer_version(attrs: dict[str, Any], available: tuple[str, ...]) -> tuple[str, str]:
    """The version a version-less document is judged as, and why (for the warning).

    The layout tells some versions apart: multiscale axes as a list of names are 0.3's, axis
    objects 0.4's, no axes at all the 0.1/0.2 layout (judged as 0.2, the newer of the two).
    Anything else is judged as the newest version whose metadata may leave the version out.
    """
    ms = attrs.get("multiscales")
    first = ms[0] if type(ms) is list and ms and type(ms[0]) is dict else None
    if first is not None:
        axes = first.get("axes")
        if type(axes) is list and axes and all(type(a) is str for a in axes) and "0.3" in available:
            return "0.3", "its axes are a list of names, as in 0.3"
        datasets = first.get("datasets")
        plain = type(datasets) is list and all(
            type(d) is dict and "coordinateTransformations" not in d for d in datasets
        )
        if "axes" not in first and plain and "0.2" in available:
            return "0.2", "its multiscales have no axes, as in 0.1 and 0.2"
    return (
        VERSIONLESS_DEFAULT,
        f"{VERSIONLESS_DEFAULT} is the newest version whose metadata may omit it",
    )
