"""The base class of every generated model."""

from __future__ import annotations

from typing import Any, Self

from pydantic import BaseModel, ConfigDict, SerializerFunctionWrapHandler, model_serializer
from pydantic.config import ExtraValues


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

    @classmethod
    def model_validate(
        cls,
        obj: Any,
        *,
        strict: bool | None = None,
        extra: ExtraValues | None = None,
        from_attributes: bool | None = None,
        context: Any | None = None,
        by_alias: bool | None = None,
        by_name: bool | None = None,
    ) -> Self:
        """Validate JSON data: keys are the spec's (``label-value``), never Python names.

        Keyword construction (``LabelColor(label_value=1)``) still takes Python names; a JSON
        document holding ``label_value`` has a key the spec does not know, as the validator says.
        """
        return super().model_validate(
            obj,
            strict=strict,
            extra=extra,
            from_attributes=from_attributes,
            context=context,
            by_alias=by_alias,
            by_name=False if by_name is None else by_name,
        )

    @model_serializer(mode="wrap")
    def _drop_lookalike_fields(self, handler: SerializerFunctionWrapHandler) -> Any:
        # pydantic counts an unknown key spelled like a field's Python name (e.g.
        # "bioformats2raw_layout") as setting that field, which then dumps as its alias with
        # null beside the unknown key; such a field was not in the JSON, so it is left out
        data = handler(self)
        extra = self.__pydantic_extra__
        if not extra or type(data) is not dict:
            return data
        for name, field in type(self).model_fields.items():
            alias = field.alias
            if alias and alias != name and name in extra and data.get(alias, 0) is None:
                del data[alias]
        return data

    def to_json_dict(self) -> dict[str, Any]:
        """Return the JSON object: the keys that were given or set, unknown keys included."""
        return self.model_dump(mode="json", by_alias=True, exclude_unset=True)
