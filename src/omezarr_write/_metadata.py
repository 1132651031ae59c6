"""Compose the OME attributes of a write and check them before any data is written."""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from omezarr_models import validate_attributes
from omezarr_write._plan import ImagePlan
from omezarr_write.errors import InvalidArgumentError, InvalidMetadataError

#: Channel colours used when none are given: white for one channel, else a distinct cycle.
DEFAULT_COLORS = ("00FF00", "FF00FF", "00FFFF", "FF0000", "0000FF", "FFFF00", "FFFFFF")


class WriteWarning(UserWarning):
    """Something written is valid but breaks a SHOULD of the spec (e.g. a unit not in UDUNITS)."""


#: The name of the coordinate system a 0.6 image's levels map to (its "intrinsic" system).
SYSTEM = "physical"


def multiscale(plan: ImagePlan, name: str | None, system: str = SYSTEM) -> dict[str, Any]:
    """The multiscale object: axes, datasets with exact transformations, type and metadata.

    From 0.6 the axes belong to a coordinate system (``system``) and each level has one
    transformation from its array space to it.
    """
    out: dict[str, Any] = {}
    if plan.version == "0.4":
        out["version"] = "0.4"
    if name is not None:
        out["name"] = name
    axes = [a.to_json() for a in plan.axes]
    if plan.version == "0.6rc0":
        out["coordinateSystems"] = [{"name": system, "axes": axes}]
        out["datasets"] = [
            {"path": level.path, "coordinateTransformations": [level.transformation_06(system)]}
            for level in plan.levels
        ]
    else:
        out["axes"] = axes
        out["datasets"] = [
            {"path": level.path, "coordinateTransformations": level.transformations()}
            for level in plan.levels
        ]
    out["type"] = plan.method
    out["metadata"] = {
        "description": f"levels reduced with the {plan.method} method by omezarr_write",
        "method": f"omezarr_write.{plan.method}",
        "factors": [list(level.factors) for level in plan.levels[1:]],
    }
    return out


def omero(
    channels: Sequence[Any] | None,
    plan: ImagePlan,
    ranges: Sequence[tuple[float, float]] | None,
) -> dict[str, Any] | None:
    """The omero block from channel names or channel dicts, windows from the data's range.

    ``ranges`` are the (min, max) per channel measured on the smallest level; the window's
    ``min``/``max`` are the dtype's limits (the range a viewer's slider can cover).
    """
    if channels is None:
        return None
    names = plan.names
    if "c" not in names:
        raise InvalidArgumentError("channels", "channels need an axis named 'c'")
    n = dict(zip(names, plan.levels[0].shape, strict=True))["c"]
    if len(channels) != n:
        raise InvalidArgumentError("channels", f"{len(channels)} channels for a 'c' axis of {n}")
    if np.issubdtype(plan.dtype, np.integer):
        info = np.iinfo(plan.dtype)
        lo, hi = float(info.min), float(info.max)
    else:
        lo, hi = 0.0, 1.0
    out = []
    for i, ch in enumerate(channels):
        entry: dict[str, Any]
        if isinstance(ch, str):
            entry = {"label": ch}
        elif isinstance(ch, Mapping):
            entry = dict(ch)
        elif hasattr(ch, "to_json_dict"):
            entry = ch.to_json_dict()
        else:
            raise InvalidArgumentError(
                "channels", f"channel {i}: {ch!r} is not a name or a channel dict"
            )
        entry.setdefault("color", "FFFFFF" if n == 1 else DEFAULT_COLORS[i % len(DEFAULT_COLORS)])
        entry.setdefault("active", True)
        if "window" not in entry:
            start, end = ranges[i] if ranges is not None else (lo, hi)
            entry["window"] = {"min": lo, "max": hi, "start": float(start), "end": float(end)}
        out.append(entry)
    block: dict[str, Any] = {"channels": out, "rdefs": {"model": "color" if n > 1 else "greyscale"}}
    if plan.version == "0.4":
        block["version"] = "0.4"
    return block


def wrap(version: str, content: dict[str, Any]) -> dict[str, Any]:
    """The group attributes for ``content``: as they are in 0.4, under ``ome`` from 0.5."""
    if version == "0.4":
        return content
    return {"ome": {"version": version, **content}}


def check(attrs: dict[str, Any], version: str, what: str) -> None:
    """Refuse metadata that breaks a MUST; warn (``WriteWarning``) about broken SHOULDs."""
    report = validate_attributes(attrs, version=version)
    if not report.valid:
        raise InvalidMetadataError(what, report.errors)
    for issue in report.warnings:
        warnings.warn(
            f"{what}: {issue.path or '/'} {issue.code}: {issue.message} [{issue.spec}]",
            WriteWarning,
            stacklevel=3,
        )


def model(name: str, attrs: dict[str, Any], version: str) -> Any:
    """The typed model ``name`` (``Image``, ``Plate``...) of ``version`` for written attributes.

    From 0.5 on the models describe the ``ome`` object, so that is what they are given.
    """
    from omezarr_models.facades import facade

    return getattr(facade(version), name).model_validate(
        attrs if version == "0.4" else attrs["ome"]
    )
