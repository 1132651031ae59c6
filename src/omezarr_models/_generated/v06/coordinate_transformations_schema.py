# Generated from schemas/0.6rc0 by datamodel-code-generator: do not edit.
# Regenerate with `python -m omezarr_models.codegen`; CI checks that it gives no diff.

from __future__ import annotations

from omezarr_models._mixins.v06 import Base
from pydantic import ConfigDict, Field
from typing import Annotated, Literal, Union
from . import common_schema
from typing_extensions import TypeAliasType


class CoordinateSystemReference(Base):
    """
    The input or output of a transformation: a coordinate system by `name`, in the same zarr.json or in the zarr group at `path`; in a multiscale's dataset, the array at `path` (0.6rc0 §input-output-md, §coord-trafo-constraints).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    name: str | None = None
    """
    The name of the coordinate system; required depending on the context (0.6rc0 §coord-trafo-constraints).
    """
    path: str | None = None
    """
    The path to a zarr group (or a dataset's array) when the coordinate system is not defined in the same zarr.json; null or absent means the same zarr.json (0.6rc0 §coord-trafo-constraints).
    """


class Identity(Base):
    """
    The identity: output coordinates equal input coordinates, axis by axis; invertible (0.6rc0 §identity-md).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    type: Literal["identity"]
    """
    MUST: the transformation type.
    """
    name: str | None = None
    """
    MAY: a unique name for this transformation (0.6rc0 §coord-trafo-md).
    """
    input: CoordinateSystemReference | None = None
    """
    The input coordinate system; required unless the transformation is part of a sequence, bijection or byDimension (0.6rc0 §input-output-md).
    """
    output: CoordinateSystemReference | None = None
    """
    The output coordinate system; required unless the transformation is part of a sequence, bijection or byDimension (0.6rc0 §input-output-md).
    """


class MapAxis(Base):
    """
    An axis permutation: the value at position i names the input axis that becomes the i-th output axis; invertible (0.6rc0 §mapAxis-md).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    type: Literal["mapAxis"]
    """
    MUST: the transformation type.
    """
    name: str | None = None
    """
    MAY: a unique name for this transformation (0.6rc0 §coord-trafo-md).
    """
    input: CoordinateSystemReference | None = None
    """
    The input coordinate system; required unless the transformation is part of a sequence, bijection or byDimension (0.6rc0 §input-output-md).
    """
    output: CoordinateSystemReference | None = None
    """
    The output coordinate system; required unless the transformation is part of a sequence, bijection or byDimension (0.6rc0 §input-output-md).
    """
    mapAxis: list[common_schema.AxisIndex]
    """
    MUST: a permutation of the input axis indices 0..N-1, each exactly once; its length MUST equal the dimensionality of input and output (0.6rc0 §mapAxis-md).
    """


class ProjectAxis(Base):
    """
    Projects N input dimensions to M output dimensions by dropping input dimensions and creating output dimensions (set to zero) at the given indices (0.6rc0 §projectAxis-md).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    type: Literal["projectAxis"]
    """
    MUST: the transformation type.
    """
    name: str | None = None
    """
    MAY: a unique name for this transformation (0.6rc0 §coord-trafo-md).
    """
    input: CoordinateSystemReference | None = None
    """
    The input coordinate system; required unless the transformation is part of a sequence, bijection or byDimension (0.6rc0 §input-output-md).
    """
    output: CoordinateSystemReference | None = None
    """
    The output coordinate system; required unless the transformation is part of a sequence, bijection or byDimension (0.6rc0 §input-output-md).
    """
    droppedInputs: list[common_schema.AxisIndex] | None = None
    """
    The indices of the input coordinate vector that are dropped; MUST be unique (0.6rc0 §projectAxis-md).
    """
    createdOutputs: list[common_schema.AxisIndex] | None = None
    """
    The indices of the output coordinate vector at which new dimensions are added; MUST be unique (0.6rc0 §projectAxis-md).
    """


class Translation(Base):
    """
    A translation vector, given as a list of numbers (`translation`) or as a zarr array at a location in this container (`path`); input and output have the same dimensionality N, the length of the vector; invertible (0.6rc0 §translation-md).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    type: Literal["translation"]
    """
    MUST: the transformation type.
    """
    name: str | None = None
    """
    MAY: a unique name for this transformation (0.6rc0 §coord-trafo-md).
    """
    input: CoordinateSystemReference | None = None
    """
    The input coordinate system; required unless the transformation is part of a sequence, bijection or byDimension (0.6rc0 §input-output-md).
    """
    output: CoordinateSystemReference | None = None
    """
    The output coordinate system; required unless the transformation is part of a sequence, bijection or byDimension (0.6rc0 §input-output-md).
    """
    translation: list[int | float] | None = None
    """
    The offset along each axis; MUST have length N (0.6rc0 §translation-md).
    """
    path: str | None = None
    """
    The path to a zarr array in this container holding the translation vector (0.6rc0 §transform-type-md).
    """


class Scale(Base):
    """
    A scale vector, given as a list of numbers (`scale`) or as a zarr array at a location in this container (`path`); input and output have the same dimensionality N, the length of the vector (0.6rc0 §scale-md).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    type: Literal["scale"]
    """
    MUST: the transformation type.
    """
    name: str | None = None
    """
    MAY: a unique name for this transformation (0.6rc0 §coord-trafo-md).
    """
    input: CoordinateSystemReference | None = None
    """
    The input coordinate system; required unless the transformation is part of a sequence, bijection or byDimension (0.6rc0 §input-output-md).
    """
    output: CoordinateSystemReference | None = None
    """
    The output coordinate system; required unless the transformation is part of a sequence, bijection or byDimension (0.6rc0 §input-output-md).
    """
    scale: list[int | float] | None = None
    """
    The scale factor of each axis; MUST have length N; the values SHOULD be non-zero (0.6rc0 §scale-md).
    """
    path: str | None = None
    """
    The path to a zarr array in this container holding the scale vector (0.6rc0 §transform-type-md).
    """


AffineItem = TypeAliasType("AffineItem", Annotated[list[int | float], Field(min_length=1)])


class Affine(Base):
    """
    An affine matrix transformation from N input to M output dimensions: the upper (M)x(N+1) rows of its homogeneous matrix, given in JSON (`affine`) or as a 2D zarr array (`path`) (0.6rc0 §affine-md).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    type: Literal["affine"]
    """
    MUST: the transformation type.
    """
    name: str | None = None
    """
    MAY: a unique name for this transformation (0.6rc0 §coord-trafo-md).
    """
    input: CoordinateSystemReference | None = None
    """
    The input coordinate system; required unless the transformation is part of a sequence, bijection or byDimension (0.6rc0 §input-output-md).
    """
    output: CoordinateSystemReference | None = None
    """
    The output coordinate system; required unless the transformation is part of a sequence, bijection or byDimension (0.6rc0 §input-output-md).
    """
    affine: Annotated[list[AffineItem] | None, Field(min_length=1)] = None
    """
    The matrix as a list of M rows of N+1 numbers each (0.6rc0 §affine-md, §matrix-trafo-md).
    """
    path: str | None = None
    """
    The path to a 2D zarr array of shape (M)x(N+1) holding the matrix (0.6rc0 §affine-md).
    """


RotationItem = TypeAliasType("RotationItem", Annotated[list[int | float], Field(min_length=1)])


class Rotation(Base):
    """
    A rotation: an NxN matrix with determinant one and orthonormal rows and columns, given in JSON (`rotation`) or as a 2D zarr array (`path`); input and output have the same dimensionality N; invertible (0.6rc0 §rotation-md).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    type: Literal["rotation"]
    """
    MUST: the transformation type.
    """
    name: str | None = None
    """
    MAY: a unique name for this transformation (0.6rc0 §coord-trafo-md).
    """
    input: CoordinateSystemReference | None = None
    """
    The input coordinate system; required unless the transformation is part of a sequence, bijection or byDimension (0.6rc0 §input-output-md).
    """
    output: CoordinateSystemReference | None = None
    """
    The output coordinate system; required unless the transformation is part of a sequence, bijection or byDimension (0.6rc0 §input-output-md).
    """
    rotation: Annotated[list[RotationItem] | None, Field(min_length=1)] = None
    """
    The matrix as a list of N rows of N numbers each (0.6rc0 §rotation-md, §matrix-trafo-md).
    """
    path: str | None = None
    """
    The path to a 2D zarr array of shape NxN holding the matrix (0.6rc0 §rotation-md).
    """


class Coordinates(Base):
    """
    A vector field of absolute positions (coordinates), one vector per point of a regular grid over the input space, stored as the multiscale image at `path` (0.6rc0 §coordinates-displacements-md).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    type: Literal["coordinates"]
    """
    MUST: the transformation type.
    """
    name: str | None = None
    """
    MAY: a unique name for this transformation (0.6rc0 §coord-trafo-md).
    """
    input: CoordinateSystemReference | None = None
    """
    The input coordinate system; required unless the transformation is part of a sequence, bijection or byDimension (0.6rc0 §input-output-md).
    """
    output: CoordinateSystemReference | None = None
    """
    The output coordinate system; required unless the transformation is part of a sequence, bijection or byDimension (0.6rc0 §input-output-md).
    """
    path: str
    """
    MUST: the location of the multiscale group holding the field, in this (or another) container (0.6rc0 §coordinates-displacements-md).
    """
    interpolation: str | None = None
    """
    MAY: the interpolation of the field between its grid points, e.g. "nearest", "linear" (the default) or "bspline-cubic" (0.6rc0 §coordinates-displacements-md).
    """


class Displacements(Base):
    """
    A vector field of relative shifts (displacements), one vector per point of a regular grid over the input space, stored as the multiscale image at `path` (0.6rc0 §coordinates-displacements-md).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    type: Literal["displacements"]
    """
    MUST: the transformation type.
    """
    name: str | None = None
    """
    MAY: a unique name for this transformation (0.6rc0 §coord-trafo-md).
    """
    input: CoordinateSystemReference | None = None
    """
    The input coordinate system; required unless the transformation is part of a sequence, bijection or byDimension (0.6rc0 §input-output-md).
    """
    output: CoordinateSystemReference | None = None
    """
    The output coordinate system; required unless the transformation is part of a sequence, bijection or byDimension (0.6rc0 §input-output-md).
    """
    path: str
    """
    MUST: the location of the multiscale group holding the field, in this (or another) container (0.6rc0 §coordinates-displacements-md).
    """
    interpolation: str | None = None
    """
    MAY: the interpolation of the field between its grid points, e.g. "nearest", "linear" (the default) or "bspline-cubic" (0.6rc0 §coordinates-displacements-md).
    """


CoordinateTransformations = TypeAliasType(
    "CoordinateTransformations",
    Annotated[
        list[
            Union[
                Identity,
                MapAxis,
                ProjectAxis,
                Translation,
                Scale,
                Affine,
                Rotation,
                "Sequence",
                Coordinates,
                Displacements,
                "ByDimension",
                "Bijection",
            ]
        ],
        Field(title="CoordinateTransformations"),
    ],
)
"""
A list of coordinate transformations, each a function from points of its input coordinate system to points of its output coordinate system (0.6rc0 §coord-trafo-md). Where a multiscale, a dataset or a scene holds them, `input` and `output` are required and constrained by the context (0.6rc0 §coord-trafo-constraints): those schemas say how.
"""


class Sequence(Base):
    """
    An ordered list of transformations applied one after the other, the first first (0.6rc0 §sequence-md).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    type: Literal["sequence"]
    """
    MUST: the transformation type.
    """
    name: str | None = None
    """
    MAY: a unique name for this transformation (0.6rc0 §coord-trafo-md).
    """
    input: CoordinateSystemReference | None = None
    """
    The input coordinate system; required unless the transformation is part of a sequence, bijection or byDimension (0.6rc0 §input-output-md).
    """
    output: CoordinateSystemReference | None = None
    """
    The output coordinate system; required unless the transformation is part of a sequence, bijection or byDimension (0.6rc0 §input-output-md).
    """
    transformations: Annotated[
        list[
            Union[
                Identity,
                MapAxis,
                ProjectAxis,
                Translation,
                Scale,
                Affine,
                Rotation,
                "Sequence",
                Coordinates,
                Displacements,
                "ByDimension",
                "Bijection",
            ]
        ],
        Field(min_length=1),
    ]
    """
    MUST: a non-empty list of transformations (0.6rc0 §sequence-md).
    """


class ByDimensionItem(Base):
    """
    One part of a byDimension transformation: a transformation of the input axes `inputAxes` to the output axes `outputAxes` (0.6rc0 §byDimension-md).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    transformation: Annotated[
        Union[
            Identity,
            MapAxis,
            ProjectAxis,
            Translation,
            Scale,
            Affine,
            Rotation,
            "Sequence",
            Coordinates,
            Displacements,
            "ByDimension",
            "Bijection",
        ],
        Field(title="CoordinateTransformation"),
    ]
    """
    Any transformation of 0.6rc0; its `type` (identity, mapAxis, projectAxis, translation, scale, affine, rotation, sequence, coordinates, displacements, byDimension, bijection) decides its other fields (0.6rc0 §transform-type-md).
    """
    inputAxes: list[common_schema.AxisIndex]
    """
    MUST: indices into the axes of the byDimension's input coordinate system, as many as the transformation's input dimensions (0.6rc0 §byDimension-md).
    """
    outputAxes: list[common_schema.AxisIndex]
    """
    MUST: indices into the axes of the byDimension's output coordinate system, as many as the transformation's output dimensions; every output axis appears in exactly one item (0.6rc0 §byDimension-md).
    """


class ByDimension(Base):
    """
    A high-dimensional transformation built from lower-dimensional transformations on subsets of the axes (0.6rc0 §byDimension-md).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    type: Literal["byDimension"]
    """
    MUST: the transformation type.
    """
    name: str | None = None
    """
    MAY: a unique name for this transformation (0.6rc0 §coord-trafo-md).
    """
    input: CoordinateSystemReference | None = None
    """
    The input coordinate system; required unless the transformation is part of a sequence, bijection or byDimension (0.6rc0 §input-output-md).
    """
    output: CoordinateSystemReference | None = None
    """
    The output coordinate system; required unless the transformation is part of a sequence, bijection or byDimension (0.6rc0 §input-output-md).
    """
    transformations: list[ByDimensionItem]
    """
    MUST: the parts, each with `transformation`, `inputAxes` and `outputAxes` (0.6rc0 §byDimension-md).
    """


class Bijection(Base):
    """
    An invertible transformation given by an explicit forward transformation and its inverse; input and output have equal dimensionality (0.6rc0 §bijection-md).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    type: Literal["bijection"]
    """
    MUST: the transformation type.
    """
    name: str | None = None
    """
    MAY: a unique name for this transformation (0.6rc0 §coord-trafo-md).
    """
    input: CoordinateSystemReference | None = None
    """
    The input coordinate system; required unless the transformation is part of a sequence, bijection or byDimension (0.6rc0 §input-output-md).
    """
    output: CoordinateSystemReference | None = None
    """
    The output coordinate system; required unless the transformation is part of a sequence, bijection or byDimension (0.6rc0 §input-output-md).
    """
    forward: Annotated[
        Union[
            Identity,
            MapAxis,
            ProjectAxis,
            Translation,
            Scale,
            Affine,
            Rotation,
            "Sequence",
            Coordinates,
            Displacements,
            "ByDimension",
            "Bijection",
        ],
        Field(title="CoordinateTransformation"),
    ]
    """
    MUST: the forward transformation (input to output) (0.6rc0 §bijection-md).
    """
    inverse: Annotated[
        Union[
            Identity,
            MapAxis,
            ProjectAxis,
            Translation,
            Scale,
            Affine,
            Rotation,
            "Sequence",
            Coordinates,
            Displacements,
            "ByDimension",
            "Bijection",
        ],
        Field(title="CoordinateTransformation"),
    ]
    """
    MUST: the inverse transformation (output to input) (0.6rc0 §bijection-md).
    """


DatasetTransformation = TypeAliasType(
    "DatasetTransformation",
    Annotated[Scale | Identity | Sequence, Field(title="DatasetTransformation")],
)
"""
The transformation of a resolution level: a single scale, an identity, or a sequence of a scale then a translation, from the array at `input.path` to the coordinate system `output.name` (0.6rc0 §coord-trafo-constraints, §multiscales-md).
"""


Sequence.model_rebuild()
ByDimensionItem.model_rebuild()
Bijection.model_rebuild()
