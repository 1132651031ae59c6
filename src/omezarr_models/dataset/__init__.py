"""Validation of whole OME-Zarr datasets: hierarchies, arrays and storage, local and remote.

>>> from omezarr_models.dataset import validate_dataset
>>> report = validate_dataset("examples/0.5/image.zarr")
>>> report.valid, report.version, report.kind
(True, '0.5', 'image')

zarr-python is imported here, never by ``import omezarr_models``.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Coroutine
from dataclasses import dataclass, field
from typing import Any, TypeVar

from omezarr_models.dataset.access import JsonRead, Reader, StoreError, open_store
from omezarr_models.dataset.nodes import (
    CollectionNode,
    ImageNode,
    InvalidDatasetError,
    LabelsNode,
    OmeZarrNode,
    OmeZarrWarning,
    PlateNode,
    WellNode,
    open_ome_zarr,
)
from omezarr_models.dataset.walk import Fields, Group, Node, Walk
from omezarr_models.report import Issue, Severity, Verdict
from omezarr_models.validate import validate_attributes

__all__ = [
    "CollectionNode",
    "DatasetReport",
    "ImageNode",
    "InvalidDatasetError",
    "LabelsNode",
    "Node",
    "OmeZarrNode",
    "OmeZarrWarning",
    "PlateNode",
    "WellNode",
    "open_ome_zarr",
    "validate_dataset",
]

T = TypeVar("T")


@dataclass(slots=True)
class DatasetReport(Verdict):
    """The verdict on a dataset.

    ``issues`` carry the metadata file they are about (``issue.file``, a key in the store such as
    ``A/1/0/zarr.json``) and a JSON pointer inside it. ``unusable`` says why the input could not
    be opened at all (then nothing else was checked).
    """

    source: str
    version: str | None = None
    kind: str | None = None
    issues: list[Issue] = field(default_factory=list)
    groups: int = 0
    arrays: int = 0
    documents: int = 0
    unusable: str | None = None
    nodes: list[Node] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        """True when the input could be read and no issue is an error."""
        return self.unusable is None and not self.errors

    @property
    def message(self) -> str:
        """A one-line verdict."""
        if self.unusable is not None:
            return f"unusable input: {self.unusable}"
        what = f"OME-Zarr {self.version}" if self.version else "OME-Zarr"
        if self.kind:
            what += f" {self.kind}"
        head = f"{'valid' if self.valid else 'invalid'} {what} ({self.groups} groups, {self.arrays} arrays)"
        if self.issues:
            head += ": " + self.tally()
        if not self.valid:
            first = self.errors[0]
            head += f" (first: {first.file}:{first.path or '/'} {first.code}: {first.message})"
        return head

    def to_dict(self) -> dict[str, Any]:
        """The JSON object of ``omezarr validate --format json``."""
        return {
            "path": self.source,
            "valid": self.valid,
            "version": self.version,
            "kind": self.kind,
            "message": self.message,
            "issues": [i.to_dict() for i in self.issues],
            "counts": {"groups": self.groups, "arrays": self.arrays, "documents": self.documents},
        }


def validate_dataset(
    source: Any,
    *,
    version: str | None = None,
    strict: bool = False,
    fields: Fields = "all",
    check_data: bool = False,
    concurrency: int | None = None,
    storage_options: dict[str, Any] | None = None,
) -> DatasetReport:
    """Validate a whole OME-Zarr dataset: every group's metadata, and what spans documents.

    Parameters
    ----------
    source
        A folder, a ``.zip`` file, an ``http(s)://`` or ``s3://`` URL, or a zarr-python store.
    version
        Judge the hierarchy as this version instead of the one its root declares.
    strict
        Turn the spec's SHOULD rules into errors.
    fields
        Fields of view checked per well: ``"all"``, ``"first"`` or a number (for large plates).
    check_data
        Also read and decode a sample of chunks of every array (the first and the last).
    concurrency
        Metadata reads in flight at once (default 64).
    storage_options
        Passed to fsspec for URLs (credentials, endpoint, ...).

    Returns
    -------
    DatasetReport
        Never raises for bad input: an input that cannot be opened gives ``report.unusable``.
    """
    if not (fields in ("all", "first") or (type(fields) is int and fields > 0)):
        raise ValueError(f"fields must be 'all', 'first' or a positive integer, not {fields!r}")
    return _run(
        _open_and_validate(
            source,
            storage_options,
            version=version,
            strict=strict,
            fields=fields,
            check_data=check_data,
            concurrency=concurrency,
        )
    )


async def _open_and_validate(
    source: Any, storage_options: dict[str, Any] | None, **options: Any
) -> DatasetReport:
    # The store is made inside the running loop: remote filesystems bind to the loop they start in.
    try:
        store, name = open_store(source, storage_options)
    except StoreError as exc:
        return DatasetReport(source=str(source), unusable=str(exc).split(": ", 1)[-1])
    try:
        return await _validate(store, name, **options)
    finally:
        if store is not source and getattr(store, "_is_open", True):
            store.close()
        await _close_sessions(store)


async def _close_sessions(store: Any) -> None:
    """Close the HTTP session of an fsspec filesystem we opened (else aiohttp warns at exit)."""
    fs = getattr(store, "fs", None)
    session = getattr(fs, "_session", None)
    if session is not None and hasattr(session, "close"):
        with contextlib.suppress(Exception):  # closing is best effort
            await session.close()
    client = getattr(fs, "_s3", None)
    if client is not None and hasattr(client, "close"):
        with contextlib.suppress(Exception):
            await client.close()


def _run(coro: Coroutine[Any, Any, T]) -> T:
    """Run a coroutine to completion, also when called from inside a running event loop."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coro)
    result: list[T] = []
    errors: list[BaseException] = []

    def target() -> None:
        try:
            result.append(asyncio.run(coro))
        except BaseException as exc:  # re-raised in the caller's thread
            errors.append(exc)

    thread = threading.Thread(target=target)
    thread.start()
    thread.join()
    if errors:
        raise errors[0]
    return result[0]


async def _validate(
    store: Any,
    name: str,
    *,
    version: str | None,
    strict: bool,
    fields: Fields,
    check_data: bool,
    concurrency: int | None,
) -> DatasetReport:
    report = DatasetReport(source=name)
    try:
        await store._ensure_open()  # zip stores open their archive here
    except Exception as exc:  # a broken archive, a refused connection...
        report.unusable = f"cannot be opened ({type(exc).__name__}: {exc})"
        return report
    reader = Reader(store, concurrency)
    v3, zgroup, zattrs, zarray = await asyncio.gather(
        reader.read_json("zarr.json"),
        reader.read_json(".zgroup"),
        reader.read_json(".zattrs"),
        reader.read_json(".zarray"),
    )
    found = _root_attributes(v3, zgroup, zattrs, zarray)
    if isinstance(found, Issue):
        report.issues.append(found)
        report.documents = reader.reads
        return report
    zarr_format, root_key, attrs = found
    root_report = validate_attributes(attrs, version=version, strict=strict, file=root_key)
    if version is None and any(i.code == "version-missing" for i in root_report.issues):
        # A version-less root (a bioformats2raw collection, a labels group) takes the version
        # of the first image below it, which does declare one.
        below = await _version_below(reader, attrs, zarr_format)
        if below is not None:
            root_report = validate_attributes(attrs, version=below, strict=strict, file=root_key)
    report.version, report.kind = root_report.version, root_report.kind
    if root_report.version is None:  # unknown or unusable version: nothing more to judge
        report.issues = root_report.issues
        report.documents = reader.reads
        return report
    version = root_report.version
    walk = Walk(reader, zarr_format, version, strict, fields, check_data)
    wanted = 2 if version in ("0.1", "0.2", "0.3", "0.4") else 3
    if zarr_format != wanted:
        walk.error(
            root_key,
            "",
            "zarr-format-mismatch",
            f"OME-Zarr {version} is stored in zarr v{wanted}, but this hierarchy is zarr v{zarr_format}",
            "on-disk" if wanted == 2 else "storage-format",
        )
    walk.counts.groups += 1
    walk.nodes.append(Node("", "group", root_key, kind=root_report.kind, version=version))
    walk.issues.extend(root_report.issues)
    meta = attrs.get("ome") if wanted == 3 else attrs
    root = Group("", root_key, attrs, meta if type(meta) is dict else None, root_report)
    await walk.node(root)
    report.issues = _distinct(walk.issues)
    report.nodes = sorted(walk.nodes, key=lambda n: n.path)
    report.groups, report.arrays, report.documents = (
        walk.counts.groups,
        walk.counts.arrays,
        reader.reads,
    )
    return report


def _root_attributes(
    v3: JsonRead, zgroup: JsonRead, zattrs: JsonRead, zarray: JsonRead
) -> tuple[int, str, dict[str, Any]] | Issue:
    """The zarr format, metadata file and attributes of the root group, or why there are none."""

    def problem(code: str, file: str, message: str) -> Issue:
        return Issue("", code, Severity.ERROR, message, "", file)

    if v3.present:
        if v3.error is not None:
            return problem(_read_code(v3), "zarr.json", f"zarr.json is {v3.error}")
        doc = v3.value
        if type(doc) is not dict:
            return problem("json-not-object", "zarr.json", "zarr.json must hold a JSON object")
        if doc.get("node_type") != "group":
            kind = doc.get("node_type")
            return problem(
                "group-missing",
                "zarr.json",
                f"a zarr {kind} here, not a group (node_type {kind!r})",
            )
        attrs = doc.get("attributes", {})
        if type(attrs) is not dict:
            return problem("json-not-object", "zarr.json", "the attributes must be a JSON object")
        return 3, "zarr.json", attrs
    if zgroup.present or zattrs.present:
        for read in (zgroup, zattrs):
            if read.present and read.error is not None:
                return problem(_read_code(read), read.key, f"{read.key} is {read.error}")
        attrs = zattrs.value if zattrs.present else {}
        if type(attrs) is not dict:
            return problem("json-not-object", ".zattrs", ".zattrs must hold a JSON object")
        return 2, ".zattrs", attrs
    if zarray.present:
        return problem("group-missing", ".zarray", "a zarr array here, not a group")
    return problem("group-missing", "", "no zarr group here (no zarr.json, .zgroup or .zattrs)")


async def _version_below(reader: Reader, attrs: dict[str, Any], zarr_format: int) -> str | None:
    """The version declared by the first image of a collection or labels group, if any."""
    from omezarr_models.detection import detect
    from omezarr_models.schemas import versions

    if "bioformats2raw.layout" in attrs:
        first = "0"
        ome = await reader.read_json("OME/zarr.json" if zarr_format == 3 else "OME/.zattrs")
        series = ome.value if ome.present and ome.error is None else None
        if isinstance(series, dict):
            series = series.get("attributes", series) if zarr_format == 3 else series
            listed = series.get("series") if isinstance(series, dict) else None
            if isinstance(listed, list) and listed and isinstance(listed[0], str):
                first = listed[0]
    elif (
        isinstance(attrs.get("labels"), list)
        and attrs["labels"]
        and isinstance(attrs["labels"][0], str)
    ):
        first = attrs["labels"][0]
    else:
        return None
    read = await reader.read_json(f"{first}/zarr.json" if zarr_format == 3 else f"{first}/.zattrs")
    doc = read.value if read.present and read.error is None else None
    if zarr_format == 3 and isinstance(doc, dict):
        doc = doc.get("attributes")
    if not isinstance(doc, dict):
        return None
    declared = detect(doc).declared
    return declared if isinstance(declared, str) and declared in versions() else None


def _read_code(read: JsonRead) -> str:
    """``metadata-unreadable`` when the bytes could not be had, ``json-invalid`` when they were bad."""
    return (
        "metadata-unreadable" if (read.error or "").startswith("cannot be read") else "json-invalid"
    )


def _distinct(issues: list[Issue]) -> list[Issue]:
    """One issue per (file, path, code, severity), ordered by file then location."""
    seen: set[tuple[str | None, str, str, Severity]] = set()
    out = []
    for issue in issues:
        key = (issue.file, issue.path, issue.code, issue.severity)
        if key not in seen:
            seen.add(key)
            out.append(issue)
    out.sort(key=lambda i: (i.file or "", i.path))
    return out
