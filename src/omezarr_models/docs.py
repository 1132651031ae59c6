"""Spec reference pages generated from the project's own schemas (``omezarr docs OUT``).

One page per version and document kind shows a valid example document (from
``omezarr_models.examples``) and lists every object of the kind with its fields: type, required
or not, constraints, and the description with the spec section it comes from. A rule index maps
every issue code to its meaning and the versions whose schemas or rules report it, and a change
page says, version to version, which objects and fields appeared, went or changed (computed from
the schemas, not written by hand).
"""

from __future__ import annotations

import ast
import itertools
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from omezarr_models import examples, schemas
from omezarr_models.codes import CODES

__all__ = ["generate_docs"]

#: Document kinds, in reading order; a version has the pages of the kinds it defines.
KINDS = (
    "image",
    "label-image",
    "labels",
    "plate",
    "well",
    "bioformats2raw",
    "series",
    "scene",
    "attributes",
)
_WIDTH = 80  # the width of the example documents' lines
_CONSTRAINTS = (
    "minItems",
    "maxItems",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "pattern",
    "uniqueItems",
    "minContains",
    "maxContains",
    "const",
    "enum",
)


@dataclass(frozen=True)
class Field:
    """One field of an object as a schema states it."""

    name: str
    type: str
    required: bool
    constraints: str
    description: str


@dataclass(frozen=True)
class Definition:
    """One titled object or value of a version's schemas."""

    title: str
    uri: str
    description: str
    fields: tuple[Field, ...]
    summary: str


def _resolve(uri: str, ref: str) -> str:
    base = uri.split("#", 1)[0]
    if ref.startswith("#"):
        return base + ref
    return f"{base.rsplit('/', 1)[0]}/{ref}"


def _node(version: str, uri: str) -> dict[str, Any]:
    base, _, pointer = uri.partition("#")
    node: Any = schemas._resources(version)[base]
    for token in [t for t in pointer.split("/") if t]:
        node = node[token]
    return dict(node)


def _type(version: str, node: dict[str, Any], uri: str, titles: dict[str, str]) -> str:
    """A short type: ``string``, ``number``, ``array of Axis``, ``Multiscale``, ``3``..."""
    if "$ref" in node:
        target = _resolve(uri, node["$ref"])
        title = titles.get(target)
        if title == "JsonNumber":
            return "number"
        if title:
            return f"[{title}](#{title.lower()})"
        return _type(version, _node(version, target), target, titles)
    if "const" in node:
        return json.dumps(node["const"])
    if "enum" in node:
        return " \\| ".join(json.dumps(v) for v in node["enum"])
    kind = node.get("type")
    if kind == "array" and isinstance(node.get("items"), dict):
        return "array of " + _type(version, node["items"], uri, titles)
    if isinstance(kind, str):
        return kind
    if isinstance(kind, list):
        return " or ".join(kind)
    if "anyOf" in node or "oneOf" in node:
        parts: list[Any] = node.get("anyOf") or node.get("oneOf") or []
        return " or ".join(_type(version, p, uri, titles) for p in parts)
    return "any"


def _constraints(node: dict[str, Any]) -> str:
    items = [
        f"{k} {json.dumps(node[k])}"
        for k in _CONSTRAINTS
        if k in node and k not in ("const", "enum")
    ]
    inner = node.get("items")
    if isinstance(inner, dict):
        items += [
            f"items: {k} {json.dumps(inner[k])}"
            for k in ("minimum", "maximum", "pattern")
            if k in inner
        ]
    return "; ".join(items)


def _cell(text: str) -> str:
    return " ".join(text.replace("|", "\\|").split())


def definitions(version: str) -> dict[str, Definition]:
    """Every titled node of ``version``'s schemas (strict variants left out), by title."""
    titles = schemas.title_index(version)
    by_uri = {uri: title for title, uri in titles.items()}
    out: dict[str, Definition] = {}
    for title, uri in titles.items():
        node = _node(version, uri)
        required = set(node.get("required") or [])
        fields = tuple(
            Field(
                name,
                _type(version, sub, uri, by_uri),
                name in required,
                _constraints(sub),
                sub.get("description", "")
                or _node(version, _resolve(uri, sub["$ref"])).get("description", "")
                if "$ref" in sub
                else sub.get("description", ""),
            )
            for name, sub in node.get("properties", {}).items()
        )
        summary = (
            ""
            if fields
            else _type(version, node, uri, by_uri)
            + (f" ({_constraints(node)})" if _constraints(node) else "")
        )
        out[title] = Definition(title, uri, node.get("description", ""), fields, summary)
    return out


def _refs(version: str, uri: str, by_uri: dict[str, str]) -> list[str]:
    """The titles that the node at ``uri`` refers to by ``$ref``, in order, looking through
    untitled nodes; the node's own ``$defs`` count only where they are referred to."""
    found: list[str] = []
    seen: set[str] = set()

    def walk(node: Any, base: str) -> None:
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str):
                target = _resolve(base, ref).removesuffix("#")
                if target in by_uri:
                    found.append(by_uri[target])
                elif target not in seen:
                    seen.add(target)
                    walk(_node(version, target), target)
            for key, value in node.items():
                if key != "$defs":
                    walk(value, base)
        elif isinstance(node, list):
            for value in node:
                walk(value, base)

    walk(_node(version, uri), uri)
    return found


def _reachable(version: str, root: str, defs: dict[str, Definition]) -> list[Definition]:
    """The definitions a kind's page shows: its root, then what it refers to, breadth first."""
    titles = schemas.title_index(version)
    by_uri = {uri: title for title, uri in titles.items()}
    order: list[str] = []
    todo = [root]
    while todo:
        title = todo.pop(0)
        if title in order or title not in defs:
            continue
        order.append(title)
        todo += [t for t in _refs(version, titles[title], by_uri) if t != "JsonNumber"]
    return [defs[t] for t in order]


def _pretty(value: Any, indent: int = 0, used: int = 0) -> str:
    """JSON indented by two spaces, with each array or object that fits on its line on one line.

    ``used``: the columns the first line already holds (an object's key).
    """
    flat = json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
    if not isinstance(value, dict | list) or not value or indent + used + len(flat) <= _WIDTH:
        return flat
    pad = " " * (indent + 2)
    if isinstance(value, list):
        items = [pad + _pretty(v, indent + 2) for v in value]
        return "[\n" + ",\n".join(items) + "\n" + " " * indent + "]"
    lines = []
    for key, v in value.items():
        name = json.dumps(key, ensure_ascii=False) + ": "
        lines.append(pad + name + _pretty(v, indent + 2, len(name)))
    return "{\n" + ",\n".join(lines) + "\n" + " " * indent + "}"


def _page(version: str, kind: str, defs: dict[str, Definition]) -> str:
    schema = schemas.load_schema(version, kind)
    lines = [
        f"# {schema['title']} — OME-Zarr {version}",
        "",
        _cell(schema.get("description", "")),
        "",
        f"Schema: `schemas/{version}/{kind}.schema.json` (`{schema['$id']}`); strict variant "
        f"`schemas/{version}/strict/{kind}.schema.json` (every SHOULD rule a schema can state).",
        "",
    ]
    if version in examples.VERSIONS and kind in examples.kinds(version):
        where = "the `attributes` of `zarr.json`" if version == "0.5" else "`.zattrs`"
        lines += [
            "## Example",
            "",
            f"A valid document (also with `--strict`), as {where} holds it:",
            "",
            "```json",
            _pretty(examples.example(version, kind)),
            "```",
            "",
        ]
    for d in _reachable(version, schema["title"], defs):
        lines += [f"## {d.title}", "", _cell(d.description), ""]
        if d.fields:
            lines += [
                "| field | type | required | constraints | description |",
                "| --- | --- | --- | --- | --- |",
            ]
            for f in d.fields:
                lines.append(
                    f"| `{f.name}` | {f.type} | {'yes' if f.required else 'no'} | {_cell(f.constraints)} | {_cell(f.description)} |"
                )
            lines.append("")
        elif d.summary:
            lines += [f"Value: {d.summary}", ""]
    return "\n".join(lines).rstrip() + "\n"


def _codes_in(folder: str) -> set[str]:
    """Codes named in the code of ``folder`` (the hand-written rules, the dataset walk)."""
    found: set[str] = set()
    for path in (Path(__file__).resolve().parent / folder).glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and node.value in CODES
            ):
                found.add(node.value)
    return found


def _codes_in_schemas(version: str) -> set[str]:
    found: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("x-code"), str):
                found.add(node["x-code"])
            for entry in node.get("x-codes", {}).values():
                found.update(entry.values() if isinstance(entry, dict) else [entry])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for doc in schemas._resources(version).values():
        walk(doc)
    return found


def _rule_index() -> str:
    rules, dataset = _codes_in("rules"), _codes_in("dataset")
    per_version = {v: _codes_in_schemas(v) for v in schemas.versions()}
    lines = [
        "# Rule index",
        "",
        "Every issue code the validator reports, what it means, and where it comes from: the "
        "versions whose schemas state it, the hand-written document rules, or the dataset rules "
        "(across documents and arrays). Errors break a MUST; warnings a SHOULD (errors with "
        "`--strict`).",
        "",
        "| code | meaning | schemas | document rules | dataset rules |",
        "| --- | --- | --- | --- | --- |",
    ]
    for code, meaning in sorted(CODES.items()):
        versions = ", ".join(v for v, codes in per_version.items() if code in codes)
        in_rules = "yes" if code in rules else ""
        in_dataset = "yes" if code in dataset else ""
        lines.append(
            f'| <a id="{code}"></a>`{code}` | {_cell(meaning)} | {versions} | {in_rules} | {in_dataset} |'
        )
    return "\n".join(lines) + "\n"


def _plain(type_: str) -> str:
    """A type without its links, which point into a kind's page (for the change page)."""
    return re.sub(r"\[([^\]]+)\]\(#[^)]*\)", r"\1", type_)


def _changes() -> str:
    lines = [
        "# Changes between versions",
        "",
        "Computed from the schemas: objects and fields that appear, disappear, or change type or "
        "requirement from one version to the next.",
        "",
    ]
    versions = schemas.versions()
    for old, new in itertools.pairwise(versions):
        a, b = definitions(old), definitions(new)
        lines += [f"## {old} → {new}", ""]
        added = sorted(set(b) - set(a) - {"JsonNumber", "Common definitions"})
        removed = sorted(set(a) - set(b) - {"JsonNumber", "Common definitions"})
        if added:
            lines.append("- new objects: " + ", ".join(f"`{t}`" for t in added))
        if removed:
            lines.append("- objects gone: " + ", ".join(f"`{t}`" for t in removed))
        for title in sorted(set(a) & set(b)):
            fa = {f.name: f for f in a[title].fields}
            fb = {f.name: f for f in b[title].fields}
            for name in sorted(set(fb) - set(fa)):
                lines.append(
                    f"- `{title}.{name}`: new ({'required' if fb[name].required else 'optional'}, {_plain(fb[name].type)})"
                )
            for name in sorted(set(fa) - set(fb)):
                lines.append(f"- `{title}.{name}`: gone")
            for name in sorted(set(fa) & set(fb)):
                if fa[name].required != fb[name].required:
                    now = "required" if fb[name].required else "optional"
                    lines.append(f"- `{title}.{name}`: now {now}")
                if fa[name].type != fb[name].type:
                    lines.append(
                        f"- `{title}.{name}`: type {_plain(fa[name].type)} → {_plain(fb[name].type)}"
                    )
        if lines[-1] == "":
            lines.append("- no change in the schemas")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def generate_docs(out: str | Path) -> list[Path]:
    """Write the reference pages under ``out``; return the files written.

    ``out/index.md``, ``out/<version>/<kind>.md`` for every kind a version defines,
    ``out/rules.md`` (the rule index) and ``out/changes.md``.
    """
    root = Path(out)
    root.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    index = [
        "# OME-Zarr metadata reference",
        "",
        "Generated from this project's JSON Schemas (`omezarr docs`). See also the "
        "[rule index](rules.md) and the [changes between versions](changes.md).",
        "",
    ]
    for version in schemas.versions():
        defs = definitions(version)
        folder = root / version
        folder.mkdir(exist_ok=True)
        pages = [k for k in KINDS if k in schemas.kinds(version)]
        index.append(f"- {version}: " + ", ".join(f"[{k}]({version}/{k}.md)" for k in pages))
        for kind in pages:
            path = folder / f"{kind}.md"
            path.write_text(_page(version, kind, defs), encoding="utf-8")
            written.append(path)
    for name, text in (
        ("index.md", "\n".join(index) + "\n"),
        ("rules.md", _rule_index()),
        ("changes.md", _changes()),
    ):
        path = root / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
