# Generated from schemas/0.5 by datamodel-code-generator: do not edit.
# Regenerate with `python -m omezarr_models.codegen`; CI checks that it gives no diff.

from __future__ import annotations

from typing import Annotated, Literal
from omezarr_models._mixins.v05 import Base
from pydantic import ConfigDict, Field
from typing_extensions import TypeAliasType


class IdentityTransformation(Base):
    """
    The identity transformation, the default, typically not written explicitly (0.5 §trafo-md).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    type: Literal["identity"]
    """
    MUST: the transformation type.
    """


class ScaleTransformation(Base):
    """
    A scale vector, given as a list of numbers (`scale`) or as binary data at a location in this container (`path`) (0.5 §trafo-md).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    type: Literal["scale"]
    """
    MUST: the transformation type.
    """
    scale: list[int | float] | None = None
    """
    The scale factor of each axis; its length MUST equal the number of axes (0.5 §multiscale-md).
    """
    path: str | None = None
    """
    The path of binary data in this container holding the scale vector.
    """


class TranslationTransformation(Base):
    """
    A translation vector, given as a list of numbers (`translation`) or as binary data at a location in this container (`path`) (0.5 §trafo-md).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    type: Literal["translation"]
    """
    MUST: the transformation type.
    """
    translation: list[int | float] | None = None
    """
    The offset of each axis; its length MUST equal the number of axes (0.5 §multiscale-md).
    """
    path: str | None = None
    """
    The path of binary data in this container holding the translation vector.
    """


ScaleOrTranslation = TypeAliasType(
    "ScaleOrTranslation",
    Annotated[
        ScaleTransformation | TranslationTransformation, Field(title="MultiscaleTransformation")
    ],
)
"""
Within multiscales a transformation MUST only be of type `scale` or `translation` (0.5 §multiscale-md).
"""


CoordinateTransformations = TypeAliasType(
    "CoordinateTransformations",
    Annotated[
        list[IdentityTransformation | ScaleTransformation | TranslationTransformation],
        Field(title="CoordinateTransformations"),
    ],
)
"""
A list of transformations mapping between two coordinate spaces, applied in order (0.5 §trafo-md). Within multiscales only `scale` and `translation` are allowed (0.5 §multiscale-md).
"""
