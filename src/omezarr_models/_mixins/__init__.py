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
from omezarr_models.rules import Collector, check_metadata
from omezarr_models.rules.collector import EARLY
from omezarr_models.rules.hcs import check_plate, check_well
from omezarr_models.rules.labels import check_image_label
from omezarr_models.rules.multiscales import check_multiscale
from omezarr_models.schema_errors import check_schema_node

Rule = Callable[[Any, str, Collector], None]


class RulesMixin(OmeModel):
    """After field validation, checks the model's JSON as the validator would and raises on the
    first broken MUST rule: the schema node the class was generated from (constraints such as
    ``contains`` that fields cannot carry), then the hand-written ``ome_rule``."""

    ome_version: ClassVar[str] = ""
    ome_rule: ClassVar[Rule | None] = None

    @model_validator(mode="before")
    @classmethod
    def _check_raw_integers(cls, data: Any) -> Any:
        # Literal[3] accepts 3.0 even when strict; the spec's value is the integer 3. (Before
        # 0.4 there are no bioformats2raw collections: the key is an unknown key.)
        if (
            cls.ome_version not in EARLY
            and type(data) is dict
            and type(data.get("bioformats2raw.layout")) is float
        ):
            raise PydanticCustomError(
                "wrong-type",
                "/bioformats2raw.layout: {value} is a float; it must be the integer 3",
                {"value": repr(data["bioformats2raw.layout"])},
            )
        return data

    @model_validator(mode="after")
    def _check_ome_rules(self) -> Self:
        cls = type(self)
        collector = Collector(cls.ome_version)
        data = self.to_json_dict()
        check_schema_node(cls.__name__, data, collector)
        if cls.ome_rule is not None:
            cls.ome_rule(data, "", collector)
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
    """Build the rule of a group-level document: every declared version equals the model's, and
    every hand-written rule of its keys holds (paths of labels and series included)."""

    def rule(value: Any, ptr: str, c: Collector) -> None:
        check_metadata(value, ptr, c)
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


def version_bases(
    version: str, *, namespaced: bool, extra: dict[str, Rule] | None = None, tag: str | None = None
) -> dict[str, type[RulesMixin]]:
    """The base classes of one version's generated models, by the names pyproject maps to them.

    ``Base`` (no rules of its own), ``MultiscaleBase``, ``PlateMetadataBase``, ``WellMetadataBase``,
    ``ImageLabelBase`` and ``DocumentBase`` (group-level documents: their versions agree and
    every document rule holds; ``namespaced`` for the ``ome`` object of 0.5+). ``extra`` adds
    bases of a version's own (0.6rc0's ``SceneMetadataBase``); ``tag`` names the module
    (``v06`` for 0.6rc0; by default the version without its dots).
    """
    rules: dict[str, Rule | None] = {
        "Base": None,
        "MultiscaleBase": check_multiscale,
        "PlateMetadataBase": check_plate,
        "WellMetadataBase": check_well,
        "ImageLabelBase": check_image_label,
        "DocumentBase": version_rule(namespaced=namespaced),
        **(extra or {}),
    }
    module = tag or f"v{version.replace('.', '')}"
    return {
        name: type(
            name,
            (RulesMixin,),
            {
                "ome_version": version,
                "ome_rule": rule,
                "__module__": f"omezarr_models._mixins.{module}",
            },
        )
        for name, rule in rules.items()
    }
