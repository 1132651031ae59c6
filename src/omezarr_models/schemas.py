"""Access to the project's own JSON Schemas (``schemas/<version>/``) and their compiled validators.

The schemas are the source of truth. Each carries annotations read here:

``x-spec``
    the section of the spec text a node comes from (inherited by the nodes below it);
``x-codes`` / ``x-code``
    the issue code reported when a keyword of that node fails (``x-codes`` maps keyword to code,
    or for ``required`` property name to code; ``x-code`` covers every keyword of the node).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

#: The base of every ``$id``; the reserved ``.invalid`` domain guarantees nothing is ever fetched.
ID_BASE = "https://omezarr.invalid/schemas/"

#: Spec versions in order, oldest first. Versions with schemas are listed by :func:`versions`.
KNOWN_VERSIONS: tuple[str, ...] = ("0.1", "0.2", "0.3", "0.4", "0.5", "0.6rc0")


def schema_root() -> Path:
    """Return the folder holding ``<version>/*.schema.json``.

    Installed wheels carry the schemas inside the package; an editable install reads them from
    the repository's top-level ``schemas/`` folder.
    """
    here = Path(__file__).resolve().parent
    packaged = here / "schemas"
    if packaged.is_dir():
        return packaged
    return here.parents[1] / "schemas"


@cache
def versions() -> tuple[str, ...]:
    """Return the versions that have schemas here, oldest first."""
    root = schema_root()
    return tuple(v for v in KNOWN_VERSIONS if (root / v).is_dir())


@cache
def kinds(version: str) -> tuple[str, ...]:
    """Return the schema names of ``version`` (``image``, ``plate``, ... and the building blocks)."""
    folder = schema_root() / version
    return tuple(sorted(p.name.removesuffix(".schema.json") for p in folder.glob("*.schema.json")))


def _iter_files(version: str) -> Iterator[Path]:
    yield from sorted((schema_root() / version).rglob("*.schema.json"))


@cache
def _resources(version: str) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for path in _iter_files(version):
        doc = json.loads(path.read_text(encoding="utf-8"))
        out[doc["$id"]] = doc
    return out


def schema_id(version: str, name: str, *, strict: bool = False) -> str:
    """Return the ``$id`` of schema ``name`` of ``version`` (its strict variant if ``strict``)."""
    return f"{ID_BASE}{version}/{'strict/' if strict else ''}{name}.schema.json"


def load_schema(version: str, name: str, *, strict: bool = False) -> dict[str, Any]:
    """Return the JSON Schema ``name`` of ``version`` as a dict.

    Raises
    ------
    KeyError
        If there is no such version or schema.
    """
    resources = _resources(version)
    key = schema_id(version, name, strict=strict)
    if key not in resources:
        raise KeyError(f"no schema {name!r}{' (strict)' if strict else ''} for version {version}")
    return resources[key]


@cache
def validator(version: str, name: str, *, strict: bool = False) -> Any:
    """Return the compiled jsonschema-rs validator of a schema (compiled once, then cached)."""
    import jsonschema_rs  # here, not at the top: it costs ~20 ms of import time

    resources = _resources(version)
    registry = jsonschema_rs.Registry(list(resources.items()))
    schema = load_schema(version, name, strict=strict)
    return jsonschema_rs.validator_for(schema, registry=registry)


def _unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


@cache
def node_annotations(location: str) -> tuple[dict[str, Any], str, str | None]:
    """Look up the schema node that owns a failing keyword.

    Parameters
    ----------
    location
        An absolute keyword location, ``<$id>#/json/pointer/to/keyword``.

    Returns
    -------
    tuple
        ``(node, keyword, spec_anchor)``: the schema object that holds the keyword, the keyword,
        and the nearest ``x-spec`` at or above that node within its file.
    """
    uri, _, pointer = location.partition("#")
    version = uri.removeprefix(ID_BASE).split("/", 1)[0]
    resource = _resources(version)[uri]
    tokens = [_unescape(t) for t in pointer.split("/")[1:]] if pointer else []
    keyword = tokens[-1] if tokens else ""
    node: Any = resource
    spec: str | None = resource.get("x-spec")
    for token in tokens[:-1]:
        node = node[int(token)] if isinstance(node, list) else node[token]
        if isinstance(node, dict) and "x-spec" in node:
            spec = node["x-spec"]
    if not isinstance(node, dict):  # a keyword inside an array of subschemas, e.g. allOf/0
        node = {}
    return node, keyword, spec


@cache
def title_index(version: str) -> dict[str, str]:
    """Map each titled schema node of ``version`` to its URI (``<$id>`` or ``<$id>#/$defs/x``).

    The generated models are named after these titles, so a model finds the node it came from.
    Strict variants and the SHOULD overlay are left out.
    """
    out: dict[str, str] = {}
    for uri, doc in _resources(version).items():
        if "/strict/" in uri:
            continue
        if "title" in doc:
            out[doc["title"]] = uri
        for key, node in doc.get("$defs", {}).items():
            if isinstance(node, dict) and "title" in node:
                out[node["title"]] = f"{uri}#/$defs/{key}"
    return out


@cache
def node_validator(version: str, title: str) -> Any:
    """The compiled validator of the schema node titled ``title`` (None if there is none)."""
    import jsonschema_rs

    uri = title_index(version).get(title)
    if uri is None:
        return None
    registry = jsonschema_rs.Registry(list(_resources(version).items()))
    wrapper = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$ref": uri}
    return jsonschema_rs.validator_for(wrapper, registry=registry)
