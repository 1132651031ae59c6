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


class Verdict:
    """What every report offers over its ``issues``: errors, warnings and a tally for messages."""

    __slots__ = ()
    issues: list[Issue]

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

    def tally(self) -> str:
        """``"2 errors, 1 warning"`` (empty when there is no issue)."""
        n_err, n_warn = len(self.errors), len(self.warnings)
        parts = [f"{n_err} error{'s' * (n_err != 1)}"] if n_err else []
        parts += [f"{n_warn} warning{'s' * (n_warn != 1)}"] if n_warn else []
        return ", ".join(parts)


@dataclass(slots=True)
class Report(Verdict):
    """The verdict on one document.

    ``valid`` is true when no issue has severity ``error``.
    """

    version: str | None
    kind: str | None
    issues: list[Issue] = field(default_factory=list)
    source: str | None = None

    @property
    def message(self) -> str:
        """A one-line verdict, e.g. ``invalid OME-Zarr 0.4 image: 2 errors, 1 warning``."""
        what = f"OME-Zarr {self.version}" if self.version else "OME-Zarr"
        if self.kind:
            what += f" {self.kind}"
        head = f"{'valid' if self.valid else 'invalid'} {what}"
        if self.issues:
            head += ": " + self.tally()
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
