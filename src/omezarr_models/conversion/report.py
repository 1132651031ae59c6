"""What a conversion did: one :class:`Change` per edit, gathered in a :class:`ConversionReport`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from omezarr_models.errors import OmeZarrError

__all__ = [
    "Action",
    "Change",
    "ConversionError",
    "ConversionReport",
    "LossyConversionWarning",
]


class Action(StrEnum):
    """What a conversion did to one piece of metadata."""

    #: a value the target version requires (or implies) was added: axes, scales, row indices...
    FILLED = "filled"
    #: a value the target version cannot hold was left out
    DROPPED = "dropped"
    #: a value the target version does not define, kept unchanged as an unknown key (which its
    #: readers ignore and keep): nothing is lost
    KEPT = "kept"
    #: a value was moved to another place (into or out of the ``ome`` object, say)
    MOVED = "moved"
    #: a value was rewritten into the form the target version asks for (same meaning)
    NORMALISED = "normalised"
    #: the arrays of an image change shape (0.1/0.2 images are 5-D): singleton axes inserted
    RESHAPED = "reshaped"
    #: the version declared by the metadata
    VERSION = "version"


@dataclass(frozen=True, slots=True)
class Change:
    """One edit made by a conversion.

    Attributes
    ----------
    pointer
        JSON pointer (RFC 6901): into the source document for what was dropped, into the
        converted document for everything else.
    action
        What was done (:class:`Action`).
    message
        The edit in words.
    lossy
        True when information of the source is lost (only with ``lossy=True``; without it the
        conversion is refused instead).
    """

    pointer: str
    action: Action
    message: str
    lossy: bool = False

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (``omezarr convert --format json``)."""
        return {
            "pointer": self.pointer,
            "action": str(self.action),
            "message": self.message,
            "lossy": self.lossy,
        }

    def __str__(self) -> str:
        flag = " [lossy]" if self.lossy else ""
        return f"{self.pointer or '/'}: {self.action}: {self.message}{flag}"


@dataclass(slots=True)
class ConversionReport:
    """Every change a conversion of one document made.

    Attributes
    ----------
    source_version, target_version
        The versions converted from and to.
    kind
        What the document describes (image, plate, ...), None when it holds no OME metadata.
    changes
        In document order of discovery.
    """

    source_version: str
    target_version: str
    kind: str | None
    changes: list[Change] = field(default_factory=list)

    @property
    def lossy(self) -> bool:
        """True when any change lost information."""
        return any(c.lossy for c in self.changes)

    @property
    def losses(self) -> list[Change]:
        """The changes that lost information."""
        return [c for c in self.changes if c.lossy]

    def add(self, pointer: str, action: Action, message: str, *, lossy: bool = False) -> None:
        """Record one change."""
        self.changes.append(Change(pointer, action, message, lossy))

    def to_dict(self) -> dict[str, Any]:
        """The JSON form."""
        return {
            "source_version": self.source_version,
            "target_version": self.target_version,
            "kind": self.kind,
            "lossy": self.lossy,
            "changes": [c.to_dict() for c in self.changes],
        }


class ConversionError(OmeZarrError):
    """A conversion was refused: the target version cannot hold the metadata as it is.

    Attributes
    ----------
    reasons
        The changes that would lose information (``lossy=True`` accepts those), or the problems
        that no option can get past (``changes`` empty, see ``message``).
    file
        The metadata file concerned, in a dataset conversion (None for one document).
    """

    def __init__(
        self, message: str, reasons: Iterable[Change] = (), *, file: str | None = None
    ) -> None:
        self.reasons = list(reasons)
        self.file = file
        self.summary = message
        lines = [f"{file}: {message}" if file else message]
        lines += [f"  {c}" for c in self.reasons]
        super().__init__("\n".join(lines))


class LossyConversionWarning(UserWarning):
    """Emitted once per lost item by a conversion run with ``lossy=True``."""
