# Generated from schemas/0.1 by datamodel-code-generator: do not edit.
# Regenerate with `python -m omezarr_models.codegen`; CI checks that it gives no diff.

from __future__ import annotations

from typing import Annotated
from pydantic import ConfigDict, Field
from omezarr_models._mixins.v01 import Base, ImageLabelBase
from typing_extensions import TypeAliasType


RgbaItem = TypeAliasType("RgbaItem", Annotated[int, Field(ge=0, le=255)])
"""
One component, an unsigned 8-bit integer (0 to 255) (0.1 §image-label).
"""


class LabelColor(Base):
    """
    The display colour of one label value (0.1 §image-label).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    label_value: Annotated[int, Field(alias="label-value")]
    """
    MUST: the pixel value for that label: an integer, since label images support only integer values (0.1 §image-label, §image-layout).
    """
    rgba: Annotated[list[RgbaItem] | None, Field(max_length=4, min_length=4)] = None
    """
    MAY: the colour as an RGBA unsigned-int 4-tuple, [uint8, uint8, uint8, uint8] (0.1 §image-label).
    """


class LabelSource(Base):
    """
    Optional: information on the image the label is associated with (0.1 §image-label).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    image: str | None = None
    """
    MAY: the relative path to a Zarr image group; the default is "../../" since most labels are stored under a subgroup named "labels/" (0.1 §image-label).
    """


class ImageLabel(ImageLabelBase):
    """
    "image-label": a group holding it represents an image segmentation in which each unique pixel value represents a separate segmented object (0.1 §image-label).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    version: str | None = None
    """
    The version of this metadata, as in the example (0.1 §image-label).
    """
    colors: list[LabelColor] | None = None
    """
    A list of JSON objects describing the unique label values; all label-values must be unique (a hand-written rule) (0.1 §image-label).
    """
    source: LabelSource | None = None
