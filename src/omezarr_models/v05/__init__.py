r"""Typed models of OME-Zarr 0.5: the stable public names.

The classes are generated from ``schemas/0.5/`` (see :mod:`omezarr_models.codegen`); this module
is the hand-written front that names them. Every model checks, on construction, the JSON Schema
constraints it was generated from and the rules a schema cannot state (unique axis names, axis
order, well paths that agree with their indices, ...). :meth:`to_json_dict` gives back exactly
the JSON that was validated.

In 0.5 the metadata of a group lives under the "ome" key of its attributes: the group-level
models here (``Image``, ``Plate``, ...) describe that "ome" object, so validate
``attributes["ome"]`` and store ``{"ome": model.to_json_dict()}``.

Examples
--------
>>> from omezarr_models.v05 import Axis
>>> Axis(name="x", type="space", unit="micrometer").to_json_dict()
{'name': 'x', 'type': 'space', 'unit': 'micrometer'}
"""

from __future__ import annotations

from omezarr_models._generated.v05.axes_schema import Axis
from omezarr_models._generated.v05.bioformats2raw_schema import Bioformats2Raw
from omezarr_models._generated.v05.coordinate_transformations_schema import (
    IdentityTransformation,
    ScaleTransformation,
    TranslationTransformation,
)
from omezarr_models._generated.v05.image_label_schema import (
    ImageLabel,
    LabelColor,
    LabelProperty,
    LabelSource,
)
from omezarr_models._generated.v05.image_schema import Image
from omezarr_models._generated.v05.label_image_schema import LabelImage
from omezarr_models._generated.v05.labels_schema import Labels
from omezarr_models._generated.v05.multiscales_schema import Dataset, Multiscale
from omezarr_models._generated.v05.omero_schema import Channel, Omero, Rdefs, Window
from omezarr_models._generated.v05.plate_schema import (
    Acquisition,
    Column,
    Plate,
    PlateMetadata,
    PlateWell,
    Row,
)
from omezarr_models._generated.v05.series_schema import Series
from omezarr_models._generated.v05.well_schema import Well, WellImage, WellMetadata

VERSION = "0.5"

__all__ = [
    "VERSION",
    "Acquisition",
    "Axis",
    "Bioformats2Raw",
    "Channel",
    "Column",
    "Dataset",
    "IdentityTransformation",
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
    "ScaleTransformation",
    "Series",
    "TranslationTransformation",
    "Well",
    "WellImage",
    "WellMetadata",
    "Window",
]
