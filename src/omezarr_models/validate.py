"""Validation of one OME attributes document: schema checks, then the hand-written rules."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from omezarr_models import schemas
from omezarr_models.codes import describe
from omezarr_models.detection import (
    OME_KEYS,
    VERSIONLESS_DEFAULT,
    Detection,
    declared_versions,
    detect,
    detect_kind,
)
from omezarr_models.documents import load_document
from omezarr_models.report import Issue, Report, Severity
from omezarr_models.rules import Collector, check_metadata
from omezarr_models.rules.labels import label_section

__all__ = ["check_node", "validate_attributes", "validate_path"]

# Generic codes for keywords whose schema node names no code of its own.
_GENERIC = {
    "type": "wrong-type",
    "required": "missing-field",
    "enum": "invalid-value",
    "const": "invalid-value",
}
# Keywords whose engine message is unhelpful: the code's meaning is shown instead.
_DESCRIBED = {"anyOf", "oneOf", "allOf", "contains", "minContains", "maxContains", "not"}


def _pointer(parts: Any) -> str:
    out = []
    for part in parts:
        out.append("/" + str(part).replace("~", "~0").replace("/", "~1"))
    return "".join(out)


# Section implied by the deepest OME key of an instance path, for nodes without their own
# (the shared building blocks of common.schema.json).
_KEY_SECTIONS = {
    "axes": "axes-md",
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


def _distinct(issues: list[Issue]) -> list[Issue]:
    """Sorted by location, one issue per (path, code, severity): two schema keywords may state
    the same rule (``minItems`` and ``contains`` on an empty list, say)."""
    seen: set[tuple[str, str, Severity]] = set()
    out = []
    for issue in sorted(issues, key=_sort_key):
        key = (issue.path, issue.code, issue.severity)
        if key not in seen:
            seen.add(key)
            out.append(issue)
    return out


def _sort_key(issue: Issue) -> tuple[tuple[int, int | str], ...]:
    return tuple((0, int(t)) if t.isdigit() else (1, t) for t in issue.path.split("/")[1:])


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
            _map_error(e, sub, level)
        per_branch.append({(i.path, i.code): i for i in sub.issues})
    shared = set(per_branch[0]).intersection(*per_branch[1:])
    return [per_branch[0][key] for key in sorted(shared)]


def _map_error(error: Any, c: Collector, level: str) -> None:
    location: str = error.absolute_keyword_location
    node, keyword, section = schemas.node_annotations(location)
    if section is None:
        section = _section_from_path(error.instance_path, c.version)
    if keyword == "oneOf":
        branch = _branch_errors(error)
        if branch is not None:
            for sub in branch:
                _map_error(sub, c, level)
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
    path = _pointer(error.instance_path)
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


_VALIDATORS: dict[str, tuple[Any, Any]] = {}
_UNNAMESPACED = frozenset({"0.1", "0.2", "0.3", "0.4"})


def _validators(version: str) -> tuple[Any, Any]:
    """The compiled (base, SHOULD overlay) validators of ``version``; a dict hit after the first call."""
    pair = _VALIDATORS.get(version)
    if pair is None:
        pair = (
            schemas.validator(version, "attributes"),
            schemas.validator(version, "should", strict=True),
        )
        _VALIDATORS[version] = pair
    return pair


def _run_schema(attrs: dict[str, Any], version: str, c: Collector) -> None:
    base, should = _validators(version)
    if not base.is_valid(attrs):
        for error in base.iter_errors(attrs):
            _map_error(error, c, "must")
    if not should.is_valid(attrs):
        for error in should.iter_errors(attrs):
            _map_error(error, c, "should")


def _unusable(
    code: str, message: str, *, version: str | None = None, file: str | None = None
) -> Report:
    return Report(
        version=version,
        kind=None,
        issues=[Issue("", code, Severity.ERROR, message, "", file)],
        source=file,
    )


def _choose_version(
    detection: Detection, known: tuple[str, ...], file: str | None
) -> tuple[str | None, Report | Issue | None]:
    """The version to judge a document as, with a warning (Issue) or a final verdict (Report)."""
    declared = detection.declared
    if declared is None:
        if detection.namespaced:
            return (
                "0.5",
                None,
            )  # the 'ome' layout begins with 0.5; the missing version is a schema error
        looked = ", ".join(detection.looked_at)
        message = f"no version found (looked at {looked}); judged as {VERSIONLESS_DEFAULT}"
        return VERSIONLESS_DEFAULT, Issue(
            "", "version-missing", Severity.WARNING, message, "", file
        )
    if type(declared) is not str:
        message = f"the version at {detection.pointer} must be a string, not {declared!r}"
        return None, _unusable("version-invalid", message, file=file)
    if declared not in known:
        message = (
            f"version {declared!r} at {detection.pointer} is not one this validator knows "
            f"({', '.join(known)})"
        )
        return None, _unusable("version-unknown", message, file=file)
    return declared, None


_NONE = object()  # "no version key", distinct from a JSON null
_VERSION_HOLDERS = ("plate", "well", "image-label")


def _first_version(meta: dict[str, Any], ptr: str) -> tuple[Any, str | None]:
    """The first declared version in order of precedence, and where it is."""
    ms = meta.get("multiscales")
    if type(ms) is list:
        for i, item in enumerate(ms):
            if type(item) is dict and "version" in item:
                return item["version"], f"{ptr}/multiscales/{i}/version"
    for key in _VERSION_HOLDERS:
        obj = meta.get(key)
        if type(obj) is dict and "version" in obj:
            return obj["version"], f"{ptr}/{key}/version"
    return _NONE, None


def _versions_agree(meta: dict[str, Any], target: str) -> bool:
    """True when every version string inside the OME keys of ``meta`` is ``target``."""
    ms = meta.get("multiscales")
    if type(ms) is list:
        for item in ms:
            if type(item) is dict:
                value = item.get("version", target)
                if value != target and type(value) is str:
                    return False
    for key in _VERSION_HOLDERS:
        obj = meta.get(key)
        if type(obj) is dict:
            value = obj.get("version", target)
            if value != target and type(value) is str:
                return False
    return True


def validate_attributes(
    attrs: Any,
    *,
    version: str | None = None,
    strict: bool = False,
    file: str | None = None,
) -> Report:
    """Validate one OME attributes document.

    Parameters
    ----------
    attrs
        The attributes of a zarr group: what ``.zattrs`` holds (up to 0.4) or the ``attributes``
        of ``zarr.json`` (0.5+, the metadata under ``ome``). Any value is accepted; a non-object is
        reported, never raised.
    version
        Judge the document as this version instead of the one it declares (a declared version
        that differs is then reported as ``version-mismatch``).
    strict
        Turn the spec's SHOULD rules into errors (they are warnings otherwise).
    file
        The file the document came from, recorded in the report and its issues.

    Returns
    -------
    Report
        ``report.valid``, ``report.version``, ``report.kind`` and ``report.issues``.

    Raises
    ------
    ValueError
        If ``version`` is given and is not a version this library has schemas for.
    """
    known = schemas.versions()
    if version is not None and version not in known:
        raise ValueError(f"unsupported version {version!r}; choose one of {', '.join(known)}")
    if type(attrs) is not dict:
        return _unusable(
            "attributes-not-object",
            f"the attributes must be a JSON object, not {type(attrs).__name__}",
            version=version,
            file=file,
        )
    in_ome = "ome" in attrs
    declared: Any
    declared_at: str | None
    if in_ome:
        ome = attrs["ome"]
        declared = ome.get("version", _NONE) if type(ome) is dict else _NONE
        declared_at = "/ome/version"
    else:
        declared, declared_at = _first_version(attrs, "")
    warning: Issue | None = None
    if version is not None:
        target = version
    elif type(declared) is str and declared in known:
        target = declared
    else:  # missing, not a string or unknown: say what was looked at
        chosen, outcome = _choose_version(detect(attrs), known, file)
        if isinstance(outcome, Report):
            return outcome
        assert chosen is not None
        target, warning = chosen, outcome
    c = Collector(target, strict=strict, file=file)
    if warning is not None:
        c.issues.append(warning)
    namespaced = target not in _UNNAMESPACED
    meta: Any = attrs.get("ome") if namespaced else attrs
    ptr = "/ome" if namespaced else ""
    _run_schema(attrs, target, c)
    if namespaced and (len(attrs) > 1 or not in_ome):
        for key in OME_KEYS:
            if key in attrs:
                c.note(
                    f"/{_pointer([key])[1:]}",
                    "ome-key-outside-namespace",
                    f"{key!r} is outside the 'ome' object; {target} readers only look inside it",
                    "metadata",
                )
    if type(declared) is str and declared != target:
        assert declared_at is not None
        _mismatch(c, declared_at, declared, target)
    if type(meta) is dict:
        if not _versions_agree(meta, target):
            for pointer, value in declared_versions(meta, ptr):
                if type(value) is str and value != target and pointer != declared_at:
                    _mismatch(c, pointer, value, target)
        check_metadata(meta, ptr, c)
        kind = detect_kind(meta)
    else:
        kind = None
    if len(c.issues) > 1:
        c.issues = _distinct(c.issues)
    return Report(version=target, kind=kind, issues=c.issues, source=file)


def _mismatch(c: Collector, pointer: str, value: str, target: str) -> None:
    c.must(
        pointer,
        "version-mismatch",
        f"version {value!r} differs from {target!r}, the version this document is judged as",
        "metadata",
    )


def validate_path(path: str | Path, *, version: str | None = None, strict: bool = False) -> Report:
    """Validate the attributes at ``path`` (see :func:`omezarr_models.documents.load_document`).

    Besides the attributes themselves, checks that zarr metadata has the zarr format of the
    version: v2 (``.zattrs``) up to 0.4, v3 (``zarr.json``) from 0.5.

    Raises
    ------
    UnusableInputError
        If the input cannot be judged at all (missing, unreadable, not JSON, not a group).
    """
    doc = load_document(path)
    report = validate_attributes(doc.attrs, version=version, strict=strict, file=doc.source)
    if doc.zarr_format is not None and report.version is not None:
        wanted = 2 if report.version in ("0.1", "0.2", "0.3", "0.4") else 3
        if doc.zarr_format != wanted:
            report.issues.insert(
                0,
                Issue(
                    "",
                    "zarr-format-mismatch",
                    Severity.ERROR,
                    f"OME-Zarr {report.version} is stored in zarr v{wanted}, but this is zarr v{doc.zarr_format} metadata",
                    f"{report.version} §{'on-disk' if wanted == 2 else 'storage-format'}",
                    doc.source,
                ),
            )
    return report


def check_node(title: str, data: Any, c: Collector) -> None:
    """Check ``data`` against the schema node titled ``title`` of ``c.version`` (MUST level).

    The typed models use this so that a model accepts exactly what the validator accepts,
    including the constraints their generated fields cannot carry (``contains``, ``not``...).
    """
    validator = schemas.node_validator(c.version, title)
    if validator is not None and not validator.is_valid(data):
        for error in validator.iter_errors(data):
            _map_error(error, c, "must")
