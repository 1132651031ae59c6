"""Opening OME-Zarr datasets as typed nodes: from validation straight to analysis.

>>> from omezarr_models.dataset import open_ome_zarr
>>> image = open_ome_zarr("examples/0.5/image.zarr")
>>> image.kind, [level.shape for level in image.levels]
('image', [(2, 64, 64), (2, 32, 32)])

Each node carries its OME metadata as a typed model of its version (``image.metadata`` is a
``v05.Image``) and its raw attributes. Images open their levels as zarr arrays;
:meth:`ImageNode.to_dask` gives a dask array (dask is imported only then).
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal

from omezarr_models.detection import detect_kind
from omezarr_models.errors import OmeZarrError

if TYPE_CHECKING:
    import dask.array
    import zarr

    from omezarr_models.dataset import DatasetReport

__all__ = [
    "CollectionNode",
    "ImageNode",
    "InvalidDatasetError",
    "LabelsNode",
    "OmeZarrNode",
    "OmeZarrWarning",
    "PlateNode",
    "WellNode",
    "open_ome_zarr",
]

_MODELS = {
    "image": "Image",
    "label-image": "LabelImage",
    "labels": "Labels",
    "plate": "Plate",
    "well": "Well",
    "bioformats2raw": "Bioformats2Raw",
}


class InvalidDatasetError(OmeZarrError):
    """``open_ome_zarr(..., validate="raise")`` found errors; ``report`` lists them."""

    def __init__(self, report: DatasetReport) -> None:
        self.report = report
        super().__init__(report.message)


class OmeZarrWarning(UserWarning):
    """A dataset was opened although it is not valid (``validate="warn"``)."""


@dataclass
class OmeZarrNode:
    """A group of an OME-Zarr hierarchy.

    Attributes
    ----------
    group
        The zarr group.
    path
        Its path in the hierarchy ("" for the root).
    version
        The OME-Zarr version of the hierarchy.
    kind
        image, label-image, labels, plate, well, bioformats2raw (or None).
    attrs
        The group's attributes as stored.
    """

    group: zarr.Group
    path: str
    version: str
    kind: str | None
    attrs: dict[str, Any] = field(repr=False)

    @property
    def ome(self) -> dict[str, Any]:
        """The OME metadata object: the attributes up to 0.4, their ``ome`` object from 0.5."""
        if self.version in ("0.1", "0.2", "0.3", "0.4"):
            return self.attrs
        ome = self.attrs.get("ome")
        return ome if isinstance(ome, dict) else {}

    @cached_property
    def metadata(self) -> Any:
        """The metadata as a typed model of its version (None if it does not build)."""
        from pydantic import ValidationError

        from omezarr_models.facades import facade

        name = _MODELS.get(self.kind or "")
        if name is None:
            return None
        module = facade(self.version)
        try:
            return getattr(module, name).model_validate(self.ome)
        except ValidationError:
            return None

    def _child(self, path: str) -> OmeZarrNode:
        return _node(self.group[path], _join(self.path, path), self.version)


def multiscale_axes(multiscale: dict[str, Any]) -> tuple[list[dict[str, Any]], str | None]:
    """The axes of a multiscale's levels and (0.6) the name of their coordinate system.

    Raises
    ------
    OmeZarrError
        A 0.6 multiscale whose levels map to a coordinate system it does not define.
    """
    if "axes" in multiscale:
        return list(multiscale["axes"]), None
    first = multiscale["datasets"][0]["coordinateTransformations"][0]
    system = (first.get("output") or {}).get("name")
    for cs in multiscale.get("coordinateSystems", []):
        if cs.get("name") == system:
            return list(cs["axes"]), system
    raise OmeZarrError(f"the levels map to the coordinate system {system!r}, which is not defined")


@dataclass
class ImageNode(OmeZarrNode):
    """A multiscale image (or label image): its levels, and its labels."""

    @property
    def multiscale(self) -> dict[str, Any]:
        """The first multiscale, the one readers use by default."""
        return dict(self.ome["multiscales"][0])

    @property
    def axis_objects(self) -> list[dict[str, Any]]:
        """The axes (name, type, unit), in array order.

        Up to 0.5 the multiscale lists them; in 0.6 they are the axes of the coordinate system
        its levels' transformations map to.
        """
        return multiscale_axes(self.multiscale)[0]

    @property
    def axes(self) -> list[str]:
        """The axis names, in array order."""
        return [a["name"] for a in self.axis_objects]

    @cached_property
    def levels(self) -> list[zarr.Array[Any]]:
        """The resolution levels as zarr arrays, largest first."""
        import zarr

        out = []
        for ds in self.multiscale["datasets"]:
            node = self.group[ds["path"]]
            if not isinstance(node, zarr.Array):
                raise OmeZarrError(f"{_join(self.path, ds['path'])} is not an array")
            out.append(node)
        return out

    def to_dask(self, level: int = 0) -> dask.array.Array:
        """The resolution level ``level`` as a dask array, chunked like the zarr array."""
        import dask.array as da

        array: dask.array.Array = da.from_zarr(self.levels[level])  # type: ignore[no-untyped-call]
        return array

    @cached_property
    def labels(self) -> dict[str, ImageNode]:
        """The label images listed in this image's ``labels`` group, by name."""
        if "labels" not in self.group:
            return {}
        group = self._child("labels")
        return dict(group.images) if isinstance(group, LabelsNode) else {}


@dataclass
class LabelsNode(OmeZarrNode):
    """The labels group of an image."""

    @cached_property
    def images(self) -> dict[str, ImageNode]:
        """The listed label images, by name."""
        out = {}
        for name in self.ome.get("labels", []):
            node = self._child(name)
            if isinstance(node, ImageNode):
                out[name] = node
        return out


@dataclass
class WellNode(OmeZarrNode):
    """A well of a plate: its fields of view."""

    @cached_property
    def images(self) -> list[ImageNode]:
        """The fields of view, in the order the well lists them."""
        out = []
        for entry in self.ome["well"]["images"]:
            node = self._child(entry["path"])
            if isinstance(node, ImageNode):
                out.append(node)
        return out


@dataclass
class PlateNode(OmeZarrNode):
    """A high-content screening plate: its wells."""

    @cached_property
    def wells(self) -> dict[str, WellNode]:
        """The wells by path (``"A/1"``), in the order the plate lists them."""
        out = {}
        for entry in self.ome["plate"]["wells"]:
            node = self._child(entry["path"])
            if isinstance(node, WellNode):
                out[entry["path"]] = node
        return out

    def well(self, row: str, column: str) -> WellNode:
        """The well at ``row``/``column`` (names, e.g. ``plate.well("B", "3")``)."""
        return self.wells[f"{row}/{column}"]


@dataclass
class CollectionNode(OmeZarrNode):
    """A bioformats2raw collection: its images, from ``OME/series`` or numbered 0, 1, 2..."""

    @cached_property
    def images(self) -> list[ImageNode]:
        """The images of the collection, in series order."""
        paths: list[str]
        if "OME" in self.group and isinstance(
            _ome_of(self.group["OME"], self.version).get("series"), list
        ):
            paths = list(_ome_of(self.group["OME"], self.version)["series"])
        else:
            paths = []
            while str(len(paths)) in self.group:
                paths.append(str(len(paths)))
        return [n for n in (self._child(p) for p in paths) if isinstance(n, ImageNode)]


_CLASSES: dict[str | None, type[OmeZarrNode]] = {
    "image": ImageNode,
    "label-image": ImageNode,
    "labels": LabelsNode,
    "plate": PlateNode,
    "well": WellNode,
    "bioformats2raw": CollectionNode,
}


def _join(a: str, b: str) -> str:
    return f"{a}/{b}" if a else b


def _ome_of(group: Any, version: str) -> dict[str, Any]:
    attrs = dict(group.attrs)
    if version in ("0.1", "0.2", "0.3", "0.4"):
        return attrs
    ome = attrs.get("ome")
    return ome if isinstance(ome, dict) else {}


def _node(group: Any, path: str, version: str) -> OmeZarrNode:
    import zarr

    if not isinstance(group, zarr.Group):
        raise OmeZarrError(f"{path or '/'} is not a zarr group")
    meta = _ome_of(group, version)
    kind = detect_kind(meta)
    cls = _CLASSES.get(kind, OmeZarrNode)
    return cls(group, path, version, kind, dict(group.attrs))


def open_ome_zarr(
    source: Any,
    *,
    validate: Literal["raise", "warn", "skip"] = "warn",
    storage_options: dict[str, Any] | None = None,
) -> OmeZarrNode:
    """Open an OME-Zarr dataset as a typed node (image, labels, plate, well or collection).

    Parameters
    ----------
    source
        A folder, a ``.zip`` file, an ``http(s)://`` or ``s3://`` URL, or a zarr-python store.
    validate
        ``"warn"`` (default): validate first and warn (:class:`OmeZarrWarning`) if invalid;
        ``"raise"``: raise :class:`InvalidDatasetError` instead; ``"skip"``: do not validate.
    storage_options
        Passed to fsspec for URLs.

    Raises
    ------
    InvalidDatasetError
        With ``validate="raise"``, when the dataset has errors or cannot be opened.
    OmeZarrError
        When the source holds no OME-Zarr group at all.
    """
    import zarr
    from zarr.storage import ZipStore

    from omezarr_models.dataset import validate_dataset
    from omezarr_models.validate import validate_attributes

    if validate != "skip":
        report = validate_dataset(source, storage_options=storage_options)
        if not report.valid:
            if validate == "raise" or report.unusable is not None:
                raise InvalidDatasetError(report)
            warnings.warn(f"{source}: {report.message}", OmeZarrWarning, stacklevel=2)
    store: Any = source
    if isinstance(source, str | bytes) or hasattr(source, "__fspath__"):
        text = str(source)
        store = ZipStore(text, mode="r") if text.lower().endswith(".zip") else text
    try:
        root = zarr.open_group(
            store=store,
            mode="r",
            storage_options=storage_options if isinstance(store, str) and "://" in store else None,
        )
    except Exception as exc:  # zarr raises several types for "no group here"
        raise OmeZarrError(f"{source}: no zarr group ({type(exc).__name__}: {exc})") from None
    version = validate_attributes(dict(root.attrs)).version
    if version is None:
        raise OmeZarrError(f"{source}: no OME-Zarr metadata of a known version")
    return _node(root, "", version)
