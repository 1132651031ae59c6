"""write_image, 0.4 and 0.5: valid datasets, the right zarr format, every level right."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import dask.array as da
import numpy as np
import pytest
import zarr

from omezarr_models.dataset import open_ome_zarr, validate_dataset
from omezarr_models.dataset.nodes import ImageNode
from omezarr_write import InvalidArgumentError, write_image
from omezarr_write._metadata import WriteWarning
from tests.conftest import assert_valid
from tests.write.helpers import assert_pyramid, level_factors, load, ome, read_levels
from tests.write.reference import assert_reduced, leftovers, naive_reduce

VERSIONS = ("0.4", "0.5")


def _image(
    shape: tuple[int, ...] = (2, 5, 33, 47), dtype: str = "uint16", seed: int = 0
) -> np.ndarray:
    rng = np.random.default_rng(seed)
    if np.dtype(dtype).kind == "f":
        return rng.random(shape, dtype=np.float64).astype(dtype)
    if dtype == "bool":
        return rng.random(shape) < 0.3
    return rng.integers(0, min(60000, np.iinfo(dtype).max), size=shape, dtype=dtype)


def _quiet(**kw: Any) -> Any:
    """write_image with WriteWarnings silenced (tests of other things)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", WriteWarning)
        return write_image(**kw)


# ----------------------------------------------------------------------------- valid datasets


@pytest.mark.parametrize("version", VERSIONS)
def test_write_image_is_valid_and_every_level_is_right(tmp_path: Path, version: str) -> None:
    data = _image()
    dest = tmp_path / "cells.ome.zarr"
    with warnings.catch_warnings():
        warnings.simplefilter("error", WriteWarning)  # units and name given: nothing to warn of
        model = write_image(
            dest,
            data,
            axes="czyx",
            version=version,
            scale=[1, 2, 0.05, 0.05],
            units="micrometer",
            name="cells",
            chunks=(1, 2, 16, 16),
        )
    report = validate_dataset(dest, strict=True, check_data=True)
    assert_valid(report, no_warnings=True)
    assert report.kind == "image"
    assert report.version == version
    ms, levels = assert_pyramid(dest, data, "mean")
    assert [lv.shape for lv in levels] == [(2, 5, 33, 47), (2, 5, 17, 24), (2, 5, 9, 12)]
    assert level_factors(ms) == [(1, 1, 2, 2), (1, 1, 2, 2)]
    assert ms["name"] == "cells"
    assert [a.get("unit") for a in ms["axes"]] == [None, "micrometer", "micrometer", "micrometer"]
    # the model returned is what is on disk
    node = open_ome_zarr(dest, validate="raise")
    assert isinstance(node, ImageNode)
    assert node.metadata == model
    assert node.version == version
    assert leftovers(tmp_path) == []


def test_exact_metadata_numbers_on_disk(tmp_path: Path) -> None:
    data = _image((3, 60, 60))
    _quiet(
        dest=tmp_path / "a.zarr",
        data=data,
        axes="zyx",
        scale=[1, 0.05, 0.05],
        factors={"y": 3, "x": 3},
        levels=3,
    )
    text = (tmp_path / "a.zarr" / "zarr.json").read_text()
    assert "0.15000000000000002" not in text
    assert "0.45000000000000007" not in text
    ms, _ = read_levels(tmp_path / "a.zarr")
    transforms = [d["coordinateTransformations"] for d in ms["datasets"]]
    assert transforms[1] == [
        {"type": "scale", "scale": [1.0, 0.15, 0.15]},
        {"type": "translation", "translation": [0.0, 0.05, 0.05]},
    ]
    assert transforms[2][0]["scale"] == [1.0, 0.45, 0.45]
    assert transforms[2][1]["translation"] == [0.0, 0.2, 0.2]
    assert_pyramid(tmp_path / "a.zarr", data, "mean")


def test_zarr_v2_layout_for_0_4(tmp_path: Path) -> None:
    dest = tmp_path / "a.zarr"
    _quiet(
        dest=dest, data=_image((2, 40, 40)), axes="cyx", version="0.4", chunks=(1, 16, 16), levels=2
    )
    assert not (dest / "zarr.json").exists()
    assert load(dest / ".zgroup") == {"zarr_format": 2}
    attrs = load(dest / ".zattrs")
    assert attrs["multiscales"][0]["version"] == "0.4"
    for level, shape in (("0", [2, 40, 40]), ("1", [2, 20, 20])):
        meta = load(dest / level / ".zarray")
        assert meta["zarr_format"] == 2
        assert meta["dimension_separator"] == "/"
        assert meta["shape"] == shape
        assert meta["dtype"] == "<u2"
        assert meta["compressor"]["id"] == "blosc"
        assert meta["compressor"]["cname"] == "zstd"
    assert load(dest / "0" / ".zarray")["chunks"] == [1, 16, 16]
    assert (dest / "0" / "1" / "2" / "2").is_file()  # nested chunk keys


def test_zarr_v3_layout_for_0_5(tmp_path: Path) -> None:
    dest = tmp_path / "a.zarr"
    _quiet(dest=dest, data=_image((2, 40, 40)), axes="cyx", chunks=(1, 16, 16), levels=2)
    assert not (dest / ".zattrs").exists()
    group = load(dest / "zarr.json")
    assert group["zarr_format"] == 3
    assert group["node_type"] == "group"
    assert group["attributes"]["ome"]["version"] == "0.5"
    meta = load(dest / "0" / "zarr.json")
    assert meta["node_type"] == "array"
    assert meta["dimension_names"] == ["c", "y", "x"]
    assert meta["chunk_grid"]["configuration"]["chunk_shape"] == [1, 16, 16]
    assert [c["name"] for c in meta["codecs"]] == ["bytes", "blosc"]
    assert (dest / "0" / "c" / "1" / "2" / "2").is_file()


def test_sharded_0_5(tmp_path: Path) -> None:
    data = _image((2, 70, 90))
    dest = tmp_path / "a.zarr"
    _quiet(dest=dest, data=data, axes="cyx", chunks=(1, 16, 16), shards=(1, 32, 64), levels=3)
    assert_valid(validate_dataset(dest, check_data=True))
    assert_pyramid(dest, data, "mean")
    for level, outer in (("0", [1, 32, 64]), ("1", [1, 32, 48]), ("2", [1, 32, 32])):
        meta = load(dest / level / "zarr.json")
        assert meta["chunk_grid"]["configuration"]["chunk_shape"] == outer, level
        (codec,) = meta["codecs"]
        assert codec["name"] == "sharding_indexed"
        assert codec["configuration"]["chunk_shape"] == [1, 16, 16]
    # one file per shard: 2 × ceil(70/32) × ceil(90/64) at level 0
    assert len([p for p in (dest / "0" / "c").rglob("*") if p.is_file()]) == 2 * 3 * 2


def test_auto_shards(tmp_path: Path) -> None:
    data = _image((1, 3, 100, 130))
    dest = tmp_path / "a.zarr"
    _quiet(dest=dest, data=data, axes="tcyx", chunks=(1, 1, 32, 32), shards="auto", levels=2)
    meta = load(dest / "0" / "zarr.json")
    outer = meta["chunk_grid"]["configuration"]["chunk_shape"]
    assert [o % c for o, c in zip(outer, [1, 1, 32, 32], strict=True)] == [0, 0, 0, 0]
    assert outer[2] >= 100
    assert outer[3] >= 130
    assert_pyramid(dest, data, "mean")


# ----------------------------------------------------------------------------- sources and methods


def _sources(data: np.ndarray, tmp_path: Path) -> dict[str, Any]:
    stored = zarr.create_array(
        tmp_path / "source.zarr", shape=data.shape, chunks=(1, 3, 10, 13), dtype=data.dtype
    )
    stored[...] = data
    return {
        "numpy": data,
        "dask": da.from_array(data, chunks=(1, 3, 7, 11)),  # not aligned to the write chunks
        "zarr": zarr.open_array(tmp_path / "source.zarr", mode="r"),
    }


@pytest.mark.parametrize("source", ["numpy", "dask", "zarr"])
@pytest.mark.parametrize("version", VERSIONS)
def test_sources(tmp_path: Path, source: str, version: str) -> None:
    data = _image((2, 5, 37, 29), seed=1)
    dest = tmp_path / "a.zarr"
    _quiet(
        dest=dest,
        data=_sources(data, tmp_path)[source],
        axes="czyx",
        version=version,
        chunks=(1, 2, 8, 8),
    )
    _ms, levels = assert_pyramid(dest, data, "mean")
    assert [lv.shape[2:] for lv in levels] == [(37, 29), (19, 15), (10, 8), (5, 4)]


@pytest.mark.parametrize("method", ["mean", "nearest", "mode", "min", "max"])
@pytest.mark.parametrize("factors", [2, 3, {"y": 4, "x": 3}])
def test_methods_and_factors(tmp_path: Path, method: str, factors: Any) -> None:
    rng = np.random.default_rng(5)
    data = rng.integers(0, 6, size=(3, 31, 45), dtype=np.uint8)  # few values: real mode ties
    source = da.from_array(data, chunks=(2, 9, 10))
    dest = tmp_path / "a.zarr"
    _quiet(
        dest=dest,
        data=source,
        axes="zyx",
        scale=[3, 1, 1],
        method=method,
        factors=factors,
        levels=3,
        chunks=(2, 8, 8),
    )
    ms, _levels = assert_pyramid(dest, data, method)
    assert ms["type"] == method
    translation = [
        t for t in ms["datasets"][1]["coordinateTransformations"] if t["type"] == "translation"
    ]
    assert (translation != []) == (method != "nearest")


def test_gaussian_pyramid_matches_a_whole_array_blur(tmp_path: Path) -> None:
    pytest.importorskip("scipy")
    from scipy import ndimage

    data = _image((50, 45), "float32", seed=2)
    dest = tmp_path / "a.zarr"
    _quiet(
        dest=dest,
        data=da.from_array(data, chunks=(13, 17)),
        axes="yx",
        method="gaussian",
        levels=2,
        chunks=(16, 16),
    )
    _, levels = read_levels(dest)
    np.testing.assert_array_equal(levels[0], data)
    blurred = ndimage.gaussian_filter(data.astype(np.float64), sigma=0.5, mode="nearest")
    np.testing.assert_allclose(
        levels[1], naive_reduce(blurred, (2, 2), "mean"), rtol=1e-4, atol=1e-5
    )


_SHAPES: list[tuple[tuple[int, ...], Any]] = [
    ((19, 23), "yx"),
    ((2, 3, 9, 17, 21), "tczyx"),
    ((4, 20, 20), ["p", "y", "x"]),
]
_DTYPES = ("bool", "int8", "uint8", "int32", "uint64", "float32", "float64")


@pytest.mark.parametrize(
    ("version", "dtype", "shape", "axes"),
    [
        (version, dtype, *_SHAPES[(i + j) % len(_SHAPES)])
        for j, version in enumerate(VERSIONS)
        for i, dtype in enumerate(_DTYPES)
    ],
)
def test_dimensions_and_dtypes(
    tmp_path: Path, shape: tuple[int, ...], axes: Any, dtype: str, version: str
) -> None:
    data = _image(shape, dtype, seed=3)
    dest = tmp_path / "a.zarr"
    chunks = tuple(1 if n < 5 else 8 for n in shape)
    _quiet(dest=dest, data=data, axes=axes, version=version, chunks=chunks, levels=2)
    assert_valid(validate_dataset(dest))
    assert_pyramid(dest, data, "mean")


def test_a_zarr_store_destination(tmp_path: Path) -> None:
    from zarr.storage import MemoryStore

    store = MemoryStore()
    data = _image((30, 30))
    _quiet(dest=store, data=data, axes="yx", chunks=(8, 8), levels=3, name="mem")
    assert_valid(validate_dataset(store))
    ms, _ = assert_pyramid(store, data, "mean")
    assert ms["name"] == "mem"


def test_default_name_is_the_folder_stem(tmp_path: Path) -> None:
    model = _quiet(dest=tmp_path / "plate_A1.ome.zarr", data=_image((8, 8)), axes="yx")
    assert model.multiscales[0].name == "plate_A1"


@pytest.mark.parametrize("compressor", ["none", None, "gzip", "zstd", "blosc-lz4"])
@pytest.mark.parametrize("version", VERSIONS)
def test_compressors(tmp_path: Path, compressor: Any, version: str) -> None:
    data = _image((20, 20))
    dest = tmp_path / "a.zarr"
    _quiet(
        dest=dest,
        data=data,
        axes="yx",
        version=version,
        compressor=compressor,
        chunks=(8, 8),
        levels=2,
    )
    assert_pyramid(dest, data, "mean")
    if version == "0.4":
        written = load(dest / "0" / ".zarray")["compressor"]
        ids = {"none": None, None: None, "gzip": "gzip", "zstd": "zstd", "blosc-lz4": "blosc"}
        assert (written or {}).get("id") == ids[compressor]
    else:
        names = [c["name"] for c in load(dest / "0" / "zarr.json")["codecs"]]
        expected = {
            "none": [],
            None: [],
            "gzip": ["gzip"],
            "zstd": ["zstd"],
            "blosc-lz4": ["blosc"],
        }
        assert names == ["bytes", *expected[compressor]]


# ----------------------------------------------------------------------------- compute=False, channels, progress


@pytest.mark.parametrize("version", VERSIONS)
def test_compute_false_returns_a_delayed_that_writes_everything(
    tmp_path: Path, version: str
) -> None:
    from dask.delayed import Delayed

    data = _image((2, 30, 30))
    dest = tmp_path / "a.zarr"
    delayed = _quiet(
        dest=dest,
        data=da.from_array(data, chunks=(1, 10, 10)),
        axes="cyx",
        version=version,
        chunks=(1, 8, 8),
        channels=["a", "b"],
        compute=False,
    )
    assert isinstance(delayed, Delayed)
    assert not dest.exists()  # nothing under the destination's name yet
    model = delayed.compute()
    assert dest.is_dir()
    assert leftovers(tmp_path) == []
    assert_valid(validate_dataset(dest, check_data=True))
    assert_pyramid(dest, data, "mean")
    assert open_ome_zarr(dest).metadata == model
    assert [c.label for c in model.omero.channels] == ["a", "b"]


@pytest.mark.parametrize("version", VERSIONS)
def test_channels_write_omero_with_windows_from_the_data(tmp_path: Path, version: str) -> None:
    data = _image((3, 40, 40), "uint16")
    data[1] = data[1] // 7 + 100
    dest = tmp_path / "a.zarr"
    model = _quiet(
        dest=dest,
        data=data,
        axes="cyx",
        version=version,
        chunks=(1, 16, 16),
        channels=[
            "DAPI",
            {"label": "GFP", "color": "00FF00"},
            {"label": "RFP", "window": {"min": 0, "max": 10, "start": 1, "end": 9}},
        ],
    )
    _, levels = read_levels(dest)
    smallest = levels[-1]
    attrs = ome(dict(zarr.open_group(dest, mode="r").attrs))
    channels = attrs["omero"]["channels"]
    assert [c["label"] for c in channels] == ["DAPI", "GFP", "RFP"]
    assert channels[1]["color"] == "00FF00"
    for i in (0, 1):
        window = channels[i]["window"]
        assert window["start"] == float(smallest[i].min())
        assert window["end"] == float(smallest[i].max())
        assert (window["min"], window["max"]) == (0.0, 65535.0)
    assert channels[2]["window"] == {"min": 0, "max": 10, "start": 1, "end": 9}
    assert all(c["active"] for c in channels)
    assert attrs["omero"]["rdefs"]["model"] == "color"
    assert model.omero.channels[0].window.end == float(smallest[0].max())
    assert_valid(validate_dataset(dest))


def test_progress_bar(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = _image((2, 30, 30))
    _quiet(dest=tmp_path / "a.zarr", data=data, axes="cyx", chunks=(1, 8, 8), progress=True)
    assert "writing" in capsys.readouterr().out
    assert_pyramid(tmp_path / "a.zarr", data, "mean")


# ----------------------------------------------------------------------------- warnings and refusals


def test_missing_units_warn(tmp_path: Path) -> None:
    with pytest.warns(WriteWarning, match="axis-unit-missing"):
        write_image(tmp_path / "a.zarr", _image((8, 8)), axes="yx")
    assert_valid(validate_dataset(tmp_path / "a.zarr"))


def test_an_unknown_unit_warns(tmp_path: Path) -> None:
    with pytest.warns(WriteWarning) as record:
        write_image(tmp_path / "a.zarr", _image((8, 8)), axes="yx", units="furlong")
    assert any("furlong" in str(w.message) or "unit" in str(w.message) for w in record)


@pytest.mark.parametrize(
    ("argument", "data", "kw"),
    [
        ("data", np.zeros((4, 4), dtype=np.complex64), {}),
        ("data", np.array([["a", "b"], ["c", "d"]]), {}),
        ("data", np.zeros(8), {"axes": "x"}),
        ("data", np.zeros((1,) * 6), {"axes": "abcdef"}),
        ("data", [[1, 2], [3, 4]], {}),
        ("axes", np.zeros((4, 4)), {"axes": "zyx"}),
        ("method", np.zeros((4, 4)), {"method": "median"}),
        ("compressor", np.zeros((4, 4)), {"compressor": "lzma"}),
        ("channels", np.zeros((2, 4, 4)), {"axes": "cyx", "channels": ["one"]}),
        ("channels", np.zeros((4, 4)), {"channels": ["one"]}),
        ("shards", np.zeros((4, 4)), {"version": "0.4", "shards": (4, 4)}),
        ("bogus", np.zeros((4, 4)), {"bogus": 1}),
    ],
)
def test_bad_arguments_write_nothing(
    tmp_path: Path, argument: str, data: Any, kw: dict[str, Any]
) -> None:
    options = {"axes": "yx", **kw}
    with pytest.raises((InvalidArgumentError, TypeError)) as info:
        _quiet(dest=tmp_path / "a.zarr", data=data, **options)
    if argument == "bogus":
        assert info.type is TypeError  # not a keyword of write_image
    else:
        assert info.type is InvalidArgumentError
        assert info.value.argument == argument
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("version", VERSIONS)
def test_big_endian_source(tmp_path: Path, version: str) -> None:
    data = _image((20, 20), seed=4).astype(">u2")
    _quiet(dest=tmp_path / "a.zarr", data=data, axes="yx", version=version, chunks=(8, 8), levels=2)
    _ms, levels = read_levels(tmp_path / "a.zarr")
    np.testing.assert_array_equal(levels[0], data)
    assert_reduced(levels[1].astype(np.uint16), levels[0].astype(np.uint16), (2, 2), "mean")


def test_one_level(tmp_path: Path) -> None:
    data = _image((300, 300))
    model = _quiet(dest=tmp_path / "a.zarr", data=data, axes="yx", levels=1, chunks=(64, 64))
    assert [d.path for d in model.multiscales[0].datasets] == ["0"]
    assert sorted(p.name for p in (tmp_path / "a.zarr").iterdir()) == ["0", "zarr.json"]
    assert_pyramid(tmp_path / "a.zarr", data, "mean")


def test_unknown_dask_shape_is_refused(tmp_path: Path) -> None:
    ones = da.ones((4, 4), chunks=2, dtype=np.uint8)
    with pytest.raises(InvalidArgumentError, match="shape is unknown") as info:
        _quiet(dest=tmp_path / "a.zarr", data=ones[ones.sum(axis=1) > 0], axes="yx")
    assert info.value.argument == "data"
    assert list(tmp_path.iterdir()) == []
