"""The graph of coordinate systems and array spaces linked by transformations (OME-Zarr 0.6).

Nodes are :class:`CoordinateSystemRef`: named coordinate systems (``name``, and the ``path`` of
the group defining them when it is not the document the graph was built from) and the array
spaces of multiscale datasets (``path`` of the array, no ``name``). Edges are the stored
transformations, and their inverses where these exist. All paths are relative to the group whose
metadata the graph was built from.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from omezarr_models.transforms.axes import Identity
from omezarr_models.transforms.base import CoordinateSystemRef, Transform, join_path
from omezarr_models.transforms.composite import Sequence
from omezarr_models.transforms.errors import (
    CoordinateSystemNotFoundError,
    LevelNotFoundError,
    MalformedTransformError,
    NoPathError,
    TransformError,
)
from omezarr_models.transforms.legacy import legacy_transform
from omezarr_models.transforms.parse import Resolver, as_json_dict, parse_transform
from omezarr_models.transforms.resolve import prefixed_resolver

RefLike = CoordinateSystemRef | str | Mapping[str, Any] | tuple[str | None, str | None]
"""A node given as a ref, a coordinate system name, ``{"name", "path"}`` or ``(name, path)``."""


def as_ref(value: RefLike) -> CoordinateSystemRef:
    """Read a node designation (see :data:`RefLike`).

    Parameters
    ----------
    value
        A :class:`CoordinateSystemRef`, a name, a ``{"name": ..., "path": ...}`` dict or a
        ``(name, path)`` tuple.

    Returns
    -------
    CoordinateSystemRef
        With the path normalised.
    """
    if isinstance(value, CoordinateSystemRef):
        return CoordinateSystemRef(value.name, join_path(None, value.path))
    if isinstance(value, tuple):
        return CoordinateSystemRef(value[0], join_path(None, value[1]))
    ref = CoordinateSystemRef.from_json(value)
    if ref is None or (ref.name is None and ref.path is None):
        raise TypeError(f"not a coordinate system reference: {value!r}")
    return ref


@dataclass(frozen=True)
class Edge:
    """A transformation from one node to another.

    Attributes
    ----------
    source, target
        The nodes.
    transform
        The transformation (from ``source`` to ``target``).
    derived
        ``True`` if the edge is the inverse of a stored transformation.
    """

    source: CoordinateSystemRef
    target: CoordinateSystemRef
    transform: Transform
    derived: bool = False


@dataclass(frozen=True)
class MultiscaleLevels:
    """The resolution levels of one multiscale image in the graph.

    Attributes
    ----------
    intrinsic
        The coordinate system every dataset transformation outputs to.
    levels
        The array space of each dataset, from the highest resolution.
    name
        The multiscale's ``name``, if any.
    group
        The path of the image group relative to the graph's root (``None``: the root).
    """

    intrinsic: CoordinateSystemRef | None
    levels: tuple[CoordinateSystemRef, ...]
    name: str | None = None
    group: str | None = None


class TransformGraph:
    """Coordinate systems and array spaces (nodes) linked by transformations (edges).

    Build one with :meth:`from_image` or :meth:`from_scene`, or by hand with :meth:`add_node`
    and :meth:`add_transform`; then :meth:`find_path` gives the transformation between any two
    nodes that a chain of transformations links (walking a stored transformation backwards
    requires its inverse).

    Examples
    --------
    >>> graph = TransformGraph.from_image(attrs)  # doctest: +SKIP
    >>> graph.from_array(0).apply([[0, 10, 20]])  # doctest: +SKIP
    """

    def __init__(self) -> None:
        self._axes: dict[CoordinateSystemRef, list[Any] | None] = {}
        self._edges: dict[CoordinateSystemRef, list[Edge]] = {}
        self._one_way: list[tuple[Edge, str]] = []
        self.multiscales: list[MultiscaleLevels] = []

    # -- construction -------------------------------------------------------------------------

    def add_node(self, node: RefLike, axes: list[Any] | None = None) -> CoordinateSystemRef:
        """Add a node (no-op if it exists; ``axes`` are kept if given).

        Parameters
        ----------
        node
            The coordinate system or array space.
        axes
            The ``axes`` of a coordinate system, if known.

        Returns
        -------
        CoordinateSystemRef
            The node.
        """
        ref = as_ref(node)
        if axes is not None or ref not in self._axes:
            self._axes[ref] = axes if axes is not None else self._axes.get(ref)
        self._edges.setdefault(ref, [])
        return ref

    def add_transform(
        self,
        transform: Transform,
        source: RefLike | None = None,
        target: RefLike | None = None,
        *,
        add_inverse: bool = True,
    ) -> None:
        """Add a transformation as an edge, and its inverse as the edge back if it has one.

        Parameters
        ----------
        transform
            The transformation.
        source, target
            The nodes it links (default: its ``input`` and ``output``).
        add_inverse
            Whether to add the inverse edge (when the inverse exists).

        Raises
        ------
        MalformedTransformError
            If no source or target is given and the transformation has no ``input``/``output``.
        """
        src = self._endpoint(transform, source, transform.input, "input")
        dst = self._endpoint(transform, target, transform.output, "output")
        edge = Edge(src, dst, transform)
        self._edges[src].append(edge)
        if not add_inverse:
            return
        try:
            inverse = transform.inverse()
        except TransformError as exc:
            self._one_way.append((edge, exc.problem))
            return
        self._edges[dst].append(Edge(dst, src, inverse, derived=True))

    def _endpoint(
        self,
        transform: Transform,
        given: RefLike | None,
        own: CoordinateSystemRef | None,
        role: str,
    ) -> CoordinateSystemRef:
        ref = given if given is not None else own
        if ref is None or (
            isinstance(ref, CoordinateSystemRef) and ref.name is None and ref.path is None
        ):
            raise transform.error(MalformedTransformError, f"the transformation has no {role}")
        return self.add_node(ref)

    def add_image(
        self, metadata: Any, *, group: str | None = None, resolver: Resolver | None = None
    ) -> None:
        """Add the coordinate systems, datasets and transformations of a 0.6 image.

        Parameters
        ----------
        metadata
            The image group's metadata: a ``zarr.json`` document, its ``attributes``, the ``ome``
            object, or a model with ``to_json_dict()``.
        group
            The image group's path relative to the graph's root (``None``: the root itself).
            Coordinate systems become ``(name, group)``, datasets ``(None, group/path)``.
        resolver
            Gives the arrays at transformation paths; called with paths relative to the root.

        Raises
        ------
        MalformedTransformError
            If the metadata has no ``multiscales`` or a transformation is malformed.
        """
        ome = _ome(metadata)
        multiscales = ome.get("multiscales")
        if not isinstance(multiscales, list):
            raise MalformedTransformError(
                "the metadata has no 'multiscales' array", json_path="/multiscales"
            )
        local = prefixed_resolver(resolver, group) if resolver is not None else None
        for index, multiscale in enumerate(multiscales):
            if not isinstance(multiscale, Mapping):
                continue
            if "coordinateSystems" not in multiscale and "axes" in multiscale:
                self._add_legacy_multiscale(multiscale, index, group, local)
            else:
                self._add_multiscale(multiscale, f"/multiscales/{index}", group, local)

    def _add_legacy_multiscale(
        self,
        multiscale: Mapping[str, Any],
        index: int,
        group: str | None,
        resolver: Resolver | None,
    ) -> None:
        name = multiscale.get("name")
        space = CoordinateSystemRef(legacy_system_name(multiscale, index), group)
        self.add_node(space, multiscale.get("axes"))
        levels: list[CoordinateSystemRef] = []
        for d_index, dataset in enumerate(multiscale.get("datasets") or []):
            if not isinstance(dataset, Mapping) or not isinstance(dataset.get("path"), str):
                continue
            array = self.add_node(CoordinateSystemRef(None, join_path(group, dataset["path"])))
            levels.append(array)
            transform = legacy_transform(
                dataset.get("coordinateTransformations") or [{"type": "identity"}],
                multiscale.get("coordinateTransformations"),
                resolver=resolver,
                json_path=f"/multiscales/{index}/datasets/{d_index}/coordinateTransformations",
                multiscale_json_path=f"/multiscales/{index}/coordinateTransformations",
            )
            self.add_transform(transform, array, space)
        self.multiscales.append(
            MultiscaleLevels(space, tuple(levels), name if isinstance(name, str) else None, group)
        )

    def _add_multiscale(
        self,
        multiscale: Mapping[str, Any],
        json_path: str,
        group: str | None,
        resolver: Resolver | None,
    ) -> None:
        for system in multiscale.get("coordinateSystems") or []:
            if isinstance(system, Mapping) and isinstance(system.get("name"), str):
                self.add_node(CoordinateSystemRef(system["name"], group), system.get("axes"))
        levels: list[CoordinateSystemRef] = []
        intrinsic: CoordinateSystemRef | None = None
        for d_index, dataset in enumerate(multiscale.get("datasets") or []):
            if not isinstance(dataset, Mapping) or not isinstance(dataset.get("path"), str):
                continue
            array = self.add_node(CoordinateSystemRef(None, join_path(group, dataset["path"])))
            levels.append(array)
            transforms = dataset.get("coordinateTransformations") or []
            where = f"{json_path}/datasets/{d_index}/coordinateTransformations"
            for t_index, obj in enumerate(transforms):
                transform = parse_transform(obj, resolver=resolver, json_path=f"{where}/{t_index}")
                # The dataset's path is the input whatever `input` says (as the spec asks).
                output = self._within(transform.output, group, transform, "output")
                intrinsic = intrinsic or output
                self.add_transform(transform, array, output)
        for t_index, obj in enumerate(multiscale.get("coordinateTransformations") or []):
            transform = parse_transform(
                obj,
                resolver=resolver,
                json_path=f"{json_path}/coordinateTransformations/{t_index}",
            )
            self.add_transform(
                transform,
                self._within(transform.input, group, transform, "input"),
                self._within(transform.output, group, transform, "output"),
            )
        name = multiscale.get("name")
        self.multiscales.append(
            MultiscaleLevels(
                intrinsic, tuple(levels), name if isinstance(name, str) else None, group
            )
        )

    @staticmethod
    def _within(
        ref: CoordinateSystemRef | None,
        group: str | None,
        transform: Transform | None = None,
        role: str = "output",
    ) -> CoordinateSystemRef:
        if ref is None or (ref.name is None and ref.path is None):
            if transform is None:
                raise MalformedTransformError(f"a dataset transformation has no {role}")
            raise transform.error(MalformedTransformError, f"the transformation has no {role}")
        return CoordinateSystemRef(ref.name, join_path(group, ref.path))

    @classmethod
    def from_image(cls, metadata: Any, *, resolver: Resolver | None = None) -> TransformGraph:
        """The graph of one 0.6 image (all its multiscales).

        Parameters
        ----------
        metadata
            The image's metadata (see :meth:`add_image`).
        resolver
            Gives the arrays at transformation paths (relative to the image group).

        Returns
        -------
        TransformGraph
            Nodes: the coordinate systems by name (path ``None``), the datasets' arrays by path.
        """
        graph = cls()
        graph.add_image(metadata, resolver=resolver)
        return graph

    @classmethod
    def from_scene(
        cls,
        metadata: Any,
        *,
        images: Mapping[str, Any] | None = None,
        resolver: Resolver | None = None,
    ) -> TransformGraph:
        """The graph of a 0.6 scene, with the images it links if their metadata is given.

        Parameters
        ----------
        metadata
            The scene group's metadata (a ``zarr.json`` document, its ``attributes``, the ``ome``
            object, or a model with ``to_json_dict()``), holding ``scene``.
        images
            ``group path -> image metadata`` of the multiscale images below the scene; their
            coordinate systems, datasets and transformations join the graph (nodes
            ``(name, path)`` and ``(None, path/dataset)``).
        resolver
            Gives the arrays at transformation paths, relative to the scene group.

        Returns
        -------
        TransformGraph
            The scene's coordinate systems (path ``None``), those its transformations refer to,
            and those of the given images.

        Raises
        ------
        MalformedTransformError
            If there is no ``scene`` or a transformation is malformed.
        """
        ome = _ome(metadata)
        scene = ome.get("scene")
        if not isinstance(scene, Mapping):
            raise MalformedTransformError("the metadata has no 'scene' object", json_path="/scene")
        graph = cls()
        for system in scene.get("coordinateSystems") or []:
            if isinstance(system, Mapping) and isinstance(system.get("name"), str):
                graph.add_node(CoordinateSystemRef(system["name"]), system.get("axes"))
        for index, obj in enumerate(scene.get("coordinateTransformations") or []):
            transform = parse_transform(
                obj, resolver=resolver, json_path=f"/scene/coordinateTransformations/{index}"
            )
            graph.add_transform(transform)
        for group, image in (images or {}).items():
            graph.add_image(image, group=join_path(None, group), resolver=resolver)
        return graph

    @classmethod
    def from_zarr(cls, group: Any) -> TransformGraph:
        """The graph of a 0.6 image or scene group read with zarr-python (imported here only).

        For a scene, the images its transformations refer to (by ``path``) are read too, and the
        arrays behind ``path`` parameters are resolved from the group.

        Parameters
        ----------
        group
            A ``zarr.Group``, or anything ``zarr.open_group(..., mode="r")`` opens.

        Returns
        -------
        TransformGraph
            As :meth:`from_scene` (with the referenced images) or :meth:`from_image`.

        Raises
        ------
        MalformedTransformError
            If the group holds neither ``scene`` nor ``multiscales`` metadata.
        """
        import zarr

        from omezarr_models.transforms.resolve import zarr_resolver

        root = group if isinstance(group, zarr.Group) else zarr.open_group(group, mode="r")
        resolver = zarr_resolver(root)
        ome = _ome(dict(root.attrs))
        if "scene" not in ome:
            return cls.from_image(ome, resolver=resolver)
        images: dict[str, Any] = {}
        scene = ome["scene"] if isinstance(ome["scene"], Mapping) else {}
        for obj in scene.get("coordinateTransformations") or []:
            for role in ("input", "output"):
                ref = (
                    CoordinateSystemRef.from_json(obj.get(role))
                    if isinstance(obj, Mapping)
                    else None
                )
                if ref is None or ref.path is None or ref.path in images:
                    continue
                try:
                    node = root[ref.path]
                except KeyError:
                    continue
                if isinstance(node, zarr.Group) and "multiscales" in _ome(dict(node.attrs)):
                    images[ref.path] = dict(node.attrs)
        return cls.from_scene(ome, images=images, resolver=resolver)

    # -- queries ------------------------------------------------------------------------------

    @property
    def nodes(self) -> list[CoordinateSystemRef]:
        """Every node, in the order added."""
        return list(self._axes)

    def edges(self) -> Iterator[Edge]:
        """Every edge (stored transformations and derived inverses)."""
        for edges in self._edges.values():
            yield from edges

    def axes(self, node: RefLike) -> list[Any] | None:
        """The ``axes`` of a coordinate system, if the graph knows them."""
        return self._axes.get(self._known(as_ref(node)))

    def _known(self, ref: CoordinateSystemRef) -> CoordinateSystemRef:
        if ref not in self._axes:
            raise CoordinateSystemNotFoundError(str(ref), [str(n) for n in self._axes])
        return ref

    def find_path(self, source: RefLike, target: RefLike) -> Transform:
        """The transformation from ``source`` to ``target`` along the fewest edges.

        Parameters
        ----------
        source, target
            Nodes (see :data:`RefLike`).

        Returns
        -------
        Transform
            An :class:`Identity` if the two are the same node, the edge's transformation if one
            edge links them, otherwise a :class:`Sequence` of the edges' transformations (inverses
            where an edge is walked backwards), with ``input=source``, ``output=target``.

        Raises
        ------
        CoordinateSystemNotFoundError
            If either node is not in the graph.
        NoPathError
            If ``target`` cannot be reached (it names the non-invertible transformations that
            block the way, if any).
        """
        src = self._known(as_ref(source))
        dst = self._known(as_ref(target))
        if src == dst:
            return Identity(input=src, output=dst)
        previous: dict[CoordinateSystemRef, Edge] = {}
        queue = deque([src])
        seen = {src}
        while queue:
            node = queue.popleft()
            for edge in self._edges[node]:
                if edge.target in seen:
                    continue
                seen.add(edge.target)
                previous[edge.target] = edge
                if edge.target == dst:
                    return self._compose(src, dst, previous)
                queue.append(edge.target)
        blocked = []
        if self._linked_ignoring_direction(src, dst):
            blocked = [
                f"{edge.transform.describe()} from {edge.source} to {edge.target} ({reason})"
                for edge, reason in self._one_way
                if edge.target in seen and edge.source not in seen
            ]
        raise NoPathError(str(src), str(dst), blocked)

    def _linked_ignoring_direction(
        self, src: CoordinateSystemRef, dst: CoordinateSystemRef
    ) -> bool:
        neighbours: dict[CoordinateSystemRef, set[CoordinateSystemRef]] = {}
        for edge in self.edges():
            neighbours.setdefault(edge.source, set()).add(edge.target)
            neighbours.setdefault(edge.target, set()).add(edge.source)
        stack, seen = [src], {src}
        while stack:
            for node in neighbours.get(stack.pop(), set()) - seen:
                seen.add(node)
                stack.append(node)
        return dst in seen

    @staticmethod
    def _compose(
        src: CoordinateSystemRef,
        dst: CoordinateSystemRef,
        previous: dict[CoordinateSystemRef, Edge],
    ) -> Transform:
        chain: list[Transform] = []
        node = dst
        while node != src:
            edge = previous[node]
            chain.append(edge.transform)
            node = edge.source
        chain.reverse()
        if len(chain) == 1:
            return chain[0]
        return Sequence(chain, name=f"{src} to {dst}", input=src, output=dst)

    def multiscale(self, which: int | str = 0) -> MultiscaleLevels:
        """A multiscale image of the graph, by index or ``name``.

        Raises
        ------
        LevelNotFoundError
            If there is no such multiscale.
        """
        if isinstance(which, int):
            if -len(self.multiscales) <= which < len(self.multiscales):
                return self.multiscales[which]
        else:
            for item in self.multiscales:
                if which in (item.name, item.group):
                    return item
        names = [f"{i}: {m.name or m.group or '(unnamed)'}" for i, m in enumerate(self.multiscales)]
        raise LevelNotFoundError(which, names, what="multiscale")

    def level(self, level: int | str = 0, *, multiscale: int | str = 0) -> CoordinateSystemRef:
        """The array-space node of a resolution level (by index or dataset path)."""
        item = self.multiscale(multiscale)
        if isinstance(level, int):
            if -len(item.levels) <= level < len(item.levels):
                return item.levels[level]
        else:
            wanted = join_path(item.group, level)
            for node in item.levels:
                if node.path == wanted:
                    return node
        raise LevelNotFoundError(level, [str(n.path) for n in item.levels])

    def from_array(
        self, level: int | str = 0, *, target: RefLike | None = None, multiscale: int | str = 0
    ) -> Transform:
        """The transformation from a level's array indices to a coordinate system.

        Parameters
        ----------
        level
            The dataset's index in ``datasets`` (0: highest resolution) or its ``path``.
        target
            The coordinate system (default: the multiscale's intrinsic one).
        multiscale
            Which multiscale image (index or name, or the image's group in a scene).

        Returns
        -------
        Transform
            Array indices (in the order of the array's dimensions) to ``target`` coordinates.
        """
        source = self.level(level, multiscale=multiscale)
        return self.find_path(source, self._default_system(target, multiscale))

    def to_array(
        self, level: int | str = 0, *, source: RefLike | None = None, multiscale: int | str = 0
    ) -> Transform:
        """The transformation from a coordinate system to a level's (continuous) array indices.

        Parameters
        ----------
        level
            The dataset's index in ``datasets`` or its ``path``.
        source
            The coordinate system (default: the multiscale's intrinsic one).
        multiscale
            Which multiscale image (index or name, or the image's group in a scene).

        Returns
        -------
        Transform
            ``source`` coordinates to array indices (pixel centres at integers).
        """
        target = self.level(level, multiscale=multiscale)
        return self.find_path(self._default_system(source, multiscale), target)

    def _default_system(self, given: RefLike | None, multiscale: int | str) -> CoordinateSystemRef:
        if given is not None:
            return as_ref(given)
        intrinsic = self.multiscale(multiscale).intrinsic
        if intrinsic is None:
            raise LevelNotFoundError(
                multiscale, [], what="intrinsic coordinate system of multiscale"
            )
        return intrinsic


def legacy_system_name(multiscale: Mapping[str, Any], index: int) -> str:
    """The node name given to the physical space of a 0.4/0.5 multiscale (which has no name).

    Parameters
    ----------
    multiscale
        The multiscale object.
    index
        Its position in ``multiscales``.

    Returns
    -------
    str
        Its ``name`` if it has one, otherwise ``"multiscales/<index>"``.
    """
    name = multiscale.get("name")
    return name if isinstance(name, str) and name else f"multiscales/{index}"


def _ome(metadata: Any) -> Mapping[str, Any]:
    data = as_json_dict(metadata)
    if not isinstance(data, Mapping):
        raise MalformedTransformError(f"metadata must be a JSON object, got {type(data).__name__}")
    if isinstance(data.get("attributes"), Mapping):
        data = data["attributes"]
    if isinstance(data.get("ome"), Mapping):
        data = data["ome"]
    result: Mapping[str, Any] = data
    return result
