"""Reading attributes from files, zarr metadata and group folders; unusable input is typed."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from omezarr_models import UnusableInputError, load_document

ATTRS = {"labels": ["cells"]}


def _write(path: Path, data: Any) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def test_plain_attributes_file(tmp_path: Path) -> None:
    doc = load_document(_write(tmp_path / "attrs.json", ATTRS))
    assert doc.attrs == ATTRS
    assert doc.zarr_format is None


def test_zattrs_file_is_zarr_v2(tmp_path: Path) -> None:
    doc = load_document(_write(tmp_path / ".zattrs", ATTRS))
    assert (doc.attrs, doc.zarr_format) == (ATTRS, 2)


def test_zarr_json_file_gives_its_attributes(tmp_path: Path) -> None:
    meta = {"zarr_format": 3, "node_type": "group", "attributes": {"ome": {"version": "0.5"}}}
    doc = load_document(_write(tmp_path / "zarr.json", meta))
    assert (doc.attrs, doc.zarr_format) == ({"ome": {"version": "0.5"}}, 3)


def test_any_json_file_shaped_like_zarr_json(tmp_path: Path) -> None:
    meta = {"zarr_format": 3, "node_type": "group", "attributes": ATTRS}
    assert load_document(_write(tmp_path / "example.json", meta)).attrs == ATTRS


def test_group_without_attributes_has_empty_ones(tmp_path: Path) -> None:
    meta = {"zarr_format": 3, "node_type": "group"}
    _write(tmp_path / "g" / "zarr.json", meta)
    assert load_document(tmp_path / "g").attrs == {}


def test_v3_group_folder(tmp_path: Path) -> None:
    _write(
        tmp_path / "g" / "zarr.json", {"zarr_format": 3, "node_type": "group", "attributes": ATTRS}
    )
    doc = load_document(tmp_path / "g")
    assert (doc.attrs, doc.zarr_format) == (ATTRS, 3)
    assert doc.source.endswith("zarr.json")


def test_v2_group_folder(tmp_path: Path) -> None:
    _write(tmp_path / "g" / ".zgroup", {"zarr_format": 2})
    _write(tmp_path / "g" / ".zattrs", ATTRS)
    doc = load_document(tmp_path / "g")
    assert (doc.attrs, doc.zarr_format) == (ATTRS, 2)


def test_v2_group_without_zattrs(tmp_path: Path) -> None:
    _write(tmp_path / "g" / ".zgroup", {"zarr_format": 2})
    assert load_document(tmp_path / "g").attrs == {}


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(json.dumps(ATTRS).encode()))
    monkeypatch.setattr("sys.stdin", stdin)
    assert load_document("-").attrs == ATTRS


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("a.json", "{", "not valid JSON"),
        ("a.json", "", "not valid JSON"),
        ("a.json", '{"x": NaN}', "NaN is not valid JSON"),
        ("a.json", '{"x": Infinity}', "Infinity is not valid JSON"),
        ("a.json", "[1, 2]", "not a JSON object but an array"),
        ("a.json", '"text"', "not a JSON object but a string"),
        ("a.json", "null", "not a JSON object but null"),
        ("a.json", '{"a": 1} // comment', "not valid JSON"),
        ("a.json", "[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ("zarr.json", '{"zarr_format": 3, "node_type": "array"}', "not a zarr group"),
        ("zarr.json", "[]", "zarr.json is not a JSON object"),
        (".zarray", '{"zarr_format": 2}', "holds no attributes"),
    ],
    ids=[
        "truncated",
        "empty",
        "nan",
        "infinity",
        "array",
        "string",
        "null",
        "comment",
        "deep",
        "array-node",
        "zarr-json-list",
        "zarray",
    ],
)
def test_unusable_files(tmp_path: Path, name: str, content: str, reason: str) -> None:
    path = _write(tmp_path / name, content)
    with pytest.raises(UnusableInputError, match=reason) as info:
        load_document(path)
    assert info.value.source == str(path)


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_bytes(b'{"a": "\xff"}')
    with pytest.raises(UnusableInputError, match="not UTF-8"):
        load_document(path)


def test_missing_path(tmp_path: Path) -> None:
    with pytest.raises(UnusableInputError, match="no such file or folder"):
        load_document(tmp_path / "nothing")


def test_empty_folder_is_not_a_group(tmp_path: Path) -> None:
    with pytest.raises(UnusableInputError, match="not a zarr group"):
        load_document(tmp_path)


@pytest.mark.parametrize("marker", [".zarray", "zarr.json"])
def test_array_folder_is_not_a_group(tmp_path: Path, marker: str) -> None:
    meta = {"zarr_format": 3, "node_type": "array"} if marker == "zarr.json" else {"zarr_format": 2}
    _write(tmp_path / "a" / marker, meta)
    with pytest.raises(UnusableInputError, match=r"not a zarr group|a zarr array, not a group"):
        load_document(tmp_path / "a")
