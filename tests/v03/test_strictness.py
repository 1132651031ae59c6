"""SHOULD rules are warnings (the document stays valid) unless ``strict=True`` makes them errors;
documents that declare 0.3 are judged as 0.3 without being told."""

from __future__ import annotations

from typing import Any

import pytest

from omezarr_models import Severity, validate_attributes
from tests.conftest import assert_valid
from tests.v03.cases import (
    ACQ_PTR,
    IMAGE,
    LABEL_IMAGE,
    LABELS,
    MS,
    PLATE,
    WELL,
    Case,
    all_cases,
    drop,
    params,
)

VERSION = "0.3"
CASES = all_cases()
SHOULD_CASES = [c for c in CASES if c.level == "should"]
MUST_CASES = [c for c in CASES if c.level == "must" and not c.xfail]


@pytest.mark.parametrize("case", params(SHOULD_CASES))
def test_should_rule_is_a_warning_unless_strict(case: Case) -> None:
    lax = validate_attributes(case.doc, version=VERSION)
    strict = validate_attributes(case.doc, version=VERSION, strict=True)
    assert lax.valid
    assert not strict.valid
    # the same findings in the same order: only the severity of the SHOULD finding changes
    assert [(i.path, i.code) for i in lax.issues] == [(i.path, i.code) for i in strict.issues]
    for before, after in zip(lax.issues, strict.issues, strict=True):
        if (before.path, before.code) == (case.pointer, case.code):
            assert (before.severity, after.severity) == (Severity.WARNING, Severity.ERROR)


@pytest.mark.parametrize("case", params(MUST_CASES))
def test_must_rule_is_an_error_either_way(case: Case) -> None:
    for strict in (False, True):
        report = validate_attributes(case.doc, version=VERSION, strict=strict)
        assert any(
            (i.path, i.code, i.severity) == (case.pointer, case.code, Severity.ERROR)
            for i in report.issues
        )


def test_strict_documents_have_no_findings_at_all() -> None:
    for doc in (IMAGE, LABEL_IMAGE, LABELS, PLATE, WELL):
        assert_valid(validate_attributes(doc, version=VERSION, strict=True), no_warnings=True)
    # one SHOULD breach is enough to fail strict validation
    assert not validate_attributes(drop(IMAGE, f"{MS}/type"), strict=True).valid
    assert not validate_attributes(drop(PLATE, f"{ACQ_PTR}/0/name"), strict=True).valid


def _declared(doc: dict[str, Any]) -> list[Any]:
    ms = doc.get("multiscales")
    holders = [m for m in ms if isinstance(m, dict)] if isinstance(ms, list) else []
    holders += [doc[k] for k in ("plate", "well", "image-label") if isinstance(doc.get(k), dict)]
    return [h["version"] for h in holders if "version" in h]


DECLARING = [
    c
    for c in CASES
    if _declared(c.doc) and set(map(repr, _declared(c.doc))) == {repr(VERSION)} and not c.xfail
]


@pytest.mark.parametrize("case", params(DECLARING))
def test_declared_version_is_detected(case: Case) -> None:
    # the same findings whether the version is given or read from the document
    for strict in (False, True):
        told = validate_attributes(case.doc, version=VERSION, strict=strict)
        found = validate_attributes(case.doc, strict=strict)
        assert found.version == VERSION
        assert [(i.path, i.code, i.severity) for i in found.issues] == [
            (i.path, i.code, i.severity) for i in told.issues
        ]
