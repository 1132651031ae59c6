# Generated from schemas/0.6rc0 by datamodel-code-generator: do not edit.
# Regenerate with `python -m omezarr_models.codegen`; CI checks that it gives no diff.

from __future__ import annotations

from omezarr_models._mixins.v06 import DocumentBase, SceneMetadataBase
from pydantic import ConfigDict, Field
from . import coordinate_systems_schema, coordinate_transformations_schema
from typing import Annotated


class Scene(DocumentBase):
    """
    The OME-Zarr Metadata (the "ome" object in zarr.json attributes) of a scene group: images below it that share a spatial relationship, and the transformations between their coordinate systems (0.6rc0 §scene-md).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    version: Annotated[str, Field(title="OmeVersion")]
    """
    MUST: the version of the OME-Zarr Metadata, a string; consistent within a hierarchy (0.6rc0 §metadata).
    """
    scene: SceneMetadata


class SceneMetadata(SceneMetadataBase):
    """
    The relationship between the images of a scene: transformations between coordinate systems of the scene itself or of its multiscale images (0.6rc0 §scene-md).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    coordinateTransformations: list[
        coordinate_transformations_schema.Identity
        | coordinate_transformations_schema.MapAxis
        | coordinate_transformations_schema.ProjectAxis
        | coordinate_transformations_schema.Translation
        | coordinate_transformations_schema.Scale
        | coordinate_transformations_schema.Affine
        | coordinate_transformations_schema.Rotation
        | coordinate_transformations_schema.Sequence
        | coordinate_transformations_schema.Coordinates
        | coordinate_transformations_schema.Displacements
        | coordinate_transformations_schema.ByDimension
        | coordinate_transformations_schema.Bijection
    ]
    """
    MUST: the transformations; `input` and `output` name a coordinate system of the scene (no `path`, or null) or of the multiscale image at `path` (0.6rc0 §scene-md).
    """
    coordinateSystems: list[coordinate_systems_schema.CoordinateSystem] | None = None
    """
    MAY: coordinate systems of the scene itself; the first is RECOMMENDED as the default for display (0.6rc0 §scene-md).
    """


Scene.model_rebuild()
