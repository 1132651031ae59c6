"""The result of a validation: issues located by JSON pointer, with stable codes."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    """How bad an issue is: an ``error`` makes a document invalid, a ``warning`` does not."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Issue:
    """One problem found in a document.

    Parameters
    ----------
    path
        JSON pointer (RFC 6901) to the offending value inside the document ("" for the root).
    code
        Stable kebab-case identifier of the broken rule, e.g. ``axis-names-not-unique``.
    severity
        :class:`Severity.ERROR` for a MUST, :class:`Severity.WARNING` for a SHOULD (unless strict).
    message
        What is wrong, in words.
    spec
        The spec section the rule comes from, e.g. ``"0.4 §multiscale-md"`` ("" if none applies).
    file
        The file the document came from, when known.
    """

    path: str
    code: str
    severity: Severity
    message: str
    spec: str = ""
    file: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form used by ``omezarr validate --format json``."""
        out: dict[str, Any] = {
            "path": self.path,
            "code": self.code,
            "severity": str(self.severity),
            "message": self.message,
            "spec": self.spec,
        }
        if self.file is not None:
            out["file"] = self.file
        return out


@dataclass(slots=True)
class Report:
    """The verdict on one document.

    ``valid`` is true when no issue has severity ``error``.
    """

    version: str | None
    kind: str | None
    issues: list[Issue] = field(default_factory=list)
    source: str | None = None

    @property
    def valid(self) -> bool:
        """True when no issue is an error."""
        return not any(i.severity is Severity.ERROR for i in self.issues)

    @property
    def errors(self) -> list[Issue]:
        """The issues of severity error."""
        return [i for i in self.issues if i.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Issue]:
        """The issues of severity warning."""
        return [i for i in self.issues if i.severity is Severity.WARNING]

    @property
    def message(self) -> str:
        """A one-line verdict, e.g. ``invalid OME-Zarr 0.4 image: 2 errors, 1 warning``."""
        what = f"OME-Zarr {self.version}" if self.version else "OME-Zarr"
        if self.kind:
            what += f" {self.kind}"
        n_err, n_warn = len(self.errors), len(self.warnings)
        counts = []
        if n_err:
            counts.append(f"{n_err} error{'s' if n_err != 1 else ''}")
        if n_warn:
            counts.append(f"{n_warn} warning{'s' if n_warn != 1 else ''}")
        verdict = "valid" if self.valid else "invalid"
        head = f"{verdict} {what}"
        if counts:
            head += ": " + ", ".join(counts)
        if not self.valid:
            first = self.errors[0]
            head += f" (first: {first.path or '/'} {first.code}: {first.message})"
        return head

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON object of ``omezarr validate --format json`` for this document."""
        return {
            "path": self.source,
            "valid": self.valid,
            "version": self.version,
            "kind": self.kind,
            "message": self.message,
            "issues": [i.to_dict() for i in self.issues],
        }
