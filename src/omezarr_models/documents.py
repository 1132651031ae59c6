"""Reading one attributes document from a JSON file, a zarr metadata file or a zarr group folder."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from omezarr_models.errors import UnusableInputError

__all__ = ["Document", "load_document", "parse_json"]


@dataclass(frozen=True, slots=True)
class Document:
    """The attributes found at a source.

    Attributes
    ----------
    attrs
        The attributes object (``.zattrs`` content, or ``zarr.json``'s ``attributes``).
    source
        Where they were read from, for messages: the file actually read.
    zarr_format
        2 or 3 when the source is zarr metadata, None for a bare attributes file.
    """

    attrs: Any
    source: str
    zarr_format: int | None


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def parse_json(data: bytes | str, source: str) -> Any:
    """Parse strict JSON (no NaN/Infinity), turning every failure into :class:`UnusableInputError`."""
    try:
        text = data.decode("utf-8") if isinstance(data, bytes) else data
        return json.loads(text, parse_constant=_reject_constant)
    except UnicodeDecodeError as exc:
        raise UnusableInputError(
            source, f"not UTF-8 text ({exc.reason} at byte {exc.start})"
        ) from None
    except json.JSONDecodeError as exc:
        raise UnusableInputError(
            source, f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
        ) from None
    except ValueError as exc:
        raise UnusableInputError(source, f"not valid JSON: {exc}") from None
    except RecursionError:
        raise UnusableInputError(source, "not usable JSON: nested too deeply") from None


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise UnusableInputError(str(path), f"cannot be read ({exc.strerror or exc})") from None


def _from_zarr_json(doc: Any, source: str) -> Document:
    if not isinstance(doc, dict):
        raise UnusableInputError(source, "zarr.json is not a JSON object")
    if doc.get("node_type") != "group":
        raise UnusableInputError(
            source, f"not a zarr group (node_type is {doc.get('node_type')!r})"
        )
    attrs = doc.get("attributes", {})
    return Document(attrs, source, 3)


def _looks_like_zarr_json(doc: Any) -> bool:
    return isinstance(doc, dict) and "zarr_format" in doc and "node_type" in doc


def load_document(path: str | Path) -> Document:
    """Read the attributes at ``path``.

    ``path`` may be a JSON file holding one attributes document, a ``zarr.json`` (its
    ``attributes`` are used), a ``.zattrs`` file, a zarr group folder (v3 ``zarr.json`` or v2
    ``.zgroup``/``.zattrs``), or ``-`` for standard input.

    Raises
    ------
    UnusableInputError
        If the input is missing, unreadable, not JSON, not a JSON object, or not a zarr group.
    """
    if str(path) == "-":
        doc = parse_json(sys.stdin.buffer.read(), "-")
        if _looks_like_zarr_json(doc):
            return _from_zarr_json(doc, "-")
        if not isinstance(doc, dict):
            raise UnusableInputError("-", f"not a JSON object but {_json_type(doc)}")
        return Document(doc, "-", None)
    p = Path(path)
    if not p.exists():
        raise UnusableInputError(str(path), "no such file or folder")
    if p.is_dir():
        return _load_group(p)
    doc = parse_json(_read(p), str(p))
    if p.name == "zarr.json" or _looks_like_zarr_json(doc):
        return _from_zarr_json(doc, str(p))
    if p.name in (".zarray", ".zgroup"):
        raise UnusableInputError(
            str(p), f"{p.name} holds no attributes; pass .zattrs or the group folder"
        )
    if not isinstance(doc, dict):
        raise UnusableInputError(str(p), f"not a JSON object but {_json_type(doc)}")
    return Document(doc, str(p), 2 if p.name == ".zattrs" else None)


def _load_group(folder: Path) -> Document:
    zarr_json = folder / "zarr.json"
    if zarr_json.is_file():
        return _from_zarr_json(parse_json(_read(zarr_json), str(zarr_json)), str(zarr_json))
    zattrs, zgroup = folder / ".zattrs", folder / ".zgroup"
    if zgroup.is_file() or zattrs.is_file():
        if (folder / ".zarray").is_file():
            raise UnusableInputError(str(folder), "a zarr array, not a group")
        if not zattrs.is_file():
            return Document({}, str(zgroup), 2)
        attrs = parse_json(_read(zattrs), str(zattrs))
        if not isinstance(attrs, dict):
            raise UnusableInputError(str(zattrs), f"not a JSON object but {_json_type(attrs)}")
        return Document(attrs, str(zattrs), 2)
    if (folder / ".zarray").is_file():
        raise UnusableInputError(str(folder), "a zarr array, not a group")
    raise UnusableInputError(str(folder), "not a zarr group: no zarr.json, .zgroup or .zattrs")


def _json_type(value: Any) -> str:
    if isinstance(value, list):
        return "an array"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, bool):
        return "a boolean"
    if value is None:
        return "null"
    return "a number"
