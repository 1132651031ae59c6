"""Writing to S3 (moto's server on 127.0.0.1): valid datasets, data read back, refusals."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import zarr

from omezarr_models.dataset import open_ome_zarr, validate_dataset
from omezarr_models.dataset.nodes import ImageNode
from omezarr_write import DestinationError, DestinationExistsError, write_image, write_labels
from tests.conftest import assert_valid
from tests.dataset.servers import s3_server
from tests.write.reference import assert_reduced

pytest.importorskip("s3fs")
pytest.importorskip("moto.server")


@pytest.fixture(scope="module")
def s3() -> Iterator[dict[str, Any]]:
    """The storage options of a fresh moto S3 server with a bucket ``bucket``."""
    import boto3  # type: ignore[import-untyped]

    with s3_server() as endpoint:
        boto3.client(
            "s3",
            endpoint_url=endpoint,
            aws_access_key_id="testing",
            aws_secret_access_key="testing",
            region_name="us-east-1",
        ).create_bucket(Bucket="bucket")
        yield {
            "endpoint_url": endpoint,
            "key": "testing",
            "secret": "testing",
            "client_kwargs": {"region_name": "us-east-1"},
        }


def _read(url: str, options: dict[str, Any], path: str) -> np.ndarray:
    array = zarr.open_array(f"{url}/{path}", mode="r", storage_options=options)
    return np.asarray(array[...])


@pytest.mark.parametrize("version", ["0.4", "0.5"])
def test_write_to_s3(s3: dict[str, Any], version: str) -> None:
    url = f"s3://bucket/img{version.replace('.', '')}.zarr"
    data = np.random.default_rng(0).integers(0, 5000, size=(2, 21, 30), dtype=np.uint16)
    model = write_image(
        url,
        data,
        axes="cyx",
        version=version,
        units="micrometer",
        chunks=(1, 16, 16),
        storage_options=s3,
    )
    assert model.multiscales[0].name == f"img{version.replace('.', '')}"
    report = validate_dataset(url, strict=True, storage_options=s3)
    assert_valid(report)
    assert report.kind == "image"
    assert report.version == version
    node = open_ome_zarr(url, validate="skip", storage_options=s3)
    assert isinstance(node, ImageNode)
    assert node.metadata == model
    levels = [np.asarray(level[...]) for level in node.levels]
    assert [lv.shape for lv in levels] == [(2, 21, 30), (2, 11, 15)]
    np.testing.assert_array_equal(levels[0], data)
    assert_reduced(levels[1], levels[0], (1, 2, 2), "mean")


def test_existing_prefix_refused_then_overwritten_then_labelled(s3: dict[str, Any]) -> None:
    url = "s3://bucket/taken.zarr"
    old = np.full((1, 20, 20), 9, dtype=np.uint8)
    options: dict[str, Any] = {"axes": "cyx", "units": "micrometer", "chunks": (1, 8, 8)}
    write_image(url, old, storage_options=s3, **options)
    with pytest.raises(DestinationExistsError):
        write_image(url, old * 0, storage_options=s3, **options)
    np.testing.assert_array_equal(_read(url, s3, "0"), old)
    new = np.arange(144, dtype=np.uint8).reshape(1, 12, 12)
    write_image(url, new, overwrite=True, storage_options=s3, **options)
    np.testing.assert_array_equal(_read(url, s3, "0"), new)
    # the old third level (20 → 10 → 5 pixels with chunks of 8) is gone with the old dataset
    group = zarr.open_group(url, mode="r", storage_options=s3)
    assert sorted(group.array_keys()) == ["0", "1"]
    # a label image beside it, listed in the labels group on S3
    labels = (new // 50).astype(np.uint16)
    write_labels(url, "cells", labels, colors={1: "#FF0000"}, storage_options=s3)
    assert_valid(validate_dataset(url, strict=True, storage_options=s3))
    node = open_ome_zarr(url, validate="skip", storage_options=s3)
    assert isinstance(node, ImageNode)
    assert list(node.labels) == ["cells"]
    label_levels = [np.asarray(a[...]) for a in node.labels["cells"].levels]
    np.testing.assert_array_equal(label_levels[0], labels)
    assert_reduced(label_levels[1], labels, (1, 2, 2), "mode")


def test_a_read_only_http_destination(tmp_path: Path) -> None:
    from tests.dataset.servers import http_server

    with http_server(tmp_path) as (url, _), pytest.raises(DestinationError):
        write_image(
            f"{url}/x.zarr", np.zeros((8, 8), dtype=np.uint8), axes="yx", units="micrometer"
        )
    assert list(tmp_path.iterdir()) == []
