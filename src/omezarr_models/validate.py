"""Validation of one OME attributes document: schema checks, then the hand-written rules."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from omezarr_models import schemas
from omezarr_models.detection import (
    OME_KEYS,
    Detection,
    declared_versions,
    detect,
    detect_kind,
    infer_namespaced_version,
    infer_version,
)
from omezarr_models.documents import load_document
from omezarr_models.report import Issue, Report, Severity
from omezarr_models.rules import Collector, check_metadata
from omezarr_models.schema_errors import map_error, pointer

__all__ = ["validate_attributes", "validate_path"]


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


class _SchemaPass:
    """One schema of one version: the native program (if built) answers "valid?" first, and
    jsonschema-rs lists the errors when there are any (or when the program is unsure)."""

    __slots__ = ("native", "rs")

    def __init__(self, version: str, name: str, *, strict: bool = False) -> None:
        from omezarr_models import _fast  # on first use: nothing of it at import time

        self.rs = schemas.validator(version, name, strict=strict)
        self.native = _fast.program(version, name, strict=strict)

    def is_valid(self, attrs: Any) -> bool:
        verdict = self.native.is_valid(attrs) if self.native is not None else None
        if verdict is None:
            return bool(self.rs.is_valid(attrs))
        return bool(verdict)


_VALIDATORS: dict[str, tuple[_SchemaPass, _SchemaPass]] = {}
_UNNAMESPACED = frozenset({"0.1", "0.2", "0.3", "0.4"})


def _validators(version: str) -> tuple[_SchemaPass, _SchemaPass]:
    """The compiled (base, SHOULD overlay) passes of ``version``; a dict hit after the first call."""
    pair = _VALIDATORS.get(version)
    if pair is None:
        pair = (_SchemaPass(version, "attributes"), _SchemaPass(version, "should", strict=True))
        _VALIDATORS[version] = pair
    return pair


def _run_schema(attrs: dict[str, Any], version: str, c: Collector) -> None:
    base, should = _validators(version)
    if not base.is_valid(attrs):
        for error in base.rs.iter_errors(attrs):
            map_error(error, c, "must")
    if not should.is_valid(attrs):
        for error in should.rs.iter_errors(attrs):
            map_error(error, c, "should")


_CHECK: list[Any] = []  # [the native whole-document check (returns a Report), or None]


def _native_check() -> Any:
    if not _CHECK:
        from omezarr_models import _fast

        _CHECK.append(_fast.report_checker())
    return _CHECK[0]


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
    detection: Detection, attrs: dict[str, Any], known: tuple[str, ...], file: str | None
) -> tuple[str | None, Report | Issue | None]:
    """The version to judge a document as, with a warning (Issue) or a final verdict (Report)."""
    declared = detection.declared
    if declared is None:
        if detection.namespaced:
            # the 'ome' layout begins with 0.5 (0.6rc0's has coordinate systems or a scene);
            # the missing version is a schema error
            return infer_namespaced_version(attrs.get("ome")), None
        looked = ", ".join(detection.looked_at)
        version, why = infer_version(attrs, known)
        message = f"no version found (looked at {looked}); judged as {version}: {why}"
        return version, Issue("", "version-missing", Severity.WARNING, message, "", file)
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
    check = _CHECK[0] if _CHECK else _native_check()
    if check is not None:
        # the common case, a document with nothing to report, in one native call
        plain = check(attrs, version, file)
        if plain is not None:
            return plain  # type: ignore[no-any-return]
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
        chosen, outcome = _choose_version(detect(attrs), attrs, known, file)
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
                    pointer([key]),
                    "ome-key-outside-namespace",
                    f"{key!r} is outside the 'ome' object; {target} readers only look inside it",
                    "metadata",
                )
    if type(declared) is str and declared != target:
        assert declared_at is not None
        _mismatch(c, declared_at, declared, target)
    if type(meta) is dict:
        if not _versions_agree(meta, target):
            for where, value in declared_versions(meta, ptr):
                if type(value) is str and value != target and where != declared_at:
                    _mismatch(c, where, value, target)
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
