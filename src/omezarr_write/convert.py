"""Conversion of whole OME-Zarr datasets between versions: metadata and arrays, streamed.

>>> from omezarr_write.convert import convert_dataset
>>> result = convert_dataset("image.ome.zarr", "image-05.ome.zarr", to="0.5")  # doctest: +SKIP
>>> result.valid, result.arrays, result.chunks  # doctest: +SKIP
(True, 4, 96)

Every group's attributes go through :func:`omezarr_models.conversion.convert` (all of them first:
a refusal comes before any byte is written); every array is rewritten region by region (zarr v2
to v3 and back, codecs mapped, optionally re-chunked or sharded), with a bounded number of
regions in flight, so memory stays bounded whatever the size of the data. Labels, plates,
wells, bioformats2raw collections, omero metadata, groups of other tools and unknown attributes
are all kept.

Safety: a local destination is written into a hidden sibling folder and renamed into place only
once complete and valid, so an interrupted conversion leaves no destination behind, and the
source is only ever read. In a written hierarchy a group's metadata is written after its arrays,
the root's last.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import math
import os
import shutil
import threading
import time
import uuid
import warnings
from collections.abc import Coroutine, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from omezarr_models.conversion import (
    ArrayInfo,
    ConversionError,
    ConversionReport,
    convert_attributes,
)
from omezarr_models.conversion._ir import NAMESPACED, TCZYX

if TYPE_CHECKING:
    from zarr.abc.store import Store
    from zarr.core.array import AsyncArray

    from omezarr_models.dataset import DatasetReport
    from omezarr_models.dataset.walk import Node

__all__ = ["ArrayConversion", "DatasetConversion", "convert_dataset"]

T = TypeVar("T")
#: Bytes of array data in flight at once (read, decoded, re-encoded) across all workers.
MEMORY_BUDGET = 512 * 2**20
_V2_VERSIONS = frozenset({"0.1", "0.2", "0.3", "0.4"})

ChunkSpec = Sequence[int] | Mapping[str, int] | None


@dataclass(slots=True)
class ArrayConversion:
    """How one array was rewritten.

    Attributes
    ----------
    path
        Its path in the hierarchy.
    shape, chunks, shards
        The shape, chunk shape and shard shape (None: not sharded) written.
    codecs
        The compressors written, by name.
    notes
        What changed, in words (codecs mapped, axes inserted, re-chunked, ...).
    """

    path: str
    shape: tuple[int, ...]
    chunks: tuple[int, ...]
    shards: tuple[int, ...] | None
    codecs: tuple[str, ...]
    notes: list[str] = field(default_factory=list)


@dataclass(slots=True)
class DatasetConversion:
    """The outcome of :func:`convert_dataset`.

    Attributes
    ----------
    source, dest
        Where from and to.
    source_version, target_version
        The versions.
    documents
        The :class:`~omezarr_models.conversion.ConversionReport` of every group, by metadata file
        of the destination (``"A/1/zarr.json"``).
    array_changes
        One :class:`ArrayConversion` per array.
    chunks
        The number of regions copied (a chunk, or a shard when sharded).
    bytes
        Uncompressed bytes copied.
    seconds
        Wall time of the whole conversion.
    validation
        The destination's :class:`~omezarr_models.dataset.DatasetReport`.
    files
        Other files of the hierarchy copied as they are (``OME/METADATA.ome.xml`` of a
        bioformats2raw collection, say).
    skipped
        Files left behind: consolidated metadata (``.zmetadata``), stale once converted.
    notes
        What else to know (a source that cannot list its keys, say).
    """

    source: str
    dest: str
    source_version: str
    target_version: str
    documents: dict[str, ConversionReport] = field(default_factory=dict)
    array_changes: list[ArrayConversion] = field(default_factory=list)
    chunks: int = 0
    bytes: int = 0
    seconds: float = 0.0
    validation: DatasetReport | None = None
    files: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        """True when the destination validates."""
        return self.validation is not None and self.validation.valid

    @property
    def groups(self) -> int:
        """The number of groups written."""
        return len(self.documents)

    @property
    def arrays(self) -> int:
        """The number of arrays written."""
        return len(self.array_changes)

    @property
    def lossy(self) -> bool:
        """True when any document lost information (only possible with ``lossy=True``)."""
        return any(r.lossy for r in self.documents.values())

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (``omezarr convert --format json``)."""
        return {
            "source": self.source,
            "dest": self.dest,
            "source_version": self.source_version,
            "target_version": self.target_version,
            "valid": self.valid,
            "lossy": self.lossy,
            "groups": self.groups,
            "arrays": self.arrays,
            "chunks": self.chunks,
            "bytes": self.bytes,
            "seconds": round(self.seconds, 3),
            "files": self.files,
            "skipped": self.skipped,
            "notes": self.notes,
            "documents": {k: r.to_dict() for k, r in self.documents.items()},
            "array_changes": [
                {
                    "path": a.path,
                    "shape": list(a.shape),
                    "chunks": list(a.chunks),
                    "shards": None if a.shards is None else list(a.shards),
                    "codecs": list(a.codecs),
                    "notes": a.notes,
                }
                for a in self.array_changes
            ],
        }


# ------------------------------------------------------------------------------------------
# The plan: every document converted and every array described before anything is written


@dataclass(slots=True)
class _GroupPlan:
    path: str
    attrs: dict[str, Any]
    report: ConversionReport


@dataclass(slots=True)
class _ArrayPlan:
    path: str
    source: AsyncArray[Any]
    shape: tuple[int, ...]
    chunks: tuple[int, ...]
    shards: tuple[int, ...] | None
    compressors: Any
    filters: Any
    serializer: Any
    fill_value: Any
    chunk_key_encoding: dict[str, Any] | None
    dimension_names: list[str] | None
    attributes: dict[str, Any]
    inserted: tuple[int, ...]
    record: ArrayConversion


@dataclass(slots=True)
class _Plan:
    source_version: str
    groups: list[_GroupPlan]
    arrays: list[_ArrayPlan]
    result: DatasetConversion
    store: Store | None = None


def _join(a: str, b: str) -> str:
    return f"{a}/{b}" if a else b


def _meta_key(path: str, zarr_format: int) -> str:
    return _join(path, "zarr.json" if zarr_format == 3 else ".zattrs")


async def _list(
    root: Any, nodes: Sequence[Node]
) -> tuple[dict[str, dict[str, Any]], dict[str, AsyncArray[Any]], bool]:
    """Every group (its attributes) and array of the hierarchy, and whether the store listed
    them; a store that cannot list (HTTP) gives the nodes the validation walked instead."""
    import zarr.api.asynchronous as za
    from zarr.core.group import AsyncGroup

    groups: dict[str, dict[str, Any]] = {"": dict(root.attrs)}
    arrays: dict[str, AsyncArray[Any]] = {}
    try:
        with warnings.catch_warnings():  # other files (OME/METADATA.ome.xml) are copied as is
            warnings.filterwarnings("ignore", message=".*not recognized as a component")
            async for path, node in root.members(max_depth=None):
                if isinstance(node, AsyncGroup):
                    groups[path] = dict(node.attrs)
                else:
                    arrays[path] = node
        return groups, arrays, True
    except Exception:  # listing unsupported (HTTP) or refused: what the metadata refers to
        if not nodes:
            raise
    store = root.store_path.store
    for node in nodes:
        if node.node_type == "group" and node.path:
            group = await za.open_group(
                store=store, path=node.path, mode="r", use_consolidated=False
            )
            groups[node.path] = dict(group.attrs)
        elif node.node_type == "array":
            arrays[node.path] = await za.open_array(store=store, path=node.path, mode="r")
    return groups, arrays, False


def _image_axes(attrs: dict[str, Any], version: str) -> list[tuple[str, list[str]]]:
    """(dataset path, axis names) of every level of every multiscale of a group's attributes."""
    meta = attrs.get("ome") if version in NAMESPACED else attrs
    if type(meta) is not dict:
        return []
    out = []
    for ms in meta.get("multiscales") or []:
        if version in ("0.1", "0.2"):
            names = list(TCZYX)
        elif version == "0.6rc0":
            names = _intrinsic_names(ms)
        else:
            names = [a if type(a) is str else a["name"] for a in ms.get("axes", [])]
        for ds in ms.get("datasets", []):
            out.append((ds["path"], names))
    return out


def _intrinsic_names(ms: dict[str, Any]) -> list[str]:
    """0.6rc0: the axis names of the system the levels map into (their output)."""
    systems = ms.get("coordinateSystems") or []
    target = None
    for ds in ms.get("datasets", []):
        for t in ds.get("coordinateTransformations") or []:
            output = t.get("output")
            if isinstance(output, dict) and isinstance(output.get("name"), str):
                target = output["name"]
                break
        if target is not None:
            break
    system = next((s for s in systems if s.get("name") == target), systems[0] if systems else {})
    return [a["name"] for a in system.get("axes", [])]


def _source_arrays(
    group: str, attrs: dict[str, Any], version: str, arrays: Mapping[str, AsyncArray[Any]]
) -> dict[str, ArrayInfo]:
    out = {}
    for path, _ in _image_axes(attrs, version):
        array = arrays.get(_join(group, path))
        if array is not None:
            out[path] = ArrayInfo(tuple(array.shape), str(array.dtype))
    return out


async def _plan(
    root: Any,
    source_version: str,
    to: str,
    *,
    lossy: bool,
    chunks: ChunkSpec,
    shards: ChunkSpec,
    name: str,
    dest: str,
    nodes: Sequence[Node] = (),
) -> _Plan:
    groups, arrays, listed = await _list(root, nodes)
    src_format = 3 if source_version in NAMESPACED else 2
    dst_format = 3 if to in NAMESPACED else 2
    result = DatasetConversion(name, dest, source_version, to)
    group_plans = []
    level_axes: dict[str, tuple[list[str], list[str]]] = {}
    for path in sorted(groups, key=lambda p: (p.count("/") if p else -1, p)):
        attrs = groups[path]
        converted, report = convert_attributes(
            attrs,
            to,
            lossy=lossy,
            source_version=source_version,
            arrays=_source_arrays(path, attrs, source_version, arrays),
            file=_meta_key(path, src_format),
            check=False,
        )
        group_plans.append(_GroupPlan(path, converted, report))
        result.documents[_meta_key(path, dst_format)] = report
        before = dict(_image_axes(attrs, source_version))
        for ds_path, names in _image_axes(converted, to):
            level_axes[_join(path, ds_path)] = (before.get(ds_path, names), names)
    array_plans = [
        _array_plan(
            path,
            array,
            level_axes.get(path),
            to,
            src_format,
            dst_format,
            chunks,
            shards,
        )
        for path, array in sorted(arrays.items())
    ]
    result.array_changes = [p.record for p in array_plans]
    if listed:
        result.files, result.skipped = await _other_files(root.store_path.store, groups, arrays)
    else:
        result.notes.append(
            f"{name} cannot list its keys: the groups and arrays the OME metadata refers to "
            "were converted, nothing else"
        )
    return _Plan(source_version, group_plans, array_plans, result, root.store_path.store)


_GROUP_FILES = frozenset({".zgroup", ".zattrs", "zarr.json"})
_STALE_FILES = frozenset({".zmetadata"})


async def _other_files(
    store: Store, groups: Mapping[str, Any], arrays: Mapping[str, Any]
) -> tuple[list[str], list[str]]:
    """Keys of the source that are neither zarr metadata nor array chunks: copied as they are."""
    prefixes = tuple(f"{p}/" for p in arrays)
    kept: list[str] = []
    skipped: list[str] = []
    try:
        keys = [key async for key in store.list()]
    except Exception:  # a store that cannot list: nothing more to copy
        return kept, skipped
    for key in sorted(keys):
        if key.startswith(prefixes) or key in arrays:
            continue
        folder, _, name = key.rpartition("/")
        if name in _GROUP_FILES and (folder in groups or folder in arrays):
            continue
        (skipped if name in _STALE_FILES else kept).append(key)
    return kept, skipped


async def _copy_files(source: Store, dest: Store, keys: list[str]) -> None:
    from zarr.core.buffer import default_buffer_prototype

    prototype = default_buffer_prototype()
    for key in keys:
        data = await source.get(key, prototype=prototype)
        if data is not None:
            await dest.set(key, data)


def _fit(spec: ChunkSpec, names: list[str] | None, shape: tuple[int, ...]) -> list[int] | None:
    """A chunk (or shard) shape from a per-axis-name mapping or a tuple of the array's rank."""
    if spec is None:
        return None
    if isinstance(spec, Mapping):
        if names is None:
            return None
        return [spec.get(n, -1) for n in names]
    if len(spec) != len(shape):
        return None
    return [int(n) for n in spec]


def _array_plan(
    path: str,
    array: AsyncArray[Any],
    axes: tuple[list[str], list[str]] | None,
    to: str,
    src_format: int,
    dst_format: int,
    chunks: ChunkSpec,
    shards: ChunkSpec,
) -> _ArrayPlan:
    notes: list[str] = []
    shape = tuple(array.shape)
    inserted: tuple[int, ...] = ()
    src_chunks = tuple(array.chunks)
    src_shards = tuple(array.shards) if array.shards is not None else None
    names = axes[1] if axes is not None else None
    if axes is not None and len(axes[1]) > len(shape):
        before, after = axes
        inserted = tuple(i for i, n in enumerate(after) if n not in before)
        shape = _insert(shape, inserted, 1)
        src_chunks = _insert(src_chunks, inserted, 1)
        if src_shards is not None:
            src_shards = _insert(src_shards, inserted, 1)
        notes.append(
            f"singleton axes {', '.join(after[i] for i in inserted)} inserted: {to} images are "
            f"5-D ({''.join(after)})"
        )
    new_chunks = list(src_chunks)
    wanted = _fit(chunks, names, shape)
    if wanted is not None:
        new_chunks = [
            max(1, min(w, n)) if w > 0 else c
            for w, c, n in zip(wanted, src_chunks, shape, strict=True)
        ]
        if tuple(new_chunks) != src_chunks:
            notes.append(f"re-chunked {list(src_chunks)} -> {new_chunks}")
    new_shards: list[int] | None = None
    if dst_format == 3:
        wanted_shards = _fit(shards, names, shape)
        if wanted_shards is not None:
            new_shards = [
                max(c, math.ceil(min(w, n) / c) * c) if w > 0 else c
                for w, c, n in zip(wanted_shards, new_chunks, shape, strict=True)
            ]
            notes.append(f"sharded {new_shards}")
        elif src_shards is not None and src_format == 3 and wanted is None:
            new_shards = list(src_shards)
        elif src_shards is not None:
            notes.append(f"shards {list(src_shards)} not kept: re-chunked without new shards")
    elif src_shards is not None:
        notes.append(f"shards {list(src_shards)} undone: zarr v2 has none (chunks {new_chunks})")
    compressors, filters, serializer, codec_names = _codecs(array, src_format, dst_format, notes)
    attributes = dict(array.attrs)
    attributes.pop("_ARRAY_DIMENSIONS", None)
    if to == "0.3" and names is not None:
        attributes["_ARRAY_DIMENSIONS"] = names
    dimension_names: list[str] | None = None
    if dst_format == 3:
        if names is not None:
            dimension_names = names
        elif src_format == 3 and array.metadata.dimension_names is not None:
            dimension_names = list(array.metadata.dimension_names)
    encoding: dict[str, Any] | None
    if dst_format == 2:
        encoding = {"name": "v2", "separator": "." if to == "0.1" else "/"}
    elif src_format == 3:
        encoding = array.metadata.chunk_key_encoding.to_dict()
    else:
        encoding = None
    fill = array.metadata.fill_value
    if fill is None:
        fill = 0
    record = ArrayConversion(
        path,
        shape,
        tuple(new_chunks),
        None if new_shards is None else tuple(new_shards),
        codec_names,
        notes,
    )
    return _ArrayPlan(
        path,
        array,
        shape,
        tuple(new_chunks),
        None if new_shards is None else tuple(new_shards),
        compressors,
        filters,
        serializer,
        fill,
        encoding,
        dimension_names,
        attributes,
        inserted,
        record,
    )


def _insert(values: tuple[int, ...], positions: tuple[int, ...], value: int) -> tuple[int, ...]:
    out = list(values)
    for i in positions:
        out.insert(i, value)
    return tuple(out)


_SHUFFLE_V2_TO_V3 = {0: "noshuffle", 1: "shuffle", 2: "bitshuffle", -1: "shuffle"}
_SHUFFLE_V3_TO_V2 = {"noshuffle": 0, "shuffle": 1, "bitshuffle": 2}


def _codecs(
    array: AsyncArray[Any], src_format: int, dst_format: int, notes: list[str]
) -> tuple[Any, Any, Any, tuple[str, ...]]:
    """Compressors, filters and serializer of the new array; the compressors' names."""
    import numcodecs
    from zarr.codecs import BloscCodec, GzipCodec, ZstdCodec

    if src_format == dst_format:
        compressors = tuple(array.compressors) or None
        serializer = array.serializer if dst_format == 3 else "auto"
        filters = tuple(array.filters) or None
        names = tuple(_codec_name(c) for c in array.compressors)
        return compressors, filters, serializer or "auto", names
    if array.filters:
        raise ConversionError(
            f"{array.path}: filters {[_codec_name(f) for f in array.filters]} have no "
            f"counterpart in zarr v{dst_format} here; convert the array without them first"
        )
    out: list[Any] = []
    for codec in array.compressors:
        name = _codec_name(codec)
        config = codec.get_config() if hasattr(codec, "get_config") else {}
        if dst_format == 3:
            if name == "blosc":
                out.append(
                    BloscCodec(
                        cname=config.get("cname", "zstd"),
                        clevel=config.get("clevel", 5),
                        shuffle=_SHUFFLE_V2_TO_V3.get(config.get("shuffle", 1), "shuffle"),  # type: ignore[arg-type]
                        blocksize=config.get("blocksize", 0),
                    )
                )
            elif name == "zstd":
                out.append(
                    ZstdCodec(level=config.get("level", 0), checksum=config.get("checksum", False))
                )
            elif name == "gzip":
                out.append(GzipCodec(level=config.get("level", 5)))
            else:
                out.append(ZstdCodec(level=3))
                notes.append(f"compressor {name!r} has no zarr v3 codec here: zstd instead")
        elif isinstance(codec, BloscCodec):
            out.append(
                numcodecs.Blosc(
                    cname=str(codec.cname.value),
                    clevel=codec.clevel,
                    shuffle=_SHUFFLE_V3_TO_V2[
                        str(codec.shuffle.value if codec.shuffle else "shuffle")
                    ],
                    blocksize=codec.blocksize,
                )
            )
        elif isinstance(codec, ZstdCodec):
            out.append(numcodecs.Zstd(level=codec.level, checksum=codec.checksum))
        elif isinstance(codec, GzipCodec):
            out.append(numcodecs.GZip(level=codec.level))
        else:
            out.append(numcodecs.Zstd(level=3))
            notes.append(f"codec {name!r} has no zarr v2 compressor here: zstd instead")
    names = tuple(_codec_name(c) for c in out)
    if names:
        notes.append(f"compressors {', '.join(names)} (zarr v{src_format} -> v{dst_format})")
    return tuple(out) or None, None, "auto", names


def _codec_name(codec: Any) -> str:
    codec_id = getattr(codec, "codec_id", None)
    if isinstance(codec_id, str):
        return codec_id
    name = type(codec).__name__.removesuffix("Codec").lower()
    return name


# ------------------------------------------------------------------------------------------
# Writing


def _regions(plan: _ArrayPlan) -> Iterator[tuple[tuple[slice, ...], tuple[slice, ...]]]:
    """(destination selection, source selection) of every block to copy.

    A block is a whole number of the destination's write units (shards, else chunks), at least
    one source chunk wide along each axis, so that no unit is written twice and few source chunks
    are decoded twice.
    """
    unit = plan.shards or plan.chunks
    src_chunks = tuple(plan.source.chunks)
    if plan.source.shards is not None:
        src_chunks = tuple(plan.source.shards)
    src_chunks = _insert(src_chunks, plan.inserted, 1)
    block = [
        u * max(1, math.ceil(min(s, n) / u)) if n else 1
        for u, s, n in zip(unit, src_chunks, plan.shape, strict=True)
    ]
    counts = [math.ceil(n / b) if n else 0 for n, b in zip(plan.shape, block, strict=True)]
    kept = [i for i in range(len(plan.shape)) if i not in plan.inserted]
    for index in itertools.product(*(range(c) for c in counts)):
        dst = tuple(
            slice(i * b, min((i + 1) * b, n))
            for i, b, n in zip(index, block, plan.shape, strict=True)
        )
        yield dst, tuple(dst[i] for i in kept)


async def _copy_block(
    source: AsyncArray[Any],
    dest: AsyncArray[Any],
    dst_sel: tuple[slice, ...],
    src_sel: tuple[slice, ...],
) -> int:
    """Copy one block; return its uncompressed size in bytes."""
    import numpy as np

    data: np.ndarray[Any, Any] = np.asarray(await source.getitem(src_sel))
    shape = tuple(s.stop - s.start for s in dst_sel)
    if data.shape != shape:
        data = data.reshape(shape)
    await dest.setitem(dst_sel, data)
    return int(data.nbytes)


async def _create(store: Store, plan: _ArrayPlan, zarr_format: int) -> AsyncArray[Any]:
    import zarr.api.asynchronous as za

    options: dict[str, Any] = {
        "name": plan.path,
        "shape": plan.shape,
        "dtype": plan.source.dtype,
        "chunks": plan.chunks,
        "shards": plan.shards,
        "compressors": plan.compressors,
        "fill_value": plan.fill_value,
        "zarr_format": zarr_format,
        "attributes": plan.attributes,
        "overwrite": True,
    }
    if plan.filters is not None:
        options["filters"] = plan.filters
    if zarr_format == 3:
        options["serializer"] = plan.serializer
        options["dimension_names"] = plan.dimension_names
    if plan.chunk_key_encoding is not None:
        options["chunk_key_encoding"] = plan.chunk_key_encoding
    if zarr_format == 2 and plan.source.metadata.zarr_format == 2:
        options["order"] = plan.source.order
    return await za.create_array(store, **options)


async def _copy_arrays(
    store: Store, plans: list[_ArrayPlan], zarr_format: int, concurrency: int | None
) -> tuple[int, int]:
    """Create every array and copy its blocks with a bounded pool of workers."""
    created = [await _create(store, p, zarr_format) for p in plans]
    jobs = (
        (plan, dest, dst, src)
        for plan, dest in zip(plans, created, strict=True)
        for dst, src in _regions(plan)
    )
    largest = max(
        (math.prod(p.shards or p.chunks) * p.source.dtype.itemsize for p in plans), default=1
    )
    workers = concurrency or max(2, min(4 * (os.cpu_count() or 2), MEMORY_BUDGET // (2 * largest)))
    totals = [0, 0]

    async def worker() -> None:
        for plan, dest, dst, src in jobs:
            size = await _copy_block(plan.source, dest, dst, src)
            totals[0] += 1
            totals[1] += size

    try:  # the first failure cancels the other workers
        async with asyncio.TaskGroup() as group:
            for _ in range(max(1, workers)):
                group.create_task(worker())
    except BaseExceptionGroup as failed:
        raise failed.exceptions[0] from None
    return totals[0], totals[1]


def _group_documents(path: str, attrs: dict[str, Any], zarr_format: int) -> dict[str, bytes]:
    def dump(doc: Any) -> bytes:
        return json.dumps(doc, indent=2, ensure_ascii=False).encode("utf-8")

    if zarr_format == 3:
        doc = {"zarr_format": 3, "node_type": "group", "attributes": attrs}
        return {_join(path, "zarr.json"): dump(doc)}
    out = {_join(path, ".zgroup"): dump({"zarr_format": 2})}
    if attrs:
        out[_join(path, ".zattrs")] = dump(attrs)
    return out


async def _write_groups(store: Store, groups: list[_GroupPlan], zarr_format: int) -> None:
    """Group metadata, deepest first, the root last."""
    from zarr.core.buffer import default_buffer_prototype

    prototype = default_buffer_prototype()
    for group in sorted(groups, key=lambda g: -(g.path.count("/") + 1 if g.path else 0)):
        for key, data in _group_documents(group.path, group.attrs, zarr_format).items():
            await store.set(key, prototype.buffer.from_bytes(data))
        if zarr_format == 2 and not group.attrs:
            with contextlib.suppress(FileNotFoundError):
                await store.delete(_join(group.path, ".zattrs"))


# ------------------------------------------------------------------------------------------
# Entry point


def _run(coro: Coroutine[Any, Any, T]) -> T:
    """Run ``coro`` to completion, also from inside a running event loop (in a thread then)."""
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


def _is_url(value: Any) -> bool:
    text = str(value)
    return "://" in text and not text.startswith("file://")


def _is_local(value: Any) -> bool:
    """A local folder (not a URL, not a .zip file)."""
    return not _is_url(value) and not str(value).lower().endswith(".zip")


def _zip_folder(folder: Path, target: Path) -> None:
    """Store the files of ``folder`` in the zip file ``target`` (uncompressed: chunks are)."""
    import zipfile

    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_STORED) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, path.relative_to(folder).as_posix())


def convert_dataset(
    source: Any,
    dest: Any,
    *,
    to: str,
    overwrite: bool = False,
    in_place: bool = False,
    chunks: ChunkSpec = None,
    shards: ChunkSpec = None,
    lossy: bool = False,
    storage_options: dict[str, Any] | None = None,
    concurrency: int | None = None,
) -> DatasetConversion:
    """Convert a whole OME-Zarr dataset to version ``to``.

    Parameters
    ----------
    source
        The dataset: a folder, a ``.zip``, an ``http(s)://`` or ``s3://`` URL (needs a store
        that lists its keys), or a zarr store. It must be valid (``validate_dataset``).
    dest
        A folder or a ``.zip`` file (written beside it, moved into place when complete and
        valid), a URL or a zarr store (written in place, the root's metadata last). Ignored with
        ``in_place`` (pass the source again or None).
    to
        The target version, ``"0.1"`` ... ``"0.5"``.
    overwrite
        Replace a ``dest`` that exists and is not empty (it is replaced only once the new one
        is complete).
    in_place
        Rewrite the metadata of ``source`` itself; only when the zarr format and the arrays'
        layout do not change (0.2-0.4 among themselves, say, not 0.4 -> 0.5 nor 0.1 -> 0.2).
    chunks, shards
        New chunk (shard) shapes: a mapping from axis name to size (applied to image arrays,
        by their axes; other axes keep theirs), or a tuple (applied to arrays of that rank).
        Sizes are clipped to the array; shards are rounded up to whole chunks; shards need a
        zarr v3 target.
    lossy
        Drop what the target version cannot hold (each item warned) instead of refusing.
    storage_options
        fsspec options for URLs.
    concurrency
        Blocks copied at once (default: as many as fit :data:`MEMORY_BUDGET`, at most 4 per CPU).

    Returns
    -------
    DatasetConversion
        The report of every document, every array, and the destination's validation.

    Raises
    ------
    ConversionError
        The source is unusable or invalid, a document cannot be converted (or only with loss
        and ``lossy`` is False), ``dest`` exists and ``overwrite`` is False, ``in_place`` asks
        for a change of layout. Nothing is written then.
    """
    from omezarr_models.conversion import target_versions

    if to not in target_versions():
        raise ValueError(
            f"to: unsupported version {to!r}; choose one of {', '.join(target_versions())}"
        )
    if shards is not None and to not in NAMESPACED:
        raise ConversionError(f"shards: zarr v2 (OME-Zarr {to}) has no shards")
    started = time.perf_counter()
    result = _run(
        _convert(
            source,
            dest,
            to=to,
            overwrite=overwrite,
            in_place=in_place,
            chunks=chunks,
            shards=shards,
            lossy=lossy,
            storage_options=storage_options,
            concurrency=concurrency,
        )
    )
    result.seconds = time.perf_counter() - started
    return result


async def _convert(
    source: Any,
    dest: Any,
    *,
    to: str,
    overwrite: bool,
    in_place: bool,
    chunks: ChunkSpec,
    shards: ChunkSpec,
    lossy: bool,
    storage_options: dict[str, Any] | None,
    concurrency: int | None,
) -> DatasetConversion:
    import zarr.api.asynchronous as za
    from zarr.abc.store import Store
    from zarr.storage import LocalStore

    from omezarr_models.dataset import validate_dataset
    from omezarr_models.dataset.access import StoreError, open_store

    report = await asyncio.to_thread(validate_dataset, source, storage_options=storage_options)
    if report.unusable is not None:
        raise ConversionError(f"{source}: unusable: {report.unusable}")
    if not report.valid or report.version is None:
        listed = "; ".join(f"{i.file}:{i.path or '/'} {i.code}" for i in report.errors[:5])
        raise ConversionError(f"{source}: not a valid OME-Zarr dataset ({listed})")
    version = report.version
    if in_place:
        return await _in_place(source, version, to, lossy=lossy, chunks=chunks, shards=shards)
    try:
        src_store, name = open_store(source, storage_options)
    except StoreError as exc:
        raise ConversionError(str(exc)) from None
    dst_format = 3 if to in NAMESPACED else 2
    local_dest = not isinstance(dest, Store) and not _is_url(dest)
    if local_dest:
        final = Path(str(dest).removeprefix("file://")).resolve()
        if isinstance(src_store, LocalStore) and Path(src_store.root).resolve() in (
            final,
            *final.parents,
        ):
            raise ConversionError(f"dest: {final} is the source or inside it")
        if final.exists() and (final.is_file() or any(final.iterdir())) and not overwrite:
            raise ConversionError(f"dest: {final} exists and is not empty (pass overwrite=True)")
    try:
        root = await za.open_group(store=src_store, mode="r", use_consolidated=False)
        plan = await _plan(
            root,
            version,
            to,
            lossy=lossy,
            chunks=chunks,
            shards=shards,
            name=name,
            dest=str(dest),
            nodes=report.nodes,
        )
        if not local_dest:
            store: Store = dest if isinstance(dest, Store) else await _remote(dest, storage_options)
            if not overwrite and await _not_empty(store):
                raise ConversionError(f"dest: {dest} is not empty (pass overwrite=True)")
            await _write(store, plan, dst_format, concurrency)
            plan.result.validation = await asyncio.to_thread(
                validate_dataset, store, storage_options=None
            )
            return plan.result
        final.parent.mkdir(parents=True, exist_ok=True)
        staging = final.parent / f".{final.name}.converting-{uuid.uuid4().hex[:8]}"
        try:
            store = LocalStore(staging)
            await _write(store, plan, dst_format, concurrency)
            checked = await asyncio.to_thread(validate_dataset, str(staging))
            if not checked.valid:
                listed = "; ".join(f"{i.file}:{i.path or '/'} {i.code}" for i in checked.errors[:5])
                raise ConversionError(f"the converted dataset would not be valid ({listed})")
            if final.suffix.lower() == ".zip":  # staged as a folder, then archived
                archive = staging.with_name(staging.name + ".zip")
                try:
                    await asyncio.to_thread(_zip_folder, staging, archive)
                    _swap(archive, final)
                finally:
                    archive.unlink(missing_ok=True)
                    shutil.rmtree(staging, ignore_errors=True)
            else:
                _swap(staging, final)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        checked.source = str(final)
        plan.result.validation = checked
        return plan.result
    finally:
        if getattr(src_store, "_is_open", False) and src_store is not source:
            src_store.close()


async def _write(store: Store, plan: _Plan, zarr_format: int, concurrency: int | None) -> None:
    count, size = await _copy_arrays(store, plan.arrays, zarr_format, concurrency)
    plan.result.chunks, plan.result.bytes = count, size
    if plan.store is not None and plan.result.files:
        await _copy_files(plan.store, store, plan.result.files)
    await _write_groups(store, plan.groups, zarr_format)


def _swap(staging: Path, final: Path) -> None:
    """Put ``staging`` at ``final``; an existing ``final`` is removed only after the rename."""
    if not final.exists():
        staging.rename(final)
        return
    old = final.parent / f".{final.name}.replaced-{uuid.uuid4().hex[:8]}"
    final.rename(old)
    try:
        staging.rename(final)
    except BaseException:
        old.rename(final)
        raise
    if old.is_dir():
        shutil.rmtree(old, ignore_errors=True)
    else:
        old.unlink()


async def _remote(dest: Any, storage_options: dict[str, Any] | None) -> Store:
    from zarr.storage import FsspecStore

    return FsspecStore.from_url(str(dest), storage_options=storage_options, read_only=False)


async def _not_empty(store: Store) -> bool:
    async for _ in store.list():
        return True
    return False


async def _in_place(
    source: Any, version: str, to: str, *, lossy: bool, chunks: ChunkSpec, shards: ChunkSpec
) -> DatasetConversion:
    """Rewrite the metadata of a local dataset whose arrays stay as they are."""
    import zarr.api.asynchronous as za
    from zarr.storage import LocalStore

    from omezarr_models.dataset import validate_dataset

    if not _is_local(source):
        raise ConversionError("in_place: only local folders are converted in place")
    src_format = 3 if version in NAMESPACED else 2
    dst_format = 3 if to in NAMESPACED else 2
    if src_format != dst_format:
        raise ConversionError(
            f"in_place: {version} -> {to} changes the zarr format (v{src_format} -> "
            f"v{dst_format}); convert into a new destination"
        )
    if chunks is not None or shards is not None:
        raise ConversionError("in_place: chunks and shards change the arrays; use a new dest")
    if (version == "0.1") != (to == "0.1") and src_format == 2:
        raise ConversionError(
            f"in_place: {version} -> {to} changes the chunk key layout ('.' in 0.1, '/' after)"
        )
    store = LocalStore(Path(str(source)), read_only=False)
    root = await za.open_group(store=store, mode="r+", use_consolidated=False)
    plan = await _plan(
        root,
        version,
        to,
        lossy=lossy,
        chunks=None,
        shards=None,
        name=str(source),
        dest=str(source),
    )
    for array in plan.arrays:
        if array.inserted:
            raise ConversionError(
                f"in_place: {array.path} must gain axes ({version} -> {to}); use a new dest"
            )
    from zarr.core.buffer import default_buffer_prototype

    prototype = default_buffer_prototype()
    for array in plan.arrays:
        opened = await za.open_array(store=store, path=array.path, mode="r+")
        if dict(opened.attrs) == array.attributes:
            continue
        if dst_format == 2:  # .zattrs replaced whole: keys may go (_ARRAY_DIMENSIONS)
            data = json.dumps(array.attributes, indent=2, ensure_ascii=False).encode("utf-8")
            await store.set(_join(array.path, ".zattrs"), prototype.buffer.from_bytes(data))
        else:
            await opened.update_attributes(array.attributes)
    await _write_groups(store, plan.groups, dst_format)
    plan.result.validation = await asyncio.to_thread(validate_dataset, str(source))
    return plan.result
