"""The native fast path of validation: our schemas lowered for ``omezarr_models._speedups``.

The extension (``_speedups.c``, compiled when the package is installed) answers one question
quickly: "is there nothing to report?". Two pieces:

- :func:`program` lowers one of our JSON Schemas into a flat table of nodes (``$ref`` resolved
  here, in Python) and hands it to ``_speedups.Program``, whose ``is_valid`` returns True, False
  or None ("unsure": a value the evaluator does not judge exactly, such as a tuple or a
  non-finite float). The validator uses it in front of jsonschema-rs, which still produces the
  errors of an invalid document.
- :func:`checker` is one call per OME-Zarr 0.4/0.5 document: version, the base schema and the
  SHOULD overlay (merged into one tree by :meth:`_Lowering.merge`, so a document is walked once)
  and conservative predicates for the hand-written rules. It returns ``(version, kind)`` only
  when the document has no issue at all; anything else takes the full path.
  :func:`report_checker`, which the validator uses, returns the ``Report`` itself.

Both are optional: without the compiled extension (no C compiler at install time, or
``OMEZARR_NO_SPEEDUPS=1`` in the environment) validation gives the same reports, slower.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from functools import cache
from types import ModuleType
from typing import Any
from urllib.parse import urljoin

from omezarr_models import schemas
from omezarr_models.report import Report

__all__ = [
    "UnsupportedSchemaError",
    "checker",
    "lower",
    "program",
    "report_checker",
    "speedups",
]

#: The interface version the Python side expects of the extension; a stale build is ignored.
ABI = 2

#: Keywords that never affect validity (annotations, and our ``x-`` extensions).
_ANNOTATIONS = frozenset(
    {"$schema", "$id", "$defs", "$comment", "title", "description", "examples", "default"}
)
_TYPE_BITS = {
    "null": 1,
    "boolean": 2,
    "object": 4,
    "array": 8,
    "number": 16,
    "string": 32,
    "integer": 64,
}
_COUNTS = ("minItems", "maxItems", "minContains", "maxContains", "minLength", "minProperties")
_SUBSCHEMA = ("items", "contains", "not", "if", "then", "else")
_SUBSCHEMA_LISTS = ("allOf", "anyOf", "oneOf")

#: A lowered schema node: the keywords ``_speedups.Program`` reads (see ``_speedups.c``).
Node = dict[str, Any]

#: Keywords that work together and are merged or kept together by :meth:`_Lowering.merge`.
_KEYWORD_GROUPS: tuple[tuple[str, ...], ...] = (
    ("required",),
    ("properties",),
    ("items",),
    ("allOf",),
    ("types",),
    ("dependentSchemas",),
    ("minProperties",),
    ("minItems",),
    ("maxItems",),
    ("contains", "minContains", "maxContains"),
    ("uniqueItems",),
    ("minLength",),
    ("pattern", "patternAtoms", "patternEnd"),
    ("minimum",),
    ("maximum",),
    ("const",),
    ("enum",),
    ("anyOf",),
    ("oneOf",),
    ("by",),
    ("not",),
    ("if", "then", "else"),
    ("ref",),
    ("always",),
)
_MERGEABLE = frozenset({"required", "properties", "items", "allOf"})


class UnsupportedSchemaError(ValueError):
    """A schema uses a keyword or pattern the native evaluator does not implement."""


def speedups() -> ModuleType | None:
    """Return the compiled extension, or None when it is missing, stale or switched off."""
    return _load()


@cache
def _load() -> ModuleType | None:
    if os.environ.get("OMEZARR_NO_SPEEDUPS", "") not in ("", "0"):
        return None
    try:
        from omezarr_models import _speedups
    except ImportError:
        return None
    if getattr(_speedups, "ABI", None) != ABI:
        return None  # built from another version of _speedups.c: reinstall to rebuild
    module: ModuleType = _speedups
    return module


def _pattern(source: str) -> Callable[[str], Any]:
    """``re.Pattern.search`` of an ECMA-262 pattern of the kind our schemas use.

    ECMA's ``$`` matches only at the very end (Python's also before a final newline), and its
    classes are ASCII: a trailing ``$`` becomes ``\\Z`` and the pattern is compiled ASCII-only.
    A ``$`` anywhere else is refused rather than guessed.
    """
    body = source[:-1] if source.endswith("$") and not source.endswith("\\$") else source
    if re.search(r"(?<!\\)\$", body):
        raise UnsupportedSchemaError(f"pattern {source!r}: '$' before the end")
    tail = r"\Z" if body is not source else ""
    return re.compile(body + tail, re.ASCII).search


#: A pattern atom for the native matcher: (mask of ASCII codes 0-63, mask of 64-127, min, max);
#: max -1 is unbounded.
Atom = tuple[int, int, int, int]

_SPECIAL = set(".*+?()[]{}|^$\\")
_QUANTIFIER = re.compile(r"\+|\*|\?|\{(\d+)(,(\d*))?\}")


def _char_set(source: str, i: int) -> tuple[set[str], int] | None:
    """The characters of one atom at ``source[i]`` and the index after it, or None."""
    ch = source[i]
    if ch == "\\":
        if i + 1 < len(source) and source[i + 1] in _SPECIAL | set("/-_"):
            return {source[i + 1]}, i + 2
        return None
    if ch == "[":
        end = source.find("]", i + 1)
        body = source[i + 1 : end] if end > i else ""
        if not body or body[0] == "^" or "\\" in body or "[" in body:
            return None
        chars: set[str] = set()
        k = 0
        while k < len(body):
            if k + 2 < len(body) and body[k + 1] == "-":
                chars.update(chr(o) for o in range(ord(body[k]), ord(body[k + 2]) + 1))
                k += 3
            else:
                chars.add(body[k])
                k += 1
        return chars, end + 1
    if ch in _SPECIAL:
        return None
    return {ch}, i + 1


def pattern_atoms(source: str) -> tuple[tuple[Atom, ...], bool] | None:
    """The pattern as a sequence of character classes with counts, for the native matcher.

    Only anchored patterns of ASCII classes, literal characters and quantifiers qualify, and only
    when matching greedily from the left is exact: an atom with a variable count shares no
    character with any atom that may follow it directly (the optional ones after it, up to and
    including the first that must appear). Returns ``(atoms, anchored_at_end)``, or None when the
    pattern is not of that form (the evaluator then calls Python's ``re``).
    """
    if not source.startswith("^"):
        return None
    end = source.endswith("$") and not source.endswith("\\$")
    body = source[1 : len(source) - 1] if end else source[1:]
    atoms: list[tuple[set[str], int, int]] = []
    i = 0
    while i < len(body):
        found = _char_set(body, i)
        if found is None:
            return None
        chars, i = found
        if any(ord(c) > 127 for c in chars):
            return None
        low, high = 1, 1
        quantifier = _QUANTIFIER.match(body, i)
        if quantifier:
            text = quantifier.group(0)
            if text == "+":
                low, high = 1, -1
            elif text == "*":
                low, high = 0, -1
            elif text == "?":
                low, high = 0, 1
            else:
                low = int(quantifier.group(1))
                upper = quantifier.group(3)
                high = low if quantifier.group(2) is None else (int(upper) if upper else -1)
            i = quantifier.end()
        atoms.append((chars, low, high))
    for i, (chars, low, high) in enumerate(atoms):
        if low == high:
            continue
        # greedy is exact when no atom that may come next (the optional ones, up to and
        # including the first that must appear) could take one of this atom's characters
        for later, later_low, _ in atoms[i + 1 :]:
            if chars & later:
                return None
            if later_low > 0:
                break
    out = []
    for chars, low, high in atoms:
        mask = sum(1 << ord(c) for c in chars)
        out.append((mask & (2**64 - 1), mask >> 64, low, high))
    return tuple(out), end


class _Lowering:
    """Turns the resources of one version into a node table; one node per schema object."""

    def __init__(self, resources: dict[str, dict[str, Any]]) -> None:
        self.resources = resources
        self.nodes: list[Node] = []
        self.memo: dict[int, int] = {}
        self.merged: dict[tuple[int, int], int] = {}

    def node(self, schema: Any, base: str) -> int:
        if schema is True or schema is False:
            key = -1 if schema else -2
            if key not in self.memo:
                self.memo[key] = len(self.nodes)
                self.nodes.append({"always": 1 if schema else 0})
            return self.memo[key]
        if type(schema) is not dict:
            raise UnsupportedSchemaError(f"not a schema: {schema!r}")
        key = id(schema)
        if key in self.memo:
            return self.memo[key]
        index = len(self.nodes)
        self.memo[key] = index
        self.nodes.append({})
        if "$id" in schema:
            base = urljoin(base, schema["$id"])
        out: Node = {}
        for word, value in schema.items():
            if word in _ANNOTATIONS or word.startswith("x-"):
                continue
            if word == "type":
                names = [value] if type(value) is str else value
                out["types"] = sum(_TYPE_BITS[n] for n in set(names))
            elif word in ("properties", "dependentSchemas"):
                out[word] = tuple(
                    (sys.intern(name), self.node(sub, base)) for name, sub in value.items()
                )
            elif word == "required":
                out[word] = tuple(sys.intern(name) for name in value)
            elif word in _SUBSCHEMA:
                out[word] = self.node(value, base)
            elif word in _SUBSCHEMA_LISTS:
                out[word] = tuple(self.node(sub, base) for sub in value)
            elif word in _COUNTS:
                out[word] = int(value)
            elif word == "uniqueItems":
                out[word] = 1 if value else 0
            elif word in ("minimum", "maximum"):
                out[word] = value
            elif word == "pattern":
                out[word] = _pattern(value)
                atoms = pattern_atoms(value)
                if atoms is not None:
                    out["patternAtoms"], out["patternEnd"] = atoms[0], int(atoms[1])
            elif word == "const":
                out[word] = value
            elif word == "enum":
                out[word] = tuple(value)
            elif word == "$ref":
                out["ref"] = self.ref(value, base)
            else:
                raise UnsupportedSchemaError(f"keyword {word!r} at {base}")
        if "anyOf" in out and "types" not in out:
            # anyOf of bare types (integer-or-number) is one type check with the union of bits
            alts = [self.nodes[a] for a in out["anyOf"]]
            if all(list(alt) == ["types"] for alt in alts):
                out["types"] = 0
                for alt in alts:
                    out["types"] |= alt["types"]
                del out["anyOf"]
        for word in ("oneOf", "anyOf"):
            by = self.discriminator(out.get(word, ()))
            if by is not None:
                del out[word]
                out["by"] = by
                break
        self.nodes[index] = out
        if list(out) == ["ref"] or not out:
            # a bare reference: callers go straight to its target (the entry stays for the
            # references made to it while it was being lowered)
            target = out.get("ref", self.node(True, base))
            self.memo[key] = target
            return int(target)
        return index

    def merge(self, a: int, b: int, depth: int = 0) -> int:
        """A node equivalent to ``allOf: [a, b]`` that checks both in one visit of a value.

        Properties and items of both are merged recursively and required names joined; any
        other keyword that both nodes have (each their own ``if``, say) stays in an ``allOf``
        entry of its own. The answer is the conjunction either way: only the work differs.
        """
        if a == b:
            return a
        key = (a, b)
        if key in self.merged:
            return self.merged[key]
        node_a, node_b = self.nodes[a], self.nodes[b]
        if node_a.get("always") == 1 or node_b.get("always") == 0:
            return b
        if node_b.get("always") == 1 or node_a.get("always") == 0:
            return a
        if depth > 32:  # recursive schemas: stop merging, keep the conjunction
            self.nodes.append({"allOf": (a, b)})
            return len(self.nodes) - 1
        index = len(self.nodes)
        self.merged[key] = index
        self.nodes.append({})
        out: Node = {}
        residue: Node = {}
        taken: set[str] = set()
        for group in _KEYWORD_GROUPS:
            in_a = [k for k in group if k in node_a]
            in_b = [k for k in group if k in node_b]
            if in_a and in_b and group[0] in _MERGEABLE:
                word = group[0]
                if word == "required":
                    seen = dict.fromkeys(node_a[word] + node_b[word])
                    out[word] = tuple(seen)
                elif word == "properties":
                    props = dict(node_a[word])
                    for name, sub in node_b[word]:
                        props[name] = (
                            self.merge(props[name], sub, depth + 1) if name in props else sub
                        )
                    out[word] = tuple(props.items())
                elif word == "items":
                    out[word] = self.merge(node_a[word], node_b[word], depth + 1)
                else:  # allOf
                    out[word] = node_a[word] + node_b[word]
            elif in_a and in_b and all(node_a.get(k) == node_b.get(k) for k in group):
                out.update({k: node_a[k] for k in in_a})
            else:
                out.update({k: node_a[k] for k in in_a})
                (residue if in_a else out).update({k: node_b[k] for k in in_b})
            taken.update(group)
        unknown = (set(node_a) | set(node_b)) - taken
        if unknown:
            raise UnsupportedSchemaError(f"cannot merge keywords {sorted(unknown)}")
        if residue:
            self.nodes.append(residue)
            out["allOf"] = (*out.get("allOf", ()), len(self.nodes) - 1)
        self.nodes[index] = out
        return index

    def discriminator(self, alternatives: tuple[int, ...]) -> tuple[str, tuple[Any, ...]] | None:
        """``(property, ((constant, node), ...))`` when every alternative is an object that
        requires ``property`` with a distinct constant string: then only the alternative whose
        constant the instance carries can pass, so oneOf and anyOf both reduce to it."""
        if len(alternatives) < 2:
            return None
        prop: str | None = None
        table: list[tuple[str, int]] = []
        for alt in alternatives:
            node = self.nodes[alt]
            found = None
            for name, sub in node.get("properties", ()):
                const = self.nodes[sub]
                is_tag = list(const) == ["const"] and type(const["const"]) is str
                if is_tag and name in node.get("required", ()) and prop in (None, name):
                    found = (name, const["const"])
                    break
            if node.get("types") != _TYPE_BITS["object"] or found is None:
                return None
            prop = found[0]
            table.append((found[1], alt))
        if prop is None or len({value for value, _ in table}) != len(table):
            return None
        return prop, tuple(table)

    def ref(self, ref: str, base: str) -> int:
        uri, _, fragment = urljoin(base, ref).partition("#")
        if uri not in self.resources:
            raise UnsupportedSchemaError(f"unresolvable $ref {ref!r} from {base}")
        target: Any = self.resources[uri]
        for token in fragment.split("/")[1:] if fragment else []:
            token = token.replace("~1", "/").replace("~0", "~")
            target = target[int(token)] if type(target) is list else target[token]
        return self.node(target, uri)


def lower(
    version: str, name: str, *, strict: bool = False, also: tuple[str, bool] | None = None
) -> tuple[tuple[Node, ...], int]:
    """Lower schema ``name`` of ``version`` into ``(nodes, root)`` for ``_speedups.Program``.

    With ``also=(name2, strict2)`` the program checks both schemas (``allOf``), in one table
    whose shared parts are lowered once.

    Raises
    ------
    UnsupportedSchemaError
        If the schema uses a keyword the native evaluator does not implement.
    """
    lowering = _Lowering(schemas._resources(version))
    roots = [
        lowering.node(
            schemas.load_schema(version, n, strict=s), schemas.schema_id(version, n, strict=s)
        )
        for n, s in ([(name, strict)] + ([also] if also else []))
    ]
    if len(roots) == 1:
        return tuple(lowering.nodes), roots[0]
    # both schemas in one tree: each object of a document is then visited once
    root = lowering.merge(roots[0], roots[1])
    return tuple(lowering.nodes), root


@cache
def program(
    version: str, name: str, *, strict: bool = False, also: tuple[str, bool] | None = None
) -> Any:
    """The native program of a schema (``is_valid`` -> True/False/None), or None if unavailable.

    ``also`` adds a second schema that must hold too (see :func:`lower`).
    """
    module = speedups()
    if module is None:
        return None
    try:
        nodes, root = lower(version, name, strict=strict, also=also)
    except UnsupportedSchemaError:
        return None
    return module.Program(nodes, root)


@cache
def _checker_object() -> Any:
    """The native ``Checker`` of 0.4/0.5 documents, made once, or None if unavailable."""
    module = speedups()
    if module is None:
        return None
    specs: dict[str, tuple[str, Any] | None] = {}
    for version in ("0.4", "0.5"):
        # the base schema and the SHOULD overlay in one program: one walk of each document
        both = None
        if version in schemas.versions():
            both = program(version, "attributes", also=("should", True))
        specs["v" + version.replace(".", "")] = (version, both) if both is not None else None
    return module.Checker(**specs)


@cache
def checker() -> Callable[..., tuple[str, str] | None] | None:
    """The native whole-document check of 0.4/0.5 documents, or None if unavailable.

    Called as ``check(attrs, version)``; returns ``(version, kind)`` when the document has
    nothing to report, None when the full validator must look.
    """
    made = _checker_object()
    if made is None:
        return None
    # a METH_FASTCALL method: the cheapest call into the extension
    check: Callable[..., tuple[str, str] | None] = made.check
    return check


@cache
def report_checker() -> Callable[[Any, str | None, str | None], Report | None] | None:
    """:func:`checker` that returns the report itself: ``check(attrs, version, file)`` gives
    ``Report(version, kind, [], file)`` when the document has nothing to report, else None.

    The native side fills the Report's slots directly (what its dataclass ``__init__`` would
    do), which is a good part of the cost of validating a plain document; it calls the class
    instead if the class ever stops being a plain slotted dataclass.
    """
    made = _checker_object()
    if made is None:
        return None
    made.set_report(Report)
    check: Callable[[Any, str | None, str | None], Report | None] = made.report
    return check
