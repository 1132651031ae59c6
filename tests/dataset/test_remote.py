"""validate_dataset on a zip, over HTTP and on S3: all served from 127.0.0.1 by the tests."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from omezarr_models.dataset import validate_dataset
from tests.dataset.builders import image, plate
from tests.dataset.servers import http_server, s3_server, upload
from tests.dataset.test_local import assert_error, assert_valid

pytest.importorskip("aiohttp")


def _zip(folder: Path, target: Path) -> Path:
    with zipfile.ZipFile(target, "w") as zf:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                zf.write(path, path.relative_to(folder).as_posix())
    return target


# ------------------------------------------------------------------------------ zip


@pytest.mark.parametrize("version", ["0.4", "0.5"])
def test_zip(tmp_path: Path, version: str) -> None:
    folder = plate(version).write(tmp_path / "p.zarr")
    report = validate_dataset(_zip(folder, tmp_path / "p.zip"), strict=True)
    assert_valid(report)
    assert report.kind == "plate"


def test_zip_with_a_defect(tmp_path: Path) -> None:
    h = image("0.5", labels=True)
    h.groups["labels"]["labels"].append("ghost")
    report = validate_dataset(_zip(h.write(tmp_path / "i.zarr"), tmp_path / "i.zip"))
    assert_error(report, "label-image-missing", "labels/zarr.json")


def test_broken_zip_is_unusable(tmp_path: Path) -> None:
    path = tmp_path / "broken.zip"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    report = validate_dataset(path)
    assert report.unusable is not None
    assert not report.valid


# ------------------------------------------------------------------------------ HTTP


@pytest.mark.parametrize("version", ["0.4", "0.5"])
def test_http(tmp_path: Path, version: str) -> None:
    folder = plate(version).write(tmp_path / "p.zarr")
    with http_server(folder) as (url, requests):
        report = validate_dataset(url, strict=True)
    assert_valid(report)
    assert report.kind == "plate"
    # each document is requested once
    assert len(requests) == len(set(requests))


def test_http_missing_documents_are_404s(tmp_path: Path) -> None:
    h = plate("0.5")
    del h.groups["A/1/0"]
    for key in [k for k in h.arrays if k.startswith("A/1/0/")]:
        del h.arrays[key]
    with http_server(h.write(tmp_path / "p.zarr")) as (url, _):
        report = validate_dataset(url)
    assert_error(report, "field-image-missing", "A/1/zarr.json", "/ome/well/images/0/path")


def test_http_server_errors_are_reported(tmp_path: Path) -> None:
    folder = plate("0.5").write(tmp_path / "p.zarr")
    with http_server(folder, errors={"A/2/zarr.json": 500}) as (url, _):
        report = validate_dataset(url)
    assert_error(report, "metadata-unreadable", "A/2/zarr.json")
    assert report.unusable is None


def test_http_root_missing(tmp_path: Path) -> None:
    with http_server(tmp_path) as (url, _):
        report = validate_dataset(url)
    assert_error(report, "group-missing")


def test_http_slow_server_reads_concurrently(tmp_path: Path) -> None:
    import time

    folder = plate("0.5", rows=2, columns=4, fields=2).write(tmp_path / "p.zarr")
    with http_server(folder, latency=0.02) as (url, requests):
        start = time.perf_counter()
        report = validate_dataset(url)
        elapsed = time.perf_counter() - start
    assert_valid(report)
    serial = len(requests) * 0.02
    # 8 wells x 2 fields: the walk is 5 levels deep, so with concurrency it takes a handful of
    # round trips, not one per document
    assert elapsed < serial / 3, (elapsed, serial)


def test_unreachable_url(tmp_path: Path) -> None:
    from tests.dataset.servers import free_port

    report = validate_dataset(f"http://127.0.0.1:{free_port()}/nothing.zarr")
    assert not report.valid


# ------------------------------------------------------------------------------ S3 (moto)


@pytest.fixture(scope="module")
def s3_endpoint() -> str:
    pytest.importorskip("s3fs")
    pytest.importorskip("moto.server")
    with s3_server() as endpoint:
        yield endpoint  # type: ignore[misc]


def _s3_options(endpoint: str) -> dict[str, object]:
    return {
        "endpoint_url": endpoint,
        "key": "testing",
        "secret": "testing",
        "client_kwargs": {"region_name": "us-east-1"},
    }


@pytest.mark.parametrize("version", ["0.4", "0.5"])
def test_s3(tmp_path: Path, s3_endpoint: str, version: str) -> None:
    folder = plate(version, rows=1, columns=2).write(tmp_path / "p.zarr")
    bucket = f"plates-{version.replace('.', '')}"
    upload(s3_endpoint, bucket, folder, "p.zarr")
    report = validate_dataset(
        f"s3://{bucket}/p.zarr", strict=True, storage_options=_s3_options(s3_endpoint)
    )
    assert_valid(report)
    assert report.groups == 1 + 1 + 2 + 4


def test_s3_with_a_defect(tmp_path: Path, s3_endpoint: str) -> None:
    h = image("0.5")
    h.arrays["1"]["shape"] = [2, 128, 128]
    upload(s3_endpoint, "defects", h.write(tmp_path / "i.zarr"), "i.zarr")
    report = validate_dataset("s3://defects/i.zarr", storage_options=_s3_options(s3_endpoint))
    assert_error(report, "levels-not-decreasing", "zarr.json")
