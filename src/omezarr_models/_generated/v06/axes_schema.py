# Generated from schemas/0.6rc0 by datamodel-code-generator: do not edit.
# Regenerate with `python -m omezarr_models.codegen`; CI checks that it gives no diff.

from __future__ import annotations

from typing import Annotated
from pydantic import ConfigDict, Field
from omezarr_models._mixins.v06 import Base
from typing_extensions import TypeAliasType


class Axis(Base):
    """
    One dimension (axis) of a coordinate system (0.6rc0 §axes-md).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    name: Annotated[str, Field(min_length=1)]
    """
    MUST: the name of this dimension, a non-empty string. The names MUST be unique within the coordinate system (0.6rc0 §axes-md).
    """
    type: str | None = None
    """
    SHOULD be present. SHOULD be one of "array", "space", "time", "channel", "coordinate" or "displacement", but MAY be another string for a custom axis type (0.6rc0 §axes-md).
    """
    discrete: bool | None = None
    """
    MAY: true if the axis is discrete (indexed by integers only), false if interpolation along it is well-defined (0.6rc0 §axes-md).
    """
    unit: str | None = None
    """
    SHOULD be present: the physical unit of this dimension, one of the UDUNITS-2 units the text lists for space and time axes (0.6rc0 §axes-md).
    """
    longName: str | None = None
    """
    MAY: a longer name or description of the axis and its properties (0.6rc0 §axes-md).
    """


Axes = TypeAliasType("Axes", Annotated[list[Axis], Field(title="Axes")])
"""
"axes" describes the dimensions of a coordinate system: a list of axis objects, one per dimension, in order (0.6rc0 §axes-md).
"""
