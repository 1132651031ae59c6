# Generated from schemas/0.5 by datamodel-code-generator: do not edit.
# Regenerate with `python -m omezarr_models.codegen`; CI checks that it gives no diff.

from __future__ import annotations

from omezarr_models._mixins.v05 import Base
from pydantic import ConfigDict, Field
from typing import Annotated
from typing_extensions import TypeAliasType


class Axis(Base):
    """
    One dimension (axis) of a physical coordinate space (0.5 §axes-md).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    name: str
    """
    MUST: the name of this dimension. The names MUST be unique across all axes (0.5 §axes-md).
    """
    type: str | None = None
    """
    SHOULD be present. SHOULD be one of "space", "time" or "channel", but MAY be another string for a custom axis type (0.5 §axes-md).
    """
    unit: str | None = None
    """
    SHOULD be present: the physical unit of this dimension, one of the UDUNITS-2 units the text lists for space and time axes (0.5 §axes-md).
    """


Axes = TypeAliasType("Axes", Annotated[list[Axis], Field(title="Axes")])
"""
"axes" describes the dimensions of a physical coordinate space: a list of axis objects (0.5 §axes-md).
"""
