"""write_image unchanged on a dask.distributed cluster (an in-process LocalCluster)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import dask.array as da
import numpy as np
import pytest

from omezarr_models.dataset import validate_dataset
from omezarr_write import write_image, write_labels
from tests.conftest import assert_valid
from tests.write.helpers import assert_pyramid

distributed = pytest.importorskip("distributed")

pytestmark = pytest.mark.filterwarnings("ignore::omezarr_write._metadata.WriteWarning")


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    with (
        distributed.LocalCluster(
            n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as c,
    ):
        yield c


@pytest.mark.parametrize("version", ["0.4", "0.5"])
def test_write_image_on_a_cluster(tmp_path: Path, client: Any, version: str) -> None:
    data = np.random.default_rng(0).integers(0, 3000, size=(2, 6, 35, 27), dtype=np.uint16)
    dest = tmp_path / "a.zarr"
    before = client.run_on_scheduler(lambda dask_scheduler: dask_scheduler.transition_counter)
    write_image(
        dest,
        da.from_array(data, chunks=(1, 4, 13, 10)),
        axes="czyx",
        version=version,
        chunks=(1, 2, 8, 8),
        channels=["a", "b"],
        shards=(1, 2, 16, 16) if version == "0.5" else None,
    )
    after = client.run_on_scheduler(lambda dask_scheduler: dask_scheduler.transition_counter)
    assert after > before  # the tasks ran on the cluster
    assert_valid(validate_dataset(dest, check_data=True))
    assert_pyramid(dest, data, "mean")


def test_delayed_write_and_labels_on_a_cluster(tmp_path: Path, client: Any) -> None:
    data = np.random.default_rng(1).integers(0, 9, size=(1, 30, 30), dtype=np.uint8)
    dest = tmp_path / "a.zarr"
    delayed = write_image(dest, data, axes="cyx", chunks=(1, 8, 8), compute=False)
    model = client.compute(delayed).result()
    assert model.multiscales[0].name == "a"
    assert_pyramid(dest, data, "mean")
    labels = (data % 3).astype(np.uint16)
    write_labels(dest, "cells", labels)
    assert_pyramid(dest, labels, "mode", path="labels/cells")
    assert_valid(validate_dataset(dest))
