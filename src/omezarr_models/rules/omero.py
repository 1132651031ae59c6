"""Rules on omero, labels-group and bioformats2raw metadata that a JSON Schema cannot state."""

from __future__ import annotations

from typing import Any

from omezarr_models.rules.collector import Collector, check_integers, is_inner_path


def check_omero(omero: Any, ptr: str, c: Collector) -> None:
    """Integer ids and default planes (§omero-md)."""
    if type(omero) is not dict:
        return
    if type(omero.get("id")) is float:
        check_integers(omero, ("id",), ptr, c, "omero-md")
    rdefs = omero.get("rdefs")
    if type(rdefs) is dict and (
        type(rdefs.get("defaultT")) is float or type(rdefs.get("defaultZ")) is float
    ):
        check_integers(rdefs, ("defaultT", "defaultZ"), f"{ptr}/rdefs", c, "omero-md")


def check_bf2raw_layout(attrs: dict[str, Any], ptr: str, c: Collector) -> None:
    """``bioformats2raw.layout`` is the integer 3, not ``3.0`` (§bf2raw-details)."""
    check_integers(attrs, ("bioformats2raw.layout",), ptr, c, "bf2raw-details")


def check_paths(paths: Any, ptr: str, code: str, what: str, section: str, c: Collector) -> None:
    """Every string of a ``labels`` or ``series`` list is a relative path inside its group."""
    if type(paths) is not list:
        return
    for k, path in enumerate(paths):
        if type(path) is str and not is_inner_path(path):
            c.must(
                f"{ptr}/{k}",
                code,
                f"{what} path {path!r} must be a relative path inside the group",
                section,
            )
