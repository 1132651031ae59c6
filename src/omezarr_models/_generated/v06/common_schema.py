# Generated from schemas/0.6rc0 by datamodel-code-generator: do not edit.
# Regenerate with `python -m omezarr_models.codegen`; CI checks that it gives no diff.

from __future__ import annotations

from typing import Annotated, Any
from pydantic import Field
from omezarr_models._mixins.v06 import Base
from typing_extensions import TypeAliasType


CommonDefinitions = TypeAliasType(
    "CommonDefinitions", Annotated[Any, Field(title="Common definitions")]
)
"""
Building blocks shared by the OME-Zarr 0.6rc0 schemas of this project.
"""


AxisIndex = TypeAliasType("AxisIndex", Annotated[int, Field(ge=0, title="AxisIndex")])
"""
A zero-based index into the axes of a coordinate system (0.6rc0 §trafo-types-md).
"""
