"""The reference JSON Schema implementation (python-jsonschema) as an oracle for 0.5 verdicts.

The validator runs our schemas with jsonschema-rs and maps the failures to codes; here the
schemas are run again, by python-jsonschema, on every rule case of the section files and on the
spec examples. For **schema-level** cases the two verdicts must agree: ``attributes.schema.json``
against ``validate_attributes(doc)``, ``strict/attributes.schema.json`` against
``validate_attributes(doc, strict=True)``.

Cases outside the schemas' reach are not compared for agreement; for them the oracle must
*accept* the document that the validator rejects, which shows the rule is really beyond the schema:

* the hand-written rules (``HAND_WRITTEN``: unique names, ids, paths and label values, axis order,
  zyx, translation after scale, vector lengths, well paths against rows/columns and indices,
  fields without an acquisition in a well whose fields name several);
* the engine's own checks (``ENGINE``: nested versions against ``ome.version``, unknown versions);
* integral floats such as ``1.0`` where an integer is required: JSON Schema counts ``1.0`` as an
  integer, the spec's "integer" does not (reported as ``wrong-type`` or ``label-rgba-invalid``);
* an index past the end of rows/columns (a negative index is the schema's ``minimum``).
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

from omezarr_models import validate_attributes
from tests.conftest import REPO, load_spec_example, spec_examples
from tests.v05 import (
    test_axes,
    test_bioformats2raw,
    test_labels,
    test_multiscales,
    test_namespace,
    test_omero,
    test_plate,
    test_well,
)
from tests.v05.cases import PLATE, Case, changed, plate, resolve

SCHEMAS = REPO / "schemas" / "0.5"
ID_BASE = "https://omezarr.invalid/schemas/0.5/"

HAND_WRITTEN = {
    "axis-names-not-unique",
    "axes-order",
    "space-axes-not-zyx",
    "dataset-paths-not-unique",
    "translation-before-scale",
    "scale-length-mismatch",
    "translation-length-mismatch",
    "row-names-not-unique",
    "column-names-not-unique",
    "row-names-case-collision",
    "column-names-case-collision",
    "acquisition-ids-not-unique",
    "well-paths-not-unique",
    "well-path-row-unknown",
    "well-path-column-unknown",
    "well-index-mismatch",
    "well-image-paths-not-unique",
    "well-image-acquisition-missing",
    "label-values-not-unique",
}
ENGINE = {"version-mismatch", "version-unknown", "version-invalid", "ome-key-outside-namespace"}

SECTIONS = {
    "namespace": test_namespace.CASES,
    "axes": test_axes.CASES,
    "multiscales": test_multiscales.CASES,
    "omero": test_omero.CASES,
    "labels": test_labels.CASES,
    "plate": test_plate.CASES,
    "well": test_well.CASES,
    "bioformats2raw": test_bioformats2raw.CASES,
}
#: Every rule case, named by its file.
ALL_CASES: list[tuple[str, Case]] = [(name, c) for name, cases in SECTIONS.items() for c in cases]


def named(cases: list[tuple[str, Case]]) -> list[Any]:
    return [pytest.param(c, id=f"{name}/{c.level}:{c.id}") for name, c in cases]


@cache
def _registry() -> Registry[Any]:
    """Every ``schemas/0.5/**/*.schema.json``, keyed by its ``$id``."""
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
    return not (case.code == "well-index-out-of-range" and value >= 0)


# Cases judged as another version, or marked (known bugs), are left out.
COMPARED = [(n, c) for n, c in ALL_CASES if c.version in (None, "0.5") and not c.marks]
SCHEMA_LEVEL = [(n, c) for n, c in COMPARED if schema_level(c)]
BEYOND = [(n, c) for n, c in COMPARED if not schema_level(c)]


def test_registry_holds_every_0_5_schema() -> None:
    files = list(SCHEMAS.rglob("*.schema.json"))
    ids = {json.loads(p.read_text(encoding="utf-8"))["$id"] for p in files}
    assert len(ids) == len(files) >= 20
    for schema_id in ids:
        assert schema_id.startswith(ID_BASE)
        assert _registry().contents(schema_id)["$id"] == schema_id


def test_the_split_is_not_empty() -> None:
    assert len(SCHEMA_LEVEL) > 150
    assert len(BEYOND) > 40
    assert {c.code for _, c in BEYOND} >= HAND_WRITTEN | {"version-mismatch"}


@pytest.mark.parametrize("case", named(SCHEMA_LEVEL))
def test_reference_agrees_on_schema_level_case(case: Case) -> None:
    base, strict = _validators()
    ours = case.report()
    ours_strict = case.report(strict=True)
    assert base.is_valid(case.doc) is ours.valid, [e.message for e in base.iter_errors(case.doc)]
    assert strict.is_valid(case.doc) is ours_strict.valid, [
        e.message for e in strict.iter_errors(case.doc)
    ]


@pytest.mark.parametrize("case", named(BEYOND))
def test_reference_accepts_what_only_the_rules_reject(case: Case) -> None:
    base, strict = _validators()
    if case.level == "must":
        assert base.is_valid(case.doc)
        assert not case.report().valid
    else:
        assert base.is_valid(case.doc)
        assert case.report().valid
        assert strict.is_valid(case.doc)
        assert not case.report(strict=True).valid


@pytest.mark.parametrize(
    "path",
    [pytest.param(p, id=p.relative_to(p.parents[1]).as_posix()) for p in spec_examples("0.5")],
)
def test_reference_accepts_the_spec_examples(spec_dir: Path, path: Path) -> None:
    base, strict = _validators()
    attrs = load_spec_example(path)
    assert base.is_valid(attrs)
    if path.parent.name.endswith("_strict"):
        assert strict.is_valid(attrs)
    assert strict.is_valid(attrs) is validate_attributes(attrs, strict=True).valid


@pytest.mark.parametrize("value", ["100", True, None], ids=repr)
def test_reference_agrees_that_strings_and_booleans_are_not_numbers(value: Any) -> None:
    base, _ = _validators()
    doc = plate(field_count=value)
    assert not base.is_valid(doc)
    assert not validate_attributes(doc).valid


def test_reference_counts_an_integral_float_as_an_integer() -> None:
    # The one place where the validator is stricter than JSON Schema on types.
    base, strict = _validators()
    doc = changed(plate(), f"{PLATE}/field_count", 2.0)
    assert base.is_valid(doc)
    assert strict.is_valid(doc)
    report = validate_attributes(doc)
    assert [(i.path, i.code) for i in report.errors] == [(f"{PLATE}/field_count", "wrong-type")]
