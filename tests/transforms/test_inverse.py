"""Inverses: apply then inverse gives the points back; types without one raise NotInvertibleError."""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pytest
from numpy.testing import assert_allclose

from omezarr_models.errors import OmeZarrError
from omezarr_models.transforms import (
    AxesMapping,
    ByDimension,
    CoordinateSystemRef,
    Identity,
    NotInvertibleError,
    SampledField,
    Scale,
    Sequence,
    TransformError,
    Translation,
    mapping_resolver,
    parse_transform,
)

POINTS_2D = np.array([[0.0, 0.0], [1.0, -2.0], [3.5, 7.25]])

INVERTIBLE = [
    {"type": "identity"},
    {"type": "mapAxis", "mapAxis": [1, 0]},
    {"type": "translation", "translation": [9, -1.42]},
    {"type": "scale", "scale": [2, 3.12]},
    {"type": "affine", "affine": [[1, 2, 3], [4, 5, 6]]},
    {"type": "rotation", "rotation": [[0, -1], [1, 0]]},
    {
        "type": "sequence",
        "transformations": [
            {"type": "translation", "translation": [0.1, 0.9]},
            {"type": "scale", "scale": [2, 3]},
            {"type": "affine", "affine": [[1, 1, 0], [0, 1, 5]]},
        ],
    },
    {
        "type": "byDimension",
        "transformations": [
            {
                "transformation": {"type": "translation", "translation": [-1.0]},
                "inputAxes": [1],
                "outputAxes": [1],
            },
            {
                "transformation": {"type": "scale", "scale": [2.0]},
                "inputAxes": [0],
                "outputAxes": [0],
            },
        ],
    },
    {
        "type": "bijection",
        "forward": {"type": "scale", "scale": [4, 4]},
        "inverse": {"type": "scale", "scale": [0.25, 0.25]},
    },
]


@pytest.mark.parametrize("metadata", INVERTIBLE, ids=lambda m: str(m["type"]))
def test_inverse_after_apply_gives_the_points_back(metadata: dict[str, Any]) -> None:
    t = parse_transform(metadata)
    assert t.is_invertible
    assert_allclose(t.inverse().apply(t.apply(POINTS_2D)), POINTS_2D, atol=1e-12)
    assert_allclose(t.apply(t.inverse().apply(POINTS_2D)), POINTS_2D, atol=1e-12)


def test_inverse_swaps_input_and_output_and_marks_the_name() -> None:
    t = parse_transform(
        {
            "type": "scale",
            "scale": [2.0],
            "name": "pixels",
            "input": {"name": "array"},
            "output": {"name": "physical", "path": "img"},
        }
    )
    inverse = t.inverse()
    assert inverse.input == CoordinateSystemRef("physical", "img")
    assert inverse.output == CoordinateSystemRef("array")
    assert inverse.name == "inverse of pixels"


def test_inverse_of_sequence_reverses_the_order() -> None:
    t = Sequence([Translation([1.0]), Scale([2.0])])
    inverse = t.inverse()
    assert isinstance(inverse, Sequence)
    assert [m.type for m in inverse.transformations] == ["scale", "translation"]
    # (y / 2) - 1
    assert_allclose(inverse.apply([6.0]), [2.0])


NOT_INVERTIBLE = [
    ({"type": "projectAxis", "droppedInputs": [0]}, "drops input axes [0]"),
    ({"type": "projectAxis", "createdOutputs": [0]}, "creates output axes [0]"),
    ({"type": "affine", "affine": [[1, 0, 0], [2, 3, 4], [5, 6, 7]]}, "maps 2 to 3 dimensions"),
    ({"type": "affine", "affine": [[1, 2, 0], [2, 4, 1]]}, "singular"),
    ({"type": "scale", "scale": [2, 0]}, "scale factor 0 on axes [1]"),
    (
        {
            "type": "sequence",
            "transformations": [
                {"type": "scale", "scale": [2, 2]},
                {"type": "projectAxis", "droppedInputs": [1]},
            ],
        },
        "projectAxis",
    ),
    (
        {
            "type": "byDimension",
            "transformations": [
                {
                    "transformation": {"type": "scale", "scale": [2.0]},
                    "inputAxes": [1],
                    "outputAxes": [0],
                },
            ],
        },
        "not each of the 1 axes exactly once",
    ),
    (
        {
            "type": "byDimension",
            "transformations": [
                {
                    "transformation": {"type": "scale", "scale": [0.0]},
                    "inputAxes": [0],
                    "outputAxes": [0],
                },
                {"transformation": {"type": "identity"}, "inputAxes": [1], "outputAxes": [1]},
            ],
        },
        "scale factor 0",
    ),
    ({"type": "coordinates", "path": "field"}, "coordinates transformations are not invertible"),
    (
        {"type": "displacements", "path": "field"},
        "displacements transformations are not invertible",
    ),
]


@pytest.mark.parametrize(("metadata", "why"), NOT_INVERTIBLE, ids=lambda v: str(v))
def test_types_without_inverse_raise(metadata: dict[str, Any], why: str) -> None:
    field = SampledField(np.zeros((2, 3, 3)))
    t = parse_transform(metadata, resolver=mapping_resolver({"field": field}))
    assert not t.is_invertible
    with pytest.raises(NotInvertibleError, match=re.escape(why)) as info:
        t.inverse()
    assert isinstance(info.value, TransformError)
    assert isinstance(info.value, OmeZarrError)


def test_not_invertible_error_names_the_member_of_a_sequence() -> None:
    t = parse_transform(
        {
            "type": "sequence",
            "transformations": [
                {"type": "identity"},
                {"type": "projectAxis", "name": "flatten", "droppedInputs": [0]},
            ],
        },
        json_path="/coordinateTransformations/3",
    )
    with pytest.raises(NotInvertibleError) as info:
        t.inverse()
    assert info.value.transform_type == "projectAxis"
    assert info.value.name == "flatten"
    assert info.value.json_path == "/coordinateTransformations/3/transformations/1"
    assert "projectAxis 'flatten' at /coordinateTransformations/3/transformations/1" in str(
        info.value
    )


def test_coordinates_inside_a_bijection_are_invertible() -> None:
    forward = SampledField(
        np.stack([np.array([[0.0, 0.0], [2.0, 2.0]]), np.array([[0.0, 2.0], [0.0, 2.0]])])
    )
    backward = SampledField(
        np.stack([np.array([[0.0, 0.0], [0.5, 0.5]]), np.array([[0.0, 0.5], [0.0, 0.5]])])
    )
    t = parse_transform(
        {
            "type": "bijection",
            "forward": {"type": "coordinates", "path": "fwd"},
            "inverse": {"type": "coordinates", "path": "inv"},
        },
        resolver=mapping_resolver({"fwd": forward, "inv": backward}),
    )
    # forward doubles coordinates on the grid [0, 1]^2, inverse halves them on [0, 1]^2
    assert_allclose(t.apply([0.5, 0.25]), [1.0, 0.5])
    assert_allclose(t.inverse().apply([1.0, 0.5]), [0.5, 0.25])


def test_identity_inside_by_dimension_is_inverted() -> None:
    t = ByDimension([AxesMapping(Identity(), (0, 1), (1, 0))])
    assert_allclose(t.inverse().apply(t.apply([1.0, 2.0])), [1.0, 2.0])
