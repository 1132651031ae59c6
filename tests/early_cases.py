"""The rule-case machinery of the 0.1, 0.2 and 0.3 suites (their texts differ, the checking does not).

A :class:`Case` is a document with the verdict expected of it (``valid``, a ``must`` error or a
``should`` warning at a JSON pointer); ``make_check(version)`` validates a case as that version
with and without ``strict``. Each version's ``cases.py`` holds its documents and binds these.
"""

from __future__ import annotations

import copy
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

import pytest

from omezarr_models import Severity, validate_attributes

Level = Literal["valid", "must", "should"]
Rule = Literal["schema", "hand"]


def keys(pointer: str) -> list[str | int]:
    """The keys of a JSON pointer (array indices as ints)."""
    out: list[str | int] = []
    for token in pointer.split("/")[1:]:
        token = token.replace("~1", "/").replace("~0", "~")
        out.append(int(token) if token.isdigit() else token)
    return out


def change(doc: dict[str, Any], pointer: str, value: Any) -> dict[str, Any]:
    """A deep copy of ``doc`` with the value at ``pointer`` set (a list index may be appended)."""
    out = copy.deepcopy(doc)
    path = keys(pointer)
    target: Any = out
    for key in path[:-1]:
        target = target[key]
    last = path[-1]
    if isinstance(target, list) and last == len(target):
        target.append(value)
    else:
        target[last] = value
    return out


def drop(doc: dict[str, Any], pointer: str) -> dict[str, Any]:
    """A deep copy of ``doc`` without the value at ``pointer``."""
    out = copy.deepcopy(doc)
    path = keys(pointer)
    target: Any = out
    for key in path[:-1]:
        target = target[key]
    del target[path[-1]]
    return out


def merge(doc: dict[str, Any], **top: Any) -> dict[str, Any]:
    """A deep copy of ``doc`` with top-level keys added or replaced."""
    out = copy.deepcopy(doc)
    out.update(copy.deepcopy(top))
    return out


# --------------------------------------------------------------------------------------------
# Cases


@dataclass(frozen=True)
class Case:
    """One document and the verdict expected of it (see the module docstring)."""

    id: str
    doc: dict[str, Any]
    level: Level
    code: str | None = None
    pointer: str | None = None
    section: str | None = None
    rule: Rule = "schema"
    also: tuple[tuple[str, str], ...] = ()
    #: Set for a case the validator gets wrong today: the reason, starting with "BUG:".
    xfail: str | None = None

    @property
    def versionless(self) -> bool:
        """True when the document declares no version anywhere."""
        ms = self.doc.get("multiscales")
        if isinstance(ms, list) and any(isinstance(m, dict) and "version" in m for m in ms):
            return False
        return not any(
            isinstance(self.doc.get(key), dict) and "version" in self.doc[key]
            for key in ("plate", "well", "image-label")
        )

    def expected(self) -> set[tuple[str, str]]:
        """Every (pointer, code) the report must hold, and no other."""
        out = set(self.also)
        if self.code is not None:
            assert self.pointer is not None
            out.add((self.pointer, self.code))
        return out

    def param(self) -> Any:
        """The case as a ``pytest.param``, marked ``xfail(strict=True)`` if it is a known bug."""
        marks = [pytest.mark.xfail(strict=True, reason=self.xfail)] if self.xfail else []
        return pytest.param(self, id=self.id, marks=marks)


def valid(id: str, doc: dict[str, Any], *, xfail: str | None = None) -> Case:
    return Case(id, copy.deepcopy(doc), "valid", xfail=xfail)


def must(
    id: str,
    doc: dict[str, Any],
    code: str,
    pointer: str,
    section: str | None,
    *,
    rule: Rule = "schema",
    also: tuple[tuple[str, str], ...] = (),
    xfail: str | None = None,
) -> Case:
    return Case(id, copy.deepcopy(doc), "must", code, pointer, section, rule, also, xfail)


def should(
    id: str,
    doc: dict[str, Any],
    code: str,
    pointer: str,
    section: str | None,
    *,
    rule: Rule = "schema",
    also: tuple[tuple[str, str], ...] = (),
    xfail: str | None = None,
) -> Case:
    return Case(id, copy.deepcopy(doc), "should", code, pointer, section, rule, also, xfail)


def params(cases: list[Case]) -> list[Any]:
    """``pytest.param`` of each case (see :meth:`Case.param`); fails on duplicate ids."""
    ids = [c.id for c in cases]
    duplicates = {i for i in ids if ids.count(i) > 1}
    assert not duplicates, f"duplicate case ids: {sorted(duplicates)}"
    return [c.param() for c in cases]


def _listing(issues: list[Any]) -> str:
    return "\n".join(f"  {i.path or '/'} {i.code} ({i.severity}) {i.message}" for i in issues)


def make_check(version: str) -> Callable[[Case], None]:
    """The ``check`` of one version's cases."""

    def check(case: Case) -> None:
        """Validate ``case.doc`` as ``version``, without and with ``strict``; compare with the case."""
        _check(case, version)

    return check


def _check(case: Case, VERSION: str) -> None:  # noqa: N803 - reads like the version constant
    for strict in (False, True):
        report = validate_attributes(case.doc, version=VERSION, strict=strict)
        where = f"[strict={strict}] {case.id}"
        assert report.version == VERSION, where
        pairs = [(i.path, i.code) for i in report.issues]
        got = set(pairs)
        assert got == case.expected(), f"{where}: issues\n{_listing(report.issues)}"
        # one problem, one issue
        assert len(pairs) == len(got), f"{where}: repeated issues\n{_listing(report.issues)}"
        if case.level == "valid":
            assert report.valid, f"{where}\n{_listing(report.issues)}"
            continue
        hits = [i for i in report.issues if (i.path, i.code) == (case.pointer, case.code)]
        error = case.level == "must" or strict
        wanted = Severity.ERROR if error else Severity.WARNING
        assert any(i.severity is wanted for i in hits), f"{where}\n{_listing(report.issues)}"
        assert report.valid is not error, f"{where}\n{_listing(report.issues)}"
        if case.section is not None:
            sections = {i.spec for i in hits}
            assert sections == {f"{VERSION} §{case.section}"}, f"{where}: {sections}"


def make_all_cases(package: str, modules: tuple[str, ...]) -> Callable[[], list[Case]]:
    """The ``all_cases`` of one version's cases: every case of its section modules."""

    def all_cases() -> list[Case]:
        out: list[Case] = []
        for name in modules:
            out.extend(importlib.import_module(f"{package}.{name}").CASES)
        return out

    return all_cases
