"""write_plate and write_well: sparse plates, fields, acquisitions; read back as typed nodes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
import zarr

from omezarr_models.dataset import open_ome_zarr, validate_dataset
from omezarr_models.dataset.nodes import ImageNode, PlateNode, WellNode
from omezarr_write import (
    DestinationExistsError,
    InvalidArgumentError,
    InvalidMetadataError,
    write_plate,
    write_well,
)
from tests.conftest import assert_valid
from tests.write.helpers import assert_pyramid, ome
from tests.write.reference import leftovers

VERSIONS = ("0.4", "0.5")
OPTIONS: dict[str, Any] = {
    "axes": "cyx",
    "scale": [1, 0.65, 0.65],
    "units": "micrometer",
    "chunks": (1, 16, 16),
}


def _plate(version: str) -> dict[str, Any]:
    """Rows A-B, columns 1-3, only two wells present (sparse), two acquisitions."""
    meta: dict[str, Any] = {
        "name": "screen 1",
        "rows": [{"name": "A"}, {"name": "B"}],
        "columns": [{"name": "1"}, {"name": "2"}, {"name": "3"}],
        "wells": [
            {"path": "A/1", "rowIndex": 0, "columnIndex": 0},
            {"path": "B/3", "rowIndex": 1, "columnIndex": 2},
        ],
        "field_count": 2,
        "acquisitions": [
            {"id": 0, "name": "first", "maximumfieldcount": 2},
            {"id": 1, "name": "second", "maximumfieldcount": 2},
        ],
    }
    if version == "0.4":
        meta["version"] = "0.4"
    return meta


def _plate1(version: str) -> dict[str, Any]:
    """The same plate with one acquisition: fields need not name it."""
    meta = _plate(version)
    meta["acquisitions"] = meta["acquisitions"][:1]
    return meta


def _field(seed: int, shape: tuple[int, ...] = (2, 40, 36)) -> np.ndarray:
    return np.random.default_rng(seed).integers(0, 4000, size=shape, dtype=np.uint16)


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("keys", ["paths", "tuples"])
def test_sparse_plate_with_fields_and_acquisitions(tmp_path: Path, version: str, keys: str) -> None:
    fields = {w: [_field(i * 2), _field(i * 2 + 1)] for i, w in enumerate(["A/1", "B/3"])}
    images: dict[Any, Any] = {
        "A/1": [
            {"data": fields["A/1"][0], "acquisition": 0},
            {"data": fields["A/1"][1], "acquisition": 1},
        ],
        "B/3": [
            {"data": fields["B/3"][0], "acquisition": 0},
            {"data": fields["B/3"][1], "acquisition": 1},
        ],
    }
    if keys == "tuples":
        images = {tuple(k.split("/")): v for k, v in images.items()}
    dest = tmp_path / "plate.zarr"
    model = write_plate(dest, _plate(version), images, version=version, **OPTIONS)
    report = validate_dataset(dest, strict=True)
    assert_valid(report)
    assert report.kind == "plate"
    for well in ("A/1", "B/3"):
        for index in (0, 1):
            assert_pyramid(dest, fields[well][index], "mean", path=f"{well}/{index}")
    well = ome(dict(zarr.open_group(dest / "B" / "3", mode="r").attrs))["well"]
    assert well["images"] == [{"path": "0", "acquisition": 0}, {"path": "1", "acquisition": 1}]
    assert not (dest / "A" / "2").exists()  # sparse: only the listed wells
    # read back as typed nodes
    node = open_ome_zarr(dest, validate="raise")
    assert isinstance(node, PlateNode)
    assert node.metadata == model
    assert list(node.wells) == ["A/1", "B/3"]
    b3 = node.well("B", "3")
    assert isinstance(b3, WellNode)
    assert all(isinstance(f, ImageNode) for f in b3.images)
    np.testing.assert_array_equal(b3.images[1].to_dask().compute(), fields["B/3"][1])
    assert leftovers(tmp_path) == []


def test_one_array_per_well_and_per_field_options(tmp_path: Path) -> None:
    meta = _plate("0.5")
    del meta["acquisitions"]
    meta["field_count"] = 1
    a1, b3 = _field(1, (1, 20, 20)), _field(2, (1, 33, 17))
    dest = tmp_path / "plate.zarr"
    write_plate(
        dest,
        meta,
        {"A/1": a1, ("B", "3"): [{"data": b3, "method": "max", "levels": 2}]},
        **OPTIONS,
    )
    assert_valid(validate_dataset(dest))
    ms, _ = assert_pyramid(dest, a1, "mean", path="A/1/0")
    assert ms["name"] == "A1-0"
    ms, levels = assert_pyramid(dest, b3, "max", path="B/3/0")
    assert len(levels) == 2
    assert ms["type"] == "max"


@pytest.mark.parametrize(
    ("images", "match"),
    [
        ({"A/1": np.zeros((2, 8, 8), np.uint8)}, r"wells without images: \['B/3'\]"),
        (
            {
                "A/1": np.zeros((2, 8, 8), np.uint8),
                "B/3": np.zeros((2, 8, 8), np.uint8),
                "A/2": np.zeros((2, 8, 8), np.uint8),
            },
            r"plate does not list: \['A/2'\]",
        ),
        ({"A/1": np.zeros((2, 8, 8), np.uint8), "B/3": []}, "no field images"),
        ({"A/1": np.zeros((2, 8, 8), np.uint8), "B/3": [{"acquisition": 0}]}, "no 'data'"),
    ],
)
def test_wells_must_match_the_plate(tmp_path: Path, images: dict[str, Any], match: str) -> None:
    with pytest.raises(InvalidArgumentError, match=match) as info:
        write_plate(tmp_path / "p.zarr", _plate1("0.5"), images, **OPTIONS)
    assert info.value.argument == "images"
    assert list(tmp_path.iterdir()) == []


def test_invalid_plate_metadata_writes_nothing(tmp_path: Path) -> None:
    meta = _plate("0.5")
    meta["wells"][1]["path"] = "C/3"  # a row the plate does not have
    with pytest.raises(InvalidMetadataError):
        write_plate(tmp_path / "p.zarr", meta, {"A/1": _field(0), "C/3": _field(1)}, **OPTIONS)
    assert list(tmp_path.iterdir()) == []


def test_unknown_image_option(tmp_path: Path) -> None:
    with pytest.raises(InvalidArgumentError) as info:
        write_plate(tmp_path / "p.zarr", _plate("0.5"), {}, colour="red", **OPTIONS)
    assert info.value.argument == "colour"


def test_existing_plate_is_refused(tmp_path: Path) -> None:
    dest = tmp_path / "p.zarr"
    images = {"A/1": _field(0), "B/3": _field(1)}
    write_plate(dest, _plate1("0.5"), images, **OPTIONS)
    with pytest.raises(DestinationExistsError):
        write_plate(dest, _plate1("0.5"), images, **OPTIONS)
    write_plate(
        dest, _plate1("0.5"), {"A/1": _field(5), "B/3": _field(6)}, overwrite=True, **OPTIONS
    )
    assert_pyramid(dest, _field(5), "mean", path="A/1/0")
    assert_valid(validate_dataset(dest, strict=True))


@pytest.mark.parametrize("version", VERSIONS)
def test_write_well(tmp_path: Path, version: str) -> None:
    dest = tmp_path / "B3.zarr"
    f0, f1 = _field(3), _field(4)
    model = write_well(dest, [{"data": f0, "acquisition": 7}, f1], version=version, **OPTIONS)
    assert_valid(validate_dataset(dest, strict=True))
    node = open_ome_zarr(dest, validate="raise")
    assert isinstance(node, WellNode)
    assert node.metadata == model
    assert len(node.images) == 2
    well = ome(dict(zarr.open_group(dest, mode="r").attrs))["well"]
    assert well["images"] == [{"path": "0", "acquisition": 7}, {"path": "1"}]
    assert (well.get("version") == "0.4") == (version == "0.4")
    assert_pyramid(dest, f0, "mean", path="0")
    assert_pyramid(dest, f1, "mean", path="1")


@pytest.mark.parametrize(
    ("fields", "match"),
    [
        ([_field(0), _field(1)], "needs"),  # two acquisitions: each field must name its own
        ([{"data": _field(0), "acquisition": 0}, {"data": _field(1), "acquisition": 9}], "not one"),
    ],
)
def test_fields_must_name_the_plates_acquisitions(
    tmp_path: Path, fields: list[Any], match: str
) -> None:
    """Cross-document rules: without this check the plate written did not validate."""
    images = {
        "A/1": [{"data": _field(2), "acquisition": 0}, {"data": _field(3), "acquisition": 1}],
        "B/3": fields,
    }
    with pytest.raises(InvalidArgumentError, match=match) as info:
        write_plate(tmp_path / "p.zarr", _plate("0.5"), images, **OPTIONS)
    assert info.value.argument == "images"
    assert list(tmp_path.iterdir()) == []


def test_one_acquisition_needs_no_naming(tmp_path: Path) -> None:
    dest = tmp_path / "p.zarr"
    images = {"A/1": [_field(0), _field(1)], "B/3": [_field(2), _field(3)]}
    write_plate(dest, _plate1("0.5"), images, **OPTIONS)
    assert_valid(validate_dataset(dest, strict=True))
