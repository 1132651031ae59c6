"""Writing OME-Zarr 0.6rc0: coordinate systems and one transformation per level."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import zarr

from omezarr_models import validate_dataset
from omezarr_models.transforms import TransformGraph
from omezarr_write import (
    build_pyramid,
    write_bioformats2raw,
    write_image,
    write_labels,
    write_plate,
)
from tests.write.reference import assert_reduced

RNG = np.random.default_rng(6)


def _ms(root: Path, path: str = "") -> dict:
    group = zarr.open_group(root, mode="r", path=path) if path else zarr.open_group(root, mode="r")
    ome = dict(group.attrs)["ome"]
    assert ome["version"] == "0.6rc0"
    return ome["multiscales"][0]


def test_image_levels_map_their_array_space_to_the_physical_system(tmp_path: Path) -> None:
    data = RNG.integers(0, 4000, size=(2, 6, 40, 30), dtype=np.uint16)
    out = tmp_path / "i.zarr"
    model = write_image(
        out,
        data,
        axes="czyx",
        version="0.6rc0",
        levels=3,
        units="micrometer",
        scale={"z": 0.5, "y": 0.05, "x": 0.05},
        translation={"y": 10.0},
    )
    assert validate_dataset(out, strict=True).issues == []
    ms = _ms(out)
    assert model.to_json_dict()["multiscales"][0] == ms
    assert "axes" not in ms
    (system,) = ms["coordinateSystems"]
    assert system["name"] == "physical"
    assert [a["name"] for a in system["axes"]] == ["c", "z", "y", "x"]
    first, second, third = (d["coordinateTransformations"] for d in ms["datasets"])
    # level 0 has a translation, so every level is a sequence of scale then translation
    assert first == [
        {
            "type": "sequence",
            "input": {"path": "0"},
            "output": {"name": "physical"},
            "transformations": [
                {"type": "scale", "scale": [1.0, 0.5, 0.05, 0.05]},
                {"type": "translation", "translation": [0.0, 0.0, 10.0, 0.0]},
            ],
        }
    ]
    assert second[0]["transformations"] == [
        {"type": "scale", "scale": [1.0, 0.5, 0.1, 0.1]},
        {"type": "translation", "translation": [0.0, 0.0, 10.025, 0.025]},
    ]
    assert third[0]["transformations"][0]["scale"] == [1.0, 0.5, 0.2, 0.2]
    assert third[0]["transformations"][1]["translation"] == [0.0, 0.0, 10.075, 0.075]
    root = zarr.open_group(out, mode="r")
    assert root["0"].metadata.dimension_names == ("c", "z", "y", "x")
    np.testing.assert_array_equal(root["0"][:], data)
    assert_reduced(root["1"][:], root["0"][:], (1, 1, 2, 2), "mean")
    assert_reduced(root["2"][:], root["1"][:], (1, 1, 2, 2), "mean")


def test_the_centres_of_coarse_pixels_land_on_their_windows(tmp_path: Path) -> None:
    """Through the transforms module: pixel 0 of level 1 sits between pixels 0 and 1 of level 0."""
    out = tmp_path / "c.zarr"
    write_image(
        out,
        RNG.integers(0, 9, size=(16, 16), dtype=np.uint8),
        axes="yx",
        version="0.6rc0",
        levels=2,
        scale=0.5,
        units="micrometer",
    )
    graph = TransformGraph.from_image(dict(zarr.open_group(out, mode="r").attrs))
    level0 = graph.from_array(0).apply(np.array([[0.5, 0.5]]))
    level1 = graph.from_array(1).apply(np.array([[0.0, 0.0]]))
    np.testing.assert_allclose(level0, level1)
    np.testing.assert_allclose(level1, [[0.25, 0.25]])


def test_nearest_has_no_translation_and_plain_scales(tmp_path: Path) -> None:
    out = tmp_path / "n.zarr"
    write_image(
        out,
        RNG.integers(0, 9, size=(9, 9), dtype=np.uint8),
        axes="yx",
        version="0.6rc0",
        levels=2,
        method="nearest",
        units="micrometer",
    )
    ms = _ms(out)
    assert [d["coordinateTransformations"] for d in ms["datasets"]] == [
        [
            {
                "type": "scale",
                "scale": [1.0, 1.0],
                "input": {"path": "0"},
                "output": {"name": "physical"},
            }
        ],
        [
            {
                "type": "scale",
                "scale": [2.0, 2.0],
                "input": {"path": "1"},
                "output": {"name": "physical"},
            }
        ],
    ]
    assert validate_dataset(out, strict=True).valid


def test_labels_and_pyramid_rebuild_on_a_06_image(tmp_path: Path) -> None:
    out = tmp_path / "l.zarr"
    write_image(
        out,
        RNG.integers(0, 4000, size=(1, 32, 32), dtype=np.uint16),
        axes="cyx",
        version="0.6rc0",
        levels=2,
        units="micrometer",
    )
    labels = np.zeros((1, 32, 32), dtype=np.uint8)
    labels[0, 4:20, 6:12] = 3
    write_labels(out, "cells", labels, colors={3: "#00ff00"})
    assert validate_dataset(out, strict=True).issues == []
    build_pyramid(out, levels=3, overwrite=True)
    report = validate_dataset(out, strict=True)
    assert report.issues == []
    assert len(_ms(out)["datasets"]) == 3
    assert len(_ms(out, "labels/cells")["datasets"]) == 3
    coarse = zarr.open_group(out, mode="r")["labels/cells/2"][:]
    assert set(np.unique(coarse)) <= {0, 3}


@pytest.mark.parametrize("kind", ["plate", "bioformats2raw"])
def test_collections_in_06(tmp_path: Path, kind: str) -> None:
    field = RNG.integers(0, 4000, size=(2, 24, 24), dtype=np.uint16)
    out = tmp_path / f"{kind}.zarr"
    if kind == "plate":
        plate = {
            "name": "p",
            "rows": [{"name": "A"}],
            "columns": [{"name": "1"}, {"name": "2"}],
            "wells": [{"path": "A/2", "rowIndex": 0, "columnIndex": 1}],
        }
        write_plate(
            out, plate, {"A/2": [field, field]}, version="0.6rc0", axes="cyx", units="micrometer"
        )
    else:
        write_bioformats2raw(
            out, [field, field[:1]], version="0.6rc0", axes="cyx", units="micrometer"
        )
    report = validate_dataset(out, strict=True)
    assert report.issues == []
    assert report.valid


def test_open_ome_zarr_reads_a_written_06_image(tmp_path: Path) -> None:
    from omezarr_models import open_ome_zarr

    out = tmp_path / "o.zarr"
    data = RNG.integers(0, 99, size=(2, 20, 20), dtype=np.uint16)
    write_image(out, data, axes="cyx", version="0.6rc0", levels=2, units="micrometer")
    node = open_ome_zarr(out, validate="raise")
    assert node.version == "0.6rc0"
    assert node.axes == ["c", "y", "x"]
    assert [a.get("type") for a in node.axis_objects] == ["channel", "space", "space"]
    assert type(node.metadata).__module__.startswith("omezarr_models._generated.v06")
    np.testing.assert_array_equal(node.to_dask(0).compute(), data)
