"""``write_bioformats2raw``: a collection of images in the bioformats2raw layout."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from omezarr_write import _metadata
from omezarr_write.errors import InvalidArgumentError
from omezarr_write.image import IMAGE_OPTIONS, ImageJob, check_image_options, image_job, write_jobs

__all__ = ["write_bioformats2raw"]


def write_bioformats2raw(
    dest: Any,
    images: Sequence[Any],
    *,
    version: str = "0.5",
    ome_xml: str | bytes | None = None,
    overwrite: bool = False,
    progress: bool = False,
    storage_options: dict[str, Any] | None = None,
    **image_options: Any,
) -> Any:
    """Write images as a bioformats2raw collection: ``0``, ``1``... and the ``OME`` group.

    Parameters
    ----------
    dest
        A local path, an ``s3://``/``http(s)://`` URL (with ``storage_options``) or a zarr store.
    images
        The series: arrays, or mappings ``{"data": array, **image options}`` overriding the
        shared options for one series.
    version
        ``"0.4"`` (zarr v2), ``"0.5"`` or ``"0.6rc0"`` (zarr v3).
    ome_xml
        The OME-XML document, stored as ``OME/METADATA.ome.xml``; the ``OME`` group lists
        the series either way.
    overwrite, progress, storage_options, **image_options
        As in :func:`omezarr_write.write_image` (image options shared by every series).

    Returns
    -------
    The ``Bioformats2Raw`` model of ``version`` (the ``ome`` object from 0.5).
    """
    check_image_options(image_options, "write_bioformats2raw")
    if not images:
        raise InvalidArgumentError("images", "a collection needs at least one image")
    jobs: list[ImageJob] = []
    for index, item in enumerate(images):
        options: dict[str, Any] = {"version": version, "name": str(index), **image_options}
        data = item
        if isinstance(item, dict):
            if "data" not in item:
                raise InvalidArgumentError("images", f"series {index}: no 'data'")
            data = item["data"]
            options.update({k: v for k, v in item.items() if k in IMAGE_OPTIONS})
        jobs.append(image_job(str(index), data, options))
    fmt: Literal[2, 3] = 2 if version == "0.4" else 3
    root = _metadata.wrap(version, {"bioformats2raw.layout": 3})
    series = _metadata.wrap(version, {"series": [str(i) for i in range(len(jobs))]})
    _metadata.check(root, version, "the collection")
    _metadata.check(series, version, "the OME group")
    groups = [("OME", fmt, series), ("", fmt, root)]

    def result(written: dict[str, dict[str, Any]]) -> Any:
        return _metadata.model("Bioformats2Raw", written[""], version)

    from omezarr_write._target import prepare

    target = prepare(dest, overwrite=overwrite, storage_options=storage_options)
    if ome_xml is not None:
        from zarr.core.buffer import default_buffer_prototype
        from zarr.core.sync import sync

        data_bytes = ome_xml.encode() if isinstance(ome_xml, str) else ome_xml
        key = "/".join(p for p in (target.path, "OME", "METADATA.ome.xml") if p)
        try:
            sync(target.store.set(key, default_buffer_prototype().buffer.from_bytes(data_bytes)))
        except BaseException:
            target.abort()
            raise
    return write_jobs(
        dest,
        jobs,
        groups,
        overwrite=overwrite,
        progress=progress,
        compute=True,
        storage_options=storage_options,
        result=result,
        target=target,
    )
