"""The reference implementation (python-``jsonschema``) as an oracle for the schema-level rules.

Our validator runs ``jsonschema-rs`` on ``schemas/0.4`` and then the hand-written rules. For
every case whose rule a JSON Schema states (``rule="schema"`` in the section modules), the
reference implementation on our own schemas must reach the same verdict:

* ``schemas/0.4/attributes.schema.json`` accepts the document iff ``validate_attributes`` finds
  no error (SHOULD findings are warnings);
* ``schemas/0.4/strict/attributes.schema.json`` accepts it iff ``validate_attributes(...,
  strict=True)`` finds no error.

Left out of the comparison (``rule="hand"``): what a JSON Schema cannot state, i.e. unique axis
names, dataset paths, label values, acquisition ids, row/column names and wells; the order of
axes and of scale/translation; zyx order; vector lengths against the number of axes; well paths
and indices that agree with the rows and columns; case collisions of names; relative paths;
fields that must name their acquisition; agreeing versions; and integral floats such as ``1.0``
where an integer is required (JSON Schema counts ``1.0`` as an integer). For those the test
below checks the opposite: the schemas alone accept the document, so the case isolates its rule.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from omezarr_models import validate_attributes
from omezarr_models.codes import CODES
from tests.conftest import REPO, load_spec_example, spec_examples
from tests.v04.cases import LABEL_IMAGE, Case, all_cases, drop, keys

SCHEMAS = REPO / "schemas" / "0.4"
BASE_ID = "https://omezarr.invalid/schemas/0.4/"


@cache
def _resources() -> dict[str, dict[str, Any]]:
    out = {}
    for path in sorted(SCHEMAS.rglob("*.schema.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        out[doc["$id"]] = doc
    return out


@cache
def oracle(name: str) -> Draft202012Validator:
    """The reference validator of ``schemas/0.4/<name>.schema.json`` (``strict/...`` allowed)."""
    resources = _resources()
    registry: Registry[Any] = Registry().with_resources(
        (uri, Resource.from_contents(doc)) for uri, doc in resources.items()
    )
    return Draft202012Validator(resources[f"{BASE_ID}{name}.schema.json"], registry=registry)


CASES = all_cases()
# Where python-jsonschema itself departs from JSON Schema: it matches "pattern" with Python's
# re.search, whose "$" also matches before a final newline (ECMA-262's does not).
QUIRKS = {"omero/color-trailing-newline"}
SCHEMA_CASES = [c for c in CASES if c.rule == "schema" and c.id not in QUIRKS]
HAND_CASES = [c for c in CASES if c.rule == "hand"]


def _error_paths(errors: Any) -> list[list[Any]]:
    """The instance paths of ``errors`` and of the errors of their subschemas (oneOf, anyOf)."""
    out = []
    for error in errors:
        out.append(list(error.absolute_path))
        out.extend(_error_paths(error.context or []))
    return out


def _ids(cases: list[Case]) -> list[Any]:
    return [pytest.param(c, id=c.id) for c in cases]


def test_every_case_id_is_unique() -> None:
    ids = [c.id for c in CASES]
    assert len(ids) == len(set(ids))
    assert len(SCHEMA_CASES) > 200
    assert len(HAND_CASES) > 50


def test_the_schemas_are_valid_draft_2020_12() -> None:
    assert len(_resources()) >= 20
    for uri, doc in _resources().items():
        assert uri.startswith(BASE_ID)
        Draft202012Validator.check_schema(doc)


@pytest.mark.parametrize("case", _ids(SCHEMA_CASES))
def test_base_schema_agrees(case: Case) -> None:
    expected = case.level != "must"
    assert validate_attributes(case.doc).valid is expected
    assert oracle("attributes").is_valid(case.doc) is expected
    if not expected:
        # the reference implementation also finds the problem where we report it
        where = _error_paths(oracle("attributes").iter_errors(case.doc))
        assert keys(case.pointer or "") in where, where


@pytest.mark.parametrize("case", _ids(SCHEMA_CASES))
def test_strict_schema_agrees(case: Case) -> None:
    expected = case.level == "valid"
    assert validate_attributes(case.doc, strict=True).valid is expected
    assert oracle("strict/attributes").is_valid(case.doc) is expected


@pytest.mark.parametrize("case", _ids(HAND_CASES))
def test_hand_written_rules_are_beyond_the_schemas(case: Case) -> None:
    assert case.level != "valid"
    assert oracle("attributes").is_valid(case.doc)
    assert oracle("strict/attributes").is_valid(case.doc)
    assert not validate_attributes(case.doc, strict=True).valid


# Each kind of group has a schema of its own that requires its keys; the code the validator
# reports for a missing key is the one the schema's x-codes name for it.
KIND_KEYS = [
    ("image", "multiscales", "multiscales-missing"),
    ("label-image", "multiscales", "label-image-multiscales-missing"),
    ("label-image", "image-label", "image-label-missing"),
    ("labels", "labels", "labels-missing"),
    ("plate", "plate", "plate-missing"),
    ("well", "well", "well-missing"),
    ("bioformats2raw", "bioformats2raw.layout", "bf2raw-layout-missing"),
    ("series", "series", "series-missing"),
]


@pytest.mark.parametrize(("kind", "key", "code"), KIND_KEYS)
def test_kind_schema_requires_its_keys(kind: str, key: str, code: str) -> None:
    [error] = [e for e in oracle(kind).iter_errors({}) if key in e.message]
    assert error.validator == "required"
    assert error.schema["x-codes"]["required"][key] == code
    assert code in CODES


def test_label_image_schema_needs_multiscales() -> None:
    # "`image-label` groups MUST also contain `multiscales` metadata"
    assert oracle("label-image").is_valid(LABEL_IMAGE)
    fragment = drop(LABEL_IMAGE, "/multiscales")
    assert not oracle("label-image").is_valid(fragment)
    assert not oracle("strict/label-image").is_valid(fragment)


# The kinds of group that have a schema of their own (an "omero" block alone has none).
GROUP_KINDS = {"image", "label-image", "labels", "plate", "well", "bioformats2raw", "series"}
WITH_GROUP_SCHEMA = [
    c for c in CASES if c.level != "must" and validate_attributes(c.doc).kind in GROUP_KINDS
]


@pytest.mark.parametrize("case", _ids(WITH_GROUP_SCHEMA))
def test_kind_schema_accepts_valid_documents(case: Case) -> None:
    kind = validate_attributes(case.doc).kind
    assert oracle(kind).is_valid(case.doc)
    # SHOULD rules of the hand-written kind are beyond the strict schemas too
    strict_ok = case.level == "valid" or case.rule == "hand"
    assert oracle(f"strict/{kind}").is_valid(case.doc) is strict_ok


def test_python_pattern_quirk() -> None:
    # "a string of 6 hexadecimal digits": a final newline is a 7th character. We reject it; the
    # oracle's Python regex lets "$" match before it, which is why the case is left out above.
    [case] = [c for c in CASES if c.id == "omero/color-trailing-newline"]
    assert not validate_attributes(case.doc).valid
    assert oracle("attributes").is_valid(case.doc)


EXAMPLES = spec_examples("0.4")


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.parent.name + "/" + p.name for p in EXAMPLES])
def test_examples_pass_the_oracle(path: Any) -> None:
    doc = load_spec_example(path)
    assert oracle("attributes").is_valid(doc)
    if path.parent.name.endswith("_strict"):
        assert oracle("strict/attributes").is_valid(doc)
