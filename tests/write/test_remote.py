"""Writing to S3 (moto's server on 127.0.0.1): valid datasets, data read back, refusals."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np
import pytest
import zarr

from omezarr_models.dataset import open_ome_zarr, validate_dataset
from omezarr_models.dataset.nodes import ImageNode
from omezarr_write import DestinationExistsError, write_image, write_labels
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
            "skip_instance_cache": True,
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


def test_existing_prefix_is_refused_without_overwrite(s3: dict[str, Any]) -> None:
    url = "s3://bucket/taken.zarr"
    old = np.full((20, 20), 9, dtype=np.uint8)
    write_image(url, old, axes="yx", units="micrometer", chunks=(8, 8), storage_options=s3)
    with pytest.raises(DestinationExistsError):
        write_image(url, old * 0, axes="yx", units="micrometer", storage_options=s3)
    np.testing.assert_array_equal(_read(url, s3, "0"), old)
    new = np.arange(100, dtype=np.uint8).reshape(10, 10)
    write_image(
        url, new, axes="yx", units="micrometer", chunks=(8, 8), overwrite=True, storage_options=s3
    )
    np.testing.assert_array_equal(_read(url, s3, "0"), new)
    assert_valid(validate_dataset(url, storage_options=s3))
    # the old third level (20 → 10 → 5 pixels with chunks of 8) is gone with the old dataset
    with pytest.raises(Exception):  # noqa: B017,PT011 - whatever zarr raises for a missing array
        zarr.open_array(f"{url}/2", mode="r", storage_options=s3)


def test_labels_on_s3(s3: dict[str, Any]) -> None:
    url = "s3://bucket/labelled.zarr"
    write_image(
        url,
        np.zeros((1, 24, 24), dtype=np.uint8),
        axes="cyx",
        units="micrometer",
        chunks=(1, 8, 8),
        storage_options=s3,
    )
    labels = (np.arange(24 * 24, dtype=np.uint16).reshape(1, 24, 24) // 50) % 4
    write_labels(url, "cells", labels, colors={1: "#FF0000"}, storage_options=s3)
    assert_valid(validate_dataset(url, storage_options=s3))
    np.testing.assert_array_equal(_read(url, s3, "labels/cells/0"), labels)
    node = open_ome_zarr(url, storage_options=s3)
    assert isinstance(node, ImageNode)
    assert list(node.labels) == ["cells"]
