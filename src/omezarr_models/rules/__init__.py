"""Hand-written rules: what the spec requires and a JSON Schema cannot state.

Each rule works on plain JSON data (dicts and lists) so that validation never needs to build
models; the pydantic façades call the same functions. Rules tolerate values of the wrong type
(the schema reports those) and never raise.
"""

from __future__ import annotations

from typing import Any

from omezarr_models.rules.collector import EARLY, Collector
from omezarr_models.rules.coordinates import check_scene
from omezarr_models.rules.hcs import check_plate, check_well
from omezarr_models.rules.labels import check_image_label
from omezarr_models.rules.multiscales import check_multiscales
from omezarr_models.rules.omero import check_bf2raw_layout, check_omero, check_paths

__all__ = ["Collector", "check_metadata"]


def check_metadata(meta: dict[str, Any], ptr: str, c: Collector) -> None:
    """Run every rule on the OME metadata object ``meta`` found at JSON pointer ``ptr``.

    ``meta`` is the attributes object itself up to 0.4, the ``ome`` object from 0.5.
    """
    if "multiscales" in meta:
        check_multiscales(meta["multiscales"], f"{ptr}/multiscales", c)
    if "omero" in meta:
        check_omero(meta["omero"], f"{ptr}/omero", c)
    if "image-label" in meta:
        check_image_label(meta["image-label"], f"{ptr}/image-label", c)
    if "plate" in meta:
        check_plate(meta["plate"], f"{ptr}/plate", c)
    if "well" in meta:
        check_well(meta["well"], f"{ptr}/well", c)
    if "scene" in meta and c.version == "0.6rc0":
        check_scene(meta["scene"], f"{ptr}/scene", c)
    # bioformats2raw collections begin with 0.4: before, their keys are unknown keys
    if "bioformats2raw.layout" in meta and c.version not in EARLY:
        check_bf2raw_layout(meta, ptr, c)
    if "labels" in meta:
        check_paths(
            meta["labels"], f"{ptr}/labels", "labels-path-invalid", "label image", "labels-md", c
        )
    if "series" in meta and c.version not in EARLY:
        check_paths(
            meta["series"], f"{ptr}/series", "series-path-invalid", "series", "bf2raw-details", c
        )
