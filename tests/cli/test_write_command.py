"""``omezarr write`` and ``omezarr pyramid``: arrays from files into valid OME-Zarr images."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import zarr
from typer.testing import CliRunner

from omezarr_cli.main import app
from omezarr_cli.write_cmd import UsageError, canonical, parse_numbers, parse_sizes, parse_units
from omezarr_models import validate_dataset

runner = CliRunner()
ENV = {"COLUMNS": "200"}


def _stack(tmp_path: Path, shape: tuple[int, ...] = (8, 64, 48)) -> tuple[Path, np.ndarray]:
    data = np.random.default_rng(1).integers(0, 4000, size=shape, dtype=np.uint16)
    path = tmp_path / "stack.npy"
    np.save(path, data)
    return path, data


def test_npy_to_a_valid_05_image(tmp_path: Path) -> None:
    source, data = _stack(tmp_path)
    out = tmp_path / "stack.zarr"
    result = runner.invoke(
        app,
        [
            "write",
            str(source),
            str(out),
            "--axes",
            "zyx",
            "--scale",
            "z=0.5,y=0.1,x=0.1",
            "--units",
            "micrometer",
            "--levels",
            "2",
            "--no-progress",
        ],
        env=ENV,
    )
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"wrote {out}: valid OME-Zarr 0.5 image")
    root = zarr.open_group(out, mode="r")
    np.testing.assert_array_equal(root["0"][:], data)
    assert root["1"].shape == (8, 32, 24)
    ms = root.attrs["ome"]["multiscales"][0]
    assert ms["datasets"][1]["coordinateTransformations"][0]["scale"] == [0.5, 0.2, 0.2]
    assert [a["unit"] for a in ms["axes"]] == ["micrometer"] * 3
    assert validate_dataset(out, strict=True).valid


def test_04_with_channels_and_positional_scale(tmp_path: Path) -> None:
    source, _ = _stack(tmp_path, (2, 32, 32))
    out = tmp_path / "c.zarr"
    result = runner.invoke(
        app,
        [
            "write",
            str(source),
            str(out),
            "--axes",
            "cyx",
            "--version",
            "0.4",
            "--scale",
            "1,0.25,0.25",
            "--units",
            "micrometer",
            "--channels",
            "DAPI,GFP",
            "--no-progress",
        ],
        env=ENV,
    )
    assert result.exit_code == 0, result.output
    attrs = json.loads((out / ".zattrs").read_text())
    assert [c["label"] for c in attrs["omero"]["channels"]] == ["DAPI", "GFP"]
    assert attrs["multiscales"][0]["datasets"][0]["coordinateTransformations"][0]["scale"] == [
        1.0,
        0.25,
        0.25,
    ]
    assert (out / "0" / ".zarray").exists()


def test_tiff_axes_are_put_in_ome_zarr_order(tmp_path: Path) -> None:
    tifffile = pytest.importorskip("tifffile")
    data = np.arange(3 * 2 * 16 * 12, dtype=np.uint16).reshape(3, 2, 16, 12)  # z, c, y, x
    source = tmp_path / "zcyx.tif"
    tifffile.imwrite(source, data, imagej=True, metadata={"axes": "ZCYX"})
    out = tmp_path / "t.zarr"
    result = runner.invoke(app, ["write", str(source), str(out), "--no-progress"], env=ENV)
    assert result.exit_code == 0, result.output
    root = zarr.open_group(out, mode="r")
    assert [a["name"] for a in root.attrs["ome"]["multiscales"][0]["axes"]] == ["c", "z", "y", "x"]
    np.testing.assert_array_equal(root["0"][:], data.transpose(1, 0, 2, 3))


def test_existing_output_is_refused_then_replaced_with_overwrite(tmp_path: Path) -> None:
    source, _ = _stack(tmp_path)
    out = tmp_path / "s.zarr"
    out.mkdir()
    (out / "keep.txt").write_text("precious")
    refused = runner.invoke(app, ["write", str(source), str(out), "--no-progress"], env=ENV)
    assert refused.exit_code == 2
    assert "not empty" in refused.output
    assert (out / "keep.txt").read_text() == "precious"
    replaced = runner.invoke(
        app, ["write", str(source), str(out), "--overwrite", "--no-progress"], env=ENV
    )
    assert replaced.exit_code == 0, replaced.output
    assert not (out / "keep.txt").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--axes", "yx"], "2 letters for 3 dimensions"),
        (["--method", "median"], "method"),
        (["--scale", "z=fast"], "--scale"),
        (["--chunks", "y=1.5"], "--chunks"),
        (["--version", "0.3"], "version"),
        (["--shards", "auto", "--version", "0.4"], "shards"),
    ],
)
def test_bad_options_exit_2_and_write_nothing(
    tmp_path: Path, args: list[str], message: str
) -> None:
    source, _ = _stack(tmp_path)
    out = tmp_path / "bad.zarr"
    result = runner.invoke(app, ["write", str(source), str(out), "--no-progress", *args], env=ENV)
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert not out.exists()
    assert not list(tmp_path.glob(".bad.zarr*"))


def test_unusable_inputs_exit_2(tmp_path: Path) -> None:
    missing = runner.invoke(app, ["write", str(tmp_path / "nope.npy"), str(tmp_path / "o.zarr")])
    assert missing.exit_code == 2
    assert "no such file" in missing.output
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    wrong = runner.invoke(app, ["write", str(text), str(tmp_path / "o.zarr")])
    assert wrong.exit_code == 2
    broken = tmp_path / "broken.npy"
    broken.write_bytes(b"\x93NUMPY garbage")
    bad = runner.invoke(app, ["write", str(broken), str(tmp_path / "o.zarr")])
    assert bad.exit_code == 2
    assert "not a readable .npy" in bad.output


def test_pyramid_rebuilds_levels_in_place(tmp_path: Path) -> None:
    source, data = _stack(tmp_path, (4, 128, 128))
    out = tmp_path / "p.zarr"
    first = runner.invoke(
        app,
        ["write", str(source), str(out), "--levels", "1", "--units", "micrometer", "--no-progress"],
        env=ENV,
    )
    assert first.exit_code == 0, first.output
    again = runner.invoke(app, ["pyramid", str(out), "--levels", "3", "--no-progress"], env=ENV)
    assert again.exit_code == 0, again.output
    assert again.output.startswith(f"rebuilt {out}: valid OME-Zarr 0.5 image")
    root = zarr.open_group(out, mode="r")
    assert [root[p].shape for p in ("0", "1", "2")] == [(4, 128, 128), (2, 64, 64), (1, 32, 32)]
    np.testing.assert_array_equal(root["0"][:], data)
    refused = runner.invoke(app, ["pyramid", str(out), "--levels", "2", "--no-progress"], env=ENV)
    assert refused.exit_code == 2
    not_image = runner.invoke(app, ["pyramid", str(tmp_path)], env=ENV)
    assert not_image.exit_code == 2


def test_option_parsers() -> None:
    assert parse_numbers("z=0.5, y=0.1", "--scale") == {"z": 0.5, "y": 0.1}
    assert parse_numbers("1,2.5", "--scale") == [1.0, 2.5]
    assert parse_sizes("y=512,x=256", "--chunks") == {"y": 512, "x": 256}
    assert parse_sizes("1,512", "--chunks") == (1, 512)
    assert parse_sizes("auto", "--shards") == "auto"
    assert parse_units("micrometer") == "micrometer"
    assert parse_units("z=micrometer,t=second") == {"z": "micrometer", "t": "second"}
    with pytest.raises(UsageError, match="--scale"):
        parse_numbers("", "--scale")
    with pytest.raises(UsageError, match="whole numbers"):
        parse_sizes("2.5", "--factors")


def test_canonical_order_is_lazy_and_exact() -> None:
    data = np.arange(2 * 3 * 4).reshape(2, 3, 4)  # z, c, x
    moved, axes = canonical(data, "zcx")
    assert axes == "czx"
    np.testing.assert_array_equal(np.asarray(moved), data.transpose(1, 0, 2))
    same, kept = canonical(data, "abc")
    assert same is data
    assert kept == "abc"


def test_without_the_write_extra_the_command_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    source, _ = _stack(tmp_path)
    monkeypatch.setitem(sys.modules, "dask.array", None)  # an import of it now fails
    result = runner.invoke(app, ["write", str(source), str(tmp_path / "o.zarr")], env=ENV)
    assert result.exit_code == 2
    assert "pip install 'omezarr[write]'" in result.output
    assert not (tmp_path / "o.zarr").exists()
