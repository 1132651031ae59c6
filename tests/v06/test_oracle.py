"""The reference JSON Schema implementation (python-jsonschema) as an oracle for 0.6rc0 verdicts.

As for 0.5 (:mod:`tests.v05.test_oracle`): the schemas are run again by python-jsonschema on
every rule case and on the spec examples. For **schema-level** cases the verdicts must agree
(``attributes.schema.json`` against ``validate_attributes(doc)``, ``strict/attributes.schema.json``
against ``strict=True``); for the cases beyond the schemas' reach, the oracle must *accept* the
document the validator rejects:

* the hand-written rules (``HAND_WRITTEN``): the 0.5 ones, and 0.6's unique coordinate system
  names, references to coordinate systems, dimensionality of parameters and matrices, axis
  indices against the axes, rotations, the dataset and multiscale constraints that compare
  values, the connected graph and the SHOULDs on scale values, affines and bijections;
* the engine's own checks (``ENGINE``);
* integral floats where an integer is required;
* ``affine-shape-mismatch`` is the schema's for an empty matrix or row, the rules' otherwise;
  a label image's coordinate system without a name is the rules' (the schema asks a name of
  scene and dataset references only).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from tests.conftest import REPO, load_spec_example, spec_examples
from tests.v05.test_oracle import ENGINE
from tests.v05.test_oracle import HAND_WRITTEN as V05_HAND_WRITTEN
from tests.v06 import (
    test_coordinate_systems,
    test_multiscales,
    test_ported,
    test_scene,
    test_transformations,
    test_well,
)
from tests.v06.cases import MS_CT, Case, resolve
from tests.v06.test_examples import INVALID, NOT_STRICT, attributes, name_of

V = "0.6rc0"
SCHEMAS = REPO / "schemas" / V
ID_BASE = f"https://omezarr.invalid/schemas/{V}/"

HAND_WRITTEN = V05_HAND_WRITTEN | {
    "dataset-path-invalid",
    "coordinate-system-names-not-unique",
    "coordinate-system-unknown",
    "coordinate-system-ndim-mismatch",
    "coordinate-systems-not-connected",
    "transformation-dimensionality-mismatch",
    "map-axis-length-mismatch",
    "map-axis-index-out-of-range",
    "project-axis-index-out-of-range",
    "rotation-shape-mismatch",
    "rotation-not-orthonormal",
    "scale-value-zero",
    "affine-simpler-type-available",
    "by-dimension-axis-out-of-range",
    "by-dimension-output-axis-repeated",
    "by-dimension-output-axis-missing",
    "bijection-direction-invertible",
    "dataset-transformation-input-mismatch",
    "dataset-transformation-outputs-differ",
    "dataset-sequence-invalid",
    "multiscale-transformation-not-intrinsic",
    "multiscale-transformation-reference-invalid",
    "labels-transformation-type-not-allowed",
    "transformation-array-location",
}

SECTIONS = {
    "coordinate_systems": test_coordinate_systems.CASES,
    "transformations": test_transformations.CASES,
    "multiscales": test_multiscales.CASES,
    "scene": test_scene.CASES,
    "well": test_well.CASES,
    "ported": test_ported.CASES,
}
#: Every rule case, named by its file.
ALL_CASES: list[tuple[str, Case]] = [(name, c) for name, cases in SECTIONS.items() for c in cases]


def named(cases: list[tuple[str, Case]]) -> list[Any]:
    return [pytest.param(c, id=f"{name}/{c.level}:{c.id}") for name, c in cases]


@cache
def _registry() -> Registry[Any]:
    resources = []
    for path in sorted(SCHEMAS.rglob("*.schema.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        resources.append(
            (doc["$id"], Resource.from_contents(doc, default_specification=DRAFT202012))
        )
    return Registry().with_resources(resources)


@cache
def _validators() -> tuple[jsonschema.Draft202012Validator, jsonschema.Draft202012Validator]:
    registry = _registry()
    base = registry.contents(f"{ID_BASE}attributes.schema.json")
    strict = registry.contents(f"{ID_BASE}strict/attributes.schema.json")
    return (
        jsonschema.Draft202012Validator(base, registry=registry),
        jsonschema.Draft202012Validator(strict, registry=registry),
    )


def schema_level(case: Case) -> bool:
    """Whether the verdict on ``case`` is the schemas' alone (see the module docstring)."""
    if case.level == "valid":
        return True
    assert case.code is not None
    assert case.pointer is not None
    if case.code in HAND_WRITTEN or case.code in ENGINE:
        return False
    value = resolve(case.doc, case.pointer)
    if type(value) is float and value.is_integer():
        return False
    if case.code == "affine-shape-mismatch":
        return value == []
    if case.code.endswith("-name-missing") and case.pointer.startswith(MS_CT):
        return False
    return not (case.code == "well-index-out-of-range" and value >= 0)


COMPARED = [(n, c) for n, c in ALL_CASES if c.version in (None, V) and not c.marks]
SCHEMA_LEVEL = [(n, c) for n, c in COMPARED if schema_level(c)]
BEYOND = [(n, c) for n, c in COMPARED if not schema_level(c)]


def test_registry_holds_every_schema() -> None:
    files = list(SCHEMAS.rglob("*.schema.json"))
    ids = {json.loads(p.read_text(encoding="utf-8"))["$id"] for p in files}
    assert len(ids) == len(files) >= 25
    for schema_id in ids:
        assert schema_id.startswith(ID_BASE)


def test_the_split_is_not_empty() -> None:
    assert len(SCHEMA_LEVEL) > 200
    assert len(BEYOND) > 60
    new = HAND_WRITTEN - V05_HAND_WRITTEN
    assert {c.code for _, c in BEYOND} >= new


@pytest.mark.parametrize("case", named(SCHEMA_LEVEL))
def test_reference_agrees_on_schema_level_case(case: Case) -> None:
    base, strict = _validators()
    assert base.is_valid(case.doc) is case.report().valid, [
        e.message for e in base.iter_errors(case.doc)
    ]
    assert strict.is_valid(case.doc) is case.report(strict=True).valid, [
        e.message for e in strict.iter_errors(case.doc)
    ]


@pytest.mark.parametrize("case", named(BEYOND))
def test_reference_accepts_what_only_the_rules_reject(case: Case) -> None:
    base, strict = _validators()
    assert base.is_valid(case.doc)
    if case.level == "must":
        assert not case.report().valid
    else:
        assert case.report().valid
        assert strict.is_valid(case.doc)
        assert not case.report(strict=True).valid


@pytest.mark.parametrize("path", [pytest.param(p, id=name_of(p)) for p in spec_examples(V)])
def test_reference_on_the_spec_examples(spec_dir: Path, path: Path) -> None:
    base, strict = _validators()
    attrs = attributes(path)
    name = name_of(path)
    schema_errors = {"transformation-reference-not-object"}
    expected_base = not any(code in schema_errors for _, code in INVALID.get(name, ()))
    assert base.is_valid(attrs) is expected_base
    if name in NOT_STRICT:
        assert not strict.is_valid(attrs)
    elif path.parent.name.endswith("_strict"):
        assert strict.is_valid(attrs)


def test_reference_reads_the_examples_like_the_loader(spec_dir: Path) -> None:
    # the loader strips the text's comments: the strict multiscales example is pure JSON after
    example = spec_dir / "examples" / V / "multiscales_strict" / "multiscales_example.json"
    assert "//" in example.read_text(encoding="utf-8")
    assert _validators()[1].is_valid(load_spec_example(example))
