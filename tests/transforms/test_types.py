"""Every transformation type against values computed by hand."""

from __future__ import annotations

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal

from omezarr_models.transforms import (
    Affine,
    AxesMapping,
    Bijection,
    ByDimension,
    Identity,
    MapAxis,
    ProjectAxis,
    Rotation,
    Scale,
    Sequence,
    Translation,
    parse_transform,
)


def test_identity_keeps_points_of_any_dimension() -> None:
    t = parse_transform({"type": "identity"})
    assert isinstance(t, Identity)
    assert_array_equal(t.apply([[1.0, 2.0], [3.0, 4.0]]), [[1.0, 2.0], [3.0, 4.0]])
    assert_array_equal(t.apply([7.0, 8.0, 9.0]), [7.0, 8.0, 9.0])


def test_identity_returns_a_copy() -> None:
    points = np.array([[1.0, 2.0]])
    out = Identity().apply(points)
    out[0, 0] = 99.0
    assert points[0, 0] == 1.0


def test_map_axis_swaps_two_axes() -> None:
    t = parse_transform({"type": "mapAxis", "mapAxis": [1, 0]})
    # output y = input i (axis 1), output x = input j (axis 0)
    assert_array_equal(t.apply([[1.0, 2.0], [5.0, -3.0]]), [[2.0, 1.0], [-3.0, 5.0]])


def test_map_axis_cyclic_permutation_of_three() -> None:
    t = parse_transform({"type": "mapAxis", "mapAxis": [2, 0, 1]})
    # output[0] = input[2], output[1] = input[0], output[2] = input[1]
    assert_array_equal(t.apply([1.0, 2.0, 3.0]), [3.0, 1.0, 2.0])
    assert isinstance(t.inverse(), MapAxis)
    assert t.inverse().map_axis == (1, 2, 0)
    assert_array_equal(t.inverse().apply([3.0, 1.0, 2.0]), [1.0, 2.0, 3.0])


def test_project_axis_drops_an_input() -> None:
    t = parse_transform({"type": "projectAxis", "droppedInputs": [1]})
    assert_array_equal(t.apply([[5.0, 6.0, 7.0], [1.0, 2.0, 3.0]]), [[5.0, 7.0], [1.0, 3.0]])


def test_project_axis_creates_zero_outputs_at_given_positions() -> None:
    t = parse_transform({"type": "projectAxis", "createdOutputs": [0, 3]})
    assert_array_equal(t.apply([1.0, 2.0]), [0.0, 1.0, 2.0, 0.0])


def test_project_axis_drops_and_creates() -> None:
    t = parse_transform({"type": "projectAxis", "droppedInputs": [0], "createdOutputs": [2]})
    # (c=9, y=1, x=2): c dropped, y and x fill outputs 0 and 1, output 2 is new
    assert_array_equal(t.apply([9.0, 1.0, 2.0]), [1.0, 2.0, 0.0])


def test_translation() -> None:
    t = parse_transform({"type": "translation", "translation": [1, -2, 0.5]})
    assert isinstance(t, Translation)
    assert_allclose(
        t.apply([[1.0, 1.0, 1.0], [0.0, 0.0, 0.0]]), [[2.0, -1.0, 1.5], [1.0, -2.0, 0.5]]
    )


def test_scale() -> None:
    t = parse_transform({"type": "scale", "scale": [2, 0.5]})
    assert isinstance(t, Scale)
    assert_allclose(t.apply([3.0, 4.0]), [6.0, 2.0])
    assert_allclose(t.apply([[-1.0, 10.0]]), [[-2.0, 5.0]])


def test_affine_with_shear_and_translation() -> None:
    # y' = 1*y + 0.5*x + 10 ; x' = 0*y + 1*x - 3
    t = parse_transform({"type": "affine", "affine": [[1, 0.5, 10], [0, 1, -3]]})
    assert isinstance(t, Affine)
    assert_allclose(t.apply([2.0, 4.0]), [14.0, 1.0])
    assert_allclose(t.apply([[0.0, 0.0], [1.0, -2.0]]), [[10.0, -3.0], [10.0, -5.0]])


def test_affine_inverse_undoes_the_shear_by_hand() -> None:
    t = parse_transform({"type": "affine", "affine": [[1, 0.5, 10], [0, 1, -3]]})
    inverse = t.inverse()
    assert isinstance(inverse, Affine)
    # A^-1 = [[1, -0.5], [0, 1]], offset -A^-1 b = -(10 - 0.5 * -3, -3) = (-11.5, 3)
    assert_allclose(inverse.matrix, [[1.0, -0.5, -11.5], [0.0, 1.0, 3.0]])
    assert_allclose(inverse.apply([14.0, 1.0]), [2.0, 4.0])


def test_affine_two_to_three_dimensions() -> None:
    # z = 1*i + 0*j + 0 ; y = 2*i + 3*j + 4 ; x = 5*i + 6*j + 7
    t = parse_transform({"type": "affine", "affine": [[1, 0, 0], [2, 3, 4], [5, 6, 7]]})
    assert t.input_ndim == 2
    assert t.output_ndim == 3
    assert_allclose(t.apply([1.0, 2.0]), [1.0, 12.0, 24.0])


def test_affine_homogeneous_matrix_adds_the_last_row() -> None:
    t = parse_transform({"type": "affine", "affine": [[1, 2, 3], [4, 5, 6]]})
    assert isinstance(t, Affine)
    assert_array_equal(t.homogeneous(), [[1, 2, 3], [4, 5, 6], [0, 0, 1]])


def test_rotation_by_90_degrees_in_2d() -> None:
    t = parse_transform({"type": "rotation", "rotation": [[0, -1], [1, 0]]})
    assert isinstance(t, Rotation)
    # first output = -second input ; second output = first input
    assert_allclose(
        t.apply([[1.0, 0.0], [0.0, 1.0], [2.0, 3.0]]), [[0.0, 1.0], [-1.0, 0.0], [-3.0, 2.0]]
    )


def test_rotation_about_the_first_axis_in_3d() -> None:
    # axes (z, y, x): rotate the y-x plane by 90 degrees, z unchanged
    t = parse_transform({"type": "rotation", "rotation": [[1, 0, 0], [0, 0, -1], [0, 1, 0]]})
    assert_allclose(t.apply([5.0, 1.0, 0.0]), [5.0, 0.0, 1.0])
    assert_allclose(t.apply([5.0, 0.0, 1.0]), [5.0, -1.0, 0.0])


def test_rotation_by_30_degrees() -> None:
    c, s = np.sqrt(3) / 2, 0.5
    t = parse_transform({"type": "rotation", "rotation": [[c, -s], [s, c]]})
    assert_allclose(t.apply([2.0, 0.0]), [np.sqrt(3), 1.0])
    assert_allclose(t.inverse().apply([np.sqrt(3), 1.0]), [2.0, 0.0], atol=1e-12)


def test_sequence_applies_in_order() -> None:
    t = parse_transform(
        {
            "type": "sequence",
            "transformations": [
                {"type": "translation", "translation": [1, 2]},
                {"type": "scale", "scale": [3, 4]},
            ],
        }
    )
    assert isinstance(t, Sequence)
    # (p + (1, 2)) * (3, 4)
    assert_allclose(t.apply([[0.0, 0.0], [1.0, 1.0]]), [[3.0, 8.0], [6.0, 12.0]])


def test_sequence_order_matters() -> None:
    t = parse_transform(
        {
            "type": "sequence",
            "transformations": [
                {"type": "scale", "scale": [3, 4]},
                {"type": "translation", "translation": [1, 2]},
            ],
        }
    )
    # p * (3, 4) + (1, 2)
    assert_allclose(t.apply([1.0, 1.0]), [4.0, 6.0])


def test_sequence_changing_dimension() -> None:
    t = parse_transform(
        {
            "type": "sequence",
            "transformations": [
                {"type": "projectAxis", "droppedInputs": [0]},
                {"type": "scale", "scale": [2, 3]},
                {"type": "mapAxis", "mapAxis": [1, 0]},
            ],
        }
    )
    # (c, y, x) = (7, 1, 2) -> (1, 2) -> (2, 6) -> (6, 2)
    assert_allclose(t.apply([7.0, 1.0, 2.0]), [6.0, 2.0])


def test_sequence_then_builds_a_composition() -> None:
    first = Translation([1.0, 1.0])
    composed = first.then(Scale([2.0, 10.0]))
    assert isinstance(composed, Sequence)
    assert_allclose(composed.apply([0.0, 1.0]), [2.0, 20.0])


def test_by_dimension_over_subsets_of_axes() -> None:
    t = parse_transform(
        {
            "type": "byDimension",
            "transformations": [
                {
                    "transformation": {"type": "scale", "scale": [2]},
                    "inputAxes": [0],
                    "outputAxes": [0],
                },
                {
                    "transformation": {"type": "rotation", "rotation": [[0, -1], [1, 0]]},
                    "inputAxes": [2, 1],
                    "outputAxes": [1, 2],
                },
            ],
        }
    )
    assert isinstance(t, ByDimension)
    # (z, y, x) = (1, 3, 5): z' = 2 * 1 ; rotation of (x, y) = (5, 3) -> (-3, 5) into (y', x')
    assert_allclose(t.apply([1.0, 3.0, 5.0]), [2.0, -3.0, 5.0])
    assert_allclose(t.inverse().apply([2.0, -3.0, 5.0]), [1.0, 3.0, 5.0])


def test_by_dimension_can_leave_an_input_axis_out() -> None:
    t = ByDimension(
        [
            AxesMapping(Translation([0.5, 1.5]), (3, 2), (1, 2)),
            AxesMapping(Scale([2.0]), (1,), (0,)),
        ]
    )
    # (l, j, k, i) = (1, 2, 3, 4): z = 2*j, y = i + 0.5, x = k + 1.5 ; l unused
    assert_allclose(t.apply([1.0, 2.0, 3.0, 4.0]), [4.0, 4.5, 4.5])
    assert t.output_ndim == 3


def test_by_dimension_with_identity_items() -> None:
    t = ByDimension(
        [
            AxesMapping(Identity(), (0,), (1,)),
            AxesMapping(Identity(), (1,), (0,)),
        ]
    )
    assert_allclose(t.apply([[1.0, 2.0]]), [[2.0, 1.0]])


def test_bijection_applies_forward_and_inverts_to_its_declared_inverse() -> None:
    # Deliberately inconsistent halves show which one is used.
    t = parse_transform(
        {
            "type": "bijection",
            "forward": {"type": "scale", "scale": [2, 2]},
            "inverse": {"type": "translation", "translation": [-1, -1]},
            "input": {"name": "a"},
            "output": {"name": "b"},
        }
    )
    assert isinstance(t, Bijection)
    assert_allclose(t.apply([1.0, 3.0]), [2.0, 6.0])
    inverse = t.inverse()
    assert isinstance(inverse, Bijection)
    assert_allclose(inverse.apply([1.0, 3.0]), [0.0, 2.0])
    assert_allclose(inverse.inverse().apply([1.0, 3.0]), [2.0, 6.0])


def test_bijection_parts_take_its_input_and_output_when_omitted() -> None:
    t = parse_transform(
        {
            "type": "bijection",
            "forward": {"type": "identity"},
            "inverse": {"type": "identity"},
            "input": {"name": "src"},
            "output": {"name": "tgt"},
        }
    )
    assert isinstance(t, Bijection)
    assert (t.forward.input, t.forward.output) == (t.input, t.output)
    assert (t.backward.input, t.backward.output) == (t.output, t.input)
    assert t.input is not None
    assert t.input.name == "src"


def test_single_point_and_point_arrays_agree() -> None:
    t = parse_transform({"type": "affine", "affine": [[0, 1, 1], [1, 0, -1]]})
    single = t.apply([3.0, 4.0])
    batch = t.apply([[3.0, 4.0]])
    assert single.shape == (2,)
    assert batch.shape == (1, 2)
    assert_array_equal(single, batch[0])
    assert_allclose(single, [5.0, 2.0])


def test_empty_point_array_keeps_its_shape() -> None:
    t = Scale([1.0, 2.0])
    assert t.apply(np.zeros((0, 2))).shape == (0, 2)


def test_integer_points_give_float_results() -> None:
    out = Scale([0.5]).apply([[3]])
    assert out.dtype == np.float64
    assert_array_equal(out, [[1.5]])


def test_call_is_apply() -> None:
    t = Translation([1.0])
    assert_array_equal(t([2.0]), [3.0])


@pytest.mark.parametrize(
    ("transform", "ndims"),
    [
        (Identity(), (None, None)),
        (MapAxis([1, 0, 2]), (3, 3)),
        (ProjectAxis([0], [1]), (None, None)),
        (Scale([1.0, 2.0]), (2, 2)),
        (Affine([[1.0, 0.0, 0.0, 1.0], [0.0, 1.0, 0.0, 1.0]]), (3, 2)),
        (Rotation(np.eye(4)), (4, 4)),
    ],
)
def test_dimensions_known_from_parameters(
    transform: Identity, ndims: tuple[int | None, int | None]
) -> None:
    assert (transform.input_ndim, transform.output_ndim) == ndims
