"""Types of the C extension ``omezarr_models._speedups`` (see ``_speedups.c`` and ``_fast.py``)."""

from typing import Any

ABI: int
MAX_DEPTH: int

class Program:
    """A lowered JSON Schema, evaluated over Python objects."""

    def __init__(self, nodes: tuple[dict[str, Any], ...], root: int) -> None: ...
    def is_valid(self, instance: Any, /) -> bool | None:
        """True, False, or None when unsure (ask a full validator)."""

class Checker:
    """The whole-document check of OME-Zarr 0.4/0.5 documents."""

    def __init__(
        self,
        v04: tuple[str, Program] | None = None,
        v05: tuple[str, Program] | None = None,
    ) -> None: ...
    def check(self, attrs: Any, version: str | None = None, /) -> tuple[str, str] | None:
        """(version, kind) when the document has nothing to report, else None."""
    def report(self, attrs: Any, version: str | None, file: str | None, /) -> Any:
        """A report with no issues when the document has nothing to report, else None."""
    def set_report(self, cls: type, /) -> bool:
        """The class report() makes; True when its slots are filled directly."""
