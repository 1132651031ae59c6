"""The schemas themselves: well-formed, traceable to the spec text, coded from the catalogue."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from omezarr_models import schemas
from omezarr_models.codes import CODES
from tests.conftest import REPO, SPEC_DIR

SCHEMA_FILES = sorted((REPO / "schemas").rglob("*.schema.json"))


def _walk(node: Any) -> Any:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=lambda p: str(p.relative_to(REPO / "schemas")))
def test_schema_is_valid_draft_2020_12(path: Path) -> None:
    doc = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(doc)
    assert doc["$schema"] == "https://json-schema.org/draft/2020-12/schema"


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=lambda p: str(p.relative_to(REPO / "schemas")))
def test_schema_id_matches_its_location(path: Path) -> None:
    doc = json.loads(path.read_text(encoding="utf-8"))
    rel = path.relative_to(REPO / "schemas").as_posix()
    assert doc["$id"] == schemas.ID_BASE + rel


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=lambda p: str(p.relative_to(REPO / "schemas")))
def test_schema_codes_are_in_the_catalogue(path: Path) -> None:
    doc = json.loads(path.read_text(encoding="utf-8"))
    used: set[str] = set()
    for node in _walk(doc):
        if "x-code" in node:
            used.add(node["x-code"])
        for entry in node.get("x-codes", {}).values():
            used.update(entry.values() if isinstance(entry, dict) else [entry])
    assert used <= set(CODES), sorted(used - set(CODES))


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=lambda p: str(p.relative_to(REPO / "schemas")))
def test_schema_sections_exist_in_the_spec_text(path: Path, spec_dir: Path) -> None:
    version = path.relative_to(REPO / "schemas").parts[0]
    text = (spec_dir / f"ngff-{version}.md").read_text(encoding="utf-8")
    anchors = set(re.findall(r"^\((?:version[0-9.]+:)?([A-Za-z0-9-]+)\)=?$", text, flags=re.M))
    anchors |= {"metadata"}  # the "OME-Zarr Metadata" / "Metadata" heading of every version
    doc = json.loads(path.read_text(encoding="utf-8"))
    used = {node["x-spec"] for node in _walk(doc) if "x-spec" in node}
    assert used <= anchors, sorted(used - anchors)


def test_every_code_a_rule_reports_is_in_the_catalogue() -> None:
    """Codes are string literals passed to Collector.must/should/note and Issue(...)."""
    found: set[str] = set()
    for path in (REPO / "src" / "omezarr_models").rglob("*.py"):
        if "_generated" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            args = node.args
            if name in {"_unusable", "problem"} and args:
                arg = args[0]
            elif name in {"must", "should", "note", "error", "warn", "Issue"} and len(args) >= 4:
                # Collector: (path, code, message, section); Walk: (file, path, code, ...)
                arg = args[2] if len(args) == 5 and name != "Issue" else args[1]
            else:
                continue
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found.add(arg.value)
    assert found, "no codes found: the scan is broken"
    assert found <= set(CODES), sorted(found - set(CODES))


def test_codes_are_kebab_case() -> None:
    for code in CODES:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", code), code


@pytest.mark.parametrize("version", ["0.4", "0.5", "0.6rc0"])
def test_strict_variant_exists_for_every_kind(version: str) -> None:
    kinds = [
        "attributes",
        "image",
        "label-image",
        "labels",
        "plate",
        "well",
        "bioformats2raw",
        "series",
    ]
    for kind in kinds:
        strict = schemas.load_schema(version, kind, strict=True)
        refs = [part["$ref"] for part in strict["allOf"]]
        assert refs[0] == f"../{kind}.schema.json"
        assert refs[1].startswith("should.schema.json")


def test_versions_with_schemas() -> None:
    assert schemas.versions() == ("0.1", "0.2", "0.3", "0.4", "0.5", "0.6rc0")
    assert "image" in schemas.kinds("0.4")


def test_unknown_schema_is_a_key_error() -> None:
    with pytest.raises(KeyError, match="no schema 'nothing'"):
        schemas.load_schema("0.4", "nothing")


def test_spec_dir_is_beside_the_repository() -> None:
    # CI provides ../shared; the spec-dependent tests would otherwise all skip silently.
    assert SPEC_DIR.is_dir(), f"{SPEC_DIR} is missing"
