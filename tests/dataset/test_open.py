"""open_ome_zarr: typed nodes, levels as zarr arrays, dask arrays, lenient or strict opening."""

from __future__ import annotations

import warnings
import zipfile
from pathlib import Path

import numpy as np
import pytest
import zarr

from omezarr_models import open_ome_zarr, v04, v05
from omezarr_models.dataset import (
    CollectionNode,
    ImageNode,
    InvalidDatasetError,
    OmeZarrWarning,
    PlateNode,
    WellNode,
)
from tests.dataset.builders import Hierarchy, bioformats2raw, image, plate


def _with_data(h: Hierarchy, root: Path) -> dict[str, np.ndarray]:
    """Write ``h`` with real arrays (random data) in place of metadata-only ones."""
    arrays = dict(h.arrays)
    h.arrays.clear()
    h.write(root)
    rng = np.random.default_rng(0)
    data = {}
    for path, spec in arrays.items():
        values = rng.integers(0, 1000, size=spec["shape"]).astype(spec["dtype"])
        kwargs = {"dimension_names": spec["dimension_names"]} if "dimension_names" in spec else {}
        arr = zarr.create_array(
            store=str(root / path),
            shape=values.shape,
            chunks=tuple(min(n, 16) for n in values.shape),
            dtype=values.dtype,
            zarr_format=h.zarr_format,
            **kwargs,
        )
        arr[:] = values
        data[path] = values
    return data


@pytest.mark.parametrize(("version", "model"), [("0.4", v04.Image), ("0.5", v05.Image)])
def test_image_with_labels(tmp_path: Path, version: str, model: type) -> None:
    h = image(version, labels=True)
    data = _with_data(h, tmp_path / "i.zarr")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a valid dataset opens without warnings
        node = open_ome_zarr(tmp_path / "i.zarr")
    assert isinstance(node, ImageNode)
    assert (node.kind, node.version, node.axes) == ("image", version, ["c", "y", "x"])
    assert isinstance(node.metadata, model)
    assert [level.shape for level in node.levels] == [(2, 64, 64), (2, 32, 32)]
    np.testing.assert_array_equal(node.levels[1][:], data["1"])
    lazy = node.to_dask(0)
    assert lazy.chunksize == (2, 16, 16)
    np.testing.assert_array_equal(lazy.compute(), data["0"])
    cells = node.labels["cells"]
    assert cells.kind == "label-image"
    np.testing.assert_array_equal(cells.to_dask().compute(), data["labels/cells/0"])


def test_plate_wells_and_fields(tmp_path: Path) -> None:
    h = plate("0.5", rows=2, columns=2, fields=2)
    data = _with_data(h, tmp_path / "p.zarr")
    node = open_ome_zarr(tmp_path / "p.zarr")
    assert isinstance(node, PlateNode)
    assert list(node.wells) == ["A/1", "A/2", "B/1", "B/2"]
    well = node.well("B", "2")
    assert isinstance(well, WellNode)
    assert [f.path for f in well.images] == ["B/2/0", "B/2/1"]
    np.testing.assert_array_equal(well.images[1].levels[0][:], data["B/2/1/0"])
    assert isinstance(node.metadata, v05.Plate)


@pytest.mark.parametrize("series", [True, False])
def test_collection(tmp_path: Path, series: bool) -> None:
    h = bioformats2raw("0.4", images=3, series=series)
    h.write(tmp_path / "c.zarr")
    node = open_ome_zarr(tmp_path / "c.zarr")
    assert isinstance(node, CollectionNode)
    assert [i.path for i in node.images] == ["0", "1", "2"]


def test_zip(tmp_path: Path) -> None:
    h = image("0.5")
    data = _with_data(h, tmp_path / "i.zarr")
    archive = tmp_path / "i.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for path in (tmp_path / "i.zarr").rglob("*"):
            if path.is_file():
                zf.write(path, path.relative_to(tmp_path / "i.zarr").as_posix())
    node = open_ome_zarr(archive)
    assert isinstance(node, ImageNode)
    np.testing.assert_array_equal(node.levels[0][:], data["0"])


def test_invalid_dataset_warns_raises_or_is_skipped(tmp_path: Path) -> None:
    h = image("0.5")
    h.arrays["1"]["shape"] = [2, 128, 128]
    root = h.write(tmp_path / "bad.zarr")
    with pytest.warns(OmeZarrWarning, match="levels-not-decreasing"):
        node = open_ome_zarr(root)
    assert isinstance(node, ImageNode)
    with pytest.raises(InvalidDatasetError) as info:
        open_ome_zarr(root, validate="raise")
    assert info.value.report.errors[0].code == "levels-not-decreasing"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        open_ome_zarr(root, validate="skip")


def test_unusable_source_raises(tmp_path: Path) -> None:
    with pytest.raises(InvalidDatasetError, match="unusable"):
        open_ome_zarr(tmp_path / "missing.zarr")


def test_metadata_that_does_not_build_is_none(tmp_path: Path) -> None:
    h = image("0.4")
    h.groups[""]["multiscales"][0]["axes"][1]["name"] = "x"  # duplicate axis names
    root = h.write(tmp_path / "dup.zarr")
    node = open_ome_zarr(root, validate="skip")
    assert node.kind == "image"
    assert node.metadata is None


def test_check_data_finds_corrupt_chunks(tmp_path: Path) -> None:
    from omezarr_models import validate_dataset

    h = image("0.5")
    _with_data(h, tmp_path / "i.zarr")
    assert validate_dataset(tmp_path / "i.zarr", check_data=True).valid
    # the last chunk of level 0 (an uncompressed array would still decode: damage a zstd one)
    chunk = sorted((tmp_path / "i.zarr" / "0" / "c").rglob("*"))[-1]
    assert chunk.is_file()
    chunk.write_bytes(b"\x00garbage")
    assert validate_dataset(tmp_path / "i.zarr").valid  # metadata alone is fine
    report = validate_dataset(tmp_path / "i.zarr", check_data=True)
    assert [(i.file, i.code) for i in report.errors] == [("0/zarr.json", "chunk-unreadable")]
