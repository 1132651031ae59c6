r"""Typed models of OME-Zarr 0.6rc0: the stable public names.

The classes are generated from ``schemas/0.6rc0/`` (see :mod:`omezarr_models.codegen`); this
module is the hand-written front that names them. Every model checks, on construction, the JSON
Schema constraints it was generated from and the rules a schema cannot state (unique coordinate
system and axis names, matrix shapes that fit the coordinate systems, a multiscale's levels that
all map to its intrinsic coordinate system, ...). :meth:`to_json_dict` gives back exactly the
JSON that was validated.

As in 0.5, the metadata of a group lives under the "ome" key of its attributes: the group-level
models here (``Image``, ``Plate``, ``Scene``, ...) describe that "ome" object.

0.6rc0 replaces a multiscale's ``axes`` by named coordinate systems (:class:`CoordinateSystem`)
and adds twelve transformation types, one class each (:class:`Identity`, :class:`MapAxis`,
:class:`ProjectAxis`, :class:`Translation`, :class:`Scale`, :class:`Affine`, :class:`Rotation`,
:class:`Sequence`, :class:`Coordinates`, :class:`Displacements`, :class:`ByDimension`,
:class:`Bijection`), whose ``input`` and ``output`` are :class:`CoordinateSystemReference`
objects; a scene group (:class:`Scene`) relates the coordinate systems of several images.

Examples
--------
>>> from omezarr_models.v06 import Scale
>>> Scale.model_validate(
...     {"type": "scale", "scale": [0.5, 0.5], "input": {"path": "s0"}, "output": {"name": "xy"}}
... ).to_json_dict()["output"]
{'name': 'xy'}
"""

from __future__ import annotations

from typing import TypeAlias

from omezarr_models._generated.v06.axes_schema import Axis
from omezarr_models._generated.v06.bioformats2raw_schema import Bioformats2Raw
from omezarr_models._generated.v06.coordinate_systems_schema import CoordinateSystem
from omezarr_models._generated.v06.coordinate_transformations_schema import (
    Affine,
    Bijection,
    ByDimension,
    ByDimensionItem,
    Coordinates,
    CoordinateSystemReference,
    Displacements,
    Identity,
    MapAxis,
    ProjectAxis,
    Rotation,
    Scale,
    Sequence,
    Translation,
)
from omezarr_models._generated.v06.image_label_schema import (
    ImageLabel,
    LabelColor,
    LabelProperty,
    LabelSource,
)
from omezarr_models._generated.v06.image_schema import Image
from omezarr_models._generated.v06.label_image_schema import LabelImage
from omezarr_models._generated.v06.labels_schema import Labels
from omezarr_models._generated.v06.multiscales_schema import Dataset, Multiscale
from omezarr_models._generated.v06.omero_schema import Channel, Omero, Rdefs, Window
from omezarr_models._generated.v06.plate_schema import (
    Acquisition,
    Column,
    Plate,
    PlateMetadata,
    PlateWell,
    Row,
)
from omezarr_models._generated.v06.scene_schema import Scene, SceneMetadata
from omezarr_models._generated.v06.series_schema import Series
from omezarr_models._generated.v06.well_schema import Well, WellImage, WellMetadata

VERSION = "0.6rc0"

#: Any transformation of 0.6rc0 (the classes are told apart by their ``type``).
Transformation: TypeAlias = (
    Identity
    | MapAxis
    | ProjectAxis
    | Translation
    | Scale
    | Affine
    | Rotation
    | Sequence
    | Coordinates
    | Displacements
    | ByDimension
    | Bijection
)
#: The names the earlier versions give the same transformations.
IdentityTransformation = Identity
ScaleTransformation = Scale
TranslationTransformation = Translation

__all__ = [
    "VERSION",
    "Acquisition",
    "Affine",
    "Axis",
    "Bijection",
    "Bioformats2Raw",
    "ByDimension",
    "ByDimensionItem",
    "Channel",
    "Column",
    "CoordinateSystem",
    "CoordinateSystemReference",
    "Coordinates",
    "Dataset",
    "Displacements",
    "Identity",
    "IdentityTransformation",
    "Image",
    "ImageLabel",
    "LabelColor",
    "LabelImage",
    "LabelProperty",
    "LabelSource",
    "Labels",
    "MapAxis",
    "Multiscale",
    "Omero",
    "Plate",
    "PlateMetadata",
    "PlateWell",
    "ProjectAxis",
    "Rdefs",
    "Rotation",
    "Row",
    "Scale",
    "ScaleTransformation",
    "Scene",
    "SceneMetadata",
    "Sequence",
    "Series",
    "Transformation",
    "Translation",
    "TranslationTransformation",
    "Well",
    "WellImage",
    "WellMetadata",
    "Window",
]
