# Generated from schemas/0.6rc0 by datamodel-code-generator: do not edit.
# Regenerate with `python -m omezarr_models.codegen`; CI checks that it gives no diff.

from __future__ import annotations

from typing import Annotated
from pydantic import ConfigDict, Field
from omezarr_models._mixins.v06 import Base
from . import axes_schema
from typing_extensions import TypeAliasType


class CoordinateSystem(Base):
    """
    A named coordinate system: its axes, whose number is its dimensionality (0.6rc0 §coordinate-systems-md).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    name: Annotated[str, Field(min_length=1)]
    """
    MUST: a non-empty string, unique among the entries of its coordinateSystems list (0.6rc0 §coordinate-systems-md).
    """
    axes: list[axes_schema.Axis]
    """
    MUST: the axes of the coordinate system, one per dimension (0.6rc0 §coordinate-systems-md).
    """


CoordinateSystems = TypeAliasType(
    "CoordinateSystems", Annotated[list[CoordinateSystem], Field(title="CoordinateSystems")]
)
"""
A list of named coordinate systems; the names MUST be unique within the list (0.6rc0 §coordinate-systems-md).
"""
