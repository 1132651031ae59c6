"""Fuzzing: whatever the input, the library answers with its own report or typed error.

Arbitrary JSON values (nested with ``st.recursive``), JSON shaped like OME metadata with random
leaves, and arbitrary bytes as metadata files.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from omezarr_models import Report, UnusableInputError, v04, v05, validate_attributes, validate_path
from omezarr_models.dataset import validate_dataset

json_leaves = (
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8)
)
json_values = st.recursive(
    json_leaves,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4)
    ),
    max_leaves=25,
)
OME_KEYS = [
    "multiscales",
    "omero",
    "image-label",
    "labels",
    "plate",
    "well",
    "bioformats2raw.layout",
    "series",
]
SHAPED_KEYS = [
    "axes",
    "datasets",
    "path",
    "coordinateTransformations",
    "type",
    "scale",
    "translation",
    "name",
    "unit",
    "channels",
    "color",
    "window",
    "colors",
    "label-value",
    "rgba",
    "rows",
    "columns",
    "wells",
    "rowIndex",
    "columnIndex",
    "images",
    "acquisition",
    "acquisitions",
    "id",
    "version",
    "field_count",
]
# JSON that looks like OME metadata: the keys the rules look at, with anything as values
shaped = st.recursive(
    json_leaves
    | st.sampled_from(["0.4", "0.5", "space", "time", "channel", "scale", "translation", "A/1"]),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.sampled_from(SHAPED_KEYS), inner, max_size=5)
    ),
    max_leaves=40,
)
documents = st.one_of(
    json_values,
    st.dictionaries(st.sampled_from(OME_KEYS), shaped, max_size=3),
    st.dictionaries(st.sampled_from(OME_KEYS), shaped, max_size=3).map(
        lambda d: {"ome": {"version": "0.5", **d}}
    ),
)


@given(documents, st.sampled_from([None, "0.4", "0.5"]), st.booleans())
def test_validate_attributes_always_reports(doc: Any, version: str | None, strict: bool) -> None:
    report = validate_attributes(doc, version=version, strict=strict)
    assert isinstance(report, Report)
    for issue in report.issues:
        assert issue.path == "" or issue.path.startswith("/")
    if not isinstance(doc, dict):
        assert not report.valid


@given(documents)
def test_models_raise_only_validation_errors(doc: Any) -> None:
    for model in (v04.Image, v04.Plate, v04.Well, v04.LabelImage, v05.Image, v05.Plate):
        with contextlib.suppress(ValidationError):  # anything else fails the test
            model.model_validate(doc)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=64) | json_values.map(lambda v: json.dumps(v).encode()))
def test_any_bytes_as_a_document_file(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "attrs.json"
    path.write_bytes(data)
    outcome: Report | UnusableInputError
    try:
        outcome = validate_path(path)
    except UnusableInputError as exc:
        outcome = exc
    if isinstance(outcome, UnusableInputError):
        assert outcome.source == str(path)
    else:
        assert isinstance(outcome, Report)


@pytest.mark.parametrize("where", ["zarr.json", "0/zarr.json", ".zattrs"])
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=40)
@given(data=st.binary(max_size=48) | documents.map(lambda v: json.dumps(v).encode()))
def test_any_bytes_in_a_dataset(tmp_path: Path, where: str, data: bytes) -> None:
    root = tmp_path / "d.zarr"
    (root / "0").mkdir(parents=True, exist_ok=True)
    image = {
        "ome": {
            "version": "0.5",
            "multiscales": [
                {
                    "axes": [{"name": "y", "type": "space"}, {"name": "x", "type": "space"}],
                    "datasets": [
                        {
                            "path": "0",
                            "coordinateTransformations": [{"type": "scale", "scale": [1, 1]}],
                        }
                    ],
                }
            ],
        }
    }
    (root / "zarr.json").write_text(
        json.dumps({"zarr_format": 3, "node_type": "group", "attributes": image})
    )
    (root / "0" / "zarr.json").write_text(
        json.dumps(
            {
                "zarr_format": 3,
                "node_type": "array",
                "shape": [4, 4],
                "data_type": "uint8",
                "chunk_grid": {"name": "regular", "configuration": {"chunk_shape": [4, 4]}},
                "chunk_key_encoding": {"name": "default"},
                "fill_value": 0,
                "codecs": [{"name": "bytes"}],
                "dimension_names": ["y", "x"],
            }
        )
    )
    (root / where).write_bytes(data)
    report = validate_dataset(root)
    assert report.unusable is None
    for issue in report.issues:
        assert issue.code
