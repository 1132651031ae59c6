"""The spec's transformation examples (examples/0.6rc0/transformations), parsed and evaluated.

Expected values follow the normative text: points and parameter vectors are in the axis order of
the coordinate systems, and matrices act on column vectors whose first entry is the first axis
("Matrix transformations"). Where the example's prose disagrees with that (noted below) the
normative reading is tested.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
from numpy.testing import assert_allclose

from omezarr_models.transforms import (
    Bijection,
    Coordinates,
    CoordinateSystemRef,
    MalformedTransformError,
    NoPathError,
    NotInvertibleError,
    SampledField,
    Scale,
    Transform,
    TransformGraph,
    UnresolvedParameterError,
    mapping_resolver,
    parse_transform,
    parse_transforms,
    zarr_resolver,
)
from tests.conftest import SPEC_DIR, load_spec_example

EXAMPLES = SPEC_DIR / "examples" / "0.6rc0" / "transformations"


def example(name: str) -> dict[str, Any]:
    return load_spec_example(EXAMPLES / name)


def transforms_of(name: str) -> list[Transform]:
    return parse_transforms(
        example(name)["coordinateTransformations"], json_path="/coordinateTransformations"
    )


def only(name: str) -> Transform:
    (transform,) = transforms_of(name)
    return transform


def test_identity() -> None:
    # in (j, i) -> out (y, x): y = j, x = i
    assert_allclose(only("identity.json").apply([3.0, 4.0]), [3.0, 4.0])


def test_map_axis() -> None:
    same, permutation = transforms_of("mapAxis1.json")
    assert same.name == "equivalent to identity"
    assert same.input is not None  # "input": "in" (a bare name in this example)
    assert same.input.name == "in"
    assert_allclose(same.apply([3.0, 4.0]), [3.0, 4.0])
    # in (j, i) -> out2 (y, x): x = j, y = i
    assert_allclose(permutation.apply([3.0, 4.0]), [4.0, 3.0])


def test_project_axis_adds_two_dimensions() -> None:
    # in (i, j) -> out (c, z, y, x): c = 0, z = 0, y = i, x = j
    assert_allclose(only("projectAxis.json").apply([3.0, 4.0]), [0.0, 0.0, 3.0, 4.0])


def test_project_axis_adds_and_drops() -> None:
    # in (c, i, j) -> out (z, y, x): z = 0, y = i, x = j
    assert_allclose(only("projectAxis2.json").apply([9.0, 3.0, 4.0]), [0.0, 3.0, 4.0])


def test_translation() -> None:
    # translation [9, -1.42] on in (j, i) -> out (y, x): y = j + 9, x = i - 1.42.
    # (The prose says "x = i + 9, y = j - 1.42", pairing the first value with the last axis;
    # the text's rule "the indexes of axis dimensions correspond to indexes into parameter arrays"
    # pairs it with the first axis, j -> y.)
    assert_allclose(only("translation.json").apply([1.0, 2.0]), [10.0, 0.58])


def test_scale() -> None:
    # scale [2, 3.12] on (j, i) -> (y, x): y = 2 j, x = 3.12 i (as the prose says)
    assert_allclose(only("scale.json").apply([1.0, 2.0]), [2.0, 6.24])


def test_scale_with_discrete_channel_axis() -> None:
    assert_allclose(only("scale_with_discrete.json").apply([2.0, 1.0, 1.0]), [2.0, 3.12, 2.0])


def test_affine_2d() -> None:
    # (prose) y = 1*j + 2*i + 3, x = 4*j + 5*i + 6 with (j, i) = (1, 2)
    assert_allclose(only("affine2d2d.json").apply([1.0, 2.0]), [8.0, 20.0])


def test_affine_2d_with_channel() -> None:
    # c = k, y = j + 2 i + 3, x = 4 j + 5 i + 6 with (k, j, i) = (2, 1, 2)
    assert_allclose(only("affine2d2d_with_channel.json").apply([2.0, 1.0, 2.0]), [2.0, 8.0, 20.0])


def test_affine_2d_to_3d() -> None:
    # [[1, 0, 0], [2, 3, 4], [5, 6, 7]] on (i, j, 1): z = i, y = 2 i + 3 j + 4, x = 5 i + 6 j + 7.
    # (The prose writes the homogeneous 1 first and gets z = 1; the definition of affine puts
    # the translation in the last column, as every other example does.)
    t = only("affine2d3d.json")
    assert_allclose(t.apply([[0.0, 0.0], [1.0, 2.0]]), [[0.0, 4.0, 7.0], [1.0, 12.0, 24.0]])
    with pytest.raises(NotInvertibleError):
        t.inverse()


def test_rotation() -> None:
    # [[0, -1], [1, 0]] on (j, i) -> (y, x): y = -i, x = j.
    # (The prose "x = 0*i - 1*j, y = 1*i + 0*j" reads the rows as x then y.)
    t = only("rotation.json")
    assert_allclose(t.apply([1.0, 2.0]), [-2.0, 1.0])
    assert_allclose(t.inverse().apply([-2.0, 1.0]), [1.0, 2.0])


def test_sequence() -> None:
    # translation [0.1, 0.9] then scale [2, 3] on (j, i): y = (j + 0.1) * 2, x = (i + 0.9) * 3
    t = only("sequence.json")
    assert_allclose(t.apply([1.0, 2.0]), [2.2, 8.7])
    assert t.is_invertible
    assert_allclose(t.inverse().apply([2.2, 8.7]), [1.0, 2.0])


def test_by_dimension_1() -> None:
    # y = 2 j, x = i - 1
    t = only("byDimension1.json")
    assert_allclose(t.apply([1.0, 2.0]), [2.0, 1.0])
    assert_allclose(t.inverse().apply([2.0, 1.0]), [1.0, 2.0])


def test_by_dimension_2() -> None:
    # in (l, j, k, i) -> out (z, y, x): z = 2 j, y = i + 0.5, x = k + 1.5
    t = only("byDimension2.json")
    assert_allclose(t.apply([1.0, 2.0, 3.0, 4.0]), [4.0, 4.5, 4.5])
    with pytest.raises(NotInvertibleError):
        t.inverse()


@pytest.mark.parametrize("name", ["byDimensionInvalid1.json", "byDimensionInvalid2.json"])
def test_invalid_by_dimension_examples_are_rejected(name: str) -> None:
    with pytest.raises(
        MalformedTransformError, match="appear in more than one transformation's outputAxes"
    ):
        transforms_of(name)


@pytest.mark.parametrize("name", ["bijection.json", "bijection_verbose.json"])
def test_bijection_examples(name: str) -> None:
    document = example(name)
    metadata = (
        document["coordinateTransformations"][0]
        if "coordinateTransformations" in document
        else document
    )
    unresolved = parse_transform(metadata)
    assert isinstance(unresolved, Bijection)
    with pytest.raises(UnresolvedParameterError, match="forward_coordinates"):
        unresolved.apply([0.0, 0.0])
    # The fields are not part of the example: on a 2 x 2 grid, forward doubles the coordinates;
    # the inverse field is sampled every 2 units of the target space and halves them.
    forward = np.array([[[0.0, 0.0], [2.0, 2.0]], [[0.0, 2.0], [0.0, 2.0]]])
    inverse = SampledField(forward / 2, grid_to_input=Scale([2.0, 2.0]))
    resolver = mapping_resolver({"forward_coordinates": forward, "inverse_coordinates": inverse})
    t = parse_transform(metadata, resolver=resolver)
    assert isinstance(t, Bijection)
    assert isinstance(t.forward, Coordinates)
    assert (t.forward.input, t.forward.output) == (
        CoordinateSystemRef("src"),
        CoordinateSystemRef("tgt"),
    )
    assert (t.backward.input, t.backward.output) == (
        CoordinateSystemRef("tgt"),
        CoordinateSystemRef("src"),
    )
    assert_allclose(t.apply([1.0, 0.5]), [2.0, 1.0])
    assert_allclose(t.inverse().apply([2.0, 1.0]), [1.0, 0.5])


def test_every_example_parses_or_is_rejected_for_a_reason() -> None:
    seen = 0
    for path in sorted(EXAMPLES.rglob("*.json")):
        document = load_spec_example(path)
        metadata = document.get(
            "coordinateTransformations", [document] if "type" in document else []
        )
        for item in metadata:
            seen += 1
            if "Invalid" in path.name:
                with pytest.raises(MalformedTransformError):
                    parse_transform(item)
            else:
                assert parse_transform(item).type == item["type"]
    assert seen >= 18


def write_displacement_example(root: Path, values: np.ndarray) -> None:
    import zarr

    group = zarr.open_group(root, mode="w")
    field_metadata = load_spec_example(EXAMPLES / "displacements" / "displacement_field.json")
    field = group.create_group(
        "coordinateTransformations/displacementField", attributes=field_metadata
    )
    field.create_array("s0", data=values)


def test_displacements_example_through_zarr(tmp_path: Path) -> None:
    # The example's table: vectors (1.0, 2.0) at field index (0, 0) and (0.5, 1.2) at (1, 0),
    # the field's scale 2: physical (1, 0) is index (0.5, 0) and gets (0.75, 1.6).
    values = np.zeros((2, 2, 2))  # (c, y, x): the displacement axis first, as its axes say
    values[:, 0, 0] = [1.0, 2.0]
    values[:, 1, 0] = [0.5, 1.2]
    write_displacement_example(tmp_path, values)
    document = load_spec_example(EXAMPLES / "displacements" / "multiscales.json")
    graph = TransformGraph.from_image(document, resolver=zarr_resolver(tmp_path))
    t = graph.find_path("physical", "output")
    assert t.type == "displacements"
    assert_allclose(
        t.apply([[0.0, 0.0], [2.0, 0.0], [1.0, 0.0]]), [[1.0, 2.0], [2.5, 1.2], [1.75, 1.6]]
    )
    # from array s0 (scale 2) through the field
    assert_allclose(graph.from_array(0, target="output").apply([0.5, 0.0]), [1.75, 1.6])
    # a displacements field alone has no inverse
    with pytest.raises(NoPathError, match="displacements transformations are not invertible"):
        graph.find_path("output", "physical")


def test_displacement_field_grid_scale_over_all_axes_drops_the_vector_axis(tmp_path: Path) -> None:
    import zarr

    values = np.zeros((2, 2, 3))
    values[:, 1, 2] = [10.0, 20.0]
    write_displacement_example(tmp_path, values)
    field = zarr.open_group(tmp_path, mode="r+")["coordinateTransformations/displacementField"]
    attrs = dict(field.attrs)
    attrs["ome"]["multiscales"][0]["datasets"][0]["coordinateTransformations"][0]["scale"] = [
        1.0,
        3.0,
        4.0,
    ]
    field.attrs.put(attrs)
    t = parse_transform(
        {"type": "displacements", "path": "coordinateTransformations/displacementField"},
        resolver=zarr_resolver(str(tmp_path)),
    )
    # index (1, 2) is physical (3, 8)
    assert_allclose(t.apply([3.0, 8.0]), [13.0, 28.0])


def test_zarr_resolver_reads_parameter_arrays(tmp_path: Path) -> None:
    import zarr

    group = zarr.open_group(tmp_path, mode="w")
    group.create_array(
        "coordinateTransformations/affine", data=np.array([[0.0, 1.0, 5.0], [1.0, 0.0, 0.0]])
    )
    group.create_array("coordinateTransformations/rot", data=np.array([[0.0, -1.0], [1.0, 0.0]]))
    resolver = zarr_resolver(group)
    affine = parse_transform(
        {"type": "affine", "path": "coordinateTransformations/affine"}, resolver=resolver
    )
    rotation = parse_transform(
        {"type": "rotation", "path": "coordinateTransformations/rot"}, resolver=resolver
    )
    assert_allclose(affine.apply([1.0, 2.0]), [7.0, 1.0])
    assert_allclose(rotation.apply([1.0, 2.0]), [-2.0, 1.0])
    with pytest.raises(UnresolvedParameterError, match="nothing"):
        parse_transform({"type": "scale", "path": "nothing"}, resolver=resolver)
