# Generated from schemas/0.3 by datamodel-code-generator: do not edit.
# Regenerate with `python -m omezarr_models.codegen`; CI checks that it gives no diff.

from __future__ import annotations

from typing import Annotated, Any
from pydantic import Field
from omezarr_models._mixins.v03 import Base
from typing_extensions import TypeAliasType


CommonDefinitions = TypeAliasType(
    "CommonDefinitions", Annotated[Any, Field(title="Common definitions")]
)
"""
Building blocks shared by the OME-Zarr 0.3 schemas of this project.
"""
