"""0.4/0.5: a dataset's scale/translation list followed by the multiscale's, as one transformation."""

from __future__ import annotations

import numpy as np
import pytest
from numpy.testing import assert_allclose

from omezarr_models.transforms import (
    CoordinateSystemRef,
    LevelNotFoundError,
    MalformedTransformError,
    Scale,
    Sequence,
    legacy_level_transform,
    legacy_transform,
    mapping_resolver,
)
from tests.conftest import SPEC_DIR, load_spec_example


def test_scale_then_translation() -> None:
    t = legacy_transform(
        [{"type": "scale", "scale": [0.5, 0.25]}, {"type": "translation", "translation": [10, -1]}]
    )
    assert isinstance(t, Sequence)
    # index * scale + translation
    assert_allclose(t.apply([[0.0, 0.0], [2.0, 4.0]]), [[10.0, -1.0], [11.0, 0.0]])
    assert_allclose(t.inverse().apply([11.0, 0.0]), [2.0, 4.0])


def test_a_single_scale_stays_a_scale() -> None:
    t = legacy_transform([{"type": "scale", "scale": [2.0]}])
    assert isinstance(t, Scale)


def test_multiscale_transformations_come_after_the_dataset_ones() -> None:
    t = legacy_transform(
        [{"type": "scale", "scale": [2.0, 2.0]}],
        [
            {"type": "translation", "translation": [1.0, 1.0]},
            {"type": "scale", "scale": [10.0, 1.0]},
        ],
    )
    # ((p * 2) + 1) * (10, 1)
    assert_allclose(t.apply([1.0, 1.0]), [30.0, 3.0])


def test_only_legacy_types() -> None:
    with pytest.raises(
        MalformedTransformError,
        match=r"0\.4/0\.5 allow only identity, scale, translation, not affine",
    ):
        legacy_transform([{"type": "affine", "affine": [[1, 0]]}])
    with pytest.raises(MalformedTransformError, match="no transformation given"):
        legacy_transform([])


def test_path_parameters() -> None:
    t = legacy_transform(
        [{"type": "scale", "path": "scale_0"}], resolver=mapping_resolver({"scale_0": [3.0, 3.0]})
    )
    assert_allclose(t.apply([1.0, 2.0]), [3.0, 6.0])


@pytest.mark.parametrize("version", ["0.4", "0.5"])
def test_spec_multiscales_example(version: str) -> None:
    document = load_spec_example(
        SPEC_DIR / "examples" / version / "multiscales_strict" / "multiscales_example.json"
    )
    ome = document.get("ome", document)
    multiscale = ome["multiscales"][0]
    # (t, c, z, y, x): datasets scale z, y, x by 0.5, 1, 2; the multiscale scales t by 0.1
    level0 = legacy_level_transform(multiscale, 0)
    assert level0.input == CoordinateSystemRef(path="0")
    assert_allclose(level0.apply([10, 1, 2, 2, 2]), [1.0, 1.0, 1.0, 1.0, 1.0])
    level2 = legacy_level_transform(multiscale, "2")
    assert_allclose(level2.apply([10, 1, 2, 2, 2]), [1.0, 1.0, 4.0, 4.0, 4.0])
    # level 2 index -> level 0 index: factor 4
    assert_allclose(level0.inverse().apply(level2.apply(np.ones(5))), [1, 1, 4, 4, 4])


def test_missing_levels() -> None:
    multiscale = {
        "datasets": [
            {"path": "0", "coordinateTransformations": [{"type": "scale", "scale": [1.0]}]}
        ]
    }
    with pytest.raises(LevelNotFoundError, match=r"no level 3 \(there are: 0\)"):
        legacy_level_transform(multiscale, 3)
    with pytest.raises(LevelNotFoundError, match="no level 'x'"):
        legacy_level_transform(multiscale, "x")


def test_graph_of_a_legacy_image_has_a_physical_node_per_multiscale() -> None:
    from omezarr_models.transforms import TransformGraph

    document = load_spec_example(
        SPEC_DIR / "examples" / "0.5" / "multiscales_strict" / "multiscales_example.json"
    )
    graph = TransformGraph.from_image(document)
    levels = graph.multiscale(0)
    name = document["ome"]["multiscales"][0].get("name", "multiscales/0")
    assert levels.intrinsic == CoordinateSystemRef(name)
    assert graph.axes(levels.intrinsic) == document["ome"]["multiscales"][0]["axes"]
    # level "1": z, y, x scaled by 1, t by 0.1 (the multiscale's scale)
    assert_allclose(graph.from_array("1").apply([10, 1, 2, 2, 2]), [1.0, 1.0, 2.0, 2.0, 2.0])
    # level 2 index -> level 0 index: factor 4 on z, y, x
    assert_allclose(graph.find_path((None, "2"), (None, "0")).apply(np.ones(5)), [1, 1, 4, 4, 4])
    assert_allclose(graph.to_array(0).apply([1.0, 1.0, 1.0, 1.0, 1.0]), [10, 1, 2, 2, 2])


def test_legacy_errors_point_at_the_multiscale_list() -> None:
    with pytest.raises(MalformedTransformError) as info:
        legacy_transform(
            [{"type": "scale", "scale": [1.0]}],
            [{"type": "rotation", "rotation": [[1.0]]}],
            multiscale_json_path="/multiscales/0/coordinateTransformations",
        )
    assert info.value.json_path == "/multiscales/0/coordinateTransformations/0"
