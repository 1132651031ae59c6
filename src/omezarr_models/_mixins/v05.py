"""Base classes of the generated OME-Zarr 0.5 models (named in pyproject's codegen profile v05)."""

from __future__ import annotations

from typing import ClassVar

from omezarr_models._mixins import (
    Rule,
    RulesMixin,
    check_image_label,
    check_multiscale,
    check_plate,
    check_well,
    version_rule,
)

VERSION = "0.5"


class Base(RulesMixin):
    """Models without rules of their own."""

    ome_version: ClassVar[str] = VERSION


class MultiscaleBase(RulesMixin):
    """Unique axis names, axis order, unique dataset paths, transformation order and lengths."""

    ome_version: ClassVar[str] = VERSION
    ome_rule: ClassVar[Rule | None] = check_multiscale


class PlateMetadataBase(RulesMixin):
    """Unique rows, columns, wells and acquisition ids; well paths that agree with their indices."""

    ome_version: ClassVar[str] = VERSION
    ome_rule: ClassVar[Rule | None] = check_plate


class WellMetadataBase(RulesMixin):
    """Unique field of view paths."""

    ome_version: ClassVar[str] = VERSION
    ome_rule: ClassVar[Rule | None] = check_well


class ImageLabelBase(RulesMixin):
    """Unique label values."""

    ome_version: ClassVar[str] = VERSION
    ome_rule: ClassVar[Rule | None] = check_image_label


class DocumentBase(RulesMixin):
    """Group-level documents: every version they declare is 0.5."""

    ome_version: ClassVar[str] = VERSION
    ome_rule: ClassVar[Rule | None] = version_rule(namespaced=True)
