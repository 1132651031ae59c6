"""SHOULD rules are warnings (the document stays valid) unless ``strict=True`` makes them errors."""

from __future__ import annotations

import pytest

from omezarr_models import Severity, validate_attributes
from tests.conftest import assert_valid
from tests.v04.cases import (
    AXES,
    IL,
    IMAGE,
    LABEL_IMAGE,
    MS,
    PLATE,
    Case,
    all_cases,
    change,
    drop,
    params,
)

SHOULD_CASES = [c for c in all_cases() if c.level == "should"]
MUST_CASES = [c for c in all_cases() if c.level == "must" and not c.xfail]


@pytest.mark.parametrize("case", params(SHOULD_CASES))
def test_should_rule_is_a_warning_unless_strict(case: Case) -> None:
    lax = validate_attributes(case.doc)
    strict = validate_attributes(case.doc, strict=True)
    assert lax.valid
    assert not strict.valid
    # the same findings in the same order: only the severity of the SHOULD finding changes
    assert [(i.path, i.code) for i in lax.issues] == [(i.path, i.code) for i in strict.issues]
    for before, after in zip(lax.issues, strict.issues, strict=True):
        if (before.path, before.code) == (case.pointer, case.code):
            assert (before.severity, after.severity) == (Severity.WARNING, Severity.ERROR)
        elif before.code == "version-missing":
            assert before.severity is after.severity is Severity.WARNING


@pytest.mark.parametrize("case", params(MUST_CASES))
def test_must_rule_is_an_error_either_way(case: Case) -> None:
    lax = validate_attributes(case.doc)
    strict = validate_attributes(case.doc, strict=True)
    for report in (lax, strict):
        assert any(
            (i.path, i.code, i.severity) == (case.pointer, case.code, Severity.ERROR)
            for i in report.issues
        )


def test_many_should_breaches_at_once() -> None:
    doc = drop(IMAGE, f"{MS}/name")
    doc = drop(doc, f"{MS}/type")
    doc = drop(doc, f"{MS}/metadata")
    doc = drop(doc, f"{AXES}/1/type")
    doc = drop(doc, f"{AXES}/4/unit")
    doc = change(doc, f"{AXES}/0/unit", "fortnight")
    expected = {
        (MS, "multiscale-name-missing"),
        (MS, "multiscale-type-missing"),
        (MS, "multiscale-metadata-missing"),
        (f"{AXES}/1", "axis-type-missing"),
        (f"{AXES}/4", "axis-unit-missing"),
        (f"{AXES}/0/unit", "axis-unit-unknown"),
    }
    lax = validate_attributes(doc)
    assert lax.valid
    assert {(i.path, i.code) for i in lax.warnings} == expected
    assert not lax.errors
    strict = validate_attributes(doc, strict=True)
    assert {(i.path, i.code) for i in strict.errors} == expected
    assert not strict.warnings
    assert "6 errors" in strict.message


def test_strict_documents_have_no_findings_at_all() -> None:
    for doc in (IMAGE, LABEL_IMAGE, PLATE):
        assert_valid(validate_attributes(doc, strict=True), no_warnings=True)
    # one SHOULD breach is enough to fail strict validation
    assert not validate_attributes(drop(LABEL_IMAGE, f"{IL}/colors"), strict=True).valid
