# Generated from schemas/0.6rc0 by datamodel-code-generator: do not edit.
# Regenerate with `python -m omezarr_models.codegen`; CI checks that it gives no diff.

from __future__ import annotations

from typing import Annotated
from pydantic import ConfigDict, Field
from omezarr_models._mixins.v06 import Base, ImageLabelBase
from typing_extensions import TypeAliasType


RgbaItem = TypeAliasType("RgbaItem", Annotated[int, Field(ge=0, le=255)])


class LabelColor(Base):
    """
    The display colour of one label value (0.6rc0 §labels-md).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    label_value: Annotated[int, Field(alias="label-value")]
    """
    MUST: the integer pixel value of this label (0.6rc0 §labels-md).
    """
    rgba: Annotated[list[RgbaItem] | None, Field(max_length=4, min_length=4)] = None
    """
    MAY: the colour as four integers between 0 and 255, [uint8, uint8, uint8, uint8] (0.6rc0 §labels-md).
    """


class LabelProperty(Base):
    """
    Arbitrary metadata of one label value (0.6rc0 §labels-md).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    label_value: Annotated[int, Field(alias="label-value")]
    """
    MUST: the integer pixel value of this label (0.6rc0 §labels-md).
    """


class LabelSource(Base):
    """
    MAY: information on the image this label image belongs to (0.6rc0 §labels-md).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    image: str | None = None
    """
    The relative path to the zarr image group; "../../" when absent (0.6rc0 §labels-md).
    """


class ImageLabel(ImageLabelBase):
    """
    "image-label": a group holding it is a segmentation in which each unique pixel value is one object (0.6rc0 §labels-md).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    colors: list[LabelColor] | None = None
    """
    SHOULD be present: one object per unique label value, giving its display colour. The label values MUST be unique (0.6rc0 §labels-md).
    """
    properties: list[LabelProperty] | None = None
    """
    MAY: one object per label value with arbitrary further key-value pairs (0.6rc0 §labels-md).
    """
    source: LabelSource | None = None
    version: str | None = None
    """
    Superseded by the "version" of the OME-Zarr Metadata (0.6rc0 §metadata); when present it must agree with it.
    """
