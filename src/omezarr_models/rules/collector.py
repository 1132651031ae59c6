"""Where rules report what they find: severity follows the rule's level and ``strict``."""

from __future__ import annotations

from omezarr_models.report import Issue, Severity
from omezarr_models.sections import reference


class Collector:
    """Collects issues for one document of one version.

    ``must`` findings are errors. ``should`` findings are warnings, or errors when ``strict``.
    ``note`` findings are advice and stay warnings even when strict.
    """

    __slots__ = ("file", "issues", "strict", "version")

    def __init__(self, version: str, *, strict: bool = False, file: str | None = None) -> None:
        self.version = version
        self.strict = strict
        self.file = file
        self.issues: list[Issue] = []

    def spec(self, section: str | None) -> str:
        """Return the spec reference of ``section`` in this version, e.g. ``0.4 §plate-md``."""
        return reference(self.version, section)

    def add(
        self, path: str, code: str, severity: Severity, message: str, section: str | None
    ) -> None:
        """Record one issue."""
        self.issues.append(Issue(path, code, severity, message, self.spec(section), self.file))

    def must(self, path: str, code: str, message: str, section: str | None) -> None:
        """Record the breach of a MUST rule (an error)."""
        self.add(path, code, Severity.ERROR, message, section)

    def should(self, path: str, code: str, message: str, section: str | None) -> None:
        """Record the breach of a SHOULD rule (a warning, an error when strict)."""
        severity = Severity.ERROR if self.strict else Severity.WARNING
        self.add(path, code, severity, message, section)

    def note(self, path: str, code: str, message: str, section: str | None) -> None:
        """Record advice that is never an error."""
        self.add(path, code, Severity.WARNING, message, section)


def check_integers(
    obj: dict[str, object], keys: tuple[str, ...], ptr: str, c: Collector, section: str
) -> None:
    """Report integral floats (``1.0``) where the spec requires an integer.

    JSON Schema counts ``1.0`` as an integer; the spec's "integer" and every typed reader do not.
    Non-integral numbers and other types are left to the schema, which already reports them.
    """
    for key in keys:
        value = obj.get(key)
        if type(value) is float and value.is_integer():
            c.must(
                f"{ptr}/{key}",
                "wrong-type",
                f"{value!r} is a float; {key!r} must be an integer",
                section,
            )


def is_inner_path(path: str) -> bool:
    """True for a non-empty relative path that stays inside its group: no leading ``/``, no
    ``..`` or empty segment, no URL scheme."""
    if not path or path[0] == "/" or "://" in path:
        return False
    return all(part not in ("", ".", "..") for part in path.rstrip("/").split("/"))


#: Versions before 0.4: no axis objects or transformations, looser plates and wells.
EARLY = frozenset({"0.1", "0.2", "0.3"})
