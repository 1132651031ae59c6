"""From JSON Schema errors to issues: the code, the section and the message of each failure.

The schemas name their codes (``x-codes``/``x-code``) and sections (``x-spec``); a failed
``oneOf`` between typed alternatives is reported by the alternative its ``type`` selects.
"""

from __future__ import annotations

from typing import Any

from omezarr_models import schemas
from omezarr_models.codes import describe
from omezarr_models.report import Issue
from omezarr_models.rules import Collector
from omezarr_models.rules.labels import label_section

__all__ = ["check_schema_node", "map_error", "pointer"]

# Generic codes for keywords whose schema node names no code of its own.
_GENERIC = {
    "type": "wrong-type",
    "required": "missing-field",
    "enum": "invalid-value",
    "const": "invalid-value",
}
# Keywords whose engine message is unhelpful: the code's meaning is shown instead.
_DESCRIBED = {"anyOf", "oneOf", "allOf", "contains", "minContains", "maxContains", "not"}


def pointer(parts: Any) -> str:
    out = []
    for part in parts:
        out.append("/" + str(part).replace("~", "~0").replace("/", "~1"))
    return "".join(out)


# Section implied by the deepest OME key of an instance path, for nodes without their own
# (the shared building blocks of common.schema.json).
_KEY_SECTIONS = {
    "axes": "axes-md",
    "coordinateSystems": "coordinate-systems-md",
    "scene": "scene-md",
    "coordinateTransformations": "multiscale-md",
    "datasets": "multiscale-md",
    "multiscales": "multiscale-md",
    "omero": "omero-md",
    "plate": "plate-md",
    "well": "well-md",
    "labels": "labels-md",
    "series": "bf2raw-details",
    "bioformats2raw.layout": "bf2raw-details",
}


def _section_from_path(parts: Any, version: str) -> str | None:
    for part in reversed(list(parts)):
        if part == "image-label":
            return label_section(version)
        if isinstance(part, str) and part in _KEY_SECTIONS:
            return _KEY_SECTIONS[part]
    return None


def _type_value(error: Any) -> Any:
    instance = error.instance
    return instance.get("type") if isinstance(instance, dict) else None


def _branch_errors(error: Any) -> list[Any] | None:
    """For a failed ``oneOf`` between typed alternatives, the errors of the branch its ``type`` selects."""
    context = getattr(error.kind, "context", None)
    if not context:
        return None
    type_ptr = [*list(error.instance_path), "type"]
    chosen = []
    for branch in context:
        rejects_type = any(
            list(e.instance_path) == type_ptr
            and e.absolute_keyword_location.rsplit("/", 1)[-1] in ("const", "enum")
            for e in branch
        )
        if not rejects_type:
            chosen.append(branch)
    if len(chosen) == 1:
        return list(chosen[0])
    return None


def _common_errors(error: Any, c: Collector, level: str) -> list[Issue]:
    """The issues that every alternative of a failed ``oneOf`` reports (e.g. a missing ``type``)."""
    context = getattr(error.kind, "context", None)
    if not context:
        return []
    per_branch: list[dict[tuple[str, str], Issue]] = []
    for branch in context:
        sub = Collector(c.version, strict=c.strict, file=c.file)
        for e in branch:
            map_error(e, sub, level)
        per_branch.append({(i.path, i.code): i for i in sub.issues})
    shared = set(per_branch[0]).intersection(*per_branch[1:])
    return [per_branch[0][key] for key in sorted(shared)]


def map_error(error: Any, c: Collector, level: str) -> None:
    location: str = error.absolute_keyword_location
    node, keyword, section = schemas.node_annotations(location)
    if section is None:
        section = _section_from_path(error.instance_path, c.version)
    if keyword == "oneOf":
        branch = _branch_errors(error)
        if branch is not None:
            for sub in branch:
                map_error(sub, c, level)
            return
        instance = error.instance
        if type(instance) is dict and "type" not in instance:  # no discriminator at all
            common = _common_errors(error, c, level)
            if common:
                c.issues.extend(common)
                return
    codes = node.get("x-codes", {})
    code_entry = codes.get(keyword)
    extra = error.kind.as_dict() if hasattr(error.kind, "as_dict") else {}
    prop = extra.get("property") if keyword == "required" else None
    if isinstance(code_entry, dict):
        code = code_entry.get(prop) if prop is not None else None
    else:
        code = code_entry
    if code is None:
        code = node.get("x-code") or _GENERIC.get(keyword, "schema-violation")
    path = pointer(error.instance_path)
    if keyword == "required":
        message = (
            f"missing required key {prop!r}"
            if level == "must"
            else f"key {prop!r} should be present"
        )
    elif keyword == "oneOf" and code == "transformation-type-not-allowed":
        message = f"{describe(code)}; found type {_type_value(error)!r}"
    elif keyword == "oneOf" and code == "transformation-type-unknown":
        message = f"{describe(code)}: {_type_value(error)!r}"
    elif keyword == "anyOf" and code == "wrong-type":
        message = f"{error.instance!r} is not a number"
    elif keyword in _DESCRIBED:
        message = describe(code)
    else:
        message = error.message
    if level == "must":
        c.must(path, code, message, section)
    else:
        c.should(path, code, message, section)


def check_schema_node(title: str, data: Any, c: Collector) -> None:
    """Check ``data`` against the schema node titled ``title`` of ``c.version`` (MUST level).

    The typed models use this so that a model accepts exactly what the validator accepts,
    including the constraints their generated fields cannot carry (``contains``, ``not``...).
    """
    validator = schemas.node_validator(c.version, title)
    if validator is not None and not validator.is_valid(data):
        for error in validator.iter_errors(data):
            map_error(error, c, "must")
