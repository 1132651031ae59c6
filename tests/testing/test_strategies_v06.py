"""Properties of the OME-Zarr 0.6rc0 strategies (``omezarr_models.testing._v06``).

Judges: the validator (valid documents pass, strictly when drawn strict; each mutation is
reported with its code, at its pointer), the typed models of ``omezarr_models.v06`` (dict ->
model -> dict is the identity), the reference JSON Schema implementation (python-``jsonschema``
on ``schemas/0.6rc0``), and ``omezarr_models.transforms`` (every transformation parses; the
graph of an image reaches, from every level, every coordinate system linked by invertible
transformations).
"""

from __future__ import annotations

import json
import re
from collections import deque
from functools import cache
from random import Random
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, find, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from pydantic import ValidationError
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from omezarr_models import Report, schemas, v06, validate_attributes
from omezarr_models._base import OmeModel
from omezarr_models.codes import CODES
from omezarr_models.testing import _v06
from omezarr_models.testing._v06 import (
    KINDS_V06,
    TRANSFORMATION_TYPES,
    V06,
    Mutated,
    documents_v06,
    mutation_codes_v06,
    mutation_labels_v06,
    mutations_v06,
)
from omezarr_models.transforms import TransformGraph, parse_transform

MODELS: dict[str, type[OmeModel]] = {
    "image": v06.Image,
    "label-image": v06.LabelImage,
    "labels": v06.Labels,
    "plate": v06.Plate,
    "well": v06.Well,
    "bioformats2raw": v06.Bioformats2Raw,
    "series": v06.Series,
    "scene": v06.Scene,
}
# Whole documents take longer to draw than Hypothesis expects of one strategy.
SLOW_OK = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
# A quarter of the profile's examples per kind (8 kinds, several judges each): ~40 s by default.
EXAMPLES = settings(SLOW_OK, max_examples=max(10, settings().max_examples // 4))
FIND = settings(
    max_examples=3000,
    database=None,
    phases=[Phase.generate],
    suppress_health_check=list(HealthCheck),
)
LINKED = ("image", "label-image", "scene")


def exact(value: Any) -> str:
    """JSON text that tells 1 from 1.0."""
    return json.dumps(value, sort_keys=True)


def issues(report: Report) -> str:
    return "\n".join(f"{i.path} {i.code} {i.severity}: {i.message}" for i in report.issues)


def kind_of(doc: dict[str, Any], kind: str) -> str:
    """A bioformats2raw group holding a plate is a plate (the plate takes precedence)."""
    return "plate" if kind == "bioformats2raw" and "plate" in doc["ome"] else kind


@cache
def oracle(name: str) -> Draft202012Validator:
    """python-jsonschema on ``schemas/0.6rc0/<name>.schema.json`` (``strict/<name>`` allowed)."""
    registry: Registry[Any] = Registry().with_resources(
        (uri, Resource.from_contents(doc, default_specification=DRAFT202012))
        for uri, doc in schemas._resources(V06).items()
    )
    strict = name.startswith("strict/")
    schema = schemas.load_schema(V06, name.removeprefix("strict/"), strict=strict)
    return Draft202012Validator(schema, registry=registry)


# --------------------------------------------------------------------------------------------
# valid documents: the validator, the models, the reference implementation, the transforms


@pytest.mark.parametrize("kind", KINDS_V06)
@EXAMPLES
@given(strict=st.booleans(), data=st.data())
def test_valid_documents_pass_every_judge(kind: str, strict: bool, data: Any) -> None:
    doc = data.draw(documents_v06(kind, strict=strict), label="doc")
    kind = kind_of(doc, kind)
    # the validator
    report = validate_attributes(doc, strict=strict)
    assert report.valid, issues(report)
    assert (report.version, report.kind) == (V06, kind)
    if strict:
        assert not report.warnings, issues(report)
    # the models: dict -> model -> dict
    content = doc["ome"]
    assert exact(MODELS[kind].model_validate(content).to_json_dict()) == exact(content)
    # the reference implementation
    errors = [e.message for e in oracle(kind).iter_errors(content)]
    assert not errors, errors
    assert oracle("attributes").is_valid(doc)
    if strict:
        errors = [e.message for e in oracle(f"strict/{kind}").iter_errors(content)]
        assert not errors, errors
    # the transforms
    if kind in LINKED:
        check_transforms(doc)


def transformations(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """Every transformation of an image or scene (levels' and links')."""
    ome = doc["ome"]
    out = []
    for ms in ome.get("multiscales", []):
        for ds in ms["datasets"]:
            out += ds["coordinateTransformations"]
        out += ms.get("coordinateTransformations", [])
    if "scene" in ome:
        out += ome["scene"]["coordinateTransformations"]
    return out


def invertible(t: dict[str, Any]) -> bool:
    """Whether the strategies' ``t`` is invertible (their matrices always are, their scales
    unless one is zero) and has its parameters inline (a path is not resolved here)."""
    kind = t["type"]
    if "path" in t or kind in ("projectAxis", "coordinates", "displacements"):
        return False
    if kind == "scale" and 0 in t["scale"]:
        return False
    if kind == "sequence":
        return all(invertible(p) for p in t["transformations"])
    if kind == "byDimension":
        return all(invertible(p["transformation"]) for p in t["transformations"])
    return True


Node = tuple[str | None, str | None]


def reachable(links: list[dict[str, Any]], start: Node) -> set[Node]:
    """The nodes ``(name, path)`` reached from ``start`` along ``links`` (backwards too where
    the link is :func:`invertible`)."""
    edges: dict[Node, set[Node]] = {}
    for t in links:
        a = (t["input"].get("name"), t["input"].get("path"))
        b = (t["output"].get("name"), t["output"].get("path"))
        edges.setdefault(a, set()).add(b)
        if invertible(t):
            edges.setdefault(b, set()).add(a)
    reached = {start}
    todo = deque([start])
    while todo:
        for other in edges.get(todo.popleft(), ()):
            if other not in reached:
                reached.add(other)
                todo.append(other)
    return reached


def check_transforms(doc: dict[str, Any]) -> None:
    """Every transformation parses; the graph of an image finds a path from every level to every
    coordinate system its links reach, that of a scene from its first coordinate system to every
    coordinate system (its own or an image's) they reach."""
    for t in transformations(doc):
        parse_transform(t)
    ome = doc["ome"]
    if "scene" in ome:
        scene = ome["scene"]
        graph = TransformGraph.from_scene(ome)
        if scene.get("coordinateSystems"):
            start: Node = (scene["coordinateSystems"][0]["name"], None)
            for name, path in reachable(scene["coordinateTransformations"], start):
                graph.find_path({"name": start[0]}, {"name": name, "path": path})
        return
    graph = TransformGraph.from_image(ome)
    for ms in ome["multiscales"]:
        for ds in ms["datasets"]:
            intrinsic = (ds["coordinateTransformations"][0]["output"]["name"], None)
            for name, path in reachable(ms.get("coordinateTransformations", []), intrinsic):
                graph.find_path({"path": ds["path"]}, {"name": name, "path": path})


# --------------------------------------------------------------------------------------------
# mutations


@pytest.mark.parametrize("kind", KINDS_V06)
@EXAMPLES
@given(strict=st.booleans(), data=st.data())
def test_mutations_report_their_code(kind: str, strict: bool, data: Any) -> None:
    """Reported with their code at their pointer; a MUST error refused by the model too."""
    mutation = data.draw(mutations_v06(kind, strict=strict), label="mutation")
    check_mutation(mutation, strict)
    content = mutation.document.get("ome")
    if not strict and isinstance(content, dict):
        with pytest.raises(ValidationError):
            MODELS[kind_of(mutation.document, kind)].model_validate(content)


def check_mutation(mutation: Mutated, strict: bool) -> None:
    report = validate_attributes(mutation.document, strict=strict)
    code = mutation.code
    assert code in {i.code for i in report.errors}, f"expected {code}; got\n{issues(report)}"
    if mutation.pointer is not None:
        where = {i.path for i in report.errors if i.code == code}
        assert mutation.pointer in where, f"expected {code} at {mutation.pointer}; got {where}"


EVERY_LABEL = [
    pytest.param(kind, strict, label, id=f"{kind}-{'should' if strict else 'must'}-{label}")
    for kind in LINKED
    for strict in (False, True)
    for label in sorted(
        mutation_labels_v06(kind, strict=strict) - (mutation_labels_v06(kind) if strict else set())
    )
]


@pytest.mark.parametrize(("kind", "strict", "label"), EVERY_LABEL)
def test_every_mutation_is_drawn_and_reported(kind: str, strict: bool, label: str) -> None:
    """Each mutation on its own: it is drawn (``codes=``), reported as an error with its code
    at its pointer, and a SHOULD one as a warning when not strict."""
    [code] = {m.code for m in _v06._M if m.label == label}
    mutation = find(
        mutations_v06(kind, strict=strict, codes={code}),
        lambda m: m.label == label,
        settings=FIND,
        random=Random(0),
    )
    check_mutation(mutation, strict)
    if strict:
        lax = validate_attributes(mutation.document)
        assert code in {i.code for i in lax.warnings}, issues(lax)


@pytest.mark.parametrize("kind", LINKED)
def test_borrowed_mutations_are_drawn_and_reported(kind: str) -> None:
    """The omero, image-label and ``ome`` mutations of 0.5 hold in 0.6rc0 too."""
    own = {m.code for m in _v06._M}
    for code in sorted(mutation_codes_v06(kind, strict=True) - own):
        doc, got = find(
            documents_v06(kind, valid=False, strict=True, codes={code}),
            lambda _: True,
            settings=FIND,
            random=Random(0),
        )
        assert got == code
        report = validate_attributes(doc, strict=True)
        assert code in {i.code for i in report.errors}, (code, issues(report))


def test_mutations_cover_many_codes() -> None:
    every: set[str] = set()
    for kind in KINDS_V06:
        codes = mutation_codes_v06(kind, strict=True)
        assert codes <= set(CODES), codes - set(CODES)
        assert mutation_codes_v06(kind) <= codes
        every |= codes
    assert len(mutation_codes_v06("image", strict=True)) >= 70
    assert len(mutation_codes_v06("scene", strict=True)) >= 40
    assert len(every) >= 120


# --------------------------------------------------------------------------------------------
# diversity


def types_in(t: Any) -> set[str]:
    """Every transformation type in ``t``, nested ones too."""
    out: set[str] = set()
    if isinstance(t, dict):
        if isinstance(t.get("type"), str):
            out.add(t["type"])
        for value in t.values():
            out |= types_in(value)
    elif isinstance(t, list):
        for value in t:
            out |= types_in(value)
    return out


@pytest.mark.parametrize("kind", LINKED)
@pytest.mark.parametrize("t", TRANSFORMATION_TYPES)
def test_every_transformation_type_is_drawn(kind: str, t: str) -> None:
    def has(doc: dict[str, Any]) -> bool:
        links = doc["ome"]["scene"] if kind == "scene" else doc["ome"]["multiscales"][0]
        return t in types_in(links.get("coordinateTransformations"))

    find(documents_v06(kind, strict=True), has, settings=FIND, random=Random(0))


def matrices(value: Any, kind: str) -> list[list[list[Any]]]:
    """The inline matrices of the transformations of type ``kind`` in ``value``, nested too."""
    out = []
    if isinstance(value, dict):
        if value.get("type") == kind and kind in value:
            out.append(value[kind])
        for item in value.values():
            out += matrices(item, kind)
    elif isinstance(value, list):
        for item in value:
            out += matrices(item, kind)
    return out


def quarter_turn(m: list[list[Any]]) -> bool:
    """A rotation that moves an axis onto another (an off-diagonal one)."""
    return any(abs(v) == 1 for i, row in enumerate(m) for j, v in enumerate(row) if i != j)


def sheared(m: list[list[Any]]) -> bool:
    return any(v != 0 for i, row in enumerate(m) for j, v in enumerate(row[:-1]) if i != j)


@pytest.mark.parametrize(
    ("name", "predicate"),
    [
        ("5 axes", lambda ms: any(len(s["axes"]) == 5 for s in ms["coordinateSystems"])),
        ("2 axes", lambda ms: any(len(s["axes"]) == 2 for s in ms["coordinateSystems"])),
        ("discrete", lambda ms: "discrete" in json.dumps(ms)),
        ("longName", lambda ms: "longName" in json.dumps(ms)),
        (
            "custom type",
            lambda ms: any(
                a.get("type") not in ("space", "time", "channel")
                for s in ms["coordinateSystems"]
                for a in s["axes"]
            ),
        ),
        ("level identity", lambda ms: '"identity", "input": {"path"' in json.dumps(ms)),
        (
            "level sequence",
            lambda ms: ms["datasets"][-1]["coordinateTransformations"][0]["type"] == "sequence",
        ),
        ("path parameters", lambda ms: '"path": "coordinateTransformations/' in json.dumps(ms)),
        ("label image link", lambda ms: "labels/cells" in json.dumps(ms)),
        ("a quarter turn", lambda ms: any(quarter_turn(m) for m in matrices(ms, "rotation"))),
        (
            "an oblique rotation",
            lambda ms: any(0 < abs(m[0][0]) < 1 for m in matrices(ms, "rotation")),
        ),
        ("a shear", lambda ms: any(sheared(m) for m in matrices(ms, "affine"))),
    ],
)
def test_multiscales_are_diverse(name: str, predicate: Any) -> None:
    find(
        documents_v06("image"),
        lambda doc: any(predicate(ms) for ms in doc["ome"]["multiscales"]),
        settings=FIND,
        random=Random(0),
    )


def test_scenes_link_images() -> None:
    find(
        documents_v06("scene", strict=True),
        lambda doc: (
            sum(
                '"path": "' in json.dumps(t)
                for t in doc["ome"]["scene"]["coordinateTransformations"]
            )
            >= 2
        ),
        settings=FIND,
        random=Random(0),
    )


def test_arguments_are_checked() -> None:
    with pytest.raises(ValueError, match="no omero groups"):
        documents_v06("omero")
    with pytest.raises(ValueError, match="valid=False"):
        documents_v06("image", valid=True, codes={"axes-order"})
    with pytest.raises(ValueError, match="breaks"):
        documents_v06("scene", valid=False, codes={"plate-rows-missing"})
    with pytest.raises(ValueError, match="ndim"):
        _v06.axes_v06(ndim=6)
    with pytest.raises(ValueError, match="type"):
        _v06.transformation_v06("warp")
    with pytest.raises(ValueError, match="max_levels"):
        _v06.multiscale_v06(max_levels=0)


@pytest.mark.parametrize("kind", TRANSFORMATION_TYPES)
def test_transformations_parse(kind: str) -> None:
    """The building block alone: every type parses, at every dimensionality."""
    for ndim in range(1, 6):
        t = find(
            _v06.transformation_v06(kind, ndim=ndim, by_path=False),
            lambda _: True,
            settings=FIND,
            random=Random(ndim),
        )
        parse_transform(t)


# A byDimension part may change the number of axes with a projectAxis (§projectAxis-md: N to M
# dimensions); the validator and the models accept it, the transforms refuse it.
PROJECTING_PART = {
    "type": "byDimension",
    "transformations": [
        {
            "transformation": {"type": "projectAxis", "droppedInputs": [0]},
            "inputAxes": [0, 1],
            "outputAxes": [1],
        },
        {"transformation": {"type": "identity"}, "inputAxes": [0], "outputAxes": [0]},
    ],
}


def test_by_dimension_with_a_projecting_part_parses() -> None:
    axes = [{"name": "y", "type": "space"}, {"name": "x", "type": "space"}]
    ms = {
        "coordinateSystems": [{"name": "a", "axes": axes}, {"name": "b", "axes": axes}],
        "datasets": [
            {
                "path": "0",
                "coordinateTransformations": [
                    {
                        "type": "scale",
                        "scale": [1, 1],
                        "input": {"path": "0"},
                        "output": {"name": "a"},
                    }
                ],
            }
        ],
        "coordinateTransformations": [
            {**PROJECTING_PART, "input": {"name": "a"}, "output": {"name": "b"}}
        ],
    }
    doc = {"ome": {"version": V06, "multiscales": [ms]}}
    report = validate_attributes(doc)
    assert report.valid, issues(report)
    assert v06.Image.model_validate(doc["ome"]).to_json_dict() == doc["ome"]
    parse_transform(PROJECTING_PART)


def test_module_docstring_lists_the_codes() -> None:
    """The MUST and SHOULD codes the module docstring lists are those its mutations break."""
    text = _v06.__doc__ or ""
    listed = {
        level: set(re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)+", part))
        for level, part in (
            ("must", text.split("* MUST:")[1].split("* SHOULD:")[0]),
            ("should", text.split("* SHOULD:")[1].split("* and those")[0]),
        )
    }
    assert listed["must"] == {m.code for m in _v06._M if not m.should}
    assert listed["should"] == {m.code for m in _v06._M if m.should}
