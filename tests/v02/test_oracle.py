"""The reference implementation (python-``jsonschema``) as an oracle for the schema-level rules.

Our validator runs ``jsonschema-rs`` on ``schemas/0.2`` and then the hand-written rules. For
every case whose rule a JSON Schema states (``rule="schema"`` in the section modules), the
reference implementation on our own schemas (a registry of every file of ``schemas/0.2`` by
``$id``) must reach the same verdict:

* ``schemas/0.2/attributes.schema.json`` accepts the document iff ``validate_attributes`` finds
  no error (SHOULD findings are warnings);
* ``schemas/0.2/strict/attributes.schema.json`` accepts it iff ``validate_attributes(...,
  strict=True)`` finds no error.

For the hand-written rules (``rule="hand"``) the schemas alone accept the document, so the case
isolates its rule.
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
from tests.conftest import REPO
from tests.v02.cases import LABEL_IMAGE, Case, all_cases, drop, keys

VERSION = "0.2"
SCHEMAS = REPO / "schemas" / VERSION
BASE_ID = f"https://omezarr.invalid/schemas/{VERSION}/"


@cache
def _resources() -> dict[str, dict[str, Any]]:
    out = {}
    for path in sorted(SCHEMAS.rglob("*.schema.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        out[doc["$id"]] = doc
    return out


@cache
def oracle(name: str) -> Draft202012Validator:
    """The reference validator of ``schemas/0.2/<name>.schema.json`` (``strict/...`` allowed)."""
    resources = _resources()
    registry: Registry[Any] = Registry().with_resources(
        (uri, Resource.from_contents(doc)) for uri, doc in resources.items()
    )
    return Draft202012Validator(resources[f"{BASE_ID}{name}.schema.json"], registry=registry)


CASES = [c for c in all_cases() if not c.xfail]
SCHEMA_CASES = [c for c in CASES if c.rule == "schema"]
HAND_CASES = [c for c in CASES if c.rule == "hand"]


def _error_paths(errors: Any) -> list[list[Any]]:
    """The instance paths of ``errors`` and of the errors of their subschemas (anyOf...)."""
    out = []
    for error in errors:
        out.append(list(error.absolute_path))
        out.extend(_error_paths(error.context or []))
    return out


def _ids(cases: list[Case]) -> list[Any]:
    return [pytest.param(c, id=c.id) for c in cases]


def test_every_case_id_is_unique() -> None:
    ids = [c.id for c in all_cases()]
    assert len(ids) == len(set(ids))
    assert len(SCHEMA_CASES) > 100
    assert len(HAND_CASES) > 15


def test_the_schemas_are_valid_draft_2020_12() -> None:
    names = {uri.removeprefix(BASE_ID) for uri in _resources()}
    kinds = ["attributes", "image", "label-image", "labels", "plate", "well"]
    assert names == {
        *(f"{n}.schema.json" for n in ["common", "multiscales", "omero", "image-label", *kinds]),
        "strict/should.schema.json",
        *(f"strict/{k}.schema.json" for k in kinds),
    }
    for doc in _resources().values():
        Draft202012Validator.check_schema(doc)
        # each version stands alone: no reference leaves it
        for ref in _refs(doc):
            assert "://" not in ref, ref


def _refs(node: Any) -> list[str]:
    if isinstance(node, dict):
        own = [node["$ref"]] if isinstance(node.get("$ref"), str) else []
        return own + [r for value in node.values() for r in _refs(value)]
    if isinstance(node, list):
        return [r for value in node for r in _refs(value)]
    return []


@pytest.mark.parametrize("case", _ids(SCHEMA_CASES))
def test_base_schema_agrees(case: Case) -> None:
    expected = case.level != "must"
    assert validate_attributes(case.doc, version=VERSION).valid is expected
    assert oracle("attributes").is_valid(case.doc) is expected
    if not expected:
        # the reference implementation also finds the problem where we report it
        where = _error_paths(oracle("attributes").iter_errors(case.doc))
        reported = [keys(p) for p, _ in case.expected()]
        assert any(p in where for p in reported), where


@pytest.mark.parametrize("case", _ids(SCHEMA_CASES))
def test_strict_schema_agrees(case: Case) -> None:
    expected = case.level == "valid"
    assert validate_attributes(case.doc, version=VERSION, strict=True).valid is expected
    assert oracle("strict/attributes").is_valid(case.doc) is expected


@pytest.mark.parametrize("case", _ids(HAND_CASES))
def test_hand_written_rules_are_beyond_the_schemas(case: Case) -> None:
    assert case.level != "valid"
    assert oracle("attributes").is_valid(case.doc)
    assert oracle("strict/attributes").is_valid(case.doc)
    assert not validate_attributes(case.doc, version=VERSION, strict=True).valid


# Each kind of group has a schema of its own that requires its keys; the code the validator
# reports for a missing key is the one the schema's x-codes name for it.
KIND_KEYS = [
    ("image", "multiscales", "multiscales-missing"),
    ("label-image", "multiscales", "label-image-multiscales-missing"),
    ("label-image", "image-label", "image-label-missing"),
    ("labels", "labels", "labels-missing"),
    ("plate", "plate", "plate-missing"),
    ("well", "well", "well-missing"),
]


@pytest.mark.parametrize(("kind", "key", "code"), KIND_KEYS)
def test_kind_schema_requires_its_keys(kind: str, key: str, code: str) -> None:
    [error] = [e for e in oracle(kind).iter_errors({}) if key in e.message]
    assert error.validator == "required"
    assert error.schema["x-codes"]["required"][key] == code
    assert code in CODES
    assert not oracle(f"strict/{kind}").is_valid({})


def test_label_image_schema_needs_multiscales() -> None:
    # "`image-label` groups MUST also contain `multiscales` metadata"
    assert oracle("label-image").is_valid(LABEL_IMAGE)
    fragment = drop(LABEL_IMAGE, "/multiscales")
    assert not oracle("label-image").is_valid(fragment)
    assert not oracle("strict/label-image").is_valid(fragment)


GROUP_KINDS = {"image", "label-image", "labels", "plate", "well"}
WITH_GROUP_SCHEMA = [
    c
    for c in CASES
    if c.level != "must" and validate_attributes(c.doc, version=VERSION).kind in GROUP_KINDS
]


@pytest.mark.parametrize("case", _ids(WITH_GROUP_SCHEMA))
def test_kind_schema_accepts_valid_documents(case: Case) -> None:
    kind = validate_attributes(case.doc, version=VERSION).kind
    assert oracle(kind).is_valid(case.doc)
    # SHOULD rules of the hand-written kind are beyond the strict schemas too
    strict_ok = case.level == "valid" or case.rule == "hand"
    assert oracle(f"strict/{kind}").is_valid(case.doc) is strict_ok
