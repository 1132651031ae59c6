"""Typed errors of the writer: every refusal says which argument or destination, and why."""

from __future__ import annotations

from omezarr_models.errors import OmeZarrError
from omezarr_models.report import Issue


class WriteError(OmeZarrError):
    """Base class of the writer's errors."""


class InvalidArgumentError(WriteError, ValueError):
    """An argument cannot describe a valid OME-Zarr write; nothing was written.

    Attributes
    ----------
    argument
        The name of the offending keyword (or ``data``/``dest``).
    reason
        Why it is refused.
    """

    def __init__(self, argument: str, reason: str) -> None:
        self.argument = argument
        self.reason = reason
        super().__init__(f"{argument}: {reason}")


class InvalidMetadataError(WriteError, ValueError):
    """The metadata the arguments describe breaks a MUST of the spec; nothing was written.

    Attributes
    ----------
    issues
        The validator's issues (JSON pointer, code, message, spec section).
    """

    def __init__(self, what: str, issues: list[Issue]) -> None:
        self.issues = issues
        lines = [f"{i.path or '/'} {i.code}: {i.message} [{i.spec}]" for i in issues]
        super().__init__(f"{what} would not be valid OME-Zarr:\n  " + "\n  ".join(lines))


class DestinationExistsError(WriteError, FileExistsError):
    """The destination already holds data and ``overwrite=True`` was not given."""

    def __init__(self, dest: str) -> None:
        self.dest = dest
        super().__init__(
            f"{dest}: the destination exists and is not empty; pass overwrite=True to replace it"
        )


class DestinationError(WriteError):
    """The destination cannot be written (unreachable store, not a group, read-only...)."""

    def __init__(self, dest: str, reason: str) -> None:
        self.dest = dest
        self.reason = reason
        super().__init__(f"{dest}: {reason}")
