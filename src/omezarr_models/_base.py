"""The base class of every generated model."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict


class OmeModel(BaseModel):
    """A piece of OME-Zarr metadata.

    JSON types are strict (``"100"`` is not a number, ``1.0`` is not an integer, ``true`` is not a
    number); unknown keys are kept; :meth:`to_json_dict` gives back exactly what was validated.
    """

    model_config = ConfigDict(
        extra="allow",
        strict=True,
        validate_by_name=True,
        validate_by_alias=True,
        serialize_by_alias=True,
    )

    def to_json_dict(self) -> dict[str, Any]:
        """Return the JSON object: the keys that were given or set, unknown keys included."""
        return self.model_dump(mode="json", by_alias=True, exclude_unset=True)
