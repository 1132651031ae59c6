"""``write_plate`` and ``write_well``: high-content screening plates with their field images."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal

from omezarr_write import _metadata
from omezarr_write.errors import InvalidArgumentError
from omezarr_write.image import (
    IMAGE_OPTIONS,
    ImageJob,
    check_image_options,
    default_name,
    image_job,
    write_jobs,
)

__all__ = ["write_plate", "write_well"]


def _as_dict(value: Any, argument: str) -> dict[str, Any]:
    if hasattr(value, "to_json_dict"):
        out: dict[str, Any] = value.to_json_dict()
        return out
    if isinstance(value, Mapping):
        return dict(value)
    raise InvalidArgumentError(argument, f"{type(value).__name__} is not a model or a dict")


def _field_jobs(
    well_path: str, fields: Any, options: Mapping[str, Any], argument: str
) -> tuple[list[ImageJob], list[dict[str, Any]]]:
    """Jobs for a well's fields, and the well's ``images`` entries.

    ``fields`` is one array, or a sequence of arrays or of mappings ``{"data": array,
    "acquisition": id, **image options}``; fields are written at ``"0"``, ``"1"``...
    """
    items = [fields] if hasattr(fields, "shape") else list(fields)
    if not items:
        raise InvalidArgumentError(argument, f"well {well_path!r} has no field images")
    jobs, entries = [], []
    for index, item in enumerate(items):
        entry: dict[str, Any] = {"path": str(index)}
        own: dict[str, Any] = dict(options)
        data = item
        if isinstance(item, Mapping):
            if "data" not in item:
                raise InvalidArgumentError(argument, f"well {well_path!r} field {index}: no 'data'")
            data = item["data"]
            if "acquisition" in item:
                entry["acquisition"] = item["acquisition"]
            own.update({k: v for k, v in item.items() if k in IMAGE_OPTIONS})
        own.setdefault("name", f"{well_path.replace('/', '')}-{index}")
        path = f"{well_path}/{index}" if well_path else str(index)
        jobs.append(image_job(path, data, own))
        entries.append(entry)
    return jobs, entries


def _field_count(fields: Any) -> int:
    """How many fields one value of ``images`` holds."""
    if hasattr(fields, "shape"):
        return 1
    if isinstance(fields, Sequence) and not isinstance(fields, str):
        return len(fields)
    raise InvalidArgumentError(
        "images", f"{type(fields).__name__} is not an array or a list of fields"
    )


def _well_attrs(
    version: str, entries: list[dict[str, Any]], extra: Mapping[str, Any]
) -> dict[str, Any]:
    well: dict[str, Any] = {"images": entries, **extra}
    if version == "0.4":
        well["version"] = "0.4"
    return _metadata.wrap(version, {"well": well})


def _format(version: str) -> Literal[2, 3]:
    return 2 if version == "0.4" else 3


def write_plate(
    dest: Any,
    plate: Any,
    images: Mapping[Any, Any],
    *,
    version: str = "0.5",
    overwrite: bool = False,
    progress: bool = False,
    storage_options: dict[str, Any] | None = None,
    **image_options: Any,
) -> Any:
    """Write a plate: its metadata, row and well groups, and every field's image.

    Parameters
    ----------
    dest
        A local path, an ``s3://``/``http(s)://`` URL (with ``storage_options``) or a zarr store.
    plate
        The ``plate`` object as a dict or model (``rows``, ``columns``, ``wells``, optional
        ``acquisitions``, ``name``, ``field_count``...), e.g. from
        :mod:`omezarr_models` builders. Its ``version`` (0.4) is filled in when missing.
    images
        Well path (``"A/1"``) or ``(row, column)`` names → the well's fields: one array, or a
        sequence of arrays or of ``{"data": array, "acquisition": id, **image options}``.
        Every well of the plate must have images, and only those.
    version
        ``"0.4"`` (zarr v2), ``"0.5"`` or ``"0.6rc0"`` (zarr v3).
    overwrite, progress, storage_options
        As in :func:`omezarr_write.write_image`.
    **image_options
        Options of :func:`omezarr_write.write_image` shared by every field (``axes``,
        ``scale``, ``units``, ``levels``, ``method``, ``chunks``...).

    Returns
    -------
    The plate model of ``version`` (the ``ome`` object from 0.5).

    Every image, well and plate document is validated before anything is written; images
    are written in one dask pass, then the field, well and plate metadata, the plate last.
    """
    check_image_options(image_options, "write_plate")
    meta = _as_dict(plate, "plate")
    if version == "0.4":
        meta.setdefault("version", "0.4")
    if "field_count" not in meta and images:
        # the most fields of any well: the plate SHOULD say so, and we know it
        meta["field_count"] = max(_field_count(f) for f in images.values())
    plate_attrs = _metadata.wrap(version, {"plate": meta})
    _metadata.check(plate_attrs, version, "the plate")
    wells = [w["path"] for w in meta.get("wells", [])]
    given: dict[str, Any] = {}
    for key, fields in images.items():
        path = "/".join(str(k) for k in key) if isinstance(key, tuple) else str(key)
        given[path] = fields
    missing = [w for w in wells if w not in given]
    extra = [w for w in given if w not in wells]
    if missing or extra:
        raise InvalidArgumentError(
            "images",
            f"wells without images: {missing}; images for wells the plate does not list: {extra}",
        )
    options = {"version": version, **image_options}
    jobs: list[ImageJob] = []
    groups: list[tuple[str, Literal[2, 3], dict[str, Any]]] = []
    fmt = _format(version)
    for row in sorted({w.split("/")[0] for w in wells}):
        groups.append((row, fmt, {}))
    acquisitions = [a.get("id") for a in meta.get("acquisitions") or [] if isinstance(a, Mapping)]
    for well in wells:
        well_jobs, entries = _field_jobs(well, given[well], options, "images")
        for index, entry in enumerate(entries):
            # what the well documents cannot check alone: fields name the plate's acquisitions
            if "acquisition" not in entry and len(acquisitions) > 1:
                raise InvalidArgumentError(
                    "images",
                    f"well {well!r} field {index}: the plate has {len(acquisitions)} acquisitions, "
                    "so the field needs {'data': ..., 'acquisition': id}",
                )
            if "acquisition" in entry and entry["acquisition"] not in acquisitions:
                raise InvalidArgumentError(
                    "images",
                    f"well {well!r} field {index}: acquisition {entry['acquisition']!r} is not one "
                    f"of the plate's {acquisitions}",
                )
        attrs = _well_attrs(version, entries, {})
        _metadata.check(attrs, version, f"well {well}")
        jobs += well_jobs
        groups.append((well, fmt, attrs))
    groups.append(("", fmt, plate_attrs))

    def result(written: dict[str, dict[str, Any]]) -> Any:
        return _metadata.model("Plate", written[""], version)

    return write_jobs(
        dest,
        jobs,
        groups,
        overwrite=overwrite,
        progress=progress,
        compute=True,
        storage_options=storage_options,
        result=result,
    )


def write_well(
    dest: Any,
    fields: Any,
    *,
    version: str = "0.5",
    overwrite: bool = False,
    progress: bool = False,
    storage_options: dict[str, Any] | None = None,
    **image_options: Any,
) -> Any:
    """Write one well group with its field images (e.g. ``plate.zarr/B/3`` of a plate).

    ``fields`` is as one value of :func:`write_plate`'s ``images``; the other arguments are
    as there. Returns the well model of ``version``. Adding a well to an existing plate also
    needs the plate's ``wells`` list updated.
    """
    check_image_options(image_options, "write_well")
    options = {"version": version, **image_options}
    options.setdefault("name", default_name(dest))
    jobs, entries = _field_jobs("", fields, options, "fields")
    attrs = _well_attrs(version, entries, {})
    _metadata.check(attrs, version, "the well")

    def result(written: dict[str, dict[str, Any]]) -> Any:
        return _metadata.model("Well", written[""], version)

    return write_jobs(
        dest,
        jobs,
        [("", _format(version), attrs)],
        overwrite=overwrite,
        progress=progress,
        compute=True,
        storage_options=storage_options,
        result=result,
    )
