"""Coordinate transformations of OME-Zarr, evaluated on points with numpy.

Parse a transformation from its metadata, apply it to points, invert it, compose it; find the
transformation between any two coordinate systems of an image or a scene. Covers every type of
OME-Zarr 0.6 (``identity``, ``mapAxis``, ``projectAxis``, ``translation``, ``scale``, ``affine``,
``rotation``, ``sequence``, ``coordinates``, ``displacements``, ``byDimension``, ``bijection``)
and the ``scale``/``translation`` lists of 0.4 and 0.5.

This subpackage needs numpy; ``import omezarr_models`` does not import it.

Examples
--------
>>> from omezarr_models.transforms import parse_transform
>>> t = parse_transform({"type": "scale", "scale": [2.0, 0.5]})
>>> t.apply([[1.0, 4.0], [3.0, 2.0]]).tolist()
[[2.0, 2.0], [6.0, 1.0]]
>>> t.inverse().apply([2.0, 2.0]).tolist()
[1.0, 4.0]

Modules
-------
``parse``
    :func:`parse_transform`, :func:`parse_transforms`: metadata (dicts or models) to transforms.
``axes``, ``linear``, ``composite``, ``fields``
    The transform classes: :class:`Identity`, :class:`MapAxis`, :class:`ProjectAxis`;
    :class:`Translation`, :class:`Scale`, :class:`Affine`, :class:`Rotation`; :class:`Sequence`,
    :class:`ByDimension`, :class:`Bijection`; :class:`Coordinates`, :class:`Displacements`.
``resolve``
    Where ``path`` parameters come from: :func:`zarr_resolver`, :func:`mapping_resolver`.
``legacy``
    0.4/0.5: :func:`legacy_transform`, :func:`legacy_level_transform`.
``graph``
    :class:`TransformGraph`: coordinate systems and arrays of an image or scene,
    :meth:`~TransformGraph.find_path`, :meth:`~TransformGraph.from_array`,
    :meth:`~TransformGraph.to_array`.
``errors``
    Typed errors, all :class:`~omezarr_models.errors.OmeZarrError`.

Conventions
-----------
Points are ``(N, D)`` arrays (or one ``(D,)`` point) in the axis order of the input coordinate
system; results are in the axis order of the output one. Matrices act on column vectors whose
first entry is the first axis. Array indices put pixel centres at integers (the spec's coordinate
convention): pixel ``k`` covers ``[k - 0.5, k + 0.5)``.
"""

from __future__ import annotations

from omezarr_models.transforms.axes import Identity, MapAxis, ProjectAxis
from omezarr_models.transforms.base import CoordinateSystemRef, FloatArray, Transform
from omezarr_models.transforms.composite import AxesMapping, Bijection, ByDimension, Sequence
from omezarr_models.transforms.errors import (
    CoordinateSystemNotFoundError,
    DimensionMismatchError,
    LevelNotFoundError,
    MalformedTransformError,
    NoPathError,
    NotInvertibleError,
    OutsideFieldError,
    TransformError,
    UnresolvedParameterError,
    UnsupportedTransformError,
)
from omezarr_models.transforms.fields import (
    SUPPORTED_INTERPOLATIONS,
    Coordinates,
    Displacements,
    FieldTransform,
    SampledField,
)
from omezarr_models.transforms.graph import Edge, MultiscaleLevels, TransformGraph, as_ref
from omezarr_models.transforms.legacy import legacy_level_transform, legacy_transform
from omezarr_models.transforms.linear import Affine, Rotation, Scale, Translation
from omezarr_models.transforms.parse import (
    TRANSFORM_TYPES,
    Resolver,
    parse_transform,
    parse_transforms,
)
from omezarr_models.transforms.resolve import (
    drop_axis,
    mapping_resolver,
    prefixed_resolver,
    zarr_resolver,
)

__all__ = [
    "SUPPORTED_INTERPOLATIONS",
    "TRANSFORM_TYPES",
    "Affine",
    "AxesMapping",
    "Bijection",
    "ByDimension",
    "CoordinateSystemNotFoundError",
    "CoordinateSystemRef",
    "Coordinates",
    "DimensionMismatchError",
    "Displacements",
    "Edge",
    "FieldTransform",
    "FloatArray",
    "Identity",
    "LevelNotFoundError",
    "MalformedTransformError",
    "MapAxis",
    "MultiscaleLevels",
    "NoPathError",
    "NotInvertibleError",
    "OutsideFieldError",
    "ProjectAxis",
    "Resolver",
    "Rotation",
    "SampledField",
    "Scale",
    "Sequence",
    "Transform",
    "TransformError",
    "TransformGraph",
    "Translation",
    "UnresolvedParameterError",
    "UnsupportedTransformError",
    "as_ref",
    "drop_axis",
    "legacy_level_transform",
    "legacy_transform",
    "mapping_resolver",
    "parse_transform",
    "parse_transforms",
    "prefixed_resolver",
    "zarr_resolver",
]
