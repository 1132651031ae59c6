"""Behaviour of the generated models, attached as their base classes (see pyproject's codegen profiles).

Every mixin runs the hand-written rules of :mod:`omezarr_models.rules` on the model's JSON form,
so a model can only hold metadata that the validator accepts (MUST rules; SHOULD rules are the
validator's business and do not stop a model from being built).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar, Self

from pydantic import model_validator
from pydantic_core import PydanticCustomError

from omezarr_models._base import OmeModel
from omezarr_models.detection import declared_versions
from omezarr_models.report import Severity
from omezarr_models.rules import Collector
from omezarr_models.rules.hcs import check_plate, check_well
from omezarr_models.rules.labels import check_image_label
from omezarr_models.rules.multiscales import check_multiscale

Rule = Callable[[Any, str, Collector], None]


class RulesMixin(OmeModel):
    """Runs ``ome_rule`` after field validation and raises on the first broken MUST rule."""

    ome_version: ClassVar[str] = ""
    ome_rule: ClassVar[Rule | None] = None

    @model_validator(mode="after")
    def _check_ome_rules(self) -> Self:
        rule = type(self).ome_rule
        if rule is None:
            return self
        collector = Collector(type(self).ome_version)
        rule(self.to_json_dict(), "", collector)
        errors = [i for i in collector.issues if i.severity is Severity.ERROR]
        if errors:
            first = errors[0]
            where = first.path or "/"
            more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
            raise PydanticCustomError(
                first.code,
                "{where}: {message} [spec {spec}]{more}",
                {
                    "where": where,
                    "message": first.message,
                    "spec": first.spec,
                    "more": more,
                    "issues": [i.to_dict() for i in errors],
                },
            )
        return self


def version_rule(namespaced: bool) -> Rule:
    """Build the rule of a group-level document: every declared version equals the model's."""

    def rule(value: Any, ptr: str, c: Collector) -> None:
        found = declared_versions(value, ptr)
        if namespaced and "version" in value:
            found.append((f"{ptr}/version", value["version"]))
        for pointer, declared in found:
            if declared != c.version:
                c.must(
                    pointer,
                    "version-mismatch",
                    f"version {declared!r} differs from {c.version!r}, the version of this model",
                    "metadata",
                )

    return rule


__all__ = [
    "Rule",
    "RulesMixin",
    "check_image_label",
    "check_multiscale",
    "check_plate",
    "check_well",
    "version_rule",
]
