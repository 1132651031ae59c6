"""The reference implementation (python-``jsonschema``) as an oracle for 0.1, 0.2 and 0.3.

Our validator runs ``jsonschema-rs`` on ``schemas/<version>`` and then the hand-written rules.
For every case whose rule a JSON Schema states (``rule="schema"`` in the section modules of
``tests/v01``…``tests/v03``), the reference implementation on our own schemas (a registry of
every file of ``schemas/<version>`` by ``$id``) must reach the same verdict:

* ``schemas/<version>/attributes.schema.json`` accepts the document iff ``validate_attributes``
  finds no error (SHOULD findings are warnings);
* ``schemas/<version>/strict/attributes.schema.json`` accepts it iff ``validate_attributes(...,
  strict=True)`` finds no error.

For the hand-written rules (``rule="hand"``) the schemas alone accept the document, so the case
isolates its rule. The three texts share this machinery; each version's cases are its own.
"""

from __future__ import annotations

import importlib
import json
from functools import cache
from types import ModuleType
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from omezarr_models import validate_attributes
from omezarr_models.codes import CODES
from tests.conftest import REPO
from tests.early_cases import Case, drop, keys

VERSIONS = ("0.1", "0.2", "0.3")


def _cases_module(version: str) -> ModuleType:
    """``tests.v01.cases`` for ``"0.1"``, and so on."""
    return importlib.import_module(f"tests.v0{version[-1]}.cases")


def _base_id(version: str) -> str:
    return f"https://omezarr.invalid/schemas/{version}/"


@cache
def _resources(version: str) -> dict[str, dict[str, Any]]:
    out = {}
    for path in sorted((REPO / "schemas" / version).rglob("*.schema.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        out[doc["$id"]] = doc
    return out


@cache
def oracle(version: str, name: str) -> Draft202012Validator:
    """The reference validator of ``schemas/<version>/<name>.schema.json`` (``strict/...`` too)."""
    resources = _resources(version)
    registry: Registry[Any] = Registry().with_resources(
        (uri, Resource.from_contents(doc)) for uri, doc in resources.items()
    )
    schema = resources[f"{_base_id(version)}{name}.schema.json"]
    return Draft202012Validator(schema, registry=registry)


CASES = {v: [c for c in _cases_module(v).all_cases() if not c.xfail] for v in VERSIONS}
GROUP_KINDS = {"image", "label-image", "labels", "plate", "well"}


def _params(rule: str | None = None, *, group_schema: bool = False) -> list[Any]:
    out = []
    for version in VERSIONS:
        for case in CASES[version]:
            if rule is not None and case.rule != rule:
                continue
            if group_schema and (
                case.level == "must"
                or validate_attributes(case.doc, version=version).kind not in GROUP_KINDS
            ):
                continue
            out.append(pytest.param(version, case, id=f"{version}-{case.id}"))
    return out


def _error_paths(errors: Any) -> list[list[Any]]:
    """The instance paths of ``errors`` and of the errors of their subschemas (anyOf...)."""
    out = []
    for error in errors:
        out.append(list(error.absolute_path))
        out.extend(_error_paths(error.context or []))
    return out


@pytest.mark.parametrize("version", VERSIONS)
def test_every_case_id_is_unique(version: str) -> None:
    ids = [c.id for c in _cases_module(version).all_cases()]
    assert len(ids) == len(set(ids))
    assert len([c for c in CASES[version] if c.rule == "schema"]) > 100
    assert len([c for c in CASES[version] if c.rule == "hand"]) > 15


@pytest.mark.parametrize("version", VERSIONS)
def test_the_schemas_are_valid_draft_2020_12(version: str) -> None:
    names = {uri.removeprefix(_base_id(version)) for uri in _resources(version)}
    kinds = ["attributes", "image", "label-image", "labels", "plate", "well"]
    assert names == {
        *(f"{n}.schema.json" for n in ["common", "multiscales", "omero", "image-label", *kinds]),
        "strict/should.schema.json",
        *(f"strict/{k}.schema.json" for k in kinds),
    }
    for doc in _resources(version).values():
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


@pytest.mark.parametrize(("version", "case"), _params("schema"))
def test_base_schema_agrees(version: str, case: Case) -> None:
    expected = case.level != "must"
    assert validate_attributes(case.doc, version=version).valid is expected
    assert oracle(version, "attributes").is_valid(case.doc) is expected
    if not expected:
        # the reference implementation also finds the problem where we report it
        where = _error_paths(oracle(version, "attributes").iter_errors(case.doc))
        reported = [keys(p) for p, _ in case.expected()]
        assert any(p in where for p in reported), where


@pytest.mark.parametrize(("version", "case"), _params("schema"))
def test_strict_schema_agrees(version: str, case: Case) -> None:
    expected = case.level == "valid"
    assert validate_attributes(case.doc, version=version, strict=True).valid is expected
    assert oracle(version, "strict/attributes").is_valid(case.doc) is expected


@pytest.mark.parametrize(("version", "case"), _params("hand"))
def test_hand_written_rules_are_beyond_the_schemas(version: str, case: Case) -> None:
    assert case.level != "valid"
    assert oracle(version, "attributes").is_valid(case.doc)
    assert oracle(version, "strict/attributes").is_valid(case.doc)
    assert not validate_attributes(case.doc, version=version, strict=True).valid


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


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize(("kind", "key", "code"), KIND_KEYS)
def test_kind_schema_requires_its_keys(version: str, kind: str, key: str, code: str) -> None:
    [error] = [e for e in oracle(version, kind).iter_errors({}) if key in e.message]
    assert error.validator == "required"
    assert error.schema["x-codes"]["required"][key] == code
    assert code in CODES
    assert not oracle(version, f"strict/{kind}").is_valid({})


@pytest.mark.parametrize("version", VERSIONS)
def test_label_image_schema_needs_multiscales(version: str) -> None:
    # "`image-label` groups MUST also contain `multiscales` metadata"
    label_image = _cases_module(version).LABEL_IMAGE
    assert oracle(version, "label-image").is_valid(label_image)
    fragment = drop(label_image, "/multiscales")
    assert not oracle(version, "label-image").is_valid(fragment)
    assert not oracle(version, "strict/label-image").is_valid(fragment)


@pytest.mark.parametrize(("version", "case"), _params(group_schema=True))
def test_kind_schema_accepts_valid_documents(version: str, case: Case) -> None:
    kind = validate_attributes(case.doc, version=version).kind
    assert oracle(version, kind).is_valid(case.doc)
    # SHOULD rules of the hand-written kind are beyond the strict schemas too
    strict_ok = case.level == "valid" or case.rule == "hand"
    assert oracle(version, f"strict/{kind}").is_valid(case.doc) is strict_ok
