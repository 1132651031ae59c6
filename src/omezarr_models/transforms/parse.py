"""Read transformations from their JSON metadata into :class:`Transform` objects."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import numpy as np

from omezarr_models.transforms.axes import Identity, MapAxis, ProjectAxis
from omezarr_models.transforms.base import CoordinateSystemRef, Transform
from omezarr_models.transforms.composite import AxesMapping, Bijection, ByDimension, Sequence
from omezarr_models.transforms.errors import (
    MalformedTransformError,
    TransformError,
    UnresolvedParameterError,
)
from omezarr_models.transforms.fields import Coordinates, Displacements, SampledField
from omezarr_models.transforms.linear import Affine, Rotation, Scale, Translation

Resolver = Callable[[str], Any]
"""Gives the data stored at a transformation's ``path``: a numpy array (parameters, or a field
whose vector axis is the first dimension), or a :class:`SampledField` (a field with its grid
transformation). Paths are passed as written in the metadata."""

TRANSFORM_TYPES = (
    "identity",
    "mapAxis",
    "projectAxis",
    "translation",
    "scale",
    "affine",
    "rotation",
    "sequence",
    "coordinates",
    "displacements",
    "byDimension",
    "bijection",
)
"""Every ``type`` of the 0.6 specification (0.4/0.5 use ``identity``, ``scale``, ``translation``)."""


def as_json_dict(obj: Any) -> Any:
    """The plain JSON value of ``obj``: itself, or ``obj.to_json_dict()`` for a model."""
    to_json = getattr(obj, "to_json_dict", None)
    if callable(to_json):
        return to_json()
    return obj


def parse_transform(
    obj: Any, *, resolver: Resolver | None = None, json_path: str = ""
) -> Transform:
    """Build a typed transformation from its metadata.

    Parameters
    ----------
    obj
        The transformation as a JSON object (a ``dict``), or any object with a
        ``to_json_dict()`` method returning one (e.g. a model of ``omezarr_models.v06``).
    resolver
        Gives the array stored at a ``path`` (see :data:`Resolver`; e.g.
        :func:`~omezarr_models.transforms.zarr_resolver`). Without one, transformations whose
        parameters are at a ``path`` are built unresolved and raise
        :class:`UnresolvedParameterError` when evaluated.
    json_path
        JSON pointer of ``obj`` in its document, used in error messages.

    Returns
    -------
    Transform
        An :class:`Identity`, :class:`MapAxis`, :class:`ProjectAxis`, :class:`Translation`,
        :class:`Scale`, :class:`Affine`, :class:`Rotation`, :class:`Sequence`,
        :class:`Coordinates`, :class:`Displacements`, :class:`ByDimension` or :class:`Bijection`.

    Raises
    ------
    MalformedTransformError
        If the metadata does not describe a valid transformation (the error names it and says why).
    UnresolvedParameterError
        If the resolver fails for a ``path``.
    """
    return _Parser(resolver).transform(as_json_dict(obj), json_path)


def parse_transforms(
    objs: Any, *, resolver: Resolver | None = None, json_path: str = ""
) -> list[Transform]:
    """Parse a ``coordinateTransformations`` array (see :func:`parse_transform`).

    Parameters
    ----------
    objs
        A list of transformation objects (or models).
    resolver
        As for :func:`parse_transform`.
    json_path
        JSON pointer of the array; items get ``json_path/0``, ``json_path/1``, ...

    Returns
    -------
    list of Transform
        One per item.
    """
    objs = as_json_dict(objs)
    if not isinstance(objs, list):
        raise MalformedTransformError(
            f"coordinateTransformations must be an array, got {type(objs).__name__}",
            json_path=json_path,
        )
    return [
        parse_transform(obj, resolver=resolver, json_path=f"{json_path}/{index}")
        for index, obj in enumerate(objs)
    ]


class _Parser:
    def __init__(self, resolver: Resolver | None) -> None:
        self.resolver = resolver

    def transform(self, obj: Any, json_path: str) -> Transform:
        obj = as_json_dict(obj)
        if not isinstance(obj, Mapping):
            raise MalformedTransformError(
                f"a transformation must be a JSON object, got {type(obj).__name__}",
                json_path=json_path,
            )
        kind = obj.get("type")
        raw_name = obj.get("name")
        name = raw_name if isinstance(raw_name, str) else None
        if not isinstance(kind, str):
            raise MalformedTransformError(
                "the field 'type' is missing or not a string", name=name, json_path=json_path
            )
        meta: dict[str, Any] = {
            "name": name,
            "input": CoordinateSystemRef.from_json(obj.get("input")),
            "output": CoordinateSystemRef.from_json(obj.get("output")),
            "json_path": json_path,
        }
        context = _Context(kind, name, json_path, obj)
        builder = getattr(self, f"_build_{kind}", None)
        if builder is None:
            raise context.malformed(
                f"unknown transformation type {kind!r} (known: {', '.join(TRANSFORM_TYPES)})"
            )
        result: Transform = builder(context, meta)
        return result

    # -- one builder per type -----------------------------------------------------------------

    def _build_identity(self, ctx: _Context, meta: dict[str, Any]) -> Transform:
        return Identity(**meta)

    def _build_mapAxis(self, ctx: _Context, meta: dict[str, Any]) -> Transform:  # noqa: N802
        return MapAxis(ctx.integers("mapAxis"), **meta)

    def _build_projectAxis(self, ctx: _Context, meta: dict[str, Any]) -> Transform:  # noqa: N802
        dropped = ctx.integers("droppedInputs", required=False)
        created = ctx.integers("createdOutputs", required=False)
        return ProjectAxis(dropped, created, **meta)

    def _build_translation(self, ctx: _Context, meta: dict[str, Any]) -> Transform:
        return self._parametrised(ctx, meta, Translation, "translation")

    def _build_scale(self, ctx: _Context, meta: dict[str, Any]) -> Transform:
        return self._parametrised(ctx, meta, Scale, "scale")

    def _build_affine(self, ctx: _Context, meta: dict[str, Any]) -> Transform:
        return self._parametrised(ctx, meta, Affine, "affine")

    def _build_rotation(self, ctx: _Context, meta: dict[str, Any]) -> Transform:
        return self._parametrised(ctx, meta, Rotation, "rotation")

    def _build_sequence(self, ctx: _Context, meta: dict[str, Any]) -> Transform:
        members = ctx.array("transformations")
        return Sequence(
            [
                self.transform(member, f"{ctx.json_path}/transformations/{index}")
                for index, member in enumerate(members)
            ],
            **meta,
        )

    def _build_bijection(self, ctx: _Context, meta: dict[str, Any]) -> Transform:
        parts = {}
        for role in ("forward", "inverse"):
            if role not in ctx.obj:
                raise ctx.malformed(f"the field {role!r} is missing")
            parts[role] = self.transform(ctx.obj[role], f"{ctx.json_path}/{role}")
        forward, inverse = parts["forward"], parts["inverse"]
        # Omitted input/output of the parts are the bijection's (inverse: the other way round).
        forward.input = forward.input or meta["input"]
        forward.output = forward.output or meta["output"]
        inverse.input = inverse.input or meta["output"]
        inverse.output = inverse.output or meta["input"]
        return Bijection(forward, inverse, **meta)

    def _build_byDimension(self, ctx: _Context, meta: dict[str, Any]) -> Transform:  # noqa: N802
        items = []
        for index, item in enumerate(ctx.array("transformations")):
            where = f"{ctx.json_path}/transformations/{index}"
            if not isinstance(item, Mapping):
                raise ctx.malformed(
                    f"{where} must be an object with transformation, inputAxes, outputAxes"
                )
            item_ctx = _Context(ctx.kind, ctx.name, where, item)
            if "transformation" not in item:
                raise item_ctx.malformed("the field 'transformation' is missing")
            child = self.transform(item["transformation"], f"{where}/transformation")
            items.append(
                AxesMapping(
                    child,
                    tuple(item_ctx.integers("inputAxes")),
                    tuple(item_ctx.integers("outputAxes")),
                )
            )
        return ByDimension(items, **meta)

    def _build_coordinates(self, ctx: _Context, meta: dict[str, Any]) -> Transform:
        return self._field(ctx, meta, Coordinates)

    def _build_displacements(self, ctx: _Context, meta: dict[str, Any]) -> Transform:
        return self._field(ctx, meta, Displacements)

    # -- shared parts -------------------------------------------------------------------------

    def _parametrised(
        self,
        ctx: _Context,
        meta: dict[str, Any],
        cls: type[Translation | Scale | Affine | Rotation],
        key: str,
    ) -> Transform:
        path = ctx.obj.get("path")
        if key in ctx.obj and path is not None:
            raise ctx.malformed(
                f"both {key!r} and 'path' are given: parameters must be one of them"
            )
        if key in ctx.obj:
            value = ctx.obj[key]
            if cls.parameter_ndim == 1:
                ctx.check_numbers(key, value)
            else:
                ctx.check_matrix(key, value)
            return cls(value, **meta)
        if not isinstance(path, str) or not path:
            raise ctx.malformed(
                f"the field {key!r} (or a 'path' to a zarr array holding it) is missing"
            )
        if self.resolver is None:
            return cls(None, path=path, **meta)
        data = self._resolve(ctx, path)
        if isinstance(data, SampledField):
            raise ctx.malformed(f"the data at path {path!r} is a field, not {key} parameters")
        return cls(np.asarray(data), path=path, **meta)

    def _field(
        self, ctx: _Context, meta: dict[str, Any], cls: type[Coordinates | Displacements]
    ) -> Transform:
        path = ctx.obj.get("path")
        if not isinstance(path, str) or not path:
            raise ctx.malformed("the field 'path' (the location of the field) is missing")
        interpolation = ctx.obj.get("interpolation", "linear")
        if not isinstance(interpolation, str):
            raise ctx.malformed("the field 'interpolation' must be a string")
        field = None
        if self.resolver is not None:
            data = self._resolve(ctx, path)
            try:
                field = data if isinstance(data, SampledField) else SampledField(np.asarray(data))
            except ValueError as exc:
                raise ctx.malformed(f"the data at path {path!r} is no field: {exc}") from exc
        return cls(path, field, interpolation=interpolation, **meta)

    def _resolve(self, ctx: _Context, path: str) -> Any:
        assert self.resolver is not None
        try:
            return self.resolver(path)
        except TransformError:
            raise
        except Exception as exc:
            raise UnresolvedParameterError(
                f"the resolver could not give the data at path {path!r}: {exc}",
                path=path,
                transform_type=ctx.kind,
                name=ctx.name,
                json_path=ctx.json_path,
            ) from exc


class _Context:
    """The object being parsed, to read fields from and to name in errors."""

    def __init__(
        self,
        kind: str,
        name: str | None,
        json_path: str,
        obj: Mapping[str, Any],
    ) -> None:
        self.kind = kind
        self.name = name
        self.json_path = json_path
        self.obj = obj

    def malformed(self, problem: str) -> MalformedTransformError:
        return MalformedTransformError(
            problem, transform_type=self.kind, name=self.name, json_path=self.json_path
        )

    def array(self, key: str) -> list[Any]:
        value = self.obj.get(key)
        if not isinstance(value, list):
            raise self.malformed(f"the field {key!r} must be an array")
        if not value:
            raise self.malformed(f"the field {key!r} must not be empty")
        return value

    def integers(self, key: str, *, required: bool = True) -> list[int]:
        if key not in self.obj and not required:
            return []
        value = self.obj.get(key)
        if not isinstance(value, list) or not all(
            isinstance(v, int) and not isinstance(v, bool) for v in value
        ):
            raise self.malformed(f"the field {key!r} must be an array of integers, got {value!r}")
        return list(value)

    def check_numbers(self, key: str, value: Any) -> None:
        if not isinstance(value, list) or not value or not all(_is_number(v) for v in value):
            raise self.malformed(
                f"the field {key!r} must be a non-empty array of numbers, got {value!r}"
            )

    def check_matrix(self, key: str, value: Any) -> None:
        if (
            not isinstance(value, list)
            or not value
            or not all(
                isinstance(row, list) and row and all(_is_number(v) for v in row) for row in value
            )
        ):
            raise self.malformed(
                f"the field {key!r} must be a matrix: a non-empty array of rows of numbers, got {value!r}"
            )
        lengths = sorted({len(row) for row in value})
        if len(lengths) > 1:
            raise self.malformed(f"the rows of {key!r} differ in length ({lengths})")


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)
