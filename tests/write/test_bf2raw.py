"""write_bioformats2raw: series of different shapes, the OME group and its OME-XML."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import zarr

from omezarr_models.dataset import open_ome_zarr, validate_dataset
from omezarr_models.dataset.nodes import CollectionNode, ImageNode
from omezarr_write import DestinationExistsError, InvalidArgumentError, write_bioformats2raw
from tests.conftest import assert_valid
from tests.write.helpers import assert_pyramid, ome
from tests.write.reference import leftovers

pytestmark = pytest.mark.filterwarnings("ignore::omezarr_write._metadata.WriteWarning")

OME_XML = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<OME xmlns="http://www.openmicroscopy.org/Schemas/OME/2016-06">'
    '<Image ID="Image:0" Name="first µ"/><Image ID="Image:1" Name="second"/></OME>'
)


@pytest.mark.parametrize("version", ["0.4", "0.5"])
def test_two_series_of_different_shapes(tmp_path: Path, version: str) -> None:
    rng = np.random.default_rng(0)
    first = rng.integers(0, 255, size=(2, 3, 40, 50), dtype=np.uint8)
    second = rng.random((1, 21, 19)).astype(np.float32)
    dest = tmp_path / "collection.zarr"
    model = write_bioformats2raw(
        dest,
        [first, {"data": second, "axes": "cyx", "scale": [1, 0.3, 0.3], "method": "min"}],
        version=version,
        ome_xml=OME_XML,
        axes="czyx",
        scale=[1, 2, 0.5, 0.5],
        units="micrometer",
        chunks="auto",
    )
    report = validate_dataset(dest, strict=True)
    assert_valid(report)
    assert report.kind == "bioformats2raw"
    assert (dest / "OME" / "METADATA.ome.xml").read_text(encoding="utf-8") == OME_XML
    root = ome(dict(zarr.open_group(dest, mode="r").attrs))
    assert root["bioformats2raw.layout"] == 3
    series = ome(dict(zarr.open_group(dest / "OME", mode="r").attrs))
    assert series["series"] == ["0", "1"]
    ms0, _ = assert_pyramid(dest, first, "mean", path="0")
    ms1, _ = assert_pyramid(dest, second, "min", path="1")
    assert [a["name"] for a in ms0["axes"]] == ["c", "z", "y", "x"]
    assert [a["name"] for a in ms1["axes"]] == ["c", "y", "x"]
    assert ms0["name"] == "0"
    node = open_ome_zarr(dest, validate="raise")
    assert isinstance(node, CollectionNode)
    assert node.metadata == model
    assert [type(i) for i in node.images] == [ImageNode, ImageNode]
    assert [i.levels[0].shape for i in node.images] == [(2, 3, 40, 50), (1, 21, 19)]
    np.testing.assert_array_equal(node.images[1].to_dask().compute(), second)
    assert leftovers(tmp_path) == []


def test_bytes_xml_and_no_xml(tmp_path: Path) -> None:
    data = np.zeros((8, 8), dtype=np.uint16)
    write_bioformats2raw(
        tmp_path / "a.zarr", [data], ome_xml=OME_XML.encode(), axes="yx", units="micrometer"
    )
    assert (tmp_path / "a.zarr" / "OME" / "METADATA.ome.xml").read_bytes() == OME_XML.encode()
    write_bioformats2raw(tmp_path / "b.zarr", [data], axes="yx", units="micrometer")
    assert not (tmp_path / "b.zarr" / "OME" / "METADATA.ome.xml").exists()
    assert_valid(validate_dataset(tmp_path / "b.zarr"))


def test_refusals(tmp_path: Path) -> None:
    data = np.zeros((8, 8), dtype=np.uint16)
    with pytest.raises(InvalidArgumentError) as info:
        write_bioformats2raw(tmp_path / "a.zarr", [], axes="yx")
    assert info.value.argument == "images"
    with pytest.raises(InvalidArgumentError) as info:
        write_bioformats2raw(tmp_path / "a.zarr", [{"axes": "yx"}], axes="yx")
    assert info.value.argument == "images"
    with pytest.raises(InvalidArgumentError) as info:
        write_bioformats2raw(tmp_path / "a.zarr", [data, np.zeros((2, 8, 8))], axes="yx")
    assert info.value.argument == "axes"
    assert list(tmp_path.iterdir()) == []


def test_existing_collection_is_untouched(tmp_path: Path) -> None:
    dest = tmp_path / "a.zarr"
    data = np.ones((8, 8), dtype=np.uint16)
    write_bioformats2raw(dest, [data], ome_xml="<OME/>", axes="yx", units="micrometer")
    with pytest.raises(DestinationExistsError):
        write_bioformats2raw(dest, [data * 2], ome_xml="<new/>", axes="yx", units="micrometer")
    assert (dest / "OME" / "METADATA.ome.xml").read_text() == "<OME/>"
    assert_pyramid(dest, data, "mean", path="0")
