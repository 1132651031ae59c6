"""Conversion of OME-Zarr metadata between versions, through one internal representation.

>>> from omezarr_models import convert
>>> doc = {"multiscales": [{"version": "0.1", "datasets": [{"path": "0"}]}]}
>>> new, report = convert(doc, to="0.5")
>>> [a["name"] for a in new["ome"]["multiscales"][0]["axes"]]
['t', 'c', 'z', 'y', 'x']
>>> [str(c) for c in report.changes if c.action == "filled"][0]
'/ome/multiscales/0/axes: filled: the axes t, c, z, y, x that the 5-D arrays of 0.1/0.2 imply'

Every version is read into the representation of :mod:`omezarr_models.conversion._ir` and written
out as the target version:

* **Upgrading** fills what the newer version requires: the implied t, c, z, y, x axes of
  0.1/0.2, axis types from 0.3's names, a scale per level (the downsampling factors of the level
  shapes when ``arrays`` gives them, else identity), rowIndex/columnIndex of plate wells from
  their paths, epoch strings of acquisitions as integers, omero colours and windows (from the
  data type when known).
* **Downgrading** refuses (:class:`ConversionError`) when information would be lost, listing each
  item; with ``lossy=True`` it drops those items instead and warns once per item
  (:class:`LossyConversionWarning`). Lost are: units, axis types other than the ones the names
  imply, keys of axis objects (into 0.1-0.3); scales that are neither identity nor implied by
  the level shapes, translations, transformations of the whole multiscale (into 0.1-0.3); from
  0.6rc0 into
  0.1-0.5: coordinate systems beyond the intrinsic one (and its scale/translation image, see
  below), transformations other than scales and translations between them, scenes, axis
  ``discrete``/``longName``. Never expressible, whatever ``lossy``: axis names other than t, c, z,
  y, x (in that order) before 0.4, bioformats2raw collections before 0.4, transformations stored
  at a path and empty axis names into 0.6rc0.
* **0.6rc0**: a multiscale's axes are its intrinsic coordinate system (named ``"intrinsic"``
  when the source names none), into which every level maps (``input`` its path, ``output`` the
  system; a scale, or a sequence of scale and translation); the transformations of a 0.4/0.5
  multiscale become one transformation from the intrinsic system into a second one of the same
  axes (``"physical"``), and back.
* **Unknown keys** are kept where they are. So is a key the target version does not define
  when it can stay as an unknown key there, which readers ignore and keep (reported as
  ``kept``, not lossy): a multiscale's ``type``/``metadata`` and a label image's
  ``properties`` in 0.1, a plate well's ``rowIndex``/``columnIndex`` in 0.1-0.3, a ``series``
  of a document that is no bioformats2raw collection (an image, a plate...) before 0.4, any of
  ``bioformats2raw.layout``/``series``/``scene`` between versions that do not define it. An
  unknown key the target gives a meaning to is lost: a 0.1-0.3 well index the path
  contradicts, a 0.1-0.3 ``bioformats2raw.layout`` beside other metadata, a ``scene`` before
  0.6rc0 written to 0.6rc0. From 0.5 on, unknown top-level attributes stay beside the ``ome``
  object; down to 0.4 unknown keys of the ``ome`` object move to the top.

Documented normalisations (what a round trip does not give back as it was): writing to 0.1-0.4
puts a ``version`` on every multiscale, plate, well and image-label; 0.1/0.2 images become 5-D
(t, c, z, y, x); identity transformations of a level become a scale of ones (0.4/0.5 need a
scale); 0.3's group-level ``_ARRAY_DIMENSIONS`` is dropped outside 0.3; epoch strings of
acquisitions become integers; plate wells written to 0.1-0.3 keep their rowIndex/columnIndex
(an early plate comes back with the indices 0.4+ gave it); the names of 0.6rc0 coordinate
systems do not survive 0.4/0.5 (reported as dropped, not as lossy).
"""

from __future__ import annotations

import importlib
import warnings
from collections.abc import Mapping, Sequence
from typing import Any, TypeVar, overload

from pydantic import BaseModel

from omezarr_models.conversion._ir import NAMESPACED, read
from omezarr_models.conversion._write import ArrayInfo, level_factors, write
from omezarr_models.conversion.report import (
    Action,
    Change,
    ConversionError,
    ConversionReport,
    LossyConversionWarning,
)

__all__ = [
    "Action",
    "ArrayInfo",
    "Change",
    "ConversionError",
    "ConversionReport",
    "LossyConversionWarning",
    "convert",
    "convert_attributes",
    "level_factors",
    "target_versions",
]

M = TypeVar("M", bound=BaseModel)

#: The group-level model names of each kind (as :func:`omezarr_models.detection.detect_kind`).
_MODEL_KINDS = {
    "Image": "image",
    "LabelImage": "label-image",
    "Labels": "labels",
    "Plate": "plate",
    "Well": "well",
    "Bioformats2Raw": "bioformats2raw",
    "Series": "series",
}


def target_versions() -> tuple[str, ...]:
    """The versions :func:`convert` reads and writes."""
    from omezarr_models.schemas import versions

    return tuple(v for v in versions() if v in ("0.1", "0.2", "0.3", "0.4", "0.5", "0.6rc0"))


@overload
def convert(
    doc: M,
    to: str,
    *,
    lossy: bool = ...,
    source_version: str | None = ...,
    arrays: Mapping[str, ArrayInfo | tuple[Sequence[int], str]] | None = ...,
) -> tuple[BaseModel, ConversionReport]: ...
@overload
def convert(
    doc: dict[str, Any],
    to: str,
    *,
    lossy: bool = ...,
    source_version: str | None = ...,
    arrays: Mapping[str, ArrayInfo | tuple[Sequence[int], str]] | None = ...,
) -> tuple[dict[str, Any], ConversionReport]: ...
def convert(
    doc: dict[str, Any] | BaseModel,
    to: str,
    *,
    lossy: bool = False,
    source_version: str | None = None,
    arrays: Mapping[str, ArrayInfo | tuple[Sequence[int], str]] | None = None,
) -> tuple[dict[str, Any] | BaseModel, ConversionReport]:
    """Convert one OME-Zarr metadata document (or typed model) to version ``to``.

    Parameters
    ----------
    doc
        The attributes of a group (``.zattrs`` up to 0.4, the ``attributes`` of ``zarr.json``
        from 0.5), or a group-level model of any version (``v04.Image``, ``v05.Plate``, ...).
    to
        The target version: ``"0.1"`` ... ``"0.5"`` (and ``"0.6rc0"`` when its schemas are
        installed).
    lossy
        Drop what the target version cannot hold, warning once per item
        (:class:`LossyConversionWarning`), instead of refusing.
    source_version
        Read ``doc`` as this version instead of the one it declares (or, for a version-less
        document, the one its layout suggests).
    arrays
        What is known of the arrays of the resolution levels, by dataset path: ``ArrayInfo``
        or ``(shape, dtype)``. Shapes give the scales filled in when upgrading from 0.1-0.3
        (and tell which scales a downgrade loses), the data type the omero windows filled in.

    Returns
    -------
    tuple
        The converted document (a dict for a dict; a model of the target version's façade for
        a model) and the :class:`ConversionReport` listing every change.

    Raises
    ------
    ConversionError
        The document is not valid metadata of its version; information would be lost (and
        ``lossy`` is False: ``error.reasons`` lists each item); the target version cannot
        express the metadata at all.
    ValueError
        ``to`` or ``source_version`` is not a version this library converts.
    """
    model_kind: str | None = None
    if isinstance(doc, BaseModel):
        model_kind = _MODEL_KINDS.get(type(doc).__name__)
        version = getattr(type(doc), "ome_version", "")
        if model_kind is None or not version:
            raise ConversionError(
                f"{type(doc).__name__} is not a group-level model (Image, LabelImage, Labels, "
                "Plate, Well, Bioformats2Raw, Series)"
            )
        data: dict[str, Any] = doc.model_dump(mode="json", by_alias=True, exclude_unset=True)
        attrs = {"ome": data} if version in NAMESPACED else data
        source_version = source_version or version
    else:
        attrs = doc
    out, report = convert_attributes(
        attrs, to, lossy=lossy, source_version=source_version, arrays=arrays
    )
    if model_kind is None:
        return out, report
    return _as_model(out, to, model_kind), report


def _as_model(attrs: dict[str, Any], to: str, kind: str) -> BaseModel:
    name = next(n for n, k in _MODEL_KINDS.items() if k == kind)
    module = importlib.import_module(f"omezarr_models.v{to.replace('.', '').replace('rc0', '')}")
    cls = getattr(module, name, None)
    if cls is None:
        raise ConversionError(f"{to} has no {name} model")
    model: BaseModel = cls.model_validate(attrs["ome"] if to in NAMESPACED else attrs)
    return model


def _arrays(
    arrays: Mapping[str, ArrayInfo | tuple[Sequence[int], str]] | None,
) -> dict[str, ArrayInfo]:
    out = {}
    for path, info in (arrays or {}).items():
        if isinstance(info, ArrayInfo):
            out[path] = info
        else:
            shape, dtype = info
            out[path] = ArrayInfo(tuple(int(n) for n in shape), str(dtype))
    return out


def convert_attributes(
    attrs: Any,
    to: str,
    *,
    lossy: bool = False,
    source_version: str | None = None,
    arrays: Mapping[str, ArrayInfo | tuple[Sequence[int], str]] | None = None,
    file: str | None = None,
    check: bool = True,
) -> tuple[dict[str, Any], ConversionReport]:
    """:func:`convert` for attributes documents only (the dataset converter's entry point).

    ``file`` names the document in errors. ``check=False`` skips validating the source (the
    caller did) and accepts attributes that hold no OME metadata (a plate's row group, any
    group of other tools): those keep their keys, and only the version layout changes.
    """
    from omezarr_models.detection import detect_kind
    from omezarr_models.validate import validate_attributes

    known = target_versions()
    for name, value in (("to", to), ("source_version", source_version)):
        if value is not None and value not in known:
            raise ValueError(
                f"{name}: unsupported version {value!r}; choose one of {', '.join(known)}"
            )
    if type(attrs) is not dict:
        raise ConversionError("the attributes must be a JSON object", file=file)
    source = validate_attributes(attrs, version=source_version, file=file)
    version = source.version
    if version is None:
        raise ConversionError(source.issues[0].message, file=file)
    meta_obj = attrs.get("ome") if version in NAMESPACED else attrs
    kind = detect_kind(meta_obj) if type(meta_obj) is dict else None
    if check and not source.valid:
        first = source.errors[:5]
        listed = "; ".join(f"{i.path or '/'} {i.code}: {i.message}" for i in first)
        raise ConversionError(f"not valid OME-Zarr {version} metadata: {listed}", file=file)
    report = ConversionReport(version, to, kind)
    if any(i.code == "version-missing" for i in source.issues) and source_version is None:
        report.add("", Action.NORMALISED, f"no version declared: read as {version}")
    if version == to:
        import copy

        return copy.deepcopy(attrs), report
    if kind is None and not check:
        return _plain(attrs, version, to, report), report
    try:
        meta = read(attrs, version, report)
        out = write(meta, to, report, _arrays(arrays))
    except ConversionError as exc:
        if file is not None and exc.file is None:
            raise ConversionError(exc.summary, exc.reasons, file=file) from None
        raise
    losses = report.losses
    if losses:
        if not lossy:
            raise ConversionError(
                f"converting {version} to {to} would lose {len(losses)} item(s); "
                "pass lossy=True (--lossy) to drop them",
                losses,
                file=file,
            )
        for change in losses:
            where = f"{file}:" if file else ""
            warnings.warn(f"{where}{change}", LossyConversionWarning, stacklevel=3)
    result = validate_attributes(out, version=to, file=file)
    if not result.valid:
        listed = "; ".join(f"{i.path or '/'} {i.code}: {i.message}" for i in result.errors[:5])
        raise ConversionError(f"the {to} metadata would not be valid: {listed}", file=file)
    return out, report


def _plain(
    attrs: dict[str, Any], version: str, to: str, report: ConversionReport
) -> dict[str, Any]:
    """A group without OME metadata: only the ``ome`` wrapper follows the version."""
    out = dict(attrs)
    if version in NAMESPACED:
        ome = out.pop("ome", None)
        if to in NAMESPACED and isinstance(ome, dict):
            out = {"ome": {**ome, "version": to}, **out}
            report.add("/ome/version", Action.VERSION, f"version {version} -> {to}")
        elif isinstance(ome, dict):
            extra = {k: v for k, v in ome.items() if k != "version"}
            for key in extra:
                report.add(f"/{key}", Action.MOVED, f"{key!r} moved out of the 'ome' object")
            out = {**extra, **out}
    elif version == "0.3" and to != "0.3" and "_ARRAY_DIMENSIONS" in out:
        del out["_ARRAY_DIMENSIONS"]
        report.add("/_ARRAY_DIMENSIONS", Action.DROPPED, "0.3's copy of the axis names")
    return out
