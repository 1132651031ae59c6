"""Walking an OME-Zarr hierarchy the way the spec lays it out, checking what spans documents.

Images lead to their resolution-level arrays and their labels; plates to rows, wells and fields;
bioformats2raw collections to their series. Every group's attributes go through
:func:`omezarr_models.validate_attributes`, judged as the hierarchy's version; the rules here add
what no single document shows: arrays that exist and fit the axes, levels in order, labels that
match their image, wells and fields that exist, acquisitions that the plate defines.
"""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Coroutine
from dataclasses import dataclass, field
from typing import Any, Literal

from omezarr_models.dataset.access import JsonRead, Reader
from omezarr_models.report import Issue, Report, Severity
from omezarr_models.rules.collector import EARLY, is_inner_path
from omezarr_models.rules.coordinates import V06, intrinsic_axes
from omezarr_models.rules.labels import label_section
from omezarr_models.sections import reference
from omezarr_models.validate import validate_attributes

Fields = Literal["all", "first"] | int

#: The chunk key separator each version's layout uses (zarr v2 ``dimension_separator``).
_SEPARATORS = {"0.1": ".", "0.2": "/", "0.3": "/", "0.4": "/"}

#: Groups that only hold others (plate rows): their attributes are not OME metadata.
_CONTAINERS = frozenset({"row"})
_NO_METADATA = frozenset({"no-ome-metadata", "ome-missing"})

_INTEGER_DTYPES = frozenset(
    {"int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"}
)


@dataclass(slots=True)
class Group:
    """A group as read: its metadata file (for messages) and its OME metadata object."""

    path: str
    file: str
    attrs: dict[str, Any]
    meta: dict[str, Any] | None
    report: Report


@dataclass(slots=True)
class Array:
    """An array as read: the fields the rules need, from ``zarr.json`` or ``.zarray``."""

    path: str
    file: str
    shape: list[int]
    dtype: str
    dimension_names: list[Any] | None
    separator: str | None


@dataclass(slots=True)
class Counts:
    """What the walk visited."""

    groups: int = 0
    arrays: int = 0


@dataclass(frozen=True, slots=True)
class Node:
    """One group or array the walk visited, for ``omezarr info``.

    Groups carry ``kind`` and ``version``; arrays ``shape``, ``dtype``, ``chunks`` (the chunks
    read and written at once), ``shards`` (the shard shape, if sharded) and ``codecs``.
    """

    path: str
    node_type: Literal["group", "array"]
    file: str
    kind: str | None = None
    version: str | None = None
    shape: tuple[int, ...] | None = None
    dtype: str | None = None
    chunks: tuple[int, ...] | None = None
    shards: tuple[int, ...] | None = None
    codecs: tuple[str, ...] = ()


@dataclass(slots=True)
class Walk:
    """The state of one validation walk over a hierarchy of a known zarr format and version."""

    reader: Reader
    zarr_format: int
    version: str
    strict: bool
    fields: Fields
    check_data: bool = False
    issues: list[Issue] = field(default_factory=list)
    counts: Counts = field(default_factory=Counts)
    nodes: list[Node] = field(default_factory=list)

    # ----------------------------------------------------------------------------- reporting
    def spec(self, section: str | None) -> str:
        return reference(self.version, section)

    def error(self, file: str, path: str, code: str, message: str, section: str | None) -> None:
        self.issues.append(Issue(path, code, Severity.ERROR, message, self.spec(section), file))

    def warn(self, file: str, path: str, code: str, message: str, section: str | None) -> None:
        self.issues.append(Issue(path, code, Severity.WARNING, message, self.spec(section), file))

    def should(self, file: str, path: str, code: str, message: str, section: str | None) -> None:
        severity = Severity.ERROR if self.strict else Severity.WARNING
        self.issues.append(Issue(path, code, severity, message, self.spec(section), file))

    def unreadable(self, read: JsonRead) -> None:
        code = (
            "json-invalid" if read.error and read.error.startswith("not") else "metadata-unreadable"
        )
        self.error(read.key, "", code, f"{read.key} is {read.error}", None)

    # ----------------------------------------------------------------------------- reading
    def _key(self, path: str, name: str) -> str:
        return f"{path}/{name}" if path else name

    async def _is_group(self, path: str) -> bool:
        """Whether a group exists at ``path`` (its ``zarr.json``, or ``.zgroup`` in zarr v2)."""
        return await self.reader.exists(
            self._key(path, "zarr.json" if self.zarr_format == 3 else ".zgroup")
        )

    async def group(self, path: str, *, referrer: tuple[str, str], what: str) -> Group | None:
        """Read and validate the group at ``path``; report it missing against ``referrer``."""
        if self.zarr_format == 3:
            key = self._key(path, "zarr.json")
            read = await self.reader.read_json(key)
            if not read.present:
                self._missing(referrer, what, path)
                return None
            if read.error is not None:
                self.unreadable(read)
                return None
            doc = read.value
            if type(doc) is not dict:
                self.error(key, "", "json-not-object", f"{key} must hold a JSON object", None)
                return None
            if doc.get("node_type") != "group":
                self.error(key, "/node_type", "not-a-group", f"{path or '/'} must be a group", None)
                return None
            attrs = doc.get("attributes", {})
            file = key
        else:
            zgroup, zattrs = self._key(path, ".zgroup"), self._key(path, ".zattrs")
            # .zgroup only says "a group" ({"zarr_format": 2}): its existence is what counts
            is_group, attrs_read = await asyncio.gather(
                self.reader.exists(zgroup), self.reader.read_json(zattrs)
            )
            if not is_group:
                self._missing(referrer, what, path)
                return None
            if attrs_read.error is not None:
                self.unreadable(attrs_read)
                return None
            attrs = attrs_read.value if attrs_read.present else {}
            file = zattrs
            if type(attrs) is not dict:
                self.error(zattrs, "", "json-not-object", f"{zattrs} must hold a JSON object", None)
                return None
        self.counts.groups += 1
        if type(attrs) is not dict:
            self.error(file, "/attributes", "json-not-object", "attributes must be an object", None)
            return None
        report = validate_attributes(attrs, version=self.version, strict=self.strict, file=file)
        if what not in _CONTAINERS:
            # a child without OME metadata is reported by the walk, more precisely (not-an-image...)
            self.issues.extend(i for i in report.issues if i.code not in _NO_METADATA)
        meta = attrs.get("ome") if self.version not in ("0.1", "0.2", "0.3", "0.4") else attrs
        kind = report.kind if what not in _CONTAINERS else what
        self.nodes.append(Node(path, "group", file, kind=kind, version=report.version))
        return Group(path, file, attrs, meta if type(meta) is dict else None, report)

    def _missing(self, referrer: tuple[str, str], what: str, path: str) -> None:
        code = {
            "level": "dataset-array-missing",
            "label image": "label-image-missing",
            "row": "row-group-missing",
            "well": "well-group-missing",
            "field": "field-image-missing",
            "series image": "series-image-missing",
        }.get(what, "group-missing")
        file, pointer = referrer
        self.error(file, pointer, code, f"the {what} {path!r} does not exist", None)

    async def array(self, path: str, *, referrer: tuple[str, str]) -> Array | None:
        """Read the array metadata at ``path``; report it missing against ``referrer``."""
        key = self._key(path, "zarr.json" if self.zarr_format == 3 else ".zarray")
        read = await self.reader.read_json(key)
        file, pointer = referrer
        if not read.present:
            self.error(
                file,
                pointer,
                "dataset-array-missing",
                f"the array {path!r} does not exist",
                "multiscale-md",
            )
            return None
        if read.error is not None:
            self.unreadable(read)
            return None
        doc = read.value
        if type(doc) is not dict:
            self.error(key, "", "json-not-object", f"{key} must hold a JSON object", None)
            return None
        if self.zarr_format == 3 and doc.get("node_type") != "array":
            self.error(
                file, pointer, "dataset-not-an-array", f"{path!r} is not an array", "multiscale-md"
            )
            return None
        shape = doc.get("shape")
        if type(shape) is not list or not all(type(n) is int for n in shape):
            self.error(
                key, "/shape", "json-invalid", "the array metadata has no valid 'shape'", None
            )
            return None
        self.counts.arrays += 1
        if self.zarr_format == 3:
            dtype = doc.get("data_type")
            separator = None
            encoding = doc.get("chunk_key_encoding")
            if type(encoding) is dict:
                config = encoding.get("configuration")
                separator = config.get("separator") if type(config) is dict else None
                if separator is None:
                    separator = "/" if encoding.get("name") == "default" else "."
            names = doc.get("dimension_names")
        else:
            dtype = _v2_dtype(doc.get("dtype"))
            separator = doc.get("dimension_separator", ".")
            names = None
        dtype_name = dtype if type(dtype) is str else repr(dtype)
        chunks, shards, codecs = _layout(doc, self.zarr_format)
        if self.check_data:
            await self._sample_chunks(path, key, shape, shards or chunks)
        self.nodes.append(
            Node(
                path,
                "array",
                key,
                shape=tuple(shape),
                dtype=dtype_name,
                chunks=chunks,
                shards=shards,
                codecs=codecs,
            )
        )
        return Array(path, key, shape, dtype_name, names, separator)

    async def _sample_chunks(
        self, path: str, key: str, shape: list[int], chunk: tuple[int, ...] | None
    ) -> None:
        """Read and decode the first and the last chunk (or shard) of an array."""
        from zarr.api.asynchronous import open_array

        if chunk is None or len(chunk) != len(shape) or any(n == 0 for n in shape):
            return
        first = tuple(slice(0, min(c, n)) for c, n in zip(chunk, shape, strict=True))
        last = tuple(slice(((n - 1) // c) * c, n) for c, n in zip(chunk, shape, strict=True))
        try:
            fmt: Literal[2, 3] = 3 if self.zarr_format == 3 else 2
            array = await open_array(store=self.reader.store, path=path, zarr_format=fmt)
            for region in [first] if first == last else [first, last]:
                await array.getitem(region)
        except Exception as exc:  # any codec, I/O or format error is a finding
            self.error(
                key,
                "",
                "chunk-unreadable",
                f"a chunk of {path!r} cannot be read: {type(exc).__name__}: {exc}",
                None,
            )

    # ----------------------------------------------------------------------------- kinds
    async def node(self, group: Group) -> None:
        """Follow a group according to what its metadata says it is."""
        meta = group.meta or {}
        if "plate" in meta:
            await self.plate(group)
        elif "well" in meta:
            await self.well(group, None)
        elif "multiscales" in meta:
            await self.image(group)
        elif "labels" in meta:
            await self.labels(group, None)
        elif "scene" in meta and self.version == V06:
            from omezarr_models.dataset.walk_v06 import scene

            await scene(self, group)
        elif "bioformats2raw.layout" in meta:
            await self.bioformats2raw(group)

    async def image(
        self, group: Group, *, parent: list[list[Array]] | None = None
    ) -> list[list[Array]]:
        """Check the levels of every multiscale of an image, then its labels (unless a label)."""
        meta = group.meta or {}
        multiscales = meta.get("multiscales")
        if type(multiscales) is not list:
            return []
        base = "/ome" if group.meta is not group.attrs else ""
        found = await asyncio.gather(
            *(
                self._levels(group, ms, f"{base}/multiscales/{i}")
                for i, ms in enumerate(multiscales)
                if type(ms) is dict
            )
        )
        if self.version == V06:
            from omezarr_models.dataset.walk_v06 import image_references

            await image_references(self, group)
        if parent is None:
            await self._image_labels(group, found)
        return list(found)

    async def _levels(self, group: Group, ms: dict[str, Any], ptr: str) -> list[Array]:
        datasets = ms.get("datasets")
        axes = intrinsic_axes(ms) if self.version == V06 else ms.get("axes")
        if type(datasets) is not list:
            return []
        jobs = []
        for j, ds in enumerate(datasets):
            path = ds.get("path") if type(ds) is dict else None
            if type(path) is str and is_inner_path(path):
                where = self._key(group.path, path.rstrip("/"))
                jobs.append(self.array(where, referrer=(group.file, f"{ptr}/datasets/{j}/path")))
        arrays = [a for a in await asyncio.gather(*jobs) if a is not None]
        names = _axis_names(axes, self.version)
        for array in arrays:
            self._check_level(array, names)
        if self.version == "0.3" and names is not None:
            await self._array_dimensions(group, arrays, names)
        for previous, current in itertools.pairwise(arrays):
            if len(previous.shape) == len(current.shape) and any(
                c > p for p, c in zip(previous.shape, current.shape, strict=True)
            ):
                self.error(
                    group.file,
                    f"{ptr}/datasets",
                    "levels-not-decreasing",
                    f"level {current.path!r} {current.shape} is larger than the level before it "
                    f"{previous.shape} in some dimension; levels go from largest to smallest",
                    "multiscale-md",
                )
        dtypes = {a.dtype for a in arrays}
        if len(dtypes) > 1:
            self.warn(
                group.file,
                f"{ptr}/datasets",
                "level-dtypes-differ",
                f"the levels have different data types: {', '.join(sorted(dtypes))}",
                "multiscale-md",
            )
        return arrays

    def _check_level(self, array: Array, names: list[Any] | None) -> None:
        if names is not None and len(array.shape) != len(names):
            self.error(
                array.file,
                "/shape",
                "array-ndim-mismatch",
                f"the array has {len(array.shape)} dimensions but there are {len(names)} axes",
                "multiscale-md",
            )
        if self.zarr_format == 3 and names is not None:
            if array.dimension_names is None:
                self.error(
                    array.file,
                    "",
                    "dimension-names-missing",
                    "the array must have 'dimension_names' equal to the axis names",
                    "axes-md",
                )
            elif list(array.dimension_names) != names:
                self.error(
                    array.file,
                    "/dimension_names",
                    "dimension-names-mismatch",
                    f"dimension_names {array.dimension_names} differ from the axis names {names}",
                    "axes-md",
                )
        wanted = _SEPARATORS.get(self.version)
        if self.zarr_format == 2 and wanted is not None and array.separator != wanted:
            layout = "nested directories ('/')" if wanted == "/" else "flat keys ('.')"
            # 0.1 and 0.2 predate the dimension_separator field: a reader of the version looks
            # for chunks under the version's layout only. Later readers honour the field.
            report = self.error if self.version in ("0.1", "0.2") else self.warn
            report(
                array.file,
                "/dimension_separator",
                "chunk-separator",
                f"chunk keys use {array.separator!r}; {self.version} lays chunks out in {layout}",
                "image-layout",
            )

    async def _array_dimensions(self, group: Group, arrays: list[Array], names: list[Any]) -> None:
        """0.3: the axis names are repeated in ``_ARRAY_DIMENSIONS``.

        The text asks it of the group that holds the level arrays; xarray's encoding puts it on
        each array. Either is accepted; a copy that differs from the axes is an error.
        """
        on_group = group.attrs.get("_ARRAY_DIMENSIONS")
        if on_group is not None:
            if on_group != names:
                self.error(
                    group.file,
                    "/_ARRAY_DIMENSIONS",
                    "array-dimensions-mismatch",
                    f"_ARRAY_DIMENSIONS {on_group} differ from the axes {names}",
                    "multiscale-md",
                )
            return
        reads = await asyncio.gather(
            *(self.reader.read_json(self._key(a.path, ".zattrs")) for a in arrays)
        )
        missing = False
        for read in reads:
            attrs = read.value if read.present and read.error is None else None
            dims = attrs.get("_ARRAY_DIMENSIONS") if type(attrs) is dict else None
            if dims is None:
                missing = True
            elif dims != names:
                self.error(
                    read.key,
                    "/_ARRAY_DIMENSIONS",
                    "array-dimensions-mismatch",
                    f"_ARRAY_DIMENSIONS {dims} differ from the axes {names}",
                    "multiscale-md",
                )
        if missing:
            self.error(
                group.file,
                "",
                "array-dimensions-missing",
                "0.3 repeats the axes in '_ARRAY_DIMENSIONS' of the group holding the levels "
                "(or, as xarray writes it, of every level array)",
                "multiscale-md",
            )

    async def _image_labels(self, image: Group, levels: list[list[Array]]) -> None:
        labels_path = self._key(image.path, "labels")
        if await self._is_group(labels_path):
            labels = await self.group(labels_path, referrer=(image.file, ""), what="labels group")
            if labels is not None:
                await self.labels(labels, levels[0] if levels else None)

    async def labels(self, group: Group, image_levels: list[Array] | None) -> None:
        """Every listed label image exists, is a multiscale image of integers matching its image."""
        meta = group.meta or {}
        paths = meta.get("labels")
        base = "/ome" if group.meta is not group.attrs else ""
        if "labels" not in meta:
            self.error(
                group.file,
                base or "",
                "labels-group-invalid",
                "the labels group must list its label images under 'labels'",
                "labels-md",
            )
            return
        if type(paths) is not list:
            return
        section = label_section(self.version)
        jobs = []
        for k, path in enumerate(paths):
            if type(path) is str and is_inner_path(path):
                jobs.append(
                    self._label_image(group, path, f"{base}/labels/{k}", image_levels, section)
                )
        await asyncio.gather(*jobs)

    async def _label_image(
        self, labels: Group, path: str, ptr: str, image_levels: list[Array] | None, section: str
    ) -> None:
        group = await self.group(
            self._key(labels.path, path), referrer=(labels.file, ptr), what="label image"
        )
        if group is None:
            return
        meta = group.meta or {}
        base = "/ome" if group.meta is not group.attrs else ""
        if "multiscales" not in meta:
            self.error(
                group.file,
                base,
                "label-image-multiscales-missing",
                "a label image must also have 'multiscales'",
                section,
            )
            return
        if "image-label" not in meta:
            self.should(
                group.file,
                base,
                "image-label-missing",
                "a label image should have 'image-label' metadata",
                section,
            )
        levels = await self.image(group, parent=[image_levels or []])
        first = levels[0] if levels else []
        for array in first:
            if array.dtype not in _INTEGER_DTYPES:
                self.error(
                    array.file,
                    "",
                    "label-dtype-not-integer",
                    f"label arrays must have an integer data type, not {array.dtype}",
                    section,
                )
        if image_levels is not None and first and len(first) != len(image_levels):
            self.error(
                group.file,
                f"{base}/multiscales/0/datasets",
                "label-levels-mismatch",
                f"the label image has {len(first)} levels, its image {len(image_levels)}",
                section,
            )
        if image_levels and first:
            label, image = first[0].shape, image_levels[0].shape
            if len(label) == len(image) and any(
                n not in (m, 1) for n, m in zip(label, image, strict=True)
            ):
                self.should(
                    first[0].file,
                    "/shape",
                    "label-shape-mismatch",
                    f"label shape {label} does not match image shape {image} (each dimension "
                    "the same or 1)",
                    "image-layout",
                )

    async def plate(self, group: Group) -> None:
        """Rows, wells and (some) fields of a plate exist; fields name known acquisitions."""
        plate = (group.meta or {}).get("plate")
        if type(plate) is not dict:
            return
        base = "/ome" if group.meta is not group.attrs else ""
        wells = plate.get("wells")
        if type(wells) is not list:
            return
        acquisitions = plate.get("acquisitions")
        ids = (
            {a.get("id") for a in acquisitions if type(a) is dict}
            if type(acquisitions) is list
            else set()
        )
        rows_seen: dict[str, asyncio.Task[Group | None]] = {}
        jobs = []
        for k, well in enumerate(wells):
            path = well.get("path") if type(well) is dict else None
            if type(path) is not str or path.count("/") != 1 or not is_inner_path(path):
                continue
            row = path.split("/")[0]
            ptr = f"{base}/plate/wells/{k}/path"
            if row not in rows_seen:
                rows_seen[row] = asyncio.ensure_future(
                    self.group(self._key(group.path, row), referrer=(group.file, ptr), what="row")
                )
            jobs.append(self._plate_well(group, path, ptr, rows_seen[row], ids))
        await asyncio.gather(*jobs)

    async def _plate_well(
        self, plate: Group, path: str, ptr: str, row: asyncio.Task[Group | None], ids: set[Any]
    ) -> None:
        if await row is None:
            return  # the missing row is reported once
        well = await self.group(
            self._key(plate.path, path), referrer=(plate.file, ptr), what="well"
        )
        if well is None:
            return
        if "well" not in (well.meta or {}):
            self.error(
                well.file,
                "",
                "well-metadata-missing",
                "a well group must have 'well' metadata",
                "well-md",
            )
            return
        await self.well(well, ids)

    async def well(self, group: Group, plate_ids: set[Any] | None) -> None:
        """The fields of view exist (all, the first, or the first N) and are images."""
        well = (group.meta or {}).get("well")
        if type(well) is not dict or type(well.get("images")) is not list:
            return
        base = "/ome" if group.meta is not group.attrs else ""
        images = well["images"]
        jobs: list[Coroutine[Any, Any, None]] = []
        for k, image in enumerate(images):
            if type(image) is not dict:
                continue
            ptr = f"{base}/well/images/{k}"
            acquisition = image.get("acquisition")
            if plate_ids is not None and "acquisition" in image:
                if type(acquisition) is int and acquisition not in plate_ids:
                    self.error(
                        group.file,
                        f"{ptr}/acquisition",
                        "well-image-acquisition-unknown",
                        f"acquisition {acquisition} is not one of the plate's",
                        "well-md",
                    )
            elif plate_ids is not None and len(plate_ids) > 1:
                report = self.should if self.version in EARLY else self.error  # MUST from 0.4
                report(
                    group.file,
                    ptr,
                    "well-image-acquisition-missing",
                    "the plate has several acquisitions, so this field must name its own",
                    "well-md",
                )
            path = image.get("path")
            if type(path) is str and is_inner_path(path) and self._take_field(len(jobs)):
                jobs.append(self._field(group, path, f"{ptr}/path"))
        await asyncio.gather(*jobs)

    def _take_field(self, taken: int) -> bool:
        if self.fields == "all":
            return True
        if self.fields == "first":
            return taken < 1
        return taken < self.fields

    async def _field(self, well: Group, path: str, ptr: str) -> None:
        image = await self.group(
            self._key(well.path, path), referrer=(well.file, ptr), what="field"
        )
        if image is not None:
            await self._expect_image(image)

    async def _expect_image(self, image: Group) -> None:
        if "multiscales" not in (image.meta or {}):
            self.error(
                image.file,
                "",
                "not-an-image",
                f"{image.path!r} must be an image with 'multiscales'",
                "multiscale-md",
            )
            return
        await self.image(image)

    async def bioformats2raw(self, group: Group) -> None:
        """The series of a collection: listed in OME/series, or numbered groups 0, 1, 2..."""
        series_group = None
        if await self._is_group(self._key(group.path, "OME")):
            series_group = await self.group(
                self._key(group.path, "OME"), referrer=(group.file, ""), what="OME group"
            )
        series = (series_group.meta or {}).get("series") if series_group is not None else None
        if type(series) is list and series_group is not None:
            base = "/ome" if series_group.meta is not series_group.attrs else ""
            jobs = [
                self._series_image(group, path, (series_group.file, f"{base}/series/{k}"))
                for k, path in enumerate(series)
                if type(path) is str and is_inner_path(path)
            ]
            await asyncio.gather(*jobs)
            return
        # No series list: images are the consecutively numbered groups from 0.
        index = 0
        while True:
            batch = [str(n) for n in range(index, index + 16)]
            probes = await asyncio.gather(
                *(self._is_group(self._key(group.path, n)) for n in batch)
            )
            present = [n for n, found in zip(batch, probes, strict=True) if found]
            await asyncio.gather(*(self._series_image(group, n, (group.file, "")) for n in present))
            if len(present) < len(batch):
                break
            index += len(batch)
        if index == 0 and not probes[0]:
            self.error(
                group.file,
                "",
                "series-image-missing",
                "a bioformats2raw collection without OME/series must hold images in groups 0, 1, 2...",
                "bf2raw-details",
            )

    async def _series_image(self, root: Group, path: str, referrer: tuple[str, str]) -> None:
        image = await self.group(self._key(root.path, path), referrer=referrer, what="series image")
        if image is not None:
            await self._expect_image(image)


def _v2_dtype(dtype: Any) -> Any:
    """The v3 name of a v2 dtype string such as ``<u2`` (other values are returned as they are)."""
    if type(dtype) is not str or len(dtype) < 2:
        return dtype
    kinds = {"i": "int", "u": "uint", "f": "float", "c": "complex", "b": "bool"}
    kind, size = dtype.lstrip("<>|=")[:1], dtype.lstrip("<>|=")[1:]
    if kind == "b":
        return "bool"
    if kind in kinds and size.isdigit():
        return f"{kinds[kind]}{int(size) * 8}"
    return dtype


def _ints(value: Any) -> tuple[int, ...] | None:
    return tuple(value) if type(value) is list and all(type(n) is int for n in value) else None


def _codec_names(items: Any, key: str) -> tuple[str, ...]:
    """The names (``key``) of a list of codec objects, skipping anything malformed."""
    if type(items) is not list:
        return ()
    return tuple(c[key] for c in items if type(c) is dict and type(c.get(key)) is str)


def _layout(
    doc: dict[str, Any], zarr_format: int
) -> tuple[tuple[int, ...] | None, tuple[int, ...] | None, tuple[str, ...]]:
    """Chunks, shards and codec names of an array's metadata (v2 or v3)."""
    if zarr_format == 2:
        filters: Any = doc.get("filters") if type(doc.get("filters")) is list else []
        names = _codec_names([*filters, doc.get("compressor")], "id")
        return _ints(doc.get("chunks")), None, names
    grid: Any = doc.get("chunk_grid")
    config: Any = grid.get("configuration") if type(grid) is dict else None
    outer = _ints(config.get("chunk_shape")) if type(config) is dict else None
    codecs: Any = doc.get("codecs")
    names = _codec_names(codecs, "name")
    for codec in codecs if type(codecs) is list else []:
        if type(codec) is dict and codec.get("name") == "sharding_indexed":
            inner: Any = codec.get("configuration")
            if type(inner) is dict:
                return (
                    _ints(inner.get("chunk_shape")),
                    outer,
                    names + _codec_names(inner.get("codecs"), "name"),
                )
    return outer, None, names


def _axis_names(axes: Any, version: str) -> list[Any] | None:
    """The axis names of a multiscale: objects (0.4+), names (0.3), or t, c, z, y, x (0.1, 0.2)."""
    if type(axes) is list:
        return [a.get("name") if type(a) is dict else a for a in axes]
    if axes is None and version in ("0.1", "0.2"):
        return ["t", "c", "z", "y", "x"]  # "All image arrays are 5-dimensional" (§image-layout)
    return None
