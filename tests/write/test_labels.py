"""write_labels: label images matching their image, listed in the labels group, never invented."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
import zarr

from omezarr_models.dataset import open_ome_zarr, validate_dataset
from omezarr_models.dataset.nodes import ImageNode
from omezarr_write import DestinationError, InvalidArgumentError, write_image, write_labels
from tests.conftest import assert_valid
from tests.write.helpers import assert_pyramid, ome, read_levels

pytestmark = pytest.mark.filterwarnings("ignore::omezarr_write._metadata.WriteWarning")

VERSIONS = ("0.4", "0.5")


def _image(tmp_path: Path, version: str, shape: tuple[int, ...] = (2, 45, 38), **kw: Any) -> Path:
    dest = tmp_path / "img.zarr"
    rng = np.random.default_rng(0)
    options: dict[str, Any] = {
        "axes": "cyx",
        "version": version,
        "scale": [1, 0.25, 0.25],
        "translation": [0, 10, -5],
        "units": "micrometer",
        "chunks": (1, 8, 8),
    }
    options.update(kw)
    write_image(dest, rng.integers(0, 1000, size=shape, dtype=np.uint16), **options)
    return dest


def _labels(shape: tuple[int, ...], seed: int = 1) -> np.ndarray:
    """Blobs of a few label values, with background: realistic ties between neighbours."""
    rng = np.random.default_rng(seed)
    coarse = rng.choice(
        np.array([0, 0, 3, 17, 250, 70000], dtype=np.uint32), size=tuple(-(-n // 3) for n in shape)
    )
    out = np.kron(coarse, np.ones((3,) * len(shape), dtype=np.uint32))
    out = out[tuple(slice(0, n) for n in shape)]
    noise = rng.random(shape) < 0.1
    out[noise] = 5
    return np.ascontiguousarray(out)


@pytest.mark.parametrize("version", VERSIONS)
def test_labels_match_the_image(tmp_path: Path, version: str) -> None:
    image = _image(tmp_path, version)
    data = _labels((1, 45, 38))
    model = write_labels(
        image,
        "cells",
        data,
        colors={3: (255, 0, 0), 17: "#00FF0080", 250: "0000ff", 5: [1, 2, 3, 4]},
        properties={3: {"class": "nucleus"}, 17: {"class": "cytoplasm", "area": 12}},
    )
    assert_valid(validate_dataset(image, strict=True))
    img_ms, img_levels = read_levels(image)
    ms, levels = assert_pyramid(image, data, "mode", path="labels/cells")
    assert len(levels) == len(img_levels) == 4
    assert [lv.shape[1:] for lv in levels] == [lv.shape[1:] for lv in img_levels]
    assert all(lv.shape[0] == 1 for lv in levels)
    # the same transformations as the image's levels
    assert [d["coordinateTransformations"] for d in ms["datasets"]] == [
        d["coordinateTransformations"] for d in img_ms["datasets"]
    ]
    assert ms["axes"] == img_ms["axes"]
    present = set(np.unique(data).tolist())
    for level in levels:
        assert set(np.unique(level).tolist()) <= present
    # listed in the labels group, with the image-label metadata
    labels_attrs = ome(dict(zarr.open_group(image / "labels", mode="r").attrs))
    assert labels_attrs["labels"] == ["cells"]
    label = ome(dict(zarr.open_group(image / "labels" / "cells", mode="r").attrs))["image-label"]
    assert label["colors"] == [
        {"label-value": 3, "rgba": [255, 0, 0, 255]},
        {"label-value": 17, "rgba": [0, 255, 0, 128]},
        {"label-value": 250, "rgba": [0, 0, 255, 255]},
        {"label-value": 5, "rgba": [1, 2, 3, 4]},
    ]
    assert label["properties"] == [
        {"label-value": 3, "class": "nucleus"},
        {"label-value": 17, "class": "cytoplasm", "area": 12},
    ]
    assert label["source"] == {"image": "../../"}
    assert model == open_ome_zarr(image / "labels" / "cells").metadata
    node = open_ome_zarr(image, validate="raise")
    assert isinstance(node, ImageNode)
    assert list(node.labels) == ["cells"]


@pytest.mark.parametrize("version", VERSIONS)
def test_a_second_label_is_appended(tmp_path: Path, version: str) -> None:
    image = _image(tmp_path, version, shape=(2, 20, 20))
    write_labels(image, "cells", _labels((2, 20, 20)))
    write_labels(
        image,
        "nuclei",
        _labels((1, 20, 20), seed=2),
        colors=[{"label-value": 3, "rgba": [1, 1, 1, 255]}],
    )
    labels_attrs = ome(dict(zarr.open_group(image / "labels", mode="r").attrs))
    assert labels_attrs["labels"] == ["cells", "nuclei"]
    # writing one again (overwrite) does not list it twice
    write_labels(image, "cells", _labels((2, 20, 20), seed=3), overwrite=True)
    labels_attrs = ome(dict(zarr.open_group(image / "labels", mode="r").attrs))
    assert labels_attrs["labels"] == ["cells", "nuclei"]
    assert_pyramid(image, _labels((2, 20, 20), seed=3), "mode", path="labels/cells")
    assert_valid(validate_dataset(image))
    assert sorted(open_ome_zarr(image).labels) == ["cells", "nuclei"]


@pytest.mark.parametrize("method", ["nearest", "min", "max"])
def test_other_methods_that_never_invent(tmp_path: Path, method: str) -> None:
    image = _image(tmp_path, "0.5", shape=(1, 30, 30))
    data = _labels((1, 30, 30))
    write_labels(image, "cells", data, method=method)
    ms, levels = assert_pyramid(image, data, method, path="labels/cells")
    assert ms["type"] == method
    present = set(np.unique(data).tolist())
    assert all(set(np.unique(level).tolist()) <= present for level in levels)


def test_labels_follow_the_image_factors(tmp_path: Path) -> None:
    image = _image(tmp_path, "0.5", shape=(1, 50, 41), factors=[(1, 3, 2), (1, 2, 3)])
    data = _labels((1, 50, 41))
    write_labels(image, "cells", data)
    _, levels = assert_pyramid(image, data, "mode", path="labels/cells")
    assert [lv.shape for lv in levels] == [(1, 50, 41), (1, 17, 21), (1, 9, 7)]


def test_labels_with_a_dask_source_in_a_sharded_image(tmp_path: Path) -> None:
    import dask.array as da

    image = _image(tmp_path, "0.5", shape=(1, 40, 40), shards=(1, 16, 16))
    data = _labels((1, 40, 40))
    write_labels(
        image, "cells", da.from_array(data, chunks=(1, 7, 9)), shards=(1, 16, 16), chunks=(1, 8, 8)
    )
    assert_pyramid(image, data, "mode", path="labels/cells")
    assert_valid(validate_dataset(image, check_data=True))


@pytest.mark.parametrize(
    ("argument", "name", "data", "kw"),
    [
        ("data", "cells", np.zeros((1, 45, 38), dtype=np.float32), {}),
        ("data", "cells", np.zeros((1, 45, 38), dtype=bool), {}),
        ("data", "cells", np.zeros((1, 45, 39), dtype=np.uint8), {}),
        ("data", "cells", np.zeros((3, 45, 38), dtype=np.uint8), {}),
        ("data", "cells", np.zeros((45, 38), dtype=np.uint8), {}),
        ("method", "cells", np.zeros((1, 45, 38), dtype=np.uint8), {"method": "mean"}),
        ("method", "cells", np.zeros((1, 45, 38), dtype=np.uint8), {"method": "gaussian"}),
        ("name", "a/b", np.zeros((1, 45, 38), dtype=np.uint8), {}),
        ("name", "", np.zeros((1, 45, 38), dtype=np.uint8), {}),
        ("colors", "cells", np.zeros((1, 45, 38), dtype=np.uint8), {"colors": {1: "#12345"}}),
    ],
)
def test_refusals(
    tmp_path: Path, argument: str, name: str, data: np.ndarray, kw: dict[str, Any]
) -> None:
    image = _image(tmp_path, "0.5")
    with pytest.raises(InvalidArgumentError) as info:
        write_labels(image, name, data, **kw)
    assert info.value.argument == argument
    assert not (image / "labels").exists()


def test_labels_need_an_image(tmp_path: Path) -> None:
    with pytest.raises(DestinationError):
        write_labels(tmp_path / "nothing.zarr", "cells", np.zeros((4, 4), dtype=np.uint8))
    plain = zarr.open_group(tmp_path / "plain.zarr", mode="w")
    plain.attrs["hello"] = 1
    with pytest.raises(DestinationError, match="not an OME-Zarr image"):
        write_labels(tmp_path / "plain.zarr", "cells", np.zeros((4, 4), dtype=np.uint8))


def test_labels_follow_the_image_scales_when_shapes_are_ambiguous(tmp_path: Path) -> None:
    # 6 → 2 and 5 → 2 pixels are a factor 3 or 4: the image's scales say which (4)
    image = _image(tmp_path, "0.5", shape=(1, 6, 5), factors=[(1, 4, 4)], levels=2)
    data = _labels((1, 6, 5))
    write_labels(image, "cells", data)
    img_ms, _ = read_levels(image)
    ms, _ = assert_pyramid(image, data, "mode", path="labels/cells")
    assert [d["coordinateTransformations"] for d in ms["datasets"]] == [
        d["coordinateTransformations"] for d in img_ms["datasets"]
    ]
