"""``write_image``: a numpy, dask or zarr array into a multiscale OME-Zarr image."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

import numpy as np

from omezarr_write import _metadata
from omezarr_write._codecs import compressors
from omezarr_write._plan import ImagePlan, plan_image
from omezarr_write._pyramid import pyramid
from omezarr_write._run import compute as run
from omezarr_write._target import Target, prepare
from omezarr_write.errors import InvalidArgumentError

if TYPE_CHECKING:
    import dask.array as da
    from dask.delayed import Delayed

__all__ = ["write_image"]


class _Sliced:
    """A numpy array seen only through slicing, so that dask does not copy it first."""

    def __init__(self, array: np.ndarray[Any, Any]) -> None:
        self.array = array
        self.shape = array.shape
        self.dtype = array.dtype
        self.ndim = array.ndim

    def __getitem__(self, key: Any) -> np.ndarray[Any, Any]:
        return np.asarray(self.array[key])


def as_dask(data: Any, argument: str = "data") -> da.Array:
    """A dask view of a numpy, dask or zarr array (zarr keeps its chunks as dask blocks)."""
    import dask.array as da

    if isinstance(data, da.Array):
        arr = data
    elif hasattr(data, "shape") and hasattr(data, "dtype") and hasattr(data, "chunks"):
        arr = da.from_array(data, chunks=tuple(data.chunks), asarray=True, name=False)
    elif isinstance(data, np.ndarray):
        # dask's from_array copies numpy arrays whole (a memory-mapped .npy would be read
        # into memory); through this view each task slices the array itself
        arr = da.from_array(_Sliced(data), chunks=data.shape, asarray=True, name=False)
    else:
        raise InvalidArgumentError(
            argument, f"{type(data).__name__} is not a numpy, dask or zarr array"
        )
    if arr.dtype.kind not in "biuf":
        raise InvalidArgumentError(
            argument, f"dtype {arr.dtype} is not a boolean, integer or float type"
        )
    if any(np.isnan(n) for n in arr.shape):
        raise InvalidArgumentError(argument, "the shape is unknown (compute the dask chunks first)")
    return arr


@dataclass
class Pending:
    """What :func:`build` prepared: the store operation and what finishing needs."""

    plan: ImagePlan
    stored: Delayed
    ranges: Any
    content: dict[str, Any]
    channels: Sequence[Any] | None


def create_arrays(
    target: Target,
    plan: ImagePlan,
    compressor: Any,
    *,
    write_empty_chunks: bool,
    first: int = 0,
) -> list[Any]:
    """Create the group (no attributes yet) and one empty array per level from ``first`` on."""
    import zarr

    group = zarr.open_group(target.store, path=target.path, mode="a", zarr_format=plan.zarr_format)
    codec = compressors(compressor, plan.zarr_format)
    arrays = []
    for level in plan.levels[first:]:
        options: dict[str, Any] = {}
        if plan.zarr_format == 2:
            options["chunk_key_encoding"] = {"name": "v2", "separator": "/"}
        else:
            options["dimension_names"] = list(plan.names)
            if level.shards is not None:
                options["shards"] = level.shards
        arrays.append(
            group.create_array(
                level.path,
                shape=level.shape,
                chunks=level.chunks,
                dtype=plan.dtype,
                compressors=codec,
                fill_value=0,
                overwrite=True,
                config={"write_empty_chunks": write_empty_chunks},
                **options,
            )
        )
    return arrays


def build(
    target: Target,
    source: da.Array,
    plan: ImagePlan,
    content: dict[str, Any],
    *,
    compressor: Any,
    channels: Sequence[Any] | None,
    write_empty_chunks: bool,
) -> Pending:
    """Create the arrays and the (not yet computed) graph that fills them."""
    import dask.array as da

    arrays = create_arrays(target, plan, compressor, write_empty_chunks=write_empty_chunks)
    levels = pyramid(source, plan.levels, plan.method, plan.axes)
    stored = da.store(levels, arrays, lock=False, compute=False)
    ranges = None
    if channels is not None and not all(isinstance(c, Mapping) and "window" in c for c in channels):
        # display windows from the smallest level, computed in the same pass as the writes
        # (for the channels given without a window)
        axis = plan.names.index("c")
        others = tuple(i for i in range(len(plan.names)) if i != axis)
        ranges = (levels[-1].min(axis=others), levels[-1].max(axis=others))
    return Pending(plan, stored, ranges, content, channels)


def finish(target: Target, pending: Pending, results: Any = None) -> dict[str, Any]:
    """Write the group's attributes once its arrays are complete; return them."""
    content = dict(pending.content)
    if pending.channels is not None:
        ranges = None
        if results is not None:
            lo, hi = results
            ranges = list(zip(np.asarray(lo).tolist(), np.asarray(hi).tolist(), strict=True))
        block = _metadata.omero(pending.channels, pending.plan, ranges)
        if block is not None:
            content["omero"] = block
    attrs = _metadata.wrap(pending.plan.version, content)
    _open_group(target, pending.plan.zarr_format).attrs.put(attrs)
    return attrs


def image_content(
    plan: ImagePlan,
    name: str | None,
    channels: Sequence[Any] | None,
    *,
    extra: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The image's OME content, checked against the spec before anything is written.

    ``extra`` adds keys beside ``multiscales`` (``image-label`` for a label image).
    """
    content: dict[str, Any] = {"multiscales": [_metadata.multiscale(plan, name)], **(extra or {})}
    probe = dict(content)
    block = _metadata.omero(channels, plan, None)
    if block is not None:
        probe["omero"] = block
    _metadata.check(_metadata.wrap(plan.version, probe), plan.version, "the image")
    return content


def write_image(
    dest: Any,
    data: Any,
    *,
    axes: str | Sequence[Any],
    version: str = "0.5",
    scale: Any = None,
    translation: Any = None,
    units: str | Mapping[str, str] | None = None,
    levels: int | None = None,
    factors: Any = None,
    method: str = "mean",
    chunks: Any = "auto",
    shards: Any = None,
    compressor: Any = "default",
    name: str | None = None,
    channels: Sequence[Any] | None = None,
    overwrite: bool = False,
    progress: bool = False,
    compute: bool = True,
    storage_options: dict[str, Any] | None = None,
) -> Any:
    """Write ``data`` as a multiscale OME-Zarr image with its pyramid.

    Every argument is checked and the metadata validated before anything is written; the
    arrays are written first, in one pass over the source, and the group's metadata last, so
    a failed or interrupted write never leaves a group that claims to be a complete image.

    Parameters
    ----------
    dest
        A local path, an ``s3://``/``http(s)://`` URL (with ``storage_options``) or a zarr store.
    data
        A numpy, dask or zarr array with 2 to 5 dimensions.
    axes
        ``"tczyx"``-style letters (types implied for t, c, z, y, x), a list of names, or axis
        objects/dicts with ``name``, ``type`` and ``unit``.
    version
        ``"0.4"`` (zarr v2), ``"0.5"`` or ``"0.6rc0"`` (zarr v3).
    scale, translation
        Of the full-resolution level: a number, a sequence in axis order, or a mapping axis
        name → value (missing axes: scale 1, translation 0). Levels get exact decimal values:
        scale × cumulative factor, and translation shifted by half a window for the methods
        whose output pixel is a window's centre (every method but ``nearest``).
    units
        One unit for every space axis (e.g. ``"micrometer"``) or a mapping axis name → unit.
    levels
        Number of levels including the full resolution; by default levels are added until
        every reduced axis fits in one chunk.
    factors
        Reduction per level: ``None`` (2 on y and x, and on z when the voxels are isotropic),
        an int for those axes, a mapping axis → factor or a tuple in axis order (every
        level), or a list of those, one per level after the first.
    method
        ``"mean"`` (default), ``"nearest"``, ``"mode"``, ``"min"``, ``"max"`` or ``"gaussian"``
        (needs scipy). Odd extents: a window running past the end is reduced over the pixels
        it has, so each level's extent is ``ceil(previous / factor)``.
    chunks
        ``"auto"`` (about 1–4 MiB, power-of-two space extents), a shape or a mapping.
    shards
        ``None``, ``"auto"`` (whole chunks up to about 64 MiB) or a shape; 0.5 only.
    compressor
        ``"default"`` (blosc zstd level 1, byte shuffle), ``"blosc-lz4"``, ``"zstd"``,
        ``"gzip"``, ``None``, or a codec object for the zarr format written.
    name
        The multiscale's ``name``.
    channels
        Channel names or omero channel dicts: writes an ``omero`` block; windows not given
        are the data's range on the smallest level.
    overwrite
        Replace a non-empty destination (only once the new dataset is complete, for folders).
    progress
        Show a rich progress bar (dask's local schedulers).
    compute
        ``False`` returns a ``dask.delayed`` object whose computation writes everything and
        returns the model; nothing but empty arrays exists until then.
    storage_options
        Passed to fsspec for URLs.

    Returns
    -------
    The written image model (``omezarr_models.v04.Image``, or ``v05.Image`` for the ``ome``
    object), or a ``Delayed`` computing it when ``compute=False``.

    Raises
    ------
    InvalidArgumentError, InvalidMetadataError
        Before anything is written.
    DestinationExistsError
        ``dest`` is not empty and ``overwrite`` is false.
    """
    options = {
        "axes": axes,
        "version": version,
        "scale": scale,
        "translation": translation,
        "units": units,
        "levels": levels,
        "factors": factors,
        "method": method,
        "chunks": chunks,
        "shards": shards,
        "compressor": compressor,
        "channels": channels,
        "name": name if name is not None else default_name(dest),
    }
    job = image_job("", data, options)
    return write_jobs(
        dest,
        [job],
        [],
        overwrite=overwrite,
        progress=progress,
        compute=compute,
        storage_options=storage_options,
        result=lambda written: _metadata.model("Image", written[""], version),
    )


IMAGE_OPTIONS = frozenset(
    {
        "axes",
        "version",
        "scale",
        "translation",
        "units",
        "levels",
        "factors",
        "method",
        "chunks",
        "shards",
        "compressor",
        "channels",
        "name",
    }
)


@dataclass
class ImageJob:
    """One image of a write: where it goes in the hierarchy, its data and checked plan."""

    path: str
    source: da.Array
    plan: ImagePlan
    content: dict[str, Any]
    compressor: Any
    channels: Sequence[Any] | None
    write_empty_chunks: bool = True


def default_name(dest: Any) -> str:
    """The multiscale name when none is given: the destination's folder name without suffix."""
    import os
    from pathlib import PurePosixPath

    text = os.fspath(dest) if isinstance(dest, os.PathLike) else str(dest)
    stem = PurePosixPath(text.rstrip("/")).name.split(".")[0]
    return stem or "image"


def check_image_options(options: Mapping[str, Any], function: str) -> None:
    """Refuse keyword arguments that are neither ``function``'s own nor an image option."""
    unknown = sorted(set(options) - IMAGE_OPTIONS)
    if unknown:
        raise InvalidArgumentError(unknown[0], f"is not an option of {function} or of its images")


def image_job(
    path: str, data: Any, options: Mapping[str, Any], *, extra: Mapping[str, Any] | None = None
) -> ImageJob:
    """Check ``data`` and the image options (see :func:`write_image`) into a job."""
    unknown = sorted(set(options) - IMAGE_OPTIONS)
    if unknown:
        raise InvalidArgumentError(unknown[0], "is not an option of an image write")
    axes = options.get("axes")
    if axes is None:
        raise InvalidArgumentError("axes", "is required")
    source = as_dask(data)
    get = options.get
    plan = plan_image(
        shape=tuple(int(n) for n in source.shape),
        dtype=np.dtype(source.dtype),
        axes=axes,
        version=get("version", "0.5"),
        scale=get("scale"),
        translation=get("translation"),
        units=get("units"),
        levels=get("levels"),
        factors=get("factors"),
        method=get("method", "mean"),
        chunks=get("chunks", "auto"),
        shards=get("shards"),
    )
    channels = get("channels")
    content = image_content(plan, get("name"), channels, extra=extra)
    compressor = get("compressor", "default")
    compressors(compressor, plan.zarr_format)  # a bad compressor fails before writing
    return ImageJob(path, source, plan, content, compressor, channels)


def write_jobs(
    dest: Any,
    jobs: Sequence[ImageJob],
    groups: Sequence[tuple[str, Literal[2, 3], dict[str, Any]]],
    *,
    overwrite: bool,
    progress: bool,
    compute: bool,
    storage_options: dict[str, Any] | None,
    result: Any,
    target: Target | None = None,
) -> Any:
    """Write every image job in one dask pass, then the other groups' metadata, then commit.

    ``groups`` are ``(path, zarr_format, attributes)`` of the groups around the images (wells,
    plate, labels...), written after every image is complete, deepest first. ``result``
    maps ``{path: attributes}`` of everything written to the return value.
    """
    if target is None:
        target = prepare(dest, overwrite=overwrite, storage_options=storage_options)
    try:
        for path, fmt, _ in sorted(groups, key=lambda g: g[0].count("/")):
            _open_group(target.child(path) if path else target, fmt)
        pending = [
            build(
                target.child(job.path) if job.path else target,
                job.source,
                job.plan,
                job.content,
                compressor=job.compressor,
                channels=job.channels,
                write_empty_chunks=job.write_empty_chunks,
            )
            for job in jobs
        ]
    except BaseException:
        target.abort()
        raise

    def complete(results: Sequence[Any]) -> Any:
        written: dict[str, dict[str, Any]] = {}
        for job, p, ranges in zip(jobs, pending, results, strict=True):
            written[job.path] = finish(target.child(job.path) if job.path else target, p, ranges)
        for path, fmt, attrs in sorted(groups, key=lambda g: -g[0].count("/") - (g[0] != "")):
            group = _open_group(target.child(path) if path else target, fmt)
            group.attrs.put(attrs)
            written[path] = attrs
        target.commit()
        return result(written)

    if not compute:
        from dask.delayed import delayed

        @delayed  # type: ignore[untyped-decorator]
        def _finish(_stored: Any, ranges: Any) -> Any:
            return complete(ranges)

        return pending_write(
            _finish([p.stored for p in pending], [p.ranges for p in pending]), target
        )
    try:
        outcome = run(
            *[p.stored for p in pending],
            [p.ranges for p in pending],
            progress=progress,
            label=f"writing {target.name}",
        )
        return complete(outcome[-1])
    except BaseException:
        target.abort()
        raise


def pending_write(delayed: Any, target: Target) -> Any:
    """``delayed`` as a :class:`PendingWrite`, which cleans up when its ``compute`` fails."""
    from dask.delayed import Delayed

    class PendingWrite(Delayed):
        """The write of ``compute=False``: a dask ``Delayed`` computing the written model.

        Its own :meth:`compute` removes what was written when the computation fails, as a
        direct write does. Computed some other way (``dask.compute``, a distributed client's
        ``compute``), a failure leaves the hidden ``.<name>.omezarr-partial-<id>`` folder
        beside the destination, which never claims to be a dataset: call :meth:`abort`.
        """

        __slots__ = ("_target",)

        def compute(self, **kwargs: Any) -> Any:
            try:
                return super().compute(**kwargs)
            except BaseException:
                self.abort()
                raise

        def abort(self) -> None:
            """Remove what the write has written so far (it must not be running)."""
            self._target.abort()

    out = PendingWrite(delayed.key, delayed.dask)
    object.__setattr__(out, "_target", target)
    return out


def _open_group(target: Target, zarr_format: Literal[2, 3]) -> Any:
    import zarr

    return zarr.open_group(target.store, path=target.path, mode="a", zarr_format=zarr_format)
