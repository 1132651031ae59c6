"""convert_dataset / ``omezarr convert``: whole datasets between versions, contents identical."""

from __future__ import annotations

import hashlib
import json
import warnings
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import zarr
from typer.testing import CliRunner

from omezarr_cli.main import app
from omezarr_models import ConversionError, validate_dataset
from omezarr_models.conversion import LossyConversionWarning
from omezarr_write import convert as convert_module
from omezarr_write.convert import convert_dataset
from tests.dataset import builders as b

runner = CliRunner()


def _fill(root: Path, h: b.Hierarchy) -> dict[str, np.ndarray[Any, Any]]:
    """Write distinct data into every array of ``h`` (written at ``root``); return it."""
    out = {}
    for i, path in enumerate(sorted(h.arrays)):
        array = zarr.open_array(str(root / path), mode="r+")
        data = (np.arange(array.size).reshape(array.shape) * (i + 3) % 251).astype(array.dtype)
        array[...] = data
        out[path] = data
    return out


def _written(tmp_path: Path, h: b.Hierarchy, name: str = "src.zarr") -> tuple[Path, dict[str, Any]]:
    root = h.write(tmp_path / name)
    return root, _fill(root, h)


def _files(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def _attrs(root: Path, path: str = "") -> dict[str, Any]:
    folder = root / path
    if (folder / "zarr.json").is_file():
        return dict(json.loads((folder / "zarr.json").read_text())["attributes"])
    zattrs = folder / ".zattrs"
    return dict(json.loads(zattrs.read_text())) if zattrs.is_file() else {}


def _same_data(dest: Path, data: dict[str, np.ndarray[Any, Any]]) -> None:
    for path, expected in data.items():
        got = zarr.open_array(str(dest / path), mode="r")[...]
        assert np.array_equal(np.asarray(got).reshape(expected.shape), expected), path


# ------------------------------------------------------------------------------------------
# Kinds of dataset


def test_image_with_labels_04_to_05_and_back(tmp_path: Path) -> None:
    h = b.image("0.4", labels=True)
    h.groups[""]["omero"] = {
        "channels": [
            {"color": "FF0000", "window": {"min": 0, "max": 65535, "start": 0, "end": 900}},
            {"color": "00FF00", "window": {"min": 0, "max": 65535, "start": 0, "end": 900}},
        ]
    }
    h.groups[""]["written-by"] = {"tool": "tests"}
    src, data = _written(tmp_path, h)
    before = _files(src)
    result = convert_dataset(src, tmp_path / "v05.zarr", to="0.5")
    assert result.valid, result.validation.issues if result.validation else None
    assert result.groups == 3
    assert result.arrays == 4
    dest = tmp_path / "v05.zarr"
    _same_data(dest, data)
    assert _files(src) == before
    root = _attrs(dest)
    assert root["written-by"] == {"tool": "tests"}
    assert root["ome"]["omero"] == h.groups[""]["omero"]
    assert _attrs(dest, "labels")["ome"]["labels"] == ["cells"]
    assert zarr.open_array(str(dest / "labels/cells/0")).metadata.dimension_names == ("c", "y", "x")
    assert result.documents["labels/cells/zarr.json"].kind == "label-image"
    back = convert_dataset(dest, tmp_path / "v04.zarr", to="0.4")
    assert back.valid
    _same_data(tmp_path / "v04.zarr", data)
    for group in h.groups:
        original = _attrs(src, group)
        for ms in original.get("multiscales", []):
            ms.setdefault("version", "0.4")
        assert _attrs(tmp_path / "v04.zarr", group) == original, group


def test_plate_04_to_05(tmp_path: Path) -> None:
    h = b.plate("0.4", rows=2, columns=2, fields=2, acquisitions=2)
    src, data = _written(tmp_path, h)
    result = convert_dataset(src, tmp_path / "plate.zarr", to="0.5")
    assert result.valid
    assert result.groups == len(h.groups)
    _same_data(tmp_path / "plate.zarr", data)
    assert _attrs(tmp_path / "plate.zarr", "A") == {}
    well = _attrs(tmp_path / "plate.zarr", "B/2")["ome"]
    assert well == {
        "version": "0.5",
        "well": {k: v for k, v in h.groups["B/2"]["well"].items() if k != "version"},
    }


def test_bioformats2raw_collection_04_to_05(tmp_path: Path) -> None:
    h = b.bioformats2raw("0.4", images=2)
    src, data = _written(tmp_path, h)
    xml = '<?xml version="1.0"?><OME><Image ID="Image:0"/></OME>'
    (src / "OME" / "METADATA.ome.xml").write_text(xml, encoding="utf-8")
    (src / ".zmetadata").write_text('{"zarr_consolidated_format": 1, "metadata": {}}')
    result = convert_dataset(src, tmp_path / "bf.zarr", to="0.5")
    assert result.valid
    assert result.files == ["OME/METADATA.ome.xml"]
    assert result.skipped == [".zmetadata"]
    assert (tmp_path / "bf.zarr" / "OME" / "METADATA.ome.xml").read_text(encoding="utf-8") == xml
    assert not (tmp_path / "bf.zarr" / ".zmetadata").exists()
    assert _attrs(tmp_path / "bf.zarr")["ome"]["bioformats2raw.layout"] == 3
    assert _attrs(tmp_path / "bf.zarr", "OME")["ome"]["series"] == ["0", "1"]
    _same_data(tmp_path / "bf.zarr", data)


def test_unknown_groups_arrays_and_attributes_are_kept(tmp_path: Path) -> None:
    h = b.image("0.4")
    src, _data = _written(tmp_path, h)
    other = zarr.open_group(str(src), mode="r+", zarr_format=2).create_group("analysis")
    other.attrs["produced-by"] = "segmenter"
    table = other.create_array("table", shape=(10,), dtype="float64", chunks=(4,))
    table[...] = np.linspace(0, 1, 10)
    table.attrs["columns"] = ["score"]
    result = convert_dataset(src, tmp_path / "out.zarr", to="0.5")
    assert result.valid
    assert _attrs(tmp_path / "out.zarr", "analysis") == {"produced-by": "segmenter"}
    copied = zarr.open_array(str(tmp_path / "out.zarr" / "analysis/table"))
    assert np.array_equal(copied[...], np.linspace(0, 1, 10))
    assert dict(copied.attrs) == {"columns": ["score"]}
    assert copied.metadata.dimension_names is None


@pytest.mark.parametrize("to", ["0.1", "0.2"])
def test_04_to_01_02_makes_5d_arrays(tmp_path: Path, to: str) -> None:
    h = b.image("0.4", labels=True)
    for meta in h.groups.values():  # units cannot be written before 0.4
        for ms in meta.get("multiscales", []):
            for axis in ms["axes"]:
                axis.pop("unit", None)
            if to == "0.1":
                ms.pop("type")
                ms.pop("metadata")
    src, data = _written(tmp_path, h)
    result = convert_dataset(src, tmp_path / "old.zarr", to=to)
    assert result.valid, result.validation.issues if result.validation else None
    level = zarr.open_array(str(tmp_path / "old.zarr" / "0"))
    assert level.shape == (1, 2, 1, 64, 64)
    assert level.metadata.dimension_separator == ("." if to == "0.1" else "/")
    _same_data(tmp_path / "old.zarr", data)
    assert any("singleton axes t, z" in n for a in result.array_changes for n in a.notes)
    back = convert_dataset(tmp_path / "old.zarr", tmp_path / "new.zarr", to="0.4")
    assert back.valid
    axes = _attrs(tmp_path / "new.zarr")["multiscales"][0]["axes"]
    assert [a["name"] for a in axes] == ["t", "c", "z", "y", "x"]
    scales = [
        d["coordinateTransformations"][0]["scale"]
        for d in _attrs(tmp_path / "new.zarr")["multiscales"][0]["datasets"]
    ]
    assert scales == [[1.0] * 5, [1.0, 1.0, 1.0, 2.0, 2.0]]  # from the level shapes


def test_03_to_04_and_back(tmp_path: Path) -> None:
    h = b.image("0.3", labels=True)
    src, data = _written(tmp_path, h)
    result = convert_dataset(src, tmp_path / "v04.zarr", to="0.4")
    assert result.valid
    assert "_ARRAY_DIMENSIONS" not in _attrs(tmp_path / "v04.zarr", "0")
    ms = _attrs(tmp_path / "v04.zarr")["multiscales"][0]
    assert ms["datasets"][1]["coordinateTransformations"] == [
        {"type": "scale", "scale": [1.0, 2.0, 2.0]}
    ]
    back = convert_dataset(tmp_path / "v04.zarr", tmp_path / "v03.zarr", to="0.3")
    assert back.valid
    assert _attrs(tmp_path / "v03.zarr", "1") == {"_ARRAY_DIMENSIONS": ["c", "y", "x"]}
    assert _attrs(tmp_path / "v03.zarr") == _attrs(src)
    _same_data(tmp_path / "v03.zarr", data)


def test_05_to_06rc0(tmp_path: Path) -> None:
    h = b.image("0.5", labels=True)
    src, data = _written(tmp_path, h)
    result = convert_dataset(src, tmp_path / "v06.zarr", to="0.6rc0")
    assert result.valid, result.validation.issues if result.validation else None
    ms = _attrs(tmp_path / "v06.zarr")["ome"]["multiscales"][0]
    assert ms["coordinateSystems"][0]["name"] == "intrinsic"
    _same_data(tmp_path / "v06.zarr", data)
    back = convert_dataset(tmp_path / "v06.zarr", tmp_path / "v05.zarr", to="0.5")
    assert back.valid
    assert _attrs(tmp_path / "v05.zarr") == _attrs(src)


# ------------------------------------------------------------------------------------------
# Arrays: codecs, chunks, shards


def test_codecs_are_mapped_between_zarr_formats(tmp_path: Path) -> None:
    import numcodecs

    h = b.image("0.4")
    src = h.write(tmp_path / "src.zarr")
    data = {}
    for path in h.arrays:
        old = zarr.open_array(str(src / path), mode="r")
        shape, dtype = old.shape, old.dtype
        array = zarr.create_array(
            str(src / path),
            shape=shape,
            dtype=dtype,
            chunks=(1, 16, 16),
            zarr_format=2,
            compressors=numcodecs.Blosc(cname="lz4", clevel=3, shuffle=2),
            chunk_key_encoding={"name": "v2", "separator": "/"},
            overwrite=True,
        )
        data[path] = np.random.default_rng(0).integers(0, 4000, shape).astype(dtype)
        array[...] = data[path]
    result = convert_dataset(src, tmp_path / "v05.zarr", to="0.5")
    assert result.valid
    level = zarr.open_array(str(tmp_path / "v05.zarr" / "0"))
    (codec,) = level.compressors
    assert type(codec).__name__ == "BloscCodec"
    assert (str(codec.cname.value), codec.clevel, str(codec.shuffle.value)) == (
        "lz4",
        3,
        "bitshuffle",
    )
    assert level.chunks == (1, 16, 16)
    _same_data(tmp_path / "v05.zarr", data)
    back = convert_dataset(tmp_path / "v05.zarr", tmp_path / "v04.zarr", to="0.4")
    assert back.valid
    (codec2,) = zarr.open_array(str(tmp_path / "v04.zarr" / "0")).compressors
    assert codec2.get_config() == numcodecs.Blosc(cname="lz4", clevel=3, shuffle=2).get_config()
    _same_data(tmp_path / "v04.zarr", data)


def test_rechunk_and_shard(tmp_path: Path) -> None:
    h = b.image("0.4", labels=True)
    src, data = _written(tmp_path, h)
    result = convert_dataset(
        src,
        tmp_path / "sharded.zarr",
        to="0.5",
        chunks={"y": 8, "x": 8},
        shards={"y": 32, "x": 32},
    )
    assert result.valid
    level = zarr.open_array(str(tmp_path / "sharded.zarr" / "0"))
    assert level.chunks == (2, 8, 8)
    assert level.shards == (2, 32, 32)
    label = zarr.open_array(str(tmp_path / "sharded.zarr" / "labels/cells/1"))
    assert label.chunks == (1, 8, 8)
    assert label.shards == (1, 32, 32)
    _same_data(tmp_path / "sharded.zarr", data)
    back = convert_dataset(tmp_path / "sharded.zarr", tmp_path / "v04.zarr", to="0.4")
    assert back.valid
    assert zarr.open_array(str(tmp_path / "v04.zarr" / "0")).chunks == (2, 8, 8)
    _same_data(tmp_path / "v04.zarr", data)


def test_shards_need_zarr_v3(tmp_path: Path) -> None:
    src, _ = _written(tmp_path, b.image("0.4"))
    with pytest.raises(ConversionError, match="shards"):
        convert_dataset(src, tmp_path / "x.zarr", to="0.4", shards=(2, 32, 32))


def test_bounded_concurrency_still_copies_everything(tmp_path: Path) -> None:
    src, data = _written(tmp_path, b.plate("0.4", rows=1, columns=2, fields=1))
    result = convert_dataset(src, tmp_path / "out.zarr", to="0.5", concurrency=1)
    assert result.valid
    assert result.chunks == sum(1 for _ in data) * 1  # one block per (32x32) array here
    _same_data(tmp_path / "out.zarr", data)


# ------------------------------------------------------------------------------------------
# Safety


def test_an_interrupted_conversion_leaves_no_dest_and_an_untouched_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src, _data = _written(tmp_path, b.image("0.4", labels=True))
    before = _files(src)
    original = convert_module._copy_block
    calls = {"n": 0}

    async def failing(*args: Any) -> int:
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt("interrupted mid-copy")
        return await original(*args)

    monkeypatch.setattr(convert_module, "_copy_block", failing)
    with pytest.raises(KeyboardInterrupt):
        convert_dataset(src, tmp_path / "dest.zarr", to="0.5")
    assert not (tmp_path / "dest.zarr").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["src.zarr"]  # no staging left
    assert _files(src) == before
    report = validate_dataset(src)
    assert report.valid


def test_an_interrupted_overwrite_keeps_the_old_dest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src, _ = _written(tmp_path, b.image("0.4"))
    first = convert_dataset(src, tmp_path / "dest.zarr", to="0.5")
    assert first.valid
    before = _files(tmp_path / "dest.zarr")

    async def failing(*args: Any) -> int:
        raise OSError("disk full")

    monkeypatch.setattr(convert_module, "_copy_block", failing)
    with pytest.raises(OSError, match="disk full"):
        convert_dataset(src, tmp_path / "dest.zarr", to="0.5", overwrite=True)
    assert _files(tmp_path / "dest.zarr") == before


def test_refusals_write_nothing(tmp_path: Path) -> None:
    src, _ = _written(tmp_path, b.image("0.4"))
    with pytest.raises(ConversionError) as info:
        convert_dataset(src, tmp_path / "old.zarr", to="0.3")  # units would be lost
    assert info.value.file == ".zattrs"
    assert {c.pointer for c in info.value.reasons} == {
        "/multiscales/0/axes/1/unit",
        "/multiscales/0/axes/2/unit",
    }
    assert not (tmp_path / "old.zarr").exists()
    with pytest.warns(LossyConversionWarning):
        result = convert_dataset(src, tmp_path / "old.zarr", to="0.3", lossy=True)
    assert result.valid
    assert result.lossy


def test_a_non_empty_dest_needs_overwrite(tmp_path: Path) -> None:
    src, data = _written(tmp_path, b.image("0.4"))
    dest = tmp_path / "dest.zarr"
    dest.mkdir()
    (dest / "keep.txt").write_text("mine")
    with pytest.raises(ConversionError, match="overwrite"):
        convert_dataset(src, dest, to="0.5")
    assert (dest / "keep.txt").read_text() == "mine"
    result = convert_dataset(src, dest, to="0.5", overwrite=True)
    assert result.valid
    assert not (dest / "keep.txt").exists()
    _same_data(dest, data)
    empty = tmp_path / "empty.zarr"
    empty.mkdir()
    assert convert_dataset(src, empty, to="0.5").valid


def test_dest_inside_the_source_is_refused(tmp_path: Path) -> None:
    src, _ = _written(tmp_path, b.image("0.4"))
    with pytest.raises(ConversionError, match="inside"):
        convert_dataset(src, src / "converted", to="0.5")


def test_an_invalid_source_is_refused(tmp_path: Path) -> None:
    h = b.image("0.4")
    del h.arrays["1"]
    src = h.write(tmp_path / "bad.zarr")
    with pytest.raises(ConversionError, match="not a valid OME-Zarr dataset"):
        convert_dataset(src, tmp_path / "out.zarr", to="0.5")
    with pytest.raises(ConversionError, match="unusable"):
        convert_dataset(tmp_path / "missing.zarr", tmp_path / "out.zarr", to="0.5")


def test_in_place_rewrites_metadata_only(tmp_path: Path) -> None:
    src, data = _written(tmp_path, b.image("0.3", labels=True))
    chunk_files = {k: v for k, v in _files(src).items() if not Path(k).name.startswith(".")}
    result = convert_dataset(src, None, to="0.4", in_place=True)
    assert result.valid
    assert _attrs(src)["multiscales"][0]["version"] == "0.4"
    assert "_ARRAY_DIMENSIONS" not in _attrs(src, "0")
    after = {k: v for k, v in _files(src).items() if not Path(k).name.startswith(".")}
    assert after == chunk_files
    _same_data(src, data)


def test_in_place_refuses_a_change_of_layout(tmp_path: Path) -> None:
    src, _ = _written(tmp_path, b.image("0.4"))
    before = _files(src)
    with pytest.raises(ConversionError, match="zarr format"):
        convert_dataset(src, None, to="0.5", in_place=True)
    with pytest.warns(LossyConversionWarning), pytest.raises(ConversionError, match="gain axes"):
        convert_dataset(src, None, to="0.2", in_place=True, lossy=True)
    assert _files(src) == before


# ------------------------------------------------------------------------------------------
# The command


def test_cli_converts_and_reports(tmp_path: Path) -> None:
    src, _ = _written(tmp_path, b.image("0.4", labels=True))
    result = runner.invoke(app, ["convert", str(src), str(tmp_path / "out.zarr"), "--to", "0.5"])
    assert result.exit_code == 0, result.output
    assert "valid OME-Zarr 0.5" in result.output
    assert "labels/cells/zarr.json" in result.output


def test_cli_json_output(tmp_path: Path) -> None:
    src, _ = _written(tmp_path, b.image("0.4"))
    result = runner.invoke(
        app,
        [
            "convert",
            str(src),
            str(tmp_path / "out.zarr"),
            "--to",
            "0.5",
            "--chunks",
            "y=16,x=16",
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["valid"] is True
    assert data["target_version"] == "0.5"
    assert data["array_changes"][0]["chunks"] == [2, 16, 16]


def test_cli_exit_codes(tmp_path: Path) -> None:
    src, _ = _written(tmp_path, b.image("0.4"))
    refused = runner.invoke(app, ["convert", str(src), str(tmp_path / "a.zarr"), "--to", "0.3"])
    assert refused.exit_code == 1
    assert "unit 'micrometer'" in refused.output
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LossyConversionWarning)
        lossy = runner.invoke(
            app, ["convert", str(src), str(tmp_path / "a.zarr"), "--to", "0.3", "--lossy"]
        )
    assert lossy.exit_code == 0, lossy.output
    assert "[lossy]" in lossy.output
    missing = runner.invoke(app, ["convert", str(tmp_path / "nope"), str(tmp_path / "b.zarr")])
    assert missing.exit_code == 2
    bad = runner.invoke(app, ["convert", str(src), str(tmp_path / "c.zarr"), "--chunks", "y=0"])
    assert bad.exit_code == 2
    assert "--chunks" in bad.output
    unknown = runner.invoke(app, ["convert", str(src), str(tmp_path / "d.zarr"), "--to", "0.9"])
    assert unknown.exit_code == 2
    both = runner.invoke(app, ["convert", str(src), str(tmp_path / "e.zarr"), "--in-place"])
    assert both.exit_code == 2


def test_zip_source_and_zip_dest(tmp_path: Path) -> None:
    import zipfile

    src, data = _written(tmp_path, b.image("0.4", labels=True))
    archive = tmp_path / "src.zip"
    with zipfile.ZipFile(archive, "w") as out:
        for path in src.rglob("*"):
            if path.is_file():
                out.write(path, path.relative_to(src).as_posix())
    result = convert_dataset(archive, tmp_path / "out.zip", to="0.5")
    assert result.valid
    assert validate_dataset(str(tmp_path / "out.zip")).valid
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.zip", "src.zarr", "src.zip"]
    back = convert_dataset(tmp_path / "out.zip", tmp_path / "back.zarr", to="0.4")
    assert back.valid
    _same_data(tmp_path / "back.zarr", data)


def test_http_source(tmp_path: Path) -> None:
    pytest.importorskip("aiohttp")
    from tests.dataset.servers import http_server

    _, data = _written(tmp_path, b.image("0.4", labels=True))
    with http_server(tmp_path) as (url, _):
        result = convert_dataset(f"{url}/src.zarr", tmp_path / "out.zarr", to="0.5")
    assert result.valid
    assert result.arrays == 4
    _same_data(tmp_path / "out.zarr", data)


def test_a_store_that_cannot_list_converts_what_the_metadata_refers_to(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from zarr.core.group import AsyncGroup

    def unlistable(self: Any, max_depth: int | None = 0) -> Any:
        raise NotImplementedError("this store cannot list")

    src, data = _written(tmp_path, b.plate("0.4", rows=1, columns=2, fields=2))
    monkeypatch.setattr(AsyncGroup, "members", unlistable)
    result = convert_dataset(src, tmp_path / "out.zarr", to="0.5")
    assert result.valid
    assert result.arrays == len(data)
    assert "cannot list its keys" in result.notes[0]
    _same_data(tmp_path / "out.zarr", data)


SOURCES = ("0.1", "0.2", "0.3", "0.4", "0.5")
TARGETS = ("0.1", "0.2", "0.3", "0.4", "0.5", "0.6rc0")


def _hierarchy(kind: str, version: str) -> b.Hierarchy:
    if kind == "image":
        return b.image(version, labels=True)
    h = b.plate(version, rows=1, columns=2, fields=1)
    if version in ("0.1", "0.2", "0.3"):  # the builder declares versions for 0.4 only
        h.groups[""]["plate"]["version"] = version
        for meta in h.groups.values():
            if "well" in meta:
                meta["well"]["version"] = version
            for well in meta.get("plate", {}).get("wells", []):
                del well["rowIndex"], well["columnIndex"]
    return h


@pytest.mark.parametrize("to", TARGETS)
@pytest.mark.parametrize("source", SOURCES)
@pytest.mark.parametrize("kind", ["image", "plate"])
def test_every_pair_of_versions(tmp_path: Path, kind: str, source: str, to: str) -> None:
    src, data = _written(tmp_path, _hierarchy(kind, source))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LossyConversionWarning)
        result = convert_dataset(src, tmp_path / "out.zarr", to=to, lossy=True)
    assert result.valid, result.validation.issues if result.validation else None
    assert result.groups == len(_hierarchy(kind, source).groups)
    _same_data(tmp_path / "out.zarr", data)
    report = validate_dataset(tmp_path / "out.zarr")
    assert report.version == to
    assert report.kind == ("image" if kind == "image" else "plate")
