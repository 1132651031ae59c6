"""The graph of coordinate systems: images, scenes, find_path forward, backward and unreachable."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from numpy.testing import assert_allclose

from omezarr_models.transforms import (
    CoordinateSystemNotFoundError,
    CoordinateSystemRef,
    Identity,
    LevelNotFoundError,
    MalformedTransformError,
    NoPathError,
    Scale,
    Sequence,
    TransformGraph,
    Translation,
    UnresolvedParameterError,
    mapping_resolver,
)
from tests.conftest import SPEC_DIR, load_spec_example

YX = [{"name": "y", "type": "space"}, {"name": "x", "type": "space"}]
ZYX = [{"name": "z", "type": "space"}, *YX]


def scene() -> dict[str, Any]:
    """A scene with three coordinate systems of its own and two images' systems."""
    return {
        "ome": {
            "version": "0.6rc0",
            "scene": {
                "coordinateSystems": [
                    {"name": "world", "axes": YX},
                    {"name": "atlas", "axes": ZYX},
                    {"name": "isolated", "axes": YX},
                ],
                "coordinateTransformations": [
                    {
                        "type": "translation",
                        "name": "A to world",
                        "translation": [10, 20],
                        "input": {"name": "physical", "path": "imageA"},
                        "output": {"name": "world"},
                    },
                    {
                        "type": "scale",
                        "name": "B to world",
                        "scale": [2, 2],
                        "input": {"name": "physical", "path": "imageB"},
                        "output": {"name": "world"},
                    },
                    {
                        "type": "affine",
                        "name": "slice",
                        "affine": [[0, 1, 0, 0], [0, 0, 1, 0]],
                        "input": {"name": "atlas"},
                        "output": {"name": "world"},
                    },
                ],
            },
        }
    }


def image(scale: float) -> dict[str, Any]:
    """A 0.6 image with two levels (binning 2) and a 'physical' system."""
    return {
        "ome": {
            "version": "0.6rc0",
            "multiscales": [
                {
                    "name": "img",
                    "coordinateSystems": [{"name": "physical", "axes": YX}],
                    "datasets": [
                        {
                            "path": "s0",
                            "coordinateTransformations": [
                                {
                                    "type": "scale",
                                    "scale": [scale, scale],
                                    "input": {"path": "s0"},
                                    "output": {"name": "physical"},
                                }
                            ],
                        },
                        {
                            "path": "s1",
                            "coordinateTransformations": [
                                {
                                    "type": "sequence",
                                    "transformations": [
                                        {"type": "scale", "scale": [2 * scale, 2 * scale]},
                                        {
                                            "type": "translation",
                                            "translation": [scale / 2, scale / 2],
                                        },
                                    ],
                                    "input": {"path": "s1"},
                                    "output": {"name": "physical"},
                                }
                            ],
                        },
                    ],
                }
            ],
        }
    }


A = CoordinateSystemRef("physical", "imageA")
B = CoordinateSystemRef("physical", "imageB")


def test_scene_nodes() -> None:
    graph = TransformGraph.from_scene(scene())
    assert set(graph.nodes) == {
        CoordinateSystemRef("world"),
        CoordinateSystemRef("atlas"),
        CoordinateSystemRef("isolated"),
        A,
        B,
    }
    assert graph.axes("atlas") == ZYX
    assert graph.axes(A) is None


def test_forward_along_one_transformation() -> None:
    graph = TransformGraph.from_scene(scene())
    t = graph.find_path(A, "world")
    assert isinstance(t, Translation)
    assert_allclose(t.apply([1.0, 2.0]), [11.0, 22.0])


def test_backward_via_the_inverse() -> None:
    graph = TransformGraph.from_scene(scene())
    t = graph.find_path("world", {"name": "physical", "path": "imageB"})
    assert_allclose(t.apply([10.0, 20.0]), [5.0, 10.0])


def test_two_hops_forward_then_backward() -> None:
    graph = TransformGraph.from_scene(scene())
    t = graph.find_path(A, B)
    assert isinstance(t, Sequence)
    assert (t.input, t.output) == (A, B)
    # (0, 0) + (10, 20) = (10, 20), then / 2 = (5, 10)
    assert_allclose(t.apply([[0.0, 0.0], [2.0, 4.0]]), [[5.0, 10.0], [6.0, 12.0]])
    back = graph.find_path(("physical", "imageB"), ("physical", "imageA"))
    assert_allclose(back.apply([5.0, 10.0]), [0.0, 0.0])


def test_non_invertible_edge_is_walked_forward_only() -> None:
    graph = TransformGraph.from_scene(scene())
    # atlas (z, y, x) -> world (y, x) drops z, then to imageA: - (10, 20)
    t = graph.find_path("atlas", A)
    assert_allclose(t.apply([7.0, 11.0, 22.0]), [1.0, 2.0])
    with pytest.raises(NoPathError) as info:
        graph.find_path(A, "atlas")
    error = info.value
    assert error.target == "'atlas'"
    assert len(error.blocked_by) == 1
    assert "affine 'slice'" in error.blocked_by[0]
    assert "maps 3 to 2 dimensions" in error.blocked_by[0]


def test_unconnected_system_is_unreachable() -> None:
    graph = TransformGraph.from_scene(scene())
    with pytest.raises(
        NoPathError, match="'isolated' is unreachable from 'world': the two are not connected"
    ) as info:
        graph.find_path("world", "isolated")
    assert info.value.blocked_by == []


def test_unknown_system_raises_naming_the_known_ones() -> None:
    graph = TransformGraph.from_scene(scene())
    with pytest.raises(
        CoordinateSystemNotFoundError, match="no coordinate system 'nowhere'"
    ) as info:
        graph.find_path("world", "nowhere")
    assert "'world'" in info.value.known


def test_same_node_is_the_identity() -> None:
    graph = TransformGraph.from_scene(scene())
    t = graph.find_path("world", "world")
    assert isinstance(t, Identity)


def test_scene_with_its_images_reaches_their_arrays() -> None:
    graph = TransformGraph.from_scene(scene(), images={"imageA": image(0.5), "imageB/": image(1.0)})
    assert CoordinateSystemRef(None, "imageA/s1") in graph.nodes
    # imageA level 1 index (1, 1) -> physical 1 * 1 + 0.25 = 1.25 -> world (11.25, 21.25)
    # -> imageB physical / 2 = (5.625, 10.625) -> imageB s0 index / 1.0
    t = graph.find_path((None, "imageA/s1"), (None, "imageB/s0"))
    assert_allclose(t.apply([1.0, 1.0]), [5.625, 10.625])
    assert_allclose(graph.from_array(1, multiscale="imageA").apply([1.0, 1.0]), [1.25, 1.25])
    assert_allclose(
        graph.to_array("s0", multiscale="imageB", source="world").apply([2.0, 4.0]), [1.0, 2.0]
    )


def test_image_levels_from_and_to_array() -> None:
    graph = TransformGraph.from_image(image(0.5))
    levels = graph.multiscale("img")
    assert levels.intrinsic == CoordinateSystemRef("physical")
    assert levels.levels == (CoordinateSystemRef(None, "s0"), CoordinateSystemRef(None, "s1"))
    # level 1 pixel 0 is centred between level 0 pixels 0 and 1
    to_s0 = graph.find_path((None, "s1"), (None, "s0"))
    assert_allclose(to_s0.apply([0.0, 0.0]), [0.5, 0.5])
    assert_allclose(
        graph.from_array(1).apply([[0.0, 0.0], [1.0, 2.0]]), [[0.25, 0.25], [1.25, 2.25]]
    )
    assert_allclose(graph.to_array(0).apply([1.0, 2.0]), [2.0, 4.0])
    assert_allclose(graph.to_array("s1").apply([1.25, 2.25]), [1.0, 2.0])


def test_unknown_levels_and_multiscales() -> None:
    graph = TransformGraph.from_image(image(1.0))
    with pytest.raises(LevelNotFoundError, match=r"no level 5 \(there are: s0, s1\)"):
        graph.from_array(5)
    with pytest.raises(LevelNotFoundError, match="no level 's9'"):
        graph.to_array("s9")
    with pytest.raises(LevelNotFoundError, match="no multiscale 'other'"):
        graph.from_array(0, multiscale="other")


def test_multiscale_transformations_and_labels_paths() -> None:
    metadata = image(2.0)
    multiscale = metadata["ome"]["multiscales"][0]
    multiscale["coordinateSystems"].append({"name": "shifted", "axes": YX})
    multiscale["coordinateTransformations"] = [
        {
            "type": "translation",
            "translation": [100, 0],
            "input": {"name": "physical"},
            "output": {"name": "shifted"},
        },
        {
            "type": "identity",
            "input": {"name": "physical"},
            "output": {"name": "physical", "path": "labels/cells"},
        },
    ]
    graph = TransformGraph.from_image(metadata)
    assert_allclose(graph.from_array(0, target="shifted").apply([1.0, 1.0]), [102.0, 2.0])
    assert CoordinateSystemRef("physical", "labels/cells") in graph.nodes
    # inside a scene, the labels path is below the image's group
    in_scene = TransformGraph.from_scene(scene(), images={"imageA": metadata})
    assert CoordinateSystemRef("physical", "imageA/labels/cells") in in_scene.nodes
    t = in_scene.find_path(("physical", "imageA/labels/cells"), "world")
    assert_allclose(t.apply([0.0, 0.0]), [10.0, 20.0])


def test_accepts_zarr_json_documents_and_models() -> None:
    class Model:
        def to_json_dict(self) -> dict[str, Any]:
            return image(1.0)["ome"]

    for metadata in ({"zarr_format": 3, "node_type": "group", "attributes": image(1.0)}, Model()):
        graph = TransformGraph.from_image(metadata)
        assert_allclose(graph.from_array(0).apply([3.0, 4.0]), [3.0, 4.0])


def test_path_parameters_are_resolved_relative_to_the_root() -> None:
    document = scene()
    document["ome"]["scene"]["coordinateTransformations"][0] = {
        "type": "affine",
        "path": "coordinateTransformations/a_to_world",
        "input": {"name": "physical", "path": "imageA"},
        "output": {"name": "world"},
    }
    img = image(1.0)
    img["ome"]["multiscales"][0]["datasets"][0]["coordinateTransformations"][0] = {
        "type": "scale",
        "path": "params/s0",
        "input": {"path": "s0"},
        "output": {"name": "physical"},
    }
    arrays = {
        "coordinateTransformations/a_to_world": [[1, 0, 5], [0, 1, 6]],
        "imageA/params/s0": [3.0, 3.0],
    }
    graph = TransformGraph.from_scene(
        document, images={"imageA": img}, resolver=mapping_resolver(arrays)
    )
    t = graph.find_path((None, "imageA/s0"), "world")
    assert_allclose(t.apply([1.0, 1.0]), [8.0, 9.0])
    assert_allclose(graph.find_path("world", (None, "imageA/s0")).apply([8.0, 9.0]), [1.0, 1.0])


def test_unresolved_parameters_block_the_way_back() -> None:
    document = scene()
    document["ome"]["scene"]["coordinateTransformations"][1] = {
        "type": "affine",
        "path": "coordinateTransformations/b",
        "input": {"name": "physical", "path": "imageB"},
        "output": {"name": "world"},
    }
    graph = TransformGraph.from_scene(document)
    with pytest.raises(NoPathError, match="were not resolved"):
        graph.find_path("world", B)
    with pytest.raises(UnresolvedParameterError):
        graph.find_path(B, "world").apply([0.0, 0.0])


def test_add_by_hand() -> None:
    graph = TransformGraph()
    graph.add_transform(Scale([2.0]), "a", "b")
    graph.add_transform(Translation([1.0]), "b", "c", add_inverse=False)
    assert_allclose(graph.find_path("a", "c").apply([3.0]), [7.0])
    with pytest.raises(NoPathError):
        graph.find_path("c", "a")
    with pytest.raises(MalformedTransformError, match="has no input"):
        graph.add_transform(Scale([1.0]))
    assert len(list(graph.edges())) == 3


def test_no_multiscales_or_scene() -> None:
    with pytest.raises(MalformedTransformError, match="no 'multiscales'"):
        TransformGraph.from_image({"ome": {"version": "0.6rc0"}})
    with pytest.raises(MalformedTransformError, match="no 'scene'"):
        TransformGraph.from_scene({"ome": {"version": "0.6rc0"}})


def test_spec_multiscales_example_levels_align() -> None:
    document = load_spec_example(
        SPEC_DIR / "examples/0.6rc0/multiscales_strict/multiscales_example.json"
    )
    graph = TransformGraph.from_image(document)
    # (t, c, z, y, x): level 1 voxel 0 is at 0.25 um, the centre of level 0 voxels 0 and 1
    assert_allclose(graph.from_array(1).apply(np.zeros(5)), [0.0, 0.0, 0.25, 0.25, 0.25])
    assert_allclose(
        graph.find_path((None, "s1"), (None, "s0")).apply(np.zeros(5)), [0, 0, 0.5, 0.5, 0.5]
    )
    # level 2 voxel 0 is the centre of level 0 voxels 0..3
    assert_allclose(
        graph.find_path((None, "s2"), (None, "s0")).apply([2, 1, 0, 0, 0]), [2, 1, 1.5, 1.5, 1.5]
    )
