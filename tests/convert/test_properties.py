"""Properties of convert() on generated documents: 0.4 -> 0.5 -> 0.4 is the identity (up to the
documented version normalisation), every converted document validates, nothing is lost upward."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from omezarr_models import ConversionError, convert, validate_attributes
from omezarr_models.testing.strategies import documents

KINDS = ("image", "label-image", "labels", "plate", "well", "bioformats2raw", "series")
_VERSIONED = ("plate", "well", "image-label")


def _with_versions(doc: dict[str, Any], version: str) -> dict[str, Any]:
    """The documented normalisation of 0.1-0.4: a version on every multiscale, plate, well and
    image-label."""
    out = copy.deepcopy(doc)
    for ms in out.get("multiscales", []):
        ms.setdefault("version", version)
    for key in _VERSIONED:
        if isinstance(out.get(key), dict):
            out[key].setdefault("version", version)
    return out


@pytest.mark.parametrize("kind", KINDS)
@settings(max_examples=50, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_04_to_05_and_back_is_the_identity(kind: str, data: st.DataObject) -> None:
    doc = data.draw(documents("0.4", kind))
    up, report = convert(doc, "0.5")
    assert not report.lossy
    assert validate_attributes(up).valid
    back, report = convert(up, "0.4")
    assert not report.lossy
    assert validate_attributes(back).valid
    assert back == _with_versions(doc, "0.4")


def _by_path(doc: dict[str, Any]) -> bool:
    for ms in doc.get("ome", {}).get("multiscales", []):
        cts = list(ms.get("coordinateTransformations", []))
        for ds in ms["datasets"]:
            cts += ds.get("coordinateTransformations", [])
        if any("path" in t for t in cts):
            return True
    return False


@pytest.mark.parametrize("kind", KINDS)
@settings(
    max_examples=25,
    # documents whose transformations are given by path are filtered out: many are
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(data=st.data())
def test_05_to_06_and_back_keeps_everything(kind: str, data: st.DataObject) -> None:
    doc = data.draw(documents("0.5", kind))
    assume(not _by_path(doc))  # 0.6rc0's 'path' names a zarr array: refused (tested elsewhere)
    refused: ConversionError | None = None
    try:
        there, report = convert(doc, "0.6rc0")
    except ConversionError as exc:  # what 0.6rc0 forbids and 0.5 allows (empty axis names)
        refused = exc
    if refused is not None:
        assert refused.reasons == []
        assume(False)
    assert not report.lossy
    assert validate_attributes(there).valid, validate_attributes(there).errors
    back, report = convert(there, "0.5")
    assert not report.lossy
    assert back == doc


@pytest.mark.parametrize("to", ["0.1", "0.2", "0.3"])
@pytest.mark.parametrize("kind", ["image", "label-image", "plate", "well", "labels"])
@settings(max_examples=20, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_lossy_downgrades_validate_and_report_each_loss(
    kind: str, to: str, data: st.DataObject
) -> None:
    doc = data.draw(documents("0.5", kind))
    import warnings

    from omezarr_models.conversion import LossyConversionWarning

    refused: ConversionError | None = None
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            out, report = convert(doc, to, lossy=True)
        except ConversionError as exc:
            refused = exc
    if refused is not None:  # only what the target cannot express at all
        assert refused.reasons == []
        return
    assert validate_attributes(out, version=to).valid
    lossy = [w for w in caught if issubclass(w.category, LossyConversionWarning)]
    assert len(lossy) == len(report.losses)


def _early_normalised(doc: dict[str, Any], version: str) -> dict[str, Any]:
    """The documented normalisations of a trip from 0.1-0.3 to 0.5 and back: versions on every
    object, epoch strings as integers, 0.3's group-level ``_ARRAY_DIMENSIONS`` dropped, omero
    colours as 6 hexadecimal digits, plate wells keep the rowIndex/columnIndex 0.5 gave them."""
    out = _with_versions(doc, version)
    if version == "0.3":
        out.pop("_ARRAY_DIMENSIONS", None)
    plate = out.get("plate")
    if isinstance(plate, dict):
        rows = [r.get("name") for r in plate.get("rows", [])]
        columns = [c.get("name") for c in plate.get("columns", [])]
        for well in plate.get("wells", []):  # the indices 0.5 fills stay, as unknown keys
            row, _, column = str(well.get("path", "")).partition("/")
            if row in rows and column in columns:
                well.setdefault("rowIndex", rows.index(row))
                well.setdefault("columnIndex", columns.index(column))
        for acquisition in plate.get("acquisitions") or []:
            for key in ("starttime", "endtime"):
                stamp = acquisition.get(key)
                if isinstance(stamp, str) and stamp.isdigit():
                    acquisition[key] = int(stamp)
    return out


@pytest.mark.parametrize("version", ["0.1", "0.2", "0.3"])
@pytest.mark.parametrize("kind", ["image", "label-image", "labels", "plate", "well"])
@settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_early_versions_to_05_and_back(version: str, kind: str, data: st.DataObject) -> None:
    """Either a refusal (what 0.5 forbids and the early version allowed: unnamed plate rows,
    well paths that name no row and column, colours that are not RGB, ...; each lossy item
    listed), or a valid 0.5 document that converts back to the original, normalised."""
    doc = data.draw(documents(version, kind))
    refused: ConversionError | None = None
    try:
        up, _ = convert(doc, "0.5", source_version=version)
    except ConversionError as exc:
        refused = exc
    if refused is not None:
        assert all(c.lossy for c in refused.reasons)
        return
    assert validate_attributes(up).valid
    back, _ = convert(up, version)
    assert validate_attributes(back, version=version).valid
    normalised = _early_normalised(doc, version)
    omero = normalised.get("omero")
    if isinstance(omero, dict) and isinstance(back.get("omero"), dict):
        normalised["omero"] = back["omero"]  # colours, windows: compared in test_documents
    assert back == normalised
