"""convert(): every pair of versions on real documents, fills, refusals, lossy warnings, round trips."""

from __future__ import annotations

import copy
import json
import warnings
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

from omezarr_models import ConversionError, build, convert, v04, v05, validate_attributes
from omezarr_models.conversion import (
    Action,
    ArrayInfo,
    ConversionReport,
    LossyConversionWarning,
    level_factors,
)
from tests.conftest import SPEC_DIR, load_spec_example, spec_examples

VERSIONS = ("0.1", "0.2", "0.3", "0.4", "0.5", "0.6rc0")
EARLY = ("0.1", "0.2", "0.3")

# ------------------------------------------------------------------------------------------
# Hand-written documents of 0.1-0.3 (no example files for those versions)

IMAGE_01: dict[str, Any] = {
    "multiscales": [
        {
            "version": "0.1",
            "name": "raw",
            "datasets": [{"path": "0"}, {"path": "1"}, {"path": "2"}],
            "my-key": {"kept": True},
        }
    ],
    "omero": {
        "id": 1,
        "name": "image.tif",
        "version": "0.1",
        "channels": [
            {
                "active": True,
                "coefficient": 1,
                "color": "0000FF",
                "family": "linear",
                "inverted": False,
                "label": "DAPI",
                "window": {"end": 1500, "max": 65535, "min": 0, "start": 0},
            }
        ],
        "rdefs": {"defaultT": 0, "defaultZ": 10, "model": "color"},
    },
    "acquired-by": "microscope 3",
}
IMAGE_02: dict[str, Any] = {
    "multiscales": [
        {
            "version": "0.2",
            "name": "raw",
            "datasets": [{"path": "0"}, {"path": "1"}],
            "type": "gaussian",
            "metadata": {"method": "skimage.transform.pyramid_gaussian"},
        }
    ]
}
IMAGE_03: dict[str, Any] = {
    "multiscales": [
        {
            "version": "0.3",
            "name": "raw",
            "axes": ["c", "y", "x"],
            "datasets": [{"path": "0"}, {"path": "1"}],
            "type": "mean",
        }
    ]
}
LABEL_02: dict[str, Any] = {
    "multiscales": [{"version": "0.2", "datasets": [{"path": "0"}]}],
    "image-label": {
        "version": "0.2",
        "colors": [{"label-value": 1, "rgba": [255, 0, 0, 255]}],
        "properties": [{"label-value": 1, "class": "cell"}],
        "source": {"image": "../../"},
    },
}
PLATE_03: dict[str, Any] = {
    "plate": {
        "version": "0.3",
        "name": "screen",
        "rows": [{"name": "A"}, {"name": "B"}],
        "columns": [{"name": "1"}, {"name": "2"}, {"name": "3"}],
        "wells": [{"path": "A/1"}, {"path": "B/3"}],
        "field_count": 2,
        "acquisitions": [
            {"id": 0, "name": "first", "maximumfieldcount": 2, "starttime": "1613481600"}
        ],
    }
}
WELL_01: dict[str, Any] = {
    "well": {"version": "0.1", "images": [{"path": "0", "acquisition": 0}, {"path": "1"}]}
}
LABELS_03: dict[str, Any] = {"labels": ["cells", "nuclei"]}

EARLY_DOCS = {
    "0.1 image": ("0.1", IMAGE_01),
    "0.2 image": ("0.2", IMAGE_02),
    "0.3 image": ("0.3", IMAGE_03),
    "0.2 label image": ("0.2", LABEL_02),
    "0.3 plate": ("0.3", PLATE_03),
    "0.1 well": ("0.1", WELL_01),
    "0.3 labels": ("0.3", LABELS_03),
}


def _examples() -> list[Any]:
    out = []
    for version in ("0.4", "0.5", "0.6rc0"):
        for path in spec_examples(version):
            if "transformations" in path.parts:
                continue
            name = f"{version} {path.relative_to(SPEC_DIR / 'examples' / version).as_posix()}"
            out.append(pytest.param(version, path, id=name))
    return out


EXAMPLES = _examples()


def _quiet_convert(doc: Any, to: str, **kw: Any) -> tuple[Any, ConversionReport]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LossyConversionWarning)
        return convert(doc, to, **kw)


# ------------------------------------------------------------------------------------------
# Every pair of versions


def _check_pair(doc: dict[str, Any], source: str, to: str) -> None:
    refused: ConversionError | None = None
    try:
        out, report = _quiet_convert(doc, to, lossy=True, source_version=source)
    except ConversionError as exc:
        refused = exc
    if refused is not None:
        # the only refusals whatever lossy says: what the target cannot express at all
        assert to in EARLY, refused
        assert "bioformats2raw" in str(refused) or "axes" in str(refused), refused
        return
    result = validate_attributes(out, version=to)
    assert result.valid, [(i.path, i.code, i.message) for i in result.errors]
    assert report.source_version == source
    assert report.target_version == to
    if to != source:  # every change reported (a labels list of 0.1-0.4 has none to make)
        assert report.changes or out == doc
    assert doc == copy.deepcopy(doc), "the source is not modified"


@pytest.mark.parametrize("to", VERSIONS)
@pytest.mark.parametrize(("version", "path"), EXAMPLES)
def test_spec_examples_convert_to_every_version(version: str, path: Path, to: str) -> None:
    doc = load_spec_example(path)
    before = copy.deepcopy(doc)
    _check_pair(doc, version, to)
    assert doc == before


@pytest.mark.parametrize("to", VERSIONS)
@pytest.mark.parametrize("name", list(EARLY_DOCS))
def test_early_documents_convert_to_every_version(name: str, to: str) -> None:
    source, doc = EARLY_DOCS[name]
    assert validate_attributes(doc).valid
    _check_pair(doc, source, to)


# ------------------------------------------------------------------------------------------
# Round trips


@pytest.mark.parametrize(("version", "path"), [p for p in EXAMPLES if p.values[0] == "0.4"])
def test_round_trip_04_05_04_is_the_identity(version: str, path: Path) -> None:
    doc = load_spec_example(path)
    up, report_up = convert(doc, "0.5")
    assert not report_up.lossy
    back, report_back = convert(up, "0.4")
    assert not report_back.lossy
    assert back == _with_versions(doc, "0.4")


@pytest.mark.parametrize(("version", "path"), [p for p in EXAMPLES if p.values[0] != "0.4"])
def test_round_trip_through_every_newer_version(version: str, path: Path) -> None:
    doc = load_spec_example(path)
    for middle in ("0.4", "0.5", "0.6rc0"):
        there, _ = convert(doc, middle)
        back, report = convert(there, version)
        assert not report.lossy
        assert back == _without_system_names(doc) or back == doc


def _without_system_names(doc: dict[str, Any]) -> dict[str, Any]:
    """0.6rc0 documents: the name of a multiscale's single coordinate system is 'intrinsic'
    after a trip through 0.4/0.5, which name none (a documented normalisation)."""
    out = copy.deepcopy(doc)
    for ms in out.get("ome", {}).get("multiscales", []):
        systems = ms.get("coordinateSystems", [])
        if len(systems) == 1:
            old = systems[0]["name"]
            systems[0]["name"] = "intrinsic"
            for ds in ms["datasets"]:
                for t in ds["coordinateTransformations"]:
                    if t["output"].get("name") == old:
                        t["output"]["name"] = "intrinsic"
    return out


def _with_versions(doc: dict[str, Any], version: str) -> dict[str, Any]:
    """The documented normalisation of 0.1-0.4: a version on every multiscale, plate, well and
    image-label."""
    out = copy.deepcopy(doc)
    for ms in out.get("multiscales", []):
        ms.setdefault("version", version)
    for key in ("plate", "well", "image-label"):
        if key in out:
            out[key].setdefault("version", version)
    return out


def test_round_trip_01_05_01_is_the_identity() -> None:
    up, _ = convert(IMAGE_01, "0.5")
    back, report = convert(up, "0.1")
    assert not report.lossy
    assert back == IMAGE_01


def test_01_to_05_fills_the_implied_axes_and_identity_scales() -> None:
    out, report = convert(IMAGE_01, "0.5")
    ms = out["ome"]["multiscales"][0]
    assert ms["axes"] == [
        {"name": "t", "type": "time"},
        {"name": "c", "type": "channel"},
        {"name": "z", "type": "space"},
        {"name": "y", "type": "space"},
        {"name": "x", "type": "space"},
    ]
    assert [d["coordinateTransformations"] for d in ms["datasets"]] == [
        [{"type": "scale", "scale": [1.0] * 5}]
    ] * 3
    assert ms["my-key"] == {"kept": True}  # unknown keys kept in place
    assert out["acquired-by"] == "microscope 3"  # unknown attributes beside 'ome'
    assert "version" not in ms
    assert out["omero"] if "omero" in out else out["ome"]["omero"] == IMAGE_01["omero"]
    filled = [c for c in report.changes if c.action is Action.FILLED]
    assert {c.pointer for c in filled} >= {
        "/ome/multiscales/0/axes",
        "/ome/multiscales/0/datasets/0/coordinateTransformations",
    }


def test_upgrading_with_level_shapes_fills_the_downsampling_factors() -> None:
    arrays = {"0": ((1, 2, 10, 512, 511), "uint16"), "1": ((1, 2, 10, 256, 256), "uint16")}
    arrays["2"] = ((1, 2, 10, 128, 128), "uint16")
    out, report = convert(IMAGE_01, "0.4", arrays=arrays)
    scales = [d["coordinateTransformations"][0]["scale"] for d in out["multiscales"][0]["datasets"]]
    assert scales == [[1.0] * 5, [1.0, 1.0, 1.0, 2.0, 2.0], [1.0, 1.0, 1.0, 4.0, 4.0]]
    assert "downsampling factors" in next(
        c.message
        for c in report.changes
        if c.pointer.endswith("datasets/1/coordinateTransformations")
    )


def test_level_factors() -> None:
    assert level_factors((100, 64), (50, 64)) == [Fraction(2), Fraction(1)]
    assert level_factors((65,), (33,)) == [Fraction(2)]  # rounded up
    assert level_factors((65,), (32,)) == [Fraction(2)]  # rounded down
    assert level_factors((90,), (30,)) == [Fraction(3)]
    assert level_factors((100,), (30,)) == [Fraction(10, 3)]
    assert level_factors((10,), (7,)) == [Fraction(10, 7)]


def test_03_axis_names_get_their_types() -> None:
    out, report = convert(IMAGE_03, "0.4")
    assert out["multiscales"][0]["axes"] == [
        {"name": "c", "type": "channel"},
        {"name": "y", "type": "space"},
        {"name": "x", "type": "space"},
    ]
    assert sum(c.pointer.endswith("/type") for c in report.changes) == 3


# ------------------------------------------------------------------------------------------
# Refusals and lossy conversions, item by item


def _example(version: str, name: str) -> dict[str, Any]:
    return load_spec_example(SPEC_DIR / "examples" / version / name)


def test_downgrade_refuses_listing_every_lost_item() -> None:
    doc = _example("0.4", "multiscales_strict/multiscales_example.json")
    with pytest.raises(ConversionError) as info:
        convert(doc, "0.3")
    pointers = {c.pointer for c in info.value.reasons}
    assert {f"/multiscales/0/axes/{i}/unit" for i in (0, 2, 3, 4)} <= pointers
    assert "/multiscales/0/datasets/0/coordinateTransformations/0/scale" in pointers
    assert "/multiscales/0/coordinateTransformations/0" in pointers
    assert all(c.lossy for c in info.value.reasons)
    assert "lossy=True" in str(info.value)


def test_lossy_warns_once_per_item() -> None:
    doc = _example("0.4", "multiscales_strict/multiscales_example.json")
    with pytest.warns(LossyConversionWarning) as caught:
        out, report = convert(doc, "0.3", lossy=True)
    assert len(caught) == len(report.losses) > 0
    assert {str(w.message).split(":")[0] for w in caught} == {c.pointer for c in report.losses}
    assert out["multiscales"][0]["axes"] == ["t", "c", "z", "y", "x"]
    assert validate_attributes(out).valid


def test_custom_axis_type_into_03_is_lossy() -> None:
    doc = {
        "multiscales": [
            {
                "version": "0.4",
                "axes": [
                    {"name": "c", "type": "lifetime"},
                    {"name": "y", "type": "space"},
                    {"name": "x", "type": "space"},
                ],
                "datasets": [
                    {
                        "path": "0",
                        "coordinateTransformations": [{"type": "scale", "scale": [1, 1, 1]}],
                    }
                ],
            }
        ]
    }
    with pytest.raises(ConversionError) as info:
        convert(doc, "0.3")
    assert [c.pointer for c in info.value.reasons] == ["/multiscales/0/axes/0/type"]
    out, report = _quiet_convert(doc, "0.3", lossy=True)
    assert out["multiscales"][0]["axes"] == ["c", "y", "x"]
    assert [c.pointer for c in report.losses] == ["/multiscales/0/axes/0/type"]


def test_translations_into_03_are_lossy() -> None:
    doc = {
        "multiscales": [
            {
                "version": "0.4",
                "axes": [{"name": "y", "type": "space"}, {"name": "x", "type": "space"}],
                "datasets": [
                    {
                        "path": "0",
                        "coordinateTransformations": [
                            {"type": "scale", "scale": [1, 1]},
                            {"type": "translation", "translation": [10, 0]},
                        ],
                    },
                    {
                        "path": "1",
                        "coordinateTransformations": [{"type": "scale", "scale": [2, 2]}],
                    },
                ],
            }
        ]
    }
    with pytest.raises(ConversionError) as info:
        convert(doc, "0.3")
    assert [c.pointer for c in info.value.reasons] == [
        "/multiscales/0/datasets/0/coordinateTransformations/1/translation"
    ]
    # the scale [2, 2] of level 1 is a downsampling factor (level 0 is identity): not a loss
    doc["multiscales"][0]["datasets"][0]["coordinateTransformations"].pop()
    out, report = convert(doc, "0.3")
    assert not report.lossy
    assert out["multiscales"][0]["datasets"] == [{"path": "0"}, {"path": "1"}]


def test_scales_checked_against_level_shapes_when_given() -> None:
    doc = {
        "multiscales": [
            {
                "version": "0.4",
                "axes": [{"name": "y", "type": "space"}, {"name": "x", "type": "space"}],
                "datasets": [
                    {
                        "path": "0",
                        "coordinateTransformations": [{"type": "scale", "scale": [1, 1]}],
                    },
                    {
                        "path": "1",
                        "coordinateTransformations": [{"type": "scale", "scale": [2, 2]}],
                    },
                ],
            }
        ]
    }
    convert(doc, "0.3", arrays={"0": ((64, 64), "uint8"), "1": ((32, 32), "uint8")})
    with pytest.raises(ConversionError) as info:
        convert(doc, "0.3", arrays={"0": ((64, 64), "uint8"), "1": ((16, 16), "uint8")})
    assert "which its shape does not imply" in str(info.value)


@pytest.mark.parametrize("lossy", [False, True])
def test_axis_names_outside_tczyx_cannot_be_written_before_04(lossy: bool) -> None:
    doc = {
        "multiscales": [
            {
                "version": "0.4",
                "axes": [
                    {"name": "angle", "type": "channel"},
                    {"name": "y", "type": "space"},
                    {"name": "x", "type": "space"},
                ],
                "datasets": [
                    {
                        "path": "0",
                        "coordinateTransformations": [{"type": "scale", "scale": [1, 1, 1]}],
                    }
                ],
            }
        ]
    }
    with pytest.raises(ConversionError, match=r"cannot be written in 0\.3") as info:
        convert(doc, "0.3", lossy=lossy)
    assert info.value.reasons == []


def test_bioformats2raw_cannot_be_written_before_04() -> None:
    doc = _example("0.4", "bf2raw/image.json")
    with pytest.raises(ConversionError, match="no bioformats2raw collections"):
        convert(doc, "0.3", lossy=True)


def test_keys_01_does_not_define_are_kept() -> None:
    out, report = convert(LABEL_02, "0.1")
    assert out["image-label"]["properties"] == LABEL_02["image-label"]["properties"]
    assert not report.lossy
    assert "/image-label/properties" in {c.pointer for c in report.changes}
    doc = _example("0.4", "multiscales_strict/multiscales_example.json")
    out, _ = _quiet_convert(doc, "0.1", lossy=True)
    assert out["multiscales"][0]["type"] == "gaussian"
    assert validate_attributes(out).valid
    back, _ = convert(out, "0.2")
    assert back["multiscales"][0]["metadata"] == doc["multiscales"][0]["metadata"]


def test_06_transformations_without_05_equivalent_are_lossy() -> None:
    doc = _example("0.6rc0", "multiscales_strict/multiscales_example.json")
    ms = doc["ome"]["multiscales"][0]
    ms["coordinateSystems"].append(
        {"name": "rotated", "axes": list(ms["coordinateSystems"][0]["axes"])}
    )
    ms["coordinateTransformations"] = [
        {
            "type": "affine",
            "affine": [[1, 0, 0, 0, 0, 0]] * 5,
            "input": {"name": "intrinsic"},
            "output": {"name": "rotated"},
        }
    ]
    if not validate_attributes(doc).valid:
        pytest.skip("affine example not valid for this validator")
    with pytest.raises(ConversionError) as info:
        convert(doc, "0.5")
    assert [c.pointer for c in info.value.reasons] == [
        "/ome/multiscales/0/coordinateTransformations"
    ]


def test_05_multiscale_transformations_become_a_second_06_coordinate_system() -> None:
    doc = _example("0.5", "multiscales_strict/multiscales_example.json")
    out, report = convert(doc, "0.6rc0")
    ms = out["ome"]["multiscales"][0]
    assert [s["name"] for s in ms["coordinateSystems"]] == ["intrinsic", "physical"]
    assert ms["coordinateTransformations"] == [
        {
            "type": "scale",
            "scale": [0.1, 1.0, 1.0, 1.0, 1.0],
            "input": {"name": "intrinsic"},
            "output": {"name": "physical"},
        }
    ]
    assert ms["datasets"][0]["coordinateTransformations"][0]["input"] == {"path": "0"}
    back, report = convert(out, "0.5")
    assert back == doc
    assert not report.lossy


@pytest.mark.parametrize("to", ["0.5", "0.4"])
@pytest.mark.parametrize(
    ("steps", "expected"),
    [
        ([{"type": "translation", "translation": [10.0, 5.0]}], ([1.0, 1.0], [10.0, 5.0])),
        (
            [
                {"type": "translation", "translation": [10.0, 0.1]},
                {"type": "scale", "scale": [2.0, 3.0]},
            ],
            ([2.0, 3.0], [20.0, 0.3]),
        ),
        (
            [{"type": "identity"}, {"type": "translation", "translation": [1.5, 0.0]}],
            ([1.0, 1.0], [1.5, 0.0]),
        ),
    ],
)
def test_06_link_of_scales_and_translations_becomes_one_scale_and_translation(
    to: str, steps: list[dict[str, Any]], expected: tuple[list[float], list[float]]
) -> None:
    """A 0.6rc0 link into a second system made of scales and translations in another form than
    0.4/0.5 allow (a lone translation, a translation before a scale) is composed exactly into a
    scale and a translation, not refused as invalid output."""
    ms = build.multiscale("yx", pixel_size=0.1, units="micrometer", version="0.6rc0")
    data = ms.to_json_dict()
    data["coordinateSystems"].append(
        {"name": "stage", "axes": list(data["coordinateSystems"][0]["axes"])}
    )
    ends = {"input": {"name": "intrinsic"}, "output": {"name": "stage"}}
    link = (
        {**steps[0], **ends}
        if len(steps) == 1
        else {"type": "sequence", **ends, "transformations": steps}
    )
    data["coordinateTransformations"] = [link]
    doc = {"ome": {"version": "0.6rc0", "multiscales": [data]}}
    assert validate_attributes(doc).valid
    out, report = convert(doc, to)
    meta = out["ome"] if to == "0.5" else out
    scale, translation = expected
    assert meta["multiscales"][0]["coordinateTransformations"] == [
        {"type": "scale", "scale": scale},
        {"type": "translation", "translation": translation},
    ]
    assert not report.lossy
    assert "normalised" in {c.action for c in report.changes}


def test_06_scene_is_lossy_into_05() -> None:
    doc = _example("0.6rc0", "multiscales_strict/multiscales_example.json")
    doc["ome"]["scene"] = {"coordinateSystems": [], "coordinateTransformations": []}
    if not validate_attributes(doc).valid:
        pytest.skip("minimal scene not valid here")
    with pytest.raises(ConversionError) as info:
        convert(doc, "0.5")
    assert "/ome/scene" in {c.pointer for c in info.value.reasons}


# ------------------------------------------------------------------------------------------
# Other keys: plates, omero, unknown keys, models


def test_03_plate_gets_indices_and_integer_times() -> None:
    out, _report = convert(PLATE_03, "0.4")
    plate = out["plate"]
    assert plate["wells"] == [
        {"path": "A/1", "rowIndex": 0, "columnIndex": 0},
        {"path": "B/3", "rowIndex": 1, "columnIndex": 2},
    ]
    assert plate["acquisitions"][0]["starttime"] == 1613481600
    assert plate["version"] == "0.4"
    back, _ = convert(out, "0.3")
    expected = copy.deepcopy(PLATE_03)  # normalised: the epoch as an integer (0.3 allows both)
    expected["plate"]["acquisitions"][0]["starttime"] = 1613481600
    expected["plate"]["wells"] = plate["wells"]  # the indices stay, unknown keys in 0.3
    assert back == expected


def test_non_epoch_start_times_are_lossy() -> None:
    doc = copy.deepcopy(PLATE_03)
    doc["plate"]["acquisitions"][0]["starttime"] = "2021-02-16"
    with pytest.raises(ConversionError) as info:
        convert(doc, "0.4")
    assert [c.pointer for c in info.value.reasons] == ["/plate/acquisitions/0/starttime"]


def test_omero_windows_filled_from_the_data_type() -> None:
    doc = copy.deepcopy(IMAGE_03)
    doc["omero"] = {
        "channels": [{"label": "DAPI"}, {"label": "GFP", "window": {"start": 5, "end": 50}}]
    }
    with pytest.raises(ConversionError) as info:
        convert(doc, "0.4")  # no data type: the first channel's window cannot be had
    assert [c.pointer for c in info.value.reasons] == ["/omero"]
    out, _report = convert(
        doc, "0.4", arrays={"0": ((2, 8, 8), "uint8"), "1": ((2, 4, 4), "uint8")}
    )
    channels = out["omero"]["channels"]
    assert channels[0]["window"] == {"min": 0, "max": 255, "start": 0, "end": 255}
    assert channels[1]["window"] == {"start": 5, "end": 50, "min": 0, "max": 255}
    assert channels[0]["color"] == "FFFFFF"
    assert validate_attributes(out).valid


def test_unknown_keys_are_kept_everywhere() -> None:
    doc = _example("0.4", "plate_strict/plate_6wells.json")
    doc["plate"]["wells"][0]["custom"] = [1, 2]
    doc["plate"]["x-extra"] = "plate"
    doc["tool"] = {"name": "mine"}
    out, _ = convert(doc, "0.5")
    assert out["tool"] == {"name": "mine"}
    assert out["ome"]["plate"]["x-extra"] == "plate"
    assert out["ome"]["plate"]["wells"][0]["custom"] == [1, 2]
    back, _ = convert(out, "0.4")
    assert back == doc


def test_unknown_keys_of_the_ome_object_move_out_of_it_in_04() -> None:
    doc = _example("0.5", "well_strict/well_2fields.json")
    doc["ome"]["inside"] = 1
    out, report = convert(doc, "0.4")
    assert out["inside"] == 1
    assert any(c.action is Action.MOVED and c.pointer == "/inside" for c in report.changes)


def test_models_in_models_out() -> None:
    doc = _example("0.4", "multiscales_strict/multiscales_example.json")
    image = v04.Image.model_validate(doc)
    new, _report = convert(image, "0.5")
    assert isinstance(new, v05.Image)
    assert new.multiscales[0].axes[0].name == "t"
    back, _ = convert(new, "0.4")
    assert isinstance(back, v04.Image)
    assert back.to_json_dict() == doc


def test_an_invalid_source_is_refused() -> None:
    doc = {"multiscales": [{"version": "0.4", "datasets": []}]}
    with pytest.raises(ConversionError, match=r"not valid OME-Zarr 0\.4"):
        convert(doc, "0.5")


def test_unknown_versions_are_value_errors() -> None:
    with pytest.raises(ValueError, match="unsupported version"):
        convert(IMAGE_01, "0.9")


def test_the_report_serialises() -> None:
    _, report = convert(IMAGE_02, "0.5")
    data = json.loads(json.dumps(report.to_dict()))
    assert data["source_version"] == "0.2"
    assert data["target_version"] == "0.5"
    assert data["kind"] == "image"
    assert all(set(c) == {"pointer", "action", "message", "lossy"} for c in data["changes"])


def test_array_info_and_tuples_are_accepted() -> None:
    a, _ = convert(
        IMAGE_03, "0.4", arrays={"0": ArrayInfo((2, 8, 8), "uint8"), "1": ((2, 4, 4), "uint8")}
    )
    b, _ = convert(IMAGE_03, "0.4", arrays={"0": ((2, 8, 8), "uint8"), "1": ((2, 4, 4), "uint8")})
    assert a == b


# ------------------------------------------------------------------------------------------
# Keys a later version defines: kept as unknown keys where the target does not define them


def _plate_01(**well: Any) -> dict[str, Any]:
    return {
        "plate": {
            "version": "0.1",
            "rows": [{"name": "A"}, {"name": "B"}],
            "columns": [{"name": "1"}, {"name": "2"}],
            "wells": [{"path": "A/2", **well}, {"path": "B/1"}],
        }
    }


def test_an_unknown_well_index_of_01_survives_05_and_back() -> None:
    doc = _plate_01(columnIndex=1)  # unknown in 0.1; 0.5 reads it as the well's column index
    up, report = convert(doc, "0.5")
    assert not report.lossy
    assert up["ome"]["plate"]["wells"][0] == {"path": "A/2", "columnIndex": 1, "rowIndex": 0}
    back, report = convert(up, "0.1")
    assert not report.lossy
    # kept as unknown keys of 0.1; the indices 0.5 filled stay too (documented normalisation)
    assert back["plate"]["wells"] == [
        {"path": "A/2", "columnIndex": 1, "rowIndex": 0},
        {"path": "B/1", "rowIndex": 1, "columnIndex": 0},
    ]
    kept = [c for c in report.changes if c.action is Action.KEPT]
    assert [c.pointer for c in kept] == ["/plate/wells/0", "/plate/wells/1"]
    assert validate_attributes(back, version="0.1").valid
    again, _ = convert(back, "0.5")
    assert again == up


def test_an_unknown_well_index_the_path_contradicts_is_lossy() -> None:
    doc = _plate_01(columnIndex=0)  # the path says column 1
    with pytest.raises(ConversionError) as info:
        convert(doc, "0.4")
    assert [c.pointer for c in info.value.reasons] == ["/plate/wells/0/columnIndex"]
    out, _ = _quiet_convert(doc, "0.4", lossy=True)
    assert out["plate"]["wells"][0] == {"path": "A/2", "rowIndex": 0, "columnIndex": 1}


def test_well_indices_are_kept_into_early_versions() -> None:
    doc = _example("0.4", "plate_strict/plate_6wells.json")
    for to in EARLY:
        out, report = convert(doc, to)
        assert not report.lossy
        assert out["plate"]["wells"] == doc["plate"]["wells"]
        assert all(
            c.action is Action.KEPT for c in report.changes if c.pointer.startswith("/plate/wells")
        )
        assert validate_attributes(out, version=to).valid
        back, _ = convert(out, "0.4")
        assert back == doc


def test_an_unknown_series_of_02_survives_05_and_back() -> None:
    doc = copy.deepcopy(LABEL_02)
    doc["series"] = ["0", "1"]  # unknown in 0.2: no bioformats2raw collections before 0.4
    up, report = convert(doc, "0.5")
    assert not report.lossy
    assert up["ome"]["series"] == ["0", "1"]
    back, report = convert(up, "0.2")
    assert not report.lossy
    assert back == doc
    assert "/series" in {c.pointer for c in report.changes if c.action is Action.KEPT}
    for to in ("0.1", "0.3"):  # between versions that do not define it: as it is
        out, report = convert(doc, to)
        assert out["series"] == ["0", "1"]
        assert not report.lossy


def test_series_of_a_document_that_is_no_collection_is_kept_before_04() -> None:
    doc = _example("0.5", "plate_strict/plate_6wells.json")
    doc["ome"]["series"] = ["0"]
    assert validate_attributes(doc).valid
    out, report = convert(doc, "0.3")
    assert out["series"] == ["0"]
    assert not report.lossy
    assert "/series" in {c.pointer for c in report.changes if c.action is Action.KEPT}
    del doc["ome"]["series"]
    doc["series"] = ["beside"]  # an unknown key beside 'ome'
    out, report = convert(doc, "0.3")  # 0.3 does not define it either
    assert out["series"] == ["beside"]
    assert not report.lossy
    with pytest.raises(ConversionError) as info:
        convert(doc, "0.4")  # at the top of 0.4 it would be the series of a collection
    assert [c.pointer for c in info.value.reasons] == ["/series"]


def test_collections_are_still_refused_before_04() -> None:
    series = {"series": ["0", "1"]}
    assert validate_attributes(series, version="0.4").valid
    for doc in (series, _example("0.4", "bf2raw/image.json")):
        for to in EARLY:
            with pytest.raises(ConversionError, match="no bioformats2raw collections") as info:
                convert(doc, to, lossy=True)
            assert info.value.reasons == []


def test_an_unknown_bioformats2raw_layout_before_04() -> None:
    doc = copy.deepcopy(IMAGE_02)
    doc["bioformats2raw.layout"] = 3  # unknown in 0.2: it would make the image a collection
    out, report = convert(doc, "0.3")  # 0.3 does not define it either
    assert out["bioformats2raw.layout"] == 3
    assert not report.lossy
    with pytest.raises(ConversionError) as info:
        convert(doc, "0.5")
    assert [c.pointer for c in info.value.reasons] == ["/bioformats2raw.layout"]


def test_an_unknown_scene_before_06() -> None:
    doc = _example("0.5", "well_strict/well_2fields.json")
    doc["ome"]["scene"] = {"name": "not a scene of 0.5"}
    if not validate_attributes(doc).valid:
        pytest.skip("an unknown scene key is not valid 0.5 here")
    out, report = convert(doc, "0.4")
    assert out["scene"] == {"name": "not a scene of 0.5"}
    assert not report.lossy
    with pytest.raises(ConversionError) as info:
        convert(doc, "0.6rc0")
    assert [c.pointer for c in info.value.reasons] == ["/ome/scene"]
