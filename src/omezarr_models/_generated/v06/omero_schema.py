# Generated from schemas/0.6rc0 by datamodel-code-generator: do not edit.
# Regenerate with `python -m omezarr_models.codegen`; CI checks that it gives no diff.

from __future__ import annotations

from omezarr_models._mixins.v06 import Base
from pydantic import ConfigDict, Field
from typing import Annotated


class Window(Base):
    """
    MUST: the rendering window of a channel, with min, max, start and end (0.6rc0 §omero-md).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    min: Annotated[int | float, Field(title="JsonNumber")]
    """
    MUST: the minimum value of the window.
    """
    max: Annotated[int | float, Field(title="JsonNumber")]
    """
    MUST: the maximum value of the window.
    """
    start: Annotated[int | float, Field(title="JsonNumber")]
    """
    MUST: the start value of the window.
    """
    end: Annotated[int | float, Field(title="JsonNumber")]
    """
    MUST: the end value of the window.
    """


class Rdefs(Base):
    """
    Default rendering settings (0.6rc0 §omero-md).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    defaultT: int | None = None
    """
    The first timepoint to show the user.
    """
    defaultZ: int | None = None
    """
    The first Z section to show the user.
    """
    model: str | None = None
    """
    "color" or "greyscale".
    """


class Channel(Base):
    """
    The rendering settings of one channel (0.6rc0 §omero-md).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    active: bool | None = None
    """
    Whether the channel is shown.
    """
    coefficient: Annotated[int | float | None, Field(title="JsonNumber")] = None
    """
    The rendering coefficient.
    """
    color: Annotated[str, Field(pattern="^[0-9A-Fa-f]{6}$")]
    """
    MUST: a string of 6 hexadecimal digits giving the channel colour as RGB (0.6rc0 §omero-md).
    """
    family: str | None = None
    """
    The rendering family, e.g. "linear".
    """
    inverted: bool | None = None
    """
    Whether the rendering is inverted.
    """
    label: str | None = None
    """
    The channel name.
    """
    window: Window


class Omero(Base):
    """
    Transitional "omero" metadata: how to render the channels of an image (0.6rc0 §omero-md).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    id: int | None = None
    """
    The image ID in OMERO.
    """
    name: str | None = None
    """
    The image name as shown in the UI.
    """
    version: str | None = None
    """
    The version of the omero metadata.
    """
    channels: list[Channel]
    """
    MUST: one object per channel, matching the size of the channel dimension (0.6rc0 §omero-md).
    """
    rdefs: Rdefs | None = None
