"""Shared test helpers: spec example loading and issue assertions."""

from __future__ import annotations

import copy
import json
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

from omezarr_models import Report, Severity

# Property tests: a bounded profile by default (CI), a deep one on request:
#   HYPOTHESIS_PROFILE=deep python -m pytest tests
settings.register_profile("default", max_examples=300, deadline=None)
settings.register_profile("deep", max_examples=20_000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

REPO = Path(__file__).resolve().parents[1]
#: The normative texts and their example documents, kept beside the repository (never copied in).
SPEC_DIR = REPO.parent / "shared" / "spec"


def spec_examples(version: str) -> list[Path]:
    """The example documents the spec text of ``version`` includes."""
    folder = SPEC_DIR / "examples" / version
    return sorted(folder.rglob("*.json")) if folder.is_dir() else []


def load_spec_example(path: Path) -> dict[str, Any]:
    """Load a spec example: its ``//`` comments (for clarity only, says the text) are removed;
    a full ``zarr.json`` gives its ``attributes``."""
    doc = json.loads(re.sub(r"//[^\n]*", "", path.read_text(encoding="utf-8")))
    return doc["attributes"] if "zarr_format" in doc else doc


def codes(report: Report, severity: Severity | None = None) -> set[str]:
    """The codes of a report's issues (of one severity if given)."""
    return {i.code for i in report.issues if severity is None or i.severity is severity}


def assert_valid(report: Report, *, no_warnings: bool = False) -> None:
    """Fail with the issues listed when the report is invalid (or has warnings, if asked)."""
    bad = report.errors + (report.warnings if no_warnings else [])
    assert not bad, "\n".join(f"{i.path} {i.code} {i.message}" for i in bad)


def assert_error(report: Report, code: str, path: str | None = None) -> None:
    """Fail unless the report is invalid with an error of ``code`` (at ``path`` if given)."""
    assert not report.valid, f"expected {code}, but the document is valid"
    hits = [i for i in report.errors if i.code == code and (path is None or i.path == path)]
    assert hits, f"expected error {code} at {path}; got " + ", ".join(
        f"{i.path} {i.code}" for i in report.issues
    )


def assert_warning(report: Report, code: str, path: str | None = None) -> None:
    """Fail unless the report has a warning of ``code`` (at ``path`` if given)."""
    hits = [i for i in report.warnings if i.code == code and (path is None or i.path == path)]
    assert hits, f"expected warning {code} at {path}; got " + ", ".join(
        f"{i.path} {i.code} {i.severity}" for i in report.issues
    )


def mutate(
    doc: dict[str, Any], path: Iterable[str | int], value: Any = ..., *, delete: bool = False
) -> dict[str, Any]:
    """Return a deep copy of ``doc`` with the value at ``path`` replaced (or deleted)."""
    out = copy.deepcopy(doc)
    keys = list(path)
    target: Any = out
    for key in keys[:-1]:
        target = target[key]
    if delete:
        del target[keys[-1]]
    else:
        target[keys[-1]] = value
    return out


@pytest.fixture
def spec_dir() -> Path:
    """The spec folder; tests using it are skipped (with the reason) if it is not beside the repo."""
    if not SPEC_DIR.is_dir():
        pytest.skip(f"spec texts not found at {SPEC_DIR}")
    return SPEC_DIR
