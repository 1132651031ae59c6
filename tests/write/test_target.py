"""Safety: existing data is never touched without overwrite, failed writes leave nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import dask
import dask.array as da
import numpy as np
import pytest

from omezarr_models.dataset import validate_dataset
from omezarr_write import (
    DestinationError,
    DestinationExistsError,
    InvalidArgumentError,
    write_image,
    write_labels,
)
from omezarr_write._target import prepare
from tests.conftest import assert_valid
from tests.write.helpers import assert_pyramid, read_levels
from tests.write.reference import leftovers, tree

pytestmark = pytest.mark.filterwarnings("ignore::omezarr_write._metadata.WriteWarning")


class InjectedError(RuntimeError):
    """The failure injected into one block."""


def _failing(shape: tuple[int, ...] = (40, 40), bad_block: tuple[int, ...] = (1, 2)) -> da.Array:
    """A dask array whose map_blocks function raises on one block (the others are fine)."""
    base = da.ones(shape, dtype=np.uint16, chunks=(10, 10))

    def fill(block: np.ndarray, block_info: Any = None) -> np.ndarray:
        if block_info is not None and tuple(block_info[0]["chunk-location"]) == bad_block:
            raise InjectedError("injected failure")
        return block * 7

    return base.map_blocks(fill, dtype=np.uint16)


def _write(dest: Path, data: Any, **kw: Any) -> Any:
    return write_image(dest, data, axes="yx", chunks=(8, 8), **kw)


def test_a_non_empty_destination_is_refused_and_untouched(tmp_path: Path) -> None:
    dest = tmp_path / "a.zarr"
    _write(dest, np.full((20, 20), 3, dtype=np.uint8))
    before = tree(dest)
    with pytest.raises(DestinationExistsError) as info:
        _write(dest, np.zeros((30, 30), dtype=np.uint16))
    assert "overwrite=True" in str(info.value)
    assert tree(dest) == before
    assert leftovers(tmp_path) == []


def test_any_folder_with_content_is_refused(tmp_path: Path) -> None:
    dest = tmp_path / "notes"
    dest.mkdir()
    (dest / "readme.txt").write_text("mine")
    with pytest.raises(DestinationExistsError):
        _write(dest, np.zeros((8, 8), dtype=np.uint8))
    assert tree(dest) == {"readme.txt": b"mine"}


def test_an_empty_folder_is_written_into(tmp_path: Path) -> None:
    dest = tmp_path / "a.zarr"
    dest.mkdir()
    data = np.arange(64, dtype=np.uint8).reshape(8, 8)
    _write(dest, data)
    assert_pyramid(dest, data, "mean")


def test_overwrite_replaces(tmp_path: Path) -> None:
    dest = tmp_path / "a.zarr"
    _write(dest, np.full((40, 40), 3, dtype=np.uint8), version="0.4")
    data = np.arange(30 * 30, dtype=np.uint16).reshape(30, 30)
    _write(dest, data, overwrite=True)
    assert_valid(validate_dataset(dest))
    assert not (dest / ".zattrs").exists()  # nothing of the old 0.4 dataset is left
    assert not (dest / "3").exists()  # the old pyramid had 4 levels, the new one 3
    assert (dest / "2").exists()
    assert_pyramid(dest, data, "mean")
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("version", ["0.4", "0.5"])
def test_a_failed_write_leaves_nothing(tmp_path: Path, version: str) -> None:
    dest = tmp_path / "a.zarr"
    # one thread: no other block in flight when the failure is reported (see the xfail below)
    with dask.config.set(scheduler="synchronous"), pytest.raises(InjectedError):
        _write(dest, _failing(), version=version)
    assert not dest.exists()
    assert leftovers(tmp_path) == []
    assert list(tmp_path.iterdir()) == []


def test_a_failed_overwrite_leaves_the_old_dataset_intact(tmp_path: Path) -> None:
    dest = tmp_path / "a.zarr"
    old = np.arange(40 * 40, dtype=np.uint16).reshape(40, 40)
    _write(dest, old)
    before = tree(dest)
    with dask.config.set(scheduler="synchronous"), pytest.raises(InjectedError):
        _write(dest, _failing(), overwrite=True)
    assert tree(dest) == before
    assert leftovers(tmp_path) == []
    assert_valid(validate_dataset(dest, check_data=True))
    assert_pyramid(dest, old, "mean")


def test_a_failed_delayed_write_leaves_nothing(tmp_path: Path) -> None:
    dest = tmp_path / "a.zarr"
    delayed = _write(dest, _failing(), compute=False)
    with pytest.raises(InjectedError):
        delayed.compute()
    assert not dest.exists()
    assert leftovers(tmp_path) == []  # the hidden staging folder is removed too


def test_bad_arguments_fail_before_the_destination_is_created(tmp_path: Path) -> None:
    dest = tmp_path / "deep" / "a.zarr"
    for kw in ({"levels": 0}, {"factors": 2.5}, {"method": "median"}, {"scale": [1, -1]}):
        with pytest.raises(InvalidArgumentError):
            _write(dest, np.zeros((8, 8), dtype=np.uint8), **kw)
    with pytest.raises(InvalidArgumentError):
        write_image(dest, np.zeros((8, 8)), axes="zyx")
    assert list(tmp_path.iterdir()) == []


def test_a_file_in_the_way(tmp_path: Path) -> None:
    dest = tmp_path / "a.zarr"
    dest.write_text("not a folder")
    for overwrite in (False, True):
        with pytest.raises(DestinationError, match="file is in the way"):
            _write(dest, np.zeros((8, 8), dtype=np.uint8), overwrite=overwrite)
    assert dest.read_text() == "not a folder"
    assert leftovers(tmp_path) == []


def test_a_file_in_the_way_of_the_parent(tmp_path: Path) -> None:
    (tmp_path / "parent").write_text("x")
    with pytest.raises(DestinationError):
        _write(tmp_path / "parent" / "a.zarr", np.zeros((8, 8), dtype=np.uint8))
    assert (tmp_path / "parent").read_text() == "x"


def test_the_metadata_is_written_last(tmp_path: Path) -> None:
    """While the arrays are written, no group document claims an image anywhere."""
    dest = tmp_path / "a.zarr"
    seen: list[bool] = []

    def look(block: np.ndarray) -> np.ndarray:
        if block.size == 0:  # dask probing the function's output type
            return block
        staged = [p for p in tmp_path.iterdir() if ".omezarr-partial-" in p.name]
        seen.append(
            not dest.exists()
            and len(staged) == 1
            and "multiscales" not in (staged[0] / "zarr.json").read_text()
        )
        return block

    data = da.ones((32, 32), dtype=np.uint8, chunks=(16, 16)).map_blocks(look, dtype=np.uint8)
    _write(dest, data)
    assert seen
    assert all(seen)
    assert "multiscales" in (dest / "zarr.json").read_text()


def test_prepare_refuses_and_stages(tmp_path: Path) -> None:
    target = prepare(tmp_path / "x.zarr", overwrite=False)
    assert target.staging is not None
    assert target.staging.parent == tmp_path
    assert target.staging.name.startswith(".x.zarr.omezarr-partial-")
    assert not (tmp_path / "x.zarr").exists()
    target.abort()
    assert list(tmp_path.iterdir()) == []
    target = prepare(tmp_path / "x.zarr", overwrite=False)
    (target.staging / "f").write_text("1")  # type: ignore[operator]
    target.commit()
    assert (tmp_path / "x.zarr" / "f").read_text() == "1"
    with pytest.raises(DestinationExistsError):
        prepare(tmp_path / "x.zarr", overwrite=False)


# ----------------------------------------------------------------------------- labels


def test_labels_refuse_an_existing_label_and_keep_it(tmp_path: Path) -> None:
    image = tmp_path / "img.zarr"
    _write(image, np.zeros((20, 20), dtype=np.uint8))
    first = np.arange(400, dtype=np.uint32).reshape(20, 20) % 5
    write_labels(image, "cells", first)
    before = tree(image)
    with pytest.raises(DestinationExistsError):
        write_labels(image, "cells", np.ones((20, 20), dtype=np.uint32))
    assert tree(image) == before
    second = np.ones((20, 20), dtype=np.uint32)
    write_labels(image, "cells", second, overwrite=True)
    _, levels = read_levels(image, "labels/cells")
    np.testing.assert_array_equal(levels[0], second)
    assert leftovers(image / "labels") == []


def test_a_failed_label_write_leaves_the_image_as_it_was(tmp_path: Path) -> None:
    image = tmp_path / "img.zarr"
    _write(image, np.zeros((40, 40), dtype=np.uint8))
    before = tree(image)
    with dask.config.set(scheduler="synchronous"), pytest.raises(InjectedError):
        write_labels(image, "cells", _failing().astype(np.uint32))
    assert tree(image) == before
    labels = image / "labels"
    assert not (labels / "cells").exists()
    assert not labels.exists() or leftovers(labels) == []
    assert_valid(validate_dataset(image))


def test_bad_label_arguments_write_nothing(tmp_path: Path) -> None:
    image = tmp_path / "img.zarr"
    _write(image, np.zeros((20, 20), dtype=np.uint8))
    before = tree(image)
    for name, data, kw in (
        ("cells", np.zeros((20, 20), dtype=np.uint32), {"method": "mean"}),
        ("cells", np.zeros((20, 20), dtype=np.float32), {}),
        ("cells", np.zeros((20, 21), dtype=np.uint32), {}),
        ("a/b", np.zeros((20, 20), dtype=np.uint32), {}),
    ):
        with pytest.raises(InvalidArgumentError):
            write_labels(image, name, data, **kw)
    assert tree(image) == before
    assert not (image / "labels").exists()


def test_a_failed_write_leaves_nothing_even_with_tasks_in_flight(tmp_path: Path) -> None:
    """A block still being computed when another fails must not write into a removed staging."""
    import time

    base = da.ones((16, 32), dtype=np.uint16, chunks=(16, 16))

    def fill(block: np.ndarray, block_info: Any = None) -> np.ndarray:
        if block_info is not None and block.size:
            if block_info[0]["chunk-location"] == (0, 1):
                raise InjectedError("injected failure")
            time.sleep(0.5)  # still running when the failure is reported
        return block

    dest = tmp_path / "a.zarr"
    with pytest.raises(InjectedError):
        write_image(
            dest, base.map_blocks(fill, dtype=np.uint16), axes="yx", chunks=(16, 16), levels=1
        )
    time.sleep(1.0)  # let the slow block finish and try to store its chunk
    assert not dest.exists()
    assert leftovers(tmp_path) == []


def test_a_delayed_overwrite_keeps_the_old_dataset_until_computed(tmp_path: Path) -> None:
    dest = tmp_path / "a.zarr"
    old = np.full((20, 20), 5, dtype=np.uint8)
    _write(dest, old)
    before = tree(dest)
    new = np.arange(400, dtype=np.uint8).reshape(20, 20)
    delayed = _write(dest, new, overwrite=True, compute=False)
    assert tree(dest) == before
    delayed.compute()
    assert_pyramid(dest, new, "mean")
    assert leftovers(tmp_path) == []


def test_a_delayed_write_refuses_an_existing_destination_at_once(tmp_path: Path) -> None:
    dest = tmp_path / "a.zarr"
    _write(dest, np.zeros((8, 8), dtype=np.uint8))
    with pytest.raises(DestinationExistsError):
        _write(dest, np.ones((8, 8), dtype=np.uint8), compute=False)
    assert leftovers(tmp_path) == []
