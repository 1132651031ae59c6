"""coordinates and displacements: lookup on grid points, nearest and linear interpolation by hand."""

from __future__ import annotations

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal

from omezarr_models.transforms import (
    Coordinates,
    Displacements,
    MalformedTransformError,
    OutsideFieldError,
    SampledField,
    Scale,
    UnresolvedParameterError,
    UnsupportedTransformError,
    mapping_resolver,
    parse_transform,
)

# A 2 x 3 grid (y: 2 rows, x: 3 columns) of 2-vectors (dy, dx), vector axis first as in the spec.
DY = [[0.0, 1.0, 2.0], [4.0, 5.0, 6.0]]
DX = [[0.0, 2.0, 4.0], [1.0, 3.0, 5.0]]
FIELD = np.array([DY, DX])


def displacements(interpolation: str | None = None, **field_options: object) -> Displacements:
    metadata: dict[str, object] = {"type": "displacements", "path": "field"}
    if interpolation is not None:
        metadata["interpolation"] = interpolation
    field = SampledField(FIELD, **field_options)  # type: ignore[arg-type]
    t = parse_transform(metadata, resolver=mapping_resolver({"field": field}))
    assert isinstance(t, Displacements)
    return t


def test_displacement_on_grid_points_is_looked_up() -> None:
    t = displacements()
    # (1, 2): dy = 6, dx = 5 ; (0, 1): dy = 1, dx = 2
    assert_allclose(t.apply([[1.0, 2.0], [0.0, 1.0]]), [[7.0, 7.0], [1.0, 3.0]])


def test_linear_is_the_default() -> None:
    assert displacements().interpolation == "linear"


def test_linear_interpolation_in_the_middle_of_four_grid_points() -> None:
    t = displacements("linear")
    # (0.5, 1.5): mean of (0,1), (0,2), (1,1), (1,2): dy = (1+2+5+6)/4 = 3.5, dx = (2+4+3+5)/4 = 3.5
    assert_allclose(t.vectors_at([0.5, 1.5]), [3.5, 3.5])
    assert_allclose(t.apply([0.5, 1.5]), [4.0, 5.0])


def test_linear_interpolation_along_one_grid_line() -> None:
    t = displacements("linear")
    # (0.25, 0): dy = 0.75*0 + 0.25*4 = 1, dx = 0.75*0 + 0.25*1 = 0.25
    assert_allclose(t.apply([0.25, 0.0]), [1.25, 0.25])
    # (1, 0.5): dy = (4+5)/2, dx = (1+3)/2
    assert_allclose(t.apply([1.0, 0.5]), [5.5, 2.5])


def test_linear_interpolation_with_unequal_weights() -> None:
    t = displacements("linear")
    # (0.25, 1.75): weights (0,1) .75*.25, (0,2) .75*.75, (1,1) .25*.25, (1,2) .25*.75
    dy = 0.1875 * 1 + 0.5625 * 2 + 0.0625 * 5 + 0.1875 * 6
    dx = 0.1875 * 2 + 0.5625 * 4 + 0.0625 * 3 + 0.1875 * 5
    assert_allclose(t.vectors_at([0.25, 1.75]), [dy, dx])
    assert_allclose([dy, dx], [2.75, 3.75])


def test_nearest_takes_the_vector_of_the_pixel_containing_the_point() -> None:
    t = displacements("nearest")
    # (0.4, 1.6) is in pixel (0, 2): dy = 2, dx = 4
    assert_allclose(t.apply([0.4, 1.6]), [2.4, 5.6])
    # pixels are [k - 0.5, k + 0.5): 0.5 belongs to pixel 1 -> (1, 1): dy = 5, dx = 3
    assert_allclose(t.apply([0.5, 0.5]), [5.5, 3.5])
    # -0.5 belongs to pixel 0
    assert_allclose(t.vectors_at([-0.5, -0.5]), [0.0, 0.0])


def test_linear_holds_the_edge_value_in_the_outer_half_pixel() -> None:
    t = displacements("linear")
    # (1.3, 0) is inside the extent [-0.5, 1.5) but beyond the last row: row 1 held: dy 4, dx 1
    assert_allclose(t.apply([1.3, 0.0]), [5.3, 1.0])
    assert_allclose(t.vectors_at([-0.4, 2.4]), [2.0, 4.0])


def test_points_outside_the_field_give_nan_by_default() -> None:
    t = displacements()
    out = t.apply([[2.0, 0.0], [0.0, 0.0], [0.0, -0.6]])
    assert np.isnan(out[0]).all()
    assert_array_equal(out[1], [0.0, 0.0])
    assert np.isnan(out[2]).all()


def test_points_outside_the_field_clamped_on_request() -> None:
    t = displacements().with_interpolation(out_of_bounds="clamp")
    # (2, 0) uses the vector at (1, 0): dy 4, dx 1
    assert_allclose(t.apply([2.0, 0.0]), [6.0, 1.0])


def test_points_outside_the_field_raise_on_request() -> None:
    t = displacements().with_interpolation(out_of_bounds="raise")
    with pytest.raises(
        OutsideFieldError, match=r"point \[5.0, 5.0\].*outside the field's grid of shape \[2, 3\]"
    ):
        t.apply([[0.0, 0.0], [5.0, 5.0]])


def test_spec_example_table_scale_two_grid() -> None:
    # The spec's displacement example: the field's dataset scale is 2, so physical (1, 0) is
    # field index (0.5, 0); vectors (1.0, 2.0) at (0, 0) and (0.5, 1.2) at (1, 0).
    values = np.zeros((2, 2, 2))
    values[:, 0, 0] = [1.0, 2.0]
    values[:, 1, 0] = [0.5, 1.2]
    field = SampledField(values, vector_axis=0, grid_to_input=Scale([2.0, 2.0]))
    t = Displacements("coordinateTransformations/displacementField", field)
    assert_allclose(
        t.vectors_at([[0.0, 0.0], [2.0, 0.0], [1.0, 0.0]]), [[1.0, 2.0], [0.5, 1.2], [0.75, 1.6]]
    )
    assert_allclose(t.apply([1.0, 0.0]), [1.75, 1.6])


def test_coordinates_give_the_interpolated_position() -> None:
    # vector at grid (i, j) = (i + j, 10 i, 100 j): a 2-D input mapped to 3-D output
    i, j = np.meshgrid([0.0, 1.0], [0.0, 1.0], indexing="ij")
    values = np.stack([i + j, 10 * i, 100 * j], axis=-1)
    t = parse_transform(
        {"type": "coordinates", "path": "c"},
        resolver=mapping_resolver({"c": SampledField(values, vector_axis=-1)}),
    )
    assert isinstance(t, Coordinates)
    assert t.input_ndim == 2
    assert t.output_ndim == 3
    assert_allclose(t.apply([0.5, 0.5]), [1.0, 5.0, 50.0])
    assert_allclose(t.apply([0.25, 0.75]), [1.0, 2.5, 75.0])
    nearest = t.with_interpolation("nearest")
    assert_allclose(nearest.apply([0.2, 0.7]), [1.0, 0.0, 100.0])


def test_bare_array_from_a_resolver_has_its_vector_axis_first() -> None:
    t = parse_transform(
        {"type": "displacements", "path": "f"}, resolver=mapping_resolver({"f": FIELD})
    )
    assert isinstance(t, Displacements)
    assert t.field.grid_shape == (2, 3)
    assert t.field.components == 2


def test_bspline_cubic_is_parsed_but_not_evaluated() -> None:
    t = displacements("bspline-cubic")
    assert t.interpolation == "bspline-cubic"
    with pytest.raises(UnsupportedTransformError, match="'bspline-cubic' is not implemented"):
        t.apply([0.0, 0.0])
    assert_allclose(t.with_interpolation("linear").apply([0.5, 1.5]), [4.0, 5.0])


def test_unresolved_field_raises_naming_the_path() -> None:
    t = parse_transform({"type": "displacements", "path": "coordinateTransformations/df"})
    with pytest.raises(UnresolvedParameterError, match="coordinateTransformations/df") as info:
        t.apply([0.0, 0.0])
    assert info.value.path == "coordinateTransformations/df"


def test_displacement_field_must_have_one_component_per_axis() -> None:
    bad = SampledField(np.zeros((3, 2, 2)))
    with pytest.raises(MalformedTransformError, match="vectors of 3 components for a 2-D grid"):
        parse_transform(
            {"type": "displacements", "path": "f"}, resolver=mapping_resolver({"f": bad})
        )


def test_field_points_of_wrong_dimension_raise() -> None:
    from omezarr_models.transforms import DimensionMismatchError

    t = displacements()
    with pytest.raises(
        DimensionMismatchError, match="points have 3 coordinates, the transformation takes 2"
    ):
        t.apply([0.0, 0.0, 0.0])


def test_field_grid_transform_must_be_invertible() -> None:
    field = SampledField(FIELD, grid_to_input=Scale([0.0, 1.0]))
    with pytest.raises(MalformedTransformError, match="grid transformation cannot be inverted"):
        Displacements("f", field)


def test_a_field_of_one_sample_along_an_axis() -> None:
    # grid 1 x 2: linear interpolation along the single row holds it
    values = np.array([[[1.0, 3.0]], [[0.0, 2.0]]])  # (components, 1, 2)
    t = Displacements("f", SampledField(values))
    assert_allclose(t.vectors_at([0.2, 0.5]), [2.0, 1.0])
