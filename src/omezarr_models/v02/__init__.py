"""Typed models of OME-Zarr 0.2: the stable public names.

The classes are generated from ``schemas/0.2/`` (see :mod:`omezarr_models.codegen`); this module
is the hand-written front that names them. Every model checks, on construction, the JSON Schema
constraints it was generated from and the rules a schema cannot state (unique axis names, axis
order, well paths that agree with their indices, ...). :meth:`to_json_dict` gives back exactly
the JSON that was validated.

Examples
--------
>>> from omezarr_models.v02 import Dataset
>>> Dataset(path="0").to_json_dict()
{'path': '0'}
"""

from __future__ import annotations

from omezarr_models._generated.v02.image_label_schema import (
    ImageLabel,
    LabelColor,
    LabelProperty,
    LabelSource,
)
from omezarr_models._generated.v02.image_schema import Image
from omezarr_models._generated.v02.label_image_schema import LabelImage
from omezarr_models._generated.v02.labels_schema import Labels
from omezarr_models._generated.v02.multiscales_schema import Dataset, Multiscale
from omezarr_models._generated.v02.omero_schema import Channel, Omero, Rdefs, Window
from omezarr_models._generated.v02.plate_schema import (
    Acquisition,
    Column,
    Plate,
    PlateMetadata,
    PlateWell,
    Row,
)
from omezarr_models._generated.v02.well_schema import Well, WellImage, WellMetadata

VERSION = "0.2"

__all__ = [
    "VERSION",
    "Acquisition",
    "Channel",
    "Column",
    "Dataset",
    "Image",
    "ImageLabel",
    "LabelColor",
    "LabelImage",
    "LabelProperty",
    "LabelSource",
    "Labels",
    "Multiscale",
    "Omero",
    "Plate",
    "PlateMetadata",
    "PlateWell",
    "Rdefs",
    "Row",
    "Well",
    "WellImage",
    "WellMetadata",
    "Window",
]
