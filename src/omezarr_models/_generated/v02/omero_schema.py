# Generated from schemas/0.2 by datamodel-code-generator: do not edit.
# Regenerate with `python -m omezarr_models.codegen`; CI checks that it gives no diff.

from __future__ import annotations

from omezarr_models._mixins.v02 import Base
from pydantic import ConfigDict, Field
from typing import Annotated


class Window(Base):
    """
    The rendering window of a channel: min, max, start and end (0.2 §omero-md).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    min: Annotated[int | float | None, Field(title="JsonNumber")] = None
    """
    The minimum value of the window (0.2 §omero-md).
    """
    max: Annotated[int | float | None, Field(title="JsonNumber")] = None
    """
    The maximum value of the window (0.2 §omero-md).
    """
    start: Annotated[int | float | None, Field(title="JsonNumber")] = None
    """
    The start value of the window (0.2 §omero-md).
    """
    end: Annotated[int | float | None, Field(title="JsonNumber")] = None
    """
    The end value of the window (0.2 §omero-md).
    """


class Rdefs(Base):
    """
    Default rendering settings (0.2 §omero-md).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    defaultT: int | None = None
    """
    The first timepoint to show the user (0.2 §omero-md).
    """
    defaultZ: int | None = None
    """
    The first Z section to show the user (0.2 §omero-md).
    """
    model: str | None = None
    """
    "color" or "greyscale" (0.2 §omero-md).
    """


class Channel(Base):
    """
    The rendering settings of one channel (0.2 §omero-md).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    active: bool | None = None
    """
    Whether the channel is shown (0.2 §omero-md).
    """
    coefficient: Annotated[int | float | None, Field(title="JsonNumber")] = None
    """
    The rendering coefficient (0.2 §omero-md).
    """
    color: str | None = None
    """
    The colour of the channel, e.g. "0000FF" (0.2 §omero-md).
    """
    family: str | None = None
    """
    The rendering family, e.g. "linear" (0.2 §omero-md).
    """
    inverted: bool | None = None
    """
    Whether the rendering is inverted (0.2 §omero-md).
    """
    label: str | None = None
    """
    The name of the channel (0.2 §omero-md).
    """
    window: Window | None = None


class Omero(Base):
    """
    "omero" metadata: information specific to the channels of an image and how to render it, as in OMERO's WebGateway imgdata. The text gives an example only: every key is optional, each typed as in the example (0.2 §omero-md).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    id: int | None = None
    """
    The ID of the image in OMERO (0.2 §omero-md).
    """
    name: str | None = None
    """
    The name of the image as shown in the UI (0.2 §omero-md).
    """
    version: str | None = None
    """
    The current version of this metadata (0.2 §omero-md).
    """
    channels: list[Channel] | None = None
    """
    One object per channel, matching the size of the c dimension (0.2 §omero-md).
    """
    rdefs: Rdefs | None = None
