"""Hypothesis properties: inverses undo, sequences compose, parsing agrees with the formulas."""

from __future__ import annotations

from typing import Any

import numpy as np
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from numpy.testing import assert_allclose

from omezarr_models.transforms import (
    AxesMapping,
    ByDimension,
    Displacements,
    SampledField,
    Sequence,
    Transform,
    parse_transform,
)

PROPS = settings(max_examples=100, deadline=None)

dims = st.integers(min_value=1, max_value=5)
coordinate = st.floats(min_value=-1e3, max_value=1e3, allow_nan=False, allow_infinity=False)
moderate = st.floats(min_value=-10, max_value=10, allow_nan=False, allow_infinity=False)
factor = st.floats(min_value=1e-2, max_value=1e2).flatmap(lambda v: st.sampled_from([v, -v]))


def points(ndim: int) -> st.SearchStrategy[np.ndarray]:
    return hnp.arrays(np.float64, st.tuples(st.integers(1, 8), st.just(ndim)), elements=coordinate)


@st.composite
def well_conditioned(draw: st.DrawFn, ndim: int) -> np.ndarray:
    matrix = draw(hnp.arrays(np.float64, (ndim, ndim), elements=moderate))
    singular = np.linalg.svd(matrix, compute_uv=False)
    assume(singular[-1] >= 0.1 and singular[0] / singular[-1] < 1e3)
    return matrix


@st.composite
def invertible_metadata(draw: st.DrawFn, ndim: int) -> dict[str, Any]:
    kind = draw(
        st.sampled_from(["scale", "translation", "affine", "rotation", "mapAxis", "identity"])
    )
    if kind == "scale":
        return {"type": "scale", "scale": draw(st.lists(factor, min_size=ndim, max_size=ndim))}
    if kind == "translation":
        return {
            "type": "translation",
            "translation": draw(st.lists(coordinate, min_size=ndim, max_size=ndim)),
        }
    if kind == "affine":
        linear = draw(well_conditioned(ndim))
        offset = draw(hnp.arrays(np.float64, (ndim, 1), elements=coordinate))
        return {"type": "affine", "affine": np.hstack([linear, offset]).tolist()}
    if kind == "rotation":
        q, r = np.linalg.qr(draw(well_conditioned(ndim)))
        q = q * np.sign(np.diag(r))
        if np.linalg.det(q) < 0:
            q[:, 0] = -q[:, 0]
        return {"type": "rotation", "rotation": q.tolist()}
    if kind == "mapAxis":
        return {"type": "mapAxis", "mapAxis": draw(st.permutations(list(range(ndim))))}
    return {"type": "identity"}


def close(actual: np.ndarray, expected: np.ndarray) -> None:
    scale = 1.0 + float(np.max(np.abs(expected), initial=0.0))
    assert_allclose(actual, expected, rtol=0, atol=1e-7 * scale)


@PROPS
@given(data=st.data(), ndim=dims)
def test_inverse_after_apply_is_the_identity(data: st.DataObject, ndim: int) -> None:
    t = parse_transform(data.draw(invertible_metadata(ndim)))
    p = data.draw(points(ndim))
    close(t.inverse().apply(t.apply(p)), p)


@PROPS
@given(data=st.data(), ndim=dims)
def test_sequence_is_its_members_one_after_another(data: st.DataObject, ndim: int) -> None:
    members = data.draw(st.lists(invertible_metadata(ndim), min_size=1, max_size=4))
    sequence = parse_transform({"type": "sequence", "transformations": members})
    p = data.draw(points(ndim))
    expected = p
    for member in members:
        expected = parse_transform(member).apply(expected)
    assert_allclose(sequence.apply(p), expected)
    close(sequence.inverse().apply(sequence.apply(p)), p)


@PROPS
@given(data=st.data(), ndim=dims)
def test_parsed_affine_is_matrix_times_point_plus_offset(data: st.DataObject, ndim: int) -> None:
    out_ndim = data.draw(dims)
    matrix = data.draw(hnp.arrays(np.float64, (out_ndim, ndim + 1), elements=moderate))
    p = data.draw(points(ndim))
    t = parse_transform({"type": "affine", "affine": matrix.tolist()})
    expected = np.array([matrix[:, :-1] @ row + matrix[:, -1] for row in p])
    assert_allclose(t.apply(p), expected, atol=1e-9)
    # in homogeneous coordinates too
    homogeneous = np.hstack([p, np.ones((len(p), 1))])
    assert_allclose(t.apply(p), homogeneous @ matrix.T, atol=1e-9)


@PROPS
@given(data=st.data(), ndim=dims)
def test_parsed_scale_and_translation_act_per_axis(data: st.DataObject, ndim: int) -> None:
    scale = data.draw(st.lists(factor, min_size=ndim, max_size=ndim))
    shift = data.draw(st.lists(coordinate, min_size=ndim, max_size=ndim))
    p = data.draw(points(ndim))
    for i in range(ndim):
        assert_allclose(
            parse_transform({"type": "scale", "scale": scale}).apply(p)[:, i], p[:, i] * scale[i]
        )
        assert_allclose(
            parse_transform({"type": "translation", "translation": shift}).apply(p)[:, i],
            p[:, i] + shift[i],
        )


@PROPS
@given(data=st.data(), ndim=st.integers(2, 5))
def test_by_dimension_equals_its_items_on_their_axes(data: st.DataObject, ndim: int) -> None:
    order = data.draw(st.permutations(list(range(ndim))))
    cut = data.draw(st.integers(1, ndim - 1))
    groups = [order[:cut], order[cut:]]
    targets = data.draw(st.permutations(list(range(ndim))))
    items, start = [], 0
    for group in groups:
        sub = data.draw(invertible_metadata(len(group)))
        out_axes = targets[start : start + len(group)]
        start += len(group)
        items.append(AxesMapping(parse_transform(sub), tuple(group), tuple(out_axes)))
    t = ByDimension(items)
    p = data.draw(points(ndim))
    result = t.apply(p)
    for item in items:
        assert_allclose(
            result[:, list(item.output_axes)],
            item.transformation.apply(p[:, list(item.input_axes)]),
        )
    close(t.inverse().apply(result), p)


@PROPS
@given(data=st.data(), ndim=dims)
def test_map_axis_output_i_is_input_map_axis_i(data: st.DataObject, ndim: int) -> None:
    permutation = data.draw(st.permutations(list(range(ndim))))
    p = data.draw(points(ndim))
    result = parse_transform({"type": "mapAxis", "mapAxis": permutation}).apply(p)
    for i, source in enumerate(permutation):
        assert_allclose(result[:, i], p[:, source])


@PROPS
@given(data=st.data(), ndim=st.integers(1, 3))
def test_linear_interpolation_reproduces_an_affine_field(data: st.DataObject, ndim: int) -> None:
    # A displacement field that is an affine function of the grid index is reproduced exactly by
    # multilinear interpolation anywhere between grid points.
    shape = tuple(data.draw(st.lists(st.integers(2, 4), min_size=ndim, max_size=ndim)))
    linear = data.draw(hnp.arrays(np.float64, (ndim, ndim), elements=moderate))
    offset = data.draw(hnp.arrays(np.float64, (ndim,), elements=moderate))
    grid = np.stack(
        np.meshgrid(*[np.arange(n, dtype=float) for n in shape], indexing="ij"), axis=-1
    )
    values = grid @ linear.T + offset
    t = Displacements("f", SampledField(values, vector_axis=-1))
    inside = st.tuples(*[st.floats(0, n - 1) for n in shape])
    p = np.array(data.draw(st.lists(inside, min_size=1, max_size=6)), dtype=float)
    assert_allclose(t.apply(p), p + p @ linear.T + offset, atol=1e-9)


@PROPS
@given(data=st.data(), ndim=st.integers(1, 3))
def test_nearest_on_grid_points_is_the_stored_vector(data: st.DataObject, ndim: int) -> None:
    shape = tuple(data.draw(st.lists(st.integers(1, 4), min_size=ndim, max_size=ndim)))
    values = data.draw(hnp.arrays(np.float64, (*shape, ndim), elements=moderate))
    index = data.draw(st.tuples(*[st.integers(0, n - 1) for n in shape]))
    jitter = data.draw(st.lists(st.floats(-0.49, 0.49), min_size=ndim, max_size=ndim))
    t = Displacements("f", SampledField(values, vector_axis=-1), interpolation="nearest")
    point = np.array(index, dtype=float) + jitter
    assert_allclose(t.vectors_at(point), values[index])
    linear = t.with_interpolation("linear")
    assert_allclose(linear.vectors_at(np.array(index, dtype=float)), values[index], atol=1e-12)


@PROPS
@given(data=st.data(), ndim=dims)
def test_then_composes_like_a_sequence(data: st.DataObject, ndim: int) -> None:
    first: Transform = parse_transform(data.draw(invertible_metadata(ndim)))
    second: Transform = parse_transform(data.draw(invertible_metadata(ndim)))
    p = data.draw(points(ndim))
    composed = first.then(second)
    assert isinstance(composed, Sequence)
    assert_allclose(composed.apply(p), second.apply(first.apply(p)))
