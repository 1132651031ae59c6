"""TransformGraph.from_zarr: a scene on disk, its images and a matrix stored as a zarr array."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
from numpy.testing import assert_allclose

from omezarr_models.transforms import MalformedTransformError, TransformGraph

YX = [
    {"name": "y", "type": "space", "unit": "micrometer"},
    {"name": "x", "type": "space", "unit": "micrometer"},
]


def image(scale: float) -> dict[str, Any]:
    return {
        "ome": {
            "version": "0.6rc0",
            "multiscales": [
                {
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
                        }
                    ],
                }
            ],
        }
    }


@pytest.fixture
def scene_store(tmp_path: Path) -> Path:
    import zarr

    root = zarr.open_group(
        tmp_path,
        mode="w",
        attributes={
            "ome": {
                "version": "0.6rc0",
                "scene": {
                    "coordinateTransformations": [
                        {
                            "type": "affine",
                            "path": "coordinateTransformations/two_to_one",
                            "input": {"name": "physical", "path": "instrument2"},
                            "output": {"name": "physical", "path": "instrument1"},
                        }
                    ]
                },
            }
        },
    )
    # a quarter turn and a shift: y1 = -x2 + 100, x1 = y2
    root.create_array(
        "coordinateTransformations/two_to_one", data=np.array([[0.0, -1.0, 100.0], [1.0, 0.0, 0.0]])
    )
    for name, scale in (("instrument1", 0.5), ("instrument2", 2.0)):
        group = root.create_group(name, attributes=image(scale))
        group.create_array("s0", data=np.zeros((4, 4), dtype="uint8"))
    return tmp_path


def test_scene_from_zarr_links_the_arrays_of_both_images(scene_store: Path) -> None:
    graph = TransformGraph.from_zarr(scene_store)
    t = graph.find_path((None, "instrument2/s0"), (None, "instrument1/s0"))
    # index (1, 3) of instrument2 -> physical (2, 6) -> instrument1 physical (94, 2) -> index / 0.5
    assert_allclose(t.apply([1.0, 3.0]), [188.0, 4.0])
    assert_allclose(
        graph.find_path((None, "instrument1/s0"), (None, "instrument2/s0")).apply([188.0, 4.0]),
        [1.0, 3.0],
    )


def test_image_from_zarr(scene_store: Path) -> None:
    graph = TransformGraph.from_zarr(scene_store / "instrument1")
    assert_allclose(graph.from_array(0).apply([2.0, 4.0]), [1.0, 2.0])


def test_neither_scene_nor_image(tmp_path: Path) -> None:
    import zarr

    zarr.open_group(tmp_path, mode="w", attributes={"ome": {"version": "0.6rc0"}})
    with pytest.raises(MalformedTransformError, match="no 'multiscales'"):
        TransformGraph.from_zarr(tmp_path)
