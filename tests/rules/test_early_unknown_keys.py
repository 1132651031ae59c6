"""Keys a later version defines are unknown keys before it: kept and not judged.

Found by the 0.1-0.3 strategies (``omezarr_models.testing.strategies``): the hand-written rules
checked ``bioformats2raw.layout`` and ``series`` (from 0.4) and ``image-label.properties``
(from 0.2) in documents of versions that do not define them.
"""

from __future__ import annotations

from typing import Any

import pytest

from omezarr_models import v01, v02, v03, validate_attributes
from omezarr_models._base import OmeModel

MULTISCALE = {"datasets": [{"path": "0"}]}
MODULES = {"0.1": v01, "0.2": v02, "0.3": v03}


def image(version: str, **top: Any) -> dict[str, Any]:
    ms = {**MULTISCALE, "axes": ["y", "x"]} if version == "0.3" else MULTISCALE
    return {"multiscales": [ms], **top}


@pytest.mark.parametrize("version", ["0.1", "0.2", "0.3"])
@pytest.mark.parametrize(
    "top",
    [
        pytest.param({"bioformats2raw.layout": 3.0}, id="layout-float"),
        pytest.param({"bioformats2raw.layout": "3"}, id="layout-string"),
        pytest.param({"series": ["../image", "/0"]}, id="series-paths"),
        pytest.param({"series": "0"}, id="series-string"),
    ],
)
def test_bioformats2raw_keys_are_unknown_before_0_4(version: str, top: dict[str, Any]) -> None:
    doc = image(version, **top)
    report = validate_attributes(doc, version=version)
    assert report.valid, [(i.path, i.code) for i in report.errors]
    assert not [i for i in report.issues if i.path.startswith(("/series", "/bioformats2raw"))]
    model: type[OmeModel] = MODULES[version].Image
    assert model.model_validate(doc).to_json_dict() == doc


def test_label_properties_are_unknown_in_0_1() -> None:
    properties = [{"label-value": 1.0}, {"label-value": 2.0, "class": "cell"}]
    doc = image("0.1", **{"image-label": {"colors": [], "properties": properties}})
    report = validate_attributes(doc, version="0.1")
    assert report.valid, [(i.path, i.code) for i in report.errors]
    assert v01.LabelImage.model_validate(doc).to_json_dict() == doc


@pytest.mark.parametrize("version", ["0.2", "0.3"])
def test_label_properties_are_judged_from_0_2(version: str) -> None:
    doc = image(version, **{"image-label": {"properties": [{"label-value": 1.0}]}})
    report = validate_attributes(doc, version=version)
    codes = {(i.path, i.code) for i in report.errors}
    assert codes == {("/image-label/properties/0/label-value", "wrong-type")}


@pytest.mark.parametrize("version", ["0.4", "0.5"])
def test_bioformats2raw_keys_are_judged_from_0_4(version: str) -> None:
    meta = {"bioformats2raw.layout": 3.0, "series": ["/0"]}
    doc = meta if version == "0.4" else {"ome": {"version": "0.5", **meta}}
    ptr = "" if version == "0.4" else "/ome"
    report = validate_attributes(doc, version=version)
    codes = {(i.path, i.code) for i in report.errors}
    assert (f"{ptr}/bioformats2raw.layout", "wrong-type") in codes
    assert (f"{ptr}/series/0", "series-path-invalid") in codes


def test_a_float_layout_message_shows_the_value() -> None:
    """Regression: pydantic's template has no ``!r``; the message showed ``{value!r}`` literally."""
    import pydantic

    from omezarr_models import v04

    with pytest.raises(pydantic.ValidationError, match=r"/bioformats2raw\.layout: 3\.0 is a float"):
        v04.Bioformats2Raw.model_validate({"bioformats2raw.layout": 3.0})
