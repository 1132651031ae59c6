"""Typed errors that name the transformation (type, name, JSON path) and say what is wrong."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from omezarr_models.errors import OmeZarrError
from omezarr_models.transforms import (
    Affine,
    DimensionMismatchError,
    MalformedTransformError,
    Scale,
    TransformError,
    UnresolvedParameterError,
    mapping_resolver,
    parse_transform,
    parse_transforms,
)

MALFORMED = [
    ({"scale": [1]}, "the field 'type' is missing"),
    ({"type": "shear"}, "unknown transformation type 'shear'"),
    ({"type": "scale"}, "the field 'scale' (or a 'path' to a zarr array holding it) is missing"),
    ({"type": "scale", "scale": []}, "non-empty array of numbers"),
    ({"type": "scale", "scale": ["1", 2]}, "non-empty array of numbers"),
    ({"type": "scale", "scale": [True, 2]}, "non-empty array of numbers"),
    ({"type": "translation", "translation": 3}, "non-empty array of numbers"),
    ({"type": "translation", "translation": [1], "path": "t"}, "both 'translation' and 'path'"),
    (
        {"type": "affine", "affine": [[1, 2, 3], [4, 5]]},
        "the rows of 'affine' differ in length ([2, 3])",
    ),
    ({"type": "affine", "affine": [1, 2, 3]}, "must be a matrix"),
    ({"type": "affine", "affine": [[1], [2]]}, "must have N+1 >= 2 columns"),
    ({"type": "rotation", "rotation": [[1, 0, 0], [0, 1, 0]]}, "must be N x N, got 2x3"),
    ({"type": "rotation", "rotation": [[1, 1], [0, 1]]}, "not orthonormal"),
    ({"type": "rotation", "rotation": [[1, 0], [0, -1]]}, "determinant -1"),
    ({"type": "mapAxis", "mapAxis": [0, 0]}, "not a permutation of 0..1"),
    ({"type": "mapAxis", "mapAxis": [1, 2]}, "not a permutation"),
    ({"type": "mapAxis", "mapAxis": [0.0, 1.0]}, "array of integers"),
    ({"type": "projectAxis", "droppedInputs": [1, 1]}, "droppedInputs [1, 1] repeats an index"),
    ({"type": "projectAxis", "createdOutputs": [-1]}, "negative index"),
    ({"type": "sequence", "transformations": []}, "must not be empty"),
    ({"type": "sequence"}, "'transformations' must be an array"),
    ({"type": "bijection", "forward": {"type": "identity"}}, "the field 'inverse' is missing"),
    (
        {
            "type": "bijection",
            "forward": {"type": "scale", "scale": [1, 1]},
            "inverse": {"type": "scale", "scale": [1, 1, 1]},
        },
        "takes 2 coordinates, the other gives 3",
    ),
    (
        {"type": "byDimension", "transformations": [{"inputAxes": [0], "outputAxes": [0]}]},
        "'transformation' is missing",
    ),
    (
        {
            "type": "byDimension",
            "transformations": [{"transformation": {"type": "identity"}, "outputAxes": [0]}],
        },
        "'inputAxes' must be an array of integers",
    ),
    (
        {
            "type": "byDimension",
            "transformations": [
                {
                    "transformation": {"type": "scale", "scale": [2, 3]},
                    "inputAxes": [0],
                    "outputAxes": [0],
                }
            ],
        },
        "inputAxes [0] has 1 axes, its scale takes 2",
    ),
    (
        {
            "type": "byDimension",
            "transformations": [
                {"transformation": {"type": "identity"}, "inputAxes": [0], "outputAxes": [1]},
            ],
        },
        "outputAxes [1] do not exist",
    ),
    ({"type": "displacements"}, "the field 'path' (the location of the field) is missing"),
    ({"type": "coordinates", "path": "f", "interpolation": 3}, "'interpolation' must be a string"),
]


@pytest.mark.parametrize(("metadata", "problem"), MALFORMED, ids=lambda v: str(v)[:60])
def test_malformed_metadata_raises_a_typed_error(metadata: dict[str, Any], problem: str) -> None:
    with pytest.raises(MalformedTransformError) as info:
        parse_transform(metadata, json_path="/coordinateTransformations/0")
    assert problem in str(info.value)
    assert isinstance(info.value, TransformError)
    assert isinstance(info.value, OmeZarrError)
    assert info.value.json_path.startswith("/coordinateTransformations/0")


def test_error_names_type_name_and_json_path() -> None:
    with pytest.raises(MalformedTransformError) as info:
        parse_transforms(
            [
                {"type": "identity"},
                {"type": "rotation", "name": "tilt", "rotation": [[2, 0], [0, 2]]},
            ],
            json_path="/multiscales/0/coordinateTransformations",
        )
    error = info.value
    assert error.transform_type == "rotation"
    assert error.name == "tilt"
    assert error.json_path == "/multiscales/0/coordinateTransformations/1"
    assert str(error).startswith("rotation 'tilt' at /multiscales/0/coordinateTransformations/1: ")


def test_nested_errors_point_into_the_wrapper() -> None:
    with pytest.raises(MalformedTransformError) as info:
        parse_transform(
            {
                "type": "byDimension",
                "transformations": [
                    {
                        "transformation": {"type": "scale", "scale": [2]},
                        "inputAxes": [0],
                        "outputAxes": [0],
                    },
                    {
                        "transformation": {"type": "mapAxis", "mapAxis": [3]},
                        "inputAxes": [1],
                        "outputAxes": [1],
                    },
                ],
            },
            json_path="/scene/coordinateTransformations/2",
        )
    assert (
        info.value.json_path
        == "/scene/coordinateTransformations/2/transformations/1/transformation"
    )


def test_not_a_json_object() -> None:
    with pytest.raises(MalformedTransformError, match="must be a JSON object, got list"):
        parse_transform([1, 2])
    with pytest.raises(MalformedTransformError, match="must be an array, got dict"):
        parse_transforms({"type": "identity"})


@pytest.mark.parametrize(
    ("points", "message"),
    [
        ([[1.0, 2.0, 3.0]], "points have 3 coordinates, the transformation takes 2"),
        ([1.0], "points have 1 coordinates, the transformation takes 2"),
        (np.zeros((2, 2, 2)), "not an array of shape (2, 2, 2)"),
        ([[1.0, 2.0], [3.0]], "not an array of numbers"),
        ([["a", "b"]], "not an array of numbers"),
    ],
)
def test_points_of_the_wrong_shape(points: Any, message: str) -> None:
    t = parse_transform({"type": "scale", "scale": [1, 2], "name": "px"}, json_path="/x")
    with pytest.raises(DimensionMismatchError) as info:
        t.apply(points)
    assert message in str(info.value)
    assert str(info.value).startswith("scale 'px' at /x: ")


def test_dimension_mismatch_carries_expected_and_actual() -> None:
    t = Affine([[1.0, 0.0, 0.0, 5.0]])
    with pytest.raises(DimensionMismatchError) as info:
        t.apply([[1.0, 2.0]])
    assert (info.value.expected, info.value.actual) == (3, 2)


def test_project_axis_index_beyond_the_points() -> None:
    t = parse_transform({"type": "projectAxis", "droppedInputs": [4]})
    with pytest.raises(
        DimensionMismatchError, match=r"droppedInputs \[4\] out of range for points of 2"
    ):
        t.apply([1.0, 2.0])
    t = parse_transform({"type": "projectAxis", "createdOutputs": [5]})
    with pytest.raises(DimensionMismatchError, match=r"createdOutputs \[5\] out of range"):
        t.apply([1.0, 2.0])


def test_by_dimension_input_axis_beyond_the_points() -> None:
    t = parse_transform(
        {
            "type": "byDimension",
            "transformations": [
                {"transformation": {"type": "identity"}, "inputAxes": [3], "outputAxes": [0]}
            ],
        }
    )
    with pytest.raises(
        DimensionMismatchError, match="inputAxes refer to axis 3, the points have 2"
    ):
        t.apply([1.0, 2.0])


def test_unresolved_path_parameters() -> None:
    t = parse_transform({"type": "affine", "path": "coordinateTransformations/a", "name": "reg"})
    assert isinstance(t, Affine)
    assert not t.is_resolved
    assert not t.is_invertible
    with pytest.raises(UnresolvedParameterError) as info:
        t.apply([0.0, 0.0])
    assert info.value.path == "coordinateTransformations/a"
    assert "affine 'reg'" in str(info.value)


def test_resolved_path_parameters() -> None:
    resolver = mapping_resolver({"a": [[0.0, 1.0, 0.0], [1.0, 0.0, 2.0]], "s": [2.0, 4.0]})
    affine = parse_transform({"type": "affine", "path": "a"}, resolver=resolver)
    scale = parse_transform({"type": "scale", "path": "s"}, resolver=resolver)
    assert isinstance(scale, Scale)
    assert scale.path == "s"
    np.testing.assert_allclose(affine.apply([1.0, 2.0]), [2.0, 3.0])
    np.testing.assert_allclose(scale.apply([1.0, 2.0]), [2.0, 8.0])


def test_resolver_failure_is_reported() -> None:
    with pytest.raises(UnresolvedParameterError, match="could not give the data at path 'missing'"):
        parse_transform({"type": "scale", "path": "missing"}, resolver=mapping_resolver({}))


def test_resolved_matrix_of_wrong_shape() -> None:
    resolver = mapping_resolver({"r": np.eye(3)[:2]})
    with pytest.raises(MalformedTransformError, match="must be N x N, got 2x3"):
        parse_transform({"type": "rotation", "path": "r"}, resolver=resolver)
    with pytest.raises(MalformedTransformError, match="must be a vector"):
        parse_transform({"type": "scale", "path": "r"}, resolver=resolver)


def test_parameters_must_be_finite() -> None:
    with pytest.raises(MalformedTransformError, match="NaN or infinity"):
        Scale([1.0, float("nan")])


def test_models_with_to_json_dict_are_accepted() -> None:
    class Model:
        def to_json_dict(self) -> dict[str, Any]:
            return {
                "type": "translation",
                "translation": [1.0, 2.0],
                "input": "a",
                "output": {"name": "b"},
            }

    t = parse_transform(Model())
    np.testing.assert_allclose(t.apply([0.0, 0.0]), [1.0, 2.0])
    assert t.input is not None
    assert t.input.name == "a"
    assert parse_transforms([Model(), Model()])[1].json_path == "/1"
